"""How does ``reconcile`` grow with the number of versions? Prints figures; asserts nothing.

Versions of the 22 June 2026 letter (the TK edition in samples/) are generated as in the tests
(tests/nway.py): eight places with edits (a word or a number replaced, a paragraph left out or
added), each version picking its variant per place, and each version re-rendered in an extraction
flavour of its own (markdown-ish PDF text, raw PDF text, DOCX text). For 3, 5 and 10 versions it
prints the median time of parsing all versions and of reconciling the parsed letters (N - 1
pairwise comparisons through the pipeline, then the merge), and the reconcile time per other
version, which stays about constant when the cost grows linearly.

Usage: python bench/reconcile.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from difftool.parse import parse_text
from difftool.readers import read_letter
from difftool.reconcile import ReconcileRequest, reconcile
from nway import make_slots, version_texts

TK = ROOT / "samples" / "2026-06-22-jbz-tk.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    letter = read_letter(str(TK))
    print(f"letter: {TK.name}, {len(letter.blocks)} blocks, {len(letter.footnotes)} footnotes; {args.runs} runs")
    reconcile_warm = None
    print(f"{'versions':>8} {'parse':>9} {'reconcile':>10} {'per other version':>18} {'points':>7}")
    for n in (3, 5, 10):
        rng = random.Random(n)
        slots = make_slots(letter, n, rng, 8)
        texts = version_texts(letter, slots, n, rng)
        parse_times, rec_times = [], []
        points = 0
        for _ in range(args.runs):
            t = time.perf_counter()
            letters = [parse_text(x, f"v{v + 1}.txt") for v, x in enumerate(texts)]
            parse_times.append(time.perf_counter() - t)
            if reconcile_warm is None:  # the word list and the regexes, once
                reconcile_warm = reconcile(letters[:2], ReconcileRequest(("a", "b")))
            t = time.perf_counter()
            r = reconcile(letters, ReconcileRequest(tuple(x.path for x in letters)))
            rec_times.append(time.perf_counter() - t)
            points = len(r.points)
        p, c = statistics.median(parse_times), statistics.median(rec_times)
        print(f"{n:>8} {p * 1000:>7.0f}ms {c * 1000:>8.0f}ms {c * 1000 / (n - 1):>16.0f}ms {points:>7}")


if __name__ == "__main__":
    main()
