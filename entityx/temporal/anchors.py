"""Where can a date start? A cheap scan that lets ``DateTagger.find`` skip most of the text.

Running every grammar pattern over the whole text costs one regex attempt per character and
pattern, although almost every pattern needs a rare word: a digit, a month or weekday name,
"heute", "Woche", "Herbst", "derzeit". So ``find`` first scans the text once for such
*anchor words* and then tries each pattern (with ``pattern.match``) only where one of its
matches could start:

- at an anchor word itself ("15" of "15. Mai", "Mai" of "Mai 2023", "Montag", "heute"), or
- at the start of the k-th word before an anchor word: "im" of "im Mai" is the word before the
  month, "in" of "in zwei Wochen" the second word before the unit. Prepositions and number
  words are far too common to be worth an anchor of their own.

Each pattern says in grammar.py which anchors it starts at (``Starts``). The result is exactly
that of ``finditer`` over the whole text, provided that every position where the pattern can
match is a candidate: trying the candidates in order and continuing after each match is what
``finditer`` does, it just tries every position. That holds because every pattern starts
with a lookbehind that forbids a word character before its first character, and its first
character is a word character, so a match starts where a word (a run of ``\\w``) starts, and
the anchor classes below cover each pattern's first word (or the word k words later).

The scan runs on ``text.lower()`` with plain, case-sensitive literals, which is much faster
than a case-insensitive scan. Lowering can change what the patterns see only for a handful of
characters (see ``_odd_characters``: "İ" lowers to two characters, sre's case-insensitive
matching pairs "ſ" with "s" but ``lower`` does not, ...). A text containing one of them is
tagged by running every pattern over the whole text, so the output never depends on the scan.
"""

from __future__ import annotations

import array
import functools
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .vocabulary import Vocabulary

# Anchor classes. A hit of a class is a word start where the lowered text begins with one of
# the class's words (for the classes marked "whole": the whole word).
DIGIT = "digit"  # any decimal digit (\d), at the start of a word
WEEKDAY_FORM = "weekday_form"  # every weekday form, whole ("Montag", "Mo.", "Mo")
WEEKDAY_NAME = "weekday_name"  # full weekday names, also in compounds ("Mittwochabend")
MONTH = "month"  # every month form, whole ("Mai", "Sept.", "Jänner")
RELATIVE_DAY_WORD = "relative_day_word"  # "heute", "gestern", ...
DAY_ADJECTIVE_WORD = "day_adjective_word"  # "heutigen", "gestrigen", ...
PREVIOUS = "previous"  # "Vorjahr", "Vormonats", ...
PART_WORD = "part_word"  # "Anfang", "Mitte", "Ende", ...
PART_COMPOUND = "part_compound"  # "Jahres" of "Jahresende"
SEASON_WORD = "season_word"  # "Herbst", "Frühjahrs", ...
QUARTER_CODE = "quarter_code"  # "Q" of "Q3 2023"
COUNT_ADJECTIVE = "count_adjective"  # "zweitägig", "dreiwöchig" (digits are DIGIT)
VAGUE_WORD = "vague_word"  # one-word vague expressions ("derzeit", "bald")


def unit(name: str) -> str:
    """The anchor class of a calendar unit's nouns ("Woche", "Wochen" for "week")."""
    return f"unit:{name}"


def vague_tail(words: int) -> str:
    """The class of the last word of vague phrases of that many words ("Kürze" of "in Kürze")."""
    return f"vague_tail:{words}"


@dataclass(frozen=True, slots=True)
class Starts:
    """Where the matches of one pattern may start.

    at (tuple[str, ...]): anchor classes whose hits are possible starts.
    before (tuple[tuple[str, int], ...]): (class, k): the start of the k-th word before a hit
        of the class is a possible start ("im" before "Mai": (MONTH, 1)).
    needs (tuple[tuple[str, ...], ...]): the pattern cannot match unless, for each tuple, a
        hit of one of its classes is in the text (a day number needs a month: ((MONTH,),)).
    """

    at: tuple[str, ...] = ()
    before: tuple[tuple[str, int], ...] = ()
    needs: tuple[tuple[str, ...], ...] = ()


def anchor_words(vocabulary: Vocabulary) -> dict[str, list[tuple[str, bool]]]:
    """Anchor class -> (word, whole) from the vocabulary; ``whole``: the word must end there."""
    v = vocabulary

    def words(forms: Iterable[str], whole: bool = False) -> list[tuple[str, bool]]:
        return [(form, whole) for form in forms]

    one_word_numbers = [forms[0] for _, forms in sorted(v.number_words.items())]
    adjectives = [f for forms in v.duration_adjectives.values() for f in forms]
    vague_single = [f for forms in v.vague.values() for f in forms if len(_runs(f)) == 1]
    classes: dict[str, list[tuple[str, bool]]] = {
        WEEKDAY_FORM: words((f for _, forms in v.weekdays for f in forms), whole=True),
        # the weekdays grammar.py accepts on their own: no abbreviations ("Mo", "Di.")
        WEEKDAY_NAME: words(
            f for _, forms in v.weekdays for f in forms if "." not in f and len(f) > 3
        ),
        MONTH: words((f for _, forms in v.months for f in forms), whole=True),
        RELATIVE_DAY_WORD: words(f for forms in v.relative_days.values() for f in forms),
        DAY_ADJECTIVE_WORD: words(
            f for forms in v.relative_day_adjectives.values() for f in forms
        ),
        PREVIOUS: words(f for forms in v.previous_units.values() for f in forms),
        PART_WORD: words(f for forms in v.period_parts.values() for f in forms),
        PART_COMPOUND: words(f for forms in v.part_compounds.values() for f in forms),
        SEASON_WORD: words(f for forms in v.seasons.values() for f in forms),
        QUARTER_CODE: words(["Q"]),
        COUNT_ADJECTIVE: words(n + a for n in one_word_numbers for a in adjectives),
        VAGUE_WORD: words(vague_single),
    }
    for name, numbers in v.units.items():
        classes[unit(name)] = words(f for forms in numbers.values() for f in forms)
    for forms in v.vague.values():
        for form in forms:
            runs = _runs(form)
            if len(runs) > 1:
                classes.setdefault(vague_tail(len(runs)), []).append((runs[-1], False))
    return classes


def vague_tails(vocabulary: Vocabulary) -> tuple[tuple[str, int], ...]:
    """(class, k) for each length of vague phrase: its first word is k words before the last."""
    lengths = {len(_runs(f)) for forms in vocabulary.vague.values() for f in forms}
    return tuple((vague_tail(n), n - 1) for n in sorted(lengths) if n > 1)


def _runs(form: str) -> list[str]:
    return re.findall(r"\w+", form)


class Prefilter:
    """The scan for anchor words, and the candidate start positions it gives each pattern.

    vocabulary (Vocabulary): supplies the anchor words.
    starts (Sequence[Starts]): one per grammar pattern, in the grammar's order.
    """

    # At most this many words back (``_words_before``).
    MAX_BEFORE = 3

    def __init__(self, vocabulary: Vocabulary, starts: Sequence[Starts]) -> None:
        self.starts = tuple(starts)
        classes = anchor_words(vocabulary)
        entries: dict[str, set[str]] = {}  # lowered word -> its classes
        whole: dict[str, bool] = {}  # lowered word -> must the word end there?
        for name, forms in classes.items():
            for form, whole_word in forms:
                word = form.lower()
                if not word or not _is_word_char(word[0]) or len(word) != len(form):
                    raise ValueError(f"unusable anchor word {form!r}")
                entries.setdefault(word, set()).add(name)
                whole[word] = whole.get(word, True) and whole_word
        # The scan returns the longest anchor word at a position; every shorter one there is a
        # prefix of it, so a hit has the classes of all anchor words that are its prefixes.
        self._classes: dict[str, frozenset[str]] = {
            word: frozenset(
                name for other, names in entries.items() if word.startswith(other) for name in names
            )
            for word in entries
        }
        self._digit = frozenset([DIGIT])
        self._scan = re.compile(rf"(?<!\w)(?:\d|{_trie(whole)})")
        # On the reversed text: the starts of the 1st, 2nd, ... word before a position.
        self._back = re.compile(r"\W*(\w+)(?:\W*(\w+)(?:\W*(\w+))?)?")
        # class -> (pattern index, k): the pattern may start at its hits (k = 0) or k words
        # before them; pattern index -> the classes it needs (Starts.needs).
        routes: dict[str, list[tuple[int, int]]] = {name: [] for name in (*classes, DIGIT)}
        self._needs: list[tuple[frozenset[str], ...]] = []
        for index, spec in enumerate(self.starts):
            for name in (*spec.at, *(c for c, _ in spec.before), *(c for n in spec.needs for c in n)):
                if name not in routes:
                    raise ValueError(f"unknown anchor class {name!r}")
            if any(not 1 <= k <= self.MAX_BEFORE for _, k in spec.before):
                raise ValueError(f"cannot look back that far: {spec.before}")
            for name in spec.at:
                routes[name].append((index, 0))
            for name, k in spec.before:
                routes[name].append((index, k))
            self._needs.append(tuple(frozenset(n) for n in spec.needs))
        # hit -> the (pattern index, k) of all its classes
        self._routes: dict[str, tuple[tuple[int, int], ...]] = {
            word: tuple(sorted({route for name in names for route in routes[name]}))
            for word, names in self._classes.items()
        }
        self._digit_routes = tuple(routes[DIGIT])
        alphabet = "".join(sorted({ch for word in entries for ch in word}))
        odd = _odd_characters(alphabet)
        self._odd = re.compile(f"[{re.escape(odd)}]") if odd else None

    def candidates(self, text: str) -> list[tuple[int, list[int]]] | None:
        """(pattern index, sorted candidate starts) for each pattern that may match, in order.

        None when the scan cannot be trusted for this text (see the module docstring): then
        every position has to be tried.
        """
        lowered = text.lower()
        if len(lowered) != len(text) or (self._odd is not None and self._odd.search(text)):
            return None
        found: dict[str, list[int]] = {}
        for hit in self._scan.finditer(lowered):
            key = hit.group()
            positions = found.get(key)
            if positions is None:
                found[key] = [hit.start()]
            else:
                positions.append(hit.start())
        if not found:
            return []
        wanted: dict[int, list[int]] = {}
        backward: dict[int, tuple[int, int, int]] = {}
        reversed_text = ""
        size = len(text)
        routes, digit_routes = self._routes, self._digit_routes
        for key, positions in found.items():
            for index, k in routes.get(key, digit_routes):
                starts = wanted.get(index)
                if starts is None:
                    starts = wanted[index] = []
                if not k:
                    starts.extend(positions)
                    continue
                if not reversed_text:
                    reversed_text = text[::-1]
                for position in positions:
                    before = backward.get(position)
                    if before is None:
                        before = backward[position] = self._words_before(
                            reversed_text, size, position
                        )
                    if before[k - 1] >= 0:
                        starts.append(before[k - 1])
        result = []
        present: set[str] | None = None
        for index in sorted(wanted):
            starts = wanted[index]
            if not starts:
                continue
            needs = self._needs[index]
            if needs:
                if present is None:
                    present = set()
                    for key in found:
                        present.update(self._classes.get(key, self._digit))
                if any(present.isdisjoint(names) for names in needs):
                    continue
            result.append((index, sorted(set(starts)) if len(starts) > 1 else starts))
        return result

    def _words_before(self, reversed_text: str, size: int, position: int) -> tuple[int, int, int]:
        """Starts of the 1st, 2nd and 3rd word before ``position`` (-1: there is none)."""
        found = self._back.match(reversed_text, size - position)
        if found is None:
            return (-1, -1, -1)
        first, second, third = found.end(1), found.end(2), found.end(3)
        return (
            size - first if first >= 0 else -1,
            size - second if second >= 0 else -1,
            size - third if third >= 0 else -1,
        )


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _trie(words: dict[str, bool]) -> str:
    """One regular expression for all words, sharing prefixes; longer words are tried first.

    words (dict[str, bool]): lowered word -> whether a word character may not follow it.
    """
    root: dict[str, dict] = {}
    for word, whole_word in words.items():
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {"whole": whole_word and node.get("", {}).get("whole", True)}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(r"(?!\w)" if node[""]["whole"] else "")
        if len(branches) == 1:
            return branches[0]
        return f"(?:{'|'.join(branches)})"

    return emit(root)


@functools.lru_cache(maxsize=8)
def _odd_characters(alphabet: str) -> str:
    """Characters for which scanning ``text.lower()`` could miss a match of the grammar.

    alphabet (str): the characters of the lowered anchor words.
    A character is odd when lowering it changes the length of the text ("İ"), whether it is a
    word character or a decimal digit (the scan tests both), or when sre's case-insensitive
    matching takes it for a letter of the alphabet that ``lower`` does not turn it into
    ("ſ" for "s", "ı" for "i"; the Kelvin sign is fine: it lowers to "k").
    """
    # Planes 0 and 1 hold every character with a case mapping.
    codes = array.array("I", range(0x20000))
    if codes.itemsize == 4:
        chars = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be", "surrogatepass")
    else:
        chars = "".join(map(chr, codes))
    odd = set()
    plain = chars.replace("\u0130", "")  # "İ" lowers to "i" and a combining dot
    lowered = plain.lower()
    changed = [("\u0130", "\u0130".lower())]
    if len(lowered) == len(plain):
        for i in range(0, len(plain), 256):  # most blocks have no upper case at all
            block, lower_block = plain[i : i + 256], lowered[i : i + 256]
            if block != lower_block:
                changed.extend((ch, low) for ch, low in zip(block, lower_block) if ch != low)
    else:  # another character lowers to several: pair them up one by one
        changed += [(ch, ch.lower()) for ch in plain if ch.lower() != ch]
    for ch, low in changed:
        if (
            len(low) != 1
            or _is_word_char(ch) != _is_word_char(low)
            or ch.isdecimal() != low.isdecimal()
        ):
            odd.add(ch)
    letters = [(letter, re.compile(f"(?i:{re.escape(letter)})")) for letter in alphabet]
    any_letter = re.compile(f"(?i:[{re.escape(alphabet)}])")
    for ch in set(any_letter.findall(chars)):
        if any(ch.lower() != letter and same.fullmatch(ch) for letter, same in letters):
            odd.add(ch)
    return "".join(sorted(odd))
