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

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping

from .anchors import cased_characters

FUTURE = 1
PAST = -1
NONE = 0

# A sentence ends at . ! ? after a letter (not after a day number: "am 15. Mai") followed by
# space and an upper-case letter or quote, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_][.!?])[\"“”»«']?\s+(?=[\"„“»«]?[A-ZÄÖÜ])|\n")
# A clause ends at a break sign or a dash between spaces: the matches of
# "[,;:()\"„“”«»]|\s[-–—]\s", found by _clause_breaks from the rarer signs and dashes.
# One search for both: a sign, or a dash with a space before and after (the span of such a
# break starts at the space before the dash).
_BREAK_OR_DASH = re.compile(r"[,;:()\"„“”«»\-–—](?:(?<=[,;:()\"„“”«»])|(?<=\s[-–—])(?=\s))")
_SIGNS = frozenset(',;:()"„“”«»')
_WORD = re.compile(r"\w+")
# The first word of a reversed stretch of text: its last word, reversed.
_LAST_WORD_REVERSED = re.compile(r"\W*+(\w+)")
# Where a sentence end may start: after . ! ? (the lookbehind of _SENTENCE_END) or at "\n".
_SENTENCE_END_HINT = re.compile(r"[.!?\n]")
# Up to this length, a text is split into sentences at once (TextTense._sentence).
_SHORT_TEXT = 400
# Past forms that are only auxiliaries: with a reporting verb they tell nothing about the event.
_AUXILIARIES = frozenset(["wurde", "wurden", "war", "waren", "hatte", "hatten"])
# "zu treffen", "zu besuchen" closing a clause: an intention, so forward.
_INFINITIVE_CLAUSE = re.compile(r"\bzu \w+en$")
# A participle of a separable verb: "abgehalten", "angereist", "zurückgekehrt".
_SEPARABLE_PARTICIPLE = re.compile(
    r"(?:ab|an|auf|aus|bei|ein|fest|mit|nach|statt|teil|vor|weg|weiter|zu|zurück|zusammen)ge\w{3,}$"
)
# Words after which a -te form is an adjective ("die vereinbarte Reise"), not a verb.
_DETERMINERS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "dieser",
     "diese", "diesen", "diesem", "dieses", "seine", "seinen", "seinem", "seiner", "ihre", "ihren", "ihrem",
     "ihrer", "unsere", "unseren", "am", "im", "vom", "zum", "zur", "beim", "jede", "jeden", "jedem", "alle"]
)
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
        self._present = folded("present")
        self._auxiliaries = folded("perfect_auxiliaries")
        self._participles = folded("participles")
        self._reporting = folded("reporting")
        self._since = folded("since")
        self._not_preterites = frozenset(word.casefold() for word in words.get("not_preterites", ()))
        self._casefold_unsafe = _casefold_unsafe()
        # If no ASCII character is unsafe, an ASCII chunk needs no search.
        self._ascii_safe = self._casefold_unsafe is None or not self._casefold_unsafe.search(
            "".join(map(chr, range(128)))
        )

    @property
    def since_words(self) -> frozenset[str]:
        """The casefolded words that make an expression right after them past ("seit")."""
        return self._since

    def points_back(self, word: str) -> bool:
        """Whether a word right before an expression makes it past ("seit Montag")."""
        return word.casefold() in self._since

    def reader(self, text: str) -> TextTense:
        """A reader for one text; it splits sentences on first use and caches directions."""
        return TextTense(self, text)

    def direction_of_words(self, chunk: str, *, own_clause: bool = False) -> int:
        """FUTURE, PAST or NONE for a clause or sentence (reporting verbs: own clause only)."""
        unsafe = self._casefold_unsafe
        if unsafe is None or (self._ascii_safe and chunk.isascii()) or not unsafe.search(chunk):
            # the words of the casefolded chunk are the casefolded words of the chunk
            words = _WORD.findall(chunk.casefold())
        else:
            words = [w.casefold() for w in _WORD.findall(chunk)]
        if not self._future.isdisjoint(words):
            return FUTURE
        reported = not self._reporting.isdisjoint(words)
        if reported:
            words = [w for w in words if w not in self._reporting]
            past = self._past.intersection(words)
            if past and past <= _AUXILIARIES and not own_clause:
                # "Der Staatsbesuch vom 28. Juni wurde vom Präsidialamt bestätigt": what was
                # announced may lie ahead; a passive of a reporting verb tells no tense
                return NONE
        if own_clause and _INFINITIVE_CLAUSE.search(" ".join(words)) and self._past.isdisjoint(words):
            return FUTURE  # "..., sich im Herbst erneut zu treffen": an intention
        if own_clause and not self._present.isdisjoint(words) and self._past.isdisjoint(words):
            return FUTURE  # "..., die am Montag in Baku beginnt": not the sentence's past
        if not self._past.isdisjoint(words) or (own_clause and reported):
            return PAST
        if not self._auxiliaries.isdisjoint(words) and (
            not self._participles.isdisjoint(words)
            or any(
                w.startswith("ge") and len(w) > 5
                and w.endswith(("t", "en")) and w not in _NOT_PARTICIPLES
                for w in words
            )
        ):
            return PAST
        if self._has_weak_preterite(chunk):
            return PAST  # "versicherte am Sonntag", "tauchte am Freitag auf": a preterite no list names
        return NONE

    def _has_weak_preterite(self, chunk: str) -> bool:
        """Whether a lower-case word looks like the preterite of a weak verb ("versicherte",
        "stattete"): -te (not -ten: "treten", "halten" are present), not a superlative or ordinal (-ste), not a participle
        ("geplante", "angekündigte"), not after an article or a possessive (an adjective: "die
        vereinbarte Reise"), not a reporting verb (they count in their own clause only), not one
        of the listed look-alikes ("letzte", "heute")."""
        previous = ""
        for word in _WORD.findall(chunk):
            if (len(word) >= 6 and word[:1].islower() and word.endswith("te") and not word.endswith("ste")
                    and not word.startswith("ge")
                    and not _SEPARABLE_PARTICIPLE.match(word) and previous not in _DETERMINERS
                    and word not in self._not_preterites and word not in self._reporting):
                return True
            previous = word.casefold()
        return False


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
        # made on the first call of ``direction`` (most texts never need one):
        # (first, last) of the sentences found so far
        self._sentence_bounds: list[tuple[int, int]]
        # (first, last) of a sentence -> (ends of its breaks, starts of its breaks)
        self._breaks: dict[tuple[int, int], tuple[list[int], list[int]]]
        # (first, last) of a clause or sentence (offsets in the text) -> direction
        self._clauses: dict[tuple[int, int], int]
        self._sentences: dict[tuple[int, int], int]
        self._started = False

    def direction(self, start: int, end: int) -> int:
        """The direction of the clause around text[start:end], else of its sentence."""
        if not self._started:
            self._started = True
            self._sentence_bounds, self._breaks, self._clauses, self._sentences = [], {}, {}, {}
        text = self._text
        first, last = self._sentence(start)
        last = max(last, end)
        breaks = self._breaks.get((first, last))
        if breaks is None:
            found = _clause_breaks(text, first, last)
            breaks = self._breaks[first, last] = (
                [end for _, end in found], [start for start, _ in found]
            )
        break_ends, break_starts = breaks
        # The last break that ends at or before the span, the first that starts at or after
        # its end (ends and starts of non-overlapping matches both increase).
        j = bisect_right(break_ends, start)
        clause_start = break_ends[j - 1] if j else first
        j = bisect_left(break_starts, end)
        clause_end = break_starts[j] if j < len(break_starts) else last
        if clause_start < start:
            prefix = text[clause_start:start]
            # (Casefolding works character by character: if the last word casefolds to a
            # word like "seit", the casefolded prefix contains it.)
            folded = prefix.casefold()
            for word in self._reader.since_words:
                if word in folded:
                    # The last word before the span: the first one of the reversed prefix.
                    before = _LAST_WORD_REVERSED.match(prefix[::-1])
                    if before is not None and self._reader.points_back(before.group(1)[::-1]):
                        return PAST
                    break
        direction = self._clauses.get((clause_start, clause_end))
        if direction is None:
            direction = self._clauses[clause_start, clause_end] = self._reader.direction_of_words(
                text[clause_start:clause_end], own_clause=True
            )
        if direction or (clause_start == first and clause_end == last):
            # (A whole sentence without a tense word in its own clause has none at all.)
            return direction
        direction = self._sentences.get((first, last))
        if direction is None:
            direction = self._sentences[first, last] = self._reader.direction_of_words(
                text[first:last]
            )
        return direction

    def _sentence(self, start: int) -> tuple[int, int]:
        """The start of the last sentence end at or before ``start`` (0 if none) and of the
        first one after it (the text's length if none): the sentence around ``start``."""
        for first, last in self._sentence_bounds:
            if first <= start < last:
                return first, last
        text = self._text
        # A short text is split at once; in a long one, only the sentence around the span is
        # looked for (that needs a word character at ``start``).
        if len(text) > _SHORT_TEXT and start < len(text) and _is_word(text[start]):
            bounds = _sentence_around(text, start)
            self._sentence_bounds.append(bounds)
            return bounds
        if self._ends is None:
            self._ends = _sentence_ends(text)
        i = bisect_right(self._ends, start)
        return (
            self._ends[i - 1] if i else 0,
            self._ends[i] if i < len(self._ends) else len(text),
        )


def _clause_breaks(text: str, first: int, last: int) -> list[tuple[int, int]]:
    r"""The spans of ``re.finditer(r"[,;:()\"„“”«»]|\s[-–—]\s", text[first:last])`` in the text.

    Searching for the signs and the dashes, which are rare, is faster than trying the
    pattern at every space. The two alternatives share no character, so each one's matches do
    not depend on the other's; only dashes between spaces can overlap (" - - "), and then the
    first one wins, as in ``finditer``.
    """
    breaks = []
    taken = first  # where the last dash break ended
    for found in _BREAK_OR_DASH.finditer(text, first, last):
        position = found.start()
        if text[position] in _SIGNS:
            breaks.append((position, position + 1))
        elif first < position < last - 1 and position - 1 >= taken:
            breaks.append((position - 1, position + 2))
            taken = position + 2
    return breaks


def _sentence_around(text: str, start: int) -> tuple[int, int]:
    """What ``TextTense._sentence`` reads from ``_sentence_ends(text)``, found near ``start``.

    ``start`` must be a word character. A sentence end consists of spaces and quotes (or is
    a line break), so no sentence end contains a word character: ``finditer`` from such a
    position finds exactly the sentence ends of the whole text from there on. So the next end
    is the first one found from ``start``, and the last one before it is found by going back
    to a word character before the nearest . ! ? or line break (further back if there is no
    sentence end after it).
    """
    last = len(text)
    for found in _SENTENCE_END_HINT.finditer(text, start):
        position = found.start() + (found.group() != "\n")
        if _SENTENCE_END.match(text, position) is not None:
            last = position
            break
    bound = start
    while bound > 0:
        sign = max(
            text.rfind(".", 0, bound),
            text.rfind("!", 0, bound),
            text.rfind("?", 0, bound),
            text.rfind("\n", 0, bound),
        )
        # from the last word character before the sign (or the start of the text)
        position = max(sign, 0)
        while position > 0 and not _is_word(text[position]):
            position -= 1
        first = -1
        end = position
        for found in _SENTENCE_END_HINT.finditer(text, position, start):
            candidate = found.start() + (found.group() != "\n")
            if candidate < end:
                continue
            match = _SENTENCE_END.match(text, candidate)
            if match is not None:
                first, end = candidate, match.end()
        if first >= 0:
            return first, last
        bound = position
    return 0, last


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


@functools.lru_cache(maxsize=1)
def _casefold_unsafe() -> re.Pattern[str] | None:
    """Characters whose casefolding mixes word and non-word characters ("İ": "i" + a dot).

    Without them, casefolding a text turns each word into its casefolded self and each gap
    into a gap, so the words of ``text.casefold()`` are the casefolded words of ``text``.
    """
    chars = cased_characters()
    unsafe = []
    for i in range(0, len(chars), 256):
        block = chars[i : i + 256]
        if block.casefold() == block:
            continue
        for ch in block:
            folded = ch.casefold()
            if folded != ch and (
                not folded or any(_is_word(c) != _is_word(ch) for c in folded)
            ):
                unsafe.append(ch)
    return re.compile(f"[{re.escape(''.join(unsafe))}]") if unsafe else None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
