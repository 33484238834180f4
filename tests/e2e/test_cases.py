"""End-to-end: German news-style texts written by us, with hand-made gold events (cases.yaml).

Each case checks every event field: visitor, destination, dates, type, status, host, meetings,
organizations and reporter. Gold names are compared through the gazetteer (any alias of the same
official counts), so the test does not depend on which spelling the gold data used.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import entityx
from entityx.gazetteer import load_gazetteers, shipped_gazetteer_files

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def name_to_id():
    data = load_gazetteers(shipped_gazetteer_files())
    index = {}
    for official in data.officials.values():
        for name in [official["name"], *official["aliases"]]:
            index[name] = official["id"]
    return index


def person_key(person, name_to_id):
    if person is None:
        return None
    if isinstance(person, str):
        return name_to_id.get(person, person)
    if isinstance(person, dict):
        return person.get("id") or name_to_id.get(person["name"], person["name"])
    return person.id or name_to_id.get(person.name, person.name)


def iso(value):
    return None if value is None else str(value)


def compare(gold: dict, got, name_to_id) -> list[str]:
    problems = []

    def check(field, expected, actual):
        if expected != actual:
            problems.append(f"{field}: expected {expected!r}, got {actual!r}")

    check("destination.country", gold["destination"]["country"], got.destination.country)
    check("destination.city", gold["destination"].get("city"), got.destination.city)
    check("start", iso(gold.get("start")), got.start)
    check("end", iso(gold.get("end")), got.end)
    check("visit_type", gold["visit_type"], got.visit_type)
    check("status", gold["status"], got.status)
    check("host", person_key(gold.get("host"), name_to_id), person_key(got.host, name_to_id))
    check("meetings", sorted(person_key(p, name_to_id) for p in gold.get("meetings") or []),
          sorted(person_key(p, name_to_id) for p in got.meetings))
    check("organizations", sorted(gold.get("organizations") or []), sorted(o.acronym for o in got.organizations))
    check("reported_by", person_key(gold.get("reported_by"), name_to_id), person_key(got.reported_by, name_to_id))
    visitor = gold["visitor"]
    if visitor.get("role"):
        check("visitor.role", visitor["role"], got.visitor.role)
    if visitor.get("country"):
        check("visitor.country", visitor["country"], got.visitor.country)
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case, nlp, name_to_id):
    events = entityx.extract_events(case["text"], doc_date=str(case["doc_date"]), nlp=nlp)
    got_by_visitor = {}
    for event in events:
        got_by_visitor.setdefault(person_key(event.visitor, name_to_id), []).append(event)
    problems = []
    expected_keys = [person_key(g["visitor"], name_to_id) for g in case["events"]]
    for key in got_by_visitor:
        if key not in expected_keys:
            problems.append(f"unexpected event for {key}: {[e.to_dict()['destination'] for e in got_by_visitor[key]]}")
    for gold, key in zip(case["events"], expected_keys):
        candidates = got_by_visitor.get(key, [])
        same_place = [e for e in candidates if e.destination.country == gold["destination"]["country"]]
        if not same_place:
            problems.append(f"missing event for {key} -> {gold['destination']}")
            continue
        got = same_place.pop(0)
        candidates.remove(got)
        problems += [f"{key}: {p}" for p in compare(gold, got, name_to_id)]
    assert len(events) == len(case["events"]) or problems, "event count differs"
    assert not problems, "\n".join(problems)
