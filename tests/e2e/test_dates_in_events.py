"""Visit dates from relative expressions, durations and the article's own date."""

from __future__ import annotations

import pytest

import entityx


@pytest.mark.parametrize("text, doc_date, start, end, status", [
    ("Lukaschenko reist am Montag zu einem zweitägigen Arbeitsbesuch nach Moskau.", "2020-09-10",
     "2020-09-14", "2020-09-15", "planned"),
    ("Lawrow reiste am Montag zu Gesprächen nach Minsk.", "2023-05-10", "2023-05-08", "2023-05-08", "completed"),
    ("Der Kremlchef wird ab dem 15. Mai zu einem Staatsbesuch in China erwartet.", "2024-05-02",
     "2024-05-15", None, "planned"),
    ("Scholz hält sich bis zum 17. Mai zu einem dreitägigen Besuch in Peking auf.", "2024-05-14",
     "2024-05-15", "2024-05-17", "planned"),
    ("Tokajew ist gestern zu einem Arbeitsbesuch in Berlin eingetroffen.", "2023-09-28",
     "2023-09-27", "2023-09-27", "ongoing"),  # a single day gives start = end; arrived: ongoing
])
def test_relative_dates_and_durations(nlp, text, doc_date, start, end, status):
    (event,) = entityx.extract_events(text, doc_date=doc_date, nlp=nlp)
    assert (event.start, event.end, event.status) == (start, end, status)


def test_document_date_is_found_in_the_text_when_not_given(nlp):
    text = ("Politik\n10 Mai 2023, 15:27\n\nMINSK, 10. Mai (BelTA) - Der russische Außenminister Sergej "
            "Lawrow wird am Montag zu einem Arbeitsbesuch in Minsk erwartet.")
    assert entityx.find_doc_date(text).isoformat() == "2023-05-10"
    (event,) = entityx.extract_events(text, nlp=nlp)
    assert (event.start, event.visitor.id) == ("2023-05-15", "sergej-lawrow")
