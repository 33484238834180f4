"""One place decides ``doc.ents`` from the overlapping candidates in ``doc.spans["entityx"]``.

Longest span wins; for equal length, OFFICIAL > ORG > LOC > DATE. ROLE, NAT and LANDMARK spans
stay in the span group only, and so do durations ("zweitägigen") and vague references ("derzeit"):
the events component uses them, but they name no calendar date (docs/annotation.md). When a statistical NER (de_core_news_lg) ran before, its entities are
replaced: its PER/ORG/LOC have already been read by the officials component, and mixing label sets
in ``doc.ents`` would confuse users of our labels.
"""

from __future__ import annotations

import operator

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..spans import ENTITY_LABELS, SPAN_KEY, attrs_at, span_records

PRIORITY = {label: rank for rank, label in enumerate(ENTITY_LABELS)}
# the same by label hash (a span record's label), which costs no string-store lookup per span
_PRIORITY_BY_ID = {get_string_id(label): rank for label, rank in PRIORITY.items()}
NOT_ENTITY_GRANULARITIES = frozenset(["duration", "vague"])
_OUTSIDE = 2  # ENT_IOB "O"


@Language.factory("entityx_entity_filter", assigns=["doc.ents"], default_config={})
def make_entity_filter(nlp: Language, name: str) -> "EntityFilter":
    return EntityFilter(name)


class EntityFilter:
    def __init__(self, name: str = "entityx_entity_filter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        chosen = _entity_spans(doc, _choose(_candidates(doc), len(doc)))
        if not len(doc):
            doc.set_ents(chosen, default="outside")
            return doc
        # ``doc.set_ents(chosen, default="outside")``, cheaper: set_ents makes the tokens
        # outside the entities "O" in a Python-level loop over every token (a set lookup and
        # enum comparisons per token), most of its cost. Making every token "O" in one array
        # first and then letting set_ents write only the entities' tokens ("unmodified"
        # elsewhere) leaves each token as set_ents(default="outside") leaves it: type and IOB
        # as there, kb_id and ent_id written for entity tokens only, as there.
        outside = numpy.zeros((len(doc), 2), dtype="uint64")
        outside[:, 0] = _OUTSIDE
        doc.from_array([ENT_IOB, ENT_TYPE], outside)
        doc.set_ents(chosen, default="unmodified")
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: D102 - nothing to save
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self


def _candidates(doc: Doc) -> list[tuple[int, int, int, int, int]]:
    """The entity spans of the entityx group (not durations and vague dates), by precedence:
    longest first; for equal length by label (OFFICIAL > ORG > LOC > DATE), then earliest;
    each as (start - end, rank, start, position in the group, end).

    Read from the span records (no ``Span`` object per candidate) in group order and sorted
    once, with the group position as the last key: what sorting ``spans_of(doc,
    *ENTITY_LABELS)`` (by start, longer first) by precedence gives, because spans that tie on
    precedence have the same start and end and so keep their group order in both."""
    rank_of = _PRIORITY_BY_ID.get
    keyed = [(start - end, rank, start, position, end)
             for position, (start, end, start_char, end_char, label, _kb_id) in enumerate(span_records(doc))
             if (rank := rank_of(label)) is not None
             and (rank != _DATE_RANK or _is_entity_date(doc, start_char, end_char))]
    keyed.sort()
    return keyed


_DATE_RANK = PRIORITY["DATE"]


def _is_entity_date(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the DATE span at these offsets names a calendar date (not a duration or vague)."""
    return attrs_at(doc, start_char, end_char, "DATE").get("granularity") not in NOT_ENTITY_GRANULARITIES


def _choose(candidates: list[tuple[int, int, int, int, int]], length: int) -> list[tuple[int, int]]:
    """The candidates that overlap no earlier one, as (start, position in the group), in
    document order."""
    used = bytearray(length)
    chosen = []
    for _length, _rank, start, position, end in candidates:
        if used.find(1, start, end) >= 0:
            continue
        used[start:end] = b"\x01" * (end - start)
        chosen.append((start, position))
    chosen.sort(key=_START)  # (stable: keeps the order of empty spans at one start)
    return chosen


_START = operator.itemgetter(0)


def _entity_spans(doc: Doc, chosen: list[tuple[int, int]]) -> list:
    """The group's ``Span`` objects of the chosen candidates (only they need one, for
    ``set_ents``), in the order given."""
    if not chosen:
        return []
    group = doc.spans[SPAN_KEY]
    return [group[position] for _start, position in chosen]
