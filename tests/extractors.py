"""Lay a parsed letter out on pages and extract it again as each common PDF tool would.

A tiny typesetter: the body wrapped at a page width (a word that does not fit goes to the next
line, or is hyphenated there when the lexicon knows both halves' join), each page holding a
number of lines; the bodies of the footnotes whose markers fall on a page sit at its foot; a
running footer with the page number closes each page. Then the page is written the way one
extractor writes it:

- ``pdftotext``: no blank lines inside the body, markers as `` 1`` after punctuation or glued to
  the word, bodies ``1 Kamerstuk …``, the footer, a form feed;
- ``layout`` (``pdftotext -layout``): a left margin of spaces, the number of a footnote on its own
  line and the body indented under it, blank lines between paragraphs, form feeds;
- ``pdfminer``: blank lines between paragraphs and bodies, trailing spaces, glued markers,
  form feeds;
- ``viewer`` (a copy from a PDF viewer): like pdfminer but no form feeds, so only the running
  footer tells where a page ends;
- ``raw-stream`` (seed 004's kind): no form feeds and no footer; a page's first line starts with
  a space;
- ``content-stream`` (raw ``pdftotext`` of a LibreOffice PDF, which follows the content stream):
  a broken word's hyphen dropped and the line run together with the next; at a page's foot the
  word's first half glued to what the stream holds next (the first footnote number or body, or
  the footer); the footnote numbers apart from their bodies, before them or after them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from difftool.lexicon import known
from difftool.model import BlockKind, Letter

STYLES = ("pdftotext", "layout", "pdfminer", "viewer", "raw-stream", "content-stream")


@dataclass(frozen=True)
class Layout:
    width: int
    """Characters per body line."""
    lines: int
    """Body and footnote lines per page."""
    style: str
    seed: int = 0


def _wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping; a long word that does not fit may be hyphenated where a lexicon knows it."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            room = width - len(line) - 2
            cut = next(
                (
                    k
                    for k in range(min(room, len(word) - 4), 3, -1)
                    if word[:k].isalpha() and word[k:].isalpha() and word[k - 1].islower() and known(word)
                ),
                0,
            )
            if cut:
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
            else:
                lines.append(line)
                line = word
    if line:
        lines.append(line)
    return lines


def _marked(text: str, refs: tuple[int, ...], style: str, rng: random.Random) -> str:
    """The block's text with its markers after it, as the extractor prints a superscript."""
    if not refs:
        return text
    digits = "".join(str(r) for r in refs)
    spaced = style in ("pdftotext", "layout") and text[-1:] in ".,;:)" and rng.random() < 0.7
    return f"{text} {digits}" if spaced else f"{text}{digits}"


_SENTINEL = "\ue000"
"""Stands before a marker's digits while a block is wrapped, so each line knows its markers."""
_SENTINEL_RE = re.compile(_SENTINEL + r"(\d+)")


def _in_place(text: str, markers: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each marker's number glued to the word it follows (a sentinel before it)."""
    for at, n in sorted(markers, reverse=True):
        text = f"{text[:at]}{_SENTINEL}{n}{text[at:]}"
    return text


def extract(letter: Letter, layout: Layout, footer: str, in_place: bool = False) -> str:
    """The letter laid out by ``layout`` and written as ``layout.style`` writes it. The markers
    stand after the block's text, or (``in_place``) where ``Block.markers`` puts them, glued to
    their word, each footnote's body on the page of the line its marker is on."""
    rng = random.Random(layout.seed)
    bodies = {f.number: f.text for f in letter.footnotes}
    paras: list[tuple[list[str], list[tuple[int, ...]]]] = []
    for b in letter.blocks:
        text = _in_place(b.text, b.markers) if in_place else b.text
        if b.kind is BlockKind.LIST_ITEM:
            text = "\u2022 " + text
        lines = _wrap(text, layout.width)
        if in_place:
            refs = [tuple(int(n) for n in _SENTINEL_RE.findall(line)) for line in lines]
            lines = [line.replace(_SENTINEL, "") for line in lines]
        else:
            lines[-1] = _marked(lines[-1], b.footnotes, layout.style, rng)  # a marker stays with its word
            refs = [()] * (len(lines) - 1) + [b.footnotes]
        paras.append((lines, refs))
    pages: list[tuple[list[str], list[int]]] = [([], [])]
    for lines, line_refs in paras:
        for line, refs in zip(lines, line_refs):
            body, notes = pages[-1]
            need = len(body) + 1 + sum(1 + len(bodies.get(n, "")) // layout.width for n in notes)
            if need > layout.lines and body:
                pages.append(([], []))
                body, notes = pages[-1]
            body.append(line)
            notes.extend(n for n in refs if n in bodies)
        if layout.style in ("layout", "pdfminer", "viewer", "raw-stream"):
            pages[-1][0].append("")
    out: list[str] = []
    for number, (body, notes) in enumerate(pages, start=1):
        out.append(_page(body, [(n, bodies[n]) for n in notes], layout, footer, number))
    sep = "\f" if layout.style in ("pdftotext", "layout", "pdfminer", "content-stream") else "\n"
    return sep.join(out)


def _page(body: list[str], notes: list[tuple[int, str]], layout: Layout, footer: str, number: int) -> str:
    if layout.style == "content-stream":
        return _content_stream(body, notes, layout, footer, number)
    style = layout.style
    lines = list(body)
    while lines and not lines[-1]:
        lines.pop()
    if style == "raw-stream" and number > 1 and lines:
        lines[0] = " " + lines[0]
    if notes and style in ("layout", "pdfminer", "viewer", "raw-stream"):
        lines.append("")
    for n, text in notes:
        wrapped = _wrap(text, layout.width + 10)
        if style == "layout":
            lines.append(f"{n}")
            lines.extend("   " + w for w in wrapped)
        else:
            lines.append(f"{n} {wrapped[0]}")
            lines.extend(wrapped[1:])
        if style in ("pdfminer", "viewer"):
            lines.append("")
    if style != "raw-stream":
        lines.append("")
        lines.append(f"{footer} {number}")
    if style == "layout":
        lines = ["      " + ln if ln else ln for ln in lines]
    if style in ("pdfminer", "viewer"):
        lines = [ln + " " if ln else ln for ln in lines]
    return "\n".join(lines) + "\n"


def _content_stream(body: list[str], notes: list[tuple[int, str]], layout: Layout, footer: str, number: int) -> str:
    """A page as raw pdftotext writes a LibreOffice PDF: in content-stream order."""
    rng = random.Random(layout.seed * 1000 + number)
    zone: list[str] = []
    numbers = [str(n) for n, _ in notes]
    texts = [" ".join(_wrap(text, layout.width + 10)) for _, text in notes]
    if notes and rng.random() < 0.5:
        zone = numbers + texts  # the numbers first, then the bodies
    elif notes:
        zone = texts + numbers  # the bodies, then their numbers
    after = [*zone, "", f"{footer}", "", str(number)]
    lines: list[str] = []
    for line in [ln for ln in body if ln]:
        if lines and lines[-1].endswith("-") and lines[-1][-2:-1].isalpha():
            lines[-1] = lines[-1][:-1] + line  # the hyphen dropped, the next line run on
        else:
            lines.append(line)
    if lines and lines[-1].endswith("-") and lines[-1][-2:-1].isalpha():
        lines[-1] = lines[-1][:-1] + after.pop(0)  # glued to what the stream holds next
    return "\n".join([*lines, *after]) + "\n"
