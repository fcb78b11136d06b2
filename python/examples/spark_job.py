"""A Spark job: documents in, mentions (Parquet) and places (GeoJSON) out.

    spark-submit python/examples/spark_job.py INPUT OUTDIR [--text-col text] [--id-col doc_id]
    python python/examples/spark_job.py INPUT OUTDIR          # local[*], with pyspark installed

INPUT is JSON Lines (``.jsonl``/``.json``) or Parquet (anything else, e.g. a directory of
``.parquet`` files) with a document id and a text column. Writes

- ``OUTDIR/mentions.parquet``: the input's columns but the text, plus ``mentions``
  (``array<struct>``: the fields of ``makan.Tagger.tag``);
- ``OUTDIR/places.geojson``: a FeatureCollection with one Point per resolved place (longitude
  first), the mention's fields and ``doc_id`` as properties, as ``makan geojson --jsonl``
  writes it; streamed from the executors, so the driver never holds the whole collection.

On a cluster, the executors need the ``makan`` package: see ``makan.spark``'s documentation.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from pyspark.sql import SparkSession

from makan.spark import add_mentions, place_features


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="makan over a corpus with Spark")
    parser.add_argument("input")
    parser.add_argument("outdir")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--id-col", default="doc_id")
    parser.add_argument("--master", default=None, help="e.g. local[2] (spark-submit sets it)")
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("makan")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.input, args.outdir, args.text_col, args.id_col)
    finally:
        spark.stop()
    return 0


def run(spark: SparkSession, input_path: str, outdir: str, text_col: str, id_col: str) -> None:
    """Tags ``input_path`` and writes ``outdir``/mentions.parquet and places.geojson."""
    if input_path.endswith((".jsonl", ".json")):
        docs = spark.read.json(input_path)
    else:
        docs = spark.read.parquet(input_path)
    tagged = add_mentions(docs, text_col=text_col).drop(text_col).cache()
    os.makedirs(outdir, exist_ok=True)
    tagged.write.mode("overwrite").parquet(os.path.join(outdir, "mentions.parquet"))
    with open(os.path.join(outdir, "places.geojson"), "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[')
        for i, row in enumerate(place_features(tagged, id_col=id_col).toLocalIterator()):
            out.write("," if i else "")
            json.dump(feature(row.asDict(recursive=True), id_col), out, ensure_ascii=False)
        out.write("]}\n")
    tagged.unpersist()


def feature(place: dict, id_col: str) -> dict:
    """A GeoJSON Feature of a place row; null fields are left out, as the CLI leaves them."""
    doc_id = place.pop(id_col)
    lat, lon = place.pop("lat"), place.pop("lon")
    properties = {k: v for k, v in place.items() if v is not None}
    properties["doc_id"] = doc_id
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
