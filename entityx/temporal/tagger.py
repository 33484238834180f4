"""DateTagger: find German dates, ranges, relative expressions and durations in plain text."""

from __future__ import annotations

import dataclasses
import functools
from datetime import date, datetime
from pathlib import Path

from . import normalize, relative
from .anchors import Prefilter
from .expression import END_ONLY, START_ONLY, TemporalExpression
from .grammar import compile_grammar
from .tense import TenseReader
from .vocabulary import load_vocabulary

_NORMALIZERS = {**normalize.NORMALIZERS, **relative.NORMALIZERS}
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
        self._prefilter = Prefilter(self.vocabulary, self._grammar.starts)
        # pattern index -> (its match method, the normalizer of its kind)
        self._matchers = tuple(
            (pattern.match, _NORMALIZERS[kind]) for kind, pattern in self._grammar.patterns
        )
        self._start_only = frozenset(f.casefold() for f in self.vocabulary.open_ranges["start_only"])

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
        context = normalize.Context(anchor, self._tense.reader(text))
        candidates = self._candidates(text, context)
        if candidates is None:
            candidates = self._candidates_everywhere(text, context)
        return [self._mark_open_end(text, e) for e in _longest_first(candidates)]

    def _candidates(
        self, text: str, context: normalize.Context
    ) -> list[TemporalExpression] | None:
        """The normalized matches of every pattern, in pattern order, then by position.

        Each pattern is tried only where the anchor scan (anchors.py) says a match may start;
        that finds exactly what ``finditer`` over the whole text finds. None when the scan
        cannot be trusted for this text (then every position has to be tried).
        """
        starts = self._prefilter.candidates(text)
        if starts is None:
            return None
        grammar = self._grammar
        candidates = []
        for index, positions in starts:
            match, normalizer = self._matchers[index]
            end = 0
            for position in positions:
                if position < end:
                    continue
                found = match(text, position)
                if found is None:
                    continue
                end = found.end()
                if end == position:  # finditer would go on differently after an empty match
                    return None
                if (expression := normalizer(found, grammar, context)) is not None:
                    candidates.append(expression)
        return candidates

    def _candidates_everywhere(
        self, text: str, context: normalize.Context
    ) -> list[TemporalExpression]:
        """What ``_candidates`` returns, from every pattern tried at every position."""
        return [
            expression
            for kind, pattern in self._grammar.patterns
            for match in pattern.finditer(text)
            if (expression := _NORMALIZERS[kind](match, self._grammar, context)) is not None
        ]

    def _mark_open_end(self, text: str, expression: TemporalExpression) -> TemporalExpression:
        """Add start_only/end_only when an open-range preposition stands right before."""
        if expression.granularity not in _OPEN_RANGE_GRANULARITIES:
            return expression
        start = expression.start
        # open_range ends in \s+\Z: nothing to find unless a space stands right before.
        if not (start and text[start - 1].isspace()):
            return expression
        found = self._grammar.open_range.search(text, max(0, start - 40), start)
        if found is None:
            return expression
        words = " ".join(found.group().split()).casefold()
        flag = START_ONLY if words in self._start_only else END_ONLY
        return dataclasses.replace(expression, flags=(*expression.flags, flag))


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
