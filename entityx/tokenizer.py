"""Tokenizer adjustment shared by every entityx pipeline.

German news glues acronyms and names into hyphenated compounds ("EAWU-Präsidentschaft",
"OVKS-Vorsitz", "UN-Sicherheitsrat", "belarussisch-russischen"). Splitting at the hyphen between
letters lets the phrase matchers find "EAWU" with exact offsets. The patterns are saved with the
tokenizer (``nlp.to_disk``), so a loaded pipeline tokenizes the same way without entityx code.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

HYPHEN_BETWEEN_WORDS = r"(?<=[A-Za-zÄÖÜäöüß0-9])[-‐‑](?=[A-Za-zÄÖÜäöüß])"


def split_hyphenated_compounds(nlp: Language) -> None:
    """Add the hyphen infix to ``nlp.tokenizer`` (idempotent)."""
    infixes = list(nlp.Defaults.infixes or [])
    if HYPHEN_BETWEEN_WORDS not in infixes:
        infixes.append(HYPHEN_BETWEEN_WORDS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
