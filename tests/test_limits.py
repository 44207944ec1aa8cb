"""Inputs beyond what difftool compares within its limits end with one line and exit 2, said
before the work (an estimate of its cost), not after minutes of silence; inputs within them,
however repetitive, are compared. Through the command line, as a user meets them; no timings
are asserted (bench/limits.py prints them)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import run_cli
from difftool.align import DP_BUDGET
from difftool.readers import MAX_COMPARE_BYTES

HEAD = (
    "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2025-2026\n\n36 000 Brief van de minister\n\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 22 juni 2026\n\n"
)
WORDS = (
    "de het een kabinet minister raad lidstaten commissie voorstel verordening migratie terugkeer "
    "veiligheid justitie samenwerking europese unie onderhandelingen standpunt nederland brief "
    "kamer informeren voortgang grenzen asiel toezegging overleg besluit richtlijn uitvoering"
).split()


def _prose(rnd: random.Random, paragraphs: int, words: int) -> str:
    return "\n\n".join(" ".join(rnd.choice(WORDS) for _ in range(words)).capitalize() + "." for _ in range(paragraphs))


def _refused(result, needle: str) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert needle in line and "compare smaller parts" in line
    return line


def test_a_text_too_large_to_read_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    rnd = random.Random(7)
    with big.open("w", encoding="utf-8") as fh:
        fh.write(HEAD)
        while fh.tell() <= MAX_COMPARE_BYTES:
            fh.write(_prose(rnd, 200, 60) + "\n\n")
    letter = tmp_path / "letter.txt"
    letter.write_text(HEAD + _prose(rnd, 20, 60) + "\n", encoding="utf-8")
    for args in (["compare", "--force", str(big), str(letter)], ["check", str(letter), str(big)]):
        line = _refused(run_cli(*args), f"{big}: {big.stat().st_size:,} bytes of text")
        assert f"up to {MAX_COMPARE_BYTES:,} bytes" in line


def test_an_alignment_too_costly_is_refused_before_it_starts(tmp_path: Path) -> None:
    """Two long texts with nothing in common to anchor on, compared with --force: the dynamic
    programming over their paragraphs would take longer than DP_BUDGET."""
    rnd = random.Random(11)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(HEAD + _prose(rnd, 1500, 60) + "\n", encoding="utf-8")
    b.write_text(HEAD + _prose(rnd, 1500, 60) + "\n", encoding="utf-8")
    line = _refused(run_cli("compare", "--force", "--format", "json", str(a), str(b)), "would take more than")
    assert f"the limit is {DP_BUDGET:.0f} s" in line


@pytest.mark.parametrize("edits", [1, 100])
def test_many_alike_paragraphs_are_compared(tmp_path: Path, edits: int) -> None:
    """Thousands of identical paragraphs, some changed (more than a few dozen too): compared, and
    every changed paragraph is found."""
    para = "De minister zegt toe de Kamer voor de zomer te informeren over de voortgang."
    n = 5000
    paras = [para] * n
    changed = list(paras)
    where = sorted(random.Random(edits).sample(range(n), edits))
    for k in where:
        changed[k] = para.replace("zomer", f"winter van {2030 + k}")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(HEAD + "\n\n".join(paras) + "\n", encoding="utf-8")
    b.write_text(HEAD + "\n\n".join(changed) + "\n", encoding="utf-8")
    result = run_cli("compare", "--format", "json", str(a), str(b))
    assert result.returncode in (0, 1), result.stderr
    deltas = json.loads(result.stdout)["deltas"]
    found = {d["b"]["text"] for d in deltas}
    assert all(f"winter van {2030 + k}" in " ".join(found) for k in where)
    assert len(deltas) == edits
