"""Regular expressions for explicit German dates, built once from the vocabulary.

Each pattern finds one kind of expression; the tagger runs all of them and keeps the longest
non-overlapping matches, so a range is not split into two days and "10. Mai 2023" is not
shortened to "Mai 2023". Patterns are deliberately strict at their edges, because a date
tagger in news text is mostly judged by what it does *not* tag:

- a day number must not be glued to a word, a number, a time or a version
  ("Artikel 5", "3:1", "v2.1.3", "1.000 Soldaten" never match);
- month names only count next to a day number or a four-digit year ("Karl Mai" never matches);
- numeric day.month without a year ("15.05.") is only accepted as part of a range, because on
  its own it is indistinguishable from a section number ("Ziffer 1.2.");
- a bare year ("im Jahr 2023") is not tagged; a year range ("2022-2023") is.

Group names, read by normalize.py: ``d`` day, ``mn`` month name, ``m`` month number, ``y``
four-digit year after a month name or in ISO form, ``ny`` year of a numeric date (two or four
digits), ``wd`` weekday; in ranges the same names with prefix ``l`` (left) or ``r`` (right);
``conn`` the range connector; ``y1``/``y2`` the years of a year range.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .vocabulary import Vocabulary

# Kinds of pattern; normalize.py has one function per kind.
SINGLE_DAY = "single_day"
MONTH_YEAR = "month_year"
RANGE = "range"
YEARS = "years"

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"
# Not glued to a word, a number, a decimal or thousands separator, a time or a path.
_START = r"(?<![\w.,:/])"
# A numeric date must not run on into more digits ("15.05.2023.1", "15.05.20231").
_NUMERIC_END = r"(?!\d|[.,]\d)"


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns plus the lookups needed to read their groups.

    patterns (tuple[tuple[str, re.Pattern[str]], ...]): (kind, pattern), kind from this module.
    month_numbers (Mapping[str, int]): casefolded month form -> month number.
    weekday_numbers (Mapping[str, int]): weekday form as written -> ISO weekday.
    conjunctions (frozenset[str]): casefolded connectors that list days ("und").
    """

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    month_numbers: Mapping[str, int]
    weekday_numbers: Mapping[str, int]
    conjunctions: frozenset[str]


def compile_grammar(vocabulary: Vocabulary) -> Grammar:
    """Build every pattern from the vocabulary (called once per DateTagger)."""
    month_forms = [form for _, forms in vocabulary.months for form in forms]
    weekday_forms = [form for _, forms in vocabulary.weekdays for form in forms]
    month = rf"(?i:{_alternation(month_forms)})(?!\w)"
    weekday = rf"(?:{_alternation(weekday_forms)})(?!\w)"
    connectors = vocabulary.through_connectors + vocabulary.conjunctions
    words = [c for c in connectors if any(ch.isalpha() for ch in c)]
    signs = [c for c in connectors if c not in words]  # dashes
    dash = rf"(?:{_alternation(signs)})"
    connector = rf"(?:\s+(?:{_alternation(words)})\s+|\s*{dash}\s*)"
    dash_chars = "".join(re.escape(sign) for sign in signs if len(sign) == 1)
    after_no_dash = rf"(?<![{dash_chars}])" if dash_chars else ""  # lookbehinds need 1 char

    def weekday_prefix(name: str) -> str:
        # "Montag, 25 September", "Mo. 15.05.2023", "Montag, den 15. Mai"
        return rf"(?:(?P<{name}>{weekday})(?:,\s*|\s+)(?:den\s+)?)?"

    def named(p: str) -> str:
        # ". Mai 2023" / " Mai" after the day number; the year is optional.
        return rf"(?:\.\s*|\s+)(?P<{p}mn>{month})(?:\s+(?P<{p}y>\d{{4}})(?!\d))?"

    def numeric(p: str, optional_year: str) -> str:
        # ".05.2023" / ".5.23" / ".05." after the day number; ``optional_year`` is "" or "?".
        year = rf"(?:(?P<{p}ny>\d{{4}}|\d{{2}})(?!\d)){optional_year}"
        return rf"\.(?P<{p}m>{_MONTH_NUMBER})\.{year}{_NUMERIC_END}"

    # Left end of a range: the day, optionally with month (and year): "15.", "15", "30. April",
    # "28. Dezember 2023", "15.05.". The right end always carries a month.
    left = rf"(?P<ld>{_DAY})(?:{named('l')}|{numeric('l', '?')}|\.)?"
    right = rf"{weekday_prefix('rwd')}(?P<rd>{_DAY})(?:{named('r')}|{numeric('r', '?')})"
    iso = r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
    years = rf"(?P<y1>(?:19|20)\d\d)\s*{dash}\s*(?P<y2>(?:19|20)\d\d)"
    patterns = (
        (SINGLE_DAY, rf"{_START}{weekday_prefix('wd')}(?P<d>{_DAY}){named('')}"),
        (SINGLE_DAY, rf"{_START}{weekday_prefix('wd')}(?P<d>{_DAY}){numeric('', '')}"),
        (SINGLE_DAY, rf"(?<![\w.,:/-]){iso}(?!\d|[-.,/]\d)"),
        (MONTH_YEAR, rf"(?<!\w)(?P<mn>{month})\s+(?P<y>\d{{4}})(?!\d|[.,]\d)"),
        (RANGE, rf"{_START}{weekday_prefix('wd')}{left}(?P<conn>{connector}){right}"),
        # "2022-2023", not glued to another dash or number (phone numbers, "2022-2023-2024").
        (YEARS, rf"{_START}{after_no_dash}{years}(?!\d|[.,/]\d|{dash})"),
    )
    return Grammar(
        patterns=tuple((kind, re.compile(pattern)) for kind, pattern in patterns),
        month_numbers={
            form.casefold(): number for number, forms in vocabulary.months for form in forms
        },
        weekday_numbers={form: number for number, forms in vocabulary.weekdays for form in forms},
        conjunctions=frozenset(c.casefold() for c in vocabulary.conjunctions),
    )


def _alternation(forms: Iterable[str]) -> str:
    """Escape forms and join them longest first, so "Juni" is tried before "Jun".

    Spaces inside a form ("bis zum") match any run of whitespace.
    """
    unique = sorted(set(forms), key=lambda form: (-len(form), form))
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in unique)
