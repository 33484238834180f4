"""Candidate generation and decision on a tiny fixture knowledge base."""

from __future__ import annotations

import datetime as dt

import pytest

from entityx.gazetteer import OfficeIndex
from entityx.linking import Linker, NameIndex, with_genitive


def official(ident, name, country, roles, aliases=(), surnames=None):
    return {"id": ident, "name": name, "country": country, "aliases": list(aliases), "gender": "m",
            "surnames": surnames or [name.split()[-1]],
            "roles": [{"role": r, "country": c, "from": f, "to": t} for r, c, f, t in roles]}


KB = {o["id"]: o for o in [
    official("igor-iwanow", "Igor Iwanow", "RU", [("foreign_minister", "RU", "1998-09-11", "2004-03-09")],
             aliases=["Igor Ivanov"], surnames=["Iwanow", "Ivanov"]),
    official("sergej-iwanow", "Sergej Iwanow", "RU", [("defence_minister", "RU", "2001-03-28", "2007-02-15")],
             aliases=["Sergei Ivanov"], surnames=["Iwanow", "Ivanov"]),
    official("wjatscheslaw-wolodin", "Wjatscheslaw Wolodin", "RU",
             [("lower_house_speaker", "RU", "2016-10-05", None)], aliases=["Vyacheslav Volodin"],
             surnames=["Wolodin", "Volodin"]),
]}


@pytest.fixture(scope="module")
def index():
    return NameIndex(KB.values())


@pytest.fixture(scope="module")
def linker():
    return Linker(KB, OfficeIndex(KB.values()))


def test_exact_indexes_include_genitives(index):
    assert index.full_forms["Igor Iwanows"] == {"igor-iwanow"}
    assert index.surname_forms["Iwanow"] == {"igor-iwanow", "sergej-iwanow"}
    assert with_genitive("Cassis") == ["Cassis"]


@pytest.mark.parametrize("first, last, expected", [
    ("Igor", "Iwanov", "igor-iwanow"), ("Sergei", "Ivanow", "sergej-iwanow"),
    ("Wjatscheslaw", "Volodyn", "wjatscheslaw-wolodin"),  # transliteration swap across blocks
])
def test_fuzzy_full_names(index, first, last, expected):
    candidates = index.fuzzy_full(first, last, threshold=85)
    assert candidates and candidates[0].official_id == expected


def test_fuzzy_leaves_ordinary_words_alone(index):
    for word in ("Wohnung", "Italien", "Vorsitz", "Wolken", "Iwan"):
        assert index.fuzzy_surname(word, threshold=86) == []


@pytest.mark.parametrize("on, role, expected", [
    ("2003-01-01", "foreign_minister", "igor-iwanow"),
    ("2003-01-01", "defence_minister", "sergej-iwanow"),
    ("2010-01-01", "foreign_minister", "igor-iwanow"),  # held that office at some time
    ("2003-01-01", None, None),  # both in office: ambiguous, left unlinked
    ("2005-01-01", None, "sergej-iwanow"),  # only one in office that day
])
def test_two_iwanows_decided_by_role_and_date(linker, on, role, expected):
    assert linker.decide({"igor-iwanow", "sergej-iwanow"}, dt.date.fromisoformat(on), role_key=role) == expected
