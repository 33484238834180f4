"""Sanity checks for gazetteers/officials.yaml (draft; may be folded into the test suite).

Usage: python3 scripts/check_officials_draft.py [path/to/officials.yaml]

Checks:
  * file loads with yaml.safe_load and has a top-level ``officials`` list
  * required keys per entry, ids unique and slug-shaped, gender m/f, ISO2 countries
  * every role has a known role key (built-in list plus the keys of gazetteers/roles.yaml),
    an ISO2 country, parseable dates and from <= to
  * no alias string is shared by two entries (nor equals another entry's canonical name)
  * for head_of_state / head_of_government / foreign_minister: no two *different* holders of
    the same role in the same country overlap by more than ``MAX_OVERLAP_DAYS``, unless the
    pair is listed in ``KNOWN_OVERLAPS`` (deliberate: acting/interim periods, formal vs de-facto)
Prints a per-country/per-role summary. Exit code 1 if any error is found.
"""
from __future__ import annotations

import collections
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROLES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "foreign_ministry_spokesperson",
    "deputy_foreign_minister",
    "upper_house_speaker",
    "lower_house_speaker",
}
EXCLUSIVE_ROLES = {"head_of_state", "head_of_government", "foreign_minister"}
ENTRY_KEYS = {"id", "name", "gender", "country", "aliases", "surnames", "roles", "source"}
ROLE_KEYS = {"role", "country", "from", "to"}
# countries a role record may name (scope of the gazetteer); person countries use the same set
COUNTRIES = {"RU", "BY", "KZ", "KG", "TJ", "AM", "AZ", "UZ", "DE", "AT", "CH", "FR", "CN", "US"}
MAX_OVERLAP_DAYS = 3
# pairs (frozenset of ids, role, country) whose overlap is intended; value = reason
KNOWN_OVERLAPS = {
    (frozenset({"askar-akajew", "kurmanbek-bakijew"}), "head_of_state", "KG"):
        "Bakiyev acting president from 25 Mar 2005; Akayev's resignation accepted 11 Apr 2005",
    (frozenset({"kurmanbek-bakijew", "rosa-otunbajewa"}), "head_of_state", "KG"):
        "Otunbayeva led the interim government from 7 Apr 2010; Bakiyev resigned formally 15 Apr 2010",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def as_date(value, where: str, errors: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        errors.append(f"{where}: not an ISO date: {value!r}")
        return None


def main(path: Path) -> int:
    errors: list[str] = []
    warnings: list[str] = []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("officials"), list):
        print(f"{path}: expected a mapping with an 'officials' list")
        return 1
    entries = data["officials"]
    # role keys: the static set plus whatever gazetteers/roles.yaml (next to the officials file) defines
    known_roles = set(ROLES)
    roles_path = path.with_name("roles.yaml")
    if roles_path.exists():
        try:
            roles_doc = yaml.safe_load(roles_path.read_text(encoding="utf-8")) or {}
            known_roles |= set((roles_doc.get("roles") or {}).keys())
        except yaml.YAMLError as exc:
            warnings.append(f"{roles_path}: not readable as YAML ({exc}); using the built-in role list")

    ids: set[str] = set()
    alias_owner: dict[str, str] = {}
    name_owner: dict[str, str] = {}
    records = []  # (id, role, country, from, to)
    for i, e in enumerate(entries):
        where = f"entry #{i} ({e.get('id', '?') if isinstance(e, dict) else '?'})"
        if not isinstance(e, dict):
            errors.append(f"{where}: not a mapping")
            continue
        missing = ENTRY_KEYS - e.keys()
        extra = e.keys() - ENTRY_KEYS
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
        if extra:
            errors.append(f"{where}: unexpected keys {sorted(extra)}")
        pid = e.get("id")
        if not isinstance(pid, str) or not SLUG.match(pid):
            errors.append(f"{where}: bad id {pid!r}")
        elif pid in ids:
            errors.append(f"{where}: duplicate id {pid}")
        ids.add(pid)
        if e.get("gender") not in {"m", "f"}:
            errors.append(f"{where}: gender must be m or f")
        if e.get("country") not in COUNTRIES:
            errors.append(f"{where}: country {e.get('country')!r} not an expected ISO2 code")
        name = e.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: empty name")
        else:
            name_owner.setdefault(name, pid)
        aliases = e.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            errors.append(f"{where}: aliases must be a list of non-empty strings")
            aliases = []
        for a in aliases:
            if a == name:
                errors.append(f"{where}: alias repeats the canonical name: {a!r}")
            if a in alias_owner and alias_owner[a] != pid:
                errors.append(f"{where}: alias {a!r} also used by {alias_owner[a]}")
            alias_owner.setdefault(a, pid)
        surnames = e.get("surnames")
        if not isinstance(surnames, list) or not surnames or not all(isinstance(s, str) and s for s in surnames):
            errors.append(f"{where}: surnames must be a non-empty list of strings")
        elif len(set(surnames)) != len(surnames):
            errors.append(f"{where}: duplicate surname spellings")
        if not isinstance(e.get("source"), str) or not e["source"].strip():
            errors.append(f"{where}: empty source")
        roles = e.get("roles")
        if not isinstance(roles, list) or not roles:
            errors.append(f"{where}: roles must be a non-empty list")
            continue
        for j, r in enumerate(roles):
            rw = f"{where} role #{j}"
            if not isinstance(r, dict) or set(r) != ROLE_KEYS:
                errors.append(f"{rw}: keys must be exactly {sorted(ROLE_KEYS)}")
                continue
            if r["role"] not in known_roles:
                errors.append(f"{rw}: unknown role {r['role']!r}")
            if r["country"] not in COUNTRIES:
                errors.append(f"{rw}: country {r['country']!r} not an expected ISO2 code")
            start = as_date(r["from"], rw, errors)
            end = as_date(r["to"], rw, errors)
            if start is None:
                errors.append(f"{rw}: 'from' is required")
                continue
            if end is not None and end < start:
                errors.append(f"{rw}: from {start} > to {end}")
            records.append((pid, r["role"], r["country"], start, end))

    # aliases must not equal another entry's canonical name
    for a, owner in alias_owner.items():
        if a in name_owner and name_owner[a] != owner:
            errors.append(f"alias {a!r} of {owner} is the canonical name of {name_owner[a]}")

    # overlaps between different holders of exclusive roles
    far_future = dt.date(9999, 12, 31)
    groups = collections.defaultdict(list)
    for pid, role, country, start, end in records:
        if role in EXCLUSIVE_ROLES:
            groups[(role, country)].append((pid, start, end or far_future))
    kept = []
    for (role, country), recs in sorted(groups.items()):
        recs.sort(key=lambda x: x[1])
        for a in range(len(recs)):
            for b in range(a + 1, len(recs)):
                pa, sa, ea = recs[a]
                pb, sb, eb = recs[b]
                if pa == pb:
                    continue
                overlap = (min(ea, eb) - max(sa, sb)).days
                if overlap > MAX_OVERLAP_DAYS:
                    key = (frozenset({pa, pb}), role, country)
                    msg = f"{role}/{country}: {pa} and {pb} overlap by {overlap} days"
                    if key in KNOWN_OVERLAPS:
                        kept.append(f"{msg} (kept: {KNOWN_OVERLAPS[key]})")
                    else:
                        errors.append(msg)

    # summary
    counts = collections.Counter((c, r) for _, r, c, _, _ in records)
    print(f"{path}: {len(entries)} entries, {len(records)} role records")
    for country in sorted({c for c, _ in counts}):
        row = ", ".join(f"{r}={n}" for (c, r), n in sorted(counts.items()) if c == country)
        print(f"  {country}: {row}")
    for k in kept:
        print(f"NOTE {k}")
    for w in warnings:
        print(f"WARN {w}")
    for err in errors:
        print(f"ERROR {err}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1] / "gazetteers" / "officials.yaml"
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
