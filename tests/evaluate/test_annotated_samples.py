"""The shipped annotated samples: in sync with their authoring files, valid, varied enough;
and the quality guard: test-split figures may not drop more than 0.02 below the record."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path


from entityx.evaluate import HEADLINE, evaluate, load_annotations

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "examples" / "annotated"
RECORD = REPO / "benchmarks" / "results" / "quality_test.json"
TOLERANCE = 0.02


def build_annotations():
    spec = importlib.util.spec_from_file_location("build_annotations", REPO / "scripts" / "build_annotations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_jsonl_files_are_in_sync_with_their_sources():
    assert build_annotations().main(["--check"]) == 0, "run scripts/build_annotations.py"


def test_samples_load_validate_and_cover_what_they_should():
    docs = load_annotations(SAMPLES)
    splits = {d.split for d in docs}
    assert len(docs) >= 80 and splits == {"dev", "test"}
    negatives = [d for d in docs if not d.events]
    assert len(negatives) >= 0.2 * len(docs)
    labels = {e.label for d in docs for e in d.entities}
    assert labels == {"OFFICIAL", "ORG", "LOC", "DATE"}
    assert sum(len(d.events) for d in docs) >= 80


def test_quality_guard_on_the_test_split(nlp):
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    report = evaluate(load_annotations(SAMPLES, split=record["split"]), nlp)["report"]
    drops = {key: (record["figures"][key], round(report[key], 4)) for key in HEADLINE
             if report[key] < record["figures"][key] - TOLERANCE}
    assert not drops, (f"figures dropped by more than {TOLERANCE} (recorded, now): {drops}; "
                       "fix the regression, or re-record deliberately with "
                       "`python -m entityx.evaluate examples/annotated --split test --record "
                       "benchmarks/results/quality_test.json`")
