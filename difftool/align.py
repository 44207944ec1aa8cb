"""Align two sequences of text units (paragraphs, sentences, footnotes).

The aligner knows nothing about letters: it takes two sequences of strings and returns
:class:`~difftool.model.Group` values (1:1, 1:n splits, n:1 merges, moves, added, removed), so it
can be measured on its own (``bench/argrewrite.py``) and reused for any unit.

How (cheap first, expensive only where needed):

1. **Exact anchors.** Units are keyed by :func:`~difftool.text.squash` (format noise folded).
   Keys that occur once on each side and are long enough to mean something anchor the
   alignment; the longest increasing subsequence of them keeps the order (patience diff).
2. **Rare-word anchors in large gaps.** Between anchors, a gap too large for dynamic programming
   is cut further by fuzzy anchors: candidate pairs that share rare words, scored with rapidfuzz,
   kept when they are each other's best match and in order. Candidates come from an inverted
   index, never from an all-pairs matrix.
3. **Dynamic programming inside small gaps**, Gale–Church style: moves 1:0, 0:1, 1:1, 1:2..1:4
   and 2:1..4:1, each scored by the similarity of the concatenated units, so splits and merges
   are scored directly (as in Vecalign). A split or merge must also *cover* each of its units
   (at least ``min_coverage`` of each unit's words found on the other side), so a short unrelated
   neighbour cannot ride along with a good 1:1 pair. There is no 2:2: a shifted boundary
   between two units scores as 1:1 + 1:1, a swap as a pair plus a move.
   Similarity (:func:`similarity`) blends character-level and word-level Indel similarity.
4. **Moves afterwards.** Leftover removed and added units are paired by similarity (at least
   ``move_threshold``, higher than the in-order threshold: a move has no position to support
   it); a pair that crosses an aligned group is a move, one that does not is an in-place change.

Measured on ArgRewrite V.2 and on generated letter moves: see ``docs/alignment.md``.

Invariant (tested): every unit index of A and of B appears in exactly one group.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from difftool.model import Group, Relation
from difftool.sources import TooLargeError
from difftool.text import fold, squash

MIN_ANCHOR_CHARS = 12
"""Shorter units ("Kabinetsappreciatie", a lone name) never anchor an alignment alone."""
DP_CELLS = 2500
"""Largest gap (cells of the n x m table) solved by dynamic programming directly."""
MAX_GROUP = 4
MAX_REPEAT = 16
"""A key repeated more often than this on a side is too common to anchor anything."""
BAND = 24
"""Half-width of the diagonal band in which a gap too large for full DP and without any anchor
is aligned, so the cost stays linear in its length."""
MAX_BAND = 96
"""Widest band for a gap of very unequal sides (beyond it the slope decides)."""
MAX_EDITS = 400
"""Most insertions plus deletions for which a gap of repeated units is cut by its equal runs."""
DP_BUDGET = 10.0
"""Most seconds the dynamic programming of one alignment may be estimated to take; beyond,
:func:`align` raises TooLargeError before it starts (:func:`dp_seconds`)."""
DP_CALL_SECONDS = 1.5e-6
DP_CHAR_SECONDS = 8e-8
"""The cost model of one scored cell move on this kind of machine (measured with bench/limits.py):
a fixed cost and a cost per character of the two runs compared."""
MULTI_MARGIN = 0.15
"""A split or merge must beat the pairing threshold by this much (a 1:1 need only reach it)."""
RECUT = 0.97
"""Two units against two pair as one group only when they are the same text cut elsewhere (a
paragraph break an extractor or editor moved): a looser 2:2 pairs revised paragraphs crosswise."""


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Tunable weights of the gap DP and of move detection."""

    threshold: float = 0.4
    """Similarity above which pairing two units gains over leaving them unpaired."""
    multi_penalty: float = 0.12
    """Cost per extra unit in a split or merge: a split must beat a 1:1 plus an insertion."""
    move_threshold: float = 0.75
    """Similarity from which a leftover removed/added pair is a move (or in-place change)."""
    word_weight: float = 0.5
    """Share of word-level similarity in :func:`similarity` (the rest is character-level)."""
    min_coverage: float = 0.5
    """In a split or merge, the least share of each unit's words found on the other side."""


DEFAULT = AlignParams()


_WORD = re.compile(r"[^\W_]+")


def similarity(a: str, b: str, params: AlignParams = DEFAULT) -> float:
    """Similarity of two texts in [0, 1], format noise folded: a blend of character-level and
    word-level Indel similarity (characters see through hyphenation and glued words, words see
    that two sentences of one essay share letters but not content)."""
    return _sim(squash(a), squash(b), _words(a), _words(b), params.word_weight)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text).casefold()))


def _sim(ka: str, kb: str, wa: Sequence[str], wb: Sequence[str], word_weight: float) -> float:
    if ka == kb:
        return 1.0
    if not ka or not kb:
        return 0.0
    chars = Indel.normalized_similarity(ka, kb)
    if not word_weight:
        return float(chars)
    words = Indel.normalized_similarity(wa, wb)
    return float((1 - word_weight) * chars + word_weight * words)


def _coverage(part: Sequence[str], whole: Counter[str]) -> float:
    """Share of the words of ``part`` found in the word multiset ``whole``."""
    if not part:
        return 1.0
    need = Counter(part)
    return sum(min(n, whole[w]) for w, n in need.items()) / len(part)


class _Scorer:
    """Similarity of concatenated unit runs, cached."""

    def __init__(
        self,
        ka: Sequence[str],
        kb: Sequence[str],
        wa: Sequence[tuple[str, ...]],
        wb: Sequence[tuple[str, ...]],
        params: AlignParams,
    ) -> None:
        self.ka, self.kb, self.wa, self.wb = ka, kb, wa, wb
        self.params = params
        # the score depends only on the units' contents: units alike in key and words share an
        # id, so a letter of many alike paragraphs computes each distinct run pair once
        ids: dict[tuple[str, tuple[str, ...]], int] = {}
        self.ida = [ids.setdefault((key, tuple(words)), len(ids)) for key, words in zip(ka, wa)]
        self.idb = [ids.setdefault((key, tuple(words)), len(ids)) for key, words in zip(kb, wb)]
        self.by_content: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
        # prefix sums of the units' lengths in characters and words, for the length bound
        self.ca, self.cb = _prefix(len(u) for u in ka), _prefix(len(u) for u in kb)
        self.wca, self.wcb = _prefix(len(u) for u in wa), _prefix(len(u) for u in wb)

    def __call__(self, i: int, k: int, j: int, l: int) -> float:
        content = (tuple(self.ida[i : i + k]), tuple(self.idb[j : j + l]))
        hit = self.by_content.get(content)
        if hit is None:
            hit = self._score(i, k, j, l)
            self.by_content[content] = hit
        return hit

    def _score(self, i: int, k: int, j: int, l: int) -> float:
        bound = self.bound(i, k, j, l)
        if bound < self.params.threshold + (MULTI_MARGIN if k + l > 2 else 0.0):
            # cannot pair whatever the texts say: skip the expensive comparison
            return bound
        a = "".join(self.ka[i : i + k])
        b = "".join(self.kb[j : j + l])
        wa = [w for u in self.wa[i : i + k] for w in u]
        wb = [w for u in self.wb[j : j + l] for w in u]
        hit = _sim(a, b, wa, wb, self.params.word_weight)
        if (k > 1 or l > 1) and hit >= self.params.threshold + MULTI_MARGIN:
            # (below, no split or merge is taken whatever the coverage: not worth counting)
            hit = min(hit, self._covered(i, k, j, l))
        return hit

    def bound(self, i: int, k: int, j: int, l: int) -> float:
        """Upper bound of the similarity from lengths alone: Indel similarity is at most
        ``2 * min(x, y) / (x + y)`` for sequences of lengths x and y."""
        ca = self.ca[i + k] - self.ca[i]
        cb = self.cb[j + l] - self.cb[j]
        wa = self.wca[i + k] - self.wca[i]
        wb = self.wcb[j + l] - self.wcb[j]
        w = self.params.word_weight
        chars = 2 * min(ca, cb) / (ca + cb) if ca + cb else 1.0
        words = 2 * min(wa, wb) / (wa + wb) if wa + wb else 1.0
        return (1 - w) * chars + w * words

    def _covered(self, i: int, k: int, j: int, l: int) -> float:
        """0 when a unit of a split or merge owes too little to the other side, else 1."""
        floor = self.params.min_coverage
        if k > 1:
            whole = Counter(w for u in self.wb[j : j + l] for w in u)
            if any(_coverage(self.wa[x], whole) < floor for x in range(i, i + k)):
                return 0.0
        if l > 1:
            whole = Counter(w for u in self.wa[i : i + k] for w in u)
            if any(_coverage(self.wb[y], whole) < floor for y in range(j, j + l)):
                return 0.0
        return 1.0


def _prefix(values: Iterable[int]) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out


def align(a: Sequence[str], b: Sequence[str], params: AlignParams = DEFAULT) -> tuple[Group, ...]:
    """Align unit sequences ``a`` and ``b``; groups come in reading order of A, B-only units
    at their place in B."""
    ka = [squash(t) for t in a]
    kb = [squash(t) for t in b]
    score = _Scorer(ka, kb, [_words(t) for t in a], [_words(t) for t in b], params)
    pairs: list[Group] = []
    gaps: list[_Gap] = []
    _align_range(ka, kb, 0, len(ka), 0, len(kb), score, params, pairs, gaps, depth=0)
    seconds = dp_seconds(gaps, score, params, limit=DP_BUDGET)
    if seconds > DP_BUDGET:
        n, m = len(ka), len(kb)
        raise TooLargeError(
            f"aligning {n:,} units against {m:,} would take more than {seconds:,.0f} s "
            f"(the limit is {DP_BUDGET:.0f} s): too little in common to anchor on; compare smaller parts"
        )
    for a0, a1, b0, b1, band in gaps:
        _dp(a0, a1, b0, b1, score, params, pairs, band)
    groups = _detect_moves(pairs, ka, kb, score, params)
    return _order(groups)


_Gap = tuple[int, int, int, int, "int | None"]
"""A gap left to the dynamic programming: a0, a1, b0, b1 and its band (None: the whole table)."""


def dp_seconds(gaps: Sequence[_Gap], score: _Scorer, params: AlignParams, limit: float = float("inf")) -> float:
    """Estimated seconds of the dynamic programming of ``gaps``, counted the way :func:`_dp`
    visits them: every cell of the table (or band) and move shape costs ``DP_CALL_SECONDS``; a
    pair of runs the length bound does not rule out is compared, which costs ``DP_CHAR_SECONDS``
    per character of the two runs. Counting stops once ``limit`` is passed."""
    shapes = [(k, l) for k, l in _SHAPES if k and l]
    total = 0.0
    for a0, a1, b0, b1, band in gaps:
        n, m = a1 - a0, b1 - b0
        cells = sum(len(_columns(i, n, m, band)) for i in range(n + 1))
        total += cells * len(_SHAPES) * DP_CALL_SECONDS
        if total > limit:
            return total
        for i in range(n + 1):
            for j in _columns(i, n, m, band):
                for k, l in shapes:
                    if i + k > n or j + l > m:
                        continue
                    if score.bound(a0 + i, k, b0 + j, l) >= params.threshold + (MULTI_MARGIN if k + l > 2 else 0.0):
                        chars = score.ca[a0 + i + k] - score.ca[a0 + i] + score.cb[b0 + j + l] - score.cb[b0 + j]
                        total += DP_CHAR_SECONDS * chars
            if total > limit:
                return total
    return total


def _columns(i: int, n: int, m: int, band: int | None) -> range:
    """The columns of row ``i`` the dynamic programming visits: all, or those within ``band``
    of the diagonal."""
    if band is None:
        return range(m + 1)
    centre = round(i * m / n) if n else 0
    return range(max(0, centre - band), min(m, centre + band) + 1)


def _align_range(
    ka: Sequence[str],
    kb: Sequence[str],
    a0: int,
    a1: int,
    b0: int,
    b1: int,
    score: _Scorer,
    params: AlignParams,
    out: list[Group],
    gaps: list[_Gap],
    depth: int,
) -> None:
    if a0 >= a1 or b0 >= b1:
        out.extend(Group((i,), (), Relation.REMOVED, 0.0) for i in range(a0, a1))
        out.extend(Group((), (j,), Relation.ADDED, 0.0) for j in range(b0, b1))
        return
    anchors = _unique_anchors(ka, kb, a0, a1, b0, b1)
    if not anchors and (a1 - a0) * (b1 - b0) > DP_CELLS:
        head, tail = _common_ends(ka, kb, a0, a1, b0, b1)
        if head or tail:
            # units repeated too often to anchor (a letter of alike paragraphs): the equal runs
            # at both ends pair up as they stand, and only the middle is aligned
            out.extend(Group((a0 + n,), (b0 + n,), Relation.EQUAL, 1.0) for n in range(head))
            _align_range(ka, kb, a0 + head, a1 - tail, b0 + head, b1 - tail, score, params, out, gaps, depth)
            out.extend(Group((a1 - n,), (b1 - n,), Relation.EQUAL, 1.0) for n in range(tail, 0, -1))
            return
        anchors = _equal_runs(score, params, a0, a1, b0, b1)
    if not anchors and (a1 - a0) * (b1 - b0) > DP_CELLS and depth < 3:
        anchors = _fuzzy_anchors(ka, kb, a0, a1, b0, b1, score)
    if not anchors:
        cells = (a1 - a0) * (b1 - b0)
        band = None if cells <= 4 * DP_CELLS else _band(a1 - a0, b1 - b0)
        gaps.append((a0, a1, b0, b1, band))  # solved once the cost of all gaps is known
        return
    pa, pb = a0, b0
    for i, j in anchors:
        _align_range(ka, kb, pa, i, pb, j, score, params, out, gaps, depth + 1)
        out.append(Group((i,), (j,), Relation.EQUAL if ka[i] == kb[j] else Relation.CHANGED, score(i, 1, j, 1)))
        pa, pb = i + 1, j + 1
    _align_range(ka, kb, pa, a1, pb, b1, score, params, out, gaps, depth + 1)


def _band(n: int, m: int) -> int:
    """Half-width, in columns, of the band around the diagonal of an n x m gap (which runs from
    corner to corner). ``BAND`` units off the diagonal, widened by the length difference up to
    ``MAX_BAND`` (a block added or removed inside an unanchored gap); measured along the longer
    side, so a gap of many rows and few columns gets few columns a row; and at least the slope,
    so that consecutive rows' windows overlap and the far corner is reached. The table has at
    most about ``2 * MAX_BAND * min(n, m) + 3 * max(n, m)`` cells: linear in the gap's length."""
    band = BAND + min(abs(n - m), MAX_BAND - BAND)
    if n > m:
        band = -(-band * m // n)
    return max(band, -(-m // max(1, n)) + 1)


def _common_ends(ka: Sequence[str], kb: Sequence[str], a0: int, a1: int, b0: int, b1: int) -> tuple[int, int]:
    """How many units at the start and at the end of the two ranges have equal keys (the ends
    do not overlap)."""
    head = 0
    while a0 + head < a1 and b0 + head < b1 and ka[a0 + head] == kb[b0 + head]:
        head += 1
    tail = 0
    while a1 - tail > a0 + head and b1 - tail > b0 + head and ka[a1 - 1 - tail] == kb[b1 - 1 - tail]:
        tail += 1
    return head, tail


def _equal_runs(score: _Scorer, params: AlignParams, a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int]]:
    """In a gap of mostly repeated units, the equal units of a shortest edit script of at most
    ``MAX_EDITS`` edits (Landau–Vishkin: the furthest reach on each diagonal after each number of
    edits); else none. Units are equal when alike in key and words (the scorer's ids). An edit is
    an insertion, a deletion, or a substitution of a unit by one similar enough to pair with it
    (a dissimilar one is a deletion and an insertion): so a changed unit faces its counterpart,
    where any one of the alike units around it could otherwise give way."""
    x, y = score.ida[a0:a1], score.idb[b0:b1]
    n, m = len(x), len(y)
    if 2 * len(set(x).union(y)) > n + m:
        return []  # mostly distinct units: the anchors and the DP handle them

    def similar(i: int, j: int) -> bool:
        return score(a0 + i, 1, b0 + j, 1) >= params.threshold

    trace: list[dict[int, int]] = []
    prev: dict[int, int] = {}
    for d in range(MAX_EDITS + 1):
        cur: dict[int, int] = {}
        for k in range(max(-d, -m), min(d, n) + 1):  # diagonal k: j = i - k
            i = _reach(prev, k, n, m, similar)[0] if d else 0
            if i < 0:
                continue
            while i < n and i - k < m and x[i] == y[i - k]:
                i += 1
            cur[k] = i
        trace.append(cur)
        if cur.get(n - m, -1) >= n:
            return [(a0 + i, b0 + j) for i, j in _matches(trace, n, m, similar)]
        prev = cur
    return []


def _reach(prev: dict[int, int], k: int, n: int, m: int, similar: Callable[[int, int], bool]) -> tuple[int, int]:
    """Furthest start on diagonal ``k`` one edit after ``prev`` (-1 when none), and the diagonal
    it comes from: staying, a substitution, a deletion (from ``k - 1``), an insertion (from
    ``k + 1``)."""
    best, came = -1, k
    p = prev.get(k, -1)
    if p >= 0:
        best = p
        if p < n and p - k < m and similar(p, p - k):
            best = p + 1
    p = prev.get(k - 1, -1)
    if p >= 0 and p < n and p + 1 > best:
        best, came = p + 1, k - 1
    p = prev.get(k + 1, -1)
    if p >= 0 and p - k <= m and p > best:
        best, came = p, k + 1
    return best, came


def _matches(trace: list[dict[int, int]], n: int, m: int, similar: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The equal pairs of the edit script that ``trace`` (the furthest reach per diagonal after
    each number of edits) ends in, in order."""
    pairs: list[tuple[int, int]] = []
    k, i = n - m, n
    for d in range(len(trace) - 1, -1, -1):
        start, came = _reach(trace[d - 1], k, n, m, similar) if d else (0, 0)
        pairs.extend((t, t - k) for t in range(i - 1, start - 1, -1))
        if d:
            i, k = trace[d - 1][came], came
    return pairs[::-1]


def _unique_anchors(ka: Sequence[str], kb: Sequence[str], a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int]]:
    """Exact anchors: keys long enough to mean something that occur as often in A as in B (once,
    as in patience diff, or a few times: the n-th occurrence pairs with the n-th, so a footnote
    body repeated in every section still anchors), kept in order by their longest increasing
    subsequence."""
    ca = Counter(ka[a0:a1])
    cb = Counter(kb[b0:b1])
    where_b: dict[str, list[int]] = defaultdict(list)
    for j in range(b0, b1):
        where_b[kb[j]].append(j)
    seen: Counter[str] = Counter()
    cands: list[tuple[int, int]] = []
    for i in range(a0, a1):
        key = ka[i]
        if len(key) >= MIN_ANCHOR_CHARS and ca[key] == cb[key] <= MAX_REPEAT:
            cands.append((i, where_b[key][seen[key]]))
            seen[key] += 1
    return _lis(cands)


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of (i, j) pairs (sorted by i) with increasing j."""
    if not pairs:
        return []
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_idx.append(n)
        else:
            tails[k] = j
            tail_idx[k] = n
        prev[n] = tail_idx[k - 1] if k else -1
    out: list[tuple[int, int]] = []
    n = tail_idx[-1]
    while n >= 0:
        out.append(pairs[n])
        n = prev[n]
    return out[::-1]


def _fuzzy_anchors(
    ka: Sequence[str], kb: Sequence[str], a0: int, a1: int, b0: int, b1: int, score: _Scorer
) -> list[tuple[int, int]]:
    """Mutual-best pairs (similarity >= 0.8) among candidates sharing rare 6-grams."""
    grams_b: dict[str, list[int]] = defaultdict(list)
    for j in range(b0, b1):
        for g in _grams(kb[j]):
            grams_b[g].append(j)
    limit = max(3, (b1 - b0) // 20)
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for i in range(a0, a1):
        votes: Counter[int] = Counter()
        for g in _grams(ka[i]):
            hits = grams_b.get(g, ())
            if 0 < len(hits) <= limit:
                votes.update(hits)
        for j, _ in votes.most_common(5):
            s = score(i, 1, j, 1)
            if s >= 0.8:
                if s > best_a.get(i, (0.0, -1))[0]:
                    best_a[i] = (s, j)
                if s > best_b.get(j, (0.0, -1))[0]:
                    best_b[j] = (s, i)
    mutual = sorted((i, j) for i, (_, j) in best_a.items() if best_b.get(j, (0.0, -1))[1] == i)
    return _lis(mutual)


def _grams(key: str, n: int = 6, step: int = 3) -> set[str]:
    return {key[k : k + n] for k in range(0, max(1, len(key) - n + 1), step)}


_SHAPES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1))


def _dp(
    a0: int, a1: int, b0: int, b1: int, score: _Scorer, params: AlignParams, out: list[Group], band: int | None = None
) -> None:
    """Best monotone grouping of A[a0:a1] against B[b0:b1]. With ``band``, only cells within
    ``band`` of the diagonal are visited (a gap too large for the full table)."""
    n, m = a1 - a0, b1 - b0
    neg = float("-inf")
    best: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [{} for _ in range(n + 1)]
    best[0][0] = 0.0
    tau, pen = params.threshold, params.multi_penalty

    for i in range(n + 1):
        row = best[i]
        for j in _columns(i, n, m, band):
            cur = row.get(j, neg)
            if cur == neg:
                continue
            for k, l in _SHAPES:
                if i + k > n or j + l > m:
                    continue
                if k and l:
                    s = score(a0 + i, k, b0 + j, l)
                    if k + l > 2 and s < tau + MULTI_MARGIN or k == l == 2 and s < RECUT:
                        continue
                    gain = (s - tau) * (k + l) - pen * (k + l - 2)
                    if k + l == 2 and s < tau:
                        continue
                else:
                    gain = 0.0
                v = cur + gain
                if v > best[i + k].get(j + l, neg) + 1e-12:
                    best[i + k][j + l] = v
                    back[i + k][j + l] = (k, l)
    steps: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        k, l = back[i][j]
        i, j = i - k, j - l
        steps.append((i, j, k, l))
    for i, j, k, l in reversed(steps):
        ia = tuple(range(a0 + i, a0 + i + k))
        jb = tuple(range(b0 + j, b0 + j + l))
        if not l:
            out.append(Group(ia, (), Relation.REMOVED, 0.0))
        elif not k:
            out.append(Group((), jb, Relation.ADDED, 0.0))
        else:
            s = score(a0 + i, k, b0 + j, l)
            if k == l == 1:
                rel = Relation.EQUAL if s == 1.0 else Relation.CHANGED
            else:
                rel = Relation.SPLIT if k < l else Relation.MERGE if k > l else Relation.CHANGED
            out.append(Group(ia, jb, rel, s))


def pairs_around(k: int) -> tuple[tuple[int, ...], ...]:
    """The two runs of two units that hold unit ``k``."""
    return ((k - 1, k), (k, k + 1))


def _detect_moves(
    groups: list[Group], ka: Sequence[str], kb: Sequence[str], score: _Scorer, params: AlignParams
) -> list[Group]:
    """Pair leftover removed and added units: 1:1, or 1:2 / 2:1 with adjacent leftovers (a moved
    paragraph that a page break cut in two). Candidates come from shared character grams, best
    first; a pair that crosses an aligned group is a move."""
    removed = [g.a[0] for g in groups if g.relation is Relation.REMOVED]
    added = [g.b[0] for g in groups if g.relation is Relation.ADDED]
    if not removed or not added:
        return groups
    free_a, free_b = set(removed), set(added)
    cands: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for j in added:
        for g in _grams(kb[j]):
            index[g].append(j)

    def consider(ia: tuple[int, ...], jb: tuple[int, ...]) -> None:
        s = score(ia[0], len(ia), jb[0], len(jb))
        if s >= params.move_threshold:
            cands.append((s, ia, jb))

    common = max(8, len(added) // 20)  # grams shared by more units than this cannot tell them apart
    for i in removed:
        if len(ka[i]) < 4:
            continue
        votes: Counter[int] = Counter()
        for g in _grams(ka[i]):
            hits = index.get(g, ())
            if len(hits) <= common:
                votes.update(hits)
        pool = [j for j, _ in votes.most_common(8)] if len(added) > 8 else added
        for j in pool:
            if len(kb[j]) < 4:
                continue
            consider((i,), (j,))
            for jb in pairs_around(j):
                if all(x in free_b for x in jb):
                    consider((i,), jb)
            for ia in pairs_around(i):
                if all(x in free_a for x in ia):
                    consider(ia, (j,))
    cands.sort(key=lambda c: (-c[0], -len(c[1]) - len(c[2]), c[1], c[2]))
    ends_a = sorted(max(g.a) for g in groups if g.a and g.b)
    ends_b = sorted(max(g.b) for g in groups if g.a and g.b)
    used_a: set[int] = set()
    used_b: set[int] = set()
    paired: list[Group] = []
    for s, ia, jb in cands:
        if used_a.intersection(ia) or used_b.intersection(jb):
            continue
        used_a.update(ia)
        used_b.update(jb)
        crosses = bisect.bisect_left(ends_a, ia[0]) != bisect.bisect_left(ends_b, jb[0])
        if crosses:
            rel = Relation.MOVED
        elif len(ia) < len(jb):
            rel = Relation.SPLIT
        elif len(ia) > len(jb):
            rel = Relation.MERGE
        else:
            rel = Relation.EQUAL if s == 1.0 else Relation.CHANGED
        paired.append(Group(ia, jb, rel, s))
    rest = [
        g
        for g in groups
        if not (g.relation is Relation.REMOVED and g.a[0] in used_a)
        and not (g.relation is Relation.ADDED and g.b[0] in used_b)
    ]
    return rest + paired


def _order(groups: list[Group]) -> tuple[Group, ...]:
    """Reading order: by first A index; B-only groups just after the group holding the previous
    B unit, so added units appear where they stand in B."""
    with_a = sorted((g for g in groups if g.a), key=lambda g: (g.a[0], g.b[0] if g.b else -1))
    only_b = sorted((g for g in groups if not g.a), key=lambda g: g.b[0])
    out: list[Group] = []
    bi = 0
    for g in with_a:
        if g.b and g.relation is not Relation.MOVED:
            while bi < len(only_b) and only_b[bi].b[0] < g.b[0]:
                out.append(only_b[bi])
                bi += 1
        out.append(g)
    out.extend(only_b[bi:])
    return tuple(out)
