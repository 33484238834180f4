"""The record the tagger returns, and the names of its flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

# Granularities. A range keeps the TIMEX3 value of its first day in ``value`` and the interval
# in start_date/end_date, so code that only wants "when does it start" reads one field.
DAY = "day"
MONTH = "month"
DAY_RANGE = "day_range"
YEAR_RANGE = "year_range"

# Flags: something a consumer should know before trusting the dates. An expression whose
# dates could not be made into a well-formed interval has start_date = end_date = None.
INVALID_DATE = "invalid_date"  # "31. Februar": no such calendar day
REVERSED_RANGE = "reversed_range"  # "vom 17. bis 15. Mai": the end is before the start
IMPLAUSIBLE_YEAR = "implausible_year"  # a year outside 1900..2100; the dates are still set
WEEKDAY_MISMATCH = "weekday_mismatch"  # "Dienstag, 25. September 2023" (a Monday)
CONJUNCTION = "conjunction"  # "am 15. und 17. Mai": two listed days read as one range


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """One date or range found in a text.

    start (int): character offset of the first character (the day number or the weekday;
        a preceding preposition such as "am" or "vom" is never included).
    end (int): character offset just after the last character.
    text (str): ``text[start:end]`` of the input.
    value (str): TIMEX3-style value of the (first) day, month or year: "2023-05-15",
        "2023-05", "2022"; "XXXX-05-15" when the year is unknown.
    start_date (date | None): first day covered; None when the year is unknown or the
        expression is invalid (see flags).
    end_date (date | None): last day covered (inclusive); None exactly when start_date is.
    granularity (str): "day", "month", "day_range" or "year_range".
    flags (tuple[str, ...]): anomalies and readings, e.g. "invalid_date", "reversed_range".
    """

    start: int
    end: int
    text: str
    value: str
    start_date: date | None
    end_date: date | None
    granularity: str
    flags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict (dates as ISO strings, flags as a list)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "granularity": self.granularity,
            "flags": list(self.flags),
        }
