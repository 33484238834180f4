"""Build tests/temporal/data/expressions.jsonl from the hand-written expressions.txt.

The source marks gold expressions inline ([[span|value]] or [[span|value|start|end]]); this
script strips the marks, records character offsets, fills in start/end dates that follow from
the value (by the calendar rules stated in expressions.txt, independent of entityx's code) and
assigns ids and the dev/test split: every item whose number ends in 1, 4 or 7 is "test"
(30 %), the rest "dev". Run it after editing the source:

    python3 scripts/build_temporal_expressions.py
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "temporal" / "data"
MARK = re.compile(r"\[\[(.+?)\]\]")
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def dates_of(value: str, doc_date: date | None) -> tuple[date | None, date | None]:
    """The interval a TIMEX3 value stands for (None, None when it has none)."""
    if value == "PRESENT_REF":
        return doc_date, doc_date
    if found := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T\w\w)?", value):
        day = date(*map(int, found.groups()))
        return day, day
    if found := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = date.fromisocalendar(int(found[1]), int(found[2]), 1)
        if found[3]:
            return monday + timedelta(5), monday + timedelta(6)
        return monday, monday + timedelta(6)
    if found := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(found[1]), int(found[2])
        return date(year, month, 1), month_end(year, month)
    if found := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        year, size = int(found[1]), 3 if found[2] == "Q" else 6
        first = (int(found[3]) - 1) * size + 1
        return date(year, first, 1), month_end(year, first + size - 1)
    if found := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year, (first, last) = int(found[1]), SEASONS[found[2]]
        return date(year, first, 1), month_end(year + (last < first), last)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    return None, None


def parse_line(line: str, doc_date: date | None) -> tuple[str, list[dict[str, object]]]:
    text, gold, position = "", [], 0
    for found in MARK.finditer(line):
        text += line[position : found.start()]
        span, value, *interval = found[1].split("|")
        start = len(text)
        text += span
        if interval:
            first, last = (None if d == "-" else date.fromisoformat(d) for d in interval)
        else:
            first, last = dates_of(value, doc_date)
        gold.append(
            {
                "start": start,
                "end": len(text),
                "text": span,
                "value": value,
                "start_date": first.isoformat() if first else None,
                "end_date": last.isoformat() if last else None,
            }
        )
        position = found.end()
    return text + line[position:], gold


def build(source: Path) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    doc_date: date | None = None
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            doc_date = None if line == "@none" else date.fromisoformat(line[1:])
            continue
        text, gold = parse_line(line, doc_date)
        number = len(items) + 1
        items.append(
            {
                "id": f"de-{number:04d}",
                "text": text,
                "doc_date": doc_date.isoformat() if doc_date else None,
                "gold": gold,
                "split": "test" if number % 10 in (1, 4, 7) else "dev",
            }
        )
    return items


def main() -> int:
    items = build(DATA / "expressions.txt")
    with (DATA / "expressions.jsonl").open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    expressions = sum(len(item["gold"]) for item in items)  # type: ignore[arg-type]
    print(f"{len(items)} items, {expressions} gold expressions -> {DATA / 'expressions.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
