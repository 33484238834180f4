"""Evaluation on annotated documents: the format of docs/annotation.md, scores, error listing.

    entityx evaluate examples/annotated --split test [--json OUT] [--errors] [--record FILE]
    python -m entityx.evaluate examples/annotated --split dev

Scores are flat dicts in the style of ``spacy.scorer`` (``ents_p``/``ents_r``/``ents_f``,
``*_per_type``) built from :class:`spacy.scorer.PRFScore`. Spans are compared by character
offsets (the annotation's ground truth), so a tokenization difference can never silently drop a
gold span:

- entities per label, strict (same label and offsets) and lenient (same label, overlapping);
- linking: accuracy of ``id`` on strictly matched OFFICIAL and ORG spans whose gold id is set;
- DATE: ``value`` accuracy on strictly matched DATE spans;
- events: a predicted event matches a gold one when the visitor and the destination country are
  equal, each gold event at most once (people are equal by gazetteer id when the gold has one,
  else by name, see ``same_person``); detection P/R/F, per-slot accuracy on matched events, and
  false events per negative document (gold without events);
- a baseline: the same corpus with a plain gazetteer string match and no event logic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.scorer import PRFScore

from .errors import EntityxError
from .records import ENTITY_LABELS, VISIT_STATUSES, VISIT_TYPES

SLOTS = ("destination.city", "start", "end", "visit_type", "status", "host", "meetings", "organizations",
         "reported_by")
HEADLINE = ("events_f", "slot_accuracy", "ents_f", "OFFICIAL_f", "ORG_f", "LOC_f", "DATE_f",
            "link_accuracy", "date_value_accuracy")


class AnnotationError(EntityxError, ValueError):
    """An annotated document is malformed; the message names file, line and field."""


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class GoldEntity:
    start: int
    end: int
    label: str
    id: str | None = None
    value: str | None = None


@dataclass
class AnnotatedDoc:
    id: str
    text: str
    doc_date: str | None
    split: str | None
    kind: str | None
    entities: list[GoldEntity]
    events: list[dict[str, Any]]
    source: str = ""


def _fail(path: Path, line: int, message: str) -> None:
    raise AnnotationError(f"{path}:{line}: {message}")


def load_annotations(path: str | Path, *, split: str | None = None) -> list[AnnotatedDoc]:
    """Documents from a .jsonl file, or from every .jsonl file of a folder; validated line by line."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files or not all(f.exists() for f in files):
        raise AnnotationError(f"{path}: no annotation files (*.jsonl) found")
    docs: list[AnnotatedDoc] = []
    seen: set[str] = set()
    for file in files:
        for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                _fail(file, number, f"invalid JSON: {exc.msg}")
            doc = _validate(file, number, record)
            if doc.id in seen:
                _fail(file, number, f"field 'id': duplicate document id {doc.id!r}")
            seen.add(doc.id)
            if split is None or doc.split == split:
                docs.append(doc)
    return docs


def _validate(file: Path, line: int, record: Any) -> AnnotatedDoc:
    if not isinstance(record, dict):
        _fail(file, line, "a document must be a JSON object")
    for key, kind in (("id", str), ("text", str), ("entities", list), ("events", list)):
        if not isinstance(record.get(key), kind):
            _fail(file, line, f"field {key!r} must be a {kind.__name__}")
    text = record["text"]
    doc_date = record.get("doc_date")
    if doc_date is not None:
        try:
            dt.date.fromisoformat(doc_date)
        except (TypeError, ValueError):
            _fail(file, line, f"field 'doc_date' must be an ISO date, got {doc_date!r}")
    entities = []
    for i, ent in enumerate(record["entities"]):
        where = f"field 'entities[{i}]'"
        if not isinstance(ent, dict):
            _fail(file, line, f"{where} must be an object")
        start, end, label = ent.get("start"), ent.get("end"), ent.get("label")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            _fail(file, line, f"{where}: offsets {start!r}..{end!r} do not fit a text of {len(text)} characters")
        if label not in ENTITY_LABELS:
            _fail(file, line, f"{where}: label must be one of {ENTITY_LABELS}, got {label!r}")
        if "text" in ent and ent["text"] != text[start:end]:
            _fail(file, line, f"{where}: text {ent['text']!r} does not match text[{start}:{end}] "
                              f"= {text[start:end]!r}")
        if label == "DATE" and not isinstance(ent.get("value"), str):
            _fail(file, line, f"{where}: a DATE needs a string 'value'")
        entities.append(GoldEntity(start, end, label, ent.get("id"), ent.get("value")))
    for i, event in enumerate(record["events"]):
        where = f"field 'events[{i}]'"
        if not isinstance(event, dict) or not isinstance(event.get("visitor"), dict) \
                or not isinstance(event["visitor"].get("name"), str):
            _fail(file, line, f"{where}: needs a visitor with a name")
        if not isinstance(event.get("destination"), dict):
            _fail(file, line, f"{where}: needs a destination object")
        if event.get("visit_type", "unspecified") not in VISIT_TYPES:
            _fail(file, line, f"{where}.visit_type must be one of {VISIT_TYPES}")
        if event.get("status", "planned") not in VISIT_STATUSES:
            _fail(file, line, f"{where}.status must be one of {VISIT_STATUSES}")
    return AnnotatedDoc(record["id"], text, doc_date, record.get("split"), record.get("kind"), entities,
                        record["events"], f"{file}:{line}")


# --------------------------------------------------------------------------- scoring helpers


def _person_key(person: Any) -> str | None:
    if person is None:
        return None
    if isinstance(person, str):
        return person
    return person.get("id") or person.get("name")


def _name_tokens(name: str) -> set[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return set(re.sub(r"[^\w\s-]", " ", plain).casefold().split())


def same_person(gold: Any, predicted: Any) -> bool:
    """Gold with an id: same id. Gold without one (not in the gazetteer when annotated): the
    names agree, the shorter's words all in the longer ("Teodoro Obiang Nguema" = "Teodoro
    Obiang Nguema Mbasogo"), ignoring case, accents and punctuation."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold = {"name": gold} if isinstance(gold, str) else gold
    predicted = {"name": predicted} if isinstance(predicted, str) else predicted
    if gold.get("id"):
        return gold["id"] == predicted.get("id")
    a, b = _name_tokens(gold.get("name") or ""), _name_tokens(predicted.get("name") or "")
    return bool(a and b) and (a <= b or b <= a)


def _same_people(gold: list[Any], predicted: list[Any]) -> bool:
    remaining = list(predicted)
    for person in gold:
        match = next((p for p in remaining if same_person(person, p)), None)
        if match is None:
            return False
        remaining.remove(match)
    return not remaining


def _slot_correct(gold_event: dict[str, Any], predicted_event: dict[str, Any], slot: str) -> bool:
    if slot in ("host", "reported_by"):
        return same_person(gold_event.get(slot), predicted_event.get(slot))
    if slot == "meetings":
        return _same_people(gold_event.get("meetings") or [], predicted_event.get("meetings") or [])
    return _slot(gold_event, slot) == _slot(predicted_event, slot)


def _slot(event: dict[str, Any], slot: str) -> Any:
    if slot == "destination.city":
        return (event.get("destination") or {}).get("city")
    if slot in ("host", "reported_by"):
        return _person_key(event.get(slot))
    if slot == "meetings":
        return sorted(filter(None, (_person_key(p) for p in event.get("meetings") or [])))
    if slot == "organizations":
        return sorted(o if isinstance(o, str) else o.get("acronym") for o in event.get("organizations") or [])
    value = event.get(slot)
    return str(value) if isinstance(value, (dt.date,)) else value


def _event_key(event: dict[str, Any]) -> tuple[str | None, str | None]:
    return _person_key(event["visitor"]), (event.get("destination") or {}).get("country")


def match_events(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs; same visitor and destination country, each used once."""
    pairs, used = [], set()
    for g, gold_event in enumerate(gold):
        for p, predicted_event in enumerate(predicted):
            if p not in used and _keys_equal(gold_event, predicted_event):
                pairs.append((g, p))
                used.add(p)
                break
    return pairs


def _keys_equal(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    return same_person(gold["visitor"], predicted["visitor"]) and _event_key(gold)[1] == _event_key(predicted)[1]


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


@dataclass
class _Tally:
    strict: dict[str, PRFScore] = field(default_factory=lambda: {lab: PRFScore() for lab in ENTITY_LABELS})
    lenient: dict[str, PRFScore] = field(default_factory=lambda: {lab: PRFScore() for lab in ENTITY_LABELS})
    link: dict[str, list[int]] = field(default_factory=lambda: {"OFFICIAL": [0, 0], "ORG": [0, 0]})
    date_value: list[int] = field(default_factory=lambda: [0, 0])
    events: PRFScore = field(default_factory=PRFScore)
    slots: dict[str, list[int]] = field(default_factory=lambda: {s: [0, 0] for s in SLOTS})
    negatives: int = 0
    false_on_negatives: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _score_entities(tally: _Tally, doc: AnnotatedDoc, predicted: list[dict[str, Any]]) -> None:
    gold_set = {(g.start, g.end, g.label): g for g in doc.entities}
    pred_set = {(p["start"], p["end"], p["label"]): p for p in predicted if p["label"] in ENTITY_LABELS}
    for key, gold in gold_set.items():
        label = key[2]
        if key in pred_set:
            tally.strict[label].tp += 1
            pred = pred_set[key]
            if label in ("OFFICIAL", "ORG") and gold.id:
                tally.link[label][1] += 1
                if pred.get("id") == gold.id:
                    tally.link[label][0] += 1
                else:
                    tally.errors.append(_error(doc, "wrong_link", gold.start, gold.end, label,
                                               expected=gold.id, got=pred.get("id")))
            if label == "DATE":
                tally.date_value[1] += 1
                if pred.get("value") == gold.value:
                    tally.date_value[0] += 1
                else:
                    tally.errors.append(_error(doc, "wrong_date_value", gold.start, gold.end, label,
                                               expected=gold.value, got=pred.get("value")))
        else:
            tally.strict[label].fn += 1
            tally.errors.append(_error(doc, "missed_entity", gold.start, gold.end, label, expected=gold.id))
    for key, pred in pred_set.items():
        if key not in gold_set:
            tally.strict[key[2]].fp += 1
            tally.errors.append(_error(doc, "spurious_entity", key[0], key[1], key[2], got=pred.get("id")))
    for label in ENTITY_LABELS:
        golds = [g for g in doc.entities if g.label == label]
        preds = [p for p in pred_set.values() if p["label"] == label]
        matched_gold = sum(any(p["start"] < g.end and g.start < p["end"] for p in preds) for g in golds)
        matched_pred = sum(any(p["start"] < g.end and g.start < p["end"] for g in golds) for p in preds)
        tally.lenient[label].tp += matched_gold
        tally.lenient[label].fn += len(golds) - matched_gold
        tally.lenient[label].fp += len(preds) - matched_pred


def _score_events(tally: _Tally, doc: AnnotatedDoc, predicted: list[dict[str, Any]]) -> None:
    pairs = match_events(doc.events, predicted)
    tally.events.tp += len(pairs)
    tally.events.fn += len(doc.events) - len(pairs)
    tally.events.fp += len(predicted) - len(pairs)
    if not doc.events:
        tally.negatives += 1
        tally.false_on_negatives += len(predicted)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for g, p in pairs:
        for slot in SLOTS:
            gold_value = _slot(doc.events[g], slot)
            got = _slot(predicted[p], slot)
            if slot == "reported_by" and "reported_by" not in doc.events[g]:
                continue  # optional in the format: not annotated, not scored
            tally.slots[slot][1] += 1
            if _slot_correct(doc.events[g], predicted[p], slot):
                tally.slots[slot][0] += 1
            else:
                tally.errors.append({"doc": doc.id, "type": "wrong_slot", "slot": slot,
                                     "visitor": _event_key(doc.events[g])[0], "expected": gold_value,
                                     "got": got, "sentence": _evidence_text(predicted[p])})
    for g, event in enumerate(doc.events):
        if g not in matched_gold:
            tally.errors.append({"doc": doc.id, "type": "missed_event", "expected": _event_key(event),
                                 "sentence": _sentence_for_name(doc.text, event["visitor"]["name"])})
    for p, event in enumerate(predicted):
        if p not in matched_pred:
            tally.errors.append({"doc": doc.id, "type": "spurious_event", "got": _event_key(event),
                                 "sentence": _evidence_text(event)})


def _evidence_text(event: dict[str, Any]) -> str:
    evidence = event.get("evidence") or []
    return evidence[0]["text"] if evidence else ""


def _sentence_for_name(text: str, name: str) -> str:
    for token in [name, name.split()[-1]]:
        position = text.find(token)
        if position != -1:
            return _sentence(text, position, position + len(token))
    return ""


def _error(doc: AnnotatedDoc, kind: str, start: int, end: int, label: str, **extra: Any) -> dict[str, Any]:
    return {"doc": doc.id, "type": kind, "label": label, "text": doc.text[start:end], "start": start,
            "end": end, **extra, "sentence": _sentence(doc.text, start, end)}


def _report(tally: _Tally) -> dict[str, Any]:
    report: dict[str, Any] = {}
    totals = PRFScore()
    lenient_totals = PRFScore()
    per_type = {}
    for label in ENTITY_LABELS:
        strict, lenient = tally.strict[label], tally.lenient[label]
        totals += strict
        lenient_totals += lenient
        per_type[label] = {"p": strict.precision, "r": strict.recall, "f": strict.fscore,
                           "lenient_p": lenient.precision, "lenient_r": lenient.recall,
                           "lenient_f": lenient.fscore, "support": strict.tp + strict.fn}
        report[f"{label}_f"] = strict.fscore
        report[f"{label}_lenient_f"] = lenient.fscore
    report.update({"ents_p": totals.precision, "ents_r": totals.recall, "ents_f": totals.fscore,
                   "ents_lenient_f": lenient_totals.fscore, "ents_per_type": per_type})
    linked = sum(v[0] for v in tally.link.values()), sum(v[1] for v in tally.link.values())
    report["link_accuracy"] = linked[0] / linked[1] if linked[1] else 0.0
    report["link_accuracy_per_type"] = {k: (v[0] / v[1] if v[1] else 0.0) for k, v in tally.link.items()}
    report["date_value_accuracy"] = tally.date_value[0] / tally.date_value[1] if tally.date_value[1] else 0.0
    report.update({"events_p": tally.events.precision, "events_r": tally.events.recall,
                   "events_f": tally.events.fscore, "events_gold": tally.events.tp + tally.events.fn,
                   "events_predicted": tally.events.tp + tally.events.fp})
    report["slot_accuracy_per_slot"] = {s: (v[0] / v[1] if v[1] else 0.0) for s, v in tally.slots.items()}
    correct, total = sum(v[0] for v in tally.slots.values()), sum(v[1] for v in tally.slots.values())
    report["slot_accuracy"] = correct / total if total else 0.0
    report["negative_docs"] = tally.negatives
    report["false_events_per_negative_doc"] = tally.false_on_negatives / tally.negatives if tally.negatives else 0.0
    return report


# --------------------------------------------------------------------------- running


def evaluate(docs: list[AnnotatedDoc], nlp: Language | None = None) -> dict[str, Any]:
    """Score entityx on the documents: {'report': flat dict, 'errors': [...], 'documents': n}."""
    from .api import entities_from_docs, events_from_docs, load, process

    nlp = nlp or load()
    tally = _Tally()
    for doc in docs:
        chunks = next(process([doc.text], doc_date=doc.doc_date, nlp=nlp))
        entities = [e.to_dict() for e in entities_from_docs(chunks)]
        events = [e.to_dict() for e in events_from_docs(chunks)]
        _score_entities(tally, doc, entities)
        _score_events(tally, doc, events)
    return {"documents": len(docs), "report": _report(tally), "errors": tally.errors}


def evaluate_baseline(docs: list[AnnotatedDoc], nlp: Language | None = None) -> dict[str, Any]:
    """Plain gazetteer string match: every name, alias and surname of the gazetteers found
    verbatim (longest first, first id wins), no context, no linking decisions, no dates, no events."""
    from .api import load

    nlp = nlp or load(base="blank")
    matcher, targets = _baseline_matcher(nlp)
    tally = _Tally()
    for doc in docs:
        tokens = nlp.make_doc(doc.text)
        found, used = [], [False] * len(tokens)
        for match_id, start, end in sorted(matcher(tokens), key=lambda m: (-(m[2] - m[1]), m[1])):
            if any(used[start:end]):
                continue
            used[start:end] = [True] * (end - start)
            label, kb_id = targets[nlp.vocab.strings[match_id]]
            span = tokens[start:end]
            found.append({"start": span.start_char, "end": span.end_char, "label": label, "id": kb_id})
        _score_entities(tally, doc, found)
        _score_events(tally, doc, [])
    return {"documents": len(docs), "report": _report(tally), "errors": []}


def _baseline_matcher(nlp: Language) -> tuple[PhraseMatcher, dict[str, tuple[str, str]]]:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    targets: dict[str, tuple[str, str]] = {}
    officials = nlp.get_pipe("entityx_officials").data["officials"]
    for official in officials.values():
        forms = {official["name"], *official["aliases"], *official["surnames"]}
        key = "OFFICIAL|" + official["id"]
        targets[key] = ("OFFICIAL", official["id"])
        matcher.add(key, list(nlp.tokenizer.pipe(sorted(forms))))
    for org in nlp.get_pipe("entityx_organizations").data["organizations"].values():
        key = "ORG|" + org["id"]
        targets[key] = ("ORG", org["id"])
        matcher.add(key, list(nlp.tokenizer.pipe(sorted({*org["names"], *org["acronyms"]}))))
    places = nlp.get_pipe("entityx_places").data
    for country in places["countries"].values():
        key = "LOC|" + country["code"]
        targets[key] = ("LOC", country["code"])
        matcher.add(key, list(nlp.tokenizer.pipe(country["names"])))
    for city in places["cities"].values():
        key = "LOC|" + city["id"]
        targets[key] = ("LOC", city["id"])
        matcher.add(key, list(nlp.tokenizer.pipe(city["names"])))
    return matcher, targets


def format_table(rows: dict[str, dict[str, Any]]) -> str:
    """A readable table: one column per system, one row per headline figure."""
    names = list(rows)
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    keys = ["events_p", "events_r", "events_f", "slot_accuracy", "false_events_per_negative_doc",
            "ents_p", "ents_r", "ents_f", "ents_lenient_f", "OFFICIAL_f", "OFFICIAL_lenient_f", "ORG_f",
            "LOC_f", "DATE_f", "link_accuracy", "date_value_accuracy"]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(f"{rows[n].get(key, 0.0):.3f}" for n in names) + " |")
    slots = rows[names[0]].get("slot_accuracy_per_slot", {})
    for slot in slots:
        lines.append(f"| slot {slot} | " + " | ".join(
            f"{rows[n].get('slot_accuracy_per_slot', {}).get(slot, 0.0):.3f}" for n in names) + " |")
    return "\n".join(lines)


def format_errors(errors: Iterable[dict[str, Any]]) -> str:
    lines = []
    for e in errors:
        detail = {k: v for k, v in e.items() if k not in ("doc", "type", "sentence")}
        lines.append(f"[{e['doc']}] {e['type']}: {json.dumps(detail, ensure_ascii=False)}\n    > {e.get('sentence', '')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="entityx evaluate", description="Score entityx on annotated documents.")
    parser.add_argument("path", help="a .jsonl file or a folder of them (docs/annotation.md)")
    parser.add_argument("--split", help="only documents of this split (dev, test)")
    parser.add_argument("--json", dest="json_out", help="write the full report as JSON here")
    parser.add_argument("--errors", action="store_true", help="list every error with its sentence")
    parser.add_argument("--no-baseline", action="store_true", help="skip the gazetteer-match baseline")
    parser.add_argument("--base", default="auto", help="auto | blank | installed spaCy pipeline")
    parser.add_argument("--record", help="write the headline figures here (the regression guard's record)")
    args = parser.parse_args(argv)
    from .api import load

    try:
        docs = load_annotations(args.path, split=args.split)
    except AnnotationError as exc:
        print(f"entityx evaluate: error: {exc}", file=sys.stderr)
        return 2
    nlp = load(base=args.base)
    result = evaluate(docs, nlp)
    rows = {"entityx": result["report"]}
    if not args.no_baseline:
        rows["gazetteer match (baseline)"] = evaluate_baseline(docs)["report"]
        lg = _statistical_baseline(docs)
        if lg is not None:
            rows["de_core_news_lg NER"] = lg
    print(f"{len(docs)} documents" + (f" (split {args.split})" if args.split else ""))
    print(format_table(rows))
    if args.errors:
        print()
        print(format_errors(result["errors"]))
    if args.record:
        record = {key: round(result["report"][key], 4) for key in HEADLINE}
        Path(args.record).write_text(json.dumps({"split": args.split, "documents": len(docs), "figures": record},
                                                indent=1) + "\n", encoding="utf-8")
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps({"documents": len(docs), "split": args.split, "systems": rows,
                                                   "errors": result["errors"]}, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    return 0


def _statistical_baseline(docs: list[AnnotatedDoc]) -> dict[str, Any] | None:
    """de_core_news_lg's own NER mapped to our labels (PER→OFFICIAL, ORG→ORG, LOC→LOC), if installed."""
    import importlib.util

    if importlib.util.find_spec("de_core_news_lg") is None:
        return None
    import spacy

    nlp = spacy.load("de_core_news_lg")
    mapping = {"PER": "OFFICIAL", "ORG": "ORG", "LOC": "LOC"}
    tally = _Tally()
    for doc in docs:
        parsed = nlp(doc.text)
        found = [{"start": e.start_char, "end": e.end_char, "label": mapping[e.label_], "id": None}
                 for e in parsed.ents if e.label_ in mapping]
        _score_entities(tally, doc, found)
        _score_events(tally, doc, [])
    return _report(tally)


if __name__ == "__main__":
    raise SystemExit(main())
