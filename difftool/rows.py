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

import bisect
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
    """Spans of ``text`` that exist only in this version (removed in A, added in B), widened to
    whole words: a word that changed in one letter or only in case is marked whole, and words
    changed side by side are one mark (a line set in capitals is one mark, not one per word)."""
    letters: tuple[Span, ...] = ()
    """Inside ``changes``: the characters that actually differ where that is less than the
    marked words (``o[p]staan``), for a face to emphasise."""
    owners: tuple[int | None, ...] = ()
    """For each of ``changes``: the delta (index into ``Comparison.deltas``) it belongs to, if
    one of the row's deltas covers it; a face hides a change whose delta it hides."""
    ordered: bool = False
    """``offsets`` never decrease (so a span is found by bisection)."""
    markers: tuple[tuple[int, int], ...] = ()
    """Where each footnote marker stands: ``(index into text, footnote number)``, in text order
    (the blocks' :attr:`~difftool.model.Block.markers`, moved to the joined text). A face draws
    a marker just before the character at its index; the text itself has none, so the changes'
    spans are not affected."""

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
        if self.ordered:  # the common case, in logarithmic time
            lo, hi = bisect.bisect_left(self.offsets, side.start), bisect.bisect_left(self.offsets, side.end)
            return (lo, hi) if lo < hi else None
        inside = [i for i, o in enumerate(self.offsets) if side.start <= o < side.end]
        return (inside[0], inside[-1] + 1) if inside else None


EMPTY_CELL = Cell((), None, "", (), (), ())


MERGE_GAP = 3
"""Longest run of spaces and punctuation between two changed words that still makes them one mark."""


def insertion_points(ops: Sequence[Sequence[str]], side: str) -> list[int]:
    """Where in one side's text (``-`` for A, ``+`` for B) the other side has text this side
    lacks: ``ostaan`` has a point where ``opstaan`` has its ``p``."""
    other = Op.INSERT if side == Op.DELETE else Op.DELETE
    points: list[int] = []
    pos = 0
    for op, text in ops:
        if op == other:
            points.append(pos)
        elif op in (Op.EQUAL, side):
            pos += len(text)
    return points


def whole_words(
    text: str, spans: Sequence[Span], points: Sequence[int] = ()
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """``spans`` widened to the words they touch and joined across short gaps of white space and
    punctuation (``, ``), and the words that ``points`` fall inside (a letter only in the other
    version); and the spans that were narrower than their words (the letters to emphasise)."""
    inside = [(p, p) for p in points if 0 < p < len(text) and text[p - 1].isalnum() and text[p].isalnum()]
    wide: list[Span] = []
    letters: list[Span] = []
    for start, end in sorted([*spans, *inside]):
        if start == end and wide and wide[-1][0] <= start <= wide[-1][1]:
            continue  # a point inside a change already marked
        s, e = start, end
        while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
            s -= 1
        while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
            e += 1
        if (s, e) != (start, end) and start < end:
            letters.append((start, end))
        gap = text[wide[-1][1] : s] if wide else ""
        if wide and (wide[-1][1] >= s or (len(gap) <= MERGE_GAP and not any(ch.isalnum() for ch in gap))):
            wide[-1] = (wide[-1][0], max(wide[-1][1], e))
        else:
            wide.append((s, e))
    return tuple(wide), tuple(letters)


def _cell(
    blocks: tuple[Block, ...],
    fn: Footnote | None,
    text: str,
    offsets: tuple[int, ...],
    bounds: tuple[int, ...],
    narrow: Sequence[Span],
    points: Sequence[int],
    sides: Sequence[tuple[int, Side]],
) -> Cell:
    """A cell with its changes widened to words and each change given to the delta covering it."""
    changes, letters = whole_words(text, narrow, points)
    ordered = list(offsets) == sorted(offsets)  # timsort: one linear pass on ordered offsets
    markers = tuple(
        (min(at, len(blk.text)) + start, n) for blk, start in zip(blocks, bounds, strict=False) for at, n in blk.markers
    )
    cell = Cell(blocks, fn, text, offsets, bounds, changes, letters, (), ordered, markers)
    if not changes:
        return cell
    lit = [(index, span) for index, side in sides if (span := cell.span_of(side)) is not None]
    owners = [next((i for i, (s, e) in lit if s < end and start < e), None) for start, end in changes]
    return Cell(blocks, fn, text, offsets, bounds, changes, letters, tuple(owners), ordered, markers)


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


def _block_cell(
    letter: Letter, ids: Sequence[str], ops: Sequence[tuple[str, str]], changed: str, sides: Sequence[tuple[int, Side]]
) -> Cell:
    if not ids:
        return EMPTY_CELL
    blocks = tuple(letter.block(i) for i in ids)
    j = join_blocks(blocks)
    return _cell(
        blocks, None, j.text, j.offsets, j.bounds, op_spans(ops, changed), insertion_points(ops, changed), sides
    )


def _footnote_cell(
    letter: Letter, ids: Sequence[str], ops: Sequence[tuple[str, str]], changed: str, sides: Sequence[tuple[int, Side]]
) -> Cell:
    fn = letter.footnote(int(ids[0].removeprefix("fn"))) if ids else None
    if fn is None:
        return EMPTY_CELL
    return _cell((), fn, fn.text, fn.offsets, (0,), op_spans(ops, changed), insertion_points(ops, changed), sides)


def _sides(c: Comparison, deltas: Sequence[int]) -> tuple[list[tuple[int, Side]], list[tuple[int, Side]]]:
    """Each version's side of the deltas of a row."""
    return [(k, c.deltas[k].a) for k in deltas], [(k, c.deltas[k].b) for k in deltas]


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
    footnotes = []
    for k, g in enumerate(c.footnote_alignment):
        here = tuple(in_row.get((RowKind.FOOTNOTE, k), ()))
        sa, sb = _sides(c, here)
        cells = (_footnote_cell(c.a, g.a, g.ops, Op.DELETE, sa), _footnote_cell(c.b, g.b, g.ops, Op.INSERT, sb))
        footnotes.append(Row(f"f{k}", RowKind.FOOTNOTE, g.relation, cells, here, anchor=anchors[k]))
    paragraphs = []
    for n, g in enumerate(c.alignment):
        here = tuple(in_row.get((RowKind.PARAGRAPH, n), ()))
        sa, sb = _sides(c, here)
        cells = (_block_cell(c.a, g.a, g.ops, Op.DELETE, sa), _block_cell(c.b, g.b, g.ops, Op.INSERT, sb))
        cited = [
            note_rows[side][num] for side, cell in enumerate(cells) for num in cell.cites if num in note_rows[side]
        ]
        paragraphs.append(
            Row(
                f"r{n}",
                RowKind.PARAGRAPH,
                g.relation,
                cells,
                here,
                cites=tuple(dict.fromkeys(sorted(cited))),
            )
        )
    return Rows(tuple(paragraphs), tuple(footnotes), tuple(places))


def ids(g: Aligned, side: int) -> tuple[str, ...]:
    """The ids one version has in an aligned group (0: A, 1: B)."""
    return g.a if side == 0 else g.b
