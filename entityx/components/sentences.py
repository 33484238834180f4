"""Sentence boundaries for news text without a parser.

Like spaCy's sentencizer (split after . ! ? …), plus line structure: web copies of wires carry
headlines, datelines and page chrome ("Alle Nachrichten", "10 Mai 2023, 15:27") on lines of their
own without final punctuation, and they must not run into the article's first sentence. A single
line break is kept inside a sentence only when the text obviously continues (the previous line
ends with a comma or hyphen, or the next line starts in lower case).
"""

from __future__ import annotations

import re

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

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # Decide all boundaries first, then write them in one go: setting token.is_sent_start
        # one token at a time re-checks the whole Doc each time (quadratic on long texts).
        # The loop reads token texts from one array; a Token is made only where the
        # whitespace after a word matters (quotes and periods).
        words = self._token_texts(doc)
        starts = numpy.full((len(words), 1), -1, dtype="int32")
        starts[0, 0] = 1
        after_end = False  # the previous word ended a sentence (. ! ?), maybe followed by quotes
        line_break = False  # a line break lies between the previous word and this one
        blank_line = False
        previous = -1  # index of the previous word (not space), -1 before the second token
        for i in range(1, len(words)):
            text = words[i]
            if not (after_end or line_break) and text not in SENTENCE_END and not text.endswith(".") \
                    and not text.isspace():
                previous = i  # a word inside a sentence (most of them): nothing to decide
                continue
            if text.isspace():  # token.is_space
                if "\n" in text:
                    line_break = True
                    blank_line = blank_line or text.count("\n") >= 2
                continue
            boundary = False
            if after_end:
                if text not in CLOSING:
                    boundary = True
                elif text in AMBIGUOUS_QUOTES:
                    # after ". " a straight quote glued to the next word opens the next sentence
                    # ('... Jahres in Moskau. "Besondere ...'); glued to the period it closes this one
                    boundary = previous >= 0 and bool(doc[previous].whitespace_) and not doc[i].whitespace_
            if line_break and (blank_line or not _continues(text, words[previous] if previous >= 0 else None)):
                boundary = True
            if boundary:
                starts[i, 0] = 1
            if boundary or text not in CLOSING:
                after_end = False
            line_break = blank_line = False
            if text in SENTENCE_END:
                if not _ordinal_or_initial(doc, i, previous, words):
                    after_end = True
            elif text.endswith(".") and YEAR_AND_PERIOD.match(text):
                after_end = True  # ... also "im Jahr 2023." (the tokenizer keeps the period)
            previous = i
        doc.from_array([SENT_START], starts.astype("uint64"))  # -1 wraps as spaCy expects
        return doc

    # spaCy calls these when saving/loading a pipeline; there is no state to keep.
    def to_disk(self, path, *, exclude=()):  # noqa: D102
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self


ROMAN_NUMERAL = re.compile(r"^[IVXLC]{1,6}$")
YEAR_AND_PERIOD = re.compile(r"^(1[89]|20)\d\d\.$")


def _ordinal_or_initial(doc: Doc, i: int, previous: int, words: list[str]) -> bool:
    """'am XI. Forum', 'Wladimir W. Putin': the period belongs to the word before it."""
    if words[i] != "." or previous < 0 or i != previous + 1 or doc[previous].whitespace_:
        return False
    word = words[previous]
    return bool(ROMAN_NUMERAL.match(word)) or (len(word) == 1 and word.isupper())


def _continues(text: str, previous: str | None) -> bool:
    """Does the text run on across a single line break (hard-wrapped paragraphs)?"""
    if previous is None or previous in SENTENCE_END:
        return False
    return previous in CONTINUES_AFTER or text[:1].islower()
