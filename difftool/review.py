"""Review decisions: what a reviewer decided about each delta, kept in a file the CI check reads.

The TUI writes this file and ``difftool check --review`` reads it, so the format and the rules
live here, headless (no textual, rich or click): both faces apply one implementation.

A decision is keyed by a *fingerprint* of the delta's content (kind, the changed texts and the
sentences around them, whitespace and typography folded), never by its id or file offsets: ids
and offsets move when a letter is re-extracted or an earlier paragraph changes, the content of a
difference does not. The file is replaced atomically (temp file + rename) on every save, so a
crash or a kill leaves either the old or the new file, never half of one; a file that is not a
review file is refused, never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from difftool.atomic import write_atomically
from difftool.errors import DifftoolError
from difftool.model import SEVERITY_ORDER, Delta, Severity
from difftool.text import fold

SCHEMA = "difftool.review/1"
SUFFIX = ".difftool-review.json"


class Verdict(StrEnum):
    """What the reviewer decided about a delta."""

    ACCEPTED = "accepted"
    """The difference is intended: it no longer fails the check."""
    REJECTED = "rejected"
    """The difference must be fixed: it always fails the check."""
    EXPECTED = "expected"
    """The difference follows from the edition: it no longer fails the check."""


class ReviewFileError(DifftoolError):
    """The review file cannot be read or written, or is not a difftool review file."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision, with what the delta looked like when it was decided (for human readers)."""

    verdict: Verdict
    note: str = ""
    kind: str = ""
    severity: str = ""
    explanation: str = ""
    a: str = ""
    """The changed text in A when decided."""
    b: str = ""
    """The changed text in B when decided."""


@dataclass(frozen=True, slots=True)
class Review:
    """All decisions of one review file, keyed by delta fingerprint. Never mutated: the
    ``with_*`` methods return a new review."""

    decisions: Mapping[str, Decision] = field(default_factory=dict)

    def get(self, fingerprint: str) -> Decision | None:
        return self.decisions.get(fingerprint)

    def with_decision(self, fingerprint: str, decision: Decision) -> Review:
        return Review({**self.decisions, fingerprint: decision})

    def without(self, fingerprint: str) -> Review:
        return Review({k: v for k, v in self.decisions.items() if k != fingerprint})


# --- fingerprints ------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Fold what a re-extraction may change (wrapping, odd spaces, quote and dash glyphs); keep
    case, which can be the difference itself."""
    return " ".join(fold(text).split())


def fingerprint(delta: Delta) -> str:
    """Stable key of a delta's content: kind, both changed texts and both contexts, normalised."""
    return content_key((delta.kind, delta.a.text, delta.b.text, delta.a.context, delta.b.context))


def content_key(parts: Sequence[str]) -> str:
    """The fingerprint of a difference given as texts (its kind first), each normalised: the key
    of a pairwise delta, and of a variation point of ``difftool reconcile`` (its readings)."""
    normalised = (parts[0], *(_normalise(p) for p in parts[1:])) if parts else ()
    return hashlib.sha256("\x1f".join(normalised).encode("utf-8")).hexdigest()[:16]


def fingerprints(deltas: Sequence[Delta]) -> tuple[str, ...]:
    """Fingerprints of all deltas of a comparison, in order. The same change twice in one sentence
    would share a fingerprint, so later occurrences get ``-2``, ``-3``… in document order."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for d in deltas:
        fp = fingerprint(d)
        seen[fp] = seen.get(fp, 0) + 1
        out.append(fp if seen[fp] == 1 else f"{fp}-{seen[fp]}")
    return tuple(out)


def decision_for(delta: Delta, verdict: Verdict, note: str = "") -> Decision:
    """A decision on ``delta`` that remembers what the delta looked like."""
    return Decision(verdict, note, delta.kind, delta.severity.value, delta.explanation, delta.a.text, delta.b.text)


# --- applying decisions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Judged:
    """A delta with the review's decision on it and whether it fails the check."""

    delta: Delta
    fingerprint: str
    decision: Decision | None
    failing: bool


def judge(deltas: Sequence[Delta], review: Review, fail_on: Severity) -> tuple[Judged, ...]:
    """Apply the review: accepted and expected deltas pass, rejected ones fail, and a delta the
    review does not know is new and fails when its severity is at or above ``fail_on``."""
    threshold = SEVERITY_ORDER.index(fail_on)
    out: list[Judged] = []
    for d, fp in zip(deltas, fingerprints(deltas)):
        decision = review.get(fp)
        if decision is None:
            failing = SEVERITY_ORDER.index(d.severity) <= threshold
        else:
            failing = decision.verdict is Verdict.REJECTED
        out.append(Judged(d, fp, decision, failing))
    return tuple(out)


def unmatched(review: Review, fps: Iterable[str]) -> tuple[str, ...]:
    """Fingerprints decided in the review that no current delta has (the text changed since)."""
    current = set(fps)
    return tuple(fp for fp in review.decisions if fp not in current)


# --- the file ----------------------------------------------------------------------------------


def default_review_path(path_a: str) -> str:
    """``letter.difftool-review.json`` next to the first input ``letter.txt``."""
    return os.path.splitext(path_a)[0] + SUFFIX


def _decision_from(path: str, fp: str, raw: Any) -> Decision:
    if not isinstance(raw, dict):
        raise ReviewFileError(f"{path}: corrupt review file: decision {fp} is not an object")
    try:
        verdict = Verdict(str(raw.get("verdict")))
    except ValueError:
        raise ReviewFileError(
            f"{path}: corrupt review file: decision {fp} has verdict {raw.get('verdict')!r}"
        ) from None
    texts = {k: raw.get(k, "") for k in ("note", "kind", "severity", "explanation", "a", "b")}
    bad = [k for k, v in texts.items() if not isinstance(v, str)]
    if bad:
        raise ReviewFileError(f"{path}: corrupt review file: decision {fp}: {bad[0]} is not a string")
    return Decision(verdict, **texts)


def parse_review(path: str, text: str) -> Review:
    """The review in ``text`` (read from ``path``, named in errors)."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReviewFileError(f"{path}: not a difftool review file (invalid JSON at line {exc.lineno})") from None
    schema = doc.get("schema") if isinstance(doc, dict) else None
    if schema != SCHEMA:
        found = f"schema {schema!r}" if schema else "no schema"
        raise ReviewFileError(f"{path}: not a difftool review file ({found}, expected {SCHEMA!r})")
    decisions = doc.get("decisions")
    if not isinstance(decisions, dict):
        raise ReviewFileError(f"{path}: corrupt review file: 'decisions' is not an object")
    return Review({fp: _decision_from(path, fp, raw) for fp, raw in decisions.items()})


def load_review(path: str, missing_ok: bool = True) -> Review:
    """Read a review file; a missing one is an empty review when ``missing_ok``."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        if missing_ok:
            return Review()
        raise ReviewFileError(f"{path}: no such review file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ReviewFileError(f"{path}: cannot read review file ({reason})") from None
    return parse_review(path, text)


def review_document(review: Review, versions: Sequence[str]) -> dict[str, Any]:
    """The JSON document of a review (schema ``difftool.review/1``, docs/review.md)."""
    return {
        "schema": SCHEMA,
        "versions": list(versions),
        "decisions": {
            fp: {
                "verdict": d.verdict.value,
                "note": d.note,
                "kind": d.kind,
                "severity": d.severity,
                "explanation": d.explanation,
                "a": d.a,
                "b": d.b,
            }
            for fp, d in sorted(review.decisions.items())
        },
    }


def save_review(path: str, review: Review, versions: Sequence[str]) -> None:
    """Replace the review file atomically. Refuses (ReviewFileError) when the file on disk is not
    a review file: that is someone else's file, not ours to overwrite."""
    load_review(path)
    text = json.dumps(review_document(review, versions), ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise ReviewFileError(f"{path}: cannot write review file ({exc.strerror or exc})") from None
