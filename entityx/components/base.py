"""What every gazetteer-backed component shares: data in through ``initialize``, out with ``to_disk``.

The data is the validated, JSON-safe section dicts of :class:`entityx.gazetteer.GazetteerData`.
Matchers are rebuilt from it whenever it changes (``initialize``, ``from_disk``, ``extend``) and
never per document.
"""

from __future__ import annotations

import operator
from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.util import ensure_path, from_disk, to_disk

from ..gazetteer import GazetteerData, load_gazetteers, shipped_gazetteer_files

DATA_FILE = "data.json"


class GazetteerComponent(Pipe):
    """Base class. Subclasses set ``sections`` and implement ``_compile`` and ``__call__``."""

    sections: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self.name = name
        self.data: dict[str, Any] = {s: [] if s == "common_words" else {} for s in self.sections}
        self._compile()

    # ----------------------------------------------------------------- data in
    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, gazetteers: list[str] | None = None,
                   data: GazetteerData | None = None) -> None:
        """Load the component's sections from gazetteer files (default: the shipped ones)."""
        if data is None:
            paths = gazetteers if gazetteers else [str(p) for p in shipped_gazetteer_files()]
            data = load_gazetteers(paths)
        self.set_data(data)

    def set_data(self, data: GazetteerData) -> None:
        self.data = {section: _copy(getattr(data, section)) for section in self.sections}
        self._compile()

    def extend(self, data: GazetteerData) -> None:
        """Add (or replace by id) entries from a user's gazetteer files."""
        for section in self.sections:
            extra = getattr(data, section)
            if section in ("triggers", "common_words"):
                from ..gazetteer import _merge_vocabulary
                self.data[section] = _merge_vocabulary(self.data.get(section, {}), extra)
            else:
                self.data.setdefault(section, {}).update(_copy(extra))
        self._compile()

    def _compile(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # ----------------------------------------------------------------- serialization
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"data": self.data})

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "GazetteerComponent":
        self.data = srsly.msgpack_loads(bytes_data)["data"]
        self._compile()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        to_disk(path, {DATA_FILE: lambda p: srsly.write_json(p, self.data, indent=1)}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "GazetteerComponent":
        path = ensure_path(path)

        def load(p: Path) -> None:
            self.data = srsly.read_json(p)

        from_disk(path, {DATA_FILE: load}, exclude)
        self._compile()
        return self


def _copy(value: Any) -> Any:
    return srsly.json_loads(srsly.json_dumps(value))


def longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A matcher's ``(match_id, start, end)`` in place by start, of two starting together the
    longer first, else in the matcher's order: two stable sorts by one field each (no Python
    key function per match). A match inside an earlier one then is inside one of them exactly
    when one of them ends at or after it."""
    matches.sort(key=_MATCH_END, reverse=True)
    matches.sort(key=_MATCH_START)
    return matches


_MATCH_START, _MATCH_END = operator.itemgetter(1), operator.itemgetter(2)
