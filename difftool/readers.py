"""File -> Letter, whatever the file is: the edge where the pipeline meets the disk."""

from __future__ import annotations

import os

from difftool.model import Letter
from difftool.parse import parse
from difftool.sources import InputError, read_source


def read_letter(path: str) -> Letter:
    """Read and parse one input file. Raises InputError with a one-line message."""
    ext = os.path.splitext(path)[1].lower()
    if ext in (".pdf", ".docx"):
        raise InputError(f"{path}: reading {ext} files directly is not supported yet; compare a text extraction")
    letter = parse(read_source(path))
    if not letter.blocks:
        raise InputError(f"{path}: no text found in the file")
    return letter
