"""Officials: named office holders linked to the gazetteer, role descriptions resolved to holders.

What it adds to ``doc.spans["entityx"]`` (it runs after the places component, whose country
adjectives and names it reads):

- OFFICIAL, kb_id = official id (or "" when not in the gazetteer), attrs
  {name, role, role_key, country, candidates}. Found by, in order of trust:
  1. a full name or alias, also in the genitive ("Sergej Lawrows");
  2. a surname alone ("Lawrow", "Lawrows"), when the context supports it (see ``_accept_surname``);
  3. a misspelt name ("Sergej Lawrof") via rapidfuzz, with a first name or title as anchor;
  4. title + unknown name ("der kenianische Außenminister Musalia Mudavadi"), id "".
- ROLE: an office named without a person ("auf Einladung des russischen Außenministers"), kb_id =
  the holder on the document date when exactly one person held it, attrs {role_key, role,
  country, holder}.

Candidate generation and the decision live in :mod:`entityx.linking`; this component finds the
mentions and the context (titles, countries) the decision uses. Ambiguous surnames stay unlinked
with their candidates kept in the span's attrs rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
from collections import defaultdict
from dataclasses import dataclass
from itertools import compress
from typing import Any

import numpy
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..gazetteer import OfficeIndex, role_label
from ..linking import Linker, NameIndex, reachable_lengths
from ..spans import TokenTexts, add_span_tuples, attrs_at, doc_date, span_records_of
from .base import GazetteerComponent

NAT, LOC, ORG = get_string_id("NAT"), get_string_id("LOC"), get_string_id("ORG")  # span labels
PLACE_LABELS = {NAT: "NAT", LOC: "LOC", ORG: "ORG"}
# A place (NAT, LOC or ORG span) is read as its span record (spans.span_records_of):
# (start, end, start_char, end_char, label hash, kb_id hash), no Span object per place.
Place = tuple[int, int, int, int, int, int]
# kinds of phrases in the component's matcher
NAME, SURNAME, TITLE, BODY = "NAME", "SUR", "TITLE", "BODY"
ORG_PREFIX = "org:"  # a role description's "country" that is an organization ("UN-Generalsekretär")


def _office(code: str | None) -> str | None:
    """The key of an office: ISO2 country or organization id."""
    return code[len(ORG_PREFIX):] if code and code.startswith(ORG_PREFIX) else code


def _nation(code: str | None) -> str | None:
    """The country of a role description, None when it names an organization's office."""
    return None if code is None or code.startswith(ORG_PREFIX) else code


FUNCTION_WORDS = frozenset(
    "der die das des dem den ein eine einer eines einem einen sein seine seinem seinen seiner ihr "
    "ihre ihrem ihren ihrer dessen deren".split()
)
GENITIVE_LINKS = frozenset(["der", "des", "von"])
# every spelling whose lower case is a genitive link ("Der", "VON"): one set lookup instead of
# ``word.lower()`` per word asked (no other character lower-cases to one of these letters)
GENITIVE_LINK_SPELLINGS = frozenset(
    "".join(spelling) for link in GENITIVE_LINKS
    for spelling in itertools.product(*((c, c.upper()) for c in link)))
NAME_STOP_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "tät", "ismus", "nahme", "ium", "chen",
                      "lich", "isch", "ische", "ischen", "ischer", "ungen", "ment", "ei", "ern", "nis")
ATTRS_MEMO_SIZE = 4096  # officials in context remembered by ``_official_attrs``
SURNAME_LIKE_MEMO_SIZE = 1 << 16  # words remembered by ``_surname_like`` (a few MB at most)
# 0 <-> 1: which tokens are free, from the ``taken`` bytes in one C call
FLIPPED_BYTES = bytes.maketrans(b"\x00\x01", b"\x01\x00")
MONTHS_AND_DAYS = frozenset(
    "Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November Dezember "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag".split()
)


@Language.factory(
    "entityx_officials",
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"fuzzy_threshold": 88.0, "fuzzy_surname_threshold": 86.0, "min_fuzzy_length": 5},
)
def make_officials(nlp: Language, name: str, fuzzy_threshold: float, fuzzy_surname_threshold: float,
                   min_fuzzy_length: int) -> "OfficialTagger":
    return OfficialTagger(nlp, name, fuzzy_threshold=fuzzy_threshold,
                          fuzzy_surname_threshold=fuzzy_surname_threshold,
                          min_fuzzy_length=min_fuzzy_length)


@dataclass(slots=True)
class _RoleMention:
    start: int
    end: int  # end of the whole description (title plus any country after it)
    title_end: int  # end of the title itself; a name may follow here or after `end`
    role_key: str
    country: str | None
    title: str


class _Text:
    """What the steps of ``OfficialTagger.__call__`` share about one Doc: its words, the date,
    the role descriptions, which tokens are taken, and the officials found so far."""

    __slots__ = ("doc", "found", "mentioned", "on", "role_at", "roles", "taken", "words")

    def __init__(self, doc: Doc, words: list[str], on: dt.date):
        self.doc = doc
        self.words = words
        self.on = on
        # 1 for each token in a mention already (bytes: see ``_misspelt_mentions``)
        self.taken = bytearray(len(words))
        self.roles: list[_RoleMention] = []
        # the role description ending where a name starts ("Außenminister | Lawrow"), or whose
        # title ends there ("Außenminister | Lawrow | Russlands"); the first kind wins
        self.role_at: dict[int, _RoleMention] = {}
        self.found: list[tuple[int, int, str | None, dict[str, Any]]] = []  # start, end, id, attrs
        self.mentioned: dict[str, int] = {}  # official id -> start of its first mention found

    def set_roles(self, roles: list[_RoleMention]) -> None:
        self.roles = roles
        role_at = self.role_at = {m.title_end: m for m in roles}
        role_at.update({m.end: m for m in roles})
        taken = self.taken
        for m in roles:
            for i in range(m.start, m.end):
                taken[i] = 1

    def add(self, start: int, end: int, official_id: str | None, extra: dict[str, Any]) -> None:
        """A mention of an official (``official_id``, None when unknown or undecided) found."""
        taken = self.taken
        for i in range(start, end):
            taken[i] = 1
        self.found.append((start, end, official_id, extra))
        if official_id:
            self.mentioned.setdefault(official_id, start)


class OfficialTagger(GazetteerComponent):
    """Tags officials. Settings:

    fuzzy_threshold (float): rapidfuzz ratio (0-100) a misspelt "First Last" needs against a
        known full name. Chosen on data, see ``benchmarks/fuzzy_threshold.py``.
    fuzzy_surname_threshold (float): ratio a misspelt surname right after a title needs.
    min_fuzzy_length (int): shorter tokens are never fuzzy-matched (too many ordinary words).
    """

    sections = ("officials", "roles", "common_words")

    def __init__(self, nlp: Language, name: str, *, fuzzy_threshold: float = 88.0,
                 fuzzy_surname_threshold: float = 86.0, min_fuzzy_length: int = 5):
        self.fuzzy_threshold = fuzzy_threshold
        self.fuzzy_surname_threshold = fuzzy_surname_threshold
        self.min_fuzzy_length = min_fuzzy_length
        self._token_texts = TokenTexts()
        super().__init__(nlp, name)

    # ------------------------------------------------------------------ indexes
    def _compile(self) -> None:
        vocab = self.nlp.vocab
        officials = self.data.get("officials", {})
        roles = self.data.get("roles", {})
        self.offices = OfficeIndex(officials.values())
        self.index = NameIndex(officials.values())
        self.linker = Linker(officials, self.offices)
        self.common_words = frozenset(self.data.get("common_words", []))
        # (official id, date, role key, role country) -> attributes, see ``_official_attrs``
        self._attrs_memo: dict[tuple[str, dt.date, str | None, str | None], dict[str, Any]] = {}
        # words that may or may not be a misspelt surname, see ``_surname_like``
        self._judged_words: set[str] = set()
        self._surname_like_words: set[str] = set()
        # One matcher for every phrase this component looks for (one pass over the tokens instead
        # of four), see ``_phrases``.
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self._phrase_keys: dict[int, tuple[str, str]] = {}  # match id -> (kind, what)
        for official_id, forms in self.index.forms_by_official().items():
            self._add_phrases(NAME, official_id, forms)
        # Surnames are mostly one token each: those are looked up word by word (``_surname_spans``),
        # which costs less than matching them (they were half of the matcher's work); the
        # others stay with the matcher.
        surname_forms = self.index.surname_forms  # form -> official ids
        one_token = _one_token_phrases(self.nlp, set(surname_forms))
        # word -> official ids
        self._one_token_surnames = {form: frozenset(ids) for form, ids in surname_forms.items()
                                    if form in one_token}
        for official_id, forms in self.index.forms_by_official(surnames=True).items():
            longer = [form for form in forms if form not in one_token]
            if longer:
                self._add_phrases(SURNAME, official_id, longer)
        self._title_countries: dict[str, str] = {}
        self._phrase_heads: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self._phrase_bodies: dict[str, tuple[str, str | None]] = {}
        self._counterpart_roles = {k for k, spec in roles.items() if spec.get("counterpart")}
        for key, spec in roles.items():
            self._add_phrases(TITLE, key, sorted(set(spec["titles"])))
            self._title_countries.update(spec.get("title_countries", {}))
            for phrase in spec.get("phrases", []):
                for body in phrase["bodies"]:
                    self._phrase_bodies[body] = (key, phrase.get("country"))
                for head in phrase["heads"]:
                    self._phrase_heads[head].append((key, len(self._phrase_heads[head])))
        for body in self._phrase_bodies:
            self._add_phrases(BODY, body, [body])
        # first names that may start a misspelt full name ("Sergej Lawrof"); the anchor is one
        # token, so a first name the tokenizer splits ("Jean-Yves") never is one
        self._anchor_first_names = _one_token_phrases(self.nlp, self.index.first_names)

    def _add_phrases(self, kind: str, what: str, phrases: list[str]) -> None:
        """Match ``phrases`` as ``what`` (an official id, a role key, a body phrase) of ``kind``."""
        key = f"{kind}|{what}"
        self.matcher.add(key, list(self.nlp.tokenizer.pipe(phrases)))
        self._phrase_keys[self.nlp.vocab.strings[key]] = (kind, what)

    def _phrases(self, doc: Doc) -> dict[str, list[tuple[str, int, int]]]:
        """The matcher's matches by kind (NAME, SURNAME, TITLE, BODY): (what, start, end), in the
        matcher's order."""
        keys = self._phrase_keys
        found: dict[str, list[tuple[str, int, int]]] = {NAME: [], SURNAME: [], TITLE: [], BODY: []}
        for match_id, start, end in self.matcher(doc):
            kind, what = keys[match_id]
            found[kind].append((what, start, end))
        return found

    def _surname_spans(self, words: list[str], matches: list[tuple[str, int, int]]
                       ) -> list[tuple[int, int, frozenset[str]]]:
        """``_spans_longest_first`` of the surnames in the text: the matcher's ``matches`` (of
        surnames of several tokens) and the words that are a surname."""
        ids_at = _ids_by_span(matches)
        one_token = self._one_token_surnames
        for position in compress(range(len(words)), map(one_token.__contains__, words)):
            key = (position, position + 1)
            ids = one_token[words[position]]
            ids_at[key] = ids_at[key] | ids if key in ids_at else ids
        return _longest_first_spans(ids_at)

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        words = self._token_texts(doc)
        text = _Text(doc, words, doc_date(doc) or dt.date.today())
        places, places_by_end = _places(doc, text.taken)
        phrases = self._phrases(doc)
        text.set_roles(self._role_mentions(doc, words, places, places_by_end,
                                           phrases[TITLE], phrases[BODY]))
        self._full_names(text, phrases[NAME])
        self._fuzzy_full_names(text)
        self._surnames_alone(text, phrases[SURNAME])
        self._fuzzy_surnames_after_titles(text)
        if text.mentioned:
            # misspelt surname of someone the text already named ("Lukaschnko" after
            # "Alexander Lukaschenko"): only those people are candidates, so ordinary words are safe
            for position, official_id in self._misspelt_mentions(words, text.taken, text.mentioned):
                text.add(position, position + 1, official_id, {"candidates": [], "fuzzy": True})
        if text.roles:
            self._unknown_names(text)
        self._write_spans(text)
        return doc

    def _full_names(self, text: _Text, matches: list[tuple[str, int, int]]) -> None:
        """Step 1: full names and aliases."""
        taken, role_at = text.taken, text.role_at
        for start, end, ids in _spans_longest_first(matches):
            if any(taken[start:end]):
                continue
            if len(ids) == 1:  # (the context decides only between several people)
                official_id = next(iter(ids))
            else:
                official_id = self._decide(ids, text.on, role_at.get(start)
                                           or _role_before(text.roles, text.words, start))
            text.add(start, end, official_id, {"candidates": sorted(ids) if official_id is None else []})

    def _fuzzy_full_names(self, text: _Text) -> None:
        """Step 2: misspelt full names ("Sergej Lawrof") anchored on a known first name."""
        words, taken = text.words, text.taken
        for start in compress(range(len(words) - 1), map(self._anchor_first_names.__contains__, words)):
            last = words[start + 1]
            if taken[start] or taken[start + 1] or not _name_like(last) or len(last) < self.min_fuzzy_length:
                continue
            official_id = self.linker.best_fuzzy(
                self.index.fuzzy_full(words[start], last, self.fuzzy_threshold), text.on)
            if official_id:
                text.add(start, start + 2, official_id, {"candidates": [], "fuzzy": True})

    def _surnames_alone(self, text: _Text, matches: list[tuple[str, int, int]]) -> None:
        """Step 3: surnames alone, when the context supports them (see ``_accept_surname``)."""
        words, taken, role_at, mentioned = text.words, text.taken, text.role_at, text.mentioned
        n = len(words)
        first_names, given_names = self.index.first_names, self.index.given_names
        for start, end, ids in self._surname_spans(words, matches):
            if any(taken[start:end]):
                continue
            role = role_at.get(start)
            if end < n and not taken[end] and not any(i in mentioned for i in ids) and (
                    _continues_name(words, end) or (role is not None and _name_like(words[end]))):
                # "Vizepremier Liu He" is not Liu Jianchao, "Außenminister Ali al-Sadiq" not
                # Irfaan Ali, "im Palacio de Santa Cruz" not Ana Palacio: the surname goes on into
                # a longer name the gazetteer does not know (step 5 may take it as unknown)
                continue
            if start > 0 and not taken[start - 1] and words[start - 1] in first_names and all(
                    words[start - 1] not in given_names.get(i, ()) for i in ids):
                # "Nikola Dimitrov" is not Stefan Dimitrow: another first name before a known
                # surname names someone else (step 5 may take the pair as unknown)
                continue
            official_id, candidates = self._accept_surname(text.doc, words, start, end, ids, text.on,
                                                           role, mentioned)
            if official_id is None and not candidates:
                continue
            text.add(start, end, official_id, {"candidates": candidates})

    def _fuzzy_surnames_after_titles(self, text: _Text) -> None:
        """Step 4: a misspelt surname right after a title ("Außenminister Lawrof")."""
        words, taken = text.words, text.taken
        n = len(words)
        for m in text.roles:
            for position in (m.title_end, m.end):
                if position >= n or taken[position]:
                    continue
                word = words[position]
                if not _name_like(word) or len(word) < self.min_fuzzy_length:
                    continue
                if position + 1 < n and not taken[position + 1] and _name_like(words[position + 1]):
                    continue  # "Generalsekretär Michail Gorbatschow": a first name, not a misspelt surname
                official_id = self.linker.best_fuzzy(
                    self.index.fuzzy_surname(word, self.fuzzy_surname_threshold), text.on)
                if official_id:
                    text.add(position, position + 1, official_id, {"candidates": [], "fuzzy": True})

    def _unknown_names(self, text: _Text) -> None:
        """Step 5: title + a name the gazetteer does not know, and later mentions of its surname."""
        doc, words, taken = text.doc, text.words, text.taken
        unknown_surnames: dict[str, str] = {}
        people = self._people(doc)
        for m in text.roles:
            name_span = self._unknown_name(doc, words, m, taken, people)
            if name_span is None:
                continue
            start, end = name_span
            name = doc[start:end].text
            unknown_surnames[words[end - 1]] = name
            text.add(start, end, None, {
                "candidates": [], "unknown": True, "name": name,
                "role": self._title_label(m), "role_key": m.role_key, "country": _nation(m.country),
                "gender": _title_gender(m.title),
            })
        # later surname-only mentions of those unknown officials ("Mudavadi sagte ...")
        if unknown_surnames:
            found = text.found
            for i in compress(range(len(words)), map(unknown_surnames.__contains__, words)):
                if not taken[i]:
                    name = unknown_surnames[words[i]]
                    first = next(f for f in found if f[3].get("name") == name)
                    text.add(i, i + 1, None, dict(first[3]))

    def _write_spans(self, text: _Text) -> None:
        """OFFICIAL spans, then ROLE spans for descriptions without a name next to them, added
        to the Doc in one go."""
        doc, on, found, role_at = text.doc, text.on, text.found, text.role_at
        officials = self.data.get("officials", {})
        spans = [(start, end, "OFFICIAL", official_id or "",
                  self._official_attrs(official_id, extra, on, role_at.get(start)))
                 for start, end, official_id, extra in sorted(found)]  # (``found`` stays in the order found)
        named_at = {start for start, _end, _id, _extra in found}
        for m in text.roles:
            if m.title_end in named_at or m.end in named_at or _apposition_name(text.words, m.end, named_at):
                continue
            holder, role_key, country = self._resolve_role(doc, m, on, found)
            spans.append((m.start, m.end, "ROLE", holder or "", {
                "role_key": role_key,
                "role": role_label(self.data["roles"], role_key, _office(country),
                                   officials[holder]["gender"] if holder else "m"),
                # an organization's office ("UN-Generalsekretär"): the holder's own country
                "country": _nation(country) or (officials[holder]["country"] if holder and country else None),
                "holder": officials[holder]["name"] if holder else None,
                "gender": officials[holder]["gender"] if holder else _title_gender(m.title),
                "title": m.title,
            }))
        add_span_tuples(doc, spans)

    def _people(self, doc: Doc) -> tuple[Span, ...] | None:
        """The Doc's entities when a statistical NER ran in front (its PER entities are the
        names after titles), else None. ``nlp.pipe_names`` builds a list, so it is asked only
        when the Doc has entities at all."""
        ents = doc.ents
        return ents if ents and "ner" in self.nlp.pipe_names else None

    def _misspelt_mentions(self, words: list[str], taken: bytearray,
                           mentioned: dict[str, int]) -> list[tuple[int, str]]:
        """(position, id) of free words that are misspellings of a surname the text used before.

        The candidates are the distinct free words after the first mention that look like a
        name and whose length lets them reach the threshold; those that reach it against a
        surname of someone mentioned are matched to the best such surname, and their free
        positions after the first mention of that person are taken.
        """
        # a word refers back only to a mention before it, so words up to the first one are out
        first = min(mentioned.values()) + 1
        candidates = self._surname_like(words[first:], taken[first:].translate(FLIPPED_BYTES))
        if not candidates:
            return []
        officials = self.data["officials"]
        known = {form: official_id for official_id in mentioned for form in officials[official_id]["surnames"]}
        forms = list(known)
        threshold = self.fuzzy_surname_threshold
        lengths = self._fuzzy_lengths(frozenset(map(len, forms)), threshold)
        candidates = [word for word in candidates if len(word) in lengths]
        if not candidates:
            return []
        if threshold > 0:
            # All pairs scored in one call in C (0 where the threshold is not reached), which
            # almost always ends it; the exact choice below only for words that reached it.
            # (Rows are the surnames: a row prepares its string once, texts name fewer
            # surnames than they have candidates, and the ratio is symmetric.)
            scores = process.cdist(forms, candidates, scorer=fuzz.ratio, score_cutoff=threshold)
            if not numpy.count_nonzero(scores):
                return []
            candidates = list(compress(candidates, scores.any(axis=0).tolist()))
        matched: dict[str, str] = {}
        for word in candidates:
            best = process.extractOne(word, forms, scorer=fuzz.ratio, score_cutoff=threshold)
            if best is not None:
                matched[word] = known[best[0]]
        positions = compress(range(len(words)), map(matched.__contains__, words))
        return [(position, matched[words[position]]) for position in positions
                if not taken[position] and mentioned[matched[words[position]]] < position]

    def _fuzzy_lengths(self, form_lengths: frozenset[int], threshold: float) -> frozenset[int] | range:
        """Lengths of words that may be misspellings of forms of ``form_lengths`` characters:
        ``min_fuzzy_length`` or longer, and able to reach ``threshold`` (see
        ``linking.reachable_lengths``; any word reaches a threshold of 0)."""
        if threshold <= 0:
            return range(self.min_fuzzy_length, 1 << 30)
        return _fuzzy_lengths(form_lengths, threshold, self.min_fuzzy_length)

    def _surname_like(self, words: list[str], free: bytes) -> set[str]:
        """The distinct words of ``words`` at the positions marked in ``free`` that look like
        a name and are no common word: the ones a misspelt surname can be.

        Asked for most words of every text, so the answer is remembered per word (all words
        judged, and those that look like a name): most words repeat from text to text, and
        going over the words in C (``issuperset``, ``intersection``) costs far less than the
        checks, or than building a set of the text's words. The memo is emptied when it
        reaches ``SURNAME_LIKE_MEMO_SIZE`` words (and whenever the vocabulary changes, see
        ``_compile``).
        """
        judged, like = self._judged_words, self._surname_like_words
        if not judged.issuperset(words):  # (all words are judged, free or not: one step less)
            new = set(words) - judged
            if len(judged) + len(new) > SURNAME_LIKE_MEMO_SIZE:
                judged.clear()
                like.clear()
                new = set(words)
            common = self.common_words
            like.update(word for word in new if _name_like(word) and word not in common)
            judged.update(new)
        return like.intersection(compress(words, free))

    # ------------------------------------------------------------------ role descriptions
    def _role_mentions(self, doc: Doc, words: list[str], places: dict[int, Place],
                       places_by_end: dict[int, Place], title_matches: list[tuple[str, int, int]],
                       body_matches: list[tuple[str, int, int]]) -> list[_RoleMention]:
        mentions: list[_RoleMention] = []
        n = len(words)
        covered = [False] * n  # tokens already in a description
        # "Sprecherin des russischen Außenministeriums", "Vorsitzender der Staatsduma"
        # (a head word starts a description only before a body phrase)
        if body_matches:
            bodies = {start: (end, body) for body, start, end in body_matches}
            phrase_heads = self._phrase_heads
            head_positions = compress(range(n), map(phrase_heads.__contains__, words))
        else:
            head_positions = ()
        for i in head_positions:
            heads = phrase_heads[words[i]]
            if i + 1 >= n or words[i + 1] not in GENITIVE_LINK_SPELLINGS:
                continue
            position = i + 2
            country = None
            while position < n and position in places and places[position][4] == NAT:
                country = _place_attrs(doc, places[position]).get("country")
                position = places[position][1]
            if position in bodies:
                end, body = bodies[position]
                role_key, body_country = self._phrase_bodies[body]
                if not any(key == role_key for key, _ in heads):
                    continue
                end, after_country = self._country_after(doc, words, end, places)
                country = body_country or country or after_country
                mentions.append(_RoleMention(i, end, end, role_key, country, doc[i:end].text))
                for k in range(i, end):
                    covered[k] = True
        for role_key, start, end in _longest_first(title_matches):
            if any(covered[start:end]):
                continue
            title = words[start] if end == start + 1 else doc[start:end].text
            country = self._title_countries.get(title)
            first = start
            # "russische Außenminister", "US-Präsident", "Russlands Außenminister"
            before = places_by_end.get(start)
            if before is None and start >= 2 and words[start - 1] in "-‐" and (start - 1) in places_by_end:
                before = places_by_end[start - 1]
            if before is not None and (before[4] == NAT or _is_genitive_or_compound(words, before, start)):
                # "russische Außenminister", "US-Präsident", "UN-Generalsekretär" (an org's office)
                country = country or _place_attrs(doc, before).get("country") or (
                    ORG_PREFIX + doc.vocab.strings[before[5]] if before[4] == ORG else None)
                first = before[0]
            description_end, after_country = self._country_after(doc, words, end, places)
            country = country or after_country
            mentions.append(_RoleMention(first, description_end, end, role_key, country, title))
            for k in range(first, description_end):
                covered[k] = True
            # "die Außenminister Armeniens und Aserbaidschans": one office, two countries
            position = description_end
            while after_country and position + 1 < n and words[position] in ("und", ","):
                place = places.get(position + 1)
                if place is None or place[4] != LOC or not _genitive_name(words, place):
                    break
                place_start, place_end = place[0], place[1]
                mentions.append(_RoleMention(place_start, place_end, place_end, role_key,
                                             _place_attrs(doc, place)["country"], title))
                for k in range(place_start, place_end):
                    covered[k] = True
                position = place_end
        mentions.sort(key=_MENTION_START)
        return mentions

    def _country_after(self, doc: Doc, words: list[str], end: int,
                       places: dict[int, Place]) -> tuple[int, str | None]:
        """'Außenminister Russlands', 'Präsident der Republik Belarus', 'Präsident von Belarus'."""
        place = places.get(end)
        if place is not None and place[4] == LOC and _genitive_name(words, place):
            attrs = _place_attrs(doc, place)
            if attrs.get("kind") == "country":
                return place[1], attrs["country"]
        if end + 1 < len(words) and words[end] in GENITIVE_LINK_SPELLINGS:
            position = end + 1
            place = places.get(position)
            if place is None and position + 1 < len(words) and words[position] == "Republik":
                place = places.get(position + 1)
            if place is not None and place[4] == LOC:
                attrs = _place_attrs(doc, place)
                if attrs.get("kind") == "country":
                    return place[1], attrs["country"]
            if place is not None and place[4] == ORG:
                # "Generalsekretär der Vereinten Nationen"
                return place[1], ORG_PREFIX + doc.vocab.strings[place[5]]
        return end, None

    def _title_label(self, m: _RoleMention) -> str:
        spec = self.data["roles"].get(m.role_key, {})
        if spec.get("counterpart"):
            return m.title
        return role_label(self.data["roles"], m.role_key, _office(m.country), _title_gender(m.title) or "m")

    def _resolve_role(self, doc: Doc, m: _RoleMention, on: dt.date,
                      found: list[tuple[int, int, str | None, dict[str, Any]]]) -> tuple[str | None, str, str | None]:
        role_key = m.role_key
        if role_key in self._counterpart_roles:
            # "sein russischer Amtskollege": the office of the nearest official named before it
            sentence_start = doc[m.start].sent.start
            previous = [f for f in found if sentence_start <= f[0] < m.start and f[2]]
            if not previous:
                return None, role_key, m.country
            tenure = self.offices.tenure(previous[-1][2], on)
            if tenure is None:
                return None, role_key, m.country
            role_key = tenure["role"]
        if m.country is None:
            return None, role_key, None
        holder = self.offices.holder(role_key, _office(m.country), on)
        return (holder["id"] if holder else None), role_key, m.country

    # ------------------------------------------------------------------ deciding
    def _decide(self, ids: set[str], on: dt.date, role: _RoleMention | None) -> str | None:
        if role is None or role.role_key in self._counterpart_roles:
            return self.linker.decide(ids, on)
        return self.linker.decide(ids, on, role_key=role.role_key, country=_office(role.country))

    def _accept_surname(self, doc: Doc, words: list[str], start: int, end: int, ids: set[str],
                        on: dt.date, role: _RoleMention | None,
                        mentioned: dict[str, int]) -> tuple[str | None, list[str]]:
        """Decide a surname-only mention: (id, []) linked, (None, candidates) kept unlinked, or rejected."""
        earlier = [i for i in ids if i in mentioned and mentioned[i] < start]
        if len(earlier) == 1:
            return earlier[0], []
        if not earlier:
            # "Von Rom bis Hiroshima: Selenskyjs Reisediplomatie" over a body that names
            # "Wolodymyr Selenskyj": a headline or lead names by surname whom the text names in
            # full later (when only one of the surname's people is named in full)
            later = [i for i in ids if i in mentioned]
            if len(later) == 1:
                return later[0], []
        text = words[start] if end == start + 1 else doc[start:end].text
        supported = role is not None
        if not supported and (text in self.common_words or _stem(text) in self.common_words):
            return None, []
        if not supported:
            ids = {i for i in ids if self.data["officials"][i].get("surname_alone", True)}
            if not ids:
                return None, []
        decided = self._decide(ids, on, role)
        if decided:
            return decided, []
        return None, sorted(ids)

    def _unknown_name(self, doc: Doc, words: list[str], m: _RoleMention, taken: bytearray,
                      people: tuple[Span, ...] | None) -> tuple[int, int] | None:
        """A name of two or three capitalised words right after a title (or after ', ').

        people: the Doc's entities when a statistical NER ran (then only its PER count), else None.
        """
        if people is not None:
            for ent in people:
                if ent.label_ == "PER" and ent.start in (m.title_end, m.end) and not any(taken[ent.start:ent.end]):
                    return ent.start, ent.end
            return None
        if m.country is None and m.start > 0 and words[m.start - 1].lower() in FUNCTION_WORDS:
            return None  # "das Amt des Premier Cabinet Secretary": an office talked about, not a person
        n = len(words)
        for position in (m.title_end,) if m.title_end == m.end else (m.title_end, m.end):
            end = position
            while end < n and end - position < 4 and not taken[end] and (
                _name_like(words[end]) or (words[end] == "-" and end > position)
            ):
                end += 1
            if end - position < 2:
                continue  # (one word at most: no name of two)
            if words[end - 1] == "-":
                end -= 1
            if sum(1 for w in words[position:end] if w != "-") >= 2:
                return position, end
        return None

    def _official_attrs(self, official_id: str | None, extra: dict[str, Any], on: dt.date,
                        role: _RoleMention | None) -> dict[str, Any]:
        if official_id is None:
            return {
                "name": extra.get("name"),
                "role": extra.get("role"),
                "role_key": extra.get("role_key"),
                "country": extra.get("country"),
                "gender": extra.get("gender"),
                "candidates": extra.get("candidates", []),
            }
        if role is not None and role.role_key not in self._counterpart_roles:
            role_key, role_country = role.role_key, role.country
        else:
            role_key = role_country = None
        key = (official_id, on, role_key, role_country)
        known = self._attrs_memo.get(key)
        if known is None:
            if len(self._attrs_memo) >= ATTRS_MEMO_SIZE:
                self._attrs_memo.clear()
            known = self._attrs_memo[key] = self._known_official_attrs(official_id, on, role_key, role_country)
        attrs = known.copy()
        attrs["candidates"] = []  # (a list of its own for every span)
        return attrs

    def _known_official_attrs(self, official_id: str, on: dt.date, role_key: str | None,
                              role_country: str | None) -> dict[str, Any]:
        """The attributes of a linked official on a date, next to a role description
        (``role_key`` and ``role_country``, or None); the same for every mention of that
        person in that context, so ``_official_attrs`` reuses them."""
        official = self.data["officials"][official_id]
        tenure = self.offices.tenure(official_id, on)
        if tenure is not None:
            # an office of an organization (UN Secretary-General) is labelled by the organization,
            # while the person's country stays their own
            role_key, office, country = tenure["role"], tenure.get("org") or tenure["country"], tenure["country"]
        elif role_key is not None:
            office, country = _office(role_country), _nation(role_country)
        else:
            office, country = None, None
        attrs = {
            "name": official["name"],
            "role": role_label(self.data["roles"], role_key, office, official["gender"]) if role_key else None,
            "role_key": role_key,
            "country": country or official["country"],
            "gender": official["gender"],
            "candidates": [],
        }
        if tenure is not None and tenure.get("org"):
            attrs["org"] = tenure["org"]  # the organization served (its seat is no destination)
        return attrs


# ---------------------------------------------------------------------- small helpers


def _places(doc: Doc, taken: bytearray) -> tuple[dict[int, Place], dict[int, Place]]:
    """The Doc's NAT, LOC and ORG span records by start and by end (of two starting together
    the shorter one, of two ending together the later one); marks the tokens of places and
    organizations as ``taken`` (they are no person's name; a country adjective may be)."""
    records = span_records_of(doc, "NAT", "LOC", "ORG")
    by_start = dict(zip(map(_RECORD_START, records), records))
    by_end = dict(zip(map(_RECORD_END, records), records))
    for start, end, _start_char, _end_char, label, _kb_id in records:
        if label != NAT:
            for i in range(start, end):
                taken[i] = 1
    return by_start, by_end


def _place_attrs(doc: Doc, place: Place) -> dict[str, Any]:
    """``attrs_of`` the place's span, read by its record."""
    return attrs_at(doc, place[2], place[3], PLACE_LABELS[place[4]])


def _genitive_name(words: list[str], place: Place) -> bool:
    """Does the place's name end like a genitive ("Russlands", "Belarus'")? (A span's text
    ends with its last token's.)"""
    return words[place[1] - 1].endswith(("s", "'"))


_RECORD_START, _RECORD_END = operator.itemgetter(0), operator.itemgetter(1)
_MENTION_START = operator.attrgetter("start")


def _spans_longest_first(matches: list[tuple[str, int, int]]) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, ids) of the distinct spans of ``matches``, the longest first, then by start;
    ids are all official ids matching exactly those tokens (two people may share an alias)."""
    return _longest_first_spans(_ids_by_span(matches))


def _ids_by_span(matches: list[tuple[str, int, int]]) -> dict[tuple[int, int], frozenset[str]]:
    """The official ids of ``matches`` by (start, end)."""
    ids_at: dict[tuple[int, int], frozenset[str]] = {}
    for official_id, start, end in matches:
        key = (start, end)
        ids_at[key] = ids_at[key] | {official_id} if key in ids_at else frozenset((official_id,))
    return ids_at


def _longest_first_spans(ids_at: dict[tuple[int, int], frozenset[str]]) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, ids) of ``ids_at``, the longest first, then by start (sorted on plain
    tuples, no key function: no two spans have the same start and end)."""
    keyed = sorted([(start - end, start, end, ids) for (start, end), ids in ids_at.items()])
    return [(start, end, ids) for _length, start, end, ids in keyed]


def _one_token_phrases(nlp: Language, phrases: set[str]) -> frozenset[str]:
    """Those of ``phrases`` the tokenizer keeps as one token."""
    ordered = sorted(phrases)
    return frozenset(phrase for phrase, tokens in zip(ordered, nlp.tokenizer.pipe(ordered))
                     if len(tokens) == 1 and tokens[0].text == phrase)


@functools.lru_cache(maxsize=1024)  # a few officials per text, a few surname lengths each
def _fuzzy_lengths(form_lengths: frozenset[int], threshold: float, min_length: int) -> frozenset[int]:
    """``reachable_lengths`` of all ``form_lengths``, from ``min_length`` on."""
    reachable = frozenset().union(*(reachable_lengths(n, threshold) for n in form_lengths))
    return frozenset(n for n in reachable if n >= min_length)


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _longest_first(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    return sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1]))


def _title_gender(title: str) -> str | None:
    """'f' for a feminine title ("Außenministerin", "Kanzlerin"), 'm' for another one."""
    return "f" if title.endswith("in") else "m"


NAME_PARTICLES = frozenset(["de", "del", "da", "do", "dos", "van", "von", "bin", "ibn", "al", "el", "la", "di"])


def _continues_name(words: list[str], end: int) -> bool:
    """Does a name go on after position ``end``: "al-Sadiq", "de Santa Cruz", "bin Salman"?"""
    word = words[end]
    if word in NAME_PARTICLES:
        # (the tokenizer splits "al-Sadiq" into "al", "-", "Sadiq")
        after = end + 2 if end + 2 < len(words) and words[end + 1] == "-" else end + 1
        return after < len(words) and words[after][:1].isupper()
    head, dash, tail = word.partition("-")
    return bool(dash) and head in NAME_PARTICLES and tail[:1].isupper()


@functools.lru_cache(maxsize=1 << 16)  # asked for most words of every text; words repeat
def _name_like(text: str) -> bool:
    if len(text) < 2 or not text[0].isupper() or not text.replace("'", "").isalpha():
        return False
    if text.isupper() and len(text) > 1:
        return False  # acronyms
    if text in MONTHS_AND_DAYS or text.lower() in FUNCTION_WORDS:
        return False
    return not text.lower().endswith(NAME_STOP_SUFFIXES)


def _role_before(mentions: list[_RoleMention], words: list[str], start: int) -> _RoleMention | None:
    """A role description separated from the name by a comma: 'der Außenminister Russlands, Lawrow'."""
    if start >= 1 and words[start - 1] == ",":
        for m in mentions:
            if m.end == start - 1:
                return m
    return None


def _is_genitive_or_compound(words: list[str], place: Place, title_start: int) -> bool:
    if place[1] == title_start - 1 and words[title_start - 1] in "-‐":
        return True  # "US-Präsident", "Kreml-Chef"
    return place[1] == title_start and _genitive_name(words, place)


def _apposition_name(words: list[str], end: int, named_at: set[int]) -> bool:
    """'der Außenminister der Republik Belarus, Sergej Alejnik,' - the name follows after a comma."""
    return end < len(words) and words[end] == "," and (end + 1) in named_at
