"""Score entityx's German date tagger and dateparser on the same hand-written test set.

    python3 benchmarks/temporal_benchmark.py            # all items, both systems
    python3 benchmarks/temporal_benchmark.py --limit 10 --output /tmp/t.json

Data: tests/temporal/data/expressions.jsonl (sentences with gold spans and TIMEX3 values,
a dev/test split). dateparser (``pip install dateparser``; a benchmark extra, not a runtime
dependency) is run as ``search_dates(text, languages=["de"], settings={"RELATIVE_BASE":
datetime(doc_date)})``; it returns no offsets, so each returned substring is located in the text
at its first occurrence after the previous one.

Metrics, per split (dev, test, all):
- span_p / span_r / span_f: exact character-span matches between predictions and gold.
- value_acc: of the gold expressions that some prediction overlaps (the exact match if there
  is one, else the longest overlap), the share whose value is right; value_acc_exact: the same
  over exactly matched spans only. entityx's TIMEX3 value must equal the gold value; dateparser
  has only a datetime, which counts as right when its day equals a gold day value or, for
  coarser gold (a month, a week, a range), when it falls within the gold dates.
- range_acc: of the overlapped gold expressions that have dates, the share whose start and end
  dates are both right (dateparser's interval is its single day).
- fp_per_1k_words: predictions that overlap no gold expression, per 1,000 words.
- words_per_s: whitespace words over the wall time of tagging every text once (the tagger and
  dateparser are set up and warmed up before the clock starts), measured in the same run.
Results go to a markdown table on stdout and to JSON (default benchmarks/results/temporal.json).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "temporal" / "data" / "expressions.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "temporal.json"
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted expression: span, value and dates (ISO strings or None)."""

    start: int
    end: int
    value: str
    start_date: str | None
    end_date: str | None


Tagger = Callable[[str, date | None], list[Prediction]]


def load_items(path: Path = DATA, limit: int | None = None) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return items[:limit] if limit else items


def entityx_tagger() -> Tagger:
    from entityx.temporal import DateTagger

    tagger = DateTagger()

    def tag(text: str, doc_date: date | None) -> list[Prediction]:
        return [
            Prediction(
                e.start,
                e.end,
                e.value,
                e.start_date.isoformat() if e.start_date else None,
                e.end_date.isoformat() if e.end_date else None,
            )
            for e in tagger.find(text, doc_date)
        ]

    return tag


def dateparser_tagger() -> Tagger:
    from dateparser.search import search_dates

    def tag(text: str, doc_date: date | None) -> list[Prediction]:
        settings = {"RELATIVE_BASE": datetime(doc_date.year, doc_date.month, doc_date.day)} if doc_date else {}
        found = search_dates(text, languages=["de"], settings=settings) or []
        predictions, position = [], 0
        for substring, when in found:
            start = text.find(substring, position)
            if start < 0:
                start = text.find(substring)
            if start < 0:
                continue
            position = start + len(substring)
            day = when.date().isoformat()
            predictions.append(Prediction(start, start + len(substring), day, day, day))
        return predictions

    return tag


def _value_right(system: str, prediction: Prediction, gold: dict[str, Any]) -> bool:
    if system != "dateparser" or prediction.value == gold["value"]:
        return prediction.value == gold["value"]
    if _DAY_VALUE.fullmatch(gold["value"]) or not gold["start_date"]:
        return False
    return gold["start_date"] <= prediction.value <= gold["end_date"]


def _best_overlap(gold: dict[str, Any], predictions: Iterable[Prediction]) -> Prediction | None:
    best, best_size = None, 0
    for p in predictions:
        size = min(p.end, gold["end"]) - max(p.start, gold["start"])
        if (p.start, p.end) == (gold["start"], gold["end"]):
            return p
        if size > best_size:
            best, best_size = p, size
    return best


def score(system: str, items: list[dict[str, Any]], outputs: list[list[Prediction]]) -> dict[str, float]:
    """Flat metrics dict for one system over the given items (see the module docstring)."""
    predicted = gold_count = exact = overlapped = value_right = value_exact = 0
    exact_value_right = dated = range_right = false_positives = words = 0
    for item, predictions in zip(items, outputs):
        golds = item["gold"]
        words += len(item["text"].split())
        predicted += len(predictions)
        gold_count += len(golds)
        spans = {(g["start"], g["end"]) for g in golds}
        exact += sum((p.start, p.end) in spans for p in predictions)
        false_positives += sum(
            not any(p.start < g["end"] and g["start"] < p.end for g in golds) for p in predictions
        )
        for gold in golds:
            match = _best_overlap(gold, predictions)
            if match is None:
                continue
            overlapped += 1
            right = _value_right(system, match, gold)
            value_right += right
            if (match.start, match.end) == (gold["start"], gold["end"]):
                value_exact += 1
                exact_value_right += right
            if gold["start_date"]:
                dated += 1
                range_right += (match.start_date, match.end_date) == (gold["start_date"], gold["end_date"])
    p = exact / predicted if predicted else 0.0
    r = exact / gold_count if gold_count else 0.0
    return {
        "items": len(items),
        "gold": gold_count,
        "predicted": predicted,
        "span_p": round(p, 4),
        "span_r": round(r, 4),
        "span_f": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "value_acc": round(value_right / overlapped, 4) if overlapped else 0.0,
        "value_acc_exact": round(exact_value_right / value_exact, 4) if value_exact else 0.0,
        "range_acc": round(range_right / dated, 4) if dated else 0.0,
        "overlapped_gold": overlapped,
        "fp_per_1k_words": round(1000 * false_positives / words, 2) if words else 0.0,
        "words": words,
    }


def run(system: str, tagger: Tagger, items: list[dict[str, Any]]) -> tuple[list[list[Prediction]], float]:
    """Tag every item once; return the predictions and words per second."""
    tagger("Am 15. Mai 2023 reist er.", date(2023, 5, 10))  # warm-up (lazy loading)
    anchors = [date.fromisoformat(i["doc_date"]) if i["doc_date"] else None for i in items]
    began = time.perf_counter()
    outputs = [tagger(item["text"], anchor) for item, anchor in zip(items, anchors)]
    elapsed = time.perf_counter() - began
    words = sum(len(item["text"].split()) for item in items)
    return outputs, words / elapsed if elapsed else float("inf")


def table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    columns = ["span_p", "span_r", "span_f", "value_acc", "value_acc_exact", "range_acc",
               "fp_per_1k_words", "words_per_s"]
    lines = ["| system | split | items | gold | " + " | ".join(columns) + " |",
             "|---" * (len(columns) + 4) + "|"]
    for system, splits in results.items():
        for split, metrics in splits.items():
            cells = [str(metrics.get(c, "")) for c in columns]
            lines.append(f"| {system} | {split} | {metrics['items']} | {metrics['gold']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N items")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--no-dateparser", action="store_true", help="score entityx only")
    args = parser.parse_args(argv)

    items = load_items(args.data, args.limit)
    systems: dict[str, Callable[[], Tagger]] = {"entityx": entityx_tagger}
    if not args.no_dateparser:
        systems["dateparser"] = dateparser_tagger
    results: dict[str, dict[str, dict[str, float]]] = {}
    for system, make in systems.items():
        try:
            tagger = make()
        except ImportError as exc:
            print(f"skipping {system}: {exc}", file=sys.stderr)
            continue
        outputs, speed = run(system, tagger, items)
        results[system] = {}
        for split in ("dev", "test", "all"):
            chosen = [(i, o) for i, o in zip(items, outputs) if split in ("all", i["split"])]
            if chosen:
                metrics = score(system, [i for i, _ in chosen], [o for _, o in chosen])
                if split == "all":
                    metrics["words_per_s"] = round(speed)
                results[system][split] = metrics
    print(table(results))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"data": str(args.data.relative_to(ROOT)) if args.data.is_relative_to(ROOT) else str(args.data),
                                       "results": results}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
