"""Seconds per pipeline component on the speed benchmark's texts: where the time goes.

    python benchmarks/component_times.py [--words 100000] [--passes 5]

The texts are those of ``speed_benchmark.py``. Each pass tokenizes all texts, then runs each
component over all Docs in turn; a component's figure is its fastest pass (other load on the
machine only slows a pass down). The bare ``spacy.blank("de")`` + sentencizer is timed in the same
passes, so the ratio printed at the end compares like with like. The sum of components is a
little below a real ``nlp.pipe`` run, which also pays for batching.
"""

from __future__ import annotations

import argparse
import gc
import time

import spacy

import entityx
from speed_benchmark import corpus


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    texts = corpus(args.words)
    nlp = entityx.load(base="blank")
    bare = spacy.blank("de")
    bare.add_pipe("sentencizer")
    list(nlp.pipe(texts[:30]))
    list(bare.pipe(texts[:30]))
    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, float("inf")), seconds)

    for _ in range(args.passes):
        start = time.perf_counter()
        list(bare.pipe(texts))
        keep("bare tokenizer + sentencizer", time.perf_counter() - start)
        start = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts]
        keep("tokenizer", time.perf_counter() - start)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            docs = [component(doc) for doc in docs]
            keep(name, time.perf_counter() - start)
        del docs
        gc.collect()
    words = sum(len(text.split()) for text in texts)
    print(f"{words} words, fastest of {args.passes} passes\n")
    print("| step | seconds |\n|---|---|")
    for name, seconds in best.items():
        print(f"| {name} | {seconds:.3f} |")
    ours = sum(seconds for name, seconds in best.items() if name != "bare tokenizer + sentencizer")
    print(f"| entityx in all | {ours:.3f} |")
    print(f"\nbare / entityx: {best['bare tokenizer + sentencizer'] / ours:.2f}")


if __name__ == "__main__":
    main()
