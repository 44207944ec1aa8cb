"""Issue 12's goals, each with its figures: runs the benchmark scripts in turn and ends with one
line per goal (met or not). Prints figures; asserts nothing. Takes several minutes.

  bench/pdf.py      DOCX vs PDF within 1.5x DOCX vs pdftotext text (corpus letters)
  bench/startup.py  compare EK/TK within 3x a difflib script, under 0.25 s; 10,000 alike paragraphs
  bench/engine.py   10x the letter: engine time at most 11x
  bench/limits.py   a 50 MB input: a result or a one-line exit 2 in under 60 s, under 2 GB

Usage: python bench/goals.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("pdf.py", "startup.py", "engine.py", "limits.py")


def main() -> None:
    goals: list[str] = []
    for script in SCRIPTS:
        print(f"== bench/{script}", flush=True)
        proc = subprocess.run([sys.executable, str(HERE / script)], capture_output=True, text=True)
        print(proc.stdout, end="", flush=True)
        if proc.returncode:
            print(f"bench/{script} exited {proc.returncode}: {proc.stderr.strip()}")
        goals.extend(line for line in proc.stdout.splitlines() if line.startswith("goal "))
    print("== goals")
    for line in goals:
        print(line)


if __name__ == "__main__":
    main()
