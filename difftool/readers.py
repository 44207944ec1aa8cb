"""File -> Letter, whatever the file is: the edge where the pipeline meets the disk.

Text extractions go through :mod:`difftool.sources` and the flavour parsers; ``.docx`` and
``.pdf`` files through their own readers (optional extras, imported only when such a file comes).
``-`` is standard input, read as a PDF or a Word file when its bytes say so.
"""

from __future__ import annotations

import os
from dataclasses import replace

from difftool.model import Flavour, Letter
from difftool.parse import parse
from difftool.sources import STDIN, InputError, decode, read_bytes


def read_letter(path: str, flavour: Flavour | None = None) -> Letter:
    """Read and parse one input file (a text extraction as ``flavour`` when given). Raises
    InputError with a one-line message."""
    letter, _ = read_with_text(path, flavour)
    if not letter.blocks:
        raise InputError(f"{path}: no text found in the file")
    return letter


def read_with_text(path: str, flavour: Flavour | None = None) -> tuple[Letter, str]:
    """The Letter and the text its offsets index: the file's own text, or for .docx and .pdf the
    text difftool extracted (docs/inputs.md). ``flavour`` overrides the detected flavour of a text
    extraction; .docx and .pdf files are read as what they are."""
    ext = os.path.splitext(path)[1].lower()
    if path == STDIN:
        head = read_bytes(path)[:1024]
        ext = ".pdf" if head.startswith(b"%PDF") else ".docx" if head.startswith(b"PK\x03\x04") else ""
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
