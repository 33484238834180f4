"""Reading German news text token by token, without a parser: the token view of a Doc and the
small phrase tests the event rules ask of it ("mit A, B und C", "über den Plan für ... in der
Ukraine", "von Putin empfangen", coordinated names and places, bare years).

They are kept apart from :mod:`entityx.components.events` so that the rules there read as
decisions about trips, and each phrase test here can be read (and changed) on its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from ..spans import TokenTexts, attrs_at, span_records_of


CLAUSE_BREAKS = frozenset([",", ";", ":", '"', "„", "“", "”", "(", ")", "–", "—"])


@dataclass(slots=True)
class _Sentence:
    start: int  # token offsets, end exclusive
    end: int


class _View:
    """Token strings of a Doc, read once through ``Doc.to_array``: the event logic looks at words
    many times, and every ``doc[i]`` or iteration creates new Token objects."""

    __slots__ = ("text", "lower", "idx", "doc_text", "sentences", "sentence_of")

    def __init__(self, doc: Doc, token_texts: TokenTexts):
        array = doc.to_array([ORTH, SPACY, IDX, SENT_START])
        orth = array[:, 0].tolist()
        self.text = token_texts.decode(doc, orth)
        self.lower = token_texts.lower_case(self.text)
        self.idx = array[:, 2].tolist()
        # Doc.text would build the string from Token objects; the arrays give it directly
        self.doc_text = token_texts.join(doc, array[:, :2]) if len(orth) > 1 else doc.text
        starts = [0] + (numpy.flatnonzero(array[1:, 3] == 1) + 1).tolist()
        ends = starts[1:] + [len(orth)]
        self.sentences = list(map(_Sentence, starts, ends))
        self.sentence_of = sentence_of = []
        for number, (start, end) in enumerate(zip(starts, ends)):
            sentence_of += [number] * (end - start)

    def span_text(self, start: int, end: int) -> str:
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


@dataclass(slots=True)
class _Item:
    """A span of the entityx group as the event logic reads it: offsets, label, id, text and
    attributes fetched once (every ``span._`` lookup and every ``Span`` access costs).
    (Not frozen: a frozen dataclass sets each field through ``object.__setattr__``, and an
    item is built for every span of every Doc.)"""

    start: int
    end: int
    label_: str
    kb_id_: str
    text: str
    attrs: dict[str, Any]


def _items(doc: Doc, view: _View, token_texts: TokenTexts, *labels: str) -> list[_Item]:
    """The spans with these labels, read from the span records (no ``Span`` object per span):
    label and id strings decoded in one go, the text from the view. (One loop over the records
    was measured faster than reading them column by column through ``map``.)"""
    doc_text = view.doc_text
    records = span_records_of(doc, *labels)
    label_texts = token_texts.decode(doc, [record[4] for record in records])
    kb_texts = token_texts.decode(doc, [record[5] for record in records])
    out = []
    for (start, end, start_char, end_char, _label, _kb_id), label_, kb_id_ in zip(records, label_texts, kb_texts):
        out.append(_Item(start, end, label_, kb_id_, doc_text[start_char:end_char],
                         attrs_at(doc, start_char, end_char, label_)))
    return out


YEAR_RE = re.compile(r"\b(?:19[9]\d|20[0-3]\d)\b")  # a cheap test before the word scan of _bare_year

# where YEAR_RE could match: the digits of a year of 1990-2039, as two patterns that each begin
# with a fixed string ("199", "20"), which the regex engine looks for much faster than for the
# start of an alternation (a third of the time, measured)
YEAR_DIGITS_RES = (re.compile(r"199\d"), re.compile(r"20[0-3]\d"))


def _sentences_with_year_digits(view: _View) -> set[int]:
    """The sentences whose text holds the digits of a year anywhere: only they need the YEAR_RE
    test (one scan of the Doc's text per pattern instead of one per sentence)."""
    idx, sentence_of, sentences, doc_text = view.idx, view.sentence_of, view.sentences, view.doc_text
    found: set[int] = set()
    for pattern in YEAR_DIGITS_RES:
        position = 0
        while (match := pattern.search(doc_text, position)) is not None:
            number = sentence_of[bisect.bisect_right(idx, match.start()) - 1]
            found.add(number)
            end = sentences[number].end  # (on from the next sentence)
            position = idx[end] if end < len(idx) else len(doc_text)
    return found


def _bare_year(words: list[str]) -> str | None:
    """A year standing alone in the sentence ("war 2014 nach Kasachstan gereist", "im Jahr
    2019"), which the date tagger leaves untagged on purpose; a count before a noun ("2014
    Soldaten") is none."""
    for i, word in enumerate(words):
        if len(word) == 4 and word.isdigit() and "1990" <= word <= "2039":
            following = words[i + 1] if i + 1 < len(words) else "."
            if not following[:1].isupper():
                return word
    return None


def _period(dates: list[_Item]) -> str | None:
    """The month of the first day- or month-level date ("XXXX-07" when the year is open)."""
    for span in dates:
        granularity = str(span.attrs.get("granularity", ""))
        value = span.attrs.get("start_date") or span.attrs.get("value") or ""
        if ("day" in granularity or granularity == "month") and len(value) >= 7 and value[4] == "-":
            return value[:7]
    return None


def _title_prefix(view: _View, org: _Item, official_starts: set[int]) -> bool:
    """'UN-Generalsekretär Kofi Annan', 'EU-Ratspräsident Charles Michel': the organization is
    part of a person's title, not a subject of the trip."""
    return org.end + 1 < len(view.text) and view.text[org.end] == "-" and bool(
        {org.end + 2, org.end + 3} & official_starts)


def _has_particle(texts: list[str], position: int, particle: str) -> bool:
    """Separable verb: the particle stands later in the clause, before punctuation or the end."""
    for j in range(position + 1, len(texts)):
        if texts[j] in (".", "!", "?", ";"):
            return False
        if texts[j] == particle and (j + 1 == len(texts) or not texts[j + 1][:1].isalnum()
                                     or texts[j + 1] in ("und", "oder")):
            return True
    return False


def _clause_opener(lower: list[str], texts: list[str], k: int, word: str, reach: int = 15) -> int | None:
    """Position of ``word`` opening a clause (after a comma) that ends at ``k``, within ``reach``."""
    for j in range(k - 1, max(-1, k - reach), -1):
        if lower[j] == word and (j == 0 or texts[j - 1] == ","):
            return j
        if texts[j] in (".", ";", ":"):
            return None
    return None


def _has_phrase(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def _in_mit_phrase(view: _View, start: int, first: int, preposition: str = "mit") -> bool:
    """Is the person part of a 'mit A, B und C' phrase (titles and adjectives may stand between)?"""
    if preposition not in view.lower[max(first, start - 9):start]:
        return False  # (the words walked below: no preposition among them, no phrase)
    for i in range(start - 1, max(first - 1, start - 10), -1):
        word = view.lower[i]
        if word == preposition:
            return True
        if view.text[i] in (",", "und", "sowie") or view.text[i][:1].isupper() or word in (
                "dem", "der", "den", "des", "die", "seinem", "seiner", "ihrem", "ihrer") or word.endswith(
                    ("ische", "ischen", "ischer", "ischem")):
            continue
        return False
    return False


TOPIC_DETERMINERS = frozenset(["den", "die", "das", "dem", "des", "ein", "eine", "einen", "einem", "einer",
                               "mögliche", "möglichen", "weitere", "weiteren"])


def _in_topic_phrase(view: _View, start: int, first: int) -> bool:
    """Does the place stand in an "über ..." phrase of its clause ("berieten über den von den USA
    vorgelegten Plan für ein Ende des Kriegs in der Ukraine")? "über Wien nach Kiew" is a route."""
    for i in range(start - 1, max(first - 1, start - 25), -1):
        if view.text[i] in CLAUSE_BREAKS:
            return False
        if view.lower[i] == "über" and i + 1 < start and view.lower[i + 1] in TOPIC_DETERMINERS:
            return True
    return False


ANCHOR_WORDS = frozenset(["seit", "nach", "vor"])  # the words _dates_another_event looks for


def _dates_another_event(view: _View, start: int, first: int) -> bool:
    """'seit seiner Amtsübernahme am 20. März', 'nach der Amtseinführung am 7. Mai': a date that
    anchors something else than the trip."""
    if ANCHOR_WORDS.isdisjoint(view.lower[max(first, start - 5):start]):
        return False  # (the words walked below: none of them can anchor another event)
    for i in range(start - 1, max(first - 1, start - 6), -1):
        if view.lower[i] == "seit" or (view.lower[i] in ("nach", "vor") and i + 1 < start
                                       and view.lower[i + 1] in ("der", "dem", "den")):
            return True
        if view.text[i] in CLAUSE_BREAKS:
            return False
    return False


def _agent_of(view: _View, start: int, title_tokens: set[int]) -> bool:
    """'von Putin', 'vom russischen Präsidenten Putin', 'von Präsident Lourenço': the person is
    introduced by "von"/"vom" with only articles, adjectives and titles between ("Von dort flog
    Xi" is no agent)."""
    for i in range(start - 1, max(-1, start - 5), -1):
        word = view.lower[i]
        if word in ("von", "vom"):
            return True
        if not (word in ("dem", "der", "den") or i in title_tokens or view.text[i][:1].isupper()
                or word.endswith(("ischen", "ischem"))):
            return False
    return False


def _after_word(view: _View, start: int, words: set[str]) -> bool:
    """Is the mention introduced by one of ``words`` ("mit Putin", "von Putin empfangen")?"""
    for i in range(start - 1, max(-1, start - 4), -1):
        if view.lower[i] in words:
            return True
        if view.text[i] in CLAUSE_BREAKS or view.lower[i] == "und":
            return False
    return False


RELATIVE_PRONOUNS = frozenset(["der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welcher", "welche"])


COORDINATION_WORDS = frozenset([",", "und", "sowie", "auch", "als", "sowohl", "aus", ":", "der", "die", "den", "dem", "des", "-"])  # "-": "UN-Generalsekretär"


def _coordinated(view: _View, visitors: list[dict[str, Any]], title_tokens: set[int]) -> list[dict[str, Any]]:
    """The first visitor plus those coordinated with it: 'Scholz und Macron reisen', 'der kasachische
    Präsident Tokajew, Kirgistans Staatschef Schaparow und ...' (titles may stand between)."""
    chosen = [visitors[0]]
    for v in visitors[1:]:
        gap = _without_relative_clauses(view, range(chosen[-1]["end"], v["start"]))
        joined = any(view.text[i] in (",", "und", "sowie") or (view.lower[i] == "als" and view.lower[i + 1] == "auch")
                     for i in gap)
        if gap and joined and all(
                view.lower[i] in COORDINATION_WORDS or i in title_tokens or view.text[i][:1].isupper() for i in gap):
            chosen.append(v)
    return chosen


def _without_relative_clauses(view: _View, gap: range) -> list[int]:
    """The tokens of a gap between two names without the relative clauses in it: 'Lula, der bereits
    am Montag gelandet war, und Modi' still coordinates the two."""
    out, i = [], gap.start
    while i < gap.stop:
        if view.text[i] == "," and i + 1 < gap.stop and view.lower[i + 1] in RELATIVE_PRONOUNS:
            close = next((j for j in range(i + 2, gap.stop) if view.text[j] == ","), None)
            if close is not None:
                i = close  # keep the closing comma: it joins what follows
                continue
        out.append(i)
        i += 1
    return out


def _coordinated_places(view: _View, places: list[tuple[float, str, str | None, _Item]],
                        spans: list[_Item] = ()) -> list[tuple[str, str | None]]:
    """Further destinations joined to the first one: 'nach Paris und Warschau', 'nach Äthiopien,
    Gabun, Angola, Benin und Ägypten' (list members after the first carry no preposition, so
    every place span of the sentence is walked, not only the ranked ones)."""
    if not places:
        return []
    first = places[0][3]
    out = []
    ranked = {id(p[3]) for p in places}
    others = places[1:] + [
        (0.0, s.attrs["country"], s.attrs.get("name") if s.attrs.get("kind") == "city" else None, s)
        for s in spans if s.attrs.get("country") and id(s) not in ranked]
    if not others:
        return out
    # walk outwards from the first place through "und"/"," in both directions
    for ordered in (sorted(others, key=lambda p: p[3].start),
                    sorted(others, key=lambda p: -p[3].start)):
        edge_start, edge_end = first.start, first.end
        for _score, country, city, span in ordered:
            if country == places[0][1] or (country, city) in out:
                continue
            gap = view.text[edge_end:span.start] if span.start >= edge_end else view.text[span.end:edge_start]
            if span.start >= first.end and span.start < edge_end or span.end <= first.start and span.end > edge_start:
                continue
            if gap and all(w in (",", "und", "sowie") for w in gap):
                out.append((country, city))
                edge_start, edge_end = min(edge_start, span.start), max(edge_end, span.end)
    return out


def _sentence_extent(view: _View, sent: _Sentence) -> tuple[int, int] | None:
    """Character offsets from the first to the last word of a sentence (space tokens holding
    line breaks left out), None for a sentence of spaces only."""
    text = view.text
    first, last = sent.start, sent.end - 1
    while first <= last and text[first].isspace():
        first += 1
    if first > last:
        return None
    while text[last].isspace():
        last -= 1
    return view.idx[first], view.idx[last] + len(text[last])


def _starts_paragraph(view: _View, start: int) -> bool:
    """First sentence, or one after a line break (a space token holding the newline). (Only a
    space token can hold it: between two tokens the text has the first one's trailing
    whitespace, a single space or none, as ``Doc.text`` and the view's ``doc_text`` put it.)"""
    return start == 0 or "\n" in view.text[start - 1]
