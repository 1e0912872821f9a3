"""`scrapeclean.scrapy.CleanPipeline` in a real Scrapy crawl of pages served on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scrapeclean import clean

pytest.importorskip("scrapy", reason="the scrapy extra is not installed")

from scrapeclean.scrapy import CleanPipeline

STORY = (
    "<html><head><title>Ferry returns | The Gazette</title>"
    '<meta property="og:title" content="Ferry returns"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Ferry returns</h1>"
    "<p>By Marta Lindqvist</p><p>The town council voted on Thursday to bring back the ferry "
    "that stopped running in 1998, after a long campaign by local business owners.</p>"
    "<p>Work starts in May, the mayor said, and the first crossing is planned for autumn.</p>"
    "</article></body></html>"
)

CRAWL = textwrap.dedent(
    """
    import http.server, json, sys, threading
    from pathlib import Path
    import scrapy
    from scrapy.crawler import CrawlerProcess

    site = Path(sys.argv[1])
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(site), **k)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"

    class Pages(scrapy.Spider):
        name = "pages"
        start_urls = [root + "index.html"]

        def parse(self, response):
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, self.page)

        def page(self, response):
            yield {"url": response.url, "html": response.text}

    process = CrawlerProcess(settings={
        "ITEM_PIPELINES": {"scrapeclean.scrapy.CleanPipeline": 300},
        "SCRAPECLEAN_OUTPUT_FIELDS": json.loads(sys.argv[3]),
        "FEEDS": {sys.argv[2]: {"format": "jsonlines"}},
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
    })
    process.crawl(Pages)
    process.start()
    server.shutdown()
    """
)


def test_a_real_crawl_cleans_each_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<a href='story.html'>story</a> <a href='empty.html'>empty</a>", encoding="utf-8"
    )
    (site / "story.html").write_text(STORY, encoding="utf-8")
    (site / "empty.html").write_text("", encoding="utf-8")
    items = tmp_path / "items.jsonl"
    script = tmp_path / "crawl.py"  # Scrapy reads its callbacks' source: a file, not -c
    script.write_text(CRAWL, encoding="utf-8")
    fields = {"text": "body", "title": "title", "authors": "authors", "error": "problem"}
    done = subprocess.run(
        [sys.executable, str(script), str(site), items.as_uri(), json.dumps(fields)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = {Path(row["url"]).name: row for row in map(json.loads, items.read_text().splitlines())}
    assert set(rows) == {"story.html", "empty.html"}
    story = rows["story.html"]
    expected = clean(STORY, url=story["url"])
    assert story["body"] == expected.text
    assert "Home" not in story["body"] and "ferry" in story["body"]
    assert story["title"] == "Ferry returns"
    assert "problem" not in story
    assert rows["empty.html"].get("body", "") == ""


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown result fields"):
        CleanPipeline(pipeline=None, output_fields={"txt": "body"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'keep' or 'drop'"):
        CleanPipeline(pipeline=None, on_error="ignore")  # type: ignore[arg-type]


def test_an_item_without_a_page_keeps_its_fields_and_gets_the_error() -> None:
    from scrapeclean import Pipeline

    item = CleanPipeline(pipeline=Pipeline.default()).process_item({"url": "u", "html": None})
    assert item["url"] == "u"
    assert item["scrapeclean_error"] == "TypeError: item field 'html' holds no page text"


def test_drop_raises_drop_item() -> None:
    from scrapy.exceptions import DropItem

    from scrapeclean import Pipeline

    pipeline = CleanPipeline(pipeline=Pipeline.default(), on_error="drop")
    with pytest.raises(DropItem, match="holds no page text"):
        pipeline.process_item({"html": 3})
