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

Each pattern says in grammar.py which anchors it starts at (``Starts``), and which anchors it
cannot do without (a day number needs a month name, a range two day numbers); a pattern is
not tried at all in a text that lacks them. The result is exactly that of ``finditer`` over
the whole text, provided that every position where the pattern can match is a candidate:
trying the candidates in order and continuing after each match is what ``finditer`` does, it
just tries every position. That holds because every pattern starts with a lookbehind that
forbids a word character before its first character, and its first character is a word
character, so a match starts where a word (a run of ``\\w``) starts, and the anchor classes
below cover each pattern's first word (or the word k words later).

The scan runs on ``text.lower()`` with plain, case-sensitive literals, which is much faster
than a case-insensitive scan. Lowering can change what the patterns see only for a handful of
characters (see ``_odd_characters``: "İ" lowers to two characters, sre's case-insensitive
matching pairs "ſ" with "s" but ``lower`` does not, ...). A text containing one of them is
tagged by running every pattern over the whole text, so the output never depends on the scan.
"""

from __future__ import annotations

import array
import functools
import itertools
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat

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
    twice (tuple[str, ...]): classes the pattern needs two hits of (a range has two days).
    """

    at: tuple[str, ...] = ()
    before: tuple[tuple[str, int], ...] = ()
    needs: tuple[tuple[str, ...], ...] = ()
    twice: tuple[str, ...] = ()


def anchor_words(vocabulary: Vocabulary) -> dict[str, list[tuple[str, bool]]]:
    """Anchor class -> (word, whole) from the vocabulary; ``whole``: the word must end there.

    Raises UnusableVocabulary where a word the grammar.py patterns count words over (a
    deictic word before a unit, a number or an ordinal before one) is not a single word, or a
    vague phrase does not start with one.
    """
    v = vocabulary
    counted = [
        *(stem for stems in v.deixis.values() for stem in stems),
        *(f for forms in v.number_words.values() for f in forms),
        *(form[:-2] for _, forms in v.ordinals for form in forms),
    ]
    for form in counted:
        if _runs(form) != [form]:
            raise UnusableVocabulary(f"{form!r} is not a single word")
    for forms in v.vague.values():
        for form in forms:
            if not form or not _is_word_char(form[0]):
                raise UnusableVocabulary(f"{form!r} does not start with a word")

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

    # At most this many words back (Starts.before).
    MAX_BEFORE = 3

    def __init__(self, vocabulary: Vocabulary, starts: Sequence[Starts]) -> None:
        self.starts = tuple(starts)
        classes = anchor_words(vocabulary)
        entries: dict[str, dict[str, bool]] = {}  # lowered word -> its classes -> whole?
        whole: dict[str, bool] = {}  # lowered word -> must the word end there?
        for name, forms in classes.items():
            for form, whole_word in forms:
                word = form.lower()
                if (
                    not word
                    or not _is_word_char(word[0])
                    or len(word) != len(form)
                    or any(ch.isspace() for ch in word)  # the grammar reads a space as \s+
                ):
                    raise UnusableVocabulary(f"unusable anchor word {form!r}")
                names = entries.setdefault(word, {})
                names[name] = names.get(name, True) and whole_word
                whole[word] = whole.get(word, True) and whole_word
        for word, whole_word in whole.items():
            if not whole_word and not _is_word_char(word[-1]):
                # the scan would take the non-word character a following hit starts after
                raise UnusableVocabulary(f"anchor word {word!r} must be a whole word")
        # The scan returns the longest anchor word at a position; every shorter one there is a
        # prefix of it, so a hit has the classes of all anchor words that are its prefixes
        # (of a whole word only if a non-word character follows it in the hit: "mo." has
        # those of "mo", "monat" not).
        self._classes: dict[str, frozenset[str]] = {
            word: frozenset(
                name
                for other, names in entries.items()
                if word.startswith(other)
                for name, whole_word in names.items()
                if not whole_word or other == word or not _is_word_char(word[len(other)])
            )
            for word in entries
        }
        # A hit starts a word: after a non-word character (the scan puts a space in front of
        # the text). The scan matches that character too, which lets the regex engine skip
        # the letters of words quickly (a pattern that starts with a lookbehind is tried at
        # every position). At each non-word character the engine tries one flat alternation
        # whose branches all start with a character test it can skip by (``\d\d*``, not
        # ``\d+``; the trie's first letters, not a group around them): about a tenth faster.
        self._scan = re.compile(rf"\W(\d\d*|{'|'.join(_trie_branches(whole))})")
        # a run of digits -> its classes (none for other lengths)
        self._number_classes = {
            size: frozenset([name]) for size, name in _NUMBER_CLASSES.items()
        }
        # On the reversed text, from a position: k words back (the match ends where the k-th
        # word before the position starts).
        self._back = {
            k: re.compile(rf"(?:\W*+\w++){{{k}}}").match for k in range(1, self.MAX_BEFORE + 1)
        }
        # Each class gets a bit; a text's classes are the OR of its hits' bits.
        class_names = (*classes, *_NUMBER_CLASSES.values())
        bit = {name: 1 << i for i, name in enumerate(class_names)}
        # class -> (pattern index, k): the pattern may start at its hits (k = 0) or k words
        # before them.
        routes: dict[str, list[tuple[int, int]]] = {name: [] for name in class_names}
        for index, spec in enumerate(self.starts):
            for name in (
                *spec.at,
                *(c for c, _ in spec.before),
                *(c for n in spec.needs for c in n),
                *spec.twice,
            ):
                if name not in routes:
                    raise ValueError(f"unknown anchor class {name!r}")
            if any(not 1 <= k <= self.MAX_BEFORE for _, k in spec.before):
                raise ValueError(f"cannot look back that far: {spec.before}")
            for name in spec.at:
                routes[name].append((index, 0))
            for name, k in spec.before:
                routes[name].append((index, k))

        def route(names: Iterable[str]) -> _Route:
            names = set(names)
            pairs = {pair for name in names for pair in routes[name]}
            at = tuple(sorted(index for index, k in pairs if not k))
            before = tuple(
                (k, tuple(sorted(index for index, kk in pairs if kk == k)))
                for k in sorted({k for _, k in pairs if k})
            )
            return sum(bit[name] for name in names), at, before

        # route: (bits of the classes of a hit, indices of patterns that start at the hit,
        # ((k words back, indices of patterns that start there), ...)); hits with the same
        # classes share one route, numbered.
        self._route_table: list[_Route] = []
        numbered: dict[frozenset[str], int] = {}

        def number(names: frozenset[str]) -> int:
            if names not in numbered:
                numbered[names] = len(self._route_table)
                self._route_table.append(route(names))
            return numbered[names]

        self._routes = {word: number(names) for word, names in self._classes.items()}
        self._number_routes = {
            size: number(names) for size, names in self._number_classes.items()
        }
        # patterns with Starts.needs or Starts.twice -> (for each need the bits of its
        # classes (one must be set), for each class needed twice the routes of its hits)
        self._conditional = {
            index: (
                tuple(sum(bit[n] for n in set(need)) for need in spec.needs),
                tuple(
                    tuple(r for r, (bits, _, _) in enumerate(self._route_table) if bits & bit[name])
                    for name in spec.twice
                ),
            )
            for index, spec in enumerate(self.starts)
            if spec.needs or spec.twice
        }
        # the plans for texts with hits of one or two routes, most texts (_route does the
        # others)
        everything = range(len(self._route_table))
        self._plans: dict[frozenset[int], _Plan] = {
            frozenset(some): self._plan(frozenset(some))
            for some in [*((r,) for r in everything), *itertools.combinations(everything, 2)]
        }
        alphabet = "".join(sorted({ch for word in entries for ch in word}))
        odd = _odd_characters(alphabet)
        self._odd = re.compile(f"[{re.escape(odd)}]") if odd else None
        self._odd_chars = tuple(odd) if len(odd) <= 8 else None

    def candidates(
        self, text: str, lowered: str | None = None
    ) -> list[tuple[int, list[int]]] | None:
        """(pattern index, sorted candidate starts) for each pattern that may match, in order.

        A start may be listed twice (the hit of one word, the word before the hit of another);
        trying it again after a match ending beyond it is skipped, after a failure it fails.

        None when the scan cannot be trusted for this text (see the module docstring): then
        every position has to be tried. lowered (str | None): ``text.lower()`` if the caller
        has it already.
        """
        by_route = self._hits(text, lowered)
        if by_route is None:
            return None
        if not by_route:
            return []
        if len(by_route) > 2:
            return self._route(text, by_route)
        return self._follow(self._plans[frozenset(by_route)], text, by_route)

    def _hits(self, text: str, lowered: str | None = None) -> dict[int, list[int]] | None:
        """Route number -> the positions of its hits, in order; None: do not trust the scan."""
        if lowered is None:
            lowered = text.lower()
        if len(lowered) != len(text):
            return None
        if self._odd_chars is not None:
            for ch in self._odd_chars:  # (a few "in" tests are much faster than a search)
                if ch in text:
                    return None
        elif self._odd is not None and self._odd.search(text):
            return None
        by_route: dict[int, list[int]] = {}
        routes, number_routes = self._routes, self._number_routes
        # A space in front lets a hit at the start of the text be found like the others; the
        # positions in the spaced text are one more than in the text. (A hit ends at a word
        # character or at the "." of "Jan.", which no word character follows: it never takes
        # the non-word character before the next hit.)
        for hit in self._scan.finditer(" " + lowered):
            key = hit.group(1)
            number = routes.get(key)
            if number is None:
                number = number_routes.get(len(key))
                if number is None:  # a number no pattern starts with
                    continue
            positions = by_route.get(number)
            if positions is None:
                by_route[number] = [hit.start()]
            else:
                positions.append(hit.start())
        return by_route

    def _follow(
        self, plan: _Plan, text: str, by_route: dict[int, list[int]]
    ) -> list[tuple[int, list[int]]]:
        """``candidates`` by the plan (``_plan``) for the routes of the text's hits."""
        result = []
        reversed_text = ""
        size = len(text)
        back = self._back
        previous: dict[tuple[int, int], list[int]] = {}
        for index, sources, twice in plan:
            for numbers in twice:
                hits = 0
                for number in numbers:
                    hits += len(by_route[number])
                if hits < 2:
                    break
            else:
                lists = []
                for number, k in sources:
                    if not k:
                        lists.append(by_route[number])
                        continue
                    positions = previous.get((number, k))
                    if positions is None:
                        if not reversed_text:
                            reversed_text = text[::-1]
                        match = back[k]
                        # (only the first hits can have fewer than k words before them)
                        positions = previous[number, k] = [
                            size - words.end()
                            for words in [match(reversed_text, size - p) for p in by_route[number]]
                            if words is not None
                        ]
                    if positions:
                        lists.append(positions)
                if len(lists) == 1:
                    result.append((index, lists[0]))
                elif lists:  # (a position in two lists is tried twice: no harm)
                    result.append((index, sorted(itertools.chain(*lists))))
        return result

    def _route(self, text: str, by_route: dict[int, list[int]]) -> list[tuple[int, list[int]]]:
        """``candidates`` straight from the hits of each route, for texts with hits of many
        routes, where making a plan would cost more than it saves (same result)."""
        # pattern index -> candidate starts. Each source (the hits of one route, or the words
        # k before them) is sorted and free of repeats; lists from several sources are merged.
        wanted: dict[int, list[int]] = {}
        merged = []
        present = 0
        reversed_text = ""
        size = len(text)
        table, back = self._route_table, self._back
        for number, positions in by_route.items():
            bits, at, before = table[number]
            present |= bits
            if wanted.keys().isdisjoint(at):
                wanted.update(zip(at, repeat(positions)))
            else:
                for index in at:
                    if index in wanted:
                        wanted[index] = wanted[index] + positions
                        merged.append(index)
                    else:
                        wanted[index] = positions
            for k, indices in before:
                if not reversed_text:
                    reversed_text = text[::-1]
                match = back[k]
                # (only the first hits can have fewer than k words before them)
                previous = [
                    size - words.end()
                    for words in [match(reversed_text, size - p) for p in positions]
                    if words is not None
                ]
                if not previous:
                    continue
                if wanted.keys().isdisjoint(indices):
                    wanted.update(zip(indices, repeat(previous)))
                    continue
                for index in indices:
                    if index in wanted:
                        wanted[index] = wanted[index] + previous
                        merged.append(index)
                    else:
                        wanted[index] = previous
        conditional = self._conditional
        for index in conditional.keys() & wanted.keys():
            masks, twice = conditional[index]
            for mask in masks:
                if not present & mask:
                    del wanted[index]
                    break
            else:
                for numbers in twice:
                    hits = 0
                    for number in numbers:
                        if number in by_route:
                            hits += len(by_route[number])
                    if hits < 2:
                        del wanted[index]
                        break
        for index in merged:
            if index in wanted:
                wanted[index] = sorted(wanted[index])
        return sorted(wanted.items())

    def _plan(self, numbers: frozenset[int]) -> _Plan:
        """What to try in a text with hits of these routes: for each pattern that may match
        (its needs are met), in order: (pattern index, its sources, for each class it needs
        twice the routes of that class's hits). A source is (route, k): the hits of the route
        (k = 0) or the starts of the words k before them; each is sorted and free of repeats,
        several are merged."""
        present = 0
        sources: dict[int, list[tuple[int, int]]] = {}
        for number in sorted(numbers):
            bits, at, before = self._route_table[number]
            present |= bits
            for index in at:
                sources.setdefault(index, []).append((number, 0))
            for k, indices in before:
                for index in indices:
                    sources.setdefault(index, []).append((number, k))
        plan = []
        for index in sorted(sources):
            masks, twice = self._conditional.get(index, ((), ()))
            if any(not present & mask for mask in masks):
                continue
            routes = tuple(tuple(r for r in numbers_ if r in numbers) for numbers_ in twice)
            if not all(routes):  # no hit at all of a class needed twice
                continue
            plan.append((index, tuple(sources[index]), routes))
        return tuple(plan)


_Route = tuple[int, tuple[int, ...], tuple[tuple[int, tuple[int, ...]], ...]]
_Plan = tuple[tuple[int, tuple[tuple[int, int], ...], tuple[tuple[int, ...], ...]], ...]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _trie_branches(words: dict[str, bool]) -> list[str]:
    """All words as a trie of regular expressions, sharing prefixes, longer words tried
    first: the alternatives of its root, one per first character (to be joined with "|"; the
    words are not empty, so no alternative ends at the root).

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

    return [re.escape(ch) + emit(child) for ch, child in sorted(root.items())]


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
