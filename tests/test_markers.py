"""Footnote markers stand where the letter has them: every reader records the place of each marker
(``Block.markers``), the rows carry it to both faces, and the review app and the report draw it
after the word it follows, not at the end of the paragraph.

The letter here is invented (not the samples' text): a marker after a word in mid-sentence, one
before a comma, one after a full stop, one at a paragraph's end, in paragraphs long enough to be
wrapped, broken across pages and hyphenated. Each reader gets the letter in its own form: a real
DOCX (python-docx), PDFs (fpdf2 and LibreOffice, each read with both PDF libraries), text that the
common PDF tools extract (tests/extractors.py), markdown-ish and DOCX-text extractions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from difftool.engine import compare
from difftool.model import Block, Flavour, Letter
from difftool.parse import parse_text
from difftool.readers import read_letter
from difftool.render.html import marked
from difftool.rows import build_rows
from difftool.sources import detect_flavour
from extractors import STYLES, Layout, extract

# (kind, text); ``{n}`` is the marker of footnote n.
LETTER: list[tuple[str, str]] = [
    ("header", "Vergaderjaar 2025-2026"),
    ("header", "29 544 Arbeidsmarktbeleid"),
    ("header", "Nr. 1302 Brief van de minister van Sociale Zaken en Werkgelegenheid"),
    ("header", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
    ("header", "Den Haag, 3 maart 2026"),
    (
        "para",
        "Met deze brief informeer ik uw Kamer over de voortgang van het programma voor bijscholing van "
        "werkenden in de zorg{1} en over de afspraken die met de sociale partners zijn gemaakt. De eerste "
        "ronde subsidies is inmiddels verdeeld over ruim driehonderd instellingen.{2} Daarnaast zijn de "
        "regionale leerwerkloketten uitgebreid, zodat meer werkzoekenden een passende opleiding vinden.",
    ),
    ("heading", "Scholing en begeleiding"),
    (
        "para",
        "Uit de evaluatie van het onderzoeksbureau{3}, die in januari verscheen, blijkt dat deelnemers "
        "vaker van baan wisselen en hun loopbaan beter kunnen plannen. Werkgevers in de kinderopvang{4} en "
        "het onderwijs melden dat de wervingskosten zijn gedaald. Ik verwacht dat deze ontwikkeling zich "
        "voortzet wanneer de regeling structureel wordt verankerd in de begroting van het ministerie.",
    ),
    (
        "para",
        "Tot slot zeg ik toe de Kamer voor de zomer te informeren over de uitkomsten van het overleg met "
        "de gemeenten.{5}",
    ),
    ("role", "De minister van Sociale Zaken en Werkgelegenheid,"),
    ("name", "A.B. de Vries"),
]
NOTES = {
    1: "Kamerstuk 29 544, nr. 1288.",
    2: "Kamerstuk 29 544, nr. 1295.",
    3: "Eindrapport evaluatie bijscholingsregeling, bijlage bij Kamerstuk 29 544, nr. 1299.",
    4: "Aanhangsel Handelingen II 2025/26, nr. 912.",
    5: "Kamerstuk 32 140, nr. 211.",
}
AFTER = {1: "zorg", 2: "instellingen.", 3: "onderzoeksbureau", 4: "kinderopvang", 5: "gemeenten."}
"""The word (with the punctuation the marker comes after) each footnote's marker follows."""

SUP = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def assert_in_place(letter: Letter, after: dict[int, str] = AFTER) -> None:
    """Every footnote's marker stands right after its word, one marker per cited number."""
    placed: dict[int, tuple[Block, int]] = {}
    for b in letter.blocks:
        assert len(b.markers) == len(b.footnotes), b
        for at, n in b.markers:
            placed[n] = (b, at)
    assert sorted(placed) == sorted(after), placed
    for n, word in after.items():
        b, at = placed[n]
        assert b.text[:at].endswith(word), (n, b.text[max(0, at - 40) : at + 20])
        assert at == len(b.text) or not b.text[at].isalnum(), (n, b.text[at - 20 : at + 20])


def _markdown(letter: list[tuple[str, str]] = LETTER, notes: dict[int, str] = NOTES, width: int = 72) -> str:
    """The letter as a markdown-ish PDF extraction: hard-wrapped lines, superscript markers, the
    second paragraph cut by a page break with its page's footnote bodies in between."""
    import textwrap

    chunks: list[str] = []
    for kind, text in letter:
        text = _sup(text)
        if kind == "heading":
            chunks.append(f"**{text}**")
        elif "werkenden" in text:
            cut = text.index(" ronde subsidies")  # mid-sentence
            chunks.append("\n".join(textwrap.wrap(text[:cut], width)))
            chunks.append(f"\u00b9 {notes[1]}")
            chunks.append("\n".join(textwrap.wrap(text[cut + 1 :], width)))
        else:
            chunks.append("\n".join(textwrap.wrap(text, width)))
    chunks.extend(f"{str(n).translate(SUP)} {body}" for n, body in notes.items() if n != 1)
    return "\n\n".join(chunks) + "\n"


def _sup(text: str) -> str:
    import re

    return re.sub(r"\{(\d+)\}", lambda m: m.group(1).translate(SUP), text)


def _docx_text(letter: list[tuple[str, str]] = LETTER, notes: dict[int, str] = NOTES) -> str:
    """The letter as a DOCX text extraction: one paragraph per line, ``[footnoteRef:N]`` markers,
    the bodies ``[N:  …]`` at the end of the citing line."""
    import re

    lines = []
    for _, text in letter:
        numbers = [int(n) for n in re.findall(r"\{(\d+)\}", text)]
        line = re.sub(r"\{(\d+)\}", r"[footnoteRef:\1]", text)
        lines.append(line + "".join(f" [{n}:  {notes[n]}] " for n in numbers))
    return "\n".join(lines) + "\n"


# --- each reader ------------------------------------------------------------------------------


def test_markdown_markers_survive_unwrapping_and_rejoining_across_a_page(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(_markdown(), encoding="utf-8")
    letter = read_letter(str(path))
    assert letter.flavour is Flavour.MARKDOWN_PDF
    assert any("zorg en over de afspraken" in b.text and "Daarnaast" in b.text for b in letter.blocks)  # rejoined
    assert_in_place(letter)


def test_docx_text_markers(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(_docx_text(), encoding="utf-8")
    letter = read_letter(str(path))
    assert letter.flavour is Flavour.DOCX_TEXT
    assert_in_place(letter)


@pytest.fixture(scope="module")
def letter_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("docx")
    from test_docx_pdf import build_docx

    return build_docx(tmp_path_factory.mktemp("markers") / "letter.docx", LETTER, NOTES)


def test_docx_markers(letter_docx: Path) -> None:
    assert_in_place(read_letter(str(letter_docx)))


@pytest.mark.parametrize("sup", [True, False], ids=["superscript", "plain-numbers"])
def test_fpdf_pdf_markers_with_both_libraries(tmp_path: Path, sup: bool) -> None:
    pytest.importorskip("fpdf")
    pytest.importorskip("pypdfium2_raw")
    pytest.importorskip("pdfplumber")
    from test_docx_pdf import build_pdf

    from difftool.parse.pdf import read_pdf

    path = tmp_path / "letter.pdf"
    layout = build_pdf(path, LETTER, NOTES, sup_numbers=sup)
    assert layout.hyphenated  # a line-end hyphen was undone somewhere before a marker
    pdfium = read_pdf(str(path), "pdfium")
    assert pdfium == read_pdf(str(path), "pdfplumber")
    assert_in_place(pdfium[0])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_libreoffice_pdf_markers_with_both_libraries(tmp_path: Path, letter_docx: Path) -> None:
    pytest.importorskip("pypdfium2_raw")
    pytest.importorskip("pdfplumber")
    from corpus import make  # the corpus builder's LibreOffice conversion

    from difftool.parse.pdf import read_pdf

    make.convert([letter_docx], tmp_path, tmp_path / "profile")
    path = tmp_path / "letter.pdf"
    pdfium = read_pdf(str(path), "pdfium")
    assert pdfium == read_pdf(str(path), "pdfplumber")
    assert_in_place(pdfium[0])


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("width", "lines"), [(56, 30), (70, 40)])
def test_pdf_text_markers(letter_docx: Path, style: str, width: int, lines: int) -> None:
    """The letter laid out on pages with its markers in place and extracted as each PDF tool
    writes it: the digits glued to their word, bodies at the foot of the marker's page."""
    original = read_letter(str(letter_docx))
    text = extract(
        original,
        Layout(width, lines, style, seed=width),
        "Tweede Kamer, vergaderjaar 2025-2026, 29 544, nr. 1302",
        in_place=True,
    )
    assert detect_flavour(text) is Flavour.PDF_TEXT
    assert_in_place(parse_text(text, f"letter.{style}.txt"))


def test_a_marker_the_reader_cannot_place_stands_at_the_end() -> None:
    """Rejoined header fields, or a number without a marker found: the end of the block."""
    from difftool.parse.common import place_markers
    from difftool.text import Mapped

    text = Mapped.of("Werkgevers in de kinderopvang en het onderwijs.", 100)
    assert place_markers(text, (4, 7), ((129, 4),)) == ((29, 4), (47, 7))
    # a marker after the white space that follows its word still belongs to the word
    assert place_markers(text, (4,), ((130, 4),)) == ((29, 4),)
    # a marker outside a block that is not the paragraph's last: not this block's
    assert place_markers(text, (4,), ((300, 4),), last=False) == ((47, 4),)


# --- the rows and the faces -------------------------------------------------------------------

B_LETTER = [(kind, text.replace("kinderopvang{4}", "kinderdagopvang{4}")) for kind, text in LETTER]
B_NOTES = {**NOTES, 5: "Kamerstuk 32 140, nr. 214."}


def marker_pair(d: Path) -> tuple[Path, Path]:
    """Two versions of the letter as markdown-ish text: a word changed right before footnote 4's
    marker, footnote 5's body changed (the report's browser test reads them too)."""
    a, b = d / "brief-a.txt", d / "brief-b.txt"
    a.write_text(_markdown(), encoding="utf-8")
    b.write_text(_markdown(B_LETTER, B_NOTES), encoding="utf-8")
    return a, b


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return marker_pair(tmp_path_factory.mktemp("marker-pair"))


def test_rows_carry_the_markers_into_the_joined_text(pair: tuple[Path, Path], letter_docx: Path) -> None:
    """A cell's markers are its blocks' markers moved to the joined text: here the DOCX (one
    block per paragraph) against a version that runs two paragraphs together."""
    a = read_letter(str(letter_docx))
    merged = [(k, t) for k, t in LETTER if k != "heading"]
    merged = [*merged[:5], ("para", merged[5][1] + " " + merged[6][1]), *merged[7:]]
    path = pair[0].parent / "merged.txt"
    path.write_text(_docx_text(merged), encoding="utf-8")
    c = compare(a, read_letter(str(path)))
    rows = build_rows(c)
    for row in rows.paragraphs:
        for cell in row.cells:
            assert len(cell.markers) == len(cell.cites)
            for at, n in cell.markers:
                assert cell.text[:at].endswith(AFTER[n]), (n, cell.text[:at][-30:])
    assert any(len(r.b.blocks) == 1 and len(r.b.markers) == 4 for r in rows.paragraphs)


def test_markers_do_not_change_what_is_compared(pair: tuple[Path, Path]) -> None:
    """The engine compares the text without markers: only the changed word and footnote 5."""
    c = compare(read_letter(str(pair[0])), read_letter(str(pair[1])))
    assert sorted((d.kind.value, d.a.text, d.b.text) for d in c.deltas) == [
        ("reference", "Kamerstuk 32 140, nr. 211", "Kamerstuk 32 140, nr. 214"),
        ("wording", "kinderopvang", "kinderdagopvang"),
    ]


def test_html_markers_stay_outside_a_change_they_border_and_inside_one_they_split() -> None:
    sup = "<sup>4</sup>"
    text = "in de kinderopvang en het onderwijs"
    # the marker right after a changed word: after the <del>, not in it
    assert (
        marked(text, 0, [(6, 18)], "del", markers=[(18, sup)]) == f"in de <del>kinderopvang</del>{sup} en het onderwijs"
    )
    # a marker where a change begins follows the word before it
    assert (
        marked(text, 0, [(6, 18)], "del", markers=[(6, sup)]) == f"in de {sup}<del>kinderopvang</del> en het onderwijs"
    )
    # a marker inside a change of several words stays in it, so the change is one mark
    assert (
        marked(text, 0, [(6, 25)], "del", markers=[(18, sup)]) == f"in de <del>kinderopvang{sup} en het</del> onderwijs"
    )
    # with the letters that differ emphasised, and the text starting at an offset
    got = marked(text[6:], 6, [(6, 18)], "ins", [(10, 14)], markers=[(18, sup), (35, sup)])
    assert got == f'<ins>kind<b class="ch">erop</b>vang</ins>{sup} en het onderwijs{sup}'


def test_report_has_each_marker_inline_and_lights_the_changed_footnote(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    r = run_cli("report", str(pair[0]), str(pair[1]), "-o", str(out))
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert 'kinderopvang</del><sup class="fnref">' in page
    assert 'opvang</ins><sup class="fnref">' in page  # kinder<b>dag</b>opvang
    assert 'gemeenten.<sup class="fnref changed">' in page
    assert "(footnote" not in page


def test_report_lights_no_marker_for_a_footnote_that_differs_only_cosmetically(tmp_path: Path) -> None:
    """Footnote 3 differs in quote style and dash only (cosmetic): its marker stays unlit, while
    footnote 5 (another number) lights."""
    note = "Eindrapport {q}evaluatie bijscholingsregeling{p} {d} bijlage bij Kamerstuk 29 544, nr. 1299."
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "r.html"
    a.write_text(_markdown(LETTER, {**NOTES, 3: note.format(q='"', p='"', d="-")}), encoding="utf-8")
    b.write_text(_markdown(LETTER, {**B_NOTES, 3: note.format(q="\u201c", p="\u201d", d="\u2013")}), encoding="utf-8")
    r = run_cli("report", str(a), str(b), "-o", str(out))
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert "quote-style" in page  # the cosmetic difference is in the report
    assert 'onderzoeksbureau<sup class="fnref">' in page
    assert 'gemeenten.<sup class="fnref changed">' in page


# --- the review app ---------------------------------------------------------------------------


@pytest.fixture
def named_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The pair under fixed names (the app's header shows them, so the snapshot is stable)."""
    return marker_pair(tmp_path)


def _app(pair: tuple[Path, Path]) -> object:
    from difftool.pipeline import Request
    from difftool.tui.app import create_app

    return create_app(Request(str(pair[0]), str(pair[1])), str(pair[0].parent / "review.json"))


def test_review_app_draws_each_marker_after_its_word_and_lights_the_selected_footnote(
    named_pair: tuple[Path, Path],
) -> None:
    import asyncio

    from test_tui import screen_text, select_delta
    from test_tui_snapshots import loaded

    from difftool.tui.widgets.aligned import AlignedView

    async def run() -> None:
        app = _app(named_pair)
        async with app.run_test(size=(200, 50)) as pilot:  # type: ignore[attr-defined]
            await loaded(pilot)
            view = app.view  # type: ignore[attr-defined]
            wording = next(d for d in view.deltas if d.kind.value == "wording")
            await select_delta(pilot, wording.id)
            screen = screen_text(app)
            aligned = app.query_one(AlignedView)  # type: ignore[attr-defined]
            row = view.row_of(view.deltas.index(wording))
            lines = [strip.text for strip in aligned._row_strips(row)]
            for cited in ("kinderopvang[4] en", "kinderdagopvang[4] en", "onderzoeksbureau[3], die"):
                assert any(cited in line for line in lines), (cited, lines)
                assert cited.split("[")[0] + "[" in screen  # on screen, not only in the widget
            assert not any("[3][4]" in line for line in lines)  # not at the paragraph's end any more
            # the footnote difference: its marker lit where the paragraph cites it
            reference = next(d for d in view.deltas if d.kind.value == "reference")
            await select_delta(pilot, reference.id)
            selected = aligned.get_component_rich_style("aligned--selected")
            strips = aligned._row_strips(view.row_of(view.deltas.index(reference)))
            lit = [
                seg.text
                for strip in strips
                for seg in strip
                if seg.style is not None and seg.style.bgcolor == selected.bgcolor and seg.text.strip()
            ]
            assert "[5]" in lit, lit

    asyncio.run(run())


@pytest.mark.parametrize(
    "keys",
    [pytest.param(("n", "N"), id="changed-word"), pytest.param(("n",), id="changed-footnote")],
)
def test_review_app_snapshot_with_markers_in_place(
    snap_compare, named_pair: tuple[Path, Path], keys: tuple[str, ...]
) -> None:
    """80x24: the changed word with its marker right after it in both versions; the changed
    footnote's marker lit at the end of its sentence."""
    from test_tui_snapshots import loaded

    async def run_before(pilot: object) -> None:
        await loaded(pilot)  # type: ignore[arg-type]
        await pilot.press(*keys)  # type: ignore[attr-defined]
        await loaded(pilot)  # type: ignore[arg-type]

    assert snap_compare(_app(named_pair), terminal_size=(80, 24), run_before=run_before)


def test_inspect_json_gives_each_blocks_markers(tmp_path: Path) -> None:
    """``inspect --format json``: ``markers`` per block, valid against the letter schema."""
    import json

    path = tmp_path / "letter.txt"
    path.write_text(_docx_text(), encoding="utf-8")
    r = run_cli("inspect", str(path), "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    placed = {m["footnote"]: b["text"][: m["at"]] for b in doc["blocks"] for m in b["markers"]}
    assert {n: text.endswith(AFTER[n]) for n, text in placed.items()} == dict.fromkeys(AFTER, True)
    jsonschema = pytest.importorskip("jsonschema")
    from test_schema import SCHEMAS

    jsonschema.Draft202012Validator(SCHEMAS["letter.schema.json"]).validate(doc)
    broken = {**doc, "blocks": [{**doc["blocks"][5], "markers": [{"at": -1, "footnote": 1}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMAS["letter.schema.json"]).validate(broken)


def test_pdf_text_markers_set_apart_from_their_word() -> None:
    """pdftotext sets a marker apart after punctuation (``afgerond. 1 Daarna``) and justified
    text after a word (``Migratie 2 om``); the place is still the end of the word before it,
    also when the marker ends a line and the sentence runs on over the next."""
    text = (
        "Het overleg met de provincies over de nieuwe woningbouwafspraken is afgerond. 1\n"
        "Daarna volgde een gesprek met de minister van Volkshuisvesting 2 om de planning te\n"
        "bespreken en de voortgang van de regionale woondeals vast te leggen in een brief.\n"
        "\n"
        "1 Kamerstuk 32 847, nr. 1201.\n"
        "2 Kamerstuk 32 847, nr. 1207.\n"
        "\f"
    )
    letter = parse_text(text, "letter.txt", Flavour.PDF_TEXT)
    assert_in_place(letter, {1: "afgerond.", 2: "Volkshuisvesting"})
