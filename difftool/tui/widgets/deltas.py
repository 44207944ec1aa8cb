"""The delta list: one line per visible delta, with its decision, severity, kind and explanation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from difftool.model import Delta, Severity
from difftool.review import Decision, Verdict
from difftool.visible import visible

SEVERITY_LABEL = {
    Severity.SUBSTANTIVE: ("SUB", "bold red"),
    Severity.EDITORIAL: ("EDI", "yellow"),
    Severity.COSMETIC: ("COS", "dim"),
    Severity.EXPECTED: ("EXP", "cyan"),
}
VERDICT_MARK = {
    Verdict.ACCEPTED: ("✓", "green"),
    Verdict.REJECTED: ("✗", "bold red"),
    Verdict.EXPECTED: ("≈", "cyan"),
}
KIND_WIDTH = 15


def delta_prompt(delta: Delta, decision: Decision | None) -> Text:
    """``✓ SUB wording         word 'VOOR' → 'van'`` — one line, cut to the width it gets."""
    mark, mark_style = VERDICT_MARK[decision.verdict] if decision else (" ", "")
    label, label_style = SEVERITY_LABEL[delta.severity]
    kind = visible(delta.kind if len(delta.kind) <= KIND_WIDTH else delta.kind[: KIND_WIDTH - 1] + "…")
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(mark, mark_style).append(" ")
    text.append(label, label_style).append(" ")
    text.append(f"{kind:<{KIND_WIDTH}} ", "italic")
    text.append(visible(delta.explanation))
    return text


class DeltaList(OptionList):
    """The deltas the filter lets through; option ids are delta indices into the comparison."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def fill(self, items: Sequence[tuple[int, Delta, Decision | None]], keep: int | None) -> None:
        """Show ``items`` (delta index, delta, decision); highlight delta ``keep`` if it is among
        them, else the first."""
        self.set_options(Option(delta_prompt(d, dec), id=str(i)) for i, d, dec in items)
        indices = [i for i, _, _ in items]
        self.highlighted = indices.index(keep) if keep in indices else (0 if indices else None)

    def current(self) -> int | None:
        """Delta index of the highlighted line."""
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id is not None else None

    def show_delta(self, index: int) -> None:
        """Highlight delta ``index`` if the list shows it."""
        key = str(index)
        for n, option in enumerate(self.options):
            if option.id == key:
                self.highlighted = n
                return

    def redraw(self, index: int, delta: Delta, decision: Decision | None) -> None:
        """Refresh the line of delta ``index`` after its decision changed."""
        key = str(index)
        if any(o.id == key for o in self.options):
            self.replace_option_prompt(key, delta_prompt(delta, decision))
