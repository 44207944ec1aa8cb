"""The aligned passage of a variation point in every version, for the N-way views.

A variation point (:mod:`difftool.reconcile`) says what each version reads at one place; a
reviewer who opens it wants the whole paragraph around that place in every version, side by
side: the row of the multiple alignment the point sits in. The review screen of ``difftool
reconcile --review-ui`` and the HTML page of ``--format html`` both show it, from this one
function. Pure and headless (no textual, rich or click).

Footnote markers stand where each version has them (:attr:`difftool.model.Block.markers`), as in
the pairwise faces: a passage gives each text's markers, and the footnotes the point is in, whose
markers a face lights. A point inside a footnote also shows the paragraph that cites it, after
the footnote, so that lit marker stands in view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from difftool.model import Letter
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
    furniture lines for the point on the letter's furniture), then the :attr:`citing` ones."""
    more: int = 0
    """How many blocks were left out after the first :data:`LIMIT`."""
    reading: int | None = None
    """Index into the point's ``readings`` of the reading this version carries."""
    mark: tuple[int, int, int] | None = None
    """(text index, start, end) of that reading inside ``texts``, when it is found there."""
    markers: tuple[tuple[tuple[int, int], ...], ...] = ()
    """For each of ``texts``: where each footnote marker stands in it, ``(index into the text,
    footnote number)`` in text order (a block's :attr:`~difftool.model.Block.markers`; a
    footnote's text has none). A face draws a marker just before the character at its index."""
    lit: tuple[int, ...] = ()
    """Numbers of this version's footnotes the point is in (among ``ids``): a face lights their
    markers, as the pairwise faces light the selected difference's footnote."""
    citing: int = 0
    """How many of ``texts``, at its end, are not the point's own but the paragraph(s) citing
    the point's footnote (a point inside a footnote), not counted in ``ids``."""

    @property
    def absent(self) -> bool:
        return not self.texts

    def markers_of(self, k: int) -> tuple[tuple[int, int], ...]:
        """The markers of ``texts[k]`` (none when the passage was built without them)."""
        return self.markers[k] if k < len(self.markers) else ()


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
        citing: tuple[str, ...] = ()
        if p.scope == "letter" and not any(p.locations):
            ids: tuple[str, ...] = ()
            texts = letter.furniture
            markers: tuple[tuple[tuple[int, int], ...], ...] = ((),) * len(texts)
        else:
            ids = p.locations[v] if v < len(p.locations) else ()
            texts = tuple(_text(letter, i) for i in ids)
            markers = tuple(_markers(letter, i) for i in ids)
            citing = _citing(letter, ids)
        shown = tuple(texts[:limit])
        mark = None
        if reading is not None and p.readings[reading].present and p.scope == "text":
            for k, t in enumerate(shown):
                span = find(t, p.readings[reading].text)
                if span is not None:
                    mark = (k, *span)
                    break
        out.append(
            Passage(
                tuple(ids),
                (*shown, *(_text(letter, i) for i in citing)),
                max(0, len(texts) - limit),
                reading,
                mark,
                (*markers[:limit], *(_markers(letter, i) for i in citing)),
                tuple(int(i[2:]) for i in ids if i.startswith("fn")),
                len(citing),
            )
        )
    return tuple(out)


def _text(letter: Letter, ident: str) -> str:
    if ident.startswith("fn"):
        note = letter.footnote(int(ident[2:]))
        return f"[{note.number}] {note.text}" if note is not None else ""
    return letter.block(ident).text


def _markers(letter: Letter, ident: str) -> tuple[tuple[int, int], ...]:
    return () if ident.startswith("fn") else letter.block(ident).markers


def _citing(letter: Letter, ids: tuple[str, ...]) -> tuple[str, ...]:
    """The blocks citing the footnotes ``ids`` holds, when it holds footnotes only."""
    if not ids or not all(i.startswith("fn") for i in ids):
        return ()
    notes = (letter.footnote(int(i[2:])) for i in ids)
    blocks = {b.id for b in letter.blocks}
    return tuple(dict.fromkeys(n.cited_in for n in notes if n is not None and n.cited_in in blocks))
