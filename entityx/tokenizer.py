"""Tokenizer adjustments shared by every entityx pipeline.

German news glues acronyms and names into hyphenated compounds ("EAWU-Präsidentschaft",
"OVKS-Vorsitz", "UN-Sicherheitsrat", "belarussisch-russischen"). Splitting at the hyphen between
letters lets the phrase matchers find "EAWU" with exact offsets.

spaCy's German tokenizer keeps a period after digits ("15." is an ordinal day), so a year that
ends a sentence ("seit 2019.", "im Mai 2023.", "am 15.05.2023.") would carry the period into
its DATE span. A period after four digits starting 19 or 20 is split off: a year-sized ordinal
("der 2000. Besucher") is far rarer in news than a year at the end of a sentence.

The patterns are saved with the tokenizer (``nlp.to_disk``), so a loaded pipeline tokenizes the
same way without entityx code.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

HYPHEN_BETWEEN_WORDS = r"(?<=[A-Za-zÄÖÜäöüß0-9])[-‐‑](?=[A-Za-zÄÖÜäöüß])"
PERIOD_AFTER_YEAR = r"(?<=(?:19|20)\d\d)\."


def split_hyphenated_compounds(nlp: Language) -> None:
    """Add the hyphen infix and the period-after-year suffix to ``nlp.tokenizer`` (idempotent)."""
    infixes = list(nlp.Defaults.infixes or [])
    if HYPHEN_BETWEEN_WORDS not in infixes:
        infixes.append(HYPHEN_BETWEEN_WORDS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes or [])
    if PERIOD_AFTER_YEAR not in suffixes:
        suffixes.append(PERIOD_AFTER_YEAR)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
