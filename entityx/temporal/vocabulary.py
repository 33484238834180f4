"""Load and validate the German temporal vocabulary (``vocabulary.yaml``).

The vocabulary is data, kept beside the code so that month spellings ("Jänner", "Sept.")
can be added without touching a regular expression. Validation happens here, once, so the
grammar can trust what it gets; every error names the file and the entry that is wrong,
because a message like "KeyError: 13" does not tell an editor of the YAML what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import EntityxError

DEFAULT_VOCABULARY_PATH = Path(__file__).with_name("vocabulary.yaml")

_SECTIONS = ("months", "weekdays", "ordinals", "range_connectors", "prepositions")
_CONNECTOR_KINDS = ("through", "conjunction")


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
    source (Path): the file this was read from, for messages.
    """

    months: tuple[tuple[int, tuple[str, ...]], ...]
    weekdays: tuple[tuple[int, tuple[str, ...]], ...]
    ordinals: tuple[tuple[int, tuple[str, ...]], ...]
    through_connectors: tuple[str, ...]
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
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
    missing = [name for name in _SECTIONS if name not in raw]
    if missing:
        raise VocabularyError(source, missing[0], "section is missing")

    connectors = raw["range_connectors"]
    if not isinstance(connectors, dict) or set(connectors) != set(_CONNECTOR_KINDS):
        raise VocabularyError(
            source,
            "range_connectors",
            f"must be a mapping with exactly the keys {', '.join(_CONNECTOR_KINDS)}",
        )
    return Vocabulary(
        months=_numbered_forms(source, "months", raw["months"], 12),
        weekdays=_numbered_forms(source, "weekdays", raw["weekdays"], 7),
        ordinals=_numbered_forms(source, "ordinals", raw["ordinals"], 31),
        through_connectors=_strings(source, "range_connectors.through", connectors["through"]),
        conjunctions=_strings(source, "range_connectors.conjunction", connectors["conjunction"]),
        prepositions=_strings(source, "prepositions", raw["prepositions"]),
        source=source,
    )


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
