"""The N-way review screen: every variation point of three or more versions, a column per version,
and the aligned paragraph of every version for the selected point.

``difftool reconcile V1 V2 V3 --review-ui`` opens it. The reconciliation runs in a worker thread
behind a loading indicator; everything the screen shows afterwards is precomputed
(:mod:`difftool.tui.nway_view`). A decision on a point (accept, reject, expected, a note) is saved
to the review file the moment it is made, under the point's fingerprint: the key ``difftool
reconcile --review`` and ``difftool check V1 V2 V3 --review`` look it up under.

The CLI and the tests build the app with the same factory, :func:`create_nway_app`.
"""

from __future__ import annotations

import dataclasses
import os
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static

from difftool.engine import NotRelatedError
from difftool.model import SEVERITY_ORDER, Severity
from difftool.passages import Passage
from difftool.reconcile import ReconcileRequest, run
from difftool.review import Review, ReviewFileError, Verdict, default_review_path, load_review, save_review
from difftool.sources import InputError
from difftool.tui.nway_view import (
    FILTERS,
    NWAY_KEYMAP,
    NwayView,
    PointRow,
    build_nway_view,
    decision_for_point,
    filter_label,
    shown,
)
from difftool.tui.screens.help import HelpScreen
from difftool.tui.screens.note import NoteScreen
from difftool.tui.widgets.aligned import with_citations
from difftool.visible import visible

SEVERITY_STYLE = {
    Severity.SUBSTANTIVE: "bold red",
    Severity.EDITORIAL: "yellow",
    Severity.COSMETIC: "dim",
    Severity.EXPECTED: "cyan",
}
VERDICT_MARK = {Verdict.ACCEPTED: "✓", Verdict.REJECTED: "✗", Verdict.EXPECTED: "="}
LIT_STYLE = "bold black on yellow"
"""The marker of a footnote the selected point is in (its reading is marked in yellow too)."""
SIDE_BY_SIDE = 34
"""Narrowest paragraph column: below it the versions' paragraphs stand one under another."""


class NwayHelpScreen(HelpScreen):
    """The N-way key map; escape, q or ? closes it."""

    def __init__(self) -> None:
        super().__init__(NWAY_KEYMAP)


class PointTable(DataTable[RenderableType]):
    """The variation points, a column per version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
    ]

    def on_focus(self) -> None:
        """Back on the table (tab, a click): it takes its room again."""
        self.screen.remove_class("-open")

    def action_first(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)


class NwayApp(App[None]):
    """Variation points above the aligned paragraphs of every version; decisions go to the review file."""

    CSS_PATH = "nway.tcss"
    TITLE = "difftool reconcile"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("a", "decide('accepted')", "Accept"),
        Binding("x", "decide('rejected')", "Reject"),
        Binding("e", "decide('expected')", "Expected"),
        Binding("m", "note", "Note", show=False),
        Binding("u", "undecide", "Undo", show=False),
        Binding("f", "cycle_filter", "Filter"),
        Binding("c", "toggle_cosmetic", "Cosmetic", show=False),
        Binding("enter,escape", "close_point", "Back", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, request: ReconcileRequest, review_path: str) -> None:
        super().__init__()
        self.request = request
        self.review_path = review_path
        self.review = request.review
        self.view: NwayView | None = None
        self.error: InputError | NotRelatedError | None = None
        """Why the versions could not be reconciled (the CLI reports it after the app exits)."""
        self.severity: Severity | None = None
        self.show_cosmetic = False
        self.selected: int | None = None
        """Index (into ``view.rows``) of the point the detail pane shows."""

    # --- building the screen ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        yield PointTable(id="points", cursor_type="row", zebra_stripes=False)
        with VerticalScroll(id="detail"):
            yield Static(id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        names = ", ".join(os.path.basename(p) for p in self.request.paths)
        self.query_one("#header", Static).update(Text(visible(f"reconciling {names}…"), style="dim"))
        self.query_one("#points").loading = True
        self.query_one("#detail").border_title = "Aligned paragraphs"
        self.reconcile()

    @work(thread=True, exclusive=True, name="reconcile")
    def reconcile(self) -> None:
        """Reconcile and precompute the view off the UI thread."""
        try:
            view = build_nway_view(run(self.request))
        except (InputError, NotRelatedError) as exc:
            self.call_from_thread(self._fail, exc)
            return
        self.call_from_thread(self._show, view)

    def _fail(self, exc: InputError | NotRelatedError) -> None:
        self.error = exc
        self.exit(return_code=2)

    def _show(self, view: NwayView) -> None:
        self.view = view
        table = self.query_one(PointTable)
        table.loading = False
        n = len(view.labels)
        fixed = 4 + 3 + 16 + 6 + 1
        free = max(8 * n, self.size.width - fixed - 2 * (n + 5) - 4)
        width = max(8, free // n)
        table.add_column("id", width=4, key="id")
        table.add_column("sev", width=3, key="sev")
        table.add_column("kind", width=16, key="kind")
        for v in range(n):
            table.add_column(
                Text(visible(view.head(v)), style="bold" if v == view.base else ""), width=width, key=f"v{v}"
            )
        table.add_column("odd", width=6, key="odd")
        table.add_column("", width=1, key="decision")
        self._refill()
        table.focus()
        for x in view.reconciliation.letters:
            for warning in x.warnings:
                self.notify(visible(warning), title="Read with a repair", severity="warning", timeout=10, markup=False)

    # --- the table ---------------------------------------------------------------------------------

    def _cells(self, row: PointRow) -> list[RenderableType]:
        p = row.point
        style = SEVERITY_STYLE[p.severity]
        out: list[RenderableType] = [
            Text(p.id),
            Text(p.severity.value[:3], style=style),
            Text(p.kind.value, style=style, no_wrap=True, overflow="ellipsis"),
        ]
        for cell in row.cells:
            if not cell.present:
                out.append(Text("—", style="dim"))
                continue
            look = "green" if cell.right else ("" if cell.majority or p.majority is None else "bold")
            shown_text = cell.text or "∅"
            out.append(Text(shown_text + (" ✓" if cell.right else ""), style=look, no_wrap=True, overflow="ellipsis"))
        out.append(Text(row.odd, style="bold"))
        decision = self.review.get(p.fingerprint)
        out.append(Text(VERDICT_MARK[decision.verdict] if decision else "", style="bold"))
        return out

    def _refill(self) -> None:
        """Rebuild the table after a filter change, keeping the current point if it stays."""
        if self.view is None:
            return
        table = self.query_one(PointTable)
        keep = self.selected
        table.clear()
        indices = shown(self.view, self.severity, self.show_cosmetic)
        for i in indices:
            table.add_row(*self._cells(self.view.rows[i]), key=str(i))
        table.border_title = f"Variation points: {filter_label(self.severity, self.show_cosmetic)} ({len(indices)})"
        table.border_subtitle = os.path.basename(self.review_path)
        if keep in indices:
            table.move_cursor(row=indices.index(keep))
        self._select(indices[table.cursor_row] if indices else None)
        self._update_header()

    def _update_header(self) -> None:
        assert self.view is not None
        r = self.view.reconciliation
        versions = Text(no_wrap=True, overflow="ellipsis")
        for v, x in enumerate(r.letters):
            versions.append("  " if v else "").append(f" {visible(self.view.head(v))} ", "bold reverse")
            versions.append(visible(f" {os.path.basename(x.path)}"))
        counts = Text(no_wrap=True, overflow="ellipsis", end="")
        summary = r.summary()
        for n, sev in enumerate(SEVERITY_ORDER):
            counts.append("  " if n else "").append(f"{summary[sev.value]} {sev.value}", SEVERITY_STYLE[sev])
        decided = sum(1 for row in self.view.rows if self.review.get(row.point.fingerprint))
        total = len(self.view.rows)
        status = Text(f"reviewed {decided}/{total}", style="bold" if decided == total else "", end="")
        totals = Table.grid(expand=True, padding=(0, 1))
        totals.add_column(ratio=1, no_wrap=True)
        totals.add_column(justify="right", no_wrap=True)
        totals.add_row(counts, status)
        self.query_one("#header", Static).update(Group(versions, totals))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._select(int(event.row_key.value) if event.row_key.value is not None else None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a point opens it: the paragraphs pane takes the focus."""
        event.stop()
        self._select(int(event.row_key.value) if event.row_key.value is not None else None)
        self.screen.add_class("-open")
        self.query_one("#detail").focus()
        table = self.query_one(PointTable)
        self.call_after_refresh(lambda: table.move_cursor(row=table.cursor_row, scroll=True))

    def action_close_point(self) -> None:
        """Enter or escape in the paragraphs pane: back to the table, which takes its room again."""
        self.screen.remove_class("-open")
        self.query_one(PointTable).focus()

    # --- the detail pane ---------------------------------------------------------------------------

    def _select(self, index: int | None) -> None:
        if self.view is None:
            return
        self.selected = index
        detail = self.query_one("#detail-text", Static)
        if index is None:
            detail.update(Text("No variation point under this filter.", style="dim"))
            return
        detail.update(self._detail(self.view.rows[index]))
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    def _detail(self, row: PointRow) -> RenderableType:
        assert self.view is not None
        p = row.point
        labels = self.view.labels
        m = p.members[0]
        title = Text(no_wrap=False)
        title.append(f"{p.id}  ", "bold").append(f"{p.kind.value} · {p.severity.value}", SEVERITY_STYLE[p.severity])
        title.append(visible(f"  at {p.where}  ({p.scope})"), "dim")
        decision = self.review.get(p.fingerprint)
        if decision is not None:
            title.append(f"  {decision.verdict.value} in review", "bold reverse")
            if decision.note:
                title.append(visible(f": {decision.note}"), "italic")
        lines: list[RenderableType] = [title]
        lines.append(Text(visible(f"{labels[m.ref]} → {labels[m.other]}: {p.explanation}")))
        if p.lexicon:
            lines.append(Text(visible(f"Word list: {p.lexicon}"), style="green"))
        facts = []
        if p.majority is not None:
            facts.append(f"majority: {', '.join(labels[v] for v in p.readings[p.majority].versions)}")
        if row.odd:
            facts.append(f"odd one out: {row.odd}")
        if facts:
            lines.append(Text(visible("; ".join(facts)), style="bold"))
        lines.append(Text(""))
        lines.append(self._passages(row))
        return Group(*lines)

    def _passage(self, row: PointRow, v: int, passage: Passage) -> Text:
        if passage.absent:
            return Text("(absent here)", style="dim italic")
        out = Text()
        for k, t in enumerate(passage.texts):
            if k:
                out.append("\n\n")
            shown_text = Text(visible(t))
            if passage.mark is not None and passage.mark[0] == k:
                style = "black on green" if row.cells[v].right else "black on yellow"
                shown_text.stylize(style, passage.mark[1], passage.mark[2])
            markers = passage.markers_of(k)
            out.append_text(with_citations(shown_text, markers, self._cite, LIT_STYLE, passage.lit))
        if passage.more:
            out.append(f"\n… and {passage.more} more block(s)", "dim")
        return out

    @property
    def _cite(self) -> str:
        """A footnote marker ``[n]``: bold in the theme's accent, as the pairwise screen draws it."""
        return f"bold {self.current_theme.accent or 'magenta'}"

    def _passages(self, row: PointRow) -> RenderableType:
        assert self.view is not None
        n = len(row.passages)
        width = self.size.width - 4
        heads = [
            Text(visible(self.view.head(v)), style="bold reverse" if v == self.view.base else "bold") for v in range(n)
        ]
        if width // n >= SIDE_BY_SIDE:
            table = Table(expand=True, show_lines=False, box=None, padding=(0, 1))
            for v in range(n):
                table.add_column(heads[v], ratio=1, overflow="fold")
            table.add_row(*(self._passage(row, v, x) for v, x in enumerate(row.passages)))
            return table
        parts: list[RenderableType] = []
        for v, x in enumerate(row.passages):
            parts.append(heads[v])
            parts.append(self._passage(row, v, x))
            parts.append(Text(""))
        return Group(*parts)

    # --- filtering ---------------------------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        self.severity = FILTERS[(FILTERS.index(self.severity) + 1) % len(FILTERS)]
        self._refill()

    def action_toggle_cosmetic(self) -> None:
        self.show_cosmetic = not self.show_cosmetic
        self._refill()

    def action_help(self) -> None:
        self.push_screen(NwayHelpScreen())

    # --- deciding ----------------------------------------------------------------------------------

    def _current(self) -> int | None:
        if self.view is None or self.selected is None:
            self.bell()
            return None
        return self.selected

    def action_decide(self, verdict: str) -> None:
        index = self._current()
        if index is None or self.view is None:
            return
        p = self.view.rows[index].point
        old = self.review.get(p.fingerprint)
        decision = decision_for_point(p, Verdict(verdict), self.view.labels, self.view.base, old.note if old else "")
        self._commit(index, self.review.with_decision(p.fingerprint, decision))

    def action_undecide(self) -> None:
        index = self._current()
        if index is None or self.view is None:
            return
        self._commit(index, self.review.without(self.view.rows[index].point.fingerprint))

    def action_note(self) -> None:
        index = self._current()
        if index is None or self.view is None:
            return
        p = self.view.rows[index].point
        decision = self.review.get(p.fingerprint)
        if decision is None:
            self.notify("Decide first (a, x or e), then add a note.", severity="warning")
            return

        def keep(note: str | None) -> None:
            if note is not None and self.view is not None:
                self._commit(index, self.review.with_decision(p.fingerprint, dataclasses.replace(decision, note=note)))

        self.push_screen(NoteScreen(f"Note on {p.id} ({decision.verdict.value})", decision.note), keep)

    def _commit(self, index: int, review: Review) -> None:
        """Save first, then show: the screen never claims a decision the file does not hold."""
        assert self.view is not None
        try:
            save_review(self.review_path, review, tuple(os.path.basename(p) for p in self.request.paths))
        except ReviewFileError as exc:
            self.notify(visible(str(exc)), title="Decision not saved", severity="error", timeout=10, markup=False)
            return
        self.review = review
        table = self.query_one(PointTable)
        key = str(index)
        if key in table.rows:
            decision = review.get(self.view.rows[index].point.fingerprint)
            table.update_cell(key, "decision", Text(VERDICT_MARK[decision.verdict] if decision else "", style="bold"))
        self._select(index)
        self._update_header()


def create_nway_app(request: ReconcileRequest, review_path: str | None = None) -> NwayApp:
    """The N-way review app on ``request.paths``. Reads the review file now, so a corrupt or
    foreign one is a ReviewFileError before any screen opens (and is never overwritten); its
    decisions apply to the points (and to the pairwise differences they are made of) as in
    ``difftool reconcile --review``."""
    path = review_path or default_review_path(request.paths[0])
    review = load_review(path)
    return NwayApp(dataclasses.replace(request, review=review), path)
