"""Public API: input checks at the boundary, safe results on odd input, caching, user gazetteers."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

import entityx
from entityx.api import CHUNK_CHARS, _chunks, normalize_doc_date

VISIT = ("Minsk (BelTA) - Der russische Außenminister Sergej Lawrow wird vom 15. bis 16. Mai 2023 "
         "zu einem Arbeitsbesuch nach Minsk reisen.")


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["text"], {"text": "x"}])
def test_non_str_text_raises_type_error_naming_the_type(nlp, bad):
    for function in (entityx.extract_events, entityx.extract_entities):
        with pytest.raises(TypeError, match=type(bad).__name__):
            function(bad, nlp=nlp)


@pytest.mark.parametrize("blank", ["", " ", "\n\n\t ", "\u00a0\u2003"])
def test_empty_or_whitespace_gives_empty_lists(nlp, blank):
    assert entityx.extract_events(blank, nlp=nlp) == []
    assert entityx.extract_entities(blank, nlp=nlp) == []


@pytest.mark.parametrize("value, expected", [
    (dt.date(2023, 5, 10), "2023-05-10"), (dt.datetime(2023, 5, 10, 15, 27), "2023-05-10"),
    ("2023-05-10", "2023-05-10"), ("2023-05-10T15:27:00", "2023-05-10"), (None, None),
])
def test_doc_date_forms(value, expected):
    assert normalize_doc_date(value) == expected


@pytest.mark.parametrize("bad, error", [("10.05.2023", ValueError), ("gestern", ValueError),
                                        (20230510, TypeError), (["2023-05-10"], TypeError)])
def test_bad_doc_date_is_rejected_clearly(nlp, bad, error):
    with pytest.raises(error, match="doc_date"):
        entityx.extract_events(VISIT, doc_date=bad, nlp=nlp)


def test_doc_date_changes_year_and_role_resolution(nlp):
    text = "Der russische Außenminister wird am 3. Juni zu Gesprächen nach Minsk reisen."
    (early,) = entityx.extract_events(text, doc_date="2003-05-20", nlp=nlp)
    (late,) = entityx.extract_events(text, doc_date=dt.date(2023, 5, 20), nlp=nlp)
    assert (early.visitor.name, early.start) == ("Igor Iwanow", "2003-06-03")
    assert (late.visitor.name, late.start) == ("Sergej Lawrow", "2023-06-03")


@pytest.mark.parametrize("noise", [
    "<p>Der russische Außenminister <b>Sergej Lawrow</b> reist nach <a href='x'>Minsk</a>.</p>",
    "\x00\x01\x02 Lawrow \x1b[31m reist \ufeff nach \u200b Minsk \x7f",
    "ＬＡＷＲＯＷ 🙂 𝔐𝔦𝔫𝔰𝔨 \ud7ff ‮reist‬ nach Minsk",
    "Lawrow" * 5000,
    "." * 10000 + "\n" * 5000,
    "«Lawrow»—„Minsk“…",
])
def test_odd_input_does_not_crash(nlp, noise):
    events = entityx.extract_events(noise, doc_date="2023-05-10", nlp=nlp)
    entities = entityx.extract_entities(noise, doc_date="2023-05-10", nlp=nlp)
    for entity in entities:
        assert noise[entity.start:entity.end] == entity.text
    json.dumps([e.to_dict() for e in events])


def test_entities_offsets_point_into_the_text(nlp):
    text = "Vorspann.\n\n" + VISIT
    entities = entityx.extract_entities(text, doc_date="2023-05-01", nlp=nlp)
    assert {e.label for e in entities} >= {"OFFICIAL", "LOC", "DATE"}
    for entity in entities:
        assert text[entity.start:entity.end] == entity.text


def test_chunks_cover_text_exactly_and_respect_limit():
    text = ("Absatz mit einem Satz. " * 40 + "\n\n") * 400
    pieces = _chunks(text, limit=5000)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 5000 for _, piece in pieces)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)


def test_long_text_is_processed_in_chunks_with_correct_offsets(nlp):
    filler = "Die Beratungen über den Haushalt dauerten an. " * 60 + "\n\n"
    text = filler * (3 * CHUNK_CHARS // len(filler)) + VISIT + "\n\n" + filler * 3
    assert len(text) > 3 * CHUNK_CHARS
    events = entityx.extract_events(text, doc_date="2023-05-01", nlp=nlp)
    assert len(events) == 1
    evidence = events[0].evidence[0]
    assert text[evidence.start:evidence.end] == evidence.text
    assert events[0].visitor.id == "sergej-lawrow" and events[0].start == "2023-05-15"


def test_load_is_cached_and_never_downloads():
    assert entityx.load(base="blank") is entityx.load(base="blank")
    with pytest.raises(entityx.ModelError, match="not installed"):
        entityx.load(base="de_core_news_nonexistent")


def test_user_gazetteer_adds_an_official(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(textwrap.dedent("""\
        officials:
          - id: musalia-mudavadi
            name: Musalia Mudavadi
            country: KE
            surnames: [Mudavadi]
            roles: [{role: foreign_minister, country: KE, from: 2023-10-04, to: null}]
            source: "Kenyan government announcement"
        """), encoding="utf-8")
    nlp = entityx.load(gazetteers=[extra], base="blank")
    assert nlp is not entityx.load(base="blank")
    text = "Mudavadi reist am 3. Juni zu Gesprächen nach Minsk, teilte das Ministerium mit."
    entities = entityx.extract_entities(text, doc_date="2024-05-20", nlp=nlp)
    official = next(e for e in entities if e.label == "OFFICIAL")
    assert official.id == "musalia-mudavadi" and official.get("role") == "Außenminister"
    assert official.get("country") == "KE"


def test_user_gazetteer_errors_name_the_file(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("officials:\n  - id: x\n    name: X\n    country: Kenia\n", encoding="utf-8")
    with pytest.raises(entityx.GazetteerError, match="broken.yaml"):
        entityx.load(gazetteers=[bad], base="blank")


def test_ten_megabyte_text_runs_in_bounded_memory(tmp_path):
    """A 10 MB text in a fresh process: finishes, finds the repeated trip once, stays under 800 MB."""
    import subprocess
    import sys

    script = tmp_path / "big.py"
    script.write_text(textwrap.dedent(f"""\
        import entityx
        block = {VISIT!r} + "\\n\\n" + "Die Beratungen über den Haushalt dauerten bis in die Nacht. " * 40 + "\\n\\n"
        text = block * (10_000_000 // len(block) + 1)
        events = entityx.extract_events(text, doc_date="2023-05-01", nlp=entityx.load(base="blank"))
        peak = next(int(l.split()[1]) // 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
        print(len(text), len(events), peak)
        """), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    size, events, peak_mb = map(int, result.stdout.split())
    assert size >= 10_000_000 and events == 1
    assert peak_mb < 800, f"peak memory {peak_mb} MB"


def test_statistical_base_pipeline_is_used_when_given(tmp_path):
    """Stand-in for de_core_news_lg: a saved pipeline whose 'ner' tags people. Our components are
    grafted on top and read its PER entities after a title as unknown officials."""
    import spacy

    base = spacy.blank("de")
    ruler = base.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PER", "pattern": "Kipchumba"}])  # a name in no gazetteer
    base.to_disk(tmp_path / "base")
    nlp = entityx.load(base=str(tmp_path / "base"))
    assert nlp.pipe_names[0] == "entityx_sentences" and "ner" in nlp.pipe_names
    text = "Der kenianische Präsident Kipchumba wird am 3. Juni zu einem Staatsbesuch in Minsk erwartet."
    (event,) = entityx.extract_events(text, doc_date="2024-05-20", nlp=nlp)
    assert (event.visitor.name, event.visitor.id, event.visitor.country) == ("Kipchumba", None, "KE")
    assert (event.destination.country, event.visit_type, event.start) == ("BY", "state", "2024-06-03")
