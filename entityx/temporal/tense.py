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
# A break sign, or a dash between spaces. (Written so that every match starts with one
# character of a class, which lets the regex engine skip other characters quickly; it finds
# what "[,;:()\"„“”«»]|\s[-–—]\s" finds.)
_CLAUSE_BREAK = re.compile(r"[,;:()\"„“”«»\s](?:(?<=[,;:()\"„“”«»])|(?<=\s)[-–—]\s)")
_WORD = re.compile(r"\w+")
# The first word of a reversed stretch of text: its last word, reversed.
_LAST_WORD_REVERSED = re.compile(r"\W*+(\w+)")
# Where a sentence end may start: after . ! ? (the lookbehind of _SENTENCE_END) or at "\n".
_SENTENCE_END_HINT = re.compile(r"[.!?\n]")
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
        return self._direction({w.casefold() for w in _WORD.findall(chunk)}, own_clause)

    def _direction(self, words: set[str], own_clause: bool) -> int:
        """``direction_of_words`` for the set of casefolded words of a chunk."""
        if not words.isdisjoint(self._future):
            return FUTURE
        reported = not words.isdisjoint(self._reporting)
        if reported:
            words = words - self._reporting
        if not words.isdisjoint(self._past) or (own_clause and reported):
            return PAST
        if not words.isdisjoint(self._auxiliaries) and (
            not words.isdisjoint(self._participles)
            or any(
                w.startswith("ge") and len(w) > 5 and w.endswith(("t", "en"))
                and w not in _NOT_PARTICIPLES
                for w in words
            )
        ):
            return PAST
        return NONE


class TextTense:
    """Directions for spans of one text (created per ``DateTagger.find`` call, when needed).

    A text has few sentences with dates and often several dates in one sentence, so the
    sentence ends, each sentence's clause breaks and the directions of sentences and clauses
    are computed once, on first use.
    """

    def __init__(self, reader: TenseReader, text: str) -> None:
        self._reader = reader
        self._text = text
        self._ends: list[int] | None = None
        # (first, last) of a sentence -> (ends of its breaks, starts of its breaks)
        self._breaks: dict[tuple[int, int], tuple[list[int], list[int]]]
        # (first, last) of a clause or sentence (offsets in the text) -> direction
        self._clauses: dict[tuple[int, int], int]
        self._sentences: dict[tuple[int, int], int]

    def direction(self, start: int, end: int) -> int:
        """The direction of the clause around text[start:end], else of its sentence."""
        text = self._text
        if self._ends is None:
            self._ends = _sentence_ends(text)
            self._breaks, self._clauses, self._sentences = {}, {}, {}
        i = bisect.bisect_right(self._ends, start)
        first = self._ends[i - 1] if i else 0
        last = self._ends[i] if i < len(self._ends) else len(text)
        last = max(last, end)
        breaks = self._breaks.get((first, last))
        if breaks is None:
            found = list(_CLAUSE_BREAK.finditer(text, first, last))
            breaks = self._breaks[first, last] = (
                [m.end() for m in found], [m.start() for m in found]
            )
        break_ends, break_starts = breaks
        # The last break that ends at or before the span, the first that starts at or after
        # its end (ends and starts of non-overlapping matches both increase).
        j = bisect.bisect_right(break_ends, start)
        clause_start = break_ends[j - 1] if j else first
        j = bisect.bisect_left(break_starts, end)
        clause_end = break_starts[j] if j < len(break_starts) else last
        if clause_start < start:
            # The last word before the span: the first one of the clause's start, reversed.
            before = _LAST_WORD_REVERSED.match(text[clause_start:start][::-1])
            if before is not None and self._reader.points_back(before.group(1)[::-1]):
                return PAST
        direction = self._clauses.get((clause_start, clause_end))
        if direction is None:
            direction = self._clauses[clause_start, clause_end] = self._reader.direction_of_words(
                text[clause_start:clause_end], own_clause=True
            )
        if direction:
            return direction
        direction = self._sentences.get((first, last))
        if direction is None:
            direction = self._sentences[first, last] = self._reader.direction_of_words(
                text[first:last]
            )
        return direction


def _sentence_ends(text: str) -> list[int]:
    """``[m.start() for m in _SENTENCE_END.finditer(text)]``, trying only where a match can start.

    A match starts right after . ! ? or at a line break; trying those positions in order and
    going on after each match is what ``finditer`` does at every position.
    """
    ends = []
    end = 0
    match = _SENTENCE_END.match
    for hint in _SENTENCE_END_HINT.finditer(text):
        position = hint.start()
        if hint.group() != "\n":
            position += 1
        if position < end:
            continue
        found = match(text, position)
        if found is not None:
            ends.append(position)
            end = found.end()
    return ends
