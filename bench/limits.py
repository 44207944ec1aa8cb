"""Cost that follows the work: inputs far beyond a letter. Prints figures; asserts nothing (issue 12).

Each case is ``difftool compare --format json --force A B`` as a fresh process, median of N runs
with min and max, with its peak memory (the children's maximum resident set size) and how it
ended (a result, or exit 2 with the one line it printed):
  - a 50 MB text against a letter (goal: a result or a one-line exit 2 in under 60 s, memory
    under 2 GB);
  - a 2 MB text of paragraphs against a letter; a 2 MB text in one paragraph of short lines; a
    2 MB text on one line;
  - 5,000 alike paragraphs with 100 of them changed (more edits than the 64 the aligner once
    allowed);
  - two texts of 1,500 paragraphs with nothing in common (the dynamic programming's estimate).

Usage: python bench/limits.py [--runs N] [--big-runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "samples" / "2026-06-22-jbz-tk.txt"
DIFFTOOL = [sys.executable, "-m", "difftool", "compare", "--format", "json", "--force"]
HEAD = (
    "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2025-2026\n\n36 000 Brief van de minister\n\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 22 juni 2026\n\n"
)


def prose(rnd: random.Random, words: list[str], chars: int, per_paragraph: int, sep: str = "\n\n") -> str:
    out: list[str] = []
    n = 0
    while n < chars:
        para = " ".join(rnd.choice(words) for _ in range(per_paragraph))
        out.append(para)
        n += len(para) + len(sep)
    return HEAD + sep.join(out) + "\n"


def cases(folder: Path) -> list[tuple[str, Path, Path]]:
    rnd = random.Random(12)
    words = LETTER.read_text(encoding="utf-8").split()
    made: list[tuple[str, Path, Path]] = []

    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    made.append(("50 MB text vs letter", write("50mb.txt", prose(rnd, words, 50_000_000, 80)), LETTER))
    made.append(("2 MB of paragraphs vs letter", write("paras.txt", prose(rnd, words, 2_000_000, 80)), LETTER))
    made.append(
        ("2 MB paragraph of lines vs letter", write("lines.txt", prose(rnd, words, 2_000_000, 15, "\n")), LETTER)
    )
    made.append(("2 MB on one line vs letter", write("line.txt", prose(rnd, words, 2_000_000, 400_000)), LETTER))
    para = "De minister zegt toe de Kamer voor de zomer te informeren over de voortgang."
    alike = [para] * 5000
    changed = list(alike)
    for k in sorted(random.Random(100).sample(range(5000), 100)):
        changed[k] = para.replace("zomer", f"winter van {2030 + k}")
    made.append(
        (
            "5,000 alike paragraphs, 100 changed",
            write("alike-a.txt", HEAD + "\n\n".join(alike) + "\n"),
            write("alike-b.txt", HEAD + "\n\n".join(changed) + "\n"),
        )
    )
    made.append(
        (
            "1,500 vs 1,500 unrelated paragraphs",
            write("unrelated-a.txt", prose(rnd, words, 600_000, 60)),
            write("unrelated-b.txt", prose(rnd, words, 600_000, 60)),
        )
    )
    return made


def run(a: Path, b: Path) -> tuple[float, int, str]:
    t = time.perf_counter()
    proc = subprocess.run([*DIFFTOOL, str(a), str(b)], capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - t
    message = proc.stderr.decode(errors="replace").strip()
    return elapsed, proc.returncode, message


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11, help="runs of the 50 MB case and of every refusal")
    ap.add_argument("--big-runs", type=int, default=3, help="runs of a case that is compared (seconds each)")
    args = ap.parse_args()
    print(f"difftool limits benchmark (processes; python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as tmp:
        for label, a, b in cases(Path(tmp)):
            times: list[float] = []
            code, message = 0, ""
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            for n in range(args.runs):
                elapsed, code, message = run(a, b)
                times.append(elapsed)
                if code != 2 and n + 1 >= args.big_runs:
                    break
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            peak_note = f"peak {peak / 1024:.0f} MB" if peak > before else "peak below an earlier case's"
            ended = f"exit 2: {message.splitlines()[-1][:110]}" if code == 2 else f"compared (exit {code})"
            print(
                f"{label:36} median {statistics.median(times):6.2f} s (min {min(times):.2f}, max {max(times):.2f}; "
                f"{len(times)} runs)  {peak_note}  {ended}"
            )
            if label.startswith("50 MB"):
                met = statistics.median(times) < 60 and (peak <= before or peak / 1024 < 2048)
                print(
                    f"goal 50 MB input: a result or a one-line exit 2 in under 60 s, under 2 GB: {'met' if met else 'NOT met'}"
                )


if __name__ == "__main__":
    main()
