"""Every data-carrying component survives to_bytes/from_bytes and to_disk/from_disk unchanged."""

from __future__ import annotations

import pytest
import spacy

from entityx.pipeline import DATA_PIPES


@pytest.mark.parametrize("name", DATA_PIPES)
def test_bytes_roundtrip(nlp, name):
    original = nlp.get_pipe(name)
    fresh = spacy.blank("de").add_pipe(name)
    fresh.from_bytes(original.to_bytes())
    assert fresh.data == original.data


@pytest.mark.parametrize("name", DATA_PIPES)
def test_disk_roundtrip(nlp, name, tmp_path):
    original = nlp.get_pipe(name)
    original.to_disk(tmp_path / name)
    fresh = spacy.blank("de").add_pipe(name)
    fresh.from_disk(tmp_path / name)
    assert fresh.data == original.data


def test_whole_pipeline_roundtrip_gives_same_events(nlp, tmp_path):
    text = "Der belarussische Außenminister Sergej Alejnik wird vom 15. bis 17. Mai in Moskau erwartet."
    nlp.to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    for pipeline in (nlp, reloaded):
        doc = pipeline.make_doc(text)
        doc._.entityx_doc_date = "2023-05-10"
        events = pipeline(doc)._.entityx_events
        assert [(e["visitor"]["id"], e["destination"]["country"], e["start"]) for e in events] == [
            ("sergej-alejnik", "RU", "2023-05-15")]
