"""The hand-written evaluation set (data/expressions.jsonl) and the benchmark script."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).with_name("data")


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items() -> list[dict]:
    lines = (DATA / "expressions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _module(ROOT / "benchmarks" / "temporal_benchmark.py")


def test_set_is_well_formed(items: list[dict]) -> None:
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        assert set(item) == {"id", "text", "doc_date", "gold", "split"}
        assert item["split"] in ("dev", "test")
        if item["doc_date"]:
            date.fromisoformat(item["doc_date"])
        for gold in item["gold"]:
            assert item["text"][gold["start"] : gold["end"]] == gold["text"], item["id"]
            assert (gold["start_date"] is None) == (gold["end_date"] is None), item["id"]
            if gold["start_date"]:
                assert gold["start_date"] <= gold["end_date"], item["id"]


def test_set_size_and_split(items: list[dict]) -> None:
    assert sum(len(item["gold"]) for item in items) >= 400
    assert sum(not item["gold"] for item in items) >= 40  # sentences without a date
    test_share = sum(item["split"] == "test" for item in items) / len(items)
    assert 0.25 <= test_share <= 0.35


def test_jsonl_is_built_from_the_source(items: list[dict]) -> None:
    builder = _module(ROOT / "scripts" / "build_temporal_expressions.py")
    assert builder.build(DATA / "expressions.txt") == items


@pytest.mark.parametrize("split", ["dev", "test"])
def test_entityx_meets_the_targets(items: list[dict], bench: ModuleType, split: str) -> None:
    chosen = [item for item in items if item["split"] == split]
    tag = bench.entityx_tagger()
    outputs = [
        tag(item["text"], date.fromisoformat(item["doc_date"]) if item["doc_date"] else None)
        for item in chosen
    ]
    metrics = bench.score("entityx", chosen, outputs)
    assert metrics["value_acc"] >= 0.95
    assert metrics["span_f"] >= 0.90
    assert metrics["fp_per_1k_words"] <= 1.0


def test_benchmark_script_runs(bench: ModuleType, tmp_path: Path, capsys) -> None:
    pytest.importorskip("dateparser")
    output = tmp_path / "temporal.json"
    assert bench.main(["--limit", "10", "--output", str(output)]) == 0
    results = json.loads(output.read_text(encoding="utf-8"))["results"]
    assert set(results) == {"entityx", "dateparser"}
    assert results["entityx"]["all"]["items"] == 10
    assert results["dateparser"]["all"]["words_per_s"] > 0
    assert "| entityx | all |" in capsys.readouterr().out
