"""Parsing each flavour into the letter model."""

from __future__ import annotations

import pytest

from conftest import AGENDA, DOCX, EK, EK_MARCH, TK
from difftool.model import BlockKind, HeaderField
from difftool.parse import parse_text
from difftool.readers import read_letter


@pytest.fixture(scope="module")
def letters():
    return {p.name: read_letter(str(p)) for p in (EK, TK, DOCX, AGENDA, EK_MARCH)}


def _texts(letter):
    return [b.text for b in letter.blocks]


@pytest.mark.parametrize(
    ("sample", "field", "value"),
    [
        (TK.name, "dossier", "32 317"),
        (TK.name, "title", "JBZ-Raad"),
        (TK.name, "number", "1014"),
        (TK.name, "chamber", "Tweede Kamer"),
        (TK.name, "date", "22 juni 2026"),
        (TK.name, "edition", "TK"),
        (EK.name, "letter_code", "QF"),
        (EK.name, "vergaderjaar", "2025-2026"),
        (EK.name, "chamber", "Eerste Kamer"),
        (EK.name, "edition", "EK"),
        (AGENDA.name, "number", "948"),
        (AGENDA.name, "date", "28 mei 2025"),
        (EK_MARCH.name, "chamber", "Eerste Kamer"),
        (EK_MARCH.name, "date", "18 maart 2026"),
    ],
)
def test_header_metadata(letters, sample, field, value) -> None:
    assert getattr(letters[sample].metadata, field) == value


def test_page_break_with_footnotes_between_halves_is_rejoined(letters) -> None:
    ek = letters[EK.name]
    joined = [t for t in _texts(ek) if "Dit politiek akkoord creëert" in t]
    assert len(joined) == 1
    assert "EU-aanpak ten aanzien van Syrië" in " ".join(_texts(ek))
    tk = letters[TK.name]
    assert any("de leden Brekelmans en Veldkamp, al langer" in t for t in _texts(tk))


def test_footnotes_in_every_marker_style(letters) -> None:
    for name, count in ((EK.name, 27), (TK.name, 23), (DOCX.name, 21), (AGENDA.name, 20)):
        assert len(letters[name].footnotes) == count, name
    tk = letters[TK.name]
    assert tk.footnote(8).text == "Kamerstukken II, 2025-2026, 32 317, nr. 1013."
    citing = tk.block(tk.footnote(8).cited_in)
    assert citing.text.startswith("Motie Boomsma en Ellian")
    docx = letters[DOCX.name]
    assert docx.footnote(8).text == "Kamerstukken II, 2025-2026, 32317, nr. 1007."


def test_raw_pdf_glued_markers_and_numbers_at_line_start(letters) -> None:
    ek = letters[EK_MARCH.name]
    assert ek.footnote(1).text.startswith("Conform eerder Nederlands, Duits en Frans non-paper")
    block = ek.block(ek.footnote(1).cited_in)
    assert "online radicalisering. Daarnaast" in block.text
    # "spoor\n2, waar" is a number that starts a line, not footnote 2
    assert any("2, waar" in t for t in _texts(ek))


def test_extraction_noise_is_not_in_the_text(letters) -> None:
    for letter in letters.values():
        for b in letter.blocks:
            for noise in ("[bookmark", "footnoteRef", "^{", "**", "<ul", "<input"):
                assert noise not in b.text, (letter.path, b.id)
    assert any("28ste regime" in t for t in _texts(letters[EK.name]))


def test_signatories(letters) -> None:
    assert [s.name for s in letters[TK.name].signatories] == ["D.M. van Weel", "G. van den Brink", "K.T. van Bruggen"]
    assert [s.name for s in letters[EK.name].signatories][:3] == [
        "D.M. van Weel",
        "Bart van den Brink",
        "Claudia van Bruggen",
    ]
    assert letters[EK.name].signatories[1].role == "De Minister voor Asiel en Migratie"


def test_offsets_point_into_the_original_file(letters) -> None:
    for path in (EK, DOCX, EK_MARCH):
        raw = path.read_text(encoding="utf-8")
        letter = letters[path.name]
        for b in letter.blocks:
            assert len(b.offsets) == len(b.text)
            for ch, off in zip(b.text, b.offsets):
                if ch.isalnum():
                    assert raw[off] == ch, (path.name, b.id, ch, off)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param("Kopje\n\nEen zin die eindigt.\n", [BlockKind.HEADING, BlockKind.PARAGRAPH], id="heading"),
        pytest.param("- een\n- twee\n", [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM], id="bullets"),
        pytest.param(
            "Tekst.\n\nDe minister van Financiën,\n\nE. Heinen\n",
            [BlockKind.PARAGRAPH, BlockKind.SIGNATURE_ROLE, BlockKind.SIGNATURE_NAME],
            id="signature",
        ),
        pytest.param(
            "Tekst.\n\nDe minister van Financiën,\nE. Heinen\n",
            [BlockKind.PARAGRAPH, BlockKind.SIGNATURE_ROLE, BlockKind.SIGNATURE_NAME],
            id="signature-one-chunk",
        ),
    ],
)
def test_block_kinds(text, kinds) -> None:
    assert [b.kind for b in parse_text(text).blocks] == kinds


def test_header_fields_split_when_printed_on_one_line() -> None:
    letter = parse_text("32 317 JBZ-Raad\n\nNr. 1014 Brief van de minister\n\nTekst van de brief.\n")
    fields = [b.field for b in letter.blocks if b.kind is BlockKind.HEADER]
    assert fields == [HeaderField.DOSSIER, HeaderField.TITLE, HeaderField.NUMBER, HeaderField.SENDER]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        pytest.param("een ver-\nkeer dat", "een verkeer dat", id="hyphenation-undone"),
        pytest.param("een niet-\nkwetsbare man", "een niet-kwetsbare man", id="compound-hyphen-kept"),
        pytest.param("de EU-\naanpak", "de EU-aanpak", id="acronym-hyphen-kept"),
        pytest.param("mensenhandel-\nen smokkel", "mensenhandel- en smokkel", id="elided-compound"),
        # U+2010, the hyphen a CSS typesetter (WeasyPrint) breaks lines with
        pytest.param("een ver\u2010\nkeer dat", "een verkeer dat", id="unicode-hyphen-undone"),
        pytest.param("de EU\u2010\naanpak", "de EU\u2010aanpak", id="unicode-hyphen-kept"),
    ],
)
def test_unwrap(lines, joined) -> None:
    letter = parse_text(lines + "\n")
    assert letter.blocks[0].text == joined


@pytest.mark.parametrize("hyphen", ["-", "\u2010"])
def test_join_lines_undoes_line_end_hyphenation_with_either_hyphen(hyphen: str) -> None:
    """The PDF readers join printed lines with :func:`join_lines` (PDF, pdf-text)."""
    from difftool.parse.common import join_lines
    from difftool.parse.extracted import ExtractedText

    out = ExtractedText()
    texts = (f"het terugkeer{hyphen}", "beleid en de opvang", f"voor mensenhandel{hyphen}", "en smokkel")
    lines = [out.add_line(t) for t in texts]
    assert join_lines(lines).text == f"het terugkeerbeleid en de opvang voor mensenhandel{hyphen} en smokkel"
