"""One pipeline: every face shows the same differences for the same inputs and policy.

A team policy that re-grades capitalisation as substantive must reach `compare`, `check`,
`check-pairs`, the HTML report and the review TUI alike (issue 16: the TUI used to skip it, so
`check --review` judged differences the reviewer never saw).
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import EK, TK, run_cli
from difftool.model import Severity
from difftool.pipeline import Request, run
from difftool.policy import load_policy
from difftool.tui.app import create_app
from difftool.tui.widgets.deltas import DeltaList

POLICY = '[severity]\ncapitalisation = "substantive"\n'


@pytest.fixture(scope="module")
def policy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("policy") / "difftool.toml"
    path.write_text(POLICY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def compared(policy_file: Path) -> dict:
    result = run_cli("compare", str(EK), str(TK), "--config", str(policy_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _ids(doc: dict, severity: str) -> list[str]:
    return [d["id"] for d in doc["deltas"] if d["severity"] == severity]


def test_the_policy_changes_what_compare_reports(compared: dict) -> None:
    plain = json.loads(run_cli("compare", str(EK), str(TK), "--format", "json").stdout)
    assert compared["summary"]["substantive"] > plain["summary"]["substantive"]
    assert any(d["kind"] == "capitalisation" and d["severity"] == "substantive" for d in compared["deltas"])


def test_check_fails_exactly_what_compare_calls_substantive(policy_file: Path, compared: dict) -> None:
    result = run_cli("check", str(EK), str(TK), "--config", str(policy_file), "--format", "json")
    assert result.returncode == 1
    assert [d["id"] for d in json.loads(result.stdout)["failing"]] == _ids(compared, "substantive")


def test_check_pairs_judges_like_check(policy_file: Path, tmp_path: Path) -> None:
    ek, tk = tmp_path / "letter-ek.txt", tmp_path / "letter-tk.txt"
    shutil.copy(EK, ek)
    shutil.copy(TK, tk)
    pairs = run_cli("check-pairs", str(ek), "--config", str(policy_file))
    single = run_cli("check", str(ek), str(tk), "--config", str(policy_file))
    assert (pairs.returncode, pairs.stdout) == (single.returncode, single.stdout)


def test_the_report_lists_what_compare_reports(policy_file: Path, compared: dict, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run_cli("report", str(EK), str(TK), "--config", str(policy_file), "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    listed = re.findall(r'<li class="delta[^"]*"[^>]*data-severity="substantive"[^>]*id="(d\d+)"', html)
    listed += re.findall(r'<li class="delta[^"]*"[^>]*id="(d\d+)"[^>]*data-severity="substantive"', html)
    assert sorted(set(listed)) == sorted(_ids(compared, "substantive"))


def test_the_review_screen_lists_what_compare_reports(policy_file: Path, compared: dict, tmp_path) -> None:
    policy, _ = load_policy(str(tmp_path), str(policy_file))
    app = create_app(Request(str(EK), str(TK), policy), str(tmp_path / "review.json"))

    async def drive() -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.view is not None
            shown = app.view.comparison
            assert all(shown.summary()[s.value] == compared["summary"][s.value] for s in Severity)
            assert [d.id for d in shown.deltas if d.severity is Severity.SUBSTANTIVE] == _ids(compared, "substantive")
            assert app.query_one(DeltaList).option_count > 0

    asyncio.run(drive())


def test_the_pipeline_applies_policy_then_review(policy_file: Path, tmp_path: Path) -> None:
    policy, _ = load_policy(str(tmp_path), str(policy_file))
    result = run(Request(str(EK), str(TK), policy))
    assert result.engine.summary() != result.comparison.summary()
    assert {d.id for d in result.failing} == {
        d.id for d in result.comparison.deltas if d.severity is Severity.SUBSTANTIVE
    }


def test_every_user_facing_error_has_one_base() -> None:
    from difftool.engine import NotRelatedError
    from difftool.errors import DifftoolError
    from difftool.policy import PolicyError
    from difftool.review import ReviewFileError
    from difftool.sources import InputError

    assert all(issubclass(e, DifftoolError) for e in (InputError, NotRelatedError, PolicyError, ReviewFileError))
