"""How well does difftool see through text pulled out of a PDF? Prints figures; asserts nothing.

On the corpus of tests/corpus/ (three letters, two layouts each: the DOCX, the PDF LibreOffice made
of it, and four extractions of that PDF; the same for a version with eleven injected edits), per
source of the text, summed over all letters and layouts:
  - substantive and editorial differences between the original's extraction and the original
    DOCX, and the original PDF as difftool reads it (the right figure is 0: same letter);
  - edits reported with the expected severity and kind when the original DOCX is compared with the
    edited version, out of the edits injected; and the other substantive/editorial deltas (noise);
  - the kinds of the false deltas (against the DOCX, and noise), most frequent first.
The DOCX and difftool's own PDF reader are the controls.

Usage: .venv/bin/python bench/extracted.py [--examples N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from corpus import differential as D


def short(d: dict, width: int = 60) -> str:
    def side(s: dict) -> str:
        t = " ".join((s["text"] or "").split())
        return repr(t[:width] + ("…" if len(t) > width else ""))

    return f"{d['kind']}: A {side(d['a'])} | B {side(d['b'])}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=3, help="false deltas shown per source (default 3)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    cases = D.cases()
    injected = sum(len(D.edits(letter)) for letter, _ in cases)
    rows = []
    false: dict[str, Counter[str]] = {}
    examples: dict[str, list[str]] = {}
    for source in (*D.EXTRACTORS, "pdf", "docx"):
        vs_docx = [0, 0]
        vs_pdf = [0, 0]
        found = noise = 0
        kinds: Counter[str] = Counter()
        shown: list[str] = []
        for letter, layout in cases:
            docx = D.path(letter, layout, "original", "docx")
            pdf = D.path(letter, layout, "original", "pdf")
            wrong = []
            if source != "docx":
                doc = D.compare_json(docx, D.path(letter, layout, "original", source))
                vs_docx[0] += doc["summary"]["substantive"]
                vs_docx[1] += doc["summary"]["editorial"]
                wrong += D.flagged(doc)
            if source not in ("docx", "pdf"):
                doc = D.compare_json(pdf, D.path(letter, layout, "original", source))
                vs_pdf[0] += doc["summary"]["substantive"]
                vs_pdf[1] += doc["summary"]["editorial"]
            s = D.score(D.compare_json(docx, D.path(letter, layout, "edited", source)), D.edits(letter))
            found += len(s.found)
            noise += len(s.noise)
            wrong += s.noise
            kinds.update(f"{d['severity'][:3]}/{d['kind']}" for d in wrong)
            shown += [f"{letter}/{layout}: {short(d)}" for d in wrong[:1]]
        rows.append((source, vs_docx, vs_pdf, found, noise))
        false[source] = kinds
        examples[source] = shown[: args.examples]
    elapsed = time.perf_counter() - t0

    print(
        f"difftool on extracted PDF text: {len(D.letters())} letters x {len(cases) // len(D.letters())} layouts "
        f"(tests/corpus/), {injected} edits injected; {elapsed:.1f} s"
    )
    print()
    print(f"{'':<18} {'vs DOCX':^15} {'vs PDF':^15} {'edits':>13} {'':>7}")
    print(f"{'source':<18} {'subst':>7} {'edit':>7} {'subst':>7} {'edit':>7} {'found':>13} {'noise':>7}")
    for source, vs_docx, vs_pdf, found, noise in rows:
        label = {"pdf": "pdf (difftool)", "docx": "docx (control)"}.get(source, source)
        a = f"{vs_docx[0]:>7} {vs_docx[1]:>7}" if source != "docx" else f"{'-':>7} {'-':>7}"
        b = f"{vs_pdf[0]:>7} {vs_pdf[1]:>7}" if source not in ("docx", "pdf") else f"{'-':>7} {'-':>7}"
        print(f"{label:<18} {a} {b} {f'{found}/{injected}':>13} {noise:>7}")
    print()
    print("false deltas by kind (original vs DOCX, and noise in the edited comparison):")
    for source in D.EXTRACTORS:
        top = ", ".join(f"{k} {n}" for k, n in false[source].most_common(6)) or "none"
        print(f"  {source:<17} {top}")
        for line in examples[source]:
            print(f"      {line}")
    summary = " ".join(
        f"{source}={vs_docx[0]}/{vs_docx[1]}/{found}" for source, vs_docx, _, found, _ in rows if source != "docx"
    )
    print()
    print(f"extracted: subst/editorial/edits_found {summary} injected={injected}")


if __name__ == "__main__":
    main()
