"""Side-by-side panes of the aligned text, drawn with the Line API.

A and B are two columns of one scrolling widget, so they cannot drift apart: each aligned group
is one row, as tall as its longer side. Only the visible lines are drawn, and a row is wrapped
again only when the width or its highlight changes, so a long letter scrolls and moves between
deltas without re-laying out the whole text.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from difftool.model import Delta, Relation
from difftool.rows import Cell, Span
from difftool.tui.view import ReviewView
from difftool.tui.widgets.footnotes import marked_text

GUTTER = {
    Relation.EQUAL: " ",
    Relation.CHANGED: "~",
    Relation.SPLIT: "<",
    Relation.MERGE: ">",
    Relation.MOVED: "^",
    Relation.ADDED: "+",
    Relation.REMOVED: "-",
}
SEPARATOR = " │ "


def with_citations(
    body: Text, markers: Sequence[tuple[int, int]], cite: Style | str, selected: Style | str, lit: Collection[int]
) -> Text:
    """``body`` (a text, styled) with a ``[n]`` marker where each footnote is cited, just after the
    word the marker follows in the letter (``markers``: (index into the text, number), as
    :attr:`Cell.markers` and :attr:`~difftool.passages.Passage.markers` give them), the markers of
    the footnotes in ``lit`` (the selected difference's) lit. The marker takes the style of the
    text around it (a change it stands inside stays one mark) with the marker's style over it.
    The pairwise and the N-way review screens both draw markers with it."""
    if not markers:
        return body
    out = Text()
    pos = 0
    for at, n in markers:
        out.append_text(body[pos:at])
        around = [sp.style for sp in body.spans if sp.start < at < sp.end]
        marker = Text(f"[{n}]")
        for style in around:
            marker.stylize(style)
        marker.stylize(selected if n in lit else cite)
        out.append_text(marker)
        pos = at
    out.append_text(body[pos:])
    return out


class AlignedView(ScrollView, can_focus=True):
    """Version A on the left, B on the right; the selected delta highlighted in both."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "aligned--removed",
        "aligned--added",
        "aligned--selected",
        "aligned--gutter",
        "aligned--marker",
        "aligned--absent",
        "aligned--letters",
        "aligned--cite",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    class RowClicked(Message):
        """The reader clicked on a row of the aligned text."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view: ReviewView | None = None
        self._lit: dict[int, tuple[Span | None, Span | None]] = {}
        self._delta: Delta | None = None
        self._hidden: frozenset[int] = frozenset()
        """Deltas the filter hides: their changes are not marked."""
        self._anchor: int | None = None
        """The selected delta's row, marked in the gutter even when nothing in it is lit (a
        footnote delta lights up in the footnote panel, not here)."""
        """Rows the selected delta covers, with the span it covers on each side."""
        self._cache: dict[int, list[Strip]] = {}
        self._lit_line: dict[int, int] = {}
        """For lit rows in the cache: the first line that shows the highlight."""
        self._tops: list[int] = []
        """First line of each row; one more entry for the end."""
        self._width = 0

    def show(self, view: ReviewView) -> None:
        """Display a comparison (replaces whatever was shown)."""
        self._view = view
        self._lit = {}
        self._anchor = None
        self._relayout()

    def hide(self, hidden: frozenset[int]) -> None:
        """Leave the changes of ``hidden`` deltas unmarked (the filter hides them)."""
        if hidden != self._hidden:
            self._hidden = hidden
            self._cache.clear()
            self._lit_line.clear()
            self.refresh()

    def select(self, delta: Delta | None, row: int) -> None:
        """Highlight ``delta`` and scroll its first highlighted line into view."""
        if self._view is None:
            return
        stale = set(self._lit) | ({self._anchor} if self._anchor is not None else set())
        self._lit = self._rows_lit(delta) if delta is not None else {}
        self._delta = delta
        self._anchor = row if delta is not None else None
        for r in stale | set(self._lit) | {row}:
            self._cache.pop(r, None)
            self._lit_line.pop(r, None)
        self._retop()
        self.scroll_to(y=max(0, self._first_lit_line(row) - 2), animate=False)
        self.refresh()

    def _rows_lit(self, delta: Delta) -> dict[int, tuple[Span | None, Span | None]]:
        assert self._view is not None
        lit: dict[int, tuple[Span | None, Span | None]] = {}
        for n, row in enumerate(self._view.paragraphs):
            spans = (row.a.span_of(delta.a), row.b.span_of(delta.b))
            if spans != (None, None):
                lit[n] = spans
        return lit

    def _first_lit_line(self, row: int) -> int:
        """The line of ``row`` where the highlight starts (the row's top when nothing is lit);
        0 before the first layout (a delta selected before the widget has a width)."""
        if row >= len(self._tops) - 1:
            return 0
        self._row_strips(row)
        return self._tops[row] + self._lit_line.get(row, 0)

    # --- layout ----------------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._lit_line.clear()

    def _column_width(self) -> int:
        return max(8, (self._width - 1 - len(SEPARATOR)) // 2)

    def _relayout(self) -> None:
        self._width = self.scrollable_content_region.width
        self._cache.clear()
        self._lit_line.clear()
        self._retop()
        if self._anchor is not None:  # keep the selected delta in view at the new width
            self.scroll_to(y=max(0, self._first_lit_line(self._anchor) - 2), animate=False)
        self.refresh()

    def _retop(self) -> None:
        """Row heights after a width or highlight change (rows are wrapped as they are measured)."""
        tops = [0]
        if self._view is not None and self._width > 0:
            for n in range(len(self._view.paragraphs)):
                tops.append(tops[-1] + len(self._row_strips(n)))
        self._tops = tops
        self.virtual_size = Size(self._width, tops[-1])

    def _row_strips(self, n: int) -> list[Strip]:
        strips = self._cache.get(n)
        if strips is None:
            strips = self._cache[n] = self._wrap_row(n)
        return strips

    def _wrap_row(self, n: int) -> list[Strip]:
        """The row's lines: gutter, A, separator, B, plus a blank line under the row."""
        assert self._view is not None
        row = self._view.paragraphs[n]
        width = self._column_width()
        lit_a, lit_b = self._lit.get(n, (None, None))
        cite_a, cite_b = (self._delta.a.footnote, self._delta.b.footnote) if self._delta else (None, None)
        left, lit_left = self._wrap(row.a, lit_a, "aligned--removed", "not in A", width, cite_a)
        right, lit_right = self._wrap(row.b, lit_b, "aligned--added", "not in B", width, cite_b)
        lit_lines = [i for i in (lit_left, lit_right) if i is not None]
        if lit_lines:
            self._lit_line[n] = min(lit_lines)
        height = max(len(left), len(right))
        base = self.rich_style
        blank = Strip.blank(width, base)
        marked = n in self._lit or n == self._anchor
        gutter_style = self.get_component_rich_style("aligned--marker" if marked else "aligned--gutter")
        mark = "▌" if marked else GUTTER[row.relation]
        sep = Strip([Segment(SEPARATOR, self.get_component_rich_style("aligned--gutter"))])
        lines = []
        for i in range(height):
            gutter = Strip([Segment(mark if i == 0 or marked else " ", gutter_style)])
            a = left[i] if i < len(left) else blank
            b = right[i] if i < len(right) else blank
            lines.append(Strip.join([gutter, a, sep, b]))
        lines.append(Strip.blank(1 + width * 2 + len(SEPARATOR), base))
        return lines

    def _wrap(
        self, pane: Cell, lit: Span | None, change_class: str, absent: str, width: int, cited: int | None = None
    ) -> tuple[list[Strip], int | None]:
        """One side wrapped to ``width``, and the first line showing the highlight (if any)."""
        base = self.rich_style
        selected = self.get_component_rich_style("aligned--selected")
        if pane.empty:
            text = Text(f"({absent})", style=base + self.get_component_rich_style("aligned--absent"))
        else:
            style = self.get_component_rich_style
            text = with_citations(
                marked_text(pane, style(change_class), style("aligned--letters"), selected, lit, self._hidden),
                pane.markers,
                style("aligned--cite"),
                selected,
                () if cited is None else (cited,),
            )
            text.style = base
        console = self.app.console
        lines = text.wrap(console, width, overflow="fold")
        lit_line = next((i for i, line in enumerate(lines) if any(sp.style is selected for sp in line.spans)), None)
        strips = [Strip(line.render(console)).apply_style(base).adjust_cell_length(width, base) for line in lines]
        return strips, lit_line

    def on_click(self, event: events.Click) -> None:
        """A click on the text selects the first difference of the row clicked."""
        line = self.scroll_offset.y + event.y
        if self._view is not None and 0 <= line < self._tops[-1]:
            self.post_message(self.RowClicked(bisect.bisect_right(self._tops, line) - 1))

    def row_top(self, row: int) -> int:
        """The first line of ``row`` in the scrolled content."""
        return self._tops[row]

    # --- drawing ---------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        if self._view is None or line >= self._tops[-1]:
            return Strip.blank(width, self.rich_style)
        row = bisect.bisect_right(self._tops, line) - 1
        strip = self._row_strips(row)[line - self._tops[row]]
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)
