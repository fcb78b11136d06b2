"""The fields of a mention and their Arrow types, for tables of mentions (pandas, Arrow, Spark)."""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

# Every field a mention dict can have, in the order the CLI's JSON writes them. A field that
# does not apply is absent from the dict (an unresolved mention has no `id`) and null in a table.
MENTION_FIELDS = (
    "start",
    "end",
    "byte_start",
    "byte_end",
    "utf16_start",
    "utf16_end",
    "text",
    "type",
    "proclitic",
    "candidates",
    "rejected",
    "id",
    "kind",
    "name_ar",
    "name_en",
    "lat",
    "lon",
    "pcode",
    "country",
    "admin",
    "confidence",
    "evidence",
    "alternatives",
)


def mention_struct_type() -> Any:
    """The Arrow struct of one mention (requires ``pyarrow``)."""
    import pyarrow as pa

    string, int64, float64 = pa.string(), pa.int64(), pa.float64()
    admin = pa.struct(
        [("level", string), ("pcode", string), ("name_ar", string), ("name_en", string)]
    )
    alternative = pa.struct([("id", string), ("score", float64)])
    types = {
        "start": int64,
        "end": int64,
        "byte_start": int64,
        "byte_end": int64,
        "utf16_start": int64,
        "utf16_end": int64,
        "text": string,
        "type": string,
        "proclitic": string,
        "candidates": pa.list_(string),
        "rejected": pa.bool_(),
        "id": string,
        "kind": string,
        "name_ar": string,
        "name_en": string,
        "lat": float64,
        "lon": float64,
        "pcode": string,
        "country": string,
        "admin": pa.list_(admin),
        "confidence": float64,
        "evidence": pa.list_(string),
        "alternatives": pa.list_(alternative),
    }
    return pa.struct([(name, types[name]) for name in MENTION_FIELDS])


def mentions_arrow_type() -> Any:
    """The Arrow type of one document's mentions, ``list<struct<...>>`` (requires ``pyarrow``).

    ``pyarrow.array(tagger.tag_batch(texts), type=mentions_arrow_type())`` is a column of
    mentions; absent fields become nulls.
    """
    import pyarrow as pa

    return pa.list_(mention_struct_type())


def mention_rows(
    mentions: Sequence[Sequence[dict]], doc_ids: Optional[Iterable[Any]] = None
) -> list:
    """One flat row per mention, for ``pandas.DataFrame(rows)`` or ``pyarrow.Table.from_pylist``.

    ``mentions`` is what ``Tagger.tag_batch`` returns; each row is the mention's dict with
    ``doc_id`` first: the document's id from ``doc_ids`` (same length as ``mentions``), or its
    index when ``doc_ids`` is None. Every row has every field of ``MENTION_FIELDS`` (None when
    absent), so the columns do not depend on which mentions come first.
    """
    ids = list(range(len(mentions))) if doc_ids is None else list(doc_ids)
    if len(ids) != len(mentions):
        raise ValueError(
            f"doc_ids has {len(ids)} ids for {len(mentions)} documents"
        )
    rows = []
    for doc_id, doc in zip(ids, mentions):
        for m in doc:
            row = {"doc_id": doc_id}
            row.update((name, m.get(name)) for name in MENTION_FIELDS)
            rows.append(row)
    return rows
