"""Shared fixtures for the temporal tagger tests."""

from __future__ import annotations

import pytest

from entityx.temporal import DateTagger


@pytest.fixture(scope="session")
def tagger() -> DateTagger:
    """One tagger for the whole session: building it compiles the grammar."""
    return DateTagger()
