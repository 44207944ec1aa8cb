"""How much does reading the PDF itself cost? Prints figures; asserts nothing (issue 12).

For each committed LibreOffice letter of the extracted-text corpus (tests/corpus/*/*/original.*),
each as a fresh process (as a user runs it), median of N runs with min and max, interleaved so
that load on the machine falls on all alike:
  - ``difftool compare original.docx original.pdf`` (the default PDF library, PDFium);
  - ``difftool compare original.docx original.pdftotext.txt`` (the PDF's text, pdftotext);
  - with ``--pdfplumber``: the first again with DIFFTOOL_PDF_BACKEND=pdfplumber (pdfminer, the
    reader before PDFium).
The goal: DOCX vs PDF within 1.5x the time of DOCX vs the PDF's pdftotext text. The issue measured
it on a 14-page letter; the corpus letters have 3 to 6 pages, and ``tests/corpus/long/`` holds one of
15 (the three letters' bodies one after the other, made by ``tests/corpus/make.py``).

Usage: python bench/pdf.py [--runs N] [--pdfplumber] [--layouts N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
DIFFTOOL = [sys.executable, "-m", "difftool"]


def run(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env={**os.environ, "NO_COLOR": "1", **(env or {})})
    elapsed = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode(errors='replace').strip()}")
    return elapsed


def _pages(folder: Path) -> int:
    return (folder / "original.pdftotext.txt").read_text(encoding="utf-8").count("\f")


def spread(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:5.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--pdfplumber", action="store_true", help="also time the pdfplumber backend")
    ap.add_argument("--layouts", type=int, default=0, help="only the first N layouts (0: all six)")
    args = ap.parse_args()
    layouts = sorted(p.parent for p in CORPUS.glob("*/*/original.pdf"))
    if args.layouts:
        layouts = layouts[: args.layouts]
    print(f"difftool PDF benchmark (processes, medians of {args.runs} runs; python {sys.version.split()[0]})")
    ratios: list[float] = []
    for folder in layouts:
        docx, pdf, txt = (str(folder / f"original.{ext}") for ext in ("docx", "pdf", "pdftotext.txt"))
        variants: dict[str, tuple[list[str], dict[str, str]]] = {
            "pdf": ([*DIFFTOOL, "compare", docx, pdf], {}),
            "text": ([*DIFFTOOL, "compare", docx, txt], {}),
        }
        if args.pdfplumber:
            variants["pdfplumber"] = ([*DIFFTOOL, "compare", docx, pdf], {"DIFFTOOL_PDF_BACKEND": "pdfplumber"})
        for cmd, env in variants.values():
            run(cmd, env)  # warm-up: the word list's cache, .pyc files
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.runs):
            for name, (cmd, env) in variants.items():
                times[name].append(run(cmd, env))
        ratio = statistics.median(times["pdf"]) / statistics.median(times["text"])
        ratios.append(ratio)
        name = f"{'/'.join(folder.parts[-2:])} ({_pages(folder)} p.)"
        print(f"{name:32} docx-vs-pdf {spread(times['pdf'])}  docx-vs-pdftotext {spread(times['text'])}  {ratio:.2f}x")
        if args.pdfplumber:
            plumber = statistics.median(times["pdfplumber"]) / statistics.median(times["text"])
            print(f"{'':32} with pdfplumber {spread(times['pdfplumber'])}  {plumber:.2f}x")
    worst = max(ratios)
    met = "met" if worst <= 1.5 else "NOT met"
    print(
        f"goal DOCX-vs-PDF within 1.5x DOCX-vs-pdftotext: median ratio {statistics.median(ratios):.2f}x, "
        f"worst layout {worst:.2f}x: {met}"
    )


if __name__ == "__main__":
    main()
