"""How fast is the engine? Prints figures; asserts nothing.

Measures, on the EK and TK editions of the 22 June 2026 letter (samples/) and on a synthetic pair
ten times that size:
  - parse time (both letters) and engine time (compare on parsed letters), median of N runs;
  - ``difftool compare`` end to end (a fresh process, as a user runs it), median of 5;
  - a plain difflib baseline on the same inputs: SequenceMatcher over paragraphs, then over
    the words of each replaced paragraph pair (what a hand-rolled script would do).

Usage: python bench/engine.py [--runs N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from difflib_baseline import difflib_baseline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from difftool.engine import compare
from difftool.lexicon import zipf
from difftool.model import Options
from difftool.parse import parse_text

EK = ROOT / "samples" / "2026-06-22-jbz-ek.txt"
TK = ROOT / "samples" / "2026-06-22-jbz-tk.txt"


def run_times(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def median_time(fn, runs: int) -> float:
    return statistics.median(run_times(fn, runs))


SUPERSCRIPT = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
SUP_RUN = re.compile(f"[{SUPERSCRIPT}]+")


def _renumber(text: str, offset: int) -> str:
    """Shift every superscript footnote number (marker and body) by ``offset``."""

    def shift(m: re.Match[str]) -> str:
        n = int("".join(str(SUPERSCRIPT.index(c)) for c in m.group(0))) + offset
        return "".join(SUPERSCRIPT[int(d)] for d in str(n))

    return SUP_RUN.sub(shift, text)


COPY_MARK = re.compile(r"\b(de|het|een|van|en)\b")
"""Frequent words that carry each copy's mark (``de`` -> ``deb`` in copy 2), so the copies are
distinct paragraphs in both editions alike, wherever an edition cuts its paragraphs."""


def enlarge(text: str, factor: int) -> str:
    """One long letter made of ``factor`` copies of the body: the header once, each later copy's
    frequent words marked with its copy letter and its footnotes renumbered, so the result is a long
    letter of distinct paragraphs (as a long letter is), not a repetition.

    The mark is a word substitution, the same in both editions whatever their paragraph breaks: an
    earlier version appended the copy number to each paragraph, which put the number at different
    places where the two editions cut a paragraph differently, and so added 25 ``number`` deltas per
    copy that the letter does not have (630 deltas at 10x for 45 at 1x)."""
    head, _, body = text.partition("Hierbij bieden wij")
    body = "Hierbij bieden wij" + body
    out = [head.rstrip()]
    for k in range(factor):
        copy = _renumber(body, 100 * k)
        if k:
            mark = "abcdefghijklmnopqrstuvwxyz"[k % 26] * (1 + k // 26)
            copy = COPY_MARK.sub(rf"\1{mark}", copy)
        out.extend(s.strip() for s in copy.split("\n\n") if s.strip())
    return "\n\n".join(out) + "\n"


def measure(label: str, a_text: str, b_text: str, runs: int) -> list[float]:
    a, b = parse_text(a_text, "a"), parse_text(b_text, "b")
    parse_t = median_time(lambda: (parse_text(a_text, "a"), parse_text(b_text, "b")), runs)
    engine_times = run_times(lambda: compare(a, b, Options(force=True)), runs)
    engine_t = statistics.median(engine_times)
    base_t = median_time(lambda: difflib_baseline(a_text, b_text), runs)
    c = compare(a, b, Options(force=True))
    print(
        f"{label:<14} {len(a_text) + len(b_text):>9,} chars  {len(a.blocks) + len(b.blocks):>5} blocks  "
        f"parse {parse_t * 1000:7.1f} ms  engine {engine_t * 1000:7.1f} ms  "
        f"difflib {base_t * 1000:7.1f} ms  deltas {len(c.deltas)}"
    )
    return engine_times


def end_to_end(runs: int = 5) -> float:
    cmd = [sys.executable, "-m", "difftool", "compare", str(EK), str(TK)]
    return median_time(lambda: subprocess.run(cmd, capture_output=True, check=True), runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    args = ap.parse_args()
    zipf("woord")  # the lexicon loads once per process; measured in the end-to-end figure
    a_text, b_text = EK.read_text(encoding="utf-8"), TK.read_text(encoding="utf-8")
    print(f"difftool engine benchmark (median of {args.runs} runs; python {sys.version.split()[0]})")
    times1 = measure("000 vs 002", a_text, b_text, args.runs)
    times10 = measure("10x synthetic", enlarge(a_text, 10), enlarge(b_text, 10), args.runs)
    t1, t10 = statistics.median(times1), statistics.median(times10)
    e2e = end_to_end()
    print(f"end to end     difftool compare 000 002: {e2e * 1000:.0f} ms (median of 5, new process each)")
    print(
        f"scaling        10x input costs {t10 / t1:.1f}x the engine time "
        f"(1x {t1 * 1000:.0f} ms, min {min(times1) * 1000:.0f}, max {max(times1) * 1000:.0f}; "
        f"10x {t10 * 1000:.0f} ms, min {min(times10) * 1000:.0f}, max {max(times10) * 1000:.0f})"
    )
    print(f"goal 10x the letter: engine time at most 11x the 1x time: {'met' if t10 / t1 <= 11 else 'NOT met'}")
    print(
        f"engine: pair_ms={t1 * 1000:.1f} x10_ms={t10 * 1000:.1f} ratio={t10 / t1:.1f} end_to_end_ms={e2e * 1000:.0f}"
    )


if __name__ == "__main__":
    main()
