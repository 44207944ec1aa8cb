"""One parser per text flavour: cut the text into paragraphs and collect footnote bodies.

Each returns ``(paras, bodies, furniture)`` for :func:`difftool.parse.common.build_letter`.

- markdown-ish PDF text (and plain text): blank-line separated chunks; superscript markers;
  footnote bodies ``¹ …`` at each page foot, often in the middle of a paragraph that a page break
  split, so a chunk that ends mid-sentence is rejoined with the next body chunk.
- DOCX text: one paragraph per line, ``[footnoteRef:N]`` markers, bodies ``[N:  …]`` inline.

Text that a PDF tool extracted (pdftotext, pdfminer, a viewer's copy) has a reader of its own,
:mod:`difftool.parse.pdftext`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from difftool.parse.common import (
    FURNITURE,
    HYPHENS,
    SUPERSCRIPT_DIGIT,
    SUPERSCRIPTS,
    Para,
    Parsed,
    strip_markup,
    unwrap,
)
from difftool.text import Mapped

_SUP_MARKER = re.compile(f"[{SUPERSCRIPTS}]+")
_SUP_BODY = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$", re.S)
_TERMINAL = re.compile(r"[.!?:;)\"'\u201d\u2019]\s*$")


def lines_of(text: str, start: int = 0, end: int | None = None) -> Iterator[Mapped]:
    """The lines of ``text[start:end]`` as Mapped values (line ends excluded, CR ignored)."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line_end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        yield Mapped(text[pos:line_end], tuple(range(pos, line_end)))
        pos = stop + 1


def chunks(text: str) -> list[list[Mapped]]:
    """Blank-line separated groups of lines."""
    out: list[list[Mapped]] = [[]]
    for line in lines_of(text):
        if line.text.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [c for c in out if c]


def _sup_value(s: str) -> int:
    return int("".join(SUPERSCRIPT_DIGIT[c] for c in s))


def _sup_markers(m: Mapped) -> tuple[Mapped, tuple[int, ...], tuple[tuple[int, int], ...]]:
    """``m`` without its superscript markers, their numbers, and where each stood (file offset)."""
    found = [(m.offsets[x.start()], _sup_value(x.group(0))) for x in _SUP_MARKER.finditer(m.text)]
    return m.sub(_SUP_MARKER, ""), tuple(n for _, n in found), tuple(found)


def _split_list_lines(lines: list[Mapped]) -> list[list[Mapped]]:
    """A chunk whose lines start with bullets holds one list item per bullet."""
    if not any(re.match(r"^\s*[-\u2022\u25cf]\s", ln.text) for ln in lines):
        return [lines]
    groups: list[list[Mapped]] = []
    for ln in lines:
        if re.match(r"^\s*[-\u2022\u25cf]\s", ln.text) or not groups:
            groups.append([ln])
        else:
            groups[-1].append(ln)
    return groups


def parse_markdown(text: str) -> Parsed:
    """Markdown-ish PDF text, and plain blank-line separated text."""
    paras: list[Para] = []
    bodies: dict[int, Mapped] = {}
    furniture: list[str] = []
    # (para, separated_by_footnotes) so page-break halves can be rejoined
    gap_after_footnotes = False
    for chunk in chunks(text):
        joined = "\n".join(ln.text for ln in chunk)
        if len(chunk) == 1 and FURNITURE.match(joined) and not re.match(r"^\s*\d{1,3}\s*$", joined):
            furniture.append(joined.strip())
            continue
        body = _SUP_BODY.match(joined)
        if body:
            number = _sup_value(body.group(1))
            lines = list(chunk)
            first = lines[0]
            skip = first.text.index(body.group(2)[:1], len(body.group(1)) - 1) if body.group(2) else 0
            lines[0] = first.slice(skip)
            bodies[number] = strip_markup(unwrap(lines))
            gap_after_footnotes = True
            continue
        for group in _split_list_lines(chunk):
            raw = unwrap(group)
            strong = raw.text.startswith("**") or bool(re.match(r"^[-\u2022]\s+(?:[a-z]\.\s+)?\*\*", raw.text))
            cleaned, refs, marks = _sup_markers(strip_markup(raw))
            cleaned = cleaned.collapse()
            if not cleaned.text:
                continue
            para = Para(cleaned, refs, strong, marks=marks)
            if paras and _continues(paras[-1], para, gap_after_footnotes):
                prev = paras[-1]
                sep = "" if prev.text.text.endswith(tuple(HYPHENS)) else " "
                paras[-1] = Para(
                    Mapped.join([prev.text, para.text], sep),
                    prev.refs + para.refs,
                    prev.strong,
                    prev.page,
                    prev.marks + para.marks,
                )
            else:
                paras.append(para)
            gap_after_footnotes = False
    return paras, bodies, tuple(furniture)


def _continues(prev: Para, nxt: Para, after_footnotes: bool) -> bool:
    """Is ``nxt`` the second half of ``prev``, cut by a page break?"""
    p, n = prev.text.text, nxt.text.text
    if prev.strong or _TERMINAL.search(p) or len(p) < 60:
        return False
    if re.match(r"^[-\u2022]\s", n) or re.match(r"^\d+\.\s", n):
        return False
    if n[:1].islower():
        return True
    # "… de leden Brekelmans en" / "Veldkamp¹⁴, al langer …": a long paragraph that stops mid-
    # sentence before a page's footnotes, then a long paragraph: one paragraph.
    return after_footnotes and len(p) > 200 and len(n) > 80 and bool(re.search(r"\w$", p))


# --- DOCX text -------------------------------------------------------------------------------

_FOOTNOTE_REF = re.compile(r"\[(?:footnoteRef|endnoteRef):(\d+)\]")
_BODY_START = re.compile(r"\[(\d+):\s")


def _inline_bodies(line: Mapped) -> tuple[Mapped, dict[int, Mapped]]:
    """Take ``[N:  body]`` (brackets balanced) out of a DOCX line."""
    found: dict[int, Mapped] = {}
    keep: list[Mapped] = []
    pos = 0
    t = line.text
    while True:
        m = _BODY_START.search(t, pos)
        if not m:
            break
        depth, i = 1, m.end()
        while i < len(t) and depth:
            if t[i] == "[":
                depth += 1
            elif t[i] == "]":
                depth -= 1
            i += 1
        keep.append(line.slice(pos, m.start()))
        found[int(m.group(1))] = line.slice(m.end(), i - 1 if depth == 0 else i)
        pos = i
    keep.append(line.slice(pos))
    return Mapped.join(keep, ""), found


def parse_docx_text(text: str) -> Parsed:
    paras: list[Para] = []
    bodies: dict[int, Mapped] = {}
    furniture: list[str] = []
    for line in lines_of(text):
        rest, found = _inline_bodies(line)
        for n, body in found.items():
            bodies[n] = strip_markup(body).collapse()
        cited = [(rest.offsets[m.start()], int(m.group(1))) for m in _FOOTNOTE_REF.finditer(rest.text)]
        refs, marks = tuple(n for _, n in cited), tuple(cited)
        rest = rest.sub(_FOOTNOTE_REF, "")
        for cell in _tab_cells(rest):
            cleaned = strip_markup(cell).collapse()
            if not cleaned.text:
                continue
            if FURNITURE.match(cleaned.text) and not cleaned.text.strip().isdigit():
                furniture.append(cleaned.text)
                continue
            paras.append(Para(cleaned, refs, marks=marks))
            refs, marks = (), ()
    return paras, bodies, tuple(furniture)


def _tab_cells(line: Mapped) -> list[Mapped]:
    """Header lines of DOCX extractions put two fields on one line, tab-separated
    (``32 317\\t\\tJBZ-Raad``, ``Nr. 948\\tBrief van …``, an Eerste Kamer ``QE\\tBRIEF VAN …``); body lines keep their tabs."""
    parts = re.split(r"\t+", line.text)
    if (
        len(parts) == 2
        and len(parts[0].strip()) <= 12
        and re.match(r"^(?:\d{2} ?\d{3}|Nr\.|[A-Z]{1,3}$)", parts[0].strip())
    ):
        cut = line.text.index("\t")
        tail = cut + len(line.text[cut:]) - len(line.text[cut:].lstrip("\t"))
        return [line.slice(0, cut), line.slice(tail)]
    return [line]
