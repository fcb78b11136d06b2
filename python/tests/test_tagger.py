"""makan.Tagger: the README example, offsets, bad inputs, threads, user tables, records."""

from __future__ import annotations

import threading

import pytest

import makan
from conftest import FOUNDING, run_cli


def test_readme_example_tags_founding_sentence_with_coordinates(tagger):
    mentions = tagger.tag(FOUNDING)
    found = [(m["text"], m["type"], m["id"], m["pcode"]) for m in mentions if "pcode" in m]
    assert found[0] == ("البوكمال", "LOC", "wof:890449891", "C5167")
    abu_kamal = mentions[0]
    assert (abu_kamal["lat"], abu_kamal["lon"]) == pytest.approx((34.45, 40.92), abs=0.01)
    assert [m["text"] for m in mentions] == ["البوكمال", "دير الزور"]
    assert mentions[1]["admin"][0] == {
        "level": "admin1", "pcode": "SY09", "name_ar": "دير الزور", "name_en": "Deir ez-Zor",
    }
    assert 0.0 <= abu_kamal["confidence"] <= 1.0 and abu_kamal["evidence"]


def test_package_docstring_example(tagger):
    text = "وصلت وحدات الجيش العربي السوري إلى البوكمال"
    assert [m["text"] for m in tagger.tag(text)] == ["الجيش العربي السوري", "البوكمال"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وصل الجيش العربي السوري إلى للبوكمال وبدير الزور", ["الجيش العربي السوري", "لبوكمال", "دير الزور"]),
        ("Shelling hit Aleppo and Idlib on Sunday.", ["Aleppo", "Idlib"]),
        ("🔥🔥 عاجل 🚨 قصف على حلب 😢 وإدلب", ["حلب", "إدلب"]),
        ("𝔸𝔹 𓀀 Damascus 👨‍👩‍👧 وصل إلى حمص", ["Damascus", "حمص"]),
        ("\U0001F1F8\U0001F1FE Raqqa\u200f و\u0640حماة", ["Raqqa", "حماة"]),
    ],
)
def test_offsets_are_python_string_indices(tagger, text, expected):
    mentions = tagger.tag(text)
    assert [m["text"] for m in mentions] == expected
    encoded = text.encode("utf-8")
    utf16 = text.encode("utf-16-le")
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]
        assert encoded[m["byte_start"]:m["byte_end"]].decode("utf-8") == m["text"]
        units = utf16[2 * m["utf16_start"]:2 * m["utf16_end"]]
        assert units.decode("utf-16-le") == m["text"]


def test_proclitic_left_outside_the_span(tagger):
    text = "وصلت التعزيزات وللبوكمال"
    (m,) = tagger.tag(text)
    assert (m["text"], m["proclitic"]) == ("لبوكمال", "ول")
    assert text[m["start"] - len(m["proclitic"]):m["end"]] == "وللبوكمال"


def test_empty_and_nameless_texts_have_no_mentions(tagger):
    assert tagger.tag("") == []
    assert tagger.tag("   \n\t") == []
    assert tagger.tag("نص لا يذكر أي مكان") == []
    assert tagger.tag_batch([]) == []
    assert tagger.tag_batch(["", "Aleppo"])[0] == []


@pytest.mark.parametrize("bad", [None, 42, 3.5, b"Aleppo", ["Aleppo"], object()])
def test_tag_rejects_non_str_with_type_error(tagger, bad):
    with pytest.raises(TypeError, match="must be str, not"):
        tagger.tag(bad)


def test_tag_batch_rejects_bad_items_and_arguments(tagger):
    with pytest.raises(TypeError, match="item 1 must be str, not NoneType"):
        tagger.tag_batch(["Aleppo", None])
    with pytest.raises(TypeError, match="not a str"):
        tagger.tag_batch("Aleppo")
    with pytest.raises(TypeError, match="not iterable"):
        tagger.tag_batch(7)
    with pytest.raises(ValueError, match="at least 1"):
        tagger.tag_batch(["Aleppo"], threads=0)
    with pytest.raises(ValueError, match="at least 1"):
        tagger.tag_batch(["Aleppo"], threads=-3)
    with pytest.raises(TypeError, match="threads must be an int"):
        tagger.tag_batch(["Aleppo"], threads="2")
    with pytest.raises(TypeError, match="not bool"):
        tagger.tag_batch(["Aleppo"], threads=True)


def test_lone_surrogate_is_a_value_error(tagger):
    with pytest.raises(ValueError):
        tagger.tag("حلب \ud800")
    with pytest.raises(UnicodeEncodeError):
        tagger.tag_batch(["حلب", "x\udfff"])


def test_tag_batch_matches_tag_on_any_number_of_threads(tagger, docs):
    texts = [d["text"] for d in docs]
    one_by_one = [tagger.tag(t) for t in texts]
    assert tagger.tag_batch(texts, threads=1) == one_by_one
    assert tagger.tag_batch(texts, threads=2) == one_by_one
    assert tagger.tag_batch(texts, threads=5) == one_by_one
    assert tagger.tag_batch(iter(texts)) == one_by_one
    assert tagger.tag_batch(tuple(texts[:3])) == one_by_one[:3]


def test_python_threads_share_one_tagger(tagger, docs):
    texts = [d["text"] for d in docs[:60]]
    expected = tagger.tag_batch(texts, threads=1)
    results = [None] * 4

    def work(k):
        results[k] = tagger.tag_batch(texts, threads=2) if k % 2 else [tagger.tag(t) for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_records_are_the_clis(tagger, docs, makan_cli, tmp_path):
    cli = run_cli(makan_cli, docs, tmp_path, "tag", "--jsonl", "--quiet")
    assert [line["doc_id"] for line in cli] == [d["doc_id"] for d in docs]
    assert [line["mentions"] for line in cli] == tagger.tag_batch([d["text"] for d in docs])


def test_focus_is_the_clis(tagger, docs, makan_cli, tmp_path):
    cli = run_cli(makan_cli, docs, tmp_path, "tag", "--jsonl", "--quiet")
    ours = [tagger.focus(d["text"]) for d in docs]
    assert [line["focus"] for line in cli] == ours
    # The generated documents name places: most have a focus with its governorate.
    with_focus = [f for f in ours if f]
    assert len(with_focus) > len(docs) // 2
    assert sum("admin1" in f[0] for f in with_focus) > len(with_focus) // 2
    assert not any("admin1" in place for f in with_focus for place in f[1:])


def test_focus_of_a_text(tagger):
    text = "قصفت الطائرات مدينة دوما في ريف دمشق صباح اليوم، وقتل خمسة مدنيين في دوما."
    top = tagger.focus(text)[0]
    assert top["name_en"] == "Douma" and top["admin1"]["pcode"] == "SY03"
    assert tagger.focus("لم يرد في هذا النص اسم مكان") == []
    with pytest.raises(ValueError, match="resolve=True"):
        makan.Tagger(resolve=False).focus(text)


def test_without_resolution_and_with_rejected_the_records_are_the_clis(docs, makan_cli, tmp_path):
    texts = [d["text"] for d in docs[:80]]
    for options, flags in [({"resolve": False}, ["--no-resolve"]), ({"all": True}, ["--all"])]:
        cli = run_cli(makan_cli, docs[:80], tmp_path, "tag", "--jsonl", "--quiet", *flags)
        assert [line["mentions"] for line in cli] == makan.Tagger(**options).tag_batch(texts)
    unresolved = makan.Tagger(resolve=False).tag(texts[0])
    assert unresolved and all("id" not in m and "candidates" in m for m in unresolved)


def test_every_field_is_known_to_the_tables(docs):
    fields = set()
    for mentions in makan.Tagger(all=True).tag_batch([d["text"] for d in docs]):
        for m in mentions:
            fields.update(m)
    assert fields <= set(makan.MENTION_FIELDS)
    assert {"id", "lat", "admin", "evidence", "proclitic", "candidates"} <= fields


def test_mention_rows_and_arrow_table(tagger):
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    texts = [FOUNDING, "", "Aleppo and the United Nations"]
    mentions = tagger.tag_batch(texts)
    rows = makan.mention_rows(mentions, doc_ids=["a", "b", "c"])
    assert [(r["doc_id"], r["text"]) for r in rows] == [
        ("a", "البوكمال"), ("a", "دير الزور"), ("c", "Aleppo"), ("c", "United Nations"),
    ]
    frame = pd.DataFrame(rows)
    assert list(frame.columns) == ["doc_id", *makan.MENTION_FIELDS]
    assert frame.loc[0, "pcode"] == "C5167"
    table = pa.Table.from_pylist(rows)
    assert table.num_rows == 4
    column = pa.array(mentions, type=makan.mentions_arrow_type())
    assert column.to_pylist()[0][0]["lat"] == mentions[0][0]["lat"]
    assert column.to_pylist()[1] == []
    with pytest.raises(ValueError, match="2 ids for 3 documents"):
        makan.mention_rows(mentions, doc_ids=["a", "b"])


PLACES_HEADER = "id\tkind\tname_ar\tname_en\tlat\tlon\n"


def test_user_table_adds_a_place(tmp_path):
    table = tmp_path / "mine.tsv"
    table.write_text(PLACES_HEADER + "mine:tall-zaytun\tpopulated\tتل الزيتونة\tTall Zaytuna\t35.1\t38.2\n")
    tagger = makan.Tagger(places=table)
    (m,) = tagger.tag("وصلت القافلة إلى تل الزيتونة مساء أمس")
    assert (m["id"], m["lat"], m["lon"]) == ("mine:tall-zaytun", 35.1, 38.2)
    assert makan.Tagger(places=[str(table)]).tag("تل الزيتونة")[0]["id"] == "mine:tall-zaytun"


def test_bad_user_table_names_file_and_line(tmp_path):
    table = tmp_path / "bad.tsv"
    table.write_text(
        PLACES_HEADER
        + "mine:a\tpopulated\tقرية أ\tVillage A\t35.1\t38.2\n"
        + "mine:b\tvillage\tقرية ب\tVillage B\t35.1\t38.2\n"
        + "mine:c\tpopulated\tقرية ج\tVillage C\t\t\n"
    )
    with pytest.raises(makan.GazetteerError) as error:
        makan.Tagger(places=table)
    message = str(error.value)
    assert f"{table}:3: unknown kind `village`" in message
    assert f"{table}:4:" in message
    assert isinstance(error.value, ValueError)


def test_comma_separated_table_and_missing_file(tmp_path):
    table = tmp_path / "mine.csv"
    table.write_text("id,kind,name_ar,name_en,lat,lon\n")
    with pytest.raises(makan.GazetteerError, match=r"mine\.csv:1: .*comma"):
        makan.Tagger(places=str(table))
    with pytest.raises(FileNotFoundError, match="nowhere.tsv"):
        makan.Tagger(orgs=tmp_path / "nowhere.tsv")


def test_bad_tagger_options():
    with pytest.raises(TypeError, match="places must be a path"):
        makan.Tagger(places=5)
    with pytest.raises(TypeError, match="places must be a path"):
        makan.Tagger(places=[None])
    with pytest.raises(ValueError, match="needs places or orgs"):
        makan.Tagger(override_existing=True)
    with pytest.raises(TypeError):
        makan.Tagger("places.tsv")


def test_repr_and_version(tagger):
    assert repr(tagger).startswith("makan.Tagger(entities=")
    assert makan.__version__
