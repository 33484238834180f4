"""A year standing alone is a date when its context says so, and a count or name is not.

The sentences are written in the style of agency wires; each names the expected span, or none.
"""

from __future__ import annotations

from datetime import date

import pytest

from entityx.temporal import DateTagger, load_vocabulary

ANCHOR = date(2023, 5, 10)

YEARS = [
    ("Seit 2014 ist das Freihandelsabkommen in Kraft.", "2014"),
    ("Im Jahr 2016 übernahm Mirsijojew die Amtsgeschäfte.", "Jahr 2016"),
    ("Die Schweiz hatte den Vorsitz zuletzt 2014 inne.", "2014"),
    ("Hollande war 2014 nach Kasachstan gereist.", "2014"),
    ("Der Warenumsatz soll bis 2025 auf 500 Millionen Dollar steigen.", "2025"),
    ("Es ist sein erster Besuch in Minsk seit 2019.", "2019"),
    ("2019 wurde Tokajew zum Präsidenten gewählt.", "2019"),
    ("Der 2018 gewählte Premier reiste nach Moskau.", "2018"),
    ("Das Gipfeltreffen ist für 2027 vorgesehen, hieß es.", "2027"),
    ("Die Beziehungen (seit 1992 diplomatisch) gelten als eng.", "1992"),
    ("Nach dem Tod Karimows 2016 öffnete sich das Land.", "2016"),
    ("Er sagte, 2014 reiste die Kanzlerin zuletzt nach Minsk.", "2014"),
    ("Die Exporte legten 2023 um fast ein Drittel zu.", "2023"),
]

NOT_YEARS = [
    "Rund 2000 Soldaten nahmen an dem Manöver teil.",
    "Mehr als 1500 Menschen demonstrierten vor der Botschaft.",
    "Die Regierung schickt 2000 zusätzliche Kräfte an die Grenze.",
    "Die Resolution 2231 des Sicherheitsrats bleibt in Kraft.",
    "Die Agenda 2030 stand im Mittelpunkt der Beratungen.",
    "Das 2014er Abkommen wurde nie ratifiziert.",
    "Der Preis stieg um 2000 Euro.",
    "Die Delegation umfasste 2010 Teilnehmer aus 40 Ländern.",
    "Er nannte die Zahl 17 und dann die 2023.",
    "Die Behörde meldete 1998 Fälle im Bezirk.",
    "Die Liste umfasst bis zu 2000 Namen.",
    "Tel. 030-2022-2023, Fax 030 1234.",
    "Die Postleitzahl 1010 gehört zu Wien.",
]


@pytest.fixture(scope="module")
def tagger() -> DateTagger:
    return DateTagger()


@pytest.mark.parametrize(("sentence", "text"), YEARS)
def test_year_standing_alone_is_a_date(tagger: DateTagger, sentence: str, text: str) -> None:
    found = [e for e in tagger.find(sentence, ANCHOR) if e.granularity == "year"]
    assert [e.text for e in found] == [text]
    year = int(text[-4:])
    expression = found[0]
    assert sentence[expression.start:expression.end] == text
    assert (expression.value, expression.start_date, expression.end_date) == (
        f"{year}", date(year, 1, 1), date(year, 12, 31))
    assert "year_alone" in expression.flags  # ("seit 2014" is also the start of an open range)


@pytest.mark.parametrize("sentence", NOT_YEARS)
def test_counts_and_names_are_no_year(tagger: DateTagger, sentence: str) -> None:
    assert [e for e in tagger.find(sentence, ANCHOR) if e.granularity == "year"] == []


def test_a_longer_expression_keeps_its_year(tagger: DateTagger) -> None:
    found = tagger.find("Am 15. Mai 2023 und im Herbst 2022 war er in Minsk.", ANCHOR)
    assert [(e.text, e.granularity) for e in found] == [("15. Mai 2023", "day"), ("Herbst 2022", "season")]


def test_without_the_section_bare_years_are_off(tmp_path) -> None:
    source = load_vocabulary().source.read_text(encoding="utf-8")
    trimmed = source[: source.index("\nbare_years:")] + "\n"
    path = tmp_path / "vocabulary.yaml"
    path.write_text(trimmed, encoding="utf-8")
    assert DateTagger(path).find("Seit 2014 ist das Abkommen in Kraft.", ANCHOR) == []
    assert DateTagger().find("Seit 2014 ist das Abkommen in Kraft.", ANCHOR) != []
