"""The evaluator: loading with clear errors, scoring rules, report shape, CLI."""

from __future__ import annotations

import json

import pytest

from entityx.evaluate import AnnotationError, evaluate, evaluate_baseline, load_annotations, main, match_events

TEXT = "Minsk (BelTA) - Der russische Außenminister Sergej Lawrow wird am 3. Juni 2023 zu Gesprächen nach Minsk reisen."


def span(surface, label, after=0, **extra):
    start = TEXT.index(surface, after)
    return {"start": start, "end": start + len(surface), "label": label, "text": surface, **extra}


def doc(**overrides):
    record = {
        "id": "d1", "split": "test", "doc_date": "2023-05-20", "text": TEXT,
        "entities": [span("Minsk", "LOC", id="BY:Minsk"), span("Sergej Lawrow", "OFFICIAL", id="sergej-lawrow"),
                     span("3. Juni 2023", "DATE", value="2023-06-03"),
                     span("Minsk", "LOC", id="BY:Minsk", after=10)],
        "events": [{"visitor": {"name": "Sergej Lawrow", "id": "sergej-lawrow"},
                    "destination": {"country": "BY", "city": "Minsk"}, "start": "2023-06-03",
                    "end": "2023-06-03", "visit_type": "unspecified", "status": "planned", "host": None,
                    "meetings": [], "organizations": [], "reported_by": None}],
    }
    record.update(overrides)
    return record


def write(tmp_path, *records):
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_perfect_document_scores_one(tmp_path, nlp):
    docs = load_annotations(write(tmp_path, doc(), doc(id="neg", text="Es regnet in Strömen.", entities=[], events=[])))
    report = evaluate(docs, nlp)["report"]
    assert report["events_f"] == 1.0 and report["slot_accuracy"] == 1.0
    assert report["ents_f"] == 1.0 and report["link_accuracy"] == 1.0 and report["date_value_accuracy"] == 1.0
    assert report["negative_docs"] == 1 and report["false_events_per_negative_doc"] == 0.0


def test_errors_are_counted_and_listed(tmp_path, nlp):
    wrong = doc()
    wrong["entities"][1]["id"] = "igor-iwanow"
    wrong["events"][0]["status"] = "completed"
    missing = doc(id="d2", text="Xi Jinping besuchte Paris.", entities=[
        {"start": 0, "end": 10, "label": "OFFICIAL", "id": "xi-jinping"}], events=[])
    result = evaluate(load_annotations(write(tmp_path, wrong, missing)), nlp)
    report, errors = result["report"], result["errors"]
    assert report["link_accuracy"] < 1.0 and report["slot_accuracy_per_slot"]["status"] == 0.0
    kinds = {e["type"] for e in errors}
    assert {"wrong_link", "wrong_slot", "spurious_event", "spurious_entity"} <= kinds
    assert all(e["sentence"] for e in errors if e["type"] != "spurious_event")
    assert report["false_events_per_negative_doc"] == 1.0


def test_baseline_has_no_events_and_matches_strings(tmp_path, nlp):
    report = evaluate_baseline(load_annotations(write(tmp_path, doc())), nlp)["report"]
    assert report["events_f"] == 0.0 and report["OFFICIAL_f"] == 1.0 and report["DATE_f"] == 0.0


def test_event_matching_rule():
    gold = [{"visitor": {"name": "A", "id": "a"}, "destination": {"country": "RU"}},
            {"visitor": {"name": "B", "id": None}, "destination": {"country": "BY"}}]
    predicted = [{"visitor": {"name": "B", "id": None}, "destination": {"country": "BY"}},
                 {"visitor": {"name": "A", "id": "a"}, "destination": {"country": "BY"}},
                 {"visitor": {"name": "A", "id": "a"}, "destination": {"country": "RU"}}]
    assert match_events(gold, predicted) == [(0, 2), (1, 0)]


@pytest.mark.parametrize("change, message", [
    ({"entities": [{"start": 0, "end": 6, "label": "LOC", "text": "Minsk"}]}, "does not match"),
    ({"entities": [{"start": 100, "end": 500, "label": "LOC"}]}, "do not fit"),
    ({"entities": [{"start": 0, "end": 5, "label": "PLACE"}]}, "label must be"),
    ({"entities": [{"start": 0, "end": 5, "label": "DATE"}]}, "needs a string 'value'"),
    ({"doc_date": "20.05.2023"}, "doc_date"),
    ({"text": None}, "field 'text'"),
    ({"events": [{"destination": {}}]}, "visitor"),
    ({"events": [{"visitor": {"name": "X"}, "destination": {}, "status": "maybe"}]}, "status"),
])
def test_malformed_annotations_name_file_line_and_field(tmp_path, change, message):
    path = write(tmp_path, doc(id="ok"), doc(**change))
    with pytest.raises(AnnotationError) as info:
        load_annotations(path)
    assert f"{path}:2:" in str(info.value) and message in str(info.value)


def test_duplicate_ids_and_bad_json(tmp_path):
    with pytest.raises(AnnotationError, match="duplicate"):
        load_annotations(write(tmp_path, doc(), doc()))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match="bad.jsonl:1: invalid JSON"):
        load_annotations(bad)


def test_cli_prints_table_and_writes_json(tmp_path, capsys, nlp):
    path = write(tmp_path, doc())
    out_json = tmp_path / "report.json"
    assert main([str(path), "--split", "test", "--json", str(out_json), "--errors", "--base", "blank"]) == 0
    printed = capsys.readouterr().out
    assert "| events_f |" in printed and "gazetteer match (baseline)" in printed
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["systems"]["entityx"]["events_f"] == 1.0
