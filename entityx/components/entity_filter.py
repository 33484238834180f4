"""One place decides ``doc.ents`` from the overlapping candidates in ``doc.spans["entityx"]``.

Longest span wins; for equal length, OFFICIAL > ORG > LOC > DATE. ROLE, NAT and LANDMARK spans
stay in the span group only, and so do durations ("zweitägigen") and vague references ("derzeit"):
the events component uses them, but they name no calendar date (docs/annotation.md). When a statistical NER (de_core_news_lg) ran before, its entities are
replaced: its PER/ORG/LOC have already been read by the officials component, and mixing label sets
in ``doc.ents`` would confuse users of our labels.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..spans import ENTITY_LABELS, attrs_of, spans_of

PRIORITY = {label: rank for rank, label in enumerate(ENTITY_LABELS)}
# the same by label hash (``span.label``), which costs no string-store lookup per span
_PRIORITY_BY_ID = {get_string_id(label): rank for label, rank in PRIORITY.items()}
_DATE = get_string_id("DATE")
NOT_ENTITY_GRANULARITIES = frozenset(["duration", "vague"])


def _is_entity(span) -> bool:
    return span.label != _DATE or attrs_of(span).get("granularity") not in NOT_ENTITY_GRANULARITIES


def _precedence(span) -> tuple[int, int, int]:
    """Longest first; for equal length by label (OFFICIAL > ORG > LOC > DATE), then earliest."""
    return span.start - span.end, _PRIORITY_BY_ID[span.label], span.start


@Language.factory("entityx_entity_filter", assigns=["doc.ents"], default_config={})
def make_entity_filter(nlp: Language, name: str) -> "EntityFilter":
    return EntityFilter(name)


class EntityFilter:
    def __init__(self, name: str = "entityx_entity_filter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        candidates = [s for s in spans_of(doc, *ENTITY_LABELS) if _is_entity(s)]
        candidates.sort(key=_precedence)
        chosen = []
        used = [False] * len(doc)
        for span in candidates:
            if any(used[span.start:span.end]):
                continue
            for i in range(span.start, span.end):
                used[i] = True
            chosen.append(span)
        doc.set_ents(sorted(chosen, key=lambda s: s.start), default="outside")
        return doc

    def to_disk(self, path, *, exclude=()):  # noqa: D102 - nothing to save
        return None

    def from_disk(self, path, *, exclude=()):  # noqa: D102
        return self
