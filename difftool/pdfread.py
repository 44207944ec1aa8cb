"""A PDF's words and rules per page, read in a child process under a memory cap and a time limit.

Run as ``python -m difftool.pdfread BACKEND MEMORY`` with the PDF's bytes on stdin; writes a
pickled ``(True, pages)`` or ``(False, message)`` to stdout (``difftool.parse.pdf`` starts it and
does the layout analysis on the pages). The address-space limit is set before the PDF library
runs, so a stream that inflates without end fails here, not in the caller. This module imports
nothing of difftool, so the child starts in the time of the interpreter and the PDF library.

Two backends give the same :class:`Page` (docs/inputs.md):

- ``pdfium`` (default; pypdfium2, PDFium's C++ parser): characters with their origin on the
  baseline, advance, font size and font, and the page's path objects;
- ``pdfplumber`` (pdfminer.six in Python; about ten times slower): the same from pdfminer's
  character boxes.

A character's box is its advance from the pen position to the next, ``size`` high, standing on
the baseline (raised with the text rise): ``bottom`` is the baseline, ``top`` is ``bottom - size``.
pdfminer places the box ``font.descent * size`` lower, with the descent its font descriptor
declares; LibreOffice declares 0 (so the two backends give the same boxes on its PDFs) and PDFium
has its own fallback for it, so the baseline is the one measure both give alike. Words are made
from characters as pdfplumber's ``extract_words`` makes them, with the settings of
:data:`WORDS`: runs of characters of one font and size, in content-stream order, cut into lines
by their top and into words at white space and at gaps wider than ``0.15 * size``.
"""

from __future__ import annotations

import itertools
import pickle
import sys
from dataclasses import dataclass
from typing import Any

BACKENDS = ("pdfium", "pdfplumber")
MAX_PAGES = 400
"""More pages than any letter with its annexes; keeps reading time bounded."""
WORDS = {"x_tolerance_ratio": 0.15, "y_tolerance": 1.5}
"""How characters become words: a gap wider than this share of the font size ends a word; a top
more than this many points from the line's ends a line."""
_LIGATURES = {"\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb01": "fi", "\ufb02": "fl", "\ufb06": "st", "\ufb05": "st"}
_RULE_HEIGHT = 1.5
_PDFIUM_HYPHENS = ("\x02", "\ufffe")
"""What PDFium writes for a hyphen it takes for a line-end one (GetUnicode, GetText)."""


class Refused(Exception):
    """The PDF cannot be read; the message is the one line the user sees."""


@dataclass(frozen=True, slots=True)
class Page:
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


def words_from_chars(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Upright words from characters in content-stream order (each with text, x0, x1, top, bottom,
    size, fontname, upright), split where font or size changes so a superscript is its own word."""
    words: list[dict[str, Any]] = []
    for (upright, _size, _font), run in itertools.groupby(chars, lambda c: (c["upright"], c["size"], c["fontname"])):
        if not upright:
            continue
        for line in _lines(list(run)):
            words.extend(_words(line))
    return [w for w in words if w["text"].strip()]


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Cluster by top (values within y_tolerance of the previous one are one cluster), each
    sorted left to right."""
    tolerance = WORDS["y_tolerance"]
    cluster: dict[float, int] = {}
    last: float | None = None
    n = -1
    for top in sorted({c["top"] for c in chars}):
        if last is None or top > last + tolerance:
            n += 1
        cluster[top] = n
        last = top
    ordered = sorted(chars, key=lambda c: cluster[c["top"]])  # stable: stream order within a cluster
    return [
        sorted(group, key=lambda c: c["x0"])
        for _, group in itertools.groupby(ordered, key=lambda c: cluster[c["top"]])
    ]


def _words(line: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    word: list[dict[str, Any]] = []
    ratio, y_tolerance = WORDS["x_tolerance_ratio"], WORDS["y_tolerance"]
    for c in line:
        if c["text"].isspace():
            if word:
                out.append(_merge(word))
            word = []
            continue
        if word:
            prev = word[-1]
            if c["x0"] < prev["x0"] or c["x0"] > prev["x1"] + ratio * prev["size"] or abs(c["top"] - prev["top"]) > y_tolerance:
                out.append(_merge(word))
                word = []
        word.append(c)
    if word:
        out.append(_merge(word))
    return out


def _merge(chars: list[dict[str, Any]]) -> dict[str, Any]:
    first = chars[0]
    return {
        "text": "".join(_LIGATURES.get(c["text"], c["text"]) for c in chars),
        "x0": min(c["x0"] for c in chars),
        "x1": max(c["x1"] for c in chars),
        "top": min(c["top"] for c in chars),
        "bottom": max(c["bottom"] for c in chars),
        "size": first["size"],
        "fontname": first["fontname"],
    }


# --- pdfium ------------------------------------------------------------------------------------


def read_pdfium(data: bytes) -> list[Page]:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise Refused("the PDF is password-protected; difftool cannot read it") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise Refused("the PDF uses an encryption difftool cannot read") from None
        raise Refused("the PDF file is damaged or incomplete (truncated?); difftool cannot read it") from None
    if len(doc) > MAX_PAGES:
        raise Refused(f"{len(doc)} pages is more than the {MAX_PAGES} difftool reads")
    pages = []
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        pages.append(Page(float(width), float(height), words_from_chars(_pdfium_chars(page, height, ctypes, raw)), _pdfium_rules(page, width, height, raw)))
        page.close()
    doc.close()
    return pages


def _pdfium_chars(page: Any, height: float, ctypes: Any, raw: Any) -> list[dict[str, Any]]:
    """The page's characters in content order, as pdfplumber has them (boxes on the baseline).

    PDFium adds characters of its own (spaces, line ends: ``IsGenerated``) and writes a hyphen it
    takes for a line-end hyphen as U+0002 (U+FFFE in the page's text); the first are left out, the second is a hyphen again.
    """
    textpage = page.get_textpage()
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    text = textpage.get_text_range(0, count, errors="replace") if count else ""
    is_generated = raw.FPDFText_IsGenerated
    get_object = raw.FPDFText_GetTextObject
    get_origin = raw.FPDFText_GetCharOrigin
    get_box = raw.FPDFText_GetLooseCharBox
    address = ctypes.cast
    void_p = ctypes.c_void_p
    x, y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    fonts: dict[int | None, tuple[float, str, bool]] = {}
    name = ctypes.create_string_buffer(256)
    chars: list[dict[str, Any]] = []
    if len(text) != count:  # a character outside the Basic Multilingual Plane: ask one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(count))
    for i in range(count):
        if is_generated(tp, i):
            continue
        obj = get_object(tp, i)
        key = address(obj, void_p).value
        font = fonts.get(key)
        if font is None:
            raw.FPDFText_GetMatrix(tp, i, matrix)
            upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0
            size = raw.FPDFText_GetFontSize(tp, i)
            handle = raw.FPDFTextObj_GetFont(obj) if key else None
            n = raw.FPDFFont_GetBaseFontName(handle, name, len(name)) if handle else 0
            fontname = name.value.decode("utf-8", "replace") if n else ""
            font = fonts[key] = (round(float(size) * abs(matrix.d if upright else matrix.c), 4) or float(size), fontname, upright)
        size, fontname, upright = font
        get_origin(tp, i, x, y)
        get_box(tp, i, box)
        ch = text[i]
        if ch in _PDFIUM_HYPHENS:
            ch = "-"
        baseline = height - y.value
        chars.append(
            {
                "text": ch,
                "x0": x.value,
                "x1": max(box.right, x.value),
                "top": baseline - size,
                "bottom": baseline,
                "size": size,
                "fontname": fontname,
                "upright": upright,
            }
        )
    textpage.close()
    return chars


def _pdfium_rules(page: Any, width: float, height: float, raw: Any) -> list[float]:
    found = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=8):
        left, bottom, right, top = obj.get_bounds()
        if is_rule(left, height - top, right, height - bottom, width, height):
            found.append(float(height - bottom))
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
            return [
                Page(float(p.width), float(p.height), _plumber_words(p), _plumber_rules(p))
                for p in pdf.pages
            ]
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
        raise Refused(f"the PDF file is damaged or uses something difftool cannot read ({type(cause).__name__})") from None


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

    backend, memory = sys.argv[1], int(sys.argv[2])
    data = sys.stdin.buffer.read()
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    read = read_pdfium if backend == "pdfium" else read_pdfplumber
    try:
        result: tuple[bool, object] = (True, read(data))
    except Refused as exc:
        result = (False, str(exc))
    except MemoryError:
        result = (False, "")
    sys.stdout.buffer.write(pickle.dumps(result))


if __name__ == "__main__":
    from difftool.pdfread import main as run  # Page pickled as difftool.pdfread.Page, not __main__.Page

    run()
