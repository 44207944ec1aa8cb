"""Do the readers hold up on layouts nobody tuned them to? Prints figures; asserts nothing.

Lays out the corpus letters (``tests/corpus/letters.py``, and the three together as one long
letter) in random page geometries: font, type size, footnote size, margins, line spacing,
justification. Each becomes a Word file (the corpus builder, ``tests/corpus/make.py``), a PDF
(LibreOffice from the Word file; with ``--producer weasyprint``, WeasyPrint from the same letter as
HTML: CSS footnotes, its own hyphenation with U+2010, its own fonts' metrics) and four text
extractions (pdftotext raw and ``-layout``, pdfminer, pdfplumber).
Every source is compared with its Word file as ``difftool compare`` does; a substantive or
editorial difference is a false alarm (the texts are the same letter). Prints, per layout and
source, the false alarms, with the first few explained, and a total per source.

Needs soffice (LibreOffice) and pdftotext (poppler-utils); ``--producer weasyprint`` needs the
``corpus`` extra (WeasyPrint). A seed gives the same layouts again.

Usage: python bench/layouts.py [--seed N] [--per-letter N] [--long N] [--producer P] [--out DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT))

import differential as D
import make
from letters import SANS, SERIF

SOURCES = ("pdf", *D.EXTRACTORS)


def random_layout(rng: random.Random, name: str) -> make.Layout:
    size = rng.choice([9.5, 10, 10.5, 11, 11.5, 12, 13])
    return make.Layout(
        name=name,
        font=rng.choice([SERIF, SANS]),
        size=size,
        note_size=max(7.0, size - rng.choice([1, 2, 3])),
        margin_cm=rng.choice([1.5, 2.0, 2.5, 3.0, 3.5, 4.0]),
        top_cm=rng.choice([2.0, 2.5, 3.0]),
        bottom_cm=rng.choice([1.5, 2.0, 2.5]),
        line=rng.choice([228, 240, 252, 264, 288]),
        justify=rng.random() < 0.5,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-letter", type=int, default=3, help="random layouts per corpus letter")
    ap.add_argument("--long", type=int, default=2, help="random layouts of the long letter")
    ap.add_argument("--out", type=Path, help="keep the files here (default: a temporary folder)")
    ap.add_argument("--quiet", action="store_true", help="counts only, no explanations")
    ap.add_argument(
        "--producer", choices=("libreoffice", "weasyprint"), default="libreoffice", help="what makes the PDFs"
    )
    args = ap.parse_args()
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"bench/layouts.py needs {tool}")
    rng = random.Random(args.seed)
    letters = make.load_letters()
    jobs = [(letter, random_layout(rng, f"r{k}")) for letter in letters for k in range(args.per_letter)]
    long, _ = make.long_letter(letters)
    jobs += [(long, random_layout(rng, f"r{k}")) for k in range(args.long)]
    out = args.out or Path(tempfile.mkdtemp(prefix="difftool-layouts-"))
    out.mkdir(parents=True, exist_ok=True)
    docx = []
    for letter, layout in jobs:
        path = out / f"{letter.slug}--{layout.name}.docx"
        path.write_bytes(make.build_docx(letter, layout))
        docx.append(path)
    if args.producer == "weasyprint":
        for (letter, layout), path in zip(jobs, docx, strict=True):
            path.with_suffix(".pdf").write_bytes(make.weasyprint_pdf(make.build_html(letter, layout)))
    else:
        make.convert(docx, out, out / "profile")
    print(
        f"difftool on {len(jobs)} random layouts (seed {args.seed}, PDFs by {args.producer}): "
        "false substantive/editorial differences"
    )
    totals: Counter[str] = Counter()
    clean: Counter[str] = Counter()
    for (letter, layout), path in zip(jobs, docx, strict=True):
        pdf = path.with_suffix(".pdf")
        counts = []
        notes = []
        for source in SOURCES:
            if source == "pdf":
                other = pdf
            else:
                other = out / f"{path.stem}.{source}.txt"
                other.write_text(make.extract(pdf, source), encoding="utf-8")
            flagged = D.flagged(D.compare_json(path, other))
            totals[source] += len(flagged)
            clean[source] += not flagged
            counts.append(f"{source}={len(flagged)}")
            notes += [f"    {source}: {D.describe(d)}" for d in flagged[:3]]
        geometry = (
            f"{layout.font.split()[-1].lower()} {layout.size:g}/{layout.note_size:g}pt "
            f"{layout.margin_cm:g}cm {layout.line / 240:.2f} {'justified' if layout.justify else 'ragged'}"
        )
        print(f"{letter.slug:14} {geometry:38} {'  '.join(counts)}")
        if not args.quiet:
            for note in notes:
                print(note)
    print("total          " + "  ".join(f"{s}={totals[s]} ({clean[s]}/{len(jobs)} clean)" for s in SOURCES))
    if args.out is None:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
