"""The command line as a user (and CI) runs it: output and exit code, as a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import pty
import re
import subprocess
import sys

import pytest

from conftest import AGENDA, DOCX, EK, EK_MARCH, ROOT, TK, run_cli


def test_compare_text_summary() -> None:
    r = run_cli("compare", str(EK), str(TK))
    assert r.returncode == 0, r.stderr
    assert "substantive" in r.stdout and "SUBSTANTIVE (" in r.stdout
    assert "footnote 8: reference number 1007 → 1013" in r.stdout
    assert "\x1b[" not in r.stdout  # NO_COLOR and no TTY: plain text
    assert "cosmetic differences not shown" in r.stdout
    assert "COSMETIC (" not in r.stdout


def _on_a_terminal(*args: str) -> str:
    """What ``difftool`` writes to a pseudo-terminal (colour allowed, 2,000 columns: no wrapping)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(COLUMNS="2000", TERM="xterm-256color")
    main, sub = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "difftool", *args], stdout=sub, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    os.close(sub)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the terminal's other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    proc.wait(timeout=120)
    return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.mark.parametrize("args", [("compare", str(EK), str(TK)), ("inspect", str(EK)), ("group", "samples")])
def test_a_terminal_gets_styles_and_a_pipe_the_same_text_plain(args) -> None:
    styled = _on_a_terminal(*args)
    assert "\x1b[" in styled  # rich's styles
    piped = run_cli(*args).stdout
    assert "\x1b[" not in piped
    assert [x.rstrip() for x in re.sub(r"\x1b\[[0-9;]*m", "", styled).splitlines()] == [
        x.rstrip() for x in piped.splitlines()
    ]


def test_compare_all_lists_cosmetic() -> None:
    r = run_cli("compare", str(EK), str(TK), "--all")
    assert "COSMETIC (" in r.stdout


def test_compare_json_is_byte_identical_across_runs(tmp_path) -> None:
    out1, out2 = tmp_path / "1.json", tmp_path / "2.json"
    assert run_cli("compare", str(EK), str(TK), "--format", "json", "-o", str(out1)).returncode == 0
    assert run_cli("compare", str(EK), str(TK), "--format", "json", "-o", str(out2)).returncode == 0
    assert out1.read_bytes() == out2.read_bytes()
    doc = json.loads(out1.read_text(encoding="utf-8"))
    assert doc["schema"] == "difftool.compare/1"
    assert doc["related"] is True
    assert [v["flavour"] for v in doc["versions"]] == ["markdown-pdf", "markdown-pdf"]
    assert doc["summary"]["substantive"] == sum(d["severity"] == "substantive" for d in doc["deltas"])
    assert {"a", "b", "relation", "similarity"} <= set(doc["alignment"][0])
    d = doc["deltas"][0]
    assert {"id", "severity", "kind", "explanation", "a", "b"} <= set(d)
    assert {"text", "context", "block", "footnote", "start", "end"} <= set(d["a"])


def test_json_offsets_point_into_the_input(tmp_path) -> None:
    r = run_cli("compare", str(EK), str(TK), "--format", "json")
    doc = json.loads(r.stdout)
    raw_a = EK.read_text(encoding="utf-8")
    for d in doc["deltas"]:
        side = d["a"]
        if side["text"] and d["kind"] not in ("section-removed", "signature-removed"):
            assert raw_a[side["start"] : side["end"]].split()[0][:3] == side["text"].split()[0][:3], d


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        pytest.param([str(EK), str(TK)], 1, "difftool check: FAIL", id="substantive-fails"),
        pytest.param([str(EK), str(EK)], 0, "difftool check: PASS", id="self-passes"),
        pytest.param([str(EK), str(TK), "--fail-on", "editorial"], 1, "at or above editorial", id="editorial"),
    ],
)
def test_check_exit_codes(args, code, needle) -> None:
    r = run_cli("check", *args)
    assert r.returncode == code, r.stdout + r.stderr
    assert needle in r.stdout


def test_check_prints_one_line_per_failing_delta() -> None:
    r = run_cli("check", str(EK), str(TK))
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith(str(EK)) or ln.startswith(str(TK))]
    assert lines and all(": substantive " in ln for ln in lines)
    assert any("reference number 1007 → 1013" in ln for ln in lines)
    path, line, col = lines[0].split(":")[:3]
    assert line.isdigit() and col.isdigit()


def test_check_json() -> None:
    r = run_cli("check", str(DOCX), str(TK), "--format", "json")
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert doc["passed"] is False and doc["failing"]


def test_unrelated_letters_exit_2_with_one_line() -> None:
    r = run_cli("compare", str(AGENDA), str(EK_MARCH))
    assert r.returncode == 2
    assert "not versions of the same letter" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_force_compares_anyway() -> None:
    r = run_cli("compare", str(AGENDA), str(EK_MARCH), "--force", "--format", "json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["related"] is False


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        pytest.param(lambda p: None, "no such file", id="missing"),
        pytest.param(lambda p: p.write_bytes(b""), "empty", id="empty"),
        pytest.param(lambda p: p.write_bytes(bytes(range(256)) * 40), "binary", id="binary"),
        pytest.param(lambda p: p.mkdir(), "directory", id="directory"),
    ],
)
@pytest.mark.parametrize("command", ["compare", "check", "inspect"])
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, needle, command) -> None:
    bad = tmp_path / "bad.txt"
    make(bad)
    args = [command, str(bad)] if command == "inspect" else [command, str(bad), str(TK)]
    r = run_cli(*args)
    assert r.returncode == 2
    assert needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_unreadable_file(tmp_path) -> None:
    import os

    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    if os.access(p, os.R_OK):  # root reads anything
        pytest.skip("running as root: permissions are not enforced")
    r = run_cli("inspect", str(p))
    assert r.returncode == 2 and "permission denied" in r.stderr


def test_usage_error_exits_2() -> None:
    r = run_cli("compare", str(EK))
    assert r.returncode == 2
    r = run_cli("check", str(EK), str(TK), "--fail-on", "nonsense")
    assert r.returncode == 2


def test_inputs_are_never_modified(tmp_path) -> None:
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (EK, TK)}
    run_cli("compare", str(EK), str(TK), "--format", "json")
    run_cli("check", str(EK), str(TK))
    r = run_cli("compare", str(EK), str(TK), "-o", str(EK))
    assert r.returncode == 2 and "refusing to overwrite an input" in r.stderr
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (EK, TK)} == before


def test_inspect_text_and_json() -> None:
    r = run_cli("inspect", str(TK))
    assert r.returncode == 0
    assert "markdown-pdf" in r.stdout and "G. van den Brink" in r.stdout and "23 footnotes" in r.stdout
    r = run_cli("inspect", str(DOCX), "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["schema"] == "difftool.letter/1"
    assert doc["flavour"] == "docx-text"
    assert len(doc["footnotes"]) == 21


def test_help_has_examples() -> None:
    for cmd in ("compare", "check", "inspect"):
        r = run_cli(cmd, "--help")
        assert r.returncode == 0 and "Examples:" in r.stdout


def test_output_file_and_encodings(tmp_path) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes(TK.read_text(encoding="utf-8").encode("utf-16"))
    b = tmp_path / "b.txt"
    b.write_bytes(TK.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "out.txt"
    r = run_cli("compare", str(a), str(b), "-o", str(out))
    assert r.returncode == 0 and r.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "0 substantive" in text and "0 editorial" in text


@pytest.mark.parametrize("path", [DOCX, ROOT / "tests" / "data" / "libreoffice-letter.docx"], ids=["text", "docx"])
def test_inspect_text_is_what_offsets_index(path) -> None:
    if path.suffix == ".docx":
        pytest.importorskip("lxml")
    text = run_cli("inspect", str(path), "--text").stdout
    doc = json.loads(run_cli("inspect", str(path), "--format", "json").stdout)
    for block in doc["blocks"]:
        first_word = block["text"].split()[0]
        assert text[block["start"] :].startswith(first_word[:4]), block
