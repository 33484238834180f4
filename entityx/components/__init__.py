"""spaCy components of entityx, one module per factory.

Importing this package registers the factories; installed entityx also registers them through the
``spacy_factories`` entry point, so ``spacy.load("models/de_entityx")`` finds them by name.
"""

from . import dates, entity_filter, events, officials, organizations, places, sentences  # noqa: F401
