"""Unit tests of the tagging components on varied sentences (one shared pipeline)."""

from __future__ import annotations

import pytest

import entityx
from entityx.spans import attrs_of, spans_of


def tag(nlp, text, doc_date="2023-05-10"):
    doc = nlp.make_doc(text)
    doc._.entityx_doc_date = doc_date
    return nlp(doc)


def labelled(doc, label):
    return [(s.text, s.kb_id_) for s in spans_of(doc, label)]


# ------------------------------------------------------------------ sentences
@pytest.mark.parametrize("text, expected", [
    ("Erster Satz. Zweiter Satz.", 2),
    ('Er sagte: "Wir reisen." Dann ging er.', 2),
    ('Er kam in Moskau an. "Wir sind zufrieden", sagte er.', 2),  # the quote opens sentence two
    ("Am 3. Juni kam er. Am XI. Forum nahm Wladimir W. Putin teil.", 2),
    ("Alle Nachrichten\nPolitik\n10 Mai 2023, 15:27\n\nTitel ohne Punkt\n\nText.", 5),
    ("Ein hart umbrochener Satz, der\nweitergeht und endet.", 1),
])
def test_sentence_splitting(nlp, text, expected):
    assert len(list(tag(nlp, text).sents)) == expected


# ------------------------------------------------------------------ places
@pytest.mark.parametrize("text, surface, kb_id", [
    ("Er reist nach Weißrussland.", "Weißrussland", "BY"),
    ("Gespräche in Kirgistan.", "Kirgistan", "KG"),
    ("Der Präsident Russlands sprach.", "Russlands", "RU"),
    ("Treffen in der Russischen Föderation.", "Russischen Föderation", "RU"),
    ("Ankunft in Peking am Abend.", "Peking", "CN:Peking"),
    ("Das Forum in Sankt Petersburg beginnt.", "Sankt Petersburg", "RU:Sankt Petersburg"),
])
def test_places(nlp, text, surface, kb_id):
    assert (surface, kb_id) in labelled(tag(nlp, text), "LOC")


def test_capital_described_by_adjective_is_a_destination_hint(nlp):
    doc = tag(nlp, "Gipfel in der belarussischen Hauptstadt.")
    assert labelled(doc, "LANDMARK") == [("belarussischen Hauptstadt", "BY:Minsk")]
    assert labelled(doc, "LOC") == []


@pytest.mark.parametrize("text, adjective, country", [
    ("Der belarussische Minister", "belarussische", "BY"),
    ("des weißrussischen Präsidenten", "weißrussischen", "BY"),
    ("ein russischer Diplomat", "russischer", "RU"),
    ("Belarussischer Außenminister reist", "Belarussischer", "BY"),
    ("die Schweizer Delegation", "Schweizer", "CH"),
])
def test_country_adjectives(nlp, text, adjective, country):
    doc = tag(nlp, text)
    assert any(s.text == adjective and attrs_of(s)["country"] == country for s in spans_of(doc, "NAT"))


def test_ordinary_words_are_no_places(nlp):
    doc = tag(nlp, "Die Halle war voll, wir essen in Kiel nicht, Essen bleibt kalt und die Mark fällt.")
    assert labelled(doc, "LOC") == []


# ------------------------------------------------------------------ organizations
@pytest.mark.parametrize("text, acronym", [
    ("die EAWU-Präsidentschaft Russlands", "EAWU"),
    ("den OVKS-Vorsitz übernehmen", "OVKS"),
    ("im GUS-Rahmen", "GUS"),
    ("vor dem UN-Sicherheitsrat", "UN"),
    ("im Rahmen der Vereinten Nationen", "UN"),
    ("die Schanghaier Organisation für Zusammenarbeit tagt", "SOZ"),
    ("der NATO-Gipfel in Vilnius", "NATO"),
    ("beim G20-Treffen", "G20"),
    ("die Mitglieder des Europarats", "Europarat"),
    ("Integration im Unionsstaat", "Unionsstaat"),
    ("die CSTO-Truppen", "OVKS"),
])
def test_organizations(nlp, text, acronym):
    doc = tag(nlp, text)
    assert acronym in [attrs_of(s)["acronym"] for s in spans_of(doc, "ORG")]


def test_no_org_hits_on_ordinary_words(nlp):
    doc = tag(nlp, "Gus Grissom aß aus Gusseisen; soz. Fragen, eu-weit, un-nötig, die Au war nass.")
    assert labelled(doc, "ORG") == []


# ------------------------------------------------------------------ officials
@pytest.mark.parametrize("text, official_id", [
    ("Sergej Lawrows Besuch", "sergej-lawrow"),
    ("Sergey Lavrov said", "sergej-lawrow"),
    ("Die Sprecherin Maria Zakharova erklärte", "maria-sacharowa"),
    ("Valentina Matviyenko eröffnete", "walentina-matwijenko"),
    ("Vyacheslav Volodin sagte", "wjatscheslaw-wolodin"),
    ("Siarhei Aleinik reiste", "sergej-alejnik"),
    ("Sergej Lawrof traf ein", "sergej-lawrow"),  # typo, fuzzy
    ("Maria Sacharova sagte", "maria-sacharowa"),  # typo, fuzzy
    ("Kremlchef Putin empfing", "wladimir-putin"),
    ("Außenminister Lawrov reiste", "sergej-lawrow"),
])
def test_official_names_and_variants(nlp, text, official_id):
    assert official_id in [kb for _, kb in labelled(tag(nlp, text), "OFFICIAL")]


def test_surname_after_full_name_links_to_the_same_person(nlp):
    doc = tag(nlp, "Alexander Lukaschenko traf ein. Später sagte Lukaschenko, er sei zufrieden.")
    assert [kb for _, kb in labelled(doc, "OFFICIAL")] == ["alexander-lukaschenko"] * 2


@pytest.mark.parametrize("text", [
    "Er war kurz in Wien.", "Die Maurer arbeiten.", "Kurz danach begann die Sitzung.",
    "Der Wolf und das Lamm.", "Das Essen war gut, die Suppe kalt.", "Ein Fischer fing einen Hecht.",
])
def test_ordinary_words_are_not_officials(nlp, text):
    assert labelled(tag(nlp, text), "OFFICIAL") == []


@pytest.mark.parametrize("text, on, holder", [
    ("der russische Außenminister reiste", "2023-05-10", "sergej-lawrow"),
    ("der russische Außenminister reiste", "2003-05-10", "igor-iwanow"),
    ("des belarussischen Außenministers", "2023-05-10", "sergej-alejnik"),
    ("Russlands Präsident sagte", "2010-01-01", "dmitri-medwedew"),
    ("der deutsche Bundeskanzler kam", "2015-06-01", "angela-merkel"),
    ("Sprecherin des russischen Außenministeriums", "2023-05-10", "maria-sacharowa"),
])
def test_role_descriptions_resolve_to_holder_at_date(nlp, text, on, holder):
    doc = tag(nlp, text, on)
    assert [s.kb_id_ for s in spans_of(doc, "ROLE")] == [holder]


def test_unknown_official_found_from_title_and_name(nlp):
    doc = tag(nlp, "Der kenianische Außenminister Musalia Mudavadi traf in Minsk ein.")
    (official,) = spans_of(doc, "OFFICIAL")
    assert official.text == "Musalia Mudavadi" and official.kb_id_ == ""
    assert attrs_of(official)["role"] == "Außenminister" and attrs_of(official)["country"] == "KE"


def test_official_attrs_follow_the_document_date(nlp):
    (early,) = spans_of(tag(nlp, "Wladimir Putin sprach.", "2010-01-01"), "OFFICIAL")
    (late,) = spans_of(tag(nlp, "Wladimir Putin sprach.", "2020-01-01"), "OFFICIAL")
    assert attrs_of(early)["role"] == "Ministerpräsident" and attrs_of(late)["role"] == "Präsident"


# ------------------------------------------------------------------ dates and entity filter
def test_dates_component_and_entity_filter(nlp):
    doc = tag(nlp, "Lawrow reist vom 15. bis 17. Mai nach Minsk.")
    (date,) = spans_of(doc, "DATE")
    assert date.text == "15. bis 17. Mai"
    assert (attrs_of(date)["start_date"], attrs_of(date)["end_date"]) == ("2023-05-15", "2023-05-17")
    assert [e.label_ for e in doc.ents] == ["OFFICIAL", "DATE", "LOC"]


# ------------------------------------------------------------------ entity filter
def _reference_ents(doc):
    """What the entity filter must write: the longest candidate first (for equal length by
    label, then earliest, then in group order), skipping those that overlap one chosen before,
    set with spaCy's own ``set_ents`` on the group's spans."""
    from entityx.components.entity_filter import NOT_ENTITY_GRANULARITIES, PRIORITY

    group = list(doc.spans["entityx"]) if "entityx" in doc.spans else []
    keyed = []
    for position, span in enumerate(group):
        if span.label_ not in PRIORITY:
            continue
        if span.label_ == "DATE" and attrs_of(span).get("granularity") in NOT_ENTITY_GRANULARITIES:
            continue
        keyed.append((span.start - span.end, PRIORITY[span.label_], span.start, position))
    used, chosen = set(), []
    for _length, _rank, _start, position in sorted(keyed):
        span = group[position]
        if used.isdisjoint(range(span.start, span.end)):
            used.update(range(span.start, span.end))
            chosen.append(span)
    doc.set_ents(chosen, default="outside")


def _token_ents(doc):
    from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE

    return doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]).tolist()


def _random_group(nlp, rng, words, with_ids=False):
    from spacy.tokens import Span

    from entityx.spans import add_span, add_spans

    doc = nlp.make_doc(" ".join(words))
    labels = ["OFFICIAL", "ORG", "LOC", "DATE", "NAT", "ROLE"]
    for _ in range(rng.randint(0, 14)):
        start = rng.randint(0, len(doc))
        end = min(len(doc), start + rng.choice([0, 1, 1, 1, 2, 2, 3, 5]))
        label = rng.choice(labels)
        attrs = {"granularity": rng.choice(["day", "duration", "vague"])} if label == "DATE" else None
        kb_id = rng.choice(["", "RU", "lawrow"])
        if with_ids and rng.random() < 0.3:
            add_spans(doc, [Span(doc, start, end, label=label, kb_id=kb_id, span_id=rng.choice(["a", "b"]))],
                      [attrs])
        else:
            add_span(doc, start, end, label, kb_id=kb_id, attrs=attrs)
    return doc


def test_entity_filter_writes_what_set_ents_writes(nlp):
    """Random overlapping candidates (empty spans, durations, span ids, kb_ids set on tokens
    before): the filter's token annotation is that of spaCy's set_ents on the chosen spans."""
    import random

    from spacy.tokens import Span

    rng = random.Random(7)
    entity_filter = nlp.get_pipe("entityx_entity_filter")
    for trial in range(300):
        words = [rng.choice(["Lawrow", "reist", "nach", "Minsk", ".", "am", "Montag"]) for _ in range(rng.randint(0, 12))]
        doc, reference = [_random_group(nlp, random.Random(trial), words, with_ids=trial % 3 == 0)
                          for _ in range(2)]
        if len(doc) > 2 and trial % 4 == 0:  # annotation from an earlier NER, with kb and ent ids
            for one in (doc, reference):
                one.set_ents([Span(one, 0, 2, label="PER", kb_id="Q1", span_id="e")], default="outside")
        _reference_ents(reference)
        assert _token_ents(entity_filter(doc)) == _token_ents(reference), trial
        assert [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents] == [
            (e.start, e.end, e.label_, e.kb_id_) for e in reference.ents]


@pytest.mark.parametrize(("text", "date_text", "sentences"), [
    ("Es war sein erster Besuch in Minsk seit 2019.", "2019", 1),
    ("Er war zuletzt im Mai 2019. Danach kam er nicht wieder.", "Mai 2019", 2),
    ("Seit seinem Amtsantritt 2016. Am Nachmittag reist er ab.", "2016", 2),
    ("Die Pressemitteilung datiert vom 15.05.2023.", "15.05.2023", 1),
])
def test_a_year_ending_a_sentence_leaves_the_period_outside_its_date(nlp, text, date_text, sentences):
    doc = tag(nlp, text)
    assert [found for found, _ in labelled(doc, "DATE")] == [date_text]
    assert doc[-1].text == "." and len(list(doc.sents)) == sentences


def test_day_ordinals_keep_their_period(nlp):
    doc = tag(nlp, "Der 17. Parteitag beginnt am 3. Mai, der 2. Tag ist frei.")
    assert {"17.", "3.", "2."} <= {t.text for t in doc}


@pytest.mark.parametrize(("text", "surname", "official_id"), [
    ("Von Rom bis Hiroshima: Selenskyjs Reisediplomatie\n\nKiew (dpa) - Präsident Wolodymyr Selenskyj "
     "ist am Samstag in Rom eingetroffen.", "Selenskyjs", "wolodymyr-selenskyj"),
    ("Der Mittler vom Bosporus: Erdoğans Reisediplomatie\n\nAnkara (AFP) - Recep Tayyip Erdoğan "
     "reist am Montag nach Sotschi.", "Erdoğans", "recep-tayyip-erdogan"),
    ("Orbán in Peking\n\nBudapest (APA) - Ministerpräsident Viktor Orbán ist zu Gesprächen nach "
     "China gereist.", "Orbán", "viktor-orban"),
])
def test_a_surname_before_the_full_name_links_to_that_person(nlp, text, surname, official_id):
    doc = tag(nlp, text, doc_date="2024-07-08")
    assert (surname, official_id) in labelled(doc, "OFFICIAL")


def test_a_worldwide_surname_alone_without_the_full_name_stays_unlinked(nlp):
    doc = tag(nlp, "Selenskyjs Reisediplomatie stößt in Moskau auf Kritik.", doc_date="2024-07-08")
    assert not [kb for _, kb in labelled(doc, "OFFICIAL") if kb == "wolodymyr-selenskyj"]


@pytest.mark.parametrize(("text", "doc_date", "name", "official_id"), [
    ("Königin Elizabeth II. empfing den Gast mit militärischen Ehren.", "2003-06-24", "Elizabeth II.", "elizabeth-ii"),
    ("Am Vorabend hatte ihn König Felipe VI. zu einem Essen empfangen.", "2023-04-26", "Felipe VI.", "felipe-vi"),
    ("Im Vatikan empfing ihn Papst Franziskus zu einer Privataudienz.", "2023-05-14", "Franziskus", "franziskus"),
    ("In Monaco trifft Xi am Sonntag Fürst Albert II.", "2019-03-20", "Albert II.", "albert-ii-von-monaco"),
])
def test_a_monarchs_title_is_no_part_of_the_name(nlp, text, doc_date, name, official_id):
    doc = tag(nlp, text, doc_date=doc_date)
    assert (name, official_id) in labelled(doc, "OFFICIAL")
    assert all(not e.text.startswith(("König", "Papst", "Fürst")) for e in doc.ents if e.label_ == "OFFICIAL")


def test_a_monarchy_labels_its_head_of_state_by_title(nlp):
    events = entityx.extract_events("Der spanische König reist am Montag zu einem Staatsbesuch nach Marokko.",
                                    doc_date="2023-05-10", nlp=nlp)
    assert [(e.visitor.id, e.visitor.role, e.destination.country) for e in events] == [("felipe-vi", "König", "MA")]
