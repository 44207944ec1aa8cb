"""Token-level classification: what kind of difference, how much it matters."""

from __future__ import annotations

import pytest

from difftool.classify import classify_tokens, name_verdict, split_name
from difftool.model import Severity
from difftool.text import Mapped, tokenize


def toks(text: str):
    m = Mapped.of(text)
    return tokenize(m.text, m.offsets)


CASES = [
    # (a, b, severity, kind, intent)
    ("32317", "32 317", Severity.COSMETIC, "number-format", "number grouping"),
    ("EU -aanpak", "EU-aanpak", Severity.COSMETIC, "spacing", "hyphenation space"),
    ("mensensmokkel-netwerken", "mensensmokkelnetwerken", Severity.COSMETIC, "hyphenation", "compound hyphen"),
    ("Minister", "minister", Severity.EDITORIAL, "capitalisation", "case only"),
    (",", ";", Severity.EDITORIAL, "punctuation", "punctuation only"),
    ("Schengegebied", "Schengengebied", Severity.EDITORIAL, "spelling", "typo in A"),
    ("gecommitteerd", "gecommiteerd", Severity.EDITORIAL, "spelling", "typo in B"),
    ("toerismedoeleinden", "toerismedoelinden", Severity.EDITORIAL, "spelling", "typo in a compound"),
    ("juridische", "juridisch", Severity.EDITORIAL, "inflection", "same stem"),
    ("aan zien", "aanzien", Severity.EDITORIAL, "spelling", "word spacing"),
    ("voor", "van", Severity.SUBSTANTIVE, "wording", "different word"),
    ("opstaan", "ontstaan", Severity.SUBSTANTIVE, "wording", "two real words"),
    ("wel", "niet", Severity.SUBSTANTIVE, "negation", "negation"),
    ("", "niet", Severity.SUBSTANTIVE, "negation", "negation added"),
    ("2024", "2025", Severity.SUBSTANTIVE, "number", "number"),
    ("12 mei", "13 mei", Severity.SUBSTANTIVE, "date", "date"),
    ("€ 25 mln", "€ 35 mln", Severity.SUBSTANTIVE, "amount", "amount"),
    ("90%", "80%", Severity.SUBSTANTIVE, "amount", "percentage"),
    ("moet", "kan", Severity.SUBSTANTIVE, "modality", "obligation to possibility"),
    ("moet", "moeten", Severity.EDITORIAL, "inflection", "same modal, other form"),
    ("", "en de Raad", Severity.SUBSTANTIVE, "text-added", "words added"),
    ("in nauw overleg", "", Severity.SUBSTANTIVE, "text-removed", "words removed"),
]


@pytest.mark.parametrize(("a", "b", "severity", "kind", "intent"), CASES, ids=[c[4] for c in CASES])
def test_classify_tokens(a, b, severity, kind, intent) -> None:
    v = classify_tokens(toks(a), toks(b))
    assert (v.severity, v.kind) == (severity, kind), v.explanation


def test_spelling_names_the_side_with_the_typo() -> None:
    assert (
        "in A is a misspelling of 'Schengengebied'"
        in classify_tokens(toks("Schengegebied"), toks("Schengengebied")).explanation
    )
    assert "'gecommiteerd' in B" in classify_tokens(toks("gecommitteerd"), toks("gecommiteerd")).explanation


def test_two_misspellings_name_neither_side() -> None:
    v = classify_tokens(toks("toerismedoelenden"), toks("toerismedoelinden"))
    assert (v.severity, v.kind) == (Severity.EDITORIAL, "spelling")
    assert "neither is in the lexicon" in v.explanation


def test_all_caps_line_is_typography() -> None:
    v = classify_tokens(toks("MINISTER"), toks("minister"), caps_a=True)
    assert v.severity is Severity.COSMETIC


@pytest.mark.parametrize(
    ("name", "given", "surname"),
    [
        ("G. van den Brink", "G.", "van den Brink"),
        ("Bart van den Brink", "Bart", "van den Brink"),
        ("K.T. van Bruggen", "K.T.", "van Bruggen"),
        ("M.H.M. Faber-van de Klashorst", "M.H.M.", "Faber-van de Klashorst"),
        ("Van den Brink", "", "van den Brink"),
    ],
)
def test_split_name(name, given, surname) -> None:
    assert split_name(name) == (given, surname)


def test_same_surname_is_a_name_form_difference() -> None:
    v = name_verdict("Bart van den Brink", "G. van den Brink")
    assert (v.severity, v.kind) == (Severity.SUBSTANTIVE, "signatory-name-form")
    assert "same surname" in v.explanation


def test_other_surname_is_another_signatory() -> None:
    v = name_verdict("D.M. van Weel", "T.H.D. Struycken")
    assert v.kind == "signatory"
