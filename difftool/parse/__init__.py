"""Text flavour -> Letter. ``parse`` picks the flavour parser; ``build_letter`` does the rest."""

from __future__ import annotations

import re
from dataclasses import replace

from difftool.model import Flavour, Letter
from difftool.parse.common import build_letter
from difftool.parse.flavours import parse_docx_text, parse_markdown
from difftool.sources import Source, detect_flavour

__all__ = ["parse", "parse_text"]

_NEWLINE = re.compile("\n")


def parse(source: Source, flavour: Flavour | None = None) -> Letter:
    """Parse a decoded source into a Letter; the flavour is detected unless given."""
    flavour = flavour or detect_flavour(source.text)
    if flavour is Flavour.DOCX_TEXT:
        paras, bodies, furniture = parse_docx_text(source.text)
    elif flavour is Flavour.PDF_TEXT:
        from difftool.parse.pdftext import parse_pdf_text  # its many patterns only when needed

        paras, bodies, furniture = parse_pdf_text(source.text)
    else:
        paras, bodies, furniture = parse_markdown(source.text)
    letter = build_letter(source.path, source.encoding, flavour, paras, bodies, furniture)
    starts = (0, *(m.end() for m in _NEWLINE.finditer(source.text)))
    return replace(letter, line_starts=starts)


def parse_text(text: str, path: str = "<text>", flavour: Flavour | None = None) -> Letter:
    """Parse a string (tests, generated letters)."""
    return parse(Source(path, text, "utf-8"), flavour)
