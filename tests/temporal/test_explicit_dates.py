"""Explicit German dates and ranges: values, exact spans, flags, false positives, the seed."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from entityx.temporal import (
    DateTagger,
    TemporalExpression,
    VocabularyError,
    find_dates,
    load_vocabulary,
)
from entityx.temporal.vocabulary import DEFAULT_VOCABULARY_PATH

ANCHOR = date(2023, 5, 10)  # the date of the seed BelTA article
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "belta_2023-05-10.txt"


def _interval(text: str) -> tuple[date, date]:
    """Parse "2023-05-15/2023-05-17" into (start, end); a single ISO day is its own interval."""
    first, _, last = text.partition("/")
    return date.fromisoformat(first), date.fromisoformat(last or first)


# (sentence, span text, value); value is also start_date and end_date. Anchored at ANCHOR.
SINGLE_DAYS = [
    ("Der Besuch fand am 10. Mai 2023 in Minsk statt.", "10. Mai 2023", "2023-05-10"),
    ("Politik\n10 Mai 2023, 15:27\n\nBelarussischer Außenminister", "10 Mai 2023", "2023-05-10"),
    ("MOSKAU, 10. Mai (BelTA) - Der Minister wird erwartet.", "10. Mai", "2023-05-10"),
    ("Das Treffen ist für den 15.05.2023 in Brest geplant.", "15.05.2023", "2023-05-15"),
    ("Am 15.5.2023 reiste die Delegation nach Wien.", "15.5.2023", "2023-05-15"),
    ("Stand: 15.05.23, 12:00 Uhr", "15.05.23", "2023-05-15"),
    ("Das Archiv nennt den 15.05.99 als Gründungstag.", "15.05.99", "1999-05-15"),
    ("Veröffentlicht am 2023-05-15 um 09:30 Uhr.", "2023-05-15", "2023-05-15"),
    ("Flag Montag, 25 September 2023\nMinsk", "Montag, 25 September 2023", "2023-09-25"),
    ("Mittwoch, 10. Mai 2023 - Minsk", "Mittwoch, 10. Mai 2023", "2023-05-10"),
    (
        "Am Freitag, den 12. Mai 2023, unterzeichneten sie.",
        "Freitag, den 12. Mai 2023",
        "2023-05-12",
    ),
    ("Termin: Mo., 15.05.2023, Kanzleramt", "Mo., 15.05.2023", "2023-05-15"),
    ("Am 3. Januar 2024 trifft er den Kanzler.", "3. Januar 2024", "2024-01-03"),
    ("Am 3. Jänner 2024 besuchte der Kanzler Wien.", "3. Jänner 2024", "2024-01-03"),
    ("Die Delegation bleibt bis 12. Feber 2024 in Graz.", "12. Feber 2024", "2024-02-12"),
    ("Am 1. März kommt der Premier nach Minsk.", "1. März", "2023-03-01"),
    ("Am 1. Maerz 2022 wurde das Abkommen paraphiert.", "1. Maerz 2022", "2022-03-01"),
    ("Er landete am 7. Apr. 2023 in Paris.", "7. Apr. 2023", "2023-04-07"),
    ("Das Gipfeltreffen am 21. Jun. 2023 fiel aus.", "21. Jun. 2023", "2023-06-21"),
    ("Gespräche am 4. Jul 2023 in Genf.", "4. Jul 2023", "2023-07-04"),
    ("Der Minister reiste am 18. Aug. 2023 ab.", "18. Aug. 2023", "2023-08-18"),
    ("Seit dem 9. Sept. 2023 gilt die Vereinbarung.", "9. Sept. 2023", "2023-09-09"),
    ("Seit dem 9. Sep 2023 gilt die Vereinbarung.", "9. Sep 2023", "2023-09-09"),
    ("Am 30. Okt. 2023 tagt der Rat.", "30. Okt. 2023", "2023-10-30"),
    ("Ab dem 11. Nov. 2023 gelten neue Regeln.", "11. Nov. 2023", "2023-11-11"),
    ("Am 24. Dez. 2023 blieb die Botschaft geschlossen.", "24. Dez. 2023", "2023-12-24"),
    ("Bis zum 12. Febr. 2024 läuft die Frist.", "12. Febr. 2024", "2024-02-12"),
    ("Am 2. Feb 2024 reiste er nach Kiew.", "2. Feb 2024", "2024-02-02"),
    ("Am 12. Mär. 2024 begann die Sitzung.", "12. Mär. 2024", "2024-03-12"),
    ("Am 10.Mai 2023 kam es zum Treffen.", "10.Mai 2023", "2023-05-10"),
    ("Ab dem 1. Oktober gilt das neue Visaregime.", "1. Oktober", "2023-10-01"),
    ("STAND: 10. MAI 2023", "10. MAI 2023", "2023-05-10"),
    ("Zum 25. Jubiläum am 25. Mai 2023 kamen Gäste.", "25. Mai 2023", "2023-05-25"),
]

# (sentence, span text, "start/end"); value is the start. Anchored at ANCHOR.
RANGES = [
    ("Er ist vom 15. bis 17. Mai in Moskau.", "15. bis 17. Mai", "2023-05-15/2023-05-17"),
    ("Der Besuch vom 15.-17. Mai wurde bestätigt.", "15.-17. Mai", "2023-05-15/2023-05-17"),
    ("Außenminister ist am 15-17. Mai in Russland", "15-17. Mai", "2023-05-15/2023-05-17"),
    ("Sie tagt 15. bis 17. Mai 2023 in Minsk.", "15. bis 17. Mai 2023", "2023-05-15/2023-05-17"),
    (
        "Er reist vom 30. April bis 2. Mai nach Peking.",
        "30. April bis 2. Mai",
        "2023-04-30/2023-05-02",
    ),
    ("Die Messe dauert 15. bis 17.05.2023.", "15. bis 17.05.2023", "2023-05-15/2023-05-17"),
    ("vom 29. August bis 1. September", "29. August bis 1. September", "2023-08-29/2023-09-01"),
    ("vom 28. Dezember bis 2. Januar zu", "28. Dezember bis 2. Januar", "2023-12-28/2024-01-02"),
    ("vom 28. Dez. bis 2. Jan. 2024 zu", "28. Dez. bis 2. Jan. 2024", "2023-12-28/2024-01-02"),
    ("Manöver 15.05.–17.05.2023 bei Brest", "15.05.–17.05.2023", "2023-05-15/2023-05-17"),
    ("Gespräche vom 15. bis zum 17. Mai.", "15. bis zum 17. Mai", "2023-05-15/2023-05-17"),
    ("Das Forum läuft 15.–17. Mai 2023.", "15.–17. Mai 2023", "2023-05-15/2023-05-17"),
    ("Tagung 15. – 17. Mai in Wien", "15. – 17. Mai", "2023-05-15/2023-05-17"),
    (
        "vom 30. April 2022 bis 2. Mai 2023",
        "30. April 2022 bis 2. Mai 2023",
        "2022-04-30/2023-05-02",
    ),
    ("Zeitraum 15.05.2023 - 17.05.2023", "15.05.2023 - 17.05.2023", "2023-05-15/2023-05-17"),
    ("vom 15.5. bis 17.5.2023 in Sotschi", "15.5. bis 17.5.2023", "2023-05-15/2023-05-17"),
    ("Mo, 15. bis Mi, 17. Mai 2023", "Mo, 15. bis Mi, 17. Mai 2023", "2023-05-15/2023-05-17"),
    (
        "vom 15. bis einschließlich 17. Mai",
        "15. bis einschließlich 17. Mai",
        "2023-05-15/2023-05-17",
    ),
    ("Vom 1. bis 3. März 2024 tagt der Rat.", "1. bis 3. März 2024", "2024-03-01/2024-03-03"),
    ("Vom 31. Mai bis 2. Juni besucht er Baku.", "31. Mai bis 2. Juni", "2023-05-31/2023-06-02"),
    ("Ein Besuch vom 15-17 Mai ist geplant.", "15-17 Mai", "2023-05-15/2023-05-17"),
    ("Sitzungen 15.-17.05. im Kreml", "15.-17.05.", "2023-05-15/2023-05-17"),
]

# "X. und Y. Monat": read as a range from X to Y, flagged as a conjunction.
CONJUNCTIONS = [
    ("Gespräche zwischen dem 3. und 5. Juni", "3. und 5. Juni", "2023-06-03/2023-06-05"),
    ("Am 15. und 16. Mai ist er in Moskau.", "15. und 16. Mai", "2023-05-15/2023-05-16"),
    ("Am 15. und 17. Mai ist der Minister dort.", "15. und 17. Mai", "2023-05-15/2023-05-17"),
    ("am 15.05.23 und 16.05.23 in Minsk", "15.05.23 und 16.05.23", "2023-05-15/2023-05-16"),
]

# (sentence, span text, value, "start/end")
MONTHS = [
    ("Im Mai 2023 besuchte er Peking.", "Mai 2023", "2023-05", "2023-05-01/2023-05-31"),
    ("Im September 2022 wurde verhandelt.", "September 2022", "2022-09", "2022-09-01/2022-09-30"),
    ("Bis Februar 2024 soll es stehen.", "Februar 2024", "2024-02", "2024-02-01/2024-02-29"),
    ("Seit Dez. 2021 ruht der Dialog.", "Dez. 2021", "2021-12", "2021-12-01/2021-12-31"),
    ("Im Jänner 2020 begann die Pandemie.", "Jänner 2020", "2020-01", "2020-01-01/2020-01-31"),
]

# (sentence, span text, value, "start/end")
YEAR_RANGES = [
    ("des Unionsstaatsvertrags 2022-2023 umgesetzt", "2022-2023", "2022", "2022-01-01/2023-12-31"),
    ("In den Jahren 2019–2021 stockte der Handel.", "2019–2021", "2019", "2019-01-01/2021-12-31"),
]

# Sentences with nothing to tag (including deliberate gaps, see the comments).
NOT_DATES = [
    "Die Delegation kam so schnell wie möglich, die Gespräche begannen sofort.",
    "Mai Thi Nguyen erklärte die Studie im Fernsehen.",
    "Der Schriftsteller Karl Mai wurde geehrt.",
    "Er nannte die Zahl 17 und dann die 2023.",
    "Der 17. Parteitag der KPCh beginnt.",
    "Das Spiel endete 3:1 nach Verlängerung.",
    "Laut Artikel 5 des Vertrags besteht Beistandspflicht.",
    "Um 15:27 begann die Sitzung.",
    "Installiert sind Version 2.1.3 und Python 3.10.12.",
    "Rund 1.000 Soldaten nahmen an der Übung teil.",
    "Das Datum 32.13.2023 gibt es nicht.",
    "Gemäß Ziffer 1.2. und Abschnitt 3.4.5 des Abkommens.",  # day.month without year: not alone
    "Der Zähler sprang von 2023-2022 zurück.",  # backwards year range
    "Tel. 030-2022-2023, Fax 030 1234.",
    "Die Minister, die Mo und Di tagten, so hieß es.",
]


def _only(tagger: DateTagger, sentence: str, anchor: date | None = ANCHOR) -> TemporalExpression:
    found = tagger.find(sentence, anchor)
    assert len(found) == 1, found
    return found[0]


def _check_span(sentence: str, expression: TemporalExpression, text: str) -> None:
    assert expression.text == text
    assert expression.start == sentence.index(text)
    assert sentence[expression.start : expression.end] == text


@pytest.mark.parametrize(("sentence", "text", "value"), SINGLE_DAYS)
def test_single_day(tagger: DateTagger, sentence: str, text: str, value: str) -> None:
    expression = _only(tagger, sentence)
    _check_span(sentence, expression, text)
    day = date.fromisoformat(value)
    assert (expression.value, expression.start_date, expression.end_date) == (value, day, day)
    assert expression.granularity == "day"
    # "ab dem"/"seit dem" and "bis zum" make a day one end of an open range (test_relative.py).
    before = sentence[: expression.start]
    expected = (
        ("start_only",) if re.search(r"\b(?:Ab|Seit)(?: dem)? $", before)
        else ("end_only",) if re.search(r"\b[Bb]is(?: zum)? $", before)
        else ()
    )
    assert expression.flags == expected


@pytest.mark.parametrize(("sentence", "text", "interval"), RANGES)
def test_day_range(tagger: DateTagger, sentence: str, text: str, interval: str) -> None:
    expression = _only(tagger, sentence)
    _check_span(sentence, expression, text)
    start, end = _interval(interval)
    assert (expression.value, expression.start_date, expression.end_date) == (
        start.isoformat(),
        start,
        end,
    )
    assert (expression.granularity, expression.flags) == ("day_range", ())


@pytest.mark.parametrize(("sentence", "text", "interval"), CONJUNCTIONS)
def test_conjunction_is_flagged_range(
    tagger: DateTagger, sentence: str, text: str, interval: str
) -> None:
    expression = _only(tagger, sentence)
    _check_span(sentence, expression, text)
    assert (expression.start_date, expression.end_date) == _interval(interval)
    assert (expression.granularity, expression.flags) == ("day_range", ("conjunction",))


@pytest.mark.parametrize(
    ("sentence", "text", "value", "interval", "granularity"),
    [(*row, "month") for row in MONTHS] + [(*row, "year_range") for row in YEAR_RANGES],
)
def test_month_and_year_range(
    tagger: DateTagger, sentence: str, text: str, value: str, interval: str, granularity: str
) -> None:
    expression = _only(tagger, sentence)
    _check_span(sentence, expression, text)
    assert (expression.value, expression.granularity) == (value, granularity)
    assert (expression.start_date, expression.end_date) == _interval(interval)


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_no_false_positives(tagger: DateTagger, sentence: str) -> None:
    assert tagger.find(sentence, ANCHOR) == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "granularity"),
    [
        ("Am 10. Mai trafen sie sich.", "10. Mai", "XXXX-05-10", "day"),
        ("Er ist vom 15. bis 17. Mai in Moskau.", "15. bis 17. Mai", "XXXX-05-15", "day_range"),
        (
            "Urlaub vom 28. Dezember bis 2. Januar geplant.",
            "28. Dezember bis 2. Januar",
            "XXXX-12-28",
            "day_range",
        ),
    ],
)
def test_no_anchor_leaves_year_open(
    tagger: DateTagger, sentence: str, text: str, value: str, granularity: str
) -> None:
    expression = _only(tagger, sentence, anchor=None)
    _check_span(sentence, expression, text)
    assert (expression.value, expression.start_date, expression.end_date) == (value, None, None)
    assert (expression.granularity, expression.flags) == (granularity, ())


def test_written_year_needs_no_anchor(tagger: DateTagger) -> None:
    assert _only(tagger, "am 15.05.2023", anchor=None).start_date == date(2023, 5, 15)
    assert _only(tagger, "im Mai 2023", anchor=None).end_date == date(2023, 5, 31)


def test_anchor_supplies_year(tagger: DateTagger) -> None:
    found = _only(tagger, "Am 5. Juni traf er Putin.", anchor=date(2021, 6, 1))
    assert found.start_date == date(2021, 6, 5)
    # The year is chosen near the anchor: January in a December article is the next January.
    assert _only(tagger, "Am 10. Januar reist er.", anchor=date(2023, 12, 20)).value == "2024-01-10"


# (sentence, span text, value, flags, "start/end" or None when the dates must stay unset)
FLAGGED = [
    ("Der 31. Februar 2023 fällt aus.", "31. Februar 2023", "2023-02-31", ("invalid_date",), None),
    ("am 31. Februar", "31. Februar", "2023-02-31", ("invalid_date",), None),
    ("Frist: 30.02.2024", "30.02.2024", "2024-02-30", ("invalid_date",), None),
    ("Datum 2023-02-30 im Protokoll", "2023-02-30", "2023-02-30", ("invalid_date",), None),
    ("vom 29. Februar bis 1. März 2023", "29. Februar bis 1. März 2023", "2023-02-29",
     ("invalid_date",), None),
    ("vom 17. bis 15. Mai", "17. bis 15. Mai", "2023-05-17", ("reversed_range",), None),
    ("vom 17. Mai bis 15. Mai 2023", "17. Mai bis 15. Mai 2023", "2023-05-17",
     ("reversed_range",), None),
    ("am 16. und 15. Mai", "16. und 15. Mai", "2023-05-16",
     ("reversed_range", "conjunction"), None),
    ("Urkunde vom 15.05.1850", "15.05.1850", "1850-05-15", ("implausible_year",), "1850-05-15"),
    ("am 10. Mai 2323 geplant", "10. Mai 2323", "2323-05-10", ("implausible_year",), "2323-05-10"),
    ("Dienstag, 25. September 2023", "Dienstag, 25. September 2023", "2023-09-25",
     ("weekday_mismatch",), "2023-09-25"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value", "flags", "interval"), FLAGGED)
def test_flags_instead_of_wrong_dates(
    tagger: DateTagger,
    sentence: str,
    text: str,
    value: str,
    flags: tuple[str, ...],
    interval: str | None,
) -> None:
    expression = _only(tagger, sentence)
    _check_span(sentence, expression, text)
    assert (expression.value, expression.flags) == (value, flags)
    dates = (expression.start_date, expression.end_date)
    assert dates == (_interval(interval) if interval else (None, None))


def test_reversed_range_without_anchor_is_still_flagged(tagger: DateTagger) -> None:
    assert _only(tagger, "vom 17. bis 15. Mai", anchor=None).flags == ("reversed_range",)


def test_several_expressions_sorted_and_disjoint(tagger: DateTagger) -> None:
    text = "Nach dem 10. Mai 2023 folgt vom 15. bis 17. Mai ein Besuch; im Juni 2023 Minsk."
    found = tagger.find(text, ANCHOR)
    assert [e.text for e in found] == ["10. Mai 2023", "15. bis 17. Mai", "Juni 2023"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[e.start : e.end] == e.text for e in found)


def test_to_dict_is_json_safe(tagger: DateTagger) -> None:
    expression = _only(tagger, "am 16. und 15. Mai")
    assert json.loads(json.dumps(expression.to_dict())) == {
        "start": 3,
        "end": 18,
        "text": "16. und 15. Mai",
        "value": "2023-05-16",
        "start_date": None,
        "end_date": None,
        "granularity": "day_range",
        "flags": ["reversed_range", "conjunction"],
    }
    assert _only(tagger, "am 15. Mai").to_dict()["start_date"] == "2023-05-15"


def test_record_is_frozen(tagger: DateTagger) -> None:
    expression = _only(tagger, "am 15. Mai")
    with pytest.raises(dataclasses.FrozenInstanceError):
        expression.value = "2024-01-01"  # type: ignore[misc]


def test_empty_text_gives_empty_list(tagger: DateTagger) -> None:
    assert tagger.find("") == []
    assert find_dates("kein Datum") == []


def test_wrong_input_types_raise_type_error(tagger: DateTagger) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        tagger.find(b"10. Mai 2023")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"date\.fromisoformat"):
        tagger.find("10. Mai", anchor="2023-05-10")  # type: ignore[arg-type]


def test_find_dates_matches_tagger_and_accepts_datetime(tagger: DateTagger) -> None:
    from datetime import datetime

    text = "MOSKAU, 10. Mai (BelTA) - vom 15. bis 17. Mai"
    assert find_dates(text, ANCHOR) == tagger.find(text, ANCHOR)
    assert find_dates(text, datetime(2023, 5, 10, 15, 27)) == tagger.find(text, ANCHOR)


# --- the seed article --------------------------------------------------------------------


def test_seed_article(tagger: DateTagger) -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    found = tagger.find(text, ANCHOR)
    assert all(text[e.start : e.end] == e.text for e in found)
    assert [(e.text, e.granularity, e.start_date, e.end_date) for e in found] == [
        (text, granularity, *_interval(interval))
        for text, granularity, interval in [
            ("Montag, 25 September 2023", "day", "2023-09-25"),
            ("10 Mai 2023", "day", "2023-05-10"),
            ("15-17. Mai", "day_range", "2023-05-15/2023-05-17"),
            ("10. Mai", "day", "2023-05-10"),
            ("15. bis 17. Mai", "day_range", "2023-05-15/2023-05-17"),
            ("15. und 17. Mai", "day_range", "2023-05-15/2023-05-17"),
            ("vierten Quartal dieses Jahres", "quarter", "2023-10-01/2023-12-31"),
            ("Jahr 2023", "year", "2023-01-01/2023-12-31"),  # "OVKS-Präsidentschaft im Jahr 2023"
            ("2022-2023", "year_range", "2022-01-01/2023-12-31"),
        ]
    ]
    assert found[1].start == text.index("10 Mai 2023, 15:27")  # the time is not part of the span


# --- the vocabulary -----------------------------------------------------------------------


def test_shipped_vocabulary_has_the_variants_news_uses() -> None:
    vocabulary = load_vocabulary()
    forms = {form for _, month_forms in vocabulary.months for form in month_forms}
    assert {"Jänner", "Feber", "Maerz", "Febr.", "Sept.", "Sept", "Mär.", "Okt", "Dez."} <= forms
    assert [number for number, _ in vocabulary.months] == list(range(1, 13))
    assert [number for number, _ in vocabulary.weekdays] == list(range(1, 8))
    assert dict(vocabulary.ordinals)[31] == ("einunddreißigsten",)
    assert "und" in vocabulary.conjunctions and "bis zum" in vocabulary.through_connectors
    assert {"am", "vom", "zwischen dem", "ab dem", "bis zum"} <= set(vocabulary.prepositions)


def test_vocabulary_is_data_not_code(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_text(
        DEFAULT_VOCABULARY_PATH.read_text(encoding="utf-8").replace(
            "  5: [Mai]", "  5: [Mai, Wonnemonat]"
        ),
        encoding="utf-8",
    )
    found = DateTagger(path).find("Am 1. Wonnemonat 2023 feierten sie.")
    assert [(e.text, e.value) for e in found] == [("1. Wonnemonat 2023", "2023-05-01")]


@pytest.mark.parametrize(
    ("old", "new", "entry"),
    [
        ("  12: [Dezember, Dez., Dez]", "  13: [Dezember, Dez., Dez]", "months[13]"),
        ("  12: [Dezember, Dez., Dez]", "  12: [Dezember, Dez., Dez, Mai]", "months[12]"),
        ("  4: [April, Apr., Apr]", "  4: [April, '', Apr]", "months[4]"),
        ("  5: [Mai]", "  5: []", "months[5]"),
        ("  3: dritten", "  3: 3", "ordinals[3]"),
        ("  conjunction: [und]", "  und: [und]", "range_connectors"),
        ("prepositions:", "praepositionen:", "praepositionen"),
        ("  1: [Montag, Mo., Mo]", "", "weekdays[1]"),
        ("  month: {start: [1, 10]", "  month: {start: [10, 1]", "part_bounds.month.start"),
        ("  WI: [12, 2]", "  WI: [12, 13]", "season_months.WI"),
        ("  1: [nächst, kommend]", "  2: [nächst, kommend]", "deixis[2]"),
        ("  start_only: [ab,", "  from: [ab,", "open_ranges['from']"),
        ("  3: dritten", "  3: drittens", "ordinals[3]"),
    ],
)
def test_vocabulary_errors_name_file_and_entry(
    tmp_path: Path, old: str, new: str, entry: str
) -> None:
    source = DEFAULT_VOCABULARY_PATH.read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "broken.yaml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        DateTagger(path)
    assert caught.value.entry == entry
    assert str(path) in str(caught.value) and entry in str(caught.value)


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    shutil.copy(DEFAULT_VOCABULARY_PATH, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("  6: "))
    lines[number] = "  6: [Juni, Jun., Jun"  # unclosed list
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"broken\.yaml: line \d+, column \d+: invalid YAML"):
        load_vocabulary(path)


def test_missing_vocabulary_file(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match=r"missing\.yaml: file: cannot be read"):
        load_vocabulary(tmp_path / "missing.yaml")
