"""The HTML report in a real browser (Debian's Chromium, driven by Playwright; no browser is
ever downloaded). Every page load fails the test on a console error, a page error, a dialog or
any request other than the report file itself. Screenshots go to tests/output/ for a person."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from test_markers import marker_pair
from test_report import PAIRS, hostile_pair

from conftest import ROOT, run_cli

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = os.environ.get("DIFFTOOL_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = ROOT / "tests" / "output"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)")


@dataclass
class Recorder:
    """What a page did that a self-contained, script-safe report must never do."""

    url: str
    problems: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> None:
        page.on(
            "console", lambda m: m.type in ("error", "warning") and self.problems.append(f"console {m.type}: {m.text}")
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("request", lambda r: r.url.split("#")[0] != self.url and self.problems.append(f"request: {r.url}"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("browser-reports")
    a, b = PAIRS["ek-tk"]
    ha, hb = hostile_pair(tmp)
    out: dict[str, tuple[Path, dict[str, Any]]] = {}
    ma, mb = marker_pair(tmp)
    for name, (x, y) in {"ek-tk": (a, b), "hostile": (str(ha), str(hb)), "markers": (str(ma), str(mb))}.items():
        path = tmp / f"{name}.html"
        r = run_cli("report", x, y, "-o", str(path))
        assert r.returncode == 0, r.stderr
        doc = json.loads(run_cli("compare", x, y, "--format", "json").stdout)
        out[name] = (path, doc)
    return out


@pytest.fixture
def open_report(browser: Any, reports: dict[str, tuple[Path, dict[str, Any]]]) -> Iterator[Callable[..., Any]]:
    """Open a report by file:// in a fresh context; after the test, nothing may have gone wrong."""
    recorders: list[Recorder] = []
    contexts: list[Any] = []

    def open_(name: str = "ek-tk", fragment: str = "", width: int = 1400, height: int = 1000, **context: Any) -> Any:
        path, _ = reports[name]
        ctx = browser.new_context(viewport={"width": width, "height": height}, **context)
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(5000)
        rec = Recorder(path.as_uri())
        rec.watch(page)
        recorders.append(rec)
        page.goto(path.as_uri() + fragment)
        return page

    yield open_
    for ctx in contexts:
        ctx.close()
    assert [p for r in recorders for p in r.problems] == []


def visible_count(page: Any, selector: str) -> int:
    return int(page.eval_on_selector_all(selector, "els => els.filter(e => e.getClientRects().length > 0).length"))


def first_delta(doc: dict[str, Any], skip: tuple[str, ...] = ("cosmetic",)) -> list[str]:
    """Delta ids in the list's order (severity sections, then reading order), filters applied."""
    order = ("substantive", "editorial", "cosmetic", "expected")
    return [d["id"] for s in order if s not in skip for d in doc["deltas"] if d["severity"] == s]


def assert_fragment(page: Any, fragment: str) -> None:
    """The address bar ends in ``#fragment``; the page updates it from a key handler, so wait."""
    sync_api.expect(page).to_have_url(re.compile(re.escape("#" + fragment) + "$"))


def test_delta_elements_match_the_summary(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    page = open_report()
    summary = reports["ek-tk"][1]["summary"]
    assert page.locator("li.delta").count() == summary["total"]
    assert visible_count(page, "li.delta") == summary["total"] - summary["cosmetic"]
    assert (
        page.locator("#shown").inner_text()
        == f"{summary['total'] - summary['cosmetic']} of {summary['total']} differences shown"
    )


def test_n_and_p_move_the_selection_and_the_fragment(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    page = open_report()
    order = first_delta(reports["ek-tk"][1])
    page.keyboard.press("n")
    assert_fragment(page, order[0])
    page.keyboard.press("n")
    assert_fragment(page, order[1])
    assert page.locator("li.delta.selected").get_attribute("id") == order[1]
    assert page.locator("#current").inner_text().startswith(order[1])
    target = page.locator(f"#{order[1]} a.goto").get_attribute("href")
    assert page.locator("tr.current").get_attribute("id") == target[1:]
    assert page.locator("tr.current").is_visible()
    page.keyboard.press("p")
    assert_fragment(page, order[0])


def test_j_and_k_walk_the_paragraphs(open_report: Callable[..., Any]) -> None:
    page = open_report()
    page.keyboard.press("j")
    first = page.locator("tr.row.current").get_attribute("id")
    page.keyboard.press("j")
    second = page.locator("tr.row.current").get_attribute("id")
    assert first != second
    page.keyboard.press("k")
    assert page.locator("tr.row.current").get_attribute("id") == first


def test_severity_filter_hides_and_shows(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    page = open_report()
    summary = reports["ek-tk"][1]["summary"]
    assert visible_count(page, 'li.delta[data-severity="cosmetic"]') == 0
    assert visible_count(page, ".marks a.sev-cosmetic") == 0
    page.check('#filters input[name="severity"][value="cosmetic"]')
    assert visible_count(page, 'li.delta[data-severity="cosmetic"]') == summary["cosmetic"]
    page.uncheck('#filters input[name="severity"][value="substantive"]')
    assert visible_count(page, 'li.delta[data-severity="substantive"]') == 0
    assert not page.locator("#sev-substantive").is_visible()
    assert visible_count(page, "li.delta") == summary["total"] - summary["substantive"]
    page.keyboard.press("n")
    assert page.locator("li.delta.selected").get_attribute("data-severity") != "substantive"


def test_kind_filter(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    page = open_report()
    doc = reports["ek-tk"][1]
    spelling = [d["id"] for d in doc["deltas"] if d["kind"] == "spelling"]
    page.uncheck('#filters input[name="kind"][value="spelling"]')
    assert visible_count(page, 'li.delta[data-kind="spelling"]') == 0
    page.check('#filters input[name="kind"][value="spelling"]')
    assert visible_count(page, 'li.delta[data-kind="spelling"]') == len(spelling)


def test_link_to_a_filtered_delta_shows_it(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    cosmetic = first_delta(reports["ek-tk"][1], skip=("substantive", "editorial", "expected"))[0]
    page = open_report(fragment="#" + cosmetic)
    assert page.locator(f"#{cosmetic}").is_visible()
    assert page.locator(f"#{cosmetic}").get_attribute("class").split()[-1] == "selected"
    assert page.is_checked('#filters input[name="severity"][value="cosmetic"]')


def test_link_to_a_delta_opens_on_its_place_in_the_text(
    open_report: Callable[..., Any], reports: dict[str, Any]
) -> None:
    target = first_delta(reports["ek-tk"][1])[2]
    page = open_report(fragment="#" + target)
    page.wait_for_function(
        "() => { const r = document.querySelector('tr.current');"
        " if (!r) return false; const b = r.getBoundingClientRect();"
        " return b.top < innerHeight && b.bottom > 0; }"
    )
    assert_fragment(page, target)


def test_unchanged_paragraphs_fold_and_unfold(open_report: Callable[..., Any]) -> None:
    page = open_report()
    body = page.locator("tbody.same").first
    button = body.locator("button")
    assert button.get_attribute("aria-expanded") == "false"
    assert visible_count(page, "tbody.same >> nth=0 >> tr.row") == 0
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert body.locator("tr.row").first.is_visible()


def test_without_javascript_everything_is_visible(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    page = open_report(java_script_enabled=False)
    assert visible_count(page, "li.delta") == reports["ek-tk"][1]["summary"]["total"]
    assert visible_count(page, "table.aligned tr.row") == page.locator("table.aligned tr.row").count()
    assert not page.locator("#filters").is_visible()
    assert visible_count(page, "button") == 0


def test_narrow_screen_stacks_the_versions(open_report: Callable[..., Any]) -> None:
    page = open_report(width=400)
    row = page.locator("tr.rel-changed").first
    a, b = row.locator("td.a").bounding_box(), row.locator("td.b").bounding_box()
    assert b["y"] >= a["y"] + a["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 400


def test_print_shows_folded_text_without_controls(open_report: Callable[..., Any]) -> None:
    page = open_report()
    page.emulate_media(media="print")
    assert visible_count(page, "table.aligned tr.row") == page.locator("table.aligned tr.row").count()
    assert not page.locator("#filters").is_visible()


def test_hostile_letter_stays_text(open_report: Callable[..., Any]) -> None:
    page = open_report("hostile")
    for key in "nnjj":
        page.keyboard.press(key)
    assert page.locator("img, svg, iframe, object, embed").count() == 0
    assert page.locator("script").count() == 1
    text = page.locator("body").inner_text()
    assert "<script>alert('x')</script>" in text
    assert '"><img src=x onerror=alert(1)>' in text


def test_screenshot_for_a_person(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    """Pictures of the sample report for a person to look at after a run (tests/output/): each is
    written, a picture of the whole viewport with the report on it (not a blank page), and shows
    what its name says: the top of the report, a difference reached with ``n`` (another picture
    than the top), and a link to a difference opened on a phone-wide screen."""
    image = pytest.importorskip("PIL.Image")
    OUTPUT.mkdir(exist_ok=True)
    order = first_delta(reports["ek-tk"][1])
    page = open_report()
    top, delta, narrow = (OUTPUT / f"report-ek-tk-{name}.png" for name in ("top", "delta", "narrow"))
    for path in (top, delta, narrow):
        path.unlink(missing_ok=True)
    assert page.evaluate("scrollY") == 0
    page.screenshot(path=str(top))
    for _ in range(3):
        page.keyboard.press("n")
    assert_fragment(page, order[2])
    wait_for_current_row_in_view(page)
    page.screenshot(path=str(delta))
    phone = open_report(width=420, fragment="#" + order[0])
    assert phone.locator("li.delta.selected").get_attribute("id") == order[0]
    wait_for_current_row_in_view(phone)
    phone.screenshot(path=str(narrow))
    print(f"screenshots in {OUTPUT}")

    pictures = {path.name: image.open(path).convert("RGB") for path in (top, delta, narrow)}
    assert {name: p.size for name, p in pictures.items()} == {
        top.name: (1400, 1000),
        delta.name: (1400, 1000),
        narrow.name: (420, 1000),
    }
    colours = {name: len(p.getcolors(maxcolors=1 << 20) or ()) for name, p in pictures.items()}
    assert all(n > 50 for n in colours.values()), colours  # text and colour marks, not a blank page
    assert pictures[top.name].tobytes() != pictures[delta.name].tobytes()


def wait_for_current_row_in_view(page: Any) -> None:
    """The selected paragraph (``tr.current``) is inside the viewport."""
    page.wait_for_function(
        "() => { const r = document.querySelector('tr.current');"
        " if (!r) return false; const b = r.getBoundingClientRect();"
        " return b.top < innerHeight && b.bottom > 0; }"
    )


# --- issue 13: what a reviewer needs on screen ------------------------------------------------


def test_the_first_screen_shows_the_substantive_differences(
    open_report: Callable[..., Any], reports: dict[str, Any]
) -> None:
    """At 1400x900 the first screen holds the verdict, the counts and every substantive
    difference with its explanation (the sample has 16), not the metadata table."""
    doc = reports["ek-tk"][1]
    substantive = [d for d in doc["deltas"] if d["severity"] == "substantive"]
    page = open_report(height=900)
    items = page.locator("#overview ol.overview li")
    assert items.count() == len(substantive)
    first, last = items.first, items.last
    assert first.locator("a.did").inner_text() == substantive[0]["id"]
    assert substantive[0]["explanation"] in first.inner_text()
    assert last.bounding_box()["y"] + last.bounding_box()["height"] <= 900
    assert page.locator("#versions").bounding_box()["y"] > first.bounding_box()["y"]
    for s in ("substantive", "editorial", "cosmetic", "expected"):
        assert f"{doc['summary'][s]} {s}" in page.locator("#overview .counts-line").inner_text().lower()
    first.locator("a.did").click()
    assert_fragment(page, substantive[0]["id"])
    wait_for_current_row_in_view(page)


def test_metadata_that_differs_is_marked(open_report: Callable[..., Any]) -> None:
    page = open_report()
    differs = [t.split("\n")[0].split(" ")[0] for t in page.locator("table.meta tr.differs th").all_inner_texts()]
    assert {"Signatories", "Nr."} <= set(differs)
    assert "Dossier" not in differs and "File" not in differs
    assert page.locator("table.meta tr.differs .tag").first.inner_text().lower() == "differs"


def test_j_after_a_footnote_difference_moves_on(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    """``n`` onto a difference in a footnote, then ``j``: the next paragraph after that footnote,
    not the first paragraph of the letter."""
    order = first_delta(reports["ek-tk"][1])
    page = open_report()
    for did in order:
        page.keyboard.press("n")
        assert_fragment(page, did)
        if page.locator("table.aligned tr.current").get_attribute("class").startswith("fn"):
            break
    else:
        pytest.fail("no footnote difference in the sample")
    note = page.locator("table.aligned tr.current")
    note_y = note.bounding_box()["y"] + page.evaluate("scrollY")
    page.keyboard.press("j")
    row = page.locator("table.aligned tr.current")
    assert row.get_attribute("class").startswith("row")
    assert row.bounding_box()["y"] + page.evaluate("scrollY") > note_y
    page.keyboard.press("k")
    assert page.locator("table.aligned tr.current").bounding_box()["y"] + page.evaluate("scrollY") < note_y


def test_the_position_counts_the_differences_shown(open_report: Callable[..., Any], reports: dict[str, Any]) -> None:
    summary = reports["ek-tk"][1]["summary"]
    shown = summary["total"] - summary["cosmetic"]
    page = open_report()
    page.keyboard.press("p")  # nothing selected: stays
    for _ in range(shown + 2):  # past the end: stays on the last shown
        page.keyboard.press("n")
    assert f"({shown}/{shown})" in page.locator("#current").inner_text()
    page.check('#filters input[name="severity"][value="cosmetic"]')
    page.keyboard.press("p")
    assert f"/{summary['total']})" in page.locator("#current").inner_text()


def test_hidden_differences_are_not_marked_in_the_text(
    open_report: Callable[..., Any], reports: dict[str, Any]
) -> None:
    cosmetic = {d["id"] for d in reports["ek-tk"][1]["deltas"] if d["severity"] == "cosmetic"}
    page = open_report()
    marks = page.locator("table.aligned :is(del, ins)[data-delta]")
    owned = [(m.get_attribute("data-delta"), "off" in (m.get_attribute("class") or "")) for m in marks.all()]
    assert any(d in cosmetic for d, _ in owned)
    assert all(off == (d in cosmetic) for d, off in owned)
    mark = page.locator(f"table.aligned del[data-delta='{next(d for d, _ in owned if d in cosmetic)}']").first
    background = "getComputedStyle(el).backgroundColor"
    assert mark.evaluate(f"el => {background}") == "rgba(0, 0, 0, 0)"
    page.check('#filters input[name="severity"][value="cosmetic"]')
    assert mark.evaluate(f"el => {background}") != "rgba(0, 0, 0, 0)"


def test_sections_only_in_one_version_are_folded_to_their_start(open_report: Callable[..., Any]) -> None:
    page = open_report()
    body = page.locator("tbody.oneside").first
    rest = body.locator("tr.rest")
    assert rest.count() > 10
    assert body.locator("tr.row").first.is_visible()  # the section's first paragraph is shown
    assert visible_count(page, "tbody.oneside >> nth=0 >> tr.rest") == 0
    button = body.locator("button")
    assert button.inner_text().startswith(f"Show {body.locator('tr.row.rest').count()} more paragraphs only in A")
    height = page.evaluate("document.documentElement.scrollHeight")
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert visible_count(page, "tbody.oneside >> nth=0 >> tr.rest") == rest.count()
    assert page.evaluate("document.documentElement.scrollHeight") > height + 3000
    button.click()
    # a link to a difference inside the folded part opens it
    inside = body.locator("tr.rest .marks a").first.get_attribute("data-delta")
    page.evaluate(f"location.hash = '#{inside}'")
    wait_for_current_row_in_view(page)
    assert button.get_attribute("aria-expanded") == "true"


def test_small_changes_are_marked_as_whole_words(open_report: Callable[..., Any]) -> None:
    """A change of a letter or of case marks the whole word, the letters that differ emphasised;
    every mark in the text starts and ends at a word boundary."""
    page = open_report()
    bad = page.evaluate(
        """() => Array.from(document.querySelectorAll('table.aligned :is(del, ins)')).filter(el => {
            const text = (n) => (n && n.nodeType === Node.TEXT_NODE ? n.textContent : '');
            const before = text(el.previousSibling);
            const after = text(el.nextSibling);
            const letter = /[\\p{L}\\p{N}]/u;
            const inner = el.textContent;
            return (letter.test(before.slice(-1)) && letter.test(inner.slice(0, 1)))
                || (letter.test(after.slice(0, 1)) && letter.test(inner.slice(-1)));
        }).map(el => el.parentElement.textContent.slice(0, 80))"""
    )
    assert bad == []
    emphasised = page.locator("table.aligned :is(del, ins):not(.off) b.ch")
    assert emphasised.count() > 0
    weight = emphasised.first.evaluate("el => getComputedStyle(el).fontWeight")
    assert int(weight) > int(emphasised.first.evaluate("el => getComputedStyle(el.parentElement).fontWeight"))


def test_phone_width_breaks_no_label_inside_a_word(open_report: Callable[..., Any]) -> None:
    page = open_report(width=375)
    split = page.evaluate(
        """() => {
            const out = [];
            for (const th of document.querySelectorAll('table.meta th')) {
                const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const m of node.textContent.matchAll(/\\S+/g)) {
                        const r = document.createRange();
                        r.setStart(node, m.index);
                        r.setEnd(node, m.index + m[0].length);
                        const lines = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));
                        if (lines.size > 1) out.push(m[0]);
                    }
                }
            }
            return out;
        }"""
    )
    assert split == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def _copied(page: Any, element: str) -> str:
    """The text a reader copies who selects the whole of ``element`` (a JavaScript expression)."""
    script = (
        f"() => {{ const range = document.createRange(); range.selectNodeContents({element}); "
        "getSelection().removeAllRanges(); getSelection().addRange(range); return getSelection().toString(); }"
    )
    return str(page.evaluate(script))


def test_copied_text_has_no_hidden_signs(open_report: Callable[..., Any]) -> None:
    page = open_report()
    copied = _copied(page, "document.querySelector('table.aligned tr.rel-changed td.a')")
    assert page.locator("table.aligned tr.rel-changed td.a del").count() > 0
    assert "\u2212" not in copied
    before = page.locator("table.aligned del").first.evaluate("el => getComputedStyle(el, '::before').content")
    assert before == '"\u2212"'  # still said to a screen reader


def marker_places(page: Any, selector: str) -> list[dict[str, Any]]:
    """Each footnote marker (``sup.fnref``) matched by ``selector``: its number, the text just
    before it, the horizontal gap between the end of that text and the marker, whether both are
    on one line, the element before it and its link (if any). The pairwise report's and the
    N-way page's marker tests read it."""
    script = """(selector) => Array.from(document.querySelectorAll(selector)).map(sup => {
            let prev = sup.previousSibling;
            const before = prev.textContent;
            const range = document.createRange();
            if (prev.nodeType === Node.TEXT_NODE) {
                range.setStart(prev, Math.max(0, prev.length - 3));
                range.setEnd(prev, prev.length);
            } else {
                range.selectNodeContents(prev);
            }
            const word = Array.from(range.getClientRects()).pop();
            const box = sup.getBoundingClientRect();
            const link = sup.querySelector('a');
            return {
                number: sup.textContent, before: before.slice(-20), after: (sup.nextSibling || {}).textContent || '',
                side: sup.closest('td').className, prevTag: prev.nodeName, lit: sup.classList.contains('changed'),
                gap: box.left - word.right, sameLine: box.top < word.bottom && box.bottom > word.top,
                href: link ? link.getAttribute('href') : null,
            };
        })"""
    return list(page.evaluate(script, selector))


def test_footnote_markers_sit_in_the_sentence_right_after_the_cited_word(open_report: Callable[..., Any]) -> None:
    """Each marker is a <sup> inside its paragraph, directly after the word it follows (also
    after a changed word, outside its mark), on that word's line and just right of it; copied,
    the sentence keeps its words whole."""
    page = open_report("markers")
    for button in page.locator('tr.fold button[aria-expanded="false"]').all():
        button.click()  # the unchanged paragraphs too
    found = marker_places(page, "table.aligned td p sup.fnref")
    by_number: dict[str, list[dict[str, Any]]] = {}
    for f in found:
        by_number.setdefault(f["number"], []).append(f)
    assert sorted(by_number) == ["1", "2", "3", "4", "5"]
    words = {"1": "zorg", "2": "instellingen.", "3": "onderzoeksbureau", "4": "opvang", "5": "gemeenten."}
    for number, places in by_number.items():
        assert len(places) == 2, places  # in A and in B
        for f in places:
            assert f["before"].endswith(words[number]), f
            assert -1 <= f["gap"] <= 3 and f["sameLine"], f
            assert page.locator(f["href"]).count() == 1  # the link leads to the footnote's row
    assert {f["prevTag"] for f in by_number["4"]} == {"DEL", "INS"}  # after the changed word's mark
    assert by_number["4"][0]["after"].startswith(" en het onderwijs")
    changed = page.locator("sup.fnref.changed")
    assert changed.count() == 2 and changed.first.inner_text() == "5"
    copied = _copied(page, "document.querySelector('sup.fnref').closest('p')")
    assert "in de zorg en over de afspraken" in " ".join(copied.split()), copied
