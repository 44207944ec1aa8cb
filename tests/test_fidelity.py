"""Edits reported as what they are: a whole sentence, a header field, whatever the edition and
flavour of each side."""

from __future__ import annotations

import pytest

from difftool.engine import compare
from difftool.model import HeaderField
from difftool.parse import parse_text

TK_HEADER = "32 317 JBZ-Raad\n\nNr. 1014 Brief van de minister van Justitie en Veiligheid\n\n"
SENTENCE = "Het delen van informatie tussen de diensten moet verbeteren."


def _real(a: str, b: str):
    c = compare(parse_text(a), parse_text(b))
    return [(d.severity.value, d.kind, d.a.text if d.a else "", d.b.text if d.b else "") for d in c.deltas]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the diff could put the cut after "Het" of either sentence; it must be the sentence
        ("De Raad sprak over de samenwerking. ", " Het kabinet steunt dit voorstel van harte."),
        ("Het kabinet steunt het voorstel. ", " Het kabinet steunt dit voorstel van harte."),
        ("", " De lidstaten verbeteren het delen van informatie."),
        ("De lidstaten spraken erover. ", ""),
    ],
)
def test_a_removed_sentence_is_the_sentence(before: str, after: str) -> None:
    a = TK_HEADER + before + SENTENCE + after + "\n"
    b = TK_HEADER + (before + after.lstrip()).strip() + "\n"
    removed = [d for d in _real(a, b) if d[0] == "substantive"]
    assert [(d[1], d[2]) for d in removed] == [("sentence-removed", SENTENCE)]
    added = [d for d in _real(b, a) if d[0] == "substantive"]
    assert [(d[1], d[3]) for d in added] == [("sentence-added", SENTENCE)]


def test_words_removed_inside_a_sentence_are_not_a_sentence() -> None:
    a = TK_HEADER + "Het kabinet steunt dit belangrijke voorstel van harte.\n"
    b = TK_HEADER + "Het kabinet steunt dit voorstel van harte.\n"
    assert [d[1] for d in _real(a, b) if d[0] == "substantive"] == ["text-removed"]


EK_DOCX_TEXT = (
    "Eerste Kamer der Staten-Generaal\nVergaderjaar 2025-2026\n36 600-VI\t\tVaststelling van de begroting\n"
    "AB\tBRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\nAan de Voorzitter van de Eerste Kamer der "
    "Staten-Generaal\nDen Haag, {date}\nHierbij bied ik uw Kamer de brief aan over de begroting.\n"
)
TK_MARKDOWN = (
    "36 600-VI Vaststelling van de begroting\n\nNr. 12 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {date}\n\n"
    "Hierbij bied ik uw Kamer de brief aan over de begroting.\n"
)
TK_PDF_TEXT = (
    "36 600-VI Vaststelling van de begroting\nNr. 12 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, {date}\n"
    "Hierbij bied ik uw Kamer de brief aan over de begroting.\n\nTweede Kamer, vergaderjaar 2025\u20132026, "
    "36 600-VI, nr. 12 1\n\f"
)


@pytest.mark.parametrize("a", [EK_DOCX_TEXT, TK_MARKDOWN, TK_PDF_TEXT], ids=["ek-docx", "tk-md", "tk-pdf"])
@pytest.mark.parametrize("b", [EK_DOCX_TEXT, TK_MARKDOWN, TK_PDF_TEXT], ids=["ek-docx", "tk-md", "tk-pdf"])
def test_a_changed_header_date_is_a_date_change(a: str, b: str) -> None:
    left = parse_text(a.format(date="28 mei 2025"))
    right = parse_text(b.format(date="28 mei 2026"))
    for letter in (left, right):
        assert [x.field for x in letter.blocks if x.field is HeaderField.DATE], letter.flavour
    real = [d for d in compare(left, right).deltas if d.severity.value == "substantive"]
    assert [(d.kind, d.a.text, d.b.text) for d in real] == [("date", "2025", "2026")]


_PARAS = (
    "De minister heeft de gemeenten gevraagd om voor het einde van het jaar een plan in te dienen "
    "voor de opvang van dak- en thuislozen in hun regio.",
    "Dat plan moet laten zien hoeveel plaatsen er nodig zijn en hoe de gemeenten samenwerken met de zorgaanbieders.",
    "Het kabinet stelt daarvoor tot 2027 extra middelen beschikbaar.",
    "Over de voortgang wordt uw Kamer in het voorjaar opnieuw geïnformeerd.",
)


@pytest.mark.parametrize(
    ("a_cuts", "b_cuts"),
    [((1, 3), (2, 3)), ((2, 3), (1, 3)), ((1, 2), (1, 3)), ((1,), (2,))],
    ids=["boundary-later", "boundary-earlier", "second-boundary", "two-paragraphs"],
)
def test_a_paragraph_break_elsewhere_is_cosmetic(a_cuts: tuple[int, ...], b_cuts: tuple[int, ...]) -> None:
    """The same sentences with a paragraph break in another place (an extractor's or an editor's
    layout): one cosmetic paragraph-break, not a sentence removed here and a paragraph added there."""

    def letter(cuts: tuple[int, ...]) -> str:
        bounds = (0, *cuts, len(_PARAS))
        return TK_HEADER + "\n\n".join(" ".join(_PARAS[s:e]) for s, e in zip(bounds, bounds[1:])) + "\n"

    found = _real(letter(a_cuts), letter(b_cuts))
    assert [d[:2] for d in found] == [("cosmetic", "paragraph-break")]
    # a real change inside the re-cut paragraphs is still reported
    edited = letter(b_cuts).replace("2027", "2028")
    assert [d[:2] for d in _real(letter(a_cuts), edited) if d[0] != "cosmetic"] == [("substantive", "number")]


def test_two_paragraphs_swapped_are_a_move_not_a_paragraph_break() -> None:
    a = TK_HEADER + "\n\n".join(_PARAS) + "\n"
    b = TK_HEADER + "\n\n".join((_PARAS[0], _PARAS[2], _PARAS[1], _PARAS[3])) + "\n"
    kinds = [d[1] for d in _real(a, b)]
    assert "moved" in kinds and "paragraph-break" not in kinds
