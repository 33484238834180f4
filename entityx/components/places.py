"""Places: countries, cities, country adjectives and landmarks, linked to ISO 3166-1 alpha-2.

Spans added to ``doc.spans["entityx"]``:
- LOC  kb_id "RU" (country) or "RU:Moskau" (city); attrs {country, kind, name}
- NAT  a country adjective in any inflection ("belarussischen"); attrs {country}
- LANDMARK  "Kreml", "Élysée-Palast"; attrs {country, city}

A country adjective before "Hauptstadt" ("in der belarussischen Hauptstadt") names the capital,
before another place noun ("auf der indonesischen Insel Bali") at least the country; like a
landmark it is a destination hint (LANDMARK), not an entity.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..spans import add_span_tuples

PLACE_NOUNS = frozenset(["Hauptstadt", "Insel", "Stadt", "Hafenstadt", "Küstenstadt", "Metropole", "Provinz",
                         "Region", "Grenzstadt", "Millionenstadt", "Kurort", "Urlaubsort", "Badeort"])
from .base import GazetteerComponent, longest_first


@Language.factory("entityx_places", assigns=["doc.spans"], default_config={})
def make_places(nlp: Language, name: str) -> "PlaceTagger":
    return PlaceTagger(nlp, name)


class PlaceTagger(GazetteerComponent):
    """Exact, case-sensitive phrase matching of place names from the places gazetteer."""

    sections = ("countries", "cities", "landmarks")

    def _compile(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        # match id -> label, kb_id, attrs
        self._targets: dict[int, tuple[str, str, dict[str, Any]]] = {}
        for country in self.data.get("countries", {}).values():
            self._add(f"LOC|{country['code']}", "LOC", country["code"],
                      {"country": country["code"], "kind": "country", "name": country["name"]},
                      country["names"])
            adjectives = country.get("adjectives", [])
            forms = set(adjectives) | {a[:1].upper() + a[1:] for a in adjectives}
            self._add(f"NAT|{country['code']}", "NAT", country["code"],
                      {"country": country["code"]}, sorted(forms))
        self._capitals: dict[str, dict[str, Any]] = {}
        for city in self.data.get("cities", {}).values():
            if city.get("capital") and not city.get("valid_to"):
                self._capitals.setdefault(city["country"], city)
        for city in self.data.get("cities", {}).values():
            # datelines write the city in capitals: "MOSKAU, 10. Mai (BelTA)"
            capitals = [n.upper() for n in city["names"] if len(n) >= 4 and n.upper() != n]
            self._add(f"LOC|{city['id']}", "LOC", city["id"],
                      {"country": city["country"], "kind": "city", "name": city["name"]},
                      city["names"] + capitals)
        for landmark in self.data.get("landmarks", {}).values():
            self._add(f"LANDMARK|{landmark['name']}", "LANDMARK", landmark["city"] or landmark["country"],
                      {"country": landmark["country"], "city": landmark["city"]}, landmark["names"])

    def _add(self, key: str, label: str, kb_id: str, attrs: dict[str, Any], names: list[str]) -> None:
        if not names:
            return
        self._targets[self.nlp.vocab.strings[key]] = (label, kb_id, attrs)
        self.matcher.add(key, list(self.nlp.tokenizer.pipe(names)))

    def __call__(self, doc: Doc) -> Doc:
        # Longest match first, so "Republik Belarus" wins over "Belarus" for the same label. A
        # match inside an earlier one of its label is skipped; the earlier ones all start at or
        # before it, so it is inside one of them exactly when one of them ends at or after it.
        matches = self.matcher(doc)
        if not matches:
            return doc
        longest_first(matches)
        targets = self._targets
        taken_until = {"LOC": 0, "NAT": 0, "LANDMARK": 0}  # by label: the furthest end taken
        length = len(doc)
        found = []  # (start, end, label, kb_id, attrs) of the spans to add, in order
        for match_id, start, end in matches:
            label, kb_id, attrs = targets[match_id]
            if end <= taken_until[label]:
                continue
            taken_until[label] = end
            found.append((start, end, label, kb_id, attrs))
            if label == "NAT" and end < length:
                noun = doc[end].text
                if noun in PLACE_NOUNS:
                    found.append(self._described_place(start, end + 1, noun, attrs["country"]))
        add_span_tuples(doc, found)
        return doc

    def _described_place(self, start: int, end: int, noun: str, country: str) -> tuple:
        """A country adjective and a place noun: a description, not a name; a destination hint
        like a landmark, not an entity. Before "Hauptstadt" it names the capital."""
        capital = self._capitals.get(country) if noun == "Hauptstadt" else None
        if capital is not None:
            return (start, end, "LANDMARK", capital["id"], {"country": capital["country"], "city": capital["id"]})
        # "auf der indonesischen Insel Bali", "in der chinesischen Hafenstadt"
        return (start, end, "LANDMARK", country, {"country": country, "city": ""})
