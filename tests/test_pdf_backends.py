"""The two PDF libraries give the same letter: PDFium (pypdfium2, the default) and pdfminer
(pdfplumber). Every committed PDF made by a real converter (LibreOffice: the extracted-text corpus
and tests/data) and the generated fpdf2 letters (core fonts, markers set smaller and raised, with
and without superscript) are read with both, each in its child process, and compared whole: the
blocks, footnotes, furniture, line starts and the extracted text.

The backends' characters differ in ways the layout analysis must not see: PDFium splits a
ligature into its letters, drops some spaces and marks line-end hyphens as U+0002, and its
advances differ from pdfminer's by hundredths of a point."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pypdfium2_raw")
pytest.importorskip("pdfplumber")

from test_docx_pdf import build_pdf

from conftest import ROOT
from difftool.parse.pdf import read_pdf
from difftool.pdfread import words_from_chars

CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/*/original.pdf"))
PDFS = [*CORPUS, ROOT / "tests" / "data" / "libreoffice-letter.pdf"]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: "/".join(p.relative_to(ROOT / "tests").parts[-3:-1]))
def test_converter_pdfs_read_alike(path: Path) -> None:
    assert read_pdf(str(path), "pdfium") == read_pdf(str(path), "pdfplumber")


@pytest.mark.parametrize("sup", [True, False], ids=["superscript", "plain-numbers"])
def test_generated_pdfs_read_alike(tmp_path: Path, sup: bool) -> None:
    path = tmp_path / "letter.pdf"
    build_pdf(path, sup_numbers=sup)
    pdfium = read_pdf(str(path), "pdfium")
    assert pdfium == read_pdf(str(path), "pdfplumber")
    assert pdfium[0].footnotes and pdfium[0].blocks


def test_corpus_is_there() -> None:
    assert len(CORPUS) == 10  # three letters in three layouts (one by WeasyPrint), and the long letter


def _char(text: str, x0: float, width: float = 5.0, top: float = 90.0, size: float = 10.0, font: str = "F") -> tuple:
    return (text, x0, x0 + width, top, top + size, size, font, True)


def test_words_break_at_space_gap_font_and_line() -> None:
    """Characters become words as pdfplumber's extract_words makes them (x_tolerance_ratio 0.15,
    y_tolerance 1.5): white space ends a word, so does a gap wider than 1.5 pt at 10 pt, a change
    of font or size (a raised marker), or another line; a ligature is written out."""
    chars = [
        _char("a", 0),
        _char("b", 5),
        _char(" ", 10, 2.5),
        _char("c", 12.5),  # space
        _char("d", 17.5 + 1.4),
        _char("e", 23.9 + 1.6),  # gap under and over 1.5 pt
        _char("1", 30.5, 3, top=87, size=6, font="F"),  # a marker: smaller, raised
        _char("\ufb01", 34, top=90),
        _char("x", 0, top=102),  # ligature; next line
        ("r", 50.0, 55.0, 0.0, 10.0, 10.0, "F", False),  # rotated: left out
    ]
    words = [w["text"] for w in words_from_chars(chars)]
    assert words == ["ab", "cd", "e", "1", "fi", "x"]
