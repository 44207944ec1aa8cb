"""One letter written as a ministry DOCX and as a published PDF, then compared.

The builders here lay the letter out the way the real files are: the DOCX with python-docx and a
real footnotes part; the PDF with fpdf2 at A4, superscript markers, footnotes at each page's foot,
a running footer with the page number, paragraphs that break across pages, hyphenated line ends.
test_docx.py and test_pdf.py import them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import run_cli

docx = pytest.importorskip("docx")
fpdf = pytest.importorskip("fpdf")

# A letter: (kind, text). ``{n}`` in a text is the marker of footnote n.
LETTER: list[tuple[str, str]] = [
    ("header", "Vergaderjaar 2025-2026"),
    ("header", "32 317 JBZ-Raad"),
    ("header", "Nr. 1014 Brief van de minister van Justitie en Veiligheid"),
    ("header", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
    ("header", "Den Haag, 22 juni 2026"),
    (
        "para",
        (
            "Hierbij bied ik uw Kamer het verslag aan van de formele JBZ-Raad die op 4 en 5 juni 2026 in "
            "Luxemburg plaatsvond. Daarnaast ontvangt uw Kamer een appreciatie van het Schengenrapport "
            "en een reactie op de verzoeken die tijdens het commissiedebat zijn gedaan.{1}"
        ),
    ),
    ("heading", "Bijeenkomsten in de marge van de JBZ-Raad"),
    (
        "para",
        (
            "In de marge van de JBZ-Raad vond op 5 juni een werkontbijt plaats met tien lidstaten over de "
            "verkeersveiligheid en de samenwerking tussen de politiediensten. De deelnemende lidstaten "
            "waren het eens dat de gezamenlijke aanpak een belangrijke bijdrage levert aan de "
            "veiligheid van burgers in de hele Unie.{2} Nederland bracht het standpunt naar voren zoals "
            "opgenomen in het fiche dat op 24 april met uw Kamer is gedeeld.{3}"
        ),
    ),
    ("bullet", "de versterking van de grensbewaking aan de buitengrenzen van de Unie;"),
    ("bullet", "de verbetering van de informatie-uitwisseling tussen de lidstaten;"),
    ("bullet", "de aanpak van mensensmokkel en mensenhandel in de herkomstlanden."),
    ("heading", "Moties en toezeggingen"),
    (
        "para",
        (
            "Bij effectief grensbeheer en bestrijding van onrechtmatig verblijf zijn goedwerkende "
            "Europese systemen van groot belang. Het kabinet zet zich daarom in voor een snelle "
            "invoering van het nieuwe registratiesysteem en voor een zorgvuldige evaluatie van de "
            "eerste resultaten. De uitvoeringsorganisaties zijn nauw betrokken bij de voorbereiding "
            "en de Kamer wordt over de voortgang geïnformeerd in de volgende geannoteerde agenda.{4} "
            "Daarbij wordt ook ingegaan op de gevolgen voor reizigers, de wachttijden aan de grens en "
            "de maatregelen die de luchthavens nemen om de doorstroming te verbeteren. De minister "
            "heeft toegezegd de Kamer te informeren zodra de eerste cijfers beschikbaar zijn en de "
            "gesprekken met de betrokken partijen zijn afgerond."
        ),
    ),
    (
        "para",
        (
            "Nederland onderhoudt in Europa een actief netwerk op verschillende thema's, zo ook op het "
            "gebied van terugkeer. In de gesprekken met andere lidstaten is het belang van een "
            "gezamenlijke inzet benadrukt, in het bijzonder bij de samenwerking met landen van "
            "herkomst en doorreis.{5} Het kabinet blijft zich inzetten voor een effectief en humaan "
            "terugkeerbeleid en voor duidelijke afspraken over de ondersteuning van de lidstaten aan "
            "de buitengrenzen. Over de uitkomsten van deze gesprekken wordt uw Kamer nader geïnformeerd "
            "in de brief over de voortgang van de migratieagenda die na de zomer wordt verwacht."
        ),
    ),
    ("heading", "Overige onderwerpen"),
    (
        "para",
        (
            "Vanaf 12 juni is de nieuwe verordening van toepassing. De uitvoering daarvan vraagt de "
            "komende maanden veel van de betrokken organisaties, die zich daar zorgvuldig op hebben "
            "voorbereid.{6} Het kabinet houdt de ontwikkelingen nauwlettend in de gaten."
        ),
    ),
    ("role", "De minister van Justitie en Veiligheid,"),
    ("name", "D.M. van Weel"),
]
FOOTNOTES = {
    1: "Kamerstuk 32 317, nr. 1007.",
    2: "Kamerstuk 21 501-20, nr. 2185.",
    3: "Kamerstuk 22 112, nr. 4031.",
    4: "Kamerstuk 32 317, nr. 1013.",
    5: "Aanhangsel Handelingen II 2025/26, nr. 1840.",
    6: "Kamerstuk 36 045, nr. 271.",
}
MARK = re.compile(r"\{(\d+)\}")
FOOTER = "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 1014"


# --- DOCX ------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOTE_ID_OFFSET = 10
"""Footnote w:id values differ from the displayed numbers, as in Word files (ids 0/1 are separators)."""


def _footnotes_xml(notes: dict[int, str], kind: str = "footnote") -> bytes:
    items = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>',
    ]
    for n, text in notes.items():
        items.append(
            f'<w:{kind} w:id="{n + NOTE_ID_OFFSET}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {_xml_escape(text)}</w:t></w:r></w:p></w:{kind}>'
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{W_NS}">'
        + "".join(items)
        + f"</w:{kind}s>"
    ).encode()


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _add_note_part(document: object, notes: dict[int, str]) -> None:
    """python-docx writes no footnotes part; add word/footnotes.xml and relate it to the body."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        _footnotes_xml(notes),
        document.part.package,  # type: ignore[attr-defined]
    )
    document.part.relate_to(part, RT.FOOTNOTES)  # type: ignore[attr-defined]


def _add_text(paragraph: object, text: str, bold: bool = False) -> None:
    """Runs of ``text``, with a footnote reference run for every ``{n}``."""
    from docx.oxml import parse_xml

    pos = 0
    for m in MARK.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()]).bold = bold  # type: ignore[attr-defined]
        ref = parse_xml(
            f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{int(m.group(1)) + NOTE_ID_OFFSET}"/></w:r>'
        )
        paragraph._p.append(ref)  # type: ignore[attr-defined]
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:]).bold = bold  # type: ignore[attr-defined]


def build_docx(path: Path, letter: list[tuple[str, str]] = LETTER, notes: dict[int, str] = FOOTNOTES) -> Path:
    document = docx.Document()
    for kind, text in letter:
        if kind == "bullet":
            _add_text(document.add_paragraph(style="List Bullet"), text)
        else:
            _add_text(document.add_paragraph(), text, bold=kind == "heading")
    document.sections[0].footer.paragraphs[0].text = FOOTER
    _add_note_part(document, notes)
    document.save(str(path))
    return path


# --- PDF -------------------------------------------------------------------------------------


@dataclass
class PdfLayout:
    """What the PDF builder did, so tests can check the fixture has the hard cases."""

    pages: int = 0
    hyphenated: int = 0
    split_paragraphs: int = 0


class _PdfWriter:
    """A tiny typesetter: A4, 11 pt body, footnotes in 8 pt at the page foot, running footer."""

    LEFT, RIGHT, TOP = 25.0, 185.0, 25.0
    BODY_BOTTOM = 235.0
    LEAD = 5.6

    def __init__(self, notes: dict[int, str], sup_numbers: bool) -> None:
        self.pdf = fpdf.FPDF(unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.core_fonts_encoding = "windows-1252"
        self.notes = notes
        self.sup_numbers = sup_numbers
        self.layout = PdfLayout()
        self.page_notes: list[int] = []
        self.y = 0.0
        self._new_page()

    def _new_page(self) -> None:
        if self.layout.pages:
            self._finish_page()
        self.pdf.add_page()
        self.layout.pages += 1
        self.y = self.TOP

    def _finish_page(self) -> None:
        y = 247.0
        self.pdf.line(self.LEFT, y - 4, self.LEFT + 50, y - 4)
        for n in self.page_notes:
            x = self.LEFT
            if self.sup_numbers:
                self.pdf.set_font("Helvetica", size=5.5)
                self.pdf.text(x, y - 1.2, str(n))
            else:
                self.pdf.set_font("Helvetica", size=8)
                self.pdf.text(x, y, str(n))
            self.pdf.set_font("Helvetica", size=8)
            self.pdf.text(x + 4, y, self.notes[n])
            y += 4
        self.page_notes = []
        self.pdf.set_font("Helvetica", size=8)
        self.pdf.text(self.LEFT, 285, FOOTER)
        self.pdf.text(self.RIGHT - 4, 285, str(self.layout.pages))

    def close(self, path: Path) -> PdfLayout:
        self._finish_page()
        self.pdf.output(str(path))
        return self.layout

    def paragraph(self, text: str, bold: bool = False, bullet: bool = False) -> None:
        style = "B" if bold else ""
        self.pdf.set_font("Helvetica", style, 11)
        indent = 5.0 if bullet else 0.0
        words = text.split(" ")
        lines = self._wrap(words, self.RIGHT - self.LEFT - indent, style)
        start_page = self.layout.pages
        for i, line in enumerate(lines):
            if self.y > self.BODY_BOTTOM:
                self._new_page()
            if bullet and i == 0:
                self.pdf.text(self.LEFT, self.y, "\u2022")
            self._line(line, self.LEFT + indent, style)
            self.y += self.LEAD
        self.layout.split_paragraphs += self.layout.pages != start_page
        self.y += self.LEAD * 0.8

    def _wrap(self, words: list[str], width: float, style: str) -> list[str]:
        """Greedy line breaking; a long word that does not fit is hyphenated where its head fits."""
        lines: list[str] = []
        line = ""
        queue = list(words)
        while queue:
            word = queue.pop(0)
            trial = f"{line} {word}" if line else word
            if self._width(MARK.sub("", trial), style) <= width:
                line = trial
                continue
            plain = MARK.sub("", word)
            if plain.isalpha() and plain.islower() and len(plain) >= 8:
                for cut in range(len(plain) - 4, 4, -1):
                    head = f"{line} {plain[:cut]}-" if line else plain[:cut] + "-"
                    if self._width(head, style) <= width:
                        lines.append(head)
                        queue.insert(0, word[cut:])
                        self.layout.hyphenated += 1
                        line = ""
                        break
                else:
                    lines.append(line)
                    line = word
                continue
            lines.append(line)
            line = word
        lines.append(line)
        return lines

    def _width(self, s: str, style: str) -> float:
        self.pdf.set_font("Helvetica", style, 11)
        return self.pdf.get_string_width(s)

    def _line(self, line: str, x: float, style: str) -> None:
        """Write a line; ``{n}`` becomes a raised 7 pt marker and is noted for this page's foot."""
        pos = 0
        for m in MARK.finditer(line):
            x = self._run(line[pos : m.start()], x, style)
            self.pdf.set_font("Helvetica", "", 7)
            self.pdf.text(x, self.y - 1.5, m.group(1))
            x += self.pdf.get_string_width(m.group(1))
            self.page_notes.append(int(m.group(1)))
            pos = m.end()
        self._run(line[pos:], x, style)

    def _run(self, s: str, x: float, style: str) -> float:
        self.pdf.set_font("Helvetica", style, 11)
        if s:
            self.pdf.text(x, self.y, s)
        return x + self.pdf.get_string_width(s)


def build_pdf(
    path: Path, letter: list[tuple[str, str]] = LETTER, notes: dict[int, str] = FOOTNOTES, sup_numbers: bool = True
) -> PdfLayout:
    writer = _PdfWriter(notes, sup_numbers)
    for kind, text in letter:
        writer.paragraph(text, bold=kind == "heading", bullet=kind == "bullet")
    return writer.close(path)


# --- the same letter, two formats ------------------------------------------------------------


def _compare(a: Path, b: Path) -> dict:
    result = run_cli("compare", str(a), str(b), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, PdfLayout]:
    d = tmp_path_factory.mktemp("pair")
    layout = build_pdf(d / "letter.pdf")
    return build_docx(d / "letter.docx"), d / "letter.pdf", layout


def test_pdf_fixture_has_the_hard_cases(pair: tuple[Path, Path, PdfLayout]) -> None:
    layout = pair[2]
    assert layout.pages >= 2 and layout.hyphenated >= 2 and layout.split_paragraphs >= 1


@pytest.mark.parametrize("order", ["docx-pdf", "pdf-docx"])
def test_same_letter_as_docx_and_pdf_has_no_substantive_or_editorial_delta(pair, order: str) -> None:
    docx_path, pdf_path, _ = pair
    a, b = (docx_path, pdf_path) if order == "docx-pdf" else (pdf_path, docx_path)
    doc = _compare(a, b)
    assert doc["summary"]["substantive"] == 0, [d["explanation"] for d in doc["deltas"]]
    assert doc["summary"]["editorial"] == 0, [d["explanation"] for d in doc["deltas"]]


def test_plain_footnote_numbers_at_the_page_foot(tmp_path: Path, pair) -> None:
    build_pdf(tmp_path / "plain.pdf", sup_numbers=False)
    doc = _compare(pair[0], tmp_path / "plain.pdf")
    assert doc["summary"]["substantive"] == 0 and doc["summary"]["editorial"] == 0
    assert len(doc["versions"][1]["footnotes"]) == len(FOOTNOTES)


EDITS = [
    # (where, old, new, severity the engine should give)
    ("note", "nr. 1013", "nr. 1019", "substantive"),
    ("text", "tien lidstaten", "twaalf lidstaten", "substantive"),
    ("text", "nauwlettend", "nauwletend", "editorial"),
]


def _edited() -> tuple[list[tuple[str, str]], dict[int, str]]:
    letter = list(LETTER)
    notes = dict(FOOTNOTES)
    for where, old, new, _ in EDITS:
        if where == "note":
            notes = {n: t.replace(old, new) for n, t in notes.items()}
        else:
            letter = [(k, t.replace(old, new)) for k, t in letter]
    return letter, notes


def test_every_edit_between_docx_and_pdf_is_found(tmp_path: Path, pair) -> None:
    letter, notes = _edited()
    edited = build_docx(tmp_path / "edited.docx", letter, notes)
    doc = _compare(edited, pair[1])
    found = [d for d in doc["deltas"] if d["severity"] in ("substantive", "editorial")]
    for _, old, new, severity in EDITS:
        hits = [d for d in found if new.split()[-1] in d["a"]["context"] or old.split()[-1] in d["b"]["context"]]
        assert hits, f"edit {old!r} -> {new!r} not found: {[d['explanation'] for d in found]}"
        assert any(d["severity"] == severity for d in hits), (old, [d["severity"] for d in hits])
