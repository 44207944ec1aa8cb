"""Annexes are found by structure, whatever their headings say (issue 16): the first heading-shaped
line or a line in another language after the signature block, a Bijlage/Annex line, a bold title
or a line in capitals."""

from __future__ import annotations

import pytest

from difftool.model import BlockKind
from difftool.parse import parse_text

LETTER = (
    "36 600-VI Vaststelling van de begroting\n\nNr. 12 Brief van de minister van Justitie en Veiligheid\n\n"
    "Hierbij zend ik uw Kamer de toelichting bij de begroting.\n\n"
    "De minister van Justitie en Veiligheid,\n\nD.M. van Weel\n\n"
    "{annex}\n\n"
    "Dit deel van de brief beschrijft de uitgaven per artikel van de begroting.\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "Toelichting bij de begroting van het ministerie",  # a heading-shaped line, in no list
        "Overzicht van de moties en toezeggingen",
        "Bijlage 2: financiële tabellen",
        "STATEMENT OF THE MEMBER STATES ON MIGRATION",
        "The ministers of the member states agree to strengthen their cooperation on return policy",
    ],
)
def test_an_annex_after_the_signature_is_found_by_its_shape(heading: str) -> None:
    letter = parse_text(LETTER.format(annex=heading))
    assert [letter.block(b).text for b in letter.annexes] == [heading]
    assert letter.block(letter.annexes[0]).kind is BlockKind.ANNEX_START


def test_a_closing_sentence_after_the_signature_is_no_annex() -> None:
    letter = parse_text(LETTER.format(annex="Een afschrift van deze brief gaat naar de Eerste Kamer."))
    assert letter.annexes == ()


def test_headings_before_the_signature_are_no_annexes() -> None:
    text = LETTER.replace("Hierbij zend", "Toelichting bij de begroting\n\nHierbij zend").format(annex="")
    assert parse_text(text).annexes == ()
