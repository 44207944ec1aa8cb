"""Build the extracted-text corpus of issue 10: letters as DOCX, PDF and four text extractions.

For every letter in ``letters.py`` and every one of its layouts this writes, under
``<out>/<letter>/<layout>/``:

- ``original.docx``: the letter as a ministry Word file: real footnotes (a ``word/footnotes.xml``
  part), Dutch (``nl-NL``) with automatic hyphenation on, bold headings, a bullet list, a
  signature block and a running footer with the page number;
- ``original.pdf``: that DOCX converted by LibreOffice (``soffice --headless --convert-to pdf``),
  which hyphenates Dutch words at line ends with hyphen-nl and sets the footnotes at the page foot;
  for a layout whose ``producer`` is ``weasyprint``, the same letter as HTML set by WeasyPrint
  (CSS footnotes, its own hyphenation with U+2010, no separator rule; the ``corpus`` extra);
- ``original.<extractor>.txt``: the PDF's text as four common extractors give it (``pdftotext``,
  ``pdftotext -layout``, pdfminer.six ``extract_text``, pdfplumber's ``extract_text`` per page);
- the same three for ``edited.*``: the letter with the edits of ``letters.py`` injected;

and ``<out>/<letter>/edits.json``: what each edit is and what difftool should report for it.

Besides, ``<out>/long/<layout>/original.*``: the three letters' bodies one after the other as one
long letter (15 pages, footnotes renumbered), in the corpus's largest type and widest margins with
more line spacing, so that pages break in many more places, a note that no longer fits under its
citing line moves to the next page's foot, and the timing of a letter of the issue's length can be
taken (``bench/pdf.py``). No edits, no ``edits.json``: it is not one of the differential letters.

Deterministic: the same tools give byte-identical files (zip entries and PDF dates are pinned).

Usage: .venv/bin/python tests/corpus/make.py [--out DIR] [--only LETTER[/LAYOUT] | --only long]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from letters import LETTERS  # the letters' text, taken from samples/

EXTRACTORS = ("pdftotext", "pdftotext-layout", "pdfminer", "pdfplumber")
MADE_WITH = {
    "LibreOffice": "7.4.7.2",
    "poppler": "22.12.0",
    "pdfminer.six": "20260107",
    "pdfplumber": "0.11.10",
    "python-docx": "1.2.0",
    "WeasyPrint": "70.0",
}
"""The tools the committed corpus was made with; another version may wrap, hyphenate or extract otherwise."""
VERSIONS = ("original", "edited")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NOTE_ID_OFFSET = 1
"""A footnote's ``w:id`` is its key plus this (ids -1 and 0 are the separators, as Word writes them)."""


# --- the letters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How a letter is set: what varies between the PDFs of one letter."""

    name: str
    font: str
    size: float
    """Body type size in points."""
    note_size: float
    """Footnote type size in points."""
    margin_cm: float
    """Left and right margin."""
    top_cm: float = 2.5
    bottom_cm: float = 2.0
    line: int = 240
    """Line spacing in 240ths of a line (``w:spacing w:line``)."""
    justify: bool = False
    producer: str = "libreoffice"
    """What makes the PDF: ``libreoffice`` from the Word file, or ``weasyprint`` from the same
    letter as HTML (:func:`build_html`)."""


@dataclass(frozen=True)
class Letter:
    """A letter as data: header lines, body elements, footnotes, signature, footer.

    Body texts mark footnote ``k`` as ``{k}``, italic as ``*...*`` and a raised suffix as
    ``^{ste}``. Footnote keys are the numbers the original letter prints.
    """

    slug: str
    source: str
    header: tuple[str, ...]
    body: tuple[tuple[str, str], ...]
    """(kind, text): kind is ``heading``, ``para`` or ``bullet``."""
    notes: dict[int, str]
    signature: tuple[tuple[str, str], ...]
    """(role, name) per signatory."""
    footer: str
    layouts: tuple[Layout, ...]
    edits: tuple[dict[str, Any], ...]


def load_letters() -> list[Letter]:
    """The letters of ``letters.py`` with their layouts."""
    return [
        Letter(**{**spec, "layouts": tuple(Layout(**lay) for lay in spec["layouts"]), "edits": tuple(spec["edits"])})
        for spec in LETTERS
    ]


DOSSIER_LINE = re.compile(r"\d{2} \d{3} ")
"""The header line with the dossier number and title, set in bold as the Kamerstukken do."""
MARKUP = re.compile(r"\{(\d+)\}|\*([^*]+)\*|\^\{([^}]+)\}")


def plain(text: str) -> str:
    """A text without its markup: footnote markers dropped, italics and raised text kept."""
    return MARKUP.sub(lambda m: m.group(2) or m.group(3) or "", text)


# --- edits -----------------------------------------------------------------------------------


def _once(haystack: list[str], needle: str, what: str) -> int:
    hits = [i for i, s in enumerate(haystack) if needle in s]
    if len(hits) != 1 or haystack[hits[0]].count(needle) != 1:
        raise ValueError(f"{what}: {needle!r} must occur exactly once, found in {len(hits)} element(s)")
    return hits[0]


def apply_edits(letter: Letter) -> Letter:
    """The letter with every edit of ``letter.edits`` injected (each in its own paragraph or note)."""
    header = list(letter.header)
    body = [list(kt) for kt in letter.body]
    notes = dict(letter.notes)
    signature = [list(rn) for rn in letter.signature]
    for e in letter.edits:
        op, where = e["op"], e.get("where", "body")
        if op == "replace":
            if where == "header":
                i = _once(header, e["find"], e["id"])
                header[i] = header[i].replace(e["find"], e["repl"])
            elif where == "note":
                keys = list(notes)
                i = _once([notes[k] for k in keys], e["find"], e["id"])
                notes[keys[i]] = notes[keys[i]].replace(e["find"], e["repl"])
            elif where == "signature":
                flat = [s for rn in signature for s in rn]
                i = _once(flat, e["find"], e["id"])
                signature[i // 2][i % 2] = flat[i].replace(e["find"], e["repl"])
            else:
                i = _once([t for _, t in body], e["find"], e["id"])
                body[i][1] = body[i][1].replace(e["find"], e["repl"])
        elif op == "delete-note":
            key = int(e["note"])
            marker = f"{{{key}}}"
            i = _once([t for _, t in body], marker, e["id"])
            body[i][1] = body[i][1].replace(marker, "")
            del notes[key]
        elif op == "move":
            i = _once([t for _, t in body], e["find"], e["id"])
            moved = body.pop(i)
            j = _once([t for _, t in body], e["before"], e["id"])
            body.insert(j, moved)
        else:
            raise ValueError(f"unknown edit op {op!r}")
    return replace(
        letter,
        header=tuple(header),
        body=tuple((k, t) for k, t in body),
        notes=notes,
        signature=tuple((r, n) for r, n in signature),
    )


def edits_document(letter: Letter) -> dict[str, Any]:
    """``edits.json``: per edit what was changed and what difftool should report when it compares the
    original DOCX (A) with an edited version (B): ``old`` is a snippet of A's text, ``new`` of B's."""
    return {
        "letter": letter.slug,
        "source": letter.source,
        "compare": "difftool compare <layout>/original.docx <layout>/edited.{docx,pdf,<extractor>.txt}: "
        "A is the original, B the edited version",
        "edits": [
            {
                "id": e["id"],
                "kind": e["kind"],
                **({"also_kinds": list(e["also_kinds"])} if "also_kinds" in e else {}),
                "severity": e.get("severity", "substantive"),
                "where": e["describe"],
                "old": e["old"],
                "new": e["new"],
            }
            for e in letter.edits
        ],
    }


# --- DOCX ------------------------------------------------------------------------------------


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run_xml(text: str, *, bold: bool = False, italic: bool = False, sup: bool = False, style: str = "") -> str:
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if bold:
        props += "<w:b/><w:bCs/>"
    if italic:
        props += "<w:i/><w:iCs/>"
    if sup:
        props += '<w:vertAlign w:val="superscript"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_xml_escape(text)}</w:t></w:r>'


def _pieces(text: str) -> Iterator[tuple[str, str]]:
    """A marked-up text in pieces: (``text`` | ``note`` | ``italic`` | ``raised``, its value)."""
    pos = 0
    for m in MARKUP.finditer(text):
        if m.start() > pos:
            yield "text", text[pos : m.start()]
        kind = "note" if m.group(1) else "italic" if m.group(2) else "raised"
        yield kind, m.group(m.lastindex or 0)
        pos = m.end()
    if pos < len(text):
        yield "text", text[pos:]


def _runs_xml(text: str, bold: bool = False) -> str:
    """Runs for a marked-up text: footnote references, italics, raised text."""
    out = []
    for kind, value in _pieces(text):
        if kind == "note":
            out.append(
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{int(value) + NOTE_ID_OFFSET}"/></w:r>'
            )
        else:
            out.append(_run_xml(value, bold=bold, italic=kind == "italic", sup=kind == "raised"))
    return "".join(out)


def _para_xml(text: str, *, style: str = "", bold: bool = False, after: int | None = None, keep: bool = False) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if after is not None:
        ppr += f'<w:spacing w:after="{after}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{_runs_xml(text, bold)}</w:p>"


def _footnotes_xml(notes: dict[int, str]) -> bytes:
    items = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for key, text in notes.items():
        items.append(
            f'<w:footnote w:id="{key + NOTE_ID_OFFSET}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{_runs_xml(text)}</w:p></w:footnote>'
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
        + "".join(items)
        + "</w:footnotes>"
    ).encode()


def _half_points(pt: float) -> str:
    return str(round(pt * 2))


def _styles(document: Any, layout: Layout) -> None:
    """Fonts, sizes, language and the footnote styles; the rest of python-docx's template stays."""
    from docx.oxml import parse_xml

    styles = document.styles.element
    rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    for child in list(rpr):
        rpr.remove(child)
    f = _xml_escape(layout.font)
    for xml in (
        f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>',
        f'<w:sz w:val="{_half_points(layout.size)}"/>',
        f'<w:szCs w:val="{_half_points(layout.size)}"/>',
        '<w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>',
    ):
        rpr.append(parse_xml(f'<x xmlns:w="{W_NS}">{xml}</x>')[0])
    ppr = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    for child in list(ppr):
        ppr.remove(child)
    after = round(layout.size * 20 * layout.line / 240)
    ppr.append(parse_xml(f'<w:spacing xmlns:w="{W_NS}" w:after="{after}" w:line="{layout.line}" w:lineRule="auto"/>'))
    if layout.justify:
        ppr.append(parse_xml(f'<w:jc xmlns:w="{W_NS}" w:val="both"/>'))
    # The template's Normal and list styles carry no size of their own; theme fonts are replaced.
    for style in styles.findall(f"{W}style"):
        srpr = style.find(f"{W}rPr")
        if srpr is not None:
            for fonts in srpr.findall(f"{W}rFonts"):
                srpr.remove(fonts)
    ns = f'xmlns:w="{W_NS}"'
    styles.append(
        parse_xml(
            f'<w:style {ns} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
            '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>'
            f'<w:rPr><w:sz w:val="{_half_points(layout.note_size)}"/>'
            f'<w:szCs w:val="{_half_points(layout.note_size)}"/></w:rPr></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {ns} w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            "</w:style>"
        )
    )


def _settings(document: Any) -> None:
    """Automatic hyphenation on, Dutch theme language, the footnote separators declared."""
    from docx.oxml import parse_xml

    settings = document.settings.element
    tab = settings.find(f"{W}defaultTabStop")
    ns = f'xmlns:w="{W_NS}"'
    tab.addnext(parse_xml(f"<w:autoHyphenation {ns}/>"))
    tab.getnext().addnext(parse_xml(f'<w:hyphenationZone {ns} w:val="357"/>'))
    lang = settings.find(f"{W}themeFontLang")
    if lang is not None:
        lang.set(f"{W}val", "nl-NL")
    compat = settings.find(f"{W}compat")
    compat.addprevious(parse_xml(f'<w:footnotePr {ns}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'))


def _page(document: Any, layout: Layout) -> None:
    from docx.shared import Cm

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(layout.margin_cm)
    section.top_margin, section.bottom_margin = Cm(layout.top_cm), Cm(layout.bottom_cm)
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1.0)


def _footer(document: Any, letter: Letter, layout: Layout) -> None:
    """The running footer: the Kamerstuk line, then the page number at the right margin."""
    from docx.oxml import parse_xml

    footer = document.sections[0].footer
    p = footer.paragraphs[0]._p
    for child in list(p):
        p.remove(child)
    width = round((21.0 - 2 * layout.margin_cm) / 2.54 * 1440)
    size = _half_points(layout.note_size)
    xml = (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="clear" w:pos="4680"/>'
        f'<w:tab w:val="clear" w:pos="9360"/><w:tab w:val="right" w:pos="{width}"/></w:tabs>'
        f'<w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:sz w:val="{size}"/></w:rPr>'
        f'<w:t xml:space="preserve">{_xml_escape(letter.footer)}</w:t></w:r>'
        f'<w:r><w:rPr><w:sz w:val="{size}"/></w:rPr><w:tab/></w:r>'
        f'<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="{size}"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
        "</w:p>"
    )
    p.addnext(parse_xml(xml))
    p.getparent().remove(p)


def _add_note_part(document: Any, notes: dict[int, str]) -> None:
    """python-docx writes no footnotes part; add word/footnotes.xml and relate it to the body."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        _footnotes_xml(notes),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def build_docx(letter: Letter, layout: Layout) -> bytes:
    """The letter as a Word file, byte for byte the same on every run."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    _page(document, layout)
    _styles(document, layout)
    _settings(document)
    body = document.element.body
    sect = body.find(f"{W}sectPr")
    small = round(layout.size * 20 * layout.line / 240 / 3)

    def add(xml: str) -> None:
        sect.addprevious(parse_xml(xml.replace("<w:p>", f'<w:p xmlns:w="{W_NS}">', 1)))

    for i, line in enumerate(letter.header):
        last = i == len(letter.header) - 1
        add(_para_xml(line, after=None if last else small, bold=bool(DOSSIER_LINE.match(line))))
    for j, (kind, text) in enumerate(letter.body):
        if kind == "heading":
            add(_para_xml(text, bold=True, after=small, keep=True))
        elif kind == "bullet":
            nxt = letter.body[j + 1][0] if j + 1 < len(letter.body) else ""
            add(_para_xml(text, style="ListBullet", after=small if nxt == "bullet" else None))
        else:
            add(_para_xml(text))
    for role, name in letter.signature:
        add(_para_xml(role, after=0, keep=True))
        add(_para_xml(name))
    _footer(document, letter, layout)
    _add_note_part(document, letter.notes)
    props = document.core_properties
    props.author = props.last_modified_by = "difftool tests/corpus/make.py"
    props.title = plain(letter.header[0])
    props.created = props.modified = datetime(2026, 6, 22, 12, 0, 0)
    props.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    return _pinned_zip(buf.getvalue())


# --- the same letter as HTML, set by WeasyPrint -------------------------------------------------


def _html_escape(s: str) -> str:
    return _xml_escape(s).replace('"', "&quot;")


HTML_TAGS = {"italic": "i", "raised": "sup"}


def _html_runs(text: str, notes: dict[int, str]) -> str:
    """A marked-up text as HTML: each footnote as a ``float: footnote`` span at its call."""
    out = []
    for kind, value in _pieces(text):
        if kind == "note":
            out.append(f'<span class="fn">{_html_escape(plain(notes[int(value)]))}</span>')
        elif kind in HTML_TAGS:
            out.append(f"<{HTML_TAGS[kind]}>{_html_escape(value)}</{HTML_TAGS[kind]}>")
        else:
            out.append(_html_escape(value))
    return "".join(out)


def build_html(letter: Letter, layout: Layout) -> str:
    """The letter as an HTML page for a CSS paged-media typesetter (WeasyPrint): the same text,
    footnotes at the page foot (``float: footnote``, numbered from the letter's first note),
    Dutch hyphenation (``hyphens: auto``), the running footer with the page number."""
    first = min(letter.notes, default=1)
    line = layout.line / 240 * 1.15  # as the Word file: a paragraph is followed by a blank line, a
    small = f"{line / 3:.3f}em"  # header line, heading or list item by a third of one
    css = (
        f"@page {{ size: A4; margin: {layout.top_cm}cm {layout.margin_cm}cm {layout.bottom_cm}cm;"
        f" @bottom-left {{ content: {json.dumps(letter.footer, ensure_ascii=False)}; font-size: {layout.note_size}pt }}"
        f" @bottom-right {{ content: counter(page); font-size: {layout.note_size}pt }} }}\n"
        f"body {{ font-family: {json.dumps(layout.font, ensure_ascii=False)}; font-size: {layout.size}pt;"
        f" line-height: {line:.3f}; counter-reset: footnote {first - 1};"
        f" text-align: {'justify' if layout.justify else 'left'}; hyphens: auto }}\n"
        f"p, ul {{ margin: 0 0 {line:.3f}em 0 }} .head {{ margin: 0 0 {small} 0 }} .bold {{ font-weight: bold }}\n"
        f"h2 {{ font-size: 1em; margin: 0 0 {small} 0; break-after: avoid }} li {{ margin: 0 0 {small} 0 }}\n"
        ".role { margin: 0; break-after: avoid }\n"
        f".fn {{ float: footnote; font-size: {layout.note_size}pt; line-height: 1.15; text-align: left }}\n"
        "::footnote-call { content: counter(footnote); vertical-align: super; font-size: 65%; line-height: 0 }\n"
        "::footnote-marker { content: counter(footnote) ' ' }\n"
    )
    parts = [f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><style>{css}</style></head><body>']
    for line in letter.header:
        bold = " bold" if DOSSIER_LINE.match(line) else ""
        parts.append(f'<p class="head{bold}">{_html_runs(line, letter.notes)}</p>')
    in_list = False
    for kind, text in letter.body:
        if kind == "bullet" and not in_list:
            parts.append("<ul>")
        elif kind != "bullet" and in_list:
            parts.append("</ul>")
        in_list = kind == "bullet"
        tag = {"heading": "h2", "bullet": "li"}.get(kind, "p")
        parts.append(f"<{tag}>{_html_runs(text, letter.notes)}</{tag}>")
    if in_list:
        parts.append("</ul>")
    for role, name in letter.signature:
        parts.append(f'<p class="role">{_html_escape(role)}</p><p>{_html_escape(name)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def weasyprint_pdf(html: str) -> bytes:
    """``html`` set as a PDF by WeasyPrint (the ``corpus`` extra), with no dates in it."""
    import weasyprint

    return bytes(weasyprint.HTML(string=html).write_pdf(uncompressed_pdf=False, pdf_identifier=b"difftool-corpus"))


def _pinned_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so that a rebuild gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = 0o644 << 16
            dst.writestr(pinned, src.read(info.filename))
    return out.getvalue()


# --- PDF and extraction ----------------------------------------------------------------------

PDF_PINS = (
    (re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})"), lambda m: m.group(1) + b"20260622120000"),
    (re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)>"), lambda m: _zeros(m, 2, 4)),
    (re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)"), lambda m: _zeros(m, 2)),
)


def _zeros(m: re.Match[bytes], *groups: int) -> bytes:
    """The match with the hex digits of ``groups`` replaced by zeros (same length)."""
    parts = [m.group(g) for g in range(1, (m.lastindex or 0) + 1)]
    for g in groups:
        parts[g - 1] = b"0" * len(parts[g - 1])
    return b"".join(parts) + m.group(0)[len(b"".join(m.groups())) :]


def _pin_pdf(data: bytes) -> bytes:
    """The conversion date, file identifier and checksum replaced by fixed values of the same length
    (the cross-reference offsets stay right), so that a rebuild gives the same bytes."""
    for pattern, fix in PDF_PINS:
        data = pattern.sub(fix, data)
    return data


def convert(docx_paths: list[Path], outdir: Path, profile: Path) -> None:
    """Convert DOCX files to PDF with LibreOffice, in one run, with a throwaway profile."""
    if not docx_paths:
        return
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, docx_paths),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


def extract(pdf: Path, extractor: str) -> str:
    """The text of ``pdf`` as ``extractor`` gives it."""
    if extractor == "pdftotext":
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    if extractor == "pdftotext-layout":
        return subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    if extractor == "pdfminer":
        from pdfminer.high_level import extract_text

        return str(extract_text(str(pdf)))
    if extractor == "pdfplumber":
        import pdfplumber

        with pdfplumber.open(str(pdf)) as doc:
            return "\n".join(page.extract_text() or "" for page in doc.pages)
    raise ValueError(extractor)


def tool_versions() -> dict[str, str]:
    """The versions of the tools on this machine (``?`` for a missing one)."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str] = {}
    for name, cmd, pattern in (
        ("LibreOffice", ["soffice", "--version"], r"LibreOffice (\S+)"),
        ("poppler", ["pdftotext", "-v"], r"pdftotext version (\S+)"),
    ):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            m = re.search(pattern, out.stdout + out.stderr)
            found[name] = m.group(1) if m else "?"
        except OSError:
            found[name] = "?"
    for name in ("pdfminer.six", "pdfplumber", "python-docx", "WeasyPrint"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "?"
    return found


# --- the corpus ------------------------------------------------------------------------------


LONG = "long"


def _shift_notes(text: str, shift: int) -> str:
    """``text`` with its footnote marks ``{k}`` renumbered ``{k + shift}``."""
    return re.sub(r"\{(\d+)\}", lambda m: f"{{{int(m.group(1)) + shift}}}", text)


def long_letter(letters: list[Letter]) -> tuple[Letter, Layout]:
    """The letters' bodies one after the other as one letter (the first one's header, footer and
    signature), footnote ``k`` of the ``n``-th letter renumbered ``100 n + k`` (Word numbers them in
    order anyway); and its layout."""
    body: list[tuple[str, str]] = []
    notes: dict[int, str] = {}
    for n, letter in enumerate(letters):
        body.extend((kind, _shift_notes(text, 100 * n)) for kind, text in letter.body)
        notes.update({k + 100 * n: v for k, v in letter.notes.items()})
    largest = max((lay for letter in letters for lay in letter.layouts), key=lambda lay: (lay.size, lay.margin_cm))
    layout = replace(largest, name=f"{largest.name}-loose", line=288)
    return replace(letters[0], slug=LONG, body=tuple(body), notes=notes, edits=()), layout


def build(out: Path, only: str | None = None) -> list[Path]:
    """Write the corpus (or one letter, or one letter/layout) under ``out``; return the files."""
    letters = load_letters()
    jobs: list[tuple[Letter, Layout, str, Letter]] = []
    if not only or only == LONG:
        long, layout = long_letter(letters)
        jobs.append((long, layout, "original", long))
    for letter in letters:
        if only and only.split("/")[0] != letter.slug:
            continue
        edited = apply_edits(letter)
        for layout in letter.layouts:
            if only and "/" in only and only.split("/")[1] != layout.name:
                continue
            jobs.append((letter, layout, "original", letter))
            jobs.append((letter, layout, "edited", edited))
    if not jobs:
        raise SystemExit(f"no letter or layout named {only!r}")
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="difftool-corpus-") as tmp:
        stage = Path(tmp) / "stage"
        stage.mkdir()
        staged = []
        for letter, layout, version, text in jobs:
            path = stage / f"{letter.slug}--{layout.name}--{version}.docx"
            path.write_bytes(build_docx(text, layout))
            staged.append(path)
        convert(
            [p for p, (_, lay, _, _) in zip(staged, jobs, strict=True) if lay.producer == "libreoffice"],
            stage,
            Path(tmp) / "profile",
        )
        for path, (_, layout, _, text) in zip(staged, jobs, strict=True):
            if layout.producer == "weasyprint":
                path.with_suffix(".pdf").write_bytes(weasyprint_pdf(build_html(text, layout)))
        for (letter, layout, version, _), path in zip(jobs, staged, strict=True):
            d = out / letter.slug / layout.name
            d.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, d / f"{version}.docx")
            pdf = d / f"{version}.pdf"
            pdf.write_bytes(_pin_pdf(path.with_suffix(".pdf").read_bytes()))
            written += [d / f"{version}.docx", pdf]
            for extractor in EXTRACTORS:
                txt = d / f"{version}.{extractor}.txt"
                txt.write_text(extract(pdf, extractor), encoding="utf-8")
                written.append(txt)
    for letter in letters:
        if any(j[0] is letter for j in jobs):
            path = out / letter.slug / "edits.json"
            path.write_text(json.dumps(edits_document(letter), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE, help="where to write (default: tests/corpus/)")
    ap.add_argument("--only", help="one letter (jbz-tk) or one layout of it (jbz-tk/serif-11)")
    args = ap.parse_args()
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not on PATH")
    differ = {k: v for k, v in tool_versions().items() if v != MADE_WITH[k]}
    for name, v in differ.items():
        print(f"warning: {name} {v}, the committed corpus was made with {MADE_WITH[name]}", file=sys.stderr)
    files = build(args.out, args.only)
    print(f"wrote {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
