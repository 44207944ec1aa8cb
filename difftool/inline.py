"""Word-level diff inside an aligned pair, with diff-match-patch.

Each distinct token key is mapped to one private-use character (the ``diff_linesToChars`` trick
applied to words), the two character strings are diffed with ``Diff_Timeout = 0`` (results must
not depend on the machine's speed; the input is bounded instead) and semantic cleanup, and the
result is mapped back to token runs.

Invariant (tested): the ``a`` tokens of all hunks and equal runs, in order, are exactly the A
tokens; likewise for B.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from difftool.model import Op, Token

MAX_TOKENS = 20000
"""Bound on tokens per side; longer units are diffed in order without semantic cleanup."""


@dataclass(frozen=True, slots=True)
class Hunk:
    """A run of tokens on each side: equal (``equal=True``) or differing."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]
    equal: bool
    a_at: int
    """Index of the first A token of this hunk in the A token sequence."""
    b_at: int


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp


def diff_tokens(a: tuple[Token, ...], b: tuple[Token, ...]) -> tuple[Hunk, ...]:
    """Diff two token sequences on their case-folded keys; return equal and differing hunks in
    order. Tokens of an equal hunk may still differ in case or typography (see the engine)."""
    codes: dict[str, str] = {}

    def encode(tokens: tuple[Token, ...]) -> str:
        out = []
        for t in tokens:
            key = t.key.casefold()
            c = codes.get(key)
            if c is None:
                c = codes[key] = chr(0xF0000 + len(codes)) if len(codes) < 0xFFFD else "\ufffd"
            out.append(c)
        return "".join(out)

    sa, sb = encode(a[:MAX_TOKENS]), encode(b[:MAX_TOKENS])
    dmp = _engine()
    diffs = dmp.diff_main(sa, sb, False)
    dmp.diff_cleanupSemantic(diffs)
    hunks: list[Hunk] = []
    ia = ib = 0
    pend_a: list[Token] = []
    pend_b: list[Token] = []
    start_a = start_b = 0

    def flush() -> None:
        nonlocal pend_a, pend_b
        if pend_a or pend_b:
            hunks.append(Hunk(tuple(pend_a), tuple(pend_b), False, start_a, start_b))
        pend_a, pend_b = [], []

    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            flush()
            hunks.append(Hunk(a[ia : ia + n], b[ib : ib + n], True, ia, ib))
            ia += n
            ib += n
        else:
            if not pend_a and not pend_b:
                start_a, start_b = ia, ib
            if op == -1:
                pend_a.extend(a[ia : ia + n])
                ia += n
            else:
                pend_b.extend(b[ib : ib + n])
                ib += n
    flush()
    hunks = _snap_to_sentences(hunks, a, b)
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        hunks.append(Hunk(a[MAX_TOKENS:], b[MAX_TOKENS:], False, ia, ib))
    return tuple(hunks)


SENTENCE_STOPS = frozenset(".!?")


def whole_sentences(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """Is ``tokens[i:j]`` one or more whole sentences: it starts after a full stop (or at the
    start) with a capital or a digit and ends with a full stop?"""
    if i >= j or tokens[j - 1].text not in SENTENCE_STOPS:
        return False
    first = tokens[i].text[:1]
    return (i == 0 or tokens[i - 1].text in SENTENCE_STOPS) and (first.isupper() or first.isdigit())


def _snap_to_sentences(hunks: list[Hunk], a: tuple[Token, ...], b: tuple[Token, ...]) -> list[Hunk]:
    """Slide every pure insertion or deletion to where it covers whole sentences, if it can.

    A run of tokens added between two equal runs can move left or right as long as the token it
    gives up on one end equals the one it takes on the other: "delen van … verbeteren. Het"
    between "… wordt. Het" and "… is" is the same edit as "Het delen van … verbeteren." The
    diff picks one of these places; a reader expects the sentence.
    """
    out = list(hunks)
    p = 0
    while p < len(out):
        h = out[p]
        if h.equal or (h.a and h.b):
            p += 1
            continue
        deleted = bool(h.a)
        toks, other = (a, b) if deleted else (b, a)
        n = len(h.a or h.b)
        i, o_i = (h.a_at, h.b_at) if deleted else (h.b_at, h.a_at)
        first = p - 1 if p and out[p - 1].equal else p
        last = p + 1 if p + 1 < len(out) and out[p + 1].equal else p
        lo = i - (len(out[first].a) if first < p else 0)
        hi = i + n + (len(out[last].a) if last > p else 0)
        o_lo = o_i - (i - lo)
        spots = [i]
        k = i
        while k > lo and toks[k - 1].key.casefold() == toks[k - 1 + n].key.casefold():
            k -= 1
            spots.append(k)
        k = i
        while k + n < hi and toks[k].key.casefold() == toks[k + n].key.casefold():
            k += 1
            spots.append(k)
        best = next((s for s in spots if whole_sentences(toks, s, s + n)), i)
        if best != i:
            mid = o_lo + (best - lo)
            pieces = [_equal(deleted, toks, other, lo, best, o_lo), _gap(deleted, toks, best, n, mid)]
            pieces.append(_equal(deleted, toks, other, best + n, hi, mid))
            new = [x for x in pieces if x.a or x.b]
            out[first : last + 1] = new
            p = first + new.index(next(x for x in new if not x.equal))
        p += 1
    return out


def _equal(deleted: bool, toks: tuple[Token, ...], other: tuple[Token, ...], s0: int, s1: int, o0: int) -> Hunk:
    o1 = o0 + (s1 - s0)
    if deleted:
        return Hunk(toks[s0:s1], other[o0:o1], True, s0, o0)
    return Hunk(other[o0:o1], toks[s0:s1], True, o0, s0)


def _gap(deleted: bool, toks: tuple[Token, ...], at: int, n: int, o_at: int) -> Hunk:
    if deleted:
        return Hunk(toks[at : at + n], (), False, at, o_at)
    return Hunk((), toks[at : at + n], False, o_at, at)


def char_ops(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Character-level ops between two short strings, for display: ``=``, ``-``, ``+``."""
    dmp = _engine()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    sym = {0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}
    return tuple((sym[op], text) for op, text in diffs)


def op_spans(ops: Iterable[Sequence[str]], side: str) -> list[tuple[int, int]]:
    """Where one side's changed ops (``-`` for A, ``+`` for B) lie in that side's text.

    Relies on the ops invariant: the ``=`` and ``-`` texts joined are A's text, the ``=`` and
    ``+`` texts joined are B's; so positions are running sums, no searching.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for op, text in ops:
        if op == Op.EQUAL:
            pos += len(text)
        elif op == side:
            if spans and spans[-1][1] == pos:
                spans[-1] = (spans[-1][0], pos + len(text))
            else:
                spans.append((pos, pos + len(text)))
            pos += len(text)
    return spans
