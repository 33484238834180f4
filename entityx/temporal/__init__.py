"""German temporal tagging for explicit dates and ranges; pure Python, no spaCy.

    >>> from datetime import date
    >>> [e.text for e in find_dates("Er reist vom 15. bis 17. Mai nach Moskau.", date(2023, 5, 10))]
    ['15. bis 17. Mai']

The vocabulary (month and weekday names, connectors, relative words, tense cues) lives in
``vocabulary.yaml`` beside this file. The choices are documented where they are made: years,
ranges and flags in ``normalize.py``; relative, fuzzy and vague expressions and durations in
``relative.py``; tense in ``tense.py``; the document date in ``docdate.py``.
"""

from .docdate import find_doc_date
from .expression import TemporalExpression
from .relative import apply_duration
from .tagger import DateTagger, find_dates
from .vocabulary import Vocabulary, VocabularyError, load_vocabulary

__all__ = [
    "DateTagger",
    "TemporalExpression",
    "Vocabulary",
    "VocabularyError",
    "apply_duration",
    "find_dates",
    "find_doc_date",
    "load_vocabulary",
]
