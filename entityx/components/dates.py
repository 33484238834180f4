"""Dates: runs the German temporal tagger (:mod:`entityx.temporal`) over the Doc's text.

Adds DATE spans with attrs {value, start_date, end_date, granularity, flags}. The anchor for
expressions without a year is ``doc._.entityx_doc_date`` (set by the API from ``doc_date``).
Matches that do not line up with token boundaries are widened to the covering tokens.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import TokenTexts, add_spans, doc_date
from ..temporal import DateTagger

DATE = "DATE"


@Language.factory("entityx_dates", assigns=["doc.spans"], default_config={})
def make_dates(nlp: Language, name: str) -> "DateComponent":
    return DateComponent(name)


class DateComponent:
    """Wrapper: the vocabulary ships with the package, the tagger is built once; it keeps nothing
    of a Doc but a memo of decoded token texts."""

    def __init__(self, name: str = "entityx_dates"):
        self.name = name
        self.tagger = DateTagger()
        self._token_texts = TokenTexts()

    def __call__(self, doc: Doc) -> Doc:
        expressions = self.tagger.find(self._token_texts.doc_text(doc), anchor=doc_date(doc))
        if not expressions:
            return doc
        spans, attrs = [], []
        char_span = doc.char_span
        for expression in expressions:
            span = char_span(expression.start, expression.end, label=DATE, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            spans.append(span)
            # the JSON-safe fields of ``expression.to_dict()`` a span keeps
            start_date, end_date = expression.start_date, expression.end_date
            attrs.append({
                "value": expression.value,
                "start_date": start_date.isoformat() if start_date else None,
                "end_date": end_date.isoformat() if end_date else None,
                "granularity": expression.granularity,
                "flags": list(expression.flags),
            })
        add_spans(doc, spans, attrs)
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: D102 - nothing to save
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self
