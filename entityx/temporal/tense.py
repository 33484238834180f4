"""Which way a relative expression points: the tense of the words around it.

"Der Minister wird am Montag reisen" means the next Monday, "reiste am Montag" the last one.
Without a parser we read word lists (``tense`` in vocabulary.yaml): a future marker (a form of
"werden", "soll", "geplant", ...) makes the direction FUTURE, a finite past form ("reiste",
"war") or a Perfekt (an auxiliary "hat"/"ist" plus a participle "getroffen") makes it PAST.
Reporting verbs ("sagte", "hat ... mitgeteilt") count only in the expression's own clause
("Lukaschenko sagte am Montag, ..." is last Monday), because news wraps every statement about
the future in them ("wird am Montag reisen, sagte er"). A word like "seit" right before the
expression points back whatever the verb ("seit Montag gilt").

The clause around the expression (cut at commas, colons, quotes, brackets and dashes) is read
first, and only if it says nothing, the whole sentence: in "Der Minister, der am Montag in Minsk
war, wird am Dienstag reisen" each weekday gets its own clause's tense. Present tense cannot be
told from an unknown verb, so it is reported as NONE; callers treat NONE as documented there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

FUTURE = 1
PAST = -1
NONE = 0

# A sentence ends at . ! ? after a letter (not after a day number: "am 15. Mai") followed by
# space and an upper-case letter or quote, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_][.!?])[\"“”»«']?\s+(?=[\"„“»«]?[A-ZÄÖÜ])|\n")
_CLAUSE_BREAK = re.compile(r"[,;:()\"„“”«»]|\s[-–—]\s")
_WORD = re.compile(r"\w+")
# Generic participles ("getroffen", "gereist") count only next to an auxiliary; these words
# look like participles but are not.
_NOT_PARTICIPLES = frozenset(
    ["gegen", "gestern", "gerecht", "gesamt", "gelten", "gehen", "geben", "gewinnen", "genug"]
)


class TenseReader:
    """Reads the direction of the clause or sentence around a span of a text.

    words (Mapping[str, tuple[str, ...]]): the ``tense`` section of the vocabulary.
    """

    def __init__(self, words: Mapping[str, tuple[str, ...]]) -> None:
        def folded(key: str) -> frozenset[str]:
            return frozenset(word.casefold() for word in words[key])

        self._future = folded("future")
        self._past = folded("past")
        self._auxiliaries = folded("perfect_auxiliaries")
        self._participles = folded("participles")
        self._reporting = folded("reporting")
        self._since = folded("since")

    def points_back(self, word: str) -> bool:
        """Whether a word right before an expression makes it past ("seit Montag")."""
        return word.casefold() in self._since

    def reader(self, text: str) -> TextTense:
        """A reader for one text; it splits sentences on first use and caches directions."""
        return TextTense(self, text)

    def direction_of_words(self, chunk: str, *, own_clause: bool = False) -> int:
        """FUTURE, PAST or NONE for a clause or sentence (reporting verbs: own clause only)."""
        words = [w.casefold() for w in _WORD.findall(chunk)]
        if any(w in self._future for w in words):
            return FUTURE
        reported = any(w in self._reporting for w in words)
        words = [w for w in words if w not in self._reporting]
        if any(w in self._past for w in words) or (own_clause and reported):
            return PAST
        if any(w in self._auxiliaries for w in words) and any(
            w in self._participles
            or (w.startswith("ge") and len(w) > 5 and w.endswith(("t", "en"))
                and w not in _NOT_PARTICIPLES)
            for w in words
        ):
            return PAST
        return NONE


class TextTense:
    """Directions for spans of one text (created per ``DateTagger.find`` call, when needed)."""

    def __init__(self, reader: TenseReader, text: str) -> None:
        self._reader = reader
        self._text = text
        self._ends: list[int] | None = None

    def direction(self, start: int, end: int) -> int:
        """The direction of the clause around text[start:end], else of its sentence."""
        if self._ends is None:
            self._ends = [m.start() for m in _SENTENCE_END.finditer(self._text)]
        i = bisect.bisect_right(self._ends, start)
        first = self._ends[i - 1] if i else 0
        last = self._ends[i] if i < len(self._ends) else len(self._text)
        last = max(last, end)
        sentence = self._text[first:last]
        breaks = [m for m in _CLAUSE_BREAK.finditer(sentence)]
        clause_start = max([m.end() for m in breaks if m.end() <= start - first], default=0)
        clause_end = min([m.start() for m in breaks if m.start() >= end - first], default=len(sentence))
        before = _WORD.findall(sentence[clause_start : start - first])
        if before and self._reader.points_back(before[-1]):
            return PAST
        clause = sentence[clause_start:clause_end]
        in_clause = self._reader.direction_of_words(clause, own_clause=True)
        return in_clause or self._reader.direction_of_words(sentence)
