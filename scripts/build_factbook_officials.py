#!/usr/bin/env python3
"""Generate ``gazetteers/officials_world.yaml`` from the CIA World Factbook executive tables.

Source
    ``factbook_tenures.csv`` (``<repo>/../shared/data/officials/cia-factbook-executive/``, see its
    SOURCE.md): the Factbook's "Executive branch" entries of the editions 1994-2017 and 2021-2025,
    merged into one row per tenure. Public domain (U.S. Government work).

Curated input
    ``gazetteers/curated/factbook.yaml``: the countries and offices that are not generated (the
    hand-curated states of ``officials.yaml``, co-heads, monarchs' representation in the
    Commonwealth realms), known-bad rows and row fixes, German spellings, genders and missing
    tenures. See the comment at the top of that file.

What the generator does
    1. keeps sovereign states, ``entry_order`` 1 (the head, not the deputies listed with them),
       chief_of_state -> ``head_of_state`` and head_of_government -> ``head_of_government``;
    2. cleans the Factbook's name split (titles left in the name, nicknames, notes) and writes
       names in normal capitalisation ("Volodymyr ZELENSKYY" -> "Volodymyr Zelenskyy");
    3. groups rows of one person (country + normalised name, spelling variants merged) and
       merges the consecutive rows of one person in one office into one tenure;
    4. dates: ``from`` = the Factbook's "since" date (else the first edition's year, approximate);
       ``to`` = the next holder's ``from``, else null when the tenure reaches the last edition,
       else the 31 December of its last edition (approximate); keeps tenures reaching 2000;
    5. German spellings: curated names first, else German transliteration for Cyrillic-script
       (and Georgian, Mongolian) countries; the Factbook's English spelling stays an alias;
    6. checks ids and every name/alias against ``gazetteers/officials.yaml`` and validates the
       result with ``entityx.gazetteer.load_gazetteers``.

The output is sorted and contains no timestamps: the same inputs always give the same bytes.

Usage (from the repository root)::

    python3 scripts/build_factbook_officials.py            # write gazetteers/officials_world.yaml
    python3 scripts/build_factbook_officials.py --check    # exit 1 if the committed file is stale
    python3 scripts/build_factbook_officials.py --source DIR   # another copy of the data
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "data" / "officials" / "cia-factbook-executive"
TENURES_FILE = "factbook_tenures.csv"
CURATED_PATH = REPO_ROOT / "gazetteers" / "curated" / "factbook.yaml"
OUTPUT_PATH = REPO_ROOT / "gazetteers" / "officials_world.yaml"
HAND_CURATED_PATH = REPO_ROOT / "gazetteers" / "officials.yaml"
ROLES_PATH = REPO_ROOT / "gazetteers" / "roles.yaml"

ROLE_KEYS = {"chief_of_state": "head_of_state", "head_of_government": "head_of_government"}
FIRST_YEAR = 2000  # tenures that end before 1 January of this year are left out
# A title that names a deputy: the Factbook's first entry is a deputy when the head's own entry
# could not be split (Turkey 2021-2023, Cuba 1994-2017, Uganda 2021-2023 ...).
DEPUTY_TITLE = re.compile(r"^\W*(?:first |second |co-)?(?:vice|deputy)\b", re.IGNORECASE)
# Words that end a name in the Factbook text: notes, second spellings, lists.
NAME_END = re.compile(
    r"\s*(?:\(|,(?!\s*Jr\.)|\s-\s|\balso spelled\b|\baka\b|\bformerly\b|\bserves as\b|\bas the\b|"
    r"\bresigned\b|\band\b|\bor\b|\bsince\b|\bwhose\b|\[)"
)
# Honorifics and ranks in front of a name (the Factbook writes them with the name).
LEADING_HONORIFICS = frozenset({
    "sir", "dr.", "dr", "gen.", "gen", "sr.", "lt.", "maj.", "brig.", "col.", "capt.", "cardinal",
    "lyonpo", "ratu", "tuanku", "tunku", "general", "chair,", "chief", "susuga", "(ret.)", "ret.)",
})
PARTICLES = frozenset({
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der",
    "den", "ter", "bin", "ibn", "bint", "al", "el", "ould", "wa", "y", "e", "ag", "ben",
})
# Particles keep their capital in these countries ("Alexander De Croo", "Elio Di Rupo").
CAPITAL_PARTICLE_COUNTRIES = frozenset({"BE", "IT", "SM", "MT"})
ROMAN = re.compile(r"^(?=[IVX]+$)X{0,2}(?:IX|IV|V?I{0,3})$")  # regnal numbers I-XXIX ("LI" is a name)
# Name tokens that do not identify a person when names are compared.
NOISE_TOKENS = PARTICLES | {"jr", "sir", "dr", "sheikh", "al-", "ii", "iii"}
FUZZY_SAME_PERSON = 0.86


class CuratedDataError(ValueError):
    """The curated input or the result is inconsistent; the message names the file and entry."""

    def __init__(self, path: Path | str, entry: str, problem: str) -> None:
        super().__init__(f"{path}: {entry}: {problem}")
        self.path, self.entry, self.problem = path, entry, problem


# --------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Row:
    """One Factbook tenure row (one person, one office, one "since" date, several editions)."""

    country: str
    role: str  # head_of_state | head_of_government
    title: str
    name: str  # the Factbook's name with the family name in capitals, cleaned
    since: str | None  # ISO date, YYYY-MM or YYYY as in the source
    first_edition: int
    last_edition: int
    n_editions: int
    raw_name: str  # name_guess as in the file (the key row fixes use)
    added: bool = False  # a tenure from the curated file, not from the table
    fixed: bool = False  # name, title or dates corrected by the curated file
    end: str | None = None  # an end date the curated file sets
    note: str = ""  # the curated file's reason for an added tenure


@dataclass(frozen=True, slots=True)
class Name:
    """A Factbook name split into its parts and written in normal capitalisation."""

    given: tuple[str, ...]
    family: tuple[str, ...]  # the part the Factbook writes in capitals
    rest: tuple[str, ...]  # after the capitals: maternal names, or given names (KIM Jong Un)
    nickname: str | None = None

    @property
    def family_first(self) -> bool:
        return not self.given

    @property
    def display(self) -> str:
        """The usual full form: given names + family name (+ the given names that follow it)."""
        if self.family_first:
            return " ".join(self.family + self.rest)
        return " ".join(self.given + self.family)

    @property
    def full(self) -> str:
        return " ".join(self.given + self.family + self.rest)

    @property
    def surname(self) -> str:
        return " ".join(self.family)


@dataclass(slots=True)
class Tenure:
    country: str
    role: str
    person: str  # person key
    title: str
    start: str  # ISO date
    start_exact: bool
    end: str | None
    end_kind: str  # next holder | approximate | open
    first_edition: int
    last_edition: int
    rows: list[Row] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Curated input


@dataclass(slots=True)
class Curated:
    path: Path
    skip_countries: dict[str, str]
    skip_offices: dict[tuple[str, str], str]
    realm_monarchs: set[str]
    realm_monarch_countries: set[str]
    drop_rows: list[dict[str, Any]]
    fix_rows: list[dict[str, Any]]
    name_prefixes: list[str]
    same_person: list[list[str]]
    different_person: list[list[str]]
    add: list[dict[str, Any]]
    people: dict[str, dict[str, Any]]
    women: set[str]
    transliterate: set[str]
    titles: dict[str, str]


def _require(condition: bool, path: Path, entry: str, problem: str) -> None:
    if not condition:
        raise CuratedDataError(path, entry, problem)


def _strings(value: Any, path: Path, entry: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    _require(isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value),
             path, entry, f"must be a list of strings, got {value!r}")
    return [v.strip() for v in value]


def _row_matcher(spec: Any, path: Path, entry: str) -> dict[str, Any]:
    _require(isinstance(spec, dict), path, entry, "must be a mapping")
    _require(isinstance(spec.get("country"), str), path, entry, "needs 'country'")
    _require(isinstance(spec.get("name"), str), path, entry, "needs 'name' (name_guess as in the CSV)")
    role = spec.get("role")
    _require(role in (None, *ROLE_KEYS.values()), path, entry, f"unknown role {role!r}")
    edition = spec.get("edition")
    _require(edition is None or isinstance(edition, int), path, entry, "'edition' must be a year")
    return dict(spec)


def load_curated(path: Path = CURATED_PATH) -> Curated:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except FileNotFoundError:
        raise CuratedDataError(path, "file", "not found") from None
    _require(isinstance(data, dict), path, "file", "top level must be a mapping")
    known = {"skip_countries", "skip_offices", "realm_monarchs", "drop_rows", "fix_rows",
             "name_prefixes", "same_person", "different_person", "add", "people", "women",
             "transliterate", "titles"}
    unknown = sorted(set(data) - known)
    _require(not unknown, path, "file", f"unknown section(s) {unknown}; expected {sorted(known)}")

    skip_countries = data.get("skip_countries") or {}
    _require(isinstance(skip_countries, dict), path, "skip_countries", "must map ISO2 -> reason")
    skip_offices: dict[tuple[str, str], str] = {}
    for i, spec in enumerate(data.get("skip_offices") or []):
        entry = f"skip_offices[{i}]"
        _require(isinstance(spec, dict) and spec.get("role") in ROLE_KEYS.values()
                 and isinstance(spec.get("country"), str) and isinstance(spec.get("reason"), str),
                 path, entry, "needs country, role (head_of_state|head_of_government) and reason")
        skip_offices[(spec["country"], spec["role"])] = spec["reason"]
    realm = data.get("realm_monarchs") or {}
    _require(isinstance(realm, dict), path, "realm_monarchs", "must be a mapping")

    drop_rows, fix_rows = [], []
    for i, spec in enumerate(data.get("drop_rows") or []):
        drop_rows.append(_row_matcher(spec, path, f"drop_rows[{i}]"))
        _require(isinstance(spec.get("reason"), str), path, f"drop_rows[{i}]", "needs a 'reason'")
    for i, spec in enumerate(data.get("fix_rows") or []):
        fix_rows.append(_row_matcher(spec, path, f"fix_rows[{i}]"))
        _require(bool(set(spec) & {"set_name", "set_title", "set_since", "set_end"}), path,
                 f"fix_rows[{i}]", "needs set_name, set_title, set_since and/or set_end")
        _require(isinstance(spec.get("reason"), str), path, f"fix_rows[{i}]", "needs a 'reason'")

    people = data.get("people") or {}
    _require(isinstance(people, dict), path, "people", "must map 'CC:Factbook name' -> spelling")
    clean_people = {}
    for key, spec in people.items():
        _require(re.match(r"^[A-Z]{2}:\S", str(key)) is not None, path, f"people.{key}",
                 "keys are 'ISO2:Name as generated from the Factbook'")
        if isinstance(spec, str):
            spec = {"name": spec}
        _require(isinstance(spec, dict), path, f"people.{key}", "must be a name or a mapping")
        extra = set(spec) - {"name", "aliases", "surnames", "gender"}
        _require(not extra, path, f"people.{key}", f"unknown field(s) {sorted(extra)}")
        clean_people[key] = {
            "name": spec.get("name"),
            "aliases": _strings(spec.get("aliases"), path, f"people.{key}.aliases"),
            "surnames": _strings(spec.get("surnames"), path, f"people.{key}.surnames"),
            "gender": spec.get("gender"),
        }
    adds = []
    for i, spec in enumerate(data.get("add") or []):
        entry = f"add[{i}]"
        _require(isinstance(spec, dict), path, entry, "must be a mapping")
        for key in ("country", "role", "name", "since", "first_edition", "last_edition", "reason"):
            _require(key in spec, path, entry, f"needs {key!r}")
        adds.append(dict(spec))
    return Curated(
        path=path,
        skip_countries={str(k): str(v) for k, v in skip_countries.items()},
        skip_offices=skip_offices,
        realm_monarchs=set(_strings(realm.get("names"), path, "realm_monarchs.names")),
        realm_monarch_countries=set(_strings(realm.get("keep_in"), path, "realm_monarchs.keep_in")),
        drop_rows=drop_rows,
        fix_rows=fix_rows,
        name_prefixes=sorted(_strings(data.get("name_prefixes"), path, "name_prefixes"),
                             key=len, reverse=True),
        same_person=[_strings(group, path, "same_person") for group in data.get("same_person") or []],
        different_person=[_strings(group, path, "different_person")
                          for group in data.get("different_person") or []],
        add=adds,
        people=clean_people,
        women=set(_strings(data.get("women"), path, "women")),
        transliterate=set(_strings(data.get("transliterate"), path, "transliterate")),
        titles=_titles(data.get("titles"), path),
    )


def _titles(value: Any, path: Path) -> dict[str, str]:
    value = value or {}
    _require(isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str)
                                             for k, v in value.items()),
             path, "titles", "must map a Factbook title to its fixed form ('' drops the title)")
    return dict(value)


# --------------------------------------------------------------------------------------------
# Reading the table


def _matches(spec: dict[str, Any], raw: dict[str, str], role: str) -> bool:
    return (spec["country"] == raw["iso2"] and spec["name"] == raw["name_guess"]
            and spec.get("role") in (None, role)
            and spec.get("edition") in (None, int(raw["first_edition"])))


def read_rows(source: Path, curated: Curated) -> tuple[list[Row], dict[str, int]]:
    """The head rows of the sovereign states, cleaned; plus counts of what was left out."""
    path = source / TENURES_FILE
    if not path.exists():
        raise CuratedDataError(path, "source", "not found (use --source DIR)")
    stats: dict[str, int] = defaultdict(int)
    used_drops: set[int] = set()
    used_fixes: set[int] = set()
    used_titles: set[str] = set()
    rows: list[Row] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle):
            if raw["entity_type"] != "sovereign" or raw["entry_order"] != "1":
                continue
            role = ROLE_KEYS.get(raw["role"])
            country = raw["iso2"]
            if role is None or country in curated.skip_countries:
                continue
            if (country, role) in curated.skip_offices:
                stats["skipped office"] += 1
                continue
            dropped = [i for i, spec in enumerate(curated.drop_rows) if _matches(spec, raw, role)]
            if dropped:
                used_drops.update(dropped)
                stats["known-bad row"] += 1
                continue
            if DEPUTY_TITLE.match(raw["title_guess"]) or DEPUTY_TITLE.match(raw["name_guess"]):
                stats["deputy listed first"] += 1
                continue
            if (role == "head_of_state" and country not in curated.realm_monarch_countries
                    and any(raw["name_guess"].upper().startswith(monarch)
                            for monarch in curated.realm_monarchs)):
                stats["monarch of a Commonwealth realm"] += 1
                continue
            title, name = raw["title_guess"], raw["name_guess"]
            since = raw["since_iso"] or since_from_text(raw["since_raw"])
            fixed, end = False, None
            for i, spec in enumerate(curated.fix_rows):
                if _matches(spec, raw, role):
                    used_fixes.add(i)
                    fixed = True
                    title = spec.get("set_title", title)
                    name = spec.get("set_name", name)
                    since = str(spec.get("set_since", since) or "") or None
                    end = str(spec["set_end"]) if "set_end" in spec else end
            title, name = clean_title_and_name(title, name, curated.name_prefixes)
            if title in curated.titles:
                used_titles.add(title)
                title = curated.titles[title]
            rows.append(Row(country, role, title, name, since, int(raw["first_edition"]),
                            int(raw["last_edition"]), int(raw["n_editions"]), raw["name_guess"],
                            fixed=fixed, end=end))
    for i, spec in enumerate(curated.drop_rows):
        if i not in used_drops:
            raise CuratedDataError(curated.path, f"drop_rows[{i}] {spec['name']!r}", "matches no row")
    for i, spec in enumerate(curated.fix_rows):
        if i not in used_fixes:
            raise CuratedDataError(curated.path, f"fix_rows[{i}] {spec['name']!r}", "matches no row")
    unused_titles = sorted(set(curated.titles) - used_titles)
    if unused_titles:
        raise CuratedDataError(curated.path, "titles", f"match no row: {unused_titles}")
    for spec in curated.add:
        since = str(spec["since"])
        end = str(spec["end"]) if spec.get("end") else None
        rows.append(Row(spec["country"], spec["role"], spec.get("title", ""), spec["name"], since,
                        int(spec["first_edition"]), int(spec["last_edition"]),
                        int(spec["last_edition"]) - int(spec["first_edition"]) + 1, spec["name"],
                        added=True, end=end, note=str(spec["reason"])))
        stats["added from the curated file"] += 1
    return rows, dict(stats)


MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]+)\.? (\d{4})\b")
MONTH_YEAR = re.compile(r"\b([A-Z][a-z]+) (\d{4})\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def since_from_text(text: str) -> str | None:
    """The first date in a "since" text the table could not read: "15 March 2003 coup",
    "6 Sepember 2002", "NA 1971" (year only), "late November 2000" (month only)."""
    match = DAY_MONTH_YEAR.search(text)
    if match and match.group(2)[:3].lower() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2)[:3].lower()], int(match.group(3))
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    match = MONTH_YEAR.search(text)
    if match and match.group(1)[:3].lower() in MONTHS:
        return f"{match.group(2)}-{MONTHS[match.group(1)[:3].lower()]:02d}"
    match = YEAR.search(text)
    return match.group(1) if match else None


def clean_title_and_name(title: str, name: str, prefixes: Sequence[str]) -> tuple[str, str]:
    """Move title words the Factbook split into the name back to the title; drop notes."""
    title, name = title.strip(), name.strip()
    # "Yuan) Vincent SIEW", "(Prime Minister) Ivan KOSTOV": title words cut at a parenthesis
    match = re.match(r"^(?:\([^()]*\)\s*|[^()]*\)\s+)+", name)
    if match and any(_is_caps(t) for t in name[match.end():].split()):
        name = name[match.end():]
    moved = True
    while moved:
        moved = False
        for prefix in prefixes:
            if name.startswith(prefix + " "):
                title = f"{title} {prefix}".strip()
                name = name[len(prefix):].strip()
                moved = True
    words = name.split()
    while words and words[0].lower() in LEADING_HONORIFICS and len(words) > 1:
        words.pop(0)
    name = " ".join(words)
    title = re.sub(r"\s+(?:Gen\.|Dr\.|Col\.|Lt\.|Maj\.|Brig\.|Sr\.|Capt\.|Cardinal|Lt\. Col\.)+$",
                   "", title)
    title = re.sub(r"\s+(?:Gen\.|Dr\.|Col\.|Lt\.|Maj\.|Brig\.|Sr\.|Capt\.)(?=\s|$)", "", title)
    if title.count("(") > title.count(")"):  # "Premier (President of the Executive" + "Yuan) ..."
        title = title[: title.rindex("(")]
    title = re.sub(r"[\s,]+$", "", title).strip()
    return title, name


# --------------------------------------------------------------------------------------------
# Names


def _is_caps(token: str) -> bool:
    token = token.strip("\"(),.;:")
    letters = [part for part in re.split(r"[-'’]", token) if len(part) >= 2]
    return any(part.isupper() and part.isalpha() for part in letters) or bool(ROMAN.match(token))


def _recase_part(part: str) -> str:
    if not part.isupper() or ROMAN.match(part):
        return part
    if part.startswith("MC") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    return part.capitalize()


def recase(token: str, *, first: bool, country: str) -> str:
    """One capitals token in normal case: 'AHMADI-NEJAD' -> 'Ahmadi-Nejad', "D'ALEMA" -> "D'Alema"."""
    if not any(c.isupper() for c in token):
        return token
    lower = token.lower()
    if not first and lower in PARTICLES and country not in CAPITAL_PARTICLE_COUNTRIES and token.isupper():
        return lower
    if lower.startswith(("al-", "el-")) and not first and token[:2].isupper():
        return token[:3].lower() + recase(token[3:], first=True, country=country)
    out = []
    for piece in re.split(r"([-'’])", token):
        out.append(piece if piece in "-'’" else _recase_part(piece))
    text = "".join(out)
    # "N'GUESSAN" -> "N'Guessan"; "TUIMALEALI'IFANO" -> "Tuimaleali'ifano" (a glottal stop)
    return re.sub(r"(?<=[a-z]{2}['’])([A-Z])", lambda m: m.group(1).lower(), text)


def parse_name(text: str, country: str) -> Name:
    """Split a cleaned Factbook name into given names, the capitals part and what follows."""
    nickname = None
    match = re.search(r'"([^"]+)"', text)
    if match and not match.group(1).isupper():
        nickname = match.group(1)
        text = (text[:match.start()] + text[match.end():]).strip()
    text = text.replace('"', "")
    # parentheses before the capitals: nicknames "(Tony)" or notes "(of Nanumea)", "(Ali)"
    caps_at = next((m.start() for m in re.finditer(r"\S+", text) if _is_caps(m.group())), len(text))
    head, tail = text[:caps_at], text[caps_at:]
    for inner in re.findall(r"\(([^)]*)\)", head):
        if re.fullmatch(r"[A-Z][a-z]+", inner):
            nickname = nickname or inner
    head = re.sub(r"\([^)]*\)", " ", head)
    tail = NAME_END.split(tail, maxsplit=1)[0]
    tail = re.sub(r",\s*Jr\.", " Jr.", tail)
    tokens = (head + " " + tail).split()
    caps = [i for i, token in enumerate(tokens) if _is_caps(token)]
    if not caps:
        raise ValueError(f"no name in capitals in {text!r}")
    first, last = caps[0], caps[-1]
    given = tokens[:first]
    while given and given[0].lower() in LEADING_HONORIFICS:
        given = given[1:]
    family = [recase(t, first=(i == 0 and not given), country=country)
              for i, t in enumerate(tokens[first:last + 1])]
    rest = tokens[last + 1:]
    while rest and rest[0] in ("Jr.", "Sr.", "Jr", "Sr"):  # "MARCOS, Jr." -> "Marcos Jr."
        family.append(rest.pop(0))
    if nickname and nickname.isupper():
        nickname = nickname.capitalize()
    return Name(tuple(given), tuple(family), tuple(rest), nickname)


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def name_tokens(text: str) -> list[str]:
    """Tokens that identify a person: lowercase ASCII, particles and honorifics dropped."""
    words = re.split(r"[\s\-'’.,]+", ascii_fold(text).lower())
    return [w for w in words if len(w) > 1 and w not in NOISE_TOKENS]


GERMAN_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                             "ß": "ss", "ø": "oe", "Ø": "Oe", "æ": "ae", "Æ": "Ae", "å": "aa",
                             "Å": "Aa", "đ": "dj", "Đ": "Dj", "ł": "l", "Ł": "L", "ı": "i",
                             "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th"})


def slug(text: str) -> str:
    """The id convention of the officials files: German umlauts as ae/oe/ue (also ø -> oe, as in
    lars-loekke-rasmussen), other accents dropped, hyphens between words."""
    text = ascii_fold(text.translate(GERMAN_FOLD)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------------------------
# German transliteration of names written in English transliteration


VOWELS = "aeiouy"


def _german_word(word: str, *, georgian: bool) -> str:
    """One word from the English (BGN/PCGN-like) transliteration into the German (Duden) one."""
    if not word or not word[0].isalpha():
        return word
    capital = word[0].isupper()
    w = word.lower()
    # placeholders: \x01 sch, \x02 tsch, \x03 ch, \x04 z (from ts), \x05 j, \x06 w
    w = w.replace("shch", "\x01\x02")
    w = w.replace("zh", "\x01").replace("kh", "\x03").replace("ch", "\x02").replace("sh", "\x01")
    w = w.replace("ts", "\x04")
    if georgian:
        w = w.replace("j", "\x05\x05")  # Georgian/Mongolian j: dsch
    # y: before a vowel -> j; after a vowel at the end of a syllable -> j; -iy/-yy endings -> ij/yj
    w = re.sub(r"(?<=[iy])y$", "j", w)
    w = re.sub(r"y(?=[aeiou])", "\x05", w)
    w = re.sub(r"(?<=[aeiou])y", "\x05", w)
    w = re.sub(r"(?<=[aeo])i$", "\x05", w)  # Sergei -> Sergej, Nikolai -> Nikolaj
    w = re.sub(r"(?<=[aeiou])s(?=[aeiou])", "ss", w)  # voiceless s between vowels
    w = w.replace("z", "s").replace("v", "\x06")
    w = (w.replace("\x01", "sch").replace("\x02", "tsch").replace("\x03", "ch")
         .replace("\x04", "z").replace("\x06", "w"))
    w = w.replace("\x05\x05", "dsch").replace("\x05", "j")
    return w[0].upper() + w[1:] if capital else w


def germanize(text: str, *, georgian: bool = False) -> str:
    return re.sub(r"[A-Za-z]+", lambda m: _german_word(m.group(), georgian=georgian), text)


# --------------------------------------------------------------------------------------------
# People and tenures


def _parse_date(value: str) -> tuple[str, bool]:
    """ISO date from 'YYYY-MM-DD' (exact) or 'YYYY-MM' / 'YYYY' (first day; approximate)."""
    parts = value.split("-")
    if len(parts) == 3:
        dt.date.fromisoformat(value)
        return value, True
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-01", False
    return f"{parts[0]}-01-01", False


def _same_person(a: str, b: str) -> bool:
    """Spelling variants of one name: the same tokens, the same first name with fewer/more other
    names ("Ellen Johnson Sirleaf"), or a near-identical spelling ("Borissov"/"Borisov")."""
    ta, tb = name_tokens(a), name_tokens(b)
    if ta == tb:
        return True
    if not ta or not tb or _ratio(ta[0], tb[0]) < 0.75:
        return False  # father and son share the other names (Idriss / Mahamat Idriss Deby)
    small, large = sorted((set(ta), set(tb)), key=len)
    if len(small) >= 2 and small <= large:
        return True
    return _ratio(" ".join(ta), " ".join(tb)) >= FUZZY_SAME_PERSON


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


class People:
    """Person keys within a country: spelling variants of one name grouped (union-find)."""

    def __init__(self, rows: Iterable[Row], curated: Curated):
        self._parent: dict[str, str] = {}
        by_country: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            key = f"{row.country}:{parse_name(row.name, row.country).full}"
            if key not in self._parent:
                self._parent[key] = key
                by_country[row.country].append(key)
        apart = {frozenset(g) for g in curated.different_person}
        for keys in by_country.values():
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    if frozenset((a, b)) in apart:
                        continue
                    if _same_person(a.split(":", 1)[1], b.split(":", 1)[1]):
                        self._union(a, b)
        for group in curated.same_person:
            missing = [k for k in group if k not in self._parent]
            if missing:
                raise CuratedDataError(curated.path, f"same_person {group}", f"unknown {missing}")
            for other in group[1:]:
                self._union(group[0], other)
        for a, b in (sorted(g) for g in apart):
            if a in self._parent and b in self._parent and self.key(a) == self.key(b):
                raise CuratedDataError(curated.path, f"different_person {[a, b]}",
                                       "still grouped through another variant")

    def _find(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def key(self, variant: str) -> str:
        return self._find(variant)

    def of(self, row: Row) -> str:
        return self.key(f"{row.country}:{parse_name(row.name, row.country).full}")

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for key in self._parent:
            out[self._find(key)].append(key)
        return out


EMPTY_EDITIONS = frozenset({2018, 2019, 2020})  # the archive lost the field for these years


def build_tenures(rows: list[Row], people: People, last_edition: int,
                  warnings: list[str]) -> list[Tenure]:
    """One tenure per run of rows of one person in one office; ends at the next holder's start.

    Rows are ordered by the editions that list them (a "since" date can refer to an earlier
    office: Angola's president was head of government only from 1999, "since 1979").
    """
    by_office: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_office[(row.country, row.role)].append(row)
    tenures: list[Tenure] = []
    for (country, role), office_rows in sorted(by_office.items()):
        office_rows.sort(key=lambda r: (r.first_edition, r.last_edition, r.since or "", r.name))
        runs: list[list[Row]] = []
        for row in office_rows:
            if runs and people.of(runs[-1][-1]) == people.of(row):
                runs[-1].append(row)
            else:
                runs.append([row])
        for earlier, later in pairwise(runs):
            last = max(r.last_edition for r in earlier)
            first = min(r.first_edition for r in later)
            if first < last:
                warnings.append(f"{country} {role}: {people.of(earlier[0])} (to edition {last}) and "
                                f"{people.of(later[0])} (from edition {first}) are listed together")
        office: list[Tenure] = []
        for run in runs:
            previous = office[-1] if office else None
            tenure = _tenure_of(run, people, previous)
            if previous is not None and tenure.start <= previous.start:
                warnings.append(f"{country} {role}: {tenure.person} starts {tenure.start}, not after "
                                f"{previous.person} ({previous.start})")
            office.append(tenure)
        for current, following in zip(office, office[1:] + [None]):
            if following is not None:
                current.end, current.end_kind = following.start, "next holder"
                unlisted = [year for year in range(current.last_edition + 1, following.first_edition)
                            if year not in EMPTY_EDITIONS]
                if unlisted:
                    current.end_kind = (f"next holder (not listed in editions "
                                        f"{unlisted[0]}–{unlisted[-1]})" if len(unlisted) > 1 else
                                        f"next holder (not listed in edition {unlisted[0]})")
            elif current.last_edition >= last_edition:
                current.end, current.end_kind = None, "open"
            else:
                current.end, current.end_kind = f"{current.last_edition}-12-31", "approximate"
            fixed_ends = sorted({row.end for row in current.rows if row.end})
            if fixed_ends:
                current.end, current.end_kind = fixed_ends[0], "set by hand"
            if current.end is not None and current.end < current.start:
                warnings.append(f"{country} {role}: {current.person} ends {current.end} before "
                                f"starting {current.start}")
        tenures.extend(office)
    return tenures


def _tenure_of(run: list[Row], people: People, previous: Tenure | None) -> Tenure:
    """A run of rows of one person in one office as a tenure.

    The start is the earliest "since" date of the run: later dates are usually re-elections or
    re-appointments ("since 15 January 2015, re-elected 2019"). Dates that cannot be this
    tenure's start are skipped: those not after the previous holder's start, or before the
    previous holder's first listing (a typo, or the start of another office). A month- or
    year-only date gives way to an exact date inside it.
    """
    first_edition = min(r.first_edition for r in run)
    floor = f"{previous.first_edition}-01-01" if previous else ""
    candidates = sorted({_parse_date(r.since) for r in run if r.since})
    valid = [(d, exact) for d, exact in candidates
             if previous is None or (d > previous.start and d >= floor)]
    if valid:
        start, exact = valid[0]
        if not exact:
            prefix = next(r.since for r in run if r.since and _parse_date(r.since) == (start, exact))
            start, exact = next(((d, e) for d, e in valid if e and d.startswith(prefix)), (start, exact))
    else:
        start, exact = f"{first_edition}-01-01", False
    latest = max(run, key=lambda r: (r.last_edition, r.first_edition))
    return Tenure(
        country=run[0].country, role=run[0].role, person=people.of(run[0]), title=latest.title,
        start=start, start_exact=exact, end=None, end_kind="open", first_edition=first_edition,
        last_edition=max(r.last_edition for r in run), rows=list(run),
    )


# --------------------------------------------------------------------------------------------
# Entries


@dataclass(slots=True)
class Entry:
    """One person of the output; ``derived_aliases`` may be dropped when they are ambiguous."""

    id: str
    name: str
    gender: str
    country: str
    aliases: list[str]
    surnames: list[str]
    roles: list[dict[str, Any]]
    source: str
    key: str  # "CC:Name as generated", the key of the curated file
    fixed_forms: set[str] = field(default_factory=set)  # name and curated aliases: never dropped

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "gender": self.gender, "country": self.country,
            "aliases": self.aliases, "surnames": self.surnames, "roles": self.roles,
            "source": self.source,
            # a worldwide list: a surname alone ("Sall", "Lagos", "Man") needs a title or the full
            # name earlier in the text before it may name one of these people
            "surname_alone": False,
        }


def _best_variant(tenures: list[Tenure]) -> Name:
    """The person's name as the Factbook writes it most often (the latest edition on a tie)."""
    weight: dict[str, int] = defaultdict(int)
    latest: dict[str, int] = defaultdict(int)
    raw_of: dict[str, str] = {}
    for tenure in tenures:
        for row in tenure.rows:
            full = parse_name(row.name, row.country).full
            weight[full] += row.n_editions
            latest[full] = max(latest[full], row.last_edition)
            raw_of.setdefault(full, row.name)
    best = max(sorted(weight), key=lambda n: (weight[n], latest[n]))
    return parse_name(raw_of[best], tenures[0].country)


def _surname_in(text: str, name: Name) -> str:
    """The words of ``text`` that stand where the Factbook's capitals stand in ``name``."""
    words = text.split()
    if name.family_first:
        return " ".join(words[: len(name.family)])
    return " ".join(words[-len(name.family):])


def build_entries(tenures: list[Tenure], curated: Curated) -> list[Entry]:
    by_person: dict[str, list[Tenure]] = defaultdict(list)
    for tenure in tenures:
        by_person[tenure.person].append(tenure)
    used_people: set[str] = set()
    entries = []
    for person, own in sorted(by_person.items()):
        own.sort(key=lambda t: (t.start, t.role))
        country = own[0].country
        name = _best_variant(own)
        english = name.display
        key = f"{country}:{english}"
        spec = curated.people.get(key, {})
        if spec:
            used_people.add(key)
        georgian = country in {"GE", "MN"}
        if spec.get("name"):
            german = spec["name"]
        elif country in curated.transliterate:
            german = germanize(english, georgian=georgian)
        else:
            german = english
        variants = [english, name.full]
        if name.nickname and not name.family_first:
            variants.append(f"{name.nickname} {name.surname}")
        if not spec and len(name.given) >= 2 and len(name.given[0]) >= 3 and name.given[0][-1] != ".":
            variants.append(f"{name.given[0]} {name.surname}")  # "John Winston Howard" -> "John Howard"
        for tenure in own:  # the other spellings the Factbook used for this person
            for row in tenure.rows:
                variants.append(parse_name(row.name, row.country).display)
        aliases = list(dict.fromkeys(a for a in [*spec.get("aliases", []), *variants] if a != german))
        if spec.get("surnames"):
            german_surname = spec["surnames"][0]
        elif country in curated.transliterate and not spec.get("name"):
            german_surname = germanize(name.surname, georgian=georgian)
        else:
            german_surname = _surname_in(german, name)
        surnames = list(dict.fromkeys([german_surname, *spec.get("surnames", [])[1:], name.surname]))
        gender = spec.get("gender") or ("f" if key in curated.women else "m")
        roles = []
        for tenure in own:
            record = {"role": tenure.role, "country": tenure.country, "from": IsoDate(tenure.start),
                      "to": IsoDate(tenure.end) if tenure.end else None}
            if tenure.title:
                record["title"] = tenure.title
            roles.append(record)
        entries.append(Entry(
            id=slug(german), name=german, gender=gender, country=country, aliases=aliases,
            surnames=surnames, roles=roles, source=source_note(own), key=key,
            fixed_forms={german, *spec.get("aliases", [])},
        ))
    unused = sorted(set(curated.people) - used_people)
    if unused:
        raise CuratedDataError(curated.path, "people", f"keys that match no generated person: {unused}")
    unused_women = sorted(curated.women - {e.key for e in entries})
    if unused_women:
        raise CuratedDataError(curated.path, "women", f"keys that match no generated person: {unused_women}")
    _unique_ids(entries)
    return entries


def _unique_ids(entries: list[Entry]) -> None:
    """Namesakes in different countries get the country code appended to the id."""
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_id[entry.id].append(entry)
    for ident, same in by_id.items():
        if len(same) > 1:
            for entry in same:
                entry.id = f"{ident}-{entry.country.lower()}"
    ids = [e.id for e in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CuratedDataError(OUTPUT_PATH, "ids", f"duplicate ids {duplicates}: add names in 'people'")


def _tenure_note(tenure: Tenure) -> str:
    """How exact one tenure is: "start exact; end next holder" (+ hand corrections)."""
    start = "exact" if tenure.start_exact else "approximate"
    if not any(r.since for r in tenure.rows):
        start += f" (first listed in the {tenure.first_edition} edition)"
    note = f"start {start}; end {tenure.end_kind}"
    added = sorted({r.note for r in tenure.rows if r.added})
    if added:
        note += f"; added by hand ({'; '.join(added)})"
    if any(r.fixed for r in tenure.rows):
        note += "; corrected by hand"
    return note


def source_note(tenures: list[Tenure]) -> str:
    """The entry's ``source``: the editions listing the person and, per tenure, how exact the
    start is and where the end comes from. Hand-made additions and corrections (see
    gazetteers/curated/factbook.yaml) are said so."""
    listed_rows = [r for t in tenures for r in t.rows if not r.added]
    if listed_rows:
        first = min(r.first_edition for r in listed_rows)
        last = max(r.last_edition for r in listed_rows)
        head = f"CIA World Factbook editions {first}–{last}" if first != last else \
            f"CIA World Factbook edition {first}"
    else:
        head = "CIA World Factbook data, completed by hand (gazetteers/curated/factbook.yaml)"
    if len(tenures) == 1:
        return f"{head}; {_tenure_note(tenures[0])}"
    parts = [f"{t.role} from {t.start}: {_tenure_note(t).replace('; ', ', ')}" for t in tenures]
    return f"{head}; " + "; ".join(parts)


# --------------------------------------------------------------------------------------------
# Checks against the other gazetteer files


def other_officials(hand_curated: Path, output: Path) -> dict[str, tuple[str, str, str]]:
    """Names and aliases of the other officials files: form -> (id, country, file name)."""
    owner: dict[str, tuple[str, str, str]] = {}
    for path in sorted(hand_curated.parent.glob("officials*.yaml")):
        if path.resolve() == output.resolve():
            continue
        for official in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("officials") or []:
            for form in [official["name"], *(official.get("aliases") or [])]:
                owner.setdefault(form, (official["id"], official.get("country", ""), path.name))
    return owner


def resolve_collisions(entries: list[Entry], others: dict[str, tuple[str, str, str]]
                       ) -> tuple[list[str], list[str]]:
    """Derived aliases shared by two generated entries are dropped (the first list); a name or
    curated alias shared with another generated entry is an error, and so is a form that
    officials.yaml gives to another id. A form that another generated file (ministers, UK) gives
    to another id is returned as a conflict (the second list): the same person must get the
    same id in both files, then the loader merges the entries; the shared-data tests fail until
    one side is changed."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for form in [entry.name, *entry.aliases]:
            owners[form].add(entry.id)
    dropped = []
    by_id = {e.id: e for e in entries}
    problems = []
    for form, ids in sorted(owners.items()):
        if len(ids) > 1:
            fixed = [i for i in sorted(ids) if form in by_id[i].fixed_forms]
            if len(fixed) > 1:
                problems.append(f"{form!r} is the name or curated alias of {fixed}")
                continue
            for ident in sorted(ids):
                if form not in by_id[ident].fixed_forms:
                    by_id[ident].aliases.remove(form)
                    dropped.append(f"{form!r} ({ident})")
    conflicts = []
    for entry in entries:
        for form in [entry.name, *entry.aliases]:
            if form in others and others[form][0] != entry.id:
                ident, _, file_name = others[form]
                message = f"{form!r} of {entry.id} is also a name/alias of {ident} in {file_name}"
                (problems if file_name == HAND_CURATED_PATH.name else conflicts).append(message)
    for entry in entries:
        owners_of_id = {(i, c, f) for i, c, f in others.values() if i == entry.id}
        for ident, country, file_name in sorted(owners_of_id):
            if country and country != entry.country:
                problems.append(f"id {entry.id} ({entry.country}) is also a {country} person in {file_name}")
    if problems:
        raise CuratedDataError(CURATED_PATH, "names", "; ".join(problems))
    return dropped, conflicts


# --------------------------------------------------------------------------------------------
# Output


class IsoDate(str):
    """An ISO date written without quotes (the entityx loader reads dates as strings)."""


class _Dumper(yaml.SafeDumper):
    """Block style for records, flow style for lists of strings, dates unquoted."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(item, str) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_date(dumper: yaml.SafeDumper, data: IsoDate) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", str(data))


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(IsoDate, _represent_date)

HEADER = """\
# GENERATED by scripts/build_factbook_officials.py from CIA World Factbook editions 1994–2025 (public domain) — do not edit
# Change gazetteers/curated/factbook.yaml and run: python3 scripts/build_factbook_officials.py
#
# Heads of state and heads of government of the sovereign states, tenures reaching 2000 or later.
# Not here: the states curated by hand in officials.yaml
#   ({skipped}),
# the British prime minister (officials_uk.yaml, exact dates from the IfG Ministers Database) and
# the offices listed under skip_offices in the curated file (co-princes of Andorra, captains
# regent of San Marino, the presidency of Bosnia and Herzegovina, the Holy See's "head of
# government"): the Factbook lists co-heads there, which yearly snapshots cannot date.
# The British monarch is kept for GB only: the Commonwealth realms keep their prime minister.
#
# Caveats (the `source` of every entry says how exact its dates are):
#   * The Factbook is a yearly snapshot. `from` is its "since" date (exact unless `source` says
#     approximate: month or year only, or the first edition that lists the person); `to` is the
#     next holder's `from`, null when the person is in the 2025 edition (which already includes
#     some January 2026 changes), else 31 December of the last edition listing the person.
#   * Tenures that began and ended between two editions are missing unless added by hand; the
#     editions 2018-2020 are empty in the archive: the changes of those years known to be missing
#     were added by hand and are marked so in `source`. Where a holder is still missing, the
#     predecessor's `to` (the next listed holder's start) is too late.
#   * What the Factbook calls head of state / head of government is kept, e.g. the Supreme Leader
#     of Iran is head_of_state and its president head_of_government; presidents of presidential
#     systems hold both offices. `title` is the Factbook's (English) title.
#   * Names: German spelling where the curated file gives one or the country's names come from
#     Cyrillic, Georgian or Mongolian script (German transliteration rules); else the Factbook's
#     ASCII spelling in normal case. The Factbook spelling is an alias (unless two people share
#     it, e.g. Albert II of Belgium and of Monaco). Gender is "m" unless the curated file lists
#     the person as a woman.
"""


def header(curated: Curated) -> str:
    return HEADER.format(skipped=", ".join(sorted(curated.skip_countries)))


def render(entries: list[Entry], curated: Curated) -> str:
    body = yaml.dump({"officials": [e.to_dict() for e in entries]}, Dumper=_Dumper,
                     sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False)
    return header(curated) + body


@dataclass(slots=True)
class Result:
    text: str
    entries: list[Entry]
    stats: dict[str, int]
    warnings: list[str]
    dropped_aliases: list[str]
    conflicts: list[str]  # forms another generated officials file gives to another id


def build(source: Path = DEFAULT_SOURCE, curated_path: Path = CURATED_PATH,
          hand_curated: Path = HAND_CURATED_PATH) -> Result:
    curated = load_curated(curated_path)
    rows, stats = read_rows(source, curated)
    people = People(rows, curated)
    warnings: list[str] = []
    last_edition = max(r.last_edition for r in rows if not r.added)
    tenures = [t for t in build_tenures(rows, people, last_edition, warnings)
               if t.end is None or t.end >= f"{FIRST_YEAR}-01-01"]
    entries = build_entries(tenures, curated)
    hand = yaml.safe_load(hand_curated.read_text(encoding="utf-8"))["officials"]
    hand_ids = {o["id"] for o in hand}
    clashes = sorted(e.id for e in entries if e.id in hand_ids)
    if clashes:
        raise CuratedDataError(hand_curated, "ids", f"generated ids also in {hand_curated.name}: "
                                                    f"{clashes} (give another name in 'people')")
    dropped, conflicts = resolve_collisions(entries, other_officials(hand_curated, OUTPUT_PATH))
    entries.sort(key=lambda e: (e.country, e.id))
    return Result(render(entries, curated), entries, stats, warnings, dropped, conflicts)


def validate(text: str) -> int:
    """Load the text with entityx's own loader (with the roles vocabulary): the official count."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from entityx.gazetteer import load_gazetteers  # the repository's loader, imported late

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / OUTPUT_PATH.name
        path.write_text(text, encoding="utf-8")
        data = load_gazetteers([ROLES_PATH, path])
    return len(data.officials)


def check(output: Path, result: Result) -> list[str]:
    """Unified diff between the committed file and a fresh build; empty when they agree."""
    actual = output.read_text(encoding="utf-8") if output.exists() else ""
    if actual == result.text:
        return []
    return list(difflib.unified_diff(actual.splitlines(), result.text.splitlines(),
                                     fromfile=f"{output} (committed)", tofile="generated",
                                     lineterm="")) or [f"{output} differs (line endings?)"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed file is out of date")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help=f"directory with {TENURES_FILE} (default: %(default)s)")
    parser.add_argument("--curated", type=Path, default=CURATED_PATH, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=OUTPUT_PATH, help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true", help="print warnings and dropped aliases")
    args = parser.parse_args(argv)
    try:
        result = build(args.source, args.curated)
        count = validate(result.text)
    except CuratedDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.verbose:
        for line in result.warnings:
            print(f"warning: {line}", file=sys.stderr)
        for line in result.dropped_aliases:
            print(f"dropped ambiguous alias {line}", file=sys.stderr)
    for line in result.conflicts:
        print(f"CONFLICT with another officials file: {line}", file=sys.stderr)
    if args.check:
        diff = check(args.output, result)
        if diff:
            print("\n".join(diff[:60]), file=sys.stderr)
            print(f"\n{args.output} is out of date: run python3 scripts/build_factbook_officials.py",
                  file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(result.text, encoding="utf-8")
    roles = sum(len(e.roles) for e in result.entries)
    countries = len({r["country"] for e in result.entries for r in e.roles})
    print(f"wrote {args.output}: {count} officials, {roles} role records, {countries} countries; "
          f"skipped rows: {dict(sorted(result.stats.items()))}; "
          f"{len(result.dropped_aliases)} ambiguous aliases dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
