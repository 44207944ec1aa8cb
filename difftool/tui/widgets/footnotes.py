"""The footnotes of the current paragraph, both versions, with the inline changes marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from difftool.model import Delta
from difftool.rows import Cell, Row
from difftool.visible import visible


def _line(label: str, cell: Cell, changed: Style, selected: Style, lit: tuple[int, int] | None) -> Text:
    number = cell.footnote.number if cell.footnote is not None else None
    text = Text(f"{label} {number if number is not None else '–':>3}  ", style="bold" if number else "dim")
    body = Text(visible(cell.text) if number is not None else "(not in this version)", style="" if number else "dim")
    for start, end in cell.changes:
        body.stylize(changed, start, end)
    if lit is not None:
        body.stylize(selected, *lit)
    return text.append_text(body)


def footnotes_text(rows: Sequence[Row], delta: Delta | None, removed: Style, added: Style, selected: Style) -> Text:
    """A and B of each footnote row, one under the other, the selected delta highlighted."""
    if not rows:
        return Text("No footnotes in this paragraph.", style="dim")
    out = Text()
    for n, r in enumerate(rows):
        if n:
            out.append("\n")
        lit_a = r.a.span_of(delta.a) if delta else None
        lit_b = r.b.span_of(delta.b) if delta else None
        out.append_text(_line("A", r.a, removed, selected, lit_a)).append("\n")
        out.append_text(_line("B", r.b, added, selected, lit_b))
    return out


class FootnotePanel(Static):
    """Shows :func:`footnotes_text` for the current paragraph, in the app's colours."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"footnotes--removed", "footnotes--added", "footnotes--selected"}

    def show(self, rows: Sequence[Row], delta: Delta | None) -> None:
        style = self.get_component_rich_style
        self.update(
            footnotes_text(
                rows, delta, style("footnotes--removed"), style("footnotes--added"), style("footnotes--selected")
            )
        )
