"""The baseline difftool is measured against: paragraph and word diffs with difflib, nothing else.

Imported by bench/engine.py (in-process timings) and run as a process by bench/startup.py
(`python bench/difflib_baseline.py A B` prints the number of changes), so both time the same code.
"""

from __future__ import annotations

import difflib
import sys


def difflib_baseline(a: str, b: str) -> int:
    """Blank-line paragraphs aligned with difflib, words diffed inside replaced pairs; the count
    of differing paragraphs and word runs."""
    pa = [p.strip() for p in a.split("\n\n") if p.strip()]
    pb = [p.strip() for p in b.split("\n\n") if p.strip()]
    sm = difflib.SequenceMatcher(None, pa, pb, autojunk=False)
    changes = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "replace":
            for x, y in zip(pa[i1:i2], pb[j1:j2]):
                wm = difflib.SequenceMatcher(None, x.split(), y.split(), autojunk=False)
                changes += sum(1 for op in wm.get_opcodes() if op[0] != "equal")
        elif tag != "equal":
            changes += max(i2 - i1, j2 - j1)
    return changes


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fa, open(sys.argv[2], encoding="utf-8") as fb:
        print(difflib_baseline(fa.read(), fb.read()))
