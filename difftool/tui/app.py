"""The review app: walk through every delta of two versions and record a verdict on each.

The engine runs in a worker thread behind a loading indicator, so the screen is up at once;
everything the screen needs afterwards is precomputed (:mod:`difftool.tui.view`), so moving
between deltas never waits on the engine. Every decision is saved to the review file the moment
it is made (:mod:`difftool.review` writes atomically): quitting saves nothing new, and a crash
or a kill loses nothing already decided.

The CLI and the tests build the app with the same factory, :func:`create_app`.
"""

from __future__ import annotations

import os
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static

from difftool.engine import NotRelatedError
from difftool.model import SEVERITY_ORDER, Delta, Letter, Severity
from difftool.pipeline import Request, run
from difftool.review import (
    Review,
    ReviewFileError,
    Verdict,
    decision_for,
    default_review_path,
    load_review,
    save_review,
)
from difftool.sources import InputError
from difftool.tui.screens.confirm import ConfirmScreen
from difftool.tui.screens.help import HelpScreen
from difftool.tui.screens.note import NoteScreen
from difftool.tui.view import ReviewView, build_view
from difftool.tui.widgets.aligned import AlignedView
from difftool.tui.widgets.deltas import NOTE_MARK, SEVERITY_LABEL, VERDICT_MARK, DeltaList
from difftool.tui.widgets.footnotes import FootnotePanel
from difftool.visible import visible

FILTERS: tuple[Severity | None, ...] = (None, *SEVERITY_ORDER)
"""What ``f`` cycles through: all severities, then each one alone."""


NARROW_BELOW = 120
"""Columns below which the review screen is laid out narrow (``-narrow``)."""


def version_summary(label: str, letter: Letter) -> Text:
    """``A  letter.txt  EK · dossier 32 317 · QF · 22 juni 2026`` (the file name only: the header
    is narrow, and a snapshot must not depend on where the repository lives)."""
    m = letter.metadata
    facts = [
        m.edition,
        f"dossier {m.dossier}" if m.dossier else None,
        m.letter_code,
        f"nr. {m.number}" if m.number else None,
        m.date,
    ]
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{label} ", "bold reverse").append(visible(f" {os.path.basename(letter.path)}  "), "bold")
    return text.append(visible(" · ".join(f for f in facts if f)), "dim")


def matches(delta: Delta, query: str) -> bool:
    """Whether a search query (case-insensitive) occurs in the delta's kind, explanation or texts."""
    fields = (delta.kind, delta.explanation, delta.a.text, delta.b.text, delta.a.context, delta.b.context)
    return any(query in f.casefold() for f in fields)


class ReviewApp(App[None]):
    """Delta list beside the aligned text of both versions; decisions go to the review file."""

    CSS_PATH = "app.tcss"
    TITLE = "difftool review"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("n", "next_delta", "Next"),
        Binding("N", "previous_delta", "Prev"),
        Binding("a", "decide('accepted')", "Accept"),
        Binding("x", "decide('rejected')", "Reject"),
        Binding("e", "decide('expected')", "Expected"),
        Binding("m", "note", "Note", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("A", "decide_shown('accepted')", "Accept shown", show=False),
        Binding("E", "decide_shown('expected')", "Expected shown", show=False),
        Binding("f", "cycle_filter", "Filter"),
        Binding("c", "toggle_cosmetic", "Cosmetic", show=False),
        Binding("slash", "search", "Search"),
        Binding("escape", "cancel_search", "Clear search", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, request: Request, review_path: str, review: Review) -> None:
        super().__init__()
        self.request = request
        """What to compare, with the team's policy: the screen lists what `compare` and `check` see."""
        self.review_path = review_path
        self.review = review
        self.view: ReviewView | None = None
        self.error: InputError | NotRelatedError | None = None
        """Why the comparison could not be made (the CLI reports it after the app exits)."""
        self.severity: Severity | None = None
        self.show_cosmetic = False
        self.search_text = ""
        self.hidden: frozenset[int] = frozenset()
        """Deltas the filters hide; their changes are not marked in the text."""
        self.undo_stack: list[tuple[tuple[int, ...], Review, str]] = []
        """For each decision made here, newest last: the deltas it touched, the review before it
        and what it was (for the message when it is undone)."""

    @property
    def path_a(self) -> str:
        return self.request.a

    @property
    def path_b(self) -> str:
        return self.request.b

    # --- building the screen ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with Container(id="body"):
            yield DeltaList(id="deltas")
            with Vertical(id="text"):
                yield AlignedView(id="aligned")
                with VerticalScroll(id="footnotes"):
                    yield FootnotePanel(id="footnote-panel")
        yield Static(id="detail")
        yield Input(placeholder="search deltas (enter keeps the filter, escape clears it)", id="search")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#header", Static).update(
            Text(visible(f"comparing {self.path_a} and {self.path_b}…"), style="dim")
        )
        self.query_one("#body").loading = True
        self.query_one("#footnotes").border_title = "Footnotes"
        self.query_one(AlignedView).border_title = "A │ B"
        self.compare()

    @work(thread=True, exclusive=True, name="engine")
    def compare(self) -> None:
        """Run the engine and precompute the view off the UI thread."""
        try:
            view = build_view(run(self.request).comparison)
        except (InputError, NotRelatedError) as exc:
            self.call_from_thread(self._fail, exc)
            return
        self.call_from_thread(self._show, view)

    def _fail(self, exc: InputError | NotRelatedError) -> None:
        self.error = exc
        self.exit(return_code=2)

    def _show(self, view: ReviewView) -> None:
        self.view = view
        self.query_one("#body").loading = False
        self.query_one(AlignedView).show(view)
        self._refill()
        self.query_one(DeltaList).focus()
        for warning in (*view.comparison.a.warnings, *view.comparison.b.warnings):
            self.notify(visible(warning), title="Read with a repair", severity="warning", timeout=10, markup=False)

    # --- what is shown -----------------------------------------------------------------------------

    def _visible(self) -> list[int]:
        """Indices of the deltas the severity filter, the cosmetic toggle and the search let through."""
        assert self.view is not None
        query = self.search_text.casefold()
        out = []
        for i, d in enumerate(self.view.deltas):
            if self.severity is not None and d.severity is not self.severity:
                continue
            if self.severity is None and d.severity is Severity.COSMETIC and not self.show_cosmetic:
                continue
            if query and not matches(d, query):
                continue
            out.append(i)
        return out

    def _refill(self) -> None:
        """Rebuild the delta list after a filter change, keeping the current delta if it stays."""
        if self.view is None:
            return
        deltas = self.query_one(DeltaList)
        keep = deltas.current()
        visible = self._visible()
        id_width = max((len(d.id) for d in self.view.deltas), default=2)
        deltas.fill(
            [(i, self.view.deltas[i], self.review.get(self.view.fingerprints[i])) for i in visible], keep, id_width
        )
        self.hidden = frozenset(range(len(self.view.deltas))) - frozenset(visible)
        self.query_one(AlignedView).hide(self.hidden)
        deltas.border_title = f"Deltas: {self._filter_label()} ({len(visible)})"
        deltas.border_subtitle = os.path.basename(self.review_path)
        if not visible:
            self._select(None)
        elif (current := deltas.current()) is not None:
            self._show_footnotes(current)  # the filter may have hidden or shown a change in them
        self._update_header()

    def _filter_label(self) -> str:
        label = self.severity.value if self.severity else ("all" if self.show_cosmetic else "all but cosmetic")
        return f"{label}, /{self.search_text}" if self.search_text else label

    def _update_header(self) -> None:
        assert self.view is not None
        c = self.view.comparison
        counts = Text(no_wrap=True, overflow="ellipsis", end="")
        for n, (sev, style) in enumerate(zip(SEVERITY_ORDER, ("bold red", "yellow", "dim", "cyan"))):
            counts.append("  " if n else "").append(f"{c.summary()[sev.value]} {sev.value}", style)
        decided = sum(1 for fp in self.view.fingerprints if self.review.get(fp))
        status = Text(f"reviewed {decided}/{len(c.deltas)}", style="bold" if decided == len(c.deltas) else "", end="")
        versions = Table.grid(expand=True, padding=(0, 1))
        # one line per version when narrow: nothing of either is cut. Decided by the width itself,
        # not the screen's breakpoint class, which may come after the engine's result does
        if self.size.width < NARROW_BELOW:
            versions.add_column(ratio=1, no_wrap=True)
            versions.add_row(version_summary("A", c.a))
            versions.add_row(version_summary("B", c.b))
        else:
            versions.add_column(ratio=1, no_wrap=True)
            versions.add_column(ratio=1, no_wrap=True)
            versions.add_row(version_summary("A", c.a), version_summary("B", c.b))
        totals = Table.grid(expand=True, padding=(0, 1))
        totals.add_column(ratio=1, no_wrap=True)
        totals.add_column(justify="right", no_wrap=True)
        totals.add_row(counts, status)
        self.query_one("#header", Static).update(Group(versions, totals))

    def on_resize(self) -> None:
        if self.view is not None:
            self.call_after_refresh(self._update_header)

    def on_delta_list_end_reached(self, event: DeltaList.EndReached) -> None:
        event.stop()
        self.bell()
        self.notify("That is the last difference shown." if event.last else "That is the first difference shown.")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._select(int(event.option.id) if event.option.id is not None else None)

    def on_aligned_view_row_clicked(self, event: AlignedView.RowClicked) -> None:
        """Clicking on the text selects the first shown difference in that row."""
        event.stop()
        if self.view is None:
            return
        for index in self._visible():
            if self.view.row_of(index) == event.row:
                self.query_one(DeltaList).show_delta(index)
                return

    def _select(self, index: int | None) -> None:
        """Show delta ``index`` (``None``: nothing selected) in the text and the footnote panel."""
        if self.view is None:
            return
        delta = self.view.deltas[index] if index is not None else None
        row = self.view.row_of(index) if index is not None else 0
        self.query_one(AlignedView).select(delta, row)
        self._show_footnotes(index)
        self._show_detail(index)

    def _show_footnotes(self, index: int | None) -> None:
        """The footnotes of delta ``index``'s paragraph, scrolled to its own footnote."""
        assert self.view is not None
        delta = self.view.deltas[index] if index is not None else None
        note = self.view.footnote_of(index) if index is not None else None
        target = self.view.rows.footnotes[note] if note is not None else None
        self.query_one(FootnotePanel).show(self.view.footnotes_for(index), delta, target, self.hidden)

    def _show_detail(self, index: int | None) -> None:
        """The detail line: id, severity, kind, the whole explanation, the decision and its note."""
        detail = self.query_one("#detail", Static)
        if self.view is None or index is None:
            detail.update(Text("No difference selected.", style="dim"))
            return
        d = self.view.deltas[index]
        decision = self.review.get(self.view.fingerprints[index])
        _, style = SEVERITY_LABEL[d.severity]
        text = Text()
        text.append(d.id, "bold").append(" ").append(d.severity.value, style).append(" · ")
        text.append(visible(d.kind), "italic").append(" · ").append(visible(d.explanation))
        if decision is None:
            text.append("  — undecided", "dim")
        else:
            mark, mark_style = VERDICT_MARK[decision.verdict]
            text.append("  — ").append(f"{mark} {decision.verdict.value}", mark_style)
            if decision.note:
                text.append(f" {NOTE_MARK} ", "bold").append(visible(decision.note), "italic")
        detail.update(text)

    # --- moving ------------------------------------------------------------------------------------

    def action_next_delta(self) -> None:
        self.query_one(DeltaList).action_cursor_down()

    def action_previous_delta(self) -> None:
        self.query_one(DeltaList).action_cursor_up()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # --- filtering ---------------------------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        self.severity = FILTERS[(FILTERS.index(self.severity) + 1) % len(FILTERS)]
        self._refill()

    def action_toggle_cosmetic(self) -> None:
        self.show_cosmetic = not self.show_cosmetic
        self._refill()

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def action_cancel_search(self) -> None:
        search = self.query_one("#search", Input)
        if not search.display:
            return
        search.value = ""
        self._end_search()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.search_text = event.value
            self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self._end_search()

    def _end_search(self) -> None:
        self.query_one("#search", Input).display = False
        self.query_one(DeltaList).focus()

    # --- deciding ----------------------------------------------------------------------------------

    def _current(self) -> int | None:
        index = self.query_one(DeltaList).current() if self.view is not None else None
        if index is None:
            self.bell()
        return index

    def action_decide(self, verdict: str) -> None:
        """Decide the highlighted delta (its note kept) and move to the next one."""
        index = self._current()
        if index is None or self.view is None:
            return
        fp = self.view.fingerprints[index]
        old = self.review.get(fp)
        decision = decision_for(self.view.deltas[index], Verdict(verdict), old.note if old else "")
        if self._commit(
            (index,), self.review.with_decision(fp, decision), f"{verdict} on {self.view.deltas[index].id}"
        ):
            self.query_one(DeltaList).advance()

    def action_decide_shown(self, verdict: str) -> None:
        """Decide every shown, undecided delta alike, after a confirmation."""
        if self.view is None:
            return
        view = self.view
        todo = tuple(i for i in self._visible() if self.review.get(view.fingerprints[i]) is None)
        if not todo:
            self.bell()
            self.notify("Every difference shown is decided already.")
            return
        what = f"{len(todo)} undecided difference{'s' if len(todo) != 1 else ''} shown ({self._filter_label()})"

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            review = self.review
            for i in todo:
                review = review.with_decision(view.fingerprints[i], decision_for(view.deltas[i], Verdict(verdict), ""))
            self._commit(todo, review, f"{verdict} on {len(todo)} differences")

        self.push_screen(ConfirmScreen(f"Mark the {what} as {verdict}?"), answer)

    def action_undo(self) -> None:
        """Undo the last decision made in this session (a bulk decision as a whole), note and all."""
        if self.view is None or not self.undo_stack:
            self.bell()
            self.notify("Nothing to undo.")
            return
        touched, before, what = self.undo_stack[-1]
        if self._commit(touched, before, ""):
            self.undo_stack.pop()
            self.query_one(DeltaList).show_delta(touched[0])
            self.notify(f"Undone: {what}.")

    def action_note(self) -> None:
        index = self._current()
        if index is None or self.view is None:
            return
        fp = self.view.fingerprints[index]
        decision = self.review.get(fp)
        if decision is None:
            self.notify("Decide first (a, x or e), then add a note.", severity="warning")
            return

        def keep(note: str | None) -> None:
            if note is not None and self.view is not None:
                new = decision_for(self.view.deltas[index], decision.verdict, note)
                self._commit((index,), self.review.with_decision(fp, new), f"note on {self.view.deltas[index].id}")

        self.push_screen(
            NoteScreen(f"Note on {self.view.deltas[index].id} ({decision.verdict.value})", decision.note), keep
        )

    def _commit(self, touched: tuple[int, ...], review: Review, what: str) -> bool:
        """Save first, then show: the screen never claims a decision the file does not hold.
        ``what`` names the action for undo (empty: this is an undo, not recorded again)."""
        assert self.view is not None
        try:
            save_review(self.review_path, review, (os.path.basename(self.path_a), os.path.basename(self.path_b)))
        except ReviewFileError as exc:
            self.notify(visible(str(exc)), title="Decision not saved", severity="error", timeout=10, markup=False)
            return False
        if what:
            self.undo_stack.append((touched, self.review, what))
        self.review = review
        deltas = self.query_one(DeltaList)
        for index in touched:
            deltas.redraw(index, self.view.deltas[index], review.get(self.view.fingerprints[index]))
        self._update_header()
        self._show_detail(deltas.current())
        return True


def create_app(request: Request, review_path: str | None = None) -> ReviewApp:
    """The review app on versions A and B. Reads the review file now, so a corrupt or foreign one
    is a ReviewFileError before any screen opens (and is never overwritten)."""
    path = review_path or default_review_path(request.a)
    return ReviewApp(request, path, load_review(path))
