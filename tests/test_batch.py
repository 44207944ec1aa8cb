"""Corpus mode, second half: ``difftool batch`` and ``difftool check --corpus`` (issue 15).

Through the command line as a user runs it (a subprocess), on a generated pile: the three 22 June
versions of the samples (substantive differences between them), the March letter (alone), the May
agenda letter re-rendered in two other extraction flavours (the same text three times), a binary
file and an empty file. The index is opened in real headless Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import AGENDA, DOCX, EK, EK_MARCH, ROOT, TK, run_cli
from difftool.batch import ERROR, Batch, Rules, group_id, reconcile_group
from difftool.corpus import group_paths
from difftool.readers import read_letter
from difftool.render.batch_html import render_index
from difftool.render.batchjson import batch_dict
from rerender import as_docx_text, as_markdown_pdf, as_pdf_text

jsonschema = pytest.importorskip("jsonschema")
from referencing import Registry, Resource

SCHEMAS = {
    name: json.loads((ROOT / "docs" / "schema" / name).read_text(encoding="utf-8"))
    for name in ("batch.schema.json", "group.schema.json", "reconcile.schema.json")
}
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())


def validate(doc: dict[str, Any], name: str = "batch.schema.json") -> None:
    jsonschema.Draft202012Validator(SCHEMAS[name], registry=REGISTRY).validate(doc)


def make_pile(root: Path) -> Path:
    """The pile: 2 groups (June: 3 versions that differ; agenda: 3 re-renderings), 1 single, 2 bad files."""
    pile = root / "pile"
    (pile / "june").mkdir(parents=True)
    (pile / "rendered").mkdir()
    for p in (EK, TK, DOCX):
        shutil.copy(p, pile / "june" / p.name)
    shutil.copy(EK_MARCH, pile / EK_MARCH.name)
    agenda = read_letter(str(AGENDA))
    shutil.copy(AGENDA, pile / "rendered" / AGENDA.name)
    (pile / "rendered" / "agenda-raw-pdf.txt").write_text(as_pdf_text(agenda), encoding="utf-8")
    (pile / "rendered" / "agenda-markdown.txt").write_text(as_markdown_pdf(agenda), encoding="utf-8")
    (pile / "scan.txt").write_bytes(bytes(range(256)) * 4)
    (pile / "empty.txt").write_bytes(b"")
    return pile


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pile(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="module")
def batch_run(pile: Path) -> tuple[Path, dict[str, Any], Any]:
    out = pile.parent / "out"
    r = run_cli("batch", str(pile), "-o", str(out))
    assert r.returncode == 0, r.stderr
    return out, json.loads((out / "summary.json").read_text(encoding="utf-8")), r


def by_dir(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The groups of the summary by the folder of their members (june, rendered)."""
    return {Path(g["members"][0]["path"]).parent.name: g for g in doc["groups"]}


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every file a group wrote: an atomic rewrite changes the inode."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted((out / "groups").iterdir())}


# --- batch ---------------------------------------------------------------------------------------


def test_batch_writes_index_summary_and_a_report_per_group(batch_run: tuple[Path, dict[str, Any], Any]) -> None:
    out, doc, r = batch_run
    validate(doc)
    groups = by_dir(doc)
    assert set(groups) == {"june", "rendered"}
    assert groups["june"]["status"] == "fail" and groups["june"]["points"]["substantive"] > 0
    assert groups["rendered"]["status"] == "pass" and groups["rendered"]["points"]["failing"] == 0
    assert [Path(m["path"]).name for m in doc["singles"]] == [EK_MARCH.name]
    assert {Path(s["path"]).name for s in doc["skipped"]} == {"scan.txt", "empty.txt"}
    assert doc["passed"] is False
    assert doc["summary"] | {"points": None} == {
        "files": 7,
        "groups": 2,
        "passed": 1,
        "failed": 1,
        "errors": 0,
        "singles": 1,
        "skipped": 2,
        "points": None,
    }
    for g in doc["groups"]:
        assert g["id"] == group_id([m["path"] for m in g["members"]])
        report = json.loads((out / g["data"]).read_text(encoding="utf-8"))
        validate(report, "reconcile.schema.json")
        assert [v["path"] for v in report["versions"]] == [m["path"] for m in g["members"]]
        assert report["summary"]["substantive"] == g["points"]["substantive"]
        html = (out / g["report"]).read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "versions reconciled" in html
    index = (out / "index.html").read_text(encoding="utf-8")
    for g in doc["groups"]:
        assert f'href="{g["report"]}"' in index
    assert "scan.txt" in index and EK_MARCH.name in index
    assert "1 fail" in r.stdout and "index.html" in r.stdout
    assert "scan.txt" in r.stderr and "empty.txt" in r.stderr


def test_group_ids_do_not_depend_on_the_rest_of_the_corpus(
    batch_run: tuple[Path, dict[str, Any], Any], tmp_path: Path
) -> None:
    """A group's id is a hash of its members' paths: the June group keeps its file names when
    the other files are not there (and `g1`, which counts, changes)."""
    out, doc, _ = batch_run
    june = [m["path"] for m in by_dir(doc)["june"]["members"]]
    r = run_cli("batch", *june, "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    alone = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert alone["groups"][0]["id"] == by_dir(doc)["june"]["id"]


def test_resume_keeps_finished_groups_and_finishes_an_interrupted_run(
    batch_run: tuple[Path, dict[str, Any], Any], pile: Path, tmp_path: Path
) -> None:
    first, doc, _ = batch_run
    out = tmp_path / "out"
    shutil.copytree(first, out)
    before = stamps(out)
    r = run_cli("batch", str(pile), "-o", str(out), "--resume")
    assert r.returncode == 0, r.stderr
    assert "0 group(s) done in this run, 2 kept from an earlier run" in r.stdout
    assert stamps(out) == before
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == doc

    # interrupted: one group's report never got written
    june, rendered = by_dir(doc)["june"]["id"], by_dir(doc)["rendered"]["id"]
    (out / "groups" / f"{june}.html").unlink()
    r = run_cli("batch", str(pile), "-o", str(out), "--resume")
    assert r.returncode == 0, r.stderr
    assert "1 group(s) done in this run, 1 kept from an earlier run" in r.stdout
    after = stamps(out)
    for name in before:
        assert (after[name] == before[name]) == name.startswith(rendered), name
    assert (out / "groups" / f"{june}.html").is_file()
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == doc


def test_resume_redoes_groups_made_under_other_rules_or_with_a_broken_record(
    batch_run: tuple[Path, dict[str, Any], Any], pile: Path, tmp_path: Path
) -> None:
    first, doc, _ = batch_run
    out = tmp_path / "out"
    shutil.copytree(first, out)
    rendered = by_dir(doc)["rendered"]["id"]
    (out / "groups" / f"{rendered}.done.json").write_text('{"key": "trunc', encoding="utf-8")
    r = run_cli("batch", str(pile), "-o", str(out), "--resume")
    assert "1 group(s) done in this run, 1 kept" in r.stdout, r.stderr
    r = run_cli("batch", str(pile), "-o", str(out), "--resume", "--fail-on", "editorial")
    assert "2 group(s) done in this run" in r.stdout, r.stderr
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["fail_on"] == "editorial"
    r = run_cli("batch", str(pile), "-o", str(out), "--fail-on", "editorial")
    assert "2 group(s) done in this run" in r.stdout, r.stderr  # without --resume everything is done again


def test_an_output_folder_inside_the_input_is_refused_unless_hidden(pile: Path, tmp_path: Path) -> None:
    work = tmp_path / "in"
    shutil.copytree(pile / "june", work)
    r = run_cli("batch", str(work), "-o", str(work / "reports"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "inside" in r.stderr
    assert not (work / "reports").exists()
    r = run_cli("batch", str(work), "-o", str(work / ".reports"))
    assert r.returncode == 0, r.stderr
    assert json.loads((work / ".reports" / "summary.json").read_text(encoding="utf-8"))["summary"]["files"] == 3


def test_nothing_readable_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    r = run_cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "no readable file" in r.stderr
    r = run_cli("check", "--corpus", str(tmp_path / "in"))
    assert r.returncode == 2 and "no readable file" in r.stderr


def test_a_group_that_cannot_be_reconciled_is_reported_not_fatal(pile: Path, tmp_path: Path) -> None:
    """A member gone between grouping and reconciling: the group's error, in the summary and index."""
    work = tmp_path / "in"
    shutil.copytree(pile / "june", work)
    grouping = group_paths([str(work)])
    (group,) = grouping.groups
    os.unlink(group.paths[0])
    o = reconcile_group(group, Rules())
    assert o.status == ERROR and o.error and group.paths[0] in o.error
    doc = batch_dict(Batch(grouping, (o,), Rules().threshold))
    validate(doc)
    assert doc["passed"] is False and doc["summary"]["errors"] == 1
    assert doc["groups"][0]["report"] is None and doc["groups"][0]["points"] is None
    assert "not reconciled" in render_index(doc) and "no such file" in render_index(doc).lower()


def test_a_group_the_relatedness_gate_turns_down_is_an_error_not_fatal(tmp_path: Path) -> None:
    """A truncated extraction spliced with other letters' text: the grouping joins it to the letter
    (same header, a sixth of the text aligned), the engine's gate does not. The batch lists the
    group with its error and goes on; --force reconciles it; check --corpus fails on it."""
    (tmp_path / "in").mkdir()
    tk, march, agenda = (p.read_text(encoding="utf-8") for p in (TK, EK_MARCH, AGENDA))
    (tmp_path / "in" / "full.txt").write_text(tk, encoding="utf-8")
    spliced = tk[: len(tk) // 6] + "\n\n" + march[len(march) // 3 :] + "\n\n" + agenda[len(agenda) // 3 :]
    (tmp_path / "in" / "spliced.txt").write_text(spliced, encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("batch", str(tmp_path / "in"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    doc = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    validate(doc)
    (g,) = doc["groups"]
    assert g["status"] == "error" and "not versions of the same letter" in g["error"]
    assert g["report"] is None and doc["summary"]["errors"] == 1 and not doc["passed"]
    assert "error" in r.stdout and "not versions of the same letter" in (out / "index.html").read_text(encoding="utf-8")
    r = run_cli("batch", str(tmp_path / "in"), "-o", str(out), "--resume", "--force")
    assert r.returncode == 0, r.stderr
    (g,) = json.loads((out / "summary.json").read_text(encoding="utf-8"))["groups"]
    assert g["status"] in ("pass", "fail") and (out / g["report"]).is_file()
    r = run_cli("check", "--corpus", str(tmp_path / "in"))
    assert r.returncode == 1 and "not reconciled: " in r.stdout


def test_dask_engine_gives_the_same_summary(
    batch_run: tuple[Path, dict[str, Any], Any], pile: Path, tmp_path: Path
) -> None:
    pytest.importorskip("dask.distributed")
    _, doc, _ = batch_run
    r = run_cli("batch", str(pile), "-o", str(tmp_path / "out"), "--engine", "dask", "-j", "1")
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8")) == doc


# --- check --corpus ------------------------------------------------------------------------------


def test_check_corpus_fails_on_the_june_versions(pile: Path) -> None:
    r = run_cli("check", "--corpus", str(pile))
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert lines[-1].startswith("difftool check: FAIL: 7 file(s): 2 group(s) of versions (1 fail")
    assert any(" substantive " in line and line.startswith(str(pile / "june")) for line in lines[:-1])
    r = run_cli("check", "--corpus", str(pile), "--format", "json")
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    validate(doc)
    assert by_dir(doc)["june"]["status"] == "fail" and by_dir(doc)["june"]["report"] is None


def test_check_corpus_passes_identical_rerenderings(tmp_path: Path) -> None:
    for sample in (AGENDA, EK_MARCH, TK):
        letter = read_letter(str(sample))
        for render in (as_pdf_text, as_docx_text, as_markdown_pdf):
            (tmp_path / f"{sample.stem}-{render.__name__}.txt").write_text(render(letter), encoding="utf-8")
    r = run_cli("check", "--corpus", str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("difftool check: PASS: 9 file(s): 3 group(s) of versions (0 fail, 0 not reconciled")
    # the threshold is the check's: at cosmetic the same re-renderings fail
    assert run_cli("check", "--corpus", str(tmp_path), "--fail-on", "cosmetic").returncode == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", str(EK)], "Missing argument 'B'"),
        (["check", "--corpus", str(EK), "--format", "junit"], "--format junit"),
        (["check", "--corpus", str(EK), "--review", "r.json"], "--review"),
        (["check", str(EK), str(TK), "--engine", "dask"], "apply to --corpus"),
        (["check", "--corpus", str(EK), "--scheduler", "tcp://x:1"], "--scheduler needs --engine dask"),
        (["batch", str(EK)], "Missing option '-o'"),
    ],
    ids=[
        "check-one-file",
        "corpus-junit",
        "corpus-review",
        "engine-without-corpus",
        "scheduler-without-dask",
        "batch-no-o",
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], needle: str) -> None:
    r = run_cli(*args)
    assert r.returncode == 2, r.stdout
    assert needle in r.stderr and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


# --- the index in a real browser -----------------------------------------------------------------

CHROMIUM = os.environ.get("DIFFTOOL_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def test_index_opens_in_chromium_with_working_links(browser: Any, batch_run: tuple[Path, dict[str, Any], Any]) -> None:
    out, doc, _ = batch_run
    problems: list[str] = []
    page = browser.new_page()
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    root = out.resolve().as_uri()
    page.on("request", lambda r: r.url.startswith(root + "/") or problems.append(f"request: {r.url}"))
    page.goto((out / "index.html").resolve().as_uri())
    rows = page.locator("#groups tbody tr")
    assert rows.count() == len(doc["groups"])
    assert rows.first.get_attribute("data-status") == "fail"  # failing groups first
    assert page.locator("#verdict").inner_text().startswith("FAIL")
    assert page.locator("#skipped li").count() == 2 and page.locator("#singles li").count() == 1
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert len(hrefs) == 2 * len(doc["groups"]) + 1
    for href in hrefs:
        assert Path(href.removeprefix("file://")).is_file(), href
    for g in doc["groups"]:
        page.click(f'#{g["id"]} a[href$=".html"]')
        page.wait_for_load_state()
        assert page.url.endswith(g["report"])
        assert page.locator("h1").inner_text() == f"{len(g['members'])} versions reconciled"
        page.go_back()
        page.wait_for_load_state()
    page.close()
    assert problems == []


def test_worker_processes_give_the_same_summary(
    batch_run: tuple[Path, dict[str, Any], Any], pile: Path, tmp_path: Path
) -> None:
    _, doc, _ = batch_run
    r = run_cli("batch", str(pile), "-o", str(tmp_path / "out"), "-j", "2")
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8")) == doc


def test_rules_with_a_policy_file_survive_the_trip_to_a_worker(tmp_path: Path) -> None:
    """Worker processes get the rules pickled; the policy's read-only mappings must arrive whole."""
    import pickle

    from difftool.model import Options, Severity
    from difftool.policy import load_policy

    (tmp_path / "difftool.toml").write_text(
        'fail-on = "editorial"\n[severity]\npunctuation = "substantive"\n', encoding="utf-8"
    )
    policy, _ = load_policy(str(tmp_path), None)
    rules = Rules(policy, Severity.COSMETIC, Options(force=True))
    back = pickle.loads(pickle.dumps(rules))
    assert back == rules and repr(back) == repr(rules)
    assert dict(back.policy.severity) == {"punctuation": Severity.SUBSTANTIVE}


def test_progress_bar_only_on_a_terminal(pile: Path, tmp_path: Path) -> None:
    """stderr a terminal: a progress bar (and the summary still on stdout); not a terminal: none."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-m", "difftool", "batch", str(pile / "june"), "-o", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
        cwd=str(ROOT),
        timeout=120,
    )
    os.close(follower)
    seen = b""
    try:
        while chunk := os.read(leader, 65536):
            seen += chunk
    except OSError:
        pass
    os.close(leader)
    assert proc.returncode == 0
    assert b"reconciling groups" in seen or b"grouping the files" in seen
    assert b"index.html" in proc.stdout
    r = run_cli("batch", str(pile / "june"), "-o", str(tmp_path / "out2"))
    assert "reconciling" not in r.stderr and "grouping" not in r.stderr
