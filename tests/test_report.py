"""``scrapeclean explain``: the terminal view, the HTML report, and the report in a real browser."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scrapeclean import clean
from scrapeclean._report import render_html, render_terminal, segments
from scrapeclean.cli import main

ARTICLE = (
    "Share Tweet Email\n\nBy Marta Lindqvist\n\n"
    "The town council voted on Thursday to bring back the ferry that stopped running in 1998, "
    "after a long campaign by local business owners and the cafÃ© beside the old landing.\n\n"
    "Work starts in May, the mayor said, and the first crossing is planned for the autumn."
)


def test_segments_rebuild_the_input_and_the_output() -> None:
    result = clean(ARTICLE)
    parts = segments(result)
    assert "".join(part.before for part in parts) == ARTICLE
    assert "".join(part.after for part in parts) == result.text
    changed = [part for part in parts if part.changes]
    assert changed and all(part.why for part in changed)


def test_terminal_view_marks_removals_and_insertions() -> None:
    plain = render_terminal(clean(ARTICLE), color=False)
    assert "[-Share Tweet Email" in plain
    assert "[-Ã©-]{+é+}" in plain
    assert "\x1b[" not in plain
    coloured = render_terminal(clean(ARTICLE), color=True)
    assert "\x1b[9;31mShare Tweet Email" in coloured


def test_html_report_escapes_and_explains() -> None:
    result = clean("<b>not a tag</b> & more\n\n" + ARTICLE, html=False)
    page = render_html(result)
    assert "&lt;b&gt;not a tag&lt;/b&gt; &amp; more" in page
    assert page.count('class="change') == len([p for p in segments(result) if p.changes])
    assert "[chrome." in page and "[encoding.mojibake]" in page


def test_explain_command_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["explain", str(source), "--html", str(report), "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "[-Share Tweet Email" in out and "because:" in out
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not Path(f"{report}.partial").exists()


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return os.environ.get("SCRAPECLEAN_CHROMIUM")


def test_report_renders_in_a_browser_and_hover_shows_the_reason(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    browser_path = _chromium()
    if browser_path is None:
        pytest.skip("no Chromium on this machine (apt install chromium)")
    report = tmp_path / "report.html"
    report.write_text(render_html(clean(ARTICLE)), encoding="utf-8")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(report.as_uri())
            first = page.locator(".change").first
            tooltip = first.locator(".why")
            assert first.is_visible()
            assert (
                first.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine")
                == "line-through"
            )
            assert not tooltip.is_visible()
            first.hover()
            tooltip.wait_for(state="visible", timeout=5000)
            assert "chrome." in tooltip.inner_text()
            assert "interface" in tooltip.inner_text() or "label" in tooltip.inner_text()
        finally:
            browser.close()
