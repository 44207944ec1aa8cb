"""One parser per text flavour: cut the text into paragraphs and collect footnote bodies.

Each returns ``(paras, bodies, furniture)`` for :func:`difftool.parse.common.build_letter`.

- markdown-ish PDF text (and plain text): blank-line separated chunks; superscript markers;
  footnote bodies ``¹ …`` at each page foot, often in the middle of a paragraph that a page break
  split, so a chunk that ends mid-sentence is rejoined with the next body chunk.
- DOCX text: one paragraph per line, ``[footnoteRef:N]`` markers, bodies ``[N:  …]`` inline.
- raw PDF text: hard-wrapped lines, glued digit markers (``radicalisering.1 Daarnaast``), bodies
  ``1 Conform …`` at page ends, a new page's first line starting with a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from difftool.parse.common import FURNITURE, Para, strip_markup, unwrap
from difftool.text import Mapped

SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_SUP_TO_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPTS)}
_SUP_MARKER = re.compile(f"[{SUPERSCRIPTS}]+")
_SUP_BODY = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$", re.S)
_TERMINAL = re.compile(r"[.!?:;)\"'\u201d\u2019]\s*$")

Parsed = tuple[list[Para], dict[int, Mapped], tuple[str, ...]]


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
    return int("".join(_SUP_TO_DIGIT[c] for c in s))


def _sup_markers(m: Mapped) -> tuple[Mapped, tuple[int, ...]]:
    refs = tuple(_sup_value(x.group(0)) for x in _SUP_MARKER.finditer(m.text))
    return m.sub(_SUP_MARKER, ""), refs


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
            cleaned, refs = _sup_markers(strip_markup(raw))
            cleaned = cleaned.collapse()
            if not cleaned.text:
                continue
            para = Para(cleaned, refs, strong)
            if paras and _continues(paras[-1], para, gap_after_footnotes):
                prev = paras[-1]
                sep = "" if prev.text.text.endswith("-") else " "
                paras[-1] = Para(
                    Mapped.join([prev.text, para.text], sep), prev.refs + para.refs, prev.strong, prev.page
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
        refs = tuple(int(x) for x in _FOOTNOTE_REF.findall(rest.text))
        rest = rest.sub(_FOOTNOTE_REF, "")
        for cell in _tab_cells(rest):
            cleaned = strip_markup(cell).collapse()
            if not cleaned.text:
                continue
            if FURNITURE.match(cleaned.text) and not cleaned.text.strip().isdigit():
                furniture.append(cleaned.text)
                continue
            paras.append(Para(cleaned, refs))
            refs = ()
    return paras, bodies, tuple(furniture)


def _tab_cells(line: Mapped) -> list[Mapped]:
    """Header lines of DOCX extractions put two fields on one line, tab-separated
    (``32 317\\t\\tJBZ-Raad``, ``Nr. 948\\tBrief van …``); body lines keep their tabs."""
    parts = re.split(r"\t+", line.text)
    if len(parts) == 2 and len(parts[0].strip()) <= 12 and re.match(r"^(?:\d{2} ?\d{3}|Nr\.)", parts[0].strip()):
        cut = line.text.index("\t")
        tail = cut + len(line.text[cut:]) - len(line.text[cut:].lstrip("\t"))
        return [line.slice(0, cut), line.slice(tail)]
    return [line]


# --- raw PDF text ----------------------------------------------------------------------------

_GLUED_MARKER = re.compile(r"(?<=[^\W\d_]|[.,;:)\]\"'\u201d\u2019])(\d{1,12})(?=\s|$)")
_FOOT_LINE = re.compile(r"^(\d{1,3}) (\S.*)$")


def parse_pdf_text(text: str) -> Parsed:
    lines = list(lines_of(text))
    widths = sorted(len(ln.text.rstrip()) for ln in lines if len(ln.text.strip()) > 20)
    full = widths[int(len(widths) * 0.8)] if widths else 80
    short = full * 0.75

    paras: list[Para] = []
    bodies: dict[int, Mapped] = {}
    furniture: list[str] = []
    current: list[Mapped] = []
    refs: list[int] = []
    next_marker = 1
    body_no: int | None = None
    gap_after_footnotes = False
    pending: set[int] = set()

    def flush() -> None:
        nonlocal current, refs, gap_after_footnotes
        if current:
            cleaned = strip_markup(unwrap(current)).collapse()
            if cleaned.text:
                para = Para(cleaned, tuple(refs))
                if paras and _continues(paras[-1], para, gap_after_footnotes):
                    prev = paras[-1]
                    paras[-1] = Para(Mapped.join([prev.text, para.text], " "), prev.refs + para.refs)
                else:
                    paras.append(para)
                gap_after_footnotes = False
        current, refs = [], []

    for line in lines:
        raw = line.text
        stripped = raw.strip()
        if not stripped:
            if body_no is None:
                flush()
            body_no = None
            continue
        foot = _FOOT_LINE.match(raw)
        if foot and int(foot.group(1)) in pending and not raw.startswith(" "):
            flush()
            body_no = int(foot.group(1))
            pending.discard(body_no)
            start = line.text.index(foot.group(2))
            bodies[body_no] = line.slice(start).collapse()
            gap_after_footnotes = True
            continue
        if body_no is not None:
            if raw.startswith(" "):  # a new page resumes the body
                body_no = None
            else:
                bodies[body_no] = unwrap([bodies[body_no], line])
                continue
        if FURNITURE.match(raw) and not current:
            furniture.append(stripped)
            continue
        cleaned, found, next_marker = _glued_markers(line, next_marker)
        pending.update(found)
        refs.extend(found)
        # a short line closes its paragraph (last line, or a heading)
        if current and _opens_new(current[-1].text, raw, short):
            flush()
        current.append(cleaned)
        if len(raw.rstrip()) < short and not raw.rstrip().endswith("-"):
            flush()
    flush()
    return paras, bodies, tuple(furniture)


def _marker_run(digits: str, expected: int) -> list[int]:
    """The footnote numbers a glued run of digits stands for: the next expected number, or
    several consecutive ones printed together ("gedeeld.12" = 1 and 2); [] when it is a number."""
    run: list[int] = []
    pos, n = 0, expected
    while pos < len(digits):
        want = str(n)
        if not digits.startswith(want, pos):
            return []
        run.append(n)
        pos += len(want)
        n += 1
    return run


def _glued_markers(line: Mapped, expected: int) -> tuple[Mapped, list[int], int]:
    """Take glued footnote markers out of a raw PDF line: (cleaned line, numbers, next expected)."""
    found: list[int] = []

    def take(m: re.Match[str]) -> str:
        run = _marker_run(m.group(1), expected + len(found))
        found.extend(run)
        return "" if run else m.group(0)

    return line.sub(_GLUED_MARKER, take), found, expected + len(found)


def _opens_new(prev: str, line: str, short: float) -> bool:
    return bool(re.match(r"^\s*(?:[-\u2022\u25cf]\s|\d+\.\s+[A-Z])", line))
