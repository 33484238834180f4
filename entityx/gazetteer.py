"""Gazetteer files: YAML loading, validation and the indexes the components use.

A gazetteer file is a YAML mapping with one or more sections: ``officials``, ``roles``,
``organizations``, ``countries``, ``cities``, ``landmarks``. Every entry is validated here, once,
at the boundary; a bad entry raises :class:`GazetteerError` naming the file, the line and the entry.
After validation entries are plain JSON-safe dicts (dates as ISO strings), which is also how the
components save them with ``to_disk`` -- a saved pipeline never needs the YAML files again.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import GazetteerError

SECTIONS = ("officials", "roles", "organizations", "countries", "cities", "landmarks", "triggers",
            "common_words")
ROLE_KEY_RE = re.compile(r"^[a-z][a-z_]*$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
ID_RE = re.compile(r"^[A-Za-z0-9][\w .:'’()\-]*$")
LINE = "__line__"


def shipped_gazetteer_dir() -> Path:
    """The gazetteers installed with the package (``gazetteers/`` in the repository)."""
    return Path(str(resources.files("entityx.gazetteers")))


def shipped_gazetteer_files() -> list[Path]:
    return sorted(shipped_gazetteer_dir().glob("*.yaml"))


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping, so errors can say ``file:line``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings so that a bad one ("2020-13-01") is reported by our validator with its
# entry and line, not by PyYAML's timestamp constructor.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

if yaml.__with_libyaml__:
    class _FastLineLoader(yaml.CSafeLoader):
        """``_LineLoader`` on libyaml's parser: the same values and lines, parsed about ten times
        faster (a gazetteer of 20,000 officials). A file it rejects is parsed again with
        ``_LineLoader``, so an error keeps PyYAML's message."""

    _FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _FastLineLoader.yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLineLoader = _LineLoader


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


# --------------------------------------------------------------------------- validation helpers


class _Checker:
    """Validation context for one entry: raises GazetteerError with file, line and entry name."""

    def __init__(self, path: str, entry: dict[str, Any], name: str):
        self.path, self.entry, self.name = path, entry, name
        self.line = entry.get(LINE) if isinstance(entry, dict) else None

    def fail(self, message: str) -> None:
        raise GazetteerError(self.path, message, entry=self.name, line=self.line)

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.entry.get(key)
        if value is None:
            if required:
                self.fail(f"missing required field {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"field {key!r} must be a non-empty string, got {value!r}")
        return value.strip()

    def texts(self, key: str) -> list[str]:
        value = self.entry.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"field {key!r} must be a list of non-empty strings, got {value!r}")
        return [v.strip() for v in value]

    def country(self, key: str, *, required: bool = True, value: Any = None) -> str | None:
        code = self.entry.get(key) if value is None else value
        if code is None:
            if required:
                self.fail(f"missing required field {key!r}")
            return None
        if not isinstance(code, str) or not ISO2_RE.match(code):
            self.fail(f"field {key!r} must be an ISO 3166-1 alpha-2 code like 'RU', got {code!r}")
        return code

    def date(self, value: Any, key: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        self.fail(f"field {key!r} must be an ISO date (YYYY-MM-DD) or null, got {value!r}")
        return None

    def ident(self) -> str:
        value = self.entry.get("id")
        if not isinstance(value, str) or not ID_RE.match(value):
            self.fail(f"field 'id' must be a slug like 'sergej-lawrow', got {value!r}")
        return value


def _entry_name(entry: Any, index: int) -> str:
    if isinstance(entry, dict):
        for key in ("id", "code", "name"):
            if isinstance(entry.get(key), str):
                return entry[key]
    return f"#{index + 1}"


def _validate_official(c: _Checker, known_roles: set[str] | None) -> dict[str, Any]:
    ident = c.ident()
    gender = c.entry.get("gender", "m")
    if gender not in ("m", "f"):
        c.fail(f"field 'gender' must be 'm' or 'f', got {gender!r}")
    roles = c.entry.get("roles") or []
    if not isinstance(roles, list):
        c.fail("field 'roles' must be a list")
    tenures = []
    for i, role in enumerate(roles):
        if not isinstance(role, dict):
            c.fail(f"roles[{i}] must be a mapping with role/country/from/to")
        key = role.get("role")
        if not isinstance(key, str) or not ROLE_KEY_RE.match(key):
            c.fail(f"roles[{i}].role must be a role key like 'foreign_minister', got {key!r}")
        if known_roles is not None and key not in known_roles:
            c.fail(f"roles[{i}].role {key!r} is not defined in the roles vocabulary")
        start = c.date(role.get("from"), f"roles[{i}].from")
        end = c.date(role.get("to"), f"roles[{i}].to")
        if start and end and end < start:
            c.fail(f"roles[{i}] ends ({end}) before it starts ({start})")
        org = role.get("org")
        if org is not None and (not isinstance(org, str) or not ID_RE.match(org)):
            c.fail(f"roles[{i}].org must be an organization id like 'UN', got {org!r}")
        if org is None and role.get("country") is None:
            c.fail(f"roles[{i}] needs 'country' (a national office) or 'org' (an office of an organization)")
        tenures.append({
            "role": key,
            "country": c.country("country", value=role.get("country"), required=False) if org else
            c.country("country", value=role.get("country")),
            **({"org": org} if org else {}),
            "from": start,
            "to": end,
            **({"title": role["title"]} if isinstance(role.get("title"), str) else {}),
        })
    surnames = c.texts("surnames")
    name = c.text("name")
    if not surnames:
        surnames = [name.split()[-1]]  # type: ignore[union-attr]
    return {
        "id": ident,
        "name": name,
        "gender": gender,
        "country": c.country("country"),
        "aliases": c.texts("aliases"),
        "surnames": surnames,
        "roles": tenures,
        "source": c.text("source", required=False),
        # may the surname alone ("Lawrow sagte") name this person without a title or full name
        # earlier in the text? Generated worldwide lists set false: their surnames are rarely
        # used alone in German news and often collide with words ("Man", "Sall")
        "surname_alone": bool(c.entry.get("surname_alone", True)),
    }


def _validate_role(c: _Checker, key: str) -> dict[str, Any]:
    if not ROLE_KEY_RE.match(key):
        c.fail("role keys must be lowercase words joined by '_'")
    label = c.entry.get("label")
    if not isinstance(label, dict) or not isinstance(label.get("m"), str):
        c.fail("field 'label' must be a mapping {m: ..., f: ...}")
    by_country = c.entry.get("label_by_country") or {}
    if not isinstance(by_country, dict):
        c.fail("field 'label_by_country' must map ISO2 codes to {m, f} labels")
    clean_by_country = {}
    for code, lab in by_country.items():
        if code == LINE:
            continue
        if not (ISO2_RE.match(str(code)) or ID_RE.match(str(code))):
            c.fail(f"label_by_country keys must be ISO2 codes or organization ids, got {code!r}")
        if not isinstance(lab, dict) or not isinstance(lab.get("m"), str):
            c.fail(f"label_by_country.{code} must be a mapping {{m: ..., f: ...}}")
        clean_by_country[code] = {"m": lab["m"], "f": lab.get("f", lab["m"])}
    titles = c.texts("titles")
    if not titles:
        c.fail("field 'titles' must list at least one surface form")
    countries = c.entry.get("title_countries") or {}
    phrases = []
    for i, phrase in enumerate(c.entry.get("phrases") or []):
        sub = _Checker(c.path, phrase if isinstance(phrase, dict) else {}, f"{key}.phrases[{i}]")
        heads, bodies = sub.texts("heads"), sub.texts("bodies")
        if not heads or not bodies:
            sub.fail("a phrase needs non-empty 'heads' and 'bodies'")
        phrases.append({"heads": heads, "bodies": bodies,
                        "country": sub.country("country", required=False)})
    return {
        "phrases": phrases,
        "key": key,
        "label": {"m": label["m"], "f": label.get("f", label["m"])},
        "label_by_country": clean_by_country,
        "titles": titles,
        "title_countries": {k: v for k, v in countries.items() if k != LINE},
        "counterpart": bool(c.entry.get("counterpart", False)),
    }


def _validate_org(c: _Checker) -> dict[str, Any]:
    ident = c.ident()
    acronym = c.text("acronym")
    names = c.texts("names")
    acronyms = c.texts("acronyms") or [acronym]
    members = [c.country("members", value=m) for m in c.texts("members")]
    return {
        "id": ident,
        "acronym": acronym,
        "acronym_en": c.text("acronym_en", required=False),
        "name": c.text("name"),
        "names": names,
        "acronyms": acronyms,
        "members": members,
        "seat": c.country("seat", required=False),
    }


def _validate_country(c: _Checker) -> dict[str, Any]:
    code = c.country("code")
    names = c.texts("names")
    if not names:
        c.fail("field 'names' must list at least one name")
    return {"code": code, "name": c.text("name"), "names": names, "adjectives": c.texts("adjectives")}


def _validate_city(c: _Checker) -> dict[str, Any]:
    ident = c.ident()
    names = c.texts("names")
    name = c.text("name")
    return {
        "id": ident,
        "name": name,
        "country": c.country("country"),
        "capital": bool(c.entry.get("capital", False)),
        "names": names or [name],
        "valid_from": c.date(c.entry.get("valid_from"), "valid_from"),
        "valid_to": c.date(c.entry.get("valid_to"), "valid_to"),
    }


def _validate_landmark(c: _Checker) -> dict[str, Any]:
    """A seat of power (city given) or a region (city null): a destination hint, not an entity."""
    return {"name": c.text("name"), "names": c.texts("names") or [c.text("name")],
            "city": c.text("city", required=False) or "", "country": c.country("country")}


# --------------------------------------------------------------------------- loading


@dataclass
class GazetteerData:
    """Validated entries of one or more gazetteer files, merged in file order.

    An official whose id already exists in an earlier file is the same person: the later entry's
    offices, aliases and surnames are added. With ``replace: true`` it replaces the earlier entry
    (how a user's own file corrects a shipped tenure). Other sections: a later entry with an
    existing id replaces it. Within one file a repeated id is an error.
    """

    officials: dict[str, dict[str, Any]] = field(default_factory=dict)
    roles: dict[str, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    cities: dict[str, dict[str, Any]] = field(default_factory=dict)
    landmarks: dict[str, dict[str, Any]] = field(default_factory=dict)
    triggers: dict[str, Any] = field(default_factory=dict)
    common_words: list[str] = field(default_factory=list)
    # (section, id) -> ["file:line", ...] of every entry that contributed; for error messages only,
    # never saved with a pipeline
    locations: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def section(self, name: str) -> list[dict[str, Any]]:
        return list(getattr(self, name).values())


def read_yaml(path: str | Path) -> dict[str, Any]:
    """Parse one YAML file with line numbers kept; errors name the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GazetteerError(str(path), "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(str(path), f"cannot read file: {exc}") from None
    try:
        try:
            data = yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError:
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - for PyYAML's error message
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise GazetteerError(str(path), f"invalid YAML: {exc}",
                             line=mark.line + 1 if mark else None) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GazetteerError(str(path), "top level must be a mapping with sections " + ", ".join(SECTIONS))
    unknown = [k for k in data if k not in SECTIONS and k != LINE]
    if unknown:
        raise GazetteerError(str(path), f"unknown section(s) {unknown}; expected some of {list(SECTIONS)}")
    return data


def _check_vocabulary(path: Path, key: str, value: Any) -> Any:
    """Trigger vocabulary: nested mappings/lists whose leaves are non-empty strings."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, list):
        return [_check_vocabulary(path, f"{key}[{i}]", v) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: _check_vocabulary(path, f"{key}.{k}", v) for k, v in value.items() if k != LINE}
    raise GazetteerError(str(path), f"must be a word, a list or a mapping of words, got {value!r}",
                         entry=key)


def _merge_official(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The same person in a later file: offices and spellings are added (``replace: true`` in
    the later entry replaces the earlier one instead, e.g. to correct a tenure)."""
    merged = dict(base)
    merged["aliases"] = base["aliases"] + [a for a in extra["aliases"] if a not in base["aliases"]]
    merged["surnames"] = base["surnames"] + [a for a in extra["surnames"] if a not in base["surnames"]]
    merged["roles"] = base["roles"] + [r for r in extra["roles"] if r not in base["roles"]]
    sources = [x for x in (base.get("source"), extra.get("source")) if x]
    merged["source"] = "; ".join(dict.fromkeys(sources)) or None
    return merged


def _merge_vocabulary(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge_vocabulary(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def load_gazetteers(paths: Iterable[str | Path], *, known_roles: Iterable[str] | None = None) -> GazetteerData:
    """Load and validate gazetteer files (roles first, so officials can be checked against them).

    known_roles: role keys defined elsewhere (a loaded pipeline's vocabulary), for user files
    that add officials without repeating the roles section.
    """
    paths = [Path(p) for p in paths]
    raw = [(p, read_yaml(p)) for p in paths]
    out = GazetteerData()
    for path, data in raw:
        words = data.get("common_words")
        if words is not None:
            words = _check_vocabulary(path, "common_words", words)
            if not isinstance(words, list):
                raise GazetteerError(str(path), "section 'common_words' must be a list of words")
            out.common_words = _merge_vocabulary(out.common_words, words)
        vocabulary = data.get("triggers")
        if vocabulary is not None:
            if not isinstance(vocabulary, dict):
                raise GazetteerError(str(path), "section 'triggers' must be a mapping")
            out.triggers = _merge_vocabulary(out.triggers, _check_vocabulary(path, "triggers", vocabulary))
    for path, data in raw:  # roles are a mapping key -> spec
        roles = data.get("roles") or {}
        if not isinstance(roles, dict):
            raise GazetteerError(str(path), "section 'roles' must map role keys to specs")
        for key, spec in roles.items():
            if key == LINE:
                continue
            if not isinstance(spec, dict):
                raise GazetteerError(str(path), "role spec must be a mapping", entry=key)
            out.roles[key] = _validate_role(_Checker(str(path), spec, key), key)
    known = set(out.roles) | set(known_roles or ())
    known_roles = known or None
    validators = {
        "officials": lambda c: _validate_official(c, known_roles),
        "organizations": _validate_org,
        "countries": _validate_country,
        "cities": _validate_city,
        "landmarks": _validate_landmark,
    }
    for path, data in raw:
        for section, validate in validators.items():
            entries = data.get(section) or []
            if not isinstance(entries, list):
                raise GazetteerError(str(path), f"section {section!r} must be a list of entries")
            seen: set[str] = set()
            target = getattr(out, section)
            for index, entry in enumerate(entries):
                name = _entry_name(entry, index)
                checker = _Checker(str(path), entry if isinstance(entry, dict) else {}, name)
                if not isinstance(entry, dict):
                    checker.fail("entry must be a mapping")
                clean = validate(checker)
                key = clean.get("id") or clean.get("code") or clean["name"]
                if key in seen:
                    checker.fail(f"duplicate id {key!r} in section {section!r}")
                seen.add(key)
                where = f"{path}:{checker.line}" if checker.line else str(path)
                if section == "officials" and key in target and not entry.get("replace"):
                    target[key] = _merge_official(target[key], clean)
                    out.locations.setdefault((section, key), []).append(where)
                else:
                    target[key] = clean
                    out.locations[(section, key)] = [where]
    return out


# --------------------------------------------------------------------------- indexes


@functools.lru_cache(maxsize=4096)  # tenures are compared for every mention of an official
def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class OfficeIndex:
    """Who held which office when: resolves 'der russische Außenminister' to a person at a date."""

    def __init__(self, officials: Iterable[dict[str, Any]]):
        self._by_office: dict[tuple[str, str], list[tuple[dt.date, dt.date, dict[str, Any]]]] = defaultdict(list)
        # official id -> its tenures with their dates parsed, for ``tenure``
        self._tenures: dict[str, list[tuple[dt.date, dt.date, dict[str, Any]]]] = {}
        for official in officials:
            dated = self._tenures[official["id"]] = _dated_tenures(official)
            for start, end, tenure in dated:
                # offices of organizations are keyed by the organization id instead of a country
                self._by_office[(tenure["role"], tenure.get("org") or tenure["country"])].append((start, end, official))
        for holders in self._by_office.values():
            holders.sort(key=lambda item: item[0])
        # office -> (dates, holder from that date on), built on first use; see ``holder``
        self._holder_tables: dict[tuple[str, str], tuple[list[dt.date], list[dict[str, Any] | None]]] = {}

    def tenure(self, official_id: str, on: dt.date, *, role: str | None = None,
               country: str | None = None) -> dict[str, Any] | None:
        """``tenure_at`` for an official of the index, whose dates were parsed once (it is asked
        for every mention of an official)."""
        return _senior_tenure(self._tenures[official_id], on, role, country)

    def holders(self, role: str, country: str, on: dt.date) -> list[dict[str, Any]]:
        """Everyone holding ``role`` for ``country`` (or organization id) on ``on`` (normally one)."""
        return [o for start, end, o in self._by_office.get((role, country), []) if start <= on <= end]

    def holder(self, role: str, country: str, on: dt.date) -> dict[str, Any] | None:
        """The single holder on that date, or None when nobody or several people qualify.

        Asked for every office named without a person, so it looks the date up in a table of
        the dates the office changed hands (a binary search) instead of scanning every tenure
        the office ever had: its cost stays flat as the gazetteer grows.
        """
        office = (role, country)
        table = self._holder_tables.get(office)
        if table is None:
            table = self._holder_tables[office] = _holder_table(self._by_office.get(office, []))
        dates, holders = table
        position = bisect.bisect_right(dates, on) - 1
        return holders[position] if position >= 0 else None


def _holder_table(tenures: list[tuple[dt.date, dt.date, dict[str, Any]]]
                  ) -> tuple[list[dt.date], list[dict[str, Any] | None]]:
    """The dates on which the tenures of one office begin or end (the day after their last),
    ascending, each with the single holder from that date until the next one (None when
    nobody or several tenures are current; two tenures of one person count as two, as in
    ``OfficeIndex.holders``)."""
    changes: dict[dt.date, list[tuple[int, int]]] = defaultdict(list)  # date -> (+1/-1, tenure)
    for number, (start, end, _) in enumerate(tenures):
        changes[start].append((1, number))
        if end < dt.date.max:
            changes[end + dt.timedelta(days=1)].append((-1, number))
    current: set[int] = set()
    dates: list[dt.date] = []
    holders: list[dict[str, Any] | None] = []
    for date in sorted(changes):
        for step, number in changes[date]:
            if step > 0:
                current.add(number)
            else:
                current.discard(number)
        dates.append(date)
        holders.append(tenures[next(iter(current))][2] if len(current) == 1 else None)
    return dates, holders


def tenure_at(official: dict[str, Any], on: dt.date, *, role: str | None = None,
              country: str | None = None) -> dict[str, Any] | None:
    """The official's office on a date (optionally of a given role/country); the most senior first."""
    return _senior_tenure(_dated_tenures(official), on, role, country)


def _dated_tenures(official: dict[str, Any]) -> list[tuple[dt.date, dt.date, dict[str, Any]]]:
    """(start, end, tenure) of each of the official's tenures; open ends as date.min/date.max."""
    return [(parse_date(tenure["from"]) or dt.date.min, parse_date(tenure["to"]) or dt.date.max, tenure)
            for tenure in official["roles"]]


def _senior_tenure(tenures: list[tuple[dt.date, dt.date, dict[str, Any]]], on: dt.date,
                   role: str | None, country: str | None) -> dict[str, Any] | None:
    """The most senior of ``tenures`` held on ``on`` (of that role/country when given)."""
    best = None
    for start, end, tenure in tenures:
        if role and tenure["role"] != role:
            continue
        if country and (tenure.get("org") or tenure["country"]) != country:
            continue
        if start <= on <= end:
            if best is None or ROLE_RANK.get(tenure["role"], 99) < ROLE_RANK.get(best["role"], 99):
                best = tenure
    return best


# Used only to choose one office when a person holds several at once (Putin, Swiss presidents).
ROLE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2}


def role_label(roles: dict[str, dict[str, Any]], key: str, country: str | None, gender: str = "m") -> str:
    """German display label for an office: 'Außenminister', 'Bundeskanzlerin', 'Präsident'."""
    spec = roles.get(key)
    if spec is None:
        return key
    label = spec["label_by_country"].get(country or "", spec["label"])
    return label.get(gender) or label["m"]


# --------------------------------------------------------------------------- consistency checks


SINGLE_HOLDER_OFFICES = ("head_of_state", "head_of_government", "foreign_minister")


def check_gazetteers(paths: Iterable[str | Path], *, known_roles: Iterable[str] | None = None,
                     max_overlap_days: int = 20) -> tuple[GazetteerData, list[str], list[str]]:
    """Validate files (schema errors raise GazetteerError) and check them across entries.

    Returns (data, errors, warnings). Errors: one alias (full name) given to two different
    people; warnings: two holders of a single-holder office (head of state or government,
    foreign minister) overlapping by more than ``max_overlap_days`` (handovers and acting
    periods make short overlaps real). Every message names file:line of the entries involved.
    """
    data = load_gazetteers(paths, known_roles=known_roles)
    where = data.locations
    errors, warnings = [], []
    owner: dict[str, str] = {}
    for official in data.officials.values():
        for alias in dict.fromkeys([official["name"], *official["aliases"]]):
            other = owner.setdefault(alias, official["id"])
            if other != official["id"]:
                errors.append(f"{where[('officials', official['id'])][0]}: entry {official['id']!r}: alias "
                              f"{alias!r} is also an alias of {other!r} ({where[('officials', other)][0]})")
    by_office: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for official in data.officials.values():
        for tenure in official["roles"]:
            if tenure["role"] in SINGLE_HOLDER_OFFICES and tenure.get("country"):
                start = parse_date(tenure["from"]) or dt.date.min
                end = parse_date(tenure["to"]) or dt.date(2100, 1, 1)
                by_office[(tenure["role"], tenure["country"])].append((start, end, official["id"]))
    for (role, country), tenures in by_office.items():
        tenures.sort()
        for (s1, e1, a), (s2, e2, b) in zip(tenures, tenures[1:]):
            overlap = (min(e1, e2) - s2).days
            if a != b and overlap > max_overlap_days:
                warnings.append(f"{where[('officials', a)][0]}: {role} {country}: {a!r} overlaps {b!r} "
                                f"({where[('officials', b)][0]}) by {overlap} days")
    return data, errors, warnings
