"""International organizations: acronyms (also inside hyphenated compounds) and long forms.

Adds ORG spans to ``doc.spans["entityx"]`` with kb_id = organization id and attrs
{acronym, acronym_en, name, members}. National bodies (ministries, parliaments) are not ORG here.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..spans import add_span_tuples
from .base import GazetteerComponent, longest_first


@Language.factory("entityx_organizations", assigns=["doc.spans"], default_config={})
def make_organizations(nlp: Language, name: str) -> "OrganizationTagger":
    return OrganizationTagger(nlp, name)


class OrganizationTagger(GazetteerComponent):
    """Exact, case-sensitive matching; longest match wins ("Organisation der Vereinten Nationen")."""

    sections = ("organizations",)

    def _compile(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._attrs: dict[str, dict[str, Any]] = {}
        self._ids: dict[int, str] = {}  # match id -> organization id
        for org in self.data.get("organizations", {}).values():
            self._ids[self.nlp.vocab.strings.add(org["id"])] = org["id"]
            self._attrs[org["id"]] = {
                "acronym": org["acronym"],
                "acronym_en": org["acronym_en"],
                "name": org["name"],
                "members": org.get("members", []),
            }
            forms = sorted(set(org["acronyms"]) | set(org["names"]))
            self.matcher.add(org["id"], list(self.nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        if not matches:
            return doc
        longest_first(matches)
        # a match inside an earlier (so earlier or equally starting) one is skipped: it is inside
        # one of them exactly when one of them ends at or after it
        covered_until = 0
        found = []  # (start, end, label, kb_id, attrs) of the spans to add, in order
        for match_id, start, end in matches:
            if end <= covered_until:
                continue
            covered_until = end
            org_id = self._ids[match_id]
            found.append((start, end, "ORG", org_id, self._attrs[org_id]))
        add_span_tuples(doc, found)
        return doc
