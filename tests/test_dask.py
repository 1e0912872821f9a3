"""`scrapeclean.dask` on a real `distributed.LocalCluster` with two worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from scrapeclean import Pipeline, clean
from scrapeclean._fields import FIELDS

dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
db = pytest.importorskip("dask.bag", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
pandas = pytest.importorskip("pandas", reason="the dask extra is not installed")

from scrapeclean.dask import clean_bag, clean_column  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "zyte-dev.jsonl"
STORY = "Share Tweet Email\n\nThe council met on Monday and agreed the budget for the year."


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def _pages() -> list[dict[str, str]]:
    if not DATA.exists():
        pytest.skip(f"development data not found at {DATA}")
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle][:24]


def test_column_on_the_dev_pages_matches_clean(client: object) -> None:
    pages = _pages()
    frame = pandas.DataFrame({"html": [p["html"] for p in pages], "url": [p["url"] for p in pages]})
    cleaned = clean_column(dd.from_pandas(frame, npartitions=4), "html", url_column="url")
    assert list(cleaned.columns) == list(FIELDS)
    out = cleaned.compute()
    assert list(out.index) == list(frame.index)
    expected = [clean(p["html"], url=p["url"]) for p in pages]
    assert list(out["text"]) == [result.text for result in expected]
    assert list(out["title"]) == [result.title for result in expected]
    assert out["error"].isna().all()


def test_bad_rows_carry_an_error_and_the_rest_go_on(client: object) -> None:
    frame = pandas.DataFrame({"body": [STORY, None, STORY]})
    out = clean_column(dd.from_pandas(frame, npartitions=2), "body", prefix="clean_").compute()
    assert list(out.columns) == [f"clean_{field}" for field in FIELDS]
    assert out["clean_error"].tolist()[1] == "body is missing"
    assert out["clean_error"].isna().tolist() == [True, False, True]
    assert out["clean_text"].tolist()[0] == clean(STORY).text
    assert out["clean_text"].tolist()[2] == clean(STORY).text


def test_bag_of_documents(client: object) -> None:
    pipeline = Pipeline.default().without("normalize_spelling")
    rows = clean_bag(db.from_sequence([STORY] * 6, npartitions=3), pipeline=pipeline).compute()
    assert [row["text"] for row in rows] == [pipeline.clean(STORY).text] * 6


def test_a_missing_column_is_named() -> None:
    frame = dd.from_pandas(pandas.DataFrame({"body": [STORY]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'html'"):
        clean_column(frame, "html")
