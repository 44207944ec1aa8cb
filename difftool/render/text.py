"""Comparison -> a readable terminal summary (styled lines, :mod:`difftool.render.styled`); the one-line-per-delta CI log is in
:mod:`difftool.render.line`.

Every string from a letter or a file name goes through :func:`difftool.visible.visible`, so a
control character in a letter is shown (``␛``), never sent to the terminal.
"""

from __future__ import annotations

from difftool.model import SEVERITY_ORDER, Comparison, Delta, Letter, Severity, Side
from difftool.render.jsonout import verdict
from difftool.render.line import check_line as check_line
from difftool.render.styled import Out, Styled
from difftool.visible import visible

STYLE = {
    Severity.SUBSTANTIVE: "bold red",
    Severity.EDITORIAL: "yellow",
    Severity.COSMETIC: "dim",
    Severity.EXPECTED: "cyan",
}


def _version_line(tag: str, letter: Letter) -> Styled:
    m = letter.metadata
    bits = [letter.flavour.value, letter.encoding]
    if m.edition:
        bits.append(m.edition)
    if m.dossier:
        bits.append(f"dossier {m.dossier}")
    if m.number:
        bits.append(f"nr. {m.number}")
    if m.letter_code:
        bits.append(m.letter_code)
    if m.date:
        bits.append(m.date)
    t = Styled(f"{tag}  ", style="bold")
    t.append(visible(letter.path))
    t.append(visible(f"  ({', '.join(bits)})"), style="dim")
    return t


def _side_text(tag: str, side: Side) -> Styled:
    t = Styled(f"      {tag}  ", style="bold")
    ctx, text = visible(side.context or ""), visible(side.text)
    if text and text in ctx:
        i = ctx.index(text)
        t.append(ctx[:i])
        t.append(text, style="reverse")
        t.append(ctx[i + len(text) :])
    elif text and len(text) <= max(len(ctx), 240):
        t.append(text)
    elif ctx:
        t.append(ctx, style="dim")
    else:
        t.append("(absent)", style="dim")
    return t


def render_compare(c: Comparison, console: Out, show_all: bool = False) -> None:
    """Counts per severity, then the deltas that matter with their context."""
    console.print(_version_line("A", c.a))
    console.print(_version_line("B", c.b))
    s = c.summary()
    line = Styled("\n")
    for sev in SEVERITY_ORDER:
        line.append(f"{s[sev.value]} {sev.value}", style=STYLE[sev])
        line.append("   ")
    console.print(line)
    console.print(Styled(verdict(s)))
    shown = [sev for sev in SEVERITY_ORDER if show_all or sev is not Severity.COSMETIC]
    for sev in shown:
        group = [d for d in c.deltas if d.severity is sev]
        if not group:
            continue
        console.print(Styled(f"\n{sev.value.upper()} ({len(group)})", style=STYLE[sev]))
        for d in group:
            _delta(console, d)
    if not show_all and s["cosmetic"]:
        console.print(Styled(f"\n{s['cosmetic']} cosmetic differences not shown (--all shows them)", style="dim"))


def _delta(console: Out, d: Delta) -> None:
    head = Styled(f"  {d.id:<5}", style="bold")
    head.append(f"{d.kind:<22}", style=STYLE[d.severity])
    head.append(visible(d.explanation))
    console.print(head)
    console.print(_side_text("A", d.a))
    console.print(_side_text("B", d.b))


def render_letter(letter: Letter, console: Out) -> None:
    """What was read from one file: metadata, blocks, footnotes, signatories."""
    console.print(_version_line("file", letter))
    m = letter.metadata
    for name in ("dossier", "title", "number", "letter_code", "vergaderjaar", "sender", "chamber", "place", "date"):
        value = getattr(m, name)
        if value:
            console.print(Styled(f"  {name:<13}", style="bold").append(visible(value)))
    if m.edition:
        console.print(Styled("  edition      ", style="bold").append(m.edition))
    console.print(Styled(f"\n{len(letter.blocks)} blocks", style="bold"))
    for b in letter.blocks:
        line, _ = letter.line_col(b.start)
        t = Styled(f"  {b.id:<6}", style="bold")
        label = b.kind.value + (f":{b.field.value}" if b.field else "")
        t.append(f"{label:<20}", style="cyan")
        t.append(f"L{line:<5}", style="dim")
        if b.page is not None:
            t.append(f"p{b.page:<3}", style="dim")
        t.append(visible(b.text if len(b.text) <= 100 else b.text[:99] + "\u2026"))
        if b.footnotes:
            t.append(f"  [fn {', '.join(map(str, b.footnotes))}]", style="magenta")
        console.print(t)
    console.print(Styled(f"\n{len(letter.footnotes)} footnotes", style="bold"))
    for f in letter.footnotes:
        t = Styled(f"  {f.number:>3}  ", style="magenta")
        t.append(f"{f.cited_in or '(not cited)':<6} ", style="dim")
        t.append(visible(f.text if len(f.text) <= 110 else f.text[:109] + "\u2026"))
        console.print(t)
    if letter.signatories:
        console.print(Styled(f"\n{len(letter.signatories)} signatories", style="bold"))
        for s in letter.signatories:
            console.print(Styled(visible(f"  {s.role}: ")).append(visible(s.name), "bold"))
    for label, items in (
        ("annexes start at", letter.annexes),
        ("page furniture removed", letter.furniture),
        ("notes", letter.notes),
    ):
        if items:
            console.print(Styled(f"\n{label}: ", style="bold").append(visible(", ".join(items))))
