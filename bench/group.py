"""How well and how fast does ``difftool group`` find the versions in a pile of files? Prints
figures; asserts nothing.

A corpus with known groups is generated in a temporary folder (not timed):

- the letters in ``samples/`` as they are (the three versions of the 22 June 2026 letter are one
  group; the March 2026 and May 2025 letters, on the same subject, are alone) and the June TK
  edition re-rendered as raw PDF text and as DOCX text (tests/rerender.py), in the June group;
- synthetic letters built from the samples' paragraphs (each paragraph with 60% of its words
  replaced by other words of the samples, so two synthetic letters are different letters in the
  samples' language, and half of them with one set paragraph copied word for word, as letters on
  one subject repeat a standard paragraph), each with a random header (dossier, nr., date) and footnotes, published in 1-5
  versions: the TK edition (markdown-ish, superscript markers), the EK edition (raw PDF text:
  hard wraps, line-end hyphens, glued digit markers, running footers, a letter code), the DOCX draft
  (a paragraph a line, ``[footnoteRef:N]``, curly quotes, no header), an edited version (words
  changed, a paragraph dropped, one added), the letter with an annex (the cover letter is
  contained in it), and a truncated extraction; about a third of the letters have one version.

Then ``difftool group`` (in-process, ``--jobs``) runs on it and the pairwise precision and recall
of the grouping are printed with the wall time, the CPU time of this process and its workers (on
a shared machine the wall time says more about the neighbours than about difftool: the load
average is printed too), and the peak memory (max RSS of this process or of one worker); first
the same on the ArgRewrite essay drafts (86 groups of 3, names hidden).

Note that the worker processes (CPU time of children) are counted only once they have ended,
which ``group_paths`` waits for.

Usage: python bench/group.py [--sizes 1000,10000] [--jobs 2] [--engine local|dask]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from difftool.corpus import group_paths
from difftool.model import BlockKind
from difftool.readers import read_letter
from rerender import as_docx_text, as_pdf_text

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
SUP = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
ESSAYS = ROOT / "bench" / "data" / "argrewrite" / "essays"


def sample_material() -> tuple[list[str], list[str]]:
    """The samples' body paragraphs (long enough to mean something) and their words."""
    paras: list[str] = []
    for p in sorted((ROOT / "samples").glob("2*.txt")):
        letter = read_letter(str(p))
        paras.extend(b.text for b in letter.blocks if b.kind is BlockKind.PARAGRAPH and len(b.text) > 120)
    vocab = sorted({w for t in paras for w in t.split() if w.isalpha() and len(w) > 3})
    return paras, vocab


class Letter:
    """A synthetic letter: header fields, body paragraphs, footnotes."""

    def __init__(self, rng: random.Random, paras: list[str], vocab: list[str]) -> None:
        self.dossier = f"{rng.randint(21, 36)} {rng.randint(100, 999)}"
        self.title = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 3))).capitalize()
        self.nr = str(rng.randint(1, 1500))
        self.code = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(1, 2)))
        self.date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2026)}"
        self.body = [self._vary(rng, rng.choice(paras), vocab) for _ in range(rng.randint(5, 14))]
        if rng.random() < 0.5:  # a set paragraph, word for word as other letters print it
            self.body.insert(rng.randrange(len(self.body)), rng.choice(paras[:20]))
        self.notes = [self._vary(rng, rng.choice(paras)[:160], vocab) for _ in range(rng.randint(0, 4))]
        self.annex = [self._vary(rng, rng.choice(paras), vocab) for _ in range(rng.randint(4, 10))]

    @staticmethod
    def _vary(rng: random.Random, text: str, vocab: list[str], share: float = 0.6) -> str:
        return " ".join(rng.choice(vocab) if rng.random() < share else w for w in text.split())

    def header(self, ek: bool) -> list[str]:
        return [
            f"{self.dossier} {self.title}",
            self.code if ek else f"Nr. {self.nr}",
            "Brief van de minister van Justitie en Veiligheid",
            f"Aan de Voorzitter van de {'Eerste' if ek else 'Tweede'} Kamer der Staten-Generaal",
            f"Den Haag, {self.date}",
        ]

    def marked(self) -> list[str]:
        """Body paragraphs with footnote markers after the first few."""
        out = list(self.body)
        for k in range(len(self.notes)):
            if k < len(out):
                out[k] = out[k].rstrip(".") + f"{k + 1}."
        return out

    def tk(self, body: list[str] | None = None) -> str:
        body = body if body is not None else self.body
        lines = self.header(False)
        for k, p in enumerate(body):
            lines.append(p.rstrip(".") + str(k + 1).translate(SUP) + "." if k < len(self.notes) else p)
        lines += [f"{str(k + 1).translate(SUP)} {n}" for k, n in enumerate(self.notes)]
        lines += ["De minister van Justitie en Veiligheid,", "D. van Weel"]
        return "\n\n".join(lines) + "\n"

    def ek(self, rng: random.Random) -> str:
        out = ["Eerste Kamer der Staten-Generaal", *self.header(True), ""]
        footer = f"Eerste Kamer, vergaderjaar 2025-2026, {self.dossier}, {self.code}"
        page = 1
        for p in self.marked():
            wrapped = textwrap.wrap(p, 88)
            for k in range(len(wrapped) - 1):
                if rng.random() < 0.15 and len(wrapped[k + 1]) > 12:  # hyphenate the next word
                    word, rest = wrapped[k + 1].split(" ", 1) if " " in wrapped[k + 1] else (wrapped[k + 1], "")
                    if len(word) > 7 and word.isalpha():
                        wrapped[k] += " " + word[:4] + "-"
                        wrapped[k + 1] = word[4:] + (" " + rest if rest else "")
            out += [w + " " for w in wrapped]
            if rng.random() < 0.3:
                out += ["", f"{footer} {page}", "\f"]
                page += 1
        out += ["", *(f"{k + 1} {n}" for k, n in enumerate(self.notes)), "", "De minister van Justitie en Veiligheid,"]
        out += ["D. van Weel"]
        return "\n".join(out) + "\n"

    def docx(self) -> str:
        lines = []
        for k, p in enumerate(self.body):
            p = p.replace('"', "\u201c", 1).replace('"', "\u201d", 1)
            lines.append(p + (f"[footnoteRef:{k + 1}]" if k < len(self.notes) else ""))
        lines += [f"[{k + 1}:  {n}]" for k, n in enumerate(self.notes)]
        lines += ["De minister van Justitie en Veiligheid,", "Dennis van Weel"]
        return "\n".join(lines) + "\n"

    def edited(self, rng: random.Random, vocab: list[str]) -> str:
        body = [self._vary(rng, p, vocab, 0.05) for p in self.body]
        if len(body) > 3:
            body.pop(rng.randrange(len(body)))
        body.insert(rng.randrange(len(body) + 1), self._vary(rng, rng.choice(self.annex), vocab, 0.5))
        return self.tk(body)

    def with_annex(self) -> str:
        return self.tk(self.body + ["Bijlage", *self.annex])

    def render(self, kind: str, rng: random.Random, vocab: list[str]) -> str:
        if kind == "ek":
            return self.ek(rng)
        if kind == "docx":
            return self.docx()
        if kind == "edited":
            return self.edited(rng, vocab)
        if kind == "annex":
            return self.with_annex()
        if kind == "truncated":
            return self.truncated()
        return self.tk()

    def truncated(self) -> str:
        return self.tk(self.body[: max(2, len(self.body) // 2)])


def generate(folder: Path, n_files: int, seed: int = 1) -> dict[str, int]:
    """Write about ``n_files`` files; returns file name -> group number (the truth)."""
    rng = random.Random(seed)
    paras, vocab = sample_material()
    truth: dict[str, int] = {}
    samples = {
        "2026-06-22-jbz-ek.txt": 0,
        "2026-06-22-jbz-tk.txt": 0,
        "2026-06-22-jbz-docx.txt": 0,
        "2026-03-18-jbz-ek-pdf.txt": 1,
        "2025-05-28-jbz-agenda-tk-docx.txt": 2,
    }
    sub = folder / "samples"
    sub.mkdir()
    for name, g in samples.items():
        shutil.copy(ROOT / "samples" / name, sub / name)
        truth[f"samples/{name}"] = g
    tk = read_letter(str(ROOT / "samples" / "2026-06-22-jbz-tk.txt"))
    (sub / "rerendered-pdf.txt").write_text(as_pdf_text(tk), encoding="utf-8")
    (sub / "rerendered-docx.txt").write_text(as_docx_text(tk), encoding="utf-8")
    truth["samples/rerendered-pdf.txt"] = truth["samples/rerendered-docx.txt"] = 0
    group = 3
    while len(truth) < n_files:
        letter = Letter(rng, paras, vocab)
        kinds = ["tk", "ek", "docx", "edited", "annex", "truncated"]
        count = 1 if rng.random() < 0.35 else rng.randint(2, 5)
        d = folder / f"d{group // 1000:03d}"
        d.mkdir(exist_ok=True)
        for kind in rng.sample(kinds, count):
            text = letter.render(kind, rng, vocab)
            name = f"{rng.getrandbits(48):012x}.txt"
            (d / name).write_text(text, encoding="utf-8")
            truth[f"{d.name}/{name}"] = group
        group += 1
    return truth


def pairs_of(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {p for g in groups for p in itertools.combinations(sorted(g), 2)}


def score(predicted: list[list[str]], truth: dict[str, int]) -> tuple[float, float, float]:
    by: dict[int, list[str]] = {}
    for name, g in truth.items():
        by.setdefault(g, []).append(name)
    gold = pairs_of(list(by.values()))
    pred = pairs_of(predicted)
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(folder: Path, truth: dict[str, int], label: str, args: argparse.Namespace) -> None:
    t, cpu = time.perf_counter(), cpu_seconds()
    g = group_paths([str(folder)], engine=args.engine, jobs=args.jobs)
    dt, cpu = time.perf_counter() - t, cpu_seconds() - cpu
    rel = [[os.path.relpath(p, folder) for p in grp.paths] for grp in g.groups]
    p, r, f1 = score(rel, truth)
    n = len(truth)
    print(
        f"{label}: files={n} groups={len(g.groups)} singles={len(g.singles)} skipped={len(g.skipped)} "
        f"candidates={g.candidates} (all pairs: {n * (n - 1) // 2}) precision={p:.4f} recall={r:.4f} f1={f1:.4f} "
        f"time={dt:.1f}s cpu={cpu:.1f}s load={os.getloadavg()[0]:.1f} peak_rss={peak_mb():.0f}MB",
        flush=True,
    )


def essays(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rng = random.Random(7)
        truth: dict[str, int] = {}
        for f in sorted(ESSAYS.rglob("*.txt")):
            name = f"{rng.getrandbits(48):012x}.txt"
            shutil.copy(f, Path(tmp) / name)
            truth[name] = int(re.search(r"(\d+)\.txt$", f.name).group(1))  # type: ignore[union-attr]
        run(Path(tmp), truth, "argrewrite", args)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--engine", default="local", choices=["local", "dask"])
    args = ap.parse_args()
    essays(args)
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            truth = generate(Path(tmp), size)
            print(f"generated {len(truth)} files in {time.perf_counter() - t:.1f}s", flush=True)
            run(Path(tmp), truth, f"corpus-{size}", args)


if __name__ == "__main__":
    main()
