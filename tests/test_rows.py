"""The rows every face draws (difftool.rows): the text of each version, the changes marked in it,
and one rule for where a delta is shown — checked on letters made here, and against the HTML
report and the review screen, which must both follow it."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from difftool.engine import compare
from difftool.inline import op_spans
from difftool.model import Comparison, Op, Options
from difftool.parse import parse_text
from difftool.render.html import render_html
from difftool.rows import RowKind, build_rows
from difftool.tui.view import build_view

WORDS = (
    "kabinet brief minister Raad samenwerking landen terugkeer migratie Commissie aanpak steun "
    "voorstel lidstaten bijdrage overleg Europa financiering periode conclusies verordening"
).split()


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return (" ".join(words)).capitalize() + "."


def letter(paras: list[str], notes: dict[int, tuple[int | None, str]]) -> str:
    """DOCX-text: one paragraph per line; ``notes`` maps a footnote number to (the paragraph
    that cites it, or None for a note no paragraph cites; its body)."""
    lines = list(paras)
    loose = []
    for n, (at, body) in sorted(notes.items()):
        if at is None:
            loose.append(f"[{n}:  {body}]")
        else:
            lines[at] += f"[footnoteRef:{n}] [{n}:  {body}]"
    return "\n\n".join(lines + loose) + "\n"


def comparison(a: str, b: str) -> Comparison:
    return compare(parse_text(a, "a.txt"), parse_text(b, "b.txt"), Options(force=True))


def varied(seed: int) -> Comparison:
    """Paragraphs edited, dropped, added, split and merged; footnotes edited."""
    rng = random.Random(seed)
    paras = [paragraph(rng) for _ in range(rng.randint(4, 9))]
    b = list(paras)
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(len(b))
        action = rng.choice(("edit", "drop", "add", "split", "merge"))
        if action == "edit":
            words = b[k].split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            b[k] = " ".join(words)
        elif action == "drop" and len(b) > 2:
            del b[k]
        elif action == "add":
            b.insert(k, paragraph(rng))
        elif action == "split" and len(b[k].split()) > 6:
            words = b[k].split()
            b[k : k + 1] = [" ".join(words[:4]) + ".", " ".join(words[4:]).capitalize()]
        elif action == "merge" and k + 1 < len(b):
            b[k : k + 2] = [b[k] + " " + b[k + 1]]
    notes_a: dict[int, tuple[int | None, str]] = {1: (0, "Kamerstukken II 2025/26, 21 501-20, nr. 2100.")}
    notes_b: dict[int, tuple[int | None, str]] = {1: (0, "Kamerstukken II 2025/26, 21 501-20, nr. 2101.")}
    return comparison(letter(paras, notes_a), letter(b, notes_b))


@pytest.mark.parametrize("seed", range(12))
def test_cells_are_the_blocks_joined_and_mark_what_the_ops_mark(seed: int) -> None:
    c = varied(seed)
    rows = build_rows(c)
    assert len(rows.paragraphs) == len(c.alignment) and len(rows.footnotes) == len(c.footnote_alignment)
    for row, g in zip(rows.paragraphs, c.alignment, strict=True):
        for cell, ids, letter_, op in ((row.a, g.a, c.a, Op.DELETE), (row.b, g.b, c.b, Op.INSERT)):
            assert tuple(b.id for b in cell.blocks) == ids
            assert cell.text == " ".join(letter_.block(i).text for i in ids)
            assert len(cell.offsets) == len(cell.text)
            assert [cell.text[s:e] for _, s, e in cell.parts()] == [letter_.block(i).text for i in ids]
            narrow = op_spans(g.ops, op)
            # every changed character is marked, in whole words; the letters are inside the marks
            marked = {i for s, e in cell.changes for i in range(s, e)}
            assert {i for s, e in narrow for i in range(s, e)} <= marked
            for s, e in cell.changes:
                assert s == 0 or not (cell.text[s - 1].isalnum() and cell.text[s].isalnum())
                assert e == len(cell.text) or not (cell.text[e].isalnum() and cell.text[e - 1].isalnum())
            assert all(any(s <= ls < le <= e for s, e in cell.changes) for ls, le in cell.letters)
            assert len(cell.owners) == len(cell.changes)


@pytest.mark.parametrize("seed", range(12))
def test_every_delta_is_placed_in_the_row_that_holds_it(seed: int) -> None:
    c = varied(seed)
    rows = build_rows(c)
    assert len(rows.places) == len(c.deltas)
    for k, (d, p) in enumerate(zip(c.deltas, rows.places, strict=True)):
        if p.footnote is not None:
            row = rows.footnotes[p.footnote]
            assert k in row.deltas
            assert any(
                cell.footnote is not None and cell.footnote.number == s.footnote
                for cell, s in zip(row.cells, (d.a, d.b))
            )
            assert p.row == row.anchor
        elif p.row is not None:
            row = rows.paragraphs[p.row]
            assert k in row.deltas
            ids = {b.id for cell in row.cells for b in cell.blocks}
            assert (d.a.block or d.b.block) in ids
    placed = sorted(k for r in (*rows.paragraphs, *rows.footnotes) for k in r.deltas)
    assert placed == [k for k, p in enumerate(rows.places) if p != type(p)(None)]
    # each change belongs to a delta placed in its row
    for r in (*rows.paragraphs, *rows.footnotes):
        assert {k for cell in r.cells for k in cell.owners if k is not None} <= set(r.deltas)


@pytest.mark.parametrize(
    ("a", "b", "marked_a", "letters_a"),
    [
        pytest.param("Zij opstaan nu.", "Zij ostaan nu.", ["opstaan"], ["p"], id="one-letter"),
        pytest.param("De Minister komt.", "De minister komt.", ["Minister"], ["M"], id="case-of-one-word"),
        pytest.param(
            "BRIEF VAN DE MINISTER VAN FINANCIEN, DE STAATSSECRETARIS",
            "Brief van de minister van Financien, de staatssecretaris",
            ["BRIEF VAN DE MINISTER VAN FINANCIEN, DE STAATSSECRETARIS"],
            None,
            id="case-of-a-line",
        ),
        pytest.param("Wij gaan morgen.", "Wij gaan niet morgen.", [], [], id="word-added"),
    ],
)
def test_small_changes_are_marked_as_whole_words(
    a: str, b: str, marked_a: list[str], letters_a: list[str] | None
) -> None:
    c = comparison(P[0] + "\n\n" + a + "\n", P[0] + "\n\n" + b + "\n")
    (row,) = [r for r in build_rows(c).paragraphs if r.a.text == a]
    assert [row.a.text[s:e] for s, e in row.a.changes] == marked_a
    if letters_a is not None:
        assert [row.a.text[s:e] for s, e in row.a.letters] == letters_a
    assert all(k is not None for k in row.a.owners)


P = [
    "Het kabinet heeft op 3 juni een brief gestuurd over de aanpak van mensensmokkel in Europa.",
    "De Commissie benadrukte dat de samenwerking met derde landen noodzakelijk blijft voor terugkeer.",
    "Nederland sprak steun uit voor de Raadsconclusies en vroeg aandacht voor de European Ports Alliance.",
]


@pytest.mark.parametrize(
    ("notes_a", "notes_b", "anchor"),
    [
        pytest.param(
            {1: (1, "Kamerstuk 21 501-20, nr. 2100.")}, {1: (1, "Kamerstuk 21 501-20, nr. 2101.")}, 1, id="cited"
        ),
        pytest.param({}, {1: (2, "Kamerstuk 21 501-20, nr. 2101.")}, 2, id="only-in-b"),
        pytest.param(
            {1: (None, "Kamerstuk 21 501-20, nr. 2100.")},
            {1: (None, "Kamerstuk 21 501-20, nr. 2101.")},
            None,
            id="cited-nowhere",
        ),
    ],
)
def test_a_footnote_delta_sits_in_its_footnote_under_the_citing_paragraph_in_both_faces(
    notes_a: dict[int, tuple[int | None, str]], notes_b: dict[int, tuple[int | None, str]], anchor: int | None
) -> None:
    c = comparison(letter(P, notes_a), letter(P, notes_b))
    rows = build_rows(c)
    (k,) = [k for k, d in enumerate(c.deltas) if d.a.footnote or d.b.footnote]
    p = rows.places[k]
    assert p.footnote is not None and p.row == anchor
    fn_row = rows.footnotes[p.footnote]
    # the report: the delta's mark is in the footnote's row, which follows its paragraph
    html = render_html(c)
    marks = re.search(rf'<tr class="fn[^"]*" id="{fn_row.id}".*?</tr>', html)
    assert marks is not None and f'data-delta="{c.deltas[k].id}"' in marks.group()
    if anchor is not None:
        order = re.findall(r'<tr class="(?:row|fn)[^"]*" id="([^"]+)"', html)
        assert order[order.index(fn_row.id) - 1] == f"r{anchor}"
    # the review screen: the citing paragraph (the top when none cites it) and that footnote shown
    view = build_view(c)
    assert view.row_of(k) == (anchor if anchor is not None else 0)
    assert fn_row in view.footnotes_for(k)
    assert fn_row.kind is RowKind.FOOTNOTE


@pytest.mark.parametrize("seed", range(6))
def test_a_span_found_by_bisection_is_the_span_found_by_scanning(seed: int) -> None:
    c = varied(seed)
    rows = build_rows(c)
    for r in (*rows.paragraphs, *rows.footnotes):
        for cell in r.cells:
            scanning = dataclasses.replace(cell, ordered=False)
            assert cell.ordered or not cell.offsets
            for d in c.deltas:
                for side in (d.a, d.b):
                    assert cell.span_of(side) == scanning.span_of(side)


@pytest.mark.parametrize(
    ("a", "b", "marked_a", "marked_b"),
    [
        pytest.param("Zij opstaan nu.", "Zij ostaan nu.", ["opstaan"], ["ostaan"], id="letter-only-in-a"),
        pytest.param(
            "Zonder binnengrenscntroles.",
            "Zonder binnengrenscontroles.",
            ["binnengrenscntroles"],
            ["binnengrenscontroles"],
            id="letter-only-in-b",
        ),
        pytest.param("Wij gaan morgen.", "Wij gaan niet morgen.", [], ["niet "], id="word-only-in-b"),
    ],
)
def test_a_word_missing_a_letter_is_marked_in_both_versions(
    a: str, b: str, marked_a: list[str], marked_b: list[str]
) -> None:
    c = comparison(P[0] + "\n\n" + a + "\n", P[0] + "\n\n" + b + "\n")
    (row,) = [r for r in build_rows(c).paragraphs if r.a.text == a]
    assert [row.a.text[s:e] for s, e in row.a.changes] == marked_a
    assert [row.b.text[s:e] for s, e in row.b.changes] == marked_b
