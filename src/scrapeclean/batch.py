"""Cleaning many documents: the names `Pipeline.clean_many` and the integrations use.

- `CleanRequest`: a document with its id, url and hints; `CleanFailure`: the place of one that
  could not be cleaned; `DocumentError`: raised by ``clean_many(..., on_error="raise")``.
- `FIELDS` and `outcome_fields`: a result (or failure) as flat string fields, the columns of a
  DataFrame or the fields of an item, for recipes such as Spark's ``mapInPandas`` or Ray's
  ``map_batches`` (see ``docs/batch.md``).
"""

from __future__ import annotations

from scrapeclean._batch import CleanFailure, CleanRequest, DocumentError
from scrapeclean._fields import FIELDS, failure_fields, outcome_fields, result_fields

__all__ = [
    "FIELDS",
    "CleanFailure",
    "CleanRequest",
    "DocumentError",
    "failure_fields",
    "outcome_fields",
    "result_fields",
]
