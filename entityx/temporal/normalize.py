"""Turn grammar matches into TemporalExpression values.

Choices, and why:

- Missing year: the one that puts the date into a 12-month window around the anchor (the
  article's date), see ``resolve_year``. The window depends on the tense of the clause
  (tense.py): with a future marker it runs from 90 days before the anchor to 275 after, in a
  past clause from 245 before to 120 after (a past verb often reports a plan: "wurde auf den
  30. Juni verschoben"), otherwise (present tense, or no verb we know) from 120 before to 245
  after, because German uses the present for plans and the past needs a past verb. Where a
  month or season fits twice, the later one wins (the present often speaks of plans), in a
  past clause the nearer one (a past verb tells about the report as often as about the date). So "am 10. Januar" in a December article is next January, "im Oktober reiste
  er" in a May article is last October and "vom 28. Dezember bis 2. Januar" in a May article
  is the coming turn of the year. Without an anchor the value is "XXXX-MM-DD" and the dates
  are None: guessing a year would produce confident wrong dates.
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
from dataclasses import dataclass
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
    YEAR,
    YEAR_ALONE,
    YEAR_RANGE,
    TemporalExpression,
    new_expression,
)
from .grammar import BARE_YEAR, MONTH_YEAR, RANGE, SINGLE_DAY, YEARS, Grammar
from .tense import FUTURE, NONE, PAST, TextTense

_PLAUSIBLE_YEARS = range(1900, 2101)
# Days from the anchor a date without a year may lie, by the direction of its clause.
_WINDOWS = {FUTURE: (-90, 275), PAST: (-364, 30), NONE: (-120, 245)}
_ANY_WINDOW = (min(low for low, _ in _WINDOWS.values()), max(high for _, high in _WINDOWS.values()))
_EVERY_WINDOW = (max(low for low, _ in _WINDOWS.values()), min(high for _, high in _WINDOWS.values()))

Groups = dict[str, str | None]


@dataclass(slots=True)
class Context:
    """What a normalizer may know besides the match: the anchor and the tense of the text.

    anchor (date | None): the document date.
    tense (TextTense | None): directions of clauses of the text (None: always NONE).
    """

    anchor: date | None
    tense: TextTense | None = None

    def direction(self, match: re.Match[str]) -> int:
        """FUTURE, PAST or NONE for the clause around the match's span."""
        return self.tense.direction(*span(match)) if self.tense is not None else NONE


Normalizer = Callable[[re.Match[str], Grammar, Context], TemporalExpression | None]


def span(match: re.Match[str]) -> tuple[int, int]:
    """The expression's span: the group ``x`` where the pattern has one, else the match."""
    if "x" in match.re.groupindex and match.start("x") >= 0:
        return match.span("x")
    return match.span()


def resolve_year(
    context: Context, match: re.Match[str], interval: Callable[[int], tuple[date, date] | None]
) -> int | None:
    """The year for an expression without one (see the module docstring); None without anchor.

    interval (Callable[[int], tuple[date, date] | None]): the expression's first and last day
        in a given year, or None when it does not exist in that year (29 February).
    """
    anchor = context.anchor
    if anchor is None:
        return None
    this_year = anchor.year
    today = anchor.toordinal()
    candidates = []
    for year in (this_year, this_year + 1, this_year - 1):
        bounds = interval(year)
        if bounds is None:
            continue
        first = bounds[0].toordinal()
        if first > today:
            distance = first - today
        else:
            distance = min(0, bounds[1].toordinal() - today)
        candidates.append((distance, year))
    if not candidates:
        return this_year
    # Reading the tense of the clause costs more than all the rest: read it only when the
    # directions disagree. Most dates fit the same year whatever the tense, for instance
    # when only one year lies in any window, and in all of them.
    low, high = _ANY_WINDOW
    near = [c for c in candidates if low <= c[0] <= high]
    if len(near) == 1 and _EVERY_WINDOW[0] <= near[0][0] <= _EVERY_WINDOW[1]:
        return near[0][1]
    future = _pick_year(candidates, FUTURE, this_year)
    present = _pick_year(candidates, NONE, this_year)
    past = _pick_year(candidates, PAST, this_year)
    if future == present == past:
        return future
    direction = context.direction(match)
    return future if direction == FUTURE else past if direction == PAST else present


def _pick_year(candidates: list[tuple[int, int]], direction: int, anchor_year: int) -> int:
    """The year for ``resolve_year``: candidates are (days from the anchor, year).

    The latest year that fits the direction's window (in a past clause: the nearest of them);
    if none fits, the nearest year (ties: the anchor's year, then the first candidate).
    """
    low, high = _WINDOWS[direction]
    fitting = [c for c in candidates if low <= c[0] <= high]
    if direction != PAST and fitting:
        return max(year for _, year in fitting)
    best = None
    for candidate in fitting or candidates:
        key = (abs(candidate[0]), candidate[1] != anchor_year)
        if best is None or key < best[0]:
            best = (key, candidate[1])
    assert best is not None
    return best[1]


def _single_day(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression | None:
    anchor = context.anchor
    groups = match.groupdict()
    if not _padded_if_short_year(groups, ""):
        return None
    day, month, year_text = _side(groups, "", grammar)
    year = _explicit_year(year_text, anchor)
    if year is None:
        year = resolve_year(context, match, lambda y: _same_day(y, month, day))
    flags: list[str] = []
    when = _calendar_date(year, month, day, flags)
    _check_weekday(groups.get("wd"), when, grammar, flags)
    return _expression(match, _timex(year, month, day), when, when, DAY, flags)


def _range(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression | None:
    anchor = context.anchor
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

        def interval(year: int) -> tuple[date, date] | None:
            try:
                return date(year, left_month, left_day), date(year + new_year, right_month, right_day)
            except ValueError:
                return None

        left_year = resolve_year(context, match, interval)
        right_year = left_year + new_year if left_year is not None else None

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
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression | None:
    month = grammar.month_numbers[match["mn"].casefold()]
    year = int(match["y"])
    flags: list[str] = []
    start = _calendar_date(year, month, 1, flags)
    end = start.replace(day=days_in_month(year, month)) if start else None
    return _expression(match, f"{year:04d}-{month:02d}", start, end, MONTH, flags)


def _years(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression | None:
    first, last = int(match["y1"]), int(match["y2"])
    if last <= first:  # "2023-2022" is not a period; more likely a count or a score
        return None
    return _expression(match, f"{first:04d}", date(first, 1, 1), date(last, 12, 31), YEAR_RANGE, [])


_WORD_BEFORE = re.compile(r"(\S+)\s+\Z")
_WORD_AFTER = re.compile(r"\s+(\S+)(?:\s+(\S+))?")
_INFLECTED = ("e", "en", "er", "es", "em")
# "2014 reiste Merkel", "2019 wurde er": a past verb after the year, no adjective
_PRETERITE = ("te", "ten", "de", "den")
# a year first in its sentence is followed by the verb ("2014 kamen"), never an adjective
_CLAUSE_ENDS = (".", "!", "?", ":", ";", "\u201c", "\u201d", '"')


def _bare_year(
    match: re.Match[str], grammar: Grammar, context: Context
) -> TemporalExpression | None:
    """A year standing alone ("seit 2014", "Jahr 2023", "war 2014 in Astana"), flagged
    YEAR_ALONE, or None where its context makes the number a count or a name.

    The word before decides first: after "seit", "im", "Jahr" ... it is a year; after "rund",
    "mehr als", "Resolution" ... it is not; after an article only when a lower-case word
    follows ("der 2018 gewählte Präsident", not "die Zahl 17 und dann die 2023"). Else the
    words after decide: a capitalized word ("2000 Soldaten") or, inside a sentence, an
    inflected adjective before one ("2000 zusätzliche Soldaten") make it a count; a verb, a
    preposition, an article or punctuation ("2014 präsidiert", "2014 in Kraft", "2024 den
    Vorsitz", "seit 2019.", "2019 wurde Putin") leave it a year. Names of places after a year
    ("richtet 2023 Südafrika aus") are lost to this rule; counts are far more common there.
    """
    words = grammar.meaning["bare_years"]
    text = match.string
    start = match.start()
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    previous = words.get(before[1].casefold()) if before else None
    if previous == "counts_after":
        return None
    if previous != "dates_after" and not match["yw"]:
        after = _WORD_AFTER.match(text, match.end())
        if previous == "articles_before" and (after is None or not after[1][0].islower()):
            return None
        if after is not None:
            following, then = after[1], after[2]
            if following[0].isupper():
                return None
            if (before is not None and not before[1].endswith(_CLAUSE_ENDS) and then and then[0].isupper()
                    and following.isalpha() and len(following) > 3 and following.endswith(_INFLECTED)
                    and not following.endswith(_PRETERITE) and words.get(following.casefold()) != "not_adjectives"):
                return None
    year = int(match["y"])
    return _expression(match, f"{year:04d}", date(year, 1, 1), date(year, 12, 31), YEAR, [YEAR_ALONE])


NORMALIZERS: dict[str, Normalizer] = {
    SINGLE_DAY: _single_day,
    RANGE: _range,
    MONTH_YEAR: _month_year,
    YEARS: _years,
    BARE_YEAR: _bare_year,
}


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]``, without the weekday monthrange also computes."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    if 1 <= month <= 12:
        return _MONTH_DAYS[month]
    return calendar.monthrange(year, month)[1]  # raises IllegalMonthError, as before


def _side(
    groups: Groups, prefix: str, grammar: Grammar, month_if_missing: int = 0
) -> tuple[int, int, str | None]:
    """Day, month and year text of one side of a match.

    Only the left end of a range may lack a month ("15. bis 17. Mai"); it takes the right
    end's month. (Every other pattern requires a month, so the default 0 is never used.)
    """
    ordinal = groups.get(prefix + "od")
    if ordinal:  # "ersten" -> stem "erst" -> 1
        day = grammar.meaning["ordinals"][ordinal[:-2 if ordinal[-1] in "mnrs" else -1].casefold()]
    else:
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


def _same_day(year: int, month: int, day: int) -> tuple[date, date] | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return when, when


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
    first, last = span(match)
    return new_expression(
        first,
        last,
        match.string[first:last],
        value,
        start,
        end,
        granularity,
        tuple(dict.fromkeys(flags)) if flags else (),
    )
