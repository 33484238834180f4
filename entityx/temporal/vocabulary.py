"""Load and validate the German temporal vocabulary (``vocabulary.yaml``).

The vocabulary is data, kept beside the code so that month spellings ("Jänner", "Sept.")
can be added without touching a regular expression. Validation happens here, once, so the
grammar can trust what it gets; every error names the file and the entry that is wrong,
because a message like "KeyError: 13" does not tell an editor of the YAML what to fix.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import EntityxError

DEFAULT_VOCABULARY_PATH = Path(__file__).with_name("vocabulary.yaml")

_SECTIONS = (
    "months",
    "weekdays",
    "ordinals",
    "range_connectors",
    "prepositions",
    "open_ranges",
    "relative_days",
    "relative_day_adjectives",
    "day_parts",
    "deixis",
    "units",
    "previous_units",
    "part_compounds",
    "number_words",
    "duration_adjectives",
    "period_parts",
    "part_bounds",
    "seasons",
    "season_months",
    "vague",
    "vague_periods",
    "tense",
    "doc_date_labels",
    "anaphoric_days",
    "bare_years",
)
# Sections older vocabulary files may lack (their features are then off).
_OPTIONAL_SECTIONS = ("bare_years",)
BARE_YEAR_KEYS = ("dates_after", "counts_after", "articles_before", "not_adjectives")
_CONNECTOR_KINDS = ("through", "conjunction")
UNITS = ("day", "week", "weekend", "month", "quarter", "half_year", "year")
PARTS = ("start", "mid", "end")
SEASONS = ("SP", "SU", "FA", "WI")
# unit -> the largest sub-unit number part_bounds may use (day of month, ISO weekday, month).
_PART_LIMITS = {"month": 31, "week": 7, "year": 12}


class VocabularyError(EntityxError, ValueError):
    """The vocabulary file is unreadable or an entry in it is malformed.

    path (Path): the file; entry (str): the section, entry or YAML position that is wrong;
    problem (str): what is wrong with it. The message is "<path>: <entry>: <problem>".
    """

    def __init__(self, path: Path, entry: str, problem: str) -> None:
        super().__init__(f"{path}: {entry}: {problem}")
        self.path = path
        self.entry = entry
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The validated vocabulary.

    months (tuple[tuple[int, tuple[str, ...]], ...]): month number -> written forms.
    weekdays (tuple[tuple[int, tuple[str, ...]], ...]): ISO weekday -> written forms.
    ordinals (tuple[tuple[int, tuple[str, ...]], ...]): day -> ordinal words (not matched yet).
    through_connectors (tuple[str, ...]): range connectors read as "from ... to".
    conjunctions (tuple[str, ...]): connectors that list two days ("und").
    prepositions (tuple[str, ...]): words that may precede a date (never in a span).
    open_ranges (Mapping[str, tuple[str, ...]]): "start_only"/"end_only" -> prepositions.
    relative_days, relative_day_adjectives (Mapping[int, tuple[str, ...]]): day offset ->
        words ("gestern", "gestrigen").
    day_parts (Mapping[str, tuple[str, ...]]): TIMEX3 part of day ("EV") -> words.
    deixis (Mapping[int, tuple[str, ...]]): -1/0/1 -> word stems ("vergangen", "dies").
    units (Mapping[str, Mapping[str, tuple[str, ...]]]): unit -> "singular"/"plural" -> nouns.
    previous_units, part_compounds, duration_adjectives (Mapping[str, tuple[str, ...]]):
        unit -> words ("Vorjahr", "Jahres" of "Jahresende", "tägig").
    number_words (Mapping[int, tuple[str, ...]]): number -> words ("drei").
    period_parts (Mapping[str, tuple[str, ...]]): "start"/"mid"/"end" -> words ("Anfang").
    part_bounds (Mapping[str, Mapping[str, tuple[int, int]]]): unit -> part -> sub-units.
    seasons (Mapping[str, tuple[str, ...]]): TIMEX3 season code -> words.
    season_months (Mapping[str, tuple[int, int]]): season code -> first and last month.
    vague (Mapping[str, tuple[str, ...]]): PRESENT_REF/FUTURE_REF/PAST_REF -> words.
    vague_periods (Mapping[str, int]): unit -> days covered by "in den kommenden <units>".
    tense (Mapping[str, tuple[str, ...]]): word lists read by tense.py.
    doc_date_labels (Mapping[str, tuple[str, ...]]): "published"/"updated"/"neutral" -> header
        words.
    anaphoric_days (Mapping[int, tuple[str, ...]]): day offset from the date told before ->
        phrases ("tags darauf": 1).
    bare_years (Mapping[str, tuple[str, ...]]): the context that tells a year standing alone
        ("seit 2014") from a count ("rund 2000 Soldaten"); keys BARE_YEAR_KEYS; empty when the
        file has no such section (then bare years are not tagged).
    source (Path): the file this was read from, for messages.
    """

    months: tuple[tuple[int, tuple[str, ...]], ...]
    weekdays: tuple[tuple[int, tuple[str, ...]], ...]
    ordinals: tuple[tuple[int, tuple[str, ...]], ...]
    through_connectors: tuple[str, ...]
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    open_ranges: Mapping[str, tuple[str, ...]]
    relative_days: Mapping[int, tuple[str, ...]]
    relative_day_adjectives: Mapping[int, tuple[str, ...]]
    day_parts: Mapping[str, tuple[str, ...]]
    deixis: Mapping[int, tuple[str, ...]]
    units: Mapping[str, Mapping[str, tuple[str, ...]]]
    previous_units: Mapping[str, tuple[str, ...]]
    part_compounds: Mapping[str, tuple[str, ...]]
    number_words: Mapping[int, tuple[str, ...]]
    duration_adjectives: Mapping[str, tuple[str, ...]]
    period_parts: Mapping[str, tuple[str, ...]]
    part_bounds: Mapping[str, Mapping[str, tuple[int, int]]]
    seasons: Mapping[str, tuple[str, ...]]
    season_months: Mapping[str, tuple[int, int]]
    vague: Mapping[str, tuple[str, ...]]
    vague_periods: Mapping[str, int]
    tense: Mapping[str, tuple[str, ...]]
    doc_date_labels: Mapping[str, tuple[str, ...]]
    anaphoric_days: Mapping[int, tuple[str, ...]]
    bare_years: Mapping[str, tuple[str, ...]]
    source: Path


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Read and validate a vocabulary file (the packaged one when ``path`` is None).

    Raises VocabularyError naming the file and the entry for YAML syntax errors, missing or
    unknown sections, wrong numbers (month 13), empty or non-string forms, and a form that
    is given to two different months or weekdays.
    """
    source = Path(path) if path is not None else DEFAULT_VOCABULARY_PATH
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise VocabularyError(source, "file", f"cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "document"
        problem = getattr(exc, "problem", None) or str(exc)
        raise VocabularyError(source, where, f"invalid YAML ({problem})") from exc

    if not isinstance(raw, dict):
        raise VocabularyError(source, "document", "must be a mapping of sections")
    unknown = sorted(str(key) for key in raw if key not in _SECTIONS)
    if unknown:
        raise VocabularyError(
            source, unknown[0], f"unknown section (expected {', '.join(_SECTIONS)})"
        )
    missing = [name for name in _SECTIONS if name not in raw and name not in _OPTIONAL_SECTIONS]
    if missing:
        raise VocabularyError(source, missing[0], "section is missing")

    connectors = raw["range_connectors"]
    if not isinstance(connectors, dict) or set(connectors) != set(_CONNECTOR_KINDS):
        raise VocabularyError(
            source,
            "range_connectors",
            f"must be a mapping with exactly the keys {', '.join(_CONNECTOR_KINDS)}",
        )
    ordinals = _numbered_forms(source, "ordinals", raw["ordinals"], 31)
    for number, forms in ordinals:
        if not all(form.endswith("en") for form in forms):
            raise VocabularyError(source, f"ordinals[{number}]", "every form must end in 'en'")
    units = _table(source, "units", raw["units"], UNITS, raw_values=True)
    return Vocabulary(
        months=_numbered_forms(source, "months", raw["months"], 12),
        weekdays=_numbered_forms(source, "weekdays", raw["weekdays"], 7),
        ordinals=ordinals,
        through_connectors=_strings(source, "range_connectors.through", connectors["through"]),
        conjunctions=_strings(source, "range_connectors.conjunction", connectors["conjunction"]),
        prepositions=_strings(source, "prepositions", raw["prepositions"]),
        open_ranges=_table(source, "open_ranges", raw["open_ranges"], ("start_only", "end_only")),
        relative_days=_table(source, "relative_days", raw["relative_days"], range(-2, 3)),
        relative_day_adjectives=_table(
            source, "relative_day_adjectives", raw["relative_day_adjectives"], range(-2, 3)
        ),
        day_parts=_table(source, "day_parts", raw["day_parts"], ("MO", "MI", "AF", "EV", "NI")),
        deixis=_table(source, "deixis", raw["deixis"], (-1, 0, 1)),
        units={
            unit: _table(source, f"units.{unit}", value, ("singular", "plural"))
            for unit, value in units.items()
        },
        previous_units=_table(
            source, "previous_units", raw["previous_units"], UNITS, exact=False
        ),
        part_compounds=_table(
            source, "part_compounds", raw["part_compounds"], tuple(_PART_LIMITS), exact=False
        ),
        number_words=_table(source, "number_words", raw["number_words"], range(1, 100), exact=False),
        duration_adjectives=_table(
            source, "duration_adjectives", raw["duration_adjectives"], UNITS, exact=False
        ),
        period_parts=_table(source, "period_parts", raw["period_parts"], PARTS),
        part_bounds={
            unit: {
                part: _pair(source, f"part_bounds.{unit}.{part}", bounds, 1, _PART_LIMITS[unit])
                for part, bounds in _table(
                    source, f"part_bounds.{unit}", parts, PARTS, raw_values=True
                ).items()
            }
            for unit, parts in _table(
                source, "part_bounds", raw["part_bounds"], tuple(_PART_LIMITS), raw_values=True
            ).items()
        },
        seasons=_table(source, "seasons", raw["seasons"], SEASONS),
        season_months={
            season: _pair(source, f"season_months.{season}", months, 1, 12, ordered=False)
            for season, months in _table(
                source, "season_months", raw["season_months"], SEASONS, raw_values=True
            ).items()
        },
        vague=_table(source, "vague", raw["vague"], ("PRESENT_REF", "FUTURE_REF", "PAST_REF")),
        vague_periods={
            unit: _pair(source, f"vague_periods.{unit}", [days, days], 1, 36500)[0]
            for unit, days in _table(
                source, "vague_periods", raw["vague_periods"], UNITS, exact=False, raw_values=True
            ).items()
        },
        tense=_tense_table(source, raw["tense"]),
        doc_date_labels=_table(
            source, "doc_date_labels", raw["doc_date_labels"], ("published", "updated", "neutral")
        ),
        anaphoric_days=_table(
            source, "anaphoric_days", raw["anaphoric_days"],
            [n for n in range(-14, 15) if n], exact=False
        ),
        bare_years=_table(source, "bare_years", raw["bare_years"], BARE_YEAR_KEYS)
        if "bare_years" in raw else {},
        source=source,
    )


TENSE_KEYS = ("future", "past", "present", "perfect_auxiliaries", "participles", "reporting", "since")


def _tense_table(source: Path, value: Any) -> dict[str, tuple[str, ...]]:
    """The ``tense`` section: every key of TENSE_KEYS, and optionally ``not_preterites`` (words
    ending in -te/-ten that are no past verb; older vocabulary files lack it)."""
    table = _table(source, "tense", value, (*TENSE_KEYS, "not_preterites"), exact=False)
    absent = [key for key in TENSE_KEYS if key not in table]
    if absent:
        raise VocabularyError(source, f"tense[{absent[0]!r}]", "entry is missing")
    table.setdefault("not_preterites", ())
    return table


def _table(
    source: Path,
    section: str,
    value: Any,
    keys: Collection[Any],
    *,
    exact: bool = True,
    raw_values: bool = False,
) -> dict[Any, Any]:
    """Check a mapping whose keys come from ``keys`` (all of them when ``exact``).

    Values are a form or a list of forms (no form twice in the section), or, with
    ``raw_values``, left for the caller to check.
    """
    if not isinstance(value, dict) or not value:
        raise VocabularyError(source, section, f"must be a mapping with keys from {list(keys)}")
    for key in value:
        if isinstance(key, bool) or key not in keys:
            raise VocabularyError(source, f"{section}[{key!r}]", f"key must be one of {list(keys)}")
    if exact:
        absent = [key for key in keys if key not in value]
        if absent:
            raise VocabularyError(source, f"{section}[{absent[0]!r}]", "entry is missing")
    if raw_values:
        return dict(value)
    table: dict[Any, tuple[str, ...]] = {}
    owner: dict[str, Any] = {}
    for key, forms in value.items():
        entry = f"{section}[{key!r}]"
        table[key] = _strings(source, entry, forms if isinstance(forms, list) else [forms])
        for form in table[key]:
            if owner.setdefault(form.casefold(), key) != key:
                raise VocabularyError(source, entry, f"{form!r} is already listed under {owner[form.casefold()]!r}")
    return table


def _pair(
    source: Path, entry: str, value: Any, low: int, high: int, *, ordered: bool = True
) -> tuple[int, int]:
    """Check ``[first, last]``: two whole numbers in low..high, first <= last if ``ordered``."""
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) and low <= n <= high for n in value)
        or (ordered and value[0] > value[1])
    ):
        raise VocabularyError(
            source, entry, f"must be [first, last], whole numbers from {low} to {high}"
        )
    return value[0], value[1]


def _numbered(
    source: Path, section: str, value: Any, count: int
) -> list[tuple[int, tuple[str, ...]]]:
    """Check a mapping ``1..count -> form or list of forms`` and return it in number order."""
    if not isinstance(value, dict):
        raise VocabularyError(source, section, f"must be a mapping of the numbers 1..{count}")
    for key in value:
        if isinstance(key, bool) or not isinstance(key, int) or not 1 <= key <= count:
            raise VocabularyError(
                source, f"{section}[{key!r}]", f"key must be a number from 1 to {count}"
            )
    absent = [number for number in range(1, count + 1) if number not in value]
    if absent:
        raise VocabularyError(source, f"{section}[{absent[0]}]", "entry is missing")
    return [
        (
            number,
            _strings(
                source,
                f"{section}[{number}]",
                value[number] if isinstance(value[number], list) else [value[number]],
            ),
        )
        for number in range(1, count + 1)
    ]


def _numbered_forms(
    source: Path, section: str, value: Any, count: int
) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Like _numbered, and also refuse a form that would map to two different numbers."""
    entries = _numbered(source, section, value, count)
    owner: dict[str, int] = {}
    for number, forms in entries:
        for form in forms:
            previous = owner.setdefault(form.casefold(), number)
            if previous != number:
                raise VocabularyError(
                    source, f"{section}[{number}]", f"{form!r} is already listed under {previous}"
                )
    return tuple(entries)


def _strings(source: Path, entry: str, value: Any) -> tuple[str, ...]:
    """Check a non-empty list of non-empty, stripped strings."""
    if not isinstance(value, list) or not value:
        raise VocabularyError(source, entry, "must be a non-empty list of strings")
    for item in value:
        if not isinstance(item, str) or not item.strip() or item != item.strip():
            raise VocabularyError(
                source, entry, f"{item!r} must be a non-empty string without surrounding spaces"
            )
    return tuple(value)
