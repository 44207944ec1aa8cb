"""How long does ``difftool batch`` take on a generated corpus, and what does ``--resume`` save?
Prints figures; asserts nothing.

The corpus is bench/group.py's (the samples, their re-renderings, and synthetic letters in 1-5
versions each: TK and EK editions, DOCX draft, edited, with an annex, truncated), generated in a
temporary folder (not timed). Then, as a user runs it (a subprocess):

1. ``difftool batch CORPUS -o OUT -j N``: grouping and every group reconciled, reports written;
2. ``--resume`` on the finished folder: every group kept, nothing reconciled again;
3. a tenth of the groups' records removed (an interrupted run), ``--resume``: only those redone.

For each: wall time, the verdicts, and the load average (the machine is shared).

Usage: python bench/batch.py [--sizes 200,1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from group import generate


def batch(corpus: Path, out: Path, jobs: int, *extra: str) -> tuple[float, str]:
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "difftool", "batch", str(corpus), "-o", str(out), "-j", str(jobs), *extra],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    return wall, r.stdout.splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="200,1000")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
            corpus.mkdir()
            generate(corpus, n)
            wall, last = batch(corpus, out, args.jobs)
            summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))["summary"]
            print(
                f"{n} files: {summary['groups']} groups ({summary['failed']} fail, {summary['errors']} not "
                f"reconciled), {summary['singles']} singles; batch -j {args.jobs}: {wall:.1f} s "
                f"(load {os.getloadavg()[0]:.1f})"
            )
            wall, last = batch(corpus, out, args.jobs, "--resume")
            print(f"  --resume on a finished folder: {wall:.1f} s ({last})")
            records = sorted((out / "groups").glob("*.done.json"))
            for p in records[::10]:
                p.unlink()
            wall, last = batch(corpus, out, args.jobs, "--resume")
            print(f"  --resume after removing {len(records[::10])} records: {wall:.1f} s ({last})")


if __name__ == "__main__":
    main()
