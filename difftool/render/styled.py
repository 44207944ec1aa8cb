"""Styled lines for text output, and where they go: rich only when a terminal will show the styles.

The text faces (``compare``, ``inspect``, ``group``) write lines of styled spans. On a terminal
they go through rich, which colours and wraps them; written to a file, a pipe or a CI log the
styles mean nothing, and the spans are joined and written as they are, one line each, unwrapped,
without importing rich (about a fifth of ``compare``'s start-up). A table that must wrap within
its cells (``reconcile``'s text) uses rich itself, in every case.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


class Styled:
    """One line: spans of text, each with a rich style name (``""`` for none)."""

    __slots__ = ("spans",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.spans: list[tuple[str, str]] = [(text, style)] if text else []

    def append(self, text: str | Styled, style: str = "") -> Styled:
        """Add ``text`` in ``style`` (or another line's spans, as they are); returns the line."""
        if isinstance(text, Styled):
            self.spans.extend(text.spans)
        elif text:
            self.spans.append((text, style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.spans)


class Out:
    """Where styled lines go: ``file`` (standard output when None); styled through rich only when
    that is a terminal (or ``FORCE_COLOR`` asks for colour anyway); rich also honours ``NO_COLOR``."""

    def __init__(self, file: TextIO | None = None) -> None:
        stream = sys.stdout if file is None else file
        self._file = stream
        self._console: Console | None = None
        if file is None and (stream.isatty() or os.environ.get("FORCE_COLOR")):
            from rich.console import Console

            self._console = Console(highlight=False)

    def print(self, line: Styled | str = "", style: str = "") -> None:
        """Write one line (``style`` applies to the whole line, under its spans' own)."""
        if isinstance(line, str):
            line = Styled(line)
        if self._console is None:
            self._file.write(line.plain + "\n")
            return
        from rich.text import Text

        self._console.print(Text.assemble(*line.spans, style=style))
