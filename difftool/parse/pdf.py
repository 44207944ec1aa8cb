"""A published PDF letter, read with its layout (PDFium or pdfminer): what a generic extractor gets wrong.

A text extractor flattens a page into lines and leaves the reader guessing; the layout tells:

- a footnote marker is a run of digits set smaller and raised above the line's baseline, so
  ``radicalisering¹`` is a marker and ``nr. 1`` is not;
- the footnote zone is the run of small-type lines at the foot of a page that starts with a
  footnote number; a body that runs on to the next page's zone continues there;
- running headers and footers repeat at the same height on several pages (or are a page number)
  and are moved to ``Letter.furniture``;
- a paragraph ends where the vertical gap widens, the type changes (bold, size), a list item or an
  indented first line starts, or a line stops short although the next word would have fitted;
  otherwise it runs on, also across pages and columns;
- a line-end hyphen is dropped when the joined word is a Dutch word (``ver-`` + ``keer``), kept
  where it is a real hyphen (``EU-`` + ``lidstaten``).

Offsets index the extracted text: one printed line per line, ``\\f`` before each new page,
markers as ``[^N]`` (docs/inputs.md).
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from difftool.limits import MEMORY_LIMIT, TIME_LIMIT
from difftool.model import Flavour, Letter
from difftool.parse.common import (
    EDGE_NUMBER,
    FURNITURE,
    HEADER_LINES,
    HYPHENS,
    PAGE_NUMBER,
    SENTENCE_END,
    Para,
    build_letter,
    join_lines,
)
from difftool.parse.extracted import ExtractedText, without_spans
from difftool.pdfchild import Child, is_pdf, start
from difftool.pdfchild import backend as library
from difftool.pdfread import Page
from difftool.sources import InputError, read_bytes
from difftool.text import Mapped

SMALLER_BY = 0.5
"""A line set at least this many points below the body size is small type (footnotes, footers):
notes are set one to three points smaller than the text, 9 on 10 as often as 8 on 11."""
_BULLETS = "\u2022\u25cf\u25aa\u25a0\u2013\u2012\u2014-\u00b7\uf0b7\uf0a7\uf0d8\u2023\u25e6"
_PRIVATE_BULLETS = ("\uf0b7", "\uf0a7", "\uf0d8", "\u25aa", "\u25a0", "\u00b7", "\u2023", "\u25e6")
_LIST_START = re.compile(rf"^(?:[{re.escape(_BULLETS)}]\s|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}})[.)]\s)")
_MARKER = re.compile(r"^\d{1,3}(?:[,\u2009 ]+\d{1,3})*$")


def read_pdf(path: str, backend: str | None = None) -> tuple[Letter, str]:
    """Read a .pdf file: the Letter, and the extracted text its offsets index (docs/inputs.md).
    ``backend``: ``pdfium`` or ``pdfplumber``; None: the environment's (BACKEND_VARIABLE), else
    the first installed."""
    reading = PdfReading(path, backend)
    try:
        return reading.letter()
    finally:
        reading.close()


class PdfReading:
    """A PDF whose pages are being read: the child process starts when this is made, so the
    caller can read its other input meanwhile; :meth:`letter` waits for it. Errors (not a PDF,
    no such file) are raised by :meth:`letter`, so inputs fail in the order they are used.

    A PDF library inflates compressed streams whole, so a small file can ask for gigabytes or
    hours; the child (``difftool.pdfread``, a fresh interpreter, so this is safe from the review
    TUI's worker thread too) is capped with RLIMIT_AS and stopped TIME_LIMIT seconds after it
    started, and either becomes one InputError line.
    """

    def __init__(self, path: str, backend: str | None = None) -> None:
        self.path = path
        self._error: InputError | None = None
        self._child: Child | None = None
        self._done: tuple[Letter, str] | None = None
        try:
            backend = backend or _backend()
            data = read_bytes(path)
            if not is_pdf(data):
                raise InputError(f"{path}: not a PDF file (no %PDF header)")
        except InputError as exc:
            self._error = exc
            return
        self._child = start(data, backend, MEMORY_LIMIT)

    def letter(self) -> tuple[Letter, str]:
        if self._done is None:
            pages = self._pages()
            if sum(len(w["text"]) for page in pages for w in page.words) < 20:
                raise InputError(
                    f"{self.path}: the PDF has no text layer (a scan?); run OCR on it first, e.g. with ocrmypdf"
                )
            self._done = _Layout(self.path, pages).letter()
        return self._done

    def close(self) -> None:
        """Stop the child if it still runs (an error elsewhere ended the comparison)."""
        if self._child is not None:
            self._child.stop()

    def _pages(self) -> list[Page]:
        import pickle
        import subprocess
        import time

        if self._error is not None:
            raise self._error
        assert self._child is not None
        proc = self._child.proc
        try:
            out, _ = proc.communicate(timeout=max(0.0, self._child.started + TIME_LIMIT - time.monotonic()))
        except subprocess.TimeoutExpired:
            self._child.stop()
            raise InputError(f"{self.path}: reading the PDF took longer than {TIME_LIMIT:.0f} s; stopped") from None
        ok_exit = proc.returncode == 0 and out
        result: tuple[bool, Any] = pickle.loads(out) if ok_exit else (False, "")
        ok, payload = result
        if ok:
            pages: list[Page] = payload
            return pages
        if payload:
            raise InputError(f"{self.path}: {payload}")
        raise InputError(
            f"{self.path}: reading the PDF needed more than {MEMORY_LIMIT // 1024**2} MB of memory "
            "(a decompression bomb?); stopped"
        )


def _backend() -> str:
    try:
        return library()
    except ValueError as exc:
        raise InputError(str(exc)) from None


# --- lines -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    page: int
    words: list[dict[str, Any]]
    size: float = 0.0
    baseline: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    bold: bool = False
    text: Mapped = field(default_factory=lambda: Mapped("", ()))
    markers: list[tuple[int, int, tuple[int, ...]]] = field(default_factory=list)
    """(start, end, numbers) of each superscript marker within ``text``."""
    lead_sup: bool = False
    """Starts with a superscript number (a footnote body's number)."""
    reach: float = 0.0
    """While lines are found: the right end of the line's rightmost word."""


def _cluster_lines(words: list[dict[str, Any]], page: int) -> list[_Line]:
    """Group words into printed lines by vertical overlap. Larger type goes first, so a raised
    marker finds the line it belongs to instead of starting one of its own. A word joins the
    first line (in the order lines were started) it overlaps enough; only lines whose span can
    overlap the word's are tried (``spans``: each line's top, which stays as its first word set it)."""
    lines: list[_Line] = []
    spans: list[tuple[float, int]] = []
    tallest = 0.0
    for w in sorted(words, key=lambda w: (-round(w["size"], 1), w["top"], w["x0"])):
        height = w["bottom"] - w["top"]
        lo = bisect.bisect_left(spans, (w["top"] - tallest - 1.0, -1))
        hi = bisect.bisect_right(spans, (w["bottom"] + 1.0, len(lines)))
        for index in sorted(i for _, i in spans[lo:hi]):
            ln = lines[index]
            overlap = min(ln.bottom, w["bottom"]) - max(ln.top, w["top"])
            if overlap >= 0.5 * min(height, ln.bottom - ln.top) and not _collides(ln, w):
                ln.words.append(w)
                ln.reach = max(ln.reach, w["x1"])
                break
        else:
            bisect.insort(spans, (w["top"], len(lines)))
            lines.append(_Line(page, [w], top=w["top"], bottom=w["bottom"], reach=w["x1"]))
            tallest = max(tallest, height)
    for ln in lines:
        _measure(ln)
    return sorted(lines, key=lambda ln: ln.baseline)


def _collides(ln: _Line, w: dict[str, Any]) -> bool:
    """A word that overlaps a word of the line horizontally is on a line above or below it.
    (A word that starts where the line's words end overlaps none: words come left to right.)"""
    if w["x0"] >= ln.reach - 1:
        return False
    return any(min(w["x1"], o["x1"]) - max(w["x0"], o["x0"]) > 1 for o in ln.words)


def _measure(ln: _Line) -> None:
    ln.words.sort(key=lambda w: w["x0"])
    by_size = Counter[float]()
    for w in ln.words:
        by_size[round(w["size"], 1)] += len(w["text"])
    ln.size = by_size.most_common(1)[0][0]
    ln.baseline = statistics.median(w["bottom"] for w in ln.words if round(w["size"], 1) == ln.size)
    ln.x0, ln.x1 = ln.words[0]["x0"], max(w["x1"] for w in ln.words)
    ln.top, ln.bottom = min(w["top"] for w in ln.words), max(w["bottom"] for w in ln.words)
    body = [w for w in ln.words if not _is_sup(w, ln)]
    ln.bold = bool(body) and all(_bold(w["fontname"]) for w in body)


def _is_sup(w: dict[str, Any], ln: _Line) -> bool:
    return bool(w["size"] < 0.85 * ln.size and w["bottom"] < ln.baseline - 0.12 * ln.size)


def _bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.IGNORECASE))


def _line_text(ln: _Line) -> tuple[str, list[tuple[int, int, tuple[int, ...]]], bool]:
    """The line's text with superscript digit runs written ``[^N]``, and their spans."""
    out = ""
    markers: list[tuple[int, int, tuple[int, ...]]] = []
    prev: dict[str, Any] | None = None
    for w in ln.words:
        sup = _is_sup(w, ln)
        text = w["text"]
        if prev is not None and not sup and w["x0"] - prev["x1"] > 0.12 * max(w["size"], prev["size"]):
            out += " "
        if sup and _MARKER.match(text):
            numbers = tuple(int(n) for n in re.findall(r"\d+", text))
            label = "".join(f"[^{n}]" for n in numbers)
            markers.append((len(out), len(out) + len(label), numbers))
            text = label
        if not out and text in _PRIVATE_BULLETS:
            text = "\u2022"  # a Symbol-font bullet, as build_letter knows bullets
        out += text
        prev = w
    lead_sup = bool(markers) and markers[0][0] == 0
    return out, markers, lead_sup


# --- the whole document ----------------------------------------------------------------------


class _Layout:
    """Lines of every page, classified as furniture, footnote zone or body, then paragraphs."""

    def __init__(self, path: str, pages: list[Page]) -> None:
        self.path = path
        self.out = ExtractedText()
        self.heights = [p.height for p in pages]
        self.rules = [p.rules for p in pages]
        self.pages: list[list[_Line]] = []
        for number, page in enumerate(pages, start=1):
            lines = _cluster_lines(page.words, number)
            for i, ln in enumerate(lines):
                text, ln.markers, ln.lead_sup = _line_text(ln)
                ln.text = self.out.add_line(text, prefix="\f" if number > 1 and i == 0 else "")
            self.pages.append(lines)
        sizes = Counter[float]()
        for ln in (ln for lines in self.pages for ln in lines):
            sizes[ln.size] += len(ln.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 10.0

    def letter(self) -> tuple[Letter, str]:
        furniture = self._furniture()
        bodies, body_lines = self._footnotes(furniture)
        paras = _Paragraphs(body_lines, self.body_size).paras()
        names = tuple(
            dict.fromkeys("page numbers" if PAGE_NUMBER.match(t) else t for t in map(_running_text, furniture))
        )
        letter = build_letter(self.path, "pdf", Flavour.PDF, paras, bodies, names)
        return replace(letter, line_starts=self.out.line_starts()), self.out.text()

    def _furniture(self) -> list[_Line]:
        """Lines near the top or foot of a page that are a page number, a Kamerstuk running head,
        or repeat at the same height on other pages."""
        candidates = [
            ln
            for lines, height in zip(self.pages, self.heights)
            for ln in lines
            if (ln.bottom < 0.12 * height or ln.top > 0.88 * height) and not ln.lead_sup
        ]
        seen = Counter(_furniture_key(ln) for ln in candidates)
        return [
            ln
            for ln in candidates
            if PAGE_NUMBER.match(ln.text.text) or FURNITURE.match(ln.text.text) or seen[_furniture_key(ln)] > 1
        ]

    def _zone(self, kept: list[_Line], rules: list[float]) -> int:
        """Where a page's footnote zone starts: below a separator rule, else the small-type tail."""
        for rule in reversed(rules):
            below = next((i for i, ln in enumerate(kept) if ln.top >= rule - 1), len(kept))
            if below < len(kept) and kept[below].size <= self.body_size:
                return below
        cut = len(kept)
        while cut > 0 and self._small(kept[cut - 1]):
            cut -= 1
        return cut

    def _small(self, ln: _Line) -> bool:
        return ln.size <= self.body_size - SMALLER_BY

    def _footnotes(self, furniture: list[_Line]) -> tuple[dict[int, Mapped], list[_Line]]:
        """Take the footnote zone off each page's foot; return the bodies and the body lines."""
        skip = {id(ln) for ln in furniture}
        cited = {n for lines in self.pages for ln in lines for _, _, ns in ln.markers if not ln.lead_sup for n in ns}
        bodies: dict[int, list[Mapped]] = {}
        body_lines: list[_Line] = []
        last: int | None = None
        for lines, rules in zip(self.pages, self.rules):
            kept = [ln for ln in lines if id(ln) not in skip]
            zone_at = self._zone(kept, rules)
            zone = kept[zone_at:]
            start = next((i for i, ln in enumerate(zone) if _note_number(ln, cited, last) is not None), None)
            if zone and start != 0 and last is not None and self._small(zone[0]):
                start = 0  # a footnote continued from the previous page, before this page's own, if any
            if start is None:
                body_lines.extend(kept)
                continue
            body_lines.extend(kept[: zone_at + start])
            for ln in zone[start:]:
                number = _note_number(ln, cited, last)
                if number is not None:
                    last = number
                    bodies[number] = [_after_number(ln)]
                elif last is not None:
                    bodies[last].append(ln.text)
        return {n: join_lines(lines) for n, lines in bodies.items()}, body_lines


def _running_text(ln: _Line) -> str:
    """A running header or footer without the page number it carries."""
    return EDGE_NUMBER.sub("", ln.text.text) or ln.text.text


def _furniture_key(ln: _Line) -> tuple[str, int]:
    return _running_text(ln), round(ln.baseline / 4)


def _note_number(ln: _Line, cited: set[int], last: int | None) -> int | None:
    """The footnote number a zone line starts with, superscript or plain, if it is plausible."""
    if ln.lead_sup:
        return ln.markers[0][2][0]
    m = re.match(r"^(\d{1,3})\s+\S", ln.text.text)
    if m and (int(m.group(1)) in cited or int(m.group(1)) == (last or 0) + 1):
        return int(m.group(1))
    return None


def _after_number(ln: _Line) -> Mapped:
    if ln.lead_sup:
        return ln.text.slice(ln.markers[0][1]).collapse()
    return ln.text.slice(len(ln.text.text.split(None, 1)[0])).collapse()


class _Paragraphs:
    """Body lines, in reading order over all pages, cut into paragraphs."""

    def __init__(self, lines: list[_Line], body_size: float) -> None:
        self.lines = lines
        body = [ln for ln in lines if ln.size == body_size]
        self.left = _mode(ln.x0 for ln in body) if body else 0.0
        self.right = _percentile([ln.x1 for ln in body], 0.95) if body else 0.0
        steps = [
            b.baseline - a.baseline
            for a, b in itertools.pairwise(body)
            if a.page == b.page and 0 < b.baseline - a.baseline < 2.5 * body_size
        ]
        self.leading = statistics.median(steps) if steps else 1.2 * body_size

    def paras(self) -> list[Para]:
        groups: list[list[_Line]] = []
        for ln in self.lines:
            if groups and not self._breaks(groups[-1], ln):
                groups[-1].append(ln)
            else:
                groups.append([ln])
        return [p for p in (self._para(g) for g in groups) if p.text.text]

    def _breaks(self, group: list[_Line], ln: _Line) -> bool:
        """Does ``ln`` start a new paragraph after ``group``?"""
        prev = group[-1]
        text = ln.text.text
        if _LIST_START.match(text) or prev.bold != ln.bold or abs(prev.size - ln.size) > 0.5:
            return True
        if any(r.match(text) for r in HEADER_LINES):  # the addressee, the date: lines of their own
            return True
        if ln.page == prev.page and ln.baseline - prev.baseline > 1.4 * max(self.leading, ln.size):
            return True
        if ln.page != prev.page and SENTENCE_END.search(prev.text.text) and text[:1].isupper():
            return True
        first_word = ln.words[0]["x1"] - ln.words[0]["x0"]
        if self.right - prev.x1 > first_word + 0.5 * ln.size and not prev.text.text.endswith(tuple(HYPHENS)):
            return True  # the line stopped short though the next word would have fitted
        indented = ln.x0 - self.left > 0.8 * ln.size
        at_left = abs(prev.x0 - self.left) < 2
        return indented and at_left and not _LIST_START.match(group[0].text.text)  # a first-line indent

    def _para(self, group: list[_Line]) -> Para:
        refs = tuple(n for ln in group for _, _, ns in ln.markers for n in ns)
        marks = tuple((ln.text.offsets[s], n) for ln in group for s, _, ns in ln.markers for n in ns)
        cleaned = [without_spans(ln.text, [(s, e) for s, e, _ in ln.markers]) for ln in group]
        return Para(join_lines(cleaned), refs, all(ln.bold for ln in group), group[0].page, marks)


def _mode(values: Any) -> float:
    return float(Counter(round(v) for v in values).most_common(1)[0][0])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
