"""The key map, as data: the help screen shows it, docs/keys.md is generated from it
(``python -m difftool.tui.keys > docs/keys.md``; a test fails when the file is not what this
writes) and a test holds the app's bindings to it, so bindings, help and docs cannot drift apart."""

from __future__ import annotations

KEYMAP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Move",
        (
            ("j / ↓", "next line: next delta in the list (it does not wrap), scroll down in the text"),
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
            ("a", "accept: the difference is intended (saved at once; moves to the next delta)"),
            ("x", "reject: the difference must be fixed (moves to the next delta)"),
            ("e", "expected: the difference follows from the edition (moves to the next delta)"),
            ("A", "accept every shown, undecided delta (asks first; filter with f or / before)"),
            ("E", "mark every shown, undecided delta expected (asks first), e.g. after f to expected"),
            ("m", "write a note on the decision (shown in the detail line, ✎ in the list)"),
            ("u", "undo the last decision made here (a bulk one whole), with its note"),
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


NOTES = """\
The footer shows the most used keys; the line under the text shows the selected delta whole:
its id, severity, kind, explanation, the decision and its note. While the search box is open,
typed letters go into the search and do not decide anything; `enter` keeps the filter, `escape`
clears it. Decisions (`a`, `x`, `e`, `A`, `E`, `m`, `u`) are written to the review file the
moment they are made: there is nothing to save when quitting. See `docs/review.md` for the file.
"""


def keys_markdown() -> str:
    """docs/keys.md, whole."""
    out = [
        "# Keys of `difftool review`",
        "",
        "Generated from `difftool/tui/keys.py` (`python -m difftool.tui.keys > docs/keys.md`), the same",
        "table the help screen (`?`) shows; a test fails when this file or the app's bindings differ from it.",
    ]
    for section, keys in KEYMAP:
        out += ["", f"## {section}", "", "| key | what it does |", "| --- | --- |"]
        out += [f"| `{key}` | {what} |" for key, what in keys]
    return "\n".join(out) + "\n\n" + NOTES + "\n" + _nway_markdown()


_NWAY_INTRO = """A table of the variation points, a column per version (the base marked), above the aligned
paragraph of every version for the selected point (footnote markers `[n]` in place, the point's
footnote lit where a paragraph cites it). Its own key table (`NWAY_KEYMAP` in
`difftool/tui/nway_view.py`), which its help screen shows:"""

_NWAY_NOTES = """A decision is kept under the point's fingerprint, the key `difftool reconcile --review` and
`difftool check V1 V2 V3 --review FILE` look it up under (see [reconcile.md](reconcile.md)).
"""


def _nway_markdown() -> str:
    """The N-way screen's section of docs/keys.md, from its key table."""
    from difftool.tui.nway_view import NWAY_KEYMAP

    out = ["## N-way review (`difftool reconcile V1 V2 V3 --review-ui`)", "", _NWAY_INTRO, ""]
    out += ["| key | what it does |", "| --- | --- |"]
    out += [f"| `{key}` | {what} |" for _, keys in NWAY_KEYMAP for key, what in keys]
    return "\n".join(out) + "\n\n" + _NWAY_NOTES


if __name__ == "__main__":
    print(keys_markdown(), end="")
