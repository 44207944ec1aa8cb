"""CI output formats of `check` and `compare`, run as CI runs them: golden files, the JUnit schema,
GitHub's workflow-command syntax, and an end-to-end run without a terminal.

Regenerate the golden files deliberately with ``pytest tests/test_ci_formats.py --update-golden``
and review the diff before committing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from conftest import DOCX, EK, ROOT, TK, run_cli

GOLDEN = ROOT / "tests" / "golden_ci"
XSD = ROOT / "tests" / "data" / "junit-10.xsd"
EXAMPLE_POLICY = "examples/difftool.toml"
PAIRS = {"ek-vs-tk": (EK, TK), "docx-vs-tk": (DOCX, TK)}
SUFFIX = {"text": "txt", "json": "json", "github": "github.txt", "junit": "junit.xml"}
CASES = [(pair, fmt, None) for pair in PAIRS for fmt in SUFFIX] + [("ek-vs-tk", fmt, EXAMPLE_POLICY) for fmt in SUFFIX]


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@cache
def check(pair: str, fmt: str, config: str | None) -> subprocess.CompletedProcess[str]:
    """One `difftool check` run per case, shared by the tests that read it (runs cost a second)."""
    a, b = PAIRS[pair]
    args = ["check", _rel(a), _rel(b), "--format", fmt]
    return run_cli(*args, *(["--config", config] if config else []))


def _golden_path(pair: str, fmt: str, config: str | None) -> Path:
    return GOLDEN / f"{pair}{'-policy' if config else ''}.{SUFFIX[fmt]}"


@pytest.mark.parametrize(("pair", "fmt", "config"), CASES)
def test_golden_outputs(pair: str, fmt: str, config: str | None, update_golden: bool) -> None:
    r = check(pair, fmt, config)
    assert r.returncode == 1, r.stderr
    path = _golden_path(pair, fmt, config)
    if update_golden or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(r.stdout, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{path} did not exist; written now — review and commit it")
    assert r.stdout == path.read_text(encoding="utf-8")


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.mark.parametrize(("pair", "config"), [("ek-vs-tk", None), ("docx-vs-tk", None), ("ek-vs-tk", EXAMPLE_POLICY)])
def test_junit_validates_against_the_junit_schema(pair: str, config: str | None) -> None:
    r = check(pair, "junit", config)
    doc = etree.fromstring(r.stdout.encode("utf-8"))
    assert _schema().validate(doc), _schema().error_log
    suite = doc.find("testsuite")
    failing = json.loads(check(pair, "json", config).stdout)["failing"]
    assert int(suite.get("failures")) == len(failing) == len(suite.findall("testcase/failure"))
    assert r.stderr.strip().splitlines()[-1].startswith("difftool check: FAIL")  # status goes to the log


def test_junit_failure_points_at_the_line_in_the_file() -> None:
    doc = etree.fromstring(check("ek-vs-tk", "junit", None).stdout.encode("utf-8"))
    (case,) = [c for c in doc.iter("testcase") if c.get("name").startswith("d9 ")]
    failure = case.find("failure")
    path, line, col = failure.get("message").split(":")[:3]
    assert path == _rel(EK) and failure.get("type") == "substantive reference"
    assert "nr. 1007" in EK.read_text(encoding="utf-8").splitlines()[int(line) - 1][int(col) - 1 :]


GH_COMMAND = re.compile(
    r"^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:,]+)::(.+)$"
)


def test_github_commands_are_well_formed_and_point_into_the_files() -> None:
    r = check("ek-vs-tk", "github", None)
    lines = r.stdout.splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert lines[len(commands) :] == [ln for ln in lines if not ln.startswith("::")]  # status lines last
    assert lines[-1].startswith("difftool check: FAIL")
    errors = 0
    for ln in commands:
        m = GH_COMMAND.match(ln)
        assert m, ln
        level, path, line = m.group(1), m.group(2), int(m.group(3))
        errors += level == "error"
        assert "\n" not in m.group(8) and (ROOT / path).exists()
        assert 1 <= line <= len((ROOT / path).read_text(encoding="utf-8").splitlines())
    assert errors == len(json.loads(check("ek-vs-tk", "json", None).stdout)["failing"])


def test_compare_speaks_the_ci_formats_and_exits_0() -> None:
    r = run_cli("compare", _rel(EK), _rel(TK), "--format", "github")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[:-1] == check("ek-vs-tk", "github", None).stdout.splitlines()[:-1]
    r = run_cli("compare", _rel(EK), _rel(TK), "--format", "junit")
    assert r.returncode == 0 and _schema().validate(etree.fromstring(r.stdout.encode("utf-8")))


def test_passing_pair_gives_an_empty_report() -> None:
    r = run_cli("check", _rel(TK), _rel(TK), "--format", "github")
    assert r.returncode == 0 and r.stdout.startswith("difftool check: PASS")
    r = run_cli("check", _rel(TK), _rel(TK), "--format", "junit")
    doc = etree.fromstring(r.stdout.encode("utf-8"))
    assert r.returncode == 0 and _schema().validate(doc) and doc.get("failures") == "0"


def test_end_to_end_as_ci_runs_it(tmp_path: Path) -> None:
    """The console script in a checkout with a policy file: no TTY, CI=true, NO_COLOR, stdin closed."""
    work = tmp_path / "repo"
    (work / "letters").mkdir(parents=True)
    for src in (EK, TK):
        shutil.copy(src, work / "letters" / src.name)
    (work / "difftool.toml").write_text('fail-on = "editorial"\n[severity]\nspelling = "cosmetic"\n', encoding="utf-8")
    exe = Path(sys.executable).with_name("difftool")
    env = {"PATH": str(exe.parent), "CI": "true", "NO_COLOR": "1", "GITHUB_ACTIONS": "true", "LANG": "C.UTF-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=str(work / "letters"),
            stdin=subprocess.DEVNULL,
            timeout=120,
        )

    ek, tk = f"{EK.name}", f"{TK.name}"
    r = run("check", ek, tk, "--format", "github")
    assert r.returncode == 1 and "\x1b[" not in r.stdout + r.stderr
    assert f"::error file={ek},line=" in r.stdout
    assert "policy ../difftool.toml" in r.stdout and "at or above editorial" in r.stdout
    assert not re.search(r"^::error .*title=difftool%3A editorial spelling", r.stdout, re.M)  # re-graded cosmetic
    r = run("check", ek, tk, "--format", "junit", "-o", "report.xml")
    assert (
        r.returncode == 1 and r.stdout == "" and _schema().validate(etree.parse(str(work / "letters" / "report.xml")))
    )
    (work / "difftool.toml").write_text('fail-on = "editorial"\nnonsense = 1\n', encoding="utf-8")
    r = run("check", ek, tk)
    assert (
        r.returncode == 3
        and r.stderr
        == "difftool: error: ../difftool.toml:2: unknown key 'nonsense' "
        "(known: fail-on, edition-profile, severity, expected, ignore)\n"
    )
    r = run("check", ek, "missing.txt")
    assert r.returncode == 3  # the policy is read first: a broken policy is reported before the inputs
