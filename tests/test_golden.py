"""Golden tests over samples/: the full list of deltas for each pair of versions, one line each.

A change in what the engine reports shows up here as a readable diff. Regenerate deliberately
with ``pytest tests/test_golden.py --update-golden`` and review the change before committing.
"""

from __future__ import annotations

import pytest

from conftest import DOCX, EK, ROOT, TK
from difftool.engine import compare
from difftool.readers import read_letter

GOLDEN = ROOT / "tests" / "golden"
CASES = {
    "ek-vs-tk-two-editions": (EK, TK),
    "docx-vs-tk-draft-vs-published": (DOCX, TK),
    "docx-vs-ek-cover-vs-full-letter": (DOCX, EK),
}


def render(a, b) -> str:
    c = compare(read_letter(str(a)), read_letter(str(b)))
    lines = [f"A {a.name}", f"B {b.name}", "summary " + " ".join(f"{k}={v}" for k, v in c.summary().items())]
    for g in c.alignment:
        if g.relation.value not in ("equal",):
            lines.append(
                f"align {g.relation.value:<8} {','.join(g.a) or '-'} ~ {','.join(g.b) or '-'} {g.similarity:.2f}"
            )
    for d in c.deltas:
        lines.append(f"{d.id:<5} {d.severity.value:<12} {d.kind:<20} {d.explanation}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, update_golden: bool) -> None:
    got = render(*CASES[case])
    path = GOLDEN / case / "expected.txt"
    if update_golden or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{path} did not exist; written now — review and commit it")
    assert got == path.read_text(encoding="utf-8")
