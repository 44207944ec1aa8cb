"""The engine is headless: importing and running it never loads textual, rich or click."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

ENGINE_MODULES = [
    "difftool.model",
    "difftool.sources",
    "difftool.text",
    "difftool.lexicon",
    "difftool.parse",
    "difftool.align",
    "difftool.inline",
    "difftool.references",
    "difftool.sentences",
    "difftool.classify",
    "difftool.engine",
    "difftool.readers",
    "difftool.render.jsonout",
    "difftool.review",
    "difftool.policy",
    "difftool.render.ci",
    "difftool.tui.view",
]


def test_engine_never_imports_ui_libraries() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in ENGINE_MODULES)
        + "from difftool.pipeline import Request, run\n"
        + "c = run(Request('samples/2026-06-22-jbz-ek.txt', 'samples/2026-06-22-jbz-tk.txt')).comparison\n"
        + "from difftool.render.jsonout import render_comparison\nrender_comparison(c)\n"
        + "from difftool.review import Review, judge, review_document\n"
        + "from difftool.model import Severity\n"
        + "review_document(Review(), ('a', 'b')); judge(c.deltas, Review(), Severity.SUBSTANTIVE)\n"
        + "from difftool.tui.view import build_view\nbuild_view(c)\n"
        + "from difftool.policy import Policy, apply_policy\nfrom difftool.render.ci import render_junit\n"
        + "render_junit(apply_policy(c, Policy(fail_on=Severity.EDITORIAL)), judge(c.deltas, Review(), Severity.SUBSTANTIVE), ())\n"
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'click'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), check=True)
    assert out.stdout.strip() == ""
