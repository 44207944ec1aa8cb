"""What the review screen shows, computed once from a Comparison, off the UI thread.

The rows (text of each version, changed spans, where each delta sits) are the comparison's
:class:`~difftool.rows.Rows`, the same the HTML report draws; this module only adds what the
screen needs on top: the fingerprints decisions are filed under and, for each delta, the row to
scroll to and the footnotes to show. Computing all of that in the loading worker means moving
between deltas is only rendering. Texts are shown through :func:`difftool.visible.visible` (one
character for one, so offsets and spans stay valid): a control character in a letter is drawn as
``␛``, never sent to the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from difftool.model import Comparison, Delta
from difftool.review import fingerprints
from difftool.rows import Row, Rows, build_rows


@dataclass(frozen=True, slots=True)
class ReviewView:
    """Everything the review screen renders."""

    comparison: Comparison
    rows: Rows
    fingerprints: tuple[str, ...]
    """Fingerprint of each delta, by delta index."""

    @property
    def deltas(self) -> tuple[Delta, ...]:
        return self.comparison.deltas

    @property
    def paragraphs(self) -> tuple[Row, ...]:
        return self.rows.paragraphs

    def row_of(self, index: int) -> int:
        """The paragraph row to show for delta ``index`` (the top for one with no place)."""
        row = self.rows.places[index].row
        return row if row is not None else 0

    def footnote_of(self, index: int) -> int | None:
        """The footnote row delta ``index`` sits in, if it is in a footnote."""
        return self.rows.places[index].footnote

    def footnotes_of(self, row: int) -> tuple[Row, ...]:
        """The footnote rows cited by either side of paragraph ``row``, in citation order."""
        if not self.paragraphs:
            return ()
        return tuple(self.rows.footnotes[k] for k in self.paragraphs[row].cites)

    def footnotes_for(self, index: int | None) -> tuple[Row, ...]:
        """The footnotes to show with delta ``index``: those its row cites, and its own footnote
        (a footnote no paragraph cites is shown on its own)."""
        if index is None:
            return self.footnotes_of(0)
        shown = self.footnotes_of(self.row_of(index)) if self.rows.places[index].row is not None else ()
        k = self.footnote_of(index)
        if k is not None and self.rows.footnotes[k] not in shown:
            shown = (*shown, self.rows.footnotes[k])
        return shown


def build_view(c: Comparison) -> ReviewView:
    """Rows, fingerprints and places of a comparison."""
    return ReviewView(comparison=c, rows=build_rows(c), fingerprints=fingerprints(c.deltas))
