"""The N-way review screen (``difftool reconcile V1 V2 V3 --review-ui``): its headless view model
(passages, cells, decisions) on the three 22 June files and on generated sets, and the app driven
through Textual's Pilot: open a point, see every version's paragraph, decide, and `check` honours
the decision."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import io
import json
import re
from collections.abc import Callable, Coroutine
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from test_reconcile import SETTINGS, _slot_point, reading, short_tk
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled

from conftest import DOCX, EK, ROOT, TK, run_cli
from difftool.model import Severity
from difftool.passages import find, passages
from difftool.reconcile import NotRelatedPair, ReconcileRequest, Reconciliation, VariationPoint, reconcile, run
from difftool.review import Verdict
from difftool.tui.nway import NwayApp, NwayHelpScreen, PointTable, create_nway_app
from difftool.tui.nway_view import NWAY_KEYMAP, build_nway_view, decision_for_point, short, shown
from nway import generated_set

FILES = (str(DOCX), str(TK), str(EK))


@cache
def samples() -> Reconciliation:
    return run(ReconcileRequest(FILES))


def point_with(r: Reconciliation, text: str) -> VariationPoint:
    return next(p for p in r.points if any(text in x.text for x in p.readings))


# --- the view model ----------------------------------------------------------------------------


def test_find_ignores_spacing_and_wants_whole_reading() -> None:
    assert find("de  minister\nvan Justitie", "minister van") == (4, 16)
    assert find("de minister", "minister van") is None
    assert find("a (b) c", "(b)") == (2, 5)
    assert find("abc", "") is None


def test_every_version_gets_its_paragraph_with_its_reading_marked() -> None:
    r = samples()
    p = point_with(r, "toerismedoeleinden")
    ps = passages(r, p)
    assert len(ps) == 3
    for v, x in enumerate(ps):
        assert x.ids == p.locations[v] and len(x.texts) == 1
        k, s, e = x.mark or (0, 0, 0)
        assert x.texts[k][s:e] == p.readings[p.carriers[v]].text
    assert ps[0].texts[0] != ps[1].texts[0]  # each version's own paragraph, not the base's


def test_a_passage_some_versions_lack_is_absent_there_and_cut_when_long() -> None:
    r = samples()
    annex = max((p for p in r.points if p.scope == "presence"), key=lambda p: max(len(ids) for ids in p.locations))
    ps = passages(r, annex, limit=5)
    carriers = {v for x in annex.readings if x.present for v in x.versions}
    for v, x in enumerate(ps):
        assert x.absent == (v not in carriers)
        if not x.absent:
            assert len(x.texts) == min(5, len(annex.locations[v]))
            assert x.more == len(annex.locations[v]) - len(x.texts)
            assert x.mark is None  # the reading of a presence point is a summary, not text


def test_footnote_points_show_the_footnote_of_every_version() -> None:
    r = samples()
    p = point_with(r, "nr. 1013")
    for v, x in enumerate(passages(r, p)):
        number = int(p.locations[v][0][2:])
        assert x.texts[0].startswith(f"[{number}] ")
        assert r.letters[v].footnote(number) is not None


def test_cells_mark_majority_and_right_spelling() -> None:
    view = build_nway_view(samples())
    row = next(x for x in view.rows if x.point.right is not None and x.point.kind.value == "spelling")
    assert sum(c.right for c in row.cells) >= 1
    for v, c in enumerate(row.cells):
        assert c.right == (row.point.carriers[v] == row.point.right)
    assert view.head(view.base).endswith("(base)")
    odd = next(x for x in view.rows if x.point.odd_one_out is not None)
    assert odd.odd == view.labels[odd.point.odd_one_out]  # type: ignore[index]


def test_filter_hides_cosmetic_until_asked() -> None:
    view = build_nway_view(samples())
    sev = [x.point.severity for x in view.rows]
    assert Severity.COSMETIC in sev
    assert all(sev[i] is not Severity.COSMETIC for i in shown(view, None, False))
    assert len(shown(view, None, True)) == len(view.rows)
    assert {sev[i] for i in shown(view, Severity.EDITORIAL, False)} == {Severity.EDITORIAL}


def test_decision_for_point_keeps_base_reading_and_all_readings() -> None:
    r = samples()
    p = point_with(r, "nr. 1013")
    d = decision_for_point(p, Verdict.ACCEPTED, r.labels, r.base, "tk is wrong")
    assert d.verdict is Verdict.ACCEPTED and d.note == "tk is wrong"
    assert d.a == p.readings[p.carriers[r.base]].text
    assert "tk: 'nr. 1013'" in d.b.replace('"', "'") or "nr. 1013" in d.b
    assert short("a  b c d", 4) == "a b\u2026"


@SETTINGS
@given(st.integers(3, 5), st.integers(0, 10_000))
def test_generated_sets_every_edit_shows_each_versions_own_paragraph(n: int, seed: int) -> None:
    """For every injected word or number, each version's passage holds the token it was given,
    marked where it stands; for a paragraph left out, the versions that lack it show nothing."""
    letters, slots = generated_set(short_tk(), n, seed)
    r = reconcile(letters, ReconcileRequest(tuple(x.path for x in letters)))
    for s in (s for s in slots if s.varies):
        (p,) = _slot_point(r, s, n)
        ps = passages(r, p)
        for v in range(n):
            if s.op in ("word", "number"):
                text = reading(p, v)
                assert text is not None and ps[v].mark is not None, (s, v)
                k, a, b = ps[v].mark
                assert ps[v].texts[k][a:b] == text
                assert re.search(rf"\b{re.escape(s.variants[s.choice[v]])}\b", ps[v].texts[k])
            else:
                lacks = (s.choice[v] == 1) == (s.op == "drop")
                assert ps[v].absent == lacks, (s, v)


# --- the app -----------------------------------------------------------------------------------


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    @functools.wraps(test)
    def run_it(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run_it


def make_app(tmp_path: Path, files: tuple[str, ...] = FILES) -> NwayApp:
    return create_nway_app(ReconcileRequest(files), str(tmp_path / "review.json"))


async def loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def detail_text(app: NwayApp) -> str:
    console = Console(file=io.StringIO(), width=400, no_color=True)
    console.print(app.query_one("#detail-text", Static).content)
    return " ".join(console.file.getvalue().split())  # type: ignore[attr-defined]


async def go_to(pilot: Pilot[None], app: NwayApp, p: VariationPoint) -> None:
    """Move down the table with j until point ``p`` is selected."""
    assert app.view is not None
    for _ in range(len(app.view.rows)):
        if app.selected is not None and app.view.rows[app.selected].point.id == p.id:
            return
        await pilot.press("j")
    raise AssertionError(f"{p.id} not reached")


def on_disk(tmp_path: Path) -> dict[str, str]:
    doc = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    return {fp: d["verdict"] for fp, d in doc["decisions"].items()}


def check_json(tmp_path: Path) -> dict[str, Any]:
    out = run_cli("check", *FILES, "--review", str(tmp_path / "review.json"), "--format", "json")
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


class TestApp:
    @pilot_test
    async def test_enter_shows_every_versions_paragraph_explanation_and_word_list(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        p = point_with(samples(), "toerismedoeleinden")
        async with app.run_test(size=(100, 40)) as pilot:  # narrow: the paragraphs one under another
            await loaded(pilot)
            assert app.query_one(PointTable).row_count == len(shown(app.view, None, False))  # type: ignore[arg-type]
            await go_to(pilot, app, p)
            await pilot.press("enter")
            assert app.focused is not None and app.focused.id == "detail"
            text = detail_text(app)
            r = samples()
            for v, x in enumerate(passages(r, p)):
                assert " ".join(x.texts[0].split()) in text, r.labels[v]
                assert r.labels[v] in text
            assert p.explanation in text
            assert p.lexicon and p.lexicon in text
            await pilot.press("escape")
            assert isinstance(app.focused, PointTable)

    @pilot_test
    async def test_a_click_shows_the_point_and_a_second_click_opens_it(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await loaded(pilot)
            assert app.view is not None and app.selected == shown(app.view, None, False)[0]
            await pilot.click(PointTable, offset=(10, 5))  # border, column heads, then the fourth point
            await pilot.pause()
            index = shown(app.view, None, False)[3]
            assert app.selected == index
            x = passages(app.view.reconciliation, app.view.rows[index].point)
            text = detail_text(app)
            assert all(" ".join(t.texts[0].split()) in text for t in x if not t.absent)
            assert isinstance(app.focused, PointTable)
            await pilot.click(PointTable, offset=(10, 5))
            await pilot.pause()
            assert app.focused is not None and app.focused.id == "detail"
            assert app.screen.has_class("-open")

    @pilot_test
    async def test_decisions_are_saved_and_check_honours_them(self, tmp_path: Path) -> None:
        r = samples()
        reference = point_with(r, "nr. 1013")  # substantive: fails the check until accepted
        spelling = point_with(r, "toerismedoeleinden")  # editorial: passes until rejected
        assert reference.failing and not spelling.failing
        app = make_app(tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await go_to(pilot, app, spelling)
            await pilot.press("x")
            await go_to(pilot, app, reference)
            await pilot.press("a", "m")
            await pilot.press(*"checked", "enter")
            await pilot.pause()
            assert "accepted in review: checked" in detail_text(app)
        assert on_disk(tmp_path) == {spelling.fingerprint: "rejected", reference.fingerprint: "accepted"}
        doc = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
        assert doc["decisions"][reference.fingerprint]["note"] == "checked"
        failing = {p["fingerprint"] for p in check_json(tmp_path)["failing"]}
        assert spelling.fingerprint in failing
        assert reference.fingerprint not in failing

    @pilot_test
    async def test_undo_forgets_and_filter_keeps_the_point(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            await pilot.press("G", "e")
            assert app.view is not None and app.selected is not None
            fp = app.view.rows[app.selected].point.fingerprint
            assert on_disk(tmp_path) == {fp: "expected"}
            await pilot.press("u")
            assert on_disk(tmp_path) == {}
            sev = app.view.rows[app.selected].point.severity
            keep = app.selected
            while app.severity is not sev:
                await pilot.press("f")
            assert app.selected == keep
            assert app.query_one(PointTable).row_count == len(shown(app.view, sev, False))
            await pilot.press("g")
            assert app.selected == shown(app.view, sev, False)[0]

    @pilot_test
    async def test_help_lists_every_key(self, tmp_path: Path) -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(100, 50)) as pilot:
            await loaded(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, NwayHelpScreen)
            console = Console(file=io.StringIO(), width=200, no_color=True)
            console.print(app.screen.query_one(Static).content)
            text = console.file.getvalue()  # type: ignore[attr-defined]
            for _, keys in NWAY_KEYMAP:
                for key, _what in keys:
                    assert key in text
            await pilot.press("escape")
            assert not isinstance(app.screen, NwayHelpScreen)

    @pilot_test
    async def test_unrelated_versions_end_the_app_with_the_error(self, tmp_path: Path) -> None:
        agenda = str(ROOT / "samples" / "2025-05-28-jbz-agenda-tk-docx.txt")
        app = make_app(tmp_path, (str(EK), str(TK), agenda))
        async with app.run_test(size=(80, 24)) as pilot:
            with contextlib.suppress(WorkerCancelled):
                await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        assert isinstance(app.error, NotRelatedPair)
        assert not (tmp_path / "review.json").exists()


def test_docs_keys_lists_every_nway_key() -> None:
    doc = (ROOT / "docs" / "keys.md").read_text(encoding="utf-8")
    section = doc[doc.index("## N-way review") :]
    for _, keys in NWAY_KEYMAP:
        for key, _ in keys:
            assert f"`{key}`" in section, key


def test_every_nway_binding_is_in_the_key_map() -> None:
    names = {"question_mark": "?"}
    listed = {k.strip() for _, keys in NWAY_KEYMAP for key, _ in keys for k in key.split("/")}
    for cls in (NwayApp, PointTable):
        for binding in cls.BINDINGS:
            for key in binding.key.split(","):  # type: ignore[union-attr]
                assert names.get(key, key) in listed or key in ("escape",), key


@pytest.mark.parametrize(
    "extra, message",
    [
        (("--format", "json"), "drop --format json"),
        (("-o", "x.txt"), "drop -o/--output"),
        ((), "needs a terminal"),
    ],
)
def test_cli_review_ui_refuses_what_it_cannot_do(tmp_path: Path, extra: tuple[str, ...], message: str) -> None:
    out = run_cli("reconcile", *FILES, "--review-ui", "--review", str(tmp_path / "r.json"), *extra)
    assert out.returncode == 2
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.json").exists()


def test_cli_review_ui_refuses_a_foreign_review_file(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.json"
    foreign.write_text('{"hello": 1}\n', encoding="utf-8")
    out = run_cli("reconcile", *FILES, "--review-ui", "--review", str(foreign))
    assert out.returncode == 2 and "not a difftool review file" in out.stderr
    assert foreign.read_text(encoding="utf-8") == '{"hello": 1}\n'
