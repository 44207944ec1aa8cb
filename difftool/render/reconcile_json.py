"""Reconciliation -> the stable JSON document (schema ``difftool.reconcile/1``, docs/schema/).

Deterministic and escaped like ``difftool.compare/1`` (:func:`difftool.render.jsonout.dumps`).
Versions are referred to by their index in ``versions`` (0-based), readings by their index in a
point's ``readings``.
"""

from __future__ import annotations

from typing import Any

from difftool.reconcile import SCHEMA, Reconciliation, VariationPoint
from difftool.render.jsonout import dumps
from difftool.visible import visible


def point_dict(p: VariationPoint) -> dict[str, Any]:
    return {
        "id": p.id,
        "severity": p.severity.value,
        "kind": p.kind.value,
        "explanation": p.explanation,
        "scope": p.scope,
        "where": p.where,
        "context": p.context,
        "readings": [{"text": r.text, "versions": list(r.versions), "present": r.present} for r in p.readings],
        "majority": p.majority,
        "odd_one_out": p.odd_one_out,
        "right": p.right,
        "lexicon": p.lexicon or None,
        "locations": [list(ids) for ids in p.locations],
        "fingerprint": p.fingerprint,
        "decision": None if p.decision is None else {"verdict": p.decision.verdict.value, "note": p.decision.note},
        "failing": p.failing,
        "deltas": [
            {
                "a": m.ref,
                "b": m.other,
                "id": m.delta.id,
                "severity": m.delta.severity.value,
                "kind": m.delta.kind.value,
                "explanation": m.delta.explanation,
                "fingerprint": m.judged.fingerprint,
            }
            for m in p.members
        ],
    }


def reconcile_dict(r: Reconciliation) -> dict[str, Any]:
    summary: dict[str, Any] = dict(r.summary())
    kinds: dict[str, int] = {}
    for p in r.points:
        kinds[p.kind.value] = kinds.get(p.kind.value, 0) + 1
    summary["total"] = len(r.points)
    summary["kinds"] = dict(sorted(kinds.items()))
    return {
        "schema": SCHEMA,
        "base": r.base,
        "versions": [
            {
                "label": label,
                "path": x.path,
                "flavour": x.flavour.value,
                "edition": x.metadata.edition,
            }
            for label, x in zip(r.labels, r.letters)
        ],
        "fail_on": r.fail_on.value,
        "passed": not r.failing,
        "summary": summary,
        "points": [point_dict(p) for p in r.points],
        "rows": [{"ref": row.ref, "footnote": row.footnote, "cells": [list(c) for c in row.cells]} for row in r.rows],
    }


def render_reconcile(r: Reconciliation) -> str:
    return dumps(reconcile_dict(r))


def point_line(p: VariationPoint, labels: tuple[str, ...]) -> str:
    """``path:line:col: severity kind id: explanation [readings]`` for a CI log, at the place of
    the point's most severe pairwise delta."""
    m = p.members[0]
    letter, side = m.comparison.where(m.delta)
    line, col = letter.line_col(side.start)
    readings = "; ".join(
        f"{','.join(labels[v] for v in r.versions)}: {_quoted(r.text) if r.present else 'absent'}" for r in p.readings
    )
    return visible(
        f"{letter.path}:{line}:{col}: {p.severity.value} {p.kind.value} {p.id}: {labels[m.ref]} \u2192 {labels[m.other]}: {p.explanation} [{readings}]"
    )


def _quoted(text: str, limit: int = 60) -> str:
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "\u2026") + "'"
