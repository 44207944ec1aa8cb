"""Sentence splitting: Dutch and English abbreviations, offsets, and real essay paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from difftool.sentences import sentence_spans, split_sentences

DATA = Path(__file__).resolve().parent.parent / "bench" / "data" / "argrewrite" / "alignments.json"

CASES = [
    # (text, expected sentences)
    ("Dit is een zin. Dit is er nog een.", ["Dit is een zin.", "Dit is er nog een."]),
    ("Op 18 mei jl. heeft de Raad besloten. Dat is goed.", ["Op 18 mei jl. heeft de Raad besloten.", "Dat is goed."]),
    ("Zie Kamerstuk 32 317, nr. 1007. Daarin staat meer.", ["Zie Kamerstuk 32 317, nr. 1007.", "Daarin staat meer."]),
    ("Zie nr. 1007 en nr. 1013.", ["Zie nr. 1007 en nr. 1013."]),
    (
        "Dit gebeurt t.a.v. de Terugkeerverordening. Daarna volgt de rest.",
        ["Dit gebeurt t.a.v. de Terugkeerverordening.", "Daarna volgt de rest."],
    ),
    (
        "De punten zijn: i.) Schengen; ii.) migratie. Tot slot.",
        ["De punten zijn: i.) Schengen; ii.) migratie.", "Tot slot."],
    ),
    ("Ondertekend door G. van den Brink. Einde.", ["Ondertekend door G. van den Brink.", "Einde."]),
    ("Getekend: K.T. van Bruggen.", ["Getekend: K.T. van Bruggen."]),
    (
        "Dat geldt o.a. voor de Raad. En m.b.t. Schengen ook.",
        ["Dat geldt o.a. voor de Raad.", "En m.b.t. Schengen ook."],
    ),
    (
        "The U.S. Department of Transportation agrees. So do I.",
        ["The U.S. Department of Transportation agrees.", "So do I."],
    ),
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("My answer would be no. A car is a machine.", ["My answer would be no.", "A car is a machine."]),
    ("See no. 5 for details.", ["See no. 5 for details."]),
    ("Phones, tvs, etc. The rest is cheap.", ["Phones, tvs, etc.", "The rest is cheap."]),
    ("Published 8 Jan. 2018 in New York.", ["Published 8 Jan. 2018 in New York."]),
    ("Is dit zo? Ja! Zeker.", ["Is dit zo?", "Ja!", "Zeker."]),
    (
        "Hij zei: \u201cDit klopt.\u201d Daarna ging hij weg.",
        ["Hij zei: \u201cDit klopt.\u201d", "Daarna ging hij weg."],
    ),
    ("(Zie bijlage.) De Raad besloot.", ["(Zie bijlage.)", "De Raad besloot."]),
    ("In 2026. 2027 volgt.", ["In 2026.", "2027 volgt."]),
    ("Geen punt aan het eind", ["Geen punt aan het eind"]),
    ("  Voorloopspatie. En meer.  ", ["Voorloopspatie.", "En meer."]),
    ("", []),
    ("   ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spans_point_into_text(text: str, expected: list[str]) -> None:
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == expected
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2 and text[e1:s2].strip() == ""


@given(st.text(alphabet="ab .?!A\u00c91\n\"')", max_size=60))
def test_spans_cover_all_non_space(text: str) -> None:
    spans = sentence_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_essay_paragraphs_resegment_like_the_annotators() -> None:
    """Joining ArgRewrite's gold sentences per paragraph and splitting again gives the gold
    sentences back for most paragraphs (misses: student typos like a lower-case start)."""
    pairs = json.loads(DATA.read_text(encoding="utf-8"))["pairs"]
    ok = total = 0
    for p in pairs:
        for side in ("old", "new"):
            paras: dict[int, list[str]] = {}
            for s in p[side]:
                paras.setdefault(s["paragraph"], []).append(" ".join(s["text"].split()))
            for sents in paras.values():
                total += 1
                ok += split_sentences(" ".join(sents)) == sents
    assert ok / total >= 0.97
