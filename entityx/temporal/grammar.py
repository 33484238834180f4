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
- a year range ("2022-2023") is tagged, and a year standing alone ("seit 2014", "im Jahr 2023")
  when its context does not make it a count or a name ("rund 2000 Soldaten", "Resolution 1325";
  the ``bare_years`` vocabulary, read by normalize._bare_year);
- a month name alone counts after "im", "seit", "ab", "bis", "für" ("im Mai"), a season only
  after those or a deictic word or before a year ("im Herbst", "kommenden Sommer"), because
  "Mai", "Sommer" and "Winter" are also names; weekdays only in their full forms ("Montag",
  not "Mo"), because "Di" and "So" are words; "Morgen" is a day only in lower case.

Spans start at the first word that carries meaning: a preposition or article that does not
change the value ("am", "im", "vom", "in der", "des") is left out; words that do are kept:
"Mitte nächster Woche", "vierten Quartal dieses Jahres", "in zwei Wochen" / "vor drei Tagen"
("in"/"vor" decide the direction), "Mittwochabend", "heute Abend". Patterns that need a word
outside the span ("im" before "Mai") mark the span with the group ``x``.

Group names, read by normalize.py: ``d`` day, ``mn`` month name, ``m`` month number, ``y``
four-digit year after a month name or in ISO form, ``ny`` year of a numeric date (two or four
digits), ``wd`` weekday; in ranges the same names with prefix ``l`` (left) or ``r`` (right);
``conn`` the range connector; ``y1``/``y2`` the years of a year range; ``od`` an ordinal day
word. The relative patterns use: ``rd``/``ra`` relative day adverb/adjective, ``dp``/``dpc``
part of day (separate word / compound), ``dx`` deictic word, ``unit``, ``prev`` a one-word
previous period ("Vorjahr"), ``part`` Anfang/Mitte/Ende (``pc``+``part2`` in "Jahresende"),
``season``, ``ord``/``ordd``/``qn`` quarter number, ``n`` a count, ``adj`` a duration adjective,
``dir`` "in"/"vor", ``vague`` a vague word, ``pre`` a preposition left out of the span, and
``<p>ref`` a genitive year phrase ("dieses Jahres", "des Vorjahres") with ``<p>dx``,
``<p>prev``, ``<p>y4``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import anchors as a
from .anchors import Starts
from .vocabulary import Vocabulary

# Kinds of pattern; normalize.py has one function per kind.
SINGLE_DAY = "single_day"
MONTH_YEAR = "month_year"
RANGE = "range"
YEARS = "years"
BARE_YEAR = "bare_year"
RELATIVE_DAY = "relative_day"
DAY_ADJECTIVE = "day_adjective"
WEEKDAY = "weekday"
WEEKDAY_RANGE = "weekday_range"
DEICTIC = "deictic"
PART = "part"
MONTH_NAME = "month_name"
MONTH_RANGE = "month_range"
SEASON = "season"
QUARTER = "quarter"
OFFSET = "offset"
DURATION = "duration"
VAGUE = "vague"

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"
# Not glued to a word, a number, a decimal or thousands separator, a time or a path.
_START = r"(?<![\w.,:/])"
# A numeric date must not run on into more digits ("15.05.2023.1", "15.05.20231").
_NUMERIC_END = r"(?!\d|[.,]\d)"
# Word edges for the relative patterns ("Montag" but not "Rosenmontag", "Montags-Demo").
_WORD_START = r"(?<![\w-])"
_WORD_END = r"(?![\w-])"
# Endings of deictic words and ordinals: "nächst-e/-er/-es/-en/-em", "viert-e/-en".
_ENDING = r"(?:e[mnrs]?)"
_YEAR4 = r"(?:1[89]|2[01])\d\d(?!\d|[.,]\d)"


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns plus the lookups needed to read their groups.

    patterns (tuple[tuple[str, re.Pattern[str]], ...]): (kind, pattern), kind from this module.
    month_numbers (Mapping[str, int]): casefolded month form -> month number.
    weekday_numbers (Mapping[str, int]): weekday form as written -> ISO weekday.
    conjunctions (frozenset[str]): casefolded connectors that list days ("und").
    meaning (Mapping[str, Mapping[str, Any]]): vocabulary section -> casefolded word -> key,
        e.g. ``meaning["units"]["wochen"] == ("week", "plural")``, ``meaning["deixis"]["nächst"]
        == 1``, ``meaning["ordinals"]["viert"] == 4`` (stems of ordinals and deictic words).
    vocabulary (Vocabulary): the vocabulary itself, for the numbers (part bounds, seasons).
    open_range (re.Pattern[str]): finds an open-range preposition at the end of a text.
    open_range_reversed (re.Pattern[str]): ``open_range`` for the reversed text: from its
        start, the spaces and then the preposition, reversed, not followed by a word.
    starts (tuple[Starts, ...]): for each pattern, the anchor words its matches start at or
        after (anchors.py), so the tagger can skip text where it cannot match.
    """

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    month_numbers: Mapping[str, int]
    weekday_numbers: Mapping[str, int]
    conjunctions: frozenset[str]
    meaning: Mapping[str, Mapping[str, Any]]
    vocabulary: Vocabulary
    open_range: re.Pattern[str]
    open_range_reversed: re.Pattern[str]
    starts: tuple[Starts, ...]


def compile_grammar(vocabulary: Vocabulary) -> Grammar:
    """Build every pattern from the vocabulary (called once per DateTagger)."""
    month_forms = [form for _, forms in vocabulary.months for form in forms]
    weekday_forms = [form for _, forms in vocabulary.weekdays for form in forms]
    ordinal_stems = _stems(form for _, forms in vocabulary.ordinals for form in forms)
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
        return rf"(?:(?P<{name}>{weekday})(?:,\s*|\s+)(?:de[nm]\s+)?)?"

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
    # Where matches start (anchors.py): at a day number (one or two digits: the pattern wants
    # a non-digit after it) or at a weekday before it. A range has two day numbers.
    patterns = (
        (
            SINGLE_DAY,
            rf"{_START}{weekday_prefix('wd')}(?P<d>{_DAY}){named('')}",
            Starts(at=(a.DAY_NUMBER, a.WEEKDAY_FORM), needs=((a.DAY_NUMBER,), (a.MONTH,))),
        ),
        # "am ersten Juni", "am Ersten Mai 2024"
        (
            SINGLE_DAY,
            (rf"{_WORD_START}{weekday_prefix('wd')}(?P<od>(?i:{_alternation(ordinal_stems)}){_ENDING})"
             rf"\s+(?P<mn>{month})(?:\s+(?P<y>\d{{4}})(?!\d))?"),
            Starts(at=(a.WEEKDAY_FORM, a.ORDINAL), needs=((a.MONTH,),)),
        ),
        # "15.05.2023": the month is a number too
        (
            SINGLE_DAY,
            rf"{_START}{weekday_prefix('wd')}(?P<d>{_DAY}){numeric('', '')}",
            Starts(at=(a.DAY_NUMBER, a.WEEKDAY_FORM), twice=(a.DAY_NUMBER,)),
        ),
        (SINGLE_DAY, rf"(?<![\w.,:/-]){iso}(?!\d|[-.,/]\d)", Starts(at=(a.YEAR_NUMBER,))),
        (
            MONTH_YEAR,
            rf"(?<!\w)(?P<mn>{month})\s+(?P<y>\d{{4}})(?!\d|[.,]\d)",
            Starts(at=(a.MONTH,), needs=((a.YEAR_NUMBER,),)),
        ),
        (
            RANGE,
            rf"{_START}{weekday_prefix('wd')}{left}(?P<conn>{connector}){right}",
            Starts(at=(a.DAY_NUMBER, a.WEEKDAY_FORM), twice=(a.DAY_NUMBER,)),
        ),
        # "2022-2023", not glued to another dash or number (phone numbers, "2022-2023-2024").
        (
            YEARS,
            rf"{_START}{after_no_dash}{years}(?!\d|[.,/]\d|{dash})",
            Starts(at=(a.YEAR_NUMBER,), twice=(a.YEAR_NUMBER,)),
        ),
    )
    if vocabulary.bare_years:
        # "2014", "Jahr 2023": 1900-2099, not glued to a word, a number, a dash or a unit sign
        # ("2014er", "2022-2023", "2000%", "1.2000"); the context is judged by the normalizer
        year_words = _alternation((*vocabulary.units["year"]["singular"], *vocabulary.units["year"]["plural"]))
        patterns += (
            (
                BARE_YEAR,
                (rf"{_START}(?<![-‐‑–—])(?:(?P<yw>{year_words})\s+)?(?P<y>(?:19|20)\d\d)"
                 rf"(?![\w%‰°-]|[.,:/]\d|\s*[-–—]\s*\d)"),
                Starts(at=(a.YEAR_NUMBER,), before=((a.YEAR_NUMBER, 1),)),
            ),
        )
    patterns += _relative_patterns(vocabulary, connector)
    open_forms = [f for forms in vocabulary.open_ranges.values() for f in forms]
    return Grammar(
        patterns=tuple((kind, re.compile(pattern)) for kind, pattern, _ in patterns),
        starts=tuple(starts for _, _, starts in patterns),
        month_numbers={
            form.casefold(): number for number, forms in vocabulary.months for form in forms
        },
        weekday_numbers={form: number for number, forms in vocabulary.weekdays for form in forms},
        conjunctions=frozenset(c.casefold() for c in vocabulary.conjunctions),
        meaning=_meaning(vocabulary),
        vocabulary=vocabulary,
        open_range=re.compile(rf"{_WORD_START}(?i:{_alternation(open_forms)})\s+\Z"),
        open_range_reversed=re.compile(
            rf"\s+(?i:{_alternation(form[::-1] for form in open_forms)})(?![\w-])"
        ),
    )


def _stems(forms: Iterable[str]) -> list[str]:
    """Ordinal stems: "vierten" -> "viert" (the grammar adds the ending)."""
    return [form[:-2] for form in forms]


def _meaning(vocabulary: Vocabulary) -> dict[str, dict[str, Any]]:
    """Casefolded word -> key for every word-list section the normalizers read."""

    def table(section: Mapping[Any, tuple[str, ...]]) -> dict[str, Any]:
        return {form.casefold(): key for key, forms in section.items() for form in forms}

    return {
        "ordinals": {
            stem.casefold(): n for n, forms in vocabulary.ordinals for stem in _stems(forms)
        },
        "units": {
            form.casefold(): (unit, number)
            for unit, numbers in vocabulary.units.items()
            for number, forms in numbers.items()
            for form in forms
        },
        "number_words": table(vocabulary.number_words),
        **{
            name: table(getattr(vocabulary, name))
            for name in (
                "relative_days",
                "relative_day_adjectives",
                "day_parts",
                "deixis",
                "previous_units",
                "part_compounds",
                "duration_adjectives",
                "period_parts",
                "seasons",
                "vague",
                "bare_years",
            )
        },
    }


def _relative_patterns(
    vocabulary: Vocabulary, connector: str
) -> tuple[tuple[str, str, Starts], ...]:
    """Patterns for expressions that need the document date (or are durations)."""
    v = vocabulary

    def alt(forms: Iterable[str]) -> str:
        return _alternation(forms)

    def either_case(forms: Iterable[str]) -> list[str]:
        # "heute" and sentence-initial "Heute"; "in Kürze" and "In Kürze".
        forms = list(forms)
        return [f[:1].upper() + f[1:] for f in forms] + forms

    def units(*names: str, number: str | None = None) -> str:
        return alt(
            form for name in names for n, forms in v.units[name].items()
            if number in (None, n) for form in forms
        )

    full_weekdays = [f for _, forms in v.weekdays for f in forms if "." not in f and len(f) > 3]
    weekday = rf"(?:{alt(full_weekdays)})"
    # "im Mai": full names and dotted abbreviations only ("ab Jan" is too odd to trust).
    strict_month = rf"(?i:{alt(f for _, forms in v.months for f in forms if f == forms[0] or '.' in f or len(f) > 3)})(?!\w)"
    month = rf"(?i:{alt(f for _, forms in v.months for f in forms)})(?!\w)"
    day_part = alt(f for forms in v.day_parts.values() for f in forms)
    day_part_compound = alt(f.casefold() for forms in v.day_parts.values() for f in forms)

    def deixis(name: str) -> str:
        stems = (stem for forms in v.deixis.values() for stem in forms)
        return rf"(?P<{name}>(?i:{alt(stems)}){_ENDING})"

    def year_ref(p: str) -> str:
        # "dieses Jahres", "des kommenden Jahres", "des Jahres 2024", "des Vorjahres"
        genitive = alt(f for f in v.units["year"]["singular"] if f.endswith("s"))
        previous = alt(f for f in v.previous_units.get("year", ()) if f.endswith("s"))
        return (
            rf"(?P<{p}ref>(?:des\s+)?{deixis(p + 'dx')}\s+(?:{genitive})"
            rf"|des\s+(?:{genitive})(?:\s+(?P<{p}y4>{_YEAR4}))?"
            + (rf"|(?:des\s+)?(?P<{p}prev>{previous})" if previous else "")
            + ")"
        )

    def year_after(p: str) -> str:
        return rf"(?:\s+(?P<{p}y>{_YEAR4})|\s+{year_ref(p)})?"

    numbers = rf"(?:\d{{1,3}}|{alt(f for forms in v.number_words.values() for f in forms)})"
    count_units = units("day", "week", "month", "year")
    parts = alt(f for forms in v.period_parts.values() for f in forms)
    part_units = units(*v.part_bounds, number="singular")
    previous = alt(f for forms in v.previous_units.values() for f in forms)
    month_prepositions = r"(?:[Ii]m|[Ss]eit|[Aa]b|[Bb]is|[Ff]ür)"
    quarter_stems = _stems(f for n, forms in v.ordinals if n <= 4 for f in forms)
    one_word_numbers = [forms[0] for _, forms in sorted(v.number_words.items())]
    relative_days = either_case(f for forms in v.relative_days.values() for f in forms)

    def after(*units_: str, words: int = 1) -> Starts:
        # The match starts ``words`` words before a unit noun ("in zwei Wochen": 2).
        return Starts(before=tuple((a.unit(u), words) for u in units_))

    count_unit_names = ("day", "week", "month", "year")
    weekday_starts = Starts(at=(a.WEEKDAY_NAME,), before=((a.WEEKDAY_NAME, 1),))
    # "Montag bis Mittwoch": two weekdays
    weekday_range_starts = Starts(
        at=(a.WEEKDAY_NAME,), before=((a.WEEKDAY_NAME, 1),), twice=(a.WEEKDAY_NAME,)
    )
    return (
        (
            RELATIVE_DAY,
            (rf"{_WORD_START}(?P<rd>{alt(f for f in relative_days if f != 'Morgen')})"
             rf"(?:\s+(?P<dp>{day_part}))?{_WORD_END}"),
            Starts(at=(a.RELATIVE_DAY_WORD,)),
        ),
        (
            DAY_ADJECTIVE,
            (rf"{_WORD_START}(?P<ra>{alt(either_case(f for forms in v.relative_day_adjectives.values() for f in forms))})"
             rf"\s+(?:(?P<wd>{weekday})|{units('day', number='singular')}){_WORD_END}"),
            Starts(at=(a.DAY_ADJECTIVE_WORD,)),
        ),
        (
            WEEKDAY,
            (rf"{_WORD_START}(?:{deixis('dx')}\s+)?(?P<wd>{weekday})(?P<dpc>{day_part_compound})?"
             rf"(?:\s+(?P<dp>{day_part}))?(?:\s+{deixis('wdx')}\s+{units('week', number='singular')})?"
             rf"{_WORD_END}"),
            weekday_starts,
        ),
        (
            WEEKDAY_RANGE,
            (rf"{_WORD_START}(?:{deixis('dx')}\s+)?(?P<wd>{weekday})(?P<conn>{connector})"
             rf"(?P<rwd>{weekday}){_WORD_END}"),
            weekday_range_starts,
        ),
        (
            DEICTIC,
            (rf"{_WORD_START}{deixis('dx')}\s+"
             rf"(?P<unit>{units('day', number='plural')}|{units('week', 'weekend', 'month', 'quarter', 'half_year', 'year')})"
             rf"{_WORD_END}"),
            after("day", "week", "weekend", "month", "quarter", "half_year", "year"),
        ),
        (DEICTIC, rf"{_WORD_START}(?P<prev>{previous}){_WORD_END}", Starts(at=(a.PREVIOUS,))),
        (
            DEICTIC,
            (rf"{_WORD_START}(?:[Aa]m|[Zz]um|übers|[Ss]eit|[Bb]is)\s+"
             rf"(?P<x>(?P<unit>{units('weekend', number='singular')})){_WORD_END}"),
            after("weekend"),
        ),
        (
            PART,
            (rf"{_WORD_START}(?P<part>{parts})\s+(?:(?P<mn>{month}){year_after('g')}"
             rf"|(?P<y>{_YEAR4})"
             rf"|(?:(?P<art>des|der)\s+)?(?:{deixis('dx')}\s+)?(?P<unit>{part_units})"
             rf"(?:\s+(?P<uy>{_YEAR4}))?"
             rf"|(?:des\s+|der\s+)?(?P<prev>{previous})){_WORD_END}"),
            Starts(at=(a.PART_WORD,)),
        ),
        (
            PART,
            (rf"{_WORD_START}(?P<pc>{alt(f for forms in v.part_compounds.values() for f in forms)})"
             rf"(?P<part2>{alt(f.casefold() for forms in v.period_parts.values() for f in forms)})"
             rf"(?:\s+(?P<y>{_YEAR4}))?{_WORD_END}"),
            Starts(at=(a.PART_COMPOUND,)),
        ),
        (
            MONTH_NAME,
            (rf"{_WORD_START}(?:(?P<pre>{month_prepositions})\s+)(?P<x>(?P<mn>{strict_month})"
             rf"(?:\s+{year_ref('g')})?){_WORD_END}"),
            Starts(before=((a.MONTH, 1),)),
        ),
        (
            MONTH_NAME,
            rf"{_WORD_START}(?P<mn>{month})\s+{year_ref('g')}{_WORD_END}",
            Starts(at=(a.MONTH,), needs=((a.unit("year"), a.PREVIOUS),)),
        ),
        (
            MONTH_RANGE,
            (rf"{_WORD_START}(?:(?P<pre>[Vv]on|[Zz]wischen|[Ii]m)\s+)?(?P<x>(?P<lmn>{strict_month})"
             rf"(?P<conn>{connector})(?P<rmn>{strict_month}){year_after('g')}){_WORD_END}"),
            Starts(at=(a.MONTH,), before=((a.MONTH, 1),), twice=(a.MONTH,)),
        ),
        (
            SEASON,
            (rf"{_WORD_START}(?:(?P<pre>{month_prepositions})\s+)?(?P<x>(?:{deixis('dx')}\s+)?"
             rf"(?P<season>{alt(f for forms in v.seasons.values() for f in forms)}){year_after('g')})"
             rf"{_WORD_END}"),
            Starts(at=(a.SEASON_WORD,), before=((a.SEASON_WORD, 1), (a.SEASON_WORD, 2))),
        ),
        (
            QUARTER,
            (rf"{_WORD_START}(?:(?P<ord>(?i:{alt(quarter_stems)}){_ENDING})|(?P<ordd>[1-4])\.)\s+"
             rf"(?P<unit>{units('quarter', 'half_year', number='singular')}){year_after('g')}{_WORD_END}"),
            after("quarter", "half_year"),
        ),
        (
            QUARTER,
            rf"{_WORD_START}Q(?P<qn>[1-4])\s*/?\s*(?P<y>{_YEAR4}){_WORD_END}",
            Starts(at=(a.QUARTER_CODE,)),
        ),
        (
            OFFSET,
            (rf"{_WORD_START}(?P<dir>[Ii]n|[Vv]or)\s+(?P<n>{numbers})\s+(?P<unit>{count_units})"
             rf"{_WORD_END}"),
            after(*count_unit_names, words=2),
        ),
        (
            DURATION,
            rf"{_WORD_START}(?P<n>{numbers})\s+(?P<unit>{count_units}){_WORD_END}",
            after(*count_unit_names),
        ),
        (
            DURATION,
            (rf"{_WORD_START}(?P<n>\d{{1,2}}-?|(?i:{alt(one_word_numbers)}))"
             rf"(?P<adj>{alt(f for forms in v.duration_adjectives.values() for f in forms)})"
             rf"{_ENDING}?{_WORD_END}"),
            Starts(at=(a.DAY_NUMBER, a.COUNT_ADJECTIVE)),
        ),
        (
            VAGUE,
            (rf"{_WORD_START}(?P<vague>{alt(either_case(f for forms in v.vague.values() for f in forms))})"
             rf"{_WORD_END}"),
            Starts(at=(a.VAGUE_WORD,), before=a.vague_tails(v)),
        ),
    )


def _alternation(forms: Iterable[str]) -> str:
    """Escape forms and join them longest first, so "Juni" is tried before "Jun".

    Spaces inside a form ("bis zum") match any run of whitespace. The forms are written as a
    trie where that is safe ("J(?:an(?:\\.|uar|)|un(?:\\.|i|)|...)"): the regex engine then
    tries a handful of branches at a position instead of every form, which matters most under
    (?i), where it cannot skip a form by its first character.
    """
    unique = sorted(set(forms), key=lambda form: (-len(form), form))
    trie = _trie(unique)
    if trie is not None:
        return trie
    return "|".join("".join(_token(ch) for ch in form) for form in unique)


def _token(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _trie(forms: list[str]) -> str | None:
    """The alternation of ``forms`` as a trie, or None where that is not safe.

    It matches what the flat alternation, longest form first, matches, with the same
    preference: two forms can match at the same position only if one is a prefix of the
    other, because siblings in the trie never match the same character (checked here, even
    ignoring case); and at each node the longer forms are tried before the one that ends there.
    """
    if not forms or "" in forms:
        return None
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # the form ends here

    def emit(node: dict[str, dict]) -> str | None:
        chars = sorted(ch for ch in node if ch)
        for i, ch in enumerate(chars):
            if any(_may_match_alike(ch, other) for other in chars[i + 1 :]):
                return None
        branches = []
        for ch in chars:
            rest = emit(node[ch])
            if rest is None:
                return None
            branches.append(_token(ch) + rest)
        if "" in node:
            if not branches:
                return ""
            branches.append("")
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(root)


def _may_match_alike(first: str, second: str) -> bool:
    """Whether the tokens of two characters can match the same character of a text."""
    if " " in (first, second):  # a space matches any whitespace
        return (second if first == " " else first).isspace()
    return bool(
        re.fullmatch(f"(?i:{re.escape(first)})", second)
        or re.fullmatch(f"(?i:{re.escape(second)})", first)
    )
