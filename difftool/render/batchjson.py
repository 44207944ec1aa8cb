"""Batch -> the stable JSON summary (schema ``difftool.batch/1``, docs/schema/batch.schema.json).

Deterministic like every difftool document: no timestamps, groups in the grouping's order (their
first path), so a resumed run writes the same ``summary.json`` as an uninterrupted one. A group's
entry is also what ``--resume`` reads back from the group's record (:func:`outcome_from_dict`).
"""

from __future__ import annotations

from typing import Any

from difftool.batch import ERROR, FAIL, PASS, SCHEMA, Batch, Outcome
from difftool.grouping import VersionGroup
from difftool.model import SEVERITY_ORDER
from difftool.render.groupjson import member_dict
from difftool.render.jsonout import dumps

GROUPS_DIR = "groups"
"""Where a batch writes the reports of each group, under the output folder."""
SUMMARY_NAME, INDEX_NAME = "summary.json", "index.html"


def report_names(gid: str) -> tuple[str, str, str]:
    """The HTML report, the reconcile JSON and the record of group ``gid``, relative to the output folder."""
    return (f"{GROUPS_DIR}/{gid}.html", f"{GROUPS_DIR}/{gid}.json", f"{GROUPS_DIR}/{gid}.done.json")


def outcome_dict(o: Outcome, links: bool = True) -> dict[str, Any]:
    """One group's entry; ``links``: the reports were written (``batch``, not ``check --corpus``)."""
    html, data, _ = report_names(o.id)
    reconciled = o.status != ERROR
    points = {sev.value: o.count(sev) for sev in SEVERITY_ORDER}
    return {
        "id": o.id,
        "group": o.group.id,
        "status": o.status,
        "error": o.error,
        "members": [member_dict(m) for m in o.group.members],
        "base": o.base,
        "points": {**points, "total": sum(o.counts), "failing": o.failing} if reconciled else None,
        "report": html if links and reconciled else None,
        "data": data if links and reconciled else None,
    }


def outcome_from_dict(group: VersionGroup, d: dict[str, Any]) -> Outcome | None:
    """The outcome recorded for ``group`` by an earlier run; None when the record does not fit
    (another group, a failed group, a record of another shape)."""
    try:
        if d["status"] not in (PASS, FAIL) or [m["path"] for m in d["members"]] != list(group.paths):
            return None
        points = d["points"]
        counts = tuple(int(points[sev.value]) for sev in SEVERITY_ORDER)
        failing = int(points["failing"])
        base = d["base"]
    except (KeyError, TypeError, ValueError):
        return None
    if (d["status"] == FAIL) != (failing > 0) or not isinstance(base, str):
        return None
    return Outcome(str(d["id"]), group, d["status"], None, base, counts, failing)


def batch_dict(b: Batch, links: bool = True) -> dict[str, Any]:
    g = b.grouping
    tally = b.tally()
    files = sum(len(x.members) for x in g.groups) + len(g.singles)
    return {
        "schema": SCHEMA,
        "fail_on": b.fail_on.value,
        "passed": b.passed,
        "summary": {
            "files": files,
            "groups": len(b.outcomes),
            "passed": tally[PASS],
            "failed": tally[FAIL],
            "errors": tally[ERROR],
            "singles": len(g.singles),
            "skipped": len(g.skipped),
            "points": {sev.value: sum(o.count(sev) for o in b.outcomes) for sev in SEVERITY_ORDER},
        },
        "groups": [outcome_dict(o, links) for o in b.outcomes],
        "singles": [member_dict(m) for m in g.singles],
        "skipped": [{"path": s.path, "reason": s.reason} for s in g.skipped],
    }


def render_batch(b: Batch, links: bool = True) -> str:
    return dumps(batch_dict(b, links))
