"""Gazetteer YAML files (data only); installed as entityx.gazetteers."""
