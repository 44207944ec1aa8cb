"""Reconciliation -> a table in the terminal (rich): a row per variation point, a column per version.

Each cell is what that version reads at the point; the majority reading is plain, the others
stand out, ``—`` marks a version that lacks the passage. Every string from a letter goes
through :func:`difftool.visible.visible`.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from difftool.model import SEVERITY_ORDER, Severity
from difftool.reconcile import Reconciliation, VariationPoint
from difftool.render.text import STYLE
from difftool.visible import visible

LIMIT = 60


def _cut(text: str, limit: int = LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _cell(p: VariationPoint, version: int) -> Text:
    k = p.carriers.get(version)
    if k is None:
        return Text("")
    r = p.readings[k]
    if not r.present:
        return Text("\u2014", style="dim")
    shown = visible(_cut(r.text)) if r.text else "\u2205"
    if k == p.right:
        return Text(shown + " \u2713", style="green")
    if p.right is not None or (p.majority is not None and k != p.majority):
        return Text(shown, style="bold")
    return Text(shown)


def _note(r: Reconciliation, p: VariationPoint) -> Text:
    m = p.members[0]
    t = Text(visible(f"{r.labels[m.ref]} \u2192 {r.labels[m.other]}: {_cut(p.explanation, 90)}"))
    if p.odd_one_out is not None:
        t.append(f"\nodd one out: {r.labels[p.odd_one_out]}", style="bold")
    if p.lexicon:
        t.append("\n" + visible(p.lexicon), style="green")
    if p.decision is not None:
        t.append(f"\n{p.decision.verdict.value} in review", style="cyan")
    return t


def render_reconcile(r: Reconciliation, console: Console, show_all: bool = False) -> None:
    """The versions, the counts per severity, then the table of variation points."""
    for i, (label, letter) in enumerate(zip(r.labels, r.letters)):
        mark = " (base)" if i == r.base else ""
        edition = f", {letter.metadata.edition}" if letter.metadata.edition else ""
        console.print(
            Text(f"{label}{mark}  ", style="bold").append(
                visible(f"{letter.path}  ({letter.flavour.value}{edition})"), style="dim"
            )
        )
    s = r.summary()
    line = Text("\n")
    for sev in SEVERITY_ORDER:
        line.append(f"{s[sev.value]} {sev.value}", style=STYLE[sev])
        line.append("   ")
    line.append(f"variation points among {len(r.letters)} versions")
    console.print(line)
    shown = [p for p in r.points if show_all or p.severity is not Severity.COSMETIC]
    if shown:
        table = Table(show_lines=True, expand=False)
        table.add_column("id", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("where", no_wrap=True)
        for i, label in enumerate(r.labels):
            table.add_column(visible(label) + (" *" if i == r.base else ""), overflow="fold")
        table.add_column("what compare says", overflow="fold")
        for p in shown:
            table.add_row(
                p.id,
                Text(f"{p.kind.value}\n{p.severity.value}", style=STYLE[p.severity]),
                visible(_cut(p.where, 24)),
                *(_cell(p, v) for v in range(len(r.letters))),
                _note(r, p),
            )
        console.print(table)
    hidden = len(r.points) - len(shown)
    if hidden:
        console.print(Text(f"{hidden} cosmetic variation point(s) not shown (--all shows them)", style="dim"))
