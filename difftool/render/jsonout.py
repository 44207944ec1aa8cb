"""Comparison -> the stable JSON document (schema ``difftool.compare/1``, docs/schema/).

Deterministic: the same inputs give byte-identical output (sorted keys, no timestamps, no
absolute paths beyond what the caller passed). Strings are exact; every control character is a
``\\u`` escape (JSON escapes C0 itself; DEL, C1 and the Unicode line separators are escaped here),
and so is the ``[`` of ``##[`` (a GitHub workflow command anywhere in a log line), so the
document is safe to print to a terminal or a CI log and parses to the same data.
"""

from __future__ import annotations

import json
import re
from typing import Any

from difftool.model import Comparison, Delta, Letter, Side

SCHEMA = "difftool.compare/1"
_RAW_CONTROL = re.compile("[\x7f-\x9f\u2028\u2029]|(?<=##)\\[")


def _side(s: Side) -> dict[str, Any]:
    return {
        "text": s.text,
        "context": s.context,
        "block": s.block,
        "footnote": s.footnote,
        "start": s.start,
        "end": s.end,
    }


def delta_dict(d: Delta) -> dict[str, Any]:
    return {
        "id": d.id,
        "severity": d.severity.value,
        "kind": d.kind,
        "explanation": d.explanation,
        "a": _side(d.a),
        "b": _side(d.b),
    }


def letter_dict(letter: Letter) -> dict[str, Any]:
    m = letter.metadata
    return {
        "path": letter.path,
        "encoding": letter.encoding,
        "flavour": letter.flavour.value,
        "metadata": {
            "dossier": m.dossier,
            "title": m.title,
            "number": m.number,
            "letter_code": m.letter_code,
            "vergaderjaar": m.vergaderjaar,
            "sender": m.sender,
            "chamber": m.chamber,
            "place": m.place,
            "date": m.date,
            "edition": m.edition,
        },
        "signatories": [{"role": s.role, "name": s.name, "block": s.block} for s in letter.signatories],
        "annexes": list(letter.annexes),
        "furniture": list(letter.furniture),
        "notes": list(letter.notes),
        "blocks": [
            {
                "id": b.id,
                "kind": b.kind.value,
                "field": b.field.value if b.field else None,
                "text": b.text,
                "start": b.start,
                "end": b.end,
                "footnotes": list(b.footnotes),
                "markers": [{"at": at, "footnote": n} for at, n in b.markers],
                "page": b.page,
            }
            for b in letter.blocks
        ],
        "footnotes": [
            {"number": f.number, "text": f.text, "start": f.start, "end": f.end, "cited_in": f.cited_in}
            for f in letter.footnotes
        ],
    }


def verdict(summary: dict[str, Any]) -> str:
    """The comparison in one sentence, from the counts per severity (every face says it alike)."""
    if summary["substantive"]:
        return f"The versions differ in substance: {summary['substantive']} substantive difference(s) to review."
    if summary["editorial"]:
        return (
            f"The versions say the same; {summary['editorial']} editorial difference(s) (spelling, case, punctuation)."
        )
    if summary["cosmetic"] or summary["expected"]:
        return "The versions say the same; only format and edition differ."
    return "No differences: the versions say the same."


def summary_dict(c: Comparison) -> dict[str, Any]:
    """Counts per severity, the total and counts per kind (sorted by name)."""
    summary: dict[str, Any] = dict(c.summary())
    kinds: dict[str, int] = {}
    for d in c.deltas:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    summary["total"] = len(c.deltas)
    summary["kinds"] = dict(sorted(kinds.items()))
    return summary


def comparison_dict(c: Comparison) -> dict[str, Any]:
    summary = summary_dict(c)
    return {
        "schema": SCHEMA,
        "related": c.related,
        "relatedness": c.relatedness,
        "editions": [c.edition_a, c.edition_b],
        "versions": [letter_dict(c.a), letter_dict(c.b)],
        "summary": summary,
        "alignment": [
            {
                "a": list(g.a),
                "b": list(g.b),
                "relation": g.relation.value,
                "similarity": g.similarity,
                "ops": [list(o) for o in g.ops],
            }
            for g in c.alignment
        ],
        "footnote_alignment": [
            {
                "a": list(g.a),
                "b": list(g.b),
                "relation": g.relation.value,
                "similarity": g.similarity,
                "ops": [list(o) for o in g.ops],
            }
            for g in c.footnote_alignment
        ],
        "deltas": [delta_dict(d) for d in c.deltas],
    }


def dumps(doc: dict[str, Any]) -> str:
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False)
    return _RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def render_comparison(c: Comparison) -> str:
    return dumps(comparison_dict(c))


def render_letter(letter: Letter) -> str:
    doc = {"schema": "difftool.letter/1", **letter_dict(letter)}
    return dumps(doc)
