"""The command line: JSON lines per input, stdin, clear errors."""

from __future__ import annotations

import io
import json

import pytest

from entityx import cli

TEXT = ("Moskau (TASS) - Der belarussische Präsident Alexander Lukaschenko ist am 3. Juni 2024 "
        "zu einem Arbeitsbesuch in Moskau eingetroffen.")


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_writes_one_json_line_per_file(tmp_path, monkeypatch, capsys, nlp):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text("Es regnet in Minsk.", encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, ["extract", str(first), str(second), "--doc-date", "2024-06-03",
                                             "--base", "blank", "--entities"])
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["source"] for line in lines] == [str(first), str(second)]
    (event,) = lines[0]["events"]
    assert event["visitor"]["id"] == "alexander-lukaschenko" and event["status"] == "ongoing"
    assert lines[1]["events"] == [] and lines[1]["entities"][0]["label"] == "LOC"


def test_extract_reads_stdin(monkeypatch, capsys, nlp):
    code, out, _ = run(monkeypatch, capsys, ["extract", "-", "--doc-date", "2024-06-03", "--base", "blank"], TEXT)
    assert code == 0 and json.loads(out)["source"] == "<stdin>"


@pytest.mark.parametrize("argv, message", [
    (["extract", "/nonexistent/file.txt", "--base", "blank"], "file.txt"),
    (["extract", "-", "--doc-date", "03.06.2024", "--base", "blank"], "doc_date"),
])
def test_extract_errors_are_clear(monkeypatch, capsys, argv, message):
    code, _, err = run(monkeypatch, capsys, argv)
    assert code == 2 and message in err


def test_gazetteer_check(tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.yaml"
    good.write_text("officials:\n  - {id: a-b, name: A B, country: KE, roles: "
                    "[{role: foreign_minister, country: KE, from: 2020-01-01}]}\n", encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, ["gazetteer", "check", str(good)])
    assert code == 0 and "1 officials" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("officials:\n  - {id: a-b, name: A B, country: KE, roles: [{role: emperor, country: KE}]}\n",
                   encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, ["gazetteer", "check", str(bad)])
    assert code == 2 and "bad.yaml:2" in err and "emperor" in err


def test_gazetteer_check_finds_aliases_shared_across_entries(tmp_path, monkeypatch, capsys):
    clash = tmp_path / "clash.yaml"
    clash.write_text("officials:\n"
                     "  - {id: someone-else, name: Sergej Lawrow, country: RU, roles: "
                     "[{role: economy_minister, country: RU, from: 2001-01-01, to: 2002-01-01}]}\n",
                     encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, ["gazetteer", "check", str(clash)])
    assert code == 1 and "clash.yaml:2" in err and "'Sergej Lawrow'" in err and "sergej-lawrow" in err


def test_gazetteer_check_warns_about_overlapping_office_holders(tmp_path, monkeypatch, capsys):
    two = tmp_path / "two.yaml"
    two.write_text("officials:\n"
                   "  - {id: a-a, name: Aa Aa, country: KE, roles: [{role: foreign_minister, country: KE, "
                   "from: 2020-01-01, to: 2022-01-01}]}\n"
                   "  - {id: b-b, name: Bb Bb, country: KE, roles: [{role: foreign_minister, country: KE, "
                   "from: 2021-01-01, to: 2023-01-01}]}\n", encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, ["gazetteer", "check", str(two)])
    assert code == 0 and "warning:" in err and "two.yaml:2" in err and "two.yaml:3" in err
