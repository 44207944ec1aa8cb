"""Shared fixtures: the sample letters and a way to run the CLI as a user does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
