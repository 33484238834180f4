"""Speed and memory of the entityx pipeline against the bare spaCy tokenizer, on the same texts.

    python benchmarks/speed_benchmark.py [--words 100000] [--repeats 5] [--rounds 3] [--json benchmarks/results/speed.json]

Three configurations, each in a fresh process (so peak memory is its own), same texts:
  bare      spacy.blank("de") + sentencizer (the baseline)
  shipped   entityx.load(base="blank") with the shipped gazetteers
  20k       the same plus a synthetic gazetteer of 20,000 extra officials (names built from
            syllables, random offices and tenures) - linking cost must stay nearly flat
Texts: the end-to-end cases, the annotated samples and the seed article (when ../shared is
present), repeated to the requested number of words. Words are whitespace-separated tokens.

Each process passes over the texts ``--repeats`` times and reports the fastest pass (and the
median); ``--rounds`` fresh processes per configuration run interleaved and the fastest counts.
On a shared machine other load only ever slows a pass down, so the fastest pass is the best
estimate of the code's own speed, and ratios of fastest passes are stable where single
timings jump by a third from run to run (the same reasoning as ``timeit``'s best of n).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def corpus(words: int) -> list[str]:
    texts = [c["text"] for c in yaml.safe_load((ROOT / "tests/e2e/cases.yaml").read_text("utf-8"))["cases"]]
    for path in sorted((ROOT / "examples/annotated").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    seed = ROOT.parent / "shared/seed/belta_2023-05-10.txt"
    if seed.exists():
        texts.append(seed.read_text("utf-8"))
    out, count = [], 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
    return out


def synthetic_gazetteer(path: Path, size: int, seed: int = 13) -> None:
    rng = random.Random(seed)
    onsets = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "w", "ch", "sch", "tsch", "sh", "z"]
    vowels = ["a", "e", "i", "o", "u", "ja", "jo", "ai"]
    codas = ["", "n", "r", "l", "s", "k"]

    def word(syllables: int) -> str:
        return "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)).capitalize()

    countries = ["RU", "BY", "KZ", "KG", "DE", "FR", "CN", "US", "AM", "AZ", "UZ", "TJ", "AT", "CH"]
    roles = ["foreign_minister", "defence_minister", "economy_minister", "deputy_foreign_minister"]
    seen, entries = set(), []
    while len(entries) < size:
        first, last = word(2), word(3) + rng.choice(["ow", "ew", "in", "enko", "ski", ""])
        name = f"{first} {last}"
        if name in seen:
            continue
        seen.add(name)
        year = rng.randrange(2000, 2024)
        entries.append({"id": f"synthetic-{len(entries)}", "name": name, "country": rng.choice(countries),
                        "surnames": [last], "aliases": [f"{first[0]}. {last}"],
                        "roles": [{"role": rng.choice(roles), "country": rng.choice(countries),
                                   "from": f"{year}-01-01", "to": f"{year + 2}-01-01"}],
                        "source": "synthetic benchmark entry"})
    path.write_text(yaml.safe_dump({"officials": entries}, allow_unicode=True), encoding="utf-8")


WORKER = r'''
import json, resource, sys, time
import spacy


def peak_mb():
    # VmHWM is this process's own high-water mark (ru_maxrss would include the forked parent)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
config, texts_path, repeats, extra = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
texts = json.load(open(texts_path, encoding="utf-8"))
t0 = time.perf_counter()
if config == "bare":
    nlp = spacy.blank("de"); nlp.add_pipe("sentencizer")
else:
    import entityx
    nlp = entityx.load(gazetteers=extra, base="blank")
load_seconds = time.perf_counter() - t0
words = sum(len(t.split()) for t in texts)
list(nlp.pipe(texts[:20]))  # warm-up
passes = []
for _ in range(repeats):
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=32):
        pass
    passes.append(time.perf_counter() - start)
seconds = min(passes)
median = sorted(passes)[len(passes) // 2]
print(json.dumps({"config": config, "words": words, "seconds": seconds, "words_per_second": words / seconds,
                  "median_words_per_second": words / median, "passes": len(passes),
                  "load_seconds": load_seconds,
                  "peak_rss_mb": peak_mb()}))
'''


def run(config: str, texts_path: Path, repeats: int, extra: list[str]) -> dict:
    result = subprocess.run([sys.executable, "-c", WORKER, config, str(texts_path), str(repeats), *extra],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5, help="passes per configuration; the fastest counts")
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per configuration, interleaved")
    parser.add_argument("--json", default=str(ROOT / "benchmarks/results/speed.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts_path = Path(tmp) / "texts.json"
        texts_path.write_text(json.dumps(corpus(args.words), ensure_ascii=False), encoding="utf-8")
        big = Path(tmp) / "synthetic_20k.yaml"
        synthetic_gazetteer(big, 20_000)
        configs = {"bare": [], "shipped": [], "20k": [str(big)]}
        best: dict[str, dict] = {}
        for _ in range(args.rounds):
            # rounds interleave the configurations, so a slow spell of the machine hits all of them
            for config, extra in configs.items():
                row = run(config, texts_path, args.repeats, extra)
                if config not in best or row["words_per_second"] > best[config]["words_per_second"]:
                    best[config] = row
        rows = [best[config] for config in configs]
    bare, shipped = rows[0]["words_per_second"], rows[1]["words_per_second"]
    print(f"{rows[0]['words']} words, Python {sys.version.split()[0]}, "
          f"fastest of {args.rounds} rounds x {args.repeats} passes\n")
    print("| configuration | words/s | × bare tokenizer | × shipped gazetteer | median words/s | load s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        wps = row["words_per_second"]
        print(f"| {row['config']} | {wps:,.0f} | {wps / bare:.2f} | {wps / shipped:.2f} | "
              f"{row['median_words_per_second']:,.0f} | {row['load_seconds']:.1f} | {row['peak_rss_mb']:.0f} |")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"rows": rows}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
