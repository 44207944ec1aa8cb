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

from difftool.model import Token

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
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        hunks.append(Hunk(a[MAX_TOKENS:], b[MAX_TOKENS:], False, ia, ib))
    return tuple(hunks)


def char_ops(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Character-level ops between two short strings, for display: ``=``, ``-``, ``+``."""
    dmp = _engine()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    sym = {0: "=", -1: "-", 1: "+"}
    return tuple((sym[op], text) for op, text in diffs)


def op_spans(ops: Iterable[Sequence[str]], side: str) -> list[tuple[int, int]]:
    """Where one side's changed ops (``-`` for A, ``+`` for B) lie in that side's text.

    Relies on the ops invariant: the ``=`` and ``-`` texts joined are A's text, the ``=`` and
    ``+`` texts joined are B's; so positions are running sums, no searching.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for op, text in ops:
        if op == "=":
            pos += len(text)
        elif op == side:
            if spans and spans[-1][1] == pos:
                spans[-1] = (spans[-1][0], pos + len(text))
            else:
                spans.append((pos, pos + len(text)))
            pos += len(text)
    return spans
