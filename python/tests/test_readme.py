"""The README's Python section runs as written and prints what it says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def python_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Python\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def python_blocks() -> list:
    return re.findall(r"```python\n(.*?)```", python_section(), flags=re.S)


def run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def test_readme_has_the_install_and_three_snippets():
    section = python_section()
    assert "pip install ./python" in section
    assert len(python_blocks()) == 3


def test_readme_five_lines_print_the_founding_sentences_places():
    code = python_blocks()[0]
    assert len(code.strip().splitlines()) == 5
    out = run(code).splitlines()
    assert out == [
        "البوكمال LOC wof:890449891 34.45 40.91861 C5167",
        "دير الزور LOC wof:421202167 35.33588 40.14084 None",
    ]
    for line in out:
        assert f"`{line}`" in python_section()


def test_readme_spacy_snippet():
    pytest.importorskip("spacy")
    out = run(python_blocks()[1]).splitlines()
    assert out == ["وللبوكمال LOC لبوكمال wof:890449891"]
    assert f"`{out[0]}`" in python_section()
