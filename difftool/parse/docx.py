"""A Word (.docx) letter, read from its OOXML package: body, footnotes, endnotes, styles, lists.

Why not python-docx or docx2python: python-docx has no footnotes, endnotes or tracked changes
(it reads ``w:ins`` runs as absent and ``w:del`` text as present), and docx2python flattens the
document to strings, losing where a footnote reference sits. The package is small and well
specified, so this module walks the XML itself with lxml, hardened (no DTDs, no entities, no
network), after bounding every part's size against zip bombs. docs/inputs.md says more.

Tracked changes are read as accepted (insertions kept, deletions dropped, a deleted paragraph mark
joins two paragraphs) and the Letter's notes say the file still holds revisions.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from difftool.model import Flavour, Letter
from difftool.parse.common import Para, build_letter
from difftool.parse.extracted import ExtractedText, without_spans
from difftool.sources import InputError, read_bytes
from difftool.text import Mapped

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PART_BYTES = 32 * 1024 * 1024
"""Largest uncompressed XML part read; a long letter's document.xml is a few megabytes."""
MAX_RATIO = 200
"""Largest compression ratio of a part; real XML compresses 5-20 times, a zip bomb 1000 times."""

# Elements whose content is not part of the accepted, printed text.
_SKIP = {
    W + t
    for t in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "fldChar",
        "drawing",
        "pict",
        "object",
        "commentReference",
        "annotationRef",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
    )
}
_SKIP.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_REVISIONS = {W + t for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")}


def read_docx(path: str) -> tuple[Letter, str]:
    """Read a .docx file: the Letter, and the extracted text its offsets index (docs/inputs.md)."""
    etree = _lxml()
    package = _Package(path, read_bytes(path), etree)
    reader = _DocxReader(package)
    return reader.letter(), reader.out.text()


def _lxml() -> Any:
    try:
        from lxml import etree  # type: ignore[import-untyped]
    except ImportError:
        raise InputError("reading .docx files needs the 'docx' extra: pip install 'difftool[docx]'") from None
    return etree


class _Package:
    """The zip package, opened defensively: bounded part sizes, hardened XML parsing."""

    def __init__(self, path: str, data: bytes, etree: Any) -> None:
        self.path = path
        self._etree = etree
        self._parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(f"{path}: not an OOXML package (a password-protected or old-style .doc Word file?)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError):
            raise InputError(f"{path}: not a valid .docx (the zip package is corrupt)") from None
        self.names = set(self._zip.namelist())
        if "word/document.xml" not in self.names:
            raise InputError(f"{path}: not a Word document (no word/document.xml in the package)")

    def xml(self, name: str) -> Any | None:
        """Parse one part, or None when the package lacks it."""
        if name not in self.names:
            return None
        info = self._zip.getinfo(name)
        if info.file_size > MAX_PART_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise InputError(f"{self.path}: {name} unpacks to {info.file_size} bytes; refusing a possible zip bomb")
        try:
            with self._zip.open(name) as fh:
                raw = fh.read(MAX_PART_BYTES + 1)
            return self._etree.fromstring(raw, self._parser)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
            raise InputError(f"{self.path}: not a valid .docx ({name} cannot be unpacked)") from None
        except self._etree.XMLSyntaxError:
            raise InputError(f"{self.path}: not a valid .docx ({name} is not well-formed XML)") from None

    def parts(self, pattern: str) -> list[str]:
        return sorted(n for n in self.names if re.fullmatch(pattern, n))


# --- styles and numbering --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    heading: bool = False
    bold: bool | None = None
    numbered: tuple[str, int] | None = None
    based_on: str | None = None


def _val(el: Any, default: str | None = None) -> str | None:
    return el.get(W + "val", default) if el is not None else default


def _on(el: Any) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None when absent."""
    if el is None:
        return None
    return _val(el, "true") not in ("0", "false", "off")


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    num = ppr.find(W + "numPr") if ppr is not None else None
    if num is None:
        return None
    num_id = _val(num.find(W + "numId"))
    return (num_id, int(_val(num.find(W + "ilvl"), "0") or 0)) if num_id else None


def _styles(root: Any | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for s in root.iter(W + "style"):
        name = (_val(s.find(W + "name")) or "").casefold()
        ppr = s.find(W + "pPr")
        rpr = s.find(W + "rPr")
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        styles[s.get(W + "styleId", "")] = _Style(
            heading=name.startswith(("heading", "kop ", "title", "titel"))
            or (outline is not None and _val(outline) != "9"),
            bold=_on(rpr.find(W + "b")) if rpr is not None else None,
            numbered=_num_pr(ppr),
            based_on=_val(s.find(W + "basedOn")),
        )
    return styles


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> Iterator[_Style]:
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        yield styles[style_id]
        style_id = styles[style_id].based_on


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str
    text: str
    start: int


class _Numbering:
    """List labels as Word prints them: ``1.``, ``a.``, ``•``, counted per list and level."""

    _BULLET = "\u2022"

    def __init__(self, root: Any | None) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for a in root.iter(W + "abstractNum"):
            abstract[a.get(W + "abstractNumId", "")] = {
                int(lvl.get(W + "ilvl", "0")): _Level(
                    _val(lvl.find(W + "numFmt"), "decimal") or "decimal",
                    _val(lvl.find(W + "lvlText"), "") or "",
                    int(_val(lvl.find(W + "start"), "1") or 1),
                )
                for lvl in a.iter(W + "lvl")
            }
        for n in root.iter(W + "num"):
            self._levels[n.get(W + "numId", "")] = abstract.get(_val(n.find(W + "abstractNumId")) or "", {})

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return self._BULLET
        counters = self._counters.setdefault(num_id, [lv.start - 1 for _, lv in sorted(levels.items())] + [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = levels[deeper].start - 1 if deeper in levels else 0
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return self._BULLET
        if lvl.fmt == "none":
            return ""
        return re.sub(r"%(\d)", lambda m: _format(levels, counters, int(m.group(1)) - 1), lvl.text)


def _format(levels: dict[int, _Level], counters: list[int], i: int) -> str:
    n = counters[i] if i < len(counters) else 1
    fmt = levels[i].fmt if i in levels else "decimal"
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


# --- paragraphs ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pieces:
    """A paragraph's accepted text as it is walked: text, footnote marker spans, boldness."""

    text: list[str] = field(default_factory=list)
    markers: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(start, end, kind, w:id) of each ``[^N]`` written into the text."""
    bold_chars: int = 0
    plain_chars: int = 0
    page_breaks: int = 0

    @property
    def size(self) -> int:
        return sum(len(t) for t in self.text)

    def add(self, s: str, bold: bool) -> None:
        self.text.append(s)
        if s.strip():
            if bold:
                self.bold_chars += len(s.strip())
            else:
                self.plain_chars += len(s.strip())


class _DocxReader:
    """Walks the package once and builds the Letter."""

    def __init__(self, package: _Package) -> None:
        self.pkg = package
        doc = package.xml("word/document.xml")
        body = doc.find(W + "body") if doc is not None else None
        if body is None:
            raise InputError(f"{package.path}: not a Word document (word/document.xml has no body)")
        self.body = body
        self.styles = _styles(package.xml("word/styles.xml"))
        self.numbering = _Numbering(package.xml("word/numbering.xml"))
        self.out = ExtractedText()
        self.revisions = sum(1 for el in body.iter() if el.tag in _REVISIONS)
        self.rendered_pages = any(True for _ in body.iter(W + "lastRenderedPageBreak"))
        self.page = 1
        self.note_numbers: dict[tuple[str, str], int] = {}

    def letter(self) -> Letter:
        paras = list(self._block_paras(self.body))
        bodies, endnotes = self._note_bodies()
        furniture = self._furniture()
        notes = self._notes(endnotes)
        letter = build_letter(self.pkg.path, "ooxml", Flavour.DOCX, paras, bodies, furniture, notes)
        return replace(letter, line_starts=self.out.line_starts())

    # body: paragraphs and tables, in order

    def _block_paras(self, container: Any) -> Iterator[Para]:
        carry: _Pieces | None = None
        for el in container:
            if el.tag == W + "p":
                pieces = carry or _Pieces()
                carry = None
                self._paragraph(el, pieces)
                if _mark_deleted(el):
                    carry = pieces
                    continue
                para = self._emit(pieces)
                if para is not None:
                    yield para
            elif el.tag == W + "tbl":
                yield from self._table(el)
            elif el.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                yield from self._block_paras(el)
        if carry is not None:
            para = self._emit(carry)
            if para is not None:
                yield para

    def _table(self, tbl: Any) -> Iterator[Para]:
        """One block per table row: its cells' text, tab-separated in the extracted text."""
        for row in tbl.iter(W + "tr"):
            if row.getparent() is not tbl and row.getparent().tag != W + "sdtContent":
                continue
            pieces = _Pieces()
            for ci, cell in enumerate(row.findall(W + "tc")):
                if ci:
                    pieces.add("\t", False)
                for pi, p in enumerate(cell.iter(W + "p")):
                    if pi:
                        pieces.add(" ", False)
                    self._paragraph(p, pieces, list_label=False)
            para = self._emit(pieces)
            if para is not None:
                yield para

    def _paragraph(self, p: Any, pieces: _Pieces, list_label: bool = True) -> None:
        ppr = p.find(W + "pPr")
        style_id = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        chain = list(_style_chain(self.styles, style_id))
        numbered = _num_pr(ppr) or next((s.numbered for s in chain if s.numbered), None)
        if list_label and numbered and numbered[0] != "0":
            label = self.numbering.label(*numbered)
            if label:
                pieces.add(label + " ", False)
        style_bold = next((s.bold for s in chain if s.bold is not None), False) or any(s.heading for s in chain)
        self._walk(p, pieces, style_bold)

    def _walk(self, el: Any, pieces: _Pieces, bold: bool) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "r":
                rpr = child.find(W + "rPr")
                if rpr is not None and _on(rpr.find(W + "vanish")):
                    continue
                run_bold = _on(rpr.find(W + "b")) if rpr is not None else None
                self._walk(child, pieces, bold if run_bold is None else run_bold)
            elif tag == W + "t":
                pieces.add(child.text or "", bold)
            elif tag in (W + "tab", W + "ptab"):
                pieces.add("\t", bold)
            elif tag in (W + "br", W + "cr"):
                pieces.add(" ", bold)
            elif tag == W + "noBreakHyphen":
                pieces.add("-", bold)
            elif tag == W + "lastRenderedPageBreak":
                if pieces.bold_chars + pieces.plain_chars:
                    pieces.page_breaks += 1
                else:
                    self.page += 1  # the paragraph starts on the new page
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                self._marker(
                    pieces, "footnote" if tag == W + "footnoteReference" else "endnote", child.get(W + "id", "")
                )
            else:
                self._walk(child, pieces, bold)

    def _marker(self, pieces: _Pieces, kind: str, note_id: str) -> None:
        """Number notes in order of first reference, as Word displays them."""
        key = (kind, note_id)
        if key not in self.note_numbers:
            self.note_numbers[key] = len(self.note_numbers) + 1
        start = pieces.size
        label = f"[^{self.note_numbers[key]}]"
        pieces.text.append(label)
        pieces.markers.append((start, start + len(label), kind, note_id))

    def _emit(self, pieces: _Pieces) -> Para | None:
        """Write the paragraph as one line of extracted text; return it without its markers."""
        page = self.page if self.rendered_pages else None
        self.page += pieces.page_breaks
        text = "".join(pieces.text).replace("\n", " ")
        if not text.strip():
            return None
        line = self.out.add_line(text)
        clean = without_spans(line, [(s, e) for s, e, _, _ in pieces.markers])
        refs = tuple(self.note_numbers[(k, i)] for _, _, k, i in pieces.markers)
        marks = tuple((line.offsets[s], self.note_numbers[(k, i)]) for s, _, k, i in pieces.markers)
        strong = pieces.bold_chars > 0 and pieces.plain_chars == 0
        return Para(clean.collapse(), refs, strong, page, marks)

    # footnotes, endnotes, headers and footers

    def _note_bodies(self) -> tuple[dict[int, Mapped], int]:
        bodies: dict[int, Mapped] = {}
        endnotes = 0
        for kind in ("footnote", "endnote"):
            root = self.pkg.xml(f"word/{kind}s.xml")
            if root is None:
                continue
            for note in root.iter(W + kind):
                number = self.note_numbers.get((kind, note.get(W + "id", "")))
                if number is None or note.get(W + "type") in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                pieces = _Pieces()
                for pi, p in enumerate(note.iter(W + "p")):
                    if pi:
                        pieces.add(" ", False)
                    self._walk(p, pieces, False)
                text = "".join(pieces.text).replace("\n", " ").strip()
                bodies[number] = self.out.add_line(text, prefix=f"[^{number}]: ").collapse()
                endnotes += kind == "endnote"
        return bodies, endnotes

    def _furniture(self) -> tuple[str, ...]:
        """Header and footer text, kept apart from the body (a letterhead, 'Pagina 2 van 3')."""
        seen: list[str] = []
        for name in self.pkg.parts(r"word/(?:header|footer)\d*\.xml"):
            root = self.pkg.xml(name)
            for p in root.iter(W + "p") if root is not None else ():
                pieces = _Pieces()
                self._walk(p, pieces, False)
                text = re.sub(r"\s+", " ", "".join(pieces.text)).strip()
                if text and text not in seen:
                    seen.append(text)
        return tuple(seen)

    def _notes(self, endnotes: int) -> tuple[str, ...]:
        notes = []
        if self.revisions:
            notes.append(f"the file still holds {self.revisions} tracked change(s); compared as if all were accepted")
        if endnotes:
            notes.append(f"{endnotes} endnote(s) are numbered after the footnotes")
        return tuple(notes)


def _mark_deleted(p: Any) -> bool:
    """A deleted paragraph mark: accepting the change joins this paragraph to the next."""
    ppr = p.find(W + "pPr")
    rpr = ppr.find(W + "rPr") if ppr is not None else None
    return rpr is not None and rpr.find(W + "del") is not None
