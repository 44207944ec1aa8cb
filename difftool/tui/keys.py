"""The key map, as data: the help screen shows it and a test holds docs/keys.md to it, so the
three (bindings, help, docs) cannot drift apart."""

from __future__ import annotations

KEYMAP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Move",
        (
            ("j / ↓", "next line: next delta in the list, scroll down in the text"),
            ("k / ↑", "previous line: previous delta in the list, scroll up in the text"),
            ("n", "next delta (from anywhere)"),
            ("N", "previous delta (from anywhere)"),
            ("g / home", "first delta in the list, top of the text"),
            ("G / end", "last delta in the list, bottom of the text"),
            ("pgup / pgdn", "a page up or down"),
            ("tab / shift+tab", "switch pane: delta list, text, footnotes"),
        ),
    ),
    (
        "Filter",
        (
            ("f", "cycle the severity filter: all, substantive, editorial, cosmetic, expected"),
            ("c", "show or hide cosmetic deltas (hidden at start)"),
            ("/", "search deltas (kind, explanation, text of either version); enter keeps, escape clears"),
        ),
    ),
    (
        "Decide",
        (
            ("a", "accept: the difference is intended (every decision is saved at once)"),
            ("x", "reject: the difference must be fixed"),
            ("e", "expected: the difference follows from the edition"),
            ("m", "write a note on the decision"),
            ("u", "undo: forget the decision"),
        ),
    ),
    (
        "App",
        (
            ("?", "this help"),
            ("q", "quit (every decision is already saved)"),
            ("mouse", "click a delta, or the text to select its first delta; the wheel scrolls"),
        ),
    ),
)
