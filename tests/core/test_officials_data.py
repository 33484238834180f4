"""Facts in the officials gazetteer: every entry sourced, no impossible tenure overlaps."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from entityx.gazetteer import load_gazetteers, shipped_gazetteer_files

SINGLE_HOLDER_OFFICES = ("head_of_state", "head_of_government", "foreign_minister")
# Handovers, acting and interim periods make short overlaps real (Kyrgyzstan 2005 and 2010).
MAX_OVERLAP_DAYS = 20


@pytest.fixture(scope="module")
def officials():
    return load_gazetteers(shipped_gazetteer_files()).officials


def test_every_official_has_a_source_and_a_role(officials):
    for official in officials.values():
        assert official["source"], official["id"]
        assert official["roles"], official["id"]


def test_no_two_holders_of_one_office_overlap_impossibly(officials):
    by_office = defaultdict(list)
    for official in officials.values():
        for tenure in official["roles"]:
            if tenure["role"] in SINGLE_HOLDER_OFFICES:
                start = dt.date.fromisoformat(tenure["from"]) if tenure["from"] else dt.date.min
                end = dt.date.fromisoformat(tenure["to"]) if tenure["to"] else dt.date(2100, 1, 1)
                by_office[(tenure["role"], tenure["country"])].append((start, end, official["id"]))
    problems = []
    for office, tenures in by_office.items():
        tenures.sort()
        for (s1, e1, a), (s2, e2, b) in zip(tenures, tenures[1:]):
            overlap = (min(e1, e2) - s2).days
            if a != b and overlap > MAX_OVERLAP_DAYS:
                problems.append(f"{office}: {a} and {b} overlap {overlap} days")
    assert not problems, "\n".join(problems)


def test_aliases_are_unambiguous(officials):
    owner = {}
    for official in officials.values():
        for alias in {official["name"], *official["aliases"]}:
            assert owner.setdefault(alias, official["id"]) == official["id"], alias
