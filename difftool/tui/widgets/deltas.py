"""The delta list: one line per visible delta, with its decision, id, severity, kind and explanation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from difftool.model import KINDS, Delta, Severity
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
KIND_WIDTH = max(len(k) for k in KINDS)
"""Wide enough for every kind: a kind is never cut."""
NOTE_MARK = "✎"
"""Shown after the decision when it carries a note."""


def delta_prompt(delta: Delta, decision: Decision | None, id_width: int = 3) -> Text:
    """``✓✎ d5  SUB wording  word 'VOOR' → 'van'`` — one line, the explanation cut to the width
    it gets (the detail line under the text shows it whole)."""
    mark, mark_style = VERDICT_MARK[decision.verdict] if decision else (" ", "")
    label, label_style = SEVERITY_LABEL[delta.severity]
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(mark, mark_style).append(NOTE_MARK if decision and decision.note else " ", "bold")
    text.append(f" {delta.id:<{id_width}} ", "bold")
    text.append(label, label_style).append(" ")
    text.append(f"{visible(delta.kind):<{KIND_WIDTH}} ", "italic")
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

    class EndReached(Message):
        """The reader tried to move past the first or the last line (the list does not wrap)."""

        def __init__(self, last: bool) -> None:
            super().__init__()
            self.last = last

    id_width = 3

    def fill(self, items: Sequence[tuple[int, Delta, Decision | None]], keep: int | None, id_width: int = 3) -> None:
        """Show ``items`` (delta index, delta, decision); highlight delta ``keep`` if it is among
        them, else the first."""
        self.id_width = id_width
        self.set_options(Option(delta_prompt(d, dec, id_width), id=str(i)) for i, d, dec in items)
        indices = [i for i, _, _ in items]
        self.highlighted = indices.index(keep) if keep in indices else (0 if indices else None)

    def action_cursor_down(self) -> None:
        if self.option_count and self.highlighted == self.option_count - 1:
            self.post_message(self.EndReached(last=True))
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.option_count and self.highlighted == 0:
            self.post_message(self.EndReached(last=False))
            return
        super().action_cursor_up()

    def advance(self) -> bool:
        """Move to the next line; ``False`` (and stay) on the last."""
        if self.highlighted is None or self.highlighted >= self.option_count - 1:
            return False
        self.highlighted += 1
        return True

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
            self.replace_option_prompt(key, delta_prompt(delta, decision, self.id_width))
