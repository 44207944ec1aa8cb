"""Reconciliation -> one self-contained HTML page: the variation points as a table, a column per
version (``difftool reconcile --format html``).

Reads the ``difftool.reconcile/1`` document, as the pairwise report reads ``difftool.compare/1``.
No script and nothing from the network: the Content-Security-Policy allows inline style only, and
every string from a letter or a file name is escaped, so it only ever becomes element text. Rows
are grouped by severity; cosmetic ones sit in a closed ``<details>``.

Each point opens (its id is the summary of a ``<details>``; CSS ``:has()`` then shows the row
under it, no script) to the aligned paragraph of every version, a column per version under the
readings, with each version's reading marked, and every pairwise difference the point is made
of. The paragraphs come from :func:`difftool.passages.passages`; the JSON document does not
carry them. They are drawn by the pairwise report's :func:`~difftool.render.html.marked`, so a
footnote marker (:func:`~difftool.render.html.fnref`) stands right after its word, outside the
reading's mark it follows, and is left out of copied text, as in the pairwise report.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from difftool.model import SEVERITY_ORDER
from difftool.passages import Passage
from difftool.render.html import fnref, marked

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.reading{max-width:22rem;overflow-wrap:anywhere}
.minority{font-weight:600;background:#fff3cd}.absent{color:#888}.right{background:#d9f2dd}
.substantive{color:#a40000}.editorial{color:#7a5a00}.cosmetic{color:#666}.expected{color:#005f73}
.note{font-size:.9em;color:#333}.ctx{font-size:.85em;color:#555}
td.id summary{cursor:pointer;white-space:nowrap;color:#0b4f8a;text-decoration:underline}
tr.passages{display:none;background:#fafafa}tr.point:has(details[open])+tr.passages{display:table-row}
td.passage{font-size:.9em;overflow-wrap:anywhere}td.passage p{margin:0 0 .5em}
.hit{background:#ffe08a;font-weight:600}.hit.right{background:#b9e8c2}.more{color:#666;font-style:italic}
.fnref{font-size:.72em;line-height:0;user-select:none;color:#0b4f8a}.fnref.changed{font-weight:700;background:#ffe08a}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cell(point: dict[str, Any], version: int) -> str:
    for k, r in enumerate(point["readings"]):
        if version in r["versions"]:
            if not r["present"]:
                return '<td class="reading absent">\u2014</td>'
            classes = ["reading"]
            if k == point["right"]:
                classes.append("right")
            elif (point["majority"] is not None and k != point["majority"]) or point["right"] is not None:
                classes.append("minority")
            mark = " \u2713" if k == point["right"] else ""
            shown = _e(r["text"] or "\u2205")
            return f'<td class="{" ".join(classes)}">{shown}{mark}</td>'
    return '<td class="reading"></td>'


def _passage(p: dict[str, Any], passage: Passage) -> str:
    """One version's paragraph(s) at a point, its reading marked."""
    if passage.absent:
        return '<td class="passage absent">(absent here)</td>'
    paras = []
    right = " right" if passage.reading is not None and passage.reading == p["right"] else ""
    for k, text in enumerate(passage.texts):
        hit = [passage.mark[1:]] if passage.mark is not None and passage.mark[0] == k else []
        cited = passage.markers_of(k)
        markers = [(at, fnref(n, lit=n in passage.lit)) for at, n in cited]
        paras.append(f"<p>{marked(text, 0, hit, 'span', markers=markers, cls='hit' + right)}</p>")
    if passage.more:
        paras.append(f'<p class="more">\u2026 and {passage.more} more block(s)</p>')
    return f'<td class="passage">{"".join(paras)}</td>'


def _passages_row(doc: dict[str, Any], p: dict[str, Any], passages: Sequence[Passage]) -> str:
    """The row under a point: every version's aligned paragraph and every pairwise difference."""
    labels = [v["label"] for v in doc["versions"]]
    deltas = "<br>".join(
        f"{_e(labels[d['a']])} \u2192 {_e(labels[d['b']])} {_e(d['id'])}: {_e(d['kind'])}, {_e(d['severity'])}: "
        f"{_e(d['explanation'])}"
        for d in p["deltas"]
    )
    cells = "".join(_passage(p, x) for x in passages)
    return (
        f'<tr class="passages" id="{_e(p["id"])}-passages"><td colspan="3">aligned paragraph in every version'
        f'</td>{cells}<td class="note">{deltas}</td></tr>'
    )


def _row(doc: dict[str, Any], p: dict[str, Any], passages: Sequence[Passage] | None = None) -> str:
    labels = [v["label"] for v in doc["versions"]]
    first = p["deltas"][0]
    note = [f"{_e(labels[first['a']])} \u2192 {_e(labels[first['b']])}: {_e(p['explanation'])}"]
    if p["odd_one_out"] is not None:
        note.append(f"<strong>odd one out: {_e(labels[p['odd_one_out']])}</strong>")
    if p["lexicon"]:
        note.append(_e(p["lexicon"]))
    if p["decision"]:
        note.append(f"{_e(p['decision']['verdict'])} in review")
    if p["context"]:
        note.append(f'<span class="ctx">{_e(p["context"])}</span>')
    cells = "".join(_cell(p, v) for v in range(len(labels)))
    ident = _e(p["id"])
    if passages is not None:
        ident = f"<details><summary>{ident}</summary></details>"
    row = (
        f'<tr id="{_e(p["id"])}" class="point" data-severity="{_e(p["severity"])}"><td class="id">{ident}</td>'
        f'<td class="{_e(p["severity"])}">{_e(p["kind"])}<br>{_e(p["severity"])}</td><td>{_e(p["where"])}</td>'
        f'{cells}<td class="note">{"<br>".join(note)}</td></tr>'
    )
    return row if passages is None else row + _passages_row(doc, p, passages)


def _table(doc: dict[str, Any], points: list[dict[str, Any]], passages: dict[str, Sequence[Passage]]) -> str:
    heads = "".join(
        f"<th>{_e(v['label'])}{' (base)' if i == doc['base'] else ''}</th>" for i, v in enumerate(doc["versions"])
    )
    rows = "\n".join(_row(doc, p, passages.get(p["id"])) for p in points)
    return (
        f"<table><thead><tr><th>id</th><th>kind</th><th>where</th>{heads}<th>what compare says</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>"
    )


def render_reconcile_html(doc: dict[str, Any], passages: Sequence[Sequence[Passage]] | None = None) -> str:
    """The page for a ``difftool.reconcile/1`` document; with ``passages`` (per point of the
    document, in order, per version: :func:`difftool.passages.passages`) each point opens to the
    aligned paragraph of every version."""
    by_id: dict[str, Sequence[Passage]] = (
        {p["id"]: tuple(x) for p, x in zip(doc["points"], passages)} if passages is not None else {}
    )
    s = doc["summary"]
    versions = "".join(
        f"<li><strong>{_e(v['label'])}</strong>{' (base)' if i == doc['base'] else ''}: {_e(v['path'])} "
        f"({_e(v['flavour'])}{', ' + _e(v['edition']) if v['edition'] else ''})</li>"
        for i, v in enumerate(doc["versions"])
    )
    counts = ", ".join(f'<span class="{sev.value}">{s[sev.value]} {sev.value}</span>' for sev in SEVERITY_ORDER)
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>difftool reconcile: {len(doc['versions'])} versions</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        f"<h1>{len(doc['versions'])} versions reconciled</h1>\n<ul>{versions}</ul>\n",
        f"<p>{s['total']} variation points: {counts}.{' Open a point (its id) to see its paragraph in every version.' if by_id else ''}</p>\n",
    ]
    for sev in SEVERITY_ORDER:
        points = [p for p in doc["points"] if p["severity"] == sev.value]
        if not points:
            continue
        table = _table(doc, points, by_id)
        if sev.value == "cosmetic":
            parts.append(f"<details><summary>{len(points)} cosmetic points</summary>{table}</details>\n")
        else:
            parts.append(f'<h2 class="{sev.value}">{sev.value} ({len(points)})</h2>\n{table}\n')
    parts.append("</body>\n</html>\n")
    return "".join(parts)
