"""makan (مكان): places and organizations in Arabic and English news about Syria.

``Tagger().tag(text)`` finds the places and organizations of a text and resolves each place
to its point, OCHA P-code and administrative parents. Each mention is a dict with the fields
of the ``makan tag`` command line's JSON: ``start``/``end`` are Python string indices
(``text[m["start"]:m["end"]] == m["text"]``), ``type`` is ``LOC`` or ``ORG``, and a resolved
mention has ``id``, ``kind``, ``lat``, ``lon``, ``pcode``, ``admin``, ``confidence`` and
``evidence``.

>>> from makan import Tagger
>>> tagger = Tagger()
>>> [m["text"] for m in tagger.tag("وصلت وحدات الجيش العربي السوري إلى البوكمال")]
['الجيش العربي السوري', 'البوكمال']

The spaCy component is ``nlp.add_pipe("makan")`` (``makan.spacy_component``); the Spark
function is ``makan.spark.add_mentions``.
"""

from ._makan import GazetteerError, Tagger, __version__
from ._records import MENTION_FIELDS, mention_rows, mentions_arrow_type

__all__ = [
    "GazetteerError",
    "MENTION_FIELDS",
    "Tagger",
    "__version__",
    "mention_rows",
    "mentions_arrow_type",
]
