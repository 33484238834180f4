"""Days named relative to the date told just before: "tags darauf", "am folgenden Tag",
"zwei Tage später", "am Vortag".

News tell a trip day by day ("Am 5. Mai landete Xi in Paris, tags darauf empfing ihn Macron"),
so such a phrase is a calendar day: the day before or after the last day-level date written
before it in the same text. Without such a date nearby (``MAX_DISTANCE`` characters) the phrase
is left alone: guessing from the article's date would be wrong more often than right. The
phrases and their offsets are the ``anaphoric_days`` section of vocabulary.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from datetime import timedelta

from .anchors import _is_word_char, _odd_characters
from .expression import DAY, DAY_RANGE, DURATION, TemporalExpression, new_expression

ANAPHORIC = "anaphoric"  # flag: resolved from the date told before, not from the article's date
MAX_DISTANCE = 400  # characters between the date told before and the phrase


class AnaphoricDays:
    """Finds the phrases of ``phrases`` (day offset -> forms) and resolves them."""

    def __init__(self, phrases: Mapping[int, tuple[str, ...]]) -> None:
        self._offsets = {" ".join(form.split()).casefold(): offset
                         for offset, forms in phrases.items() for form in forms}
        self._pattern = _phrase_pattern(sorted(self._offsets, key=len, reverse=True))
        self._first_words = _first_words(self._offsets)
        # characters for which the lowered text can hide a match of the (case-insensitive)
        # pattern's first words; a text with one of them is scanned whole
        self._odd = tuple(_odd_characters("".join(sorted(set("".join(self._first_words))))))

    def resolve(self, text: str, found: list[TemporalExpression], *, lowered: str | None = None,
                whole_text: bool = False) -> list[TemporalExpression]:
        """``found`` (sorted, not overlapping) plus the anaphoric days of ``text``.

        lowered (str | None): ``text.lower()`` if the caller has it already.
        whole_text (bool): run the pattern over the whole text, as written first (what the
            shortcuts of ``_matches`` must give the same as).
        """
        if self._pattern is None or not found:
            return found
        # A phrase is resolved only from a day told before it; with none, nothing is added
        # (every phrase would be skipped below), so the text need not be searched at all.
        if not whole_text and not any(_is_day_to_count_from(e) for e in found):
            return found
        added, replaced = [], set()
        ends = [e.end for e in found]
        spaced = " " + text
        matches = self._pattern.finditer(spaced) if whole_text else self._matches(text, spaced, lowered)
        # the pattern matches the non-word character before a phrase too (see _phrase_pattern);
        # the space in front stands for the start of the text, so the offsets are one more
        for match in matches:
            phrase = match.group(1)
            start, end = match.start(1) - 1, match.end(1) - 1
            i = bisect_right(ends, start)
            if i < len(found) and found[i].start < end:
                if found[i].granularity == DURATION and start <= found[i].start and found[i].end <= end:
                    replaced.add(i)  # "zwei Tage später" is a day, not the duration "zwei Tage"
                else:
                    continue  # overlaps a date found already
            before = next((e for e in reversed(found[:i]) if _is_day_to_count_from(e)), None)
            if before is None or start - before.end > MAX_DISTANCE:
                continue
            offset = self._offsets[" ".join(phrase.split()).casefold()]
            day = (before.end_date if offset > 0 else before.start_date) + timedelta(days=offset)
            added.append(new_expression(start, end, phrase, day.isoformat(), day, day, DAY, (ANAPHORIC,)))
        if not added:
            return found
        kept = [e for i, e in enumerate(found) if i not in replaced]
        return sorted(kept + added, key=lambda e: e.start)

    def _matches(self, text: str, spaced: str, lowered: str | None) -> Iterator[re.Match[str]]:
        """``self._pattern.finditer(spaced)``, tried only where a phrase can start.

        A match starts at the non-word character before a phrase, and the phrase starts with
        the first word of one of the forms (in any case). So the pattern is tried at the word
        starts where the lowered text begins with such a word (found with ``str.find``, far
        faster than the regex engine stepping through every character); trying those
        positions in order, going on after each match, is what ``finditer`` does at every
        position. Lowering a text keeps every character where it is and reads the first
        words' letters like the case-insensitive pattern unless the text has one of the
        characters of ``_odd`` (anchors.py explains them): then the whole text is searched.
        """
        if lowered is None:
            lowered = text.lower()
        if len(lowered) != len(text) or any(ch in text for ch in self._odd):
            yield from self._pattern.finditer(spaced)
            return
        starts = set()
        for word in self._first_words:
            position = lowered.find(word)
            while position >= 0:
                # a phrase starts a word: at the text's start or after a non-word character
                if not position or not _is_word_char(text[position - 1]):
                    starts.add(position)  # in ``spaced``: the character before the word
                position = lowered.find(word, position + 1)
        match_at = self._pattern.match
        end = 0
        for position in sorted(starts):
            if position < end:
                continue
            match = match_at(spaced, position)
            if match is not None:
                end = match.end()
                yield match


def _is_day_to_count_from(expression: TemporalExpression) -> bool:
    """A day (or range of days) with its dates: what an anaphoric phrase counts from."""
    return (expression.granularity in (DAY, DAY_RANGE)
            and expression.start_date is not None and expression.end_date is not None)


def _first_words(forms: Iterable[str]) -> tuple[str, ...]:
    """The lowered first words of ``forms``, leaving out those that start with another one
    (a text that has "einen" has "eine")."""
    words = {form.split()[0].lower() for form in forms}
    return tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))


def _phrase_pattern(forms: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for the lowered ``forms``, the first matching form winning;
    group 1 is the phrase, which starts a word and ends one.

    Built for a fast scan over the whole text (more than twice as fast as a flat alternation
    behind a lookbehind): the alternatives are grouped by their first letter, keeping their
    order within a group, so at each position the regex engine tries one group, not every
    phrase (forms with different first letters never match at the same position, so the same
    form wins); and the pattern starts by matching the non-word character before the phrase
    instead of a lookbehind, which lets the engine skip the letters of words quickly (as the
    anchor scan in anchors.py does). Search ``" " + text``.
    """
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[:1], []).append(r"\s+".join(map(re.escape, form.split())))
    if not groups:
        return None
    pattern = "|".join(f"(?:{'|'.join(alternatives)})" for alternatives in groups.values())
    return re.compile(rf"\W({pattern})(?!\w)", re.IGNORECASE)
