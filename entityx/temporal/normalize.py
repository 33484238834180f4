"""Turn grammar matches into TemporalExpression values.

Choices, and why:

- Missing year: taken from the anchor (the article's date). Without an anchor the value is
  "XXXX-MM-DD" and the dates are None: guessing a year would produce confident wrong dates.
  There is deliberately no "nearest future" shifting yet ("10. Jan." in a December article
  stays in the anchor's year); that belongs to the relative-expression work.
- Ranges: ``value`` is the TIMEX3 value of the first day; the interval is start_date..end_date.
  A missing year on one side is taken from the other; when the left month is later than the
  right one and the years are not both written ("28. Dezember bis 2. Januar"), the range
  crosses New Year, so the end is in the year after the start.
- Two-digit years ("15.05.23") get the century that puts them closest to the anchor's year
  (2000 without an anchor), and are accepted only in the padded form DD.MM.YY, because
  "Python 3.10.12" is a version, not a date.
- Bad input gives flags, never an exception or a made-up date: "31. Februar" is flagged
  invalid_date, "vom 17. bis 15. Mai" reversed_range; both get start_date = end_date = None,
  so that whenever dates are set, start_date <= end_date holds.
- A normalizer may return None: the match is then not a date after all (a backwards year
  range "2023-2022", an unpadded two-digit year).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from .expression import (
    CONJUNCTION,
    DAY,
    DAY_RANGE,
    IMPLAUSIBLE_YEAR,
    INVALID_DATE,
    MONTH,
    REVERSED_RANGE,
    WEEKDAY_MISMATCH,
    YEAR_RANGE,
    TemporalExpression,
)
from .grammar import MONTH_YEAR, RANGE, SINGLE_DAY, YEARS, Grammar

_PLAUSIBLE_YEARS = range(1900, 2101)

Groups = dict[str, str | None]


def normalize(
    kind: str, match: re.Match[str], grammar: Grammar, anchor: date | None
) -> TemporalExpression | None:
    """Read one match of a pattern of the given kind; None if it is not a date after all."""
    return _NORMALIZERS[kind](match, grammar, anchor)


def _single_day(
    match: re.Match[str], grammar: Grammar, anchor: date | None
) -> TemporalExpression | None:
    groups = match.groupdict()
    if not _padded_if_short_year(groups, ""):
        return None
    day, month, year_text = _side(groups, "", grammar)
    year = _explicit_year(year_text, anchor)
    if year is None and anchor is not None:
        year = anchor.year
    flags: list[str] = []
    when = _calendar_date(year, month, day, flags)
    _check_weekday(groups.get("wd"), when, grammar, flags)
    return _expression(match, _timex(year, month, day), when, when, DAY, flags)


def _range(
    match: re.Match[str], grammar: Grammar, anchor: date | None
) -> TemporalExpression | None:
    groups = match.groupdict()
    if not (_padded_if_short_year(groups, "l") and _padded_if_short_year(groups, "r")):
        return None
    right_day, right_month, right_year_text = _side(groups, "r", grammar)
    left_day, left_month, left_year_text = _side(groups, "l", grammar, right_month)
    # "28. Dezember bis 2. Januar": the range crosses New Year unless both years say otherwise.
    new_year = int(left_month > right_month)

    left_year = _explicit_year(left_year_text, anchor)
    right_year = _explicit_year(right_year_text, anchor)
    if left_year is None and right_year is not None:
        left_year = right_year - new_year
    elif right_year is None and left_year is not None:
        right_year = left_year + new_year
    elif left_year is None and anchor is not None:
        left_year = anchor.year
        right_year = left_year + new_year

    flags: list[str] = []
    start = _calendar_date(left_year, left_month, left_day, flags)
    end = _calendar_date(right_year, right_month, right_day, flags)
    _check_weekday(groups.get("wd"), start, grammar, flags)
    _check_weekday(groups.get("rwd"), end, grammar, flags)
    # Both years are None together (no year written, no anchor): compare within the year.
    left_key = (left_year if left_year is not None else 0, left_month, left_day)
    right_key = (right_year if right_year is not None else new_year, right_month, right_day)
    if left_key > right_key:
        flags.append(REVERSED_RANGE)
    if " ".join((groups["conn"] or "").split()).casefold() in grammar.conjunctions:
        flags.append(CONJUNCTION)
    if start is None or end is None or REVERSED_RANGE in flags:
        start = end = None
    return _expression(match, _timex(left_year, left_month, left_day), start, end, DAY_RANGE, flags)


def _month_year(
    match: re.Match[str], grammar: Grammar, anchor: date | None
) -> TemporalExpression | None:
    month = grammar.month_numbers[match["mn"].casefold()]
    year = int(match["y"])
    flags: list[str] = []
    start = _calendar_date(year, month, 1, flags)
    end = start.replace(day=calendar.monthrange(year, month)[1]) if start else None
    return _expression(match, f"{year:04d}-{month:02d}", start, end, MONTH, flags)


def _years(
    match: re.Match[str], grammar: Grammar, anchor: date | None
) -> TemporalExpression | None:
    first, last = int(match["y1"]), int(match["y2"])
    if last <= first:  # "2023-2022" is not a period; more likely a count or a score
        return None
    return _expression(match, f"{first:04d}", date(first, 1, 1), date(last, 12, 31), YEAR_RANGE, [])


_NORMALIZERS: dict[
    str, Callable[[re.Match[str], Grammar, date | None], TemporalExpression | None]
] = {
    SINGLE_DAY: _single_day,
    RANGE: _range,
    MONTH_YEAR: _month_year,
    YEARS: _years,
}


def _side(
    groups: Groups, prefix: str, grammar: Grammar, month_if_missing: int = 0
) -> tuple[int, int, str | None]:
    """Day, month and year text of one side of a match.

    Only the left end of a range may lack a month ("15. bis 17. Mai"); it takes the right
    end's month. (Every other pattern requires a month, so the default 0 is never used.)
    """
    day = int(groups[prefix + "d"] or 0)
    name, number = groups.get(prefix + "mn"), groups.get(prefix + "m")
    month = grammar.month_numbers[name.casefold()] if name else int(number or month_if_missing)
    return day, month, groups.get(prefix + "y") or groups.get(prefix + "ny")


def _padded_if_short_year(groups: Groups, prefix: str) -> bool:
    """A two-digit year is only a date in the form DD.MM.YY (not "3.10.12")."""
    year = groups.get(prefix + "ny")
    if year is None or len(year) == 4:
        return True
    return len(groups[prefix + "d"] or "") == 2 and len(groups[prefix + "m"] or "") == 2


def _explicit_year(text: str | None, anchor: date | None) -> int | None:
    """The written year; two digits get the century closest to the anchor (or to 2000)."""
    if text is None:
        return None
    year = int(text)
    if len(text) != 2:
        return year
    reference = anchor.year if anchor is not None else 2000
    century = reference - reference % 100
    return min(
        (century + year, century - 100 + year, century + 100 + year),
        key=lambda y: abs(y - reference),
    )


def _calendar_date(year: int | None, month: int, day: int, flags: list[str]) -> date | None:
    """The date, or None (flagging invalid_date) when the calendar has no such day."""
    if year is None:
        return None
    if year not in _PLAUSIBLE_YEARS:
        flags.append(IMPLAUSIBLE_YEAR)
    try:
        return date(year, month, day)
    except ValueError:
        flags.append(INVALID_DATE)
        return None


def _check_weekday(form: str | None, when: date | None, grammar: Grammar, flags: list[str]) -> None:
    """Flag a written weekday that does not fit the date ("Dienstag, 25. September 2023")."""
    if form is not None and when is not None and grammar.weekday_numbers[form] != when.isoweekday():
        flags.append(WEEKDAY_MISMATCH)


def _timex(year: int | None, month: int, day: int) -> str:
    return (
        f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"XXXX-{month:02d}-{day:02d}"
    )


def _expression(
    match: re.Match[str],
    value: str,
    start: date | None,
    end: date | None,
    granularity: str,
    flags: list[str],
) -> TemporalExpression:
    return TemporalExpression(
        start=match.start(),
        end=match.end(),
        text=match.group(),
        value=value,
        start_date=start,
        end_date=end,
        granularity=granularity,
        flags=tuple(dict.fromkeys(flags)),
    )
