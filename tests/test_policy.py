"""The policy file: every key, every precedence rule, every error (with its file and line).

Loading and applying are tested in process (they are pure but for reading the file); the
precedence between the command line, --config and the search upward is tested through the CLI.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest

from conftest import EK, ROOT, TK, run_cli
from difftool.engine import compare
from difftool.model import Comparison, Severity
from difftool.policy import EditionProfile, Policy, PolicyError, apply_policy, load_policy, policy_effect, policy_toml
from difftool.readers import read_letter


@cache
def ek_tk() -> Comparison:
    return compare(read_letter(str(EK)), read_letter(str(TK)))


def write(directory: Path, text: str, name: str = "difftool.toml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def policy_of(tmp_path: Path, text: str) -> Policy:
    return load_policy(str(tmp_path), str(write(tmp_path, text)))[0]


def by_id(c: Comparison) -> dict[str, tuple[Severity, str]]:
    return {d.id: (d.severity, d.explanation) for d in c.deltas}


def pick(kind: str, a: str, b: str) -> str:
    """The id of the one EK/TK delta of ``kind`` with text ``a`` in A and ``b`` in B: tests name a
    delta by what it is, so a change in numbering cannot point them at another one."""
    hits = [d.id for d in ek_tk().deltas if d.kind == kind and d.a.text == a and d.b.text == b]
    assert len(hits) == 1, (kind, a, b, hits)
    return hits[0]


def name_form() -> str:
    return pick("signatory-name-form", "Bart van den Brink", "G. van den Brink")


def tz_citation() -> str:
    """A TZ citation only EK's footnote carries (substantive)."""
    return pick("reference", "Kamerstukken II, 2025-2026, TZ202604-207", "")


def voor_van() -> str:
    """The EK sender line's 'VOOR' where TK has 'van' (substantive wording)."""
    return pick("wording", "VOOR", "van")


def chambers() -> str:
    """The addressee's chamber, 'Eerste' in EK and 'Tweede' in TK (expected, edition)."""
    return pick("edition", "Eerste", "Tweede")


def nr_or_letter() -> str:
    """EK's letter code 'QF' where TK has 'Nr. 1014' (expected, edition)."""
    return pick("edition", "QF", "Nr. 1014")


# --- each key ----------------------------------------------------------------------------------


def test_no_policy_changes_nothing() -> None:
    assert apply_policy(ek_tk(), Policy()) is ek_tk()


def test_fail_on(tmp_path: Path) -> None:
    assert policy_of(tmp_path, 'fail-on = "cosmetic"\n').fail_on is Severity.COSMETIC


def test_severity_of_a_kind(tmp_path: Path) -> None:
    c = apply_policy(ek_tk(), policy_of(tmp_path, '[severity]\nsignatory-name-form = "editorial"\n'))
    assert by_id(c)[name_form()] == (
        Severity.EDITORIAL,
        by_id(ek_tk())[name_form()][1] + " [policy: signatory-name-form is editorial]",
    )
    assert policy_effect(ek_tk(), c) == (0, 2)


def test_expected_pair_with_reason_and_kind(tmp_path: Path) -> None:
    text = (
        "[[expected]]\na = 'Eerste'\nb = 'Tweede'\nreason = 'chambers'\n"
        "[[expected]]\na = 'VOOR'\nb = 'van'\nreason = 'wrong kind'\nkind = 'reference'\n"
        "[[expected]]\na = 'Kamerstukken II, 2025-2026, TZ\\d+-\\d+'\nb = ''\nreason = 'TZ not cited'\n"
    )
    c = apply_policy(ek_tk(), policy_of(tmp_path, text))
    tz = tz_citation()
    assert by_id(ek_tk())[tz][0] is Severity.SUBSTANTIVE
    assert by_id(c)[tz][0] is Severity.EXPECTED and by_id(c)[tz][1].endswith("[policy: expected: TZ not cited]")
    assert by_id(ek_tk())[voor_van()][0] is Severity.SUBSTANTIVE
    assert by_id(c)[voor_van()] == by_id(ek_tk())[voor_van()]  # the kind does not match: untouched
    assert by_id(ek_tk())[chambers()][0] is Severity.EXPECTED
    assert by_id(c)[chambers()] == by_id(ek_tk())[chambers()]  # already expected: no note added


def test_expected_pattern_must_match_the_whole_text(tmp_path: Path) -> None:
    c = apply_policy(ek_tk(), policy_of(tmp_path, "[[expected]]\na = 'Kamerstukken'\nb = ''\nreason = 'r'\n"))
    assert by_id(c)[tz_citation()] == by_id(ek_tk())[tz_citation()]


def test_ignore_drops_deltas_made_only_of_the_pattern(tmp_path: Path) -> None:
    c = apply_policy(ek_tk(), policy_of(tmp_path, "[[ignore]]\npattern = '[–-]'\nreason = 'dashes'\n"))
    dropped = set(by_id(ek_tk())) - set(by_id(c))
    assert dropped and {d.kind for d in ek_tk().deltas if d.id in dropped} == {"dash-style"}
    nr = pick(
        "reference", "Kamerstukken II, 2025-2026, 32317, nr. 1007", "Kamerstukken II, 2025-2026, 32 317, nr. 1013"
    )
    assert nr in by_id(c)  # contains a dash, but is not only dashes
    assert policy_effect(ek_tk(), c) == (len(dropped), 0)


def test_ignore_a_per_edition_footer(tmp_path: Path) -> None:
    footer = "Tweede Kamer, vergaderjaar 2025–2026, 32 317, nr. 1014 3"
    d = dataclasses.replace(
        ek_tk().deltas[0],
        kind="page-furniture",
        a=dataclasses.replace(ek_tk().deltas[0].a, text=""),
        b=dataclasses.replace(ek_tk().deltas[0].b, text=f"{footer}\n{footer[:-1]}4"),
    )
    c = dataclasses.replace(ek_tk(), deltas=(d,))
    rule = "[[ignore]]\npattern = 'Tweede Kamer, vergaderjaar [^,]+, [\\d ]+, nr\\. \\d+ \\d+'\nreason = 'footer'\n"
    assert apply_policy(c, policy_of(tmp_path, rule)).deltas == ()
    assert apply_policy(c, policy_of(tmp_path, rule + "kind = 'wording'\n")).deltas == (d,)


def test_edition_profile_same_edition(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, 'edition-profile = "same-edition"\n')
    assert policy.edition_profile is EditionProfile.SAME_EDITION
    c = apply_policy(ek_tk(), policy)
    edition = [d.id for d in ek_tk().deltas if d.kind == "edition"]
    assert edition and all(by_id(c)[i][0] is Severity.SUBSTANTIVE for i in edition)
    unknown = dataclasses.replace(ek_tk(), edition_b=None)  # the headers do not tell: nothing to overrule
    assert apply_policy(unknown, policy).deltas == unknown.deltas


# --- precedence --------------------------------------------------------------------------------


def test_specific_rules_win_over_broad_ones(tmp_path: Path) -> None:
    text = (
        'edition-profile = "same-edition"\n[severity]\nedition = "cosmetic"\n'
        "[[expected]]\na = 'Eerste'\nb = 'Tweede'\nreason = 'chambers'\n"
    )
    c = apply_policy(ek_tk(), policy_of(tmp_path, text))
    assert by_id(c)[chambers()][0] is Severity.EXPECTED  # expected pattern > severity of the kind
    assert by_id(c)[nr_or_letter()][0] is Severity.COSMETIC  # severity of the kind > edition profile
    both = text + "[[ignore]]\npattern = 'Eerste|Tweede'\nreason = 'x'\n"
    assert chambers() not in by_id(apply_policy(ek_tk(), policy_of(tmp_path, both)))  # ignore > everything


def test_difftool_toml_wins_over_pyproject_in_one_directory(tmp_path: Path) -> None:
    write(tmp_path, '[tool.difftool]\nfail-on = "cosmetic"\n', "pyproject.toml")
    write(tmp_path, 'fail-on = "editorial"\n')
    policy, sources = load_policy(str(tmp_path))
    assert policy.fail_on is Severity.EDITORIAL and sources.file.endswith("difftool.toml")


def test_nearest_file_wins_and_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path, '[tool.difftool]\nfail-on = "cosmetic"\n', "pyproject.toml")
    write(tmp_path / "a", '[project]\nname = "x"\n', "pyproject.toml")
    policy, sources = load_policy(str(tmp_path / "a" / "b"))
    assert policy.fail_on is Severity.COSMETIC and sources.file.endswith("pyproject.toml")
    assert sources.of("fail-on").endswith("pyproject.toml:2") and sources.of("edition-profile") == "default"
    write(tmp_path / "a", 'fail-on = "editorial"\n')
    assert load_policy(str(tmp_path / "a" / "b"))[0].fail_on is Severity.EDITORIAL


def test_config_option_overrides_the_search(tmp_path: Path) -> None:
    write(tmp_path, 'fail-on = "editorial"\n')
    other = write(tmp_path / "ci", '[tool.difftool]\nfail-on = "cosmetic"\n', "pyproject.toml")
    policy, sources = load_policy(str(tmp_path), str(other))
    assert policy.fail_on is Severity.COSMETIC and sources.how == "--config"


def test_cli_precedence_fail_on_flag_over_policy_over_default(tmp_path: Path) -> None:
    a, b = str(EK), str(TK)
    assert "at or above substantive" in run_cli("check", a, b, cwd=str(tmp_path)).stdout
    write(tmp_path, 'fail-on = "cosmetic"\n')
    assert "at or above cosmetic" in run_cli("check", a, b, cwd=str(tmp_path)).stdout
    assert "at or above editorial" in run_cli("check", a, b, "--fail-on", "editorial", cwd=str(tmp_path)).stdout
    other = write(tmp_path / "ci", 'fail-on = "editorial"\n')
    r = run_cli("check", a, b, "--config", str(other), "--format", "json", cwd=str(tmp_path))
    assert '"fail_on": "editorial"' in r.stdout and f'"file": "{other}"' in r.stdout


def test_config_show_says_where_each_value_came_from(tmp_path: Path) -> None:
    write(tmp_path, '# team rules\nfail-on = "editorial"\n\n[severity]\nmoved = "editorial"\n')
    r = run_cli("config", "--show", cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert any(ln.startswith("fail-on = 'editorial'") and ln.endswith("# difftool.toml:2") for ln in lines)
    assert any(ln.startswith("edition-profile = 'auto'") and ln.endswith("# default") for ln in lines)
    assert any(ln.startswith("'moved' = 'editorial'") and ln.endswith("# difftool.toml:5") for ln in lines)
    assert run_cli("config", cwd=str(tmp_path)).stdout.startswith("difftool config: difftool.toml: valid")


def test_show_is_a_policy_file_that_loads_to_the_same_policy(tmp_path: Path) -> None:
    policy, sources = load_policy(str(ROOT), str(ROOT / "examples" / "difftool.toml"))
    again = write(tmp_path, policy_toml(policy, sources))
    assert load_policy(str(tmp_path), str(again))[0] == policy


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param('fail_on = "editorial"\n', 1, "unknown key 'fail_on'", id="unknown-key"),
        pytest.param(
            '\n\nfail-on = "expected"\n', 3, "fail-on must be one of substantive, editorial, cosmetic", id="fail-on"
        ),
        pytest.param('edition-profile = "ek"\n', 1, "edition-profile must be one of auto, same-edition", id="profile"),
        pytest.param('[severity]\nmoved = "minor"\n', 2, "severity.moved must be one of", id="severity-value"),
        pytest.param('severity = "editorial"\n', 1, "severity must be a table", id="severity-table"),
        pytest.param(
            "[[expected]]\na = 'x'\nb = '(y'\nreason = 'r'\n",
            3,
            "invalid regular expression in expected[1].b",
            id="expected-regex",
        ),
        pytest.param(
            "[[expected]]\na = 'x'\nb = 'y'\nreason = 'r'\n\n[[expected]]\na = '[x'\nb = 'y'\nreason = 'r'\n",
            7,
            "invalid regular expression in expected[2].a",
            id="second-rule",
        ),
        pytest.param("[[expected]]\na = 'x'\nb = 'y'\n", 1, "expected[1] needs 'reason'", id="expected-reason"),
        pytest.param(
            "[[expected]]\na = 'x'\nb = 'y'\nreason = 3\n", 4, "expected[1].reason must be a string", id="type"
        ),
        pytest.param(
            "[[ignore]]\npattern = 'x'\nreason = 'r'\nwhy = 'w'\n", 4, "unknown key 'why' in ignore[1]", id="rule-key"
        ),
        pytest.param("[[ignore]]\npattern = '\\s*'\nreason = 'r'\n", 2, "matches empty text", id="ignore-empty"),
        pytest.param("ignore = 'x'\n", 1, "ignore must be an array of tables", id="ignore-shape"),
        pytest.param("expected = [{a = 'x', b = '(', reason = 'r'}]\n", 1, "expected[1].b", id="inline-table"),
        pytest.param('fail-on = "editorial\n', 1, "not valid TOML", id="toml"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as err:
        load_policy(str(tmp_path), str(path))
    assert str(err.value).startswith(f"{path}:{line}: ") and message in str(err.value)


def test_errors_in_pyproject_point_into_the_tool_table(tmp_path: Path) -> None:
    write(
        tmp_path,
        '[project]\nname = "x"\n\n[tool.difftool]\nfail-on = "cosmetic"\n\n[tool.difftool.severity]\nmoved = "nope"\n',
        "pyproject.toml",
    )
    with pytest.raises(PolicyError, match=r"pyproject.toml:8: severity.moved must be one of"):
        load_policy(str(tmp_path))
    bare = write(tmp_path / "x", '[project]\nname = "x"\n', "pyproject.toml")
    with pytest.raises(PolicyError, match=r"pyproject.toml:1: no \[tool.difftool\] table"):
        load_policy(str(tmp_path), str(bare))


def test_invalid_policy_exits_3_with_one_line_for_every_command(tmp_path: Path) -> None:
    write(tmp_path, "[[expected]]\na = '('\nb = ''\nreason = 'r'\n")
    for args in (("check", str(EK), str(TK)), ("compare", str(EK), str(TK)), ("config",)):
        r = run_cli(*args, cwd=str(tmp_path))
        assert r.returncode == 3 and r.stdout == ""
        assert r.stderr.startswith("difftool: error: difftool.toml:2: invalid regular expression in expected[1].a")
        assert len(r.stderr.splitlines()) == 1
    r = run_cli("check", str(EK), str(TK), "--config", str(tmp_path / "missing.toml"))
    assert r.returncode == 3 and "no such policy file" in r.stderr


def test_unknown_kind_is_an_error_with_its_line(tmp_path: Path) -> None:
    write(tmp_path, '[severity]\nsignatory-name-from = "editorial"\n')
    with pytest.raises(PolicyError, match=r"difftool.toml:2: unknown delta kind 'signatory-name-from'"):
        load_policy(str(tmp_path))
    write(tmp_path, '[[ignore]]\npattern = "x"\nreason = "r"\nkind = "pagefurniture"\n')
    with pytest.raises(PolicyError, match=r"difftool.toml:4: unknown delta kind 'pagefurniture'"):
        load_policy(str(tmp_path))
