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
than needed. For the same reason ``add_span``/``add_spans`` also note each span as a plain tuple
(``span_records``), which later components read instead of the group's ``Span`` objects; the
span group stays the one truth, and the tuples are used only while it provably has not changed.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import Any

import numpy

from spacy.attrs import ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, SpanGroup

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
    record = (start, end, span.start_char, span.end_char, span.label, span.kb_id)
    group = doc.spans.data.get(SPAN_KEY)  # (_group_of(doc), written out)
    if group is not None:
        # _records_of_group(doc, group).append(record), with its test written out: add_span
        # runs for most spans, and the call would be most of what noting the record costs
        kept = doc.user_data.get(_RECORDS_KEY)
        if type(kept) is _SpanRecords and kept.group is group and len(kept.records) == len(group):
            kept.records.append(record)
        else:
            _records_of_group(doc, group).append(record)
        group.append(span)
    else:
        _new_group(doc, [span], [record], False)  # (no span id: made here)
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
    _extend_group(doc, spans, _records_of_spans(spans), any(span.id for span in spans))


def add_span_tuples(doc: Doc,
                    found: list[tuple[int, int, str, str, dict[str, Any] | None]]) -> None:
    """``add_span`` for each ``(start, end, label, kb_id, attrs)`` of ``found`` (``attrs`` None
    for none), in one go: the same spans, attributes and records as adding them one by one,
    without a call, a look at ``doc.spans`` and a group append per span."""
    if not found:
        return
    spans = [Span(doc, start, end, label=label, kb_id=kb_id)
             for start, end, label, kb_id, _attrs in found]
    records = _records_of_spans(spans)
    user_data = doc.user_data
    for (_start, _end, label, _kb_id, values), record in zip(found, records):
        if values is None:
            continue
        key = attrs_key_at(record[2], record[3])
        stored = user_data.get(key)
        user_data[key] = {**stored, label: values} if stored else {label: values}
    _extend_group(doc, spans, records, False)  # (a Span made here has no span id)


def _extend_group(doc: Doc, spans: list[Span], records: list, with_ids: bool) -> None:
    """Append ``spans`` (with their ``records``) to the entityx group, made when missing."""
    group = _group_of(doc)
    if group is not None:
        kept = _kept_records(doc, group)
        group.extend(spans)
        kept.records.extend(records)
        kept.with_ids = kept.with_ids or with_ids
    else:
        _new_group(doc, spans, records, with_ids)


def _new_group(doc: Doc, spans: list[Span], records: list, with_ids: bool) -> None:
    """Make the entityx group of ``spans`` (what ``doc.spans[SPAN_KEY] = spans`` makes)."""
    group = doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=spans)
    _keep_records(doc, group, records, with_ids)


def _group_of(doc: Doc) -> SpanGroup | None:
    """``doc.spans[SPAN_KEY]`` or None, read from the mapping under ``doc.spans``
    (``SpanGroups`` is a ``UserDict``, whose ``data`` is that dict): one dict lookup instead of
    two Python-level ``UserDict`` methods (``in``, ``[]``) for every span added or read."""
    return doc.spans.data.get(SPAN_KEY)


def span_ids_in_group(doc: Doc) -> bool:
    """Whether a span of the entityx group has a span id (``span.id``, which ``Doc.set_ents``
    copies into its tokens' ENT_ID). entityx's taggers set none; a span added by hand may."""
    group = _group_of(doc)
    return group is not None and _kept_records(doc, group).with_ids


def span_records(doc: Doc) -> list[tuple[int, int, int, int, int, int]]:
    """The spans of the entityx group as plain tuples, in group order, without a ``Span`` object
    per span: ``(start, end, start_char, end_char, label, kb_id)``, the label and kb_id as
    string hashes (``span.label``, ``span.kb_id``); the attributes are at ``attrs_at``.

    The tuples noted by ``add_span``/``add_spans`` when they are still those of the group, else
    read from the group (and noted for the next reader). The list is shared: do not change it.
    """
    group = _group_of(doc)
    if group is None:
        return []
    return _records_of_group(doc, group)


def span_records_of(doc: Doc, *labels: str) -> list[tuple[int, int, int, int, int, int]]:
    """``span_records`` with the given labels (all when none), in the order of ``spans_of``:
    earlier first; of two starting together, the longer first; else in group order."""
    records = span_records(doc)
    if labels:
        wanted = _label_ids(labels)
        records = [record for record in records if record[4] in wanted]
    else:
        records = list(records)
    # two stable sorts by one field each, as in spans_of: the later end first, then by start
    records.sort(key=_RECORD_END, reverse=True)
    records.sort(key=_RECORD_START)
    return records


_RECORD_START, _RECORD_END = operator.itemgetter(0), operator.itemgetter(1)

# where the span records live in ``doc.user_data`` (a key no ``Underscore`` extension uses)
_RECORDS_KEY = ("entityx", "span_records")


class _NotSerialized(list):
    """A cache kept in ``doc.user_data`` that must not travel with the Doc. As a list it stays
    empty, on purpose: spaCy writes ``doc.user_data`` with msgpack (``Doc.to_bytes``,
    ``DocBin``) and deep-copies it (``Doc.copy``, pickling through ``__reduce__``), and all of
    them then carry an empty plain ``list``, which costs nothing to store and which no reader
    takes for a cache (``Doc.from_docs`` drops it with a warning, as it drops every key that is
    no extension value)."""

    __slots__ = ()

    def __reduce__(self):
        return (list, ())


class _SpanRecords(_NotSerialized):
    """The records of one span group (``records``) and that group (``group``), in
    ``doc.user_data``. They are trusted only while ``doc.spans["entityx"]`` is that very object
    and holds as many spans: replacing the group (``doc.spans["entityx"] = [...]``), adding or
    deleting spans, or reading the Doc back from bytes all fail that test, and the records are
    then read anew from the group. (A span group cannot be changed through the ``Span`` objects
    it gives out: they are copies. Changing the very group in place while keeping its length,
    ``group[i] = span`` or ``group.from_bytes(...)`` with as many spans, goes unnoticed, so
    entityx never does that.)

    It serializes to nothing (``_NotSerialized``).

    ``with_ids`` tells whether some span of the group has a span id (``span.id``, not part of a
    record): when false, a reader needs no ``Span`` to know that all ids are 0.
    """

    __slots__ = ("group", "records", "with_ids")

    def __init__(self, group: Any, records: list[tuple[int, int, int, int, int, int]],
                 with_ids: bool):
        super().__init__()
        self.group = group
        self.records = records
        self.with_ids = with_ids


def _records_of_group(doc: Doc, group: Any) -> list[tuple[int, int, int, int, int, int]]:
    """The records of ``group`` (the Doc's entityx group): those kept when still valid, else
    read from the group's spans and kept."""
    return _kept_records(doc, group).records


def _kept_records(doc: Doc, group: Any) -> _SpanRecords:
    """``_records_of_group`` with what is kept beside the records."""
    kept = doc.user_data.get(_RECORDS_KEY)
    if type(kept) is _SpanRecords and kept.group is group and len(kept.records) == len(group):
        return kept
    spans = list(group)  # (a Span per access: read each once)
    _keep_records(doc, group, _records_of_spans(spans), any(span.id for span in spans))
    return doc.user_data[_RECORDS_KEY]


def _keep_records(doc: Doc, group: Any, records: list, with_ids: bool) -> list:
    doc.user_data[_RECORDS_KEY] = _SpanRecords(group, records, with_ids)
    return records


def _records_of_spans(spans) -> list[tuple[int, int, int, int, int, int]]:
    return [(span.start, span.end, span.start_char, span.end_char, span.label, span.kb_id)
            for span in spans]


def attrs_of(span: Span) -> dict[str, Any]:
    """The attributes stored for this span's label ({} when none)."""
    stored = span.doc.user_data.get(_attrs_key(span))
    return stored.get(span.label_, {}) if stored else {}


def attrs_at(doc: Doc, start_char: int, end_char: int, label: str) -> dict[str, Any]:
    """``attrs_of`` for a span given by its character offsets and label (a span record's)."""
    stored = doc.user_data.get(attrs_key_at(start_char, end_char))
    return stored.get(label, {}) if stored else {}


def attrs_key_at(start_char: int, end_char: int) -> tuple[str, str, int, int]:
    """Where spaCy keeps ``span._.entityx_attrs`` for a span with these character offsets:
    ``doc.user_data`` under them (``Underscore._get_key`` in spacy/tokens/underscore.py).
    Reading and writing that entry directly is one dict operation instead of an ``Underscore``
    view built per access (about ten times faster); tests/core/test_spans.py checks that both
    ways agree."""
    return ("._.", "entityx_attrs", start_char, end_char)


def _attrs_key(span: Span) -> tuple[str, str, int, int]:
    """``attrs_key_at`` of a span."""
    return attrs_key_at(span.start_char, span.end_char)


def spans_of(doc: Doc, *labels: str) -> list[Span]:
    """Spans of the entityx group with the given labels, in document order."""
    group = _group_of(doc)
    if group is None:
        return []
    if not labels:
        spans = list(group)
        # Earlier first; of two spans starting together, the longer first: two stable sorts by
        # attribute (no Python key function per span), the later end first, then by start.
        spans.sort(key=_END, reverse=True)
        spans.sort(key=_START)
        return spans
    # The same for some labels, chosen and ordered on the span records: a ``Span`` is made
    # only for the spans asked for. Sorting (start, -end, position) gives the order of the two
    # stable sorts, the position standing for the group order.
    wanted = _label_ids(labels)
    keyed = [(record[0], -record[1], position)
             for position, record in enumerate(_records_of_group(doc, group)) if record[4] in wanted]
    keyed.sort()
    return [group[position] for _start, _end, position in keyed]


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

    Every component decodes the same Doc's tokens, so the words, the Doc's text and their lower
    case are also kept per Doc (``_TokenView``, in ``doc.user_data``) and handed to later callers,
    of any ``TokenTexts``: the first call for a Doc decodes, the others only check that the
    tokens are still those decoded (see ``_TokenView`` for the check).

    The lists returned (``__call__``, ``decode`` and ``lower_case``) may be those kept for the
    Doc and given to every later caller: read them, never change them (copy first to edit).
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
        self._lower: dict[str, str] = {}
        # the view whose words this object gave out last: ``lower_case`` knows it by identity
        self._last_view: _TokenView | None = None

    def __call__(self, doc: Doc) -> list[str]:
        """The token texts of ``doc`` (shared: do not change the list)."""
        return self._view(doc).words

    def with_spaces(self, doc: Doc) -> tuple[list[str], list[int]]:
        """The token texts of ``doc`` and whether a space follows each token (1 or 0, spaCy's
        SPACY: ``bool(token.whitespace_)``), from one look at the Doc's view (both shared: do
        not change the lists)."""
        view = self._view(doc)
        if view.spaces is None:
            view.spaces = view.table[:, 1].tolist()
        return view.words, view.spaces

    def decode(self, doc: Doc, hashes: list[int]) -> list[str]:
        """The strings of these string hashes (token texts, labels, kb_ids) of ``doc``'s vocab.
        For the hashes of ``doc``'s tokens (its ORTH column) the Doc's shared word list."""
        view = doc.user_data.get(_TOKEN_VIEW_KEY)
        # (a pure function of the hashes: equal hashes, equal words, whatever the Doc holds now)
        if type(view) is _TokenView and type(hashes) is list and len(hashes) == len(view.orth) \
                and hashes == view.orth:
            self._last_view = view
            return view.words
        return self._decode(doc, hashes)

    def _decode(self, doc: Doc, hashes: list[int]) -> list[str]:
        try:
            return _look_up(self._decoded, hashes)
        except KeyError:  # words not seen before
            self._learn(doc, hashes)
            return _look_up(self._decoded, hashes)

    def lower_case(self, words: list[str]) -> list[str]:
        """``str.lower`` of each word (what spaCy's LOWER holds), through a memo of its own,
        emptied like the others when it reaches ``size`` words. For a Doc's shared word list
        (from ``__call__`` or ``decode``: the very list object) the Doc's shared lower case."""
        view = self._last_view
        if view is not None and words is view.words:
            if view.lower is None:
                view.lower = self._lower_case(words)
            return view.lower
        return self._lower_case(words)

    def _lower_case(self, words: list[str]) -> list[str]:
        lower = self._lower
        try:
            return _look_up(lower, words)
        except KeyError:
            if len(lower) >= self.size:
                lower.clear()
            for word in words:
                if word not in lower:
                    lower[word] = word.lower()
            return _look_up(lower, words)

    def doc_text(self, doc: Doc) -> str:
        """``doc.text``, from the tokens' string hashes and whitespace flags (Doc.text makes
        every Token)."""
        if len(doc) < 2:  # (itemgetter wants two keys to return a tuple)
            return doc.text
        view = self._view(doc)
        if view.text is None:
            view.text = self._join(doc, view.table)
        return view.text

    def join(self, doc: Doc, table: numpy.ndarray) -> str:
        """The text of the tokens whose ORTH and SPACY columns are ``table`` (two or more rows),
        for a caller that reads those columns with others in one ``to_array``. Each token's
        piece of the text, with its trailing space or without, comes from a memo by one key
        computed for all tokens at once, so no string is built per token and the lookups run in
        C (``itemgetter``). For ``doc``'s own columns the Doc's shared text."""
        view = doc.user_data.get(_TOKEN_VIEW_KEY)
        # (a pure function of the table: equal columns, equal text, whatever the Doc holds now)
        if type(view) is _TokenView and table.shape == view.table.shape \
                and table.dtype == view.table.dtype and table.tobytes() == view.key:
            if view.text is None:
                view.text = self._join(doc, view.table)
            return view.text
        return self._join(doc, table)

    def _join(self, doc: Doc, table: numpy.ndarray) -> str:
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

    def _view(self, doc: Doc) -> _TokenView:
        """The Doc's shared view, made anew when there is none or its tokens changed."""
        table = doc.to_array(_VIEW_COLUMNS)
        key = table.tobytes()
        view = doc.user_data.get(_TOKEN_VIEW_KEY)
        if type(view) is not _TokenView or view.key != key:
            orth = table[:, 0].tolist()
            view = _TokenView(table, key, orth, self._decode(doc, orth))
            doc.user_data[_TOKEN_VIEW_KEY] = view
        self._last_view = view
        return view

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


def release_token_view(doc: Doc) -> None:
    """Drop the Doc's shared token view (``TokenTexts``): it is a cache for the components of
    one pipeline run, about 120 bytes per token, and kept with Docs that outlive the run (every
    chunk of a long text, a corpus held in memory) it would grow peak memory by a third. The
    last entityx component calls this; a later ``TokenTexts`` call decodes again."""
    doc.user_data.pop(_TOKEN_VIEW_KEY, None)


# where the token view lives in ``doc.user_data`` (a key no ``Underscore`` extension uses), and
# the columns it is checked against
_TOKEN_VIEW_KEY = ("entityx", "token_view")
_VIEW_COLUMNS = [ORTH, SPACY]


class _TokenView(_NotSerialized):
    """A Doc's token texts as the components read them, decoded once per Doc: its ORTH and
    SPACY columns (``table``, and as bytes ``key``), the ORTH hashes as a list (``orth``), the
    words, and when first asked for the SPACY column as a list, the Doc's text and the words'
    lower case.

    Trusted only while the Doc's ORTH and SPACY columns are still ``table``: each ``TokenTexts``
    call that is given just the Doc reads the two columns again (one ``to_array``, a few percent
    of decoding them) and compares them as bytes. The token texts change only by
    retokenization, and a merge and a split in one ``retokenize`` can keep the Doc's length
    while changing its words, so ``len(doc)`` would not do; the whitespace can also be set
    alone (``doc.from_array([SPACY], ...)``), and the text depends on it. ``decode`` and
    ``join`` are given the hashes or columns themselves and compare those instead.

    It serializes to nothing (``_NotSerialized``).
    """

    __slots__ = ("key", "lower", "orth", "spaces", "table", "text", "words")

    def __init__(self, table: numpy.ndarray, key: bytes, orth: list[int], words: list[str]):
        super().__init__()
        self.table = table
        self.key = key
        self.orth = orth
        self.words = words
        self.spaces: list[int] | None = None
        self.text: str | None = None
        self.lower: list[str] | None = None


def _look_up(memo: dict, keys: list) -> list:
    """``[memo[key] for key in keys]``, the lookups run in C by one ``itemgetter`` (faster than
    ``map`` over ``memo.__getitem__``); it returns a tuple for two keys or more."""
    if len(keys) < 2:
        return [memo[key] for key in keys]
    return list(operator.itemgetter(*keys)(memo))


_ONE = numpy.uint64(1)


def _piece_key(orth: int, space: bool) -> int:
    """The key of a token's piece of the text: its hash shifted left (losing the top bit)
    and whether a space follows in the freed bit."""
    return ((orth << 1) & 0xFFFF_FFFF_FFFF_FFFF) | space


def _piece_keys(table: numpy.ndarray) -> list[int]:
    """``_piece_key`` of every row (ORTH, SPACY) of a ``Doc.to_array`` table, in numpy
    (uint64 shifts wrap as the mask in ``_piece_key`` does)."""
    return ((table[:, 0] << _ONE) | table[:, 1]).tolist()
