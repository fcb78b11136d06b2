"""The spaCy component: ``nlp.add_pipe("makan")``.

Registered as the factory ``makan`` through the ``spacy_factories`` entry point, so no import
is needed. Every mention becomes a ``Span`` labelled ``LOC`` or ``ORG`` in
``doc.spans["makan"]``, and ``span._.makan`` holds the mention's dict (the fields of
``Tagger.tag``: id, lat, lon, pcode, admin, confidence, evidence, ...).

Spans and tokens. makan's spans leave Arabic proclitics out («وللبوكمال» gives «لبوكمال»),
and spaCy keeps the clitics inside the whitespace token, so such a span does not start on a
token boundary. The component does not retokenize (a trained pipeline's later components
expect the tokens they were trained on): the ``Span`` covers the whole tokens that hold the
mention (spaCy's ``alignment_mode="expand"``), and the exact mention is kept in
``span._.makan``: ``start``/``end`` (character offsets into ``doc.text``) and ``text``, with
``doc.text[m["start"]:m["end"]] == m["text"]``; ``proclitic`` holds what was left out. For an
aligned mention the span's ``start_char``/``end_char`` are the same offsets.

Entities. With ``set_ents`` (default), the spans are also added to ``doc.ents``, but entities
another component already set are kept: a makan span that overlaps one of them is left out of
``doc.ents`` (it stays in ``doc.spans``). ``overwrite_ents=True`` gives makan's spans priority
instead. Config: ``spans_key`` (``"makan"``), ``set_ents``, ``overwrite_ents``, ``resolve``,
``all`` (rejected mentions too), ``places``/``orgs`` (your own tables, paths),
``override_existing``, ``threads`` (for ``nlp.pipe``).
"""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ._makan import Tagger

EXTENSION = "makan"

if not Span.has_extension(EXTENSION):
    Span.set_extension(EXTENSION, default=None)


class MakanComponent:
    """Adds makan's mentions to each ``Doc`` (see the module's documentation)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "makan",
        *,
        spans_key: str = "makan",
        set_ents: bool = True,
        overwrite_ents: bool = False,
        resolve: bool = True,
        all: bool = False,
        places: Sequence[str] = (),
        orgs: Sequence[str] = (),
        override_existing: bool = False,
        threads: Optional[int] = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.overwrite_ents = overwrite_ents
        self.threads = threads
        self.tagger = Tagger(
            places=list(places),
            orgs=list(orgs),
            override_existing=override_existing,
            resolve=resolve,
            all=all,
        )

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(doc, self.tagger.tag(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Tags the documents in batches on every core (``threads``)."""
        batch: List[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate_batch(batch)
                batch = []
        if batch:
            yield from self._annotate_batch(batch)

    def _annotate_batch(self, docs: List[Doc]) -> Iterator[Doc]:
        found = self.tagger.tag_batch([doc.text for doc in docs], threads=self.threads)
        for doc, mentions in zip(docs, found):
            yield self._annotate(doc, mentions)

    def _annotate(self, doc: Doc, mentions: list) -> Doc:
        spans = []
        for m in mentions:
            span = doc.char_span(m["start"], m["end"], label=m["type"])
            if span is None:
                # Inside a token (a proclitic before the name): the tokens that hold it.
                span = doc.char_span(
                    m["start"], m["end"], label=m["type"], alignment_mode="expand"
                )
            if span is None:
                continue
            span._.set(EXTENSION, m)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            doc.ents = merge_entities(list(doc.ents), spans, self.overwrite_ents)
        return doc


def merge_entities(existing: List[Span], ours: List[Span], overwrite: bool) -> List[Span]:
    """``existing`` and ``ours`` without overlaps: the first group given priority keeps all of
    its spans, the other adds those that overlap nothing kept (nor each other)."""
    first, second = (ours, existing) if overwrite else (existing, ours)
    taken = set()
    kept = []
    for group in (first, second):
        for span in group:
            tokens = range(span.start, span.end)
            if any(t in taken for t in tokens):
                continue
            taken.update(tokens)
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


@Language.factory(
    "makan",
    default_config={
        "spans_key": "makan",
        "set_ents": True,
        "overwrite_ents": False,
        "resolve": True,
        "all": False,
        "places": [],
        "orgs": [],
        "override_existing": False,
        "threads": None,
    },
)
def make_makan(
    nlp: Language,
    name: str,
    spans_key: str,
    set_ents: bool,
    overwrite_ents: bool,
    resolve: bool,
    all: bool,
    places: List[str],
    orgs: List[str],
    override_existing: bool,
    threads: Optional[int],
) -> MakanComponent:
    """The ``makan`` factory (``nlp.add_pipe("makan", config={...})``)."""
    return MakanComponent(
        nlp,
        name,
        spans_key=spans_key,
        set_ents=set_ents,
        overwrite_ents=overwrite_ents,
        resolve=resolve,
        all=all,
        places=places,
        orgs=orgs,
        override_existing=override_existing,
        threads=threads,
    )
