"""Grouping -> the stable JSON document (schema ``difftool.group/1``, docs/schema/group.schema.json).

Deterministic like every difftool document: the same corpus gives byte-identical output,
whichever engine grouped it (paths as the caller gave them, groups in order of their first path,
no timestamps). Strings go through :func:`difftool.render.jsonout.dumps`, which escapes every
control character, so a file name cannot forge a log line.
"""

from __future__ import annotations

from typing import Any

from difftool.grouping import SCHEMA, Evidence, Grouping, Header, Member
from difftool.render.jsonout import dumps


def _header(h: Header) -> dict[str, Any]:
    return {"dossier": h.dossier, "title": h.title, "number": h.number, "letter_code": h.letter_code, "date": h.date}


def member_dict(m: Member) -> dict[str, Any]:
    return {"path": m.path, "flavour": m.flavour, "edition": m.header.edition, "header": _header(m.header)}


def evidence_dict(e: Evidence) -> dict[str, Any]:
    return {
        "a": e.a,
        "b": e.b,
        "jaccard": e.jaccard,
        "containment": e.containment,
        "aligned": e.aligned,
        "shared": list(e.shared),
        "conflict": e.conflict,
    }


def grouping_dict(g: Grouping) -> dict[str, Any]:
    files = sum(len(x.members) for x in g.groups) + len(g.singles)
    return {
        "schema": SCHEMA,
        "summary": {
            "files": files,
            "groups": len(g.groups),
            "grouped": files - len(g.singles),
            "singles": len(g.singles),
            "skipped": len(g.skipped),
            "candidates": g.candidates,
        },
        "groups": [
            {
                "id": x.id,
                "members": [member_dict(m) for m in x.members],
                "evidence": [evidence_dict(e) for e in x.evidence],
            }
            for x in g.groups
        ],
        "singles": [member_dict(m) for m in g.singles],
        "skipped": [{"path": s.path, "reason": s.reason} for s in g.skipped],
        "rejected": [evidence_dict(e) for e in g.rejected],
    }


def render_grouping(g: Grouping) -> str:
    return dumps(grouping_dict(g))
