"""How the N-way review screen looks: the table of points, and a point opened with its paragraph
in every version, at 80x24 and 160x48, compared with the SVGs in tests/__snapshots__/ (update
with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import LoadingIndicator

from conftest import DOCX, EK, TK
from difftool.reconcile import ReconcileRequest
from difftool.tui.nway import NwayApp, create_nway_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


def nway_app(tmp_path: Path) -> NwayApp:
    return create_nway_app(ReconcileRequest((str(DOCX), str(TK), str(EK))), str(tmp_path / "review.json"))


async def loaded(pilot: Pilot[None]) -> None:
    """Wait for the worker and the loading indicator to go, then repaint every widget."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(100):
        await pilot.pause()
        if not pilot.app.query(LoadingIndicator):
            break
    for widget in pilot.app.screen.walk_children(with_self=True):
        widget.refresh()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
class TestNwaySnapshots:
    def test_points_table(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
        """The first point selected, cosmetic hidden, its paragraphs below."""
        assert snap_compare(nway_app(tmp_path), terminal_size=size, run_before=loaded)

    def test_point_opened(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
        """The three spellings of 'toerismedoeleinden' opened with enter and accepted."""

        async def run_before(pilot: Pilot[None]) -> None:
            await loaded(pilot)
            app = pilot.app
            assert isinstance(app, NwayApp) and app.view is not None
            while app.view.rows[app.selected or 0].point.kind.value != "spelling" or not app.view.rows[
                app.selected or 0
            ].point.lexicon.count("toerismedoeleinden"):
                await pilot.press("j")
            await pilot.press("a", "enter")
            for widget in app.screen.walk_children(with_self=True):
                widget.refresh()
            await pilot.pause()

        assert snap_compare(nway_app(tmp_path), terminal_size=size, run_before=run_before)
