"""compare(a, b) -> Comparison: composes the stages, nothing else.

Two parsed letters -> relatedness gate -> align blocks and footnotes -> inline word diff ->
classify -> ordered, numbered deltas. Pure: it reads no files; :mod:`difftool.pipeline` reads the
inputs and applies the policy and the review around it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from difftool import classify
from difftool.align import align, similarity
from difftool.errors import DifftoolError
from difftool.inline import Hunk, char_ops, diff_tokens, whole_sentences
from difftool.model import (
    Aligned,
    Block,
    BlockKind,
    Comparison,
    Delta,
    Flavour,
    Group,
    HeaderField,
    Kind,
    Letter,
    Op,
    Options,
    Relation,
    Severity,
    Side,
    Token,
    editions_differ,
)
from difftool.references import Reference, find_references
from difftool.sentences import sentence_spans
from difftool.text import shingles, tokenize, words

DEFAULT_OPTIONS = Options()


class NotRelatedError(DifftoolError):
    """The two inputs are not versions of one letter."""

    def __init__(self, relatedness: float) -> None:
        super().__init__(
            f"not versions of the same letter ({relatedness:.0%} of the shorter text's word sequences "
            "occur in the other); use --force to compare anyway"
        )
        self.relatedness = relatedness


# --- relatedness -----------------------------------------------------------------------------


def _shingles(letter: Letter, n: int = 4) -> set[str]:
    keys: list[str] = []
    for b in letter.blocks:
        if b.kind is not BlockKind.HEADER:
            keys.extend(words(b.text))
    return shingles(keys, n)


def relatedness(a: Letter, b: Letter) -> float:
    """Share of the smaller letter's word 4-grams found in the other (containment: a cover letter
    is related to the same letter with annexes)."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 1.0 if not sa and not sb else 0.0
    return len(sa & sb) / min(len(sa), len(sb))


# --- units: the text of one side of an aligned group -------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    """Joined text of the blocks (or the footnote) on one side of an aligned group."""

    text: str
    offsets: tuple[int, ...]
    tokens: tuple[Token, ...]
    ids: tuple[str, ...]
    bounds: tuple[int, ...]
    """Display index at which each of ``ids`` starts."""
    kinds: tuple[BlockKind | None, ...]
    field: HeaderField | None
    footnote: int | None
    refs: tuple[Reference, ...]

    def id_at(self, pos: int) -> str | None:
        if not self.ids:
            return None
        return self.ids[max(0, bisect.bisect_right(self.bounds, pos) - 1)]

    @property
    def all_caps(self) -> bool:
        """Set in capitals throughout (a typographic choice of one edition)."""
        return len(self.text) > 10 and self.text.isupper()


def _unit(
    blocks: Sequence[Block],
    footnote: int | None = None,
    text_override: tuple[str, tuple[int, ...]] | None = None,
    light: bool = False,
) -> Unit:
    """Join blocks (or take a footnote's text) into a Unit; ``light`` skips tokens and
    references for units that are reported whole (a section only in one version)."""
    if text_override is not None:
        text, offsets = text_override
        ids: tuple[str, ...] = (f"fn{footnote}",)
        bounds: tuple[int, ...] = (0,)
        kinds: tuple[BlockKind | None, ...] = (None,)
        fld = None
    else:
        parts: list[str] = []
        offs: list[int] = []
        bl: list[int] = []
        for blk in blocks:
            if parts:
                parts.append(" ")
                offs.append(blk.start)
            bl.append(sum(len(p) for p in parts))
            parts.append(blk.text)
            offs.extend(blk.offsets)
        text, offsets = "".join(parts), tuple(offs)
        ids = tuple(blk.id for blk in blocks)
        bounds = tuple(bl)
        kinds = tuple(blk.kind for blk in blocks)
        fld = blocks[0].field if blocks else None
    if light:
        return Unit(text, offsets, (), ids, bounds, kinds, fld, footnote, ())
    return Unit(text, offsets, tokenize(text, offsets), ids, bounds, kinds, fld, footnote, find_references(text))


def _context(text: str, start: int, end: int, limit: int = 240) -> str:
    """The sentence(s) holding text[start:end], cut to about ``limit`` characters around the
    change, with an ellipsis where it was cut. Only a window around the change is split into
    sentences, so the cost does not grow with the length of the unit."""
    if not text:
        return ""
    end = max(end, start)
    lo, hi = max(0, start - limit), min(len(text), end + limit)
    s, e = lo, hi
    for a, b in sentence_spans(text[lo:hi]):
        if lo + a <= start:
            s = lo + a
        if lo + b >= end:
            e = lo + b
            break
    s, e = max(s, start - limit // 2), min(e, end + limit // 2)
    while 0 < s < start and not text[s - 1].isspace():
        s += 1  # do not start inside a word
    head = "\u2026" if s > 0 and text[:s].rstrip()[-1:] not in (".", "!", "?", "") else ""
    tail = "\u2026" if e < len(text) and text[e - 1] not in ".!?" else ""
    return head + text[s:e].strip() + tail


EMPTY_SIDE = Side("", "", None, None, 0, 0)
"""The side of a delta where the other version has nothing."""


def _side(unit: Unit | None, toks: tuple[Token, ...], at: int) -> Side:
    """A delta's side: changed tokens, or an insertion point ``at`` (display index) when empty."""
    if unit is None:
        return EMPTY_SIDE
    if toks:
        ds, de = toks[0].at, toks[-1].at + len(toks[-1].text)
        return Side(
            unit.text[ds:de],
            _context(unit.text, ds, de),
            unit.id_at(ds) if unit.footnote is None else None,
            unit.footnote,
            toks[0].start,
            toks[-1].end,
        )
    pos = min(max(at, 0), len(unit.text))
    off = unit.offsets[pos] if pos < len(unit.offsets) else (unit.offsets[-1] + 1 if unit.offsets else 0)
    return Side(
        "", _context(unit.text, pos, pos), unit.id_at(pos) if unit.footnote is None else None, unit.footnote, off, off
    )


def _ref_side(unit: Unit, ref: Reference) -> Side:
    """A reference delta shows the whole citation on each side."""
    end = ref.end
    while end > ref.start and unit.text[end - 1] in " ,.;":
        end -= 1
    toks = tuple(t for t in unit.tokens if ref.start <= t.at < end)
    return _side(unit, toks, ref.start)


def _whole(unit: Unit) -> Side:
    return Side(
        unit.text,
        unit.text if len(unit.text) <= 240 else unit.text[:239] + "\u2026",
        unit.ids[0] if unit.footnote is None and unit.ids else None,
        unit.footnote,
        unit.offsets[0] if unit.offsets else 0,
        unit.offsets[-1] + 1 if unit.offsets else 0,
    )


EDITION_FIELDS = (HeaderField.CHAMBER, HeaderField.ADDRESSEE, HeaderField.NUMBER, HeaderField.VERGADERJAAR)
"""Header lines that differ because the editions do: which chamber, its number or letter, its year."""


@dataclass(frozen=True, slots=True)
class _Raw:
    """A delta before it has its id and final place."""

    order: tuple[float, ...]
    severity: Severity
    kind: Kind
    explanation: str
    a: Side
    b: Side

    @staticmethod
    def of(order: tuple[float, ...], v: classify.Verdict, label: str, a: Side, b: Side) -> _Raw:
        """A delta from a classifier verdict, its explanation prefixed with ``label``."""
        return _Raw(order, v.severity, v.kind, f"{label}{v.explanation}", a, b)


# --- the pair-level diff ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairContext:
    """What the pair of letters tells every pair of aligned units."""

    editions_differ: bool
    """The letters are different editions (TK and EK): their edition lines differ by nature."""
    extracted: bool
    """A side is text pulled out of a PDF, whose extractor may split a word with a space."""

    @staticmethod
    def of(a: Letter, b: Letter) -> PairContext:
        extracted = Flavour.PDF_TEXT in (a.flavour, b.flavour)
        return PairContext(editions_differ(a.metadata.edition, b.metadata.edition), extracted)


def _diff_pair(ua: Unit, ub: Unit, hunks: tuple[Hunk, ...], ctx: PairContext, order: float, label: str) -> list[_Raw]:
    """All deltas between two aligned units; ``label`` prefixes each explanation (``footnote 8: ``)."""
    out: list[_Raw] = []
    names = ua.kinds[:1] == (BlockKind.SIGNATURE_NAME,) and ub.kinds[:1] == (BlockKind.SIGNATURE_NAME,)
    if names and any(not h.equal for h in hunks):
        v = classify.name_verdict(ua.text, ub.text)
        out.append(_Raw.of((order, 0), v, label, _whole(ua), _whole(ub)))
        return out
    edition_line = ctx.editions_differ and ua.field in EDITION_FIELDS
    ref_pairs = classify.pair_references(ua.refs, ub.refs)
    ref_groups: dict[tuple[int, int], list[Hunk]] = {}
    prev_end_a = prev_end_b = 0
    for n, h in enumerate(hunks):
        if h.equal:
            out.extend(_surface(h, ua, ub, order, n, label))
            if h.a:
                prev_end_a = h.a[-1].at + len(h.a[-1].text)
                prev_end_b = h.b[-1].at + len(h.b[-1].text)
            continue
        ref = _reference_pair(h, ua, ub, ref_pairs, prev_end_a, prev_end_b)
        if ref is not None:
            ref_groups.setdefault(ref, []).append(h)
            continue
        if edition_line:
            v = classify.edition_verdict(ua.field.value if ua.field else "header", h.a, h.b)
        else:
            whole = whole_sentences(ua.tokens, h.a_at, h.a_at + len(h.a)) if h.a else False
            whole = whole or (whole_sentences(ub.tokens, h.b_at, h.b_at + len(h.b)) if h.b else False)
            v = classify.classify_tokens(h.a, h.b, ua.all_caps, ub.all_caps, _near(hunks, n), whole, ctx.extracted)
        out.append(_Raw.of((order, n), v, label, _side(ua, h.a, prev_end_a), _side(ub, h.b, prev_end_b)))
    for (ia, ib), hs in ref_groups.items():
        ra = ua.refs[ia] if ia >= 0 else None
        rb = ub.refs[ib] if ib >= 0 else None
        v = classify.reference_verdict(ra, rb)
        first = hunks.index(hs[0])
        side_a = _ref_side(ua, ra) if ra is not None else _side(ua, tuple(t for h in hs for t in h.a), 0)
        side_b = _ref_side(ub, rb) if rb is not None else _side(ub, tuple(t for h in hs for t in h.b), 0)
        out.append(_Raw.of((order, first), v, label, side_a, side_b))
    return out


def _reference_pair(
    h: Hunk, ua: Unit, ub: Unit, ref_pairs: dict[int, int], at_a: int, at_b: int
) -> tuple[int, int] | None:
    """The (A, B) reference indices (-1 for none) a differing hunk falls in, or None when it
    touches no reference. ``at_a``/``at_b`` is where an insertion on the other side stands, so
    ``21 501`` -> ``21 501-20`` still lands in footnote 18's citation."""
    ref_a = classify.ref_at(ua.refs, *classify.hunk_text_range(h, "a")) if h.a else None
    ref_b = classify.ref_at(ub.refs, *classify.hunk_text_range(h, "b")) if h.b else None
    if ref_a is None and ref_b is None:
        ref_a = classify.ref_at(ua.refs, at_a, at_a) if not h.a else None
        ref_b = classify.ref_at(ub.refs, at_b, at_b) if not h.b else None
    if ref_a is None and ref_b is None:
        return None
    ia = ua.refs.index(ref_a) if ref_a is not None else -1
    ib = ub.refs.index(ref_b) if ref_b is not None else -1
    if ia >= 0 and ib < 0:
        ib = ref_pairs.get(ia, -1)
    if ib >= 0 and ia < 0:
        ia = next((i for i, j in ref_pairs.items() if j == ib), -1)
    return ia, ib


def _near(hunks: tuple[Hunk, ...], n: int) -> str:
    """The token before and the token after hunk ``n`` (from the neighbouring equal hunks)."""
    before = hunks[n - 1].a[-1].text if n > 0 and hunks[n - 1].a else ""
    after = hunks[n + 1].a[0].text if n + 1 < len(hunks) and hunks[n + 1].a else ""
    return f"{before} {after}"


def _surface(h: Hunk, ua: Unit, ub: Unit, order: float, n: int, label: str) -> list[_Raw]:
    """Cosmetic deltas inside equal runs: same token keys, different characters (quotes, dashes,
    ligatures, odd spaces). Adjacent ones are merged."""
    out: list[_Raw] = []
    run_a: list[Token] = []
    run_b: list[Token] = []

    def flush() -> None:
        if run_a:
            v = classify.surface_verdict(tuple(run_a), tuple(run_b))
            out.append(_Raw.of((order, n), v, label, _side(ua, tuple(run_a), 0), _side(ub, tuple(run_b), 0)))
        run_a.clear()
        run_b.clear()

    case_a: list[Token] = []
    case_b: list[Token] = []

    def flush_case() -> None:
        if case_a:
            ta, tb = tuple(case_a), tuple(case_b)
            ref_a = classify.ref_at(ua.refs, *classify.token_range(ta))
            ref_b = classify.ref_at(ub.refs, *classify.token_range(tb))
            if ref_a is not None and ref_b is not None and ref_a.same_document(ref_b):
                v = classify.reference_verdict(ref_a, ref_b)  # "motie Van Nispen" = "Motie van Nispen"
            else:
                v = classify.classify_tokens(ta, tb, ua.all_caps, ub.all_caps)
            out.append(_Raw.of((order, n), v, label, _side(ua, tuple(case_a), 0), _side(ub, tuple(case_b), 0)))
        case_a.clear()
        case_b.clear()

    for x, y in zip(h.a, h.b):
        if x.key != y.key:
            flush()
            case_a.append(x)
            case_b.append(y)
        elif x.text != y.text:
            flush_case()
            run_a.append(x)
            run_b.append(y)
        else:
            flush()
            flush_case()
    flush()
    flush_case()
    return out


# --- block and footnote alignment -------------------------------------------------------------


def _align_blocks(a: Letter, b: Letter) -> list[tuple[tuple[int, ...], tuple[int, ...], Relation, float]]:
    """Header blocks pair by field; body blocks by the generic aligner. Indices into blocks."""
    out: list[tuple[tuple[int, ...], tuple[int, ...], Relation, float]] = []
    ha = [i for i, x in enumerate(a.blocks) if x.kind is BlockKind.HEADER]
    hb = [j for j, x in enumerate(b.blocks) if x.kind is BlockKind.HEADER]
    fields_b = {b.blocks[j].field: j for j in hb}
    seen_b: set[int] = set()
    for i in ha:
        j = fields_b.get(a.blocks[i].field)
        if j is None:
            out.append(((i,), (), Relation.REMOVED, 0.0))
            continue
        seen_b.add(j)
        s = similarity(a.blocks[i].text, b.blocks[j].text)
        out.append(((i,), (j,), Relation.EQUAL if s == 1.0 else Relation.CHANGED, s))
    out.extend(((), (j,), Relation.ADDED, 0.0) for j in hb if j not in seen_b)
    ba = [i for i, x in enumerate(a.blocks) if x.kind is not BlockKind.HEADER]
    bb = [j for j, x in enumerate(b.blocks) if x.kind is not BlockKind.HEADER]
    for g in align([a.blocks[i].text for i in ba], [b.blocks[j].text for j in bb]):
        out.append((tuple(ba[i] for i in g.a), tuple(bb[j] for j in g.b), g.relation, g.similarity))
    return out


def _align_footnotes(a: Letter, b: Letter) -> list[Group]:
    """Footnotes by content (the aligner), then leftovers by number: a renumbered footnote
    still meets its twin, and one whose body changed keeps its number's twin."""
    groups = list(align([f.text for f in a.footnotes], [f.text for f in b.footnotes]))
    removed = {a.footnotes[g.a[0]].number: g for g in groups if g.relation is Relation.REMOVED}
    added = {b.footnotes[g.b[0]].number: g for g in groups if g.relation is Relation.ADDED}
    for num in sorted(set(removed) & set(added)):
        ga, gb = removed[num], added[num]
        groups.remove(ga)
        groups.remove(gb)
        groups.append(Group(ga.a, gb.b, Relation.CHANGED, 0.0))
    groups.sort(key=lambda g: (a.footnotes[g.a[0]].number if g.a else b.footnotes[g.b[0]].number, 0 if g.a else 1))
    return groups


# --- compare ---------------------------------------------------------------------------------


def compare(a: Letter, b: Letter, options: Options = DEFAULT_OPTIONS) -> Comparison:
    """Compare two parsed letters. Raises NotRelatedError unless related or ``options.force``."""
    rel = relatedness(a, b)
    related = rel >= options.related_threshold
    if not related and not options.force:
        raise NotRelatedError(rel)
    ctx = PairContext.of(a, b)
    raws, aligned, block_order = _compare_blocks(a, b, ctx)
    fn_raws, fn_aligned = _compare_footnotes(a, b, ctx, block_order)
    raws.extend(fn_raws)
    raws.sort(key=lambda r: (r.order, r.a.start, r.b.start, r.kind))
    deltas = tuple(Delta(f"d{k + 1}", r.severity, r.kind, r.explanation, r.a, r.b) for k, r in enumerate(raws))
    return Comparison(
        a, b, related, round(rel, 4), a.metadata.edition, b.metadata.edition, tuple(aligned), tuple(fn_aligned), deltas
    )


def _changed(relation: Relation, found: list[_Raw]) -> Relation:
    """An aligned pair whose differences are more than cosmetic is changed, not equal."""
    if relation is Relation.EQUAL and any(r.severity is not Severity.COSMETIC for r in found):
        return Relation.CHANGED
    return relation


def _compare_blocks(a: Letter, b: Letter, ctx: PairContext) -> tuple[list[_Raw], list[Aligned], dict[str, float]]:
    """Align the blocks and judge every aligned pair, run and move; also where each block stands
    in the alignment (B's blocks keyed ``B`` + id), so footnote deltas sort under their paragraph."""
    raws: list[_Raw] = []
    aligned: list[Aligned] = []
    block_order: dict[str, float] = {}
    pairs = _align_blocks(a, b)
    for n, (ia, ib, relation, sim) in enumerate(pairs):
        differ = bool(ia and ib) and [a.blocks[i].text for i in ia] != [b.blocks[j].text for j in ib]
        ua = _unit([a.blocks[i] for i in ia]) if differ else None
        ub = _unit([b.blocks[j] for j in ib]) if differ else None
        for i in ia:
            block_order[a.blocks[i].id] = n
        for j in ib:
            block_order.setdefault("B" + b.blocks[j].id, n)
        ops: tuple[tuple[str, str], ...] = ()
        if ua is not None and ub is not None:
            hunks = diff_tokens(ua.tokens, ub.tokens)  # once per changed pair
            found = _diff_pair(ua, ub, hunks, ctx, n, "")
            raws.extend(found)
            ops = _ops(ua, ub, hunks)
            relation = _changed(relation, found)
            if relation is not Relation.MOVED and (len(ia) > 1 or len(ib) > 1):
                v = classify.paragraph_break_verdict(len(ia), len(ib))
                raws.append(_Raw.of((n, -1), v, "", _whole(ua), _whole(ub)))
        if relation is Relation.MOVED:
            wa, wb = _unit([a.blocks[i] for i in ia], light=True), _unit([b.blocks[j] for j in ib], light=True)
            raws.append(_Raw.of((n, -1), classify.moved_verdict(wa.text), "", _whole(wa), _whole(wb)))
        ids_a, ids_b = tuple(a.blocks[i].id for i in ia), tuple(b.blocks[j].id for j in ib)
        aligned.append(Aligned(ids_a, ids_b, relation, round(sim, 4), ops))
    raws.extend(_block_runs(a, b, pairs, ctx.editions_differ))
    if a.furniture != b.furniture and (a.furniture or b.furniture):
        raws.append(_furniture_delta(a, b, ctx.editions_differ))
    return raws, aligned, block_order


def _compare_footnotes(
    a: Letter, b: Letter, ctx: PairContext, block_order: dict[str, float]
) -> tuple[list[_Raw], list[Aligned]]:
    """Align the footnotes by number and content and judge each pair and each one-sided note; a
    note's deltas sort just after the paragraph that cites it."""
    raws: list[_Raw] = []
    fn_aligned: list[Aligned] = []
    for g in _align_footnotes(a, b):
        fa = a.footnotes[g.a[0]] if g.a else None
        fb = b.footnotes[g.b[0]] if g.b else None
        if fa and fa.cited_in:
            order = block_order.get(fa.cited_in, 0.0) + 0.5
        else:
            order = (block_order.get("B" + fb.cited_in, 0.0) if fb and fb.cited_in else 1e9) + 0.5
        ua = _unit([], fa.number, (fa.text, fa.offsets)) if fa else None
        ub = _unit([], fb.number, (fb.text, fb.offsets)) if fb else None
        relation = g.relation
        ops: tuple[tuple[str, str], ...] = ()
        if fa and fb and fa.text == fb.text and fa.number == fb.number:
            pass  # identical footnote
        elif fa and fb and ua and ub:
            label = f"footnote {fa.number}: " if fa.number == fb.number else f"footnote {fa.number} (B: {fb.number}): "
            hunks = diff_tokens(ua.tokens, ub.tokens)
            found = _diff_pair(ua, ub, hunks, ctx, order, label)
            raws.extend(found)
            if fa.number != fb.number:
                v = classify.footnote_number_verdict(fa.number, fb.number)
                raws.append(_Raw.of((order, -1), v, "", _whole(ua), _whole(ub)))
            relation = _changed(relation, found)
            ops = _ops(ua, ub, hunks)
        elif fa and ua:
            v = classify.footnote_only_verdict(fa.number, fa.text, in_a=True)
            raws.append(_Raw.of((order, 0), v, "", _whole(ua), EMPTY_SIDE))
        elif fb and ub:
            v = classify.footnote_only_verdict(fb.number, fb.text, in_a=False)
            raws.append(_Raw.of((order, 0), v, "", EMPTY_SIDE, _whole(ub)))
        fn_aligned.append(
            Aligned((fa.id,) if fa else (), (fb.id,) if fb else (), relation, round(g.similarity, 4), ops)
        )
    return raws, fn_aligned


def _ops(ua: Unit, ub: Unit, hunks: tuple[Hunk, ...]) -> tuple[tuple[str, str], ...]:
    """Inline diff of two units as display ops for the faces to highlight: ``=`` (both), ``-`` (A
    only), ``+`` (B only). Word level; a replaced word close to its replacement, and a word that
    differs only in case or typography, are refined to characters (``Schenge[n]gebied``,
    ``[M→m]inister``). Invariant (tested): the ``=`` and ``-`` texts joined are A's text, the
    ``=`` and ``+`` texts joined are B's text."""
    cover_a, cover_b = _covers(ua), _covers(ub)
    ops: list[tuple[str, str]] = []
    if ua.tokens and ua.tokens[0].at:
        ops.append((Op.DELETE, ua.text[: ua.tokens[0].at]))
    if ub.tokens and ub.tokens[0].at:
        ops.append((Op.INSERT, ub.text[: ub.tokens[0].at]))
    for h in hunks:
        if h.equal:
            for k, (x, y) in enumerate(zip(h.a, h.b)):
                ops.extend(_word_ops(x.text, y.text, cover_a[h.a_at + k], cover_b[h.b_at + k]))
        elif len(h.a) == 1 and len(h.b) == 1 and Levenshtein.normalized_similarity(h.a[0].text, h.b[0].text) >= 0.6:
            ops.extend(_word_ops(h.a[0].text, h.b[0].text, cover_a[h.a_at], cover_b[h.b_at]))
        else:
            ops.append((Op.DELETE, "".join(cover_a[h.a_at : h.a_at + len(h.a)])))
            ops.append((Op.INSERT, "".join(cover_b[h.b_at : h.b_at + len(h.b)])))
    merged: list[tuple[str, str]] = []
    for op, text in ops:
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return tuple(merged)


def _covers(unit: Unit) -> list[str]:
    """Each token's text with the white space after it, so covers joined give the unit's text."""
    toks = unit.tokens
    ends = [t.at for t in toks[1:]] + [len(unit.text)]
    return [unit.text[t.at : e] for t, e in zip(toks, ends)]


def _word_ops(x: str, y: str, cover_x: str, cover_y: str) -> list[tuple[str, str]]:
    """Ops for one word of A against one word of B, with the white space after each."""
    ops: list[tuple[str, str]] = [(Op.EQUAL, x)] if x == y else list(char_ops(x, y))
    trail_x, trail_y = cover_x[len(x) :], cover_y[len(y) :]
    if trail_x == trail_y:
        ops.append((Op.EQUAL, trail_x))
    else:
        ops.extend(((Op.DELETE, trail_x), (Op.INSERT, trail_y)))
    return ops


def _block_runs(
    a: Letter, b: Letter, pairs: list[tuple[tuple[int, ...], tuple[int, ...], Relation, float]], editions_differ: bool
) -> list[_Raw]:
    """One delta per run of consecutive blocks present in one version only."""
    out: list[_Raw] = []
    run: list[tuple[int, str, int]] = []  # (pair index, side, block index)

    def flush() -> None:
        if not run:
            return
        side = run[0][1]
        letter = a if side == "a" else b
        blocks = [letter.blocks[k] for _, _, k in run]
        unit = _unit(blocks, light=True)
        other_letter = b if side == "a" else a
        other_has_header = any(x.kind is BlockKind.HEADER for x in other_letter.blocks)
        v = classify.run_verdict(blocks, side == "a", editions_differ, other_has_header, unit.text)
        whole = _whole(unit)
        order = (float(run[0][0]), -1.0)
        out.append(_Raw.of(order, v, "", whole if side == "a" else EMPTY_SIDE, EMPTY_SIDE if side == "a" else whole))
        run.clear()

    def starts_annex(letter: Letter, k: int) -> bool:
        return letter.blocks[k].kind is BlockKind.ANNEX_START

    for n, (ia, ib, relation, _) in enumerate(pairs):
        if relation is Relation.REMOVED:
            if run and (run[-1][1] != "a" or starts_annex(a, ia[0])):
                flush()
            run.append((n, "a", ia[0]))
        elif relation is Relation.ADDED:
            if run and (run[-1][1] != "b" or starts_annex(b, ib[0])):
                flush()
            run.append((n, "b", ib[0]))
        else:
            flush()
    flush()
    return out


def _furniture_delta(a: Letter, b: Letter, editions_differ: bool) -> _Raw:
    """Running headers/footers and page numbers were taken out of the text; say so once."""
    v = classify.furniture_verdict(a.furniture, b.furniture, editions_differ)
    side_a = Side("\n".join(a.furniture), "", None, None, 0, 0)
    side_b = Side("\n".join(b.furniture), "", None, None, 0, 0)
    return _Raw.of((-1.0, 0), v, "", side_a, side_b)
