"""The extracted text that offsets of a .docx or .pdf letter point into.

A text extraction has characters of its own, so its blocks carry file offsets. A Word file or a
PDF has none that a reader could open, so the readers write the text they extracted, one printed
line (PDF) or one paragraph (DOCX) per line, and every offset of the Letter indexes that text.
Footnote markers appear in it as ``[^N]`` at their exact place. docs/inputs.md describes it.
"""

from __future__ import annotations

from difftool.text import Mapped


class ExtractedText:
    """Lines appended one by one; each comes back as a Mapped value pointing into the whole."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0

    def add_line(self, text: str, prefix: str = "") -> Mapped:
        """Append ``prefix + text`` as one line; return ``text`` with its offsets in the whole."""
        start = self._size + len(prefix)
        self._parts.append(prefix + text + "\n")
        self._size += len(prefix) + len(text) + 1
        return Mapped.of(text, start)

    def text(self) -> str:
        return "".join(self._parts)

    def line_starts(self) -> tuple[int, ...]:
        starts = [0]
        for part in self._parts[:-1]:
            starts.append(starts[-1] + len(part))
        return tuple(starts)


def without_spans(line: Mapped, spans: list[tuple[int, int]]) -> Mapped:
    """``line`` with the character ranges ``spans`` (sorted, not overlapping) cut out."""
    keep: list[Mapped] = []
    pos = 0
    for start, end in spans:
        keep.append(line.slice(pos, start))
        pos = end
    keep.append(line.slice(pos))
    return Mapped.join(keep, "")
