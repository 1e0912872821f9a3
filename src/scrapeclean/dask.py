"""Cleaning with Dask: a bag of documents, or a DataFrame column, partition by partition.

Requires the ``dask`` extra (``pip install "scrapeclean[dask]"``)::

    import dask.dataframe as dd
    from scrapeclean.dask import clean_column

    pages = dd.read_parquet("pages/")
    cleaned = clean_column(pages, "html", url_column="url")
    cleaned[["text", "title", "published"]].to_parquet("clean/")

Each partition is cleaned with `Pipeline.clean_many` in the worker that holds it, so the
pipeline is shipped once per task, not once per document. A document that cannot be cleaned
gives a row whose ``error`` column says why; the others go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from scrapeclean._batch import CleanRequest
from scrapeclean._fields import FIELDS, outcome_fields
from scrapeclean._pipeline import Pipeline, Reference

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["FIELDS", "clean_bag", "clean_column"]


def _require() -> None:
    try:
        import dask  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError('scrapeclean.dask needs Dask: pip install "scrapeclean[dask]"') from None


def _rows(
    pipeline: Pipeline, requests: Iterable[CleanRequest], reference: Reference
) -> Iterator[dict[str, Any]]:
    for outcome in pipeline.clean_many(requests, reference=reference):
        yield outcome_fields(outcome)


def _bag_partition(
    partition: Iterable[Any], pipeline: Pipeline, reference: Reference
) -> list[dict[str, Any]]:
    requests = (
        item if isinstance(item, CleanRequest) else CleanRequest(item) for item in partition
    )
    return list(_rows(pipeline, requests, reference))


def clean_bag(
    bag: dask.bag.Bag, *, pipeline: Pipeline | None = None, reference: Reference = None
) -> dask.bag.Bag:
    """A bag of result dicts (keys `FIELDS`) from a bag of str, bytes or `CleanRequest`."""
    _require()
    cleaned = bag.map_partitions(  # type: ignore[no-untyped-call,unused-ignore]
        _bag_partition, pipeline or Pipeline.default(), reference
    )
    return cast("dask.bag.Bag", cleaned)


def _frame_partition(
    frame: pandas.DataFrame,
    column: str,
    url_column: str | None,
    prefix: str,
    pipeline: Pipeline,
    reference: Reference,
) -> pandas.DataFrame:
    import pandas

    urls = frame[url_column] if url_column else [None] * len(frame)
    requests = (
        CleanRequest(
            raw if isinstance(raw, (str, bytes)) else "",
            url=url if isinstance(url, str) else None,
        )
        for raw, url in zip(frame[column], urls, strict=True)
    )
    rows = list(_rows(pipeline, requests, reference))
    for row, raw in zip(rows, frame[column], strict=True):
        if not isinstance(raw, (str, bytes)):
            row.update(dict.fromkeys(FIELDS), error=_not_text(column, raw))
    out = pandas.DataFrame(rows, columns=list(FIELDS), index=frame.index, dtype=object)
    return out.add_prefix(prefix)


def _not_text(column: str, value: object) -> str:
    import pandas

    if value is None or pandas.isna(value):
        return f"{column} is missing"
    return f"{column} is not text ({type(value).__name__})"


def clean_column(
    frame: dask.dataframe.DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    prefix: str = "",
    pipeline: Pipeline | None = None,
    reference: Reference = None,
) -> dask.dataframe.DataFrame:
    """Clean `frame[column]`; return a DataFrame of the result `FIELDS` with the same index.

    `url_column` names a column holding each page's address. Column names get `prefix`
    (e.g. ``"clean_"``) so that the result can be joined back onto `frame`. Every column holds
    strings or None; times are ISO 8601, authors are joined with ``"; "``.
    """
    _require()
    import pandas

    for name in (column, url_column):
        if name is not None and name not in frame.columns:
            raise KeyError(f"no column {name!r}; the frame has {list(frame.columns)}")
    meta = pandas.DataFrame({f"{prefix}{field}": pandas.Series(dtype=object) for field in FIELDS})
    cleaned = frame.map_partitions(  # type: ignore[no-untyped-call,unused-ignore]
        _frame_partition,
        column,
        url_column,
        prefix,
        pipeline or Pipeline.default(),
        reference,
        meta=meta,
    )
    return cast("dask.dataframe.DataFrame", cleaned)
