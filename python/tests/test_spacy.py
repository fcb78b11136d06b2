"""The spaCy component: registration, spans, clitics inside tokens, entities of others
(a rule-based component and a trained NER, trained here on four sentences)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from conftest import FOUNDING  # noqa: E402


def labelled(spans):
    return [(s.text, s.label_) for s in spans]


def test_registered_by_entry_point_on_blank_arabic():
    nlp = spacy.blank("ar")
    nlp.add_pipe("makan")
    doc = nlp(FOUNDING)
    spans = doc.spans["makan"]
    assert labelled(spans) == [("البوكمال", "LOC"), ("دير الزور", "LOC")]
    abu_kamal = spans[0]._.makan
    assert (abu_kamal["id"], abu_kamal["pcode"]) == ("wof:890449891", "C5167")
    assert abu_kamal["lat"] == pytest.approx(34.45, abs=0.01)
    assert [a["level"] for a in abu_kamal["admin"]] == ["admin1", "admin2", "admin3"]
    assert abu_kamal["evidence"] and 0 <= abu_kamal["confidence"] <= 1
    assert labelled(doc.ents) == labelled(spans)
    assert doc.ents[0]._.makan["id"] == "wof:890449891"


def test_blank_english_with_organizations():
    nlp = spacy.blank("en")
    nlp.add_pipe("makan")
    doc = nlp("The United Nations said aid reached Aleppo and Idlib on Monday.")
    assert labelled(doc.spans["makan"]) == [
        ("United Nations", "ORG"), ("Aleppo", "LOC"), ("Idlib", "LOC"),
    ]
    for span in doc.spans["makan"]:
        m = span._.makan
        assert (span.start_char, span.end_char, span.text) == (m["start"], m["end"], m["text"])


def test_clitic_inside_a_token_expands_the_span_and_keeps_exact_offsets():
    nlp = spacy.blank("ar")
    nlp.add_pipe("makan")
    doc = nlp("عادت العائلات وللبوكمال بعد سنوات")
    (span,) = doc.spans["makan"]
    assert [t.text for t in span] == ["وللبوكمال"]
    m = span._.makan
    assert (m["text"], m["proclitic"]) == ("لبوكمال", "ول")
    assert doc.text[m["start"]:m["end"]] == "لبوكمال"
    assert (span.start_char, span.end_char) == (m["start"] - 2, m["end"])
    assert labelled(doc.ents) == [("وللبوكمال", "LOC")]


def test_entities_of_another_component_are_kept_unless_asked():
    text = "Aid reached Aleppo and Damascus yesterday."

    def pipeline(**config):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "GPE", "pattern": "Aleppo"}])
        nlp.add_pipe("makan", config=config)
        return nlp

    doc = pipeline()(text)
    assert labelled(doc.ents) == [("Aleppo", "GPE"), ("Damascus", "LOC")]
    assert labelled(doc.spans["makan"]) == [("Aleppo", "LOC"), ("Damascus", "LOC")]
    doc = pipeline(overwrite_ents=True)(text)
    assert labelled(doc.ents) == [("Aleppo", "LOC"), ("Damascus", "LOC")]
    doc = pipeline(set_ents=False)(text)
    assert labelled(doc.ents) == [("Aleppo", "GPE")]


def test_spans_key_option_and_pipe_give_the_same_annotations(docs):
    nlp = spacy.blank("ar")
    nlp.add_pipe("makan", config={"spans_key": "places", "threads": 2})
    texts = [d["text"] for d in docs[:50]]
    piped = list(nlp.pipe(texts, batch_size=16))
    one_by_one = [nlp(t) for t in texts]
    assert all("places" in doc.spans and "makan" not in doc.spans for doc in piped)
    assert [labelled(d.spans["places"]) for d in piped] == [
        labelled(d.spans["places"]) for d in one_by_one
    ]
    assert [[s._.makan for s in d.spans["places"]] for d in piped] == [
        [s._.makan for s in d.spans["places"]] for d in one_by_one
    ]


def test_a_sentencizer_before_and_after_changes_nothing():
    nlp = spacy.blank("ar")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("makan")
    doc = nlp("قصف على حلب. ثم هدوء في دمشق.")
    assert labelled(doc.spans["makan"]) == [("حلب", "LOC"), ("دمشق", "LOC")]
    assert len(list(doc.sents)) == 2


def test_bad_table_in_config_raises_with_file_and_line(tmp_path):
    import makan

    table = tmp_path / "bad.tsv"
    table.write_text("id\tkind\tname_ar\tname_en\tlat\tlon\nmine:a\tvillage\tأ\tA\t1\t2\n")
    nlp = spacy.blank("ar")
    with pytest.raises(makan.GazetteerError, match=f"{table}:2: unknown kind"):
        nlp.add_pipe("makan", config={"places": [str(table)]})


def test_after_a_trained_ner_its_entities_are_kept():
    import random

    from spacy.training import Example

    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("GPE")
    sentences = [
        ("Aid reached Aleppo on Monday.", [(12, 18, "GPE")]),
        ("Shelling hit Homs overnight.", [(13, 17, "GPE")]),
        ("Convoys left Damascus at dawn.", [(13, 21, "GPE")]),
        ("Talks in Geneva stalled again.", [(9, 15, "GPE")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in sentences]
    random.seed(7)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.1)
    nlp.add_pipe("makan")
    text = "Aid reached Idlib and Aleppo on Monday, the United Nations said."
    with nlp.select_pipes(disable=["makan"]):
        theirs = labelled(nlp(text).ents)
    doc = nlp(text)
    assert set(theirs) <= set(labelled(doc.ents))
    assert labelled(doc.spans["makan"]) == [
        ("Idlib", "LOC"), ("Aleppo", "LOC"), ("United Nations", "ORG"),
    ]
    taken = {t.i for e in doc.ents if (e.text, e.label_) in theirs for t in e}
    for span in doc.ents:
        if span.label_ in ("LOC", "ORG"):
            assert not taken & {t.i for t in span}
