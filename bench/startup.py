"""How long does ``difftool compare`` take as a process, and against what? Prints figures; asserts
nothing (issue 12's goals are printed next to the figures, not tested).

Measures, each as a fresh process (as a user runs it), median of N runs with min and max:
  - ``difftool compare`` on the EK and TK editions of the 22 June 2026 letter (samples/);
  - a plain difflib script on the same files, in the same run: SequenceMatcher over paragraphs,
    then over the words of each replaced paragraph pair (what a hand-rolled script would do);
    the ratio of the two medians is the figure of merit (goal: within 3x, and under 0.25 s);
  - ``difftool compare --format json`` on 10,000 short paragraphs that are all alike, one of them
    changed (generated), with its peak memory (the children's maximum resident set size; goal:
    under 5 s and 500 MB); and the same with two changes far apart.

The word list is packed into the user's cache on a first run; one untimed warm-up run comes
first, so the figures are those of every later run (run without PYTHONDONTWRITEBYTECODE, so that
the warm-up also leaves the .pyc files a user's installation has). Every process runs in an empty
temporary directory, as in a user's folder: in this checkout the project's own pyproject.toml
mentions difftool, so each command would parse it looking for a ``[tool.difftool]`` policy
(tomllib, about 20 ms) that a user's folder does not make it look for.

Usage: python bench/startup.py [--runs N] [--alike-runs N] [--paragraphs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EK = ROOT / "samples" / "2026-06-22-jbz-ek.txt"
TK = ROOT / "samples" / "2026-06-22-jbz-tk.txt"
DIFFTOOL = [sys.executable, "-m", "difftool"]

BASELINE = Path(__file__).resolve().parent / "difflib_baseline.py"


def alike_letters(folder: Path, n: int, far: bool = False) -> tuple[Path, Path]:
    """Two letters of ``n`` short paragraphs that are all alike; B changes one word of one (with
    ``far``: of the tenth paragraph, and B has a new paragraph near the end)."""
    head = (
        "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2025-2026\n\n36 000 Brief van de minister\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 22 juni 2026\n\n"
    )
    para = "De minister zegt toe de Kamer voor de zomer te informeren over de voortgang."
    paras = [para] * n
    changed = list(paras)
    changed[n // 10 if far else n // 2] = para.replace("zomer", "winter")
    if far:
        changed.insert(n - n // 10, "Een nieuwe alinea over iets anders dan de voortgang.")
    a, b = folder / f"alike-a{'-far' * far}.txt", folder / f"alike-b{'-far' * far}.txt"
    a.write_text(head + "\n\n".join(paras) + "\n", encoding="utf-8")
    b.write_text(head + "\n\n".join(changed) + "\n", encoding="utf-8")
    return a, b


NEUTRAL = tempfile.mkdtemp(prefix="difftool-bench-")
"""Where the commands run: a folder with no policy file in it or above it."""


def timed(
    cmd: Sequence[str], runs: int, ok: Sequence[int] = (0, 1)
) -> tuple[list[float], subprocess.CompletedProcess[bytes]]:
    times: list[float] = []
    proc = None
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(list(cmd), capture_output=True, env={**os.environ, "NO_COLOR": "1"}, cwd=NEUTRAL)
        times.append(time.perf_counter() - t)
        if proc.returncode not in ok:
            sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode(errors='replace').strip()}")
    assert proc is not None
    return times, proc


def spread(times: list[float]) -> str:
    return (
        f"median {statistics.median(times) * 1000:7.0f} ms  (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--alike-runs", type=int, default=11)
    ap.add_argument("--paragraphs", type=int, default=10_000)
    args = ap.parse_args()
    print(f"difftool startup benchmark (processes; python {sys.version.split()[0]})")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set: modules edited since their .pyc are compiled on every run")

    compare = [*DIFFTOOL, "compare", str(EK), str(TK)]
    baseline = [sys.executable, str(BASELINE), str(EK), str(TK)]
    timed(compare, 1)  # warm-up: packs the word list into the cache on a first run
    tool_t: list[float] = []
    base_t: list[float] = []
    for _ in range(args.runs):  # interleaved, so load on the machine falls on both alike
        tool_t += timed(compare, 1)[0]
        base_t += timed(baseline, 1)[0]
    ratio = statistics.median(tool_t) / statistics.median(base_t)
    print(f"difftool compare EK TK   {spread(tool_t)}  (goal: under 250 ms)")
    print(f"difflib script EK TK     {spread(base_t)}")
    print(f"ratio                    {ratio:.1f}x  (goal: within 3x)")

    with tempfile.TemporaryDirectory() as tmp:
        a, b = alike_letters(Path(tmp), args.paragraphs)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        alike_t, proc = timed(
            [*DIFFTOOL, "compare", "--format", "json", "--force", str(a), str(b)], args.alike_runs, ok=(0, 1, 2)
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        fa, fb = alike_letters(Path(tmp), args.paragraphs, far=True)
        far_t, far_proc = timed(
            [*DIFFTOOL, "compare", "--format", "json", "--force", str(fa), str(fb)], args.alike_runs, ok=(0, 1, 2)
        )
    peak_mb = peak / 1024  # kilobytes on Linux
    found = "exit 2: " + proc.stderr.decode(errors="replace").strip() if proc.returncode == 2 else "compared"
    note = "" if peak > before else " (no child above the earlier peak)"
    print(f"{args.paragraphs:,} alike paragraphs  {spread(alike_t)}  peak {peak_mb:.0f} MB{note}  {found}")
    print("                         (goal: under 5 s and 500 MB, or exit 2 within seconds)")
    print(f"  the same, a change at 10% and a new paragraph at 90%: {spread(far_t)}  exit {far_proc.returncode}")
    fast = ratio <= 3 and statistics.median(tool_t) < 0.25
    print(f"goal compare EK TK within 3x the difflib script and under 250 ms: {'met' if fast else 'NOT met'}")
    alike_ok = statistics.median(alike_t) < 5 and peak_mb < 500
    print(f"goal {args.paragraphs:,} alike paragraphs under 5 s and 500 MB: {'met' if alike_ok else 'NOT met'}")
    print(
        f"startup: compare_ms={statistics.median(tool_t) * 1000:.0f} difflib_ms={statistics.median(base_t) * 1000:.0f} "
        f"ratio={ratio:.1f} alike_s={statistics.median(alike_t):.2f} alike_peak_mb={peak_mb:.0f} "
        f"alike_far_s={statistics.median(far_t):.2f}"
    )


if __name__ == "__main__":
    main()
