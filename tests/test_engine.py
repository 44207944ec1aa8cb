"""The engine on small letters made in the test: each case one thing a reviewer must be told."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from difftool.engine import compare
from difftool.model import KINDS, Flavour, Options, Relation, Severity
from difftool.parse import parse_text

P1 = "Het kabinet heeft op 3 juni een brief gestuurd over de aanpak van mensensmokkel in Europa."
P2 = "De Commissie benadrukte dat de samenwerking met derde landen noodzakelijk blijft voor terugkeer."
P3 = "Nederland sprak steun uit voor de Raadsconclusies en vroeg aandacht voor de European Ports Alliance."
P4 = "Tot slot werd gesproken over de financiering van het Justitieprogramma in de periode 2028-2034."


def letter(*paras: str, name: str = "x.txt"):
    return parse_text("\n\n".join(paras) + "\n", name)


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced: a case that replaces what is not there tests nothing."""
    assert old in text and old != new, f"{old!r} is not in {text!r}"
    return text.replace(old, new)


def kinds(c):
    return sorted((d.severity.value, d.kind) for d in c.deltas)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param((P1, P2, P3), (P1, P2, P3), [], id="identical"),
        pytest.param((P1, P2, P3, P4), (P1, P3, P4), [("substantive", "paragraph-removed")], id="paragraph-removed"),
        pytest.param((P1, P2, P3, P4), (P1, P3, P2, P4), [("substantive", "moved")], id="moved"),
        pytest.param(
            (P1, P2, P3, P4),
            (P1, P3, P4, edit(P2, "noodzakelijk", "niet noodzakelijk")),
            [("substantive", "moved"), ("substantive", "negation")],
            id="moved-and-edited",
        ),
        pytest.param(
            (P1, P4), (P1, edit(P4, "2028-2034", "2028\u20132034")), [("cosmetic", "dash-style")], id="dash-only"
        ),
        pytest.param((P1, P2), (edit(P1, "3 juni", "4 juni"), P2), [("substantive", "date")], id="date"),
        pytest.param((P1 + " " + P2, P3), (P1, P2, P3), [("cosmetic", "paragraph-break")], id="split"),
        pytest.param((P1, P2, P3), (P1 + " " + P2, P3), [("cosmetic", "paragraph-break")], id="merge"),
    ],
)
def test_block_level_cases(a, b, expected) -> None:
    assert (a == b) is (expected == []), "a case with a change must change the text, and only that case"
    c = compare(letter(*a), letter(*b), Options(force=True))
    assert kinds(c) == sorted(expected), [d.explanation for d in c.deltas]


def test_moved_paragraph_names_where_it_went() -> None:
    c = compare(letter(P1, P2, P3, P4), letter(P1, P3, P2, P4), Options(force=True))
    (move,) = [g for g in c.alignment if g.relation is Relation.MOVED]
    assert len(move.a) == len(move.b) == 1
    (d,) = c.deltas
    assert d.a.block == move.a[0] and d.b.block == move.b[0]


def test_inline_ops_rebuild_both_texts_and_refine_words() -> None:
    a = letter(P1, "Tijdens dit agendapunt bespraken de lidstaten de Staat van het Schengegebied uitvoerig.")
    b = letter(P1, "Tijdens dit agendapunt bespraken alle lidstaten de Staat van het Schengengebied uitvoerig.")
    c = compare(a, b, Options(force=True))
    (g,) = [g for g in c.alignment if g.ops]
    assert "".join(t for op, t in g.ops if op in "=-") == a.blocks[1].text
    assert "".join(t for op, t in g.ops if op in "=+") == b.blocks[1].text
    assert ("+", "n") in g.ops  # Schenge[n]gebied refined to characters


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("De Minister van Asiel en Migratie,", "De minister van Asiel en Migratie,", id="case-only"),
        pytest.param("het EU- aanpak en “dit”", 'het EU-aanpak en "dit"', id="spacing-and-quotes"),
        pytest.param(
            "Er werd een geheel andere zin hier over het beleid geschreven.",
            "Er werd een volstrekt andere tekst daar over het beleid geschreven.",
            id="rewritten",
        ),
        pytest.param("Tekst van de brief. Nog meer tekst", "Tekst van de brief nog meer tekst.", id="punctuation"),
    ],
)
def test_ops_rebuild_both_sides_exactly(a: str, b: str) -> None:
    c = compare(letter(P1, a), letter(P1, b), Options(force=True))
    (g,) = [g for g in c.alignment if g.ops]
    assert "".join(t for op, t in g.ops if op in "=-") == letter(P1, a).blocks[1].text
    assert "".join(t for op, t in g.ops if op in "=+") == letter(P1, b).blocks[1].text
    assert any(op != "=" for op, _ in g.ops)


def test_running_footers_are_expected_edition_furniture() -> None:
    footer = "Tweede Kamer, vergaderjaar 2025–2026, 32 317, nr. 1014 3"
    a = letter(P1, P2, P3)
    b = letter(P1, footer, P2, P3)
    assert b.furniture == (footer,)
    c = compare(a, b, Options(force=True))
    assert kinds(c) == [("expected", "page-furniture")]


def test_footnote_renumbered_meets_its_twin() -> None:
    a = parse_text(
        "Eerste alinea met een noot.¹\n\nTweede alinea met een noot.²\n\n¹ Kamerstukken II 2025/26, 32317, nr. 5.\n\n² Kamerstukken II 2025/26, 36200, nr. 7.\n"
    )
    b = parse_text(
        "Eerste alinea met een noot.\n\nTweede alinea met een noot.¹\n\n¹ Kamerstukken II 2025/26, 36200, nr. 7.\n"
    )
    c = compare(a, b, Options(force=True))
    got = kinds(c)
    assert ("substantive", "footnote-removed") in got
    assert ("cosmetic", "footnote-number") in got
    assert not any(k == "reference" for _, k in got)


def documented_severities() -> dict[str, Severity]:
    """Kind -> severity, as the kinds table in docs/how-it-works.md gives them."""
    doc = (ROOT / "docs" / "how-it-works.md").read_text(encoding="utf-8")
    out: dict[str, Severity] = {}
    for line in doc.splitlines():
        row = re.fullmatch(r"\| ((?:`[a-z-]+`(?:, )?)+) \| (substantive|editorial|cosmetic|expected) \|.*", line)
        if row:
            out.update(dict.fromkeys(re.findall(r"`([a-z-]+)`", row.group(1)), Severity(row.group(2))))
    return out


def test_severity_of_every_delta_is_known() -> None:
    """Swapped and added paragraphs: a move and an addition, each with the severity the docs give
    its kind and an explanation quoting the paragraph."""
    c = compare(letter(P1, P2), letter(P2, P1, P3), Options(force=True))
    assert kinds(c) == [("substantive", "moved"), ("substantive", "paragraph-added")]
    documented = documented_severities()
    assert [(d.kind, d.severity) for d in c.deltas] == [(d.kind, documented[d.kind]) for d in c.deltas]
    moved, added = sorted(c.deltas, key=lambda d: d.kind)
    assert "moved" in moved.explanation and any(p[:40] in moved.explanation for p in (P1, P2)), moved.explanation
    assert "only in B" in added.explanation and P3[:40] in added.explanation, added.explanation


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "Hiermee beschouwt het kabinet de motie Van Nispen als afgedaan.",
            "Hiermee beschouwt het kabinet de Motie van Nispen als afgedaan.",
            [("cosmetic", "reference-format")],
            id="same-motie",
        ),
        pytest.param(
            "Hiermee beschouwt het kabinet de motie Van Nispen als afgedaan.",
            "Hiermee beschouwt het kabinet de motie Van Dijk als afgedaan.",
            [("substantive", "reference")],
            id="other-motie",
        ),
    ],
)
def test_moties_are_references(a, b, expected) -> None:
    c = compare(letter(P1, a), letter(P1, b), Options(force=True))
    assert kinds(c) == expected, [d.explanation for d in c.deltas]


def test_every_kind_is_one_name_documented_once() -> None:
    """Kinds are one enum (a verdict cannot name a kind that does not exist: Kind() raises), each
    explained in docs/how-it-works.md, and the policy accepts exactly them."""
    from pathlib import Path

    from difftool.model import KINDS, Kind

    doc = (Path(__file__).resolve().parent.parent / "docs" / "how-it-works.md").read_text(encoding="utf-8")
    assert {k.value for k in Kind} == KINDS
    assert [k.value for k in Kind if f"`{k.value}`" not in doc] == []
    with pytest.raises(ValueError):
        Kind("spelling-ish")


# --- every kind, from a pair of letters ---------------------------------------------------------

SIGNED = "De minister van Asiel en Migratie,\n\nBart van den Brink\n"
HEADER_TK = (
    "32 317 JBZ-Raad\n\nNr. 1014 Brief van de minister van Justitie en Veiligheid\n\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 22 juni 2026\n\n"
)
HEADER_EK = (
    "Eerste Kamer der Staten-Generaal\n\nVergaderjaar 2025-2026\n\n32 317 JBZ-Raad\n\n"
    "QF Brief van de minister van Justitie en Veiligheid\n\n"
    "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\n\nDen Haag, 22 juni 2026\n\n"
)
NOTED = "Eerste alinea met een noot.\u00b9\n\nTweede alinea met een noot."
NOTE_1 = "\u00b9 Kamerstukken II 2025/26, 32317, nr. 5."
NOTE_2 = "\u00b2 Kamerstukken II 2025/26, 36200, nr. 7."
ONE_NOTE = f"{NOTED}\n\n{NOTE_1}\n"
TWO_NOTES = f"{NOTED}\u00b2\n\n{NOTE_1}\n\n{NOTE_2}\n"
CITES = "Zie Kamerstukken II 2025/26, 32317, nr. 5 voor de brief over de uitkomsten."
EU = "Het kabinet steunt de EU-aanpak van mensensmokkel en de samenwerking met derde landen."
BUDGET = "Het budget bedraagt \u20ac 12 miljoen per jaar voor de komende periode van vier jaar."
COUNT = "Er namen 12000 lidstaten deel aan het overleg over de samenwerking met derde landen."
MODAL = "Het kabinet moet de regels voor het toezicht op de naleving aanpassen."
QUOTED = 'De Commissie noemde dit een "belangrijke stap" voor de samenwerking met derde landen.'
EFFICIENT = "De Commissie wil effici\u00ebnte samenwerking met derde landen voor de terugkeer van migranten."
SENTENCE = " Dat is een belangrijk punt voor het kabinet."
FOOTER = "Tweede Kamer, vergaderjaar 2025\u20132026, 32 317, nr. 1014 3"


def body(*paras: str) -> str:
    return "\n\n".join(paras) + "\n"


KIND_CASES: dict[str, tuple[str, str]] = {
    # substantive
    "reference": (body(P1, CITES), body(P1, edit(CITES, "nr. 5", "nr. 6"))),
    "signatory": (body(P1, P2) + "\n" + SIGNED, body(P1, P2) + "\n" + edit(SIGNED, "Brink", "Brinkman")),
    "signatory-name-form": (body(P1, P2) + "\n" + SIGNED, body(P1, P2) + "\n" + edit(SIGNED, "Bart", "G.")),
    "wording": (body(P1, P2), body(edit(P1, "brief gestuurd", "nota verzonden"), P2)),
    "negation": (body(P1, P2), body(P1, edit(P2, "noodzakelijk", "niet noodzakelijk"))),
    "modality": (body(P1, MODAL), body(P1, edit(MODAL, "moet", "kan"))),
    "amount": (body(P1, BUDGET), body(P1, edit(BUDGET, "12", "15"))),
    "number": (body(P1, COUNT), body(P1, edit(COUNT, "12000", "14000"))),
    "date": (body(P1, P2), body(edit(P1, "3 juni", "4 juni"), P2)),
    "text-added": (body(P1, P2), body(P1, edit(P2, "derde landen", "derde landen in Afrika"))),
    "text-removed": (body(P1, edit(P2, "derde landen", "derde landen in Afrika")), body(P1, P2)),
    "sentence-added": (body(P1, P2), body(P1, P2 + SENTENCE)),
    "sentence-removed": (body(P1, P2 + SENTENCE), body(P1, P2)),
    "moved": (body(P1, P2, P3, P4), body(P1, P3, P2, P4)),
    "section-added": (body(P1, P4), body(P1, "Migratie", P2, P3, P4)),
    "section-removed": (body(P1, "Migratie", P2, P3, P4), body(P1, P4)),
    "paragraph-added": (body(P1, P3, P4), body(P1, P2, P3, P4)),
    "paragraph-removed": (body(P1, P2, P3, P4), body(P1, P3, P4)),
    "signature-added": (body(P1, P2), body(P1, P2) + "\n" + SIGNED),
    "signature-removed": (body(P1, P2) + "\n" + SIGNED, body(P1, P2)),
    "footnote-added": (ONE_NOTE, TWO_NOTES),
    "footnote-removed": (TWO_NOTES, ONE_NOTE),
    # editorial
    "spelling": (body(P1, P2), body(P1, edit(P2, "samenwerking", "samenwerkng"))),
    "inflection": (body(P1, P2), body(P1, edit(P2, "derde landen", "derden landen"))),
    "capitalisation": (body(P1, P2), body(P1, edit(P2, "De Commissie", "De commissie"))),
    "punctuation": (body(P1, P2), body(P1, edit(P2, "landen noodzakelijk", "landen, noodzakelijk"))),
    # cosmetic
    "reference-format": (body(P1, CITES), body(P1, edit(CITES, "32317", "32 317"))),
    "number-format": (body(P1, COUNT), body(P1, edit(COUNT, "12000", "12 000"))),
    # a word split by a space is the PDF extractor's line end only when a side is PDF text
    "spacing": (body(P1, P2), body(P1, edit(P2, "samenwerking", "samen werking")).replace("\n\n", "\n") + "\f"),
    "hyphenation": (body(P1, EU), body(P1, edit(EU, "EU-aanpak", "EUaanpak"))),
    "letter-case": (
        HEADER_TK + body(P1, P2),
        edit(
            HEADER_TK,
            "Brief van de minister van Justitie en Veiligheid",
            "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID",
        )
        + body(P1, P2),
    ),
    "quote-style": (body(P1, QUOTED), body(P1, edit(QUOTED, '"belangrijke stap"', "\u201cbelangrijke stap\u201d"))),
    "dash-style": (body(P1, P4), body(P1, edit(P4, "2028-2034", "2028\u20132034"))),
    "typography": (body(P1, EFFICIENT), body(P1, edit(EFFICIENT, "ffi", "\ufb03"))),
    "paragraph-break": (body(P1 + " " + P2, P3), body(P1, P2, P3)),
    "footnote-number": (
        f"{NOTED}\n\n{NOTE_1}\n",
        f"{NOTED.replace(chr(0xB9), chr(0xB2))}\n\n{NOTE_1.replace(chr(0xB9), chr(0xB2))}\n",
    ),
    # expected
    "edition": (HEADER_EK + body(P1, P2), HEADER_TK + body(P1, P2)),
    "page-furniture": (body(P1, P2, P3), body(P1, FOOTER, P2, P3)),
}
"""One pair of letters per kind, in which the engine finds that kind and no other."""

NOT_FROM_TEXT: dict[str, str] = {}
"""Kinds no pair of texts can produce, with the reason: none (every kind has a case above)."""

EXTRACTED = {"spacing"}
"""Cases whose B side is read as raw PDF text (``pdf-text``)."""


def test_every_kind_has_a_case() -> None:
    assert set(KIND_CASES) | set(NOT_FROM_TEXT) == KINDS, KINDS ^ (set(KIND_CASES) | set(NOT_FROM_TEXT))
    assert not set(KIND_CASES) & set(NOT_FROM_TEXT)


@pytest.mark.parametrize(("kind", "texts"), KIND_CASES.items(), ids=list(KIND_CASES))
def test_each_kind_is_found(kind: str, texts: tuple[str, str]) -> None:
    a = parse_text(texts[0], "a.txt")
    b = parse_text(texts[1], "b.txt", flavour=Flavour.PDF_TEXT if kind in EXTRACTED else None)
    c = compare(a, b, Options(force=True))
    assert c.deltas, f"no delta for {kind}"
    assert {d.kind for d in c.deltas} == {kind}, [(d.kind, d.explanation) for d in c.deltas]
    severity = documented_severities()[kind]
    assert all(d.severity is severity for d in c.deltas), [(d.severity, d.explanation) for d in c.deltas]
