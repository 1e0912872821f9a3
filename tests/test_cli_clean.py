"""``scrapeclean clean``: corpus input, JSONL and text output, bad records, resume, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapeclean import clean
from scrapeclean._cli_clean import file_name
from scrapeclean.cli import main

STORY = "Share Tweet Email\n\nThe council met on Monday and agreed the budget for the year."
PAGE = (
    "<html><head><title>Budget</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><p>The council met on Monday and agreed the budget.</p></article></body></html>"
)


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_jsonl_in_jsonl_out_with_error_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": STORY}) + "\n"
        "{not json\n"
        + json.dumps({"id": "c", "body": STORY})
        + "\n"
        + json.dumps({"id": "d", "text": PAGE, "url": "https://example.org/d"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    status = main(["clean", str(source), "-o", str(out), "--no-progress"])
    assert status == 1
    rows = _rows(out)
    assert [row["id"] for row in rows] == ["a", f"{source}:2", "c", "d"]
    assert rows[0]["text"] == clean(STORY).text
    assert "changes" not in rows[0]
    assert rows[1]["line"] == 2 and str(rows[1]["error"]).startswith("not JSON")
    assert rows[2]["error"] == "field 'text' is missing"
    assert rows[3]["metadata"]["url"] == "https://example.org/d"  # type: ignore[index]
    summary = capsys.readouterr().err
    assert "2 cleaned, 2 failed" in summary
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_files_directories_and_globs_with_changes(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "deeper").mkdir(parents=True)
    (folder / "one.txt").write_text(STORY, encoding="utf-8")
    (folder / "deeper" / "two.html").write_text(PAGE, encoding="utf-8")
    (folder / "skip.png").write_bytes(b"\x89PNG")
    extra = tmp_path / "extra.txt"
    extra.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["clean", str(folder), str(tmp_path / "ext*.txt"), "-o", str(out), "--changes"])
    assert status == 0
    rows = _rows(out)
    assert [Path(str(row["id"])).name for row in rows] == ["two.html", "one.txt", "extra.txt"]
    assert rows[1]["changes"][0]["rule"].startswith("chrome.")  # type: ignore[index]


def test_workers_give_the_same_rows(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": str(n), "text": STORY} for n in range(12)])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["clean", str(source), "-o", str(one)]) == 0
    assert main(["clean", str(source), "-o", str(two), "--workers", "2"]) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_resume_keeps_finished_rows_and_retries_failed_ones(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": STORY}, {"id": "b"}])
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out)]) == 1
    _jsonl(source, [{"id": "a", "text": STORY}, {"id": "b", "text": STORY}])
    first_row = out.read_text(encoding="utf-8").splitlines()[0]
    assert main(["clean", str(source), "-o", str(out), "--resume"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == first_row
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]
    assert all("error" not in json.loads(line) for line in lines)


def test_a_failed_run_leaves_the_previous_output_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": str(n), "text": STORY} for n in range(5)])
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("scrapeclean._cli_clean._Run._row", explode)
    with pytest.raises(RuntimeError):
        main(["clean", str(source), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_txt_format_writes_one_file_per_document(tmp_path: Path) -> None:
    source = _jsonl(
        tmp_path / "in.jsonl", [{"id": "a/b", "text": STORY}, {"id": "plain", "text": STORY}, 5]
    )
    folder = tmp_path / "texts"
    assert main(["clean", str(source), "--format", "txt", "-o", str(folder)]) == 1
    plain = folder / "plain.txt"
    assert plain.read_text(encoding="utf-8") == clean(STORY).text + "\n"
    assert (folder / file_name("a/b")).exists() and file_name("a/b") != "a_b.txt"
    errors = _rows(folder / "errors.jsonl")
    assert errors[0]["error"] == "a JSON object was expected, not int"


def test_config_file_and_command_line_precedence(tmp_path: Path) -> None:
    config = tmp_path / "sc.toml"
    config.write_text('[scrapeclean]\nwithout = ["remove_chrome"]\ntext_field = "body"\n')
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "body": STORY}])
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "--config", str(config)]) == 0
    assert _rows(out)[0]["text"] == STORY
    assert "remove_chrome" not in _rows(out)[0]["steps"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--without", "nope"], "no step named 'nope'"),
        (["--reference", "yesterday"], "--reference takes an ISO 8601 time"),
        (["--workers", "0"], "--workers must be a positive integer"),
        (["--format", "txt"], "--format txt needs -o DIRECTORY"),
        (["--resume"], "--resume needs -o OUT"),
    ],
)
def test_usage_errors_name_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": STORY}])
    assert main(["clean", str(source), *arguments]) == 2
    assert message in capsys.readouterr().err


def test_unknown_config_key_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "sc.toml"
    config.write_text("wrokers = 2\n")
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": STORY}])
    assert main(["clean", str(source), "--config", str(config)]) == 2
    assert "unknown option 'wrokers'" in capsys.readouterr().err


def test_missing_file_is_an_error_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path / "absent.txt")]) == 1
    row = json.loads(capsys.readouterr().out)
    assert row["error"].startswith("cannot read")
