"""Choose the rapidfuzz thresholds of the officials component on data.

Positives: misspellings generated from the gazetteer's full names (one edit: deletion, doubling,
substitution of a neighbouring letter, transposition, and transliteration swaps w/v, ch/kh, j/y,
sch/sh, ow/ov). Negatives: every pair of consecutive capitalised words and every capitalised word
in the annotated test texts (tests/e2e/cases.yaml) that is not an official's name - ordinary German
nouns and place names, which is what the fuzzy matcher must leave alone.

    python benchmarks/fuzzy_threshold.py

prints, per threshold, recall on misspelt names and false matches on ordinary words, for the
full-name scorer ("Sergej Lawrof") and the surname-after-title scorer ("Außenminister Lawrof").
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from entityx.gazetteer import load_gazetteers, shipped_gazetteer_files

SWAPS = [("w", "v"), ("ch", "kh"), ("j", "y"), ("sch", "sh"), ("ow", "ov"), ("ij", "i"), ("ei", "ej")]


def misspell(word: str, rng: random.Random) -> str:
    for a, b in rng.sample(SWAPS, len(SWAPS)):
        if a in word and rng.random() < 0.5:
            return word.replace(a, b, 1)
    i = rng.randrange(1, len(word))
    kind = rng.choice(["delete", "double", "swap", "neighbour"])
    if kind == "delete":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeiounrst") + word[i + 1:]


def main() -> None:
    rng = random.Random(7)
    data = load_gazetteers(shipped_gazetteer_files())
    full = [(f, o["id"]) for o in data.officials.values() for f in [o["name"], *o["aliases"]] if " " in f]
    surnames = [(s, o["id"]) for o in data.officials.values() for s in o["surnames"]]
    names = {f for f, _ in full} | {s for s, _ in surnames}
    names |= {n + "s" for n in names}  # genitives are the same person, not a false match
    positives_full, positives_sur = [], []
    for form, official_id in full:
        first, last = form.split()[0], form.split()[-1]
        if len(last) >= 5:
            positives_full.append((f"{first} {misspell(last, rng)}", official_id))
    for form, official_id in surnames:
        if len(form) >= 5:
            positives_sur.append((misspell(form, rng), official_id))
    cases = yaml.safe_load(Path("tests/e2e/cases.yaml").read_text(encoding="utf-8"))["cases"]
    words = [w for c in cases for w in re.findall(r"[A-ZÄÖÜ][a-zäöüß]+", c["text"])]
    negatives_sur = sorted({w for w in words if len(w) >= 5 and w not in names and w.rstrip("s") not in names})
    pairs = sorted({f"{a} {b}" for c in cases for a, b in re.findall(r"([A-ZÄÖÜ][a-zäöüß]+) ([A-ZÄÖÜ][a-zäöüß]+)",
                                                                      c["text"])} - names)
    choices_full = [f for f, _ in full]
    choices_sur = [s for s, _ in surnames]

    def evaluate(queries, choices, index, threshold):
        hits = 0
        for query, official_id in queries:
            best = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=threshold)
            hits += bool(best and index[best[2]][1] == official_id)
        return hits / max(1, len(queries))

    def false_matches(queries, choices, threshold):
        return sum(bool(process.extractOne(q, choices, scorer=fuzz.ratio, score_cutoff=threshold)) for q in queries)

    print(f"{len(positives_full)} misspelt full names, {len(pairs)} capitalised word pairs; "
          f"{len(positives_sur)} misspelt surnames, {len(negatives_sur)} capitalised words")
    print("| threshold | full-name recall | false pairs | surname recall | false words |")
    print("|---|---|---|---|---|")
    for threshold in (80, 82, 84, 86, 88, 90, 92, 94):
        print(f"| {threshold} | {evaluate(positives_full, choices_full, full, threshold):.3f} "
              f"| {false_matches(pairs, choices_full, threshold)} "
              f"| {evaluate(positives_sur, choices_sur, surnames, threshold):.3f} "
              f"| {false_matches(negatives_sur, choices_sur, threshold)} |")


if __name__ == "__main__":
    main()
