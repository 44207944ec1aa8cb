"""The code stays the way STYLE asks: ruff-clean, ruff-formatted, and mypy --strict on the package."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=str(ROOT), timeout=300)


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (ROOT / ".venv/bin/ruff").exists(), reason="ruff not installed"
)
def test_ruff_check_and_format() -> None:
    lint = run("ruff", "check", "difftool", "tests", "bench")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run("ruff", "format", "--check", "difftool", "tests", "bench")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    out = run("mypy")
    assert out.returncode == 0, out.stdout + out.stderr
