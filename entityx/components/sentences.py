"""Sentence boundaries for news text without a parser.

Like spaCy's sentencizer (split after . ! ? …), plus line structure: web copies of wires carry
headlines, datelines and page chrome ("Alle Nachrichten", "10 Mai 2023, 15:27") on lines of their
own without final punctuation, and they must not run into the article's first sentence. A single
line break is kept inside a sentence only when the text obviously continues (the previous line
ends with a comma or hyphen, or the next line starts in lower case).
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from itertools import compress

import numpy
from spacy.attrs import SENT_START

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import TokenTexts

SENTENCE_END = frozenset([".", "!", "?", "…", "...", "!!", "?!", "!?"])
CONTINUES_AFTER = frozenset([",", "-", "–", "(", ":", ";", "/", "&"])
AMBIGUOUS_QUOTES = frozenset(['"', "'"])
CLOSING = frozenset(['"', "“", "”", "«", "»", "'", ")", "]", "’"])


@Language.factory("entityx_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentence_splitter(nlp: Language, name: str) -> "NewsSentenceSplitter":
    return NewsSentenceSplitter(name)


class NewsSentenceSplitter:
    """Sets ``token.is_sent_start`` for every token; cheap, and keeps nothing of a Doc but a memo
    of decoded token texts."""

    def __init__(self, name: str = "entityx_sentences"):
        self.name = name
        self._token_texts = TokenTexts()
        self._special = _WordMemo(_is_special)
        self._ordinal_or_initial = _WordMemo(_is_ordinal_or_initial)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # Decide all boundaries first, then write them in one go: setting token.is_sent_start
        # one token at a time re-checks the whole Doc each time (quadratic on long texts).
        # The loop reads token texts and their trailing-space flags from the Doc's shared
        # token view, no Token object.
        words, spaces = self._token_texts.with_spaces(doc)
        size = len(words)
        boundaries = [0]  # token indices that start a sentence
        # Most words lie inside a sentence and change nothing but ``previous``: the loop
        # visits only the special words (_is_special, found for all words at once in C)
        # and the words after them while a boundary is pending.
        # (itemgetter: the lookups in C, faster than map; a tuple for two words or more)
        special = list(compress(range(size), operator.itemgetter(*words)(self._special))) if size > 1 else []
        special_count = len(special)
        sentence_end, closing, ordinal_or_initial = SENTENCE_END, CLOSING, self._ordinal_or_initial
        next_special = 0  # index into ``special``
        after_end = False  # the previous word ended a sentence (. ! ?), maybe followed by quotes
        line_break = False  # a line break lies between the previous word and this one
        blank_line = False
        previous = -1  # index of the previous word (not space), -1 before the second token
        i = 1
        while i < size:
            if not (after_end or line_break):
                # skip the plain words up to the next special one (the last of them is
                # ``previous`` there)
                next_special = bisect_left(special, i, next_special)
                if next_special == special_count:
                    break  # only plain words are left: no more boundaries
                if special[next_special] > i:
                    i = special[next_special]
                    previous = i - 1
            text = words[i]
            if text.isspace():  # token.is_space
                if "\n" in text:
                    line_break = True
                    blank_line = blank_line or text.count("\n") >= 2
                i += 1
                continue
            boundary = False
            if after_end:
                if text not in closing:
                    boundary = True
                elif text in AMBIGUOUS_QUOTES:
                    # after ". " a straight quote glued to the next word opens the next sentence
                    # ('... Jahres in Moskau. "Besondere ...'); glued to the period it closes this one
                    boundary = previous >= 0 and spaces[previous] and not spaces[i]
            if line_break and (blank_line or not _continues(text, words[previous] if previous >= 0 else None)):
                boundary = True
            if boundary:
                boundaries.append(i)
            if boundary or text not in closing:
                after_end = False
            line_break = blank_line = False
            if text in sentence_end:
                # 'am XI. Forum', 'Wladimir W. Putin': a period glued to an ordinal or an
                # initial belongs to the word before it
                if not (text == "." and previous >= 0 and i == previous + 1 and not spaces[previous]
                        and ordinal_or_initial[words[previous]]):
                    after_end = True
            elif text.endswith(".") and YEAR_AND_PERIOD.match(text):
                after_end = True  # ... also "im Jahr 2023." (the tokenizer keeps the period)
            previous = i
            i += 1
        starts = numpy.full((size, 1), _NOT_START, dtype="uint64")
        starts[boundaries, 0] = 1
        doc.from_array([SENT_START], starts)
        return doc

    # spaCy calls these when saving/loading a pipeline; there is no state to keep.
    def to_disk(self, path, *, exclude=()):  # noqa: D102
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self


# SENT_START values: 1 starts a sentence, -1 (as uint64) does not
_NOT_START = numpy.iinfo(numpy.uint64).max


class _WordMemo(dict):
    """word -> ``function(word)``, for a pure function of the word the splitter asks about many
    words (news repeats its words); emptied when it reaches ``size`` words."""

    def __init__(self, function, size: int = 1 << 16):
        super().__init__()
        self.function = function
        self.size = size

    def __missing__(self, word: str) -> bool:
        if len(self) >= self.size:
            self.clear()
        value = self[word] = self.function(word)
        return value


def _is_special(word: str) -> bool:
    """Whether the splitter must look at the word even inside a sentence: a space, a sentence
    end or a word ending in "." (everything else only moves ``previous`` on)."""
    return word in SENTENCE_END or word.endswith(".") or word.isspace()


ROMAN_NUMERAL = re.compile(r"^[IVXLC]{1,6}$")
YEAR_AND_PERIOD = re.compile(r"^(1[89]|20)\d\d\.$")


def _is_ordinal_or_initial(word: str) -> bool:
    """'XI' (in 'am XI. Forum'), 'W' (in 'Wladimir W. Putin'): a word a period glued to it
    belongs to."""
    return bool(ROMAN_NUMERAL.match(word)) or (len(word) == 1 and word.isupper())


def _continues(text: str, previous: str | None) -> bool:
    """Does the text run on across a single line break (hard-wrapped paragraphs)?"""
    if previous is None or previous in SENTENCE_END:
        return False
    return previous in CONTINUES_AFTER or text[:1].islower()
