"""The aligned passage of a variation point in every version, for the N-way views.

A variation point (:mod:`difftool.reconcile`) says what each version reads at one place; a
reviewer who opens it wants the whole paragraph around that place in every version, side by
side: the row of the multiple alignment the point sits in. The review screen of ``difftool
reconcile --review-ui`` and the HTML page of ``--format html`` both show it, from this one
function. Pure and headless (no textual, rich or click).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from difftool.reconcile import Reconciliation, VariationPoint

LIMIT = 12
"""Most blocks shown per version: a passage only some versions have can be a whole annex."""


@dataclass(frozen=True, slots=True)
class Passage:
    """What one version has in a variation point's row."""

    ids: tuple[str, ...]
    """Its blocks (``b12``) or footnote (``fn8``) there, in order; () when it has nothing there."""
    texts: tuple[str, ...]
    """The text of each of the first :data:`LIMIT` of them (a footnote as ``[8] text``; page
    furniture lines for the point on the letter's furniture)."""
    more: int = 0
    """How many blocks were left out after the first :data:`LIMIT`."""
    reading: int | None = None
    """Index into the point's ``readings`` of the reading this version carries."""
    mark: tuple[int, int, int] | None = None
    """(text index, start, end) of that reading inside ``texts``, when it is found there."""

    @property
    def absent(self) -> bool:
        return not self.texts


def find(text: str, reading: str) -> tuple[int, int] | None:
    """Where ``reading`` (words separated by single spaces, as readings are) stands in ``text``,
    whatever the spacing there; None when it does not."""
    words = reading.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def passages(r: Reconciliation, p: VariationPoint, limit: int = LIMIT) -> tuple[Passage, ...]:
    """Per version (in the order of ``r.letters``), the passage of point ``p``."""
    carried = p.carriers
    out: list[Passage] = []
    for v, letter in enumerate(r.letters):
        reading = carried.get(v)
        if p.scope == "letter" and not any(p.locations):
            ids: tuple[str, ...] = ()
            texts = letter.furniture
        else:
            ids = p.locations[v] if v < len(p.locations) else ()
            texts = tuple(_text(r, v, i) for i in ids)
        shown = tuple(texts[:limit])
        mark = None
        if reading is not None and p.readings[reading].present and p.scope == "text":
            for k, t in enumerate(shown):
                span = find(t, p.readings[reading].text)
                if span is not None:
                    mark = (k, *span)
                    break
        out.append(Passage(tuple(ids), shown, max(0, len(texts) - limit), reading, mark))
    return tuple(out)


def _text(r: Reconciliation, v: int, ident: str) -> str:
    letter = r.letters[v]
    if ident.startswith("fn"):
        note = letter.footnote(int(ident[2:]))
        return f"[{note.number}] {note.text}" if note is not None else ""
    return letter.block(ident).text
