"""How an entityx pipeline is put together, built from gazetteers and saved to ``models/``.

``python -m entityx.pipeline`` (or ``entityx build``) rebuilds ``models/de_entityx`` from
``gazetteers/``; the model's meta records a hash of every gazetteer file so a test can tell when
the committed model is out of date.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language

from . import __version__
from . import components  # noqa: F401 - registers the factories
from .gazetteer import GazetteerData, load_gazetteers, shipped_gazetteer_files
from .tokenizer import split_hyphenated_compounds

log = logging.getLogger("entityx")

MODEL_NAME = "de_entityx"
# Taggers first (officials read the places' country adjectives), then the entity filter, then events.
ENTITYX_PIPES = ("entityx_places", "entityx_organizations", "entityx_dates", "entityx_officials",
                 "entityx_entity_filter", "entityx_events")
DATA_PIPES = ("entityx_places", "entityx_organizations", "entityx_officials", "entityx_events")


def create_blank_pipeline() -> Language:
    """``spacy.blank("de")`` + hyphen-splitting tokenizer + our sentence splitter + all components."""
    nlp = spacy.blank("de")
    split_hyphenated_compounds(nlp)
    nlp.add_pipe("entityx_sentences")
    for name in ENTITYX_PIPES:
        nlp.add_pipe(name)
    return nlp


def initialize_pipeline(nlp: Language, data: GazetteerData) -> None:
    for name in DATA_PIPES:
        nlp.get_pipe(name).set_data(data)


def gazetteer_fingerprint(paths: Iterable[Path]) -> dict[str, str]:
    """sha256 of each gazetteer file, by file name: what the saved model was built from."""
    return {Path(p).name: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in sorted(paths)}


def build_model(out_dir: str | Path, gazetteer_paths: Iterable[str | Path] | None = None) -> Path:
    """Build the packaged pipeline from gazetteer files and save it (config + component data)."""
    paths = [Path(p) for p in (gazetteer_paths or shipped_gazetteer_files())]
    nlp = create_blank_pipeline()
    initialize_pipeline(nlp, load_gazetteers(paths))
    nlp.meta.update({
        "name": "entityx",
        "version": __version__,
        "description": "entityx: officials, organizations, places, dates and official-visit events in German news",
        "author": "entityx developers",
        "license": "MIT",
        "requirements": [f"entityx>={__version__}"],
        "entityx": {"gazetteers": gazetteer_fingerprint(paths)},
    })
    out_dir = Path(out_dir)
    nlp.to_disk(out_dir)
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild models/de_entityx from gazetteers/.")
    parser.add_argument("--out", default=f"models/{MODEL_NAME}")
    parser.add_argument("--gazetteers", default="gazetteers", help="folder with the *.yaml files")
    args = parser.parse_args(argv)
    paths = sorted(Path(args.gazetteers).glob("*.yaml"))
    out = build_model(args.out, paths)
    print(f"built {out} from {len(paths)} gazetteer files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
