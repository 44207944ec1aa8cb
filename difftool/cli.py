"""The command line: builds options, calls the engine, picks a renderer, owns exit codes.

Exit codes, the same for every command (docs/cli.md):
  0  success; for ``check``: nothing at or above the threshold
  1  ``check`` only: differences at or above the threshold remain
  2  usage or input error (missing, unreadable, empty, binary file; not versions of one letter)
  3  the policy file (difftool.toml, [tool.difftool], --config) is invalid
Every error is one line on stderr, usage errors included. ``-`` is standard input as one of the
inputs and standard output as ``-o -``. Outputs never replace an input (compared by identity, so
not through a hard link or a symlink either) and are written atomically.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from difftool.atomic import write_atomically
from difftool.engine import NotRelatedError
from difftool.model import SEVERITY_ORDER, TEXT_FLAVOURS, Comparison, Flavour, Letter, Options, Severity
from difftool.pipeline import Request, Result, evaluate, read
from difftool.policy import Policy, PolicyError, Sources, load_policy, policy_effect
from difftool.readers import read_with_text
from difftool.review import (
    Decision,
    Judged,
    Review,
    ReviewFileError,
    Verdict,
    default_review_path,
    load_review,
    unmatched,
)
from difftool.sources import STDIN, InputError
from difftool.visible import visible

if TYPE_CHECKING:
    from rich.console import Console

    from difftool.batch import Batch, Outcome, Rules
    from difftool.grouping import Grouping, VersionGroup
    from difftool.reconcile import ReconcileRequest, Reconciliation

EXIT_OK, EXIT_FAIL, EXIT_ERROR, EXIT_POLICY = 0, 1, 2, 3
LETTER = click.Path(readable=False)
"""A letter argument: the readers check it and say what is wrong in plain words (no such file,
permission denied, a directory), not click."""
F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """One line on stderr, exit 2 (or ``code``). Never a traceback."""
    click.echo(f"difftool: error: {_one_line(message)}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    """One line on stderr; the command goes on."""
    click.echo(f"difftool: warning: {_one_line(message)}", err=True)


def _one_line(message: str) -> str:
    return visible(" ".join(message.split("\n")))


def _warn_about(*letters: Letter) -> None:
    """What was wrong with the input files themselves (bytes that are not UTF-8)."""
    for letter in letters:
        for warning in letter.warnings:
            warn(warning)


def _table_console(out: io.StringIO | None) -> Console:
    """A rich console for a table, which must wrap in its cells rather than run off the line (160
    columns when not a terminal)."""
    from rich.console import Console  # only a table needs rich off a terminal

    width = None if out is None and sys.stdout.isatty() else 160
    return Console(file=out, no_color=out is not None, width=width, highlight=False)


def _write(text: str, output: str | None) -> None:
    """``text`` to standard output (no ``-o``, or ``-o -``) or to the file ``output``."""
    if output is None or output == STDIN:
        click.echo(text, nl=False)
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")


def _run(request: Request) -> Result:
    """The pipeline, with its failures as one line and exit 2."""
    try:
        a, b = read(request)
        _warn_about(a, b)
        return evaluate(a, b, request)
    except (InputError, NotRelatedError) as exc:
        _input_failure(exc, request.a, request.b)


def _input_failure(exc: InputError | NotRelatedError, path_a: str, path_b: str) -> NoReturn:
    """The one-line error for inputs the engine cannot compare."""
    if isinstance(exc, NotRelatedError):
        fail(f"{path_a} and {path_b} are {exc}")
    fail(str(exc))


def _check_outputs(inputs: Sequence[str | None], output: str | None) -> None:
    """Refuse an output that is one of the inputs (letters, review file, policy file), by the
    file's identity (device and inode), so neither ``./``, ``..``, a symlink nor a hard link gets
    around it; and standard input for more than one input."""
    letters = [p for p in inputs if p is not None]
    if letters.count(STDIN) > 1:
        fail(f"standard input ({STDIN}) can be only one of the inputs")
    if output is None or output == STDIN:
        return
    for p in letters:
        if p == STDIN:
            continue
        try:
            same = os.path.samefile(p, output)
        except OSError:  # one of them does not exist (yet)
            same = os.path.realpath(p) == os.path.realpath(output)
        if same:
            fail(f"{output}: refusing to overwrite an input file ({p})")


def _load_policy(config: str | None) -> tuple[Policy, Sources]:
    """The policy from --config, else found upward from the working directory; exit 3 if invalid."""
    try:
        return load_policy(os.getcwd(), config)
    except PolicyError as exc:
        fail(str(exc), EXIT_POLICY)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        type=click.Path(dir_okay=False),
        help="Policy file (difftool.toml or a pyproject.toml with [tool.difftool]) instead of the one "
        "found upward from the working directory.",
    )(func)


def _counts(c: Comparison) -> str:
    s = c.summary()
    return ", ".join(f"{s[k.value]} {k.value}" for k in SEVERITY_ORDER)


def flavour_option(func: F) -> F:
    return click.option(
        "--flavour",
        type=click.Choice([f.value for f in TEXT_FLAVOURS]),
        default=None,
        help="Read text inputs as this extraction flavour instead of detecting it (docs/inputs.md); "
        ".pdf and .docx files are read as what they are.",
    )(func)


def _flavour(name: str | None) -> Flavour | None:
    return Flavour(name) if name else None


def engine_options(func: F) -> F:
    """-j, --engine, --scheduler: where corpus mode (group, batch, check --corpus) runs the grouping."""
    func = click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Corpus mode: worker processes (local engine; dask: local cluster workers).",
    )(func)
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: the cluster's scheduler (tcp://host:8786); default: a local cluster.",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="Corpus mode: where the grouping runs, this machine or a Dask cluster (docs/corpus.md).",
    )(func)
    return func


def common_compare_options(func: F) -> F:
    func = flavour_option(func)
    func = click.option(
        "--force", is_flag=True, help="Compare even when the files do not look like versions of one letter."
    )(func)
    func = click.option(
        "-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of standard output."
    )(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="difftool")
def cli() -> None:
    """Reconcile versions of the same official letter.

    \b
    Examples:
      difftool compare letter-ek.txt letter-tk.txt
      difftool check letter-ek.txt letter-tk.txt --fail-on editorial
      difftool inspect letter.txt --format json
      difftool report letter-ek.txt letter-tk.txt -o report.html
      difftool reconcile letter-docx.txt letter-tk.txt letter-ek.txt
      difftool group archive/ --format json
      difftool batch archive/ -o reports/
    """


@cli.command("compare")
@click.argument("a", type=LETTER)
@click.argument("b", type=LETTER)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html", "github", "junit"]), default="text", show_default=True
)
@click.option(
    "--all", "show_all", is_flag=True, help="List cosmetic differences too (they are only counted by default)."
)
@config_option
@common_compare_options
def compare_cmd(
    a: str,
    b: str,
    fmt: str,
    show_all: bool,
    config: str | None,
    output: str | None,
    force: bool,
    flavour: str | None,
) -> None:
    """Compare two versions A and B of a letter and report the differences that matter.

    The policy file (difftool.toml, found upward from the working directory) re-grades and
    ignores differences as it does for `check`; github and junit mark what `check` would fail.

    \b
    Examples:
      difftool compare samples/2026-06-22-jbz-ek.txt samples/2026-06-22-jbz-tk.txt
      difftool compare A.txt B.txt --format json -o comparison.json
      difftool compare A.txt B.txt --format junit -o difftool-junit.xml
    """
    _check_outputs((a, b, config), output)
    policy, sources = _load_policy(config)
    result = _run(Request(a, b, policy, options=Options(force=force), flavour=_flavour(flavour)))
    c = result.comparison
    if fmt in ("github", "junit"):
        status = [f"difftool compare: {_counts(c)}"]
        _write(_ci_document(fmt, c, result.judged, status, _ci_properties(policy.fail_on.value, sources)), output)
        return
    if fmt == "json":
        from difftool.render.jsonout import render_comparison

        _write(render_comparison(c), output)
        return
    if fmt == "html":
        _write(_html_report(c), output)
        return
    from difftool.render.styled import Out
    from difftool.render.text import render_compare

    buf = io.StringIO() if output else None
    render_compare(c, Out(buf), show_all)
    if buf is not None:
        _write(buf.getvalue(), output)


def _html_report(c: Comparison) -> str:
    from difftool.render.html import render_html

    return render_html(c)


@cli.command("report")
@click.argument("a", type=LETTER)
@click.argument("b", type=LETTER)
@config_option
@common_compare_options
def report_cmd(a: str, b: str, config: str | None, output: str | None, force: bool, flavour: str | None) -> None:
    """Write the comparison of A and B as one self-contained HTML file to open, read and share.

    The file needs no network: styles and script are inlined, and it reads fine without script.
    The policy file re-grades and ignores differences as it does for `compare`.

    \b
    Examples:
      difftool report samples/2026-06-22-jbz-ek.txt samples/2026-06-22-jbz-tk.txt -o report.html
    """
    _check_outputs((a, b, config), output)
    policy, _ = _load_policy(config)
    result = _run(Request(a, b, policy, options=Options(force=force), flavour=_flavour(flavour)))
    _write(_html_report(result.comparison), output)


@cli.command("check")
@click.argument("a", type=LETTER)
@click.argument("b", type=LETTER, required=False)
@click.argument("more", nargs=-1, type=LETTER)
@click.option(
    "--corpus",
    is_flag=True,
    help="The arguments are files and folders of a corpus: group the versions (as `group`) and check "
    "every group (as with three files); fails when any group does.",
)
@engine_options
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in SEVERITY_ORDER[:3]]),
    default=None,
    help="Lowest severity that fails the check.  [default: the policy's fail-on, else substantive]",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github", "junit"]), default="text", show_default=True
)
@click.option(
    "--review",
    "review_file",
    type=click.Path(dir_okay=False),
    help="Review file from `difftool review`: accepted and expected differences pass, rejected ones fail, "
    "differences it does not cover are judged by --fail-on.",
)
@config_option
@common_compare_options
def check_cmd(
    a: str,
    b: str | None,
    more: tuple[str, ...],
    corpus: bool,
    engine: str,
    scheduler: str | None,
    jobs: int,
    fail_on: str | None,
    fmt: str,
    review_file: str | None,
    config: str | None,
    output: str | None,
    force: bool,
    flavour: str | None,
) -> None:
    """CI gate: exit 0 when no difference at or above --fail-on remains, 1 when one does, 2 on error,
    3 when the policy file is invalid.

    Prints one line per failing difference (path:line:col: severity kind id: explanation);
    --format github annotates the files in a GitHub Actions run, --format junit writes a test
    report for GitLab, Jenkins or Azure. The policy file (difftool.toml or [tool.difftool] in
    pyproject.toml, found upward from the working directory) re-grades and ignores differences.

    \b
    Examples:
      difftool check letter-ek.txt letter-tk.txt
      difftool check letter.docx.txt letter.pdf.txt --fail-on editorial
      difftool check letter-ek.txt letter-tk.txt --review letter-ek.difftool-review.json
      difftool check letter-ek.txt letter-tk.txt --format junit -o difftool-junit.xml
      difftool check letter.docx.txt letter-tk.txt letter-ek.txt
      difftool check --corpus outbox/

    With three or more files the check reconciles them (as `difftool reconcile`, against the
    version with the most text) and fails when a variation point at or above --fail-on remains
    (text and json formats). With --corpus it finds the groups of versions under the paths first
    and fails when any group has such a point or cannot be reconciled (docs/corpus.md).
    """
    if corpus:
        from difftool.batch import Rules

        paths = (a, *(() if b is None else (b,)), *more)
        if review_file:
            fail("--review applies to one set of versions, not to --corpus")
        if fmt not in ("text", "json"):
            fail(f"--format {fmt} is for two files; with --corpus use text or json")
        _check_outputs((*paths, config), output)
        policy, _ = _load_policy(config)
        rules = Rules(policy, Severity(fail_on) if fail_on else None, Options(force=force), _flavour(flavour))
        sys.exit(_check_corpus(paths, rules, fmt, output, engine, jobs, scheduler))
    if b is None:
        raise click.UsageError("Missing argument 'B'.", click.get_current_context())
    if scheduler or engine != "local" or jobs != 1:
        fail("--engine, --scheduler and --jobs apply to --corpus")
    _check_outputs((a, b, *more, config, review_file), output)
    policy, sources = _load_policy(config)
    if more:
        from difftool.reconcile import ReconcileRequest

        if fmt not in ("text", "json"):
            fail(f"--format {fmt} compares two files; with {2 + len(more)} files use text or json")
        review = _read_review(review_file) if review_file else Review()
        request = ReconcileRequest(
            (a, b, *more),
            None,
            policy,
            review,
            Severity(fail_on) if fail_on else None,
            Options(force=force),
            _flavour(flavour),
        )
        sys.exit(_check_many(_reconcile(request), fmt, review_file, output))
    sys.exit(_check(a, b, policy, sources, fail_on, fmt, review_file, output, force, _flavour(flavour)))


def _reconcile(request: ReconcileRequest) -> Reconciliation:
    """The N-way pipeline, with its failures as one line and exit 2."""
    from difftool.reconcile import NotRelatedPair, read_versions, reconcile

    try:
        letters = read_versions(request)
    except InputError as exc:
        fail(str(exc))
    _warn_about(*letters)
    try:
        return reconcile(letters, request)
    except NotRelatedPair as exc:
        fail(f"{exc.a} and {exc.b} are {exc}")


def _reconcile_ui(
    files: tuple[str, ...],
    base: str | None,
    review_file: str | None,
    config: str | None,
    output: str | None,
    force: bool,
    flavour: str | None,
) -> None:
    """``reconcile --review-ui``: the N-way review screen (difftool/tui/nway.py)."""
    from difftool.reconcile import NotRelatedPair, ReconcileRequest
    from difftool.tui.nway import create_nway_app

    if output:
        fail("--review-ui shows the points in the terminal; drop -o/--output")
    if STDIN in files:
        fail(f"--review-ui reads its keys from the terminal, so a letter cannot come from standard input ({STDIN})")
    path = review_file or default_review_path(files[0])
    _check_outputs((*files, config), path)
    policy, _ = _load_policy(config)
    request = ReconcileRequest(
        files, _base_index(files, base), policy, Review(), None, Options(force=force), _flavour(flavour)
    )
    try:
        app = create_nway_app(request, path)
    except ReviewFileError as exc:
        fail(str(exc))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("--review-ui needs a terminal; in scripts use `difftool check V1 V2 V3 --review FILE`")
    app.run()
    if isinstance(app.error, NotRelatedPair):
        fail(f"{app.error.a} and {app.error.b} are {app.error}")
    if app.error is not None:
        fail(str(app.error))
    if app.view is not None:
        _warn_about(*app.view.reconciliation.letters)


def _check_many(r: Reconciliation, fmt: str, review_file: str | None, output: str | None) -> int:
    """The check of three or more versions: one line per failing variation point, then the status."""
    from difftool.render.reconcile_json import point_dict, point_line

    failing = r.failing
    decided = sum(1 for p in r.points if p.decision is not None)
    if fmt == "json":
        from difftool.render.jsonout import dumps

        doc: dict[str, object] = {
            "schema": "difftool.check/1",
            "passed": not failing,
            "fail_on": r.fail_on.value,
            "summary": r.summary(),
            "versions": [x.path for x in r.letters],
            "failing": [point_dict(p) for p in failing],
        }
        if review_file:
            doc["review"] = {"file": review_file, "covered": decided}
        _write(dumps(doc), output)
        return EXIT_FAIL if failing else EXIT_OK
    s = r.summary()
    counts = ", ".join(f"{s[k.value]} {k.value}" for k in SEVERITY_ORDER)
    status = "FAIL" if failing else "PASS"
    lines = [point_line(p, r.labels) for p in failing]
    lines.append(
        visible(
            f"difftool check: {status}: {len(failing)} variation point(s) among {len(r.letters)} versions "
            f"at or above {r.fail_on.value}{' or rejected in review' if review_file else ''} ({counts})"
        )
    )
    _write("\n".join(lines) + "\n", output)
    return EXIT_FAIL if failing else EXIT_OK


@cli.command("reconcile")
@click.argument("files", nargs=-1, required=True, type=LETTER)
@click.option(
    "--base",
    help="The version the others are aligned with: one of FILES, or its position (1 for the first).  "
    "[default: the version with the most text]",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="List cosmetic variation points too.")
@click.option(
    "--review",
    "review_file",
    type=click.Path(dir_okay=False),
    help="Review file: decisions on variation points, or on the pairwise differences against the base, apply.  "
    "With --review-ui: the file to read and update (default: next to the first file, its name + "
    ".difftool-review.json).",
)
@click.option(
    "--review-ui",
    is_flag=True,
    help="Review the variation points in the terminal (a column per version, enter opens a point's "
    "paragraph in every version) and record a verdict on each.",
)
@config_option
@common_compare_options
def reconcile_cmd(
    files: tuple[str, ...],
    base: str | None,
    fmt: str,
    show_all: bool,
    review_file: str | None,
    review_ui: bool,
    config: str | None,
    output: str | None,
    force: bool,
    flavour: str | None,
) -> None:
    """Reconcile two or more versions of a letter: one table of every place where they disagree.

    Each variation point lists what every version reads there, which versions carry each reading,
    its kind and severity (what `compare` says of the base's reading against the other), the
    majority reading, the odd one out, and which spelling the Dutch word list takes for right.
    Material only some versions have (an annex, a header) is one point per section.

    \b
    Examples:
      difftool reconcile samples/2026-06-22-jbz-docx.txt samples/2026-06-22-jbz-tk.txt samples/2026-06-22-jbz-ek.txt
      difftool reconcile v1.txt v2.txt v3.txt --base v2.txt --format json -o points.json
      difftool reconcile v1.txt v2.txt v3.txt --format html -o reconcile.html
      difftool reconcile v1.txt v2.txt v3.txt --review-ui --review v.difftool-review.json
    """
    from difftool.reconcile import ReconcileRequest

    if len(files) < 2:
        fail("reconcile needs at least two versions (try 'difftool reconcile --help')")
    if review_ui:
        if fmt != "text":
            fail(f"--review-ui shows the points in the terminal; drop --format {fmt}")
        _reconcile_ui(files, base, review_file, config, output, force, flavour)
        return
    _check_outputs((*files, config, review_file), output)
    policy, _ = _load_policy(config)
    review = _read_review(review_file) if review_file else Review()
    request = ReconcileRequest(
        files, _base_index(files, base), policy, review, None, Options(force=force), _flavour(flavour)
    )
    r = _reconcile(request)
    if fmt == "json":
        from difftool.render.reconcile_json import render_reconcile

        _write(render_reconcile(r), output)
        return
    if fmt == "html":
        from difftool.passages import passages
        from difftool.render.reconcile_html import render_reconcile_html
        from difftool.render.reconcile_json import reconcile_dict

        _write(render_reconcile_html(reconcile_dict(r), [passages(r, p) for p in r.points]), output)
        return
    from difftool.render.reconcile_text import render_reconcile as render_table

    buf = io.StringIO() if output else None
    render_table(r, _table_console(buf), show_all)
    if buf is not None:
        _write(buf.getvalue(), output)


def _base_index(files: Sequence[str], base: str | None) -> int | None:
    """``--base`` as an index into FILES: a file among them, or a 1-based position."""
    if base is None:
        return None
    if base in files:
        return files.index(base)
    if base.isdigit() and 1 <= int(base) <= len(files):
        return int(base) - 1
    for i, f in enumerate(files):
        with contextlib.suppress(OSError):
            if f != STDIN and os.path.samefile(f, base):
                return i
    fail(f"--base {base!r} is neither one of the files nor a position from 1 to {len(files)}")


def _check(
    a: str,
    b: str,
    policy: Policy,
    sources: Sources,
    fail_on_name: str | None,
    fmt: str,
    review_file: str | None,
    output: str | None,
    force: bool,
    flavour: Flavour | None,
) -> int:
    """One check of A against B, written to ``output``; returns the exit code."""
    review = _read_review(review_file) if review_file else Review()
    fail_on = Severity(fail_on_name) if fail_on_name else None
    result = _run(Request(a, b, policy, review, fail_on, Options(force=force), flavour))
    engine, c, judged = result.engine, result.comparison, result.judged
    fail_on_name = result.fail_on.value
    failing = result.failing
    covered = [j for j in judged if j.decision is not None]
    verdicts = {v.value: sum(1 for j in covered if j.decision and j.decision.verdict is v) for v in Verdict}
    stale = len(unmatched(review, (j.fingerprint for j in judged)))
    if fmt == "json":
        from difftool.render.jsonout import delta_dict, dumps

        doc = {
            "schema": "difftool.check/1",
            "passed": not failing,
            "fail_on": fail_on_name,
            "summary": c.summary(),
            "failing": [delta_dict(d) for d in failing],
        }
        if review_file:
            doc["review"] = {"file": review_file, "covered": len(covered), **verdicts, "unmatched": stale}
        if sources.file:
            ignored, regraded = policy_effect(engine, c)
            doc["policy"] = {"file": sources.file, "ignored": ignored, "regraded": regraded}
        _write(dumps(doc), output)
        return EXIT_FAIL if failing else EXIT_OK
    counts = _counts(c)
    status = "FAIL" if failing else "PASS"
    lines = []
    if sources.file:
        ignored, regraded = policy_effect(engine, c)
        lines.append(f"difftool check: policy {sources.file}: {ignored} difference(s) ignored, {regraded} re-graded")
    if review_file:
        lines.append(
            f"difftool check: review {review_file} covers {len(covered)} of {len(c.deltas)} difference(s) "
            f"({', '.join(f'{n} {v}' for v, n in verdicts.items())}); {stale} decision(s) match no difference"
        )
        lines.append(
            f"difftool check: {status}: {len(failing)} difference(s) rejected in review or "
            f"unreviewed at or above {fail_on_name} ({counts})"
        )
    else:
        lines.append(f"difftool check: {status}: {len(failing)} difference(s) at or above {fail_on_name} ({counts})")
    lines = [visible(line) for line in lines]  # they name the policy and review files
    if fmt == "text":
        from difftool.render.line import check_line

        found = [check_line(c, j.delta) + visible(_verdict_suffix(j.decision)) for j in judged if j.failing]
        _write("\n".join(found + lines) + "\n", output)
    else:
        props = _ci_properties(fail_on_name, sources, review_file)
        _write(_ci_document(fmt, c, judged, lines, props), output)
    return EXIT_FAIL if failing else EXIT_OK


def _ci_properties(fail_on: str, sources: Sources, review_file: str | None = None) -> list[tuple[str, str]]:
    """The rules a CI report was made under, for the JUnit suite's properties."""
    props = [("fail-on", fail_on)]
    if sources.file:
        props.append(("policy", sources.file))
    if review_file:
        props.append(("review", review_file))
    return props


def _ci_document(
    fmt: str, c: Comparison, judged: Sequence[Judged], status: list[str], props: list[tuple[str, str]]
) -> str:
    """GitHub workflow commands followed by the status lines, or JUnit XML; the XML must stay a
    clean document, so with junit the status lines go to stderr for the CI log."""
    from difftool.render.ci import render_github, render_junit

    if fmt == "github":
        return render_github(c, judged, status)
    click.echo("\n".join(status), err=True)
    return render_junit(c, judged, props)


def _read_review(path: str) -> Review:
    try:
        return load_review(path, missing_ok=False)
    except ReviewFileError as exc:
        fail(str(exc))


def _verdict_suffix(decision: Decision | None) -> str:
    """`` (rejected in review: note)`` after a check line the reviewer rejected."""
    if decision is None:
        return ""
    return f" ({decision.verdict.value} in review{': ' + decision.note if decision.note else ''})"


@cli.command("review")
@click.argument("a", type=LETTER)
@click.argument("b", type=LETTER)
@click.option(
    "--review",
    "review_file",
    type=click.Path(dir_okay=False),
    help="Review file to read and update (default: next to A, A's name + .difftool-review.json).",
)
@click.option("--force", is_flag=True, help="Compare even when the files do not look like versions of one letter.")
@config_option
@flavour_option
def review_cmd(a: str, b: str, review_file: str | None, force: bool, config: str | None, flavour: str | None) -> None:
    """Review the differences between A and B in the terminal and record a verdict on each.

    Every decision (accept, reject, expected) is saved to the review file at once; `difftool
    check --review FILE` then lets accepted and expected differences pass. Press ? for the keys.

    \b
    Examples:
      difftool review samples/2026-06-22-jbz-ek.txt samples/2026-06-22-jbz-tk.txt
      difftool review A.txt B.txt --review reviews/letter.json
    """
    from difftool.tui.app import create_app

    if STDIN in (a, b):
        fail(f"review reads its keys from the terminal, so a letter cannot come from standard input ({STDIN})")
    path = review_file or default_review_path(a)
    _check_outputs((a, b, config), path)
    policy, _ = _load_policy(config)
    try:
        app = create_app(Request(a, b, policy, options=Options(force=force), flavour=_flavour(flavour)), path)
    except ReviewFileError as exc:
        fail(str(exc))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("review needs a terminal; in scripts use `difftool check --review FILE`")
    app.run()
    if app.error is not None:
        _input_failure(app.error, a, b)
    if app.view is not None:
        _warn_about(app.view.comparison.a, app.view.comparison.b)


def letter_pairs(files: Sequence[str], mark_a: str, mark_b: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Pairs (A, B) among ``files``: a file whose name has ``mark_a`` pairs with the same name with
    ``mark_b`` (and back), whether or not the partner is among ``files`` (pre-commit passes only
    the staged ones). Returns the pairs in order, once each, and the files whose partner is missing."""
    pairs: list[tuple[str, str]] = []
    lonely: list[str] = []
    for path in files:
        head, name = os.path.split(path)
        if mark_a in name:
            pair = (path, os.path.join(head, _swap_last(name, mark_a, mark_b)))
        elif mark_b in name:
            pair = (os.path.join(head, _swap_last(name, mark_b, mark_a)), path)
        else:
            continue
        if not all(os.path.exists(p) for p in pair):
            lonely.append(path)
        elif pair not in pairs:
            pairs.append(pair)
    return pairs, lonely


def _swap_last(name: str, old: str, new: str) -> str:
    i = name.rindex(old)
    return name[:i] + new + name[i + len(old) :]


@cli.command("check-pairs")
@click.argument("files", nargs=-1, type=LETTER)
@click.option("--pair", "marks", default="-ek:-tk", show_default=True, help="A:B name markers that pair two files.")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in SEVERITY_ORDER[:3]]),
    default=None,
    help="Lowest severity that fails.  [default: the policy's fail-on, else substantive]",
)
@config_option
@flavour_option
def check_pairs_cmd(
    files: tuple[str, ...], marks: str, fail_on: str | None, config: str | None, flavour: str | None
) -> None:
    """Run `check` on every pair of letter versions among FILES (the pre-commit hook's entry).

    A file whose name holds the A marker (-ek) is checked against the same name with the B
    marker (-tk), and back; a file whose partner does not exist is noted and skipped. The exit
    code is the worst of the checks.

    \b
    Examples:
      difftool check-pairs letters/2026-06-22-jbz-ek.txt
      difftool check-pairs --pair=-docx:-pdf letters/*.txt
    """
    mark_a, sep, mark_b = marks.partition(":")
    if not (sep and mark_a and mark_b and mark_a != mark_b):
        fail(f"--pair must be two different markers A:B, not {marks!r}")
    pairs, lonely = letter_pairs(files, mark_a, mark_b)
    for path in lonely:
        click.echo(visible(f"difftool check-pairs: {path}: no partner version, skipped"), err=True)
    policy, sources = _load_policy(config)
    worst = EXIT_OK
    for a, b in pairs:
        worst = max(worst, _check(a, b, policy, sources, fail_on, "text", None, None, False, _flavour(flavour)))
    sys.exit(worst)


@cli.command("config")
@click.option("--show", is_flag=True, help="Print the effective policy as TOML, each value with where it came from.")
@config_option
def config_cmd(show: bool, config: str | None) -> None:
    """Validate the policy that `check` and `compare` would use here; --show prints it.

    The policy file is difftool.toml, or [tool.difftool] in pyproject.toml, found upward from the
    working directory (in one directory difftool.toml wins), or the file named by --config. Exit 0
    when it is valid or there is none, 3 when it is invalid (the message names file and line).

    \b
    Examples:
      difftool config
      difftool config --show
      difftool config --show --config ci/difftool.toml
    """
    from difftool.policy import policy_toml

    policy, sources = _load_policy(config)
    if show:
        click.echo(policy_toml(policy, sources), nl=False)
    elif sources.file:
        rules = len(policy.severity) + len(policy.expected) + len(policy.ignore)
        click.echo(f"difftool config: {sources.file}: valid ({rules} rule(s), fail-on {policy.fail_on.value})")
    else:
        click.echo(f"difftool config: {sources.how}; the defaults apply")


@cli.command("inspect")
@click.argument("file", type=LETTER)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of standard output.")
@click.option(
    "--text",
    "show_text",
    is_flag=True,
    help="Print the text that offsets index instead: the decoded file, or for .pdf/.docx the text difftool extracted.",
)
@flavour_option
def inspect_cmd(file: str, fmt: str, output: str | None, show_text: bool, flavour: str | None) -> None:
    """Show what difftool read from FILE: flavour, header, blocks, footnotes, signatories.

    \b
    Examples:
      difftool inspect samples/2026-06-22-jbz-tk.txt
      difftool inspect letter.txt --format json
      difftool inspect letter.pdf --text
    """
    _check_outputs((file,), output)
    try:
        letter, text = read_with_text(file, _flavour(flavour))
    except InputError as exc:
        fail(str(exc))
    _warn_about(letter)
    if show_text:
        _write(visible(text, keep="\t\n\f"), output)
        return
    if fmt == "json":
        from difftool.render.jsonout import render_letter

        _write(render_letter(letter), output)
        return
    from difftool.render.styled import Out
    from difftool.render.text import render_letter as render_text

    buf = io.StringIO() if output else None
    render_text(letter, Out(buf))
    if buf is not None:
        _write(buf.getvalue(), output)


@cli.command("group")
@click.argument("paths", nargs=-1, required=True, type=LETTER)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of standard output.")
@engine_options
@click.option("--no-evidence", is_flag=True, help="Text output: list the members only, not the pairs that join them.")
def group_cmd(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    engine: str,
    scheduler: str | None,
    jobs: int,
    no_evidence: bool,
) -> None:
    """Find which files under PATHS are versions of the same letter.

    Folders are read recursively; files that are not text (or .pdf/.docx) are reported and
    skipped. Each group lists its members (edition, flavour, header) and the evidence that joins
    them (shared text, aligned share, shared header fields).

    \b
    Examples:
      difftool group samples/
      difftool group archive/ --format json -o groups.json
      difftool group /shared/archive --engine dask --scheduler tcp://scheduler:8786
    """
    _check_outputs(paths, output)
    grouping = _group_corpus(paths, engine, jobs, scheduler)
    if fmt == "json":
        from difftool.render.groupjson import render_grouping

        _write(render_grouping(grouping), output)
        return
    from difftool.render.grouptext import render_grouping as render_text
    from difftool.render.styled import Out

    buf = io.StringIO() if output else None
    render_text(grouping, Out(buf), show_evidence=not no_evidence)
    if buf is not None:
        _write(buf.getvalue(), output)


@contextlib.contextmanager
def _corpus_session(engine: str, jobs: int, scheduler: str | None) -> Iterator[Any]:
    """The Dask client corpus mode runs both its halves on (--engine dask: grouping, then the
    reconciling of every group), or None on this machine."""
    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    if engine != "dask":
        yield None
        return
    from difftool.corpus import dask_client

    with contextlib.ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(scheduler, jobs))
        except ImportError:
            fail("--engine dask needs the 'dask' extra: pip install 'difftool[dask]'")
        except OSError as exc:  # a cluster that cannot be reached
            fail(f"{engine} engine: {exc}")
        yield client


def _group_corpus(paths: Sequence[str], engine: str, jobs: int, scheduler: str | None, client: Any = None) -> Grouping:
    """Corpus mode's first half, as `group` runs it: skipped files are warnings, nothing readable
    exits 2. On ``client`` when a session is open (batch, check --corpus)."""
    from difftool.corpus import group_paths

    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    with _status(f"grouping the files under {len(paths)} path(s)"):
        try:
            grouping = group_paths(list(paths), engine=engine, jobs=jobs, scheduler=scheduler, client=client)
        except ImportError:
            fail("--engine dask needs the 'dask' extra: pip install 'difftool[dask]'")
        except OSError as exc:  # a cluster that cannot be reached
            fail(f"{engine} engine: {exc}")
    for s in grouping.skipped:
        warn(f"{s.path}: {s.reason}; skipped")
    if not grouping.groups and not grouping.singles:
        fail(f"no readable file under {', '.join(paths)}")
    return grouping


def _stderr_console() -> Console | None:
    """A console on stderr for progress, only when stderr is a terminal (never in a CI log)."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@contextlib.contextmanager
def _status(message: str) -> Iterator[None]:
    console = _stderr_console()
    if console is None:
        yield
        return
    with console.status(message):
        yield


def _group_job(
    g: VersionGroup, rules: Rules, key: str, files: bool, lines: bool
) -> tuple[Outcome, tuple[tuple[str, str], ...], list[str]]:
    """One group reconciled through the one pipeline, where it runs (this process, a worker
    process with -j, or a Dask worker): the outcome without its reconciliation (which is large),
    with ``files`` its report files to write (names under the output folder, texts), and for
    ``check --corpus`` (``lines``) its failing points as check lines."""
    from difftool.batch import failed, group_id, reconcile_group
    from difftool.render.batchdir import group_files
    from difftool.render.reconcile_json import point_line

    try:
        o = reconcile_group(g, rules)
    except Exception as exc:  # one group never stops a run over thousands
        if os.environ.get("DIFFTOOL_DEBUG"):
            raise
        o = failed(group_id(g.paths), g, f"internal error: {type(exc).__name__}: {exc}")
    found: list[str] = []
    if lines and o.reconciliation is not None:
        found = [point_line(p, o.reconciliation.labels) for p in o.reconciliation.failing]
    elif lines and o.error:
        found = [visible(f"difftool check: {o.id} ({', '.join(o.group.paths)}): not reconciled: {o.error}")]
    return dataclasses.replace(o, reconciliation=None), group_files(o, key) if files else (), found


def _reconcile_groups(
    grouping: Grouping,
    rules: Rules,
    outdir: str | None,
    resume: bool,
    jobs: int,
    lines: bool = False,
    client: Any = None,
) -> tuple[list[Outcome], int, list[str]]:
    """Reconcile every group (on the Dask ``client`` when given, else in ``jobs`` worker processes
    when more than one), with a progress bar on a terminal. With ``outdir`` each group's reports
    are written here as soon as it is done, and with ``resume`` a group an earlier run finished
    under the same rules is taken from its record. Returns the outcomes in the grouping's order,
    how many were taken over, and the check lines."""
    from difftool.batch import group_id, group_key
    from difftool.render.batchdir import load_done, stamps, write_files

    groups = grouping.groups
    outcomes: list[Outcome | None] = [None] * len(groups)
    found: list[list[str]] = [[] for _ in groups]
    todo: list[tuple[int, str]] = []
    for i, g in enumerate(groups):
        key = group_key(rules, stamps(g.paths)) if outdir else ""
        done = load_done(outdir, group_id(g.paths), g, key) if outdir and resume else None
        if done is None:
            todo.append((i, key))
        outcomes[i] = done
    reused = len(groups) - len(todo)
    progress = _progress(len(groups), reused)

    def finish(i: int, result: tuple[Outcome, tuple[tuple[str, str], ...], list[str]]) -> None:
        outcomes[i], files, found[i] = result
        if outdir:
            write_files(outdir, files)
        if progress is not None:
            progress.advance(progress.task_ids[0])

    jobs_of = [(groups[i], rules, key, bool(outdir), lines) for i, key in todo]
    try:
        with progress if progress is not None else contextlib.nullcontext():
            if client is not None and todo:
                from dask.distributed import as_completed as dask_completed

                futures = [client.submit(_group_job, *job, pure=False) for job in jobs_of]
                index = {f.key: i for f, (i, _) in zip(futures, todo)}
                for future in dask_completed(futures):  # type: ignore[no-untyped-call]
                    finish(index[future.key], future.result())
            elif jobs <= 1 or len(todo) < 2:
                for (i, _), job in zip(todo, jobs_of):
                    finish(i, _group_job(*job))
            else:
                from concurrent.futures import ProcessPoolExecutor, as_completed

                with ProcessPoolExecutor(max_workers=jobs) as pool:
                    pending = {pool.submit(_group_job, *job): i for (i, _), job in zip(todo, jobs_of)}
                    for future in as_completed(pending):
                        finish(pending[future], future.result())
    except OSError as exc:
        fail(f"{outdir}: cannot write ({exc.strerror or exc})")
    return [o for o in outcomes if o is not None], reused, [line for part in found for line in part]


def _progress(total: int, done: int) -> Any:
    """A rich progress bar on stderr for the reconciling, only when stderr is a terminal."""
    console = _stderr_console()
    if console is None or not total:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("reconciling groups"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    progress.add_task("groups", total=total, completed=done)
    return progress


def _check_outdir(paths: Sequence[str], outdir: str) -> None:
    """Refuse an output folder inside an input folder (its reports would be read as letters the
    next time), unless a name on the way starts with ``.``, which the walk passes over."""
    real_out = os.path.realpath(outdir)
    for p in paths:
        real = os.path.realpath(p)
        if os.path.isfile(real) and real.startswith(real_out + os.sep):
            fail(f"{p} is inside the output folder {outdir}")
        if not os.path.isdir(real):
            continue
        rel = os.path.relpath(real_out, real)
        if rel == os.curdir or (
            not rel.startswith(os.pardir) and not any(c.startswith(".") for c in rel.split(os.sep))
        ):
            fail(
                f"the output folder {outdir} is inside {p}: its reports would be read as letters; choose another folder"
            )


@cli.command("batch")
@click.argument("paths", nargs=-1, required=True, type=LETTER)
@click.option(
    "-o",
    "--output-dir",
    "outdir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for index.html, summary.json and one report per group (created if needed).",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Keep the groups an earlier run into the same folder finished under the same rules; do the rest.",
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in SEVERITY_ORDER[:3]]),
    default=None,
    help="Lowest severity that makes a group fail.  [default: the policy's fail-on, else substantive]",
)
@click.option("--force", is_flag=True, help="Reconcile a group even when the relatedness gate doubts two members.")
@engine_options
@config_option
@flavour_option
def batch_cmd(
    paths: tuple[str, ...],
    outdir: str,
    resume: bool,
    fail_on: str | None,
    force: bool,
    engine: str,
    scheduler: str | None,
    jobs: int,
    config: str | None,
    flavour: str | None,
) -> None:
    """Find the groups of versions under PATHS and reconcile each: a report per group, an index.

    Writes OUTDIR/index.html (every group with its verdict, counts by severity and links; the
    files without another version; the skipped files), OUTDIR/summary.json (difftool.batch/1)
    and OUTDIR/groups/ID.html and ID.json per group, ID derived from the members' paths. Each
    group is written as soon as it is done, so --resume after an interruption does only the rest.
    A group that cannot be reconciled is listed with its error; exit 0 unless the input or the
    folder is unusable (2) or the policy file invalid (3).

    \b
    Examples:
      difftool batch outbox/ -o reports/
      difftool batch archive/ -o reports/ --resume -j 2
      difftool batch /shared/archive -o reports/ --engine dask --scheduler tcp://scheduler:8786
    """
    from difftool.batch import Batch, Rules
    from difftool.render.batchdir import write_index

    _check_outdir(paths, outdir)
    policy, _ = _load_policy(config)
    rules = Rules(policy, Severity(fail_on) if fail_on else None, Options(force=force), _flavour(flavour))
    try:
        os.makedirs(outdir, exist_ok=True)
    except OSError as exc:
        fail(f"{outdir}: cannot create the output folder ({exc.strerror or exc})")
    with _corpus_session(engine, jobs, scheduler) as client:
        grouping = _group_corpus(paths, engine, jobs, scheduler, client)
        outcomes, reused, _ = _reconcile_groups(grouping, rules, outdir, resume, jobs, client=client)
    b = Batch(grouping, tuple(outcomes), rules.threshold)
    try:
        write_index(outdir, b)
    except OSError as exc:
        fail(f"{outdir}: cannot write ({exc.strerror or exc})")
    click.echo(_batch_summary(b, outdir, reused), nl=False)


def _batch_summary(b: Batch, outdir: str | None, reused: int, limit: int = 10) -> str:
    """One screen: the totals, the groups that fail or could not be reconciled (at most ``limit``),
    and where the index is."""
    from difftool.batch import ERROR, FAIL

    g = b.grouping
    t = b.tally()
    files = sum(len(x.members) for x in g.groups) + len(g.singles)
    lines = [
        f"{files} file(s): {len(b.outcomes)} group(s) of versions ({t[FAIL]} fail, {t[ERROR]} not reconciled, "
        f"{t['pass']} pass at {b.fail_on.value}), {len(g.singles)} without another version, {len(g.skipped)} skipped"
    ]
    bad = [o for o in b.outcomes if o.status in (FAIL, ERROR)]
    for o in bad[:limit]:
        if o.status == ERROR:
            lines.append(f"  error  {o.id}  {o.error}")
        else:
            counts = ", ".join(f"{o.count(sev)} {sev.value}" for sev in SEVERITY_ORDER[:3])
            lines.append(f"  FAIL   {o.id}  {len(o.group.members)} versions: {o.failing} failing ({counts})  {o.base}")
    if limit and len(bad) > limit:
        lines.append(f"  … and {len(bad) - limit} more")
    if outdir is not None:
        done = len(b.outcomes) - reused
        lines.append(
            f"{os.path.join(outdir, 'index.html')}: {done} group(s) done in this run"
            + (f", {reused} kept from an earlier run" if reused else "")
        )
    return "".join(visible(line) + "\n" for line in lines)


def _check_corpus(
    paths: Sequence[str], rules: Rules, fmt: str, output: str | None, engine: str, jobs: int, scheduler: str | None
) -> int:
    """`check --corpus`: every group reconciled; exit 1 when one fails or cannot be reconciled."""
    from difftool.batch import Batch

    with _corpus_session(engine, jobs, scheduler) as client:
        grouping = _group_corpus(paths, engine, jobs, scheduler, client)
        outcomes, _, lines = _reconcile_groups(grouping, rules, None, False, jobs, lines=fmt == "text", client=client)
    b = Batch(grouping, tuple(outcomes), rules.threshold)
    if fmt == "json":
        from difftool.render.batchjson import render_batch

        _write(render_batch(b, links=False), output)
    else:
        status = "PASS" if b.passed else "FAIL"
        summary = _batch_summary(b, None, 0, limit=0)
        _write("\n".join([*lines, f"difftool check: {status}: {summary.rstrip()}"]) + "\n", output)
    return EXIT_OK if b.passed else EXIT_FAIL


def main() -> None:
    """Console-script entry point: every error is one line on stderr (usage errors too, with the
    help to try), and no traceback reaches the user unless DIFFTOOL_DEBUG is set."""
    try:
        code = cli.main(prog_name="difftool", standalone_mode=False)
    except SystemExit:
        raise
    except click.exceptions.NoArgsIsHelpError as exc:  # bare `difftool`: the help, as asked
        assert exc.ctx is not None
        click.echo(exc.ctx.get_help())
        sys.exit(EXIT_OK)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx is not None else "difftool"
        fail(f"{exc.format_message()} (try '{command} --help')")
    except click.ClickException as exc:
        fail(exc.format_message())
    except (KeyboardInterrupt, click.Abort):
        click.echo("difftool: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("DIFFTOOL_DEBUG"):
            raise
        fail(f"internal error: {type(exc).__name__}: {exc} (set DIFFTOOL_DEBUG=1 for details)")
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    main()
