"""The footnotes of the current paragraph, both versions, with the inline changes marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from difftool.model import Delta
from difftool.tui.view import FootnotePair, Pane


def _line(
    label: str, number: int | None, pane: Pane, changed: Style, selected: Style, lit: tuple[int, int] | None
) -> Text:
    text = Text(f"{label} {number if number is not None else '–':>3}  ", style="bold" if number else "dim")
    body = Text(pane.text if number is not None else "(not in this version)", style="" if number else "dim")
    for start, end in pane.changes:
        body.stylize(changed, start, end)
    if lit is not None:
        body.stylize(selected, *lit)
    return text.append_text(body)


def footnotes_text(
    pairs: Sequence[FootnotePair], delta: Delta | None, removed: Style, added: Style, selected: Style
) -> Text:
    """A and B of each footnote pair, one under the other, the selected delta highlighted."""
    if not pairs:
        return Text("No footnotes in this paragraph.", style="dim")
    out = Text()
    for n, p in enumerate(pairs):
        if n:
            out.append("\n")
        lit_a = p.a.span_of(delta.a) if delta else None
        lit_b = p.b.span_of(delta.b) if delta else None
        out.append_text(_line("A", p.number_a, p.a, removed, selected, lit_a)).append("\n")
        out.append_text(_line("B", p.number_b, p.b, added, selected, lit_b))
    return out


class FootnotePanel(Static):
    """Shows :func:`footnotes_text` for the current paragraph, in the app's colours."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"footnotes--removed", "footnotes--added", "footnotes--selected"}

    def show(self, pairs: Sequence[FootnotePair], delta: Delta | None) -> None:
        style = self.get_component_rich_style
        self.update(
            footnotes_text(
                pairs, delta, style("footnotes--removed"), style("footnotes--added"), style("footnotes--selected")
            )
        )
