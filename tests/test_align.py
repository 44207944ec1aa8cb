"""The generic aligner: invariants, splits/merges, moves, and scores on real annotated data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from difftool.align import DEFAULT, AlignParams, align, similarity
from difftool.model import Relation

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import argrewrite, moves


def check_partition(groups, n: int, m: int) -> None:
    """Every unit index of A and of B appears in exactly one group."""
    a = [i for g in groups for i in g.a]
    b = [j for g in groups for j in g.b]
    assert sorted(a) == list(range(n))
    assert sorted(b) == list(range(m))
    for g in groups:
        assert g.a or g.b
        assert 0.0 <= g.similarity <= 1.0
        assert list(g.a) == sorted(g.a) and list(g.b) == sorted(g.b)


WORDS = st.sampled_from(
    ["de", "het", "een", "raad", "motie", "brief", "minister", "nr", "1007", "Schengen", "grens", "migratie", ".", ","]
)
UNIT = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(UNIT, max_size=25), st.lists(UNIT, max_size=25))
def test_every_unit_in_exactly_one_group(a: list[str], b: list[str]) -> None:
    check_partition(align(a, b), len(a), len(b))


@settings(max_examples=100, deadline=None)
@given(st.lists(UNIT, min_size=1, max_size=20), st.randoms(use_true_random=False))
def test_partition_holds_for_shuffled_and_edited_versions(a: list[str], rnd) -> None:
    b = list(a)
    rnd.shuffle(b)
    b = [t + " nieuw" if rnd.random() < 0.3 else t for t in b if rnd.random() < 0.9]
    check_partition(align(a, b), len(a), len(b))


def test_partition_on_long_inputs_uses_the_gap_cutters() -> None:
    """Large unanchored gaps go through the fuzzy-anchor path, not one big DP table."""
    a = [f"alinea {i} over onderwerp {i * 7 % 13} met woord{i}" for i in range(300)]
    b = [t.replace("over", "aangaande") for t in a[::-1][:150]] + a[150:]
    check_partition(align(a, b), len(a), len(b))


def test_public_api() -> None:
    assert similarity("Dit is één zin.", "dit is een  zin") < 1.0
    assert similarity("Dit is een zin.", "dit is een zin") == 1.0
    assert similarity("", "iets") == 0.0
    assert isinstance(DEFAULT, AlignParams)
    assert align([], []) == ()


def rel(groups, a, b) -> Relation | None:
    for g in groups:
        if g.a == a and g.b == b:
            return g.relation
    return None


def test_equal_changed_added_removed() -> None:
    a = [
        "De Raad vergaderde op 18 mei.",
        "Nederland steunde het voorstel.",
        "Dit blok verdwijnt helemaal uit de tekst.",
    ]
    b = ["De Raad vergaderde op 18 mei.", "Nederland steunde het voorstel niet.", "Een geheel nieuwe alinea over visa."]
    g = align(a, b)
    assert rel(g, (0,), (0,)) is Relation.EQUAL
    assert rel(g, (1,), (1,)) is Relation.CHANGED
    assert rel(g, (2,), ()) is Relation.REMOVED
    assert rel(g, (), (2,)) is Relation.ADDED


def test_split_and_merge() -> None:
    long = (
        "De minister heeft de Raad geïnformeerd over de stand van zaken rond het Migratiepact, "
        "en de Raad heeft daarna uitgebreid gesproken over de terugkeer van migranten."
    )
    head, tail = long.split(", en ")
    a = ["Inleiding van de brief.", long, "Slot van de brief."]
    b = ["Inleiding van de brief.", head + ".", "En " + tail, "Slot van de brief."]
    g = align(a, b)
    assert rel(g, (1,), (1, 2)) is Relation.SPLIT
    g = align(b, a)
    assert rel(g, (1, 2), (1,)) is Relation.MERGE


def test_short_neighbour_does_not_ride_along_with_a_split() -> None:
    a = ["Self-driving cars will save many lives on our roads every year.", "Who is at fault?"]
    b = ["Self-driving cars will save many lives on the roads each year.", "A wholly different remark."]
    g = align(a, b)
    assert rel(g, (0,), (0,)) is Relation.CHANGED
    assert rel(g, (1,), ()) is Relation.REMOVED


def test_unrelated_sentences_stay_unpaired() -> None:
    a = ["A human life is priceless.", "No other benefit matters."]
    b = [
        "We know from cognitive scientists that teenagers take more risks.",
        "Despite these limitations, it is coming.",
    ]
    g = align(a, b)
    assert all(not (x.a and x.b) for x in g)


# --- generated letter revisions: moves ---------------------------------------------------------

PARAS = moves.letter_paragraphs()


@pytest.mark.parametrize("kind", moves.KINDS)
def test_generated_moves(kind: str) -> None:
    import random

    rng = random.Random(kind)
    for _ in range(10):
        case = moves.make_case(PARAS, kind, rng)
        groups = align(case.old, case.new)
        check_partition(groups, len(case.old), len(case.new))
        found = {(g.a, g.b): g.relation for g in groups}
        for ga, gb in case.moves:
            assert found.get((ga, gb)) is Relation.MOVED, (kind, ga, gb)
        for ga, gb in case.splits:
            assert (ga, gb) in found, (kind, ga, gb)
        pred = {(i, j) for g in groups for i in g.a for j in g.b}
        assert pred == set(case.gold)


def test_move_benchmark_scores() -> None:
    s = moves.score(moves.make_cases(PARAS, 40, seed=3))["all"]
    assert s.precision >= 1.0 and s.recall >= 1.0 and s.split_recall >= 1.0


def test_swapped_paragraphs_give_one_move_not_a_two_by_two() -> None:
    a = [p for p in PARAS if len(p) > 120][:6]
    b = [a[0], a[2], a[1], *a[3:]]
    g = align(a, b)
    check_partition(g, len(a), len(b))
    assert sum(x.relation is Relation.MOVED for x in g) == 1
    assert all(len(x.a) <= 1 and len(x.b) <= 1 for x in g)


# --- ArgRewrite regression: scores on a fixed subset must not drop ----------------------------

SUBSET = argrewrite.load(argrewrite.DEFAULT_DATA)[::4]
"""Every fourth pair of the copied benchmark: 21 draft pairs, 9 split/merge groups."""


def test_argrewrite_sentence_scores_do_not_drop() -> None:
    cases = [argrewrite.sentence_case(p) for p in SUBSET]
    ours = argrewrite.evaluate(cases, argrewrite.difftool_pairs)["all"]
    base = argrewrite.evaluate(cases, argrewrite.baseline_pairs)["all"]
    assert ours.cases == 21
    assert ours.all.f1 >= 0.965
    assert ours.changed.f1 >= 0.917
    assert ours.split_merge_recall >= 1.0
    assert ours.changed.f1 > base.changed.f1


def test_argrewrite_paragraph_scores_do_not_drop() -> None:
    cases = [argrewrite.paragraph_case(p) for p in SUBSET]
    ours = argrewrite.evaluate(cases, argrewrite.difftool_pairs)["all"]
    assert ours.all.f1 >= 0.938
    assert ours.changed.f1 >= 0.924


def test_scoring_counts_a_split_as_two_pairs() -> None:
    pred = {(0, 0), (0, 1)}
    t = argrewrite.Tally()
    t.add(pred, {(0, 0)})
    assert (t.tp, t.fp, t.fn) == (1, 1, 0)
    groups = argrewrite.multi_groups({(0, 0), (0, 1), (1, 2)})
    assert groups == [frozenset({(0, 0), (0, 1)})]
    assert argrewrite.recalled(groups[0], pred)
    assert not argrewrite.recalled(groups[0], {(0, 0), (0, 1), (1, 1)})


def test_bench_cli_last_line(tmp_path: Path, capsys) -> None:
    import json

    small = tmp_path / "small.json"
    small.write_text(json.dumps({"pairs": SUBSET[:3]}), encoding="utf-8")
    assert argrewrite.main(["--data", str(small)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("argrewrite: f1_all=0.") and last.endswith(" pairs=3")
    assert argrewrite.main(["--data", str(tmp_path / "missing.json")]) == 2


def test_alike_paragraphs_pair_at_both_ends_and_only_the_middle_is_aligned() -> None:
    """Units repeated too often to anchor (issue 12): the equal runs at both ends pair as they
    stand, and the equal units of a short edit script cut the middle, so changes far apart among
    thousands of alike units are found without the banded DP over them all. A changed unit faces
    its counterpart (no alike unit elsewhere gives way for it, which would report a move)."""
    para = "De minister zegt toe de Kamer voor de zomer te informeren over de voortgang."
    a = [para] * 3000
    b = list(a)
    b[1200] = para.replace("zomer", "winter")
    b.insert(2500, "Een nieuwe alinea over iets anders dan de voortgang.")
    groups = align(a, b)
    check_partition(groups, len(a), len(b))
    odd = [g for g in groups if g.relation is not Relation.EQUAL]
    assert [(g.a, g.b, g.relation) for g in odd] == [
        ((1200,), (1200,), Relation.CHANGED),
        ((), (2500,), Relation.ADDED),
    ]
    del b[2800]
    b.insert(100, para.replace("Kamer", "Tweede Kamer"))
    groups = align(a, b)
    check_partition(groups, len(a), len(b))
    odd = [g for g in groups if g.relation is not Relation.EQUAL]
    # one alike unit fewer far off and a similar one more at 100: one of them changed at 100
    assert [(g.a, g.b, g.relation) for g in odd] == [
        ((100,), (100,), Relation.CHANGED),
        ((1201,), (1201,), Relation.CHANGED),
        ((), (2501,), Relation.ADDED),
    ]
