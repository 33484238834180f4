#!/usr/bin/env python3
"""Generate ``gazetteers/places.yaml`` from pycountry and the curated extras.

Sources
    * pycountry: every ISO 3166-1 country with its German ``name``, ``official_name`` and
      ``common_name`` (translated with the ``iso3166-1`` gettext catalogue shipped by pycountry);
    * ``gazetteers/curated/places_extra.yaml``: press names, adjective stems, articles and cities
      (see the comment at the top of that file for its fields).

The generator adds the inflected forms German text uses: the genitive ("Russlands"), the weak
adjective forms of multi-word names ("der Russischen Föderation"), the dative of plural names
("in den Niederlanden") and the declined country adjectives ("belarussischen"). The output is
sorted and contains no timestamps, so the same inputs always give the same bytes.

Usage (from the repository root)::

    python3 scripts/build_places.py            # write gazetteers/places.yaml
    python3 scripts/build_places.py --check    # exit 1 if the committed file is out of date
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import gettext
import re
import sys
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import pycountry
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
CURATED_PATH = REPO_ROOT / "gazetteers" / "curated" / "places_extra.yaml"
OUTPUT_PATH = REPO_ROOT / "gazetteers" / "places.yaml"

# Codes outside ISO 3166-1 that the curated file may define (with a name of its own).
EXTRA_CODES = frozenset({"XK"})

ADJECTIVE_ENDINGS = ("", "e", "em", "en", "er", "es")
ARTICLE_KEYS = {"der": "der", "die": "die", "das": "das", "plural": "die"}

COUNTRY_KEYS = frozenset({"name", "names", "forms", "adjectives", "indeclinable", "exclude"})
CITY_KEYS = frozenset(
    {"name", "country", "capital", "aliases", "variants", "genitive", "valid_from", "valid_to"}
)

# A name containing one of these nouns is headed by it ("Republik Moldau", "Insel Man"): its
# genitive is formed on the noun ("der Republik Moldau"), never by appending -s to the name.
HEAD_NOUNS = frozenset(
    {
        "Archipel", "Autonomiegebiete", "Bundesrepublik", "Commonwealth", "Eidgenossenschaft",
        "Emirate", "Föderation", "Fürstentum", "Gebiete", "Großherzogtum", "Insel", "Inseln",
        "Königreich", "Provinz", "Republik", "Sonderverwaltungsregion", "Sonderverwaltungszone",
        "Staat", "Staaten", "Stuhl", "Sultanat", "Teil", "Territorium", "Vereinigung", "Vogtei",
        "Volksrepublik",
    }
)
# A name with an article inside ("St. Vincent und die Grenadinen") has no -s genitive.
ARTICLE_WORDS = frozenset({"der", "die", "das", "des", "den", "dem"})
# Name endings of feminine or plural nouns: no genitive -s ("der Elfenbeinküste").
NO_S_SUFFIXES = ("inseln", "insel", "gebiete", "küste", "republik", "stadt", "lande", "emirate")
# Plural endings whose dative adds -n ("den Niederlanden", "den Palästinensischen Gebieten").
PLURAL_SUFFIXES = ("gebiete", "emirate", "lande")
# Head nouns that are singular: "Königreich der Niederlande" has no dative "...Niederlanden".
SINGULAR_HEADS = HEAD_NOUNS - {"Autonomiegebiete", "Emirate", "Gebiete", "Inseln", "Staaten"}

# An attributive adjective in its weak -e form ("Russische", "Vereinigte", "Kleinere").
WEAK_ADJECTIVE = re.compile(r"[^\W\d_]+(?:isch|tiv|iert|igt|lich|er)e", re.UNICODE)
# The same adjectives in any inflected form; a name containing one has no -s genitive.
ANY_ADJECTIVE = re.compile(r"[^\W\d_]+(?:isch|tiv|iert|igt|lich|er)(?:e|em|en|er|es)", re.UNICODE)
# "Frankfurt am Main" -> "Frankfurts am Main".
PREPOSITIONAL_NAME = re.compile(r"(\S+)( (?:am|an der|im|in der|bei) .+)")


class CuratedDataError(ValueError):
    """The curated input is inconsistent; the message names the file and the entry."""

    def __init__(self, path: Path, entry: str, problem: str) -> None:
        super().__init__(f"{path}: {entry}: {problem}")
        self.path = path
        self.entry = entry
        self.problem = problem


# --------------------------------------------------------------------------------------------
# German morphology


def inflect_adjective(stem: str) -> list[str]:
    """The stem and its five declined forms: russisch, russische, russischem, ..."""
    return [stem + ending for ending in ADJECTIVE_ENDINGS]


def weak_form(name: str) -> str | None:
    """The weak declension of a multi-word name: "Russische Föderation" -> "Russischen Föderation".

    Only the adjectives the name starts with change; a one-word name has none.
    """
    words = name.split(" ")
    changed = list(words)
    for index, word in enumerate(words[:-1]):
        if not WEAK_ADJECTIVE.fullmatch(word):
            break  # only the leading adjectives: not "Commonwealth Nördliche Mariana-Inseln"
        changed[index] = word + "n"
    return " ".join(changed) if changed != words else None


def plural_dative(name: str, plural: bool) -> str | None:
    """The dative plural ("Niederlande" -> "Niederlanden"); None when it equals the name."""
    is_plural = plural or name.lower().endswith(PLURAL_SUFFIXES)
    if not is_plural or not name.endswith("e"):
        return None
    if any(word in SINGULAR_HEADS for word in name.split(" ")):
        return None
    return (weak_form(name) or name) + "n"


def genitive(name: str, article: str | None, *, city: bool = False) -> str | None:
    """The -s genitive of a proper name ("Russland" -> "Russlands"), or None when German has none.

    None for feminine and plural names (``article`` "die"), names ending in s/ß/x/z, acronyms,
    names headed by a common noun ("Republik Moldau") or containing an adjective ("Vereinigtes
    Königreich"), and names that are not plain text (commas, parentheses). City names are
    neuter, so for a ``city`` only a hyphenated "-Stadt" blocks the -s ("Kapstadts", but
    "Mexiko-Stadt").
    """
    if article == "die" or name.isupper() or "," in name or "(" in name:
        return None
    match = PREPOSITIONAL_NAME.fullmatch(name)
    head, rest = (match.group(1), match.group(2)) if match else (name, "")
    if head[-1].lower() in "sßxz" or not head[-1].isalpha():
        return None
    words = re.split(r"[ -]", name)
    if any(word in HEAD_NOUNS or word in ARTICLE_WORDS for word in words):
        return None
    if any(ANY_ADJECTIVE.fullmatch(word) for word in words[:-1]):
        return None
    if head.endswith("-Stadt") or not city and head.lower().endswith(NO_S_SUFFIXES):
        return None
    return head + "s" + rest


# --------------------------------------------------------------------------------------------
# Inputs


def _string_list(value: Any, path: Path, entry: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CuratedDataError(path, entry, f"'{key}' must be a list of non-empty strings")
    if len(set(value)) != len(value):
        raise CuratedDataError(path, entry, f"'{key}' lists a value twice")
    return list(value)


def _iso_date(value: Any, path: Path, entry: str, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise CuratedDataError(path, entry, f"'{key}' must be an ISO date (YYYY-MM-DD), got {value!r}")


def load_curated(path: Path = CURATED_PATH) -> dict[str, Any]:
    """Read and validate the curated file."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or set(data) != {"articles", "countries", "cities"}:
        raise CuratedDataError(path, "top level",
                               "expected exactly 'articles', 'countries', 'cities'")

    articles: dict[str, str] = {}
    for key, names in (data["articles"] or {}).items():
        if key not in ARTICLE_KEYS:
            raise CuratedDataError(path, f"articles.{key}", f"use one of {sorted(ARTICLE_KEYS)}")
        for name in _string_list(names, path, f"articles.{key}", key):
            if name in articles:
                raise CuratedDataError(path, f"articles.{key}", f"{name!r} has two articles")
            articles[name] = key

    countries: dict[str, dict[str, Any]] = {}
    for code, entry in (data["countries"] or {}).items():
        label = f"countries.{code}"
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
            raise CuratedDataError(path, label, "key must be an ISO 3166-1 alpha-2 code "
                                   "(quote 'NO': YAML reads a bare NO as false)")
        if pycountry.countries.get(alpha_2=code) is None and code not in EXTRA_CODES:
            raise CuratedDataError(path, label, "not a pycountry alpha_2 code nor in EXTRA_CODES")
        entry = entry or {}
        unknown = set(entry) - COUNTRY_KEYS
        if unknown:
            raise CuratedDataError(path, label, f"unknown keys {sorted(unknown)}")
        name = entry.get("name")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise CuratedDataError(path, label, "'name' must be a non-empty string")
        record = {"name": name}
        for key in ("names", "forms", "adjectives", "indeclinable", "exclude"):
            record[key] = _string_list(entry.get(key), path, label, key)
        for stem in record["adjectives"]:
            if not stem.endswith("sch") or stem[0].isupper() and not stem.startswith("US-"):
                raise CuratedDataError(path, label, f"adjective stem {stem!r} must be a "
                                       "lowercase stem ending in -sch (russisch, deutsch)")
        for form in record["indeclinable"]:
            if not form[0].isupper():
                raise CuratedDataError(path, label, f"indeclinable {form!r} must be capitalised")
        countries[code] = record
    for code in EXTRA_CODES:
        if code not in countries or not countries[code]["name"]:
            raise CuratedDataError(path, f"countries.{code}", "non-ISO code needs a 'name'")

    cities: list[dict[str, Any]] = []
    for index, entry in enumerate(data["cities"] or []):
        label = f"cities[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise CuratedDataError(path, label, "each city needs a 'name'")
        label = f"cities[{index}] ({entry['name']})"
        unknown = set(entry) - CITY_KEYS
        if unknown:
            raise CuratedDataError(path, label, f"unknown keys {sorted(unknown)}")
        country = entry.get("country")
        if country not in countries:
            raise CuratedDataError(path, label, f"country {country!r} is not a known code "
                                   "(quote 'NO')")
        for key in ("capital", "genitive"):
            if key in entry and not isinstance(entry[key], bool):
                raise CuratedDataError(path, label, f"'{key}' must be true or false")
        cities.append(
            {
                "name": entry["name"],
                "country": country,
                "capital": entry.get("capital", False),
                "aliases": _string_list(entry.get("aliases"), path, label, "aliases"),
                "variants": _string_list(entry.get("variants"), path, label, "variants"),
                "genitive": entry.get("genitive", True),
                "valid_from": _iso_date(entry.get("valid_from"), path, label, "valid_from"),
                "valid_to": _iso_date(entry.get("valid_to"), path, label, "valid_to"),
            }
        )
    return {"articles": articles, "countries": countries, "cities": cities, "path": path}


def german_catalogue() -> gettext.NullTranslations:
    """pycountry's German translations of the ISO 3166-1 names."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])


def clean_iso_name(name: str) -> str | None:
    """An ISO list name as a name used in text, or None.

    "Falklandinseln (Malwinen)" -> "Falklandinseln"; inverted list forms ("Korea, Republik",
    "Iran, Islamische Republik") and names with inner parentheses ("Kokos-(Keeling-)Inseln") are
    dropped — the common or official name, or the curated file, gives their usable form.
    """
    name = re.sub(r"\s*\([^()]*\)$", "", name).strip()
    if "," in name or "(" in name or not name:
        return None
    return name


def pycountry_names(code: str, catalogue: gettext.NullTranslations) -> tuple[str | None, list[str]]:
    """(default preferred name, all usable German names) of one ISO country."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None, []
    raw = {attr: getattr(country, attr, None) for attr in ("common_name", "name", "official_name")}
    german = {
        attr: clean_iso_name(catalogue.gettext(value)) for attr, value in raw.items() if value
    }
    names = [n for n in (german.get("common_name"), german.get("name"),
                         german.get("official_name")) if n]
    preferred = german.get("common_name") or german.get("name")
    return preferred, list(dict.fromkeys(names))


# --------------------------------------------------------------------------------------------
# Building


def _ordered(preferred: str, forms: Iterable[str]) -> list[str]:
    """Deduplicated: the preferred name first, then the rest in a stable sort order."""
    rest = sorted(set(forms) - {preferred}, key=lambda s: (s.casefold(), s))
    return ([preferred] if preferred in forms else []) + rest


def build_countries(curated: dict[str, Any], catalogue: gettext.NullTranslations) -> list[dict]:
    path, articles = curated["path"], curated["articles"]
    codes = sorted({c.alpha_2 for c in pycountry.countries} | set(curated["countries"]))
    seen_article_names: set[str] = set()
    result = []
    for code in codes:
        extra = curated["countries"].get(code) or {
            "name": None, "names": [], "forms": [], "adjectives": [], "indeclinable": [],
            "exclude": [],
        }
        iso_preferred, iso_names = pycountry_names(code, catalogue)
        preferred = extra["name"] or iso_preferred
        if not preferred:
            raise CuratedDataError(path, f"countries.{code}",
                                   "pycountry gives no usable German name; add 'name'")
        base = list(dict.fromkeys([preferred, *extra["names"], *iso_names]))
        forms: set[str] = set(extra["forms"])
        for name in base:
            article = ARTICLE_KEYS.get(articles.get(name, ""), None)
            plural = articles.get(name) == "plural"
            seen_article_names.update({name} & set(articles))
            forms.add(name)
            for derived in (weak_form(name), genitive(name, article), plural_dative(name, plural)):
                if derived:
                    forms.add(derived)
        for excluded in extra["exclude"]:
            if excluded not in forms:
                raise CuratedDataError(path, f"countries.{code}.exclude",
                                       f"{excluded!r} is not generated; remove it from 'exclude'")
        forms -= set(extra["exclude"])
        names = _ordered(preferred, forms)
        if not names:
            raise CuratedDataError(path, f"countries.{code}", "every name is excluded")
        adjectives = [form for stem in extra["adjectives"] for form in inflect_adjective(stem)]
        adjectives += extra["indeclinable"]
        result.append(
            {
                "code": code,
                "name": preferred,
                "article": ARTICLE_KEYS.get(articles.get(preferred, ""), None),
                "plural": articles.get(preferred) == "plural",
                "names": names,
                "adjectives": adjectives,
            }
        )
    unused = set(articles) - seen_article_names
    if unused:
        raise CuratedDataError(path, "articles", f"names not used by any country: {sorted(unused)}")
    return result


def build_cities(curated: dict[str, Any]) -> list[dict]:
    path = curated["path"]
    result: dict[str, dict] = {}
    for city in curated["cities"]:
        city_id = f"{city['country']}:{city['name']}"
        if city_id in result:
            raise CuratedDataError(path, f"cities ({city_id})", "listed twice")
        forms = {city["name"], *city["aliases"], *city["variants"]}
        if city["genitive"]:
            for name in (city["name"], *city["aliases"]):
                derived = genitive(name, None, city=True)
                if derived:
                    forms.add(derived)
        result[city_id] = {
            "id": city_id,
            "name": city["name"],
            "country": city["country"],
            "kind": "city",
            "capital": city["capital"],
            "names": _ordered(city["name"], forms),
            "valid_from": city["valid_from"],
            "valid_to": city["valid_to"],
        }
    return [result[key] for key in sorted(result)]


def find_collisions(countries: Sequence[dict], cities: Sequence[dict]) -> list[str]:
    """Surface forms (compared case-insensitively) that point to more than one place."""
    owners: dict[str, set[str]] = {}
    for country in countries:
        for form in [*country["names"], *country["adjectives"]]:
            owners.setdefault(form.casefold(), set()).add(f"country {country['code']}")
    for city in cities:
        for form in city["names"]:
            owners.setdefault(form.casefold(), set()).add(f"city {city['id']}")
    return [f"{form!r} -> {sorted(who)}" for form, who in sorted(owners.items()) if len(who) > 1]


def build(curated_path: Path = CURATED_PATH) -> dict[str, list[dict]]:
    """The places gazetteer as plain data (``{"countries": [...], "cities": [...]}``)."""
    curated = load_curated(curated_path)
    countries = build_countries(curated, german_catalogue())
    cities = build_cities(curated)
    collisions = find_collisions(countries, cities)
    if collisions:
        raise CuratedDataError(curated_path, "surface forms",
                               "ambiguous, add to 'exclude' or rename: " + "; ".join(collisions))
    return {"countries": countries, "cities": cities}


# --------------------------------------------------------------------------------------------
# Output


class _Dumper(yaml.SafeDumper):
    """Block style for records, flow style for lists of strings."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(item, str) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def header() -> str:
    version = metadata.version("pycountry")
    return (
        f"# GENERATED by scripts/build_places.py from pycountry {version} + "
        "gazetteers/curated/places_extra.yaml — do not edit\n"
        "# Change gazetteers/curated/places_extra.yaml and run: python3 scripts/build_places.py\n"
    )


def render(data: dict[str, list[dict]]) -> str:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
                     default_flow_style=False)
    return header() + body


def generate_text(curated_path: Path = CURATED_PATH) -> str:
    """The exact text ``places.yaml`` should have."""
    return render(build(curated_path))


def check(output_path: Path = OUTPUT_PATH, curated_path: Path = CURATED_PATH) -> list[str]:
    """Unified diff between the committed file and a fresh build; empty when they agree."""
    expected = generate_text(curated_path)
    actual = output_path.read_text(encoding="utf-8") if output_path.exists() else ""
    if actual == expected:
        return []
    return list(
        difflib.unified_diff(actual.splitlines(), expected.splitlines(),
                             fromfile=f"{output_path} (committed)", tofile="generated", lineterm="")
    ) or [f"{output_path} differs from the generated text (line endings?)"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed places.yaml is out of date")
    parser.add_argument("--curated", type=Path, default=CURATED_PATH, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=OUTPUT_PATH, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.check:
            diff = check(args.output, args.curated)
            if diff:
                print("\n".join(diff[:60]), file=sys.stderr)
                print(f"\n{args.output} is out of date: run python3 scripts/build_places.py",
                      file=sys.stderr)
                return 1
            print(f"{args.output} is up to date")
            return 0
        data = build(args.curated)
        args.output.write_text(render(data), encoding="utf-8")
    except CuratedDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    adjectives = sum(len(c["adjectives"]) for c in data["countries"])
    print(f"wrote {args.output}: {len(data['countries'])} countries, {len(data['cities'])} cities, "
          f"{adjectives} adjective forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
