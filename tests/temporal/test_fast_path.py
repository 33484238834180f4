"""DateTagger.find takes shortcuts (anchors.py, lazy normalizing, tense caches); they must give
exactly what the plain way gives: every pattern tried at every position, every match
normalized, the sentence split and clause breaks found with the original regexes."""

from __future__ import annotations

import bisect
import dataclasses
import json
import pickle
import random
import re
from datetime import date
from pathlib import Path

import pytest

from entityx.temporal import DateTagger, TemporalExpression, tense
from entityx.temporal.expression import new_expression
from entityx.temporal.tense import FUTURE, NONE, PAST, TenseReader
from entityx.temporal.vocabulary import DEFAULT_VOCABULARY_PATH

DATA = Path(__file__).with_name("data") / "expressions.jsonl"
ANCHORS = [None, date(2023, 5, 10), date(2023, 12, 28), date(2024, 2, 29)]
# anchors at the ends of the calendar, where normalizers can raise OverflowError / ValueError
EXTREME_ANCHORS = [date(1, 1, 1), date(1099, 6, 1), date(8901, 6, 1), date(9999, 12, 31)]

TRICKY = [
    "vom 15. bis 17. Mai",
    "15.-17. Mai 2023, 28. Dezember 2023 bis 2. Januar 2024",
    "Montag, den 15. Mai 2023 und Mo. 15.05.2023; So, 14.05.23",
    "am ersten Juni, am Ersten Mai 2024, Montag, den ersten Mai",
    "Ende Mai 2024, Mitte nächster Woche, Anfang des Jahres, Jahresende 2024",
    "im kommenden Sommer, im Herbst, Frühjahr 2024, kommenden Winter",
    "in zwei Wochen, vor 3 Tagen, in 999 Jahren, vor 999 Jahren, 1.000 Tage",
    "Q4/2023, Q1 2024, im vierten Quartal dieses Jahres, 3. Quartal",
    "2022-2023, 2023-2022, 2022-2023-2024, 2023-05-15, 2023-05-15-1",
    "zweitägiger Besuch, 3-tägige Reise, 12tägig, dreiwöchige",
    "in Kürze, vor kurzem, In Zukunft, derzeit, dieser Tage, in den kommenden Tagen",
    "Mittwochabend, heute Abend, morgen früh, am heutigen Mittwoch, Dienstag nächster Woche",
    "Mai bis Juni 2024, zwischen Mai und Juni, von Januar bis März, Mai-Juni",
    "am Wochenende, übers Wochenende, kommendes Wochenende, seit Montag, ab Montag",
    "bis zum 17. Mai, ab dem 15. Mai, seit dem 1. Januar, spätestens am 3. Juni, bis spätestens 4. Juni",
    "Montag bis Mittwoch, Montag und Dienstag, am Montag, Montags-Demo, Rosenmontag",
    "Python 3.10.12, 1.000 Soldaten, Artikel 5, 3:1, v2.1.3, Ziffer 1.2., Karl Mai",
    "SEPT. 2023, sept 2023, JAN. 2024, MÄRZ 2023, mai 2023, Jänner 2024, Feber",
    "15. Mai", "Mai 2023", "heute", "", " ", "\n\n", "15.", "Q4", "am",
    "Er sagte am Montag, er werde am Dienstag reisen. Sie war am Freitag in Minsk.",
    "„Wir reisen am Montag“, sagte er. (Am Dienstag kam er.) – Am Mittwoch – nicht.",
    "Der Minister, der am Montag in Minsk war, wird am Dienstag reisen.\nAm Freitag kam er.",
    "Am 15. Mai\treist er\u00a0ab; am 16.\u00a0Mai kommt er zurück.",
    "Am 15. ſeptember, im Maı, İm Mai, am 15. MAİ 2023, K\u212aW",  # odd characters
    "in zwei  Wochen, vor\tdrei Tagen, am  Montag",  # other whitespace
    "Das kommt in  Kürze.",  # doubled space inside a vague phrase (once a KeyError)
    "vor\u00a0kurzem kam er, in\tZukunft nicht",
    "٣ Tage, ١٥. Mai, ２０２３-０５-１５",  # other decimal digits
    "Er reist am 15. Mai 2023 ab. Am 16. Mai kommt er. " * 20,
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [json.loads(line)["text"] for line in DATA.read_text("utf-8").splitlines()]


def _outcome(find, text: str, anchor: date | None) -> object:
    try:
        return [e.to_dict() for e in find(text, anchor)]
    except Exception as error:  # noqa: BLE001  (the plain way raises for some texts: so must find)
        return (type(error).__name__, str(error))


def test_new_expression_makes_the_same_object() -> None:
    fields = (3, 10, "15. Mai", "2023-05-15", date(2023, 5, 15), None, "day", ("relative",))
    made, built = new_expression(*fields), TemporalExpression(*fields)
    assert type(made) is TemporalExpression
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert pickle.loads(pickle.dumps(made)) == built
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 4  # type: ignore[misc]


def test_the_scan_is_used(tagger: DateTagger) -> None:
    assert tagger._prefilter is not None
    assert tagger._prefilter.candidates("Er reist am 15. Mai ab.")
    # characters the lowered scan cannot be trusted with: every position is tried
    assert tagger._prefilter.candidates("Am 15. ſeptember") is None
    assert tagger._prefilter.candidates("İm Mai") is None


def test_a_vocabulary_the_scan_cannot_use_still_works(tmp_path: Path) -> None:
    """A deictic word of two words ("über-nächst") would break the word counting of the
    scan: the tagger then tries every position, and finds what the plain way finds."""
    source = DEFAULT_VOCABULARY_PATH.read_text(encoding="utf-8")
    old = "  1: [nächst, kommend]"
    assert old in source
    path = tmp_path / "hyphen.yaml"
    path.write_text(source.replace(old, "  1: [nächst, kommend, über-nächst]", 1), "utf-8")
    tagger = DateTagger(path)
    assert tagger._prefilter is None
    for text in ["Er kommt über-nächste Woche, am 15. Mai und nächsten Montag.", *TRICKY[:5]]:
        assert _outcome(tagger.find, text, ANCHORS[1]) == _outcome(
            tagger._find_reference, text, ANCHORS[1]
        )


def test_expressions_give_the_same(tagger: DateTagger, texts: list[str]) -> None:
    for text in texts:
        for anchor in ANCHORS:
            assert _outcome(tagger.find, text, anchor) == _outcome(
                tagger._find_reference, text, anchor
            ), (text, anchor)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_give_the_same(tagger: DateTagger, text: str) -> None:
    for anchor in ANCHORS + EXTREME_ANCHORS:
        assert _outcome(tagger.find, text, anchor) == _outcome(
            tagger._find_reference, text, anchor
        ), anchor


def test_random_texts_give_the_same(tagger: DateTagger) -> None:
    v = tagger.vocabulary
    words = sorted(
        {f for _, forms in v.months for f in forms}
        | {f for _, forms in v.weekdays for f in forms}
        | {f for _, forms in v.ordinals for f in forms}
        | {f for forms in v.vague.values() for f in forms}
        | {f for forms in v.units.values() for fs in forms.values() for f in fs}
        | {f for forms in v.deixis.values() for f in forms}
        | {f for forms in v.open_ranges.values() for f in forms}
        | {"nächsten", "kommenden", "Anfang", "Mitte", "Ende", "im", "am", "vom", "in", "vor",
           "heute", "morgen", "Abend", "Herbst", "Sommers", "Jahresende", "zwei", "drei",
           "zweitägigen", "Q3", "des", "der", "Jahres", "Vorjahres", "wird", "war", "sagte",
           "hat", "getroffen", "seit", "Minister", "und", "Mo.", "So"}
    )
    numbers = ["1", "3", "9", "12", "15", "28", "31", "05", "123", "2023", "2024", "1999",
               "15.", "3.", "15.05.", "15.05.2023", "15.05.23", "3-", "2022-2023", "2023-05-15"]
    gaps = [" "] * 12 + ["  ", "\n", "\t", ", ", ". ", "-", " – ", "/", ": ", "; ", "(", ")", "„"]
    rng = random.Random(20230510)
    for _ in range(1500):
        pieces = []
        for _ in range(rng.randint(1, 14)):
            word = rng.choice(words if rng.random() < 0.7 else numbers)
            if rng.random() < 0.1:
                word = rng.choice([word.upper(), word.lower(), word.capitalize()])
            pieces += [word, rng.choice(gaps)]
        text = "".join(pieces)
        anchor = rng.choice(ANCHORS)
        assert _outcome(tagger.find, text, anchor) == _outcome(
            tagger._find_reference, text, anchor
        ), (text, anchor)


# ------------------------------------------------------------------------ tense, as written first

_CLAUSE_BREAK = re.compile(r"[,;:()\"„“”«»]|\s[-–—]\s")
_WORD = re.compile(r"\w+")


def _reference_words(reader: TenseReader, chunk: str, *, own_clause: bool = False) -> int:
    words = [w.casefold() for w in _WORD.findall(chunk)]
    if any(w in reader._future for w in words):
        return FUTURE
    reported = any(w in reader._reporting for w in words)
    words = [w for w in words if w not in reader._reporting]
    past_words = {w for w in words if w in reader._past}
    if reported and not own_clause and past_words and past_words <= {"wurde", "wurden", "war", "waren", "hatte", "hatten"}:
        return NONE  # a passive of a reporting verb
    if own_clause and not past_words and re.search(r"\bzu \w+en$", " ".join(words)):
        return FUTURE  # "..., sich im Herbst erneut zu treffen"
    if own_clause and not past_words and any(w in reader._present for w in words):
        return FUTURE  # "..., die am Montag in Baku beginnt"
    if past_words or (own_clause and reported):
        return PAST
    if any(w in reader._auxiliaries for w in words) and any(
        w in reader._participles
        or (w.startswith("ge") and len(w) > 5 and w.endswith(("t", "en"))
            and w not in tense._NOT_PARTICIPLES)
        for w in words
    ):
        return PAST
    previous = ""
    for word in _WORD.findall(chunk):  # a weak preterite no list names ("versicherte")
        folded = word.casefold()
        if (len(word) >= 6 and word[0].islower() and word.endswith("te") and not word.endswith("ste")
                and not word.startswith("ge") and not tense._SEPARABLE_PARTICIPLE.match(word)
                and previous not in tense._DETERMINERS and folded not in reader._not_preterites
                and folded not in reader._reporting):
            return PAST
        previous = folded
    return NONE


def _reference_direction(reader: TenseReader, text: str, start: int, end: int) -> int:
    ends = [m.start() for m in tense._SENTENCE_END.finditer(text)]
    i = bisect.bisect_right(ends, start)
    first = ends[i - 1] if i else 0
    last = max(ends[i] if i < len(ends) else len(text), end)
    sentence = text[first:last]
    breaks = list(_CLAUSE_BREAK.finditer(sentence))
    clause_start = max([m.end() for m in breaks if m.end() <= start - first], default=0)
    clause_end = min(
        [m.start() for m in breaks if m.start() >= end - first], default=len(sentence)
    )
    before = _WORD.findall(sentence[clause_start : start - first])
    if before and reader.points_back(before[-1]):
        return PAST
    clause = sentence[clause_start:clause_end]
    in_clause = _reference_words(reader, clause, own_clause=True)
    return in_clause or _reference_words(reader, sentence)


def test_tense_gives_the_same(tagger: DateTagger, texts: list[str]) -> None:
    reader = tagger._tense
    long_text = " ".join(texts[:60])  # longer than tense._SHORT_TEXT: sentences found locally
    samples = [*texts, *TRICKY, long_text, long_text.replace(". ", ".\n")]
    rng = random.Random(7)
    for text in samples:
        text_tense = reader.reader(text)  # one per text, as in find: its caches are shared
        starts = [m.start() for m in _WORD.finditer(text)]
        for start in rng.sample(starts, min(len(starts), 12)):
            end = min(len(text), start + rng.randint(1, 30))
            assert text_tense.direction(start, end) == _reference_direction(
                reader, text, start, end
            ), (text, start, end)
        for chunk in (text, text[: len(text) // 2]):
            for own in (False, True):
                assert reader.direction_of_words(chunk, own_clause=own) == _reference_words(
                    reader, chunk, own_clause=own
                )


def test_sentences_and_clause_breaks_are_found_as_before() -> None:
    pieces = ["Wort", "ende", "A", "Ü", "b", "3", "12", ".", "!", "?", " ", "  ", "\n", '"', "„",
              "“", "”", "»", "«", "'", ",", ";", "(", ")", "-", "–", " - ", "z.B.", "\t", "\u00a0"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        ends = [m.start() for m in tense._SENTENCE_END.finditer(text)]
        assert tense._sentence_ends(text) == ends
        for start, ch in enumerate(text):
            if ch.isalnum() or ch == "_":
                i = bisect.bisect_right(ends, start)
                expected = (ends[i - 1] if i else 0, ends[i] if i < len(ends) else len(text))
                assert tense._sentence_around(text, start) == expected, (text, start)
        first = rng.randint(0, len(text))
        last = rng.randint(first, len(text))
        assert tense._clause_breaks(text, first, last) == [
            m.span() for m in _CLAUSE_BREAK.finditer(text, first, last)
        ], (text, first, last)
