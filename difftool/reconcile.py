"""Several versions of one letter at once: one multiple alignment, then the places they disagree.

``difftool reconcile V1 V2 V3 …`` answers what a reviewer of three editions wants to know: for
each place where the versions disagree (a *variation point*), what each version reads there,
which versions carry each reading, how much the difference matters, which reading the majority
has and which version is the odd one out. docs/reconcile.md explains the design; in short:

1. **Against a base, through the one pipeline.** Every other version is compared with the base
   by :func:`difftool.pipeline.evaluate` (engine, policy, review), N - 1 comparisons, so the cost
   grows linearly with the number of versions and every classification is the engine's own.
2. **One multiple alignment.** The pairwise block and footnote alignments are merged into rows
   keyed by the base's blocks (a row joins base blocks that any version merges or splits, so the
   merge stays consistent); blocks that versions add after the same base block are aligned with
   each other by the same pipeline (the longest addition is their base), recursively.
3. **Variation points.** The deltas of those comparisons are placed in the rows; deltas of
   different versions that overlap in a row's base text are one variation point, whose readings
   are the versions' texts at that place. Its kind and severity are those of its most severe
   delta: what ``compare`` says of the base's reading against the other reading. Rows that only
   some versions have make one variation point per run (a section, an annex, a missing header).

Pure apart from :func:`run`, which reads the files; no textual, rich or click.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from difftool import classify
from difftool.engine import EMPTY_SIDE, NotRelatedError
from difftool.model import (
    SEVERITY_ORDER,
    BlockKind,
    Comparison,
    Delta,
    Flavour,
    Kind,
    Letter,
    Options,
    Severity,
)
from difftool.pipeline import Request, Result, evaluate
from difftool.policy import Policy
from difftool.readers import read_letters
from difftool.review import Decision, Judged, Review, Verdict, content_key
from difftool.sources import InputError
from difftool.text import squash

SCHEMA = "difftool.reconcile/1"
STRUCTURE_KINDS = frozenset({Kind.PARAGRAPH_BREAK, Kind.MOVED, Kind.FOOTNOTE_NUMBER})
"""Kinds that say how a unit stands, not what it reads: one variation point per row and kind."""


class NotRelatedPair(NotRelatedError):
    """A version is not a version of the same letter as the base."""

    def __init__(self, relatedness: float, a: str, b: str) -> None:
        super().__init__(relatedness)
        self.a = a
        self.b = b


@dataclass(frozen=True, slots=True)
class ReconcileRequest:
    """What to reconcile and under which rules (as :class:`difftool.pipeline.Request` for two)."""

    paths: tuple[str, ...]
    """The versions, two or more (``-`` for standard input, once)."""
    base: int | None = None
    """Index of the base version in ``paths``; None: the version with the most text."""
    policy: Policy = field(default_factory=Policy)
    review: Review = field(default_factory=Review)
    fail_on: Severity | None = None
    """Lowest severity that fails; None: the policy's."""
    options: Options = field(default_factory=Options)
    flavour: Flavour | None = None
    """The extraction flavour of text inputs, when detection should be overridden."""


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the multiple alignment: what each version has at one place."""

    cells: tuple[tuple[str, ...], ...]
    """Per version, the ids of its blocks (``b12``) or footnote (``fn8``) in this row; () when absent."""
    ref: int
    """The version whose text positions in this row are measured in (the base, or for material
    the base lacks, the version the others were aligned with)."""
    footnote: bool = False

    @property
    def carriers(self) -> tuple[int, ...]:
        return tuple(v for v, c in enumerate(self.cells) if c)


@dataclass(frozen=True, slots=True)
class Reading:
    """What some versions read at a variation point."""

    text: str
    """The text they read ('' where they have nothing here)."""
    versions: tuple[int, ...]
    """Indices of the versions that read it."""
    present: bool = True
    """False for the versions that lack the passage altogether."""


@dataclass(frozen=True, slots=True)
class Member:
    """A pairwise delta that a variation point is made of: which comparison it comes from."""

    ref: int
    """Version index of the comparison's A side (the base, or the base of an addition)."""
    other: int
    """Version index of its B side."""
    delta: Delta
    judged: Judged
    comparison: Comparison = field(repr=False, compare=False)
    """The comparison (after the policy) the delta belongs to."""


@dataclass(frozen=True, slots=True)
class VariationPoint:
    """One place where the versions disagree, with every reading and who carries it."""

    id: str
    severity: Severity
    """The most severe of its deltas' severities (after the policy)."""
    kind: Kind
    """The kind of that delta: what ``compare`` says of the two readings."""
    explanation: str
    scope: str
    """``text`` (words inside a passage all versions share), ``structure`` (split, merged, moved,
    renumbered), ``presence`` (a passage only some versions have) or ``letter`` (page furniture)."""
    where: str
    """Where it is, in the base's terms: ``b12``, ``footnote 8``, ``b40-b124``."""
    context: str
    """The sentence around it in the reference version."""
    readings: tuple[Reading, ...]
    """Most carriers first; the absent reading last."""
    majority: int | None
    """Index into ``readings`` of the reading more versions carry than any other, else None."""
    odd_one_out: int | None
    """The one version that reads otherwise when all the others agree, else None."""
    right: int | None
    """Index into ``readings`` of the spelling the Dutch word list prefers to every other one."""
    lexicon: str
    """What the word list says, in words ('' when it does not decide)."""
    members: tuple[Member, ...]
    fingerprint: str
    """Key of a review decision on the variation point itself (kind and readings)."""
    decision: Decision | None
    """The review's decision on the variation point itself, if any."""
    failing: bool
    """Fails the check: rejected in review, or unreviewed (itself and its pairwise deltas) at or
    above the threshold."""
    locations: tuple[tuple[str, ...], ...] = ()
    """Per version, the blocks (or footnote) this point is in."""

    @property
    def carriers(self) -> dict[int, int]:
        """Version index -> index of the reading it carries."""
        return {v: i for i, r in enumerate(self.readings) for v in r.versions}


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The N-way answer every face renders."""

    letters: tuple[Letter, ...]
    labels: tuple[str, ...]
    """A short name per version for column heads (the part of the file names that differs)."""
    base: int
    rows: tuple[Row, ...]
    points: tuple[VariationPoint, ...]
    comparisons: tuple[tuple[int, int, Result], ...]
    """The pairwise pipeline results the points come from: (A version, B version, result)."""
    fail_on: Severity

    @property
    def failing(self) -> tuple[VariationPoint, ...]:
        return tuple(p for p in self.points if p.failing)

    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in SEVERITY_ORDER}
        for p in self.points:
            counts[p.severity.value] += 1
        return counts


# --- entry points ----------------------------------------------------------------------------


def run(request: ReconcileRequest) -> Reconciliation:
    """Read every version and reconcile them. Raises InputError or NotRelatedError."""
    return reconcile(read_versions(request), request)


def read_versions(request: ReconcileRequest) -> tuple[Letter, ...]:
    """Every version, read as the pairwise pipeline reads two (each PDF's reader started first,
    an input too large to compare refused before it is parsed). Raises InputError."""
    if len(request.paths) < 2:
        raise InputError("reconcile needs at least two versions")
    return read_letters(request.paths, request.flavour)


def reconcile(letters: Sequence[Letter], request: ReconcileRequest) -> Reconciliation:
    """The multiple alignment and variation points of parsed letters (pure)."""
    letters = tuple(letters)
    base = request.base if request.base is not None else default_base(letters)
    pair = Request(letters[base].path, "", request.policy, request.review, request.fail_on, request.options)
    fail_on = request.fail_on or request.policy.fail_on
    builder = _Builder(letters, pair)
    rows = builder.collate(base, letters[base], [(v, letters[v]) for v in range(len(letters)) if v != base])
    names = labels([x.path for x in letters])
    points = _points(letters, rows, builder.comparisons, request.review, base, names)
    return Reconciliation(letters, names, base, tuple(rows), points, tuple(builder.comparisons), fail_on)


def default_base(letters: Sequence[Letter]) -> int:
    """The version with the most text (the fullest edition), the first of equals: the others are
    then mostly subsets of it, and little has to be aligned a second time."""
    sizes = [sum(len(b.text) for b in x.blocks) + sum(len(f.text) for f in x.footnotes) for x in letters]
    return sizes.index(max(sizes))


def labels(paths: Sequence[str]) -> tuple[str, ...]:
    """Short column names: the file names without what they all share at the start and the end
    (``2026-06-22-jbz-ek.txt`` -> ``ek``), cut at a separator; ``V1``… when nothing is left."""
    names = [os.path.basename(p) for p in paths]
    if len(set(names)) < len(names):
        return tuple(f"V{i + 1}" for i in range(len(names)))
    head = os.path.commonprefix(names)
    tail = os.path.commonprefix([n[::-1] for n in names])[::-1]
    while head and head[-1] not in "-_. ":
        head = head[:-1]
    while tail and tail[0] not in "-_. ":
        tail = tail[1:]
    out = []
    for i, n in enumerate(names):
        core = n[len(head) : len(n) - len(tail) if tail else len(n)]
        out.append(core if core and len(head) + len(tail) < len(n) else f"V{i + 1}")
    if len(set(out)) < len(out):
        return tuple(f"V{i + 1}" for i in range(len(names)))
    return tuple(out)


# --- the multiple alignment --------------------------------------------------------------------


def _part(letter: Letter, ids: Sequence[str]) -> Letter:
    """The letter cut down to some of its blocks and the footnotes they cite (an addition that
    several versions share, aligned on its own)."""
    keep = set(ids)
    blocks = tuple(b for b in letter.blocks if b.id in keep)
    cited = {n for b in blocks for n in b.footnotes} | {
        f.number for f in letter.footnotes if f.cited_in is not None and f.cited_in in keep
    }
    return dataclasses.replace(
        letter,
        blocks=blocks,
        footnotes=tuple(f for f in letter.footnotes if f.number in cited),
        signatories=tuple(s for s in letter.signatories if s.block in keep),
        annexes=tuple(a for a in letter.annexes if a in keep),
        furniture=(),
    )


class _Builder:
    """Collects the pairwise results while the rows are built (the only mutable helper; the
    answer it returns is frozen)."""

    def __init__(self, letters: tuple[Letter, ...], request: Request) -> None:
        self.letters = letters
        self.n = len(letters)
        self.request = request
        self.comparisons: list[tuple[int, int, Result]] = []

    def _empty(self) -> list[tuple[str, ...]]:
        return [() for _ in range(self.n)]

    def collate(
        self, ref: int, ref_letter: Letter, others: list[tuple[int, Letter]], nested: bool = False
    ) -> list[Row]:
        """Rows for ``ref_letter`` and ``others`` (all parts of the versions they index)."""
        request = self.request
        if nested:
            request = dataclasses.replace(request, options=dataclasses.replace(request.options, force=True))
        results: dict[int, Result] = {}
        for v, x in others:
            try:
                results[v] = evaluate(ref_letter, x, request)
            except NotRelatedError as exc:
                raise NotRelatedPair(exc.relatedness, ref_letter.path, x.path) from None
        self.comparisons.extend((ref, v, results[v]) for v, _ in others)
        order = {b.id: i for i, b in enumerate(ref_letter.blocks)}
        parent = {b.id: b.id for b in ref_letter.blocks}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        cells: dict[str, dict[int, list[str]]] = {}
        added: dict[str | None, dict[int, list[str]]] = {}
        for v, _ in others:
            anchor: str | None = None
            for g in results[v].comparison.alignment:
                for joined in g.a[1:]:
                    parent[find(joined)] = find(g.a[0])
                if g.a:
                    anchor = max(g.a, key=order.__getitem__) if g.relation.value != "moved" else anchor
                    cells.setdefault(g.a[0], {}).setdefault(v, []).extend(g.b)
                elif g.b:
                    added.setdefault(anchor, {}).setdefault(v, []).extend(g.b)
        groups: dict[str, list[str]] = {}
        for b in ref_letter.blocks:
            groups.setdefault(find(b.id), []).append(b.id)
        rows: list[Row] = []
        rows.extend(self._added(added.get(None, {})))
        for members in sorted(groups.values(), key=lambda m: order[m[0]]):
            row = self._empty()
            row[ref] = tuple(members)
            for m in members:
                for v, ids in cells.get(m, {}).items():
                    row[v] = tuple(dict.fromkeys((*row[v], *ids)))
            rows.append(Row(tuple(row), ref))
            for m in members:
                rows.extend(self._added(added.get(m, {})))
        rows.extend(self._footnote_rows(ref, ref_letter, others, results, rows))
        return rows

    def _added(self, by_version: dict[int, list[str]]) -> list[Row]:
        """Rows for blocks that versions add at one place: aligned with each other when several do."""
        if not by_version:
            return []
        if len(by_version) == 1:
            ((v, ids),) = by_version.items()
            return [Row(tuple((i,) if u == v else () for u in range(self.n)), v) for i in ids]
        sub = max(by_version, key=lambda v: (len(by_version[v]), -v))
        parts = {v: _part(self.letters[v], ids) for v, ids in by_version.items()}
        others = [(v, parts[v]) for v in sorted(by_version) if v != sub]
        return self.collate(sub, parts[sub], others, nested=True)

    def _footnote_rows(
        self,
        ref: int,
        ref_letter: Letter,
        others: list[tuple[int, Letter]],
        results: dict[int, Result],
        rows: list[Row],
    ) -> list[Row]:
        """Footnote rows: the reference's footnotes with their twins, then footnotes only others
        have (the same text in several versions is one row), unless a nested alignment placed them."""
        placed = {(v, i) for r in rows if r.footnote for v, c in enumerate(r.cells) for i in c}
        twins: dict[str, dict[int, str]] = {f.id: {} for f in ref_letter.footnotes}
        extra: dict[str, dict[int, str]] = {}
        for v, letter in others:
            for g in results[v].comparison.footnote_alignment:
                if g.a and g.b:
                    twins.setdefault(g.a[0], {})[v] = g.b[0]
                elif g.b and (v, g.b[0]) not in placed:
                    note = letter.footnote(int(g.b[0][2:]))
                    key = squash(note.text) if note else g.b[0]
                    extra.setdefault(key, {})[v] = g.b[0]
        out: list[Row] = []
        for fid, found in twins.items():
            if (ref, fid) in placed:
                continue
            row = self._empty()
            row[ref] = (fid,)
            for v, x in found.items():
                row[v] = (x,)
            out.append(Row(tuple(row), ref, footnote=True))
        for found in extra.values():
            row = self._empty()
            for v, x in found.items():
                row[v] = (x,)
            out.append(Row(tuple(row), min(found), footnote=True))
        return out


# --- variation points --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Text:
    """The reference text of a row with, for each character, its offset in the reference's file."""

    text: str
    offsets: tuple[int, ...]
    index: dict[int, int]

    @staticmethod
    def of(letter: Letter, ids: Sequence[str]) -> _Text:
        parts: list[str] = []
        offs: list[int] = []
        for i in ids:
            if i.startswith("fn"):
                note = letter.footnote(int(i[2:]))
                text, o = (note.text, note.offsets) if note else ("", ())
            else:
                blk = letter.block(i)
                text, o = blk.text, blk.offsets
            if parts:
                parts.append(" ")
                offs.append(o[0] if o else (offs[-1] if offs else 0))
            parts.append(text)
            offs.extend(o)
        index: dict[int, int] = {}
        for k, off in enumerate(offs):
            index.setdefault(off, k)
        return _Text("".join(parts), tuple(offs), index)

    def pos(self, offset: int, end: bool = False) -> int:
        """Display index of a file offset (``end``: an offset just past a character)."""
        if end:
            k = self.index.get(offset - 1)
            if k is not None:
                return k + 1
        k = self.index.get(offset)
        if k is not None:
            return k
        if self.offsets and offset == self.offsets[-1] + 1:
            return len(self.text)
        return min(bisect.bisect_left(sorted(self.offsets), offset), len(self.text))


def _severity_rank(m: Member) -> int:
    return SEVERITY_ORDER.index(m.delta.severity)


def _points(
    letters: tuple[Letter, ...],
    rows: Sequence[Row],
    comparisons: Sequence[tuple[int, int, Result]],
    review: Review,
    base: int,
    names: Sequence[str],
) -> tuple[VariationPoint, ...]:
    n = len(letters)
    where: dict[tuple[int, str], int] = {}
    for k, r in enumerate(rows):
        for v, ids in enumerate(r.cells):
            for i in ids:
                where.setdefault((v, i), k)
    texts: dict[int, _Text] = {}

    def text_of(k: int) -> _Text:
        if k not in texts:
            texts[k] = _Text.of(letters[rows[k].ref], rows[k].cells[rows[k].ref])
        return texts[k]

    letter_level: list[Member] = []
    unplaced: list[Member] = []
    presence: list[Member] = []
    structure: dict[tuple[int, Kind], list[Member]] = {}
    text: dict[int, list[tuple[int, int, Member]]] = {}
    for ref, other, result in comparisons:
        for d, j in zip(result.comparison.deltas, result.judged):
            m = Member(ref, other, d, j, result.comparison)
            if d.kind is Kind.PAGE_FURNITURE:
                letter_level.append(m)
            elif d.a == EMPTY_SIDE or d.b == EMPTY_SIDE:
                presence.append(m)
            else:
                at = where.get((ref, f"fn{d.a.footnote}" if d.a.footnote is not None else d.a.block or ""))
                if at is None:  # not expected; never dropped
                    unplaced.append(m)
                elif d.kind in STRUCTURE_KINDS:
                    structure.setdefault((at, d.kind), []).append(m)
                else:
                    t = text_of(at)
                    s = t.pos(d.a.start)
                    e = t.pos(d.a.end, end=True) if d.a.text else s
                    text.setdefault(at, []).append((s, max(s, e), m))

    found: list[tuple[tuple[float, ...], _Draft]] = []
    if letter_level:
        found.append(((-1.0,), _furniture_point(letters, letter_level)))

    def named(k: int, d: _Draft) -> _Draft:
        """Where, in the words of the row's reference version when that is not the base."""
        ref = rows[k].ref
        return d if ref == base else dataclasses.replace(d, where=f"{names[ref]}:{d.where}")

    for k, spans in text.items():
        for s, e, ms in _clusters(spans):
            found.append(((k, s), named(k, _text_point(letters, rows[k], text_of(k), s, e, ms, n))))
    for (k, kind), ms in structure.items():
        found.append(((k, -1.0), named(k, _structure_point(letters, rows[k], kind, ms))))
    for first, rows_in, ms in _presence_groups(letters, rows, presence):
        found.append(((first, -2.0), named(first, _presence_point(letters, rows, rows_in, ms, n))))
    for m in unplaced:
        readings = (Reading(m.delta.a.text, (m.ref,)), Reading(m.delta.b.text, (m.other,)))
        found.append(((1e9,), _Draft("letter", "", m.delta.a.context, readings, (m,), ())))
    found.sort(key=lambda x: x[0])
    drafts = [d for _, d in found]
    return tuple(_finish(f"v{i + 1}", d, fp, review) for i, (d, fp) in enumerate(zip(drafts, _fingerprints(drafts))))


def _fingerprints(drafts: Sequence[_Draft]) -> list[str]:
    """A review key per point from its content (kind, readings, context; no ids or offsets, which
    move when a letter is re-extracted), as :func:`difftool.review.fingerprints` keys deltas: the
    same content twice gets ``-2``, ``-3``… in reading order."""
    seen: Counter[str] = Counter()
    out = []
    for d in drafts:
        fp = content_key(
            (f"reconcile:{d.members[0].delta.kind}", *sorted(r.text for r in d.readings if r.present), d.context)
        )
        seen[fp] += 1
        out.append(fp if seen[fp] == 1 else f"{fp}-{seen[fp]}")
    return out


def _clusters(spans: list[tuple[int, int, Member]]) -> list[tuple[int, int, list[Member]]]:
    """Spans that overlap (an insertion point touching a span counts) are one place."""
    out: list[tuple[int, int, list[Member]]] = []
    for s, e, m in sorted(spans, key=lambda x: (x[0], x[1])):
        if out:
            cs, ce, ms = out[-1]
            if s < ce or (s == ce and (s == e or cs == ce)) or (s == cs and e == ce):
                out[-1] = (cs, max(ce, e), [*ms, m])
                continue
        out.append((s, e, [m]))
    return out


@dataclass(frozen=True, slots=True)
class _Draft:
    scope: str
    where: str
    context: str
    readings: tuple[Reading, ...]
    members: tuple[Member, ...]
    locations: tuple[tuple[str, ...], ...]
    majority_over_all: bool = False
    spelling_words: tuple[str, ...] = ()


def _group_readings(by_version: dict[int, str], absent: Sequence[int]) -> tuple[Reading, ...]:
    """Versions with the same text are one reading; most carriers first (then document order)."""
    groups: dict[str, list[int]] = {}
    for v in sorted(by_version):
        groups.setdefault(by_version[v], []).append(v)
    readings = sorted((Reading(t, tuple(vs)) for t, vs in groups.items()), key=lambda r: (-len(r.versions), r.versions))
    if absent:
        readings.append(Reading("", tuple(sorted(absent)), present=False))
    return tuple(readings)


def _spaced(left: str, insert: str, right: str) -> str:
    """``left`` + ``insert`` + ``right`` with one space where words meet."""
    if insert and left and not left[-1].isspace() and insert[0].isalnum():
        insert = " " + insert
    if insert and right and not right[0].isspace() and right[0].isalnum():
        insert = insert + " "
    return " ".join((left + insert + right).split())


def _text_point(
    letters: tuple[Letter, ...], row: Row, t: _Text, s: int, e: int, members: list[Member], n: int
) -> _Draft:
    """Readings at [s, e) of the row's reference text: the reference's own, each other version's
    with its deltas applied (the part of B each delta replaces A's part with)."""
    if s == e:  # an insertion point alone: show the word before it too
        while s > 0 and t.text[s - 1].isspace():
            s -= 1
        while s > 0 and not t.text[s - 1].isspace():
            s -= 1
    by_version: dict[int, str] = {}
    for v in row.carriers:
        own = sorted((m for m in members if m.other == v and m.ref == row.ref), key=lambda m: m.delta.a.start)
        pieces, at = "", s
        for m in own:
            ds = t.pos(m.delta.a.start)
            de = t.pos(m.delta.a.end, end=True) if m.delta.a.text else ds
            if ds < at:  # inside a wider delta of the same version (a dash in a citation)
                continue
            de = max(de, ds)
            pieces = _spaced(pieces + t.text[at:ds], m.delta.b.text, "")
            at = de
        by_version[v] = _spaced(pieces, "", t.text[at:e]) if own else " ".join(t.text[s:e].split())
    absent = [v for v in range(n) if not row.cells[v]]
    first = min(members, key=lambda m: m.delta.a.start)
    words: tuple[str, ...] = ()
    if any(m.delta.kind is Kind.SPELLING for m in members):
        words = tuple(by_version[v] for v in sorted(by_version))
    where = f"footnote {first.delta.a.footnote}" if row.footnote else ",".join(row.cells[row.ref])
    return _Draft(
        "text",
        where,
        first.delta.a.context,
        _group_readings(by_version, absent),
        tuple(sorted(members, key=_severity_rank)),
        row.cells,
        spelling_words=words,
    )


def _structure_point(letters: tuple[Letter, ...], row: Row, kind: Kind, members: list[Member]) -> _Draft:
    """A split or merged paragraph, a moved one, a renumbered footnote: the readings say how each
    version has it (how many paragraphs, where, under which number)."""
    by_version: dict[int, str] = {}
    moved = {m.other for m in members}
    for v in row.carriers:
        ids = row.cells[v]
        if kind is Kind.PARAGRAPH_BREAK:
            by_version[v] = f"{len(ids)} paragraph{'s' if len(ids) != 1 else ''}"
        elif kind is Kind.FOOTNOTE_NUMBER:
            by_version[v] = f"footnote {ids[0][2:]}"
        else:
            by_version[v] = "elsewhere" if v in moved else "here"
    absent = [v for v in range(len(row.cells)) if not row.cells[v]]
    where = f"footnote {row.cells[row.ref][0][2:]}" if row.footnote else ",".join(row.cells[row.ref])
    return _Draft(
        "structure",
        where,
        members[0].delta.a.context,
        _group_readings(by_version, absent),
        tuple(sorted(members, key=_severity_rank)),
        row.cells,
    )


def _furniture_point(letters: tuple[Letter, ...], members: list[Member]) -> _Draft:
    by_version = {
        v: "; ".join(x.furniture[:1]) + (f" (+{len(x.furniture) - 1})" if len(x.furniture) > 1 else "")
        for v, x in enumerate(letters)
        if x.furniture
    }
    absent = [v for v, x in enumerate(letters) if not x.furniture]
    return _Draft(
        "letter",
        "page furniture",
        "",
        _group_readings(by_version, absent),
        tuple(sorted(members, key=_severity_rank)),
        tuple(() for _ in letters),
        majority_over_all=True,
    )


def _covered(letters: tuple[Letter, ...], m: Member) -> set[tuple[int, str]]:
    """(version, id) of every block or footnote a one-sided delta stands for."""
    side, v = (m.delta.a, m.ref) if m.delta.b == EMPTY_SIDE else (m.delta.b, m.other)
    if side.footnote is not None:
        return {(v, f"fn{side.footnote}")}
    return {(v, b.id) for b in letters[v].blocks if side.start <= b.start < side.end}


def _presence_groups(
    letters: tuple[Letter, ...], rows: Sequence[Row], members: list[Member]
) -> list[tuple[int, list[int], list[Member]]]:
    """Runs of rows that the same versions lack, one per section: consecutive block rows with the
    same carriers, cut where an annex starts or the header ends; a footnote row joins the run
    whose blocks cite it when it has the same carriers, else it is a run of its own."""
    n = len(letters)
    groups: list[list[int]] = []
    for k, r in enumerate(rows):
        if r.footnote or len(r.carriers) == n:
            continue
        kinds = {letters[v].block(i).kind for v in r.carriers for i in r.cells[v]}
        prev = rows[groups[-1][-1]] if groups else None
        if (
            prev is not None
            and groups[-1][-1] == k - 1
            and prev.carriers == r.carriers
            and BlockKind.ANNEX_START not in kinds
            and (BlockKind.HEADER in kinds)
            == any(letters[v].block(i).kind is BlockKind.HEADER for v in prev.carriers for i in prev.cells[v])
        ):
            groups[-1].append(k)
        else:
            groups.append([k])
    group_of = {k: g for g, ks in enumerate(groups) for k in ks}
    where = {(v, i): k for k, r in enumerate(rows) for v, ids in enumerate(r.cells) for i in ids}
    for k, r in enumerate(rows):
        if not r.footnote or len(r.carriers) == n:
            continue
        v = r.carriers[0]
        note = letters[v].footnote(int(r.cells[v][0][2:]))
        home = where.get((v, note.cited_in)) if note and note.cited_in else None
        if home is not None and home in group_of and rows[home].carriers == r.carriers:
            groups[group_of[home]].append(k)
        else:
            groups.append([k])
    cover = [_covered(letters, m) for m in members]
    out: list[tuple[int, list[int], list[Member]]] = []
    for ks in groups:
        cells = {(v, i) for k in ks for v, ids in enumerate(rows[k].cells) for i in ids}
        found = [(m, c) for m, c in zip(members, cover) if c & cells]
        # the delta that stands for this run most closely first: most severe, then the one that
        # covers most of it, then the one that covers least beyond it (a run of the base that
        # another version lacks in several parts)
        found.sort(key=lambda mc: (_severity_rank(mc[0]), -len(mc[1] & cells), len(mc[1] - cells)))
        if found:
            out.append((ks[0], ks, [m for m, _ in found]))
    return out


def _presence_point(
    letters: tuple[Letter, ...], rows: Sequence[Row], ks: list[int], members: list[Member], n: int
) -> _Draft:
    carriers = rows[ks[0]].carriers
    v = carriers[0]
    ids = [i for k in ks for i in rows[k].cells[v]]
    blocks = [i for i in ids if not i.startswith("fn")]
    head = ""
    for i in blocks[:8]:  # the first lines, enough to recognise the passage (a header's are short)
        head = f"{head} / {letters[v].block(i).text}" if head else letters[v].block(i).text
        if len(head) >= 80:
            break
    if not blocks:
        note = letters[v].footnote(int(ids[0][2:]))
        head = note.text if note is not None else ""
    head = head if len(head) <= 80 else head[:79] + "\u2026"
    notes = len(ids) - len(blocks)
    size = ", ".join(
        x for x in (f"{len(blocks)} block(s)" if blocks else "", f"{notes} footnote(s)" if notes else "") if x
    )
    reading = f"{head} ({size})"
    ref = rows[ks[0]].ref
    ref_ids = [i for k in ks for i in rows[k].cells[ref] if not i.startswith("fn")] or blocks or ids
    if ref_ids and ref_ids[0].startswith("fn"):
        ref_ids = [f"footnote {i[2:]}" for i in ref_ids]
    where = f"{ref_ids[0]}-{ref_ids[-1]}" if len(ref_ids) > 1 else ref_ids[0]
    locations = tuple(tuple(i for k in ks for i in rows[k].cells[u]) for u in range(n))
    return _Draft(
        "presence",
        where,
        "",
        _group_readings(dict.fromkeys(carriers, reading), [u for u in range(n) if u not in carriers]),
        tuple(members),
        locations,
        majority_over_all=True,
    )


def _finish(pid: str, d: _Draft, fp: str, review: Review) -> VariationPoint:
    worst = d.members[0].delta
    counted = [r for r in d.readings if r.present or d.majority_over_all]
    sizes = sorted((len(r.versions) for r in counted), reverse=True)
    majority = None
    if sizes and (len(sizes) == 1 or sizes[0] > sizes[1]):
        majority = d.readings.index(next(r for r in counted if len(r.versions) == sizes[0]))
    odd = None
    if len(counted) == 2 and sorted(sizes) == [1, sizes[0]] and sizes[0] >= 2:
        odd = next(r for r in counted if len(r.versions) == 1).versions[0]
    right, lexicon = _lexicon(d)
    decision = review.get(fp)
    if decision is not None:
        failing = decision.verdict is Verdict.REJECTED
    else:
        failing = any(m.judged.failing for m in d.members)
    return VariationPoint(
        pid,
        worst.severity,
        worst.kind,
        worst.explanation,
        d.scope,
        d.where,
        d.context,
        d.readings,
        majority,
        odd,
        right,
        lexicon,
        d.members,
        fp,
        decision,
        failing,
        d.locations,
    )


def _lexicon(d: _Draft) -> tuple[int | None, str]:
    """Which reading the word list says is spelled right, when the readings differ in one word."""
    present = [r for r in d.readings if r.present]
    if not d.spelling_words or len(present) < 2:
        return None, ""
    split = [r.text.split() for r in present]
    if len({len(w) for w in split}) != 1:
        return None, ""
    differ = [k for k in range(len(split[0])) if len({w[k].casefold() for w in split}) > 1]
    if len(differ) != 1:
        return None, ""
    forms = [w[differ[0]].strip(".,;:()'\"\u2018\u2019\u201c\u201d") for w in split]
    right = classify.right_spelling(forms)
    if right is None:
        return None, ""
    wrong = [f"'{f}'" for i, f in enumerate(forms) if i != right]
    return d.readings.index(present[right]), (
        f"the Dutch word list has '{forms[right]}'; {', '.join(wrong)} {'is a misspelling' if len(wrong) == 1 else 'are misspellings'}"
    )
