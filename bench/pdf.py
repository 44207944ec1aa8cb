"""How much does reading the PDF itself cost? Prints figures; asserts nothing (issue 12).

For each committed LibreOffice letter of the extracted-text corpus (tests/corpus/*/*/original.*),
each as a fresh process (as a user runs it), median of N runs with min and max, interleaved so
that load on the machine falls on all alike:
  - ``difftool compare original.docx original.pdf`` (the default PDF library, PDFium);
  - ``difftool compare original.docx original.pdftotext.txt`` (the PDF's text, pdftotext);
  - with ``--pdfplumber``: the first again with DIFFTOOL_PDF_BACKEND=pdfplumber (pdfminer, the
    reader before PDFium).
The goal: DOCX vs PDF within 1.5x the time of DOCX vs the PDF's pdftotext text. The issue measured
it on a 14-page letter; the corpus letters have 3 to 6 pages, so one long letter is made too (the
three corpus letters' bodies one after the other, footnotes renumbered, in one layout; Word file by
the corpus's own builder, PDF by LibreOffice, text by pdftotext; skipped without ``soffice``).

Usage: python bench/pdf.py [--runs N] [--pdfplumber] [--layouts N] [--no-long]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
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


def _shift_notes(text: str, shift: int) -> str:
    return re.sub(r"\{(\d+)\}", lambda m: f"{{{int(m.group(1)) + shift}}}", text)


def long_letter(out: Path) -> Path | None:
    """A folder with ``original.docx``, ``.pdf`` and ``.pdftotext.txt`` of the three corpus letters
    set as one long letter (made once per run into ``out``); None without LibreOffice."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        return None
    sys.path.insert(0, str(CORPUS))
    import make  # the corpus builder: tests/corpus/make.py

    letters = make.load_letters()
    first = letters[0]
    body: list[tuple[str, str]] = []
    notes: dict[int, str] = {}
    for n, letter in enumerate(letters):
        # footnote k of letter n is {100n + k}: Word numbers them in order anyway
        body.extend((kind, _shift_notes(text, 100 * n)) for kind, text in letter.body)
        notes.update({k + 100 * n: v for k, v in letter.notes.items()})
    long = make.replace(first, slug="long", body=tuple(body), notes=notes)
    # the widest margins and largest type of the corpus, a little more line spacing: a letter of
    # about the issue's 14 pages
    largest = max((lay for letter in letters for lay in letter.layouts), key=lambda lay: (lay.size, lay.margin_cm))
    layout = make.replace(largest, name="long", line=288)
    folder = out / "long"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "original.docx").write_bytes(make.build_docx(long, layout))
    make.convert([folder / "original.docx"], folder, out / "profile")
    (folder / "original.pdftotext.txt").write_text(make.extract(folder / "original.pdf", "pdftotext"), encoding="utf-8")
    return folder


def _pages(folder: Path) -> int:
    return (folder / "original.pdftotext.txt").read_text(encoding="utf-8").count("\f")


def spread(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:5.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--pdfplumber", action="store_true", help="also time the pdfplumber backend")
    ap.add_argument("--layouts", type=int, default=0, help="only the first N layouts (0: all six)")
    ap.add_argument("--no-long", action="store_true", help="leave out the generated long letter")
    args = ap.parse_args()
    layouts = sorted(p.parent for p in CORPUS.glob("*/*/original.pdf"))
    if args.layouts:
        layouts = layouts[: args.layouts]
    work = Path(tempfile.mkdtemp(prefix="difftool-bench-pdf-"))
    long = None if args.no_long else long_letter(work)
    if long is not None:
        layouts.append(long)
    elif not args.no_long:
        print("the long letter is left out: it needs soffice (LibreOffice) and pdftotext")
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
        name = "/".join(folder.parts[-2:]) if folder != long else f"long letter ({_pages(folder)} pages)"
        print(f"{name:32} docx-vs-pdf {spread(times['pdf'])}  docx-vs-pdftotext {spread(times['text'])}  {ratio:.2f}x")
        if args.pdfplumber:
            plumber = statistics.median(times["pdfplumber"]) / statistics.median(times["text"])
            print(f"{'':32} with pdfplumber {spread(times['pdfplumber'])}  {plumber:.2f}x")
    shutil.rmtree(work, ignore_errors=True)
    worst = max(ratios)
    met = "met" if worst <= 1.5 else "NOT met"
    print(
        f"goal DOCX-vs-PDF within 1.5x DOCX-vs-pdftotext: median ratio {statistics.median(ratios):.2f}x, "
        f"worst layout {worst:.2f}x: {met}"
    )


if __name__ == "__main__":
    main()
