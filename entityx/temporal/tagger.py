"""DateTagger: find German dates, ranges, relative expressions and durations in plain text."""

from __future__ import annotations

import functools
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import normalize, relative
from .anchors import Prefilter, UnusableVocabulary
from .anaphora import AnaphoricDays
from .expression import END_ONLY, START_ONLY, TemporalExpression, new_expression
from .grammar import VAGUE, compile_grammar
from .tense import TenseReader
from .vocabulary import load_vocabulary

_NORMALIZERS = {**normalize.NORMALIZERS, **relative.NORMALIZERS}
# Kinds whose normalizer can raise for a text the anchor scan handles: the vague table is
# looked up with the phrase as written, so "in  Kürze" (two spaces) is a KeyError. They are
# normalized even when a longer expression overlaps them, as ``find`` always did.
_EAGER = frozenset([VAGUE])
# Anchor years for which no other normalizer can raise: counts go up to 999 units (years at
# most), vague periods to 36500 days (vocabulary.py), years are looked for two either side
# of the anchor; datetime.date runs from year 1 to 9999.
_LAZY_YEARS = (1100, 8900)
# Only a single point or period can be one end of an open range ("ab dem 15. Mai").
_OPEN_RANGE_GRANULARITIES = frozenset(
    ["day", "week", "month", "quarter", "half_year", "season", "year"]
)


class DateTagger:
    """Find dates in German text: explicit ("10. Mai 2023", "vom 15. bis 17. Mai"), relative
    ("am kommenden Montag", "Mitte nächster Woche"), vague ("derzeit") and durations ("drei Tage").

    vocabulary_path (str | Path | None): a vocabulary YAML file; None uses the packaged
        ``vocabulary.yaml``. It is read, validated and compiled once, here, so ``find`` does
        no I/O and keeps no state between calls.
    """

    def __init__(self, vocabulary_path: str | Path | None = None) -> None:
        self.vocabulary = load_vocabulary(vocabulary_path)
        self._grammar = compile_grammar(self.vocabulary)
        self._tense = TenseReader(self.vocabulary.tense)
        try:
            self._prefilter: Prefilter | None = Prefilter(self.vocabulary, self._grammar.starts)
        except UnusableVocabulary:
            self._prefilter = None
        # pattern index -> (its match method, the normalizer of its kind, whether that runs
        # for every match, the group that is the span if the pattern has one: "x" or 0)
        self._matchers = tuple(
            (pattern.match, _NORMALIZERS[kind], kind in _EAGER, "x" if "x" in pattern.groupindex else 0)
            for kind, pattern in self._grammar.patterns
        )
        self._start_only = frozenset(f.casefold() for f in self.vocabulary.open_ranges["start_only"])
        self._anaphora = AnaphoricDays(self.vocabulary.anaphoric_days)

    def find(self, text: str, anchor: date | None = None) -> list[TemporalExpression]:
        """Return the expressions in ``text``, sorted by start, not overlapping.

        anchor (date | None): the article's date; supplies the year where none is written
        and resolves relative expressions (a datetime is cut to its date).
        Where matches overlap, the longest wins (ties: the earlier one), so "15. bis 17. Mai"
        is one range and not two days. A single date or period right after "ab"/"seit" gets
        the flag start_only, after "bis"/"bis zum" end_only (vocabulary ``open_ranges``).
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        if anchor is not None and not isinstance(anchor, date):
            raise TypeError(
                f"anchor must be a datetime.date or None, got {type(anchor).__name__}; "
                "convert strings with date.fromisoformat()"
            )
        if isinstance(anchor, datetime):
            anchor = anchor.date()
        lowered = text.lower()  # for the anchor scan and the anaphora's, made once
        kept = self._find_fast(text, anchor, lowered)
        if kept is None:
            context = normalize.Context(anchor, self._tense.reader(text))
            kept = _longest_first(self._candidates_everywhere(text, context))
        return self._anaphora.resolve(
            text, [self._mark_open_end(text, e) for e in kept], lowered=lowered
        )

    def _find_reference(self, text: str, anchor: date | None = None) -> list[TemporalExpression]:
        """``find`` the plain way, as it was written first: every pattern tried at every
        position, every match normalized, the whole window searched for an open-range
        preposition, the whole text searched for anaphoric phrases. Slow; the tests check
        that ``find`` gives the same."""
        if isinstance(anchor, datetime):
            anchor = anchor.date()
        context = normalize.Context(anchor, self._tense.reader(text))
        candidates = self._candidates_everywhere(text, context)
        return self._anaphora.resolve(text, [
            self._mark_open_end(text, e, whole_window=True) for e in _longest_first(candidates)
        ], whole_text=True)

    def _find_fast(
        self, text: str, anchor: date | None, lowered: str | None = None
    ) -> list[TemporalExpression] | None:
        """``_longest_first(self._candidates_everywhere(text, context))``, done faster.

        Each pattern is tried only where the anchor scan (anchors.py) says a match may start;
        that finds exactly what ``finditer`` over the whole text finds. A match is normalized
        only if no longer (kept) expression overlaps it, because the rest would be dropped
        anyway; the span of an expression is the span of its match (``normalize.span``), so
        the order of ``_longest_first`` is known before normalizing. That is only safe where
        skipping a normalizer cannot skip an exception it would raise: the normalizers of
        ``_EAGER`` kinds always run, in the order of ``_candidates_everywhere``, and with an
        anchor near the ends of the calendar (``_LAZY_YEARS``) all of them do.
        None when the scan cannot be trusted for this text (then every position is tried).
        lowered (str | None): ``text.lower()`` if the caller has it already.
        """
        if self._prefilter is None:
            return None
        starts = self._prefilter.candidates(text, lowered)
        if starts is None:  # the scan cannot be trusted for this text
            return None
        if not starts:
            return []
        context = normalize.Context(anchor, self._tense.reader(text))
        lazy = anchor is None or _LAZY_YEARS[0] <= anchor.year <= _LAZY_YEARS[1]
        grammar = self._grammar
        # (start - end, start, order, normalizer to run or None, match or expression)
        found: list[tuple[int, int, int, Any, Any]] = []
        for index, positions in starts:
            match, normalizer, eager, spanned = self._matchers[index]
            eager = eager or not lazy
            end = 0
            for position in positions:
                if position < end:
                    continue
                matched = match(text, position)
                if matched is None:
                    continue
                end = matched.end()
                if end == position:  # finditer would go on differently after an empty match
                    return None
                if eager:
                    expression = normalizer(matched, grammar, context)
                    if expression is not None:
                        first, last = expression.start, expression.end
                        found.append((first - last, first, len(found), None, expression))
                else:
                    # normalize.span: the group x where the pattern has one and it matched
                    first, last = matched.span(spanned) if spanned else (position, end)
                    if first < 0:
                        first, last = position, end
                    found.append((first - last, first, len(found), normalizer, matched))
        # _longest_first, normalizing what is kept
        found.sort()
        kept: list[TemporalExpression] = []
        for key, first, _, normalizer, item in found:
            last = first - key
            for other in kept:
                if first < other.end and other.start < last:  # they overlap
                    break
            else:
                if normalizer is not None:
                    item = normalizer(item, grammar, context)
                    if item is None:
                        continue
                kept.append(item)
        kept.sort(key=_start_key)
        return kept

    def _candidates_everywhere(
        self, text: str, context: normalize.Context
    ) -> list[TemporalExpression]:
        """The normalized matches (not None) of every pattern, tried at every position, in
        pattern order, then by position."""
        return [
            expression
            for kind, pattern in self._grammar.patterns
            for match in pattern.finditer(text)
            if (expression := _NORMALIZERS[kind](match, self._grammar, context)) is not None
        ]

    def _mark_open_end(
        self, text: str, expression: TemporalExpression, *, whole_window: bool = False
    ) -> TemporalExpression:
        """Add start_only/end_only when an open-range preposition stands right before.

        whole_window (bool): search the 40 characters before the expression with
            ``open_range`` (what the shortcuts below must give the same as).
        """
        if expression.granularity not in _OPEN_RANGE_GRANULARITIES:
            return expression
        start = expression.start
        window = max(0, start - 40)
        if whole_window:
            found = self._grammar.open_range.search(text, window, start)
            if found is None:
                return expression
            return self._with_open_end(expression, found.group())
        # open_range ends in \s+\Z: nothing to find unless a space stands right before.
        if not (start and text[start - 1].isspace()):
            return expression
        # open_range.search(text, window, start) finds the longest preposition that ends
        # (with spaces) at ``start``: matched on the reversed text, from its start. The piece
        # has one more character, which the lookbehind of open_range would look at.
        found = self._grammar.open_range_reversed.match(text[max(0, window - 1) : start][::-1])
        if found is None:
            return expression
        if found.end() <= start - window:
            matched = found.group()[::-1]
        else:  # the longest one starts before the window; a shorter one may not
            found = self._grammar.open_range.search(text, window, start)
            if found is None:
                return expression
            matched = found.group()
        return self._with_open_end(expression, matched)

    def _with_open_end(self, expression: TemporalExpression, found: str) -> TemporalExpression:
        """The expression with the flag for the open-range preposition ``found``."""
        words = " ".join(found.split()).casefold()
        flag = START_ONLY if words in self._start_only else END_ONLY
        e = expression  # dataclasses.replace(expression, flags=...), faster
        return new_expression(
            e.start, e.end, e.text, e.value, e.start_date, e.end_date, e.granularity,
            (*e.flags, flag),
        )


def _longest_first(candidates: list[TemporalExpression]) -> list[TemporalExpression]:
    """Keep the longest non-overlapping candidates, then order them by position."""
    if len(candidates) < 2:
        return candidates
    kept: list[TemporalExpression] = []
    for candidate in sorted(candidates, key=_longest_key):
        start, end = candidate.start, candidate.end
        for other in kept:
            if start < other.end and other.start < end:  # they overlap
                break
        else:
            kept.append(candidate)
    kept.sort(key=_start_key)
    return kept


def _longest_key(expression: TemporalExpression) -> tuple[int, int]:
    return (expression.start - expression.end, expression.start)


def _start_key(expression: TemporalExpression) -> int:
    return expression.start


@functools.lru_cache(maxsize=1)
def default_tagger() -> DateTagger:
    """The tagger with the packaged vocabulary, created on first use and then reused."""
    return DateTagger()


def find_dates(text: str, anchor: date | None = None) -> list[TemporalExpression]:
    """``DateTagger().find(text, anchor)`` with a shared, lazily built default tagger."""
    return default_tagger().find(text, anchor)
