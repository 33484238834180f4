"""One event per trip: how the sentence-level mentions of a trip merge, and how summits and
receptions told without visitors ("frames") lend their dates, city, host and organizations.

The mention record (:class:`_Mention`) is defined here because merging is what it is for;
:mod:`entityx.components.events` creates the mentions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from .event_text import _Item


MAX_GAP_DAYS = 2  # mentions of one visitor in one country on days this close are one stay


VISIT_TYPE_ORDER = ("state", "official", "working", "inaugural", "unspecified")


@dataclass(slots=True)
class _Mention:
    """One sentence's reading of one trip (before merging). (Slots: thousands are made per
    corpus and their fields read in every merging and context step.)"""

    sentence: int
    visitor: dict[str, Any]
    country: str | None
    city: str | None
    start: str | None
    end: str | None
    visit_type: str
    status: str
    explicit_status: bool
    host: dict[str, Any] | None
    reporters: list[dict[str, Any]]
    trigger: int
    strength: float
    sentences: set[int] = field(default_factory=set)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    range_given: bool = False
    host_rank: int = 0  # 3 "auf Einladung des"/"Gastgeber", 2 subject of "empfing", 1 other local
    summit: bool = False
    co_visitors: set[str] = field(default_factory=set)
    other_destinations: set[str] = field(default_factory=set)  # countries of the same sentence's other stops
    trigger_orgs: list[dict[str, Any]] = field(default_factory=list)
    period: str | None = None  # the month the sentence names ("Anfang Juli": "XXXX-07"), to tell trips apart
    origin: str | None = None  # country left that day ("flog am 7. Mai von Paris nach Belgrad")
    year: str | None = None  # a bare year of the sentence ("war 2014 nach Kasachstan gereist")


def _merge(mentions: list[_Mention], on: dt.date | None) -> list[_Mention]:
    """Mentions of the same trip become one: same visitor, compatible destination and dates."""
    events: list[_Mention] = []
    by_visitor: dict[str, list[_Mention]] = {}  # the events so far of each visitor, in order
    for m in mentions:
        same_visitor = by_visitor.setdefault(_key(m.visitor), [])
        # (the visitor's earlier events only: their visitor need not be compared again)
        target = next((e for e in same_visitor if _same_stay(e, m)), None)
        if target is None:
            events.append(m)
            same_visitor.append(m)
            continue
        if target.country is None:
            target.country = m.country
        target.period = target.period or m.period
        target.year = target.year or m.year
        if m.city and (target.city is None):
            target.city = m.city
        if m.start and (target.start is None or (m.range_given and not target.range_given)):
            target.start, target.end, target.range_given = m.start, m.end, m.range_given
        elif m.start and target.start and not target.range_given:
            # day-by-day mentions of one stay: the stay covers them all
            days = sorted(d for d in (target.start, target.end, m.start, m.end) if d)
            target.start, target.end = days[0], days[-1]
        if m.host and m.host_rank > target.host_rank:
            target.host, target.host_rank = m.host, m.host_rank
        target.summit = target.summit or m.summit
        target.co_visitors |= m.co_visitors
        target.visit_type = _most_specific([target.visit_type, m.visit_type])
        if m.explicit_status and (not target.explicit_status or m.sentence > target.sentence):
            target.status, target.explicit_status = m.status, True
        target.sentences |= m.sentences
        target.strength = max(target.strength, m.strength)
        for person in m.meetings:
            if all(_key(p) != _key(person) for p in target.meetings):
                target.meetings.append(person)
        for org in m.organizations:
            if all(o["id"] != org["id"] for o in target.organizations):
                target.organizations.append(org)
        for r in m.reporters:
            if all(_key(x) != _key(r) for x in target.reporters):
                target.reporters.append(r)
    return events


def _end_at_departures(events: list[_Mention]) -> None:
    """'Von dort flog Xi am Abend des 7. Mai nach Serbien': the stay in France lasted until the
    day of leaving (when that is after it began and within two weeks)."""
    for i, event in enumerate(events):
        if not (event.origin and event.start):
            continue
        left = next((e for e in reversed(events[:i]) if _key(e.visitor) == _key(event.visitor)
                     and e.country == event.origin and e.start), None)
        if left is None:
            continue
        days = _days(event.start, left.start)
        if 0 <= days <= 14 and _days(event.start, left.end or left.start) > 0:
            left.end = event.start


def _date_status(start: str, end: str | None, on: dt.date) -> str:
    """Status from the trip's dates relative to the document date (an open end: still ongoing)."""
    if end is not None and dt.date.fromisoformat(end) < on:
        return "completed"
    if dt.date.fromisoformat(start) > on:
        return "planned"
    return "ongoing"


def _same_stay(a: _Mention, b: _Mention) -> bool:
    """Two mentions of one visitor tell the same stay: compatible destination, month and dates."""
    postponed = "postponed" in (a.status, b.status)  # the new date is the same trip's
    if a.period and b.period and a.period[-2:] != b.period[-2:] and not (a.start and b.start) and not postponed:
        return False  # "Anfang Juli in Astana" and "Ende November in Astana" are two trips
    if a.country and b.country and a.country != b.country:
        return False
    if a.start and b.start:
        # overlapping, or days close enough to be one stay told day by day ("landete am Mittwoch
        # in Samarkand ... setzte am Donnerstag fort")
        a_end, b_end = a.end or a.start, b.end or b.start
        gap = max(_days(b.start, a_end), _days(a.start, b_end))
        return gap <= MAX_GAP_DAYS and (a.country == b.country or not (a.country and b.country))
    return True


def _days(later: str, earlier: str) -> int:
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def _mention_counts(mentions: list[_Mention]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in mentions:
        counts[_key(m.visitor)] = counts.get(_key(m.visitor), 0) + 1
    return counts


def _main_traveller(mentions: list[_Mention], counts: dict[str, int] | None = None) -> dict[str, Any]:
    """The visitor told most often among ``mentions`` (ties: the one introduced first)."""
    counts = counts or _mention_counts(mentions)
    return max(mentions, key=lambda m: (counts[_key(m.visitor)], -m.sentence)).visitor


def _key(person: dict[str, Any]) -> str:
    return person.get("id") or person["name"]


def _org(span: _Item) -> dict[str, Any]:
    attrs = span.attrs
    return {"id": span.kb_id_, "acronym": attrs.get("acronym"), "acronym_en": attrs.get("acronym_en"),
            "name": attrs.get("name"), "members": attrs.get("members") or []}


def _apply_frames(events: list[_Mention], frames: list[dict[str, Any]]) -> None:
    """A summit or reception named without visitors ('Scholz hat die Präsidenten ... empfangen',
    'In Astana kommen ... am 3. und 4. Juli zusammen') lends its date, city, host and organizations
    to the trips to that country; dated summit mentions and hosted trips do the same for the
    others (a reception host also counts as met, a host borrowed from another trip does not)."""
    frames = frames + [{"sentence": e.sentence, "country": e.country, "city": e.city, "start": e.start,
                        "end": e.end, "host": e.host, "host_rank": min(e.host_rank, 2), "summit": e.summit,
                        "orgs": e.trigger_orgs if e.summit else [], "borrowed": True}
                       for e in events if (e.summit and e.start) or e.host_rank >= 2]
    for event in events:
        for frame in frames:
            if frame["country"] != event.country or frame.get("borrowed") and frame["host"] is event.host:
                continue
            summit_frame = frame.get("summit", True)
            # a trip told with another month ("im März 2022") does not take the frame's day
            other_month = bool(frame["start"] and event.period and event.period[:4].isdigit()
                               and frame["start"][:7] != event.period)
            if event.start is None and frame["start"] and summit_frame and not other_month:
                event.start, event.end = frame["start"], frame["end"]
            elif summit_frame and event.summit and event.start and frame["start"] and frame["end"] \
                    and frame["end"] > (event.end or event.start) \
                    and -2 <= _days(event.start, frame["start"]) and event.start <= frame["end"]:
                # "Angereist sind Biden, Scholz ..." on the first day of a summit that lasts until
                # Sunday: the guests stay until its end
                event.end = frame["end"]
            if event.city is None:
                event.city = frame["city"]
            if frame["host"] and frame["host_rank"] > event.host_rank and _key(frame["host"]) != _key(event.visitor):
                event.host, event.host_rank = frame["host"], frame["host_rank"]
                if not frame.get("borrowed") and frame["host_rank"] >= 2 and event.status not in (
                        "cancelled", "postponed") and all(_key(p) != _key(frame["host"]) for p in event.meetings):
                    event.meetings.insert(0, frame["host"])
            if summit_frame:
                for org in frame["orgs"]:
                    if all(o["id"] != org["id"] for o in event.organizations) and not _bilateral(org, event):
                        event.organizations.append(org)


def _bilateral(org: dict[str, Any], m: _Mention) -> bool:
    """A union of exactly the two parties (Unionsstaat) is the bilateral frame, not a third party."""
    members = set(org.get("members") or [])
    return bool(members) and members <= {m.visitor.get("country"), m.country}


def _most_specific(types: Iterable[str]) -> str:
    present = set(types)
    return next((t for t in VISIT_TYPE_ORDER if t in present), "unspecified")
