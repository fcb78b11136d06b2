"""makan.spark in a local[2] session, compared with the CLI on the same documents."""

from __future__ import annotations

import json
import re
import sys

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

from conftest import run_cli  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    import os

    from pyspark.sql import SparkSession

    # The workers run the same interpreter as the tests (the one with makan installed).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("makan-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def spans_and_ids(mentions):
    return [(m["start"], m["end"], m["text"], m["type"], m.get("id")) for m in mentions or []]


def test_add_mentions_gives_the_clis_spans_and_ids(spark, docs, makan_cli, tmp_path):
    from makan.spark import add_mentions

    assert len(docs) >= 200
    frame = spark.createDataFrame(docs).repartition(4)
    tagged = add_mentions(frame)
    assert tagged.columns == ["doc_id", "text", "mentions"]
    rows = {r["doc_id"]: r["mentions"] for r in tagged.collect()}
    cli = {line["doc_id"]: line["mentions"] for line in run_cli(
        makan_cli, docs, tmp_path, "tag", "--jsonl", "--quiet"
    )}
    assert rows.keys() == cli.keys() and len(rows) == len(docs)
    spark_found = {k: spans_and_ids([m.asDict() for m in v]) for k, v in rows.items()}
    cli_found = {k: spans_and_ids(v) for k, v in cli.items()}
    assert spark_found == cli_found
    assert sum(len(v) for v in cli_found.values()) > 3 * len(docs)
    # Beyond spans and ids, every field the CLI wrote, nested ones included.
    for doc_id, mentions in cli.items():
        for ours, theirs in zip(rows[doc_id], mentions):
            ours = {k: v for k, v in ours.asDict(recursive=True).items() if v is not None}
            assert ours == theirs


def test_null_and_empty_texts(spark):
    from pyspark.sql.types import StringType, StructField, StructType

    from makan.spark import add_mentions

    schema = StructType([StructField("doc_id", StringType()), StructField("text", StringType())])
    frame = spark.createDataFrame([("a", None), ("b", ""), ("c", "Aleppo")], schema)
    rows = {r["doc_id"]: r["mentions"] for r in add_mentions(frame).collect()}
    assert rows["a"] is None and rows["b"] == [] and rows["c"][0]["text"] == "Aleppo"
    with pytest.raises(ValueError, match="no column 'body'"):
        add_mentions(frame, text_col="body")
    with pytest.raises(ValueError, match="already has a column 'text'"):
        add_mentions(frame, out_col="text")


def test_example_job_writes_parquet_and_the_clis_geojson(spark, docs, makan_cli, tmp_path):
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent.parent / "examples"))
    try:
        import spark_job
    finally:
        sys.path.pop(0)
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
    )
    out = tmp_path / "out"
    spark_job.run(spark, str(source), str(out), "text", "doc_id")
    parquet = spark.read.parquet(str(out / "mentions.parquet"))
    assert sorted(parquet.columns) == ["doc_id", "mentions"]
    assert parquet.count() == len(docs)
    ours = json.loads((out / "places.geojson").read_text(encoding="utf-8"))
    cli = run_cli(makan_cli, docs, tmp_path, "geojson", "--jsonl", "--quiet")[0]
    # The CLI's features of a corpus carry their document's focus; the Spark job's mentions
    # column holds mentions only (the focus is `Tagger.focus`, per document).
    for feature in cli["features"]:
        feature["properties"].pop("focus", None)
    key = lambda f: (f["properties"]["doc_id"], f["properties"]["start"])  # noqa: E731
    assert ours["type"] == "FeatureCollection" and len(ours["features"]) > len(docs)
    assert sorted(ours["features"], key=key) == sorted(cli["features"], key=key)


def test_readme_spark_snippet(spark, capsys):
    from test_readme import python_blocks

    code = python_blocks()[2]
    exec(compile(code, "README.md", "exec"), {})  # builder.getOrCreate() gives this session
    out = capsys.readouterr().out
    assert re.search(r"\| *d1 *\| *حلب *\| *wof:\d+ *\| *36\.2", out), out
    assert re.search(r"\| *d1 *\| *إدلب *\|", out), out
