"""Official-visit events assembled from the spans the taggers left on the Doc.

Reading order, sentence by sentence (vocabulary in ``gazetteers/triggers.yaml``):

1. A sentence *mentions* a trip when it has a trigger (visit noun, travel verb, arrival verb, host
   verb, summit noun, or a meeting verb placed in a foreign city) and is not about a phone call or
   video link, not negated in the trigger's clause, not speculative ("nicht ausgeschlossen") and
   not a bare invitation.
2. Datelines ("MOSKAU, 10. Mai (BelTA) -") and reporting clauses (", sagte X", "X zufolge") are
   set aside: their places and dates are not the trip's, their officials are ``reported_by``.
3. Destination: the place after "nach"/"in" nearest the trigger (a landmark such as "Kreml" gives
   its city), else the country of the receiving official.
4. Visitor: officials from another country than the destination (coordinated subjects and summit
   participants each give one event); host: an official of the destination country, preferring
   "auf Einladung des ..." and the subject of "empfing".
5. Sentences without a trigger that follow a mention are its context: their officials become
   meetings (when they meet the visitor) and their organizations the trip's organizations.
6. Mentions of the same trip (same visitor, compatible destination and dates) merge into one event.

The result is stored JSON-safe in ``doc._.entityx_events``; :mod:`entityx.api` turns it into
:class:`entityx.records.OfficialVisit` records. The token view and the phrase tests the rules ask
("mit A und B", "von Putin empfangen") are in :mod:`.event_text`; merging mentions into one event
per trip, and what summits lend to their guests, in :mod:`.event_merging`. Which cue words of the
vocabulary a sentence holds is found once per sentence (:mod:`.event_cues`): the rules ask it often.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
from itertools import compress
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..spans import TokenTexts, doc_date, release_token_view
from ..temporal import apply_duration
from ..temporal.expression import IMPLAUSIBLE_YEAR, INVALID_DATE, REVERSED_RANGE, YEAR_ALONE
from ..temporal.tagger import default_tagger
from .base import GazetteerComponent
from .event_cues import (
    ARRIVAL, ARRIVED, CANCEL_HEAD, CANCELLED, COMPLETED, COMPLETED_PARTICIPLE, DELEGATION, DORT,
    ENDING, GUEST_LIST, IN_TALKS, INVITATION, INVITING, LEADING, LETTING, MEETING_CUE, MEMBERSHIP,
    MIT, NATIONALITY, NEGATION, NON_VISIT, OHNE, ONGOING, ONGOING_PERFECT, ONWARD, OPEN_QUESTION,
    OPEN_QUESTION_MARKER, PAST_AUX, PAYING, PERFECT_AUX, PLANNED, POSTPONED, PRESENT_AUX,
    PRESENT_PERFECT_AUX, PRONOUN, REPORTING, REPRESENTING, SENDING, SPECULATION, STOP_WORD,
    SUBSTITUTION, SUMMIT_VERB, TOPIC_PREP, TRIGGER, UEBER, VERTRETEN, VERTRETEN_LOWER, VIRTUAL_MEETING,
    VISITOR_REFERENCE, CueIndex,
)
from .event_merging import (
    MAX_GAP_DAYS, _apply_frames, _bilateral, _date_status, _days, _end_at_departures, _key, _main_traveller,
    _Mention, _mention_counts, _merge, _most_specific, _org,
)
from .event_text import (
    CLAUSE_BREAKS, COORDINATION_WORDS, RELATIVE_PRONOUNS, YEAR_RE, _after_word, _agent_of, _bare_year, _clause_opener,
    _coordinated, _coordinated_places, _dates_another_event, _has_particle, _has_phrase, _in_mit_phrase,
    _in_topic_phrase, _Item, _items, _period, _Sentence, _sentence_extent, _sentences_with_year_digits,
    _starts_paragraph, _title_prefix, _View,
)

BRIEFING_WORDS = frozenset(["Briefing", "Briefings", "Pressebriefing", "Pressekonferenz", "Pressebriefings",
                            "Mediengespräch", "Pressegespräch"])
# Briefing summaries and press releases introduce each topic with a heading such as
# "Zum Besuch des aserbaidschanischen Außenministers:" - context does not run across it.
PASSIVE_AUXILIARIES = frozenset(["wurde", "wurden", "wird", "werden", "worden"])
TOPIC_HEADING_RE = re.compile(r"^\s*(?:Zum|Zur|Zu|Thema|Über|Frage|Betreff)\b[^:.!?\n]{0,120}:")
# dates that date no trip: broken ones, and a year standing alone ("seit 2014"), which the rules
# read from the sentence's words instead ("year" of the reading), so that "zu einem Gegenbesuch
# eingeladen" next to "OSZE-Vorsitz 2009" is no dated invitation
NO_TRIP_DATE_FLAGS = frozenset([INVALID_DATE, REVERSED_RANGE, IMPLAUSIBLE_YEAR, YEAR_ALONE])
TITLE_LABELS = ("NAT", "LOC", "ROLE")  # spans whose tokens may stand in a person's title
DATELINE_RE = re.compile(
    r"""^\s*(?:[A-ZÄÖÜ][\w.'’\-]*(?:[ /][A-ZÄÖÜ][\w.'’\-]*){0,3})       # place: MOSKAU, Berlin, St. Gallen
        (?:\s*,\s*(?:den\s+)?[\w.\s]{1,20}?)?                              # , 10. Mai / , 12.04.2024
        \s*(?:\([^()\n]{1,40}\))?                                          # (BelTA), (dpa/AFP)
        \s*[-–—]\s""",
    re.VERBOSE,
)


def _until_day(dates: list[_Item], after: str) -> str | None:
    """The earliest "bis" day of these dates later than ``after`` ("der bis Freitag dauert")."""
    until = [d.attrs.get("end_date") for d in dates if "day" in str(d.attrs.get("granularity", ""))
             and "end_only" in (d.attrs.get("flags") or ()) and (d.attrs.get("end_date") or "") > after]
    return min(until) if until else None


@Language.factory("entityx_events", assigns=["doc._.entityx_events"], requires=["doc.spans"],
                  default_config={"max_context_sentences": 8, "pronoun_lookback": 2})
def make_events(nlp: Language, name: str, max_context_sentences: int, pronoun_lookback: int) -> "EventAssembler":
    return EventAssembler(nlp, name, max_context_sentences=max_context_sentences,
                          pronoun_lookback=pronoun_lookback)


class EventAssembler(GazetteerComponent):
    """Settings:

    max_context_sentences (int): how many trigger-less sentences after a mention still count as
        its context (meetings, organizations, reporter).
    pronoun_lookback (int): how many sentences back "er"/"sie" may find the visitor.
    """

    sections = ("triggers", "organizations")

    def __init__(self, nlp: Language, name: str, *, max_context_sentences: int = 8, pronoun_lookback: int = 2):
        self.max_context_sentences = max_context_sentences
        self.pronoun_lookback = pronoun_lookback
        super().__init__(nlp, name)

    # ------------------------------------------------------------------ vocabulary
    def _compile(self) -> None:
        t = self.data.get("triggers", {})

        def words(key: str) -> frozenset[str]:
            return frozenset(t.get(key, []))

        self.visit_nouns = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for visit_type, forms in t.get("visit_nouns", {}).items():
            self.visit_nouns.add(visit_type, list(self.nlp.tokenizer.pipe(sorted(set(forms)))))
        self.travel_verbs = words("travel_verbs")
        self.needs_destination = words("needs_destination")
        self.separable = [(frozenset(s["heads"]), s["particle"]) for s in t.get("separable_verbs", [])]
        self.separable_heads = frozenset(h for heads, _ in self.separable for h in heads)
        self.visit_noun_words = frozenset(w for forms in t.get("visit_nouns", {}).values() for w in forms)
        self.host_verbs = words("host_verbs")
        self.approving_host_verbs = words("approving_host_verbs")
        self.host_cues = words("host_cues")
        self.meeting_verbs = words("meeting_verbs")
        self.meeting_cues = words("meeting_cues")
        self.summit_nouns = words("summit_nouns")
        self.reporting_verbs = words("reporting_verbs")
        self.non_visit = words("non_visit_cues")
        self.negations = words("negations")
        self.speculation = words("speculation_cues")
        self.open_question = words("open_question_words")
        self.open_question_markers = words("open_question_markers")
        self.invitation = words("invitation_cues")
        status = t.get("status", {})
        self.status_words = {key: frozenset(status.get(key, [])) for key in
                             ("postponed", "cancelled", "ongoing", "ongoing_perfect", "planned", "completed")}
        self.perfect_aux = words("perfect_aux")
        self.completed_participles = words("completed_participles")
        cancel = t.get("cancel_separable", {})
        self.cancel_separable = (frozenset(cancel.get("heads", [])), cancel.get("particle", "ab"))
        self.destination_preps = list(t.get("destination_preps", []))
        self.origin_preps = words("origin_preps")
        self.arrival_words = words("arrival_words")
        self.paying_verbs = words("paying_verbs")
        self.participation_nouns = words("participation_nouns")
        self.topic_preps = words("topic_preps")
        self.stop_words = words("stop_words")
        self.visitor_references = words("visitor_references")
        self.guest_list_words = words("guest_list_words")
        self.substitution_words = words("substitution_words")
        self.letting_verbs = words("letting_verbs")
        self.temporal_preps = words("temporal_preps")
        self.onward_words = words("onward_words")
        self.nationality_nouns = {noun: country for country, nouns in t.get("nationality_nouns", {}).items()
                                  for noun in nouns}
        self.return_words = words("return_words")
        self.virtual_meetings = words("virtual_meetings")
        self.sending_verbs = words("sending_verbs")
        self.topic_nouns = words("topic_nouns")
        self.same_day_cues = words("same_day_cues")
        self.representing_verbs = words("representing_verbs")
        self.delegation_words = words("delegation_words")
        self.leading_verbs = words("leading_verbs")
        self.membership_verbs = words("membership_verbs")
        self.ending_verbs = words("ending_verbs")
        self.lasting_verbs = words("lasting_verbs")
        # the finite past forms of the date vocabulary (one list for tense, kept there)
        self.past_verbs = frozenset(w.casefold() for w in default_tagger().vocabulary.tense["past"])
        self.summit_preps = words("summit_preps")
        self.summit_verbs = words("summit_verbs")
        self.trigger_words = (self.summit_nouns | self.host_verbs | self.travel_verbs | self.separable_heads
                              | self.meeting_verbs)
        self._index_cues()
        self._token_texts = TokenTexts()  # decoded words, shared by the Docs' views
        # an organization's officials are at home at its seat (Rutte in Brussels, Guterres in New York)
        self.seats = {org_id: org["seat"] for org_id, org in self.data.get("organizations", {}).items() if org.get("seat")}

    def _index_cues(self) -> None:
        """The cue vocabularies by word (see :mod:`.event_cues`): token text, and lower case."""
        status = self.status_words
        self.word_cues = CueIndex({
            REPORTING: self.reporting_verbs | {"Angaben"}, TRIGGER: self.trigger_words,
            NATIONALITY: self.nationality_nouns, NON_VISIT: self.non_visit, MEETING_CUE: self.meeting_cues,
            GUEST_LIST: self.guest_list_words, VIRTUAL_MEETING: self.virtual_meetings, VERTRETEN: {"vertreten"},
            LETTING: self.letting_verbs,
            REPRESENTING: self.representing_verbs, SENDING: self.sending_verbs, DELEGATION: self.delegation_words,
            LEADING: self.leading_verbs, MEMBERSHIP: self.membership_verbs, SUMMIT_VERB: self.summit_verbs,
            SPECULATION: self.speculation, OPEN_QUESTION: self.open_question,
            OPEN_QUESTION_MARKER: self.open_question_markers, IN_TALKS: {"Gespräch"}, INVITATION: self.invitation,
            PAYING: self.paying_verbs, ARRIVAL: self.arrival_words, STOP_WORD: self.stop_words,
            ONWARD: self.onward_words, ENDING: self.ending_verbs,
            CANCELLED: status["cancelled"], CANCEL_HEAD: self.cancel_separable[0], POSTPONED: status["postponed"],
            PERFECT_AUX: self.perfect_aux, ARRIVED: {"eingetroffen"}, PRESENT_AUX: {"ist", "sind"},
            PRESENT_PERFECT_AUX: {"ist", "sind", "hat", "haben"}, PAST_AUX: {"war", "waren", "hatte", "hatten"},
            ONGOING_PERFECT: status["ongoing_perfect"], ONGOING: status["ongoing"] - {"eingetroffen"},
            COMPLETED_PARTICIPLE: self.completed_participles, COMPLETED: status["completed"],
            PLANNED: status["planned"],
        })
        self.lower_cues = CueIndex({
            NEGATION: self.negations, SUBSTITUTION: self.substitution_words, MIT: {"mit"}, OHNE: {"ohne"},
            INVITING: {"eingeladen", "einlud", "lud"}, UEBER: {"über"}, TOPIC_PREP: self.topic_preps - {"über"},
            VISITOR_REFERENCE: self.visitor_references, PRONOUN: {"er", "sie", "ihn", "ihm"}, DORT: {"dort"},
            VERTRETEN_LOWER: {"vertreten"},
        })
        self.topic_preps_not_ueber = self.topic_preps - {"über"}
        self.reporting_cue_words = self.reporting_verbs | {"zufolge", "Angaben", "laut", "Laut"}
        # "nach" scores 3.0, each later preposition of the list 0.2 less (the first listed wins)
        self.destination_scores: dict[str, float] = {}
        for rank, prep in enumerate(self.destination_preps):
            self.destination_scores.setdefault(prep, 3.0 - rank * 0.2)

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._assemble(doc)
        finally:
            release_token_view(doc)  # the last entityx component: the shared view is done with

    def _assemble(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            doc._.entityx_events = []
            return doc
        view = _View(doc, self._token_texts)
        sentences = view.sentences
        on = doc_date(doc)
        sentence_of = view.sentence_of
        by_sentence: list[dict[str, list[_Item]]] = [{} for _ in sentences]
        for span in _items(doc, view, self._token_texts, "OFFICIAL", "ROLE", "LOC", "LANDMARK", "ORG", "DATE", "NAT"):
            by_sentence[sentence_of[span.start]].setdefault(span.label_, []).append(span)
        strings = self.nlp.vocab.strings
        for match_id, start, _end in self.visit_nouns(doc):
            by_sentence[sentence_of[start]].setdefault("_nouns", []).append((start, strings[match_id]))

        mentions: list[_Mention] = []
        readings: list[dict[str, Any]] = []
        frames: list[dict[str, Any]] = []
        year_sentences = _sentences_with_year_digits(view)
        for number, sent in enumerate(sentences):
            reading = self._read(view, sent, by_sentence[number], number in year_sentences)
            readings.append(reading)
            mentions.extend(self._mentions(view, sent, number, reading, mentions, readings, on, frames))

        doc._.entityx_events = self._events(view, readings, mentions, frames, on)
        return doc

    def _events(self, view: _View, readings: list[dict[str, Any]], mentions: list[_Mention],
                frames: list[dict[str, Any]], on: dt.date | None) -> list[dict[str, Any]]:
        """The doc's events from its sentences' mentions and frames: context attached, mentions of
        one trip merged, what frames and neighbouring sentences lend filled in, as output dicts."""
        self._attach_context(view.sentences, readings, mentions)
        events = _merge(mentions, on)
        _end_at_departures(events)
        self._complete_summit_dates(frames, readings)
        _apply_frames(events, frames)
        events = [e for e in events if e.country]  # a trip to nowhere known is no event
        if not events:  # (a quarter of news texts: the speaker and leaders would go unused)
            return []
        self._borrow_lead_dates(events, readings)
        self._same_day_stops(events, readings)
        speaker = self._briefing_speaker(readings, mentions)
        leaders = _leaders_named(readings)
        return [self._to_event(view, e, on, speaker, leaders) for e in events]

    # ------------------------------------------------------------------ one sentence
    def _read(self, view: _View, sent: _Sentence, spans: dict[str, list[_Item]], may_name_year: bool) -> dict[str, Any]:
        """Everything a sentence offers, with dateline and reporting clauses set apart.

        may_name_year (bool): whether the sentence's text holds digits of a year at all (one scan
        of the Doc's text finds those sentences, instead of one per sentence).
        """
        start, end = sent.start, sent.end
        text = view.text
        texts = text[start:end]
        all_cues = self.word_cues.mask(texts)
        lowered = view.lower[start:end]
        lower_cues = self.lower_cues.mask(lowered)
        starts_paragraph = _starts_paragraph(view, start)
        if starts_paragraph:  # (datelines and topic headings open a paragraph)
            sentence_text = view.span_text(start, end)
            aside = set(range(start, start + self._dateline_length(view, sent, sentence_text)))
            topic_heading = bool(TOPIC_HEADING_RE.match(sentence_text))
        else:
            aside, topic_heading = set(), False
        reporting = self._reporting_region(view, start, end, texts) if all_cues & REPORTING else set()
        persons, reporters, unresolved = [], [], []
        officials, roles = spans.get("OFFICIAL"), spans.get("ROLE")
        if officials or roles:
            # (each label's spans are in document order already)
            people = officials if roles is None else roles if officials is None \
                else sorted(officials + roles, key=lambda s: s.start)
            first_word = start + len(aside)
            for span in people:
                person = _person(span)
                if person is None:
                    if span.label_ == "ROLE" and span.start not in reporting:
                        unresolved.append({"start": span.start, "end": span.end, "role_key": span.attrs.get("role_key")})
                    continue
                entry = {"person": person, "start": span.start, "end": span.end}
                # "Mao Ning: Auf Einladung ...": the speaker of a transcript reports, she does not travel
                speaker = span.start == first_word and span.end < end and text[span.end] == ":"
                (reporters if span.start in reporting or speaker else persons).append(entry)
        if reporting or aside:
            skip = reporting | aside
            words = [word for i, word in enumerate(texts, start) if i not in skip]
            cues = self.word_cues.mask(words)
        else:
            words, cues = texts, all_cues
        title_tokens: set[int] = set()
        for label in TITLE_LABELS:
            if label in spans:
                for span in spans[label]:
                    title_tokens.update(range(span.start, span.end))
        reading = {
            "aside": aside,
            "reporting": reporting,
            "persons": _dedupe_entries(persons) if len(persons) > 1 else persons,
            "mit_partners": [_key(p["person"]) for p in persons if _in_mit_phrase(view, p["start"], start)]
            if persons and lower_cues & MIT else [],
            "unresolved_roles": unresolved,
            "reporters": _dedupe_entries(reporters) if len(reporters) > 1 else reporters,
            "places": self._places(spans, aside, reporting) if "LOC" in spans or "LANDMARK" in spans else [],
            "dateline_places": [s for s in spans.get("LOC", []) if s.start in aside and s.attrs.get("country")]
            if aside else [],
            "orgs": _own_orgs(view, spans) if "ORG" in spans else [],
            "dates": [s for s in spans["DATE"] if s.start not in aside and s.start not in reporting
                      and NO_TRIP_DATE_FLAGS.isdisjoint(s.attrs.get("flags") or ())
                      and not _dates_another_event(view, s.start, start)] if "DATE" in spans else [],
            "words": words,
            "year": _bare_year(words) if may_name_year and YEAR_RE.search(view.span_text(start, end)) else None,
            "nouns": spans.get("_nouns", []),
            "topic_heading": topic_heading,
            "start": start,
            "end": end,
            "title_tokens": title_tokens,
            "cues": cues,
            "all_cues": all_cues,
            "lower_cues": lower_cues,
            # (the first word in lower case too: "Zugeschaltet waren ...")
            "non_visit": bool(cues & NON_VISIT) or bool(words) and words[0].lower() in self.non_visit,
            "meeting_cue": bool(cues & MEETING_CUE),
            "guest_list": bool(cues & GUEST_LIST),
            "virtual_meeting": bool(cues & VIRTUAL_MEETING),
            "negated": bool(lower_cues & NEGATION) and any(
                w.lower() in self.negations for i, w in enumerate(words)
                if not (i + 1 < len(words) and words[i + 1] == "nur")),
        }
        # people sent in another's place ("statt des Staatschefs Xi") are neither visitors nor met
        reading["absent"] = {_key(p["person"]) for p in reading["persons"] if self._substituted(view, reading, p)} \
            if lower_cues & SUBSTITUTION or cues & VERTRETEN else set()
        if lower_cues & OHNE:
            # "Ohne Bundeskanzler Scholz reisten ...", "Ohne die Präsidenten Chinas und Russlands hat
            # der Gipfel begonnen": whoever is named after "ohne" stays away
            reading["absent"] |= {_key(p["person"]) for p in reading["persons"]
                                  if _in_mit_phrase(view, p["start"], start, "ohne")}
        if cues & REPRESENTING:
            # "Kamala Harris, die Präsident Joe Biden vertritt": the one represented stays away
            for k in range(start, end):
                if text[k] in self.representing_verbs:
                    left = self._clause_of(view, reading, k)[0]
                    if left > start and view.lower[left] in ("der", "die") and text[left - 1] == ",":
                        reading["absent"] |= {_key(p["person"]) for p in reading["persons"] if p["end"] == k}
        if cues & SENDING:
            # "Xi Jinping hat Ministerpräsident Li Qiang geschickt": the sender stays at home
            for k in range(start, end):
                if text[k] in self.sending_verbs:
                    left = self._clause_of(view, reading, k)[0]
                    senders = [p for p in reading["persons"] if left <= p["start"] < k]
                    reading["absent"] |= {_key(p["person"]) for p in senders[:1]}
        return reading

    @staticmethod
    def _places(spans: dict[str, list[_Item]], aside: set[int], reporting: set[int]) -> list[_Item]:
        """Places and landmarks outside dateline and reporting clauses; "im Kasaner Kreml": a city
        adjective right before a landmark names the landmark's city, it is no place of its own."""
        if "LANDMARK" not in spans and not aside and not reporting:
            return spans["LOC"][:]  # (most sentences: nothing to leave out)
        named_by_adjective = {s.end for s in spans.get("LANDMARK", []) if s.attrs.get("city")}
        return [s for s in spans.get("LOC", []) + spans.get("LANDMARK", [])
                if s.start not in aside and s.start not in reporting and s.start not in named_by_adjective]

    def _dateline_length(self, view: _View, sent: _Sentence, sentence_text: str) -> int:
        """How many tokens a dateline opening the paragraph takes ("MOSKAU, 10. Mai (BelTA) -")
        (``sentence_text``: the sentence's text)."""
        if "-" not in sentence_text and "–" not in sentence_text and "—" not in sentence_text:
            return 0  # (no dash to close a dateline: most sentences, tested faster than the pattern)
        match = DATELINE_RE.match(sentence_text)
        if not match:
            return 0
        end_char = view.idx[sent.start] + match.end()
        # (token offsets ascend: the tokens starting before end_char are a prefix of the sentence)
        return bisect.bisect_left(view.idx, end_char, sent.start, sent.end) - sent.start

    def _reporting_region(self, view: _View, first: int, last: int, texts: list[str]) -> set[int]:
        """Token indices of reporting clauses (', sagte X', 'X zufolge', ', wie X mitteilte') of a
        sentence with a reporting verb or "Angaben" (``texts``: its tokens' text)."""
        region: set[int] = set()
        n = len(texts)
        quotes = (",", '"', "“", "”", "«", "»")
        cue_words = self.reporting_cue_words
        for k in [k for k, text in enumerate(texts) if text in cue_words]:  # (no other word opens a region)
            text = texts[k]
            previous = texts[k - 1] if k else ""
            if text == "zufolge" and k:
                # "Ihr zufolge", "Sacharowa zufolge": the few words before it
                region.update(first + j for j in range(max(0, k - 4), k + 1) if texts[j] not in CLAUSE_BREAKS)
            elif text == "Angaben" and k and texts[k - 1].lower() == "nach":
                # "nach Angaben Peskows", "nach Angaben des Kremls"
                stop = k + 1
                while stop < min(n, k + 5) and (texts[stop][:1].isupper() or texts[stop] in ("des", "der", "von", "aus")):
                    stop += 1
                region.update(range(first + k - 1, first + stop))
            elif text in ("laut", "Laut"):
                region.update(first + j for j in range(k, min(n, k + 6)) if texts[j] not in CLAUSE_BREAKS)
            elif text in self.reporting_verbs:
                if text == "so" and previous not in quotes:
                    continue
                if text in self.cancel_separable[0] and _has_particle(texts, k, self.cancel_separable[1]):
                    continue  # "Fernández sagte seine Teilnahme ab" cancels, it does not report
                wie = _clause_opener(view.lower[first:last], texts, k, "wie")
                if wie is not None:
                    # "..., wie die Sprecherin Maria Sacharowa am Mittwoch mitteilte."
                    stop = next((j for j in range(k + 1, n) if texts[j] in CLAUSE_BREAKS), n)
                    region.update(range(first + wie, first + stop))
                    continue
                if previous in quotes or (k >= 2 and texts[k - 2] == "," and previous in ('"', "“", "”")):
                    # "..., sagte die Sprecherin X bei einem Briefing."
                    stop = next((j for j in range(k + 1, n) if texts[j] in (":", ";")), n)
                    region.update(range(first + k, first + stop))
                elif k <= 1 and view.lower[first] in ("das", "dies", "wie", "dazu"):
                    region.update(range(first, last))  # "Das teilte X mit."
                else:
                    # "Sacharowa sagte am Mittwoch, ..." / "X erklärte: ..."
                    comma = next((j for j in range(k + 1, min(n, k + 8)) if texts[j] in (",", ":")), None)
                    if comma is not None and k <= 6:
                        region.update(range(first, first + comma))
        return region

    def _triggers(self, view: _View, reading: dict[str, Any]) -> list[tuple[int, str, str]]:
        """(token index, kind, visit_type) for every trigger outside dateline/reporting clauses."""
        start, end = reading["start"], reading["end"]
        text, lower = view.text, view.lower
        cues, nouns = reading["cues"], reading["nouns"]
        verb_cue = reading["all_cues"] & TRIGGER or lower[start] in self.trigger_words
        if not (nouns or verb_cue or cues & (VERTRETEN | DELEGATION | REPRESENTING)):
            return []  # most sentences: no visit noun, no trigger word, no delegation cue
        aside, reporting = reading["aside"], reading["reporting"]
        skip = aside | reporting if aside and reporting else aside or reporting
        found = [(i, "noun", visit_type) for i, visit_type in nouns
                 if i not in skip and not self._time_reference(view, reading, i)] if nouns else []
        words = reading["words"]
        if cues & VERTRETEN and (cues & LETTING or "durch" in words or (
                "mit" in words and ("ist" in words or "sind" in words)) or (
                "von" in words and ("wird" in words or "werden" in words))):
            # "lässt sich von Außenminister Lawrow vertreten", "Russland wird durch Oreschkin
            # vertreten", "Usbekistan ist mit Ministerpräsident Aripow vertreten": the representative
            # comes (as a guest of the summit told before); "Interessen vertreten" is no trip
            found += [(i, "travel_weak", "unspecified") for i in range(start, end)
                      if text[i] == "vertreten" and i not in skip]
        if cues & DELEGATION and cues & LEADING:
            # "vor Ort leitet Außenminister Mauro Vieira die Delegation"
            found += [(i, "travel_weak", "unspecified") for i in range(start, end)
                      if text[i] in self.leading_verbs and i not in skip]
        if cues & DELEGATION and cues & MEMBERSHIP:
            # "Zur Delegation gehört auch Außenminister Lawrow": with the trip told before
            found += [(i, "delegation", "unspecified") for i in range(start, end)
                      if text[i] in self.membership_verbs and i not in skip]
        if cues & REPRESENTING:
            # "vor Ort vertritt ihn Außenminister Lawrow" (not "vertritt die Interessen")
            found += [(i, "travel_weak", "unspecified") for i in range(start, end - 1)
                      if text[i] in self.representing_verbs and i not in skip
                      and lower[i + 1] in ("ihn", "sie")]
        if not verb_cue:
            return sorted(found)  # no verb or summit trigger at all
        trigger_words = self.trigger_words
        summit_nouns = self.summit_nouns
        # (a quick look at the text and its lower case first, in C: verbs are matched in lower
        # case, "Erwartet werden ..." opens a sentence)
        is_trigger = trigger_words.__contains__
        candidates = compress(range(start, end), map(operator.or_, map(is_trigger, text[start:end]),
                                                      map(is_trigger, lower[start:end])))
        for i in candidates:
            if i in skip:
                continue
            word = text[i]
            form = word if word[:1].islower() or word in summit_nouns else word.lower()
            if word not in trigger_words and form not in trigger_words:
                continue
            if word in summit_nouns:
                # "am Gipfel", "zum Gipfel", "ihre Teilnahme" - not "bezeichnete die Konferenz als ..."
                window = lower[max(start, i - 3):i]
                # "nach dem Gipfel reist Xi weiter", "vor dem Gipfel": a time, not a participation
                temporal = bool(window) and not self.temporal_preps.isdisjoint(window[-2:])
                if word in self.participation_nouns or (not temporal and not (
                        self.summit_preps.isdisjoint(window) and not cues & SUMMIT_VERB)):
                    found.append((i, "summit", "unspecified"))
            elif form in self.host_verbs:
                if form in self.approving_host_verbs and self._approves_a_visit(text, lower, i, start, end):
                    continue
                found.append((i, "host", "unspecified"))
            elif form in self.travel_verbs:
                kind = "travel_weak" if form in self.needs_destination else "travel"
                found.append((i, kind, "unspecified"))
            elif form in self.separable_heads:
                # the particle is looked for among the words (outside the clauses set aside)
                position = i - start - sum(1 for j in skip if j < i) if skip else i - start
                for heads, particle in self.separable:
                    if form in heads and _has_particle(words, position, particle):
                        found.append((i, "summit" if particle == "teil" else "travel", "unspecified"))
                        break
                else:
                    if form in self.meeting_verbs:
                        found.append((i, "meeting", "unspecified"))
            elif form in self.meeting_verbs:
                found.append((i, "meeting", "unspecified"))
        return sorted(found)

    def _approves_a_visit(self, text: list[str], lower: list[str], i: int, start: int, end: int) -> bool:
        """Whether the welcoming verb at ``i`` approves of a visit instead of receiving a guest:
        a visit noun among its next three words ("begrüßte den geplanten Besuch") or a passive
        whose sentence opens with one ("Der Besuch von Scholz in Washington wurde überall
        begrüßt")."""
        nouns = self.visit_noun_words
        if any(text[j] in nouns for j in range(i + 1, min(end, i + 4))):
            return True
        return any(text[j] in nouns for j in range(start, min(end, start + 3))) and any(
            lower[j] in PASSIVE_AUXILIARIES for j in range(start, i))

    def _mentions(self, view: _View, sent: _Sentence, number: int, reading: dict[str, Any],
                  previous: list[_Mention], readings: list[dict[str, Any]], on: dt.date | None,
                  frames: list[dict[str, Any]]) -> list[_Mention]:
        """The trips this sentence mentions: by its own triggers, else as the next stop of the
        trip told just before."""
        scored: list[tuple] = []  # (the places' scores, computed by whichever reading ranks them first)
        found = self._trigger_mentions(view, sent, number, reading, previous, readings, on, frames, scored)
        if found:
            if not reading["places"]:
                return found
            named = {p.attrs.get("country") for p in reading["places"]}
            if not all(m.country not in named for m in found):
                return found
        # no trigger, or a trigger whose destination came from an earlier sentence while this
        # one names places ("hatte er drei Länder besucht, Stationen waren Jaunde, Cotonou und
        # Bissau"): the places of the sentence may be the stops
        return self._itinerary_stop(view, number, reading, previous, on, scored) or found

    def _trigger_mentions(self, view: _View, sent: _Sentence, number: int, reading: dict[str, Any],
                          previous: list[_Mention], readings: list[dict[str, Any]], on: dt.date | None,
                          frames: list[dict[str, Any]], scored: list[tuple] | None = None) -> list[_Mention]:
        """The trips this sentence's triggers mention; a summit/reception without visitors becomes a frame.

        scored (list): the memo of the sentence's place scores (see ``_rank_places``)."""
        triggers = self._triggers(view, reading)
        if self._virtual_context(view, readings, number, triggers):
            return []
        if not triggers and len(reading["persons"]) >= 2 and not reading["non_visit"] and not reading["negated"]:
            guests = self._guest_list(reading, frames, previous, readings, number, on)
            if guests:
                return guests
        if triggers and reading["non_visit"]:
            # "reiste nach Berlin, wo er an einer Videokonferenz teilnahm": a travel trigger in a
            # clause of its own survives a phone or video cue elsewhere in the sentence
            triggers = [t for t in triggers if t[1] in ("travel", "travel_weak", "noun")
                        and not self._non_visit_in_clause(view, reading, t[0])]
            # ... and only the people of those clauses travel ("telefonierte mit Tokajew, der in
            # Astana weilte" is nobody's trip)
            clauses = [self._clause_of(view, reading, t[0]) for t in triggers]
            reading = dict(reading, persons=[p for p in reading["persons"]
                                             if any(a <= p["start"] < b for a, b in clauses)])
        if not triggers:
            return []
        words, cues = reading["words"], reading["cues"]
        if self._speculative(reading):
            return []
        if cues & INVITATION and not reading["dates"] \
                and not _has_phrase([w.lower() for w in words], ["auf", "einladung"]):
            return []
        kinds = set(map(_kind, triggers))
        strong = kinds - WEAK_KINDS
        trigger_at = triggers[0][0]
        # (without a negation word in the sentence nothing is negated: see _negated)
        if reading["lower_cues"] & (NEGATION | VERTRETEN_LOWER) \
                and self._negated(view, reading, list(map(_position, triggers))):
            return []

        visit_verbs = [i for i, kind, _ in triggers if kind == "travel" and view.lower[i].startswith("besuch")] \
            if "travel" in kinds else []
        if "noun" in kinds and cues & PAYING:
            # "wird Deutschland und Frankreich offizielle Besuche abstatten": the dative object
            visit_verbs += [i for i, kind, _ in triggers if kind == "noun"]
        places = self._rank_places(view, reading, trigger_at, visit_verbs, scored)
        if not places and "summit" in kinds and number <= 2 and not reading["persons"]:
            # "Johannesburg (dpa) - Im Sandton Convention Centre hat am Dienstag der Gipfel
            # begonnen": a lead that names a summit but neither place nor people sets the
            # summit in the dateline's city
            places = [(2.0, span.attrs["country"], span.attrs.get("name") if span.attrs.get("kind") == "city" else None, span)
                      for span in next((r["dateline_places"] for r in readings if r["dateline_places"]), [])[:1]]
        nationality = self._nationality_reference(view, number, reading, previous, readings) \
            if reading["all_cues"] & NATIONALITY else []
        if not strong:
            # "trifft Xi in Peking", "kommt nach Minsk": only with a place after nach/in and a named person
            places = [p for p in places if p[0] >= 2.0]
            if not reading["persons"] and not (places and (
                    nationality or self._pronoun_subject(view, number, reading, previous, readings))):
                return []  # "In Astana traf sie ...", "Der Portugiese war nach Ankara gereist": enough
            if not places:
                if not ("travel_weak" in kinds and self._recent_summit(frames, previous, number)):
                    return []
                kinds = kinds | {"summit"}  # "Erwartet werden ... Scholz, Macron": guests of that summit
        if not places and "summit" not in kinds and kinds.isdisjoint(("meeting", "host", "noun")) \
                and self._recent_summit(frames, previous, number):
            # "Bereits am Dienstagabend traf Li Qiang ein": arriving, with no place named, at the
            # summit told before
            kinds = kinds | {"summit"}
        if reading["guest_list"] and not places and self._recent_summit(frames, previous, number):
            # "Zu den Gästen, die der Gastgeber begrüßte, zählten Merz, Macron ...": the guests
            # of the summit told before
            kinds = kinds | {"summit"}
        inviters = [p for p in reading["persons"] if self._inviting(view, reading, p)] \
            if reading["lower_cues"] & INVITING else []
        absent = reading["absent"]
        persons = [p for p in reading["persons"] if _key(p["person"]) not in absent and p not in inviters] \
            if absent or inviters else list(reading["persons"])
        if previous and reading["unresolved_roles"] and number - previous[-1].sentence <= self.max_context_sentences:
            # "der Präsident" with no country, after a trip of a president: that traveller (the
            # one told most, when several presidents travelled)
            for role in reading["unresolved_roles"]:
                if role["start"] >= 2 and view.lower[role["start"] - 1] in ("und", "sowie") \
                        and view.text[role["start"] - 2].endswith("-"):
                    continue  # "die Staats- und Regierungschefs": several people
                same_office = [m for m in previous if role["role_key"] and m.visitor.get("role_key") == role["role_key"]
                               and number - m.sentence <= self.max_context_sentences]
                if not same_office:
                    continue
                last = _main_traveller(same_office)
                if all(_key(p["person"]) != _key(last) for p in persons):
                    persons.append({"person": last, "start": role["start"], "end": role["end"]})
            persons.sort(key=lambda p: p["start"])
        if nationality and all(_key(p["person"]) != _key(nationality[0]["person"]) for p in persons):
            persons = sorted(persons + nationality, key=lambda p: p["start"])  # "Der Portugiese, der ..."
        if not persons:
            persons = self._pronoun_subject(view, number, reading, previous, readings)
        country, city = (places[0][1], places[0][2]) if places else (None, None)
        # (a single place of the sentence has nothing coordinated with it)
        also = _coordinated_places(view, places, reading["places"]) if len(places) > 1 or len(reading["places"]) > 1 \
            or places and reading["places"] and reading["places"][0] is not places[0][3] else []
        host_verb = "host" in kinds
        receiver = None
        if host_verb and persons:
            # "Putin empfing Lukaschenko" (the subject hosts) / "wurde von Putin empfangen" (passive) /
            # "wo ihn Präsident Raisi empfing", "Ramaphosa hat Merz empfangen" (the first person
            # before the verb in its clause)
            passive = [p for p in persons if _agent_of(view, p["start"], reading["title_tokens"])]
            received_by = {_key(p["person"]) for p in passive}
            verb = next(i for i, kind, _ in triggers if kind == "host")
            left = verb
            while left > reading["start"] and view.text[left - 1] not in CLAUSE_BREAKS:
                left -= 1
            right = verb
            while right < reading["end"] and view.text[right] not in CLAUSE_BREAKS:
                right += 1
            before = [p for p in persons if left <= p["start"] < verb]
            after = [p for p in persons if p["start"] > verb]
            if passive:
                receiver = (passive[0], 1)
            elif before or any(p["start"] < right for p in after) or view.lower[left] not in RELATIVE_PRONOUNS:
                receiver = ((before or after or persons)[0], 2)
            # else "Zu den Gästen, die der Gastgeber begrüßte, zählten Merz, Macron ...": the
            # receiving is told in a relative clause about unnamed guests; the host is not named
        if country is None and previous:
            # a later sentence about the same trip ("war von Lukaschenko empfangen worden")
            keys = {_key(p["person"]) for p in persons}
            earlier = next((m for m in reversed(previous) if _key(m.visitor) in keys and m.country), None)
            if earlier is not None:
                country, city = earlier.country, earlier.city
        delegation_of = None
        if country is None and "delegation" in kinds and previous \
                and number - previous[-1].sentence <= self.max_context_sentences:
            delegation_of = previous[-1]  # "Zur Delegation gehört auch ...": the trip told before
            country, city = delegation_of.country, delegation_of.city
        if country is None and receiver is not None:
            country = receiver[0]["person"]["country"]
        if country is None and "summit" in kinds:
            # "haben ihre Teilnahme bestätigt": the summit announced before
            # the article's summit: the one told most (a frame such as "sind 45 Staats- und
            # Regierungschefs zum Gipfel in Moldau zusammengekommen" counts double), not a summit
            # named in passing ("beim Gipfel in Vilnius im Juli")
            summit_before = [(2, f["sentence"], f["country"], f["city"]) for f in frames if f.get("summit")] + [
                (1, m.sentence, m.country, m.city) for m in previous if m.summit and m.country]
            if summit_before:
                weight: dict[str, int] = {}
                for w, _n, c, _city in summit_before:
                    weight[c] = weight.get(c, 0) + w
                best = max(summit_before, key=lambda x: (weight[x[2]], x[1]))
                country = best[2]
                city = next((x[3] for x in reversed(summit_before) if x[2] == country and x[3]), None)
        if country is None and persons and strong - {"summit"}:
            others = [p for p in persons[1:] if p["person"]["country"]
                      and p["person"]["country"] != persons[0]["person"]["country"]]
            if others:
                country = others[0]["person"]["country"]
        # an unknown official without a country met "mit"/received "von" is a local of the destination
        if country:
            persons = [dict(p, person=dict(p["person"], country=country))
                       if p["person"]["country"] is None and _after_word(view, p["start"], MIT_VON)
                       else p for p in persons]
        destinations = {country, *map(_first, also)} if also else {country}
        # locals: people of the destination, and officials of an organization seated there
        # ("in Brüssel, wo ihn Kommissionspräsidentin von der Leyen empfing")
        # (no two entries of ``persons`` name the same person: one pass splits them)
        hosts, visitors = [], []
        if country is not None:
            for p in persons:
                (hosts if self._at_home_in(p["person"], destinations) else visitors).append(p)
        else:
            visitors = list(persons)
        if not visitors and hosts:
            # "traf er den russischen Präsidenten in Sotschi": only locals named, the visitor is "er"
            # (also in a text's first trip: "Lula hat drei Kontinente bereist. Am Mittwoch hält er
            # sich auf Einladung von Sánchez in Madrid auf")
            pronoun = self._pronoun_subject(view, number, dict(reading, persons=[]), previous, readings)
            if pronoun and pronoun[0]["person"]["country"] not in destinations:
                visitors = pronoun
        if not visitors and previous and not reading["persons"] and "noun" in kinds:
            # "Der Besuch wurde verschoben": the trip of the last mention
            last = previous[-1]
            if number - last.sentence <= self.max_context_sentences and country in (None, last.country):
                visitors = [{"person": last.visitor, "start": trigger_at, "end": trigger_at}]
                period = _period(reading["dates"])
                last_month = (last.start or last.period or "")[5:7]
                if country is None and period and last_month and period[5:7] != last_month:
                    pass  # "Das größte Aufsehen erregte die Reise Mitte Juni": another trip, told next
                else:
                    country = country or last.country
                    city = city or last.city
        summit = "summit" in kinds
        if not summit and visitors:
            visitors = [v for v in visitors if not _after_word(view, v["start"], MIT_ONLY)]
        if not strong and visitors:
            # "Kritik kam von Guterres und Erdoğan": who follows "kam von" is the source of
            # something, not a traveller (nor are those listed with them)
            came_from = {i + 1 for i, kind, _ in triggers if kind == "travel_weak" and view.lower[i + 1:i + 2] == ["von"]}
            sources = [v for v in visitors if any(0 < v["start"] - i <= 6 and all(
                view.lower[j] in COORDINATION_WORDS or view.text[j][:1].isupper() for j in range(i + 1, v["start"]))
                for i in came_from)]
            if sources:
                group = _coordinated(view, [v for v in visitors if v["start"] >= sources[0]["start"]],
                                     reading["title_tokens"])
                visitors = [v for v in visitors if v not in group]
        if receiver is not None and receiver[1] == 1:
            # "wurde im Kreml von Putin empfangen": the one who receives is no visitor
            visitors = [v for v in visitors if _key(v["person"]) not in received_by]
        if reading["negated"]:
            # "Jaishankar traf am Mittwoch ein; Premierminister Modi nimmt nicht teil": whoever
            # stands in a clause whose trigger is negated stays at home
            visitors = [v for v in visitors if not self._in_negated_clause(view, reading, v["start"], triggers)]
        if visitors and not summit:
            subjects = _coordinated(view, visitors, reading["title_tokens"]) if len(visitors) > 1 else visitors[:1]
            if "meeting" in kinds and country:
                # "traf der türkische Präsident in Astana Kremlchef Putin": in a third country
                # the one met has travelled too (not someone only talked about: "über Putin")
                home = {v["person"]["country"] for v in subjects}
                subjects += [v for v in visitors if v not in subjects and v["person"]["country"]
                             and v["person"]["country"] not in home | destinations
                             and self.topic_preps.isdisjoint(view.lower[max(0, v["start"] - 4):v["start"]])]
                subjects.sort(key=lambda v: v["start"])
            visitors = subjects
        visitors = [v for v in visitors if v["person"]["country"] is None or v["person"]["country"] not in destinations]
        host, host_rank = self._choose_host(view, [h for h in hosts if self._at_home(h["person"], country)], receiver) \
            if hosts or receiver is not None else (None, 0)
        own_dates = reading["dates"]
        if places and len(reading["dates"]) > 1:
            # "Am 5. Februar waren sie in Kiew ..., tags darauf, am 6. Februar, in Moskau": the
            # first stop's dates are those of its own clause, when it has any (and an end such as
            # "der bis Freitag dauert" wherever it stands)
            clause = self._clause_of(view, reading, places[0][3].start)
            own_dates = [d for d in reading["dates"] if clause[0] <= d.start < clause[1]
                         or "end_only" in (d.attrs.get("flags") or ())] or reading["dates"]
        start, end, range_given = self._dates(reading, trigger_at, own_dates)
        if delegation_of is not None and start is None:
            start, end = delegation_of.start, delegation_of.end
        arrived = bool(start and start == end and cues & ARRIVAL)
        if not visitors:
            # a summit, a reception, or an arrival of unnamed guests ("sind zahlreiche Staats- und
            # Regierungschefs in Moskau eingetroffen") frames what follows
            # (not a return home: "Noch am Abend kehrt der Präsident nach Istanbul zurück")
            gathering = summit or (not reading["persons"] and bool(strong) and start is not None
                                   and self.return_words.isdisjoint(view.lower[reading["start"]:reading["end"]]))
            # (an undated one only in the lead: "Johannesburg - Zum ersten Mal findet ein Gipfel der
            # G20 in Afrika statt" frames the article; a summit named in passing later does not)
            if country and (gathering or host_verb) and (host or start or (summit and number <= 2)):
                frames.append({"sentence": number, "country": country, "city": city, "start": start,
                               "end": end, "host": host["person"] if host else None, "host_rank": host_rank,
                               "orgs": [_org(s) for s in reading["orgs"]], "summit": gathering})
            return []
        status, explicit = self._status(reading, start, end, on)
        if arrived and on is not None and not explicit and 0 <= _days(on.isoformat(), start) <= 2:
            status, explicit = "ongoing", True  # "ist gestern eingetroffen": the stay has begun
        visit_type = _most_specific([vt for _, kind, vt in triggers if kind == "noun"]) if "noun" in kinds \
            else "unspecified"
        stops = [(country, city, start, end, range_given, host, host_rank, status, explicit), *[
            (c, ci, start, end, range_given, None, 0, status, explicit) for c, ci in also]]
        if len(places) > 1 or reading["dates"]:  # (else no other place or date makes another stop)
            stops += self._further_stops(view, reading, places, persons, country, start, on)
        origin = self._origin(view, reading, previous, number) if "travel" in kinds or "travel_weak" in kinds else None
        own_status = self._clause_status(view, reading, visitors, stops[0][2:4], on) \
            if status in ("cancelled", "postponed") and len(visitors) > 1 else {}
        # (what all the sentence's mentions share, built once; each mention gets lists and sets
        # of its own where merging and context change them)
        visitor_keys = {_key(v["person"]) for v in visitors}
        period = _period(reading["dates"]) if reading["dates"] else None
        reporters = [r["person"] for r in reading["reporters"]] if reading["reporters"] else []
        trigger_orgs = [_org(o) for o in reading["orgs"]] if reading["orgs"] else []
        strength = 1.0 if strong else 0.6
        year = reading["year"]
        # each stop's other destinations, and its host
        stops = [(stop, {c for c, *_rest in stops if c != stop[0]} if len(stops) > 1 else set(),
                  stop[5]["person"] if stop[5] else None) for stop in stops]
        out = []
        for visitor in visitors:
            person = visitor["person"]
            key = _key(person)
            for (country, city, start, end, range_given, _host, host_rank, status, explicit), others, host in stops:
                if self._at_home(person, country):
                    continue  # at home, or at the seat of the organization served
                if own_status:
                    status, explicit = own_status.get(key, (status, explicit))
                out.append(_Mention(
                    sentence=number, visitor=person, country=country, city=city,
                    start=start, end=end, visit_type=visit_type, status=status, explicit_status=explicit,
                    host=host, host_rank=host_rank, reporters=reporters[:],
                    trigger=trigger_at, strength=strength, sentences={number},
                    range_given=range_given, summit=summit, trigger_orgs=trigger_orgs,
                    co_visitors=visitor_keys - {key}, other_destinations=set(others),
                    period=period, origin=origin, year=year,
                ))
        return out

    def _itinerary_stop(self, view: _View, number: int, reading: dict[str, Any], previous: list[_Mention],
                        on: dt.date | None, scored: list[tuple] | None = None) -> list[_Mention]:
        """A trip told stop by stop: after "reist zu einer Reise nach Zentralasien", sentences such as
        "Erste Station ist Kasachstan", "In Taschkent sprach der Minister mit ...", "Am Donnerstag
        begrüßte ihn Außenminister X in Bischkek" or "Am 25. Januar sind Gespräche in Bischkek mit X
        vorgesehen" place the same traveller in the next country without naming a travel verb.

        Such a sentence needs a recent trip with one traveller (or a pair travelling together, not a
        summit's guest list), a foreign place after "in"/"nach" (or named with a stop word such as
        "Station"), something the traveller does there (a meeting word, a stop word, a reference
        to the traveller: name, pronoun, "der Gast") and nobody else from abroad.
        """
        if not previous or not reading["places"] or reading["non_visit"] or reading["negated"] \
                or reading["topic_heading"] or number - previous[-1].sentence > self.max_context_sentences \
                or self._speculative(reading):
            return []
        last = previous[-1]
        cues = reading["cues"]
        station = bool(cues & STOP_WORD)
        ranked = self._rank_places(view, reading, reading["start"], (), scored)
        if not station and not any(p[0] >= 2.0 and (p[2] is not None or _after_word(view, p[3].start, NACH_ONLY))
                                   for p in ranked):
            return []  # no place the traveller (whoever it is) could have gone on to
        travellers = [m.visitor for m in previous if m.sentence == last.sentence]
        travellers = list({_key(v): v for v in travellers}.values())
        if len(travellers) > 2:
            return []
        # a feature about one traveller mentions others' trips in passing ("Macron bestätigte,
        # dass er nach China reisen werde. Die nächste Station war Rom."): the traveller told
        # most often so far goes on
        # (ties: the one introduced first)
        counts = _mention_counts(previous)
        main = _main_traveller(previous, counts)
        if _key(main) not in {_key(v) for v in travellers} and \
                counts[_key(main)] >= max(counts[_key(v)] for v in travellers):
            travellers = [main]
        home = set().union(*(self._homes(v) for v in travellers))
        places = [p for p in ranked if p[1] not in home]
        if not places and station:
            places = [(1.0, s.attrs.get("country"), s.attrs.get("name") if s.attrs.get("kind") == "city"
                       else None, s) for s in reading["places"] if s.attrs.get("country") not in home
                      and s.attrs.get("country")]
        # a city after "in"/"nach", a country after "nach" ("die Lage in Afghanistan" is a topic)
        # or any place named with a stop word
        places = [p for p in places if station or (p[0] >= 2.0 and (p[2] is not None or _after_word(view, p[3].start, NACH_ONLY)))]
        if not places:
            return []
        _score, country, city, _span = places[0]
        if city is None:
            city = next((p[2] for p in places[1:] if p[1] == country and p[2]), None)
        keys = {_key(v) for v in travellers}
        named = [p for p in reading["persons"] if _key(p["person"]) in keys]
        if named:  # of two who travelled together, the one named goes on
            travellers = [v for v in travellers if _key(v) in {_key(p["person"]) for p in named}]
            keys = {_key(v) for v in travellers}
        strangers = [p for p in reading["persons"] if _key(p["person"]) not in keys
                     and p["person"]["country"] not in (None, country)]
        if strangers:
            return []  # someone else from abroad: not (only) this traveller's stop
        locals_met = [p for p in reading["persons"] if p["person"]["country"] == country]
        referred = bool(named) or bool(reading["lower_cues"] & VISITOR_REFERENCE) and any(
            view.lower[i] in self.visitor_references for i in range(reading["start"], reading["end"])
            if i not in reading["title_tokens"] and i not in reading["reporting"])
        onward = bool(cues & ONWARD) and _after_word(view, places[0][3].start, NACH_ONLY)
        if not (station or referred or onward or (reading["meeting_cue"] and locals_met)):
            return []
        start, end, range_given = self._dates(reading, reading["start"])
        status, explicit = self._status(reading, start, end, on)
        host, host_rank = self._choose_host(view, locals_met, None)
        # "Stationen waren Jaunde, Cotonou und Bissau": each place of the list is a stop
        stops = [(country, city, host)] + [(c, ci, None) for c, ci in _coordinated_places(view, places, reading["places"])
                                           if c not in home]
        return [_Mention(sentence=number, visitor=v, country=c, city=ci, start=start, end=end,
                         visit_type="unspecified", status=status, explicit_status=explicit,
                         host=h["person"] if h else None, host_rank=host_rank if h else 0,
                         reporters=[r["person"] for r in reading["reporters"]], trigger=reading["start"],
                         strength=0.6, sentences={number}, range_given=range_given,
                         co_visitors=keys - {_key(v)}, period=_period(reading["dates"]), year=reading["year"],
                         other_destinations={s[0] for s in stops if s[0] != c})
                for v in travellers for c, ci, h in stops if v.get("country") != c]

    def _origin(self, view: _View, reading: dict[str, Any], previous: list[_Mention], number: int) -> str | None:
        """The country a traveller leaves: "von Paris", "aus Minsk", "von dort" (the last stop)."""
        for span in reading["places"]:
            if span.start and view.lower[span.start - 1] in self.origin_preps and span.attrs.get("country"):
                return span.attrs["country"]
        if not reading["lower_cues"] & DORT:
            return None
        for i in range(reading["start"], reading["end"] - 1):
            if view.lower[i] in ("von", "aus") and view.lower[i + 1] == "dort" and previous \
                    and number - previous[-1].sentence <= self.max_context_sentences:
                return previous[-1].country
        return None

    def _further_stops(self, view: _View, reading: dict[str, Any], places: list[tuple], persons: list[dict[str, Any]],
                       country: str | None, start: str | None, on: dt.date | None) -> list[tuple]:
        """Other trips in the same sentence, each in its own clause with its own place or date:
        "Am 5. Februar waren Merkel und Hollande in Kiew ..., am 6. Februar verhandelten sie in
        Moskau mit Putin"; "Am 9. Mai nahm er an der Parade teil, am 25. Mai am Gipfel"."""
        if len(places) < 2 and not reading["dates"]:
            return []  # no other place or date to make another stop
        main_clause = None
        if places:
            main_clause = self._clause_of(view, reading, places[0][3].start)
        stops, seen = [], {(country, start)}
        clauses = {}
        for score, c, city, span in places[1:]:
            clause = self._clause_of(view, reading, span.start)
            if score >= 2.0 and c != country and clause != main_clause:
                clauses.setdefault(clause, (c, city))
        for span in reading["dates"]:
            attrs = span.attrs
            if "day" not in str(attrs.get("granularity", "")) or not attrs.get("start_date"):
                continue
            clause = self._clause_of(view, reading, span.start)
            if clause == main_clause or (start and abs(_days(attrs["start_date"], start)) <= MAX_GAP_DAYS):
                continue
            clauses.setdefault(clause, (country, None))
        for clause, (c, city) in sorted(clauses.items()):
            if c is None:
                continue
            dates = [s for s in reading["dates"] if clause[0] <= s.start < clause[1]]
            if not dates and main_clause is not None and main_clause[1] <= clause[0]:
                # "..., tags darauf, am 6. Februar, verhandelten sie in Moskau": the date stands in
                # the clauses between the first stop and this one
                dates = [s for s in reading["dates"] if main_clause[1] <= s.start < clause[0]]
            first, last, is_range = self._dates(reading, clause[0], dates)
            if (c, first) in seen or first is None and c == country:
                continue
            seen.add((c, first))
            status, explicit = self._status(reading, first, last, on)
            host = next((p for p in persons if p["person"]["country"] == c and clause[0] <= p["start"] < clause[1]), None)
            stops.append((c, city, first, last, is_range, host, 1 if host else 0, status, explicit))
        return stops

    def _inviting(self, view: _View, reading: dict[str, Any], person: dict[str, Any]) -> bool:
        """The one who invites does not travel: "zum Gipfel, zu dem Bundeskanzler Scholz ins
        Kanzleramt eingeladen hat" (an active invitation verb in the person's clause; "ist
        nicht eingeladen" is the invitee)."""
        first, last = self._clause_of(view, reading, person["start"])
        if sum(1 for p in reading["persons"] if first <= p["start"] < last) != 1:
            return False  # "Putin hatte Lukaschenko eingeladen": who is who needs a parser
        clause = view.lower[first:last]
        if "eingeladen" in clause:
            # the inviter ("eingeladen hat"), or an invitee of whom only the invitation is told
            # ("zu der Xi eingeladen worden war")
            return not {"hat", "hatte", "haben", "hatten", "worden"}.isdisjoint(clause)
        return "einlud" in clause or ("lud" in clause and "ein" in clause)

    def _substituted(self, view: _View, reading: dict[str, Any], person: dict[str, Any]) -> bool:
        """Someone who sends another in their place: "Statt des Staatschefs Xi Jinping kam Li
        Qiang", "Putin ließ sich von Außenminister Lawrow vertreten"."""
        first, last = self._clause_of(view, reading, person["start"])
        before = view.lower[max(first, person["start"] - 5):person["start"]]
        if not self.substitution_words.isdisjoint(before):
            return True
        words = view.lower[reading["start"]:reading["end"]]
        if "vertreten" in words and "von" in words and ("wird" in words or "werden" in words) \
                and self.letting_verbs.isdisjoint(words):
            # "Putin wird von Außenminister Lawrow vertreten": the subject, named before "von"
            by = reading["start"] + words.index("von")
            return person["start"] < by and not _after_word(view, person["start"], {"von"}) and all(
                p["start"] >= person["start"] for p in reading["persons"] if p["start"] < by)
        if "vertreten" in words and not self.letting_verbs.isdisjoint(words):
            # the subject: the last person before the letting verb (a relative clause may stand
            # between: "Putin, gegen den ein Haftbefehl vorliegt, ließ sich ... vertreten")
            verb = next(i for i in range(reading["start"], reading["end"]) if view.lower[i] in self.letting_verbs)
            before = [p for p in reading["persons"] if p["start"] < verb]
            return bool(before) and before[-1]["start"] == person["start"]
        return False

    def _speculative(self, reading: dict[str, Any]) -> bool:
        """A possibility ("nicht ausgeschlossen") or an open question ("ob der Präsident kommt,
        ließ das Weiße Haus offen", "ist weiter offen" - not "kritisierte ihn offen")."""
        words, cues = reading["words"], reading["cues"]
        if cues & SPECULATION:
            return True
        if "?" in words[-3:] and next((w for w in reversed(words) if not w.isspace()), "") == "?":
            return True  # "Wird Präsident Xi am Gipfel teilnehmen?" asks, it does not tell
        if cues & IN_TALKS and any(words[i - 1] == "im" and (i + 1 == len(words) or words[i + 1] in CLAUSE_BREAKS
                                                                or words[i + 1] in (".", "“", "”", '"'))
                                       for i, w in enumerate(words) if w == "Gespräch" and i):
            return True  # "Ein Besuch in Astana sei im Gespräch": talked about, not planned
        return bool(cues & OPEN_QUESTION and cues & OPEN_QUESTION_MARKER) and any(
            w in self.open_question and not self.open_question_markers.isdisjoint(words[max(0, i - 4):i])
            for i, w in enumerate(words))

    def _time_reference(self, view: _View, reading: dict[str, Any], noun: int) -> bool:
        """'Nach dem Moskau-Besuch stellte Michel klar': a visit noun after "nach/vor/seit dem"
        dates something else; it is no trip of the sentence's people."""
        if any(noun < p["start"] <= noun + 4 for p in reading["persons"]):
            return False  # "seit dem Besuch Mnangagwas in Minsk": whose visit is said
        for j in range(max(reading["start"], noun - 4), noun - 1):
            if view.lower[j] in self.temporal_preps and view.lower[j + 1] in ("dem", "der", "den"):
                return not any(view.text[k] in CLAUSE_BREAKS for k in range(j, noun))
        return False

    def _non_visit_in_clause(self, view: _View, reading: dict[str, Any], position: int) -> bool:
        first, last = self._clause_of(view, reading, position)
        return any(view.text[i] in self.non_visit for i in range(first, last))

    def _at_home(self, person: dict[str, Any], country: str | None) -> bool:
        """``country in self._homes(person)``, without building the set (asked per person and stop)."""
        if country == person.get("country"):
            return True
        seat = self.seats.get(person.get("org"))
        return bool(seat) and country == seat

    def _at_home_in(self, person: dict[str, Any], countries: set[str | None]) -> bool:
        """Is one of the person's homes (see ``_homes``) among ``countries``?"""
        if person.get("country") in countries:
            return True
        seat = self.seats.get(person.get("org"))
        return bool(seat) and seat in countries

    def _homes(self, person: dict[str, Any]) -> set[str | None]:
        """Where an official is at home: their country, and the seat of the organization they serve
        (Rutte in Brussels, Guterres in New York)."""
        seat = self.seats.get(person.get("org"))
        return {person.get("country"), seat} if seat else {person.get("country")}

    def _virtual_context(self, view: _View, readings: list[dict[str, Any]], number: int,
                         triggers: list[tuple[int, str, str]]) -> bool:
        """'Starmer hatte zu einer Videokonferenz eingeladen. Aus Berlin nahm Scholz teil, ...
        Zugeschaltet waren auch ...': right after a phone or video meeting, taking part (or a bare
        list of names) is taking part in that meeting. A trip of its own ("reist", "Besuch",
        "am Gipfel in Brüssel") still counts."""
        if not (number >= 1 and readings[number - 1]["virtual_meeting"]
                or number >= 2 and readings[number - 2]["virtual_meeting"]):
            return False
        return all(view.lower[i] in self.separable_heads and kind == "summit" or view.text[i] in self.participation_nouns
                   for i, kind, _ in triggers)

    def _clause_status(self, view: _View, reading: dict[str, Any], visitors: list[dict[str, Any]],
                       dates: tuple[str | None, str | None], on: dt.date | None) -> dict[str, tuple[str, bool]]:
        """'Fernández sagte seine Teilnahme ab, für Argentinien reist Außenminister Cafiero an': a
        cancellation holds for the travellers of its own clause; the others' status comes from theirs."""
        out = {}
        for visitor in visitors:
            left, right = self._clause_of(view, reading, visitor["start"])
            words = [view.text[i] for i in range(left, right) if i not in reading["reporting"]]
            clause = dict(reading, words=words, cues=self.word_cues.mask(words))
            status = self._status(clause, *dates, on)
            if status[0] not in ("cancelled", "postponed"):
                out[_key(visitor["person"])] = status
        return out

    def _clause_of(self, view: _View, reading: dict[str, Any], position: int) -> tuple[int, int]:
        """(start, end) token range of the comma/semicolon clause around a position."""
        left = position
        while left > reading["start"] and view.text[left - 1] not in (",", ";", ":"):
            left -= 1
        right = position
        while right < reading["end"] and view.text[right] not in (",", ";", ":"):
            right += 1
        return left, right

    def _guest_list(self, reading: dict[str, Any], frames: list[dict[str, Any]], previous: list[_Mention],
                    readings: list[dict[str, Any]], number: int, on: dt.date | None) -> list[_Mention]:
        """'Unter ihnen waren Schröder, Chirac, Hu Jintao ...': right after a summit or a state
        ceremony, a sentence that only lists foreign leaders lists its guests."""
        summit = [(f["sentence"], f["country"], f["city"], f["start"], f["end"]) for f in frames if f.get("summit")]
        summit += [(m.sentence, m.country, m.city, m.start, m.end) for m in previous if m.summit and m.country]
        if not summit:
            return []
        sentence, country, city, start, end = max(summit)
        # "Zum Dialog werden zahlreiche weitere Gäste erwartet. Unter ihnen sind ..." or "Persönlich
        # anwesend sind ...": a sentence announcing guests (or this one saying they are there) keeps
        # the summit told a few sentences before in reach
        announced = reading["guest_list"] or (
            number >= 1 and readings[number - 1]["guest_list"] and not readings[number - 1]["persons"])
        if number - sentence > (self.max_context_sentences if announced else 1):
            return []
        guests = [p for p in reading["persons"] if p["person"]["country"] and p["person"]["country"] != country
                  and p["person"].get("role_key") in GUEST_ROLES]
        if len(guests) < 2 or len(guests) < len(reading["persons"]) - 1:
            return []
        status, explicit = self._status(reading, start, end, on)
        return [_Mention(sentence=number, visitor=g["person"], country=country, city=city, start=start, end=end,
                         visit_type="unspecified", status=status, explicit_status=explicit, host=None,
                         reporters=[], trigger=g["start"], strength=0.6, sentences={number}, summit=True,
                         co_visitors={_key(x["person"]) for x in guests} - {_key(g["person"])})
                for g in guests]

    def _recent_summit(self, frames: list[dict[str, Any]], previous: list[_Mention], number: int) -> bool:
        recent = [f["sentence"] for f in frames if f.get("summit")] + [m.sentence for m in previous if m.summit]
        return bool(recent) and number - max(recent) <= self.max_context_sentences

    def _negated(self, view: _View, reading: dict[str, Any], trigger_positions: list[int]) -> bool:
        """Every trigger has a negation in its clause ("reist nicht", "kein Besuch")."""
        lower_cues = reading["lower_cues"]
        if trigger_positions and not lower_cues & NEGATION and (
                not lower_cues & VERTRETEN_LOWER or "vertreten" not in map(view.lower.__getitem__, trigger_positions)):
            return False  # no negation in the sentence (a "vertreten" looks before the sentence too)
        skip = reading["aside"] | reading["reporting"]
        first, last = reading["start"], reading["end"]
        for position in trigger_positions:
            if view.lower[position] == "vertreten":
                # "bleibt fern und lässt sich von Li Qiang vertreten": the absence is the other's
                if view.lower[position - 1] not in self.negations:
                    return False
                continue
            left = position
            while left > first and view.text[left - 1] not in CLAUSE_BREAKS:
                left -= 1
            right = position
            while right < last - 1 and view.text[right + 1] not in CLAUSE_BREAKS:
                right += 1
            negated = any(view.lower[i] in self.negations and i not in skip
                          and not (i + 1 < len(view.lower) and view.lower[i + 1] == "nur")
                          for i in range(left, right + 1))
            if not negated:
                return False
        return True

    def _in_negated_clause(self, view: _View, reading: dict[str, Any], position: int,
                           triggers: list[tuple[int, str, str]]) -> bool:
        first, last = self._clause_of(view, reading, position)
        own = [i for i, _kind, _type in triggers if first <= i < last]
        return bool(own) and self._negated(view, reading, own)

    def _nationality_reference(self, view: _View, number: int, reading: dict[str, Any],
                               previous: list[_Mention], readings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """'Der Portugiese, der zuvor in Ankara gewesen war, ...': a nationality noun after an
        article refers to the person of that country named last (within the context window)."""
        if not reading["all_cues"] & NATIONALITY:
            return []
        for i in range(reading["start"] + 1, reading["end"]):
            country = self.nationality_nouns.get(view.text[i])
            if country is None or view.lower[i - 1] not in ("der", "die", "den", "dem", "des") or (
                    i + 1 < reading["end"] and view.text[i + 1][:1].isupper()):
                continue  # "die Deutsche Bahn": an adjective, not a person
            for back in range(number - 1, max(-1, number - 1 - self.max_context_sentences), -1):
                people = [p["person"] for p in readings[back]["persons"] if p["person"].get("country") == country]
                if people:
                    return [{"person": people[0], "start": i, "end": i + 1}]
            travellers = [m.visitor for m in reversed(previous) if m.visitor.get("country") == country]
            if travellers:
                return [{"person": travellers[0], "start": i, "end": i + 1}]
        return []

    def _pronoun_subject(self, view: _View, number: int, reading: dict[str, Any],
                         previous: list[_Mention], readings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The official "er"/"sie" stands for: the first person of the nearest earlier sentence,
        else the last traveller - skipping people whose gender does not fit ("reiste sie nach
        Moskau, wo sie mit Putin sprach. Danach empfing sie Selenskyj" is still the chancellor)."""
        pronoun = next((i for i in range(reading["start"], reading["end"])
                        if view.lower[i] in ("er", "sie", "ihn", "ihm") and i not in reading["reporting"]), None) \
            if reading["lower_cues"] & PRONOUN else None
        if pronoun is None:
            return []
        if reading["reporters"]:
            return [dict(reading["reporters"][0], start=pronoun, end=pronoun + 1)]
        wanted = "f" if view.lower[pronoun] == "sie" else "m"
        recent = [m for m in reversed(previous) if number - m.sentence <= self.max_context_sentences]
        # the host of the trip just told is rarely the "er" of the next sentence
        hosts_country = recent[0].country if recent else None
        candidates = []
        for back in range(number - 1, max(-1, number - 1 - self.pronoun_lookback), -1):
            people = [p["person"] for p in readings[back]["persons"]
                      if not (hosts_country and p["person"]["country"] == hosts_country)]
            if people:
                candidates.append(people[0])
        if recent and number - recent[0].sentence <= self.pronoun_lookback:
            candidates.append(recent[0].visitor)
        fitting = [c for c in candidates if _gender(c) in (wanted, None)]
        if not fitting:
            # further back: the last traveller of that gender ("Im Anschluss reist die Ministerin
            # nach Japan, wo sie ..." after a paragraph about someone else)
            fitting = [m.visitor for m in recent if _gender(m.visitor) == wanted][:1]
        if wanted == "f" and not fitting:
            fitting = candidates  # plural "sie"
        if not fitting:
            return []
        return [{"person": fitting[0], "start": pronoun, "end": pronoun + 1}]

    def _rank_places(self, view: _View, reading: dict[str, Any], trigger_at: int,
                     visit_verbs: list[int] = (), scored: list[tuple] | None = None) -> list[tuple[float, str, str | None, _Item]]:
        """(score, country, city, span) for each candidate destination, best first.

        The object of "besucht" ("besucht Scholz am 15. September Usbekistan") ranks first, then a
        place after "nach", "in" ..., nearer the trigger better; places after "aus"/"von" are origins.
        scored (list): a memo of the sentence's ``_score_places`` shared by its rankings (filled
            when empty).
        """
        if not reading["places"]:
            return []
        if scored is None:
            scored = self._score_places(view, reading)
        elif not scored:  # (an empty memo: the first ranking of the sentence fills it)
            scored += self._score_places(view, reading)
        objects = self._visited_objects(view, reading, visit_verbs) if visit_verbs else _NO_OBJECTS
        ranked = []
        for score, hyphenated, country, city, span, bonus in scored:
            if hyphenated is not None:
                score = hyphenated
            elif span.start in objects:
                score = 3.5
            ranked.append((score - abs(span.start - trigger_at) * 0.01 + bonus, country, city, span))
        if len(ranked) > 1:
            ranked.sort(key=_score, reverse=True)  # (stable: equal scores keep the sentence's order)
        if ranked and ranked[0][2] is None:
            # a city of the same country elsewhere in the sentence refines the destination
            for score, country, city, _span in ranked[1:]:
                if country == ranked[0][1] and city and score > -0.5:
                    ranked[0] = (ranked[0][0], country, city, ranked[0][3])
                    break
        # a place without "nach"/"in"/... ("zwischen Baku und Jerewan", "gegen Russland") is no destination
        return [r for r in ranked if r[0] >= 1.0]

    def _visited_objects(self, view: _View, reading: dict[str, Any], visit_verbs: list[int]) -> set[int]:
        """Where the places visited as objects of "besucht"/"Besuche abstatten" start."""
        preps = self.destination_preps
        objects = set()
        for verb in visit_verbs:
            if view.lower[verb].startswith("besuch") and view.text[verb][:1].islower():
                # "besucht Scholz am 15. September Usbekistan": the first place after the verb
                for span in reading["places"]:
                    if span.start > verb and not any(t in CLAUSE_BREAKS for t in view.text[verb:span.start]):
                        window = view.lower[max(span.start - 2, verb + 1):span.start]
                        if not set(window) & (set(preps) | self.origin_preps):
                            objects.add(span.start)
                        break
                if view.lower[verb] in ("besucht", "besuchen"):
                    # "hatte Kasachstan im Juni besucht", "will Peking besuchen": the last place
                    # before the participle or infinitive, in its clause, without a preposition
                    for span in reversed(reading["places"]):
                        if span.end <= verb and not any(t in CLAUSE_BREAKS for t in view.text[span.end:verb]):
                            window = view.lower[max(span.start - 2, reading["start"]):span.start]
                            if not set(window) & (set(preps) | self.origin_preps | self.topic_preps):
                                objects.add(span.start)
                            break
            else:
                # "Deutschland und Frankreich offizielle Besuche abstatten": places before the noun
                for span in reversed(reading["places"]):
                    if span.end <= verb and not any(t in CLAUSE_BREAKS for t in view.text[span.end:verb]):
                        window = view.lower[max(span.start - 2, reading["start"]):span.start]
                        if not set(window) & (set(preps) | self.origin_preps):
                            objects.add(span.start)
        return objects

    def _score_places(self, view: _View, reading: dict[str, Any]) -> list[tuple]:
        """What ranks a sentence's places wherever the trigger stands: (score, score of a
        hyphenated "Moskau-Besuch" or None, country, city, span, bonus of a city) per place that is
        not an origin. (Computed once per sentence: both the trigger reading and the itinerary
        reading rank them.)"""
        text, lower, first, last = view.text, view.lower, reading["start"], reading["end"]
        n = len(text)
        destination_scores, origin_preps, return_words = self.destination_scores, self.origin_preps, self.return_words
        # (topic words the sentence lacks need no look at each place's window)
        topic_preps = reading["lower_cues"] & TOPIC_PREP
        topic_phrase = reading["lower_cues"] & UEBER
        out = []
        for span in reading["places"]:
            attrs = span.attrs
            country = attrs.get("country")
            if not country:
                continue
            city = attrs.get("name") if attrs.get("kind") == "city" else None
            if span.label_ == "LANDMARK":
                city = attrs.get("city", "").split(":", 1)[-1] or None
            start = span.start
            window = lower[max(start - 3, first):start]
            before = window[-1] if window else None
            returning = before == "aus" and not return_words.isdisjoint(lower[span.end:last])
            if before in origin_preps and not returning:
                continue
            # the best destination preposition in the window ("nach" 3.0, each later one less)
            score = 0.0
            for word in window:
                value = destination_scores.get(word)
                if value is not None and value > score:
                    score = value
            if returning:
                score = 2.5  # "kehrte am Freitag aus Peking zurück": where the trip was
            if topic_preps and not self.topic_preps_not_ueber.isdisjoint(lower[max(start - 5, first):start]) \
                    or topic_phrase and _in_topic_phrase(view, start, first) \
                    or (not IN_IM.isdisjoint(window[-2:]) and not self.topic_nouns.isdisjoint(
                        text[max(start - 4, first):start])):
                score = 0.0  # "die Konferenz über den Frieden in der Ukraine": the topic, not the place
            if "weiter" in window:
                score -= 0.5  # "reist weiter nach Harbin": the next stop, not where the visit is
            if before == "nach" and not return_words.isdisjoint(lower[span.end:span.end + 2]):
                score = -1.0  # "danach direkt nach Washington zurückkehren": going home
            if attrs.get("kind") == "country" and score == 0 and span.text.endswith("s"):
                score = -0.5  # "Russlands Außenminister" is not a destination
            hyphenated = None
            if span.end + 1 < n and text[span.end] == "-" and text[span.end + 1][:1].isalpha():
                # "Moskau-Besuch", "China-Reise" name a destination; "im Ukraine-Krieg",
                # "beim China-Zentralasien-Gipfel" do not
                hyphenated = 3.0 if text[span.end + 1] in self.visit_noun_words else 0.0
            out.append((score, hyphenated, country, city, span, 0.05 if city else 0))
        return out

    def _choose_host(self, view: _View, hosts: list[dict[str, Any]],
                     receiver: tuple[dict[str, Any], int] | None) -> tuple[dict[str, Any] | None, int]:
        """(host, rank): 'auf Einladung des ...'/'Gastgeber' 3, active 'empfing' 2, else 1."""
        for h in hosts:
            if not self.host_cues.isdisjoint(view.text[max(0, h["start"] - 4):h["start"]]):
                return h, 3
        if receiver is not None and receiver[0] in hosts:
            return receiver
        return (hosts[0], 1) if hosts else (None, 0)

    def _dates(self, reading: dict[str, Any], trigger_at: int,
               dates: list[_Item] | None = None) -> tuple[str | None, str | None, bool]:
        """(start, end, is_range) of the trip from the sentence's day-level dates.

        A range beats a single day, then the date nearest the trigger. A duration in the same
        sentence ("zu einem zweitägigen Besuch") completes a missing end ("am Montag") or a missing
        start ("bis zum 17. Mai"); "ab dem 15. Mai" gives a start only.
        dates (list): the dates to read, when not all of the sentence's.
        """
        if dates is None:
            dates = reading["dates"]
        best = None
        durations = []
        for span in dates:
            attrs = span.attrs
            granularity = str(attrs.get("granularity", ""))
            if granularity == "duration":
                durations.append(attrs["value"])
                continue
            if "day" not in granularity or not (attrs.get("start_date") or attrs.get("end_date")):
                continue
            flags = set(attrs.get("flags") or ())
            start, end = attrs.get("start_date"), attrs.get("end_date")
            if "start_only" in flags:
                end = None
            if "end_only" in flags:
                start = None
            is_range = bool(start and end and start != end)
            key = (0 if is_range else 1, abs(span.start - trigger_at))
            if best is None or key < best[0]:
                best = (key, start, end, is_range)
        if best is None:
            return None, None, False
        _key, start, end, is_range = best
        if not is_range and (start or end):
            # "hat am Mittwoch begonnen, der bis Freitag dauert": a day and a later "bis" day
            # are the two ends of one stay
            if start:
                until = _until_day(dates, start)
                if until:
                    end, is_range = until, True
            else:
                since = [d.attrs.get("start_date") for d in dates
                         if "day" in str(d.attrs.get("granularity", "")) and "end_only" not in (d.attrs.get("flags") or ())
                         and (d.attrs.get("start_date") or "9999") < end]
                if since:
                    start, is_range = max(since), True
        if durations and not is_range and start and start == end and reading["cues"] & ENDING:
            # "hat am Sonntag seinen viertägigen Staatsbesuch beendet": the day closes the stay
            start = None
        if durations and not is_range:
            try:
                if start and (end is None or end == start):
                    end = apply_duration(dt.date.fromisoformat(start), durations[0]).isoformat()
                elif end and start is None:
                    span_days = (apply_duration(dt.date.fromisoformat(end), durations[0])
                                 - dt.date.fromisoformat(end)).days
                    start = (dt.date.fromisoformat(end) - dt.timedelta(days=span_days)).isoformat()
                is_range = start != end
            except ValueError:
                pass  # a duration in hours or an odd value: keep what the dates say
        return start, end, is_range

    def _status(self, reading: dict[str, Any], start: str | None, end: str | None,
                on: dt.date | None) -> tuple[str, bool]:
        words, cues = reading["words"], reading["cues"]
        heads, particle = self.cancel_separable
        if cues & CANCELLED or cues & CANCEL_HEAD and any(
                w in heads and _has_particle(words, i, particle) for i, w in enumerate(words)):
            return "cancelled", True
        if cues & POSTPONED:
            return "postponed", True
        if on is not None and start:
            return _date_status(start, end, on), False
        period = _period(reading["dates"]) if reading["dates"] else None
        if on is not None and period and period[:4].isdigit():
            # "im Januar" in an article of March: the month decides as a day would
            month = on.isoformat()[:7]
            if period != month:
                return ("completed" if period < month else "planned"), False
        if on is not None and reading.get("year") and reading["year"] != str(on.year) and not period:
            return ("completed" if reading["year"] < str(on.year) else "planned"), False
        has_aux = bool(cues & PERFECT_AUX)
        if cues & ARRIVED and cues & PRESENT_AUX:
            return "ongoing", False
        if cues & ONGOING_PERFECT and cues & PRESENT_PERFECT_AUX and not cues & PAST_AUX:
            # "sind in Washington mit Rubio zusammengetroffen" without a date: today's news, the
            # visitors are still there
            return "ongoing", False
        if cues & ONGOING:
            return "ongoing", False
        if has_aux and cues & COMPLETED_PARTICIPLE:
            return "completed", False
        if cues & COMPLETED:
            return "completed", False
        if cues & PLANNED:
            return "planned", False
        if not self.past_verbs.isdisjoint(map(str.lower, set(words))):
            return "completed", False  # a finite past verb the status list does not name ("führte")
        return "planned", False

    # ------------------------------------------------------------------ context
    def _attach_context(self, sentences: list[_Sentence], readings: list[dict[str, Any]], mentions: list[_Mention]) -> None:
        """Trigger-less sentences after a mention are its context; when several trips are current
        (one sentence, two destinations), a sentence naming one destination focuses on that trip."""
        if not mentions:
            return
        by_sentence: dict[int, list[_Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        current: list[_Mention] = []
        focus: list[_Mention] = []
        last_number = -1
        window = self.max_context_sentences
        org_records: dict[int, dict[str, Any]] = {}  # (each organization span read once for all trips)
        # (mentions come in sentence order: nothing is current before the first one)
        for number in range(mentions[0].sentence, len(readings)):
            reading = readings[number]
            if number in by_sentence:
                current, last_number = by_sentence[number], number
                focus = current
            elif reading["topic_heading"]:
                current = focus = []  # "Zum neuen Sanktionspaket der EU: ..." starts another topic
                continue
            elif not current or number - last_number > window:
                continue
            elif not (reading["persons"] or reading["places"] or reading["orgs"] or reading["reporters"]):
                continue  # a context sentence naming nobody and nothing adds nothing (see _collect)
            if reading["non_visit"]:
                continue
            if len(current) > 1 and reading["places"]:
                named = {p.attrs.get("country") for p in reading["places"]}
                if len({m.country for m in current}) > 1 and named & {m.country for m in current}:
                    focus = [m for m in current if m.country in named]
            # (who the sentence names, once for all the trips in focus)
            if reading["persons"]:
                keys_in_sentence = {_key(p["person"]) for p in reading["persons"]}
                named_visitors = {_key(c.visitor) for c in focus} & keys_in_sentence
            else:
                keys_in_sentence = named_visitors = _NOBODY
            for m in focus:
                self._collect(m, number, reading, keys_in_sentence, named_visitors, org_records)

    def _collect(self, m: _Mention, number: int, reading: dict[str, Any], keys_in_sentence: set[str] | frozenset[str],
                 named_visitors: set[str] | frozenset[str], org_records: dict[int, dict[str, Any]]) -> None:
        """What a sentence adds to a trip in focus: people met, its city, organizations, reporters.

        keys_in_sentence (set[str]): the people the sentence names; named_visitors (set[str]):
            those of them who are visitors of the trips in focus; org_records (dict): the record
            of each organization span (``_org``) read so far, by the span's id.
        """
        visitor_key = _key(m.visitor)
        if number != m.sentence and named_visitors and visitor_key not in named_visitors:
            return  # the sentence is about another of the current trips
        added = False
        if reading["persons"]:  # (without people there is nobody to meet)
            # "wo sie mit Präsident Putin über Afghanistan sprach": a local named after "mit" is met
            local_partner = m.country is not None and bool(reading["mit_partners"]) and any(
                _key(p["person"]) in reading["mit_partners"] and p["person"]["country"] == m.country
                for p in reading["persons"])
            meets = (reading["meeting_cue"] or local_partner or visitor_key in keys_in_sentence) \
                and not reading["negated"]
            if meets and visitor_key not in keys_in_sentence and number != m.sentence:
                # a sentence that does not name the visitor: only locals met there ("In Astana sind
                # Verhandlungen mit Tokajew geplant"), and not when it is about third parties
                countries = {p["person"]["country"] for p in reading["persons"]}
                meets = bool(countries) and countries <= {m.country}
        else:
            meets = False
        if meets:
            partners = set(reading["mit_partners"])
            for p in reading["persons"]:
                person = p["person"]
                key = _key(person)
                if key == visitor_key or key in reading["absent"]:
                    continue
                if key in m.co_visitors and not (
                        reading["meeting_cue"] and not reading["guest_list"] and (not partners or key in partners)
                        if number == m.sentence else reading["meeting_cue"]):
                    # guests listed together ("nehmen ... teil", "Erwartet werden ...") or travelling
                    # together ("waren Merkel und Hollande mit Poroschenko zusammengetroffen") do not
                    # meet each other; leaders who "kamen zusammen" or hold "Gespräche zwischen" do
                    continue
                if person["country"] in m.other_destinations:
                    continue  # met at the other stop of the same sentence
                if visitor_key in partners and key in partners:
                    continue  # "Gespräche mit Lukaschenko und Tokajew": both meet the host, not each other
                if person["country"] and person["country"] == m.visitor["country"]:
                    continue
                if all(_key(x) != key for x in m.meetings):
                    m.meetings.append(person)
                    added = True
        if m.city is None and m.country and not reading["negated"]:
            # "In Astana sind Verhandlungen ... geplant": the trip's city named in its context
            for span in reading["places"]:
                attrs = span.attrs
                if attrs.get("kind") == "city" and attrs.get("country") == m.country:
                    m.city = attrs.get("name")
                    break
        for span in reading["orgs"]:
            org = org_records.get(id(span))
            if org is None:
                org = org_records[id(span)] = _org(span)
            if _bilateral(org, m):
                continue
            if all(o["id"] != org["id"] for o in m.organizations):
                m.organizations.append(org)
                added = True
        for r in reading["reporters"]:
            if all(_key(x) != _key(r["person"]) for x in m.reporters):
                m.reporters.append(r["person"])
                added = True
        if added or number == m.sentence or visitor_key in keys_in_sentence:
            m.sentences.add(number)

    def _borrow_lead_dates(self, events: list[_Mention], readings: list[dict[str, Any]]) -> None:
        """'In Minsk haben am Mittwoch die Verhandlungen begonnen. Merkel, Hollande, Putin und
        Poroschenko kamen im Unabhängigkeitspalast zusammen': a trip whose sentences name no day
        takes the single day of one of the two sentences before it that names the same place."""
        for event in events:
            if event.start is not None:
                continue
            first = min(event.sentences)
            if any(readings[n]["dates"] for n in event.sentences):
                continue
            for number in range(first - 1, max(-1, first - 3), -1):
                reading = readings[number]
                days = [d for d in reading["dates"] if "day" in str(d.attrs.get("granularity", ""))
                        and d.attrs.get("start_date")]
                countries = {p.attrs.get("country") for p in reading["places"]}
                if len(days) == 1 and event.country in countries and event.year in (
                        None, days[0].attrs["start_date"][:4]):
                    event.start = days[0].attrs["start_date"]
                    event.end = days[0].attrs.get("end_date") or event.start
                    break

    def _complete_summit_dates(self, frames: list[dict[str, Any]], readings: list[dict[str, Any]]) -> None:
        """'Zum ersten Mal findet ein Gipfel der G20 in Afrika statt. Ramaphosa eröffnete das
        Treffen am Samstag': a summit framed without a day takes the day of its opening told in
        one of the next two sentences; one framed with its first day takes its last day from "das
        Treffen dauert bis Donnerstag" there."""
        for frame in frames:
            if frame.get("summit") and frame["start"] and frame["end"] in (None, frame["start"]):
                # "... hat am Dienstag der Gipfel begonnen. Das Treffen dauert bis Donnerstag."
                for reading in readings[frame["sentence"] + 1:frame["sentence"] + 3]:
                    if self.lasting_verbs.isdisjoint(reading["words"]):
                        continue
                    frame["end"] = _until_day(reading["dates"], frame["start"]) or frame["end"]
                    break
            if not frame.get("summit") or frame["start"] is not None:
                continue
            for reading in readings[frame["sentence"] + 1:frame["sentence"] + 3]:
                if self.summit_verbs.isdisjoint(reading["words"]):
                    continue
                start, end, _range = self._dates(reading, reading["start"])
                if start:
                    frame["start"], frame["end"] = start, end or start
                break

    def _same_day_stops(self, events: list[_Mention], readings: list[dict[str, Any]]) -> None:
        """'Noch am Abend flog er weiter nach Paris': an undated stop told with a part of the day
        is on the day of the same traveller's stop told just before."""
        if all(e.start is not None for e in events):
            return  # (most texts: every trip has its day)
        ordered = sorted(events, key=lambda e: min(e.sentences))
        for i, event in enumerate(ordered):
            first = min(event.sentences)
            if event.start is not None or self.same_day_cues.isdisjoint(readings[first]["words"]):
                continue
            before = next((e for e in reversed(ordered[:i]) if _key(e.visitor) == _key(event.visitor)
                           and (e.end or e.start) and first - max(e.sentences) <= 2), None)
            if before is not None:
                event.start = event.end = before.end or before.start

    def _briefing_speaker(self, readings: list[dict[str, Any]], mentions: list[_Mention]) -> dict[str, Any] | None:
        """'Briefing der Sprecherin ..., Maria Sacharowa (Zusammenfassung)': a headline before the
        first trip naming a briefing's speaker makes that official the source of every trip."""
        first = mentions[0].sentence if mentions else len(readings)  # (mentions come in sentence order)
        for reading in readings[:min(first, 3)]:
            if not BRIEFING_WORDS.isdisjoint(reading["words"]) or not BRIEFING_WORDS.isdisjoint(
                    reading.get("all_words", ())):
                people = reading["persons"] + reading["reporters"]
                if people:
                    return people[0]["person"]
        return None

    # ------------------------------------------------------------------ output
    def _to_event(self, view: _View, m: _Mention, on: dt.date | None,
                  speaker: dict[str, Any] | None = None,
                  leaders: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
        evidence = []
        doc_text, sentences = view.doc_text, view.sentences
        for number in sorted(m.sentences):
            extent = _sentence_extent(view, sentences[number])
            if extent is None:
                continue
            start, end = extent
            evidence.append({"start": start, "end": end, "text": doc_text[start:end]})
        visitor_key = _key(m.visitor)
        reporter = next((r for r in m.reporters if _key(r) != visitor_key), None) if m.reporters else None
        if reporter is None and speaker is not None and _key(speaker) != visitor_key:
            reporter = speaker
        meetings = [p for p in m.meetings if _key(p) != visitor_key] if m.meetings else []
        # the counterpart (same office) hosts a minister's visit even when the president also
        # received the guest; an explicit "auf Einladung"/"Gastgeber" (rank 3) stands, and so does
        # whoever received a head of state or government
        counterpart = _host_from_meetings(m, meetings)
        if m.host_rank >= 3 or (m.host_rank == 2 and (m.visitor.get("role_key") in HEAD_ROLES
                                                      or not _same_office(counterpart, m.visitor))):
            host = m.host
        else:
            host = counterpart or m.host
        if host is None and m.country and leaders and m.status not in ("cancelled", "postponed"):
            # nobody named as receiving: the destination's leader named in the article (the
            # visitor's counterpart first, then the head of state)
            local = leaders.get(m.country, [])
            host = next((p for p in local if p.get("role_key") == m.visitor.get("role_key")), None) or next(
                (p for p in local if p.get("role_key") == "head_of_state"), None)
        organizations = list(m.organizations)
        served = self.data["organizations"].get(m.visitor.get("org") or "")
        if served and all(o["id"] != served["id"] for o in organizations):
            # "UN-Generalsekretär Guterres reiste nach Istanbul": he travels for his organization
            organizations.append(served)
        status = m.status
        if not m.explicit_status and on is not None and m.start:
            status = _date_status(m.start, m.end, on)
        confidence = 0.45 + 0.15 * bool(m.visitor.get("id")) + 0.1 * bool(m.country) + 0.05 * bool(m.city) \
            + 0.1 * bool(m.start) + 0.1 * (m.visit_type != "unspecified") + 0.04 * (len(m.sentences) - 1)
        confidence *= m.strength if m.strength < 1 else 1
        return {
            "type": "official_visit",
            "visitor": _public(m.visitor),
            "destination": {"country": m.country, "city": m.city},
            "start": m.start,
            "end": m.end,
            "visit_type": m.visit_type,
            "status": status,
            "host": _public(host),
            "meetings": [_public(p) for p in meetings],
            "organizations": [{"id": o.get("id"), "acronym": o.get("acronym"), "acronym_en": o.get("acronym_en"),
                               "name": o.get("name")} for o in organizations],
            "reported_by": _public(reporter),
            "evidence": evidence,
            "confidence": round(min(confidence, 0.99), 3),
        }


# ---------------------------------------------------------------------- merging


# ---------------------------------------------------------------------- helpers


def _person(span: _Item) -> dict[str, Any] | None:
    attrs = span.attrs
    if span.label_ == "ROLE":
        if not attrs.get("holder"):
            return None
        return {"name": attrs["holder"], "id": span.kb_id_ or None, "role": attrs.get("role"),
                "country": attrs.get("country"), "role_key": attrs.get("role_key"), "gender": attrs.get("gender")}
    name = attrs.get("name") or span.text
    return {"name": name, "id": span.kb_id_ or None, "role": attrs.get("role"), "country": attrs.get("country"),
            "role_key": attrs.get("role_key"), "gender": attrs.get("gender"), "org": attrs.get("org")}


_score = operator.itemgetter(0)
MIT_ONLY, MIT_VON, NACH_ONLY = frozenset(["mit"]), frozenset(["mit", "von"]), frozenset(["nach"])
IN_IM = frozenset(["in", "im"])
_NOBODY: frozenset[str] = frozenset()
_NO_OBJECTS: frozenset[int] = frozenset()
WEAK_KINDS = frozenset(["meeting", "travel_weak"])  # triggers that need a place and a person named
_position, _kind, _first = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(0)


def _own_orgs(view: _View, spans: dict[str, list[_Item]]) -> list[_Item]:
    """The sentence's organizations, without those in an official's title ("UN-Generalsekretär")."""
    orgs, text = spans["ORG"], view.text
    if all(o.end >= len(text) or text[o.end] != "-" for o in orgs):
        return orgs[:]  # (no hyphen after any of them: none is part of a title, see _title_prefix)
    official_starts = {s.start for s in spans.get("OFFICIAL", [])}
    return [o for o in orgs if not _title_prefix(view, o, official_starts)]


def _gender(person: dict[str, Any]) -> str | None:
    """'f' or 'm' from the gazetteer (or an unknown official's title), else None."""
    return person.get("gender")


def _public(person: dict[str, Any] | None) -> dict[str, Any] | None:
    """The documented Person shape (internal keys such as role_key removed)."""
    if person is None:
        return None
    return {"name": person["name"], "id": person.get("id"), "role": person.get("role"),
            "country": person.get("country")}


LEADER_ROLES = ("head_of_state", "head_of_government", "foreign_minister")
HEAD_ROLES = frozenset(["head_of_state", "head_of_government"])


def _leaders_named(readings: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Heads of state and government and foreign ministers named anywhere in the text, by country."""
    out: dict[str, list[dict[str, Any]]] = {}
    for reading in readings:
        for entry in reading["persons"]:
            person = entry["person"]
            if person.get("role_key") in LEADER_ROLES and person.get("country"):
                people = out.setdefault(person["country"], [])
                if all(_key(p) != _key(person) for p in people):
                    people.append(person)
    return out


def _host_from_meetings(m: _Mention, meetings: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The visitor's counterpart (same office) among the local people met, else the first local.

    A foreign minister's host is the foreign minister, even when the president also receives
    the guest; the president is then one of the meetings.
    """
    # (someone met there whose country the gazetteer does not know - "Außenminister Téte António"
    # in Luanda - is taken as a local)
    local = ([m.host] if m.host else []) + [p for p in meetings if m.country and (
        p.get("country") == m.country or (p.get("country") is None and p.get("role_key")))]
    if not local:
        return None
    same_office = [p for p in local if p.get("role_key") and p.get("role_key") == m.visitor.get("role_key")]
    return (same_office or local)[0]


def _same_office(person: dict[str, Any] | None, visitor: dict[str, Any]) -> bool:
    return bool(person and person.get("role_key") and person.get("role_key") == visitor.get("role_key"))


def _dedupe_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for e in entries:
        key = _key(e["person"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


# offices whose holders, listed after a summit, are its guests (not ministers or advisers named in passing)
GUEST_ROLES = frozenset(["head_of_state", "head_of_government", "secretary_general", "commission_president"])


