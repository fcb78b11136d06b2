"""makan on Spark: a column of mentions for a DataFrame of texts.

>>> from makan.spark import add_mentions
>>> tagged = add_mentions(spark.read.json("docs.jsonl"))   # {doc_id, text} -> + mentions

The texts are tagged in the Python workers with ``mapInArrow``: Arrow batches in and out, no
pickling of rows. Each worker process builds one ``Tagger`` the first time it needs one and
keeps it (Spark reuses its Python workers), so the gazetteer is loaded once per worker, not
per batch. The ``mentions`` column is ``array<struct<...>>`` with the fields of
``Tagger.tag`` (``makan.MENTION_FIELDS``); a null text gives null mentions.

On a cluster, every executor needs the package: install the wheel on each node (``pip
install makan-*.whl``), or ship it with the job, e.g. ``spark-submit --py-files
makan-0.1.0-cp39-abi3-linux_x86_64.whl job.py`` only where the executors' platform matches
the wheel's (it holds a compiled extension), or a packed virtual environment with
``--archives venv.tar.gz#venv`` and ``PYSPARK_PYTHON=./venv/bin/python``.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Optional, Sequence, Tuple

from ._makan import Tagger
from ._records import mentions_arrow_type

# One tagger per Python worker process, by options: built on first use, then reused.
_TAGGERS: Dict[Tuple[Any, ...], Tagger] = {}


def worker_tagger(
    places: Sequence[str] = (),
    orgs: Sequence[str] = (),
    override_existing: bool = False,
    resolve: bool = True,
) -> Tagger:
    """This process's tagger for these options, built once."""
    key = (tuple(places), tuple(orgs), override_existing, resolve)
    tagger = _TAGGERS.get(key)
    if tagger is None:
        tagger = Tagger(
            places=list(places),
            orgs=list(orgs),
            override_existing=override_existing,
            resolve=resolve,
        )
        _TAGGERS[key] = tagger
    return tagger


def add_mentions(
    df: Any,
    text_col: str = "text",
    out_col: str = "mentions",
    *,
    places: Sequence[str] = (),
    orgs: Sequence[str] = (),
    override_existing: bool = False,
    resolve: bool = True,
    threads: Optional[int] = 1,
) -> Any:
    """``df`` with a column ``out_col`` of the mentions of ``text_col`` (a string column).

    ``places``/``orgs`` are paths of your own tables, readable on every executor. ``threads``
    is the number of threads each Spark task tags with: 1 by default, since Spark already runs
    one task per core; ``None`` uses every core of the worker.
    """
    import pyarrow as pa
    from pyspark.sql.pandas.types import from_arrow_type
    from pyspark.sql.types import StructField, StructType

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in {df.columns}")
    if out_col in df.columns:
        raise ValueError(f"the DataFrame already has a column {out_col!r}")
    arrow_type = mentions_arrow_type()
    schema = StructType(
        list(df.schema.fields) + [StructField(out_col, from_arrow_type(arrow_type), True)]
    )
    options = (tuple(places), tuple(orgs), override_existing, resolve)

    def tag_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        tagger = worker_tagger(*options)
        for batch in batches:
            texts = batch.column(text_col).to_pylist()
            present = [t for t in texts if t is not None]
            found = iter(tagger.tag_batch(present, threads=threads))
            mentions = [None if t is None else next(found) for t in texts]
            column = pa.array(mentions, type=arrow_type)
            yield pa.RecordBatch.from_arrays(
                list(batch.columns) + [column], names=list(batch.schema.names) + [out_col]
            )

    return df.mapInArrow(tag_batches, schema)


def place_features(df: Any, mentions_col: str = "mentions", id_col: str = "doc_id") -> Any:
    """One row per resolved place that has a point: ``id_col`` and the mention's fields but
    ``candidates`` (``makan geojson`` writes the others, ``lat`` and ``lon`` aside, as a
    Feature's properties), for writing GeoJSON (see ``examples/spark_job.py``)."""
    from pyspark.sql import functions as F

    exploded = df.select(F.col(id_col), F.explode(mentions_col).alias("m"))
    places = exploded.where(
        (F.col("m.type") == "LOC") & F.col("m.lat").isNotNull() & F.col("m.lon").isNotNull()
    )
    return places.select(F.col(id_col), "m.*").drop("candidates")
