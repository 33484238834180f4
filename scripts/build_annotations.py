#!/usr/bin/env python3
"""Turn the authoring files examples/annotated/src/<split>.yaml into examples/annotated/<split>.jsonl.

Authors write entity annotations inline, which is far less error-prone than counting character
offsets by hand: ``[[surface|LABEL|id]]`` for OFFICIAL/ORG/LOC (``-`` for "not in the
gazetteer") and ``[[surface|DATE|value]]`` or ``[[surface|DATE|value|start|end]]``. This script
strips the markup, computes the offsets and writes the JSON Lines format of docs/annotation.md.

    python scripts/build_annotations.py            # write the .jsonl files
    python scripts/build_annotations.py --check    # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "examples" / "annotated" / "src"
OUT_DIR = ROOT / "examples" / "annotated"
MARKUP = re.compile(r"\[\[(.+?)\]\]")
LABELS = ("OFFICIAL", "ORG", "LOC", "DATE")


class MarkupError(ValueError):
    pass


def _iso(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value


def strip_markup(marked: str, where: str) -> tuple[str, list[dict]]:
    """Plain text plus entity dicts with offsets into it."""
    text, entities, last = [], [], 0
    length = 0
    for match in MARKUP.finditer(marked):
        before = marked[last:match.start()]
        text.append(before)
        length += len(before)
        parts = match.group(1).split("|")
        surface, label = parts[0], parts[1] if len(parts) > 1 else None
        if label not in LABELS:
            raise MarkupError(f"{where}: unknown label in [[{match.group(1)}]]")
        entity = {"start": length, "end": length + len(surface), "label": label, "text": surface}
        if label == "DATE":
            if len(parts) not in (3, 5):
                raise MarkupError(f"{where}: DATE needs value or value|start|end: [[{match.group(1)}]]")
            entity["value"] = parts[2]
            if len(parts) == 5:
                entity["start_date"], entity["end_date"] = parts[3] or None, parts[4] or None
        else:
            if len(parts) != 3:
                raise MarkupError(f"{where}: expected [[surface|{label}|id]]: [[{match.group(1)}]]")
            entity["id"] = None if parts[2] in ("-", "") else parts[2]
        text.append(surface)
        length += len(surface)
        entities.append(entity)
        last = match.end()
    text.append(marked[last:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain:
        raise MarkupError(f"{where}: unbalanced [[ ]] markup")
    return plain, entities


def build(split: str) -> str:
    source = SOURCE_DIR / f"{split}.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    lines = []
    for number, document in enumerate(data["documents"], 1):
        where = f"{source.name} document {number} ({document.get('id')})"
        text, entities = strip_markup(document["text"].rstrip("\n") + "\n", where)
        record = {
            "id": document["id"],
            "split": split,
            "kind": document.get("kind"),
            "doc_date": _iso(document.get("doc_date")),
            "text": text,
            "entities": entities,
            "events": _iso(document.get("events") or []),
        }
        if document.get("notes"):
            record["notes"] = document["notes"]
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for source in sorted(SOURCE_DIR.glob("*.yaml")):
        split = source.stem
        target = OUT_DIR / f"{split}.jsonl"
        content = build(split)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != content:
                stale.append(str(target))
        else:
            target.write_text(content, encoding="utf-8")
            print(f"wrote {target} ({content.count(chr(10))} documents)")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run scripts/build_annotations.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
