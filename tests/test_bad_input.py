"""Bad input and hostile letters, through the command line as a user runs it (issue 11).

Every case runs ``difftool`` in a subprocess and holds it to the README's promises: exit 2 with
exactly one line on stderr (or a correct result), every input's bytes unchanged, and time and
peak memory within loose bounds (generous limits against a hang or a runaway, not a benchmark).
The hostile-letter cases feed a letter carrying terminal escapes (``\\x1b[31m``, an OSC title
``\\x1b]0;…\\x07``), a workflow command at a line start (``::error::``) and ``<script>`` to every
output face, the review TUI included (driven by Textual's Pilot).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import AGENDA, EK, EK_MARCH, ROOT, TK

PDF = ROOT / "tests" / "data" / "libreoffice-letter.pdf"
DOCX_FILE = ROOT / "tests" / "data" / "libreoffice-letter.docx"

WALL_LIMIT = 90.0
"""Seconds a run may take, wall clock and CPU (a normal run takes about one)."""
PEAK_LIMIT_KIB = 1024 * 1024
"""Peak resident memory of the run and its children (the PDF worker), in KiB: 1 GiB."""

_MEASURE = textwrap.dedent(
    """
    import json, resource, subprocess, sys, time
    start = time.monotonic()
    code = subprocess.call(sys.argv[2:])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(sys.argv[1], "w") as fh:
        json.dump({"wall": time.monotonic() - start, "cpu": usage.ru_utime + usage.ru_stime,
                   "peak_kib": usage.ru_maxrss}, fh)
    sys.exit(code)
    """
)
"""A fresh interpreter between the test and difftool, so RUSAGE_CHILDREN counts this run only."""


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str
    wall: float
    cpu: float
    peak_kib: int

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8")

    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


def difftool(*args: str, cwd: Path, stdin: bytes | None = None) -> Run:
    """Run ``python -m difftool ARGS`` as CI would (no TTY, NO_COLOR), measured."""
    fd, name = tempfile.mkstemp(prefix="difftool-measure-", suffix=".json")
    os.close(fd)
    report = Path(name)
    r = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(report), sys.executable, "-m", "difftool", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=str(cwd),
        timeout=WALL_LIMIT * 2,
    )
    m = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    run = Run(r.returncode, r.stdout, r.stderr.decode("utf-8", "replace"), m["wall"], m["cpu"], m["peak_kib"])
    assert run.wall < WALL_LIMIT and run.cpu < WALL_LIMIT, f"took {run.wall:.1f} s wall, {run.cpu:.1f} s CPU"
    assert run.peak_kib < PEAK_LIMIT_KIB, f"peak memory {run.peak_kib} KiB"
    assert "Traceback" not in run.stderr, run.stderr
    return run


def digests(paths: list[Path]) -> dict[Path, str]:
    """sha256 of every input file (a directory or a missing path counts as itself)."""
    out = {}
    for p in paths:
        if p.is_file():
            out[p] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[p] = "dir" if p.is_dir() else "absent"
    return out


# --- the bad-input matrix ----------------------------------------------------------------------


@dataclass
class Case:
    args: list[str]
    inputs: list[Path]
    code: int = 2
    needle: str = ""
    """What the one stderr line must say (exit 2 cases)."""
    stdin: bytes | None = None
    check: Callable[[Run, Path], None] | None = None
    """For cases with a result: what the result must be."""
    also: list[str] = field(default_factory=list)
    """More the one stderr line must say."""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _pair(tmp: Path) -> tuple[Path, Path]:
    a, b = tmp / "a.txt", tmp / "b.txt"
    a.write_bytes(EK.read_bytes())
    b.write_bytes(TK.read_bytes())
    return a, b


def _bad_input(name: str, data: bytes | None, needle: str) -> Callable[[Path], Case]:
    def make(tmp: Path) -> Case:
        bad = tmp / name
        if data is not None:
            bad.write_bytes(data)
        return Case(["compare", str(bad), str(TK)], [bad, TK], needle=needle)

    return make


def _directory(tmp: Path) -> Case:
    (tmp / "letter.txt").mkdir()
    return Case(["check", str(tmp / "letter.txt"), str(TK)], [TK], needle="is a directory")


def _non_word_docx(tmp: Path) -> Case:
    path = tmp / "sheet.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return Case(["compare", str(path), str(TK)], [path, TK], needle="not a Word document")


def _truncated_pdf(tmp: Path) -> Case:
    pytest.importorskip("pypdfium2_raw")
    data = PDF.read_bytes()
    cut = _write(tmp / "cut.pdf", data[: len(data) // 2])
    return Case(["compare", str(cut), str(TK)], [cut, TK], needle="the PDF file is damaged or incomplete (truncated?)")


def _password_pdf(tmp: Path) -> Case:
    pytest.importorskip("pypdfium2_raw")
    fpdf = pytest.importorskip("fpdf")
    pytest.importorskip("cryptography")
    pdf = fpdf.FPDF()
    pdf.set_encryption(owner_password="eigenaar", user_password="geheim")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "Vertrouwelijk")
    path = tmp / "locked.pdf"
    pdf.output(str(path))
    return Case(["inspect", str(path)], [path], needle="password-protected")


def _image_only_pdf(tmp: Path) -> Case:
    pytest.importorskip("pypdfium2_raw")
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for y in range(20, 250, 8):
        pdf.rect(20, y, 170, 3, style="F")
    path = tmp / "scan.pdf"
    pdf.output(str(path))
    return Case(["compare", str(path), str(TK)], [path, TK], needle="no text layer")


def _unrelated(tmp: Path) -> Case:
    return Case(["compare", str(AGENDA), str(EK_MARCH)], [AGENDA, EK_MARCH], needle="not versions of the same letter")


def _output_onto_input(how: str) -> Callable[[Path], Case]:
    def make(tmp: Path) -> Case:
        a, b = _pair(tmp)
        if how == "dot-slash":
            output = "./a.txt"
        elif how == "dot-dot":
            output = f"../{tmp.name}/a.txt"
        elif how == "symlink":
            (tmp / "link.html").symlink_to(a)
            output = "link.html"
        else:
            os.link(a, tmp / "hard.html")
            output = "hard.html"
        return Case(["report", "a.txt", "b.txt", "-o", output], [a, b], needle="refusing to overwrite an input file")

    return make


def _output_onto_policy(tmp: Path) -> Case:
    a, b = _pair(tmp)
    policy = _write(tmp / "difftool.toml", b'fail-on = "editorial"\n')
    return Case(
        ["check", "a.txt", "b.txt", "--config", "difftool.toml", "--format", "junit", "-o", "difftool.toml"],
        [a, b, policy],
        needle="refusing to overwrite an input file",
    )


def _usage(args: list[str], needle: str, command: str) -> Callable[[Path], Case]:
    def make(tmp: Path) -> Case:
        return Case(args, [EK, TK], needle=needle, also=[f"(try '{command} --help')"])

    return make


def _unreadable(tmp: Path) -> Case:
    path = _write(tmp / "secret.txt", TK.read_bytes())
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: permissions are not enforced (.ci/run runs the suite as a user)")
    return Case(["compare", str(path), str(EK)], [EK], needle="permission denied")


def _stdin_twice(tmp: Path) -> Case:
    return Case(["compare", "-", "-"], [EK], stdin=EK.read_bytes(), needle="can be only one of the inputs")


def _stdin_review(tmp: Path) -> Case:
    return Case(["review", "-", str(TK)], [TK], stdin=EK.read_bytes(), needle="standard input")


def _stray_bytes(tmp: Path) -> Case:
    """A UTF-8 letter with six stray bytes in three places: read as UTF-8, one warning naming
    the byte offsets, a difference at those places and nowhere else (no cp850 mojibake)."""
    data = TK.read_bytes()
    places = [(1000, b"\xff"), (5000, b"\x80\x81"), (9000, b"\xfe\xc0\xc1")]
    out, pos, offsets = b"", 0, []
    for at, junk in places:
        out += data[pos:at]
        offsets.append(len(out))
        out += junk
        pos = at
    path = _write(tmp / "stray.txt", out + data[pos:])
    chars = [len(out[:o].decode("utf-8", "replace")) for o in offsets]

    def check(run: Run, _: Path) -> None:
        assert len(run.stderr_lines()) == 1, f"one warning expected, got {run.stderr!r}"
        line = run.stderr_lines()[0]
        assert line.startswith("difftool: warning: ") and "not UTF-8" in line, line
        for o in offsets:
            assert f" {o} (" in line, (o, line)
        doc = json.loads(run.out)
        assert doc["versions"][0]["encoding"] == "utf-8"
        assert any("not UTF-8" in n for n in doc["versions"][0]["notes"])
        assert "\u251c" not in run.out  # cp850's box drawing: `creëert` → `cre├½ert`
        assert 1 <= len(doc["deltas"]) <= len(places), [d["explanation"] for d in doc["deltas"]]
        for d in doc["deltas"]:
            assert "\ufffd" in d["a"]["text"], d
            assert any(d["a"]["start"] - 2 <= c <= d["a"]["end"] + 2 for c in chars), d

    return Case(["compare", str(path), str(TK), "--format", "json"], [path, TK], code=0, check=check)


def _utf16(bom: bool) -> Callable[[Path], Case]:
    def make(tmp: Path) -> Case:
        text = TK.read_text(encoding="utf-8")
        path = _write(tmp / "utf16.txt", text.encode("utf-16" if bom else "utf-16-le"))

        def check(run: Run, _: Path) -> None:
            assert run.stderr == ""
            assert "0 substantive   0 editorial" in run.out and "utf-16" in run.out.replace("_", "-")

        return Case(["compare", str(path), str(TK)], [path, TK], code=0, check=check)

    return make


def _stdin_input(tmp: Path) -> Case:
    expected = subprocess.run(
        [sys.executable, "-m", "difftool", "check", str(EK), str(TK), "--format", "json"],
        capture_output=True,
        cwd=str(ROOT),
        check=False,
    )

    def check(run: Run, _: Path) -> None:
        assert run.stderr == ""
        assert json.loads(run.out)["failing"] == json.loads(expected.stdout)["failing"]

    return Case(["check", "-", str(TK), "--format", "json"], [EK, TK], code=1, stdin=EK.read_bytes(), check=check)


def _stdin_pdf(tmp: Path) -> Case:
    pytest.importorskip("pypdfium2_raw")

    def check(run: Run, _: Path) -> None:
        doc = json.loads(run.out)
        assert doc["flavour"] == "pdf" and doc["path"] == "-" and doc["blocks"]

    return Case(["inspect", "-", "--format", "json"], [PDF], code=0, stdin=PDF.read_bytes(), check=check)


def _stdout_dash(tmp: Path) -> Case:
    def check(run: Run, cwd: Path) -> None:
        assert json.loads(run.out)["schema"] == "difftool.compare/1"
        assert not (cwd / "-").exists(), "-o - wrote a file named -"

    return Case(["compare", str(EK), str(TK), "--format", "json", "-o", "-"], [EK, TK], code=0, check=check)


CASES: dict[str, Callable[[Path], Case]] = {
    "empty": _bad_input("empty.txt", b"", "file is empty"),
    "whitespace-only": _bad_input("blank.txt", b" \n\r\n\t\n", "file is empty"),
    "binary": _bad_input("binary.txt", bytes(range(256)) * 40, "binary file"),
    "nul-bytes": _bad_input("nul.txt", TK.read_bytes()[:3000] + b"\x00\x00\x00" + TK.read_bytes()[3000:], "binary"),
    "pdf-named-txt": _bad_input("letter.txt", PDF.read_bytes(), "name it .pdf or .docx"),
    "directory": _directory,
    "missing": _bad_input("missing.txt", None, "no such file"),
    "missing-hostile-name": _bad_input("\x1b]0;pwned\x07\x1b[31m.txt", None, "no such file"),
    "corrupt-docx": _bad_input("cut.docx", DOCX_FILE.read_bytes()[:5000], "not a valid .docx"),
    "text-named-docx": _bad_input("letter.docx", TK.read_bytes(), "not a valid .docx"),
    "non-word-docx": _non_word_docx,
    "truncated-pdf": _truncated_pdf,
    "password-pdf": _password_pdf,
    "image-only-pdf": _image_only_pdf,
    "unrelated-letters": _unrelated,
    "output-onto-input-dot-slash": _output_onto_input("dot-slash"),
    "output-onto-input-dot-dot": _output_onto_input("dot-dot"),
    "output-onto-input-symlink": _output_onto_input("symlink"),
    "output-onto-input-hard-link": _output_onto_input("hard-link"),
    "output-onto-policy-file": _output_onto_policy,
    "usage-missing-argument": _usage(["compare", str(EK)], "Missing argument 'B'", "difftool compare"),
    "usage-bad-fail-on": _usage(
        ["check", str(EK), str(TK), "--fail-on", "nonsense"], "Invalid value for '--fail-on'", "difftool check"
    ),
    "usage-unknown-option": _usage(["compare", str(EK), str(TK), "--bogus"], "No such option", "difftool compare"),
    "usage-unknown-command": _usage(["kompare", str(EK), str(TK)], "No such command", "difftool"),
    "usage-output-directory": _usage(["compare", str(EK), str(TK), "-o", "."], "'-o'", "difftool compare"),
    "unreadable-file": _unreadable,
    "stdin-twice": _stdin_twice,
    "stdin-review": _stdin_review,
    "stray-invalid-utf8": _stray_bytes,
    "utf16-bom": _utf16(bom=True),
    "utf16-no-bom": _utf16(bom=False),
    "stdin-input": _stdin_input,
    "stdin-pdf": _stdin_pdf,
    "stdout-dash": _stdout_dash,
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(name: str, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    case = CASES[name](work)
    before = digests(case.inputs)
    files_before = sorted(p.name for p in work.iterdir())
    run = difftool(*case.args, cwd=work, stdin=case.stdin)
    assert run.code == case.code, (run.code, run.stderr, run.out[:500])
    if case.check is not None:
        case.check(run, work)
    else:
        assert len(run.stderr_lines()) == 1 and run.stderr.endswith("\n"), run.stderr
        (line,) = run.stderr_lines()
        assert line.startswith("difftool: error: "), line
        assert case.needle in line, line
        for needle in case.also:
            assert needle in line, line
        assert "\x1b" not in line and "\x07" not in line
        assert run.stdout == b""
    assert digests(case.inputs) == before, "an input file changed"
    if case.code == 2:
        assert sorted(p.name for p in work.iterdir() if p.name != "-") == files_before, "a file was written"


def test_output_is_written_atomically_and_keeps_its_mode(tmp_path: Path) -> None:
    """A replaced report keeps its permissions; a hard link elsewhere is replaced, not written
    through (its other name keeps the old bytes); no temporary file is left behind."""
    a, b = _pair(tmp_path)
    out = _write(tmp_path / "report.json", b"old")
    out.chmod(0o640)
    os.link(out, tmp_path / "other-name.json")
    run = difftool("compare", "a.txt", "b.txt", "--format", "json", "-o", "report.json", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "difftool.compare/1"
    assert out.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "other-name.json").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "other-name.json", "report.json"]


# --- hostile letters ---------------------------------------------------------------------------

ESCAPES = ("\x1b", "\x07", "\x9b", "\r")
"""What must never reach a terminal raw from a letter: ESC, BEL, the C1 CSI, a bare CR."""
OUR_ANNOTATION = re.compile(
    r"^::(error|warning) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=difftool%3A [^:]*::"
)


def hostile_letters(tmp: Path) -> tuple[Path, Path]:
    """Two versions of the TK letter: A with a paragraph of terminal escapes and markup, a
    workflow command alone at a line start, one at the start of a paragraph's second line and
    one in the legacy syntax; B
    with escapes and a hyperlink sequence in a changed paragraph and in a footnote. B's file name
    carries an escape sequence too."""
    body = TK.read_text(encoding="utf-8").split("\n\n")
    a, b = list(body), list(body)
    a.insert(6, "Zie \x1b[31mROOD\x1b[0m en \x1b]0;pwned\x07 en <script>alert(1)</script> en \x9b2J voor meer.")
    a.insert(8, "::error file=x.txt,line=1::forged annotation")
    a.insert(9, "Dit is een gewone zin die doorloopt\n::warning::forged halfway a paragraph")
    a.insert(10, "En verder ##[error]forged in the legacy syntax, anywhere in a line.")
    b[10] = b[10] + " \x1b[2J\rkijk \x1b]8;;http://evil.example\x07klik\x1b]8;;\x07"
    b = [p.replace("22112, nr. 4320.", "22112, nr. 4320.\x1b[5m knippert") for p in b]
    pa, pb = tmp / "hostile-a.txt", tmp / "hostile-\x1b]0;x\x07b.txt"
    pa.write_text("\n\n".join(a), encoding="utf-8")
    pb.write_text("\n\n".join(b), encoding="utf-8")
    return pa, pb


FACES = {
    "compare-text": ["compare", "--all"],
    "check-text": ["check"],
    "compare-json": ["compare", "--format", "json"],
    "check-json": ["check", "--format", "json"],
    "check-github": ["check", "--format", "github"],
    "compare-github": ["compare", "--format", "github"],
    "check-junit": ["check", "--format", "junit"],
    "compare-html": ["compare", "--format", "html"],
    "report": ["report", "-o", "-"],
    "inspect-text": ["inspect"],
    "inspect-json": ["inspect", "--format", "json"],
    "inspect-extracted-text": ["inspect", "--text"],
}


@pytest.mark.parametrize("face", list(FACES))
def test_hostile_letter_in_every_face(face: str, tmp_path: Path) -> None:
    a, b = hostile_letters(tmp_path)
    command, *options = FACES[face]
    paths = [a.name] if command == "inspect" else [a.name, b.name]
    before = digests([a, b])
    run = difftool(command, *paths, *options, cwd=tmp_path)
    assert run.code in (0, 1), run.stderr
    out = run.out
    for ch in ESCAPES:
        assert ch not in out, f"{ch!r} reached the output raw"
        assert ch not in run.stderr, f"{ch!r} reached stderr raw"
    # GitHub reads a workflow command from any line of a job's output, after leading blanks, and
    # its runner splits lines at CR as well as LF.
    for line in re.split(r"\r\n|\r|\n", out):
        if line.lstrip().startswith("::"):
            assert face.endswith("github") and OUR_ANNOTATION.match(line), f"forged annotation: {line!r}"
        assert "##[" not in line, f"forged annotation (legacy syntax): {line!r}"
    if face.endswith("json"):
        json.loads(out)
        assert "\\u001b" in out, "the JSON should carry the escape, escaped"
    else:
        assert "\u241b" in out, "the escape should be shown as ␛"
    if "html" in face or face == "report":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert out.count("<script") == 1 and "<script>alert" not in out
    assert digests([a, b]) == before


def test_hostile_letter_in_the_review_tui(tmp_path: Path) -> None:
    """The review screen draws the escapes as symbols: nothing it renders holds ESC or BEL."""
    from textual.widgets import Static

    from difftool.pipeline import Request
    from difftool.tui.app import create_app
    from difftool.tui.widgets.aligned import AlignedView
    from difftool.tui.widgets.deltas import DeltaList

    a, b = hostile_letters(tmp_path)
    before = digests([a, b])
    app = create_app(Request(str(a), str(b)), str(tmp_path / "review.json"))
    seen: list[str] = []

    def screen_text() -> str:
        """Every segment of every visible line, plus the SVG screenshot Textual exports."""
        parts = [app.export_screenshot()]
        for widget in (app.query_one(AlignedView), app.query_one(DeltaList), app.query_one("#footnote-panel")):
            for y in range(widget.size.height):
                parts.extend(seg.text for seg in widget.render_line(y))
        parts.append(str(app.query_one("#header", Static).render()))
        return "".join(parts)

    async def drive() -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.view is not None
            await pilot.press("c")  # cosmetic ones too
            for _ in range(len(app.view.deltas)):
                seen.append(screen_text())
                await pilot.press("n")
                await pilot.pause()

    asyncio.run(drive())
    everything = "".join(seen)
    for ch in ESCAPES:
        assert ch not in everything, f"{ch!r} reached the screen raw"
    assert "\u241b[31mROOD" in everything and "\u241b[5m" in everything
    assert digests([a, b]) == before
