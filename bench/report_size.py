"""How do the HTML report's size and render time grow with the letter? Prints figures; asserts nothing.

Usage::

    .venv/bin/python bench/report_size.py [--factors 1,2,4,8,16] [--runs 5]

Input: the EK and TK editions of the 22 June 2026 letter (samples/), and synthetic letters made
of k copies of each, every copy's paragraphs tagged with their copy number so the long letter has
distinct paragraphs (as a long letter does) and the same differences k times over. For each k it
prints the input size, the engine's deltas, the JSON size, the report's size (and bytes per input
character), and the median time of ``render_html`` alone (the engine is bench/engine.py's
business). The last line is machine-readable.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from difftool.engine import compare
from difftool.model import Options
from difftool.parse import parse_text
from difftool.render.html import render_html
from difftool.render.jsonout import comparison_dict, dumps

EK = ROOT / "samples" / "2026-06-22-jbz-ek.txt"
TK = ROOT / "samples" / "2026-06-22-jbz-tk.txt"


def copies(text: str, k: int) -> str:
    """``text`` k times; paragraphs of copy n > 1 end in `` [n]`` so no two copies are equal."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(p if n == 1 else f"{p} [{n}]" for n in range(1, k + 1) for p in paragraphs) + "\n"


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--factors", default="1,2,4,8,16")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    a_text, b_text = EK.read_text(encoding="utf-8"), TK.read_text(encoding="utf-8")
    print(f"difftool HTML report size and render time (median of {args.runs}; python {sys.version.split()[0]})")
    print(
        f"{'copies':>6} {'input':>10} {'blocks':>6} {'deltas':>6} {'json':>10} {'html':>10} {'html/input':>10} {'render':>10}"
    )
    rows = []
    for k in (int(x) for x in args.factors.split(",")):
        ta, tb = copies(a_text, k), copies(b_text, k)
        c = compare(parse_text(ta, "a.txt"), parse_text(tb, "b.txt"), Options(force=True))
        doc = comparison_dict(c)
        html = render_html(c)
        size_in = len(ta.encode()) + len(tb.encode())
        size_json, size_html = len(dumps(doc).encode()), len(html.encode())
        ms = median_ms(lambda c=c: render_html(c), args.runs)
        rows.append((k, size_in, size_html, ms))
        print(
            f"{k:>6} {size_in:>10,} {len(c.a.blocks) + len(c.b.blocks):>6} {len(c.deltas):>6} {size_json:>10,} "
            f"{size_html:>10,} {size_html / size_in:>10.2f} {ms:>8.1f}ms"
        )
    k0, in0, html0, ms0 = rows[0]
    k1, in1, html1, ms1 = rows[-1]
    print(f"growth {k0}->{k1} copies: input x{in1 / in0:.1f}, html x{html1 / html0:.1f}, render time x{ms1 / ms0:.1f}")
    print(f"report: html_bytes_1x={html0} render_ms_1x={ms0:.1f} html_bytes_{k1}x={html1} render_ms_{k1}x={ms1:.1f}")


if __name__ == "__main__":
    main()
