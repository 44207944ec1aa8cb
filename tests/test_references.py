"""Dutch parliamentary citations are compared as the documents they name."""

from __future__ import annotations

import pytest

from difftool.references import explain_change, find_references


def one(text: str):
    refs = find_references(text)
    assert len(refs) == 1, refs
    return refs[0]


SAME = [
    ("Kamerstukken II 2025/26, 32 317, nr. 1014", "Kamerstukken II, 2025-2026, 32317, nr. 1014"),
    ("Kamerstukken II, vergaderjaar 2025–2026, 32.317, nr. 1014.", "Kamerstukken II 2025 – 26, 32 317, nr. 1014"),
    ("Kamerstukken II, 2023-2024, 36410-VI, nr. 79.", "Kamerstukken II, 2023-2024, 36410 VI, nr. 79."),
    ("Kamerstukken II, 2024–2025, 30176 nr. 39.", "Kamerstukken II, 2024-2025, 30176, nr. 39."),
    ("Kst. II 2025/26, 32317, nr. 973", "Kamerstuk II 2025/26, 32317-973"),
    ("Kamerstukken I 2023/24, 36200, A", "Kamerstukken I 2023/24, 36 200, nr. A"),
    ("Kamerstukken II, 2024-2025, 21 501-02, nr. 3000", "Kamerstukken II, 2024-2025, 21 501 -02, nr. 3000"),
]
DIFFERENT = [
    (
        "Kamerstukken II, 2025-2026, 32317, nr. 1007.",
        "Kamerstukken II, 2025-2026, 32 317, nr. 1013.",
        "reference number 1007 → 1013",
    ),
    (
        "Kamerstukken II, 2025-2026, Motie TK, 21 501, nr. 2185",
        "Kamerstukken II, 2025-2026, Motie TK, 21 501-20, nr. 2185",
        "dossier 21 501 → 21 501-20",
    ),
    (
        "Kamerstukken II, 2024-2025, nr. 1474.",
        "Aanhangsel Handelingen II, 2024-2025, nr. 1474.",
        "document type Kamerstukken → Aanhangsel Handelingen",
    ),
    ("Kamerstukken II 2024/25, 32317, nr. 900", "Kamerstukken II 2025/26, 32317, nr. 900", "year 2024 → 2025"),
    ("Kamerstukken I 2023/24, 36200, A", "Kamerstukken I 2023/24, 36200, B", "reference number A → B"),
    ("Kamerstukken II 2023/24, 36200, nr. 5", "Kamerstukken I 2023/24, 36200, nr. 5", "chamber II → I"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_document_written_differently(a: str, b: str) -> None:
    assert one(a).same_document(one(b))


@pytest.mark.parametrize(("a", "b", "why"), DIFFERENT)
def test_different_documents(a: str, b: str, why: str) -> None:
    ra, rb = one(a), one(b)
    assert not ra.same_document(rb)
    assert explain_change(ra, rb) == why


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("zie Kamerstuk 21501-32-1188", "Kamerstukken, 21 501-32, nr. 1188"),
        ("Kamerstukken 35 334 en 28 089, nr. 248", "Kamerstukken, 35 334, 28 089, nr. 248"),
        ("Handelingen II 2010/11, nr. 108, item 5, p. 25-36", "Handelingen II, 2010/11, nr. 108 item 5"),
        ("toezegging TZ202604-207.", "TZ202604-207"),
        ("COM(2021) 591 final", "COM(2021)591FINAL"),
        ("<https://example.org/a/b>.", "https://example.org/a/b"),
    ],
)
def test_other_forms(text: str, described: str) -> None:
    assert [r.describe() for r in find_references(text)] == [described]


def test_spans_index_the_text() -> None:
    text = "Zie Kamerstukken II, 2025-2026, 32317, nr. 1007. Verder."
    r = one(text)
    assert text[r.start : r.end].startswith("Kamerstukken II") and "1007" in text[r.start : r.end]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("de motie Van Campen en Boswijk", "de Motie van Campen en Boswijk", True),
        ("de motie van de leden Dassen en Brekelmans", "de motie Dassen en Brekelmans", True),
        ("motie-Taverne", "motie Taverne", True),
        # a name a line broke, its hyphen left with its space
        ("de motie Wolters- dorp en Van Beek uit", "de motie Woltersdorp en Van Beek uit", True),
        ("de motie Wolters- dorp over", "de motie Wolters over", False),
        ("de motie Van Campen en Boswijk", "de motie Van Campen", False),
        ("de motie Eerdmans over", "de motie Keijzer over", False),
        ("de motie Keijzer c.s. over", "de motie Keijzer over", False),
    ],
)
def test_moties_by_name(a: str, b: str, same: bool) -> None:
    assert one(a).type == "motie"
    assert one(a).same_document(one(b)) is same


def test_motie_tk_in_a_citation_is_not_a_motie_by_name() -> None:
    assert [r.type for r in find_references("Kamerstukken II, 2025-2026, Motie TK, 21 501-20, nr. 2185")] == [
        "Kamerstukken"
    ]
