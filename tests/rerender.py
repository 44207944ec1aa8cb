"""Re-render a parsed letter in another extraction flavour, for the "same letter, other bytes" tests.

Each renderer writes the letter's header, blocks, signatures and footnotes the way that flavour's
extractor would: hard wraps and page-foot footnotes that cut a paragraph in two (markdown-ish PDF
text), glued digit markers and hyphenated line ends (raw PDF text), one line per paragraph with
``[footnoteRef:N]`` markers, inline bodies, curly quotes and bookmark noise (DOCX text).
"""

from __future__ import annotations

import textwrap

from difftool.model import BlockKind, HeaderField, Letter

SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def _curly(text: str) -> str:
    out = []
    double_open = True
    for i, ch in enumerate(text):
        if ch == '"':
            out.append("\u201c" if double_open else "\u201d")
            double_open = not double_open
        elif ch == "'":
            prev = text[i - 1] if i else " "
            out.append("\u2019" if prev.isalnum() else "\u2018")
        else:
            out.append(ch)
    return "".join(out)


def _header_lines(letter: Letter) -> list[str]:
    return [b.text for b in letter.blocks if b.kind is BlockKind.HEADER]


def _body(letter: Letter) -> list[tuple[str, tuple[int, ...], BlockKind]]:
    return [(b.text, b.footnotes, b.kind) for b in letter.blocks if b.kind is not BlockKind.HEADER]


def _bullet(kind: BlockKind, text: str) -> str:
    return f"- {text}" if kind is BlockKind.LIST_ITEM else text


def as_markdown_pdf(letter: Letter, page_every: int = 5) -> str:
    """Blank-line paragraphs, superscript markers, footnote bodies at each 'page' foot, and every
    page break cutting the paragraph it falls in (the second half starts in lower case)."""
    bodies = {f.number: f.text for f in letter.footnotes}
    out: list[str] = [""]
    for line in _header_lines(letter):
        out.extend([line, ""])
    pending: list[int] = []
    for n, (text, refs, kind) in enumerate(_body(letter)):
        marked = text + "".join(str(r).translate(SUPERSCRIPT) for r in refs)
        pending.extend(r for r in refs if r in bodies)
        if n % page_every == page_every - 1 and kind is BlockKind.PARAGRAPH and len(text) > 200:
            words = marked.split(" ")
            cut = len(words) // 2
            while cut < len(words) - 1 and not words[cut][:1].islower():
                cut += 1
            out.append(" ".join(words[:cut]))
            out.append("")
            for r in pending:
                out.append(f"{str(r).translate(SUPERSCRIPT)} {bodies[r]}")
                out.append("")
            pending = []
            out.append(" ".join(words[cut:]))
        else:
            out.append(_bullet(kind, marked))
        out.append("")
    for r in pending:
        out.append(f"{str(r).translate(SUPERSCRIPT)} {bodies[r]}")
        out.append("")
    return "\n".join(out)


def as_pdf_text(letter: Letter, width: int = 92) -> str:
    """Hard-wrapped lines with trailing spaces, glued digit markers, footnote bodies at page ends
    (``N text``), the next page starting with a space."""
    bodies = {f.number: f.text for f in letter.footnotes}
    out: list[str] = []
    for line in _header_lines(letter):
        out.extend([line, ""])
    pending: list[int] = []
    for n, (text, refs, kind) in enumerate(_body(letter)):
        marked = text + "".join(str(r) for r in refs)
        pending.extend(r for r in refs if r in bodies)
        if kind is BlockKind.LIST_ITEM:
            marked = "\u2022 " + marked
        lines = textwrap.wrap(marked, width=width, break_on_hyphens=False, break_long_words=False)
        out.extend(ln + " " for ln in lines)
        out.append("")
        if n % 6 == 5 and pending:
            for r in pending:
                out.append(f"{r} {bodies[r]} ")
            pending = []
            out.append(" ")
    for r in pending:
        out.append(f"{r} {bodies[r]} ")
    return "\n".join(out)


def as_docx_text(letter: Letter) -> str:
    """One paragraph per line, ``[footnoteRef:N]`` markers with ``[N:  body]`` after the
    paragraph, curly quotes, bookmark noise, tab-separated header."""
    bodies = {f.number: f.text for f in letter.footnotes}
    out: list[str] = []
    header = {b.field: b.text for b in letter.blocks if b.kind is BlockKind.HEADER}
    if HeaderField.DOSSIER in header:
        out.append(f"{header.pop(HeaderField.DOSSIER)}\t\t{header.pop(HeaderField.TITLE, '')}".rstrip())
    out.extend(header.values())
    out.append("")
    for n, (text, refs, kind) in enumerate(_body(letter)):
        marks = "".join(f"[footnoteRef:{r}]" for r in refs)
        inline = "".join(f" [{r}:  {_curly(bodies[r])}] " for r in refs if r in bodies)
        noise = f"[bookmark: _Hlk2297579{n:02d}]" if n % 7 == 3 else ""
        out.append(noise + _curly(text) + marks + inline)
        if kind is BlockKind.PARAGRAPH:
            out.append("")
    return "\n".join(out)
