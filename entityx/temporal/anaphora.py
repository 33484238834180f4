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
from collections.abc import Mapping
from datetime import timedelta

from .expression import DAY, DAY_RANGE, DURATION, TemporalExpression, new_expression

ANAPHORIC = "anaphoric"  # flag: resolved from the date told before, not from the article's date
MAX_DISTANCE = 400  # characters between the date told before and the phrase


class AnaphoricDays:
    """Finds the phrases of ``phrases`` (day offset -> forms) and resolves them."""

    def __init__(self, phrases: Mapping[int, tuple[str, ...]]) -> None:
        self._offsets = {" ".join(form.split()).casefold(): offset
                         for offset, forms in phrases.items() for form in forms}
        self._pattern = _phrase_pattern(sorted(self._offsets, key=len, reverse=True))
        # every phrase contains "tag" (Tag, Tage, Vortag, anderntags): a cheap test first
        self._cheap = all("tag" in form for form in self._offsets)

    def resolve(self, text: str, found: list[TemporalExpression]) -> list[TemporalExpression]:
        """``found`` (sorted, not overlapping) plus the anaphoric days of ``text``."""
        if self._pattern is None or not found or (self._cheap and "tag" not in text.casefold()):
            return found
        added, replaced = [], set()
        ends = [e.end for e in found]
        # the pattern matches the non-word character before a phrase too (see _phrase_pattern);
        # the space in front stands for the start of the text, so the offsets are one more
        for match in self._pattern.finditer(" " + text):
            phrase = match.group(1)
            start, end = match.start(1) - 1, match.end(1) - 1
            i = bisect_right(ends, start)
            if i < len(found) and found[i].start < end:
                if found[i].granularity == DURATION and start <= found[i].start and found[i].end <= end:
                    replaced.add(i)  # "zwei Tage später" is a day, not the duration "zwei Tage"
                else:
                    continue  # overlaps a date found already
            before = next((e for e in reversed(found[:i]) if e.granularity in (DAY, DAY_RANGE)
                           and e.start_date is not None and e.end_date is not None), None)
            if before is None or start - before.end > MAX_DISTANCE:
                continue
            offset = self._offsets[" ".join(phrase.split()).casefold()]
            day = (before.end_date if offset > 0 else before.start_date) + timedelta(days=offset)
            added.append(new_expression(start, end, phrase, day.isoformat(), day, day, DAY, (ANAPHORIC,)))
        if not added:
            return found
        kept = [e for i, e in enumerate(found) if i not in replaced]
        return sorted(kept + added, key=lambda e: e.start)


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
