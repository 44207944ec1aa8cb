"""What the review screen shows, computed once from a Comparison, off the UI thread.

The engine answers in block ids, file offsets and inline ops; the screen needs rows of text with
the changed spans marked and, for each delta, the row to scroll to and the characters to
highlight. Computing all of that in the loading worker means moving between deltas is only
rendering: it never waits on the engine or on a scan of the letter. Texts are shown through
:func:`difftool.visible.visible` (one character for one, so offsets and spans stay valid): a
control character in a letter is drawn as ``␛``, never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from difftool.inline import op_spans
from difftool.model import Aligned, Comparison, Delta, Letter, Op, Relation, Side
from difftool.review import fingerprints
from difftool.visible import visible

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pane:
    """One side of a row: display text, the file offset of each character, the changed spans."""

    text: str
    offsets: tuple[int, ...]
    changes: tuple[Span, ...]
    """Spans of ``text`` that the inline diff marks as removed (side A) or added (side B)."""
    footnotes: tuple[int, ...] = ()
    """Numbers of the footnotes the row's blocks cite, in order."""

    def span_of(self, side: Side) -> Span | None:
        """The characters of this pane that ``side`` covers, if any (offsets are file offsets,
        so a delta spanning several rows, like a removed section, lights up in each)."""
        if side.start >= side.end or not self.offsets:
            return None
        if self.offsets[-1] < side.start or self.offsets[0] >= side.end:
            return None
        inside = [i for i, o in enumerate(self.offsets) if side.start <= o < side.end]
        return (inside[0], inside[-1] + 1) if inside else None


EMPTY = Pane("", (), ())


@dataclass(frozen=True, slots=True)
class Row:
    """An aligned group: what A has and what B has at this place of the letter."""

    a: Pane
    b: Pane
    relation: Relation


@dataclass(frozen=True, slots=True)
class FootnotePair:
    """An aligned footnote pair (a number is ``None`` on the side that lacks the footnote)."""

    number_a: int | None
    number_b: int | None
    a: Pane
    b: Pane


@dataclass(frozen=True, slots=True)
class ReviewView:
    """Everything the review screen renders."""

    comparison: Comparison
    rows: tuple[Row, ...]
    footnotes: tuple[FootnotePair, ...]
    fingerprints: tuple[str, ...]
    """Fingerprint of each delta, by delta index."""
    delta_rows: tuple[int, ...]
    """Row to show for each delta, by delta index."""

    @property
    def deltas(self) -> tuple[Delta, ...]:
        return self.comparison.deltas

    def footnotes_of(self, row: int) -> tuple[FootnotePair, ...]:
        """The footnote pairs cited by either side of ``row``, in citation order."""
        r = self.rows[row]
        wanted_a, wanted_b = set(r.a.footnotes), set(r.b.footnotes)
        return tuple(p for p in self.footnotes if p.number_a in wanted_a or p.number_b in wanted_b)


def _pane(letter: Letter, ids: Sequence[str], ops: Sequence[tuple[str, str]], changed: str) -> Pane:
    """Blocks joined with a space, as the engine joins them, so its ops locate in the text."""
    if not ids:
        return EMPTY
    blocks = [letter.block(i) for i in ids]
    parts: list[str] = []
    offsets: list[int] = []
    for blk in blocks:
        if parts:
            parts.append(" ")
            offsets.append(blk.start)
        parts.append(blk.text)
        offsets.extend(blk.offsets)
    text = visible("".join(parts))
    footnotes = tuple(n for blk in blocks for n in blk.footnotes)
    return Pane(text, tuple(offsets), tuple(op_spans(ops, changed)), footnotes)


def _footnote_pane(
    letter: Letter, ids: Sequence[str], ops: Sequence[tuple[str, str]], changed: str
) -> tuple[int | None, Pane]:
    if not ids:
        return None, EMPTY
    fn = letter.footnote(int(ids[0].removeprefix("fn")))
    if fn is None:
        return None, EMPTY
    return fn.number, Pane(visible(fn.text), fn.offsets, tuple(op_spans(ops, changed)))


def _footnote_pair(c: Comparison, g: Aligned) -> FootnotePair:
    na, pa = _footnote_pane(c.a, g.a, g.ops, Op.DELETE)
    nb, pb = _footnote_pane(c.b, g.b, g.ops, Op.INSERT)
    return FootnotePair(na, nb, pa, pb)


def _delta_row(c: Comparison, d: Delta, row_of_a: dict[str, int], row_of_b: dict[str, int]) -> int:
    """The row a delta sits in: its block's row, or for a footnote delta the row that cites it."""
    for side, letter, rows in ((d.a, c.a, row_of_a), (d.b, c.b, row_of_b)):
        if side.block is not None and side.block in rows:
            return rows[side.block]
        if side.footnote is not None:
            fn = letter.footnote(side.footnote)
            if fn is not None and fn.cited_in in rows:
                return rows[fn.cited_in]
    return 0


def build_view(c: Comparison) -> ReviewView:
    """Rows, footnote pairs, fingerprints and delta rows of a comparison."""
    rows = tuple(
        Row(_pane(c.a, g.a, g.ops, Op.DELETE), _pane(c.b, g.b, g.ops, Op.INSERT), g.relation) for g in c.alignment
    )
    row_of_a = {bid: n for n, g in enumerate(c.alignment) for bid in g.a}
    row_of_b = {bid: n for n, g in enumerate(c.alignment) for bid in g.b}
    return ReviewView(
        comparison=c,
        rows=rows,
        footnotes=tuple(_footnote_pair(c, g) for g in c.footnote_alignment),
        fingerprints=fingerprints(c.deltas),
        delta_rows=tuple(_delta_row(c, d, row_of_a, row_of_b) for d in c.deltas),
    )
