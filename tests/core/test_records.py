"""Records serialize to exactly the documented JSON shapes."""

from __future__ import annotations

import dataclasses
import json

import pytest

from entityx.records import Destination, Entity, Evidence, OfficialVisit, Org, Person


def visit() -> OfficialVisit:
    lawrow = Person("Sergej Lawrow", "sergej-lawrow", "Außenminister", "RU")
    return OfficialVisit(
        visitor=Person("Sergej Alejnik", "sergej-alejnik", "Außenminister", "BY"),
        destination=Destination("RU", "Moskau"), start="2023-05-15", end="2023-05-17",
        visit_type="official", status="planned", host=lawrow, meetings=(lawrow,),
        organizations=(Org("CSTO", "OVKS", "CSTO", "Organisation des Vertrags über kollektive Sicherheit"),),
        reported_by=None, evidence=(Evidence(0, 5, "Text."),), confidence=0.91234)


def test_visit_to_dict_shape_and_roundtrip():
    data = visit().to_dict()
    assert list(data) == ["type", "visitor", "destination", "start", "end", "visit_type", "status", "host",
                          "meetings", "organizations", "reported_by", "evidence", "confidence"]
    assert data["type"] == "official_visit" and data["confidence"] == 0.912
    assert set(data["visitor"]) == {"name", "id", "role", "country"}
    json.dumps(data)
    assert OfficialVisit.from_dict(data).to_dict() == data


def test_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        visit().status = "completed"  # type: ignore[misc]


@pytest.mark.parametrize("label, attrs, keys", [
    ("OFFICIAL", (("role", "Außenminister"), ("country", "RU")), {"role", "country"}),
    ("ORG", (("acronym", "OVKS"), ("acronym_en", "CSTO"), ("name", "x")), {"acronym", "acronym_en", "name"}),
    ("LOC", (("country", "RU"), ("kind", "city")), {"country", "kind"}),
    ("DATE", (("value", "2023-05-15"), ("start_date", "2023-05-15"), ("end_date", "2023-05-17")),
     {"value", "start_date", "end_date"}),
])
def test_entity_to_dict_has_label_specific_fields(label, attrs, keys):
    data = Entity(label, "x", 0, 1, None, None, attrs).to_dict()
    assert set(data) == {"label", "text", "start", "end", "id", "canonical"} | keys
    json.dumps(data)
