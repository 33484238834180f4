"""Find the date of an article from its own text: the dateline and the header lines.

Relative expressions ("am Montag", "nächste Woche") are only as right as the document date
they are resolved against, and crawled articles often come without one. Web pages also carry
dates that are *not* the article's: the site header shows today's date ("Flag Montag,
25 September 2023" above a May article). So the order of preference is:

1. the dateline that opens the body, with a full date: "BERLIN, 12.03.2024 (dpa) -";
2. a dateline without a year ("MOSKAU, 10. Mai (BelTA) -") completed from the header: by a
   header date on the same day and month, else with the latest year that does not put the
   dateline after a header date (a page header's "today" is never before publication);
   with no dated header line at all: None, because a guessed year would be wrong as often as
   not;
3. without a dateline, a header line (before the first long paragraph) by its kind: a
   publication line ("Veröffentlicht am 3. März 2024"), then a line that holds only a date
   and a time ("10 Mai 2023, 15:27", "12.03.2024 | 14:05"), then an update line ("Stand:
   12.03.2024"), and last a date among other words (page chrome); within a kind, the line
   nearest the body wins. Dates later than a dateline's date never win.

Only explicit dates with day, month and (except in the dateline) year count; the label words
are in vocabulary.yaml (``doc_date_labels``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .expression import TemporalExpression
from .tagger import DateTagger, default_tagger

_HEAD_LINES = 40  # a header longer than this is not a header
_BODY_WORDS = 20  # the first line with this many words starts the body
_DATELINE = re.compile(
    r"""^[ \t]*[A-ZÄÖÜ][\w.'’\-]*(?:[ /](?:am\ |an\ der\ |im\ |bei\ )?[A-ZÄÖÜ][\w.'’\-]*){0,3}
                                                                    # MOSKAU, Frankfurt am Main
        \s*,\s*(?:den\s+)?(?P<date>[^()\n/–—]{4,40}?)                 # , 10. Mai
        \s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,30}/)?                        # (BelTA), /dpa/
        \s*[-–—:]\s""",
    re.VERBOSE,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*Uhr)?\b|\bUhr\b|\bum\b")
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")
_WORDS = re.compile(r"[^\W\d_]{2,}")

PUBLISHED, DATE_LINE, UPDATED, OTHER = range(4)


@dataclass(frozen=True, slots=True)
class _HeaderDate:
    day: date
    kind: int  # PUBLISHED, DATE_LINE, UPDATED or OTHER
    line: int


def find_doc_date(text: str, *, tagger: DateTagger | None = None) -> date | None:
    """The article's date from its dateline and header lines, or None (see the module doc).

    text (str): the article as crawled, header lines included.
    tagger (DateTagger | None): the tagger to read dates with (default: the shared one).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    tagger = tagger or default_tagger()
    labels = {
        kind: {word.casefold() for word in words}
        for kind, words in tagger.vocabulary.doc_date_labels.items()
    }
    lines = text.splitlines()[: _HEAD_LINES + 1]
    headers: list[_HeaderDate] = []
    dateline: TemporalExpression | None = None
    for number, line in enumerate(lines):
        found = _DATELINE.match(line)
        if found:
            days = [e for e in tagger.find(found["date"]) if _is_day(e)]
            if days:
                dateline = days[0]
                break
        if len(line.split()) >= _BODY_WORDS:
            break
        headers.extend(_header_dates(tagger, line, number, labels))

    if dateline is not None:
        if dateline.start_date is not None:
            return dateline.start_date
        return _complete(dateline.value, headers)
    if not headers:
        return None
    return min(headers, key=lambda h: (h.kind, -h.line)).day


def _is_day(expression: TemporalExpression) -> bool:
    """An explicit calendar day (the year may be missing), not a relative one or a bad one."""
    return bool(_DAY_VALUE.fullmatch(expression.value)) and not (
        {"invalid_date", "implausible_year", "relative"} & set(expression.flags)
    )


def _header_dates(
    tagger: DateTagger, line: str, number: int, labels: dict[str, set[str]]
) -> list[_HeaderDate]:
    """The full dates on one header line, each with its kind, read from the words before it."""
    dates = [e for e in tagger.find(line) if _is_day(e) and e.start_date is not None]

    def words(chunk: str) -> set[str]:
        found = {w.casefold() for w in _WORDS.findall(_TIME.sub(" ", chunk))}
        return found - labels["neutral"]

    starts = [0, *(e.end for e in dates)]
    ends = [*(e.start for e in dates), len(line)]
    others = words(" ".join(line[a:b] for a, b in zip(starts, ends)))
    result = []
    previous_end = 0
    for expression in dates:
        before = words(line[previous_end : expression.start])
        previous_end = expression.end
        if before & labels["updated"]:
            kind = UPDATED
        elif before & labels["published"]:
            kind = PUBLISHED
        else:
            kind = OTHER if others else DATE_LINE
        if expression.start_date is not None:
            result.append(_HeaderDate(expression.start_date, kind, number))
    return result


def _complete(value: str, headers: list[_HeaderDate]) -> date | None:
    """A dateline's "XXXX-MM-DD" completed with a year from the header dates (see above)."""
    month, day = int(value[5:7]), int(value[8:10])
    if not headers:
        return None
    same = [h for h in headers if (h.day.month, h.day.day) == (month, day)]
    if same:
        return min(same, key=lambda h: (h.kind, -h.line)).day
    best = min(headers, key=lambda h: (h.kind, -h.line)).day
    year = best.year if (month, day) <= (best.month, best.day) else best.year - 1
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a year without one
        return None
