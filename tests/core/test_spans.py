"""The shared span and token helpers give what spaCy's slower API gives."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.attrs import IDX, ORTH, SPACY
from spacy.tokens import Span
from rapidfuzz import fuzz

from entityx.linking import reachable_lengths
from entityx.spans import TokenTexts, add_span, attrs_of, doc_date, spans_of

TEXTS = [
    "",
    "Außenminister Lawrow reist am 15. Mai nach Minsk.\n\nDort  trifft er Aleinik.",
    "  Leerzeichen vorn, hinten und doppelt  ",
    "ÜBER DIE STRAẞE: Maß, İstanbul, ΣΟΦΙΑ und Ärzte-Gipfel",
]


def test_token_texts_and_doc_text_match_spacy(nlp):
    texts = TokenTexts(size=8)  # small, so the memos are emptied on the way
    for text in TEXTS * 2:
        doc = nlp.make_doc(text)
        assert texts(doc) == [t.text for t in doc]
        assert texts.doc_text(doc) == doc.text
        assert texts.lower_case(texts(doc)) == [t.lower_ for t in doc]
        if len(doc) > 1:
            assert texts.join(doc, doc.to_array([ORTH, SPACY, IDX])[:, :2]) == doc.text
        labels = [nlp.vocab.strings.add(label) for label in ("OFFICIAL", "LOC", "")]
        assert texts.decode(doc, labels) == ["OFFICIAL", "LOC", ""]


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
            lengths = reachable_lengths(form_length, threshold)
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


# --- span records: the tuples later components read instead of the group's Span objects ----------

def _from_group(doc):
    """What ``span_records`` must give: the group's spans, read through spaCy's own API."""
    if "entityx" not in doc.spans:
        return []
    return [(s.start, s.end, s.start_char, s.end_char, s.label, s.kb_id) for s in doc.spans["entityx"]]


def _agree(doc):
    from entityx.spans import span_records, span_records_of

    assert span_records(doc) == _from_group(doc)
    wanted = ("LOC", "ORG", "DATE")
    group = list(doc.spans["entityx"]) if "entityx" in doc.spans else []
    in_order = sorted([s for s in group if s.label_ in wanted], key=lambda s: (s.start, -s.end))  # (stable)
    assert [(s.start, s.end, s.label, s.kb_id) for s in spans_of(doc, *wanted)] == [
        (s.start, s.end, s.label, s.kb_id) for s in in_order]
    assert span_records_of(doc, *wanted) == [
        (s.start, s.end, s.start_char, s.end_char, s.label, s.kb_id) for s in spans_of(doc, *wanted)]
    assert span_records_of(doc) == [
        (s.start, s.end, s.start_char, s.end_char, s.label, s.kb_id) for s in spans_of(doc)]


ARTICLE = ("Außenminister Lawrow reist am 15. Mai nach Minsk. Dort trifft er den belarussischen "
           "Präsidenten Lukaschenko im Palast der Unabhängigkeit. Der Besuch dauert zwei Tage.")


def test_span_records_match_the_group_after_the_pipeline(nlp):
    for doc in [nlp(ARTICLE), nlp(""), *nlp.pipe([ARTICLE, "Kein Name hier."])]:
        _agree(doc)
    assert len(nlp(ARTICLE).spans["entityx"]) > 3  # (the test has something to compare)


def test_span_records_follow_add_span_and_add_spans(nlp):
    from entityx.spans import add_spans, span_records

    doc = nlp.make_doc("Gipfel in Minsk am Montag")
    assert span_records(doc) == []
    add_spans(doc, [Span(doc, 4, 5, label="DATE")], [{"granularity": "day"}])
    _agree(doc)
    add_span(doc, 2, 3, "LOC", kb_id="BY:Minsk")
    add_spans(doc, [Span(doc, 0, 1, label="ORG", kb_id="X"), Span(doc, 2, 3, label="LANDMARK")])
    add_span(doc, 2, 5, "LOC")
    _agree(doc)


def test_span_records_notice_hand_edited_groups(nlp):
    from entityx.spans import span_records

    doc = nlp.make_doc("Gipfel in Minsk am Montag mit Lawrow")
    add_span(doc, 2, 3, "LOC", kb_id="BY:Minsk")
    add_span(doc, 4, 5, "DATE")
    span_records(doc)  # (records noted and read once)
    doc.spans["entityx"].append(Span(doc, 6, 7, label="OFFICIAL"))  # appended by hand
    _agree(doc)
    del doc.spans["entityx"][1]  # deleted by hand (spaCy 3.8 erases the one before i; i=0 crashes)
    _agree(doc)
    doc.spans["entityx"] = [Span(doc, 0, 1, label="ORG"), Span(doc, 6, 7, label="OFFICIAL")]  # replaced
    _agree(doc)
    doc.spans["entityx"] = list(doc.spans["entityx"])  # replaced, same length
    _agree(doc)
    doc.spans["entityx"] += [Span(doc, 2, 3, label="LOC")]
    _agree(doc)
    add_span(doc, 4, 5, "DATE")  # our own writer on top of the hand edits
    _agree(doc)
    del doc.spans["entityx"]
    assert span_records(doc) == []
    add_span(doc, 2, 3, "LOC")
    _agree(doc)


def test_span_records_after_serialization_and_copies(nlp):
    import copy
    import pickle

    from spacy.tokens import Doc, DocBin

    from entityx.spans import span_records

    doc = nlp(ARTICLE)
    span_records(doc)
    copies = [Doc(nlp.vocab).from_bytes(doc.to_bytes()), doc.copy(), pickle.loads(pickle.dumps(doc)),
              copy.deepcopy(doc)]
    bin_ = DocBin(store_user_data=True, attrs=["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"])
    bin_.add(doc)
    copies += list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    for other in copies:
        _agree(other)
        other.spans["entityx"] = list(other.spans["entityx"])[1:]  # edited after the round trip
        _agree(other)
        add_span(other, 0, 1, "ORG")
        _agree(other)
    _agree(doc)  # the original is left alone by all that


def test_span_records_are_not_serialized(nlp):
    """The records (and the token view) cost nothing in ``Doc.to_bytes``: the user data
    carries an empty list for each."""
    from spacy.tokens import Doc

    from entityx.spans import _RECORDS_KEY, _TOKEN_VIEW_KEY

    doc = nlp(ARTICLE)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert {key: value for key, value in back.user_data.items() if key[0] != "._."} == {
        _RECORDS_KEY: []}  # (the token view is released by the last component: see below)
    TokenTexts()(doc)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back.user_data[_TOKEN_VIEW_KEY] == []


def test_token_view_is_released_after_the_pipeline(nlp):
    """The view is a cache for one pipeline run: Docs kept afterwards (the chunks of a long
    text) do not carry it, and a later reader decodes again."""
    from entityx.spans import _TOKEN_VIEW_KEY

    doc = nlp(ARTICLE)
    assert _TOKEN_VIEW_KEY not in doc.user_data
    assert TokenTexts()(doc) == [t.text for t in doc]
    assert _TOKEN_VIEW_KEY in doc.user_data


def test_entity_filter_and_events_read_hand_edited_groups(nlp):
    """The components reading the records see a hand edit made between the pipes: they give
    what they give when the edit was made on a Doc without records (read from the group)."""
    from entityx.spans import _RECORDS_KEY

    def run(drop_records):
        doc = nlp.make_doc(ARTICLE)
        for name, proc in nlp.pipeline:
            if name == "entityx_entity_filter":
                doc.spans["entityx"] = [s for s in doc.spans["entityx"] if s.label_ not in ("LOC", "LANDMARK")]
                if drop_records:
                    del doc.user_data[_RECORDS_KEY]
            doc = proc(doc)
        return [(e.start, e.end, e.label_) for e in doc.ents], doc._.entityx_events

    edited = run(drop_records=False)
    assert edited == run(drop_records=True)
    assert "LOC" not in [label for _, _, label in edited[0]]
    assert edited[1] != nlp(ARTICLE)._.entityx_events


# --- the token view: words, text and lower case decoded once per Doc, for every TokenTexts --------

def _token_texts_agree(doc, texts=None):
    """Every TokenTexts method gives what spaCy gives for ``doc`` as it is now."""
    texts = TokenTexts() if texts is None else texts
    words = texts(doc)
    assert words == [t.text for t in doc]
    assert texts.doc_text(doc) == doc.text
    assert texts.lower_case(words) == [t.lower_ for t in doc]
    orth = doc.to_array(ORTH).tolist()
    assert texts.decode(doc, orth) == words
    assert texts.lower_case(texts.decode(doc, orth)) == [t.lower_ for t in doc]
    if len(doc) > 1:
        assert texts.join(doc, doc.to_array([ORTH, SPACY, IDX])[:, :2]) == doc.text


def test_token_view_is_shared_by_every_token_texts(nlp):
    first, second = TokenTexts(), TokenTexts()
    doc = nlp.make_doc(ARTICLE)
    words = first(doc)
    assert second(doc) is words  # decoded once, handed to the next component
    assert second.doc_text(doc) is first.doc_text(doc) == doc.text
    orth = doc.to_array(ORTH).tolist()
    assert second.decode(doc, orth) is words
    assert second.lower_case(words) is first.lower_case(first(doc)) == [t.lower_ for t in doc]
    table = doc.to_array([ORTH, SPACY, IDX])
    assert second.join(doc, table[:, :2]) is first.doc_text(doc)
    # other hashes and columns are decoded as before, not taken for the Doc's
    labels = [nlp.vocab.strings.add(label) for label in ("OFFICIAL", "LOC")]
    assert second.decode(doc, labels) == ["OFFICIAL", "LOC"]
    assert second.decode(doc, orth[1:] + orth[:1]) == words[1:] + words[:1]
    assert second.lower_case(list(words)) == [t.lower_ for t in doc]  # (an equal list, not the view's)
    assert second.join(doc, table[1:, :2]) == doc[1:].text_with_ws
    assert second(nlp.make_doc("Kein Name hier.")) == ["Kein", "Name", "hier", "."]
    for text in TEXTS:
        _token_texts_agree(nlp.make_doc(text), second)


def test_token_view_notices_retokenization(nlp):
    texts = TokenTexts()
    doc = nlp.make_doc("Außenminister Lawrow reist nach New York und Minsk")
    _token_texts_agree(doc, texts)
    with doc.retokenize() as retokenizer:  # a merge: one token fewer
        retokenizer.merge(doc[4:6])
    _token_texts_agree(doc, texts)
    with doc.retokenize() as retokenizer:  # a split: one token more
        retokenizer.split(doc[0], ["Außen", "minister"], heads=[(doc[0], 1), doc[1]])
    _token_texts_agree(doc, texts)
    length = len(doc)
    with doc.retokenize() as retokenizer:  # both at once: the same length, other words
        retokenizer.merge(doc[0:2])
        retokenizer.split(doc[5], ["New", " York"], heads=[(doc[5], 1), doc[4]])
    assert len(doc) == length
    _token_texts_agree(doc, texts)


def test_token_view_notices_new_whitespace(nlp):
    texts = TokenTexts()
    doc = nlp.make_doc("Lawrow reist nach Minsk.")
    _token_texts_agree(doc, texts)
    spaces = doc.to_array([SPACY])
    spaces[0] = 0
    doc.from_array([SPACY], spaces)  # the same words, another text
    assert doc.text.startswith("Lawrowreist")
    _token_texts_agree(doc, texts)


def test_token_view_after_serialization_and_copies(nlp):
    import copy
    import pickle
    import warnings

    from spacy.tokens import Doc, DocBin

    from entityx.spans import _TOKEN_VIEW_KEY, _TokenView

    doc = nlp(ARTICLE)
    texts = TokenTexts()
    _token_texts_agree(doc, texts)
    assert type(doc.user_data[_TOKEN_VIEW_KEY]) is _TokenView
    copies = [Doc(nlp.vocab).from_bytes(doc.to_bytes()), doc.copy(), pickle.loads(pickle.dumps(doc)),
              copy.deepcopy(doc)]
    bin_ = DocBin(store_user_data=True, attrs=["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"])
    bin_.add(doc)
    copies += list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (spaCy warns about keys that are no extension values)
        copies.append(Doc.from_docs([doc, nlp("Dort trifft er Aleinik.")]))
    for other in copies:
        kept = other.user_data.get(_TOKEN_VIEW_KEY)
        assert type(kept) is not _TokenView and not kept  # an empty list (or tuple), or nothing
        _token_texts_agree(other, texts)
        with other.retokenize() as retokenizer:
            retokenizer.merge(other[0:2])
        _token_texts_agree(other, texts)
    _token_texts_agree(doc, texts)  # the original is left alone by all that


def test_with_spaces_gives_the_tokens_whitespace(nlp):
    texts = TokenTexts()
    for text in TEXTS:
        doc = nlp.make_doc(text)
        words, spaces = texts.with_spaces(doc)
        assert words == [t.text for t in doc] and words is texts(doc)
        assert spaces == [int(bool(t.whitespace_)) for t in doc]


# --- adding many spans at once, and span ids ------------------------------------------------------

def test_add_span_tuples_gives_what_add_span_gives(nlp):
    from entityx.spans import add_span_tuples, span_ids_in_group, span_records

    text = "Am 15. Mai reist Lawrow nach Minsk"
    found = [(6, 7, "LOC", "BY:Minsk", {"kind": "city"}), (6, 7, "LANDMARK", "BY", {"city": "BY:Minsk"}),
             (6, 7, "LOC", "BY", {"kind": "country"}), (1, 3, "DATE", "", None), (4, 5, "ORG", "X", {})]
    for existing in (False, True):
        one, many = nlp.make_doc(text), nlp.make_doc(text)
        for doc in (one, many):
            if existing:
                add_span(doc, 4, 5, "OFFICIAL", kb_id="lawrow", attrs={"id": "lawrow"})
        for start, end, label, kb_id, attrs in found:
            add_span(one, start, end, label, kb_id=kb_id, attrs=attrs)
        add_span_tuples(many, found)
        add_span_tuples(many, [])
        assert [(s.start, s.end, s.label_, s.kb_id_, s.id) for s in one.spans["entityx"]] == [
            (s.start, s.end, s.label_, s.kb_id_, s.id) for s in many.spans["entityx"]]
        assert {k: v for k, v in one.user_data.items() if k[0] == "._."} == {
            k: v for k, v in many.user_data.items() if k[0] == "._."}
        assert span_records(many) == span_records(one) == _from_group(many)
        assert not span_ids_in_group(many)
        _agree(many)


def test_span_ids_in_group_follow_the_group(nlp):
    from entityx.spans import add_spans, span_ids_in_group

    doc = nlp.make_doc("Gipfel in Minsk am Montag mit Lawrow")
    assert not span_ids_in_group(doc)
    add_span(doc, 2, 3, "LOC")
    assert not span_ids_in_group(doc)
    add_spans(doc, [Span(doc, 4, 5, label="DATE")])
    assert not span_ids_in_group(doc)
    add_spans(doc, [Span(doc, 6, 7, label="OFFICIAL", span_id="x")])
    assert span_ids_in_group(doc)
    add_span(doc, 0, 1, "ORG")
    assert span_ids_in_group(doc)
    doc.spans["entityx"] = [s for s in doc.spans["entityx"] if not s.id]  # replaced by hand
    assert not span_ids_in_group(doc)
    doc.spans["entityx"].append(Span(doc, 6, 7, label="OFFICIAL", span_id="y"))  # appended by hand
    assert span_ids_in_group(doc)
    del doc.spans["entityx"]
    assert not span_ids_in_group(doc)
