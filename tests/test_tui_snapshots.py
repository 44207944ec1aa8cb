"""How the review app looks: the main screen, the help screen, a filtered view, a bulk decision's
confirmation and a note in the detail line, at 80x24 and
160x48, compared with the SVGs in tests/__snapshots__/ (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import LoadingIndicator

from conftest import EK, TK
from difftool.pipeline import Request
from difftool.tui.app import ReviewApp, create_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


def review_app(tmp_path: Path) -> ReviewApp:
    return create_app(Request(str(EK), str(TK)), str(tmp_path / "review.json"))


async def loaded(pilot: Pilot[None]) -> None:
    """Wait for the engine worker and the loading indicator to go, then repaint every widget:
    lines painted while the indicator was still there are cut into other segments, and the SVG
    would differ although the screen looks the same."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(100):
        await pilot.pause()
        if not pilot.app.query(LoadingIndicator):
            break
    for widget in pilot.app.screen.walk_children(with_self=True):
        widget.refresh()
    await pilot.pause()
    # what a repaint scheduled after it (a pane scrolled to the selected footnote) settles too,
    # also on a busy machine
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
class TestSnapshots:
    def test_main_screen(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
        """The first delta selected, cosmetic hidden."""
        assert snap_compare(review_app(tmp_path), terminal_size=size, run_before=loaded)

    def test_help_screen(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
        """Every binding over the main screen."""

        async def run_before(pilot: Pilot[None]) -> None:
            await loaded(pilot)
            await pilot.press("question_mark")

        assert snap_compare(review_app(tmp_path), terminal_size=size, run_before=run_before)

    def test_filtered_view(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
        """Substantive only, on a footnote reference change, with one delta accepted."""

        async def run_before(pilot: Pilot[None]) -> None:
            await loaded(pilot)
            await pilot.press("f", "a", "n", "n")

        assert snap_compare(review_app(tmp_path), terminal_size=size, run_before=run_before)

    def test_bulk_confirmation(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
        """Expected only, then E: the dialog says how many and what."""

        async def run_before(pilot: Pilot[None]) -> None:
            await loaded(pilot)
            await pilot.press("f", "f", "f", "f", "E")

        assert snap_compare(review_app(tmp_path), terminal_size=size, run_before=run_before)

    def test_note_in_the_detail_line(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
        """A rejected delta with a note: ✗✎ in the list, verdict and note in the detail line."""

        async def run_before(pilot: Pilot[None]) -> None:
            await loaded(pilot)
            await pilot.press("x", "k", "m", *"fix in B", "enter")

        assert snap_compare(review_app(tmp_path), terminal_size=size, run_before=run_before)
