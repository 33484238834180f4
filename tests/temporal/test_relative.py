"""Relative, fuzzy and vague expressions, durations, tense and open ranges."""

from __future__ import annotations

import re
from datetime import date

import pytest

from entityx.temporal import DateTagger, TemporalExpression, apply_duration

WED = date(2023, 5, 10)  # a Wednesday, ISO week 19


def _only(tagger: DateTagger, sentence: str, anchor: date | None = WED) -> TemporalExpression:
    found = tagger.find(sentence, anchor)
    assert len(found) == 1, found
    assert sentence[found[0].start : found[0].end] == found[0].text
    return found[0]


# (sentence, span, value, "start/end" or "" for no dates, granularity)
CASES = [
    # relative days, with parts of the day
    ("Er ist heute in Brüssel.", "heute", "2023-05-10", "2023-05-10", "day"),
    ("Gestern unterzeichneten sie.", "Gestern", "2023-05-09", "2023-05-09", "day"),
    ("Er reist morgen ab.", "morgen", "2023-05-11", "2023-05-11", "day"),
    ("Sie landen übermorgen.", "übermorgen", "2023-05-12", "2023-05-12", "day"),
    ("Wie vorgestern bekannt wurde.", "vorgestern", "2023-05-08", "2023-05-08", "day"),
    ("Er wird heute Abend empfangen.", "heute Abend", "2023-05-10TEV", "2023-05-10", "day"),
    ("Sie reist morgen früh weiter.", "morgen früh", "2023-05-11TMO", "2023-05-11", "day"),
    ("Am heutigen Mittwoch beginnt es.", "heutigen Mittwoch", "2023-05-10", "2023-05-10", "day"),
    # weekdays: deixis, tense, parts of the day, the week after
    ("Am kommenden Montag empfängt er Gäste.", "kommenden Montag", "2023-05-15", "2023-05-15", "day"),
    ("Vergangenen Freitag hatte sie gesprochen.", "Vergangenen Freitag", "2023-05-05", "2023-05-05", "day"),
    ("Am nächsten Mittwoch tagt der Rat.", "nächsten Mittwoch", "2023-05-17", "2023-05-17", "day"),
    ("Er wird am Mittwochabend essen.", "Mittwochabend", "2023-05-10TEV", "2023-05-10", "day"),
    ("Am Dienstagnachmittag traf er Wang.", "Dienstagnachmittag", "2023-05-09TAF", "2023-05-09", "day"),
    ("Am Dienstag nächster Woche tagt er.", "Dienstag nächster Woche", "2023-05-16", "2023-05-16", "day"),
    ("Von Montag bis Mittwoch ist er dort.", "Montag bis Mittwoch", "2023-05-15", "2023-05-15/2023-05-17", "day_range"),
    # weeks, weekends, months, quarters, half-years, years
    ("Der Gipfel ist nächste Woche.", "nächste Woche", "2023-W20", "2023-05-15/2023-05-21", "week"),
    ("Sie ist diese Woche dort.", "diese Woche", "2023-W19", "2023-05-08/2023-05-14", "week"),
    ("In der vergangenen Woche beriet man.", "vergangenen Woche", "2023-W18", "2023-05-01/2023-05-07", "week"),
    ("Am Wochenende wollen sie reden.", "Wochenende", "2023-W19-WE", "2023-05-13/2023-05-14", "week"),
    ("Im vergangenen Monat sank sie.", "vergangenen Monat", "2023-04", "2023-04-01/2023-04-30", "month"),
    ("Nächstes Jahr geht es los.", "Nächstes Jahr", "2024", "2024-01-01/2024-12-31", "year"),
    ("Im Vorjahr war es anders.", "Vorjahr", "2022", "2022-01-01/2022-12-31", "year"),
    ("Es soll im vierten Quartal dieses Jahres sein.", "vierten Quartal dieses Jahres", "2023-Q4", "2023-10-01/2023-12-31", "quarter"),
    ("Im ersten Halbjahr 2024 fertig.", "ersten Halbjahr 2024", "2024-H1", "2024-01-01/2024-06-30", "half_year"),
    ("Prototyp Q3 2023 fertig.", "Q3 2023", "2023-Q3", "2023-07-01/2023-09-30", "quarter"),
    # parts of periods (Anfang 1-10, Mitte 11-20, Ende 21-end; weeks Mo-Di, Mi-Do, Fr-So)
    ("Anfang Juni reist er.", "Anfang Juni", "2023-06", "2023-06-01/2023-06-10", "month"),
    ("Mitte Juni wird gewählt.", "Mitte Juni", "2023-06", "2023-06-11/2023-06-20", "month"),
    ("Ende Juni ist Schluss.", "Ende Juni", "2023-06", "2023-06-21/2023-06-30", "month"),
    ("Ende Februar 2024 endet es.", "Ende Februar 2024", "2024-02", "2024-02-21/2024-02-29", "month"),
    ("Es kommt Mitte nächster Woche.", "Mitte nächster Woche", "2023-W20", "2023-05-17/2023-05-18", "week"),
    ("Bis Ende des Jahres ratifiziert.", "Ende des Jahres", "2023", "2023-09-01/2023-12-31", "year"),
    ("Bericht zum Jahresende erwartet.", "Jahresende", "2023", "2023-09-01/2023-12-31", "year"),
    ("Anfang nächsten Jahres in Kraft.", "Anfang nächsten Jahres", "2024", "2024-01-01/2024-04-30", "year"),
    ("Die Regierung erwartet Ende 2023 Geld.", "Ende 2023", "2023", "2023-09-01/2023-12-31", "year"),
    # months and seasons without a day
    ("Im Juli wird er reisen.", "Juli", "2023-07", "2023-07-01/2023-07-31", "month"),
    ("Im Jänner wird er nach Wien reisen.", "Jänner", "2024-01", "2024-01-01/2024-01-31", "month"),
    ("Im Mai des vergangenen Jahres war er dort.", "Mai des vergangenen Jahres", "2022-05", "2022-05-01/2022-05-31", "month"),
    ("Von Mai bis Juli sind Manöver.", "Mai bis Juli", "2023-05", "2023-05-01/2023-07-31", "month_range"),
    ("Im Herbst sollen sie weiterreden.", "Herbst", "2023-FA", "2023-09-01/2023-11-30", "season"),
    ("Im kommenden Winter drohen Engpässe.", "kommenden Winter", "2023-WI", "2023-12-01/2024-02-29", "season"),
    ("Im Frühjahr 2024 fertig.", "Frühjahr 2024", "2024-SP", "2024-03-01/2024-05-31", "season"),
    # counted offsets (point at the unit's granularity)
    ("Er wird in zwei Wochen reisen.", "in zwei Wochen", "2023-W21", "2023-05-22/2023-05-28", "week"),
    ("Vor drei Tagen brach er auf.", "Vor drei Tagen", "2023-05-07", "2023-05-07", "day"),
    ("Das war vor zwei Jahren.", "vor zwei Jahren", "2021", "2021-01-01/2021-12-31", "year"),
    # ordinal words
    ("Am ersten Juni übernimmt sie.", "ersten Juni", "2023-06-01", "2023-06-01", "day"),
    ("Am Ersten Mai 2024 wird demonstriert.", "Ersten Mai 2024", "2024-05-01", "2024-05-01", "day"),
    # vague
    ("Die Inflation ist derzeit rückläufig.", "derzeit", "PRESENT_REF", "2023-05-10", "vague"),
    ("Ein Treffen ist demnächst geplant.", "demnächst", "FUTURE_REF", "", "vague"),
    ("Er hatte sich kürzlich geäußert.", "kürzlich", "PAST_REF", "", "vague"),
    ("In den kommenden Tagen mehr.", "kommenden Tagen", "FUTURE_REF", "2023-05-11/2023-05-17", "vague"),
    ("In den vergangenen Wochen eskalierte es.", "vergangenen Wochen", "PAST_REF", "2023-04-12/2023-05-09", "vague"),
    # durations
    ("Er kommt zu einem zweitägigen Besuch.", "zweitägigen", "P2D", "", "duration"),
    ("Ein dreitägiger Besuch ist geplant.", "dreitägiger", "P3D", "", "duration"),
    ("Der 4-tägige Besuch endet.", "4-tägige", "P4D", "", "duration"),
    ("Die Gespräche dauerten drei Tage.", "drei Tage", "P3D", "", "duration"),
    ("Sie bleibt eine Woche.", "eine Woche", "P1W", "", "duration"),
    ("Die Mission ist auf sechs Monate angelegt.", "sechs Monate", "P6M", "", "duration"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value", "interval", "granularity"), CASES)
def test_relative_expression(
    tagger: DateTagger, sentence: str, text: str, value: str, interval: str, granularity: str
) -> None:
    expression = _only(tagger, sentence)
    assert (expression.text, expression.value, expression.granularity) == (text, value, granularity)
    if interval:
        first, _, last = interval.partition("/")
        dates = (date.fromisoformat(first), date.fromisoformat(last or first))
    else:
        dates = (None, None)
    assert (expression.start_date, expression.end_date) == dates


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # future and present point forward (on or after the document date), past backward
        ("Der Kanzler wird am Montag nach Paris reisen.", "2023-05-15"),
        ("Der Kanzler reist am Montag nach Paris.", "2023-05-15"),
        ("Der Kanzler reiste am Montag nach Paris.", "2023-05-08"),
        ("Der Kanzler hat am Montag den Präsidenten getroffen.", "2023-05-08"),
        ("Die Ministerin reist am Mittwoch nach Prag.", "2023-05-10"),  # same weekday: that day
        ("Der Besuch ist für Donnerstag geplant.", "2023-05-11"),
        # a reporting verb counts in its own clause only
        ("Der Minister sagte am Montag, die Gespräche seien gut.", "2023-05-08"),
        ("Am Montag reist der Minister nach Moskau, sagte ein Sprecher.", "2023-05-15"),
        ("Am Donnerstag wird er reisen, hat ein Sprecher mitgeteilt.", "2023-05-11"),
        # "seit" points back
        ("Seit Montag gilt eine verschärfte Kontrolle.", "2023-05-08"),
        # a weak preterite no list names is past; -te adjectives and -ten present forms are not
        ("In Belgrad versicherte der Präsident am Montag, er bleibe hart.", "2023-05-08"),
        ("Am Montag tauchte der Präsident überraschend in Dschidda auf.", "2023-05-08"),
        ("Die angekündigte Runde beginnt am Montag in Genf.", "2023-05-15"),
        ("Die Zölle treten am Montag in Kraft.", "2023-05-15"),
        ("Die letzte Runde findet am Montag statt.", "2023-05-15"),
    ],
)
def test_tense_decides_weekday(tagger: DateTagger, sentence: str, value: str) -> None:
    assert _only(tagger, sentence).value == value


def test_each_clause_has_its_own_tense(tagger: DateTagger) -> None:
    found = tagger.find("Der Minister, der am Montag in Minsk war, wird am Dienstag reisen.", WED)
    assert [e.value for e in found] == ["2023-05-08", "2023-05-16"]


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        ("Am 10. Januar reist er.", date(2023, 12, 20), "2024-01-10"),
        ("Im Oktober hatte der Präsident Astana besucht.", WED, "2022-10"),
        ("Im Oktober wird der Präsident Astana besuchen.", WED, "2023-10"),
        ("Im November wählen die Amerikaner.", date(2024, 3, 12), "2024-11"),
        ("Im Dezember hatte die EU beschlossen.", date(2024, 3, 12), "2023-12"),
        ("Die Frist wurde auf den 30. Juni verschoben.", date(2024, 3, 12), "2024-06-30"),
        # a year-end review: past clauses reach back almost a year, not into the next January
        ("Den Auftakt machte der Präsident am 30. Januar in Harare.", date(2023, 12, 28), "2023-01-30"),
        ("Im Februar folgten Gespräche in Peking.", date(2023, 12, 28), "2023-02"),
        ("Am 30. Juni reiste er nach Minsk.", date(2023, 5, 10), "2022-06-30"),
        ("Am 5. Juni reiste er nach Minsk.", date(2023, 5, 28), "2023-06-05"),  # a late-dated copy
        # what was announced or agreed may lie ahead
        ("Beide Seiten vereinbarten, sich im Herbst erneut zu treffen.", date(2023, 5, 10), "2023-FA"),
        ("Die Frist wurde bis zum 30. April verlängert.", date(2024, 3, 12), "2024-04-30"),
        # a present-tense clause of its own points forward whatever the sentence's past
        ("Aliyev lud zur Konferenz ein, die am Montag in Baku beginnt.", date(2024, 11, 6), "2024-11-11"),
        ("vom 28. Dezember bis 2. Januar", WED, "2023-12-28"),
        ("Im Sommer hatte er Afrika bereist.", date(2023, 12, 20), "2023-SU"),
        ("Im Sommer finden die Spiele statt.", date(2023, 12, 20), "2024-SU"),
    ],
)
def test_year_is_chosen_by_tense(
    tagger: DateTagger, sentence: str, anchor: date, value: str
) -> None:
    assert _only(tagger, sentence, anchor).value == value


@pytest.mark.parametrize(
    ("sentence", "text", "flag"),
    [
        ("Die Frist läuft bis zum 17. Mai.", "17. Mai", "end_only"),
        ("Ab dem 15. Mai gilt die Regel.", "15. Mai", "start_only"),
        ("Seit dem 6. Mai gilt die Waffenruhe.", "6. Mai", "start_only"),
        ("Die Grenze bleibt bis Montag geschlossen.", "Montag", "end_only"),
        ("Bis Ende Mai soll es fertig sein.", "Ende Mai", "end_only"),
        ("Das Abkommen gilt ab Juni.", "Juni", "start_only"),
    ],
)
def test_open_range_flags(tagger: DateTagger, sentence: str, text: str, flag: str) -> None:
    expression = _only(tagger, sentence)
    assert expression.text == text and flag in expression.flags


def test_range_is_not_flagged_open(tagger: DateTagger) -> None:
    assert _only(tagger, "ab dem 15. bis 17. Mai").flags == ()


def test_flags_for_parts_and_relative(tagger: DateTagger) -> None:
    assert _only(tagger, "Ende Mai").flags == ("relative", "mod_end")
    assert _only(tagger, "Ende Mai 2024").flags == ("mod_end",)
    assert _only(tagger, "am kommenden Montag").flags == ("relative",)
    assert _only(tagger, "am 15. und 16. Mai").flags == ("conjunction",)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("am Montag", "XXXX-WXX-1"),
        ("im Mai", "XXXX-05"),
        ("Anfang Juni", "XXXX-06"),
        ("im Herbst", "XXXX-FA"),
        ("im vierten Quartal", "XXXX-Q4"),
        ("heute", "XXXX-XX-XX"),
        ("drei Tage", "P3D"),
        ("Ende 2023", "2023"),
    ],
)
def test_without_anchor_no_dates_are_guessed(tagger: DateTagger, sentence: str, value: str) -> None:
    expression = _only(tagger, sentence, anchor=None)
    assert expression.value == value
    assert (expression.start_date is None) == (value != "2023")
    assert "relative" not in expression.flags


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Familie Sommer betreibt ein Hotel.",
        "Der Abgeordnete Winter stimmte dagegen.",
        "Mai Thi Nguyen-Kim moderierte.",
        "Eines Tages wird er zurückkehren.",
        "Am Morgen sprach der Minister.",  # "Morgen" is the morning, not tomorrow
        "Das Ende der Debatte kam schnell.",
        "Die Mitte des Saales blieb leer.",
        "Die Firma Herbst & Partner klagt.",
        "Die Rosenmontagszüge fielen aus.",
        "Die Minister, die Mo und Di tagten, so hieß es.",
        "Der Tag der Entscheidung kam.",
    ],
)
def test_ordinary_words_are_not_dates(tagger: DateTagger, sentence: str) -> None:
    assert tagger.find(sentence, WED) == []


@pytest.mark.parametrize(
    ("start", "value", "end"),
    [
        (date(2023, 5, 15), "P2D", date(2023, 5, 16)),
        (date(2023, 5, 15), "P1D", date(2023, 5, 15)),
        (date(2023, 12, 30), "P3D", date(2024, 1, 1)),
        (date(2023, 5, 15), "P1W", date(2023, 5, 21)),
        (date(2023, 1, 31), "P1M", date(2023, 2, 27)),
        (date(2023, 5, 15), "P1M", date(2023, 6, 14)),
        (date(2024, 2, 29), "P1Y", date(2025, 2, 27)),
    ],
)
def test_apply_duration(start: date, value: str, end: date) -> None:
    assert apply_duration(start, value) == end


@pytest.mark.parametrize("value", ["P0D", "PT5H", "P2", "2023-05-15", "PXD"])
def test_apply_duration_refuses_what_is_not_a_count(value: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        apply_duration(date(2023, 5, 15), value)


def test_durations_complete_a_visit(tagger: DateTagger) -> None:
    text = "Der zweitägige Besuch beginnt am 15. Mai."
    duration, start = tagger.find(text, WED)
    assert apply_duration(start.start_date, duration.value) == date(2023, 5, 16)


def test_find_compiles_nothing(tagger: DateTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    """All patterns are compiled when the tagger is built, none per call."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pattern was compiled inside find()")

    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(re, "_compile", refuse)
    text = "Der Minister, der am Montag in Minsk war, reist am 15. Mai für drei Tage nach Moskau."
    assert len(tagger.find(text, WED)) == 3



@pytest.mark.parametrize("text, value", [("Er kommt in  Kürze.", "FUTURE_REF"), ("vor\tkurzem war er da", "PAST_REF")])
def test_vague_phrases_with_odd_whitespace_do_not_crash(text, value):
    from entityx.temporal import find_dates

    assert [e.value for e in find_dates(text, date(2023, 5, 10))] == [value]
