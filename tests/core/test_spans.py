"""The shared span and token helpers give what spaCy's slower API gives."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Span
from rapidfuzz import fuzz

from entityx.components.officials import _reachable_lengths
from entityx.spans import TokenTexts, add_span, attrs_of, doc_date, spans_of

TEXTS = [
    "",
    "Außenminister Lawrow reist am 15. Mai nach Minsk.\n\nDort  trifft er Aleinik.",
    "  Leerzeichen vorn, hinten und doppelt  ",
]


def test_token_texts_and_doc_text_match_spacy(nlp):
    texts = TokenTexts(size=8)  # small, so the memo is emptied on the way
    for text in TEXTS * 2:
        doc = nlp.make_doc(text)
        assert texts(doc) == [t.text for t in doc]
        assert texts.doc_text(doc) == doc.text


def test_doc_text_when_two_hashes_share_a_key(nlp):
    """Keys of ``doc_text`` lose a hash's top bit; a clash (never seen) is noticed when learning
    and the text is then built token by token."""
    from entityx.spans import _piece_key

    texts = TokenTexts()
    doc = nlp.make_doc("Lawrow reist nach Minsk.")
    texts._pieces[_piece_key(doc[1].orth, False)] = "clash"  # as if another hash had that key
    assert texts.doc_text(doc) == doc.text
    assert not texts._pieces_unique
    assert texts.doc_text(nlp.make_doc("Dort  trifft er Aleinik. ")) == "Dort  trifft er Aleinik. "


def test_token_texts_across_vocabularies(nlp):
    texts = TokenTexts()
    other = spacy.blank("de")
    for pipeline in (nlp, other, nlp):
        doc = pipeline.make_doc("Treffen in Taschkent und Samarkand")
        assert texts(doc) == [t.text for t in doc]


def test_spans_keep_attributes_per_label_at_the_same_offsets(nlp):
    doc = nlp.make_doc("Gipfel in Minsk")
    add_span(doc, 2, 3, "LOC", kb_id="BY:Minsk", attrs={"kind": "city"})
    add_span(doc, 2, 3, "LANDMARK", kb_id="BY", attrs={"city": "BY:Minsk"})
    add_span(doc, 0, 1, "ORG")
    assert [(s.label_, s.kb_id_) for s in spans_of(doc)] == [("ORG", ""), ("LOC", "BY:Minsk"),
                                                            ("LANDMARK", "BY")]
    loc, landmark = spans_of(doc, "LOC", "LANDMARK")
    assert attrs_of(loc) == {"kind": "city"} and attrs_of(landmark) == {"city": "BY:Minsk"}
    assert attrs_of(spans_of(doc, "ORG")[0]) == {}


def test_reachable_lengths_keep_every_word_that_can_reach_the_threshold():
    for threshold in (50.0, 86.0, 90.5, 100.0):
        for form_length in range(1, 13):
            form = "a" * form_length
            lengths = _reachable_lengths(form_length, threshold)
            for n in range(1, 40):
                if fuzz.ratio("a" * n, form) >= threshold:  # the best any word of length n can do
                    assert n in lengths, (threshold, form_length, n)


def test_span_attributes_are_spacys_extension_values(nlp):
    """add_span/attrs_of use the ``doc.user_data`` entry behind ``span._.entityx_attrs``."""
    doc = nlp.make_doc("Gipfel in Minsk")
    span = add_span(doc, 2, 3, "LOC", attrs={"kind": "city"})
    assert span._.entityx_attrs == {"LOC": {"kind": "city"}}
    span._.entityx_attrs = {"LOC": {"kind": "country"}}
    assert attrs_of(spans_of(doc, "LOC")[0]) == {"kind": "country"}


def test_doc_date_is_spacys_extension_value(nlp):
    doc = nlp.make_doc("Gipfel in Minsk")
    assert doc_date(doc) is None
    doc._.entityx_doc_date = "2023-05-10"
    assert doc_date(doc) == dt.date(2023, 5, 10)


def test_add_spans_gives_what_add_span_gives(nlp):
    from entityx.spans import add_spans

    text = "Am 15. Mai reist Lawrow nach Minsk"
    one, many = nlp.make_doc(text), nlp.make_doc(text)
    for doc in (one, many):
        add_span(doc, 4, 5, "OFFICIAL", attrs={"id": "lawrow"})  # a group that exists already
    added = [(1, 3, "DATE", {"value": "a"}), (1, 3, "DATE", {"value": "b"}), (6, 7, "LOC", None),
             (6, 7, "DATE", {})]
    for start, end, label, attrs in added:
        add_span(one, start, end, label, attrs=attrs)
    add_spans(many, [Span(many, s, e, label=label) for s, e, label, _ in added],
              [attrs for *_, attrs in added])
    assert [(s.start, s.end, s.label_, s.kb_id_) for s in one.spans["entityx"]] == [
        (s.start, s.end, s.label_, s.kb_id_) for s in many.spans["entityx"]]
    assert one.user_data == many.user_data
    fresh = nlp.make_doc(text)
    add_spans(fresh, [Span(fresh, 1, 3, label="DATE")])
    assert [(s.start, s.end, s.label_) for s in fresh.spans["entityx"]] == [(1, 3, "DATE")]
