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

from ..spans import ENTITY_LABELS, SPAN_KEY, attrs_of

PRIORITY = {label: rank for rank, label in enumerate(ENTITY_LABELS)}
# the same by label hash (``span.label``), which costs no string-store lookup per span
_PRIORITY_BY_ID = {get_string_id(label): rank for label, rank in PRIORITY.items()}
_DATE = get_string_id("DATE")
NOT_ENTITY_GRANULARITIES = frozenset(["duration", "vague"])
_OUTSIDE = 2  # ENT_IOB "O"


def _is_entity(span) -> bool:
    return span.label != _DATE or attrs_of(span).get("granularity") not in NOT_ENTITY_GRANULARITIES


@Language.factory("entityx_entity_filter", assigns=["doc.ents"], default_config={})
def make_entity_filter(nlp: Language, name: str) -> "EntityFilter":
    return EntityFilter(name)


class EntityFilter:
    def __init__(self, name: str = "entityx_entity_filter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        chosen = _choose(_candidates(doc), len(doc))
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


def _candidates(doc: Doc) -> list:
    """The entity spans of the entityx group (not durations and vague dates), by precedence:
    longest first; for equal length by label (OFFICIAL > ORG > LOC > DATE), then earliest.

    Read in group order and sorted once, with the group position as the last key: what
    sorting ``spans_of(doc, *ENTITY_LABELS)`` (by start, longer first) by precedence gives,
    because spans that tie on precedence have the same start and end and so keep their
    group order in both."""
    groups = doc.spans
    if SPAN_KEY not in groups:
        return []
    priority = _PRIORITY_BY_ID
    keyed = []
    for position, span in enumerate(groups[SPAN_KEY]):
        rank = priority.get(span.label)
        if rank is None or (rank == _DATE_RANK and not _is_entity(span)):
            continue
        start = span.start
        keyed.append((start - span.end, rank, start, position, span))
    keyed.sort()
    return [entry[-1] for entry in keyed]


_DATE_RANK = PRIORITY["DATE"]


def _choose(candidates: list, length: int) -> list:
    """The candidates that overlap no earlier one, in document order."""
    used = bytearray(length)
    chosen = []
    for span in candidates:
        start, end = span.start, span.end
        if used.find(1, start, end) >= 0:
            continue
        used[start:end] = b"\x01" * (end - start)
        chosen.append(span)
    chosen.sort(key=_START)
    return chosen


_START = operator.attrgetter("start")
