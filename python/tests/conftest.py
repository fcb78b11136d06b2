"""Shared fixtures: one tagger, the ``makan`` CLI to compare with, and generated documents."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import makan

# The founding sentence of the project (README): Abu Kamal, south-east of Deir ez-Zor.
FOUNDING = "حررت مدينة البوكمال جنوب شرق مدينة دير الزور بحوالي 140 كم"

PLACES_AR = [
    "حلب", "دمشق", "حمص", "حماة", "إدلب", "الرقة", "دير الزور", "البوكمال", "درعا",
    "اللاذقية", "طرطوس", "منبج", "القامشلي", "الحسكة", "تدمر", "السويداء", "الميادين",
    "جرابلس", "عفرين", "معرة النعمان",
]
PLACES_EN = ["Aleppo", "Damascus", "Homs", "Raqqa", "Idlib", "Deir ez-Zor", "Palmyra", "Daraa"]
ORGS_AR = [
    "الجيش العربي السوري", "قوات سوريا الديمقراطية", "الأمم المتحدة",
    "الهلال الأحمر العربي السوري", "منظمة الصحة العالمية",
]
ORGS_EN = ["the United Nations", "the Syrian Democratic Forces", "the World Health Organization"]

# Sentences written for these tests in the register of wire news, with the places and
# organizations as slots; some put a proclitic before a place («وبـ», «لـ»), one starts with
# an emoji and one holds a character outside the Basic Multilingual Plane.
TEMPLATES_AR = [
    "قالت مصادر محلية إن {o} دخلت بلدات في ريف {p} الشرقي صباح اليوم.",
    "وصلت قافلة مساعدات إلى {p} وانطلقت قافلة أخرى نحو {q} بإشراف {o}.",
    "أفاد ناشطون بسقوط قذائف على أحياء في مدينة {p} جنوب {q}.",
    "عاد مئات النازحين إلى قراهم في محيط {p} بعد أشهر من النزوح إلى و{q}.",
    "🚨 عاجل: انقطاع الكهرباء عن أحياء واسعة في {p} وب{q} منذ الفجر.",
    "أعلنت {o} عن افتتاح مستشفى ميداني على الطريق بين {p} و{q}.",
    "نقل مراسلنا في {p} أن الأسواق فتحت أبوابها 𝟚 ساعات فقط بسبب البرد.",
    "تواصل {o} عملياتها في البادية الممتدة من {p} إلى {q} بحسب بيان رسمي.",
]
TEMPLATES_EN = [
    "Aid convoys reached {p} on Monday, {o} said, and more were expected in {q}.",
    "Residents of {p} reported shelling overnight, while {o} called for calm 🕊️.",
    "The road from {p} to {q} reopened after {o} cleared it of mines.",
]


def generated_docs(n: int = 240) -> list:
    """``n`` documents ``{"doc_id", "text"}`` of two or three sentences from the templates."""
    places_ar = itertools.cycle(PLACES_AR)
    places_en = itertools.cycle(PLACES_EN)
    orgs_ar = itertools.cycle(ORGS_AR)
    orgs_en = itertools.cycle(ORGS_EN)
    docs = []
    for i in range(n):
        sentences = []
        for j in range(2 + i % 2):
            if (i + j) % 4 == 3:
                template = TEMPLATES_EN[(i + j) % len(TEMPLATES_EN)]
                fill = {"p": next(places_en), "q": next(places_en), "o": next(orgs_en)}
            else:
                template = TEMPLATES_AR[(i * 3 + j) % len(TEMPLATES_AR)]
                fill = {"p": next(places_ar), "q": next(places_ar), "o": next(orgs_ar)}
            sentences.append(template.format(**fill))
        docs.append({"doc_id": f"doc-{i:04d}", "text": " ".join(sentences)})
    return docs


@pytest.fixture(scope="session")
def tagger() -> makan.Tagger:
    return makan.Tagger()


@pytest.fixture(scope="session")
def docs() -> list:
    return generated_docs()


@pytest.fixture(scope="session")
def makan_cli() -> str:
    """The ``makan`` binary: ``$MAKAN_CLI``, else ``makan`` on PATH. CI sets ``MAKAN_CLI``;
    elsewhere the tests that compare with the CLI are skipped when there is none."""
    path = os.environ.get("MAKAN_CLI") or shutil.which("makan")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("CI needs MAKAN_CLI: the tests compare with the command line")
        pytest.skip("no makan CLI (set MAKAN_CLI=target/release/makan)")
    return path


def run_cli(cli: str, docs: list, tmp_path: Path, *args: str) -> list:
    """The CLI's output lines for ``docs`` written as JSON Lines."""
    path = tmp_path / "docs.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    out = subprocess.run(
        [cli, *args, str(path)], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]
