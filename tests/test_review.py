"""The review file: fingerprints that survive re-extraction, the verdict rules, atomic and safe saving."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from conftest import EK, TK
from difftool.model import Comparison, Delta, Severity, Side
from difftool.pipeline import Request, run
from difftool.readers import read_letter
from difftool.review import (
    SCHEMA,
    Decision,
    Review,
    ReviewFileError,
    Verdict,
    decision_for,
    default_review_path,
    fingerprint,
    fingerprints,
    judge,
    load_review,
    save_review,
    unmatched,
)
from rerender import as_markdown_pdf, as_pdf_text


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return run(Request(str(EK), str(TK))).comparison


def _delta(
    kind: str = "spelling", a: str = "Schengegebied", b: str = "Schengengebied", severity: Severity = Severity.EDITORIAL
) -> Delta:
    context = "Tijdens dit agendapunt besprak men het {} en de prioriteiten."
    return Delta(
        "d1",
        severity,
        kind,
        "why",
        Side(a, context.format(a), "b3", None, 10, 20),
        Side(b, context.format(b), "b4", None, 30, 40),
    )


class TestFingerprint:
    def test_ignores_ids_offsets_and_blocks(self) -> None:
        d = _delta()
        moved = dataclasses.replace(d, id="d99", a=dataclasses.replace(d.a, block="b40", start=900, end=913))
        assert fingerprint(moved) == fingerprint(d)

    def test_ignores_wrapping_and_typography(self) -> None:
        d = _delta()
        rewrapped = dataclasses.replace(d, a=dataclasses.replace(d.a, context=d.a.context.replace(" ", "\n  ", 2)))
        assert fingerprint(rewrapped) == fingerprint(d)
        dashed = dataclasses.replace(d, a=dataclasses.replace(d.a, context=d.a.context + " \u2013 \u201cja\u201d"))
        plain = dataclasses.replace(d, a=dataclasses.replace(d.a, context=d.a.context + ' - "ja"'))
        assert fingerprint(dashed) == fingerprint(plain)

    @pytest.mark.parametrize(
        "other",
        [
            _delta(kind="wording"),
            _delta(a="Schengebied"),
            _delta(b="schengengebied"),
        ],
        ids=["another kind", "another text in A", "case is content"],
    )
    def test_content_changes_it(self, other: Delta) -> None:
        assert fingerprint(other) != fingerprint(_delta())

    def test_repeats_are_numbered_in_order(self) -> None:
        d = _delta()
        fps = fingerprints([d, _delta(kind="wording"), d, d])
        assert fps[0] == fingerprint(d)
        assert fps[2:] == (f"{fps[0]}-2", f"{fps[0]}-3")
        assert len(set(fps)) == 4

    @pytest.mark.parametrize(
        "render", [lambda l: as_markdown_pdf(l, page_every=3), as_pdf_text], ids=["markdown-pdf", "pdf-text"]
    )
    def test_survive_re_extraction(self, comparison: Comparison, tmp_path: Path, render) -> None:
        """The same letter extracted again (other wrapping, page breaks, markers) keeps every
        decision: each delta of the original pair is found again by fingerprint."""
        again = tmp_path / "tk.txt"
        again.write_text(render(read_letter(str(TK))), encoding="utf-8")
        rerun = run(Request(str(EK), str(again))).comparison
        assert set(fingerprints(comparison.deltas)) <= set(fingerprints(rerun.deltas))


class TestJudge:
    @pytest.mark.parametrize(
        ("severity", "verdict", "fail_on", "failing"),
        [
            (Severity.SUBSTANTIVE, None, Severity.SUBSTANTIVE, True),
            (Severity.EDITORIAL, None, Severity.SUBSTANTIVE, False),
            (Severity.EDITORIAL, None, Severity.EDITORIAL, True),
            (Severity.SUBSTANTIVE, Verdict.ACCEPTED, Severity.SUBSTANTIVE, False),
            (Severity.SUBSTANTIVE, Verdict.EXPECTED, Severity.SUBSTANTIVE, False),
            (Severity.COSMETIC, Verdict.REJECTED, Severity.SUBSTANTIVE, True),
            (Severity.EXPECTED, Verdict.REJECTED, Severity.SUBSTANTIVE, True),
        ],
        ids=[
            "unreviewed substantive fails",
            "unreviewed editorial passes below threshold",
            "unreviewed editorial fails at threshold",
            "accepted passes",
            "expected passes",
            "rejected cosmetic fails",
            "rejected expected fails",
        ],
    )
    def test_rules(self, severity: Severity, verdict: Verdict | None, fail_on: Severity, failing: bool) -> None:
        d = _delta(severity=severity)
        review = Review({fingerprint(d): Decision(verdict)}) if verdict else Review()
        (judged,) = judge([d], review, fail_on)
        assert judged.failing is failing
        assert (judged.decision is not None) is (verdict is not None)

    def test_unmatched_lists_decisions_without_a_delta(self) -> None:
        d = _delta()
        review = Review({fingerprint(d): Decision(Verdict.ACCEPTED), "0" * 16: Decision(Verdict.REJECTED)})
        assert unmatched(review, [fingerprint(d)]) == ("0" * 16,)


class TestFile:
    def test_default_path_is_next_to_a(self) -> None:
        assert default_review_path("dir/letter.txt") == "dir/letter.difftool-review.json"

    def test_missing_file_is_an_empty_review_unless_required(self, tmp_path: Path) -> None:
        assert load_review(str(tmp_path / "none.json")) == Review()
        with pytest.raises(ReviewFileError, match="no such review file"):
            load_review(str(tmp_path / "none.json"), missing_ok=False)

    def test_round_trip(self, tmp_path: Path) -> None:
        path = str(tmp_path / "r.json")
        d = _delta()
        review = Review({fingerprint(d): decision_for(d, Verdict.REJECTED, "typo in A")})
        save_review(path, review, ("a.txt", "b.txt"))
        assert load_review(path) == review
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        assert doc["schema"] == SCHEMA
        assert doc["versions"] == ["a.txt", "b.txt"]
        assert doc["decisions"][fingerprint(d)]["verdict"] == "rejected"
        assert doc["decisions"][fingerprint(d)]["a"] == "Schengegebied"

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ("{not json", "invalid JSON"),
            ('{"schema": "difftool.compare/1"}', "not a difftool review file"),
            ("[1, 2]", "no schema"),
            ('{"schema": "difftool.review/1", "decisions": []}', "'decisions' is not an object"),
            ('{"schema": "difftool.review/1", "decisions": {"ab": {"verdict": "maybe"}}}', "verdict 'maybe'"),
            (
                '{"schema": "difftool.review/1", "decisions": {"ab": {"verdict": "accepted", "note": 3}}}',
                "note is not a string",
            ),
        ],
        ids=["corrupt", "foreign schema", "no schema", "bad decisions", "unknown verdict", "bad note"],
    )
    def test_bad_file_is_refused_and_never_overwritten(self, tmp_path: Path, content: str, message: str) -> None:
        path = tmp_path / "r.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ReviewFileError, match=message):
            load_review(str(path))
        with pytest.raises(ReviewFileError):
            save_review(str(path), Review({"ab": Decision(Verdict.ACCEPTED)}), ("a", "b"))
        assert path.read_text(encoding="utf-8") == content

    def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "r.json"
        first = Review({"aa": Decision(Verdict.ACCEPTED)})
        save_review(str(path), first, ("a", "b"))
        before = path.read_bytes()

        def crash(src: str, dst: str) -> None:
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, "replace", crash)
        with pytest.raises(ReviewFileError, match="cannot write"):
            save_review(str(path), first.with_decision("bb", Decision(Verdict.REJECTED)), ("a", "b"))
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]

    def test_new_file_is_readable_by_others(self, tmp_path: Path) -> None:
        path = tmp_path / "r.json"
        save_review(str(path), Review(), ("a", "b"))
        assert path.stat().st_mode & 0o644 == 0o644


def test_written_file_matches_the_published_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (Path(__file__).parent.parent / "docs" / "schema" / "review.schema.json").read_text(encoding="utf-8")
    )
    d = _delta()
    path = tmp_path / "r.json"
    save_review(str(path), Review({fingerprint(d): decision_for(d, Verdict.EXPECTED, "edition")}), ("a", "b"))
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
