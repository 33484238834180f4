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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .vocabulary import Vocabulary

# Anchor classes. A hit of a class is a word start where the lowered text begins with one of
# the class's words (for the classes marked "whole": the whole word).
# Numbers: a run of decimal digits (\d) at the start of a word, by its length. No pattern
# starts at a run of another length (a day is one or two digits, a year four).
DAY_NUMBER = "day_number"  # one or two digits ("15" of "15. Mai", "3" of "3-tägig")
YEAR_NUMBER = "year_number"  # four digits ("2023" of "2022-2023", "Mai 2023")
_NUMBER_CLASSES = {1: DAY_NUMBER, 2: DAY_NUMBER, 4: YEAR_NUMBER}
WEEKDAY_FORM = "weekday_form"  # every weekday form, whole ("Montag", "Mo.", "Mo")
WEEKDAY_NAME = "weekday_name"  # full weekday names, also in compounds ("Mittwochabend")
MONTH = "month"  # every month form, whole ("Mai", "Sept.", "Jänner")
ORDINAL = "ordinal"  # ordinal stems ("erst" of "ersten", "viert" of "vierten")
RELATIVE_DAY_WORD = "relative_day_word"  # "heute", "gestern", ...
DAY_ADJECTIVE_WORD = "day_adjective_word"  # "heutigen", "gestrigen", ...
PREVIOUS = "previous"  # "Vorjahr", "Vormonats", ...
PART_WORD = "part_word"  # "Anfang", "Mitte", "Ende", ...
PART_COMPOUND = "part_compound"  # "Jahres" of "Jahresende"
SEASON_WORD = "season_word"  # "Herbst", "Frühjahrs", ...
QUARTER_CODE = "quarter_code"  # "Q" of "Q3 2023"
COUNT_ADJECTIVE = "count_adjective"  # "zweitägig", "dreiwöchig" ("3-tägig": DAY_NUMBER)
VAGUE_WORD = "vague_word"  # one-word vague expressions ("derzeit", "bald")


class UnusableVocabulary(ValueError):
    """The vocabulary has an anchor word the scan cannot handle (then the tagger tries every
    position, as without the scan)."""


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
        # as grammar.py's _stems: "vierten" -> "viert"
        ORDINAL: words(form[:-2] for _, forms in v.ordinals for form in forms),
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
                    raise UnusableVocabulary(f"unusable anchor word {form!r}")
                entries.setdefault(word, set()).add(name)
                whole[word] = whole.get(word, True) and whole_word
        for word, whole_word in whole.items():
            if not whole_word and not _is_word_char(word[-1]):
                # the scan would take the non-word character a following hit starts after
                raise UnusableVocabulary(f"anchor word {word!r} must be a whole word")
        # The scan returns the longest anchor word at a position; every shorter one there is a
        # prefix of it, so a hit has the classes of all anchor words that are its prefixes.
        self._classes: dict[str, frozenset[str]] = {
            word: frozenset(
                name for other, names in entries.items() if word.startswith(other) for name in names
            )
            for word in entries
        }
        # A hit starts a word: at the start of the text, or after a non-word character. The
        # scan matches that character too, which lets the regex engine skip the letters of
        # words quickly (a pattern that starts with a lookbehind is tried at every position).
        hit = rf"\d+|{_trie(whole)}"
        self._scan_start = re.compile(hit)
        self._scan = re.compile(rf"\W({hit})")
        # a run of digits -> its classes (none for other lengths)
        self._number_classes = {
            size: frozenset([name]) for size, name in _NUMBER_CLASSES.items()
        }
        # On the reversed text, from a position: k words back (the match ends where the k-th
        # word before the position starts).
        self._back = {
            k: re.compile(r"(?:\W*+\w++){%d}" % k).match for k in range(1, self.MAX_BEFORE + 1)
        }
        # Each class gets a bit; a text's classes are the OR of its hits' bits.
        names = (*classes, *_NUMBER_CLASSES.values())
        bit = {name: 1 << i for i, name in enumerate(names)}
        # class -> (pattern index, k): the pattern may start at its hits (k = 0) or k words
        # before them.
        routes: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
        conditional = []
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
            if spec.needs:
                # each need: the bits of its classes, one of which must be set
                conditional.append((index, tuple(sum(bit[n] for n in set(need)) for need in spec.needs)))
        # patterns with Starts.needs: (index, masks)
        self._conditional = tuple(conditional)

        def route(names: Iterable[str]) -> _Route:
            names = set(names)
            found = {route for name in names for route in routes[name]}
            at = tuple(sorted(index for index, k in found if not k))
            before = tuple(
                (self._back[k], tuple(sorted(index for index, kk in found if kk == k)))
                for k in sorted({k for _, k in found if k})
            )
            return sum(bit[name] for name in names), at, before

        # route: (bits of the classes of a hit, indices of patterns that start at the hit,
        # ((k words back, indices of patterns that start there), ...)); hits with the same
        # classes share one route, numbered.
        self._route_table: list[_Route] = []
        numbers: dict[frozenset[str], int] = {}

        def number(names: frozenset[str]) -> int:
            if names not in numbers:
                numbers[names] = len(self._route_table)
                self._route_table.append(route(names))
            return numbers[names]

        self._routes = {word: number(names) for word, names in self._classes.items()}
        self._number_routes = {
            size: number(names) for size, names in self._number_classes.items()
        }
        alphabet = "".join(sorted({ch for word in entries for ch in word}))
        odd = _odd_characters(alphabet)
        self._odd = re.compile(f"[{re.escape(odd)}]") if odd else None
        self._odd_are_not_ascii = not any(ch.isascii() for ch in odd)

    def candidates(self, text: str) -> list[tuple[int, list[int]]] | None:
        """(pattern index, sorted candidate starts) for each pattern that may match, in order.

        None when the scan cannot be trusted for this text (see the module docstring): then
        every position has to be tried.
        """
        lowered = text.lower()
        if len(lowered) != len(text) or (
            self._odd is not None
            and not (self._odd_are_not_ascii and text.isascii())
            and self._odd.search(text)
        ):
            return None
        found: dict[str, list[int]] = {}
        first = self._scan_start.match(lowered)
        if first is not None:
            found[first.group()] = [0]
        # (A hit ends at a word character or at the "." of "Jan.", which no word character
        # follows: it never takes the non-word character before the next hit.)
        for hit in self._scan.finditer(lowered):
            key = hit.group(1)
            positions = found.get(key)
            if positions is None:
                found[key] = [hit.start(1)]
            else:
                positions.append(hit.start(1))
        if not found:
            return []
        # The hits of each route, in order (hits of different words never share a position).
        by_route: dict[int, list[int]] = {}
        unsorted = []
        routes, number_routes = self._routes, self._number_routes
        for key, positions in found.items():
            number = routes.get(key)
            if number is None:
                number = number_routes.get(len(key))
                if number is None:  # a number no pattern starts with
                    continue
            if number in by_route:
                by_route[number] = by_route[number] + positions
                unsorted.append(number)
            else:
                by_route[number] = positions
        for number in unsorted:
            by_route[number].sort()
        # pattern index -> candidate starts. Each source (the hits of one route, or the words
        # k before them) is sorted and free of repeats; lists from several sources are merged.
        wanted: dict[int, list[int]] = {}
        merged = []
        present = 0
        reversed_text = ""
        size = len(text)
        table = self._route_table
        for number, positions in by_route.items():
            bits, at, before = table[number]
            present |= bits
            for index in at:
                if index in wanted:
                    wanted[index] = wanted[index] + positions
                    merged.append(index)
                else:
                    wanted[index] = positions
            for back, indices in before:
                if not reversed_text:
                    reversed_text = text[::-1]
                # (only the first hits can have fewer than k words before them)
                previous = [
                    size - words.end()
                    for words in [back(reversed_text, size - p) for p in positions]
                    if words is not None
                ]
                if not previous:
                    continue
                for index in indices:
                    if index in wanted:
                        wanted[index] = wanted[index] + previous
                        merged.append(index)
                    else:
                        wanted[index] = previous
        for index, masks in self._conditional:
            if index in wanted:
                for mask in masks:
                    if not present & mask:
                        del wanted[index]
                        break
        for index in merged:
            if index in wanted:
                wanted[index] = sorted(set(wanted[index]))
        return sorted(wanted.items())


_Route = tuple[int, tuple[int, ...], tuple[tuple[Callable[..., "re.Match[str] | None"], tuple[int, ...]], ...]]


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


@functools.lru_cache(maxsize=1)
def cased_characters() -> str:
    """Every character of Unicode planes 0 and 1, which hold all characters with case mappings."""
    codes = array.array("I", range(0x20000))
    if codes.itemsize != 4:
        return "".join(map(chr, codes))
    encoding = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
    return codes.tobytes().decode(encoding, "surrogatepass")


@functools.lru_cache(maxsize=8)
def _odd_characters(alphabet: str) -> str:
    """Characters for which scanning ``text.lower()`` could miss a match of the grammar.

    alphabet (str): the characters of the lowered anchor words.
    A character is odd when lowering it changes the length of the text ("İ"), whether it is a
    word character or a decimal digit (the scan tests both), or when sre's case-insensitive
    matching takes it for a letter of the alphabet that ``lower`` does not turn it into
    ("ſ" for "s", "ı" for "i"; the Kelvin sign is fine: it lowers to "k").
    """
    chars = cased_characters()
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
