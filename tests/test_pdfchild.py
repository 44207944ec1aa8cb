"""The PDF reader's child started early: adopted for the same bytes only, never judging the file,
stopped when nobody adopts it; and the command gives the same answer through it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from difftool import pdfchild
from difftool.limits import MEMORY_LIMIT
from difftool.parse.pdf import read_pdf

LETTER_PDF = ROOT / "tests" / "data" / "libreoffice-letter.pdf"
LETTER_DOCX = ROOT / "tests" / "data" / "libreoffice-letter.docx"


@pytest.fixture(autouse=True)
def _no_leftovers():
    yield
    pdfchild.stop_early()


def test_only_readable_pdfs_are_started_early(tmp_path: Path) -> None:
    fake = tmp_path / "notes.pdf"
    fake.write_text("not a PDF at all\n")
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    copy = tmp_path / "COPY.PDF"
    copy.write_bytes(LETTER_PDF.read_bytes())
    args = ["compare", str(fake), str(folder), str(tmp_path / "missing.pdf"), str(LETTER_DOCX), "-", str(copy)]
    assert pdfchild.start_early(args) == 1
    assert [c.data for c in pdfchild._early] == [copy.read_bytes()]


def test_a_named_backend_that_does_not_exist_starts_nothing(monkeypatch) -> None:
    monkeypatch.setenv(pdfchild.BACKEND_VARIABLE, "ghostscript")
    assert pdfchild.start_early([str(LETTER_PDF)]) == 0


def test_the_reader_adopts_the_child_for_the_same_bytes_only(tmp_path: Path) -> None:
    assert pdfchild.start_early([str(LETTER_PDF)]) == 1
    early = pdfchild._early[0]
    other = pdfchild.start(LETTER_PDF.read_bytes() + b"\n", early.backend, MEMORY_LIMIT)
    assert other is not early  # other bytes: a child of its own
    other.stop()
    assert pdfchild.start(LETTER_PDF.read_bytes(), early.backend, MEMORY_LIMIT // 2) is not early
    assert pdfchild.start(LETTER_PDF.read_bytes(), early.backend, MEMORY_LIMIT) is early
    assert pdfchild._early == []


def test_a_child_nobody_adopts_is_stopped() -> None:
    pdfchild.start_early([str(LETTER_PDF)])
    child = pdfchild._early[0]
    pdfchild.stop_early()
    assert child.proc.poll() is not None
    assert pdfchild._early == []


def test_the_adopted_child_reads_the_letter_as_a_new_one_does() -> None:
    fresh = read_pdf(str(LETTER_PDF))
    pdfchild.start_early([str(LETTER_PDF)])
    adopted = read_pdf(str(LETTER_PDF))
    assert pdfchild._early == []
    assert adopted == fresh


def test_the_command_through_the_entry_gives_the_same_answer() -> None:
    """``python -m difftool`` starts the PDF's reader early; ``difftool.cli`` does not: same JSON."""
    args = ["compare", "--format", "json", str(LETTER_DOCX), str(LETTER_PDF)]
    env = {**os.environ, "NO_COLOR": "1"}
    via_entry = subprocess.run([sys.executable, "-m", "difftool", *args], capture_output=True, text=True, env=env)
    direct = subprocess.run(
        [sys.executable, "-c", "from difftool.cli import main; main()", *args], capture_output=True, text=True, env=env
    )
    assert via_entry.returncode == direct.returncode
    assert via_entry.stdout == direct.stdout
    assert via_entry.stderr == direct.stderr == ""


def _early_started(*args: str) -> str:
    code = (
        "import sys\nfrom difftool import pdfchild, entry\n"
        "pdfchild.start_early = lambda a: print('EARLY', *a) or 0\n"
        "sys.modules['difftool.cli'] = type(sys)('difftool.cli')\n"
        "sys.modules['difftool.cli'].main = lambda: None\n"
        f"sys.argv = ['difftool', *{list(args)!r}]\nentry.main()\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_only_commands_that_read_their_arguments_start_early() -> None:
    assert _early_started("compare", "a.docx", "b.pdf") == "EARLY a.docx b.pdf\n"
    assert _early_started("reconcile", "a.pdf", "b.pdf", "c.pdf") == "EARLY a.pdf b.pdf c.pdf\n"
    assert _early_started("group", "a.pdf", "b.pdf") == ""
    assert _early_started("check", "--corpus", "a.pdf") == ""
    assert _early_started("--help") == ""
