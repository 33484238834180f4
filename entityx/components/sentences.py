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

SENTENCE_END = frozenset([".", "!", "?", "…", "...", "!!", "?!", "!?"])
CONTINUES_AFTER = frozenset([",", "-", "–", "(", ":", ";", "/", "&"])
AMBIGUOUS_QUOTES = frozenset(['"', "'"])
CLOSING = frozenset(['"', "“", "”", "«", "»", "'", ")", "]", "’"])


@Language.factory("entityx_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentence_splitter(nlp: Language, name: str) -> "NewsSentenceSplitter":
    return NewsSentenceSplitter(name)


class NewsSentenceSplitter:
    """Sets ``token.is_sent_start`` for every token; stateless and cheap."""

    def __init__(self, name: str = "entityx_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # Decide all boundaries first, then write them in one go: setting token.is_sent_start
        # one token at a time re-checks the whole Doc each time (quadratic on long texts).
        starts = numpy.full((len(doc), 1), -1, dtype="int32")
        starts[0, 0] = 1
        after_end = False  # the previous word ended a sentence (. ! ?), maybe followed by quotes
        line_break = False  # a line break lies between the previous word and this one
        blank_line = False
        previous = None
        for token in doc[1:]:
            if token.is_space:
                if "\n" in token.text:
                    line_break = True
                    blank_line = blank_line or token.text.count("\n") >= 2
                continue
            # after ". " a straight quote glued to the next word opens the next sentence
            # ('... Jahres in Moskau. "Besondere ...'); glued to the period it closes this one
            opening = token.text in AMBIGUOUS_QUOTES and bool(previous is not None and previous.whitespace_) \
                and not token.whitespace_
            boundary = after_end and (token.text not in CLOSING or opening)
            if line_break and (blank_line or not _continues(token, previous)):
                boundary = True
            if boundary:
                starts[token.i, 0] = 1
            if boundary or token.text not in CLOSING:
                after_end = False
            line_break = blank_line = False
            if (token.text in SENTENCE_END and not _ordinal_or_initial(token, previous)) or YEAR_AND_PERIOD.match(token.text):
                after_end = True  # ... also "im Jahr 2023." (the tokenizer keeps the period)
            previous = token
        doc.from_array([SENT_START], starts.astype("uint64"))  # -1 wraps as spaCy expects
        return doc

    # spaCy calls these when saving/loading a pipeline; there is no state to keep.
    def to_disk(self, path, *, exclude=()):  # noqa: D102
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self


ROMAN_NUMERAL = re.compile(r"^[IVXLC]{1,6}$")
YEAR_AND_PERIOD = re.compile(r"^(1[89]|20)\d\d\.$")


def _ordinal_or_initial(token, previous) -> bool:
    """'am XI. Forum', 'Wladimir W. Putin': the period belongs to the word before it."""
    if token.text != "." or previous is None or token.i != previous.i + 1 or previous.whitespace_:
        return False
    return bool(ROMAN_NUMERAL.match(previous.text)) or (len(previous.text) == 1 and previous.text.isupper())


def _continues(token, previous) -> bool:
    """Does the text run on across a single line break (hard-wrapped paragraphs)?"""
    if previous is None or previous.text in SENTENCE_END:
        return False
    return previous.text in CONTINUES_AFTER or token.text[:1].islower()
