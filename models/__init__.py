"""Saved spaCy pipelines (data only); installed as entityx.models."""
