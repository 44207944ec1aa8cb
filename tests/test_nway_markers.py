"""Footnote markers in the N-way views (``difftool reconcile V1 V2 V3 --review-ui`` and
``--format html``) stand where each version has them, drawn as the pairwise faces draw them:
``[n]`` right after the word in the review screen, a ``<sup>`` outside the reading's mark in the
page, the markers of the selected point's footnote lit, left out of copied text.

Three versions of the invented letter of tests/test_markers.py (not the samples): b changes the
word right before footnote 4's marker and footnote 5's body, c the word right before footnote
3's marker. The same drawing code serves both faces (``with_citations``, ``marked``/``fnref``),
so the pairwise tests in test_markers.py and these hold it to one behaviour.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from test_markers import AFTER, B_LETTER, B_NOTES, LETTER, NOTES, _markdown
from test_tui_nway import detail_text, go_to, pilot_test
from test_tui_nway_snapshots import loaded
from textual.pilot import Pilot
from textual.widgets import Static

from conftest import run_cli
from difftool.passages import passages
from difftool.reconcile import ReconcileRequest, Reconciliation, VariationPoint, run
from difftool.tui.nway import LIT_STYLE, NwayApp, create_nway_app

C_LETTER = [(kind, text.replace("onderzoeksbureau{3}", "planbureau{3}")) for kind, text in LETTER]
WORDS = {
    "a": AFTER,
    "b": {**AFTER, 4: "kinderdagopvang"},
    "c": {**AFTER, 3: "planbureau"},
}
"""Per version: the word each footnote's marker follows."""


def three_versions(d: Path) -> tuple[str, str, str]:
    """The letter in three versions as markdown-ish text, under fixed names (labels a, b, c)."""
    paths = (d / "brief-a.txt", d / "brief-b.txt", d / "brief-c.txt")
    for path, (letter, notes) in zip(paths, ((LETTER, NOTES), (B_LETTER, B_NOTES), (C_LETTER, NOTES)), strict=True):
        path.write_text(_markdown(letter, notes), encoding="utf-8")
    return tuple(str(p) for p in paths)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    return three_versions(tmp_path_factory.mktemp("nway-markers"))


@pytest.fixture(scope="module")
def reconciled(versions: tuple[str, str, str]) -> Reconciliation:
    return run(ReconcileRequest(versions))


def point_of(r: Reconciliation, reading: str) -> VariationPoint:
    return next(p for p in r.points if any(x.text == reading for x in p.readings))


# --- the passages ------------------------------------------------------------------------------


def test_the_points_are_the_three_edits(reconciled: Reconciliation) -> None:
    got = sorted((p.kind.value, tuple(sorted(x.text for x in p.readings))) for p in reconciled.points)
    assert got == [
        ("reference", ("Kamerstuk 32 140, nr. 211", "Kamerstuk 32 140, nr. 214")),
        ("wording", ("kinderdagopvang", "kinderopvang")),
        ("wording", ("onderzoeksbureau", "planbureau")),
    ]


def test_every_passage_gives_its_markers_right_after_their_words(reconciled: Reconciliation) -> None:
    """In every version's own text, each marker right after the word it follows there; a point
    inside a footnote shows the paragraph citing it after the footnote, its marker lit."""
    seen: set[tuple[str, int]] = set()
    for p in reconciled.points:
        for v, x in enumerate(passages(reconciled, p)):
            label = reconciled.labels[v]
            assert len(x.markers) == len(x.texts)
            for text, markers in zip(x.texts, x.markers, strict=True):
                for at, n in markers:
                    assert text[:at].endswith(WORDS[label][n]), (label, n, text[:at][-30:])
                    seen.add((label, n))
    assert {n for _, n in seen} == {3, 4, 5}
    note = point_of(reconciled, "Kamerstuk 32 140, nr. 214")
    for x in passages(reconciled, note):
        assert x.texts[0].startswith("[5] ") and x.citing == 1 and x.texts[-1].endswith("gemeenten.")
        assert x.markers[-1] == ((len(x.texts[-1]), 5),)
        assert x.lit == (5,)  # the footnote the point is in
    word = point_of(reconciled, "kinderdagopvang")
    assert all(x.lit == () and x.citing == 0 for x in passages(reconciled, word))


def test_the_points_footnote_is_lit_also_where_a_version_reads_as_the_base(versions: tuple[str, str, str]) -> None:
    """With a as the base, c (which reads footnote 5 as a does) is in no pairwise difference of
    the point; its citation of footnote 5 is lit all the same."""
    r = run(ReconcileRequest(versions, base=0))
    note = point_of(r, "Kamerstuk 32 140, nr. 214")
    assert {m.other for m in note.members} == {1}
    assert [x.lit for x in passages(r, note)] == [(5,)] * 3


def test_page_puts_the_marker_outside_the_reading_it_follows(versions: tuple[str, str, str], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    r = run_cli("reconcile", *versions, "--format", "html", "-o", str(out))
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert '<span class="hit">kinderopvang</span><sup class="fnref"' in page
    assert '<span class="hit">kinderdagopvang</span><sup class="fnref"' in page
    assert 'gemeenten.<sup class="fnref changed"' in page  # the footnote point's citation, lit
    assert "[4]" not in page  # no marker as text


# --- the review screen -------------------------------------------------------------------------


def nway_app(versions: tuple[str, str, str], tmp_path: Path) -> NwayApp:
    return create_nway_app(ReconcileRequest(versions), str(tmp_path / "review.json"))


def lit_markers(app: NwayApp) -> list[str]:
    """The texts of the detail pane drawn in the lit marker's style."""
    console = Console(file=io.StringIO(), width=200)
    lit = Console().get_style(LIT_STYLE)
    segments = console.render(app.query_one("#detail-text", Static).content)
    return [s.text for s in segments if s.style is not None and s.style.bgcolor == lit.bgcolor and s.text.strip()]


@pilot_test
async def test_review_screen_draws_each_marker_after_its_word_and_lights_the_points_footnote(
    versions: tuple[str, str, str], reconciled: Reconciliation, tmp_path: Path
) -> None:
    app = nway_app(versions, tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        await go_to(pilot, app, point_of(reconciled, "kinderdagopvang"))
        text = detail_text(app)
        for cited in ("kinderopvang[4] en", "kinderdagopvang[4] en", "onderzoeksbureau[3], die", "planbureau[3], die"):
            assert cited in text, (cited, text)
        assert "[3][4]" not in text and "beleid[" not in text  # not gathered at the paragraph's end
        assert sorted(lit_markers(app)) == ["kinderdagopvang", "kinderopvang", "kinderopvang"]  # the readings only
        await go_to(pilot, app, point_of(reconciled, "Kamerstuk 32 140, nr. 214"))
        assert "gemeenten.[5]" in detail_text(app)
        assert lit_markers(app).count("[5]") == 3  # in each version's citing paragraph


@pytest.mark.parametrize(
    "reading", [pytest.param("kinderdagopvang", id="changed-word"), pytest.param("nr. 214", id="changed-footnote")]
)
def test_review_screen_snapshot_with_markers_in_place(
    snap_compare: Callable[..., bool], versions: tuple[str, str, str], tmp_path: Path, reading: str
) -> None:
    """80x24, the point opened with enter: the changed word with its marker right after it; the
    changed footnote, then the paragraph citing it with its marker lit."""

    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        app = pilot.app
        assert isinstance(app, NwayApp) and app.view is not None
        target = next(row.point for row in app.view.rows if any(reading in x.text for x in row.point.readings))
        await go_to(pilot, app, target)
        await pilot.press("enter")
        await loaded(pilot)

    assert snap_compare(nway_app(versions, tmp_path), terminal_size=(80, 24), run_before=run_before)


# --- the page in Chromium ----------------------------------------------------------------------


def test_page_markers_sit_right_after_their_words_and_copy_gives_whole_words(
    versions: tuple[str, str, str], reconciled: Reconciliation, tmp_path: Path
) -> None:
    """The point opened: each version's marker a <sup> right after its word, on its line, just
    right of it (also after the reading's mark, outside it); the footnote point's citation lit;
    copied, a paragraph keeps its words whole."""
    from test_reconcile_html import _page_of
    from test_report_browser import _copied, marker_places

    out = tmp_path / "r.html"
    assert run_cli("reconcile", *versions, "--format", "html", "-o", str(out)).returncode == 0
    word = point_of(reconciled, "kinderdagopvang")
    note = point_of(reconciled, "Kamerstuk 32 140, nr. 214")

    def check(page: Any) -> None:
        page.locator(f"#{word.id} summary").click()
        found = marker_places(page, f"#{word.id}-passages sup.fnref")
        assert sorted(f["number"] for f in found) == ["3", "3", "3", "4", "4", "4"]
        for f, label in zip(found, ("a", "a", "b", "b", "c", "c"), strict=True):
            assert f["before"].endswith(WORDS[label][int(f["number"])]), f
            assert -1 <= f["gap"] <= 3 and f["sameLine"], f
            assert not f["lit"] and f["href"] is None
        assert {f["prevTag"] for f in found if f["number"] == "4"} == {"SPAN"}  # after the reading's mark
        copied = " ".join(_copied(page, f"document.querySelector('#{word.id}-passages td.passage')").split())
        assert "van het onderzoeksbureau, die in januari" in copied, copied
        assert "in de kinderopvang en het onderwijs" in copied, copied
        page.locator(f"#{note.id} summary").click()
        lit = marker_places(page, f"#{note.id}-passages sup.fnref")
        assert [(f["number"], f["lit"]) for f in lit] == [("5", True)] * 3
        assert all(f["before"].endswith("gemeenten.") and f["sameLine"] for f in lit), lit

    _page_of(out, check)
