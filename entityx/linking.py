"""Linking names to officials: candidate generation, then the decision (as in scispacy's linker).

- :class:`NameIndex` generates candidates: exact indexes (full name or alias, surname, each also
  in the German genitive) and a rapidfuzz search for misspellings that is *blocked* by the first
  letter of the surname (with the usual transliteration swaps w/v, j/y, s/z, k/c), so its cost
  grows with one block, not with the whole gazetteer.
- :class:`Linker` decides among candidates with context: the office named next to the mention,
  its country, and who held an office on the document date. When that does not single out one
  person, it returns None and the caller keeps the candidates on the span.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from .gazetteer import OfficeIndex

# Initial letters that transliterations swap (Wolodin/Volodin, Jermak/Yermak, Sacharowa/Zakharova).
INITIAL_SWAPS = {"w": "v", "v": "w", "j": "y", "y": "j", "s": "z", "z": "s", "k": "c", "c": "k"}
FUZZY_MEMO_SIZE = 1 << 14  # fuzzy searches remembered by ``NameIndex._search``


def with_genitive(form: str) -> list[str]:
    """'Sergej Lawrow' -> also 'Sergej Lawrows'; names ending in s/x/z/ß take no -s."""
    if form[-1:] in "sxzß":
        return [form]
    return [form, form + "s"]


@dataclass(frozen=True, slots=True)
class Candidate:
    official_id: str
    form: str
    score: float


class NameIndex:
    """Candidate generation over the officials gazetteer; built once per pipeline."""

    def __init__(self, officials: Iterable[dict[str, Any]]):
        self.full_forms: dict[str, set[str]] = defaultdict(set)
        self.surname_forms: dict[str, set[str]] = defaultdict(set)
        self.first_names: set[str] = set()
        self.given_names: dict[str, set[str]] = defaultdict(set)  # official id -> first words of its names
        full_blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
        surname_blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for official in officials:
            for form in [official["name"], *official["aliases"]]:
                for variant in with_genitive(form):
                    self.full_forms[variant].add(official["id"])
                parts = form.split()
                if len(parts) > 1:
                    self.first_names.add(parts[0])
                    self.given_names[official["id"]].add(parts[0])
                    full_blocks[_block(parts[-1])].append((form, official["id"]))
            for surname in official["surnames"]:
                for variant in with_genitive(surname):
                    self.surname_forms[variant].add(official["id"])
                surname_blocks[_block(surname)].append((surname, official["id"]))
        self._full = {key: _Block(entries) for key, entries in full_blocks.items()}
        self._surnames = {key: _Block(entries) for key, entries in surname_blocks.items()}
        # (blocks, query, key word, threshold, limit) -> candidates, see ``_search``
        self._found: dict[tuple[str, str, str, float, int], list[Candidate]] = {}

    def forms_by_official(self, surnames: bool = False) -> dict[str, list[str]]:
        """official id -> its surface forms (for building phrase matchers)."""
        out: dict[str, list[str]] = defaultdict(list)
        for form, ids in (self.surname_forms if surnames else self.full_forms).items():
            for official_id in ids:
                out[official_id].append(form)
        return {k: sorted(v) for k, v in out.items()}

    def fuzzy_full(self, first: str, last: str, threshold: float, limit: int = 3) -> list[Candidate]:
        """Misspelt 'First Last' against known full names of the surname's block."""
        return self._search("full", f"{first} {last}", last, threshold, limit)

    def fuzzy_surname(self, word: str, threshold: float, limit: int = 3) -> list[Candidate]:
        """Misspelt surname ('Lawrof') against known surnames of its block."""
        return self._search("surname", word, word, threshold, limit)

    def _search(self, blocks: str, query: str, key_word: str, threshold: float,
                limit: int) -> list[Candidate]:
        """``_search`` in the "full" or "surname" blocks.

        A pure function of its arguments, asked again whenever a text repeats a name the
        gazetteer does not know, so the answers are remembered (the memo is emptied when it
        holds ``FUZZY_MEMO_SIZE`` of them; a NameIndex is built anew when the gazetteer changes).
        """
        memo_key = (blocks, query, key_word, threshold, limit)
        known = self._found.get(memo_key)
        if known is None:
            if len(self._found) >= FUZZY_MEMO_SIZE:
                self._found.clear()
            known = self._found[memo_key] = _search(
                query, key_word, self._full if blocks == "full" else self._surnames, threshold, limit)
        return list(known)


def _search(query: str, key_word: str, blocks: dict[str, _Block], threshold: float,
            limit: int) -> list[Candidate]:
    """Candidates from the block of ``key_word``'s first letter and of its usual
    transliteration swap: the best (up to ``limit``) forms of each that reach ``threshold``
    against ``query``, each official with its best form, the best first."""
    found: dict[str, Candidate] = {}
    for key in {_block(key_word), INITIAL_SWAPS.get(_block(key_word), _block(key_word))}:
        block = blocks.get(key)
        if block is None:
            continue
        for form, score, official_id in block.best(query, threshold, limit):
            if official_id not in found or found[official_id].score < score:
                found[official_id] = Candidate(official_id, form, score)
    return sorted(found.values(), key=lambda c: -c.score)


class _Block:
    """The forms (and their officials) whose key word starts with one letter, ordered by
    length, so that a search scores only the forms whose length lets them reach the
    threshold: a block's cost grows with the forms of about the query's length, not with all."""

    __slots__ = ("forms", "ids", "lengths", "order")

    def __init__(self, entries: list[tuple[str, str]]):
        """``entries``: (form, official id) in the order of the gazetteer."""
        by_length = sorted(range(len(entries)), key=lambda i: (len(entries[i][0]), i))
        self.forms = [entries[i][0] for i in by_length]
        self.ids = [entries[i][1] for i in by_length]
        self.order = by_length  # position in the gazetteer order (which wins a tie)
        self.lengths = [len(form) for form in self.forms]

    def best(self, query: str, threshold: float, limit: int) -> list[tuple[str, float, str]]:
        """(form, score, official id) of the ``limit`` best forms reaching ``threshold``,
        as ``process.extract`` over all forms in gazetteer order returns them (by score, then
        by that order)."""
        low, high = _length_window(len(query), threshold)
        first, last = bisect.bisect_left(self.lengths, low), bisect.bisect_right(self.lengths, high)
        if first >= last:
            return []
        found = process.extract(query, self.forms[first:last], scorer=fuzz.ratio,
                                score_cutoff=threshold, limit=None)
        order = self.order
        found.sort(key=lambda match: (-match[1], order[first + match[2]]))
        return [(form, score, self.ids[first + position]) for form, score, position in found[:limit]]


@functools.lru_cache(maxsize=1024)
@functools.lru_cache(maxsize=256)
def reachable_lengths(length: int, threshold: float) -> frozenset[int]:
    """Lengths of strings whose ``fuzz.ratio`` against one of ``length`` characters can reach
    ``threshold`` (> 0). The ratio of strings of lengths a and b is at most
    200 * min(a, b) / (a + b), so no string longer than length * 200 / threshold can reach it."""
    return frozenset(n for n in range(1, int(length * 200 / threshold) + 2)
                     if 200 * min(n, length) >= threshold * (n + length))


def _length_window(length: int, threshold: float) -> tuple[int, int]:
    """The shortest and the longest form whose ``fuzz.ratio`` against a query of ``length``
    characters may reach ``threshold`` (``reachable_lengths``), with a character to spare
    either side."""
    if threshold <= 0:
        return 0, 1 << 30
    reachable = reachable_lengths(length, threshold) if threshold <= 100 else frozenset()
    if not reachable:
        return 1, 0  # (no form)
    return max(min(reachable) - 1, 0), max(reachable) + 1


class Linker:
    """Decides which official a mention refers to, from its candidates and the context."""

    def __init__(self, officials: dict[str, dict[str, Any]], offices: OfficeIndex):
        self.officials = officials
        self.offices = offices

    def decide(self, ids: Iterable[str], on: dt.date, *, role_key: str | None = None,
               country: str | None = None) -> str | None:
        """One id, or None when the context cannot tell the candidates apart.

        Order: a single candidate; the one holding the office named next to the mention on
        that date (role and country); the one who ever held that office; the only one in any
        office on that date.
        """
        pool = sorted(set(ids))
        if len(pool) == 1:
            return pool[0]
        if role_key is not None:
            fitting = [i for i in pool if self.offices.tenure(i, on, role=role_key, country=country)]
            if len(fitting) == 1:
                return fitting[0]
            fitting = [i for i in pool if any(t["role"] == role_key for t in self.officials[i]["roles"])]
            if len(fitting) == 1:
                return fitting[0]
        if country is not None:
            fitting = [i for i in pool if self.officials[i]["country"] == country]
            if len(fitting) == 1:
                return fitting[0]
        active = [i for i in pool if self.offices.tenure(i, on)]
        return active[0] if len(active) == 1 else None

    def best_fuzzy(self, candidates: list[Candidate], on: dt.date) -> str | None:
        """The top fuzzy candidate, unless a second one scores the same (then decide by date)."""
        if not candidates:
            return None
        top = [c.official_id for c in candidates if c.score == candidates[0].score]
        return top[0] if len(top) == 1 else self.decide(top, on)


def _block(word: str) -> str:
    return word[:1].lower()
