"""The three versions of the 22 June 2026 letter, compared pairwise: what a reviewer must be told."""

from __future__ import annotations

import pytest

from conftest import AGENDA, DOCX, EK, EK_MARCH, ROOT, TK, changed_parts, cosmetic_copy
from difftool.engine import NotRelatedError, compare
from difftool.model import Severity
from difftool.readers import read_letter
from difftool.text import squash


@pytest.fixture(scope="module")
def letters():
    return {p: read_letter(str(p)) for p in (EK, TK, DOCX, AGENDA, EK_MARCH)}


@pytest.fixture(scope="module")
def pairs(letters):
    return {(x, y): compare(letters[x], letters[y]) for x, y in ((EK, TK), (DOCX, TK), (DOCX, EK))}


def found(c, a: str, b: str, severity: Severity | None = None):
    """Deltas whose A side shows ``a`` and B side shows ``b`` (format folded)."""
    out = []
    for d in c.deltas:
        at, bt = squash(d.a.text + " " + d.a.context), squash(d.b.text + " " + d.b.context)
        if squash(a) in at and squash(b) in bt and (severity is None or d.severity is severity):
            out.append(d)
    return out


SUBSTANTIVE = [
    ((EK, TK), "nr. 1007", "nr. 1013", "reference"),
    ((EK, TK), "Bart van den Brink", "G. van den Brink", "signatory-name-form"),
    ((EK, TK), "Claudia van Bruggen", "K.T. van Bruggen", "signatory-name-form"),
    ((EK, TK), "21 501, nr. 2185", "21 501-20, nr. 2185", "reference"),
    ((EK, TK), "Kamerstukken II, 2024-2025, nr. 1474", "Aanhangsel Handelingen II, 2024-2025, nr. 1474", "reference"),
    ((EK, TK), "MINISTER VOOR ASIEL", "minister van Asiel", "wording"),
    ((EK, TK), "De Minister voor Asiel en Migratie", "De minister van Asiel en Migratie", "wording"),
    ((EK, TK), "Kamerstukken II, 2025-2026, TZ202604-207", "TZ202604-207", "reference"),
    ((DOCX, TK), "nr. 1007", "nr. 1013", "reference"),
    ((DOCX, TK), "opstaan", "ontstaan", "wording"),
    ((DOCX, TK), "barrieremodel", "barrièremodel", "reference"),
]


@pytest.mark.parametrize(
    ("pair", "a", "b", "kind"), SUBSTANTIVE, ids=[f"{p[0].stem[-4:]}-{p[1].stem[-2:]}:{a}" for p, a, *_ in SUBSTANTIVE]
)
def test_substantive_differences_are_found(pairs, pair, a, b, kind) -> None:
    hits = found(pairs[pair], a, b, Severity.SUBSTANTIVE)
    assert any(d.kind == kind for d in hits), [(d.kind, d.explanation) for d in found(pairs[pair], a, b)]


def test_footnote_8_explanation(pairs) -> None:
    (d,) = [d for d in pairs[(EK, TK)].deltas if d.a.footnote == 8 and d.severity is Severity.SUBSTANTIVE]
    assert d.explanation == "footnote 8: reference number 1007 \u2192 1013"


def test_sections_present_in_one_edition_only(pairs) -> None:
    removed = [d for d in pairs[(EK, TK)].deltas if d.kind == "section-removed"]
    titles = " ".join(d.explanation for d in removed)
    assert "Commissiemededeling Staat van Schengenrapport 2026" in titles
    assert "DECLARATION OF INTENT" in titles
    assert all(d.severity is Severity.SUBSTANTIVE for d in removed)
    added = [d for d in pairs[(DOCX, TK)].deltas if d.kind == "section-added"]
    assert any("Verslag van de bijeenkomst" in d.explanation for d in added)


def test_edition_differences_are_expected(pairs) -> None:
    c = pairs[(EK, TK)]
    assert found(c, "Eerste", "Tweede", Severity.EXPECTED)
    assert found(c, "QF", "Nr. 1014", Severity.EXPECTED)
    assert any(d.severity is Severity.EXPECTED and "Vergaderjaar" in d.a.text for d in c.deltas)
    assert (c.edition_a, c.edition_b) == ("EK", "TK")


@pytest.mark.parametrize(
    ("pair", "wrong", "right", "side"),
    [
        ((EK, TK), "Schengegebied", "Schengengebied", "A"),
        ((EK, TK), "gecommiteerd", "gecommitteerd", "B"),
        ((EK, TK), "Unanimititeit", "Unanimiteit", "B"),
        ((EK, TK), "binnengrenscntroles", "binnengrenscontroles", "A"),
        ((DOCX, TK), "Denenmarken", "Denemarken", "A"),
        ((DOCX, TK), "toerismedoelinden", "toerismedoeleinden", "B"),
    ],
)
def test_misspellings_are_editorial_and_say_which_side(pairs, pair, wrong, right, side) -> None:
    c = pairs[pair]
    hits = [d for d in c.deltas if d.kind == "spelling" and wrong in d.explanation]
    assert hits, [d.explanation for d in c.deltas if d.severity is Severity.EDITORIAL]
    assert all(d.severity is Severity.EDITORIAL for d in hits)
    assert f"in {side} is a misspelling of '{right}'" in hits[0].explanation


def test_noise_is_never_substantive(pairs) -> None:
    for c in pairs.values():
        for d in c.deltas:
            if d.kind in ("quote-style", "dash-style", "reference-format", "number-format", "paragraph-break"):
                assert d.severity is Severity.COSMETIC
            for side in (d.a, d.b):
                for noise in ("[bookmark", "footnoteRef", "_Hlk", "^{", "**"):
                    assert noise not in side.text + side.context


def test_dash_in_years_is_not_substantive(pairs) -> None:
    assert not found(pairs[(EK, TK)], "2026–2027", "2026-2027", Severity.SUBSTANTIVE)


def test_different_letters_are_refused(letters) -> None:
    with pytest.raises(NotRelatedError, match="not versions of the same letter"):
        compare(letters[AGENDA], letters[EK_MARCH])


@pytest.mark.parametrize("path", [EK, TK, DOCX, AGENDA, EK_MARCH], ids=lambda p: p.stem)
def test_self_compare_is_empty(letters, path) -> None:
    c = compare(letters[path], letters[path])
    assert c.deltas == ()
    assert all(g.relation.value == "equal" for g in c.alignment)


@pytest.mark.parametrize("path", [EK, TK, DOCX, AGENDA, EK_MARCH], ids=lambda p: p.stem)
def test_a_cosmetic_copy_differs_only_cosmetically_both_ways(letters, path) -> None:
    """Identical blocks are skipped before the pair diff, so comparing a letter with itself proves
    little: here every quote and dash has another style, each changed block and footnote must be
    diffed, and what the diff finds there must be cosmetic, the same from either side."""
    letter = letters[path]
    copy = cosmetic_copy(letter)
    blocks, notes = changed_parts(letter, copy)
    assert blocks and notes, "the sample has no quote or dash to restyle"
    forward, backward = compare(letter, copy), compare(copy, letter)
    assert [d.explanation for d in forward.deltas if d.severity is not Severity.COSMETIC] == []
    assert {d.kind for d in forward.deltas} <= {"quote-style", "dash-style"}
    assert {d.a.block for d in forward.deltas if d.a.footnote is None} == blocks
    assert {d.a.footnote for d in forward.deltas if d.a.footnote is not None} == notes
    assert all(g.relation.value == "equal" for g in forward.alignment)
    mirrored = [(d.severity, d.kind, d.b.text, d.a.text, d.b.block) for d in backward.deltas]
    assert [(d.severity, d.kind, d.a.text, d.b.text, d.a.block) for d in forward.deltas] == mirrored


def test_every_kind_reported_is_a_documented_kind(pairs) -> None:
    from difftool.model import KINDS

    reported = {d.kind for c in pairs.values() for d in c.deltas}
    assert reported <= KINDS, reported - KINDS
    doc = (ROOT / "docs" / "how-it-works.md").read_text(encoding="utf-8")
    assert [k for k in sorted(KINDS) if f"`{k}`" not in doc] == []
