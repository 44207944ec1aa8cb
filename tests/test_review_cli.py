"""`difftool check --review` as a user runs it: exit codes with accepted, rejected and unreviewed
differences, and what `difftool review` says when it cannot start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EK, TK, run_cli
from difftool.model import Severity
from difftool.pipeline import Request, run
from difftool.review import Review, Verdict, decision_for, fingerprints, save_review


@pytest.fixture(scope="module")
def pair():
    c = run(Request(str(EK), str(TK))).comparison
    return c.deltas, fingerprints(c.deltas)


def write_review(path: Path, pair, verdict_of) -> None:
    """A review deciding ``verdict_of(delta)`` (``None``: leave undecided) for each delta."""
    deltas, fps = pair
    review = Review()
    for d, fp in zip(deltas, fps):
        verdict = verdict_of(d)
        if verdict is not None:
            review = review.with_decision(fp, decision_for(d, verdict, "checked"))
    save_review(str(path), review, ("ek", "tk"))


def check(review: Path, *extra: str):
    return run_cli("check", str(EK), str(TK), "--review", str(review), *extra)


def test_all_substantive_accepted_passes(tmp_path: Path, pair) -> None:
    review = tmp_path / "r.json"
    write_review(review, pair, lambda d: Verdict.ACCEPTED if d.severity is Severity.SUBSTANTIVE else None)
    r = check(review)
    assert r.returncode == 0, r.stdout
    assert "covers 16 of 45 difference(s) (16 accepted, 0 rejected, 0 expected)" in r.stdout
    assert "PASS: 0 difference(s)" in r.stdout


def test_expected_passes_like_accepted(tmp_path: Path, pair) -> None:
    review = tmp_path / "r.json"
    write_review(review, pair, lambda d: Verdict.EXPECTED if d.severity is Severity.SUBSTANTIVE else None)
    assert check(review).returncode == 0


def test_one_unreviewed_substantive_fails(tmp_path: Path, pair) -> None:
    deltas, _ = pair
    left_out = next(d for d in deltas if d.severity is Severity.SUBSTANTIVE)
    review = tmp_path / "r.json"
    write_review(
        review, pair, lambda d: Verdict.ACCEPTED if d.severity is Severity.SUBSTANTIVE and d is not left_out else None
    )
    r = check(review)
    assert r.returncode == 1
    assert f" {left_out.id}: " in r.stdout
    assert "FAIL: 1 difference(s)" in r.stdout


def test_rejected_fails_whatever_its_severity(tmp_path: Path, pair) -> None:
    deltas, _ = pair
    cosmetic = next(d for d in deltas if d.severity is Severity.COSMETIC)

    def verdict(d):
        if d is cosmetic:
            return Verdict.REJECTED
        return Verdict.ACCEPTED if d.severity is Severity.SUBSTANTIVE else None

    review = tmp_path / "r.json"
    write_review(review, pair, verdict)
    r = check(review)
    assert r.returncode == 1
    assert f"cosmetic {cosmetic.kind} {cosmetic.id}: " in r.stdout
    assert "(rejected in review: checked)" in r.stdout


def test_unreviewed_editorial_is_judged_by_fail_on(tmp_path: Path, pair) -> None:
    review = tmp_path / "r.json"
    write_review(review, pair, lambda d: Verdict.ACCEPTED if d.severity is Severity.SUBSTANTIVE else None)
    assert check(review, "--fail-on", "editorial").returncode == 1


def test_json_reports_the_review(tmp_path: Path, pair) -> None:
    review = tmp_path / "r.json"
    write_review(review, pair, lambda d: Verdict.ACCEPTED if d.severity is Severity.SUBSTANTIVE else None)
    r = check(review, "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["passed"] is True
    assert doc["review"] == {
        "file": str(review),
        "covered": 16,
        "accepted": 16,
        "rejected": 0,
        "expected": 0,
        "unmatched": 0,
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such review file"),
        ("{", "not a difftool review file"),
        ('{"schema": "difftool.compare/1"}', "not a difftool review file"),
    ],
    ids=["missing", "corrupt", "foreign"],
)
def test_bad_review_file_is_an_input_error(tmp_path: Path, content: str | None, message: str) -> None:
    review = tmp_path / "r.json"
    if content is not None:
        review.write_text(content, encoding="utf-8")
    runs = [check(review)]
    if content is not None:  # a missing file is a new review for `difftool review`
        runs.append(run_cli("review", str(EK), str(TK), "--review", str(review)))
    for r in runs:
        assert r.returncode == 2
        assert message in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    if content is not None:
        assert review.read_text(encoding="utf-8") == content


def test_review_needs_a_terminal(tmp_path: Path) -> None:
    r = run_cli("review", str(EK), str(TK), "--review", str(tmp_path / "r.json"))
    assert r.returncode == 2
    assert "needs a terminal" in r.stderr


def test_review_refuses_an_input_as_review_file() -> None:
    r = run_cli("review", str(EK), str(TK), "--review", str(TK))
    assert r.returncode == 2
    assert "refusing to overwrite an input file" in r.stderr
