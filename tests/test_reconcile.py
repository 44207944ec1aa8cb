"""difftool reconcile (issue 14): several versions in one multiple alignment, variation points.

The three 22 June files as a golden case; generated sets of 3 to 6 versions with known edits
(recall of every edit, its carriers and majority, nothing else substantive); consistency with
pairwise ``compare`` both ways; review decisions; the CLI as a subprocess with its exit codes.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from types import MappingProxyType

import pytest
from corpus import differential as D
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AGENDA, DOCX, EK, ROOT, TK, run_cli
from difftool import classify
from difftool.engine import EMPTY_SIDE, compare
from difftool.model import Letter, Options, Severity
from difftool.policy import Policy
from difftool.readers import read_letter
from difftool.reconcile import ReconcileRequest, Reconciliation, VariationPoint, labels, reconcile
from difftool.render.jsonout import delta_dict
from difftool.review import Decision, Review, Verdict, fingerprints
from nway import Slot, cut, generated_set

GOLDEN = ROOT / "tests" / "golden" / "reconcile-docx-tk-ek" / "expected.txt"
SETTINGS = settings(derandomize=True, max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLES = (DOCX, TK, EK)


@cache
def sample_letters() -> tuple[Letter, ...]:
    return tuple(read_letter(str(p)) for p in SAMPLES)


@cache
def samples(base: int | None = None) -> Reconciliation:
    letters = sample_letters()
    return reconcile(letters, ReconcileRequest(tuple(x.path for x in letters), base))


@cache
def short_tk() -> Letter:
    return cut(read_letter(str(TK)), 49)


def reading(p: VariationPoint, v: int) -> str | None:
    """What version ``v`` reads at ``p`` (None where it lacks the passage or is not listed)."""
    k = p.carriers.get(v)
    if k is None or not p.readings[k].present:
        return None
    return p.readings[k].text


def partition(p: VariationPoint) -> set[frozenset[int]]:
    return {frozenset(r.versions) for r in p.readings}


def render(r: Reconciliation) -> str:
    lines = [f"versions {' '.join(r.labels)} base {r.labels[r.base]}", f"summary {r.summary()}"]
    for p in r.points:
        readings = " | ".join(
            f"{','.join(r.labels[v] for v in x.versions)}={x.text[:60]!r}"
            if x.present
            else "absent=" + ",".join(r.labels[v] for v in x.versions)
            for x in p.readings
        )
        extra = []
        if p.majority is not None:
            extra.append(f"majority={p.majority}")
        if p.odd_one_out is not None:
            extra.append(f"odd={r.labels[p.odd_one_out]}")
        if p.right is not None:
            extra.append(f"right={p.right}")
        lines.append(
            f"{p.id:<4} {p.severity.value:<12} {p.kind.value:<20} {p.scope:<9} {p.where:<12} {readings} {' '.join(extra)}"
        )
    return "\n".join(lines) + "\n"


# --- the three 22 June files ------------------------------------------------------------------


def test_golden_three_versions(update_golden: bool) -> None:
    got = render(samples())
    if update_golden or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{GOLDEN} did not exist; written now — review and commit it")
    assert got == GOLDEN.read_text(encoding="utf-8")


def _point(r: Reconciliation, needle: str) -> VariationPoint:
    found = [p for p in r.points if any(needle in x.text for x in p.readings)]
    assert len(found) == 1, [(p.id, p.kind, [x.text for x in p.readings]) for p in found]
    return found[0]


def test_three_spellings_and_the_word_list_decides() -> None:
    r = samples()
    docx, tk, ek = 0, 1, 2
    p = _point(r, "toerismedoelinden")
    assert (reading(p, docx), reading(p, tk), reading(p, ek)) == (
        "toerismedoeleinden",
        "toerismedoelinden",
        "toerismedoelenden",
    )
    assert p.kind == "spelling" and p.severity is Severity.EDITORIAL
    assert p.majority is None  # three readings, one each
    assert p.right is not None and p.readings[p.right].versions == (docx,)
    assert "'toerismedoeleinden'" in p.lexicon and "misspellings" in p.lexicon


def test_the_other_document_number_is_the_odd_one_out() -> None:
    r = samples()
    p = _point(r, "nr. 1013")
    assert p.kind == "reference" and p.severity is Severity.SUBSTANTIVE
    assert p.where == "footnote 8"
    assert p.odd_one_out == 1  # the TK edition
    majority = p.readings[p.majority or 0]
    assert "nr. 1007" in majority.text and set(majority.versions) == {0, 2}


def test_material_in_some_versions_is_one_point_per_section() -> None:
    r = samples()
    presence = [p for p in r.points if p.scope == "presence"]
    only_ek = [p for p in presence if partition(p) == {frozenset({2}), frozenset({0, 1})} and p.kind != "edition"]
    # the report's Schengen section, the CW3.1 form and the Declaration of Intent: one point each
    assert len(only_ek) == 3, [p.readings[0].text for p in only_ek]
    assert any("DECLARATION OF INTENT" in p.readings[0].text for p in only_ek)
    missing_header = [p for p in presence if p.kind == "edition" and reading(p, 0) is None and reading(p, 1)]
    assert len(missing_header) == 1 and missing_header[0].severity is Severity.EXPECTED
    assert len(presence) <= 8


def _normalised(r: Reconciliation) -> Counter[tuple[str, frozenset[frozenset[int]], frozenset[int]]]:
    """Points as kind (added and removed alike: the direction is the base's) and who reads what."""
    return Counter(
        (
            p.kind.value.replace("-added", "-only").replace("-removed", "-only"),
            frozenset(frozenset(x.versions) for x in p.readings if x.present),
            frozenset(v for x in p.readings if not x.present for v in x.versions),
        )
        for p in r.points
    )


@pytest.mark.parametrize("base", [0, 1])
def test_the_base_does_not_change_the_points(base: int) -> None:
    assert _normalised(samples(base)) == _normalised(samples())


def test_every_pairwise_difference_is_in_a_point() -> None:
    r = samples()
    placed = {(m.ref, m.other, m.delta.id) for p in r.points for m in p.members}
    for a, b, result in r.comparisons:
        assert {(a, b, d.id) for d in result.comparison.deltas} <= placed
    assert all(p.scope != "letter" or p.kind == "page-furniture" for p in r.points)


def test_two_versions_are_the_pairwise_comparison() -> None:
    ek, tk = sample_letters()[2], sample_letters()[1]
    r = reconcile((ek, tk), ReconcileRequest((ek.path, tk.path)))
    c = compare(ek, tk)
    assert r.base == 0
    assert {m.delta.id for p in r.points for m in p.members} == {d.id for d in c.deltas}
    worst = {p.severity for p in r.points}
    assert worst == {d.severity for d in c.deltas}


def test_the_policy_applies_to_points() -> None:
    letters = sample_letters()
    policy = Policy(severity=MappingProxyType({"reference": Severity.COSMETIC}))
    r = reconcile(letters, ReconcileRequest(tuple(x.path for x in letters), policy=policy))
    p = _point(r, "nr. 1013")
    assert p.severity is Severity.COSMETIC and not p.failing
    assert "[policy: reference is cosmetic]" in p.explanation


def test_labels_are_what_the_names_do_not_share() -> None:
    assert labels([str(p) for p in SAMPLES]) == ("docx", "tk", "ek")
    assert labels(["a/letter.txt", "b/letter.txt"]) == ("V1", "V2")
    assert labels(["x-edited.txt", "x-ek.txt"]) == ("edited", "ek")


@pytest.mark.parametrize(
    ("forms", "right"),
    [
        (["toerismedoelenden", "toerismedoelinden", "toerismedoeleinden"], 2),
        (["Schengegebied", "Schengengebied"], 1),
        (["gecommitteerd", "gecommiteerd", "gecommitteerd"], 0),
        (["toerismedoelenden", "toerismedoelinden"], None),  # neither is a word: no say
        (["huis", "tuin"], None),  # both words: not a spelling question
        (["huis", "huis"], None),
    ],
)
def test_right_spelling_among_several(forms: list[str], right: int | None) -> None:
    assert classify.right_spelling(forms) == right


# --- generated sets with known edits ----------------------------------------------------------


def _slot_point(r: Reconciliation, s: Slot, n: int) -> list[VariationPoint]:
    """The points that report slot ``s``: for a word or number, each version's reading holds the
    token it was given; for a paragraph left out or added, the versions that lack it are absent."""
    out = []
    for p in r.points:
        if s.op in ("word", "number"):
            if p.scope == "text" and all(
                (t := reading(p, v)) is not None and s.variants[s.choice[v]] in t.split() for v in range(n)
            ):
                out.append(p)
        elif p.scope == "presence":
            lacking = {v for v in range(n) if (s.choice[v] == 1) == (s.op == "drop")}
            absent = {v for x in p.readings if not x.present for v in x.versions}
            text = short_tk().blocks[s.block].text if s.op == "drop" else s.variants[1]
            if absent == lacking and p.readings[0].text[:40] == text[:40]:
                out.append(p)
    return out


@SETTINGS
@given(st.integers(3, 6), st.integers(0, 10_000))
def test_generated_sets_every_edit_with_its_carriers_and_majority(n: int, seed: int) -> None:
    letters, slots = generated_set(short_tk(), n, seed)
    r = reconcile(letters, ReconcileRequest(tuple(x.path for x in letters)))
    varying = [s for s in slots if s.varies]
    for s in varying:
        found = _slot_point(r, s, n)
        assert len(found) == 1, (
            s,
            [(p.id, p.kind, p.readings) for p in r.points if p.severity is not Severity.COSMETIC],
        )
        p = found[0]
        assert partition(p) == s.groups(), (s, p.readings)
        sizes = Counter(s.choice).most_common()
        if len(sizes) == 1 or sizes[0][1] > sizes[1][1]:
            assert p.majority is not None
            assert set(p.readings[p.majority].versions) == {v for v in range(n) if s.choice[v] == sizes[0][0]}
        else:
            assert p.majority is None
        if len(sizes) == 2 and sizes[1][1] == 1 and sizes[0][1] >= 2:
            assert p.odd_one_out == next(v for v in range(n) if s.choice[v] == sizes[1][0])
        assert p.severity is Severity.SUBSTANTIVE
    # nothing else matters: the re-renderings differ in format only
    assert sum(p.severity is not Severity.COSMETIC for p in r.points) == len(varying)


@SETTINGS
@given(st.integers(3, 5), st.integers(0, 10_000))
def test_pairwise_compare_and_reconcile_agree(n: int, seed: int) -> None:
    """Every difference ``compare`` shows between two versions is a variation point where their
    readings differ, and every such point is a difference ``compare`` shows."""
    letters, _ = generated_set(short_tk(), n, seed)
    r = reconcile(letters, ReconcileRequest(tuple(x.path for x in letters)))
    for i in range(n):
        for j in range(i + 1, n):
            c = compare(letters[i], letters[j], Options(force=True))
            differing = [p for p in r.points if p.carriers.get(i) != p.carriers.get(j) and p.scope != "letter"]
            matched: set[str] = set()
            for d in c.deltas:
                hits = [p for p in differing if _shows(p, d, i, j)]
                assert hits, (i, j, d.kind, d.explanation, d.a.text, d.b.text)
                matched.update(p.id for p in hits)
            assert {p.id for p in differing} <= matched, (
                i,
                j,
                [(p.id, p.kind, p.readings) for p in differing if p.id not in matched],
            )


def _squashed(text: str) -> str:
    return " ".join(text.split())


def _shows(p: VariationPoint, d, i: int, j: int) -> bool:
    """Point ``p`` is where delta ``d`` of compare(version i, version j) stands."""
    ri, rj = reading(p, i), reading(p, j)
    if d.a == EMPTY_SIDE or d.b == EMPTY_SIDE:
        return (ri is None) == (d.a == EMPTY_SIDE) and (rj is None) == (d.b == EMPTY_SIDE)
    if d.kind in ("paragraph-break", "moved", "footnote-number"):
        return p.kind == d.kind
    if ri is None or rj is None:
        return False
    return _squashed(d.a.text) in _squashed(ri) and _squashed(d.b.text) in _squashed(rj)


# --- real extractions: the corpus of issue 10 -----------------------------------------------------

CORPUS_SOURCES = ("docx", "pdfminer", "pdftotext-layout")
"""The Word file and two extractions that see every edit pairwise (bench/extracted.py)."""


def _mirror(kind: str) -> str:
    return kind.replace("added", "@").replace("removed", "added").replace("@", "removed")


@pytest.mark.parametrize("letter", D.letters())
def test_corpus_every_edit_splits_the_originals_from_the_edited(letter: str) -> None:
    """Three originals (DOCX, two PDF extractions) and three edited versions: every injected edit is
    a point whose readings are the originals' and the edited versions', with the edit's kind, and
    nothing else substantive or editorial."""
    layout = D.layouts(letter)[0]
    files = [D.path(letter, layout, v, src) for v in ("original", "edited") for src in CORPUS_SOURCES]
    letters = [read_letter(str(f)) for f in files]
    r = reconcile(letters, ReconcileRequest(tuple(str(f) for f in files)))
    originals, edited = frozenset(range(3)), frozenset(range(3, 6))
    flagged = [p for p in r.points if p.severity in (Severity.SUBSTANTIVE, Severity.EDITORIAL)]
    assert all(partition(p) == {originals, edited} for p in flagged), [(p.id, p.readings) for p in flagged]
    deltas = []
    for p in flagged:
        for m in p.members:
            if (m.ref in originals) == (m.other in originals):
                continue
            d = delta_dict(m.delta)
            if m.ref in edited:  # the edit as from the original to the edited version
                d["a"], d["b"], d["kind"] = d["b"], d["a"], _mirror(d["kind"])
            deltas.append(d)
    missing = [e["id"] for e in D.edits(letter) if not D.reports(deltas, e)]
    assert not missing, missing


# --- review decisions --------------------------------------------------------------------------


def test_a_decision_on_a_point_or_on_its_pairwise_differences_applies() -> None:
    letters = sample_letters()
    paths = tuple(x.path for x in letters)
    first = samples()
    substantive = [p for p in first.points if p.failing]
    assert substantive and all(p.severity is Severity.SUBSTANTIVE for p in substantive)
    # accept every failing point itself but one, which is rejected
    decisions = {p.fingerprint: Decision(Verdict.ACCEPTED) for p in substantive[1:]}
    decisions[substantive[0].fingerprint] = Decision(Verdict.REJECTED, "fix the edition")
    again = reconcile(letters, ReconcileRequest(paths, review=Review(decisions)))
    assert [p.id for p in again.failing] == [substantive[0].id]
    assert again.failing[0].decision is not None and again.failing[0].decision.note == "fix the edition"
    # decisions taken in the pairwise review of the base against each version apply too
    pairwise: dict[str, Decision] = {}
    for _, _, result in first.comparisons:
        for fp, d in zip(fingerprints(result.comparison.deltas), result.comparison.deltas):
            if d.severity is Severity.SUBSTANTIVE:
                pairwise[fp] = Decision(Verdict.ACCEPTED)
    assert not reconcile(letters, ReconcileRequest(paths, review=Review(pairwise))).failing


# --- the command line ---------------------------------------------------------------------------


def _rel(p: Path) -> str:
    return str(p.relative_to(ROOT))


def test_cli_reconcile_prints_one_table() -> None:
    r = run_cli("reconcile", *(_rel(p) for p in SAMPLES))
    assert r.returncode == 0, r.stderr
    assert "ek (base)" in r.stdout
    assert "toerismedoeleinden ✓" in r.stdout
    assert "odd one out: tk" in r.stdout
    assert "cosmetic variation point(s) not shown" in r.stdout
    assert r.stderr == ""


def test_cli_reconcile_json() -> None:
    r = run_cli("reconcile", *(_rel(p) for p in SAMPLES), "--format", "json", "--base", "1")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["schema"] == "difftool.reconcile/1"
    assert doc["base"] == 0
    assert [v["label"] for v in doc["versions"]] == ["docx", "tk", "ek"]
    assert doc["summary"]["total"] == len(doc["points"]) == len(samples().points)


def test_cli_check_many_versions() -> None:
    r = run_cli("check", *(_rel(p) for p in SAMPLES))
    assert r.returncode == 1, r.stderr
    assert "difftool check: FAIL:" in r.stdout
    assert "reference" in r.stdout and "nr. 1013" in r.stdout
    same = run_cli("check", _rel(TK), _rel(TK), _rel(TK))
    assert same.returncode == 0, same.stderr
    assert "PASS" in same.stdout
    doc = json.loads(run_cli("check", *(_rel(p) for p in SAMPLES), "--format", "json").stdout)
    assert doc["passed"] is False and doc["failing"] and all(p["failing"] for p in doc["failing"])


def test_cli_check_many_versions_with_a_review(tmp_path: Path) -> None:
    decisions = {
        p.fingerprint: {"verdict": "accepted", "note": "", "kind": p.kind.value} for p in samples().points if p.failing
    }
    review = tmp_path / "letter.difftool-review.json"
    review.write_text(json.dumps({"schema": "difftool.review/1", "versions": [], "decisions": decisions}))
    r = run_cli("check", *(str(p) for p in SAMPLES), "--review", str(review))
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["reconcile", _rel(TK)], "at least two versions"),
        (["reconcile", _rel(TK), _rel(EK), "--base", "9"], "--base"),
        (["reconcile", _rel(TK), _rel(EK), "missing.txt"], "missing.txt"),
        (["reconcile", _rel(TK), _rel(EK), _rel(AGENDA)], "not versions of the same letter"),
        (["check", _rel(TK), _rel(EK), _rel(DOCX), "--format", "junit"], "--format junit"),
        (["check", _rel(TK), _rel(EK), _rel(AGENDA)], "not versions of the same letter"),
        (["reconcile", _rel(TK), _rel(EK), "-o", _rel(EK)], "refusing to overwrite"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(args: list[str], needle: str) -> None:
    r = run_cli(*args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
