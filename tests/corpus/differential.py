"""Compare the corpus files the way ``difftool compare --format json`` does, and score the result.

Shared by tests/test_extracted_corpus.py and bench/extracted.py. Files are read once per process
(the PDF reader runs in a child process, so reading is most of the cost).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from difftool.engine import compare
from difftool.model import Letter, Options
from difftool.policy import apply_policy, load_policy
from difftool.readers import read_letter
from difftool.render.jsonout import comparison_dict

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parent.parent
EXTRACTORS = ("pdftotext", "pdftotext-layout", "pdfminer", "pdfplumber")
SOURCES = ("docx", "pdf", *EXTRACTORS)
"""What a version can be read from: the Word file, the PDF (difftool's own reader), a text extraction."""
FLAGGED = ("substantive", "editorial")


def letters() -> list[str]:
    return sorted(p.parent.name for p in CORPUS.glob("*/edits.json"))


def layouts(letter: str) -> list[str]:
    return sorted(p.parent.name for p in (CORPUS / letter).glob("*/original.docx"))


def cases() -> list[tuple[str, str]]:
    """Every (letter, layout) of the committed corpus."""
    return [(letter, layout) for letter in letters() for layout in layouts(letter)]


def path(letter: str, layout: str, version: str, source: str) -> Path:
    """The file of one version (``original``/``edited``) of a letter/layout read from ``source``."""
    name = f"{version}.{source}" if source in ("docx", "pdf") else f"{version}.{source}.txt"
    return CORPUS / letter / layout / name


def edits(letter: str) -> list[dict[str, Any]]:
    return list(json.loads((CORPUS / letter / "edits.json").read_text(encoding="utf-8"))["edits"])


@cache
def _letter(p: str) -> Letter:
    return read_letter(p)


@cache
def _policy() -> Any:
    return load_policy(str(ROOT), None)[0]


def compare_json(a: Path, b: Path) -> dict[str, Any]:
    """``difftool compare A B --format json`` in-process: read, compare, apply the policy found from the
    repository root (the CLI's defaults), and render the JSON document."""
    c = compare(_letter(str(a)), _letter(str(b)), Options())
    return comparison_dict(apply_policy(c, _policy()))


def flagged(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The deltas a reviewer must look at: substantive and editorial."""
    return [d for d in doc["deltas"] if d["severity"] in FLAGGED]


def describe(d: dict[str, Any], width: int = 70) -> str:
    def side(s: dict[str, Any]) -> str:
        t = " ".join((s["text"] or "").split())
        return repr(t[:width] + ("…" if len(t) > width else ""))

    return f"{d['id']} {d['severity']}/{d['kind']}: {d['explanation'][:100]} | A {side(d['a'])} | B {side(d['b'])}"


# --- matching reported deltas to injected edits ------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def loose(s: str) -> str:
    """A text reduced to its letters and digits, case-folded: whitespace, dashes, quotes, soft hyphens,
    punctuation and line-end hyphens do not decide whether a delta is about an edit."""
    s = unicodedata.normalize("NFKC", s).translate(_DASHES)
    return re.sub(r"[\W_]+", "", s).casefold()


def _side(d: dict[str, Any], key: str) -> str:
    return loose(f"{d[key]['text'] or ''} {d[key]['context'] or ''}")


def touches(d: dict[str, Any], edit: dict[str, Any]) -> bool:
    """The delta is about this edit: the original's snippet on its A side or the edited one on its B side."""
    old, new = loose(edit["old"]), loose(edit["new"])
    return bool((old and old in _side(d, "a")) or (new and new in _side(d, "b")))


def reports(deltas: list[dict[str, Any]], edit: dict[str, Any]) -> bool:
    """The deltas report this edit as expected: with its severity and (one of) its kinds, the original's
    snippet on an A side and the edited one on a B side (of one delta, or of a removed/added pair)."""
    kinds = {edit["kind"], *edit.get("also_kinds", ())}
    right = [d for d in deltas if d["severity"] == edit["severity"] and d["kind"] in kinds and touches(d, edit)]
    old, new = loose(edit["old"]), loose(edit["new"])
    return bool(right) and all(
        not snippet or any(snippet in _side(d, key) for d in right) for snippet, key in ((old, "a"), (new, "b"))
    )


@dataclass
class Score:
    """How one comparison of ``original.docx`` with an edited version did against edits.json."""

    found: list[str] = field(default_factory=list)
    """Edits reported with the expected severity and kind."""
    missing: dict[str, str] = field(default_factory=dict)
    """Edit id -> what was reported about it instead (or ``nothing``)."""
    noise: list[dict[str, Any]] = field(default_factory=list)
    """Substantive and editorial deltas about none of the edits."""

    def explain(self) -> str:
        lines = [f"missing {eid}: {what}" for eid, what in self.missing.items()]
        lines += [f"noise {describe(d)}" for d in self.noise]
        return "\n".join(lines)


def score(doc: dict[str, Any], expected: list[dict[str, Any]]) -> Score:
    s = Score()
    deltas = doc["deltas"]
    for edit in expected:
        if reports(deltas, edit):
            s.found.append(edit["id"])
        else:
            near = [f"{d['severity']}/{d['kind']}" for d in deltas if touches(d, edit)]
            s.missing[edit["id"]] = f"expected {edit['severity']}/{edit['kind']}, got " + (
                ", ".join(near) if near else "nothing"
            )
    s.noise = [d for d in flagged(doc) if not any(touches(d, e) for e in expected)]
    return s
