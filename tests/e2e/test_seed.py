"""The reference article (../shared/seed, read from there; skipped when absent)."""

from __future__ import annotations

import entityx


def test_seed_gives_exactly_the_reference_event(seed_text, nlp):
    events = entityx.extract_events(seed_text, doc_date="2023-05-10", nlp=nlp)
    assert len(events) == 1
    event = events[0]
    assert (event.visitor.name, event.visitor.id, event.visitor.role, event.visitor.country) == (
        "Sergej Alejnik", "sergej-alejnik", "Außenminister", "BY")
    assert (event.destination.country, event.destination.city) == ("RU", "Moskau")
    assert (event.start, event.end) == ("2023-05-15", "2023-05-17")
    assert (event.visit_type, event.status) == ("official", "planned")
    assert event.host is not None and event.host.id == "sergej-lawrow"
    assert {p.id for p in event.meetings} == {"sergej-lawrow", "walentina-matwijenko", "wjatscheslaw-wolodin"}
    assert {o.acronym for o in event.organizations} == {"EAWU", "OVKS", "GUS", "UN"}
    assert event.reported_by is not None and event.reported_by.id == "maria-sacharowa"
    assert 0.5 < event.confidence <= 1.0


def test_seed_evidence_points_at_the_sentences_used(seed_text, nlp):
    (event,) = entityx.extract_events(seed_text, doc_date="2023-05-10", nlp=nlp)
    texts = [e.text for e in event.evidence]
    for evidence in event.evidence:
        assert seed_text[evidence.start:evidence.end] == evidence.text
    assert any("vom 15. bis 17. Mai" in t for t in texts)
    assert any("Am 15. und 17. Mai" in t for t in texts)
    assert not any("Montag, 25 September 2023" in t for t in texts)  # page chrome is no evidence


def test_seed_entities(seed_text, nlp):
    entities = entityx.extract_entities(seed_text, doc_date="2023-05-10", nlp=nlp)
    officials = {e.id for e in entities if e.label == "OFFICIAL"}
    assert officials == {"sergej-alejnik", "maria-sacharowa", "walentina-matwijenko", "wjatscheslaw-wolodin",
                         "sergej-lawrow"}
    orgs = {e.get("acronym") for e in entities if e.label == "ORG"}
    assert {"EAWU", "OVKS", "GUS", "UN", "Unionsstaat"} <= orgs
    assert {e.text for e in entities if e.label == "DATE"} >= {"15. bis 17. Mai", "15-17. Mai", "15. und 17. Mai"}
    for entity in entities:
        assert seed_text[entity.start:entity.end] == entity.text
