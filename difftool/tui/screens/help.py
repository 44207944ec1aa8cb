"""The help screen: every binding, from the key map."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from difftool.tui.keys import KEYMAP

Keymap = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def keymap_table(keymap: Keymap = KEYMAP) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for n, (section, keys) in enumerate(keymap):
        if n:
            table.add_row("", "")
        table.add_row(Text(section, style="bold underline"), "")
        for key, what in keys:
            table.add_row(key, what)
    return table


class HelpScreen(ModalScreen[None]):
    """A key map (the review screen's, or another's) over the screen; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", show=True),
    ]

    def __init__(self, keymap: Keymap = KEYMAP) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(keymap_table(self.keymap))
