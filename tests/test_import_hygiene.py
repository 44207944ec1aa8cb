"""The engine is headless: importing and running it never loads textual, rich or click."""

from __future__ import annotations

import os
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
    "difftool.rows",
    "difftool.references",
    "difftool.sentences",
    "difftool.classify",
    "difftool.engine",
    "difftool.readers",
    "difftool.render.jsonout",
    "difftool.review",
    "difftool.policy",
    "difftool.render.ci",
    "difftool.reconcile",
    "difftool.render.reconcile_json",
    "difftool.tui.view",
    "difftool.passages",
    "difftool.tui.nway_view",
    "difftool.grouping",
    "difftool.walk",
    "difftool.corpus",
    "difftool.render.groupjson",
    "difftool.atomic",
    "difftool.batch",
    "difftool.render.batchjson",
    "difftool.render.batch_html",
    "difftool.render.batchdir",
    "difftool.limits",
    "difftool.pdfchild",
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
        + "from difftool.reconcile import ReconcileRequest, run as reconcile\n"
        + "from difftool.render.reconcile_json import render_reconcile\n"
        + "render_reconcile(reconcile(ReconcileRequest(('samples/2026-06-22-jbz-docx.txt', "
        + "'samples/2026-06-22-jbz-tk.txt', 'samples/2026-06-22-jbz-ek.txt'))))\n"
        + "from difftool.corpus import group_paths\nfrom difftool.render.groupjson import render_grouping\n"
        + "render_grouping(group_paths(['samples']))\n"
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'click'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), check=True)
    assert out.stdout.strip() == ""


UI_AND_PDF = ("rich", "textual", "pdfplumber", "pdfminer", "pypdfium2", "pypdfium2_raw")


def _cli_modules(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """Top-level packages loaded by one ``difftool`` command, run as a process (output piped)."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('MODULES', ' '.join(sorted({m.split('.')[0] for m in sys.modules})), "
        "file=sys.stderr))\n"
        f"sys.argv = ['difftool', *{list(args)!r}]\n"
        "from difftool.entry import main\nmain()\n"
    )
    env = {**{k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}, **(env or {})}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), env=env)
    assert out.returncode in (0, 1), out.stderr
    (line,) = [x for x in out.stderr.splitlines() if x.startswith("MODULES ")]
    return set(line.split()[1:])


def test_check_json_and_piped_text_load_no_terminal_tui_or_pdf_library() -> None:
    samples = ("samples/2026-06-22-jbz-ek.txt", "samples/2026-06-22-jbz-tk.txt")
    three = (*samples, "samples/2026-06-22-jbz-docx.txt")
    for args in (
        ("check", *samples),
        ("compare", "--format", "json", *samples),
        ("check", *three),
        ("reconcile", "--format", "json", *three),
    ):
        assert not _cli_modules(*args).intersection(UI_AND_PDF), args
    for args in (("compare", *samples), ("inspect", samples[0]), ("group", "samples")):
        # text into a pipe or a file: the styles mean nothing there, so rich is not loaded
        assert not _cli_modules(*args).intersection(UI_AND_PDF), args
    # styled text (a terminal, or colour forced) is what rich is for
    styled = _cli_modules("compare", *samples, env={"FORCE_COLOR": "1"})
    assert "rich" in styled and not styled.intersection(set(UI_AND_PDF) - {"rich"})
