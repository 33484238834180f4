"""entityx: German news text -> officials, organizations, places, dates and official-visit events.

    >>> from entityx import extract_events
    >>> events = extract_events(text, doc_date="2023-05-10")

Importing entityx is cheap; the pipeline is loaded on first use (and cached) by :func:`load`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import extract_entities, extract_events, load, process  # noqa: E402
from .errors import EntityxError, GazetteerError, ModelError  # noqa: E402
from .records import Destination, Entity, Evidence, OfficialVisit, Org, Person  # noqa: E402

__all__ = [
    "__version__", "load", "extract_events", "extract_entities", "process",
    "Entity", "Person", "Org", "Destination", "Evidence", "OfficialVisit",
    "EntityxError", "GazetteerError", "ModelError",
]
