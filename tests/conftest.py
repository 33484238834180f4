"""Shared fixtures: one entityx pipeline for the whole session, the seed article when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "belta_2023-05-10.txt"


@pytest.fixture(scope="session")
def nlp():
    import entityx

    return entityx.load(base="blank")


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
