"""What the N-way review screen shows, computed once from a Reconciliation, off the UI thread.

``difftool reconcile V1 V2 V3 --review-ui`` lists the variation points as a table (a column per
version) and, for the selected point, the aligned paragraph of every version. Everything it
needs (each point's cells, its passages, its review key, the filter) is here, headless (no
textual or rich), so the screen only renders and the rules are tested without a terminal.
Texts go through :func:`difftool.visible.visible`: a control character in a letter is drawn,
never sent to the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from difftool.model import SEVERITY_ORDER, Severity
from difftool.passages import Passage, passages
from difftool.reconcile import Reconciliation, VariationPoint
from difftool.review import Decision, Verdict
from difftool.visible import visible

NWAY_KEYMAP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Move",
        (
            ("j / ↓", "next variation point"),
            ("k / ↑", "previous variation point"),
            ("g / home", "first point"),
            ("G / end", "last point"),
            ("enter", "open the point: move to its aligned paragraphs (enter or escape goes back)"),
            ("tab / shift+tab", "switch pane: points, paragraphs"),
        ),
    ),
    (
        "Filter",
        (
            ("f", "cycle the severity filter: all, substantive, editorial, cosmetic, expected"),
            ("c", "show or hide cosmetic points (hidden at start)"),
        ),
    ),
    (
        "Decide",
        (
            ("a", "accept: the variation is intended (every decision is saved at once)"),
            ("x", "reject: the variation must be fixed"),
            ("e", "expected: the variation follows from the editions"),
            ("m", "write a note on the decision"),
            ("u", "undo: forget the decision"),
        ),
    ),
    (
        "App",
        (
            ("?", "this help"),
            ("q", "quit (every decision is already saved)"),
            ("mouse", "click a point to show its paragraphs, click it again to open it; the wheel scrolls"),
        ),
    ),
)
"""The keys of the N-way review screen, as data: its bindings, its help screen and docs/keys.md
are held to it by tests."""

FILTERS: tuple[Severity | None, ...] = (None, *SEVERITY_ORDER)
"""What ``f`` cycles through: all severities, then each one alone."""


@dataclass(frozen=True, slots=True)
class Cell:
    """What one version reads at a point, as the table shows it."""

    text: str
    """The reading ('' where the version lacks the passage)."""
    reading: int | None
    """Index into the point's readings."""
    present: bool
    majority: bool
    """It is the majority reading."""
    right: bool
    """The word list takes it for the right spelling."""


@dataclass(frozen=True, slots=True)
class PointRow:
    """One row of the table: a variation point."""

    point: VariationPoint
    cells: tuple[Cell, ...]
    odd: str
    """The label of the odd one out, '' when there is none."""
    passages: tuple[Passage, ...]
    """The aligned paragraph of every version (:mod:`difftool.passages`)."""


@dataclass(frozen=True, slots=True)
class NwayView:
    """Everything the N-way screen renders."""

    reconciliation: Reconciliation
    rows: tuple[PointRow, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return self.reconciliation.labels

    @property
    def base(self) -> int:
        return self.reconciliation.base

    def head(self, v: int) -> str:
        """The column head of version ``v``: its label, ``(base)`` after the base's."""
        return f"{self.labels[v]} (base)" if v == self.base else self.labels[v]


def build_nway_view(r: Reconciliation) -> NwayView:
    rows = []
    for p in r.points:
        carried = p.carriers
        cells = []
        for v in range(len(r.letters)):
            k = carried.get(v)
            reading = p.readings[k] if k is not None else None
            cells.append(
                Cell(
                    visible(reading.text) if reading is not None else "",
                    k,
                    reading is not None and reading.present,
                    k is not None and k == p.majority,
                    k is not None and k == p.right,
                )
            )
        odd = r.labels[p.odd_one_out] if p.odd_one_out is not None else ""
        rows.append(PointRow(p, tuple(cells), odd, passages(r, p)))
    return NwayView(r, tuple(rows))


def shown(view: NwayView, severity: Severity | None, show_cosmetic: bool) -> list[int]:
    """Indices of the points the severity filter and the cosmetic toggle let through."""
    out = []
    for i, row in enumerate(view.rows):
        s = row.point.severity
        if severity is not None and s is not severity:
            continue
        if severity is None and s is Severity.COSMETIC and not show_cosmetic:
            continue
        out.append(i)
    return out


def filter_label(severity: Severity | None, show_cosmetic: bool) -> str:
    return severity.value if severity else ("all" if show_cosmetic else "all but cosmetic")


def readings_line(p: VariationPoint, labels: tuple[str, ...]) -> str:
    """``docx: 'a'; tk, ek: 'b'; ek: absent`` (every reading with its carriers)."""
    return "; ".join(
        f"{', '.join(labels[v] for v in r.versions)}: {repr(r.text) if r.present else 'absent'}" for r in p.readings
    )


def decision_for_point(
    p: VariationPoint, verdict: Verdict, labels: tuple[str, ...], base: int, note: str = ""
) -> Decision:
    """A decision on a variation point, keyed (by the caller) under ``p.fingerprint``, the key
    ``difftool reconcile`` and ``difftool check V1 V2 V3 --review`` look it up under. It keeps,
    for a human reader of the file, the base's reading as ``a`` and every reading as ``b``."""
    base_reading = next((r for r in p.readings if base in r.versions), None)
    a = base_reading.text if base_reading is not None and base_reading.present else ""
    return Decision(
        verdict,
        note,
        p.kind.value,
        p.severity.value,
        p.explanation,
        a,
        readings_line(p, labels),
    )


def short(text: str, width: int) -> str:
    """``text`` on one line, cut with an ellipsis to ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "\u2026"
