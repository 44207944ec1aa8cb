"""Raw ``pdftotext`` (and pdfplumber) shapes the extracted-text reader reads by typography.

Each test is one rule of difftool/parse/pdftext.py on invented text (no sample letter's
headings, names or numbers): the footnote numbers raw pdftotext writes apart from their bodies and
out of order, lines it runs together, list bullets it writes apart from their items, and lines
whose length says whether a paragraph went on. See docs/inputs.md, "Text extractions".
"""

from __future__ import annotations

from difftool.parse.pdftext import _width, parse_pdf_text

FOOTER = "Tweede Kamer, vergaderjaar 2025\u20132026, 29 754, nr. 712"
FILL = (
    "De staatssecretaris heeft de gemeenten in een brief laten weten hoe de nieuwe\n"
    "regeling voor de opvang van dak- en thuislozen vanaf het komende voorjaar\n"
    "wordt uitgevoerd en welke middelen daarvoor in de begroting zijn gereserveerd.\n"
)
CITE_A = "Kamerbrief van 3 maart 2025."
CITE_B = "Zie de bijlage bij Kamerstuk 29 754, nr. 700."


def _foot(page: int) -> str:
    return f"\n{FOOTER}\n\n{page}\n\f"


def _bodies(text: str) -> dict[int, str]:
    return {n: " ".join(m.text.split()) for n, m in parse_pdf_text(text)[1].items()}


def _paras(text: str) -> list[str]:
    return [p.text.text for p in parse_pdf_text(text)[0]]


# --- footnote numbers apart from their bodies -----------------------------------------------------


def test_a_number_glued_to_a_broken_word_before_bodies_and_the_next_numbers() -> None:
    """``… duur3`` / body 3 / body 4 / ``4``: the number glued to the broken word is the first
    note's, although a later note's number follows the bodies (the page's next number)."""
    text = (
        FILL + "Het overleg met de koepels is afgerond.3 Daarna volgde een ronde langs de\n"
        "provincies, waar de plannen op steun konden rekenen.4 Daarbij is een duur3\n\n"
        f"{CITE_A}\n{CITE_B}\n4" + _foot(1) + "zaam stelsel van opvang het doel, zoals de wet het vraagt.\n" + _foot(2)
    )
    assert _bodies(text) == {3: CITE_A, 4: CITE_B}
    assert not any("duur3" in p or CITE_A in p for p in _paras(text))


def test_a_number_written_after_the_last_labelled_body_is_the_next_note() -> None:
    """``3`` / body 3 / body 4 / footer / ``4``: notes are set in the order of their numbers, so the
    number written last, one more than the last labelled one, labels the second of its lines."""
    last = "provincies, waar de plannen op brede steun konden rekenen bij de gemeenten."
    text = (
        FILL + "Het overleg met de koepels is afgerond.3 Daarna volgde een ronde langs de\n"
        f"{last}4\n\n3\n\n{CITE_A}\n{CITE_B}\n{FOOTER}\n4\n\n1\n\f" + FILL + _foot(2)
    )
    assert _bodies(text) == {3: CITE_A, 4: CITE_B}
    assert any(last in p for p in _paras(text))
    assert not any(CITE_A in p or CITE_B in p for p in _paras(text))


def test_a_number_after_a_lists_bullets_labels_no_body() -> None:
    """The content stream writes a list's bullets apart from their items and may write the page's
    footnote number right after them: the items follow it, the body is the page's last line."""
    text = (
        FILL + "De gemeenten hebben het plan besproken met de koepels.3\nUitkomsten\n"
        "\uf0b7\n\n\uf0b7\n\n3\n\n"
        "De provincies steunen een gezamenlijke aanpak van de opvang in de regio.\n"
        "Het Rijk draagt de helft van de kosten van de nieuwe opvangplaatsen.\n"
        f"{CITE_A}" + _foot(1) + "Financiering\nDe middelen staan op de begroting van het komende jaar.\n" + _foot(2)
    )
    assert _bodies(text) == {3: CITE_A}
    paras = _paras(text)
    assert "\u2022 De provincies steunen een gezamenlijke aanpak van de opvang in de regio." in paras or any(
        p.endswith("De provincies steunen een gezamenlijke aanpak van de opvang in de regio.") for p in paras
    )
    assert any("de helft van de kosten van de nieuwe opvangplaatsen." in p for p in paras)


def test_an_unnumbered_note_glued_to_a_broken_word_lines_above() -> None:
    """Raw pdftotext glues a long note's first line to a broken word of the text (``gemeenteSinds``)
    and writes its number after the other notes: the note runs from there, over lines that start
    with a capital (``Amsterdam …``), as none of the lines above ends a sentence."""
    text = (
        FILL * 3 + "Het overleg met de koepels is afgerond.3 Daarna volgde een ronde langs de\n"
        "provincies, waar de plannen op steun konden rekenen.4 Alle gemeenteSinds 2022 geldt voor voorstellen met grote\n"
        "financiële gevolgen de werkwijze van de toelichting vooraf; ter uitvoering daarvan is het\n"
        "formulier over de verlenging van de regeling voor de opvang op de luchthaven\n"
        "Amsterdam Airport Schiphol bij deze brief aan uw Kamer gezonden.\n4\n"
        f"{CITE_B}\n{FOOTER}\n1\n3\n\f"
        + "lijke regelingen volgen in het voorjaar, zoals met de koepels is afgesproken.\n"
        + _foot(2)
    )
    bodies = _bodies(text)
    assert bodies[3].startswith("Sinds 2022 geldt") and bodies[3].endswith("aan uw Kamer gezonden.")
    assert bodies[4] == CITE_B
    assert not any("Amsterdam Airport" in p for p in _paras(text))


def test_a_lone_unnumbered_note_starts_after_the_blank_line() -> None:
    """A lone note without its number whose first line (full, ending no sentence) follows the blank
    line that sets the notes apart: that line is the note's, not the text's."""
    text = (
        FILL * 3 + _foot(1) + FILL * 3 + "Het overleg met de koepels over de nieuwe regeling is afgerond.3\n"
        "De minister van Infrastructuur,\nA.B. de Vries\n\n"
        "Zie de brief van de staatssecretaris aan de gemeenten over de regeling,\n"
        "Kamerstuk 29 754, nr. 700.\n3" + _foot(2)
    )
    assert _bodies(text) == {
        3: "Zie de brief van de staatssecretaris aan de gemeenten over de regeling, Kamerstuk 29 754, nr. 700."
    }
    assert _paras(text)[-1] == "A.B. de Vries"


def test_a_body_glued_to_the_first_half_of_a_capitalised_word() -> None:
    """A sentence's first word broken at the page's end (``Be-`` / ``langrijk``) may have its half
    glued to the first body (``BeKamerbrief …``): the half and the next page's first word make a
    word, so the body starts at the capital after it."""
    text = (
        FILL + "Het overleg met de koepels is afgerond.3 Daarna volgde een ronde langs de\n"
        f"provincies; de plannen kregen daar brede steun. Be{CITE_A}\n3"
        + _foot(1)
        + "langrijk is dat de gemeenten de regeling zelf uitvoeren.\n"
        + _foot(2)
    )
    assert _bodies(text) == {3: CITE_A}
    assert any("steun. Be langrijk is" in p or "steun. Belangrijk is" in p for p in _paras(text))


# --- lists ----------------------------------------------------------------------------------------


def test_a_list_whose_bullets_came_apart_ends_at_a_blank_line() -> None:
    """Two bullets written apart, two items; after the blank line under the last item a paragraph
    whose full line ends a sentence goes on: the list is over, no item ends there."""
    long_line = "De gemeenten krijgen daarvoor een vaste bijdrage per opvangplaats van het Rijk."
    text = (
        FILL + "Uitkomsten\n\uf0b7\n\n\uf0b7\n\n"
        "De provincies steunen een gezamenlijke aanpak van de opvang in de regio.\n"
        "Het Rijk draagt de helft van de kosten van de nieuwe opvangplaatsen.\n\n"
        + long_line
        + "\nIn het voorjaar volgt een evaluatie van de regeling door de koepels.\n"
        + FILL
    )
    assert any(p.startswith(long_line + " In het voorjaar") for p in _paras(text))


# --- line lengths ---------------------------------------------------------------------------------


def test_a_sentence_ends_its_paragraph_only_where_the_next_word_fits_by_width() -> None:
    """A line of wide letters (capitals, ``m``, ``w``) that ends a sentence may be full although by its
    count of characters the next word would have fitted: the paragraph goes on."""
    wide = "Het OM en de AIVD melden WOZ-waarden aan de NVWA en het UWV, met de KMar."
    assert len(wide) < len(FILL.splitlines()[2])
    assert _width(wide + " Voor") > _width(FILL.splitlines()[2])
    text = FILL * 2 + wide + "\nVoor de gemeenten verandert daarmee weinig aan de uitvoering van de regeling.\n"
    assert any(wide + " Voor de gemeenten" in p for p in _paras(text))
    # a line of ordinary letters that short ends its paragraph
    plain = "Het kabinet heeft de gemeenten en de provincies daarover geïnformeerd."
    text = FILL * 2 + plain + "\nVoor de gemeenten verandert daarmee weinig aan de uitvoering van de regeling.\n"
    assert any(p.endswith(plain) for p in _paras(text))


def test_two_printed_lines_run_together_end_a_heading_or_paragraph() -> None:
    """Raw pdftotext joins a line that ends in a hyphen to the next: a line wider than any full line
    and too narrow for two is a full line and a short one, so a paragraph or heading ends there."""
    heading = "Voortgang van de onderhandelingen over het voorstel voor een verordening over de opvang"
    sentence = (
        "De koepels hebben de plannen besproken met de gemeenten en de provincies in het hele land en steunen ze."
    )
    text = (
        FILL * 2
        + "Daarmee is de regeling rond.\n"
        + heading
        + "\nIn het overleg van 3 maart bleek dat de meeste lidstaten de tekst steunen.\n"
        + FILL
        + sentence
        + "\nDaarmee is de regeling voor dit jaar rond, zoals met de gemeenten is afgesproken.\n"
        + FILL
    )
    paras = _paras(text)
    assert heading in paras
    assert any(p.endswith(sentence) for p in paras)
    assert any(p.startswith("Daarmee is de regeling voor dit jaar") for p in paras)
    # two full lines run together, then a capital: the paragraph goes on
    two = FILL.splitlines()[0] + " " + FILL.splitlines()[1]
    text = FILL + two + "\nEuropese middelen worden daarvoor niet ingezet, zoals eerder is afgesproken.\n" + FILL
    assert any(two + " Europese middelen" in p for p in _paras(text))


def test_a_heading_run_together_after_a_full_line_that_ends_a_sentence() -> None:
    """A heading that wrapped at a hyphen, run together by raw pdftotext, after a full line that
    ends a sentence: its shape (two printed lines, the second short, no full stop) ends the
    paragraph before it as a short heading would."""
    heading = "Voortgang van de onderhandelingen over het voorstel voor een verordening over de opvang"
    text = FILL * 2 + heading + "\nIn het overleg van 3 maart bleek dat de meeste lidstaten de tekst steunen.\n" + FILL
    assert heading in _paras(text)


def test_a_sentence_end_is_judged_without_the_footnote_marker() -> None:
    """``… steunen het.3`` ends a sentence: where the next word would have fitted, the line with a
    marker after its full stop ends the paragraph as it would without the marker."""
    line = "De koepels hebben het plan met de provincies besproken en steunen het.3"
    text = (
        FILL * 2
        + _foot(1)
        + FILL * 2
        + line
        + "\nNu is de regeling voor dit jaar rond, zoals met de gemeenten is afgesproken.\n\n"
        + f"3 {CITE_A}"
        + _foot(2)
    )
    assert _bodies(text) == {3: CITE_A}
    paras = _paras(text)
    assert any(p.endswith("steunen het.") for p in paras)
    assert any(p.startswith("Nu is de regeling") for p in paras)


# --- a long note's rest where the tool writes no blank lines (pdfplumber) -------------------------

_NOTE = (
    "3 Sinds 2022 geldt voor voorstellen met grote financiële gevolgen de werkwijze van de toelichting "
    "vooraf; ter\nuitvoering daarvan is het formulier over de verlenging van de regeling voor de opvang "
    "op de luchthaven\n"
)


def test_a_long_notes_rest_in_text_without_blank_lines() -> None:
    """pdfplumber writes no blank lines: a long note's rest at the next page's foot is known by its
    first line, in the notes' type (longer than any line of text) or in lower case after a finished
    sentence."""
    rest_wide = (
        "Amsterdam Airport Schiphol bij deze brief aan uw Kamer gezonden, met de cijfers van het laatste kwartaal.\n"
    )
    rest_lower = (
        "bij deze brief aan uw Kamer gezonden, met de cijfers van het laatste kwartaal van het voorgaande jaar.\n"
    )
    for rest, above in ((rest_wide, "A.B. de Vries\n"), (rest_lower, "Daarmee is de regeling rond.\n")):
        text = (
            FILL * 8 + "Het overleg met de koepels is afgerond en het besluit is genomen.3 Het formulier\n"
            "is bijgevoegd; de gemeenten krijgen de helft van de kosten vergoed.\n"
            + _NOTE
            + f"{FOOTER} 1\n\f"
            + FILL * 2
            + "De minister van Infrastructuur,\n"
            + above
            + rest
            + f"{FOOTER} 2\n\f"
        )
        assert _bodies(text)[3].endswith(rest.strip()), rest
        assert not any(rest.strip()[:30] in p for p in _paras(text))


def test_a_lone_note_at_a_line_start_leaves_no_empty_line_in_the_text() -> None:
    """The page's text above a lone note set apart by a blank line keeps no empty remnant of the
    note's first line: a paragraph that goes on over the page with a capitalised word runs on."""
    text = (
        FILL * 3
        + _foot(1)
        + FILL * 3
        + "Het overleg met de koepels over de nieuwe regeling is afgerond.3 Daarom verwacht\n\n"
        "Zie de brief van de staatssecretaris aan de gemeenten over de regeling,\n"
        "Kamerstuk 29 754, nr. 700.\n3"
        + _foot(2)
        + "Nederland dat de gemeenten de regeling in het voorjaar uitvoeren.\n"
        + _foot(3)
    )
    assert _bodies(text)[3].startswith("Zie de brief")
    assert any("Daarom verwacht Nederland dat" in p for p in _paras(text))


def test_a_long_notes_rest_in_one_short_line_after_a_blank_line() -> None:
    """A long note's rest at the next page's foot may be one short line, no wider than the text's:
    set apart by a blank line, starting in lower case below text that ended, it starts no
    paragraph, so it is the rest (``toegezonden.``). Without the blank line, or below a full line
    of text that goes on (``… de regeling voor`` / ``de opvang.``), it stays text."""
    signed = "De minister van Infrastructuur,\nA.B. de Vries\n"
    going_on = "De staatssecretaris heeft de gemeenten in een brief laten weten hoe de regeling\n"
    for above, blank, taken in ((signed, "\n", True), (signed, "", False), (going_on, "\n", False)):
        text = (
            FILL * 8 + "Het overleg met de koepels is afgerond en het besluit is genomen.3 Het formulier\n"
            "is bijgevoegd; de gemeenten krijgen de helft van de kosten vergoed.\n\n"
            + _NOTE
            + f"\n{FOOTER} 1\n\f"
            + FILL * 2
            + above
            + blank
            + "toegezonden.\n\n"
            + f"{FOOTER} 2\n\f"
        )
        assert _bodies(text)[3].endswith("luchthaven toegezonden.") is taken, (above, blank)
        assert any(p.endswith("toegezonden.") for p in _paras(text)) is not taken, (above, blank)
