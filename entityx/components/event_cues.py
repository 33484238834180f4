"""Which cue vocabularies a sentence touches, found once per sentence.

The event rules ask of a sentence, again and again, whether it holds a word of some vocabulary
of ``gazetteers/triggers.yaml`` (a negation, a meeting cue, a status word, a trigger ...). Asking
each vocabulary in turn scans the sentence's words once per question; instead the words are
intersected once with the union of all vocabularies, and the vocabularies they touch are kept as
the bits of one int (``reading["cues"] & NEGATION``).

Each cue below is one bit. The vocabularies themselves stay in the YAML; the component maps
each bit to its words when it loads (:class:`CueIndex`). A sentence's reading holds three masks:

- ``cues``: the text of the sentence's words outside dateline and reporting clauses (the list
  ``reading["words"]`` the rules read);
- ``all_cues``: the text of all its tokens;
- ``lower_cues``: all its tokens in lower case.

Each cue is looked up in one of them only, as the rules using it say.
"""

from __future__ import annotations

from collections.abc import Iterable

_BITS = iter(1 << n for n in range(64))

# ---- token text (``cues`` of the words, or ``all_cues`` of all tokens where said)
REPORTING = next(_BITS)  # reporting verbs and "nach Angaben" (all_cues)
TRIGGER = next(_BITS)  # any verb or summit trigger word (all_cues)
NATIONALITY = next(_BITS)  # "der Portugiese" (all_cues)
NON_VISIT = next(_BITS)
MEETING_CUE = next(_BITS)
GUEST_LIST = next(_BITS)
VIRTUAL_MEETING = next(_BITS)
VERTRETEN = next(_BITS)  # "vertreten" itself: "lässt sich ... vertreten"
LETTING = next(_BITS)  # "lässt", "ließ"
REPRESENTING = next(_BITS)
SENDING = next(_BITS)
DELEGATION = next(_BITS)
LEADING = next(_BITS)
MEMBERSHIP = next(_BITS)
SUMMIT_VERB = next(_BITS)
SPECULATION = next(_BITS)
OPEN_QUESTION = next(_BITS)
OPEN_QUESTION_MARKER = next(_BITS)
IN_TALKS = next(_BITS)  # "Gespräch" ("sei im Gespräch")
INVITATION = next(_BITS)
PAYING = next(_BITS)
ARRIVAL = next(_BITS)
STOP_WORD = next(_BITS)
ONWARD = next(_BITS)
ENDING = next(_BITS)
# status words
CANCELLED = next(_BITS)
CANCEL_HEAD = next(_BITS)  # "sagte ... ab"
POSTPONED = next(_BITS)
PERFECT_AUX = next(_BITS)
ARRIVED = next(_BITS)  # "eingetroffen"
PRESENT_AUX = next(_BITS)  # "ist", "sind"
PRESENT_PERFECT_AUX = next(_BITS)  # "ist", "sind", "hat", "haben"
PAST_AUX = next(_BITS)  # "war", "waren", "hatte", "hatten"
ONGOING_PERFECT = next(_BITS)
ONGOING = next(_BITS)  # the ongoing status words other than "eingetroffen"
COMPLETED_PARTICIPLE = next(_BITS)
COMPLETED = next(_BITS)
PLANNED = next(_BITS)

# ---- lower case (``lower_cues`` of all tokens)
NEGATION = next(_BITS)
SUBSTITUTION = next(_BITS)
MIT = next(_BITS)  # "mit" (partners met)
OHNE = next(_BITS)  # "ohne" (who stays away)
INVITING = next(_BITS)  # "eingeladen", "einlud", "lud" (who invites does not travel)
UEBER = next(_BITS)  # "über" (a topic phrase)
TOPIC_PREP = next(_BITS)  # topic prepositions other than "über"
VISITOR_REFERENCE = next(_BITS)
PRONOUN = next(_BITS)  # "er", "sie", "ihn", "ihm"
DORT = next(_BITS)  # "von dort", "aus dort"
VERTRETEN_LOWER = next(_BITS)  # "vertreten" in lower case (also "Vertreten" opening a sentence)


class CueIndex:
    """Cue bits by word, for one way of reading a sentence's tokens (text or lower case).

    vocabularies (dict[int, Iterable[str]]): the words of each cue bit.
    """

    __slots__ = ("bits_of", "words")

    def __init__(self, vocabularies: dict[int, Iterable[str]]):
        self.bits_of: dict[str, int] = {}
        for bit, words in vocabularies.items():
            for word in words:
                self.bits_of[word] = self.bits_of.get(word, 0) | bit
        self.words = frozenset(self.bits_of)

    def mask(self, tokens: Iterable[str]) -> int:
        """The bits of every cue one of ``tokens`` belongs to."""
        mask = 0
        bits_of = self.bits_of
        for word in self.words.intersection(tokens):
            mask |= bits_of[word]
        return mask
