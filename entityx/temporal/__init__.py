"""German temporal tagging for explicit dates and ranges; pure Python, no spaCy.

    >>> from datetime import date
    >>> [e.text for e in find_dates("Er reist vom 15. bis 17. Mai nach Moskau.", date(2023, 5, 10))]
    ['15. bis 17. Mai']

The vocabulary (month and weekday names, connectors) lives in ``vocabulary.yaml`` beside this
file; the choices about years, ranges and flags are documented in ``normalize.py``.
"""

from .expression import TemporalExpression
from .tagger import DateTagger, find_dates
from .vocabulary import Vocabulary, VocabularyError, load_vocabulary

__all__ = [
    "DateTagger",
    "TemporalExpression",
    "Vocabulary",
    "VocabularyError",
    "find_dates",
    "load_vocabulary",
]
