"""Comparison JSON -> one self-contained HTML report a reviewer can open, read and share.

The input is the ``difftool.compare/1`` document (``jsonout.comparison_dict``), never the
engine's objects: the report shows what the engine decided and decides nothing. The only
choices made here are about layout: in which row a footnote or a delta is shown, where the B
side of a moved paragraph goes, which runs of unchanged paragraphs are folded.

Safety: every string that comes from a letter (text, metadata, paths, explanations) goes
through ``html.escape`` (control characters shown visibly first, :mod:`difftool.visible`) and
only ever becomes element text or a quoted attribute value; nothing from a letter becomes a link. The Content-Security-Policy allows nothing from the network and
only the inlined stylesheet and script (by their hashes), so even markup that slipped through
could neither load nor run anything.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from typing import Any

from difftool.inline import op_spans
from difftool.model import SEVERITY_ORDER, Op
from difftool.render.jsonout import verdict
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

MARK = {"del": "\u2212", "ins": "+"}
"""What a screen reader hears before a deletion or an insertion (visually hidden)."""


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


def marked(text: str, offset: int, spans: list[tuple[int, int]], tag: str) -> str:
    """``text`` as HTML with the spans (positions in the joined text, ``text`` starting at
    ``offset`` in it) wrapped in ``<del>`` or ``<ins>``."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        s, t = max(start - offset, pos), min(end - offset, len(text))
        if s >= t:
            continue
        out.append(_e(text[pos:s]))
        out.append(f'<{tag}><span class="sr">{MARK[tag]}</span>{_e(text[s:t])}</{tag}>')
        pos = t
    out.append(_e(text[pos:]))
    return "".join(out)


def marked_parts(texts: list[str], ops: list[list[str]], tag: str) -> list[str]:
    """Each of ``texts`` (the blocks of one side of a group) as HTML with its changes marked."""
    keep = Op.DELETE if tag == "del" else Op.INSERT
    spans = op_spans(ops, keep)
    out, offset = [], 0
    for text in texts:
        out.append(marked(text, offset, spans, tag))
        offset += len(text) + 1
    return out


# --- layout --------------------------------------------------------------------------------


@dataclass
class Row:
    """One table row of the aligned text: a paragraph pair, or a footnote pair."""

    id: str
    kind: str
    """``row`` for paragraphs, ``fn`` for footnotes."""
    relation: str
    label: str
    a: str
    b: str
    deltas: list[Doc] = field(default_factory=list)


@dataclass
class RowGroup:
    """A paragraph row with the footnote rows it cites: folded or shown together."""

    rows: list[Row]

    @property
    def foldable(self) -> bool:
        return all(r.relation == "equal" and not r.deltas for r in self.rows)


class Layout:
    """Which row shows each block, footnote and delta, and the rows in reading order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.va, self.vb = doc["versions"]
        self.blocks = ({b["id"]: b for b in self.va["blocks"]}, {b["id"]: b for b in self.vb["blocks"]})
        self.notes = (
            {f"fn{f['number']}": f for f in self.va["footnotes"]},
            {f"fn{f['number']}": f for f in self.vb["footnotes"]},
        )
        self.b_order = {b["id"]: n for n, b in enumerate(self.vb["blocks"])}
        self.block_row: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self.note_row: tuple[dict[int, str], dict[int, str]] = ({}, {})
        for n, g in enumerate(doc["alignment"]):
            for i in g["a"]:
                self.block_row[0][i] = f"r{n}"
            for j in g["b"]:
                self.block_row[1][j] = f"r{n}m" if g["relation"] == "moved" else f"r{n}"
        for k, g in enumerate(doc["footnote_alignment"]):
            for side, ids in enumerate((g["a"], g["b"])):
                for fid in ids:
                    self.note_row[side][self.notes[side][fid]["number"]] = f"f{k}"
        self.delta_row = {d["id"]: self._delta_place(d) for d in doc["deltas"]}

    def _delta_place(self, d: Doc) -> str | None:
        """The row a delta is shown in: A's place where it has one, else B's."""
        for side, key in enumerate(("a", "b")):
            where = d[key]
            if where["footnote"] is not None and where["footnote"] in self.note_row[side]:
                return self.note_row[side][where["footnote"]]
            if where["block"] and where["block"] in self.block_row[side]:
                return self.block_row[side][where["block"]]
        return None

    def groups(self) -> list[RowGroup]:
        """Paragraph rows in the alignment's order, each followed by the footnotes it cites;
        the B side of a moved paragraph after the row holding the B paragraph before it;
        footnotes that no paragraph cites at the end."""
        notes_at: dict[str, list[Row]] = {}
        loose: list[RowGroup] = []
        for k, g in enumerate(self.doc["footnote_alignment"]):
            row = self._note_row(k, g)
            anchor = self._citing_row(g)
            if anchor is None:
                loose.append(RowGroup([row]))
            else:
                notes_at.setdefault(anchor, []).append(row)
        ghosts_after: dict[str | None, list[RowGroup]] = {}
        main: list[RowGroup] = []
        for n, g in enumerate(self.doc["alignment"]):
            main.append(RowGroup([self._pair_row(n, g), *notes_at.get(f"r{n}", [])]))
            if g["relation"] == "moved":
                ghosts_after.setdefault(self._b_predecessor_row(g["b"][0]), []).append(
                    RowGroup([self._moved_b_row(n, g)])
                )
        by_row: dict[str | None, list[Doc]] = {}
        for d in self.doc["deltas"]:
            by_row.setdefault(self.delta_row[d["id"]], []).append(d)
        ordered = [*self._with_ghosts(main, ghosts_after), *loose]
        for group in ordered:
            for row in group.rows:
                row.deltas = by_row.get(row.id, [])
        return ordered

    @staticmethod
    def _with_ghosts(main: list[RowGroup], ghosts_after: dict[str | None, list[RowGroup]]) -> Iterator[RowGroup]:
        def after(row_id: str | None) -> Iterator[RowGroup]:
            for ghost in ghosts_after.get(row_id, []):
                yield ghost
                yield from after(ghost.rows[0].id)

        yield from after(None)
        for group in main:
            yield group
            yield from after(group.rows[0].id)

    def _b_predecessor_row(self, block_id: str) -> str | None:
        at = self.b_order[block_id]
        return self.block_row[1].get(self.vb["blocks"][at - 1]["id"]) if at > 0 else None

    def _citing_row(self, g: Doc) -> str | None:
        for side, ids in enumerate((g["a"], g["b"])):
            for fid in ids:
                cite = self.notes[side][fid]["cited_in"]
                if cite and cite in self.block_row[side]:
                    return self.block_row[side][cite]
        return None

    # --- cells ---

    def _paragraphs(self, side: int, ids: list[str], ops: list[list[str]]) -> str:
        blocks = [self.blocks[side][i] for i in ids]
        tag, prefix = ("del", "a") if side == 0 else ("ins", "b")
        parts = marked_parts([b["text"] for b in blocks], ops, tag)
        out = []
        for block, part in zip(blocks, parts, strict=True):
            cites = ", ".join(
                f'<a href="#{_e(self.note_row[side].get(num, ""))}">{_e(num)}</a>' for num in block["footnotes"]
            )
            cite_html = f' <span class="cites">(footnote {cites})</span>' if cites else ""
            out.append(
                f'<p id="{prefix}-{_e(block["id"])}" class="k-{_e(block["kind"])}">'
                f'<span class="bid">{_e(block["id"])}</span>{part}{cite_html}</p>'
            )
        return "".join(out)

    def _pair_row(self, n: int, g: Doc) -> Row:
        relation = g["relation"]
        a = self._paragraphs(0, g["a"], g["ops"]) if g["a"] else _absent("A")
        b = self._paragraphs(1, g["b"], g["ops"]) if g["b"] else _absent("B")
        label = _relation_label(relation)
        if relation in ("split", "merge"):
            label += f" {len(g['a'])}\u2192{len(g['b'])}"
        if relation == "moved":
            b = f'<p class="absent">moved in B: <a href="#b-{_e(g["b"][0])}">see where it went</a></p>'
        return Row(f"r{n}", "row", relation, label, a, b)

    def _moved_b_row(self, n: int, g: Doc) -> Row:
        a = f'<p class="absent">moved from A: <a href="#a-{_e(g["a"][0])}">see where it was</a></p>'
        return Row(f"r{n}m", "row", "moved", "moved here", a, self._paragraphs(1, g["b"], g["ops"]))

    def _note_row(self, k: int, g: Doc) -> Row:
        cells = []
        for side, ids in enumerate((g["a"], g["b"])):
            if not ids:
                cells.append(_absent("AB"[side]))
                continue
            note = self.notes[side][ids[0]]
            (part,) = marked_parts([note["text"]], g["ops"], "del" if side == 0 else "ins")
            cells.append(
                f'<p class="fn" id="{"ab"[side]}-{_e(ids[0])}"><span class="fnum">{_e(note["number"])}</span>{part}</p>'
            )
        label = "footnote, " + _relation_label(g["relation"])
        return Row(f"f{k}", "fn", g["relation"], label, cells[0], cells[1])


def _relation_label(relation: str) -> str:
    return RELATION_LABEL.get(relation) or relation


def _absent(side: str) -> str:
    """The cell of a version that lacks the paragraph or footnote."""
    return f'<p class="absent">(not in {side})</p>'


# --- page ----------------------------------------------------------------------------------


def render_html(doc: Doc) -> str:
    """The whole report for one ``difftool.compare/1`` document."""
    css, js = _asset("report.css"), _asset("report.js")
    va, vb = doc["versions"]
    title = f"difftool: {os.path.basename(va['path'])} vs {os.path.basename(vb['path'])}"
    layout = Layout(doc)
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(content_security_policy(css, js))}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="referrer" content="no-referrer">\n',
            f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
            f'<header>\n<h1>{_e(title)}</h1>\n<p class="verdict">{_e(verdict(doc["summary"]))}</p>\n',
            _relatedness_warning(doc),
            (
                '<p class="keys" hidden>Keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous difference, '
                "<kbd>j</kbd>/<kbd>k</kbd> next/previous paragraph.</p>\n</header>\n<main>\n"
            ),
            _versions(va, vb),
            _summary(doc["summary"]),
            _delta_list(doc, layout),
            _aligned(va, vb, layout.groups()),
            '</main>\n<div id="current" role="status" aria-live="polite" hidden></div>\n',
            f'<footer><p class="keys">Made by difftool from a comparison in schema <code>{_e(doc["schema"])}</code>.</p></footer>\n',
            f"<script>{js}</script>\n</body>\n</html>\n",
        ]
    )


def _relatedness_warning(doc: Doc) -> str:
    if doc["related"]:
        return ""
    return (
        f'<p class="warning">These files do not look like versions of one letter (relatedness '
        f"{_e(doc['relatedness'])}); they were compared because it was asked for.</p>\n"
    )


def _dash(value: object) -> str:
    return _e(value) if value not in (None, "") else '<span class="absent">\u2014</span>'


def _meta_fields(v: Doc) -> list[tuple[str, str]]:
    m = v["metadata"]
    number = f"nr. {m['number']}" if m["number"] else (f"letter {m['letter_code']}" if m["letter_code"] else None)
    dossier = " ".join(x for x in (m["dossier"], m["title"]) if x) or None
    date = ", ".join(x for x in (m["place"], m["date"]) if x) or None
    signatories = "".join(f"<li>{_e(s['role'])} <strong>{_e(s['name'])}</strong></li>" for s in v["signatories"])
    return [
        ("File", f'<span class="path">{_e(v["path"])}</span>'),
        ("Flavour", f"{_e(v['flavour'])} ({_e(v['encoding'])})"),
        ("Edition", _dash(m["edition"])),
        ("Dossier", _dash(dossier)),
        ("Nr. / letter", _dash(number)),
        ("Vergaderjaar", _dash(m["vergaderjaar"])),
        ("Date", _dash(date)),
        ("Addressee", _dash(m["chamber"])),
        ("Sender", _dash(m["sender"])),
        ("Signatories", f"<ul>{signatories}</ul>" if signatories else _dash(None)),
        ("Notes", "<br>".join(_e(n) for n in v["notes"]) or _dash(None)),
    ]


def _versions(va: Doc, vb: Doc) -> str:
    rows = "".join(
        f'<tr><th scope="row">{name}</th><td lang="nl">{a}</td><td lang="nl">{b}</td></tr>\n'
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


def _side(tag: str, side: Doc) -> str:
    """One version's side of a delta: its sentence with the changed text marked, clipped
    (a removed section is whole in the text; the list needs only its start)."""
    text, context = side["text"], side["context"]
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


def _delta_item(d: Doc, place: str | None) -> str:
    sev, did = _e(d["severity"]), _e(d["id"])
    goto = f' <a class="goto" href="#{_e(place)}">show in text</a>' if place else ""
    return (
        f'<li class="delta sev-{sev}" id="{did}" data-severity="{sev}" data-kind="{_e(d["kind"])}">\n'
        f'<p class="head"><a class="did" href="#{did}">{did}</a><span class="sev sev-{sev}">{sev}</span>'
        f'<span class="kind">{_e(d["kind"])}</span> <span class="expl" lang="nl">{_e(d["explanation"])}</span>{goto}</p>\n'
        f'<dl><dt>A</dt><dd lang="nl">{_side("del", d["a"])}</dd><dt>B</dt><dd lang="nl">{_side("ins", d["b"])}</dd></dl>\n'
        "</li>\n"
    )


def _delta_list(doc: Doc, layout: Layout) -> str:
    sections = []
    for s in SEVERITY_ORDER:
        items = [d for d in doc["deltas"] if d["severity"] == s.value]
        if not items:
            continue
        lis = "".join(_delta_item(d, layout.delta_row[d["id"]]) for d in items)
        sections.append(
            f'<section class="severity" id="sev-{s.value}" aria-labelledby="h-sev-{s.value}">\n'
            f'<h3 id="h-sev-{s.value}"><span class="sev sev-{s.value}">{s.value}</span> {len(items)}: '
            f"{SEVERITY_HELP[s.value]}</h3>\n"
            f'<ol class="deltas">\n{lis}</ol>\n</section>\n'
        )
    body = "".join(sections) or "<p>No differences.</p>\n"
    return (
        '<section id="deltas" aria-labelledby="h-deltas">\n<h2 id="h-deltas">Differences by severity</h2>\n'
        f"{_filters(doc['summary'])}{body}</section>\n"
    )


def _row_html(row: Row, label_a: str, label_b: str) -> str:
    marks = "".join(
        f'<a href="#{_e(d["id"])}" data-delta="{_e(d["id"])}" class="sev-{_e(d["severity"])}" '
        f'title="{_e(d["severity"])} {_e(d["kind"])}: {_e(d["explanation"])}">{_e(d["id"])}</a>'
        for d in row.deltas
    )
    marks_html = f'<span class="marks">{marks}</span>' if marks else ""
    return (
        f'<tr class="{row.kind} rel-{_e(row.relation)}" id="{row.id}" tabindex="-1">'
        f'<th scope="row"><span class="rel">{_e(row.label)}</span>{marks_html}</th>'
        f'<td class="a" lang="nl" data-label="{label_a}">{row.a}</td>'
        f'<td class="b" lang="nl" data-label="{label_b}">{row.b}</td></tr>\n'
    )


def _tbodies(groups: list[RowGroup], label_a: str, label_b: str) -> Iterator[str]:
    """Rows in tbodies; each run of at least FOLD_MIN unchanged groups gets its own, foldable one."""

    def rows(run: list[RowGroup]) -> str:
        return "".join(_row_html(r, label_a, label_b) for g in run for r in g.rows)

    shown: list[RowGroup] = []
    same: list[RowGroup] = []
    for group in [*groups, None]:
        if group is not None and group.foldable:
            same.append(group)
            continue
        if len(same) >= FOLD_MIN:
            if shown:
                yield f"<tbody>\n{rows(shown)}</tbody>\n"
                shown = []
            what = f"{len(same)} unchanged paragraphs"
            yield (
                f'<tbody class="same">\n<tr class="fold" hidden><td colspan="3">'
                f'<button type="button" aria-expanded="true" data-label="{what}">Hide {what}</button></td></tr>\n'
                f"{rows(same)}</tbody>\n"
            )
        else:
            shown.extend(same)
        same = []
        if group is not None:
            shown.append(group)
    if shown:
        yield f"<tbody>\n{rows(shown)}</tbody>\n"


def _aligned(va: Doc, vb: Doc, groups: list[RowGroup]) -> str:
    label_a = _e(f"A: {va['metadata']['edition'] or va['flavour']}")
    label_b = _e(f"B: {vb['metadata']['edition'] or vb['flavour']}")
    return (
        '<section id="text" aria-labelledby="h-text">\n<h2 id="h-text">The text, side by side</h2>\n'
        '<table class="aligned">\n<colgroup><col class="where"><col><col></colgroup>\n'
        '<thead><tr><th scope="col">Where</th>'
        f'<th scope="col">{label_a} <span class="path">{_e(va["path"])}</span></th>'
        f'<th scope="col">{label_b} <span class="path">{_e(vb["path"])}</span></th></tr></thead>\n'
        f"{''.join(_tbodies(groups, label_a, label_b))}</table>\n</section>\n"
    )
