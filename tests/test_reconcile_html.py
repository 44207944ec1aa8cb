"""``difftool reconcile --format html`` in a real browser (Debian's Chromium through Playwright):
no console error, no request but the file itself, a row per variation point as the JSON says,
and letter text that carries markup shown as text."""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from test_report import HOSTILE, hostile_pair
from test_report_browser import ARGS, CHROMIUM, Recorder

from conftest import DOCX, EK, TK, run_cli
from difftool.passages import passages
from difftool.reconcile import ReconcileRequest
from difftool.reconcile import run as reconcile_run

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)")


class _Tags(HTMLParser):
    """Every element and attribute name in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes.update(name for name, _ in attrs)


def _page_of(path: Path, check: Any) -> None:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page()
            rec = Recorder(path.as_uri())
            rec.watch(page)
            page.goto(path.as_uri())
            check(page)
            assert rec.problems == []
        finally:
            browser.close()


def _without_markers(cell: Any) -> str:
    """A cell's text without its footnote markers (``<sup class="fnref">``)."""
    script = "el => { const c = el.cloneNode(true); c.querySelectorAll('sup.fnref').forEach(s => s.remove()); return c.textContent; }"
    return str(cell.evaluate(script))


def test_reconcile_page_has_a_row_per_point(tmp_path: Path) -> None:
    files = (str(DOCX), str(TK), str(EK))
    out = tmp_path / "reconcile.html"
    assert run_cli("reconcile", *files, "--format", "html", "-o", str(out)).returncode == 0
    doc = json.loads(run_cli("reconcile", *files, "--format", "json").stdout)

    def check(page: Any) -> None:
        assert page.locator("tbody tr.point").count() == doc["summary"]["total"]
        for sev in ("substantive", "editorial", "expected"):
            assert page.locator(f"tr[data-severity={sev}]").count() == doc["summary"][sev]
            assert page.locator(f'tr[data-severity="{sev}"]').first.is_visible()
        assert not page.locator('tr[data-severity="cosmetic"]').first.is_visible()  # folded away
        row = page.locator("tr", has_text="toerismedoeleinden")
        assert row.locator("td.right").inner_text() == "toerismedoeleinden \u2713"
        assert set(page.locator("th").filter(has_text="(base)").all_text_contents()) == {"ek (base)"}

    _page_of(out, check)


def test_clicking_a_point_shows_the_paragraph_of_every_version(tmp_path: Path) -> None:
    """Closed at first; a click on the point's id opens the row under it: a cell per version
    column with that version's own paragraph, its reading marked, and a version that lacks the
    passage says so."""
    files = (str(DOCX), str(TK), str(EK))
    out = tmp_path / "reconcile.html"
    assert run_cli("reconcile", *files, "--format", "html", "-o", str(out)).returncode == 0
    doc = json.loads(run_cli("reconcile", *files, "--format", "json").stdout)
    r = reconcile_run(ReconcileRequest(files))
    spelling = next(p for p in doc["points"] if p["right"] is not None and p["severity"] != "cosmetic")
    header = next(p for p in doc["points"] if p["scope"] == "presence" and p["severity"] != "cosmetic")

    def check(page: Any) -> None:
        for p in (spelling, header):
            under = page.locator(f"#{p['id']}-passages")
            assert not under.is_visible()
            page.locator(f"#{p['id']} summary").click()
            assert under.is_visible()
            cells = under.locator("td.passage")
            assert cells.count() == len(doc["versions"])
            point = next(x for x in r.points if x.id == p["id"])
            for v, x in enumerate(passages(r, point)):
                cell = cells.nth(v)
                # each passage cell stands under its version's column
                head = page.locator(f"#{p['id']}").locator("xpath=ancestor::table//th").nth(3 + v)
                assert abs(cell.bounding_box()["x"] - head.bounding_box()["x"]) < 1
                if x.absent:
                    assert cell.inner_text() == "(absent here)"
                    continue
                assert " ".join(x.texts[0].split()) in " ".join(_without_markers(cell).split())
                if p is spelling:
                    reading = p["readings"][x.reading]["text"]
                    assert cell.locator(".hit").inner_text() == reading
            page.locator(f"#{p['id']} summary").click()
            assert not under.is_visible()
        right = page.locator(f"#{spelling['id']}-passages .hit.right")
        page.locator(f"#{spelling['id']} summary").click()
        good = spelling["readings"][spelling["right"]]
        assert right.count() == len(good["versions"])
        assert set(right.all_inner_texts()) == {good["text"]}

    _page_of(out, check)


def test_reconcile_page_shows_markup_as_text(tmp_path: Path) -> None:
    a, b = hostile_pair(tmp_path)
    c = tmp_path / "third.txt"
    shutil.copy(b, c)
    out = tmp_path / "hostile.html"
    r = run_cli("reconcile", str(a), str(b), str(c), "--format", "html", "--all", "-o", str(out))
    assert r.returncode == 0, r.stderr
    tags = _Tags()
    tags.feed(out.read_text(encoding="utf-8"))
    assert tags.names <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "ul", "li", "strong", "p"} | {
        "span",
        "details",
        "summary",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
    }, tags.names
    assert not [a for a in tags.attributes if a.startswith("on") or a in ("href", "src")]

    doc = json.loads(run_cli("reconcile", str(a), str(b), str(c), "--format", "json").stdout)
    readings = {x["text"] for p in doc["points"] for x in p["readings"] if x["text"]}
    assert any(needle in t for needle in HOSTILE for t in readings)

    def check(page: Any) -> None:
        body = page.locator("body").text_content()
        for t in readings:
            assert t in body
        assert os.path.basename(str(a)) in body

    _page_of(out, check)
