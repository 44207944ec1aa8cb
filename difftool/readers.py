"""File -> Letter, whatever the file is: the edge where the pipeline meets the disk.

Text extractions go through :mod:`difftool.sources` and the flavour parsers; ``.docx`` and
``.pdf`` files through their own readers (optional extras, imported only when such a file comes).
``-`` is standard input, read as a PDF or a Word file when its bytes say so.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from difftool.model import Flavour, Letter
from difftool.parse import parse
from difftool.sources import STDIN, InputError, TooLargeError, decode, read_bytes

if TYPE_CHECKING:
    from difftool.parse.pdf import PdfReading


def read_letters(paths: Sequence[str], flavour: Flavour | None = None) -> tuple[Letter, ...]:
    """Read several inputs, as :func:`read_letter` each. Every PDF's reader (a child process)
    starts first, so it reads the PDF while the other inputs are read and parsed."""
    pdfs: dict[int, PdfReading] = {}
    for path in paths:
        _check_size(path)
    try:
        for i, path in enumerate(paths):
            if _kind(path) == ".pdf":
                from difftool.parse.pdf import PdfReading

                pdfs[i] = PdfReading(path)
        return tuple(read_letter(path, flavour, pdfs.get(i)) for i, path in enumerate(paths))
    finally:
        for reading in pdfs.values():
            reading.close()


MAX_COMPARE_BYTES = 4_000_000
"""Largest text extraction difftool compares (bytes): reading and parsing take up to 3.5 s a
megabyte (READ_SECONDS_PER_BYTE), so a larger one is refused before it is parsed."""
READ_SECONDS_PER_BYTE = 3.5e-6


def _check_size(path: str) -> None:
    """Refuse a text input too large to compare within the limits, before parsing it (a .pdf or
    .docx is bounded by its own reader: pages, entries)."""
    if _kind(path) in (".pdf", ".docx"):
        return
    size = len(read_bytes(path))
    if size > MAX_COMPARE_BYTES:
        raise TooLargeError(
            f"{path}: {size:,} bytes of text would take about {size * READ_SECONDS_PER_BYTE:,.0f} s "
            f"to read alone; difftool compares texts of up to {MAX_COMPARE_BYTES:,} bytes (a letter is "
            "about 50,000); compare smaller parts"
        )


def read_letter(path: str, flavour: Flavour | None = None, pdf: PdfReading | None = None) -> Letter:
    """Read and parse one input file (a text extraction as ``flavour`` when given; ``pdf``: the
    reading of this PDF, already started). Raises InputError with a one-line message."""
    letter, _ = pdf.letter() if pdf is not None else read_with_text(path, flavour)
    if not letter.blocks:
        raise InputError(f"{path}: no text found in the file")
    return letter


def _kind(path: str) -> str:
    """``.pdf``, ``.docx`` or ``""`` (a text extraction): by the name, or for ``-`` by the bytes."""
    if path == STDIN:
        head = read_bytes(path)[:1024]
        return ".pdf" if head.startswith(b"%PDF") else ".docx" if head.startswith(b"PK\x03\x04") else ""
    return os.path.splitext(path)[1].lower()


def read_with_text(path: str, flavour: Flavour | None = None) -> tuple[Letter, str]:
    """The Letter and the text its offsets index: the file's own text, or for .docx and .pdf the
    text difftool extracted (docs/inputs.md). ``flavour`` overrides the detected flavour of a text
    extraction; .docx and .pdf files are read as what they are."""
    ext = _kind(path)
    if ext == ".docx":
        from difftool.parse.docx import read_docx

        return read_docx(path)
    if ext == ".pdf":
        from difftool.parse.pdf import read_pdf

        return read_pdf(path)
    source = decode(read_bytes(path), path)
    letter = parse(source, flavour)
    if source.warnings:
        letter = replace(letter, notes=(*letter.notes, *source.warnings), warnings=source.warnings)
    return letter, source.text
