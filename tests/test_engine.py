"""The engine on small letters made in the test: each case one thing a reviewer must be told."""

from __future__ import annotations

import pytest

from difftool.engine import compare
from difftool.model import Options, Relation, Severity
from difftool.parse import parse_text

P1 = "Het kabinet heeft op 3 juni een brief gestuurd over de aanpak van mensensmokkel in Europa."
P2 = "De Commissie benadrukte dat de samenwerking met derde landen noodzakelijk blijft voor terugkeer."
P3 = "Nederland sprak steun uit voor de Raadsconclusies en vroeg aandacht voor de European Ports Alliance."
P4 = "Tot slot werd gesproken over de financiering van het Justitieprogramma in de periode 2028-2034."


def letter(*paras: str, name: str = "x.txt"):
    return parse_text("\n\n".join(paras) + "\n", name)


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
            (P1, P3, P4, P2.replace("noodzakelijk", "niet noodzakelijk")),
            [("substantive", "moved"), ("substantive", "negation")],
            id="moved-and-edited",
        ),
        pytest.param((P1, P2), (P1, P2.replace("3 juni", "4 juni")), [], id="no-change"),
        pytest.param((P1, P2), (P1.replace("3 juni", "4 juni"), P2), [("substantive", "date")], id="date"),
        pytest.param((P1 + " " + P2, P3), (P1, P2, P3), [("cosmetic", "paragraph-break")], id="split"),
        pytest.param((P1, P2, P3), (P1 + " " + P2, P3), [("cosmetic", "paragraph-break")], id="merge"),
    ],
)
def test_block_level_cases(a, b, expected) -> None:
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


def test_severity_of_every_delta_is_known() -> None:
    c = compare(letter(P1, P2), letter(P2, P1, P3), Options(force=True))
    assert all(isinstance(d.severity, Severity) and d.explanation for d in c.deltas)


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
