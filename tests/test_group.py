"""Corpus mode: ``difftool group`` finds the versions of each letter in a pile of files (issue 15).

Through the command line as a user runs it (a subprocess), on the samples, on letters re-rendered
in every extraction flavour, on generated edge cases (a cover letter and the letter with its
annexes; one body under two dates), on bad input, and on a real external set: the ArgRewrite
essay drafts (86 essays x 3 drafts, all on one prompt) under random names, pairwise F1 >= 0.98.
The Dask engine runs on a local cluster and must give the same document byte for byte.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import shutil
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from conftest import AGENDA, DOCX, EK, EK_MARCH, ROOT, TK, run_cli
from difftool.corpus import group_paths
from difftool.grouping import (
    GroupOptions,
    Header,
    bucket_pairs,
    compare_headers,
    components,
    containment,
    lsh_pairs,
    own_bound,
    units,
)
from difftool.readers import read_letter
from rerender import as_docx_text, as_markdown_pdf, as_pdf_text

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((ROOT / "docs" / "schema" / "group.schema.json").read_text(encoding="utf-8"))
ESSAYS = ROOT / "bench" / "data" / "argrewrite" / "essays"


def validate(doc: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def group_json(*paths: str | Path, extra: tuple[str, ...] = ()) -> tuple[dict, str]:
    r = run_cli("group", *map(str, paths), "--format", "json", *extra)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    validate(doc)
    return doc, r.stderr


def groups_of(doc: dict, root: Path | None = None) -> set[frozenset[str]]:
    def name(p: str) -> str:
        return os.path.relpath(p, root) if root else Path(p).name

    return {frozenset(name(m["path"]) for m in g["members"]) for g in doc["groups"]}


def pairs(groups: set[frozenset[str]]) -> set[tuple[str, str]]:
    return {p for g in groups for p in itertools.combinations(sorted(g), 2)}


# --- the samples -----------------------------------------------------------------------------------


def test_samples_group_the_june_letter_and_keep_the_march_report_apart(tmp_path: Path) -> None:
    for p in (EK, TK, DOCX, AGENDA, EK_MARCH):
        shutil.copy(p, tmp_path / p.name)
    doc, _ = group_json(tmp_path)
    assert groups_of(doc) == {frozenset({EK.name, TK.name, DOCX.name})}
    assert {Path(m["path"]).name for m in doc["singles"]} == {AGENDA.name, EK_MARCH.name}
    (g,) = doc["groups"]
    editions = {Path(m["path"]).name: (m["edition"], m["flavour"]) for m in g["members"]}
    assert editions[EK.name] == ("EK", "markdown-pdf")
    assert editions[TK.name] == ("TK", "markdown-pdf")
    assert editions[DOCX.name] == (None, "docx-text")
    assert len(g["evidence"]) == 2  # a spanning tree of three members
    ek_tk = next(e for e in g["evidence"] if {Path(e["a"]).name, Path(e["b"]).name} == {EK.name, TK.name})
    assert {"dossier", "date"} <= set(ek_tk["shared"])


def test_text_output_lists_groups_members_and_a_summary(tmp_path: Path) -> None:
    for p in (EK, TK, EK_MARCH):
        shutil.copy(p, tmp_path / p.name)
    r = run_cli("group", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "g1  2 versions" in r.stdout
    assert "EK, markdown-pdf, dossier 32 317, QF, 22 juni 2026" in r.stdout
    assert "containment" in r.stdout
    assert r.stdout.rstrip().splitlines()[-1].startswith("3 file(s): 1 group(s) of versions (2 files), 1 without")


def test_output_is_deterministic_and_independent_of_names_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for k, p in enumerate((EK, TK, DOCX, EK_MARCH)):
        shutil.copy(p, a / f"{k}.txt")
        shutil.copy(p, b / f"{3 - k}.txt")
    first = run_cli("group", str(a), "--format", "json").stdout
    assert first == run_cli("group", str(a), "--format", "json").stdout
    assert (
        len(groups_of(json.loads(first)))
        == len(groups_of(json.loads(run_cli("group", str(b), "--format", "json").stdout)))
        == 1
    )


# --- generated letters -------------------------------------------------------------------------------


def test_rerenderings_in_every_flavour_meet(tmp_path: Path) -> None:
    """The same letter written as each extractor writes it (hard wraps, glued markers, curly
    quotes, footnotes at the page foot or inline) is one group; another letter stays out."""
    tk = read_letter(str(TK))
    (tmp_path / "x1.txt").write_text(as_pdf_text(tk), encoding="utf-8")
    (tmp_path / "x2.txt").write_text(as_docx_text(tk), encoding="utf-8")
    (tmp_path / "x3.txt").write_text(as_markdown_pdf(tk), encoding="utf-8")
    agenda = read_letter(str(AGENDA))
    (tmp_path / "y1.txt").write_text(as_pdf_text(agenda), encoding="utf-8")
    (tmp_path / "y2.txt").write_text(as_markdown_pdf(agenda), encoding="utf-8")
    shutil.copy(EK_MARCH, tmp_path / "z.txt")
    doc, _ = group_json(tmp_path)
    assert groups_of(doc) == {frozenset({"x1.txt", "x2.txt", "x3.txt"}), frozenset({"y1.txt", "y2.txt"})}


HEADER = """{dossier} Migratiebeleid

Nr. {nr}

Brief van de minister van Asiel en Migratie

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, {date}

"""


def _paragraphs(seed: int, n: int) -> list[str]:
    """Paragraphs of the samples' words in a random order: text no other letter has."""
    rng = random.Random(seed)
    vocab = sorted({w for w in TK.read_text(encoding="utf-8").split() if w.isalpha() and len(w) > 3})
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(40, 90))) + "." for _ in range(n)]


def test_cover_letter_meets_the_letter_with_its_annexes(tmp_path: Path) -> None:
    """Jaccard of a cover letter and the same letter with annexes three times its length is low;
    containment finds it."""
    body = _paragraphs(1, 6)
    annex = _paragraphs(2, 18)
    head = HEADER.format(dossier="29 344", nr="77", date="3 maart 2025")
    (tmp_path / "cover.txt").write_text(head + "\n\n".join(body), encoding="utf-8")
    (tmp_path / "full.txt").write_text(head + "\n\n".join([*body, "Bijlage", *annex]), encoding="utf-8")
    (tmp_path / "other.txt").write_text(head.replace("77", "78") + "\n\n".join(_paragraphs(3, 8)), encoding="utf-8")
    doc, _ = group_json(tmp_path)
    assert groups_of(doc) == {frozenset({"cover.txt", "full.txt"})}
    (e,) = doc["groups"][0]["evidence"]
    assert e["jaccard"] < 0.5 < e["containment"]


@pytest.mark.parametrize(
    ("field", "a", "b"),
    [("date", "3 maart 2025", "4 juni 2025"), ("dossier", "29 344", "29 345"), ("nr", "77", "78")],
)
def test_the_header_separates_letters_that_share_their_text(tmp_path: Path, field: str, a: str, b: str) -> None:
    """Two letters with one body but another date, dossier or number (of one edition) are two
    letters; with the same header they are one."""
    body = "\n\n".join(_paragraphs(4, 6))
    fields = {"dossier": "29 344", "nr": "77", "date": "3 maart 2025"}
    (tmp_path / "one.txt").write_text(HEADER.format(**{**fields, field: a}) + body, encoding="utf-8")
    (tmp_path / "two.txt").write_text(HEADER.format(**{**fields, field: b}) + body, encoding="utf-8")
    (tmp_path / "same.txt").write_text(HEADER.format(**{**fields, field: a}) + body, encoding="utf-8")
    doc, _ = group_json(tmp_path)
    assert groups_of(doc) == {frozenset({"one.txt", "same.txt"})}
    assert any(e["conflict"] and e["conflict"].startswith(field.replace("nr", "number")) for e in doc["rejected"])


def test_a_headerless_draft_does_not_pull_another_letter_into_its_group(tmp_path: Path) -> None:
    """A draft without a header shares a standard paragraph with a second letter; its own
    published version (same text, a header) keeps that letter out by its other date."""
    standard = _paragraphs(5, 1)[0]
    own = _paragraphs(6, 3)
    head = HEADER.format(dossier="29 344", nr="77", date="3 maart 2025")
    (tmp_path / "draft.txt").write_text("\n\n".join([*own, standard]), encoding="utf-8")
    (tmp_path / "published.txt").write_text(head + "\n\n".join([*own, standard]), encoding="utf-8")
    other = HEADER.format(dossier="29 344", nr="90", date="9 juli 2025")
    (tmp_path / "other.txt").write_text(other + "\n\n".join([standard, *_paragraphs(7, 2)]), encoding="utf-8")
    doc, _ = group_json(tmp_path)
    assert groups_of(doc) == {frozenset({"draft.txt", "published.txt"})}


# --- bad input -------------------------------------------------------------------------------------------


def test_bad_files_are_reported_and_skipped_never_fatal(tmp_path: Path) -> None:
    shutil.copy(EK, tmp_path / "ek.txt")
    shutil.copy(TK, tmp_path / "tk.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "zip.txt").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)  # a loop: sub/up/sub/up/...
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "tk-link.txt").symlink_to(tmp_path / "tk.txt")  # the same file twice counts once
    locked = tmp_path / "locked.txt"
    shutil.copy(EK_MARCH, locked)
    locked.chmod(0)
    before = {p: p.read_bytes() for p in (tmp_path / "ek.txt", tmp_path / "tk.txt")}
    doc, stderr = group_json(tmp_path)
    assert groups_of(doc) == {frozenset({"ek.txt", "tk-link.txt"})}  # found first (sorted)
    skipped = {Path(s["path"]).name: s["reason"] for s in doc["skipped"]}
    assert skipped["tk.txt"].startswith("the same file as ")
    assert "empty" in skipped["empty.txt"] and "empty" in skipped["blank.txt"]
    assert "binary" in skipped["binary.bin"] and "binary" in skipped["zip.txt"]
    assert "broken.pdf" in skipped
    assert "loop" in skipped["up"] and "loop" in skipped["self"]
    assert "broken symlink" in skipped["dangling"]
    if os.geteuid() != 0:
        assert "permission denied" in skipped["locked.txt"]
    for line in stderr.splitlines():
        assert line.startswith("difftool: warning: ") and line.endswith("; skipped"), line
    assert "Traceback" not in stderr
    assert all(p.read_bytes() == data for p, data in before.items())


def test_nothing_readable_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    r = run_cli("group", str(tmp_path), str(tmp_path / "missing"))
    assert r.returncode == 2
    assert r.stderr.splitlines()[-1].startswith("difftool: error: no readable file under")
    assert "no such file" in r.stderr
    assert "Traceback" not in r.stderr


def test_scheduler_without_dask_is_a_usage_error(tmp_path: Path) -> None:
    r = run_cli("group", str(EK), "--scheduler", "tcp://127.0.0.1:1")
    assert r.returncode == 2 and r.stderr.count("\n") == 1


# --- the engines -----------------------------------------------------------------------------------------


def test_dask_engine_gives_the_same_document(tmp_path: Path) -> None:
    """On a local cluster (threads in this process), the same groups, evidence and order."""
    pytest.importorskip("dask.distributed", reason="the dask extra")
    from difftool.render.groupjson import render_grouping

    tk = read_letter(str(TK))
    for p in (EK, TK, DOCX, AGENDA, EK_MARCH):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "tk-pdf.txt").write_text(as_pdf_text(tk), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    local = group_paths([str(tmp_path)])
    dask = group_paths([str(tmp_path)], engine="dask", jobs=2, processes=False)
    assert local == dask
    assert render_grouping(local) == render_grouping(dask)
    assert len(local.groups) == 1 and len(local.groups[0].members) == 4


def test_local_worker_processes_give_the_same_groups(tmp_path: Path) -> None:
    for p in (EK, TK, DOCX, AGENDA, EK_MARCH):
        shutil.copy(p, tmp_path / p.name)
    assert group_paths([str(tmp_path)], jobs=2) == group_paths([str(tmp_path)])


@pytest.mark.skipif(sys.platform != "linux", reason="a local Dask cluster of processes")
def test_cli_dask_engine_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra")
    for p in (EK, TK, EK_MARCH):
        shutil.copy(p, tmp_path / p.name)
    local = run_cli("group", str(tmp_path), "--format", "json")
    dask = run_cli("group", str(tmp_path), "--format", "json", "--engine", "dask", "-j", "1")
    assert dask.returncode == 0, dask.stderr
    assert dask.stdout == local.stdout


# --- an external check -----------------------------------------------------------------------------------


def test_argrewrite_essay_drafts_under_random_names(tmp_path: Path) -> None:
    """258 drafts of 86 essays on one prompt (ArgRewrite V.2, CC BY 4.0: bench/data/argrewrite/),
    copied to random names so nothing but the text can group them: pairwise F1 >= 0.98."""
    rng = random.Random(15)
    truth: dict[str, str] = {}
    for f in sorted(ESSAYS.rglob("*.txt")):
        name = f"{rng.getrandbits(48):012x}.txt"
        shutil.copy(f, tmp_path / name)
        truth[name] = re.search(r"(\d+)\.txt$", f.name).group(1)  # type: ignore[union-attr]
    assert len(truth) == 258
    doc, _ = group_json(tmp_path)
    by_essay: dict[str, set[str]] = {}
    for name, essay in truth.items():
        by_essay.setdefault(essay, set()).add(name)
    gold = pairs({frozenset(v) for v in by_essay.values()})
    predicted = pairs(groups_of(doc))
    tp = len(gold & predicted)
    precision, recall = tp / len(predicted), tp / len(gold)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.98, (precision, recall, f1)


# --- the parts ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "shared", "conflict"),
    [
        (
            Header(dossier="32 317", date="22 juni 2026"),
            Header(dossier="32317", date="22 Juni 2026"),
            ("dossier", "date"),
            None,
        ),
        (Header(dossier="32 317", number="1014"), Header(dossier="32 317", letter_code="QF"), ("dossier",), None),
        (Header(dossier="36410 VI"), Header(dossier="36 410-VI"), ("dossier",), None),
        (Header(dossier="21 501-20"), Header(dossier="21 501-02"), (), "dossier: 21 501-20 / 21 501-02"),
        (Header(number="1014"), Header(number="1013"), (), "number: 1014 / 1013"),
        (Header(date="18 maart 2026"), Header(date="22 juni 2026"), (), "date: 18 maart 2026 / 22 juni 2026"),
        (Header(title="JBZ-Raad"), Header(title="Vreemdelingenbeleid"), (), None),
        (Header(), Header(dossier="32 317"), (), None),
    ],
    ids=[
        "same-letter",
        "tk-vs-ek-edition",
        "budget-chapter-forms",
        "other-sub-dossier",
        "other-number",
        "other-date",
        "title-alone-never-separates",
        "no-header",
    ],
)
def test_compare_headers(a: Header, b: Header, shared: tuple[str, ...], conflict: str | None) -> None:
    assert compare_headers(a, b) == (shared, conflict)


def test_containment_from_jaccard() -> None:
    # A (100 shingles) inside B (300): J = 100 / 300; containment of A in B is 1.
    assert containment(1 / 3, 100, 300) == pytest.approx(1.0)
    assert containment(0.0, 100, 300) == 0.0
    assert containment(1.0, 50, 50) == 1.0


def test_components() -> None:
    assert components(6, [(4, 1), (1, 2), (5, 3)]) == [[1, 2, 4], [3, 5]]


def test_units_are_the_same_in_every_flavour() -> None:
    """Sentences of paragraphs, whatever the wrapping: hard-wrapped with a line-end hyphen, a
    paragraph a line, blank-line paragraphs; a paragraph ending without a full stop stays apart."""
    paragraph = "De Raad sprak over het Schengen­gebied. Er werd een akkoord bereikt over de verordening"
    nxt = "daarna volgde de lunch."
    wrapped = "De Raad sprak over het Schengen-\ngebied. Er werd een akkoord bereikt over\nde verordening\n\ndaarna volgde de lunch.\n"
    one_line = f"{paragraph}\n\n{nxt}\n"
    expected = ("De Raad sprak over het Schengengebied.", "Er werd een akkoord bereikt over de verordening", nxt)
    assert units(wrapped) == units(one_line) == expected


# --- common text at scale ------------------------------------------------------------------------------


def _standard_paragraph_pile(folder: Path, letters: int = 30, versions: int = 10, own: int = 2) -> set[frozenset[str]]:
    """``letters`` unrelated letters without a header, each its ``own`` paragraphs and one
    standard paragraph that every letter repeats word for word (a third of each text); the first
    ``versions`` also as a second version (hard-wrapped, a word of each own paragraph changed).
    Returns the true groups."""
    rng = random.Random(21)
    standard = _paragraphs(100, 1)[0]
    truth = set()
    for k in range(letters):
        mine = _paragraphs(200 + k, own)
        body = [mine[0], standard, *mine[1:]] if rng.random() < 0.5 else [standard, *mine]
        (folder / f"l{k:03d}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
        if k < versions:
            edited = [p if p == standard else p.replace(p.split()[3], "bovendien", 1) for p in body]
            wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 70)) for p in edited)
            (folder / f"l{k:03d}-v2.txt").write_text(wrapped + "\n", encoding="utf-8")
            truth.add(frozenset({f"l{k:03d}.txt", f"l{k:03d}-v2.txt"}))
    return truth


def test_letters_sharing_only_a_standard_paragraph_are_not_grouped(tmp_path: Path) -> None:
    """Forty files repeat one standard paragraph (a third of each); only a letter's own versions
    are grouped. Nothing in a header tells them apart: the standard paragraph is common text (in
    more than ``common_files`` files), so it neither makes a candidate nor counts when aligning."""
    truth = _standard_paragraph_pile(tmp_path)
    doc, _ = group_json(tmp_path)
    assert groups_of(doc) == truth


def test_common_text_alone_makes_no_candidate(tmp_path: Path) -> None:
    """When the letters have enough text of their own for the sample to tell, two letters that
    share only the standard paragraph are not even a candidate pair: the verification's work
    follows the versions, not the number of letters repeating a paragraph."""
    truth = _standard_paragraph_pile(tmp_path, own=5)
    g = group_paths([str(tmp_path)])
    assert {frozenset(Path(p).name for p in x.paths) for x in g.groups} == truth
    assert g.candidates == len(truth)


def test_the_engines_agree_on_common_text(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra")
    truth = _standard_paragraph_pile(tmp_path, letters=16, versions=4)
    local = group_paths([str(tmp_path)])
    assert {frozenset(Path(p).name for p in g.paths) for g in local.groups} == truth
    assert group_paths([str(tmp_path)], engine="dask", jobs=2, processes=False) == local


def test_copies_beyond_the_bucket_bound_are_still_one_group(tmp_path: Path) -> None:
    """A bucket of more than ``max_bucket`` files is passed over as common text, but files with
    one signature (copies) are paired before the banding: twelve copies stay one group."""
    for k in range(12):
        shutil.copy(TK, tmp_path / f"copy{k:02d}.txt")
    shutil.copy(EK_MARCH, tmp_path / "other.txt")
    g = group_paths([str(tmp_path)], GroupOptions(max_bucket=4))
    assert [len(x.members) for x in g.groups] == [12]


def test_a_bucket_above_the_bound_yields_no_pairs() -> None:
    """Keys shared by three files give their three pairs; a key shared by more than the bound
    gives none (codes ``i * n + j``)."""
    keys = np.array([7, 1, 7, 2, 1, 1, 1, 1, 1, 7, 3], dtype=np.uint64)  # 7: files 0, 2, 9; 1: six files
    n = len(keys)
    assert sorted((c // n, c % n) for c in bucket_pairs(keys, 5).tolist()) == [(0, 2), (0, 9), (2, 9)]
    assert len(bucket_pairs(keys, 6)) == 3 + 15
    # through the banding: 40 signatures alike in one band only; with a bound of 39 no pair
    rng = np.random.default_rng(3)
    sigs = rng.integers(0, 2**32, size=(40, 256), dtype=np.uint64).astype(np.uint32)
    sigs[:, :2] = 5
    assert len(lsh_pairs(sigs, GroupOptions(max_bucket=40))) == 40 * 39 // 2
    assert len(lsh_pairs(sigs, GroupOptions(max_bucket=39))) == 0
    sigs[3] = sigs[4]  # copies are paired, whatever the bound
    assert lsh_pairs(sigs, GroupOptions(max_bucket=38)).tolist() == [3 * 40 + 4]  # 39 distinct


def test_own_bound() -> None:
    """The rule of three: nothing of 30 sampled items found bounds the share at 0.1."""
    bound = own_bound(np.array([0, 0, 5, 3]), np.array([30, 0, 10, 3]))
    assert bound.tolist() == pytest.approx([0.1, 1.0, 1.0, 1.0])


@pytest.mark.parametrize("hyphen", ["-", "\u2010"])
def test_fingerprint_words_rejoin_a_word_broken_at_a_line_end(hyphen: str) -> None:
    from difftool.grouping import text_words

    assert text_words(f"het terugkeer{hyphen}\nbeleid van de EU") == text_words("het terugkeerbeleid van de EU")
