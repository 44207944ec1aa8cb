"""Shared fixtures: the sample letters and a way to run the CLI as a user does."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from difftool.model import Letter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EK = SAMPLES / "2026-06-22-jbz-ek.txt"
TK = SAMPLES / "2026-06-22-jbz-tk.txt"
DOCX = SAMPLES / "2026-06-22-jbz-docx.txt"
AGENDA = SAMPLES / "2025-05-28-jbz-agenda-tk-docx.txt"
EK_MARCH = SAMPLES / "2026-03-18-jbz-ek-pdf.txt"
ALL_SAMPLES = (EK, TK, DOCX, AGENDA, EK_MARCH)


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``difftool`` in a subprocess, as CI would (no TTY)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "difftool", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or str(ROOT),
        timeout=120,
    )


@pytest.fixture(scope="session")
def cli():
    return run_cli


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/*/expected.* from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


COSMETIC_SWAP = str.maketrans(
    {"'": "\u2019", "\u2019": "'", '"': "\u201d", "\u201c": '"', "\u201d": '"', "-": "\u2013", "\u2013": "-"}
)
"""Straight and curly quotes, hyphen and en dash swapped: other characters, the same text."""


def cosmetic_copy(letter: Letter) -> Letter:
    """The letter with every quote and dash in its blocks and footnotes swapped for another
    style (one character for one, so offsets stay valid): blocks that differ only cosmetically,
    so the engine cannot skip them as identical and has to diff each pair."""
    return dataclasses.replace(
        letter,
        blocks=tuple(dataclasses.replace(b, text=b.text.translate(COSMETIC_SWAP)) for b in letter.blocks),
        footnotes=tuple(dataclasses.replace(f, text=f.text.translate(COSMETIC_SWAP)) for f in letter.footnotes),
    )


def changed_parts(letter: Letter, copy: Letter) -> tuple[set[str], set[int]]:
    """Ids of the blocks and numbers of the footnotes whose text differs between two versions of
    one letter that have the same structure (``copy`` made by :func:`cosmetic_copy`)."""
    blocks = {x.id for x, y in zip(letter.blocks, copy.blocks, strict=True) if x.text != y.text}
    notes = {x.number for x, y in zip(letter.footnotes, copy.footnotes, strict=True) if x.text != y.text}
    return blocks, notes
