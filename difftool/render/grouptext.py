"""Grouping -> a readable terminal summary (styled lines, :mod:`difftool.render.styled`): each group with its members and the evidence
that joins them, then the files that have no other version, then what was skipped.

Every path goes through :func:`difftool.visible.visible`, so a control character in a file name is
shown (``␛``), never sent to the terminal.
"""

from __future__ import annotations

from difftool.grouping import Evidence, Grouping, Header, Member
from difftool.render.styled import Out, Styled
from difftool.visible import visible


def _header_bits(h: Header) -> list[str]:
    bits = []
    if h.dossier:
        bits.append(f"dossier {h.dossier}")
    if h.number:
        bits.append(f"nr. {h.number}")
    if h.letter_code:
        bits.append(h.letter_code)
    if h.date:
        bits.append(h.date)
    return bits


def _member_line(m: Member) -> Styled:
    t = Styled("  ")
    t.append(visible(m.path), style="bold")
    bits = [m.header.edition or "edition unknown", m.flavour, *_header_bits(m.header)]
    t.append("  " + ", ".join(visible(b) for b in bits), style="dim")
    return t


def _evidence_line(e: Evidence) -> Styled:
    t = Styled("    ")
    t.append(f"{visible(e.a)} ~ {visible(e.b)}: ")
    t.append(f"containment {e.containment:.2f}")
    if e.aligned is not None:
        t.append(f", aligned {e.aligned:.2f}")
    if e.shared:
        t.append(f", same {', '.join(e.shared)}")
    return t


def summary_line(g: Grouping) -> str:
    files = sum(len(x.members) for x in g.groups) + len(g.singles)
    grouped = files - len(g.singles)
    return (
        f"{files} file(s): {len(g.groups)} group(s) of versions ({grouped} files), {len(g.singles)} without "
        f"another version, {len(g.skipped)} skipped; {g.candidates} candidate pair(s) verified"
    )


def render_grouping(g: Grouping, console: Out, show_evidence: bool = True) -> None:
    for x in g.groups:
        console.print(Styled(f"{x.id}  {len(x.members)} versions", style="bold cyan"))
        for m in x.members:
            console.print(_member_line(m))
        if show_evidence:
            for e in x.evidence:
                console.print(_evidence_line(e), style="dim")
        console.print()
    if g.singles:
        console.print(Styled(f"without another version ({len(g.singles)})", style="bold"))
        for m in g.singles:
            console.print(_member_line(m))
        console.print()
    if g.skipped:
        console.print(Styled(f"skipped ({len(g.skipped)})", style="bold yellow"))
        for s in g.skipped:
            console.print(Styled(f"  {visible(s.path)}: {visible(s.reason)}"))
        console.print()
    console.print(summary_line(g))
