"""Normalizers for expressions that need the document date: relative, fuzzy, vague, durations.

Choices, and why (the numbers themselves live in vocabulary.yaml):

- Weekdays: "kommenden/nächsten Montag" is the first Monday after the document date,
  "vergangenen/letzten Montag" the last one before it. A bare weekday ("am Montag", "diesen
  Montag") follows the tense of its clause (tense.py): past -> the latest such day on or before
  the document date, otherwise (future, present, unknown) the first on or after it; so "wird am
  Mittwoch reisen" in a Wednesday article is that same Wednesday. "Dienstag nächster Woche" is
  the Tuesday of the next ISO week.
- "nächste/kommende Woche" is the next ISO week ("2023-W20", Monday..Sunday); months, quarters,
  half-years and years likewise ("2023-06", "2023-Q3", "2023-H2", "2024"). "am Wochenende"
  follows the tense like a weekday: "2023-W19-WE" is Saturday..Sunday of that week;
  "kommendes Wochenende" is the first weekend that has not begun, "vergangenes" the last
  one that is over.
- Anfang/Mitte/Ende keep the value of the whole period ("Anfang Mai" = "2023-05") and the flag
  mod_start/mod_mid/mod_end (TIMEX3's MOD); start_date/end_date are the part (part_bounds).
- Seasons are meteorological; "2023-WI" is December 2023 to February 2024.
- "in zwei Wochen" / "vor drei Tagen" are points at the unit's granularity: the day, the ISO
  week, the month or the year that many units after/before the document date ("in zwei
  Wochen" from Wednesday 2023-05-10 is "2023-W21").
- Durations ("drei Tage", "zweitägiger Besuch", "eine Woche") are their own expressions with
  granularity "duration", a TIMEX3 value ("P3D", "P2D", "P1W") and no dates; ``apply_duration``
  turns one into an end date. The span of "zweitägiger Besuch" is "zweitägiger" (the noun is
  not temporal).
- Vague words: PRESENT_REF ("derzeit") gets the document date as its dates; FUTURE_REF/PAST_REF
  ("demnächst", "kürzlich") get none, except "in den kommenden/vergangenen Tagen" and the like,
  which get the stretch given in vague_periods; "dieser Tage" is PRESENT_REF.
- Everything resolved from the document date carries the flag "relative". Without a document
  date the value keeps what the text says ("XXXX-05", "XXXX-WXX-1") and the dates are None.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .expression import CONJUNCTION, RELATIVE, TemporalExpression
from .grammar import (
    DAY_ADJECTIVE,
    DEICTIC,
    DURATION,
    MONTH_NAME,
    MONTH_RANGE,
    OFFSET,
    PART,
    QUARTER,
    RELATIVE_DAY,
    SEASON,
    VAGUE,
    WEEKDAY,
    WEEKDAY_RANGE,
    Grammar,
)
from .normalize import (
    Context,
    Normalizer,
    _check_weekday,
    _expression,
    days_in_month,
    resolve_year,
)
from .tense import PAST

DURATION_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_DURATION_VALUE = re.compile(r"P(\d+)([DWMY])")


def apply_duration(start: date, value: str) -> date:
    """The last day of a stay that begins on ``start`` and lasts ``value`` ("P2D", "P1W").

    Counts include the first day, as German does: a "zweitägiger Besuch" from 15 May ends on
    16 May; "P1W" ends 6 days after the start, "P1M" the day before the same day next month,
    "P1Y" the day before the same day next year (clamped to the month's end).
    Raises ValueError for a value that is not a whole count of D, W, M or Y.
    """
    found = _DURATION_VALUE.fullmatch(value)
    if found is None or int(found[1]) == 0:
        raise ValueError(f"not a duration of whole days, weeks, months or years: {value!r}")
    count, unit = int(found[1]), found[2]
    if unit in "DW":
        return start + timedelta(days=count * (7 if unit == "W" else 1) - 1)
    months = count * (12 if unit == "Y" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day) - timedelta(days=1)


# --------------------------------------------------------------------------- calendar helpers


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, days_in_month(year, month))


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    year, month = divmod(year * 12 + month - 1 + count, 12)
    return year, month + 1


def _monday(day: date) -> date:
    return day - timedelta(days=day.isoweekday() - 1)


def _week_value(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _season_bounds(grammar: Grammar, year: int, code: str) -> tuple[date, date]:
    first, last = grammar.vocabulary.season_months[code]
    return _month_bounds(year, first)[0], _month_bounds(year + (last < first), last)[1]


def _next_weekday(day: date, weekday: int, direction: int, strict: bool) -> date:
    """The first day with that ISO weekday after ``day`` (direction 1) or before it (-1)."""
    offset = (weekday - day.isoweekday()) * direction % 7
    if offset == 0 and strict:
        offset = 7
    return day + timedelta(days=offset * direction)


def _relative(
    match: re.Match[str], value: str, first: date | None, last: date | None,
    granularity: str, *flags: str,
) -> TemporalExpression:
    marks = [RELATIVE] if first is not None else []
    return _expression(match, value, first, last, granularity, [*marks, *flags])


def _g(match: re.Match[str], name: str) -> str | None:
    """A group's text, or None when it did not match or the pattern has no such group."""
    return match.group(name) if name in match.re.groupindex else None


def _count(grammar: Grammar, text: str) -> int:
    digits = text.rstrip("-")
    return int(digits) if digits.isdigit() else grammar.meaning["number_words"][text.casefold()]


def _year_ref(match: re.Match[str], grammar: Grammar, context: Context, p: str) -> int | None:
    """The year written after an expression: "2024", "dieses Jahres", "des Vorjahres".

    None when there is none (or it needs the anchor and there is none). "des Jahres" alone is
    the current year ("Ende des Jahres").
    """
    groups = match.groupdict()
    if groups.get(p + "y"):
        return int(groups[p + "y"])
    if not groups.get(p + "ref"):
        return None
    if groups.get(p + "y4"):
        return int(groups[p + "y4"])
    if context.anchor is None:
        return None
    if groups.get(p + "prev"):
        return context.anchor.year - 1
    step = _deixis(grammar, groups[p + "dx"]) if groups.get(p + "dx") else 0
    return context.anchor.year + step


def _written_year(match: re.Match[str], p: str) -> bool:
    """Whether the year after an expression is written as a number."""
    groups = match.groupdict()
    return bool(groups.get(p + "y") or groups.get(p + "y4"))


def _has_year(match: re.Match[str], p: str) -> bool:
    groups = match.groupdict()
    return bool(groups.get(p + "y") or groups.get(p + "ref"))


def _deixis(grammar: Grammar, word: str) -> int:
    """"nächsten" -> 1: the stem is the word without its ending (e, em, en, er, es)."""
    stem = word[:-1] if word.endswith("e") else word[:-2]
    return grammar.meaning["deixis"][stem.casefold()]


# --------------------------------------------------------------------------- normalizers


def _relative_day(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression:
    offset = grammar.meaning["relative_days"][_g(match, "rd").casefold()]
    return _day(match, grammar, context, offset, _g(match, "dp"))


def _day(
    match: re.Match[str], grammar: Grammar, context: Context, offset: int, part: str | None,
    weekday: str | None = None,
) -> TemporalExpression:
    suffix = f"T{grammar.meaning['day_parts'][part.casefold()]}" if part else ""
    if context.anchor is None:
        return _expression(match, f"XXXX-XX-XX{suffix}", None, None, "day", [])
    when = context.anchor + timedelta(days=offset)
    flags: list[str] = []
    _check_weekday(weekday, when, grammar, flags)
    return _relative(match, when.isoformat() + suffix, when, when, "day", *flags)


def _day_adjective(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression:
    offset = grammar.meaning["relative_day_adjectives"][_g(match, "ra").casefold()]
    return _day(match, grammar, context, offset, None, _g(match, "wd"))


def _weekday_date(
    match: re.Match[str], grammar: Grammar, context: Context, anchor: date
) -> date:
    groups = match.groupdict()
    weekday = grammar.weekday_numbers[groups["wd"]]
    if groups.get("wdx"):  # "Dienstag nächster Woche"
        monday = _monday(anchor) + timedelta(weeks=_deixis(grammar, groups["wdx"]))
        return monday + timedelta(days=weekday - 1)
    step = _deixis(grammar, groups["dx"]) if groups.get("dx") else 0
    if step:
        return _next_weekday(anchor, weekday, step, strict=True)
    if weekday == anchor.isoweekday():  # the anchor itself, whatever the tense
        return anchor
    direction = -1 if context.direction(match) == PAST else 1
    return _next_weekday(anchor, weekday, direction, strict=False)


def _weekday(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression:
    part = _g(match, "dpc") or _g(match, "dp")
    suffix = f"T{grammar.meaning['day_parts'][part.casefold()]}" if part else ""
    if context.anchor is None:
        value = f"XXXX-WXX-{grammar.weekday_numbers[match.group('wd')]}{suffix}"
        return _expression(match, value, None, None, "day", [])
    when = _weekday_date(match, grammar, context, context.anchor)
    return _relative(match, when.isoformat() + suffix, when, when, "day")


def _weekday_range(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression:
    conjunction = " ".join(_g(match, "conn").split()).casefold() in grammar.conjunctions
    flags = [CONJUNCTION] if conjunction else []
    if context.anchor is None:
        value = f"XXXX-WXX-{grammar.weekday_numbers[match.group('wd')]}"
        return _expression(match, value, None, None, "day_range", flags)
    first = _weekday_date(match, grammar, context, context.anchor)
    last = _next_weekday(first, grammar.weekday_numbers[_g(match, "rwd")], 1, strict=False)
    return _relative(match, first.isoformat(), first, last, "day_range", *flags)


def _period(grammar: Grammar, unit: str, anchor: date, step: int) -> tuple[str, date, date]:
    """Value and bounds of the week/month/quarter/half-year/year ``step`` units from anchor."""
    if unit in ("week", "weekend"):
        monday = _monday(anchor) + timedelta(weeks=step)
        if unit == "weekend":
            return f"{_week_value(monday)}-WE", monday + timedelta(5), monday + timedelta(6)
        return _week_value(monday), monday, monday + timedelta(6)
    size = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[unit]
    index = (anchor.month - 1) // size
    year, month = _add_months(anchor.year, index * size + 1, step * size)
    last_year, last_month = _add_months(year, month, size - 1)
    first, last = _month_bounds(year, month)[0], _month_bounds(last_year, last_month)[1]
    number = (month - 1) // size + 1
    value = {
        "month": f"{year:04d}-{month:02d}",
        "quarter": f"{year:04d}-Q{number}",
        "half_year": f"{year:04d}-H{number}",
        "year": f"{year:04d}",
    }[unit]
    return value, first, last


def _deictic(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression | None:
    anchor = context.anchor
    if _g(match, "prev"):  # "im Vorjahr"
        unit, number, step = grammar.meaning["previous_units"][_g(match, "prev").casefold()], "", -1
    else:
        unit, number = grammar.meaning["units"][_g(match, "unit").casefold()]
        step = _deixis(grammar, _g(match, "dx")) if _g(match, "dx") else None
    if number == "plural":  # "in den kommenden Tagen", "dieser Tage"
        if unit not in grammar.vocabulary.vague_periods:
            return None
        if step == 0:
            return _relative(match, "PRESENT_REF", anchor, anchor, "vague")
        value = "FUTURE_REF" if step == 1 else "PAST_REF"
        if anchor is None:
            return _expression(match, value, None, None, "vague", [])
        days = grammar.vocabulary.vague_periods[unit]
        near, far = anchor + timedelta(days=step), anchor + timedelta(days=step * days)
        return _relative(match, value, min(near, far), max(near, far), "vague")
    granularity = "week" if unit == "weekend" else unit
    if anchor is None:
        return _expression(match, "XXXX", None, None, granularity, [])
    if step is None:  # "am Wochenende": this week's, or the last one before a past verb
        past = anchor.isoweekday() < 6 and context.direction(match) == PAST
        step = -1 if past else 0
    elif unit == "weekend" and step == 1 and anchor.isoweekday() < 6:
        step = 0  # "kommendes Wochenende" on a weekday: the one of this week
    value, first, last = _period(grammar, unit, anchor, step)
    return _relative(match, value, first, last, granularity)


def _part(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression | None:
    groups = match.groupdict()
    anchor = context.anchor
    part = grammar.meaning["period_parts"][(groups.get("part") or groups["part2"]).casefold()]
    flags = [f"mod_{part}"]
    compound = grammar.meaning["part_compounds"].get((groups.get("pc") or "").casefold())
    unit_word = groups.get("unit")
    named_unit = grammar.meaning["units"][unit_word.casefold()][0] if unit_word else None
    if groups.get("mn"):  # "Anfang Mai", "Ende Juni 2024", "Mitte Mai dieses Jahres"
        month = grammar.month_numbers[groups["mn"].casefold()]
        year = _year_ref(match, grammar, context, "g")
        if year is None:
            year = resolve_year(
                context, match, lambda y: _part_bounds(grammar, "month", y, month, part)
            )
        if year is None:
            return _expression(match, f"XXXX-{month:02d}", None, None, "month", flags)
        first, last = _part_bounds(grammar, "month", year, month, part)
        if not _written_year(match, "g"):
            flags.insert(0, RELATIVE)
        return _expression(match, f"{year:04d}-{month:02d}", first, last, "month", flags)
    if groups.get("y") or groups.get("uy"):  # "Ende 2023", "Ende des Jahres 2024", "Jahresende 2024"
        if "year" not in (named_unit or compound or "year"):
            return None
        year = int(groups.get("y") or groups["uy"])
        first, last = _part_bounds(grammar, "year", year, 1, part)
        return _expression(match, f"{year:04d}", first, last, "year", flags)
    if compound:  # "Jahresende", "Monatsanfang"
        unit, step = compound, 0
    elif groups.get("prev"):  # "Ende des Vorjahres"
        unit, step = grammar.meaning["previous_units"][groups["prev"].casefold()], -1
    else:  # "Ende der Woche", "Mitte nächster Woche", "Anfang des Jahres"
        if not (groups.get("art") or groups.get("dx")) or named_unit is None:
            return None
        unit = named_unit
        step = _deixis(grammar, groups["dx"]) if groups.get("dx") else 0
    if unit not in grammar.vocabulary.part_bounds:
        return None
    if anchor is None:
        return _expression(match, "XXXX", None, None, unit, flags)
    value, period_first, _ = _period(grammar, unit, anchor, step)
    first, last = _part_bounds(
        grammar, unit, period_first.year, period_first.month, part, period_first
    )
    return _expression(match, value, first, last, unit, [RELATIVE, *flags])


def _part_bounds(
    grammar: Grammar, unit: str, year: int, month: int, part: str, monday: date | None = None
) -> tuple[date, date]:
    low, high = grammar.vocabulary.part_bounds[unit][part]
    if unit == "week":
        assert monday is not None
        return monday + timedelta(days=low - 1), monday + timedelta(days=high - 1)
    if unit == "year":
        return _month_bounds(year, low)[0], _month_bounds(year, high)[1]
    last_day = days_in_month(year, month)
    return date(year, month, min(low, last_day)), date(year, month, min(high, last_day))


def _month_name(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression:
    month = grammar.month_numbers[_g(match, "mn").casefold()]
    year = _year_ref(match, grammar, context, "g")
    if year is None:
        year = resolve_year(context, match, lambda y: _month_bounds(y, month))
    if year is None:
        return _expression(match, f"XXXX-{month:02d}", None, None, "month", [])
    first, last = _month_bounds(year, month)
    flags = [] if _written_year(match, "g") else [RELATIVE]
    return _expression(match, f"{year:04d}-{month:02d}", first, last, "month", flags)


def _month_range(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression | None:
    if not (_g(match, "pre") or _has_year(match, "g")):
        return None
    first_month = grammar.month_numbers[_g(match, "lmn").casefold()]
    last_month = grammar.month_numbers[_g(match, "rmn").casefold()]
    new_year = int(first_month > last_month)
    conjunction = " ".join(_g(match, "conn").split()).casefold() in grammar.conjunctions
    flags = [CONJUNCTION] if conjunction and _g(match, "pre") not in ("zwischen", "Zwischen") else []
    year = _year_ref(match, grammar, context, "g")
    if year is not None:
        year -= new_year  # the written year belongs to the end: "November bis Februar 2024"
        if not _written_year(match, "g"):
            flags.insert(0, RELATIVE)
    else:
        year = resolve_year(
            context,
            match,
            lambda y: (
                _month_bounds(y, first_month)[0], _month_bounds(y + new_year, last_month)[1]
            ),
        )
        flags.insert(0, RELATIVE)
    if year is None:
        return _expression(match, f"XXXX-{first_month:02d}", None, None, "month_range", [])
    first = _month_bounds(year, first_month)[0]
    last = _month_bounds(year + new_year, last_month)[1]
    return _expression(match, f"{year:04d}-{first_month:02d}", first, last, "month_range", flags)


def _season(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression | None:
    if not (_g(match, "pre") or _g(match, "dx") or _has_year(match, "g")):
        return None
    code = grammar.meaning["seasons"][_g(match, "season").casefold()]
    anchor = context.anchor
    year = _year_ref(match, grammar, context, "g")
    flags: list[str] = [] if year is None or _written_year(match, "g") else [RELATIVE]
    if year is None and anchor is not None:
        flags.append(RELATIVE)
        step = _deixis(grammar, _g(match, "dx")) if _g(match, "dx") else 0
        if step:  # the next season of that name starting after, or ending before, the anchor
            years = range(anchor.year - 2, anchor.year + 2)
            bounds = {y: _season_bounds(grammar, y, code) for y in years}
            if step > 0:
                year = min(y for y in years if bounds[y][0] > anchor)
            else:
                year = max(y for y in years if bounds[y][1] < anchor)
        else:
            year = resolve_year(context, match, lambda y: _season_bounds(grammar, y, code))
    if year is None:
        return _expression(match, f"XXXX-{code}", None, None, "season", [])
    first, last = _season_bounds(grammar, year, code)
    return _expression(match, f"{year:04d}-{code}", first, last, "season", flags)


def _quarter(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression | None:
    if _g(match, "qn"):
        unit, number = "quarter", int(_g(match, "qn"))
    else:
        unit = grammar.meaning["units"][_g(match, "unit").casefold()][0]
        ordinal = _g(match, "ord")
        number = int(_g(match, "ordd")) if _g(match, "ordd") else grammar.meaning["ordinals"][
            (ordinal[:-1] if ordinal.endswith("e") else ordinal[:-2]).casefold()
        ]
    size, code = (3, "Q") if unit == "quarter" else (6, "H")
    if number > 12 // size:
        return None

    def bounds(year: int) -> tuple[date, date]:
        first_month = (number - 1) * size + 1
        return _month_bounds(year, first_month)[0], _month_bounds(year, first_month + size - 1)[1]

    if _g(match, "qn"):  # "Q4 2023"
        year: int | None = int(match.group("y"))
        flags: list[str] = []
    else:
        year = _year_ref(match, grammar, context, "g")
        flags = [] if year is None or _written_year(match, "g") else [RELATIVE]
    if year is None:
        year = resolve_year(context, match, bounds)
        flags.append(RELATIVE)
    if year is None:
        return _expression(match, f"XXXX-{code}{number}", None, None, unit, [])
    first, last = bounds(year)
    return _expression(match, f"{year:04d}-{code}{number}", first, last, unit, flags)


def _offset(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression:
    count = _count(grammar, _g(match, "n"))
    unit = grammar.meaning["units"][_g(match, "unit").casefold()][0]
    step = count if _g(match, "dir").casefold() == "in" else -count
    anchor = context.anchor
    if anchor is None:
        return _expression(match, "XXXX", None, None, unit, [])
    if unit == "day":
        when = anchor + timedelta(days=step)
        return _relative(match, when.isoformat(), when, when, "day")
    value, first, last = _period(grammar, unit, anchor, step)
    return _relative(match, value, first, last, unit)


def _duration(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression:
    count = _count(grammar, _g(match, "n"))
    if _g(match, "adj"):
        unit = grammar.meaning["duration_adjectives"][_g(match, "adj").casefold()]
    else:
        unit = grammar.meaning["units"][_g(match, "unit").casefold()][0]
    return _expression(match, f"P{count}{DURATION_CODES[unit]}", None, None, "duration", [])


def _vague(match: re.Match[str], grammar: Grammar, context: Context) -> TemporalExpression | None:
    # "in  Kürze", "vor\tkurzem": the vocabulary spells the phrase with single spaces
    value = grammar.meaning["vague"].get(" ".join(_g(match, "vague").casefold().split()))
    if value is None:
        return None
    if value == "PRESENT_REF":
        return _relative(match, value, context.anchor, context.anchor, "vague")
    return _expression(match, value, None, None, "vague", [])


NORMALIZERS: dict[str, Normalizer] = {
    RELATIVE_DAY: _relative_day,
    DAY_ADJECTIVE: _day_adjective,
    WEEKDAY: _weekday,
    WEEKDAY_RANGE: _weekday_range,
    DEICTIC: _deictic,
    PART: _part,
    MONTH_NAME: _month_name,
    MONTH_RANGE: _month_range,
    SEASON: _season,
    QUARTER: _quarter,
    OFFSET: _offset,
    DURATION: _duration,
    VAGUE: _vague,
}
