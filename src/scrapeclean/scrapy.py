"""A Scrapy item pipeline that cleans each scraped page as it is crawled.

Requires the ``scrapy`` extra (``pip install "scrapeclean[scrapy]"``). In ``settings.py``::

    ITEM_PIPELINES = {"scrapeclean.scrapy.CleanPipeline": 300}
    SCRAPECLEAN_INPUT_FIELD = "html"          # the item field holding the page (default "html")
    SCRAPECLEAN_URL_FIELD = "url"             # the page's address, passed to clean(url=...)
    SCRAPECLEAN_OUTPUT_FIELDS = {"text": "text", "title": "title", "published": "published"}
    SCRAPECLEAN_WITHOUT = ["normalize_spelling"]   # steps to leave out (optional)
    SCRAPECLEAN_VARIANT = "en-GB"                  # spelling variant (optional)
    SCRAPECLEAN_REFERENCE = "now"                  # resolve "2 hours ago" (optional)
    SCRAPECLEAN_ON_ERROR = "keep"                  # or "drop"

`SCRAPECLEAN_OUTPUT_FIELDS` maps a result field (any of ``scrapeclean.dask.FIELDS``: text,
title, published, updated, authors, language, site_name, warnings, error) to the item field it
is written to (fields with no value are not written; a `scrapy.Item` must declare the target
fields). An item whose page cannot be cleaned keeps its fields and gets the error in the field
mapped from ``error`` (default ``scrapeclean_error``), or is dropped with ``"drop"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from scrapeclean._cli_common import UsageError, build_pipeline, parse_reference
from scrapeclean._fields import FIELDS, result_fields
from scrapeclean.exceptions import ScrapecleanError

if TYPE_CHECKING:
    from scrapeclean._pipeline import Pipeline, Reference

__all__ = ["CleanPipeline"]

DEFAULT_OUTPUT = {
    "text": "text",
    "title": "title",
    "published": "published",
    "authors": "authors",
    "error": "scrapeclean_error",
}


class CleanPipeline:
    """Clean the page in each item; write the result's fields into the item."""

    def __init__(
        self,
        *,
        pipeline: Pipeline,
        input_field: str = "html",
        url_field: str | None = "url",
        output_fields: Mapping[str, str] | None = None,
        reference: Reference = None,
        on_error: str = "keep",
    ) -> None:
        """Build the item pipeline; Scrapy calls `from_crawler` instead."""
        output = dict(DEFAULT_OUTPUT if output_fields is None else output_fields)
        unknown = sorted(set(output) - set(FIELDS))
        if unknown:
            raise ValueError(f"unknown result fields {unknown}; known: {list(FIELDS)}")
        if on_error not in ("keep", "drop"):
            raise ValueError(f"SCRAPECLEAN_ON_ERROR must be 'keep' or 'drop', not {on_error!r}")
        self.pipeline = pipeline
        self.input_field = input_field
        self.url_field = url_field
        self.output_fields = output
        self.reference = reference
        self.on_error = on_error

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanPipeline:
        """The pipeline configured from the crawler's ``SCRAPECLEAN_*`` settings."""
        settings = crawler.settings
        try:
            pipeline = build_pipeline(
                settings.get("SCRAPECLEAN_VARIANT"), settings.getlist("SCRAPECLEAN_WITHOUT")
            )
            reference = parse_reference(settings.get("SCRAPECLEAN_REFERENCE"))
        except UsageError as exc:
            raise ValueError(f"scrapeclean settings: {exc}") from None
        return cls(
            pipeline=pipeline,
            input_field=settings.get("SCRAPECLEAN_INPUT_FIELD", "html"),
            url_field=settings.get("SCRAPECLEAN_URL_FIELD", "url"),
            output_fields=settings.getdict("SCRAPECLEAN_OUTPUT_FIELDS") or None,
            reference=reference,
            on_error=settings.get("SCRAPECLEAN_ON_ERROR", "keep"),
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item's page and set the mapped fields (Scrapy calls this per item)."""
        from itemadapter import ItemAdapter

        adapter = ItemAdapter(item)
        raw = adapter.get(self.input_field)
        url = adapter.get(self.url_field) if self.url_field else None
        try:
            if not isinstance(raw, (str, bytes)):
                raise TypeError(f"item field {self.input_field!r} holds no page text")
            result = self.pipeline.clean(
                raw, url=url if isinstance(url, str) else None, reference=self.reference
            )
            fields = result_fields(result)
        except (ScrapecleanError, TypeError) as exc:
            if self.on_error == "drop":
                from scrapy.exceptions import DropItem

                raise DropItem(f"scrapeclean: {exc}") from exc
            fields = dict.fromkeys(FIELDS)
            fields["error"] = f"{type(exc).__name__}: {exc}"
        for name, target in self.output_fields.items():
            if fields[name] is not None:
                adapter[target] = fields[name]
        return item
