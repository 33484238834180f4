"""Run entityx over an article and print the events as JSON.

    python examples/extract_events.py examples/dpa_tokajew_berlin.txt 2025-03-14
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import entityx


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("dpa_tokajew_berlin.txt")
    doc_date = sys.argv[2] if len(sys.argv) > 2 else None
    text = path.read_text(encoding="utf-8")
    for event in entityx.extract_events(text, doc_date=doc_date):
        print(json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
    for entity in entityx.extract_entities(text, doc_date=doc_date):
        print(entity.label, entity.text, entity.id, sep="\t")


if __name__ == "__main__":
    main()
