"""Judged deltas -> what CI systems read: GitHub Actions workflow commands and JUnit XML.

Presentation only: which delta fails was decided before (policy, review, threshold); this module
only places each delta in its file (``Letter.line_col`` on the engine's offsets) and writes it in
the dialect the CI system understands. Deterministic: no timestamps, no durations, no host names,
so the same inputs give the same bytes. Letter text and file names go through
:func:`difftool.visible.visible`: a control character in a letter can neither reach the terminal
nor start a line of its own (where ``::error::`` would forge an annotation).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from difftool.model import Comparison, Delta, Severity
from difftool.review import Judged
from difftool.visible import visible

_EXCERPT = 200
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _position(c: Comparison, d: Delta) -> tuple[str, int, int]:
    letter, side = c.where(d)
    line, col = letter.line_col(side.start)
    return letter.path, line, col


def _excerpt(text: str) -> str:
    flat = visible(" ".join(text.split()))
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "\u2026"


# --- GitHub Actions ----------------------------------------------------------------------------


def _gh_data(text: str) -> str:
    """Escape a workflow command's message (GitHub's own rules: %, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """Escape a workflow command's property value: the message rules plus ``:`` and ``,``."""
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _gh_level(j: Judged) -> str | None:
    """Failing deltas are errors; other unreviewed substantive and editorial ones are warnings, so
    a reviewer sees them in the diff view without the job failing; the rest stays out of the log."""
    if j.failing:
        return "error"
    if j.decision is None and j.delta.severity in (Severity.SUBSTANTIVE, Severity.EDITORIAL):
        return "warning"
    return None


def github_line(c: Comparison, j: Judged) -> str | None:
    """One ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` command."""
    level = _gh_level(j)
    if level is None:
        return None
    d = j.delta
    letter, side = c.where(d)
    line, col = letter.line_col(side.start)
    end_line, end_col = letter.line_col(max(side.start, side.end))
    props = {
        "file": visible(letter.path),
        "line": str(line),
        "col": str(col),
        "endLine": str(end_line),
        "endColumn": str(end_col),
        "title": f"difftool: {d.severity.value} {d.kind} {d.id}",
    }
    message = visible(d.explanation)
    if j.decision is not None:
        note = f": {visible(j.decision.note)}" if j.decision.note else ""
        message += f" ({j.decision.verdict.value} in review{note})"
    message += f"\nA: {_excerpt(d.a.text) or '(absent)'}\nB: {_excerpt(d.b.text) or '(absent)'}"
    joined = ",".join(f"{k}={_gh_property(v)}" for k, v in props.items())
    return f"::{level} {joined}::{_gh_data(message)}"


def render_github(c: Comparison, judged: Sequence[Judged], status: Sequence[str]) -> str:
    """Workflow commands, one per delta worth annotating, then the plain status lines."""
    lines = [line for j in judged if (line := github_line(c, j)) is not None]
    return "\n".join([*lines, *map(visible, status)]) + "\n"


# --- JUnit XML ---------------------------------------------------------------------------------


def _xml(text: str) -> str:
    """XML 1.0 cannot carry most control characters, a letter extraction sometimes does, and a
    report read in a terminal must not pass them on: shown visibly (line ends of our own stay)."""
    return _XML_UNSAFE.sub("\ufffd", visible(text, keep="\t\n"))


def _testcase(c: Comparison, j: Judged) -> ET.Element:
    d = j.delta
    path, line, col = _position(c, d)
    case = ET.Element(
        "testcase",
        {
            "classname": f"difftool.{d.severity.value}.{d.kind}",
            "name": _xml(f"{d.id} {path}:{line}:{col}: {d.explanation}"),
        },
    )
    if j.failing:
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": f"{d.severity.value} {d.kind}",
                "message": _xml(f"{path}:{line}:{col}: {d.explanation}"),
            },
        )
        failure.text = _xml(
            f"A: {_excerpt(d.a.context or d.a.text) or '(absent)'}\n"
            f"B: {_excerpt(d.b.context or d.b.text) or '(absent)'}\n"
        )
    if j.decision is not None:
        out = ET.SubElement(case, "system-out")
        note = f": {j.decision.note}" if j.decision.note else ""
        out.text = _xml(f"{j.decision.verdict.value} in review{note}")
    return case


def render_junit(c: Comparison, judged: Sequence[Judged], properties: Sequence[tuple[str, str]]) -> str:
    """One test suite for the pair, one test case per delta; failing deltas carry a ``<failure>``.

    ``properties`` (the threshold, the policy file, the review file) go into the suite's
    ``<properties>`` so the report says under which rules it was made."""
    failures = str(sum(1 for j in judged if j.failing))
    tests = str(len(judged))
    root = ET.Element("testsuites", {"name": "difftool", "tests": tests, "failures": failures, "errors": "0"})
    suite = ET.SubElement(
        root,
        "testsuite",
        {
            "name": _xml(f"{c.a.path} vs {c.b.path}"),
            "tests": tests,
            "failures": failures,
            "errors": "0",
            "skipped": "0",
        },
    )
    props = ET.SubElement(suite, "properties")
    for name, value in (("a", c.a.path), ("b", c.b.path), *properties):
        ET.SubElement(props, "property", {"name": name, "value": _xml(value)})
    suite.extend(_testcase(c, j) for j in judged)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
