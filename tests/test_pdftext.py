"""Text extracted from a PDF by the common tools reads as the letter it was laid out from.

Each sample letter is laid out on pages of varied width and height and written as pdftotext,
``pdftotext -layout``, pdfminer, a viewer's copy and seed 004's raw stream write it
(tests/extractors.py). Read back, it must say the same as the letter: no substantive or editorial
difference, every footnote found and cited where it was, the running footer gone.
"""

from __future__ import annotations

import json

import pytest

from conftest import AGENDA, EK, EK_MARCH, TK, run_cli
from difftool.engine import compare
from difftool.model import Flavour, Severity
from difftool.parse import parse_text
from difftool.parse.pdftext import parse_pdf_text
from difftool.readers import read_letter
from difftool.sources import detect_flavour
from extractors import STYLES, Layout, extract

FOOTER = "Tweede Kamer, vergaderjaar 2025\u20132026, 32 317, nr. 1014"
LAYOUTS = [(68, 44, 1), (84, 52, 2), (100, 60, 3)]


@pytest.fixture(scope="module")
def originals():
    return {p.name: read_letter(str(p)) for p in (EK, TK, AGENDA, EK_MARCH)}


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("width", "lines", "seed"), LAYOUTS)
@pytest.mark.parametrize("sample", [TK.name, EK.name, AGENDA.name, EK_MARCH.name])
def test_extracted_text_says_what_the_letter_says(originals, sample, width, lines, seed, style) -> None:
    original = originals[sample]
    text = extract(original, Layout(width, lines, style, seed), FOOTER)
    assert detect_flavour(text) is Flavour.PDF_TEXT
    copy = parse_text(text, f"{sample}.{style}.txt")
    c = compare(original, copy)
    real = [d.explanation for d in c.deltas if d.severity in (Severity.SUBSTANTIVE, Severity.EDITORIAL)]
    assert real == []
    assert [f.number for f in copy.footnotes] == [f.number for f in original.footnotes]
    assert _markers(copy) == _markers(original)
    assert not any(FOOTER[:20] in b.text for b in copy.blocks)


def _markers(letter):
    """Every marker of the letter, in reading order."""
    return [n for b in letter.blocks for n in b.footnotes]


def _bodies(text: str) -> dict[int, str]:
    return {n: m.text for n, m in parse_pdf_text(text)[1].items()}


def _paras(text: str) -> list[str]:
    return [p.text.text for p in parse_pdf_text(text)[0]]


def test_numbers_that_are_not_markers_stay() -> None:
    """A year, a document number, a dossier and a number at a line start are never markers,
    even when the footnote zone holds bodies with those numbers."""
    text = (
        "In 2026 besprak de Raad het voorstel, zie nr. 1014 en dossier 32 317. Het spoor\n"
        "2, waar de lidstaten op wezen, blijft open.1 Daarna volgde het tweede punt van de\n"
        "agenda en de lidstaten spraken over artikel 3 van het verdrag.2\n"
        "\n"
        "1 Kamerstuk 32 317, nr. 1007.\n"
        "2 Kamerstuk 21 501-20, nr. 2185.\n"
        "\f"
    )
    paras = _paras(text)
    assert paras == [
        "In 2026 besprak de Raad het voorstel, zie nr. 1014 en dossier 32 317. Het spoor 2, waar de lidstaten op "
        "wezen, blijft open. Daarna volgde het tweede punt van de agenda en de lidstaten spraken over artikel 3 "
        "van het verdrag."
    ]
    assert _bodies(text) == {1: "Kamerstuk 32 317, nr. 1007.", 2: "Kamerstuk 21 501-20, nr. 2185."}


def test_a_zone_without_its_markers_is_text() -> None:
    """Lines that look like footnote bodies but whose numbers are cited nowhere stay text."""
    text = "De agenda kent twee punten die de Raad besprak:\n1 de begroting van de Unie;\n2 het verslag.\n\f"
    assert _bodies(text) == {}
    assert "1 de begroting van de Unie;" in " ".join(_paras(text))


def test_markers_in_every_style() -> None:
    """Glued to a word or after punctuation, after punctuation and a space, superscript."""
    text = (
        "De Raad besprak het wetsvoorstel1 en de motie die werd aangenomen.2 Ook de\n"
        "Commissie.3 sprak, en het lid radicalisering. 4 Daarnaast\u2075 bleef het stil.\n"
        "1 Eerste.\n2 Tweede.\n3 Derde.\n4 Vierde.\n5 Vijfde.\n\f"
    )
    paras = parse_pdf_text(text)[0]
    assert [p.refs for p in paras] == [(1, 2, 3, 4, 5)]
    assert paras[0].text.text == (
        "De Raad besprak het wetsvoorstel en de motie die werd aangenomen. Ook de Commissie. sprak, en het lid "
        "radicalisering. Daarnaast bleef het stil."
    )


def test_hyphenation_across_a_page_with_a_footer_between() -> None:
    text = (
        "De Raad sprak over de samenwerking met de Com-\n"
        "\n"
        "Tweede Kamer, vergaderjaar 2025\u20132026, 32 317, nr. 1014 5\n"
        "\f"
        "missie en de kop-\n"
        "groep van lidstaten die het voorstel steunden.\n"
        "\n"
        "Tweede Kamer, vergaderjaar 2025\u20132026, 32 317, nr. 1014 6\n"
        "\f"
    )
    assert _paras(text) == [
        "De Raad sprak over de samenwerking met de Commissie en de kopgroep van lidstaten die het voorstel steunden."
    ]


@pytest.mark.parametrize("hyphen", ["-", "\u2010"])
def test_a_short_line_ending_in_a_broken_word_runs_on(hyphen: str) -> None:
    """A line that stops short but ends in a word broken by a hyphen (``-``, or U+2010 as CSS
    typesetters write it) goes on in the next line: the rest of the word did not fit."""
    text = (
        "De lidstaten spraken over het versterken van de buitengrenzen en de samenwerking bij de\n"
        f"terug{hyphen}\n"
        "keer van mensen zonder verblijfsrecht, en over de verordening die daarvoor nodig is.\n\f"
    )
    assert _paras(text) == [
        "De lidstaten spraken over het versterken van de buitengrenzen en de samenwerking bij de terugkeer van "
        "mensen zonder verblijfsrecht, en over de verordening die daarvoor nodig is."
    ]


def test_hyphen_set_apart_in_justified_text() -> None:
    """pdftotext -layout writes a justified line's hyphen apart from the word: ``terro -``."""
    text = "De Raad sprak met de kopgroep terro -\nrismebestrijding over de EU-\naanpak.\n\f"
    assert _paras(text) == ["De Raad sprak met de kopgroep terrorismebestrijding over de EU- aanpak."]


def test_a_word_split_by_a_space_is_noise_only_in_extracted_text() -> None:
    """Raw pdftotext drops the hyphen of a broken word and leaves a space (``Com missie``): noise
    of the extractor when one side is PDF text, a real typo between two clean texts."""
    header = "32 317 JBZ-Raad\n\nNr. 1014 Brief van de minister van Justitie en Veiligheid\n\n"
    clean = header + "De Commissie sprak met de lidstaten over de voortgang van het dossier.\n"
    split = header + "De Com missie sprak met de lidstaten over de voortgang van het dossier.\n"
    extracted = split.replace("\n\n", "\n") + "\f"
    pdf_text = parse_text(extracted, flavour=Flavour.PDF_TEXT)
    as_extracted = compare(parse_text(clean), pdf_text).deltas
    assert [(d.severity, d.kind) for d in as_extracted] == [(Severity.COSMETIC, "spacing")]
    as_typo = compare(parse_text(clean), parse_text(split)).deltas
    assert [(d.severity, d.kind) for d in as_typo] == [(Severity.EDITORIAL, "spelling")]


def test_a_marker_set_apart_in_justified_text() -> None:
    """``Migratie 5 om``: a marker after a word and a space; but never a date, a quantity or a
    quarter (``op 5 juni``, ``de 2 lidstaten``, ``Q1 2026``)."""
    text = (
        "Op 1 juni en in Q1 2026 spraken de 2 lidstaten met de minister van Asiel en Migratie 1 om\n"
        "de Kamer te informeren, en de Motie van Campen en Boswijk 2 waarin dit is gevraagd, zorg te\n"
        "dragen 3. Het kabinet steunt dit.\n"
        "1 Kamerstuk 32 317, nr. 1007.\n2 Kamerstuk 21 501-20, nr. 2185.\n3 Kamerstuk 36 600-VI, nr. 12.\n\f"
    )
    paras = parse_pdf_text(text)[0]
    assert [p.refs for p in paras] == [(1, 2, 3)]
    assert paras[0].text.text == (
        "Op 1 juni en in Q1 2026 spraken de 2 lidstaten met de minister van Asiel en Migratie om de Kamer te "
        "informeren, en de Motie van Campen en Boswijk waarin dit is gevraagd, zorg te dragen. Het kabinet "
        "steunt dit."
    )


@pytest.mark.parametrize(("extra", "flavour"), [((), "pdf-text"), (("--flavour", "plain"), "plain")])
def test_flavour_detected_or_named_on_the_command_line(extra: tuple[str, ...], flavour: str) -> None:
    result = run_cli("inspect", str(EK_MARCH), "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["flavour"] == flavour


def test_an_unknown_flavour_is_one_line() -> None:
    result = run_cli("compare", str(EK_MARCH), str(EK_MARCH), "--flavour", "ocr")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "zone",
    [
        # numbers first, then the bodies (a block of numbers labels no body)
        "1\n2\n\nKamerstuk 32 317, nr. 1007.\nKamerstuk 21 501-20, nr. 2185.\n",
        # bodies without numbers first, their numbers after the last body
        "Kamerstuk 32 317, nr. 1007.\n2\nKamerstuk 21 501-20, nr. 2185.\n1\n",
        # a body without number that wraps: its second line starts with a digit
        "Kamerstuk 32 317, nr.\n1007.\n2\nKamerstuk 21 501-20, nr. 2185.\n1\n",
    ],
    ids=["numbers-first", "numbers-last", "wrapped-body"],
)
def test_raw_pdftotext_writes_numbers_apart_from_bodies(zone: str) -> None:
    """Raw pdftotext follows the content stream: a LibreOffice PDF sets each footnote number as its
    own run, so numbers and bodies come apart and out of order."""
    text = (
        "De Raad besprak het voorstel van de Commissie.1 Daarna volgde het tweede punt\n"
        "van de agenda, waarover de lidstaten verdeeld bleven.2\n" + zone + "\nTweede Kamer, vergaderjaar "
        "2025\u20132026, 32 317, nr. 1014\n\n1\n\f"
    )
    bodies = {n: " ".join(m.text.split()) for n, m in parse_pdf_text(text)[1].items()}
    assert bodies == {1: "Kamerstuk 32 317, nr. 1007.", 2: "Kamerstuk 21 501-20, nr. 2185."}


# --- raw pdftotext at a page's foot: a broken word's hyphen dropped, the next run glued to it ----

_FOOTER = "Tweede Kamer, vergaderjaar 2025\u20132026, 29 754, nr. 712"
_FILL = (
    "De staatssecretaris heeft de gemeenten in een brief laten weten hoe de nieuwe\n"
    "regeling voor de opvang van dak- en thuislozen vanaf het komende voorjaar\n"
    "wordt uitgevoerd en welke middelen daarvoor in de begroting zijn gereserveerd.\n"
)


def _two_pages(foot: str, next_page: str) -> str:
    return (
        _FILL + "Het overleg met de koepels is afgerond.3 Daarna volgde een ronde langs de\n"
        "provincies, waar de plannen op steun konden rekenen.4 Daarbij is een duur"
        + foot
        + "\n"
        + _FOOTER
        + "\n\n1\n\f"
        + next_page
        + "\n"
        + _FOOTER
        + "\n\n2\n\f"
    )


@pytest.mark.parametrize(
    ("foot", "bodies"),
    [
        # the first footnote number glued to the broken word, the next number on a line of its own
        (
            "3\n4\n\nKamerbrief van 3 maart 2025.\nZie de bijlage bij Kamerstuk 29 754, nr. 700.\n",
            {3: "Kamerbrief van 3 maart 2025.", 4: "Zie de bijlage bij Kamerstuk 29 754, nr. 700."},
        ),
        # the first body glued to the broken word, its number after the bodies
        (
            "Kamerbrief van 3 maart 2025.\n4\nZie de bijlage bij Kamerstuk 29 754, nr. 700.\n3\n",
            {3: "Kamerbrief van 3 maart 2025.", 4: "Zie de bijlage bij Kamerstuk 29 754, nr. 700."},
        ),
    ],
    ids=["number-glued", "body-glued"],
)
def test_a_zone_glued_to_the_broken_word_above_it(foot: str, bodies: dict[int, str]) -> None:
    text = _two_pages(foot, "zaam stelsel van opvang in alle regio's het doel, zoals de wet het vraagt.")
    found = {n: " ".join(m.text.split()) for n, m in parse_pdf_text(text)[1].items()}
    assert found == bodies
    paras = " ".join(_paras(text))
    assert "Kamerbrief" not in paras and "duur3" not in paras
    assert "een duur zaam stelsel" in paras or "een duurzaam stelsel" in paras


def test_a_lone_glued_number_before_its_body() -> None:
    foot = "3\n\nAanhangsel Handelingen II, 2024/25, nr. 1203\n"
    text = (
        _FILL
        + "Het overleg met de koepels is afgerond.3 Daarna volgde een ronde langs de\nprovincies. Daarbij is een duur"
        + foot
        + "\n"
        + _FOOTER
        + "\n\n1\n\fzaam stelsel het doel.\n"
        + _FOOTER
        + "\n\n2\n\f"
    )
    assert {n: m.text for n, m in parse_pdf_text(text)[1].items()} == {
        3: "Aanhangsel Handelingen II, 2024/25, nr. 1203"
    }


def test_a_number_at_a_line_end_that_no_zone_follows_stays() -> None:
    """``artikel 3`` at a line's end before ordinary text is not a footnote number."""
    text = (
        _FILL
        + "Zo regelt artikel 3\nDe uitvoering ligt bij de gemeenten.\n\n"
        + _FOOTER
        + "\n\n1\n\f"
        + _FILL
        + _FOOTER
        + "\n\n2\n\f"
    )
    assert "artikel 3 De uitvoering" in " ".join(_paras(text))
    assert parse_pdf_text(text)[1] == {}


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("20242025", "2024-2025"),
        ("19992000", "1999-2000"),
        ("20242026", "20242026"),
        ("120242025", "120242025"),
        ("202324", "2023-24"),
        ("199900", "1999-00"),
        ("202325", "202325"),
        ("2023241", "2023241"),
    ],
)
def test_a_parliamentary_year_whose_hyphen_was_dropped(written: str, read: str) -> None:
    text = f"Zie Kamerstuk II, {written}, 29 754, nr. 700, over de opvang.\n"
    assert read in _paras(text)[0]


def test_a_numbered_heading_in_a_wider_face_ends_its_line() -> None:
    """A bold numbered heading that fills most of a line, followed by a capital, is its own paragraph
    although by characters the next word might have fitted."""
    heading = "3. Verordening over de erkenning van ouderschap tussen de lidstaten der Unie"
    body = "In de Raad bleek dat een ruime meerderheid van de lidstaten de huidige tekst steunt"
    text = _FILL + heading + "\n" + body + "\nen dat de onderhandelingen met het Parlement kunnen beginnen.\n"
    assert heading in _paras(text)
    # and a numbered item that wraps before a lower-case word runs on
    item = "3. de verordening over de erkenning van ouderschap tussen de lidstaten van"
    assert any(p.startswith(item + " de Unie") for p in _paras(_FILL + item + "\nde Unie wordt aangenomen.\n"))


def test_a_footnote_number_the_stream_wrote_before_the_rest_of_the_page() -> None:
    """Raw pdftotext may write a footnote number before text the content stream holds after it (a
    list's text): when the next page goes on mid-sentence, the page's text must end open, so the
    body is the page's last line, not everything after the number."""
    text = (
        _FILL + "Het kabinet steunt de gemeenten daarbij met een vast budget.3\nUitkomsten\n\n3\n\n"
        "In het overleg bleek dat de meeste provincies de plannen steunen en dat er\n"
        "brede steun is voor een gezamenlijke aanpak van de opvang in de regio en de\n"
        "Kamerbrief van 3 maart 2025, Kamerstuk 29 754, nr. 700.\n\n" + _FOOTER + "\n\n1\n\f"
        "financiering daarvan door het Rijk.\n" + _FOOTER + "\n\n2\n\f"
    )
    assert _bodies(text) == {3: "Kamerbrief van 3 maart 2025, Kamerstuk 29 754, nr. 700."}
    assert any("opvang in de regio en de financiering daarvan" in p for p in _paras(text))


def test_a_body_after_a_space_where_the_broken_word_goes_on_over_the_page() -> None:
    """Justified text may leave a space where raw pdftotext glued the first body to a broken word
    (``diplomatiek ver BNC-fiche``); the next page's first word, joined to the half before it,
    makes the word (``ver`` + ``trouwelijk``), so the body starts there."""
    text = (
        _FILL + "Het overleg met de gemeenten is afgerond.3 Daarna volgde een ronde langs de\n"
        "provincies, een gevoelig en tot nu toe ver Kamerbrief van 3 maart 2025.\n3\n\n"
        + _FOOTER
        + "\n\n1\n\ftrouwelijk gebleven proces, zoals de wet het vraagt.\n"
        + _FOOTER
        + "\n\n2\n\f"
    )
    assert _bodies(text) == {3: "Kamerbrief van 3 maart 2025."}
    assert any("tot nu toe ver trouwelijk gebleven" in p or "vertrouwelijk" in p for p in _paras(text))


def test_as_many_lines_as_numbers_are_one_body_each() -> None:
    """After a block of numbers, as many lines as numbers are a body each, also one that starts in
    lower case (``zie …``) and would otherwise continue the body above."""
    text = (
        "De Raad besprak het voorstel van de Commissie.1 Daarna volgde het tweede punt\n"
        "van de agenda, waarover de lidstaten verdeeld bleven.2\n1\n2\n\n"
        "Kamerstuk 29 754, nr. 700.\nzie ook de brief van 3 maart 2025.\n\n" + _FOOTER + "\n\n1\n\f"
    )
    assert _bodies(text) == {1: "Kamerstuk 29 754, nr. 700.", 2: "zie ook de brief van 3 maart 2025."}


@pytest.mark.parametrize("spaced", [False, True], ids=["glued", "spaced"])
def test_a_note_moved_to_the_next_page_keeps_its_marker(spaced: bool) -> None:
    """A note cited in a page's last line whose body no longer fits there is set at the foot of the
    next page (Word and LibreOffice both do): the marker on one page, the body on the next."""
    marker = " 4" if spaced else "4"
    text = (
        _FILL + "Het overleg met de koepels is afgerond.3 Daarna volgde een ronde langs alle\n"
        f"provincies, waar de plannen op brede steun konden rekenen.{marker}\n\n"
        "3 Kamerbrief van 3 maart 2025.\n\n" + _FOOTER + "\n\n1\n\f"
        "Daarnaast is met de gemeenten gesproken over de uitvoering.5\n\n"
        "4 Zie de bijlage bij Kamerstuk 29 754, nr. 700.\n5 Aanhangsel Handelingen II, 2024/25, nr. 1203.\n\n"
        + _FOOTER
        + "\n\n2\n\f"
    )
    letter = parse_text(text, flavour=Flavour.PDF_TEXT)
    assert _markers(letter) == [3, 4, 5]
    assert {f.number: f.text for f in letter.footnotes} == {
        3: "Kamerbrief van 3 maart 2025.",
        4: "Zie de bijlage bij Kamerstuk 29 754, nr. 700.",
        5: "Aanhangsel Handelingen II, 2024/25, nr. 1203.",
    }
    assert all(not b.text.startswith("4") and not b.text.endswith("4") for b in letter.blocks)


def test_a_number_not_at_the_foot_of_the_page_before_is_no_moved_note() -> None:
    """Only the last lines of the page before may hold a moved note's marker: ``wetsvoorstel4``
    higher up stays text."""
    text = (
        "In de brief over het wetsvoorstel4 staat hoe de gemeenten de nieuwe regeling\n"
        + _FILL
        + "Het overleg met de koepels is afgerond.3\n\n3 Kamerbrief van 3 maart 2025.\n\n"
        + _FOOTER
        + "\n\n1\n\f"
        "Daarnaast is met de gemeenten gesproken over de uitvoering.5\n\n"
        "4 Zie de bijlage bij Kamerstuk 29 754, nr. 700.\n5 Aanhangsel Handelingen II, 2024/25, nr. 1203.\n\n"
        + _FOOTER
        + "\n\n2\n\f"
    )
    letter = parse_text(text, flavour=Flavour.PDF_TEXT)
    assert _markers(letter) == [3, 5]
    assert "wetsvoorstel4 staat" in letter.blocks[0].text


def test_numbers_the_stream_wrote_high_on_the_page_before_a_new_page() -> None:
    """Raw pdftotext may write a page's footnote numbers high up (after a list's bullets, in content
    stream order) and the bodies as the page's last lines; when the next page starts anew, the page's
    text ends a sentence before the bodies."""
    text = (
        _FILL + "Het kabinet steunt de gemeenten daarbij met een vast budget.3\nUitkomsten\n\uf0b7\n\n"
        "\uf0b7\n\n3\n4\n\n"
        "In het overleg bleek dat de meeste provincies de plannen steunen.\n"
        + _FILL
        + _FILL
        + "Ook de koepels steunen een gezamenlijke aanpak van de opvang in de regio.4\n"
        "Het Rijk draagt daarvoor de helft van de kosten.\n\n"
        "Kamerbrief van 3 maart 2025, Kamerstuk 29 754, nr. 700.\n"
        "Aanhangsel Handelingen II, 2024/25, nr. 1203.\n\n" + _FOOTER + "\n\n1\n\f"
        "Financiering\nDe middelen staan op de begroting van het komende jaar.\n" + _FOOTER + "\n\n2\n\f"
    )
    assert _bodies(text) == {
        3: "Kamerbrief van 3 maart 2025, Kamerstuk 29 754, nr. 700.",
        4: "Aanhangsel Handelingen II, 2024/25, nr. 1203.",
    }
    assert any(p.endswith("Het Rijk draagt daarvoor de helft van de kosten.") for p in _paras(text))


def test_a_body_line_opening_with_a_parenthesis_goes_on() -> None:
    """Raw pdftotext's bodies without numbers, then the numbers: a line that opens with a
    parenthesis after a line that ends no sentence goes on with the body above, it opens none."""
    text = (
        "De Raad besprak het voorstel van de Commissie.3 Daarna volgde het tweede punt\n"
        "van de agenda, waarover de lidstaten verdeeld bleven.4\n\n"
        "Kamerbrief van 3 maart 2025.\n"
        "Het formulier 'Verlenging van de regeling voor de opvang op Amsterdam Airport Schiphol\n"
        "(AAS)' is bij deze brief gevoegd.\n3\n4\n\n" + _FOOTER + "\n\n1\n\f"
    )
    assert _bodies(text) == {
        3: "Kamerbrief van 3 maart 2025.",
        4: "Het formulier 'Verlenging van de regeling voor de opvang op Amsterdam Airport Schiphol (AAS)' is "
        "bij deze brief gevoegd.",
    }


_LONG_NOTE = (
    "Sinds 2022 geldt voor voorstellen met grote financiële gevolgen de werkwijze van de toelichting vooraf; ter\n"
    "uitvoering daarvan is het formulier over de verlenging van de regeling voor de opvang op de luchthaven\n"
)
_NOTE_REST = "bij deze brief aan uw Kamer gezonden, met de cijfers van het laatste kwartaal van het voorgaande jaar.\n"


@pytest.mark.parametrize("ends", ["", "."], ids=["split", "complete"])
def test_a_long_note_runs_on_at_the_foot_of_the_next_page(ends: str) -> None:
    """A long footnote's body goes on at the foot of the next page, without a number, after a blank
    line and in the notes' smaller type (wider lines than the text's). When the body on the first
    page already ended a sentence, the next page's last paragraph is text."""
    note = _LONG_NOTE.rstrip("\n") + ends + "\n"
    text = (
        _FILL * 8 + "Het overleg met de koepels is afgerond en het besluit is genomen.3 Het formulier\n"
        "is bijgevoegd; de gemeenten krijgen de helft van de kosten vergoed.\n\n3 "
        + note
        + "\n"
        + _FOOTER
        + "\n\n1\n\f"
        "Daarmee is de regeling voor dit jaar rond.\n\nDe minister van Infrastructuur,\nA.B. de Vries\n\n"
        + _NOTE_REST
        + "\n"
        + _FOOTER
        + "\n\n2\n\f"
    )
    bodies = _bodies(text)
    paras = _paras(text)
    if ends:
        assert bodies[3].endswith("op de luchthaven.")
        assert any(p.startswith("bij deze brief aan uw Kamer gezonden") for p in paras)
    else:
        assert bodies[3].endswith("op de luchthaven " + _NOTE_REST.strip())
        assert not any("bij deze brief aan uw Kamer" in p for p in paras)


def test_a_short_unfinished_citation_takes_no_text_from_the_next_page() -> None:
    """A citation without a full stop (``… nr. 63``) is short and finished: the next page's last
    paragraph is text, however wide."""
    text = (
        _FILL * 8
        + "Het overleg met de koepels is afgerond.3\n\n3 Kamerstukken II, 2025-2026, 36 848, nr. 63\n\n"
        + _FOOTER
        + "\n\n1\n\fDaarmee is de regeling voor dit jaar rond.\n\n"
        + _NOTE_REST
        + "\n"
        + _FOOTER
        + "\n\n2\n\f"
    )
    assert _bodies(text) == {3: "Kamerstukken II, 2025-2026, 36 848, nr. 63"}
    assert any(p.startswith("bij deze brief aan uw Kamer gezonden") for p in _paras(text))


def test_a_long_unfinished_note_takes_no_paragraph_of_text() -> None:
    """A long body that a letter left unfinished (``… Kamerbrief bij``) takes nothing from the next
    page when its last paragraph is set as text (no line wider than the text's)."""
    text = (
        _FILL * 8 + "Het overleg met de koepels is afgerond.3\n\n3 " + _LONG_NOTE + "\n" + _FOOTER + "\n\n1\n\f"
        "Daarmee is de regeling voor dit jaar rond.\n\nDe gemeenten ontvangen de bijdrage in het\n"
        "voorjaar, zoals met de koepels is afgesproken.\n\n" + _FOOTER + "\n\n2\n\f"
    )
    assert _bodies(text)[3].endswith("op de luchthaven")
    assert any(p.startswith("De gemeenten ontvangen de bijdrage") for p in _paras(text))


def test_footnote_numbers_written_after_the_running_footer() -> None:
    """Raw pdftotext may write a page's footnote numbers after its running footer, just before the
    page number: the footer is still furniture, the numbers still the bodies' and only the last
    number the page's."""
    text = (
        _FILL + "Het overleg met de koepels is afgerond.1 Daarna volgde een ronde langs de\n"
        "provincies, waar de plannen op steun konden rekenen.2\n"
        "Kamerbrief van 3 maart 2025.\nZie de bijlage bij Kamerstuk 29 754, nr. 700.\n"
        + _FOOTER
        + "\n1\n2\n\n1\n\f"
        + _FILL
        + "\n"
        + _FOOTER
        + "\n\n2\n\f"
    )
    assert _bodies(text) == {1: "Kamerbrief van 3 maart 2025.", 2: "Zie de bijlage bij Kamerstuk 29 754, nr. 700."}
    assert not any("Tweede Kamer, vergaderjaar" in p for p in _paras(text))


def test_a_page_number_written_before_the_running_footer() -> None:
    """pdfminer may write the page number before the running footer: it is still the page number,
    and the sentence it stood in goes on over the page."""
    text = (
        _FILL * 2 + "Het overleg met de gemeenten is afgerond. In de\n2\n" + _FOOTER + "\n\n\f"
        "brief van 3 maart staat hoe de regeling wordt uitgevoerd.\n" + _FILL + "3\n" + _FOOTER + "\n\n\f"
    )
    assert any("In de brief van 3 maart staat" in p for p in _paras(text))
    assert not any(p.endswith("In de 2") or " 2 brief" in p for p in _paras(text))


def test_footnote_numbers_written_after_the_page_number() -> None:
    """Raw pdftotext may write a page's footnote numbers after its page number (``3`` / ``1`` /
    ``2`` on page 3): the page number is the bare number that is the page's place in the file."""
    page = _FILL + "\n" + _FOOTER + "\n\n{n}\n\f"
    text = (
        page.format(n=1)
        + page.format(n=2)
        + _FILL
        + "Het overleg met de koepels is afgerond.1 Daarna volgde een ronde langs de\n"
        "provincies, waar de plannen op steun konden rekenen.2\n"
        "Kamerbrief van 3 maart 2025.\nZie de bijlage bij Kamerstuk 29 754, nr. 700.\n" + _FOOTER + "\n3\n1\n2\n\f"
    )
    assert _bodies(text) == {1: "Kamerbrief van 3 maart 2025.", 2: "Zie de bijlage bij Kamerstuk 29 754, nr. 700."}
    assert any(p.endswith("op steun konden rekenen.") for p in _paras(text))


def test_a_footnote_number_written_after_the_last_body_between_two_labelled_ones() -> None:
    """Raw pdftotext: ``1`` / body 1 / body 2 / ``3`` / body 3 / … / ``2``: the number written last
    belongs to the body between its neighbours, the second part of the lines under ``1``."""
    text = (
        _FILL * 4 + "Het overleg met de koepels is afgerond.1 Daarna volgde een ronde langs de\n"
        "provincies, waar de plannen op steun konden rekenen.2 Het Rijk betaalt de helft.3\n\n1\n\n"
        "Kamerbrief van 3 maart 2025.\nZie de bijlage bij Kamerstuk 29 754, nr. 700.\n3\n"
        "Aanhangsel Handelingen II, 2024/25, nr. 1203.\n" + _FOOTER + "\n2\n1\n\f" + _FILL + _FOOTER + "\n2\n\f"
    )
    assert _bodies(text) == {
        1: "Kamerbrief van 3 maart 2025.",
        2: "Zie de bijlage bij Kamerstuk 29 754, nr. 700.",
        3: "Aanhangsel Handelingen II, 2024/25, nr. 1203.",
    }


def test_layout_sets_a_note_number_under_its_body() -> None:
    """``pdftotext -layout`` may write a raised note number on the line under its body when the notes
    are set nearly at body size (``9`` / body 9 / body 10 / ``10``): a bare number at the foot far
    from the page's place (the footer carries the page number) is no page number but a note's."""
    first = "".join(f"Punt {k} van de agenda is besproken.{k}\n" for k in range(1, 9))
    notes = "".join(f"{k} Kamerstuk 29 754, nr. {700 + k}.\n" for k in range(1, 9))
    text = (
        _FILL
        + first
        + "\n"
        + notes
        + "\n"
        + _FOOTER
        + " 1\n\f"
        + _FILL * 3
        + "Het overleg met de koepels is afgerond.9 Daarna volgde een ronde langs de\n"
        "provincies, waar de plannen op steun konden rekenen.10 Met deze brief\n\n9\n"
        " Kamerbrief van 3 maart 2025, Kamerstuk 29 754, nr. 709\n"
        " Aanhangsel Handelingen II, 2024/25, nr. 1203\n10\n\n" + _FOOTER + " 2\n\f"
        "informeert het kabinet u over de uitvoering.\n" + _FILL + _FOOTER + " 3\n\f"
    )
    bodies = _bodies(text)
    assert bodies[9] == "Kamerbrief van 3 maart 2025, Kamerstuk 29 754, nr. 709"
    assert bodies[10] == "Aanhangsel Handelingen II, 2024/25, nr. 1203"


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        pytest.param(
            "ste\nVoor het 21 regime voor ondernemingen is steun.",
            "Voor het 21ste regime voor ondernemingen is steun.",
            id="ste",
        ),
        pytest.param(
            "e de\nDe 3 en de 2 ronde van de gesprekken zijn afgerond.",
            "De 3e en de 2de ronde van de gesprekken zijn afgerond.",
            id="two",
        ),
        # two numbers for one suffix: which one it belongs to is not known, so nothing is moved
        pytest.param(
            "e\nIn 2025 zijn er 4 rondes van de gesprekken geweest.",
            "In 2025 zijn er 4 rondes van de gesprekken geweest.",
            id="ambiguous",
        ),
    ],
)
def test_raised_ordinal_suffixes_on_a_line_of_their_own(lines: str, read: str) -> None:
    """pdfplumber cuts lines by their top, so the raised suffix of an ordinal (``21ste``) lands on
    a line of its own above its number."""
    text = "De Raad vergaderde op 5 juni in Luxemburg over de voorstellen van de Commissie.\n" + lines + "\n\f"
    assert _paras(text)[-1].endswith(read)


def test_notes_moved_with_markers_high_up_the_page_before() -> None:
    """A typesetter that moves every note of a page whose foot overflows (WeasyPrint) leaves the
    markers far above the foot of the page before; glued to their words they still count, and a
    plain number on the page of the bodies (``spoor 2,``) is not taken for one."""
    text = (
        "Het overleg met de koepels is afgerond en het besluit is genomen.1 De gemeenten zijn\n"
        "ingelicht over de uitvoering, die in het voorjaar begint.2\n" + _FILL + _FOOTER + "\n\n1\n\f"
        "Anders dan in het huidige spoor 2, waar de aanvragen werden afgedaan, kent de nieuwe\n"
        "procedure alle stappen van de gewone.3\n\n"
        "1 Kamerbrief van 3 maart 2025.\n2 Zie de bijlage bij Kamerstuk 29 754, nr. 700.\n"
        "3 Aanhangsel Handelingen II, 2024/25, nr. 1203.\n\n" + _FOOTER + "\n\n2\n\f"
    )
    letter = parse_text(text, flavour=Flavour.PDF_TEXT)
    assert _markers(letter) == [1, 2, 3]
    assert "spoor 2, waar" in " ".join(b.text for b in letter.blocks)
    assert sorted(f.number for f in letter.footnotes) == [1, 2, 3]
