"""find_doc_date: datelines, header lines, page chrome, and when to give up (None)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from entityx.temporal import find_doc_date

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "belta_2023-05-10.txt"
BODY = (
    "Der Minister traf am Vormittag seinen Amtskollegen zu Gesprächen über Handel, Energie und "
    "die Lage in der Region, wie ein Sprecher nach dem Treffen mitteilte."
)

# (article head, expected date or None); every text is invented.
CASES = [
    # 1-5: a dateline with a full date wins
    (f"BERLIN, 12.03.2024 (dpa) - {BODY}", date(2024, 3, 12)),
    (f"Wien, 3. März 2024 (APA) - {BODY}", date(2024, 3, 3)),
    (f"KIEW, 24. Februar 2023 /Ukrinform/ - {BODY}", date(2023, 2, 24)),
    (f"Frankfurt am Main, 15.06.2023 (Reuters) - {BODY}", date(2023, 6, 15)),
    (f"Minsk, den 12. April 2023 (BelTA) - {BODY}", date(2023, 4, 12)),
    # 6-7: ... also over a differing header date, and without an agency
    (f"Stand: 20.03.2024\n\nBERLIN, 19.03.2024 (dpa) - {BODY}", date(2024, 3, 19)),
    (f"Berlin, 12. März 2024 - {BODY}", date(2024, 3, 12)),
    # 8-14: a dateline without a year takes it from the header
    (f"Politik\n10 Mai 2023, 15:27\n\nTitel\n\nMOSKAU, 10. Mai (BelTA) - {BODY}", date(2023, 5, 10)),
    (f"Flag Montag, 25 September 2023\nMinsk +11°C\nMOSKAU, 10. Mai (BelTA) - {BODY}",
     date(2023, 5, 10)),
    (f"Flag Montag, 8 Januar 2024\nWien, 28. Dezember (APA) - {BODY}", date(2023, 12, 28)),
    (f"Flag Dienstag, 2 Januar 2024 Minsk\nMinsk, 31. Dezember (BelTA) - {BODY}",
     date(2023, 12, 31)),
    (f"Flag Freitag, 1 März 2024\nMOSKAU, 29. Februar (BelTA) - {BODY}", date(2024, 2, 29)),
    (f"5 Juli 2023, 10:00\nMinsk, 5. Juli (BelTA) – {BODY}", date(2023, 7, 5)),
    (f"Donnerstag, 1 Februar 2024\nWASHINGTON, 30. Januar (Reuters) — {BODY}", date(2024, 1, 30)),
    (f"Veröffentlicht am 11. Mai 2023\nMOSKAU, 10. Mai (BelTA) - {BODY}", date(2023, 5, 10)),
    # 16-17: no year anywhere: no guess
    (f"Wien, 28. Dezember (APA) - {BODY}", None),
    (f"Politik\nTitel\nMOSKAU, 10. Mai (BelTA) - {BODY}", None),
    # 18-27: header lines without a dated dateline, by kind
    (f"Politik\nStand: 12.03.2024\n\nBERLIN (dpa) - {BODY}", date(2024, 3, 12)),
    (f"Veröffentlicht am 3. März 2024, 14:05 Uhr\nAktualisiert am 5. März 2024, 09:12 Uhr\n\n{BODY}",
     date(2024, 3, 3)),
    (f"Aktualisiert: 05.03.2024 | Veröffentlicht: 03.03.2024\n{BODY}", date(2024, 3, 3)),
    (f"12.03.2024 | 14:05\nKanzler in Washington\nBERLIN (AFP) - {BODY}", date(2024, 3, 12)),
    (f"Zuletzt aktualisiert: 14.02.2024, 18:30 Uhr\n\nBrüssel - {BODY}", date(2024, 2, 14)),
    (f"Erstellt am 01.10.2022\nTitel der Meldung\n{BODY}", date(2022, 10, 1)),
    (f"Datum: 2023-11-05\nTitel\n{BODY}", date(2023, 11, 5)),
    (f"12. März 2024 um 14:05 Uhr\nBerlin - {BODY}", date(2024, 3, 12)),
    (f"Montag, 25. September 2023, 10:42 Uhr\nTitel\n{BODY}", date(2023, 9, 25)),
    (f"Publiziert 7. Juni 2022\nStand: 9. Juni 2022\n{BODY}", date(2022, 6, 7)),
    # 28-30: page chrome loses against an article date line; the nearest date line wins
    (f"Flag Montag, 25 September 2023\nPolitik\n12 April 2023, 09:10\nTitel\n{BODY}",
     date(2023, 4, 12)),
    (f"Dienstag, 19. März 2024\nNachrichten\n12.03.2024 14:05\nKanzler reist\n{BODY}",
     date(2024, 3, 12)),
    (f"Wetter Minsk Samstag, 2 März 2024\n{BODY}", date(2024, 3, 2)),
    # 31-35: nothing usable
    (f"Stand: 31.02.2024\nVeröffentlicht am 01.03.2024\n{BODY}", date(2024, 3, 1)),
    (f"Heute, 14:05\nBERLIN (dpa) - {BODY}", None),
    (f"BERLIN (dpa) - Der Kanzler wird am 15. Mai 2024 nach Paris reisen. {BODY}", None),
    (BODY, None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_doc_date(text: str, expected: date | None) -> None:
    assert find_doc_date(text) == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 30


def test_seed_article() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    assert find_doc_date(SEED.read_text(encoding="utf-8")) == date(2023, 5, 10)


def test_wrong_type() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        find_doc_date(b"BERLIN, 12.03.2024 (dpa) -")  # type: ignore[arg-type]


def test_api_exports_it() -> None:
    import entityx

    assert "find_doc_date" in entityx.__all__
    assert entityx.find_doc_date(f"BERLIN, 12.03.2024 (dpa) - {BODY}") == date(2024, 3, 12)
