"""Where entityx keeps its results on a Doc, in one place.

- ``doc.spans["entityx"]``: every candidate span of every tagger (overlaps allowed). Labels:
  OFFICIAL, ORG, LOC, DATE (exported as entities), ROLE (an office named without a person,
  "der russische Außenminister"), NAT (a country adjective), LANDMARK (Kreml, Élysée-Palast).
- identity in the built-ins: ``span.label_`` and ``span.kb_id_`` (they survive DocBin);
- JSON-safe extra values in ``span._.entityx_attrs``, keyed by label, because ``Span._`` values are
  keyed by character offsets and two spans with the same offsets would otherwise share them;
- ``doc._.entityx_doc_date`` (ISO date string or None) and ``doc._.entityx_events`` (list of dicts).

The helpers here run for every span and token of every document, so they avoid what is slow in
spaCy's Python API: building a ``Span`` or ``Token`` object, or a ``span._`` view, more often
than needed.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import Any

import numpy

from spacy.attrs import ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

SPAN_KEY = "entityx"
ENTITY_LABELS = ("OFFICIAL", "ORG", "LOC", "DATE")

if not Span.has_extension("entityx_attrs"):
    Span.set_extension("entityx_attrs", default=None)
if not Doc.has_extension("entityx_doc_date"):
    Doc.set_extension("entityx_doc_date", default=None)
if not Doc.has_extension("entityx_events"):
    Doc.set_extension("entityx_events", default=None)


def add_span(doc: Doc, start: int, end: int, label: str, *, kb_id: str = "",
             attrs: dict[str, Any] | None = None) -> Span:
    """Add a token span to the entityx span group, with its label-keyed attributes."""
    span = Span(doc, start, end, label=label, kb_id=kb_id or "")
    if attrs is not None:
        user_data = doc.user_data
        key = _attrs_key(span)
        stored = user_data.get(key)
        user_data[key] = {**stored, label: attrs} if stored else {label: attrs}
    groups = doc.spans
    if SPAN_KEY in groups:
        groups[SPAN_KEY].append(span)
    else:
        groups[SPAN_KEY] = [span]
    return span


def add_spans(doc: Doc, spans: list[Span], attrs: list[dict[str, Any] | None] | None = None) -> None:
    """``add_span`` for spans made already (with their labels and kb_ids), with their attributes
    (``attrs[i]`` for ``spans[i]``), in one go: the same result as adding them one by one,
    but ``doc.spans`` (a Python-level mapping) is read once and the group extended once."""
    if not spans:
        return
    if attrs is not None:
        user_data = doc.user_data
        for span, values in zip(spans, attrs):
            if values is None:
                continue
            key = _attrs_key(span)
            stored = user_data.get(key)
            label = span.label_
            user_data[key] = {**stored, label: values} if stored else {label: values}
    groups = doc.spans
    if SPAN_KEY in groups:
        groups[SPAN_KEY].extend(spans)
    else:
        groups[SPAN_KEY] = spans


def attrs_of(span: Span) -> dict[str, Any]:
    """The attributes stored for this span's label ({} when none)."""
    stored = span.doc.user_data.get(_attrs_key(span))
    return stored.get(span.label_, {}) if stored else {}


def _attrs_key(span: Span) -> tuple[str, str, int, int]:
    """Where spaCy keeps ``span._.entityx_attrs``: ``doc.user_data`` under the span's character
    offsets (``Underscore._get_key`` in spacy/tokens/underscore.py). Reading and writing that
    entry directly is one dict operation instead of an ``Underscore`` view built per access
    (about ten times faster); tests/core/test_spans.py checks that both ways agree."""
    return ("._.", "entityx_attrs", span.start_char, span.end_char)


def spans_of(doc: Doc, *labels: str) -> list[Span]:
    """Spans of the entityx group with the given labels, in document order."""
    groups = doc.spans
    if SPAN_KEY not in groups:
        return []
    if labels:
        # compare label hashes: ``span.label_`` is a string-store lookup per span
        wanted = _label_ids(labels)
        spans = [s for s in groups[SPAN_KEY] if s.label in wanted]
    else:
        spans = list(groups[SPAN_KEY])
    # Earlier first; of two spans starting together, the longer first: two stable sorts by
    # attribute (no Python key function per span), the later end first, then by start.
    spans.sort(key=_END, reverse=True)
    spans.sort(key=_START)
    return spans


_START, _END = operator.attrgetter("start"), operator.attrgetter("end")


@functools.lru_cache(maxsize=64)
def _label_ids(labels: tuple[str, ...]) -> frozenset[int]:
    """The string hashes of ``labels`` (components ask for the same few sets for every Doc)."""
    return frozenset(get_string_id(label) for label in labels)


# where spaCy keeps ``doc._.entityx_doc_date`` (a Doc's extension values have no offsets)
_DOC_DATE_KEY = ("._.", "entityx_doc_date", None, None)


def doc_date(doc: Doc) -> dt.date | None:
    """``doc._.entityx_doc_date`` as a date (read from ``doc.user_data`` like ``attrs_of``)."""
    value = doc.user_data.get(_DOC_DATE_KEY)
    return dt.date.fromisoformat(value) if value else None


class TokenTexts:
    """The text of every token of a Doc, for a component to keep and call per Doc.

    One array read of the tokens' string hashes (cheaper than a Token per access), decoded
    through a memo: decoding a string from the string store is most of the remaining cost, and
    news repeats its words; the shared str objects also keep their hash for later set and dict
    lookups. A string's hash is the same in every vocabulary, so Docs of any vocabulary can use
    one memo. It is emptied when it reaches ``size`` strings.
    """

    def __init__(self, size: int = 1 << 16):
        self.size = size
        self._decoded: dict[int, str] = {}
        # for ``doc_text``: a token's text with its trailing space or without, under one key
        # per (hash, space): _piece_key. Two hashes that differ only in their top bit would
        # share keys; ``_learn`` notices that (never seen) and ``doc_text`` then goes token
        # by token.
        self._pieces: dict[int, str] = {}
        self._pieces_unique = True

    def __call__(self, doc: Doc) -> list[str]:
        hashes = doc.to_array(ORTH).tolist()
        decoded = self._decoded
        try:
            return list(map(decoded.__getitem__, hashes))
        except KeyError:  # words not seen before
            self._learn(doc, hashes)
            return list(map(decoded.__getitem__, hashes))

    def doc_text(self, doc: Doc) -> str:
        """``doc.text``, from the tokens' string hashes and whitespace flags (Doc.text makes
        every Token). Each token's piece of the text, with its trailing space or without,
        comes from a memo by one key computed for all tokens at once, so no string is built
        per token and the lookups run in C (``itemgetter``)."""
        if len(doc) < 2:  # (itemgetter wants two keys to return a tuple)
            return doc.text
        table = doc.to_array([ORTH, SPACY])
        if not self._pieces_unique:
            return self._doc_text_by_token(doc, table)
        keys = _piece_keys(table)
        try:
            return "".join(operator.itemgetter(*keys)(self._pieces))
        except KeyError:  # words not seen before
            self._learn(doc, table[:, 0].tolist())
            if not self._pieces_unique:
                return self._doc_text_by_token(doc, table)
            return "".join(operator.itemgetter(*keys)(self._pieces))

    def _doc_text_by_token(self, doc: Doc, table: numpy.ndarray) -> str:
        """``doc_text`` looking up each token's text by its hash alone."""
        hashes = table[:, 0].tolist()
        self._learn(doc, hashes)
        decoded = self._decoded
        return "".join([decoded[h] + " " if space else decoded[h]
                        for h, space in zip(hashes, table[:, 1].tolist())])

    def _learn(self, doc: Doc, hashes: list[int]) -> None:
        """Decode the strings of ``hashes`` the memo lacks (emptying it first when full)."""
        decoded, pieces = self._decoded, self._pieces
        if len(decoded) >= self.size:
            decoded.clear()
            pieces.clear()
        strings = doc.vocab.strings
        for orth in hashes:
            if orth not in decoded:
                text = decoded[orth] = strings[orth]
                key = _piece_key(orth, False)
                if pieces.setdefault(key, text) != text:
                    self._pieces_unique = False  # another hash has that key
                pieces[key | 1] = text + " "


_ONE = numpy.uint64(1)


def _piece_key(orth: int, space: bool) -> int:
    """The key of a token's piece of the text: its hash shifted left (losing the top bit)
    and whether a space follows in the freed bit."""
    return ((orth << 1) & 0xFFFF_FFFF_FFFF_FFFF) | space


def _piece_keys(table: numpy.ndarray) -> list[int]:
    """``_piece_key`` of every row (ORTH, SPACY) of a ``Doc.to_array`` table, in numpy
    (uint64 shifts wrap as the mask in ``_piece_key`` does)."""
    return ((table[:, 0] << _ONE) | table[:, 1]).tolist()
