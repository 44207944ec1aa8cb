"""The batch summary (``difftool.batch/1``) -> ``index.html``: one self-contained page listing every
group with its verdict, its variation points by severity and links to its report and JSON, then
the files without another version and the files that were skipped.

Like the reconcile report: no script and nothing from the network (the Content-Security-Policy
allows inline style only); every path and message is escaped, so it only ever becomes element
text. Links are relative (``groups/ID.html``), so the folder can be moved or shared whole.
Groups that fail come first, then those that could not be reconciled, then those that pass.
"""

from __future__ import annotations

import html
from typing import Any

from difftool.model import SEVERITY_ORDER
from difftool.render.batchjson import SUMMARY_NAME
from difftool.render.reconcile_html import CSP, CSS

EXTRA_CSS = """
.pass{color:#1a6b2a;font-weight:600}.fail{color:#a40000;font-weight:600}.error{color:#7a5a00;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}ul.members{margin:0;padding-left:1.1rem}
"""
ORDER = {"fail": 0, "error": 1, "pass": 2}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _members(g: dict[str, Any]) -> str:
    items = []
    for m in g["members"]:
        bits = [m["edition"] or "edition unknown", m["flavour"]]
        base = " (base)" if m["path"] == g["base"] else ""
        items.append(f'<li>{_e(m["path"])}{base} <span class="ctx">{_e(", ".join(bits))}</span></li>')
    return f'<ul class="members">{"".join(items)}</ul>'


def _row(g: dict[str, Any]) -> str:
    status = g["status"]
    name = f'<a href="{_e(g["report"])}">{_e(g["id"])}</a>' if g["report"] else _e(g["id"])
    if g["points"] is None:
        counts = f'<td colspan="{len(SEVERITY_ORDER) + 1}" class="note">{_e(g["error"])}</td>'
    else:
        counts = "".join(f'<td class="num {sev.value}">{g["points"][sev.value]}</td>' for sev in SEVERITY_ORDER)
        counts += f'<td class="num">{g["points"]["failing"]}</td>'
    data = f'<a href="{_e(g["data"])}">json</a>' if g["data"] else ""
    return (
        f'<tr id="{_e(g["id"])}" data-status="{_e(status)}"><td>{name}</td>'
        f'<td class="{_e(status)}">{_e(status)}</td><td>{_members(g)}</td>{counts}<td>{data}</td></tr>'
    )


def render_index(doc: dict[str, Any]) -> str:
    s = doc["summary"]
    heads = "".join(f"<th>{sev.value}</th>" for sev in SEVERITY_ORDER)
    groups = sorted(doc["groups"], key=lambda g: ORDER.get(g["status"], 3))
    rows = "\n".join(_row(g) for g in groups)
    verdict = "pass" if doc["passed"] else "fail"
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>difftool batch: {s['groups']} groups</title>\n<style>{CSS}{EXTRA_CSS}</style>\n</head>\n<body>\n",
        f"<h1>{s['groups']} groups of versions</h1>\n",
        f'<p id="verdict" class="{verdict}">{verdict.upper()}: {s["failed"]} failing, {s["errors"]} not reconciled, '
        f"{s['passed']} passing at fail-on {_e(doc['fail_on'])}. {s['files']} files read, {s['singles']} without "
        f'another version, {s["skipped"]} skipped. <a href="{SUMMARY_NAME}">summary.json</a></p>\n',
    ]
    if groups:
        parts.append(
            f'<table id="groups"><thead><tr><th>group</th><th>verdict</th><th>versions</th>{heads}'
            f"<th>failing</th><th>data</th></tr></thead>\n<tbody>\n{rows}\n</tbody></table>\n"
        )
    if doc["singles"]:
        items = "".join(f'<li>{_e(m["path"])} <span class="ctx">{_e(m["flavour"])}</span></li>' for m in doc["singles"])
        parts.append(f'<h2>Without another version ({len(doc["singles"])})</h2>\n<ul id="singles">{items}</ul>\n')
    if doc["skipped"]:
        items = "".join(f"<li>{_e(x['path'])}: {_e(x['reason'])}</li>" for x in doc["skipped"])
        parts.append(f'<h2>Skipped ({len(doc["skipped"])})</h2>\n<ul id="skipped">{items}</ul>\n')
    parts.append("</body>\n</html>\n")
    return "".join(parts)
