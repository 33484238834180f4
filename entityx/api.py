"""The public API: ``load``, ``extract_events``, ``extract_entities``, ``process``, ``find_doc_date``.

Inputs are checked here, at the boundary (``TypeError`` for a non-str text, ``ValueError`` for a
bad ``doc_date``); everything below trusts them. Texts are run through ``nlp.pipe``; very long
texts are cut into paragraph-aligned chunks so memory stays bounded, and offsets are shifted back.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import logging
from collections import deque
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401 - registers the factories
from .errors import ModelError
from .gazetteer import load_gazetteers
from .pipeline import DATA_PIPES, ENTITYX_PIPES, MODEL_NAME
from .records import Entity, OfficialVisit
from .spans import ENTITY_LABELS, attrs_of
from .tokenizer import split_hyphenated_compounds

log = logging.getLogger("entityx")

LARGE_MODEL = "de_core_news_lg"
CHUNK_CHARS = 100_000  # spaCy's own limit is 1,000,000; smaller chunks keep memory flat
DocDate = dt.date | str | None


# --------------------------------------------------------------------------- loading


def shipped_model_path() -> Path:
    return Path(str(resources.files("entityx.models"))) / MODEL_NAME


def load(model: str | Path | None = None, *, gazetteers: Sequence[str | Path] = (),
         base: str = "auto") -> Language:
    """The entityx pipeline, loaded once per distinct set of arguments and cached.

    model: path of a saved entityx pipeline (default: the one installed with the package).
    gazetteers: extra gazetteer YAML files of your own; entries are added to the shipped ones
        (an entry with an existing id replaces it). Errors name file, line and entry.
    base: "auto" uses de_core_news_lg when it is installed (its NER finds people no gazetteer
        lists) and spaCy's blank German otherwise; "blank" never uses it; any other value is
        the name of an installed spaCy pipeline (or the path of a saved one) to use as the
        base. Nothing is ever downloaded.
    """
    key = (str(model) if model else None, tuple(str(Path(p).resolve()) for p in gazetteers), base)
    return _load_cached(*key)


@functools.lru_cache(maxsize=8)
def _load_cached(model: str | None, gazetteers: tuple[str, ...], base: str) -> Language:
    path = Path(model) if model else shipped_model_path()
    if not (path / "config.cfg").exists():
        raise ModelError(f"no entityx pipeline at {path}; build it with `python -m entityx.pipeline --out {path}`")
    nlp = spacy.load(path)
    if gazetteers:
        known_roles = nlp.get_pipe("entityx_officials").data.get("roles", {}).keys()
        extra = load_gazetteers(gazetteers, known_roles=known_roles)
        for name in DATA_PIPES:
            nlp.get_pipe(name).extend(extra)
    base_nlp = _base_pipeline(base)
    if base_nlp is None:
        log.info("entityx: using spaCy blank German + entityx components (%s not used)", LARGE_MODEL)
    else:
        log.info("entityx: using %s as the base pipeline", base_nlp.meta.get("name", base))
        nlp = _graft(nlp, base_nlp)
    # A tokenizer read from disk (or after many phrase patterns were tokenized) skips its cache
    # until its special cases are set again (spaCy 3.8: four times slower on news text).
    nlp.tokenizer.rules = nlp.tokenizer.rules
    return nlp


def _base_pipeline(base: str) -> Language | None:
    if base == "blank":
        return None
    name = LARGE_MODEL if base == "auto" else base
    if base != "auto" and (Path(base) / "config.cfg").exists():
        return spacy.load(base)  # a saved pipeline directory
    if importlib.util.find_spec(name) is None:
        if base != "auto":
            raise ModelError(f"spaCy pipeline {name!r} is not installed (entityx never downloads models)")
        return None
    return spacy.load(name)


def _graft(ours: Language, base: Language) -> Language:
    """Our components on top of a statistical German pipeline, data copied over (no files needed)."""
    split_hyphenated_compounds(base)
    first = base.pipe_names[0] if base.pipe_names else None
    base.add_pipe("entityx_sentences", before=first) if first else base.add_pipe("entityx_sentences")
    for name in ENTITYX_PIPES:
        config = {k: v for k, v in ours.config["components"][name].items() if k != "factory"}
        pipe = base.add_pipe(name, config=config)
        if hasattr(pipe, "set_data"):
            pipe.from_bytes(ours.get_pipe(name).to_bytes())
    return base


# --------------------------------------------------------------------------- checking input


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


def normalize_doc_date(doc_date: DocDate) -> str | None:
    """datetime.date, datetime.datetime, ISO string or None -> ISO date string or None."""
    if doc_date is None:
        return None
    if isinstance(doc_date, dt.datetime):
        return doc_date.date().isoformat()
    if isinstance(doc_date, dt.date):
        return doc_date.isoformat()
    if isinstance(doc_date, str):
        try:
            return dt.date.fromisoformat(doc_date.strip()[:10]).isoformat()
        except ValueError:
            raise ValueError(f"doc_date must be an ISO date like '2023-05-10', got {doc_date!r}") from None
    raise TypeError(f"doc_date must be datetime.date, an ISO date string or None, not {type(doc_date).__name__}")


def find_doc_date(text: str) -> dt.date | None:
    """The article's date read from its dateline and header lines, or None.

    Used by ``process`` (and so by ``extract_events``/``extract_entities``) when no
    ``doc_date`` is given; see :mod:`entityx.temporal.docdate` for the order of preference.
    """
    from .temporal import find_doc_date as find

    return find(_check_text(text))


def _chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ``limit`` chars, cut at paragraph or sentence ends."""
    if len(text) <= limit:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end))
            if cut <= start + limit // 2:
                cut = text.rfind(". ", start, end) + 1
            if cut > start + limit // 2:
                end = cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


# --------------------------------------------------------------------------- processing


def process(texts: Iterable[str], *, doc_date: DocDate = None, nlp: Language | None = None,
            batch_size: int = 16) -> Iterator[list[tuple[int, Doc]]]:
    """Run the pipeline over texts with ``nlp.pipe``; per text, its (offset, Doc) chunks.

    Without ``doc_date`` each text's own date (``find_doc_date``) anchors its relative dates.
    """
    nlp = nlp or load()
    iso = normalize_doc_date(doc_date)
    items: deque[tuple[int, int, str]] = deque()  # (text number, offset, piece), in pipe order

    def docs() -> Iterator[Doc]:
        for number, text in enumerate(texts):
            _check_text(text)
            found = find_doc_date(text) if iso is None else None
            text_iso = iso or (found.isoformat() if found else None)
            for offset, piece in _chunks(text):
                items.append((number, offset, piece))
                doc = nlp.make_doc(piece)
                doc._.entityx_doc_date = text_iso
                yield doc

    current: list[tuple[int, Doc]] = []
    current_number: int | None = None
    for doc in nlp.pipe(docs(), batch_size=batch_size):
        number, offset, _ = items.popleft()
        if current_number is not None and number != current_number:
            yield current
            current = []
        current_number = number
        current.append((offset, doc))
    if current:
        yield current


def extract_events(text: str, *, doc_date: DocDate = None, nlp: Language | None = None) -> list[OfficialVisit]:
    """Official-visit events in a German text, one per trip, in order of first mention."""
    _check_text(text)
    if not text.strip():
        return []
    chunks = next(process([text], doc_date=doc_date, nlp=nlp))
    return events_from_docs(chunks)


def extract_entities(text: str, *, doc_date: DocDate = None, nlp: Language | None = None) -> list[Entity]:
    """OFFICIAL, ORG, LOC and DATE entities with character offsets into ``text``."""
    _check_text(text)
    if not text.strip():
        return []
    chunks = next(process([text], doc_date=doc_date, nlp=nlp))
    return entities_from_docs(chunks)


def entities_from_docs(chunks: list[tuple[int, Doc]]) -> list[Entity]:
    out = []
    for offset, doc in chunks:
        for span in doc.ents:
            if span.label_ in ENTITY_LABELS:
                out.append(_entity(span, offset))
    return out


def events_from_docs(chunks: list[tuple[int, Doc]]) -> list[OfficialVisit]:
    events: list[dict[str, Any]] = []
    for offset, doc in chunks:
        earlier = list(events)  # events of one chunk are already distinct trips
        for event in doc._.entityx_events or []:
            shifted = dict(event, evidence=[dict(e, start=e["start"] + offset, end=e["end"] + offset)
                                            for e in event["evidence"]])
            if not _merge_across_chunks(earlier, shifted):
                events.append(shifted)
    return [OfficialVisit.from_dict(e) for e in events]


def _merge_across_chunks(events: list[dict[str, Any]], event: dict[str, Any]) -> bool:
    """A trip mentioned on both sides of a chunk cut is still one event: merge it into its
    match among ``events`` (True) or report that there is none (False)."""
    def key(e: dict[str, Any]) -> tuple[Any, ...]:
        v = e["visitor"]
        return (v.get("id") or v["name"], e["destination"]["country"], e["start"])

    for existing in events:
        if key(existing) == key(event):
            existing["evidence"] = existing["evidence"] + event["evidence"]
            for field in ("meetings", "organizations"):
                ids = {str(x.get("id") or x.get("name")) for x in existing[field]}
                existing[field] = existing[field] + [x for x in event[field]
                                                     if str(x.get("id") or x.get("name")) not in ids]
            return True
    return False


def _entity(span, offset: int) -> Entity:
    attrs = attrs_of(span)
    label = span.label_
    kb_id = span.kb_id_ or None
    if label == "OFFICIAL":
        extra = {"role": attrs.get("role"), "country": attrs.get("country")}
        canonical = attrs.get("name") if kb_id else None
    elif label == "ORG":
        extra = {"acronym": attrs.get("acronym"), "acronym_en": attrs.get("acronym_en"), "name": attrs.get("name")}
        canonical = attrs.get("name")
    elif label == "LOC":
        extra = {"country": attrs.get("country"), "kind": attrs.get("kind")}
        canonical = attrs.get("name")
    else:
        extra = {"value": attrs.get("value"), "start_date": attrs.get("start_date"),
                 "end_date": attrs.get("end_date")}
        canonical = None
    return Entity(label=label, text=span.text, start=span.start_char + offset, end=span.end_char + offset,
                  id=kb_id, canonical=canonical, attrs=tuple(extra.items()))
