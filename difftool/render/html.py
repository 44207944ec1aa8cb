"""Comparison -> one self-contained HTML report a reviewer can open, read and share.

The report reads the comparison through its rows (:mod:`difftool.rows`, the same the review
screen reads): it shows what the engine decided and decides nothing. The only choices made
here are about layout: where the B side of a moved paragraph goes, which runs of unchanged
paragraphs are folded.

Safety: every string that comes from a letter (text, metadata, paths, explanations) goes
through ``html.escape`` (control characters shown visibly first, :mod:`difftool.visible`) and
only ever becomes element text or a quoted attribute value; nothing from a letter becomes a link. The Content-Security-Policy allows nothing from the network and
only the inlined stylesheet and script (by their hashes), so even markup that slipped through
could neither load nor run anything.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Any

from difftool.model import SEVERITY_ORDER, Comparison, Delta, Footnote, Letter, Relation, Severity, Side
from difftool.render.jsonout import SCHEMA, summary_dict, verdict
from difftool.rows import Cell, Row, RowKind, build_rows, ids
from difftool.visible import visible

Doc = dict[str, Any]

FOLD_MIN = 3
"""Shortest run of unchanged paragraphs that is folded; folding one or two saves nothing."""

SEVERITY_HELP = {
    "substantive": "changes what the letter says",
    "editorial": "spelling, case, punctuation: one version carries a slip",
    "cosmetic": "wrapping, quotes, dashes, markup",
    "expected": "follows from the edition itself",
}

RELATION_LABEL = {
    "equal": "same",
    "changed": "changed",
    "split": "split",
    "merge": "merged",
    "moved": "moved",
    "added": "only in B",
    "removed": "only in A",
}

SIDE_LIMIT = 300
"""Characters of a delta's changed text shown in the list; the text section shows all of it."""

OVERVIEW_LIMIT = 16
"""Substantive differences listed in the overview at the top; the rest are a link away."""

PLAIN_FIELDS = ("File", "Flavour")
"""Metadata rows that are not compared (two files always have two paths)."""


def _e(value: object) -> str:
    return escape(visible(str(value)), quote=True)


def _asset(name: str) -> str:
    return resources.files("difftool.render").joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(css: str, js: str) -> str:
    """Nothing from anywhere, except the inlined stylesheet and script, pinned by hash."""
    return (
        f"default-src 'none'; style-src 'sha256-{_sha256(css)}'; script-src 'sha256-{_sha256(js)}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


# --- inline changes ------------------------------------------------------------------------


def marked(
    text: str,
    offset: int,
    spans: Sequence[tuple[int, int]],
    tag: str,
    letters: Sequence[tuple[int, int]] = (),
    owners: Sequence[str | None] = (),
    markers: Sequence[tuple[int, str]] = (),
    cls: str = "",
) -> str:
    """``text`` as HTML with the spans (positions in the joined text, ``text`` starting at
    ``offset`` in it) wrapped in ``<del>`` or ``<ins>`` (``data-delta`` naming the delta each
    belongs to, where known; ``cls`` as their class, when given), and the ``letters`` inside them
    in ``<b class="ch">``.

    ``markers`` (position in the joined text, HTML) are put in at their place: a marker that
    stands where a change begins or ends goes outside it (it follows the word before the change,
    or the changed word), one strictly inside a change goes inside it, so the marks stay whole."""
    out: list[str] = []
    queue = [(at - offset, html) for at, html in markers if 0 <= at - offset <= len(text)]
    pos = 0
    for n, (start, end) in enumerate(spans):
        s, t = max(start - offset, pos), min(end - offset, len(text))
        if s >= t:
            continue
        owner = owners[n] if n < len(owners) else None
        attr = (f' class="{_e(cls)}"' if cls else "") + (f' data-delta="{_e(owner)}"' if owner else "")
        out.append(_with_markers(text, pos, s, s, queue))
        out.append(f"<{tag}{attr}>{_emphasised(text, s, t, offset, letters, queue)}</{tag}>")
        pos = t
    out.append(_with_markers(text, pos, len(text), len(text), queue))
    return "".join(out)


def _with_markers(text: str, s: int, t: int, upto: int, queue: list[tuple[int, str]]) -> str:
    """``text[s:t]`` escaped, with the queued markers at positions up to ``upto`` (inclusive) put
    in at their place (and taken off the queue)."""
    out: list[str] = []
    pos = s
    while queue and queue[0][0] <= upto:
        at, html = queue.pop(0)
        at = min(max(at, pos), t)
        out.append(_e(text[pos:at]))
        out.append(html)
        pos = at
    out.append(_e(text[pos:t]))
    return "".join(out)


def _emphasised(
    text: str, s: int, t: int, offset: int, letters: Sequence[tuple[int, int]], queue: list[tuple[int, str]]
) -> str:
    """``text[s:t]`` with the letters that differ (positions in the joined text) in ``<b>``, and
    the queued markers strictly inside it."""
    out: list[str] = []
    pos = s
    for start, end in letters:
        ls, lt = max(start - offset, pos), min(end - offset, t)
        if ls >= lt:
            continue
        out.append(_with_markers(text, pos, ls, ls, queue))
        out.append(f'<b class="ch">{_with_markers(text, ls, lt, lt - 1, queue)}</b>')
        pos = lt
    out.append(_with_markers(text, pos, t, t - 1, queue))
    return "".join(out)


def fnref(num: int, href: str | None = None, lit: bool = False) -> str:
    """A footnote marker at its place in the sentence (for :func:`marked`): a superscript, a link
    to ``#href`` where the page has the footnote, lit (``changed``) when the footnote holds the
    difference in view. The stylesheet keeps it out of copied text (``user-select: none``). The
    pairwise report and the N-way page both draw markers with it."""
    cls = "fnref changed" if lit else "fnref"
    label = f'title="footnote {_e(num)}" aria-label="footnote {_e(num)}"'
    if href is None:
        return f'<sup class="{cls}" {label}>{_e(num)}</sup>'
    return f'<sup class="{cls}"><a href="#{_e(href)}" {label}>{_e(num)}</a></sup>'


# --- layout --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shown:
    """A row as the report lays it out: a row of the aligned text, or the B side of a moved
    paragraph shown where B has it (``moved_b``)."""

    row: Row
    moved_b: bool = False

    @property
    def id(self) -> str:
        return f"{self.row.id}m" if self.moved_b else self.row.id


@dataclass(frozen=True, slots=True)
class RowGroup:
    """A paragraph row with the footnote rows it cites: folded or shown together."""

    rows: tuple[Shown, ...]

    @property
    def foldable(self) -> bool:
        return all(r.row.relation is Relation.EQUAL and not r.row.deltas for r in self.rows)


class Layout:
    """The rows in reading order: paragraph rows in the alignment's order, each followed by the
    footnote rows anchored to it; the B side of a moved paragraph after the row holding the B
    paragraph before it; footnotes that no paragraph cites at the end. Where each delta is shown
    is the rows' (:func:`difftool.rows.place`)."""

    def __init__(self, c: Comparison) -> None:
        self.c = c
        self.rows = build_rows(c)
        self.index = {r.id: n for n, r in enumerate(self.rows.paragraphs)}
        self.block_row = [{i: n for n, g in enumerate(c.alignment) for i in ids(g, side)} for side in (0, 1)]
        self.note_row = [
            {f.number: self.rows.footnotes[k].id for k, r in enumerate(self.rows.footnotes) for f in _notes(r, side)}
            for side in (0, 1)
        ]
        self.footnote_index = {r.id: k for k, r in enumerate(self.rows.footnotes)}

    def delta_place(self, index: int) -> str | None:
        """The id of the row delta ``index`` is shown in."""
        p = self.rows.places[index]
        if p.footnote is not None:
            return self.rows.footnotes[p.footnote].id
        return self.rows.paragraphs[p.row].id if p.row is not None else None

    def groups(self) -> list[RowGroup]:
        notes_at: dict[int, list[Shown]] = {}
        loose: list[RowGroup] = []
        for r in self.rows.footnotes:
            if r.anchor is None:
                loose.append(RowGroup((Shown(r),)))
            else:
                notes_at.setdefault(r.anchor, []).append(Shown(r))
        ghosts_after: dict[int | None, list[RowGroup]] = {}
        main: list[RowGroup] = []
        for n, r in enumerate(self.rows.paragraphs):
            main.append(RowGroup((Shown(r), *notes_at.get(n, []))))
            if r.relation is Relation.MOVED:
                ghosts_after.setdefault(self._b_predecessor_row(r.b.blocks[0].id), []).append(
                    RowGroup((Shown(r, moved_b=True),))
                )
        return [*self._with_ghosts(main, ghosts_after), *loose]

    def _with_ghosts(self, main: list[RowGroup], ghosts_after: dict[int | None, list[RowGroup]]) -> Iterator[RowGroup]:
        def after(row: int | None) -> Iterator[RowGroup]:
            for ghost in ghosts_after.get(row, []):
                yield ghost
                yield from after(-1 - self.index[ghost.rows[0].row.id])

        yield from after(None)
        for n, group in enumerate(main):
            yield group
            yield from after(n)

    def _b_predecessor_row(self, block_id: str) -> int | None:
        """The row holding the B block before ``block_id`` (``-1 - n`` when that is the moved
        row ``n``'s B side, which stands elsewhere)."""
        blocks = self.c.b.blocks
        at = next(k for k, b in enumerate(blocks) if b.id == block_id)
        if at == 0:
            return None
        n = self.block_row[1].get(blocks[at - 1].id)
        if n is None:
            return None
        return -1 - n if self.rows.paragraphs[n].relation is Relation.MOVED else n

    # --- cells ---

    def _paragraphs(self, side: int, cell: Cell) -> str:
        tag, prefix = ("del", "a") if side == 0 else ("ins", "b")
        markers = [(at, self._marker(side, num)) for at, num in cell.markers]
        out = []
        for block, start, end in cell.parts():
            part = self._marked(cell, start, end, tag, markers)
            out.append(
                f'<p id="{prefix}-{_e(block.id)}" class="k-{_e(block.kind.value)}">'
                f'<span class="bid">{_e(block.id)}</span>{part}</p>'
            )
        return "".join(out)

    def _marker(self, side: int, num: int) -> str:
        """A footnote marker linking to the footnote's row, lit when that footnote holds a difference
        that is more than cosmetic (a quote style in a note should not draw the eye to it)."""
        row_id = self.note_row[side].get(num, "")
        k = self.footnote_index.get(row_id)
        deltas = self.rows.footnotes[k].deltas if k is not None else ()
        return fnref(num, row_id, any(self.c.deltas[d].severity is not Severity.COSMETIC for d in deltas))

    def cells(self, shown: Shown) -> tuple[str, str, str]:
        """The label and the A and B cells of a shown row, as HTML."""
        r = shown.row
        if r.kind is RowKind.FOOTNOTE:
            return "footnote, " + _relation_label(r.relation), self._note_cell(0, r.a), self._note_cell(1, r.b)
        if shown.moved_b:
            a = f'<p class="absent">moved from A: <a href="#a-{_e(r.a.blocks[0].id)}">see where it was</a></p>'
            return "moved here", a, self._paragraphs(1, r.b)
        a = self._paragraphs(0, r.a) if not r.a.empty else _absent("A")
        b = self._paragraphs(1, r.b) if not r.b.empty else _absent("B")
        label = _relation_label(r.relation)
        if r.relation in (Relation.SPLIT, Relation.MERGE):
            label += f" {len(r.a.blocks)}\u2192{len(r.b.blocks)}"
        if r.relation is Relation.MOVED:
            b = f'<p class="absent">moved in B: <a href="#b-{_e(r.b.blocks[0].id)}">see where it went</a></p>'
        return label, a, b

    def _marked(self, cell: Cell, start: int, end: int, tag: str, markers: Sequence[tuple[int, str]] = ()) -> str:
        owners = [self.c.deltas[k].id if k is not None else None for k in cell.owners]
        inside = [(at, html) for at, html in markers if start <= at <= end]
        return marked(cell.text[start:end], start, cell.changes, tag, cell.letters, owners, inside)

    def _note_cell(self, side: int, cell: Cell) -> str:
        if cell.footnote is None:
            return _absent("AB"[side])
        part = self._marked(cell, 0, len(cell.text), "del" if side == 0 else "ins")
        return (
            f'<p class="fn" id="{"ab"[side]}-{_e(cell.footnote.id)}">'
            f'<span class="fnum">{_e(cell.footnote.number)}</span>{part}</p>'
        )


def _notes(r: Row, side: int) -> list[Footnote]:
    fn = r.cells[side].footnote
    return [fn] if fn is not None else []


def _relation_label(relation: Relation) -> str:
    return RELATION_LABEL.get(relation.value) or relation.value


def _absent(side: str) -> str:
    """The cell of a version that lacks the paragraph or footnote."""
    return f'<p class="absent">(not in {side})</p>'


# --- page ----------------------------------------------------------------------------------


def render_html(c: Comparison) -> str:
    """The whole report for one comparison."""
    css, js = _asset("report.css"), _asset("report.js")
    title = f"difftool: {os.path.basename(c.a.path)} vs {os.path.basename(c.b.path)}"
    layout = Layout(c)
    summary = summary_dict(c)
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(content_security_policy(css, js))}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="referrer" content="no-referrer">\n',
            f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
            f'<header>\n<h1>{_e(title)}</h1>\n<p class="verdict">{_e(verdict(summary))}</p>\n',
            _relatedness_warning(c),
            (
                '<p class="keys" hidden>Keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous difference, '
                "<kbd>j</kbd>/<kbd>k</kbd> next/previous paragraph.</p>\n</header>\n<main>\n"
            ),
            _overview(c, summary, layout),
            _versions(c.a, c.b),
            _summary(summary),
            _delta_list(c, summary, layout),
            _aligned(c, layout),
            '</main>\n<div id="current" role="status" aria-live="polite" hidden></div>\n',
            f'<footer><p class="keys">Made by difftool from a comparison in schema <code>{SCHEMA}</code>.</p></footer>\n',
            f"<script>{js}</script>\n</body>\n</html>\n",
        ]
    )


def _relatedness_warning(c: Comparison) -> str:
    if c.related:
        return ""
    return (
        f'<p class="warning">These files do not look like versions of one letter (relatedness '
        f"{_e(c.relatedness)}); they were compared because it was asked for.</p>\n"
    )


def _dash(value: object) -> str:
    return _e(value) if value not in (None, "") else '<span class="absent">\u2014</span>'


def _meta_fields(v: Letter) -> list[tuple[str, str]]:
    m = v.metadata
    number = f"nr. {m.number}" if m.number else (f"letter {m.letter_code}" if m.letter_code else None)
    dossier = " ".join(x for x in (m.dossier, m.title) if x) or None
    date = ", ".join(x for x in (m.place, m.date) if x) or None
    signatories = "".join(f"<li>{_e(s.role)} <strong>{_e(s.name)}</strong></li>" for s in v.signatories)
    return [
        ("File", f'<span class="path">{_e(v.path)}</span>'),
        ("Flavour", f"{_e(v.flavour.value)} ({_e(v.encoding)})"),
        ("Edition", _dash(m.edition)),
        ("Dossier", _dash(dossier)),
        ("Nr. / letter", _dash(number)),
        ("Vergaderjaar", _dash(m.vergaderjaar)),
        ("Date", _dash(date)),
        ("Addressee", _dash(m.chamber)),
        ("Sender", _dash(m.sender)),
        ("Signatories", f"<ul>{signatories}</ul>" if signatories else _dash(None)),
        ("Notes", "<br>".join(_e(n) for n in v.notes) or _dash(None)),
    ]


def _overview(c: Comparison, summary: Doc, layout: Layout) -> str:
    """One screen: the counts, and each substantive difference with its explanation."""
    counts = " · ".join(
        f'<a href="#sev-{s.value}" class="sev sev-{s.value}">{_e(summary[s.value])} {s.value}</a>'
        for s in SEVERITY_ORDER
        if summary[s.value]
    )
    found = [d for d in c.deltas if d.severity is Severity.SUBSTANTIVE]
    items = "".join(
        f'<li><a class="did" href="#{_e(d.id)}" data-delta="{_e(d.id)}">{_e(d.id)}</a> '
        f'<span class="kind">{_e(d.kind.value)}</span> <span lang="nl">{_e(d.explanation)}</span></li>\n'
        for d in found[:OVERVIEW_LIMIT]
    )
    more = (
        f'<p><a href="#sev-substantive">{len(found) - OVERVIEW_LIMIT} more substantive differences</a></p>\n'
        if len(found) > OVERVIEW_LIMIT
        else ""
    )
    listing = f'<ol class="overview">\n{items}</ol>\n{more}' if found else "<p>No substantive differences.</p>\n"
    return (
        '<section id="overview" aria-labelledby="h-overview">\n<h2 id="h-overview">In short</h2>\n'
        f'<p class="counts-line">{counts or "No differences."}</p>\n{listing}</section>\n'
    )


def _versions(va: Letter, vb: Letter) -> str:
    rows = "".join(
        (
            f'<tr class="differs"><th scope="row">{name} <span class="tag">differs</span></th>'
            if a != b and name not in PLAIN_FIELDS
            else f'<tr><th scope="row">{name}</th>'
        )
        + f'<td lang="nl">{a}</td><td lang="nl">{b}</td></tr>\n'
        for (name, a), (_, b) in zip(_meta_fields(va), _meta_fields(vb), strict=True)
    )
    return (
        '<section id="versions" aria-labelledby="h-versions">\n<h2 id="h-versions">The two versions</h2>\n'
        '<table class="meta">\n<thead><tr><th scope="col">Field</th><th scope="col">A</th><th scope="col">B</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n</table>\n</section>\n"
    )


def _summary(summary: Doc) -> str:
    sev_rows = "".join(
        f'<tr><th scope="row"><span class="sev sev-{s.value}">{s.value}</span></th>'
        f'<td class="num">{_e(summary[s.value])}</td><td>{SEVERITY_HELP[s.value]}</td></tr>\n'
        for s in SEVERITY_ORDER
    )
    kind_rows = "".join(
        f'<tr><th scope="row">{_e(kind)}</th><td class="num">{_e(n)}</td></tr>\n'
        for kind, n in summary["kinds"].items()
    )
    return (
        '<section id="summary" aria-labelledby="h-summary">\n'
        f'<h2 id="h-summary">{_e(summary["total"])} differences at a glance</h2>\n<div class="counts">\n'
        '<table class="by-severity">\n<caption>By severity</caption>\n<thead><tr><th scope="col">Severity</th>'
        f'<th scope="col">Count</th><th scope="col">Means</th></tr></thead>\n<tbody>\n{sev_rows}</tbody>\n</table>\n'
        '<table class="by-kind">\n<caption>By kind</caption>\n<thead><tr><th scope="col">Kind</th>'
        f'<th scope="col">Count</th></tr></thead>\n<tbody>\n{kind_rows}</tbody>\n</table>\n</div>\n</section>\n'
    )


def _filters(summary: Doc) -> str:
    """Checkboxes the script reveals; without it every delta stays visible."""
    sev = "".join(
        f'<label><input type="checkbox" name="severity" value="{s.value}"{"" if s.value == "cosmetic" else " checked"}> '
        f"{s.value} ({_e(summary[s.value])})</label>\n"
        for s in SEVERITY_ORDER
    )
    kinds = "".join(
        f'<label><input type="checkbox" name="kind" value="{_e(kind)}" checked> {_e(kind)} ({_e(n)})</label>\n'
        for kind, n in summary["kinds"].items()
    )
    return (
        '<div id="filters" role="group" aria-label="Filter the differences" hidden>\n'
        f"<fieldset><legend>Severity</legend>\n{sev}</fieldset>\n"
        f"<fieldset><legend>Kind</legend>\n{kinds}</fieldset>\n"
        '<p id="shown" role="status"></p>\n</div>\n'
    )


def _clip(text: str, limit: int = SIDE_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "\u2026"


def _side(tag: str, side: Side) -> str:
    """One version's side of a delta: its sentence with the changed text marked, clipped
    (a removed section is whole in the text; the list needs only its start)."""
    text, context = side.text, side.context
    if not text and not context:
        return '<span class="absent">(absent)</span>'
    if not text:
        return _e(_clip(context))
    if text not in context:
        return marked(_clip(text), 0, [(0, SIDE_LIMIT + 1)], tag)
    at = context.index(text)
    before, after = context[:at], context[at + len(text) :]
    if len(before) > SIDE_LIMIT // 2:
        before = "\u2026" + before[-(SIDE_LIMIT // 2) :].lstrip()
    clipped = before + _clip(text) + _clip(after, SIDE_LIMIT // 2)
    return marked(clipped, 0, [(len(before), len(before) + len(_clip(text)))], tag)


def _delta_item(d: Delta, place: str | None) -> str:
    sev, did = _e(d.severity.value), _e(d.id)
    goto = f' <a class="goto" href="#{_e(place)}">show in text</a>' if place else ""
    return (
        f'<li class="delta sev-{sev}" id="{did}" data-severity="{sev}" data-kind="{_e(d.kind.value)}">\n'
        f'<p class="head"><a class="did" href="#{did}">{did}</a><span class="sev sev-{sev}">{sev}</span>'
        f'<span class="kind">{_e(d.kind.value)}</span> <span class="expl" lang="nl">{_e(d.explanation)}</span>{goto}</p>\n'
        f'<dl><dt>A</dt><dd lang="nl">{_side("del", d.a)}</dd><dt>B</dt><dd lang="nl">{_side("ins", d.b)}</dd></dl>\n'
        "</li>\n"
    )


def _delta_list(c: Comparison, summary: Doc, layout: Layout) -> str:
    sections = []
    for s in SEVERITY_ORDER:
        items = [(k, d) for k, d in enumerate(c.deltas) if d.severity is s]
        if not items:
            continue
        lis = "".join(_delta_item(d, layout.delta_place(k)) for k, d in items)
        sections.append(
            f'<section class="severity" id="sev-{s.value}" aria-labelledby="h-sev-{s.value}">\n'
            f'<h3 id="h-sev-{s.value}"><span class="sev sev-{s.value}">{s.value}</span> {len(items)}: '
            f"{SEVERITY_HELP[s.value]}</h3>\n"
            f'<ol class="deltas">\n{lis}</ol>\n</section>\n'
        )
    body = "".join(sections) or "<p>No differences.</p>\n"
    return (
        '<section id="deltas" aria-labelledby="h-deltas">\n<h2 id="h-deltas">Differences by severity</h2>\n'
        f"{_filters(summary)}{body}</section>\n"
    )


def _row_html(layout: Layout, shown: Shown, label_a: str, label_b: str, extra: str = "") -> str:
    deltas = [layout.c.deltas[k] for k in shown.row.deltas] if not shown.moved_b else []
    marks = "".join(
        f'<a href="#{_e(d.id)}" data-delta="{_e(d.id)}" class="sev-{_e(d.severity.value)}" '
        f'title="{_e(d.severity.value)} {_e(d.kind.value)}: {_e(d.explanation)}">{_e(d.id)}</a>'
        for d in deltas
    )
    marks_html = f'<span class="marks">{marks}</span>' if marks else ""
    label, a, b = layout.cells(shown)
    kind = "fn" if shown.row.kind is RowKind.FOOTNOTE else "row"
    return (
        f'<tr class="{kind} rel-{_e(shown.row.relation.value)}{extra}" id="{shown.id}" tabindex="-1">'
        f'<th scope="row"><span class="rel">{_e(label)}</span>{marks_html}</th>'
        f'<td class="a" lang="nl" data-label="{label_a}">{a}</td>'
        f'<td class="b" lang="nl" data-label="{label_b}">{b}</td></tr>\n'
    )


def _run_kind(group: RowGroup) -> str | None:
    """How a group folds: ``same`` (unchanged), ``removed`` / ``added`` (a paragraph only in one
    version, e.g. a removed annex), or not at all."""
    if group.foldable:
        return "same"
    first = group.rows[0]
    if first.row.kind is RowKind.PARAGRAPH and first.row.relation in (Relation.ADDED, Relation.REMOVED):
        return first.row.relation.value
    return None


def _fold_button(what: str) -> str:
    return (
        '<tr class="fold" hidden><td colspan="3"><button type="button" aria-expanded="true" '
        f'data-label="{what}">Hide {what}</button></td></tr>\n'
    )


def _tbodies(layout: Layout, label_a: str, label_b: str) -> Iterator[str]:
    """Rows in tbodies; each run of at least FOLD_MIN unchanged groups gets its own foldable one,
    and so does each run of FOLD_MIN paragraphs only in one version, folded to its first."""

    def rows(run: list[RowGroup], extra: str = "") -> str:
        return "".join(_row_html(layout, r, label_a, label_b, extra) for g in run for r in g.rows)

    shown: list[RowGroup] = []
    for kind, grouped in itertools.groupby(layout.groups(), key=_run_kind):
        run = list(grouped)
        if kind is None or len(run) < FOLD_MIN:
            shown.extend(run)
            continue
        if shown:
            yield f"<tbody>\n{rows(shown)}</tbody>\n"
            shown = []
        if kind == "same":
            yield f'<tbody class="same">\n{_fold_button(f"{len(run)} unchanged paragraphs")}{rows(run)}</tbody>\n'
        else:
            what = f"{len(run) - 1} more paragraphs only in {'A' if kind == 'removed' else 'B'}"
            yield (f'<tbody class="oneside">\n{rows(run[:1])}{_fold_button(what)}{rows(run[1:], " rest")}</tbody>\n')
    if shown:
        yield f"<tbody>\n{rows(shown)}</tbody>\n"


def _aligned(c: Comparison, layout: Layout) -> str:
    va, vb = c.a, c.b
    label_a = _e(f"A: {va.metadata.edition or va.flavour.value}")
    label_b = _e(f"B: {vb.metadata.edition or vb.flavour.value}")
    return (
        '<section id="text" aria-labelledby="h-text">\n<h2 id="h-text">The text, side by side</h2>\n'
        '<table class="aligned">\n<colgroup><col class="where"><col><col></colgroup>\n'
        '<thead><tr><th scope="col">Where</th>'
        f'<th scope="col">{label_a} <span class="path">{_e(va.path)}</span></th>'
        f'<th scope="col">{label_b} <span class="path">{_e(vb.path)}</span></th></tr></thead>\n'
        f"{''.join(_tbodies(layout, label_a, label_b))}</table>\n</section>\n"
    )
