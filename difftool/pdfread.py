"""A PDF's words and rules per page, read in a child process under a memory cap and a time limit.

Run as ``python -m difftool.pdfread BACKEND MEMORY`` with the PDF's bytes on stdin; writes a
pickled ``(True, pages)`` or ``(False, message)`` to stdout (``difftool.parse.pdf`` starts it and
does the layout analysis on the pages). The address-space limit is set before the PDF library
runs, so a stream that inflates without end fails here, not in the caller. This module imports
nothing of difftool, so the child starts in the time of the interpreter and the PDF library.

Two backends give the same :class:`Page` (docs/inputs.md):

- ``pdfium`` (default; pypdfium2, PDFium's C++ parser): characters with their origin on the
  baseline, advance, font size and font, and the page's path objects;
- ``pdfplumber`` (pdfminer.six in Python; about ten times slower): pdfplumber's own
  ``extract_words`` with the settings of :data:`WORDS`, as the reader always had it.

For PDFium, a character's box is its advance from the pen position to the next, ``size`` high,
standing on the baseline (raised with the text rise): ``bottom`` is the baseline, ``top`` is
``bottom - size``. pdfminer places the box ``font.descent * size`` lower, with the descent its
font descriptor declares; LibreOffice declares 0 (so the two give the same boxes on its PDFs)
and PDFium has a fallback of its own for it, so the baseline is the measure both give alike. Words are made from PDFium's characters as pdfplumber's ``extract_words`` makes them
(:func:`words_from_chars`): runs of characters of one font and size, in content-stream order,
cut into lines by their top and into words at white space and at gaps wider than
``0.15 * size``.
"""

from __future__ import annotations

import itertools
import pickle
import sys
from collections.abc import Callable
from operator import itemgetter
from typing import Any, NamedTuple

from difftool.pdfchild import BACKENDS

_MODULES = {"pdfium": "pypdfium2_raw", "pdfplumber": "pdfplumber"}
MAX_PAGES = 400
"""More pages than any letter with its annexes; keeps reading time bounded."""
WORDS = {"x_tolerance_ratio": 0.15, "y_tolerance": 1.5}
"""How characters become words: a gap wider than this share of the font size ends a word; a top
more than this many points from the line's ends a line."""
_LIGATURES = {0xFB00: "ff", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB01: "fi", 0xFB02: "fl", 0xFB06: "st", 0xFB05: "st"}
"""Ligatures written out, as pdfplumber does (a str.translate table)."""
_RULE_HEIGHT = 1.5
_PDFIUM_HYPHENS = ("\x02", "\ufffe")
"""What PDFium writes for a hyphen it takes for a line-end one (GetUnicode, GetText)."""


class Refused(Exception):
    """The PDF cannot be read; the message is the one line the user sees."""


class Page(NamedTuple):
    """One page as the child hands it over (a named tuple: the child needs no dataclasses)."""

    width: float
    height: float
    words: list[dict[str, Any]]
    """Upright words: text, x0, x1, top, bottom, size, fontname."""
    rules: list[float]
    """Heights of short horizontal rules in the page's lower half: footnote separators."""


def is_rule(x0: float, top: float, x1: float, bottom: float, width: float, height: float) -> bool:
    """A footnote separator is a short rule (a line or a thin rectangle) low on the page."""
    return bottom - top < _RULE_HEIGHT and 20 < x1 - x0 < 0.5 * width and top > 0.4 * height


# --- characters to words (pdfplumber's WordExtractor, for the settings in WORDS) --------------


Char = tuple[str, float, float, float, float, float, str, bool]
"""(text, x0, x1, top, bottom, size, fontname, upright)."""


_FONT = itemgetter(5, 6, 7)
_X0 = itemgetter(1)


def words_from_chars(chars: list[Char]) -> list[dict[str, Any]]:
    """Upright words from characters in content-stream order, split where font or size changes
    so a superscript is its own word."""
    words: list[dict[str, Any]] = []
    for (size, fontname, upright), run in itertools.groupby(chars, _FONT):
        if upright:
            for line in _lines(list(run)):
                words.extend(_words(line, size, fontname))
    return words


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Cluster by top (a top within y_tolerance of the next lower one joins its cluster), each
    cluster sorted left to right (stable: content order where x0 ties)."""
    tolerance = WORDS["y_tolerance"]
    cluster: dict[float, int] = {}
    last = -float("inf")
    n = -1
    for top in sorted({c[3] for c in chars}):
        if top > last + tolerance:
            n += 1
        cluster[top] = n
        last = top
    if n == 0:
        return [sorted(chars, key=_X0)]
    ordered = sorted(chars, key=lambda c: cluster[c[3]])
    return [sorted(group, key=_X0) for _, group in itertools.groupby(ordered, key=lambda c: cluster[c[3]])]


def _words(line: list[Char], size: float, fontname: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    word: list[Char] = []
    gap, y_tolerance = WORDS["x_tolerance_ratio"] * size, WORDS["y_tolerance"]
    for c in line:
        if c[0].isspace():
            if word:
                out.append(_merge(word, size, fontname))
            word = []
            continue
        if word:
            prev = word[-1]
            if c[1] < prev[1] or c[1] > prev[2] + gap or abs(c[3] - prev[3]) > y_tolerance:
                out.append(_merge(word, size, fontname))
                word = []
        word.append(c)
    if word:
        out.append(_merge(word, size, fontname))
    return out


def _merge(chars: list[Char], size: float, fontname: str) -> dict[str, Any]:
    text, _, x1, top, bottom, *_ = zip(*chars, strict=True)
    return {
        "text": "".join(text).translate(_LIGATURES),
        "x0": chars[0][1],  # the line is sorted by x0
        "x1": max(x1),
        "top": min(top),
        "bottom": max(bottom),
        "size": size,
        "fontname": fontname,
    }


# --- pdfium ------------------------------------------------------------------------------------


def read_pdfium(data: bytes) -> list[Page]:
    """Through pypdfium2's raw bindings to PDFium (its helper layer costs 25 ms to import and adds
    nothing here)."""
    import ctypes

    import pypdfium2_raw as raw

    raw.FPDF_InitLibrary()
    doc = raw.FPDF_LoadMemDocument64(data, len(data), None)
    if not doc:
        code = raw.FPDF_GetLastError()
        if code == raw.FPDF_ERR_PASSWORD:
            raise Refused("the PDF is password-protected; difftool cannot read it")
        if code == raw.FPDF_ERR_SECURITY:
            raise Refused("the PDF is encrypted in a way difftool cannot read")
        raise Refused("the PDF file is damaged or incomplete (truncated?); difftool cannot read it")
    try:
        count = raw.FPDF_GetPageCount(doc)
        if count > MAX_PAGES:
            raise Refused(f"{count} pages is more than the {MAX_PAGES} difftool reads")
        reader = _Pdfium(raw, ctypes)
        pages = []
        for index in range(count):
            page = raw.FPDF_LoadPage(doc, index)
            if not page:
                raise Refused(f"page {index + 1} of the PDF is damaged; difftool cannot read it")
            try:
                width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
                words = words_from_chars(reader.chars(page, height))
                pages.append(Page(width, height, words, reader.rules(page, width, height)))
            finally:
                raw.FPDF_ClosePage(page)
        return pages
    finally:
        raw.FPDF_CloseDocument(doc)


class _Pdfium:
    """A page's characters (as pdfplumber has them, boxes on the baseline) and rules."""

    def __init__(self, raw: Any, ctypes: Any) -> None:
        self.raw = raw
        self.ctypes = ctypes
        self.name = ctypes.create_string_buffer(256)
        # The calls made for every character, as bare function pointers: without pypdfium2's
        # argument types ctypes converts nothing, which halves their cost (they take the text page
        # and an index, pointers passed by reference, and return an int). The text object of a
        # character comes as a plain address, to know its font once per object.
        lib = raw.bindings._libs["pdfium"]
        self.object_address = lib["FPDFText_GetTextObject"]
        self.object_address.restype = ctypes.c_void_p
        self.is_generated = lib["FPDFText_IsGenerated"]
        self.get_origin = lib["FPDFText_GetCharOrigin"]
        self.get_box = lib["FPDFText_GetLooseCharBox"]

    def chars(self, page: Any, height: float) -> list[tuple[str, float, float, float, float, float, str, bool]]:
        """(text, x0, x1, top, bottom, size, fontname, upright) in content order.

        PDFium adds characters of its own (spaces, line ends: ``IsGenerated``) and writes a hyphen
        it takes for a line-end hyphen as U+0002 (U+FFFE in the page's text); the first are left
        out, the second is a hyphen again.
        """
        raw, ctypes = self.raw, self.ctypes
        tp = raw.FPDFText_LoadPage(page)
        try:
            count = raw.FPDFText_CountChars(tp)
            buffer = ctypes.create_string_buffer(2 * (count + 1))
            raw.FPDFText_GetText(tp, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
            text = buffer.raw[: 2 * count].decode("utf-16-le", errors="replace")
            if len(text) != count:  # a character outside the Basic Multilingual Plane: ask one by one
                text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(count))
            is_generated, object_address = self.is_generated, self.object_address
            get_origin, get_box = self.get_origin, self.get_box
            x, y = ctypes.c_double(), ctypes.c_double()
            box = raw.FS_RECTF()
            x_ref, y_ref, box_ref = ctypes.byref(x), ctypes.byref(y), ctypes.byref(box)
            fonts: dict[int | None, tuple[float, str, bool]] = {}
            chars = []
            for i in range(count):
                ch = text[i]
                if ch.isspace() and is_generated(tp, i):  # what PDFium generates is white space
                    continue
                key = object_address(tp, i)
                font = fonts.get(key)
                if font is None:
                    font = fonts[key] = self._font(tp, i)
                size, fontname, upright = font
                get_origin(tp, i, x_ref, y_ref)
                get_box(tp, i, box_ref)
                if ch in _PDFIUM_HYPHENS:
                    ch = "-"
                x0, baseline = x.value, height - y.value
                chars.append((ch, x0, max(box.right, x0), baseline - size, baseline, size, fontname, upright))
            return chars
        finally:
            raw.FPDFText_ClosePage(tp)

    def _font(self, tp: Any, i: int) -> tuple[float, str, bool]:
        """Size (scaled by the text's matrix, as pdfminer's), base font name and uprightness."""
        raw = self.raw
        matrix = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(tp, i, matrix)
        upright = bool(matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0)
        size = float(raw.FPDFText_GetFontSize(tp, i))
        obj = raw.FPDFText_GetTextObject(tp, i)
        handle = raw.FPDFTextObj_GetFont(obj) if obj else None
        n = raw.FPDFFont_GetBaseFontName(handle, self.name, len(self.name)) if handle else 0
        fontname = self.name.value.decode("utf-8", "replace") if n else ""
        scaled = round(size * abs(matrix.d if upright else matrix.c), 4)
        return scaled or size, fontname, upright

    def rules(self, page: Any, width: float, height: float) -> list[float]:
        """Bottoms of the short rules low on the page (path objects, also inside forms)."""
        raw, ctypes = self.raw, self.ctypes
        box = [ctypes.c_float() for _ in range(4)]
        found: list[float] = []

        def visit(objects: list[Any], depth: int) -> None:
            for obj in objects:
                kind = raw.FPDFPageObj_GetType(obj)
                if kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
                    visit(
                        [raw.FPDFFormObj_GetObject(obj, i) for i in range(raw.FPDFFormObj_CountObjects(obj))], depth + 1
                    )
                elif kind == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, *box):
                    left, bottom, right, top = (b.value for b in box)
                    if is_rule(left, height - top, right, height - bottom, width, height):
                        found.append(height - bottom)

        visit([raw.FPDFPage_GetObject(page, i) for i in range(raw.FPDFPage_CountObjects(page))], 0)
        return sorted(found)


# --- pdfplumber --------------------------------------------------------------------------------


def read_pdfplumber(data: bytes) -> list[Page]:
    """Every pdfminer failure becomes one Refused line."""
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise Refused(f"{len(pdf.pages)} pages is more than the {MAX_PAGES} difftool reads")
            return [Page(float(p.width), float(p.height), _plumber_words(p), _plumber_rules(p)) for p in pdf.pages]
    except (Refused, MemoryError):
        raise
    except Exception as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, MemoryError):
            raise cause from None
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise Refused("the PDF is password-protected; difftool cannot read it") from None
        if type(cause).__name__ in ("PSEOF", "PDFSyntaxError"):  # the file ends early or its structure is broken
            raise Refused("the PDF file is damaged or incomplete (truncated?); difftool cannot read it") from None
        raise Refused(
            f"the PDF file is damaged or uses something difftool cannot read ({type(cause).__name__})"
        ) from None


def _plumber_words(page: Any) -> list[dict[str, Any]]:
    """pdfplumber's own word extraction, with pdfminer's boxes (the descent below the baseline)."""
    words = page.extract_words(keep_blank_chars=False, extra_attrs=["size", "fontname"], **WORDS)
    return [w for w in words if w.get("upright", True) and w["text"].strip()]


def _plumber_rules(page: Any) -> list[float]:
    found = []
    for obj in [*page.lines, *page.rects]:
        if is_rule(obj["x0"], obj["top"], obj["x1"], obj["bottom"], float(page.width), float(page.height)):
            found.append(float(obj["bottom"]))
    return sorted(found)


# --- the child process -------------------------------------------------------------------------


def main() -> None:
    import resource

    backend, memory, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    data = sys.stdin.buffer.read()
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # the parent stops the child at its deadline; a CPU cap of its own stops it too should the
    # parent be gone (killed) before it
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    try:
        result: tuple[bool, object] = (True, _reader(backend)(data))
    except Refused as exc:
        result = (False, str(exc))
    except MemoryError:
        result = (False, "")
    except Exception as exc:  # the library failed on something in the file
        result = (False, f"the PDF file is damaged or uses something difftool cannot read ({type(exc).__name__})")
    sys.stdout.buffer.write(pickle.dumps(result))


def _reader(backend: str) -> Callable[[bytes], list[Page]]:
    """The backend's reader, if its library imports (``auto``: the first that does)."""
    for name in BACKENDS if backend == "auto" else (backend,):
        try:
            __import__(_MODULES[name])
        except ImportError:
            continue
        return read_pdfium if name == "pdfium" else read_pdfplumber
    wanted = "" if backend == "auto" else f" ({_MODULES[backend]})"
    raise Refused(f"reading .pdf files needs the 'pdf' extra: pip install 'difftool[pdf]'{wanted}")


if __name__ == "__main__":
    from difftool.pdfread import main as run  # Page pickled as difftool.pdfread.Page, not __main__.Page

    run()
