"""The records entityx returns: frozen dataclasses whose ``to_dict()`` is the documented JSON shape.

Records are built by :mod:`entityx.api` from what the spaCy components leave on the Doc; they hold
only plain values (str, int, float, ISO date strings), so ``json.dumps(record.to_dict())`` always works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_LABELS = ("OFFICIAL", "ORG", "LOC", "DATE")
VISIT_TYPES = ("state", "official", "working", "inaugural", "unspecified")
VISIT_STATUSES = ("planned", "ongoing", "completed", "postponed", "cancelled")


@dataclass(frozen=True, slots=True)
class Entity:
    """One tagged mention. ``attrs`` carries the label-specific fields (see ``to_dict``)."""

    label: str
    text: str
    start: int
    end: int
    id: str | None = None
    canonical: str | None = None
    attrs: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        """Label-specific field (``role``, ``country``, ``value`` ...)."""
        return dict(self.attrs).get(key, default)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label": self.label,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "id": self.id,
            "canonical": self.canonical,
        }
        out.update(self.attrs)
        return out


@dataclass(frozen=True, slots=True)
class Person:
    """An official as a participant of an event."""

    name: str
    id: str | None = None
    role: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "id": self.id, "role": self.role, "country": self.country}


@dataclass(frozen=True, slots=True)
class Org:
    """An organization discussed in the context of an event."""

    id: str
    acronym: str
    acronym_en: str | None
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "acronym": self.acronym, "acronym_en": self.acronym_en, "name": self.name}


@dataclass(frozen=True, slots=True)
class Destination:
    country: str | None = None
    city: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "city": self.city}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A character span of the input text (a sentence) that the event was read from."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class OfficialVisit:
    """One trip of one official to one destination, merged over all its mentions in a text."""

    visitor: Person
    destination: Destination = field(default_factory=Destination)
    start: str | None = None
    end: str | None = None
    visit_type: str = "unspecified"
    status: str = "planned"
    host: Person | None = None
    meetings: tuple[Person, ...] = ()
    organizations: tuple[Org, ...] = ()
    reported_by: Person | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "official_visit",
            "visitor": self.visitor.to_dict(),
            "destination": self.destination.to_dict(),
            "start": self.start,
            "end": self.end,
            "visit_type": self.visit_type,
            "status": self.status,
            "host": self.host.to_dict() if self.host else None,
            "meetings": [p.to_dict() for p in self.meetings],
            "organizations": [o.to_dict() for o in self.organizations],
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "OfficialVisit":
        """Inverse of ``to_dict`` (the events component stores events on the Doc as dicts)."""

        def person(d: dict[str, Any] | None) -> Person | None:
            return Person(d["name"], d.get("id"), d.get("role"), d.get("country")) if d else None

        return cls(
            visitor=person(data["visitor"]),  # type: ignore[arg-type]
            destination=Destination(**data.get("destination", {})),
            start=data.get("start"),
            end=data.get("end"),
            visit_type=data.get("visit_type", "unspecified"),
            status=data.get("status", "planned"),
            host=person(data.get("host")),
            meetings=tuple(person(m) for m in data.get("meetings", [])),  # type: ignore[misc]
            organizations=tuple(Org(**o) for o in data.get("organizations", [])),
            reported_by=person(data.get("reported_by")),
            evidence=tuple(Evidence(**e) for e in data.get("evidence", [])),
            confidence=float(data.get("confidence", 0.0)),
        )
