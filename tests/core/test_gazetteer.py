"""Gazetteer loading: shipped files validate, malformed files fail loudly with file, line and entry."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from entityx.errors import GazetteerError
from entityx.gazetteer import OfficeIndex, load_gazetteers, shipped_gazetteer_files, tenure_at


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped():
    return load_gazetteers(shipped_gazetteer_files())


def test_shipped_gazetteers_validate_and_are_broad(shipped):
    assert len(shipped.officials) >= 100
    assert len(shipped.countries) >= 240
    assert len(shipped.cities) >= 100
    assert {"UN", "EU", "NATO", "OSCE", "CIS", "EAEU", "CSTO", "SCO", "BRICS", "G20", "G7",
            "UNION_STATE", "COE"} <= set(shipped.organizations)
    assert "foreign_minister" in shipped.roles and shipped.triggers["visit_nouns"]


@pytest.mark.parametrize("official_id", ["sergej-alejnik", "sergej-lawrow", "maria-sacharowa",
                                         "walentina-matwijenko", "wjatscheslaw-wolodin"])
def test_seed_officials_present(shipped, official_id):
    assert official_id in shipped.officials


@pytest.mark.parametrize("country", ["RU", "BY", "KZ", "KG", "TJ", "AM", "AZ", "UZ", "DE", "AT", "CH",
                                     "FR", "CN", "US"])
def test_core_countries_have_heads_and_foreign_ministers_on_sample_dates(shipped, country):
    index = OfficeIndex(shipped.officials.values())
    for year in (2005, 2015, 2023):
        on = dt.date(year, 6, 1)
        assert index.holders("head_of_state", country, on), (country, year, "head_of_state")
        assert index.holders("foreign_minister", country, on), (country, year, "foreign_minister")


@pytest.mark.parametrize("on, expected", [("2003-06-01", "Igor Iwanow"), ("2023-05-10", "Sergej Lawrow")])
def test_office_index_resolves_holder_by_date(shipped, on, expected):
    holder = OfficeIndex(shipped.officials.values()).holder("foreign_minister", "RU", dt.date.fromisoformat(on))
    assert holder is not None and holder["name"] == expected


def test_tenure_at_prefers_senior_office(shipped):
    putin = next(o for o in shipped.officials.values() if o["name"] == "Wladimir Putin")
    assert tenure_at(putin, dt.date(2010, 1, 1))["role"] == "head_of_government"
    assert tenure_at(putin, dt.date(2020, 1, 1))["role"] == "head_of_state"


@pytest.mark.parametrize("body, message", [
    ("officials:\n  - id: x-y\n    name: X Y\n    country: RUS\n", "ISO 3166-1 alpha-2"),
    ("officials:\n  - id: x-y\n    country: RU\n", "missing required field 'name'"),
    ("officials:\n  - id: x-y\n    name: X Y\n    country: RU\n    roles:\n"
     "      - {role: foreign_minister, country: RU, from: 2020-01-01, to: 2019-01-01}\n", "ends"),
    ("officials:\n  - id: x-y\n    name: X Y\n    country: RU\n    roles:\n"
     "      - {role: foreign_minister, country: RU, from: 2020-13-01}\n", "ISO date"),
    ("officials:\n  - id: x-y\n    name: X Y\n    country: RU\n    roles:\n"
     "      - {role: kaiser, country: RU}\n", "not defined in the roles vocabulary"),
    ("officials:\n  - {id: a, name: A B, country: RU}\n  - {id: a, name: A C, country: RU}\n", "duplicate id"),
    ("organizations:\n  - {id: X, name: Xorg}\n", "missing required field 'acronym'"),
    ("countries:\n  - {code: ZZZ, name: Z, names: [Z]}\n", "alpha-2"),
    ("cities:\n  - {id: 'RU:X', name: X, country: RU, valid_from: gestern}\n", "ISO date"),
    ("bogus: []\n", "unknown section"),
    ("officials: {a: 1}\n", "must be a list"),
    ("officials:\n  - [1, 2]\n", "must be a mapping"),
    ("officials:\n  - id: x\n    name: [1]\n    country: RU\n", "non-empty string"),
])
def test_malformed_entries_name_file_line_and_entry(tmp_path, shipped, body, message):
    path = write(tmp_path, "bad.yaml", body)
    with pytest.raises(GazetteerError) as info:
        load_gazetteers([path], known_roles=shipped.roles.keys())
    text = str(info.value)
    assert "bad.yaml" in text and message in text
    assert info.value.path.endswith("bad.yaml")


def test_error_names_line_of_the_entry(tmp_path):
    path = write(tmp_path, "lines.yaml", """\
        officials:
          - id: ok-one
            name: Ok One
            country: RU
          - id: broken
            name: Broken Entry
            country: Russia
        """)
    with pytest.raises(GazetteerError) as info:
        load_gazetteers([path])
    assert info.value.line == 5 and info.value.entry == "broken"
    assert "lines.yaml:5" in str(info.value)


def test_invalid_yaml_and_missing_file(tmp_path):
    with pytest.raises(GazetteerError, match="invalid YAML"):
        load_gazetteers([write(tmp_path, "x.yaml", "officials: [\n  - a: b\n")])
    with pytest.raises(GazetteerError, match="file not found"):
        load_gazetteers([tmp_path / "nope.yaml"])


def test_later_file_merges_or_replaces_the_same_official(tmp_path, shipped):
    merge = write(tmp_path, "merge.yaml", """\
        officials:
          - id: sergej-lawrow
            name: Sergej Lawrow
            country: RU
            aliases: [S. W. Lawrow]
            roles: [{role: deputy_foreign_minister, country: RU, from: 1990-01-01, to: 1992-01-01}]
        """)
    merged = load_gazetteers([*shipped_gazetteer_files(), merge]).officials["sergej-lawrow"]
    assert {r["role"] for r in merged["roles"]} == {"foreign_minister", "deputy_foreign_minister"}
    assert "S. W. Lawrow" in merged["aliases"] and "Sergey Lavrov" in merged["aliases"]
    replace = write(tmp_path, "replace.yaml", """\
        officials:
          - id: sergej-lawrow
            replace: true
            name: Sergej Lawrow
            country: RU
            surnames: [Lawrow]
            roles: [{role: foreign_minister, country: RU, from: 2004-03-09, to: 2030-01-01}]
        """)
    replaced = load_gazetteers([*shipped_gazetteer_files(), replace]).officials["sergej-lawrow"]
    assert [r["to"] for r in replaced["roles"]] == ["2030-01-01"] and replaced["aliases"] == []


def test_offices_of_organizations(tmp_path, shipped):
    path = write(tmp_path, "org.yaml", """\
        officials:
          - id: antonio-guterres
            name: António Guterres
            country: PT
            roles: [{role: secretary_general, org: UN, from: 2017-01-01, to: null}]
        """)
    data = load_gazetteers([path], known_roles=shipped.roles.keys())
    index = OfficeIndex(data.officials.values())
    assert index.holder("secretary_general", "UN", dt.date(2020, 1, 1))["id"] == "antonio-guterres"
    bad = write(tmp_path, "org_bad.yaml", "officials:\n  - id: x\n    name: X Y\n    country: PT\n"
                "    roles: [{role: secretary_general}]\n")
    with pytest.raises(GazetteerError, match="needs 'country'"):
        load_gazetteers([bad], known_roles=shipped.roles.keys())
