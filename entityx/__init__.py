"""entityx: German news text -> officials, organizations, places, dates and official-visit events.

    >>> from entityx import extract_events
    >>> events = extract_events(text, doc_date="2023-05-10")

Importing entityx is cheap: spaCy and the pipeline are loaded on first use (and cached) by
:func:`load`; the API functions are imported lazily from :mod:`entityx.api`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .errors import EntityxError, GazetteerError, ModelError  # noqa: E402
from .records import Destination, Entity, Evidence, OfficialVisit, Org, Person  # noqa: E402

_API = ("load", "extract_events", "extract_entities", "process", "find_doc_date")

if TYPE_CHECKING:  # pragma: no cover
    from .api import extract_entities, extract_events, find_doc_date, load, process  # noqa: F401

__all__ = [
    "__version__", *_API,
    "Entity", "Person", "Org", "Destination", "Evidence", "OfficialVisit",
    "EntityxError", "GazetteerError", "ModelError",
]


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'entityx' has no attribute {name!r}")
