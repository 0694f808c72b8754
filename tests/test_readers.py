"""Readers: every bad record becomes a clear InputError naming line and id; the rest go on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.io.readers import parse_date, read_articles
from eventwire.model import Article


def _write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_bad_records_are_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "Iran signed.", "date": "2017-07-23"}).encode()
    lines = [
        good,
        b"{not json",
        b"[1, 2]",
        json.dumps({"id": "b"}).encode(),
        json.dumps({"id": "c", "text": 5}).encode(),
        json.dumps({"id": "d", "text": "   "}).encode(),
        json.dumps({"text": "no id"}).encode(),
        json.dumps({"id": "e", "text": "x", "date": "2017-02-30"}).encode(),
        b"\xff\xfe bad bytes",
        json.dumps({"id": "f", "text": "Fine again.", "pub_date": "20170724"}).encode(),
    ]
    items = list(read_articles(_write_lines(tmp_path / "in.jsonl", lines)))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in arts] == ["a", "f"]
    assert arts[1].pub_date == date(2017, 7, 24)
    assert [e.line for e in errs] == [2, 3, 4, 5, 6, 7, 8, 9]
    reasons = " | ".join(e.message for e in errs)
    for needle in ("malformed JSON", "not an object", "missing text", "not a string",
                   "empty text", "missing id", "impossible", "not UTF-8"):
        assert needle in reasons
    assert "id 'e'" in errs[6].message


def test_control_characters_are_removed_not_fatal(tmp_path: Path) -> None:
    rec = json.dumps({"id": "a", "text": "Iran\x07 signed\x00 it."}).encode()
    (art,) = list(read_articles(_write_lines(tmp_path / "in.jsonl", [rec])))
    assert isinstance(art, Article)
    assert "\x07" not in art.text and "\x00" not in art.text


def test_binary_line_is_rejected(tmp_path: Path) -> None:
    (err,) = list(read_articles(_write_lines(tmp_path / "in.jsonl", [b"\x00\x01\x02"])))
    assert isinstance(err, InputError) and "binary" in err.reason


def test_csv_and_txt_folder(tmp_path: Path) -> None:
    csv_path = tmp_path / "in.csv"
    csv_path.write_text('id,text,date\n1,"Iran, Iraq signed.",2017-07-23\n2,,2017-07-23\n')
    items = list(read_articles(csv_path))
    assert isinstance(items[0], Article) and items[0].text == "Iran, Iraq signed."
    assert isinstance(items[1], InputError) and items[1].line == 3
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "one.txt").write_text("Iran signed a deal.")
    (folder / "two.txt").write_bytes(b"\xff\xfe\x00")
    items = list(read_articles(folder))
    assert isinstance(items[0], Article) and items[0].id == "one"
    assert isinstance(items[1], InputError)


def test_missing_file_is_an_error_item(tmp_path: Path) -> None:
    (err,) = list(read_articles(tmp_path / "nope.jsonl"))
    assert isinstance(err, InputError) and "no such file" in err.message


@pytest.mark.parametrize("value,expected", [
    ("2017-07-23", date(2017, 7, 23)), ("20170723", date(2017, 7, 23)),
    ("2017-07-23T10:00:00Z", date(2017, 7, 23)), ("", None), (None, None)])
def test_parse_date_accepts_common_forms(value: str | None, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2017-13-01", "121108", "yesterday", "2019-02-29"])
def test_parse_date_rejects_impossible(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_a_dateline_given_apart_from_the_text_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rec = {"id": "r1", "text": "The minister said.", "date": "1987-02-26",
           "dateline": "BUENOS AIRES, Feb 26"}
    path.write_text(json.dumps(rec) + "\n" + json.dumps({**rec, "id": "r2", "dateline": ""}))
    first, second = list(read_articles(path))
    assert isinstance(first, Article) and first.dateline == "BUENOS AIRES, Feb 26"
    assert isinstance(second, Article) and second.dateline is None
