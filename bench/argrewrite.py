"""Alignment accuracy on ArgRewrite V.2 (human sentence alignments of revised essays).

Usage::

    .venv/bin/python bench/argrewrite.py [--data FILE] [--quiet]

``FILE`` is any file in the ArgRewrite ``alignments.json`` format (default: the copy in
``bench/data/argrewrite/``). For every pair the old and new sentences are aligned with
:func:`difftool.align.align` and, in the same run, with a plain baseline (difflib
``SequenceMatcher`` over the sentences, then greedy 1:1 pairing at similarity >= 0.5 inside the
replaced stretches). Scores, per draft stage and overall:

* precision / recall / F1 over *aligned pairs*: a group of k old and l new units counts as k x l
  pairs (a 1:2 split is two pairs), added and removed units count as no pair;
* the same on *changed* pairs only: pairs whose two texts are not identical (after collapsing
  white space) are scored; identical pairs are left out of the gold and the predicted set alike,
  so the many untouched sentences cannot inflate the score;
* split/merge recall: share of gold groups with more than one unit on a side (1:2, 2:1, ...)
  that the aligner reproduces exactly (the same units on both sides, nothing more, nothing less);
* the same at paragraph level: paragraph texts are their sentences joined, and old paragraph p
  is aligned to new paragraph q when at least one gold sentence pair links them.

The last line is machine-readable::

    argrewrite: f1_all=0.xxx f1_changed=0.xxx split_merge_recall=0.xxx baseline_f1_changed=0.xxx pairs=N
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from difftool.align import align

DEFAULT_DATA = ROOT / "bench" / "data" / "argrewrite" / "alignments.json"

Pair = tuple[int, int]
Aligner = Callable[[Sequence[str], Sequence[str]], set[Pair]]


@dataclass(frozen=True, slots=True)
class Case:
    """One annotated draft pair, at sentence or paragraph level (0-based unit indices)."""

    name: str
    stage: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    gold: frozenset[Pair]


def load(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return list(json.load(f)["pairs"])


def sentence_case(p: dict) -> Case:
    old = tuple(s["text"] for s in p["old"])
    new = tuple(s["text"] for s in p["new"])
    pos_new = {s["index"]: k for k, s in enumerate(p["new"])}
    gold = frozenset((i, pos_new[j]) for i, s in enumerate(p["old"]) for j in s["aligned"])
    return Case(_name(p), p["drafts"], old, new, gold)


def paragraph_case(p: dict) -> Case:
    def paragraphs(side: list[dict]) -> tuple[list[str], dict[int, int]]:
        order: list[int] = []
        texts: dict[int, list[str]] = defaultdict(list)
        for s in side:
            if s["paragraph"] not in texts:
                order.append(s["paragraph"])
            texts[s["paragraph"]].append(s["text"])
        return [" ".join(texts[n]) for n in order], {n: k for k, n in enumerate(order)}

    old, where_old = paragraphs(p["old"])
    new, where_new = paragraphs(p["new"])
    para_new = {s["index"]: where_new[s["paragraph"]] for s in p["new"]}
    gold = frozenset((where_old[s["paragraph"]], para_new[j]) for s in p["old"] for j in s["aligned"])
    return Case(_name(p), p["drafts"], tuple(old), tuple(new), gold)


def _name(p: dict) -> str:
    return f"essay {p['essay']} drafts {p['drafts']} annotator {p['annotator']}"


# --- the two aligners ------------------------------------------------------------------------


def difftool_pairs(old: Sequence[str], new: Sequence[str]) -> set[Pair]:
    return {(i, j) for g in align(old, new) for i in g.a for j in g.b}


def baseline_pairs(old: Sequence[str], new: Sequence[str]) -> set[Pair]:
    """difflib over the unit sequence; inside replaced stretches, greedy 1:1 pairing (most similar
    first) of units whose ``SequenceMatcher.ratio`` is at least 0.5."""
    out: set[Pair] = set()
    sm = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.update((i1 + k, j1 + k) for k in range(i2 - i1))
        elif op == "replace":
            cands = sorted(
                (
                    (-difflib.SequenceMatcher(None, old[i], new[j]).ratio(), i, j)
                    for i in range(i1, i2)
                    for j in range(j1, j2)
                ),
            )
            used_a: set[int] = set()
            used_b: set[int] = set()
            for neg, i, j in cands:
                if -neg < 0.5:
                    break
                if i not in used_a and j not in used_b:
                    used_a.add(i)
                    used_b.add(j)
                    out.add((i, j))
    return out


# --- scoring ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """Counts from which precision, recall and F1 follow."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, pred: Iterable[Pair], gold: Iterable[Pair]) -> None:
        p, g = set(pred), set(gold)
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Score:
    """Everything measured for one aligner on a set of cases."""

    all: Tally = field(default_factory=Tally)
    changed: Tally = field(default_factory=Tally)
    multi_gold: int = 0
    multi_found: int = 0
    cases: int = 0
    seconds: float = 0.0

    @property
    def split_merge_recall(self) -> float:
        return self.multi_found / self.multi_gold if self.multi_gold else 1.0


def _norm(text: str) -> str:
    return " ".join(text.split())


def changed_only(case: Case, pairs: Iterable[Pair]) -> set[Pair]:
    """The pairs whose two texts differ (white space collapsed)."""
    return {(i, j) for i, j in pairs if _norm(case.old[i]) != _norm(case.new[j])}


def multi_groups(pairs: Iterable[Pair]) -> list[frozenset[Pair]]:
    """Connected groups of pairs with more than one unit on a side (splits, merges, n:m)."""
    by_a: dict[int, set[int]] = defaultdict(set)
    by_b: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        by_a[i].add(j)
        by_b[j].add(i)
    seen: set[int] = set()
    out: list[frozenset[Pair]] = []
    for start in sorted(by_a):
        if start in seen:
            continue
        comp_a, comp_b, todo = {start}, set(), [start]
        while todo:
            i = todo.pop()
            for j in by_a[i] - comp_b:
                comp_b.add(j)
                new_a = by_b[j] - comp_a
                comp_a |= new_a
                todo.extend(new_a)
        seen |= comp_a
        if len(comp_a) > 1 or len(comp_b) > 1:
            out.append(frozenset((i, j) for i in comp_a for j in by_a[i]))
    return out


def recalled(group: frozenset[Pair], pred: set[Pair]) -> bool:
    """The predicted pairs touching the group's units are exactly the group's pairs."""
    ua = {i for i, _ in group}
    ub = {j for _, j in group}
    touching = {(i, j) for i, j in pred if i in ua or j in ub}
    return touching == set(group)


def evaluate(cases: Iterable[Case], aligner: Aligner) -> dict[str, Score]:
    """Scores per draft stage and overall (key ``"all"``)."""
    scores: dict[str, Score] = defaultdict(Score)
    for case in cases:
        t = time.perf_counter()
        pred = aligner(case.old, case.new)
        dt = time.perf_counter() - t
        for key in (case.stage, "all"):
            s = scores[key]
            s.cases += 1
            s.seconds += dt
            s.all.add(pred, case.gold)
            s.changed.add(changed_only(case, pred), changed_only(case, case.gold))
            for grp in multi_groups(case.gold):
                s.multi_gold += 1
                s.multi_found += recalled(grp, pred)
    return dict(scores)


# --- report ----------------------------------------------------------------------------------


def _row(label: str, s: Score) -> str:
    return (
        f"  {label:<22} {s.all.precision:6.3f} {s.all.recall:6.3f} {s.all.f1:6.3f}"
        f"   {s.changed.precision:6.3f} {s.changed.recall:6.3f} {s.changed.f1:6.3f}"
        f"   {s.multi_found:3d}/{s.multi_gold:<3d} {s.split_merge_recall:6.3f}"
        f"   {1000 * s.seconds / max(1, s.cases):7.2f}"
    )


def report(title: str, cases: list[Case]) -> tuple[dict[str, Score], dict[str, Score]]:
    ours = evaluate(cases, difftool_pairs)
    base = evaluate(cases, baseline_pairs)
    print(f"== {title}: {len(cases)} pairs, {sum(len(c.old) + len(c.new) for c in cases)} units")
    print(f"  {'':<22} {'all pairs':^20}   {'changed pairs':^20}   {'split/merge':^14}   ms/pair")
    print(f"  {'':<22} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}   {'found':>7} {'R':>6}")
    for stage in sorted(k for k in ours if k != "all") + ["all"]:
        label = "overall" if stage == "all" else f"drafts {stage[0]}->{stage[1:]}"
        print(_row(f"difftool {label}", ours[stage]))
        print(_row(f"baseline {label}", base[stage]))
    return ours, base


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="alignments.json-format file")
    args = ap.parse_args(argv)
    try:
        raw = load(args.data)
    except (OSError, ValueError, KeyError) as e:
        print(f"argrewrite: cannot read {args.data}: {e}", file=sys.stderr)
        return 2
    ours, base = report("sentences", [sentence_case(p) for p in raw])
    print()
    report("paragraphs", [paragraph_case(p) for p in raw])
    s, b = ours["all"], base["all"]
    print()
    print(
        f"argrewrite: f1_all={s.all.f1:.3f} f1_changed={s.changed.f1:.3f} "
        f"split_merge_recall={s.split_merge_recall:.3f} baseline_f1_changed={b.changed.f1:.3f} pairs={s.cases}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
