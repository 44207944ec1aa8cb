"""The footnotes of the current paragraph, both versions, with the inline changes marked; the
footnote of the selected difference is scrolled into view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from difftool.model import Delta
from difftool.rows import Cell, Row
from difftool.visible import visible


def marked_text(
    cell: Cell,
    changed: Style,
    letters: Style,
    selected: Style,
    lit: tuple[int, int] | None,
    hidden: frozenset[int] = frozenset(),
) -> Text:
    """A cell's text with the selected delta lit and, over it, the changes and their letters
    (so the changed words stay visible inside a lit citation); the change of a delta the filter
    hides is not marked."""
    body = Text(visible(cell.text))
    if lit is not None:
        body.stylize(selected, *lit)
    shown = [
        span
        for n, span in enumerate(cell.changes)
        if not (n < len(cell.owners) and cell.owners[n] is not None and cell.owners[n] in hidden)
    ]
    for start, end in shown:
        body.stylize(changed, start, end)
    for start, end in cell.letters:
        if any(s <= start < e for s, e in shown):
            body.stylize(letters, start, end)
    return body


def _line(
    label: str, cell: Cell, styles: tuple[Style, Style, Style], lit: tuple[int, int] | None, hidden: frozenset[int]
) -> Text:
    number = cell.footnote.number if cell.footnote is not None else None
    text = Text(f"{label} {number if number is not None else '–':>3}  ", style="bold" if number else "dim")
    if number is None:
        return text.append("(not in this version)", "dim")
    return text.append_text(marked_text(cell, *styles, lit, hidden))


def footnotes_text(
    rows: Sequence[Row],
    delta: Delta | None,
    removed: Style,
    added: Style,
    selected: Style,
    letters: Style,
    hidden: frozenset[int] = frozenset(),
) -> Text:
    """A and B of each footnote row, one under the other, the selected delta highlighted."""
    if not rows:
        return Text("No footnotes in this paragraph.", style="dim")
    out = Text()
    for n, r in enumerate(rows):
        if n:
            out.append("\n")
        lit_a = r.a.span_of(delta.a) if delta else None
        lit_b = r.b.span_of(delta.b) if delta else None
        out.append_text(_line("A", r.a, (removed, letters, selected), lit_a, hidden)).append("\n")
        out.append_text(_line("B", r.b, (added, letters, selected), lit_b, hidden))
    return out


class FootnotePanel(Static):
    """Shows :func:`footnotes_text` for the current paragraph, in the app's colours, scrolled to
    the selected difference's footnote."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footnotes--removed",
        "footnotes--added",
        "footnotes--selected",
        "footnotes--letters",
    }

    def show(
        self, rows: Sequence[Row], delta: Delta | None, target: Row | None = None, hidden: frozenset[int] = frozenset()
    ) -> None:
        style = self.get_component_rich_style
        self.update(
            footnotes_text(
                rows,
                delta,
                style("footnotes--removed"),
                style("footnotes--added"),
                style("footnotes--selected"),
                style("footnotes--letters"),
                hidden,
            )
        )
        before = list(rows[: list(rows).index(target)]) if target is not None and target in rows else []
        self.call_after_refresh(self._scroll_past, before, delta)

    def _scroll_past(self, before: list[Row], delta: Delta | None) -> None:
        """Scroll the panel so that the first line after ``before`` is at the top."""
        parent = self.parent
        width = self.content_region.width
        if parent is None or width <= 0:
            return
        console = Console(width=width, file=None, color_system=None, legacy_windows=False)
        plain = Style()
        lines = sum(len(footnotes_text([r], delta, plain, plain, plain, plain).wrap(console, width)) for r in before)
        parent.scroll_to(y=lines, animate=False)  # type: ignore[attr-defined]
