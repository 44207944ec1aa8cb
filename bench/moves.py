"""Move detection on generated letter revisions (ArgRewrite has almost no moves).

Usage::

    .venv/bin/python bench/moves.py [--letter FILE] [--cases N] [--seed S]

Takes the body paragraphs of a real letter (default: the TK edition of 22 June 2026 in
``samples/``) and derives revised versions from it with a seeded random generator, so every case
has a known gold alignment:

* ``moved``: one paragraph taken out and put back at least three places away;
* ``moved+edited``: the same, and two or three words of the moved paragraph changed;
* ``page-break``: one paragraph cut in two at a word boundary (as a PDF page break does);
* ``moved+page-break``: a paragraph moved and then cut in two.

Scores: move precision (predicted ``moved`` groups that are exactly a gold move) and recall
(gold moves found exactly, as a ``moved`` group), split recall (page-break splits found as the
exact 1:2 group, moved or not), and F1 over aligned pairs. The last line is machine-readable::

    moves: precision=0.xxx recall=0.xxx split_recall=0.xxx f1_pairs=0.xxx cases=N
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from difftool.align import align
from difftool.model import BlockKind, Relation

DEFAULT_LETTER = ROOT / "samples" / "2026-06-22-jbz-tk.txt"
KINDS = ("moved", "moved+edited", "page-break", "moved+page-break")
MIN_CHARS = 120
"""Only paragraphs at least this long are moved or cut: a moved one-liner is not findable."""

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class MoveCase:
    """A generated revision: the new paragraphs and what the aligner should find."""

    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    gold: frozenset[Pair]
    moves: frozenset[tuple[tuple[int, ...], tuple[int, ...]]]
    """Groups (old indices, new indices) that were moved."""
    splits: frozenset[tuple[tuple[int, ...], tuple[int, ...]]]
    """Groups (old index, two new indices) cut by a page break."""


def letter_paragraphs(path: str | Path = DEFAULT_LETTER) -> list[str]:
    from difftool.readers import read_letter

    letter = read_letter(str(path))
    return [b.text for b in letter.blocks if b.kind is not BlockKind.HEADER]


def _edit(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(rng.choice((2, 3))):
        k = rng.randrange(len(words))
        words[k] = rng.choice(("niet", "wel", "alle", "geen", "enkele", "nieuwe")) if rng.random() < 0.5 else ""
    return " ".join(w for w in words if w)


def _cut(text: str, rng: random.Random) -> tuple[str, str]:
    words = text.split(" ")
    k = rng.randrange(len(words) // 3, 2 * len(words) // 3 + 1)
    return " ".join(words[:k]), " ".join(words[k:])


def make_case(paras: Sequence[str], kind: str, rng: random.Random) -> MoveCase:
    """One revision of ``paras`` of the given kind."""
    n = len(paras)
    long = [i for i, t in enumerate(paras) if len(t) >= MIN_CHARS]
    src = rng.choice(long)
    # new order: old indices, with src taken out and put back elsewhere when moving
    order = [i for i in range(n) if i != src]
    moving = kind.startswith("moved")
    if moving:
        far = [p for p in range(len(order) + 1) if abs(p - src) >= 3]
        order.insert(rng.choice(far), src)
    else:
        order.insert(src, src)
    new: list[str] = []
    gold: set[Pair] = set()
    moves, splits = set(), set()
    for i in order:
        if i != src:
            gold.add((i, len(new)))
            new.append(paras[i])
            continue
        text = _edit(paras[i], rng) if kind == "moved+edited" else paras[i]
        if kind.endswith("page-break"):
            head, tail = _cut(text, rng)
            js = (len(new), len(new) + 1)
            new.extend((head, tail))
            splits.add(((i,), js))
        else:
            js = (len(new),)
            new.append(text)
        gold.update((i, j) for j in js)
        if moving:
            moves.add(((i,), js))
    return MoveCase(kind, tuple(paras), tuple(new), frozenset(gold), frozenset(moves), frozenset(splits))


def make_cases(paras: Sequence[str], count: int, seed: int = 7) -> list[MoveCase]:
    rng = random.Random(seed)
    return [make_case(paras, KINDS[k % len(KINDS)], rng) for k in range(count)]


@dataclass(slots=True)
class MoveScore:
    moves_pred: int = 0
    moves_right: int = 0
    moves_gold: int = 0
    moves_found: int = 0
    splits_gold: int = 0
    splits_found: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cases: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.moves_right / self.moves_pred if self.moves_pred else 1.0

    @property
    def recall(self) -> float:
        return self.moves_found / self.moves_gold if self.moves_gold else 1.0

    @property
    def split_recall(self) -> float:
        return self.splits_found / self.splits_gold if self.splits_gold else 1.0

    @property
    def f1_pairs(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def score(cases: Sequence[MoveCase]) -> dict[str, MoveScore]:
    out: dict[str, MoveScore] = {}
    for case in cases:
        t = time.perf_counter()
        groups = align(case.old, case.new)
        dt = time.perf_counter() - t
        moved = {(g.a, g.b) for g in groups if g.relation is Relation.MOVED}
        found = {(g.a, g.b) for g in groups}
        pred = {(i, j) for g in groups for i in g.a for j in g.b}
        for key in (case.kind, "all"):
            s = out.setdefault(key, MoveScore())
            s.cases += 1
            s.seconds += dt
            s.moves_pred += len(moved)
            s.moves_right += len(moved & case.moves)
            s.moves_gold += len(case.moves)
            s.moves_found += len(moved & case.moves)
            s.splits_gold += len(case.splits)
            s.splits_found += len(found & case.splits)
            s.tp += len(pred & case.gold)
            s.fp += len(pred - case.gold)
            s.fn += len(case.gold - pred)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letter", default=str(DEFAULT_LETTER))
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    paras = letter_paragraphs(args.letter)
    scores = score(make_cases(paras, args.cases, args.seed))
    print(f"== generated revisions of {Path(args.letter).name}: {len(paras)} paragraphs, {args.cases} cases")
    print(f"  {'kind':<18} {'cases':>5}  {'move P':>6} {'move R':>6}  {'split R':>7}  {'F1 pairs':>8}  ms/case")
    for kind in (*KINDS, "all"):
        s = scores.get(kind)
        if s:
            print(
                f"  {kind:<18} {s.cases:5d}  {s.precision:6.3f} {s.recall:6.3f}  {s.split_recall:7.3f}"
                f"  {s.f1_pairs:8.3f}  {1000 * s.seconds / s.cases:7.2f}"
            )
    s = scores["all"]
    print(
        f"moves: precision={s.precision:.3f} recall={s.recall:.3f} split_recall={s.split_recall:.3f} "
        f"f1_pairs={s.f1_pairs:.3f} cases={s.cases}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
