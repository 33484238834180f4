"""Exception types, one per kind of failure, raised at the boundary with an actionable message."""

from __future__ import annotations


class EntityxError(Exception):
    """Base class for every error entityx raises on purpose."""


class GazetteerError(EntityxError, ValueError):
    """A gazetteer file is missing, unreadable or has a malformed entry.

    The message always names the file and, where there is one, the entry (its id or position),
    so that the person maintaining the YAML can fix it without reading our code.
    """

    def __init__(self, path: str, message: str, *, entry: str | None = None, line: int | None = None):
        self.path = str(path)
        self.entry = entry
        self.line = line
        where = self.path + (f":{line}" if line is not None else "")
        what = f" entry {entry!r}" if entry is not None else ""
        super().__init__(f"{where}:{what} {message}".replace(": ", ": ", 1))


class ModelError(EntityxError, RuntimeError):
    """The packaged pipeline (models/) is missing or cannot be loaded."""
