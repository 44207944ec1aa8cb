"""A PDF whose streams inflate to hundreds of megabytes (a decompression bomb) is stopped by the
reader's memory cap or time limit, with one line, instead of taking the machine."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2_raw")

import difftool.parse.pdf as pdf
from conftest import ROOT
from difftool.sources import InputError


def bomb(path: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of drawing operators."""
    comp = zlib.compressobj(9)
    chunk = b"0 0 m " * (1 << 16)
    stream = b"".join(comp.compress(chunk) for _ in range(inflated // len(chunk))) + comp.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


@pytest.fixture(scope="module")
def bomb_pdf(tmp_path_factory) -> Path:
    return bomb(tmp_path_factory.mktemp("bomb") / "bomb.pdf", 400 * 1024**2)


def test_memory_cap_stops_a_decompression_bomb(bomb_pdf, monkeypatch) -> None:
    assert bomb_pdf.stat().st_size < 1024**2
    monkeypatch.setattr(pdf, "MEMORY_LIMIT", 300 * 1024**2)
    with pytest.raises(InputError, match="needed more than 300 MB of memory"):
        pdf.read_pdf(str(bomb_pdf))


def test_time_limit_stops_a_slow_pdf(bomb_pdf, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "TIME_LIMIT", 2.0)
    with pytest.raises(InputError, match="took longer than 2 s"):
        pdf.read_pdf(str(bomb_pdf))


def test_a_normal_pdf_reads_within_the_limits(monkeypatch) -> None:
    monkeypatch.setattr(pdf, "MEMORY_LIMIT", 300 * 1024**2)
    letter, _ = pdf.read_pdf(str(Path(__file__).parent / "data" / "libreoffice-letter.pdf"))
    assert letter.blocks


def test_cli_says_one_line(bomb_pdf) -> None:
    """The command line stops the bomb at the memory cap and says so in one line. The limits are
    lowered in the CLI's own process (the reader passes the cap to its child): 300 MB, so the
    400 MB stream really reaches it (a bomb too small to reach the cap only ends on "no text
    layer"), and 30 s, so a cap that does not hold fails the test in time, naming the other limit."""
    lowered = (
        "import difftool.parse.pdf as pdf; pdf.MEMORY_LIMIT = 300 * 1024**2; pdf.TIME_LIMIT = 30.0; "
        "from difftool.cli import main; main()"
    )
    r = subprocess.run(
        [sys.executable, "-c", lowered, "inspect", str(bomb_pdf)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=str(ROOT),
        timeout=120,
    )
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert line.endswith(
        f"{bomb_pdf}: reading the PDF needed more than 300 MB of memory (a decompression bomb?); stopped"
    )
