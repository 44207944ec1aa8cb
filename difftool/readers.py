"""File -> Letter, whatever the file is: the edge where the pipeline meets the disk.

Text extractions go through :mod:`difftool.sources` and the flavour parsers; ``.docx`` and
``.pdf`` files through their own readers (optional extras, imported only when such a file comes).
"""

from __future__ import annotations

import os

from difftool.model import Letter
from difftool.parse import parse
from difftool.sources import InputError, read_source


def read_letter(path: str) -> Letter:
    """Read and parse one input file. Raises InputError with a one-line message."""
    letter, _ = read_with_text(path)
    if not letter.blocks:
        raise InputError(f"{path}: no text found in the file")
    return letter


def read_with_text(path: str) -> tuple[Letter, str]:
    """The Letter and the text its offsets index: the file's own text, or for .docx and .pdf the
    text difftool extracted (docs/inputs.md)."""
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        from difftool.parse.docx import read_docx

        return read_docx(path)
    if ext == ".pdf":
        from difftool.parse.pdf import read_pdf

        return read_pdf(path)
    source = read_source(path)
    return parse(source), source.text
