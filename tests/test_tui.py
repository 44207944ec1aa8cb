"""The review app driven through Textual's Pilot: moving, filtering, searching, deciding, and the
review file on disk after each decision."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled

import difftool.tui.app as app_module
from conftest import AGENDA, EK, EK_MARCH, ROOT, TK
from difftool.engine import NotRelatedError
from difftool.pipeline import Request
from difftool.review import ReviewFileError, fingerprints
from difftool.tui.app import ReviewApp, create_app
from difftool.tui.keys import KEYMAP, keys_markdown
from difftool.tui.screens.confirm import ConfirmScreen
from difftool.tui.screens.help import HelpScreen
from difftool.tui.screens.note import NoteScreen
from difftool.tui.widgets.aligned import AlignedView
from difftool.tui.widgets.deltas import DeltaList


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test in an event loop of its own (the suite needs no async plugin)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def make_app(tmp_path: Path) -> ReviewApp:
    return create_app(Request(str(EK), str(TK)), str(tmp_path / "review.json"))


async def loaded(pilot: Pilot[None]) -> None:
    """Wait for the engine worker and the screen it fills."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def visible(app: ReviewApp) -> list[str]:
    """Delta ids in the list, in order."""
    assert app.view is not None
    return [app.view.deltas[int(o.id or 0)].id for o in app.query_one(DeltaList).options]


def current(app: ReviewApp) -> str | None:
    index = app.query_one(DeltaList).current()
    return None if index is None or app.view is None else app.view.deltas[index].id


def text_of(app: ReviewApp, selector: str) -> str:
    """The plain text a Static shows, laid out wide enough not to cut it."""
    console = Console(file=io.StringIO(), width=200, no_color=True)
    console.print(app.screen.query_one(selector, Static).content)
    return console.file.getvalue()  # type: ignore[attr-defined]


def on_disk(tmp_path: Path) -> dict[str, str]:
    """Fingerprint -> verdict as the review file holds it now."""
    doc = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    return {fp: d["verdict"] for fp, d in doc["decisions"].items()}


class TestLoading:
    @pilot_test
    async def test_engine_runs_in_a_worker_then_fills_the_list(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Hold the engine until the test has seen the loading screen: the state before the engine
        # is done (loading, nothing listed) and after it (list filled) are both asserted, in order.
        release, started = threading.Event(), threading.Event()
        engine_threads: list[threading.Thread] = []
        real_run = app_module.run

        def held_run(request: Request) -> Any:
            engine_threads.append(threading.current_thread())
            started.set()
            if threading.current_thread() is not threading.main_thread():  # never block the UI
                release.wait(30)
            return real_run(request)

        monkeypatch.setattr(app_module, "run", held_run)
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            try:
                assert await asyncio.to_thread(started.wait, 30), "the engine never started"
                await pilot.pause()
                assert engine_threads[0] is not threading.main_thread()
                assert app.query_one("#body").loading
                assert app.view is None
                assert app.query_one(DeltaList).option_count == 0
                assert "comparing" in text_of(app, "#header")
            finally:
                release.set()
            await loaded(pilot)
            assert app.view is not None
            assert not app.query_one("#body").loading
            assert visible(app)[0] == "d1"
            assert current(app) == "d1"
            assert isinstance(app.focused, DeltaList)

    @pilot_test
    async def test_unrelated_letters_end_the_app_with_the_error(self, tmp_path: Path) -> None:
        app = create_app(Request(str(AGENDA), str(EK_MARCH)), str(tmp_path / "review.json"))
        async with app.run_test() as pilot:
            with contextlib.suppress(WorkerCancelled):
                await app.workers.wait_for_complete()
            await pilot.pause()
        assert isinstance(app.error, NotRelatedError)
        assert not (tmp_path / "review.json").exists()


class TestNavigation:
    @pilot_test
    async def test_next_previous_first_last(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            ids = visible(app)
            await pilot.press("n", "n")
            assert current(app) == ids[2]
            await pilot.press("N")
            assert current(app) == ids[1]
            await pilot.press("j")
            assert current(app) == ids[2]
            await pilot.press("k", "k")
            assert current(app) == ids[0]
            await pilot.press("G")
            assert current(app) == ids[-1]
            await pilot.press("g")
            assert current(app) == ids[0]
            await pilot.press("down")
            assert current(app) == ids[1]

    @pilot_test
    async def test_tab_switches_panes_and_j_scrolls_the_text(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.press("tab")
            text = app.query_one(AlignedView)
            assert app.focused is text
            before = text.scroll_y
            await pilot.press("j", "j", "j")
            assert text.scroll_y == before + 3
            assert current(app) == "d1"
            await pilot.press("n")
            assert current(app) == visible(app)[1]
            await pilot.press("tab", "tab")
            assert isinstance(app.focused, DeltaList)

    @pilot_test
    async def test_selecting_a_delta_scrolls_the_text_to_it(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.press("G")
            assert app.query_one(AlignedView).scroll_y > 0

    @pilot_test
    async def test_mouse_click_selects_a_delta(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.click(DeltaList, offset=(10, 3))
            assert current(app) == visible(app)[2]

    @pilot_test
    async def test_click_on_the_text_selects_the_difference_there(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(160, 48)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            addressee = next(i for i, d in enumerate(app.view.deltas) if d.a.text == "Eerste")
            row = app.view.row_of(addressee)
            aligned = app.query_one(AlignedView)
            assert current(app) != app.view.deltas[addressee].id
            await pilot.click(AlignedView, offset=(10, aligned.row_top(row) - int(aligned.scroll_offset.y)))
            assert current(app) == app.view.deltas[addressee].id


class TestFiltering:
    @pilot_test
    async def test_cosmetic_hidden_at_start_and_toggled_with_c(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            summary = app.view.comparison.summary()
            assert len(visible(app)) == len(app.view.deltas) - summary["cosmetic"]
            await pilot.press("c")
            assert len(visible(app)) == len(app.view.deltas)

    @pilot_test
    async def test_f_cycles_severities(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            by_id = {d.id: d for d in app.view.deltas}
            summary = app.view.comparison.summary()
            for severity in ("substantive", "editorial", "cosmetic", "expected"):
                await pilot.press("f")
                ids = visible(app)
                assert len(ids) == summary[severity]
                assert {by_id[i].severity.value for i in ids} == {severity}
                assert severity in str(app.query_one(DeltaList).border_title)
            await pilot.press("f")
            assert app.severity is None

    @pilot_test
    async def test_the_current_delta_stays_selected_when_it_passes_the_filter(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.press("n", "n")
            assert current(app) == "d5"
            await pilot.press("f")
            assert current(app) == "d5"


class TestSearch:
    @pilot_test
    async def test_search_filters_and_escape_clears(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            everything = visible(app)
            await pilot.press("slash", *"schengegebied")
            assert len(visible(app)) == 2
            await pilot.press("enter")
            assert not app.query_one("#search").display
            assert isinstance(app.focused, DeltaList)
            assert len(visible(app)) == 2
            await pilot.press("slash", "escape")
            assert visible(app) == everything

    @pilot_test
    async def test_typing_a_search_does_not_decide(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.press("slash", "a", "x", "e", "q")
            assert not (tmp_path / "review.json").exists()
            assert app.is_running


class TestDecisions:
    @pilot_test
    async def test_each_decision_is_on_disk_before_the_next(self, tmp_path: Path) -> None:
        """a, x and e decide and move on; u undoes the last action (not the highlighted row):
        a decision changed is restored, a new one removed."""
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            fps = dict(zip((d.id for d in app.view.deltas), app.view.fingerprints))
            ids = visible(app)
            await pilot.press("a")
            assert on_disk(tmp_path) == {fps[ids[0]]: "accepted"}
            assert current(app) == ids[1]
            await pilot.press("x")
            assert on_disk(tmp_path) == {fps[ids[0]]: "accepted", fps[ids[1]]: "rejected"}
            await pilot.press("e")
            assert on_disk(tmp_path) == {fps[ids[0]]: "accepted", fps[ids[1]]: "rejected", fps[ids[2]]: "expected"}
            assert current(app) == ids[3]
            await pilot.press("k", "x")
            assert on_disk(tmp_path)[fps[ids[2]]] == "rejected"
            await pilot.press("g", "u")  # the row highlighted is not what is undone
            assert on_disk(tmp_path)[fps[ids[2]]] == "expected"
            assert on_disk(tmp_path)[fps[ids[0]]] == "accepted"
            assert current(app) == ids[2]
            await pilot.press("u")
            assert on_disk(tmp_path) == {fps[ids[0]]: "accepted", fps[ids[1]]: "rejected"}
            assert "reviewed 2/45" in text_of(app, "#header")
            await pilot.press("u", "u", "u")  # the third has nothing left to undo
            assert on_disk(tmp_path) == {}

    @pilot_test
    async def test_note_is_kept_with_the_decision_and_shown(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            first = visible(app)[0]
            await pilot.press("x", "k", "m")
            assert isinstance(app.screen, NoteScreen)
            await pilot.press(*"fix in B", "enter")
            assert not isinstance(app.screen, NoteScreen)
            assert "fix in B" in text_of(app, "#detail") and first in text_of(app, "#detail")
            assert str(app.query_one(DeltaList).options[0].prompt).startswith("✗✎")
            await pilot.press("a")
            (decision,) = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))["decisions"].values()
            assert (decision["verdict"], decision["note"]) == ("accepted", "fix in B")
            await pilot.press("u")  # undoing the verdict keeps the note
            (decision,) = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))["decisions"].values()
            assert (decision["verdict"], decision["note"]) == ("rejected", "fix in B")

    @pilot_test
    async def test_note_needs_a_decision(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.press("m")
            assert not isinstance(app.screen, NoteScreen)
            assert not (tmp_path / "review.json").exists()

    @pilot_test
    async def test_decisions_are_shown_again_on_the_next_run(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.press("n", "n", "x")
        again = make_app(tmp_path)
        async with again.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            prompt = str(again.query_one(DeltaList).options[2].prompt)
            assert prompt.startswith("✗")
            assert "reviewed 1/45" in text_of(again, "#header")

    def test_a_foreign_review_file_stops_the_app_before_it_starts(self, tmp_path: Path) -> None:
        path = tmp_path / "review.json"
        path.write_text('{"schema": "difftool.compare/1"}', encoding="utf-8")
        with pytest.raises(ReviewFileError, match="not a difftool review file"):
            make_app(tmp_path)
        assert path.read_text(encoding="utf-8") == '{"schema": "difftool.compare/1"}'

    @pilot_test
    async def test_a_review_file_spoiled_meanwhile_is_not_overwritten(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            (tmp_path / "review.json").write_text("{broken", encoding="utf-8")
            await pilot.press("a")
            assert (tmp_path / "review.json").read_text(encoding="utf-8") == "{broken"
            assert not str(app.query_one(DeltaList).options[0].prompt).startswith("✓")


KILL_SCRIPT = """
import asyncio, sys, time
from difftool.pipeline import Request
from difftool.tui.app import create_app

async def main():
    app = create_app(Request(sys.argv[1], sys.argv[2]), sys.argv[3])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")
        print("decided", flush=True)
        time.sleep(600)  # killed here, before the second decision and before quitting
        await pilot.press("n", "x")

asyncio.run(main())
"""


def test_killing_the_app_between_two_decisions_keeps_the_first(tmp_path: Path) -> None:
    """The app runs headless in a child process, driven by Pilot (not a real terminal); it is
    killed with SIGKILL after the first decision and before the second, and never quits."""
    review = tmp_path / "review.json"
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(EK), str(TK), str(review)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "decided"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    first = fingerprints(compare_deltas())[0]
    assert on_disk(tmp_path) == {first: "accepted"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.json"]


def compare_deltas():
    from difftool.pipeline import Request, run

    return run(Request(str(EK), str(TK))).comparison.deltas


class TestHelp:
    @pilot_test
    async def test_help_lists_every_key_and_closes(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(100, 50)) as pilot:
            await loaded(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = text_of(app, "#help Static")
            for _, keys in KEYMAP:
                for key, _what in keys:
                    assert key in text
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


def test_docs_keys_is_generated_from_the_key_map() -> None:
    """docs/keys.md is what the key map writes (regenerate: python -m difftool.tui.keys > docs/keys.md)."""
    doc = (ROOT / "docs" / "keys.md").read_text(encoding="utf-8")
    assert doc == keys_markdown()
    for _, keys in KEYMAP:
        for key, _ in keys:
            assert f"`{key}`" in doc, key


def test_every_app_binding_is_in_the_key_map() -> None:
    names = {"question_mark": "?", "slash": "/"}
    listed = {k.strip() for _, keys in KEYMAP for key, _ in keys for k in key.split("/")} | {"/"}
    for binding in ReviewApp.BINDINGS:
        key = names.get(binding.key, binding.key)  # type: ignore[union-attr]
        assert key in listed or binding.key == "escape", key


# --- issue 13: what a reviewer needs on screen ------------------------------------------------


def screen_text(app: ReviewApp) -> str:
    """The whole screen as plain text, as the terminal shows it (cut where the terminal cuts)."""
    svg = app.export_screenshot()
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(re.sub(r"<[^>]+>", "", t) for t in lines)).replace("\xa0", " ")


async def select_delta(pilot: Pilot[None], delta_id: str) -> None:
    """Highlight ``delta_id`` in the list (all severities shown)."""
    app = pilot.app
    assert isinstance(app, ReviewApp) and app.view is not None
    if app.view.deltas[[d.id for d in app.view.deltas].index(delta_id)].severity.value == "cosmetic":
        await pilot.press("c")
    app.query_one(DeltaList).show_delta([d.id for d in app.view.deltas].index(delta_id))
    await pilot.pause()


class TestWhatTheReviewerSees:
    @pilot_test
    async def test_the_detail_line_shows_the_whole_explanation_id_and_note(self, tmp_path: Path) -> None:
        """At 160 columns the list cuts a long explanation; the detail line under the text does not."""
        app = make_app(tmp_path)
        async with app.run_test(size=(160, 48)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            d = max((d for d in app.view.deltas if d.severity.value != "cosmetic"), key=lambda d: len(d.explanation))
            await select_delta(pilot, d.id)
            detail = " ".join(text_of(app, "#detail").split())
            assert d.id in detail and d.kind.value in detail and " ".join(d.explanation.split()) in detail
            assert "undecided" in detail
            screen = " ".join(screen_text(app).split())
            assert " ".join(d.explanation.split()) in screen  # on screen, not only in the widget
            await pilot.press("x", "k", "m", *"check with B", "enter")
            detail = text_of(app, "#detail")
            assert "rejected" in detail and "check with B" in detail

    @pilot_test
    async def test_the_list_shows_ids_and_whole_kinds(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(160, 48)) as pilot:
            await loaded(pilot)
            await pilot.press("c")
            assert app.view is not None
            for option in app.query_one(DeltaList).options:
                d = app.view.deltas[int(option.id or 0)]
                words = str(option.prompt).split()
                assert d.id in words[:2] and d.kind.value in words, str(option.prompt)

    @pilot_test
    async def test_the_footnote_pane_scrolls_to_the_changed_footnote_and_marks_it(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(160, 48)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            view = app.view
            # a delta in a footnote that is not the first its paragraph cites
            index = next(
                i
                for i, d in enumerate(view.deltas)
                if view.footnote_of(i) is not None
                and view.footnotes_for(i).index(view.rows.footnotes[view.footnote_of(i) or 0]) >= 2
            )
            d = view.deltas[index]
            number = d.a.footnote or d.b.footnote
            await select_delta(pilot, d.id)
            await pilot.pause()
            pane = app.query_one("#footnotes")
            assert pane.scroll_offset.y > 0
            top = screen_text(app)
            assert f"A  {number:>2}  " in top or f"A {number:>3}  " in top
            # the footnote is cited where its paragraph is shown, the selected one lit
            aligned = app.query_one(AlignedView)
            strips = aligned._row_strips(view.row_of(index))
            assert f"[{number}]" in "".join(s.text for s in strips)
            # and its changed words are marked inside it
            (row,) = [r for r in view.footnotes_for(index) if r is view.rows.footnotes[view.footnote_of(index) or 0]]
            assert row.a.changes or row.b.changes

    @pilot_test
    async def test_j_on_the_last_delta_does_not_wrap(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            ids = visible(app)
            await pilot.press("G", "j", "n")
            assert current(app) == ids[-1]
            assert any("last difference" in str(n.message) for n in app._notifications)
            await pilot.press("g", "k")
            assert current(app) == ids[0]

    @pilot_test
    async def test_at_80_columns_header_and_footer_are_whole(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            await pilot.pause(0.1)
            screen = screen_text(app)
            assert "dossier 32 317 · QF · 22 juni 2026" in screen
            assert "dossier 32 317 · nr. 1014 · 22 juni 2026" in screen
            assert "q Quit" in screen and "? Help" in screen, screen[-400:]


class TestBulkDecisions:
    @pilot_test
    async def test_mark_every_shown_expected_one_after_confirmation(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            fps = dict(zip((d.id for d in app.view.deltas), app.view.fingerprints))
            await pilot.press("f", "f", "f", "f")  # expected only
            shown = visible(app)
            assert shown and all(
                app.view.deltas[int(o.id or 0)].severity.value == "expected" for o in app.query_one(DeltaList).options
            )
            await pilot.press("a")  # one decided by hand stays as it is
            await pilot.press("E")
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            assert not isinstance(app.screen, ConfirmScreen)
            assert on_disk(tmp_path) == {fps[shown[0]]: "accepted"}
            await pilot.press("E", "y")
            assert on_disk(tmp_path) == {fps[shown[0]]: "accepted"} | {fps[i]: "expected" for i in shown[1:]}
            assert f"reviewed {len(shown)}/45" in text_of(app, "#header")
            await pilot.press("u")  # the bulk decision is undone whole
            assert on_disk(tmp_path) == {fps[shown[0]]: "accepted"}
            await pilot.press("f", "A", "escape")  # all shown again; escape says no
            assert on_disk(tmp_path) == {fps[shown[0]]: "accepted"}

    @pilot_test
    async def test_the_change_of_a_hidden_delta_is_not_marked(self, tmp_path: Path) -> None:
        """Cosmetic deltas are hidden at start: their changes are plain text until c shows them."""
        app = make_app(tmp_path)
        async with app.run_test(size=(160, 48)) as pilot:
            await loaded(pilot)
            assert app.view is not None
            view = app.view
            n = next(
                n
                for n, r in enumerate(view.paragraphs)
                if r.a.owners and all(k is not None and view.deltas[k].severity.value == "cosmetic" for k in r.a.owners)
            )
            aligned = app.query_one(AlignedView)
            removed = aligned.get_component_rich_style("aligned--removed").bgcolor

            def marked() -> bool:
                return any(seg.style and seg.style.bgcolor == removed for s in aligned._row_strips(n) for seg in s)

            assert not marked()
            await pilot.press("c")
            assert marked()
            await pilot.press("c")
            assert not marked()
