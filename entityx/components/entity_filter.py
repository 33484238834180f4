"""One place decides ``doc.ents`` from the overlapping candidates in ``doc.spans["entityx"]``.

Longest span wins; for equal length, OFFICIAL > ORG > LOC > DATE. ROLE, NAT and LANDMARK spans
stay in the span group only, and so do durations ("zweitägigen") and vague references ("derzeit"):
the events component uses them, but they name no calendar date (docs/annotation.md). When a statistical NER (de_core_news_lg) ran before, its entities are
replaced: its PER/ORG/LOC have already been read by the officials component, and mixing label sets
in ``doc.ents`` would confuse users of our labels.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..spans import ENTITY_LABELS, SPAN_KEY, attrs_at, span_ids_in_group, span_records

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
        length = len(doc)
        if not length:
            doc.set_ents([], default="outside")
            return doc
        chosen = _choose(_candidates(doc))
        if span_ids_in_group(doc):
            # a span with a span id (added by hand): set_ents copies it into its tokens'
            # ENT_ID, so it needs the group's own Span
            group = doc.spans[SPAN_KEY]
            entities = [group[candidate[3]] for candidate in chosen]
        else:
            # the same Span, made from the record: cheaper than reading it from the group
            entities = [Span(doc, start, end, label, kb_id=kb_id)
                        for start, end, _rank, _position, label, kb_id in chosen]
        # ``doc.set_ents(entities, default="outside")``, cheaper: set_ents makes the tokens
        # outside the entities "O" in a Python-level loop over every token (a set lookup and
        # enum comparisons per token), most of its cost. Making every token "O" in one array
        # first and then letting set_ents write only the entities' tokens ("unmodified"
        # elsewhere) leaves each token as set_ents(default="outside") leaves it: type and IOB
        # as there, kb_id and ent_id written for entity tokens only, as there.
        outside = numpy.zeros((length, 2), dtype="uint64")
        outside[:, 0] = _OUTSIDE
        doc.from_array(_OUTSIDE_COLUMNS, outside)
        doc.set_ents(entities, default="unmodified")
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: D102 - nothing to save
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self


_OUTSIDE_COLUMNS = [ENT_IOB, ENT_TYPE]  # every token "O" without a type: (_OUTSIDE, 0)


def _candidates(doc: Doc) -> list[tuple[int, int, int, int, int, int]]:
    """The entity spans of the entityx group (not durations and vague dates), read from the span
    records (no ``Span`` object per candidate), by start, then end, then precedence rank
    (OFFICIAL > ORG > LOC > DATE), then group position: each as (start, end, rank, position,
    label, kb_id)."""
    rank_of = _PRIORITY_BY_ID.get
    found = [(start, end, rank, position, label, kb_id)
             for position, (start, end, start_char, end_char, label, kb_id) in enumerate(span_records(doc))
             if (rank := rank_of(label)) is not None
             and (rank != _DATE_RANK or _is_entity_date(doc, start_char, end_char))]
    found.sort()
    return found


_DATE_RANK = PRIORITY["DATE"]


def _is_entity_date(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the DATE span at these offsets names a calendar date (not a duration or vague)."""
    return attrs_at(doc, start_char, end_char, "DATE").get("granularity") not in NOT_ENTITY_GRANULARITIES


def _choose(candidates: list[tuple[int, int, int, int, int, int]]) -> list[tuple[int, int, int, int, int, int]]:
    """The candidates (by start, as ``_candidates`` gives them) that overlap no candidate of
    higher precedence chosen before: longest first; for equal length by rank, then earliest,
    then in group order.

    Most candidates overlap no other one and are chosen whatever the order: the precedence
    order is needed only within a cluster of overlapping candidates (found in one pass by
    start: a candidate joins the cluster when it starts before the cluster's furthest end),
    and candidates of different clusters never overlap."""
    chosen = []
    cluster = []
    furthest = -1
    for candidate in candidates:
        if candidate[0] >= furthest:  # a new cluster
            if len(cluster) > 1:
                chosen += _by_precedence(cluster)
            else:
                chosen += cluster
            cluster = [candidate]
            furthest = candidate[1]
        else:
            cluster.append(candidate)
            furthest = max(furthest, candidate[1])
    if len(cluster) > 1:
        chosen += _by_precedence(cluster)
    else:
        chosen += cluster
    return chosen


def _by_precedence(cluster: list[tuple[int, int, int, int, int, int]]) -> list[tuple[int, int, int, int, int, int]]:
    """The candidates of one cluster that overlap no candidate of higher precedence chosen
    before them (an empty one overlaps nothing)."""
    offset = cluster[0][0]  # (the cluster's first start is its smallest)
    used = bytearray(max(candidate[1] for candidate in cluster) - offset)
    chosen = []
    for candidate in sorted(cluster, key=_precedence):
        start, end = candidate[0] - offset, candidate[1] - offset
        if used.find(1, start, end) >= 0:
            continue
        used[start:end] = b"\x01" * (end - start)
        chosen.append(candidate)
    return chosen


def _precedence(candidate: tuple[int, int, int, int, int, int]) -> tuple[int, int, int, int]:
    start, end, rank, position = candidate[:4]
    return (start - end, rank, start, position)
