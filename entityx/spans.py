"""Where entityx keeps its results on a Doc, in one place.

- ``doc.spans["entityx"]``: every candidate span of every tagger (overlaps allowed). Labels:
  OFFICIAL, ORG, LOC, DATE (exported as entities), ROLE (an office named without a person,
  "der russische Außenminister"), NAT (a country adjective), LANDMARK (Kreml, Élysée-Palast).
- identity in the built-ins: ``span.label_`` and ``span.kb_id_`` (they survive DocBin);
- JSON-safe extra values in ``span._.entityx_attrs``, keyed by label, because ``Span._`` values are
  keyed by character offsets and two spans with the same offsets would otherwise share them;
- ``doc._.entityx_doc_date`` (ISO date string or None) and ``doc._.entityx_events`` (list of dicts).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Span

SPAN_KEY = "entityx"
ENTITY_LABELS = ("OFFICIAL", "ORG", "LOC", "DATE")

if not Span.has_extension("entityx_attrs"):
    Span.set_extension("entityx_attrs", default=None)
if not Doc.has_extension("entityx_doc_date"):
    Doc.set_extension("entityx_doc_date", default=None)
if not Doc.has_extension("entityx_events"):
    Doc.set_extension("entityx_events", default=None)


def add_span(doc: Doc, start: int, end: int, label: str, *, kb_id: str = "",
             attrs: dict[str, Any] | None = None) -> Span:
    """Add a token span to the entityx span group, with its label-keyed attributes."""
    span = Span(doc, start, end, label=label, kb_id=kb_id or "")
    if attrs is not None:
        stored = dict(span._.entityx_attrs or {})
        stored[label] = attrs
        span._.entityx_attrs = stored
    group = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else None
    if group is None:
        doc.spans[SPAN_KEY] = [span]
    else:
        group.append(span)
    return span


def attrs_of(span: Span) -> dict[str, Any]:
    """The attributes stored for this span's label ({} when none)."""
    stored = span._.entityx_attrs or {}
    return stored.get(span.label_, {})


def spans_of(doc: Doc, *labels: str) -> list[Span]:
    """Spans of the entityx group with the given labels, in document order."""
    if SPAN_KEY not in doc.spans:
        return []
    wanted = set(labels)
    return sorted((s for s in doc.spans[SPAN_KEY] if not wanted or s.label_ in wanted),
                  key=lambda s: (s.start, -s.end))


def doc_date(doc: Doc) -> dt.date | None:
    value = doc._.entityx_doc_date
    return dt.date.fromisoformat(value) if value else None
