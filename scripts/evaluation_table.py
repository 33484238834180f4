"""Print the README's evaluation table from the evaluator's JSON reports.

    python -m entityx.evaluate examples/annotated --split test --json benchmarks/results/evaluation_test.json
    python -m entityx.evaluate examples/annotated --split dev --json benchmarks/results/evaluation_dev.json
    python scripts/evaluation_table.py

so that the figures in the README come from a command, not from copying numbers by hand.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "gazetteer match (baseline)"
ROWS = [
    ("event detection P", "events_p"),
    ("event detection R", "events_r"),
    ("event detection F1", "events_f"),
    ("slot accuracy (matched events)", "slot_accuracy"),
    ("false events per negative document", "false_events_per_negative_doc"),
    ("entities F1 (strict)", "ents_f"),
    ("entities F1 (lenient)", "ents_lenient_f"),
    ("OFFICIAL F1 (strict)", "OFFICIAL_f"),
    ("ORG F1 (strict)", "ORG_f"),
    ("LOC F1 (strict)", "LOC_f"),
    ("DATE F1 (strict)", "DATE_f"),
    ("linking accuracy (OFFICIAL, ORG)", "link_accuracy"),
    ("DATE value accuracy", "date_value_accuracy"),
]
SLOTS = ["destination.city", "start", "end", "visit_type", "status", "host", "meetings", "organizations",
         "reported_by"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", type=Path, default=ROOT / "benchmarks/results/evaluation_test.json")
    parser.add_argument("--dev", type=Path, default=ROOT / "benchmarks/results/evaluation_dev.json")
    args = parser.parse_args()
    test = json.loads(args.test.read_text("utf-8"))["systems"]
    dev = json.loads(args.dev.read_text("utf-8"))["systems"]

    def cell(system: dict, key: str) -> str:
        value = system.get(key)
        return "–" if value is None else f"{value:.3f}"

    print("| figure | entityx (test) | gazetteer match (test) | entityx (dev) |")
    print("|---|---|---|---|")
    for label, key in ROWS:
        print(f"| {label} | {cell(test['entityx'], key)} | {cell(test[BASELINE], key)} | {cell(dev['entityx'], key)} |")
    for slot in SLOTS:
        print(f"| slot {slot} | {cell(test['entityx']['slot_accuracy_per_slot'], slot)} | – | "
              f"{cell(dev['entityx']['slot_accuracy_per_slot'], slot)} |")


if __name__ == "__main__":
    main()
