"""Type stubs of the Rust extension ``makan._makan`` (re-exported by ``makan``)."""

import os
from typing import Any, Iterable, List, Optional, Sequence, Union

__version__: str

_Path = Union[str, "os.PathLike[str]"]

class GazetteerError(ValueError):
    """A user table that makan cannot load; the message lists ``FILE:LINE: reason`` for
    each bad row."""

class Tagger:
    """Finds places and organizations in Arabic and English text and resolves them.

    ``Tagger()`` uses the gazetteer embedded in the package. ``places`` and ``orgs`` add your
    own tables (a path or a list of paths, in the schema of ``data/places.tsv`` and
    ``data/orgs.tsv``); a bad table raises ``GazetteerError`` naming the file and line of each
    bad row, a missing file ``FileNotFoundError``. ``override_existing`` lets a row replace the
    entity of the same id. ``resolve=False`` gives the tagger's mentions without resolution
    (no ``id``, ``lat``, ...); ``all=True`` keeps the mentions the resolver rejected, marked
    ``"rejected": True``.

    A tagger is immutable and thread-safe; build it once (about half a second) and reuse it.
    """

    def __init__(
        self,
        *,
        places: Optional[Union[_Path, Sequence[_Path]]] = None,
        orgs: Optional[Union[_Path, Sequence[_Path]]] = None,
        override_existing: bool = False,
        resolve: bool = True,
        all: bool = False,
    ) -> None: ...
    def focus(self, text: str) -> List[dict[str, Any]]:
        """Where ``text`` is about, as the ``focus`` list of ``makan tag``: the places it names,
        ranked by their share of the document's votes, each a dict with ``id``, ``kind``,
        ``name_ar``, ``name_en``, ``lat``, ``lon``, ``pcode``, ``country``, ``admin``,
        ``score`` and ``mentions``; the first also carries ``admin1``, its governorate (or
        its country outside Syria) with the share of the votes in it. ``[]`` when the text
        names no place. Raises ``ValueError`` on a tagger made with ``resolve=False``."""
        ...

    def tag(self, text: str) -> List[dict[str, Any]]:
        """The mentions of ``text`` in text order, each a dict with the fields of the CLI's
        JSON (``makan tag``): ``start``, ``end`` (Python string indices: ``text[m["start"]:
        m["end"]] == m["text"]``), ``byte_start``, ``byte_end``, ``utf16_start``,
        ``utf16_end``, ``text``, ``type`` (``LOC``/``ORG``), ``proclitic`` (when one was
        left out), ``candidates``, and when resolved ``id``, ``kind``, ``name_ar``,
        ``name_en``, ``lat``, ``lon``, ``pcode``, ``country``, ``admin``, ``confidence``,
        ``evidence``, ``alternatives``. Absent fields are left out of the dict.

        ``""`` gives ``[]``. Raises ``TypeError`` when ``text`` is not a ``str`` (``None``
        included) and ``UnicodeEncodeError`` (a ``ValueError``) for a lone surrogate.
        The GIL is released while tagging.
        """
    def tag_batch(
        self, texts: Iterable[str], threads: Optional[int] = None
    ) -> List[List[dict[str, Any]]]:
        """The mentions of each text (as ``tag`` gives them), one list per text, in order.

        Tags on ``threads`` threads (every core when ``None``; ``1`` tags on one thread) with
        the GIL released. Raises ``TypeError`` when ``texts`` is a ``str`` or holds a
        non-``str`` item (the message gives its index) and ``ValueError`` for ``threads < 1``.
        """
