"""Citation forms, invented for dossiers and publications that the samples do not cite.

The rules in difftool.references come from how Dutch parliamentary papers and official
publications are cited (Aanwijzingen voor de regelgeving; officielebekendmakingen.nl), not from
the samples: two forms of one document are the same reference; another number, EK letter,
dossier, sub-dossier, chapter, fund, year, chamber or document type is another document. Each
pair is checked on the references API and end to end through the engine, as the only difference
in one footnote of two otherwise identical letters.
"""

from __future__ import annotations

import pytest

from difftool.engine import compare
from difftool.model import Options, Severity
from difftool.parse import parse_text
from difftool.references import Reference, explain_change, find_references

SAME = [
    # year forms and dossier spacing
    ("Kamerstukken II 2025/26, 31 839, nr. 1188", "Kamerstukken II, 2025-2026, 31839, nr. 1188"),
    ("Kamerstukken II, vergaderjaar 2025–2026, 31.839, nr. 1188", "Kamerstukken II 2025 – 26, 31 839, nr. 1188"),
    ("Kamerstukken II 1999/2000, 26 800 IXB, nr. 3", "Kamerstukken II 1999/00, 26 800-IXB, nr. 3"),
    # head forms
    ("Kst. 29453, nr. 469", "Kamerstuk 29 453, nr. 469"),
    # compact form: the last part is the number; a sub-dossier stays a sub-dossier
    ("Kamerstuk 31839-12-1188", "Kamerstukken 31 839-12, nr. 1188"),
    ("Kamerstukken II 2024/25, 31 839-12, nr. 1188", "Kamerstuk 31839-12-1188"),
    ("Kamerstuk 29453-469", "Kamerstukken II 2017/18, 29 453, nr. 469"),
    ("Kamerstuk 35925-VII-46", "Kamerstukken II 2021/22, 35 925-VII, nr. 46"),
    ("Kamerstuk 36600-XVI-12", "Kamerstukken II 2024/25, 36 600 XVI, nr. 12"),
    # budget chapters, funds, rijkswet
    ("Kamerstukken II 2024/25, 36 600-XVI, nr. 12", "Kamerstukken II 2024/25, 36600 XVI, nr. 12"),
    ("Kamerstukken II 2024/25, 36 600 XVIII, nr. 3", "Kamerstuk 36600-XVIII-3"),
    ("Kamerstukken II 2023/24, 36 410 B, nr. 4", "Kamerstukken II 2023/24, 36410-B, nr. 4"),
    ("Kamerstukken II 2018/19, 35 099 (R2114), nr. 3", "Kamerstukken II 2018/19, 35099 (R 2114), nr. 3"),
    ("Kamerstukken II 2018/19, 35 099 (R2114), nr. 3", "Kamerstukken II 2018/19, 35 099, nr. 3"),
    # several dossiers, several numbers
    ("Kamerstukken 29 453 en 31 839, nr. 600", "Kamerstukken 29453 en 31839, nr. 600"),
    ("Kamerstukken II 2023/24, 29 453, nrs. 560 t/m 563", "Kamerstukken II 2023/24, 29 453, nrs. 560-563"),
    # Eerste Kamer letters
    ("Kamerstukken I 2023/24, 36 410, A", "Kamerstukken I 2023/24, 36410, nr. A"),
    ("Kamerstukken I 2022/23, 36 228, nr. AB", "Kamerstukken I, 2022-2023, 36228, AB"),
    ("Kamerstukken I 1996/97, 24 400 VII, nr. 188b", "Kamerstukken I 1996/97, 24 400-VII, nr. 188b"),
    # Handelingen, Aanhangsel
    ("Handelingen II 2016/17, nr. 45, item 12, p. 3-7", "Hand. II 2016/17, nr. 45, item 12, blz. 3-7"),
    ("Aanhangsel Handelingen II 2023/24, nr. 2051", "Aanh. Handelingen II, 2023-2024, nr. 2051"),
    # gazettes, case law
    ("Stcrt. 2024, 31876", "Staatscourant 2024, nr. 31876"),
    ("Stb. 2023, 45", "Staatsblad 2023, 45"),
    ("ECLI:NL:RVS:2022:3159", "ecli:nl:rvs:2022:3159"),
    # without a head, the form is the cue
    ("Zij krijgt nr. 1102 (29453).", "Kamerstuk 29453-1102"),
    ("zie ook 31839-12-1188", "zie ook Kamerstuk 31 839-12, nr. 1188"),
]

DIFFERENT = [
    ("Kamerstuk 31839-12-1188", "Kamerstuk 31839-12-1189", "reference number 1188 → 1189"),
    ("Kamerstuk 31839-12-1188", "Kamerstuk 31839-13-1188", "dossier 31 839-12 → 31 839-13"),
    (
        "Kamerstukken II 2024/25, 31 839-12, nr. 1188",
        "Kamerstukken II 2024/25, 31 839, nr. 1188",
        "dossier 31 839-12 → 31 839",
    ),
    ("Kamerstuk 29453-469", "Kamerstuk 29453-496", "reference number 469 → 496"),
    ("Kamerstuk 29453-469", "Kamerstuk 29543-469", "dossier 29 453 → 29 543"),
    (
        "Kamerstukken II 2024/25, 36 600-XVI, nr. 12",
        "Kamerstukken II 2024/25, 36 600-XV, nr. 12",
        "dossier 36 600-XVI → 36 600-XV",
    ),
    ("Kamerstuk 35925-VII-46", "Kamerstuk 35925-VIII-46", "dossier 35 925-VII → 35 925-VIII"),
    ("Kamerstuk 36600-XVI", "Kamerstuk 36600-XVI-1", "reference number - → 1"),
    ("Kamerstuk 36410-VI", "Kamerstuk 36410-6", "dossier 36 410-VI → 36 410; reference number - → 6"),
    (
        "Kamerstukken II 2023/24, 36 410 B, nr. 4",
        "Kamerstukken II 2023/24, 36 410 C, nr. 4",
        "dossier 36 410-B → 36 410-C",
    ),
    (
        "Kamerstukken II 2018/19, 35 099 (R2114), nr. 3",
        "Kamerstukken II 2018/19, 35 099 (R2115), nr. 3",
        "dossier 35 099 (R2114) → 35 099 (R2115)",
    ),
    (
        "Kamerstukken 29 453 en 31 839, nr. 600",
        "Kamerstukken 29 453 en 31 893, nr. 600",
        "dossier 29 453 + 31 839 → 29 453 + 31 893",
    ),
    ("Kamerstukken II 2024/25, 29 453, nr. 560", "Kamerstukken II 2025/26, 29 453, nr. 560", "year 2024 → 2025"),
    ("Kamerstukken II 2023/24, 29 453, nr. 560", "Kamerstukken II 2023/2023, 29 453, nr. 560", "year 2023 → 2023/2023"),
    ("Kamerstukken II 2024/25, 29 453, nr. 560", "Kamerstukken I 2024/25, 29 453, nr. 560", "chamber II → I"),
    (
        "Kamerstukken II 2024/25, 29 453, nr. 560, p. 4",
        "Kamerstukken II 2024/25, 29 453, nr. 560, p. 14",
        "page 4 → 14",
    ),
    (
        "Kamerstukken II 2023/24, 29 453, nrs. 560 t/m 563",
        "Kamerstukken II 2023/24, 29 453, nrs. 560 t/m 564",
        "reference number 560-563 → 560-564",
    ),
    ("Kamerstukken I 2023/24, 36 410, A", "Kamerstukken I 2023/24, 36 410, B", "reference number A → B"),
    ("Kamerstukken I 2022/23, 36 228, nr. AB", "Kamerstukken I 2022/23, 36 228, nr. AC", "reference number AB → AC"),
    (
        "Kamerstukken I 1996/97, 24 400 VII, nr. 188b",
        "Kamerstukken I 1996/97, 24 400 VII, nr. 188c",
        "reference number 188b → 188c",
    ),
    ("Handelingen II 2016/17, nr. 45, item 12", "Handelingen II 2016/17, nr. 45, item 13", "item 12 → 13"),
    ("Handelingen II 2016/17, nr. 45, item 12", "Handelingen II 2016/17, nr. 46, item 12", "reference number 45 → 46"),
    (
        "Handelingen II 2016/17, nr. 45, item 12, p. 3-7",
        "Handelingen II 2016/17, nr. 45, item 12, p. 3-8",
        "page 3-7 → 3-8",
    ),
    ("Handelingen II 2016/17, nr. 45, item 12", "Handelingen I 2016/17, nr. 45, item 12", "chamber II → I"),
    (
        "Aanhangsel Handelingen II 2023/24, nr. 2051",
        "Aanhangsel Handelingen II 2023/24, nr. 2015",
        "reference number 2051 → 2015",
    ),
    (
        "Aanhangsel Handelingen II 2023/24, nr. 2051",
        "Handelingen II 2023/24, nr. 2051",
        "document type Aanhangsel Handelingen → Handelingen",
    ),
    (
        "Kamerstukken II 2024/25, 29 453, nr. 560",
        "Handelingen II 2024/25, nr. 560",
        "document type Kamerstukken → Handelingen; dossier 29 453 → -",
    ),
    ("Stcrt. 2024, 31876", "Stcrt. 2024, 31867", "reference number 31876 → 31867"),
    ("Stcrt. 2024, 31876", "Stcrt. 2023, 31876", "year 2024 → 2023"),
    ("Stb. 2023, 45", "Stcrt. 2023, 45", "document type Staatsblad → Staatscourant"),
    ("ECLI:NL:RVS:2022:3159", "ECLI:NL:RVS:2022:3195", "ECLI:NL:RVS:2022:3159 → ECLI:NL:RVS:2022:3195"),
    ("ECLI:NL:HR:2020:1234", "ECLI:NL:RVS:2020:1234", "ECLI:NL:HR:2020:1234 → ECLI:NL:RVS:2020:1234"),
    ("Zij krijgt nr. 1102 (29453).", "Zij krijgt nr. 1103 (29453).", "reference number 1102 → 1103"),
]


def one(text: str) -> Reference:
    refs = find_references(text)
    assert len(refs) == 1, refs
    return refs[0]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_document_in_two_forms(a: str, b: str) -> None:
    ra, rb = one(a), one(b)
    assert ra.same_citation(rb), (ra, rb)
    assert rb.same_citation(ra)


@pytest.mark.parametrize(("a", "b", "why"), DIFFERENT)
def test_another_document_names_what_changed(a: str, b: str, why: str) -> None:
    ra, rb = one(a), one(b)
    assert not ra.same_citation(rb), (ra, rb)
    assert explain_change(ra, rb) == why


@pytest.mark.parametrize(
    ("text", "dossiers", "number"),
    [
        ("Kamerstuk 32317-973", ("32317",), "973"),
        ("Kamerstuk 31839-12-1188", ("31839-12",), "1188"),
        ("Kamerstuk 35570-XIV-46", ("35570-XIV",), "46"),
        ("Kamerstuk 36410-VI", ("36410-VI",), None),
        ("Kamerstukken II 2024/25, 31 839-12, nr. 1188", ("31839-12",), "1188"),
        ("Kamerstukken II 2024/25, 31 839 -02, nr. 1188", ("31839-2",), "1188"),
        ("Kamerstukken II 2024/25, 36 410 B, nr. 4", ("36410-B",), "4"),
        ("Kamerstukken II 2024/25, 36 410 B", ("36410-B",), None),
        ("Kamerstukken I 2017/18, 34 775 VII, A", ("34775-VII",), "A"),
        ("Kamerstukken I 2017/18, 34 775 AB", ("34775",), "AB"),
        ("Kamerstukken II 2018/19, 35 099 (R2114), nr. 3", ("35099 (R2114)",), "3"),
        ("Kamerstukken 29 453 en 31 839, nr. 600", ("29453", "31839"), "600"),
        ("Zij krijgt nr. 1102 (29453).", ("29453",), "1102"),
        ("(31 839, nr. 12)", ("31839",), "12"),
    ],
)
def test_the_form_decides_dossier_and_number(text: str, dossiers: tuple[str, ...], number: str | None) -> None:
    r = one(text)
    assert (r.type, r.dossiers, r.number) == ("Kamerstukken", dossiers, number)


@pytest.mark.parametrize(
    "text",
    [
        "De kosten stijgen van 12 500-15 000 euro per jaar.",
        "Tussen 10.000-20.000 mensen per jaar in de periode 2028-2034.",
        "Het ging om 31839 gevallen en 29453 meldingen.",
        "Dit is bekendgemaakt in de Staatscourant. Niet alle regels gelden.",
        "Tweede Kamer der Staten-Generaal 31 839 Nr. 1188",
    ],
)
def test_a_bare_number_is_no_citation(text: str) -> None:
    assert [r for r in find_references(text) if r.type in ("Kamerstukken", "Staatscourant")] == []


def test_no_digit_of_a_citation_is_dropped() -> None:
    """Digits that no field takes still count: a changed digit inside a citation is a change."""
    a = one("Kamerstukken II 2023/24, 29 453, bijlage 2, nr. 560")
    b = one("Kamerstukken II 2023/24, 29 453, bijlage 3, nr. 560")
    assert a.same_document(b) and not a.same_citation(b)
    assert explain_change(a, b) == "also cited 2 → 3"


def test_a_citation_ends_with_its_last_field() -> None:
    """Words after it are not part of it; an id in the place of the number is."""
    text = "Kamerstukken II, 2023-2024, TZ202311-045, waarin 3 punten staan"
    kst, tz = find_references(text)
    assert text[kst.start : kst.end] == "Kamerstukken II, 2023-2024, TZ202311-045"
    assert text[tz.start : tz.end] == "TZ202311-045"
    (stcrt,) = find_references("Stcrt. 2024, 31876, niet in werking getreden.")
    assert (stcrt.start, stcrt.end) == (0, len("Stcrt. 2024, 31876"))


INTRO = "Het kabinet heeft op 3 juni een brief gestuurd over de aanpak van mensensmokkel in Europa."
OUTRO = "De Commissie benadrukte dat de samenwerking met derde landen noodzakelijk blijft voor terugkeer."


def letter_citing(citation: str):
    return parse_text(f"{INTRO}\u00b9\n\n{OUTRO}\n\n\u00b9 {citation}\n", "x.txt")


@pytest.mark.parametrize(("a", "b"), SAME)
def test_engine_same_document_is_at_most_cosmetic(a: str, b: str) -> None:
    c = compare(letter_citing(a), letter_citing(b), Options(force=True))
    assert all(d.severity is Severity.COSMETIC for d in c.deltas), [(d.kind, d.explanation) for d in c.deltas]


@pytest.mark.parametrize(("a", "b", "why"), DIFFERENT)
def test_engine_another_document_is_a_substantive_reference(a: str, b: str, why: str) -> None:
    c = compare(letter_citing(a), letter_citing(b), Options(force=True))
    got = [(d.severity, d.kind, d.explanation) for d in c.deltas]
    assert got == [(Severity.SUBSTANTIVE, "reference", f"footnote 1: {why}")], got


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        pytest.param(
            "Kamerstukken II, 2023-2024, TZ202311-045",
            "Kamerstukken II, 2023-2024, TZ202311-054",
            "TZ202311-045 → TZ202311-054",
            id="toezegging-inside-a-citation",
        ),
        pytest.param(
            "Kamerstukken II 2023/24, motie Van Campen c.s., 29 453, nr. 560",
            "Kamerstukken II 2023/24, motie Van Dijk c.s., 29 453, nr. 560",
            "motie van campen c.s. → van dijk c.s.",
            id="motie-inside-a-citation",
        ),
    ],
)
def test_engine_judges_the_innermost_reference(a: str, b: str, why: str) -> None:
    """An id or a motie inside a Kamerstukken citation is judged as itself, not as the citation
    around it (which names the same dossier and number on both sides)."""
    c = compare(letter_citing(a), letter_citing(b), Options(force=True))
    got = [(d.severity, d.kind, d.explanation) for d in c.deltas]
    assert got == [(Severity.SUBSTANTIVE, "reference", f"footnote 1: {why}")], got


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kamerstukken II 2024/25, 29 453, nr. 560.", "Kamerstukken II 2024/25, 29 453, nr. 560, herdruk."),
        (
            "Kamerstukken II 2024/25, 29 453, nr. 560, over de aanpak.",
            "Kamerstukken II 2024/25, 29 453, nr. 560, over de opvang.",
        ),
        ("Stcrt. 2024, 31876.", "Stcrt. 2024, 31876, niet in werking getreden."),
    ],
)
def test_engine_words_after_a_citation_are_not_part_of_it(a: str, b: str) -> None:
    """Words added or changed after a citation's last field are reported as words, never as the
    same reference written differently."""
    c = compare(letter_citing(a), letter_citing(b), Options(force=True))
    got = [(d.severity, d.kind) for d in c.deltas]
    assert got and all(s is Severity.SUBSTANTIVE and k != "reference" for s, k in got), got
