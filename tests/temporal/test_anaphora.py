"""Days named relative to the date told just before ("tags darauf", "zwei Tage später")."""

from __future__ import annotations

from datetime import date

import pytest

from entityx.temporal import DateTagger

ANCHOR = date(2024, 5, 20)


@pytest.fixture(scope="module")
def tagger() -> DateTagger:
    return DateTagger()


@pytest.mark.parametrize(("text", "expected"), [
    ("Am 5. Mai landete Xi in Paris, tags darauf empfing ihn Macron.",
     [("5. Mai", "2024-05-05"), ("tags darauf", "2024-05-06")]),
    ("Am 16. Februar sprach Wang mit Tajani. Am folgenden Tag empfing ihn Mattarella.",
     [("16. Februar", "2024-02-16"), ("folgenden Tag", "2024-02-17")]),
    # after a range: counted from its last day; before: from its first
    ("Vom 3. bis 5. Mai war er in Rom, zwei Tage später in Paris.",
     [("3. bis 5. Mai", "2024-05-03"), ("zwei Tage später", "2024-05-07")]),
    ("Am 12. März traf er in Minsk ein. Am Vortag hatte er Moskau besucht.",
     [("12. März", "2024-03-12"), ("Vortag", "2024-03-11")]),
    ("Am Mittwoch war er in Warschau gelandet; Tags darauf traf er Tusk.",
     [("Mittwoch", "2024-05-15"), ("Tags darauf", "2024-05-16")]),
])
def test_anaphoric_days_follow_the_date_before(tagger, text, expected):
    assert [(e.text, e.value) for e in tagger.find(text, ANCHOR)] == expected


@pytest.mark.parametrize("text", [
    "Tags darauf reiste er nach Kiew.",  # nothing told before
    "Im Mai war er in Rom, tags darauf in Paris.",  # a month is no day to count from
    "Der Besuch dauert zwei Tage.",  # a duration stays a duration
])
def test_without_a_day_before_nothing_is_guessed(tagger, text):
    assert all(e.granularity != "day" for e in tagger.find(text, ANCHOR))


def test_reference_path_gives_the_same(tagger):
    text = "Am 5. Mai landete Xi in Paris, tags darauf empfing ihn Macron, zwei Tage später flog er ab."
    assert tagger.find(text, ANCHOR) == tagger._find_reference(text, ANCHOR)


def test_the_phrase_scan_finds_what_the_whole_text_search_finds(tagger):
    """resolve tries the phrase pattern only where a phrase's first word starts a word; that
    must give what searching the whole text gives (also with odd characters and case)."""
    import random

    words = ["Am", "5.", "Mai", "15. Mai", "vom 3. bis 5. Mai", "tags", "Tags", "TAGS", "darauf",
             "zuvor", "einen", "Einen", "Tag", "Tage", "zwei", "drei", "eine", "Woche", "später",
             "folgenden", "Folgetag", "Vortag", "anderntags", "nächsten", "Dienstag", "keine",
             "Bundestag", "ſpäter", "İm", "Maı", "Vortags", "meinen", "davor", "danach", "und"]
    gaps = [" ", " ", " ", "  ", "\n", ", ", ". ", "-", "(", "„", "\u00a0"]
    rng = random.Random(5)
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 16)))
        found = tagger._find_fast(text, ANCHOR)
        if found is None:
            continue
        assert tagger._anaphora.resolve(text, found) == tagger._anaphora.resolve(
            text, found, whole_text=True), text
