"""The one-line-per-delta CI log of ``difftool check`` (plain text: no rich, so ``check`` loads
no terminal library)."""

from __future__ import annotations

from difftool.model import Comparison, Delta
from difftool.visible import visible


def check_line(c: Comparison, d: Delta) -> str:
    """``path:line:col: severity kind id: explanation`` for a CI log (A's place, else B's)."""
    letter, side = c.where(d)
    line, col = letter.line_col(side.start)
    return visible(f"{letter.path}:{line}:{col}: {d.severity.value} {d.kind} {d.id}: {d.explanation}")
