"""The installed package carries its data, the committed model matches the gazetteers."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import subprocess
import sys
import zipfile

import pytest
import spacy

from entityx.api import shipped_model_path
from entityx.gazetteer import shipped_gazetteer_files
from entityx.pipeline import ENTITYX_PIPES, gazetteer_fingerprint


def test_committed_model_is_built_from_the_current_gazetteers():
    meta = spacy.load(shipped_model_path()).meta
    assert meta["entityx"]["gazetteers"] == gazetteer_fingerprint(shipped_gazetteer_files()), (
        "models/de_entityx is out of date: run `python -m entityx.pipeline`")


def test_spacy_load_of_the_model_dir_gives_all_components():
    nlp = spacy.load(shipped_model_path())
    assert set(ENTITYX_PIPES) <= set(nlp.pipe_names)
    doc = nlp("Der Außenminister Sergej Lawrow reist nach Minsk.")
    assert [(e.label_, e.kb_id_) for e in doc.ents][:1] == [("OFFICIAL", "sergej-lawrow")]


def test_factories_are_registered_as_entry_points():
    names = {ep.name for ep in importlib.metadata.entry_points(group="spacy_factories")}
    assert {"entityx_sentences", *ENTITYX_PIPES} <= names


def test_component_settings_live_in_the_config_not_data(repo):
    config = (shipped_model_path() / "config.cfg").read_text(encoding="utf-8")
    assert "fuzzy_threshold" in config and "Lawrow" not in config


@pytest.mark.skipif(importlib.util.find_spec("setuptools") is None, reason="needs setuptools to build a wheel")
def test_wheel_carries_gazetteers_and_model_and_works_outside_the_repo(repo, tmp_path):
    wheel_dir, target = tmp_path / "wheel", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(repo), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheel_dir)], check=True, cwd=tmp_path)
    (wheel,) = wheel_dir.glob("entityx-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "entityx/gazetteers/officials.yaml" in names
    assert "entityx/models/de_entityx/config.cfg" in names
    assert "entityx/temporal/vocabulary.yaml" in names
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, cwd=tmp_path)
    code = ("import entityx, json; "
            "e = entityx.extract_events('Lawrow reist am 3. Juni zu Gesprächen nach Minsk.', doc_date='2023-05-20'); "
            "print(json.dumps([x.to_dict() for x in e]))")
    env = dict(os.environ, PYTHONPATH=str(target))
    result = subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert '"sergej-lawrow"' in result.stdout and str(target) in subprocess.run(
        [sys.executable, "-c", "import entityx; print(entityx.__file__)"], cwd=tmp_path, env=env,
        capture_output=True, text=True).stdout
