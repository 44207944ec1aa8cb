"""The HTML report as a user gets it from the CLI: self-contained, complete, escaped, and
structurally stable (golden skeletons in tests/report_golden/; regenerate with
DIFFTOOL_UPDATE_GOLDEN=1 after an intended change and review the diff)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DOCX, EK, ROOT, TK, run_cli

GOLDEN = Path(__file__).parent / "report_golden"
PAIRS = {
    name: (str(a.relative_to(ROOT)), str(b.relative_to(ROOT)))
    for name, (a, b) in {"ek-tk": (EK, TK), "ek-docx": (EK, DOCX), "tk-docx": (TK, DOCX)}.items()
}


class Skeleton(HTMLParser):
    """The structure of a report without its prose: what a golden test should pin down."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[str] = []
        self.col_headers: list[str] = []
        self.sections: list[str] = []
        self.deltas: dict[str, list[str]] = {}
        self.rows: list[str] = []
        self.tags: dict[str, int] = {}
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.csp = ""
        self.external: list[str] = []
        self.text = ""
        self.attributes: set[str] = set()
        self.open_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attributes.update(name for name, _ in attrs)
        if tag in ("h1", "h2", "h3") or (tag == "th" and a.get("scope") == "col"):
            self.open_text = []
        for name in ("src", "href", "action", "srcset", "data", "poster"):
            value = a.get(name)
            if value is not None and not value.startswith("#"):
                self.external.append(f"{tag}[{name}]={value}")
        cls = a.get("class") or ""
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content") or ""
        if tag == "section":
            self.sections.append(a.get("id") or "")
        if tag == "li" and "delta" in cls.split():
            self.deltas.setdefault(a["data-severity"] or "", []).append(a["id"] or "")
        if tag == "tbody" and self._inside("table", "aligned"):
            self.rows.append(
                "folded:" if "same" in cls.split() else "oneside:" if "oneside" in cls.split() else "tbody:"
            )
        if tag == "tr" and self._inside("table", "aligned") and cls.split()[:1] in (["row"], ["fn"]):
            kind, relation, *rest = cls.split()
            self.rows[-1] += f" {kind} {relation}{'/rest' if 'rest' in rest else ''}"
        if tag not in ("meta", "br", "input", "col"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if self.open_text is not None and tag in ("h1", "h2", "h3", "th"):
            text = " ".join("".join(self.open_text).split())
            (self.col_headers if tag == "th" else self.headings).append(text if tag == "th" else f"{tag}: {text}")
            self.open_text = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        tag = self.stack[-1][0]
        if tag == "script":
            self.scripts.append(data)
        elif tag == "style":
            self.styles.append(data)
        self.text += data
        if self.open_text is not None:
            self.open_text.append(data)

    def _inside(self, tag: str, cls: str) -> bool:
        return any(t == tag and cls in (a.get("class") or "").split() for t, a in self.stack)

    def golden(self) -> dict[str, object]:
        """Headings, landmarks, deltas per severity, row classes run-length encoded per tbody."""
        return {
            "sections": self.sections,
            "headings": self.headings,
            "column_headers": self.col_headers,
            "deltas": self.deltas,
            "rows": [_rle(body) for body in self.rows],
            "ins": self.tags.get("ins", 0),
            "del": self.tags.get("del", 0),
        }


def _rle(tbody: str) -> str:
    head, *classes = tbody.split(" ")
    pairs = [" ".join(classes[i : i + 2]) for i in range(0, len(classes), 2)]
    out: list[str] = []
    for p in pairs:
        if out and out[-1].rsplit(" x", 1)[0] == p:
            base, _, n = out[-1].rpartition(" x")
            out[-1] = f"{base} x{int(n) + 1}"
        else:
            out.append(f"{p} x1")
    return head + " " + ", ".join(out)


def skeleton(html: str) -> Skeleton:
    s = Skeleton()
    s.feed(html)
    s.close()
    return s


def _report(tmp_path: Path, a: Path | str, b: Path | str, *extra: str) -> tuple[str, dict[str, object]]:
    out = tmp_path / f"{Path(a).stem}--{Path(b).stem}.html"
    r = run_cli("report", str(a), str(b), "-o", str(out), *extra)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    j = run_cli("compare", str(a), str(b), "--format", "json", *extra)
    assert j.returncode == 0, j.stderr
    return out.read_text(encoding="utf-8"), json.loads(j.stdout)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, dict[str, object]]]:
    tmp = tmp_path_factory.mktemp("reports")
    return {name: _report(tmp, a, b) for name, (a, b) in PAIRS.items()}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_golden_structure(reports: dict[str, tuple[str, dict[str, object]]], name: str) -> None:
    html, _ = reports[name]
    got = skeleton(html).golden()
    path = GOLDEN / f"{name}.json"
    if os.environ.get("DIFFTOOL_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_every_delta_listed_once_and_placed(reports: dict[str, tuple[str, dict[str, object]]], name: str) -> None:
    html, doc = reports[name]
    s = skeleton(html)
    listed = [d for ids in s.deltas.values() for d in ids]
    assert sorted(listed) == sorted(d["id"] for d in doc["deltas"])  # type: ignore[index]
    assert len(listed) == doc["summary"]["total"]  # type: ignore[index]
    for sev, ids in s.deltas.items():
        assert len(ids) == doc["summary"][sev]  # type: ignore[index]
    for d in listed:
        assert re.search(rf'<a href="#{d}" data-delta="{d}"', html), f"{d} has no mark in the aligned text"


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_every_block_and_footnote_shown(reports: dict[str, tuple[str, dict[str, object]]], name: str) -> None:
    html, doc = reports[name]
    for prefix, version in zip("ab", doc["versions"]):  # type: ignore[call-overload]
        for block in version["blocks"]:
            assert f'id="{prefix}-{block["id"]}"' in html
        for note in version["footnotes"]:
            assert f'id="{prefix}-fn{note["number"]}"' in html


def test_self_contained_with_pinned_csp(reports: dict[str, tuple[str, dict[str, object]]]) -> None:
    html, _ = reports["ek-tk"]
    s = skeleton(html)
    assert s.external == []
    assert not re.search(r"(?i)\b(https?:)?//[a-z0-9.-]+/", "".join(s.styles + s.scripts))
    assert "@import" not in "".join(s.styles) and "url(" not in "".join(s.styles)
    directives = dict(d.strip().split(" ", 1) for d in s.csp.split(";"))
    assert directives["default-src"] == "'none'"
    (css,), (js,) = s.styles, s.scripts
    for text, name in ((css, "style-src"), (js, "script-src")):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert directives[name] == f"'sha256-{digest}'"


def test_size_of_the_sample_report(reports: dict[str, tuple[str, dict[str, object]]]) -> None:
    html, _ = reports["ek-tk"]
    assert len(html.encode("utf-8")) < 1_500_000


def test_readable_without_script(reports: dict[str, tuple[str, dict[str, object]]]) -> None:
    """Without JavaScript nothing is hidden but the controls that need it."""
    html, _ = reports["ek-tk"]
    hidden = re.findall(r"<(\w+)([^>]*)\shidden[\s>]", html)
    assert {(tag, re.search(r'(id|class)="([^"]+)"', attrs).group(2)) for tag, attrs in hidden} == {  # type: ignore[union-attr]
        ("div", "filters"),
        ("p", "keys"),
        ("tr", "fold"),
        ("div", "current"),
    }


def test_compare_format_html_is_the_report(tmp_path: Path, reports: dict[str, tuple[str, dict[str, object]]]) -> None:
    r = run_cli("compare", *PAIRS["ek-tk"], "--format", "html")
    assert r.returncode == 0, r.stderr
    assert r.stdout == reports["ek-tk"][0]


def test_report_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(EK.read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli("report", str(a), str(TK), "-o", str(a))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "refusing to overwrite" in r.stderr
    assert a.read_text(encoding="utf-8") == EK.read_text(encoding="utf-8")


def test_report_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    r = run_cli("report", str(tmp_path / "missing.txt"), str(TK), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 2
    assert r.stderr.startswith("difftool: error: ") and r.stderr.count("\n") == 1
    assert not (tmp_path / "r.html").exists()


HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
    "javascript:alert(document.cookie)",
    "</textarea></style></script><svg onload=alert(1)>",
    "&lt;b&gt; &amp; &#60;i&#62;",
]


def hostile_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two versions of a letter whose text, footnotes and file names carry markup and URLs."""
    body = TK.read_text(encoding="utf-8").split("\n\n")
    a_parts, b_parts = list(body), list(body)
    a_parts.insert(6, "Zie " + HOSTILE[0] + " en " + HOSTILE[1] + " voor meer.")
    b_parts.insert(6, "Zie " + HOSTILE[2] + " en " + HOSTILE[4] + " voor meer.")
    a_parts.insert(9, HOSTILE[3] + " " + HOSTILE[5])
    b_parts[1] = b_parts[1] + " " + HOSTILE[1]
    a = tmp_path / '"><img src=x onerror=alert(1)>.txt'
    b = tmp_path / "<script>alert(2)<!--.txt"
    a.write_text("\n\n".join(a_parts), encoding="utf-8")
    b.write_text("\n\n".join(b_parts), encoding="utf-8")
    return a, b


def test_letter_markup_is_escaped(tmp_path: Path) -> None:
    a, b = hostile_pair(tmp_path)
    html, doc = _report(tmp_path, a, b)
    s = skeleton(html)
    assert s.tags.get("script") == 1 and "img" not in s.tags and "svg" not in s.tags and "textarea" not in s.tags
    assert s.external == []
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', html))
    assert not [name for name in s.attributes if name.startswith("on")], "an event handler reached the markup"
    for needle in HOSTILE[:5]:
        assert needle in s.text, f"{needle!r} is not shown as text"
    assert doc["summary"]["total"] == sum(len(v) for v in s.deltas.values())  # type: ignore[index]


def test_report_follows_the_policy_file_like_compare(tmp_path: Path) -> None:
    """A team's policy re-grades deltas in the report exactly as in `compare`."""
    policy = str(tmp_path / "difftool.toml")
    Path(policy).write_text('[severity]\nsignatory-name-form = "editorial"\n', encoding="utf-8")
    r = run_cli("report", *PAIRS["ek-tk"], "--config", policy)
    assert r.returncode == 0, r.stderr
    doc = json.loads(run_cli("compare", *PAIRS["ek-tk"], "--config", policy, "--format", "json").stdout)
    s = skeleton(r.stdout)
    assert doc["summary"]["kinds"]["signatory-name-form"] == len(
        [d for d in doc["deltas"] if d["kind"] == "signatory-name-form" and d["severity"] == "editorial"]
    )
    assert {sev: len(ids) for sev, ids in s.deltas.items()} == {
        sev: doc["summary"][sev] for sev in ("substantive", "editorial", "cosmetic", "expected") if doc["summary"][sev]
    }
    assert r.stdout == run_cli("compare", *PAIRS["ek-tk"], "--config", policy, "--format", "html").stdout
