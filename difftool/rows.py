"""Comparison -> Rows: the aligned text as every face shows it, computed once.

The engine answers in block ids, file offsets and inline ops. A face needs rows: for each place
of the letter, what each version has there (the blocks' text joined as the engine joined it,
the characters the inline diff marks), which deltas sit in the row, which footnotes it cites.
The review screen (:mod:`difftool.tui`) and the HTML report (:mod:`difftool.render.html`) both
read these rows, so they cannot disagree on where a difference is or what text it marks.

One rule places a delta (:func:`place`): in the footnote row when it is in a footnote (shown
under the paragraph that cites that footnote, its *anchor*), else in the row of its block; A's
place first, B's when the delta exists only in B. A row holds one :class:`Cell` per version, so
a view of more than two versions is more cells per row, not another model.

Headless and pure: texts are the letters' own; each face makes them visible and escapes them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from difftool.inline import op_spans
from difftool.model import Aligned, Block, Comparison, Footnote, Letter, Op, Relation, Side
from difftool.text import join_blocks

Span = tuple[int, int]


class RowKind(StrEnum):
    PARAGRAPH = "paragraph"
    """An aligned group of blocks."""
    FOOTNOTE = "footnote"
    """An aligned pair of footnotes."""


@dataclass(frozen=True, slots=True)
class Cell:
    """What one version has in a row: its blocks (or its footnote), their joined text, the file
    offset of each character and the spans the inline diff marks as changed."""

    blocks: tuple[Block, ...]
    footnote: Footnote | None
    text: str
    offsets: tuple[int, ...]
    bounds: tuple[int, ...]
    """Index in ``text`` at which each block starts (``(0,)`` for a footnote)."""
    changes: tuple[Span, ...]
    """Spans of ``text`` that exist only in this version (removed in A, added in B)."""

    @property
    def empty(self) -> bool:
        """The version has nothing at this place."""
        return not self.blocks and self.footnote is None

    @property
    def cites(self) -> tuple[int, ...]:
        """Numbers of the footnotes this cell's blocks cite, in order."""
        return tuple(n for b in self.blocks for n in b.footnotes)

    def parts(self) -> Iterator[tuple[Block, int, int]]:
        """Each block with the span of ``text`` it covers."""
        ends = (*self.bounds[1:], len(self.text) + 1) if self.blocks else ()
        for blk, start, end in zip(self.blocks, self.bounds, ends, strict=True):
            yield blk, start, end - 1

    def span_of(self, side: Side) -> Span | None:
        """The characters of this cell that ``side`` covers, if any (offsets are file offsets,
        so a delta spanning several rows, like a removed section, lights up in each)."""
        if side.start >= side.end or not self.offsets:
            return None
        if self.offsets[-1] < side.start or self.offsets[0] >= side.end:
            return None
        inside = [i for i, o in enumerate(self.offsets) if side.start <= o < side.end]
        return (inside[0], inside[-1] + 1) if inside else None


EMPTY_CELL = Cell((), None, "", (), (), ())


@dataclass(frozen=True, slots=True)
class Row:
    """One place of the letter in every version."""

    id: str
    """``r3`` for the fourth paragraph row, ``f0`` for the first footnote row (the report's anchors)."""
    kind: RowKind
    relation: Relation
    cells: tuple[Cell, ...]
    """One per version, in the comparison's order (A, B)."""
    deltas: tuple[int, ...]
    """Indices (into ``Comparison.deltas``) of the deltas placed in this row."""
    cites: tuple[int, ...] = ()
    """Paragraph rows: indices of the footnote rows either version's blocks cite, in order."""
    anchor: int | None = None
    """Footnote rows: the paragraph row that cites the footnote (A's citation first), if any."""

    @property
    def a(self) -> Cell:
        return self.cells[0]

    @property
    def b(self) -> Cell:
        return self.cells[-1]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a delta is shown: its paragraph row, and its footnote row when it is in a footnote
    (then ``row`` is the paragraph citing that footnote). Both ``None``: it has no place in the
    text (page furniture)."""

    row: int | None
    footnote: int | None = None


@dataclass(frozen=True, slots=True)
class Rows:
    """The aligned text of a comparison."""

    paragraphs: tuple[Row, ...]
    footnotes: tuple[Row, ...]
    places: tuple[Place, ...]
    """Where each delta is shown, by delta index."""


def _block_cell(letter: Letter, ids: Sequence[str], ops: Sequence[tuple[str, str]], changed: str) -> Cell:
    if not ids:
        return EMPTY_CELL
    blocks = tuple(letter.block(i) for i in ids)
    joined = join_blocks(blocks)
    return Cell(blocks, None, joined.text, joined.offsets, joined.bounds, tuple(op_spans(ops, changed)))


def _footnote_cell(letter: Letter, ids: Sequence[str], ops: Sequence[tuple[str, str]], changed: str) -> Cell:
    fn = letter.footnote(int(ids[0].removeprefix("fn"))) if ids else None
    if fn is None:
        return EMPTY_CELL
    return Cell((), fn, fn.text, fn.offsets, (0,), tuple(op_spans(ops, changed)))


def place(c: Comparison, block_rows: Sequence[dict[str, int]], note_rows: Sequence[dict[int, int]]) -> list[Place]:
    """The one placement rule (module docstring), for every delta of ``c``."""
    anchors = _anchors(c, block_rows)
    out = []
    for d in c.deltas:
        found = Place(None)
        for side, blocks, notes in zip((d.a, d.b), block_rows, note_rows, strict=True):
            if side.footnote is not None and side.footnote in notes:
                k = notes[side.footnote]
                found = Place(anchors[k], k)
                break
            if side.block is not None and side.block in blocks:
                found = Place(blocks[side.block])
                break
        out.append(found)
    return out


def _anchors(c: Comparison, block_rows: Sequence[dict[str, int]]) -> list[int | None]:
    """For each footnote row, the paragraph row citing it: A's citation, else B's."""
    out: list[int | None] = []
    for g in c.footnote_alignment:
        anchor = None
        for letter, ids, blocks in zip((c.a, c.b), (g.a, g.b), block_rows, strict=True):
            fn = letter.footnote(int(ids[0].removeprefix("fn"))) if ids else None
            if fn is not None and fn.cited_in in blocks:
                anchor = blocks[fn.cited_in]
                break
        out.append(anchor)
    return out


def build_rows(c: Comparison) -> Rows:
    """Paragraph rows in the alignment's order, footnote rows in the footnote alignment's order,
    and the place of every delta."""
    block_rows = [{i: n for n, g in enumerate(c.alignment) for i in ids(g, side)} for side in (0, 1)]
    note_rows = [
        {int(f.removeprefix("fn")): k for k, g in enumerate(c.footnote_alignment) for f in ids(g, side)}
        for side in (0, 1)
    ]
    places = place(c, block_rows, note_rows)
    anchors = _anchors(c, block_rows)
    in_row: dict[tuple[RowKind, int | None], list[int]] = {}
    for i, p in enumerate(places):
        key = (RowKind.PARAGRAPH, p.row) if p.footnote is None else (RowKind.FOOTNOTE, p.footnote)
        in_row.setdefault(key, []).append(i)
    footnotes = tuple(
        Row(
            f"f{k}",
            RowKind.FOOTNOTE,
            g.relation,
            (_footnote_cell(c.a, g.a, g.ops, Op.DELETE), _footnote_cell(c.b, g.b, g.ops, Op.INSERT)),
            tuple(in_row.get((RowKind.FOOTNOTE, k), ())),
            anchor=anchors[k],
        )
        for k, g in enumerate(c.footnote_alignment)
    )
    paragraphs = []
    for n, g in enumerate(c.alignment):
        cells = (_block_cell(c.a, g.a, g.ops, Op.DELETE), _block_cell(c.b, g.b, g.ops, Op.INSERT))
        cited = [
            note_rows[side][num] for side, cell in enumerate(cells) for num in cell.cites if num in note_rows[side]
        ]
        paragraphs.append(
            Row(
                f"r{n}",
                RowKind.PARAGRAPH,
                g.relation,
                cells,
                tuple(in_row.get((RowKind.PARAGRAPH, n), ())),
                cites=tuple(dict.fromkeys(sorted(cited))),
            )
        )
    return Rows(tuple(paragraphs), footnotes, tuple(places))


def ids(g: Aligned, side: int) -> tuple[str, ...]:
    """The ids one version has in an aligned group (0: A, 1: B)."""
    return g.a if side == 0 else g.b
