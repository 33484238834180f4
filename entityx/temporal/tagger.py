"""DateTagger: find explicit German dates and ranges in plain text, with character offsets."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from .expression import TemporalExpression
from .grammar import compile_grammar
from .normalize import normalize
from .vocabulary import load_vocabulary


class DateTagger:
    """Find explicit dates ("10. Mai 2023", "15.05.23", "vom 15. bis 17. Mai") in German text.

    vocabulary_path (str | Path | None): a vocabulary YAML file; None uses the packaged
        ``vocabulary.yaml``. It is read, validated and compiled once, here, so ``find`` does
        no I/O and keeps no state between calls.
    """

    def __init__(self, vocabulary_path: str | Path | None = None) -> None:
        self.vocabulary = load_vocabulary(vocabulary_path)
        self._grammar = compile_grammar(self.vocabulary)

    def find(self, text: str, anchor: date | None = None) -> list[TemporalExpression]:
        """Return the expressions in ``text``, sorted by start, not overlapping.

        anchor (date | None): the article's date; supplies the year where none is written.
        Where matches overlap, the longest wins (ties: the earlier one), so "15. bis 17. Mai"
        is one range and not two days.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        if anchor is not None and not isinstance(anchor, date):
            raise TypeError(
                f"anchor must be a datetime.date or None, got {type(anchor).__name__}; "
                "convert strings with date.fromisoformat()"
            )
        candidates = [
            expression
            for kind, pattern in self._grammar.patterns
            for match in pattern.finditer(text)
            if (expression := normalize(kind, match, self._grammar, anchor)) is not None
        ]
        return _longest_first(candidates)


def _longest_first(candidates: list[TemporalExpression]) -> list[TemporalExpression]:
    """Keep the longest non-overlapping candidates, then order them by position."""
    kept: list[TemporalExpression] = []
    for candidate in sorted(candidates, key=lambda e: (e.start - e.end, e.start)):
        if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda e: e.start)


@functools.lru_cache(maxsize=1)
def default_tagger() -> DateTagger:
    """The tagger with the packaged vocabulary, created on first use and then reused."""
    return DateTagger()


def find_dates(text: str, anchor: date | None = None) -> list[TemporalExpression]:
    """``DateTagger().find(text, anchor)`` with a shared, lazily built default tagger."""
    return default_tagger().find(text, anchor)
