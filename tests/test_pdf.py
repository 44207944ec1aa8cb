"""Reading .pdf letters: layout, pages, furniture, a real converter's output, hostile files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

pytest.importorskip("pypdfium2_raw")
fpdf = pytest.importorskip("fpdf")

from test_docx_pdf import FOOTER, FOOTNOTES, LETTER, build_pdf

from difftool.readers import read_with_text

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "letter.pdf"
    build_pdf(path)
    return path


def _inspect(path: Path) -> dict:
    result = run_cli("inspect", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_blocks_know_their_page_and_the_running_footer_is_furniture(letter_pdf: Path) -> None:
    doc = _inspect(letter_pdf)
    assert doc["flavour"] == "pdf"
    assert doc["blocks"][0]["page"] == 1 and doc["blocks"][-1]["page"] == 2
    assert doc["furniture"] == [FOOTER]
    assert not any(FOOTER in b["text"] for b in doc["blocks"])
    text = run_cli("inspect", str(letter_pdf)).stdout
    assert " p2 " in text


def test_markers_footnote_zone_and_hyphenation(letter_pdf: Path) -> None:
    letter, text = read_with_text(str(letter_pdf))
    assert {f.number: f.text for f in letter.footnotes} == FOOTNOTES
    assert all(f.cited_in for f in letter.footnotes)
    hyphenated = [ln for ln in text.splitlines() if ln.endswith("-")]
    assert hyphenated, "the fixture should hyphenate line ends"
    words = {w for b in letter.blocks for w in b.text.split()}
    for line in hyphenated:
        head = line.split()[-1].rstrip("-")
        assert not any(w.startswith(head + "-") for w in words), head
    assert not any(re.search(r"[a-z.]\d", b.text) for b in letter.blocks if b.footnotes), "a marker left in the text"


def test_a_paragraph_split_by_a_page_break_is_one_block(letter_pdf: Path) -> None:
    letter, _ = read_with_text(str(letter_pdf))
    paragraphs = [t for k, t in LETTER if k == "para"]
    assert len([b for b in letter.blocks if b.kind.value == "paragraph"]) == len(paragraphs)


def test_offsets_index_the_extracted_text(letter_pdf: Path) -> None:
    letter, text = read_with_text(str(letter_pdf))
    for b in letter.blocks:
        assert all(text[o] == ch for o, ch in zip(b.offsets, b.text) if ch not in " -")
    assert text.count("\f") == 1  # one page break between two pages
    assert letter.line_starts[-1] < len(text)


def test_libreoffice_pdf_reads_as_the_same_letter_as_its_docx() -> None:
    pytest.importorskip("lxml")
    result = run_cli(
        "compare", str(DATA / "libreoffice-letter.docx"), str(DATA / "libreoffice-letter.pdf"), "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["summary"]["substantive"] == 0 and doc["summary"]["editorial"] == 0
    assert len(doc["versions"][1]["footnotes"]) == len(FOOTNOTES)


def test_pdf_against_a_text_extraction(tmp_path: Path, letter_pdf: Path) -> None:
    """Any pairing works: the PDF against a markdown-ish text extraction of the same letter."""
    sup = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
    chunks = []
    for kind, text in LETTER:
        text = re.sub(r"\{(\d+)\}", lambda m: m.group(1).translate(sup), text)
        chunks.append(f"**{text}**" if kind == "heading" else (f"- {text}" if kind == "bullet" else text))
    chunks.extend(f"{str(n).translate(sup)} {t}" for n, t in FOOTNOTES.items())
    extraction = tmp_path / "letter.md.txt"
    extraction.write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    result = run_cli("compare", str(letter_pdf), str(extraction), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["substantive"] == 0


def _one_line_error(path: Path, expected: str) -> None:
    result = run_cli("inspect", str(path))
    assert result.returncode == 2, result.stdout
    assert expected in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for y in range(20, 250, 8):
        pdf.rect(20, y, 170, 4, style="F")  # what a scan's page looks like to a text extractor
    pdf.output(str(tmp_path / "scan.pdf"))
    _one_line_error(tmp_path / "scan.pdf", "no text layer")


def test_password_protected_pdf(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    pdf = fpdf.FPDF()
    pdf.set_encryption(owner_password="owner", user_password="geheim")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "Vertrouwelijk")
    pdf.output(str(tmp_path / "locked.pdf"))
    _one_line_error(tmp_path / "locked.pdf", "password-protected")


def test_corrupt_and_truncated_pdfs(tmp_path: Path, letter_pdf: Path) -> None:
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    _one_line_error(tmp_path / "junk.pdf", "the PDF file is damaged")
    (tmp_path / "text.pdf").write_text("just some text\n", encoding="utf-8")
    _one_line_error(tmp_path / "text.pdf", "not a PDF file")
    data = letter_pdf.read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    result = run_cli("inspect", str(tmp_path / "cut.pdf"))
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr


def test_missing_extra_names_it(tmp_path: Path, letter_pdf: Path) -> None:
    hidden = tmp_path / "hidden"
    for name in ("pypdfium2_raw", "pypdfium2", "pdfplumber", "lxml"):
        (hidden / name).mkdir(parents=True)
        (hidden / name / "__init__.py").write_text("raise ImportError('hidden by the test')\n")
    env = {"PYTHONPATH": str(hidden)}
    result = run_cli("inspect", str(letter_pdf), env=env)
    assert result.returncode == 2
    assert "needs the 'pdf' extra: pip install 'difftool[pdf]'" in result.stderr
    result = run_cli("inspect", str(DATA / "libreoffice-letter.docx"), env=env)
    assert result.returncode == 2
    assert "needs the 'docx' extra: pip install 'difftool[docx]'" in result.stderr


def _line(text: str, baseline: float, x1: float) -> object:
    from difftool.parse.pdf import _Line
    from difftool.text import Mapped

    words = [{"text": w, "x0": 72.0 + 6 * i, "x1": 72.0 + 6 * i + 5 * len(w)} for i, w in enumerate(text.split())]
    return _Line(1, words, 10.0, baseline, baseline - 10, baseline, 72.0, x1, False, Mapped.of(text))


@pytest.mark.parametrize(
    "second",
    ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Den Haag, 28 mei 2025", "Nr. 948"],
)
def test_a_header_line_after_a_full_line_starts_its_own_paragraph(second: str) -> None:
    """The addressee, the place and date, the number stand on lines of their own: after a line of
    the sender that fills the measure (so the next word would not have fitted) they still start a
    paragraph. Text that merely goes on does not."""
    from difftool.parse.pdf import _Paragraphs

    full = "Brief van de minister en staatssecretaris van Justitie en Veiligheid en de minister van"
    lines = [_line(full, 100.0, 523.0), _line(second, 112.0, 300.0), _line(full, 124.0, 523.0)]
    lines.append(_line("de uitvoering van de regeling gaat door zoals afgesproken.", 136.0, 400.0))
    texts = [p.text.text for p in _Paragraphs(lines, 10.0).paras()]
    assert texts[0] == full and texts[1] == second
    assert texts[2].startswith(full) and texts[2].endswith("zoals afgesproken.")


def _words(text: str, top: float, size: float, x: float = 72.0) -> list[dict]:
    out = []
    for w in text.split():
        raised = w.isdigit() and size < 8  # a footnote marker: smaller and raised
        width = 0.5 * size * len(w)
        out.append({"text": w, "x0": x, "x1": x + width, "top": top - (3 if raised else 0), "bottom": top + size,
                    "size": size, "fontname": "Serif"})  # fmt: skip
        x += width + 0.3 * size
    return out


def test_a_note_continued_on_a_page_with_notes_of_its_own() -> None:
    """A long note runs on at the foot of the next page, above that page's own first note (no number
    of its own): the lines before the first numbered note are the rest of the note before."""
    from difftool.parse.pdf import _Layout
    from difftool.pdfread import Page

    body = "Het overleg met de koepels is afgerond en het besluit is genomen door de ministerraad"
    page1 = [w for k in range(30) for w in _words(body + ".", 72.0 + 14 * k, 11.0)]
    page1 += _words("Het formulier is bijgevoegd.", 72.0 + 14 * 30, 11.0) + _words("1", 72.0 + 14 * 30, 6.0, 200.0)
    page1 += _words("1 Sinds 2022 geldt voor voorstellen met grote financiële gevolgen de werkwijze van", 760.0, 9.0)
    page1 += _words("de toelichting vooraf; ter uitvoering daarvan is het formulier over de regeling", 771.0, 9.0)
    page2 = [w for k in range(30) for w in _words(body + ".", 72.0 + 14 * k, 11.0)]
    page2 += _words("De gemeenten zijn ingelicht.", 72.0 + 14 * 30, 11.0) + _words("2", 72.0 + 14 * 30, 6.0, 200.0)
    page2 += _words("bij deze brief aan uw Kamer gezonden.", 749.0, 9.0)
    page2 += _words("2 Kamerbrief van 3 maart 2025.", 760.0, 9.0)
    letter, _ = _Layout("x.pdf", [Page(595.0, 842.0, page1, [745.0]), Page(595.0, 842.0, page2, [745.0])]).letter()
    notes = {f.number: f.text for f in letter.footnotes}
    assert notes[1].endswith("over de regeling bij deze brief aan uw Kamer gezonden.")
    assert notes[2] == "Kamerbrief van 3 maart 2025."
    assert not any("bij deze brief" in b.text for b in letter.blocks)


@pytest.mark.parametrize(("body", "note"), [(10.0, 9.0), (13.0, 12.0), (11.0, 8.0)])
def test_notes_a_point_smaller_without_a_rule(body: float, note: float) -> None:
    """A CSS typesetter (WeasyPrint) draws no separator rule and may set the notes only one point
    below the text, numbered in plain figures: the small-type tail that starts with a cited
    number is still the footnote zone."""
    from difftool.parse.pdf import _Layout
    from difftool.pdfread import Page

    text = "Het overleg met de koepels is afgerond en het besluit is genomen door de ministerraad"
    words = [w for k in range(30) for w in _words(text + ".", 72.0 + 1.3 * body * k, body)]
    words += _words("Het formulier is bijgevoegd.", 72.0 + 1.3 * body * 30, body) + _words(
        "1", 72.0 + 1.3 * body * 30, 6.0, 200.0
    )
    words += _words("1 Kamerstuk 36 600, nr. 12.", 740.0, note)
    words += _words("Tweede Kamer, vergaderjaar 2025–2026, 36 600, nr. 14 1", 800.0, note)
    letter, _ = _Layout("x.pdf", [Page(595.0, 842.0, words, [])]).letter()
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 36 600, nr. 12.")]
    assert not any("Kamerstuk 36 600" in b.text for b in letter.blocks)
