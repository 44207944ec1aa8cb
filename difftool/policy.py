"""A team's own rules for the check, kept in a file next to the letters instead of in code.

A policy lives in ``difftool.toml`` or under ``[tool.difftool]`` in ``pyproject.toml``, found
upward from the working directory (or named with ``--config``). Loading it is the only part that
touches files (``load_policy``); applying it (``apply_policy``) is a pure stage after the engine:
it re-grades or drops deltas and never reaches into the classifier, so what the engine decided
and what a team decided stay apart and each can be tested alone.

Headless on purpose (no textual, rich or click): the CLI and any other face share it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from difftool.errors import DifftoolError
from difftool.model import KINDS, SEVERITY_ORDER, Comparison, Delta, Severity

POLICY_FILE = "difftool.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "difftool")


class PolicyError(DifftoolError):
    """The policy file cannot be read or says something difftool does not understand.

    The message starts with ``file:line:`` so an editor or a CI log can jump to the place."""


class EditionProfile(StrEnum):
    """What the team knows about the editions of the pairs it compares."""

    AUTO = "auto"
    """Trust the headers: differences that follow from two editions are expected."""
    SAME_EDITION = "same-edition"
    """The pair must be one edition (a draft against its publication): a difference the engine
    calls expected because the headers name two editions is a real error, so it is substantive."""


@dataclass(frozen=True, slots=True)
class ExpectedRule:
    """A difference the team expects: A's changed text matches ``a`` and B's matches ``b``."""

    a: re.Pattern[str]
    b: re.Pattern[str]
    reason: str
    kind: str | None = None
    """Only deltas of this kind, when set."""


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """Text that is no difference at all (a per-edition footer line): a delta whose changed text
    on both sides is nothing but matches of ``pattern`` (and whitespace) is dropped."""

    pattern: re.Pattern[str]
    reason: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    """The effective rules. ``Policy()`` is what difftool does without a policy file."""

    fail_on: Severity = Severity.SUBSTANTIVE
    edition_profile: EditionProfile = EditionProfile.AUTO
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    """Severity per delta kind, overriding the engine's."""
    expected: tuple[ExpectedRule, ...] = ()
    ignore: tuple[IgnoreRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Sources:
    """Where the effective policy came from: the file (``None`` when none was found) and, for each
    key, ``file:line`` or ``default``."""

    file: str | None
    how: str
    """How the file was found: ``--config``, ``found upward from DIR``, or why there is none."""
    where: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def of(self, key: str) -> str:
        return self.where.get(key, "default")


# --- applying ----------------------------------------------------------------------------------


def apply_policy(c: Comparison, policy: Policy) -> Comparison:
    """The comparison as the team's rules see it: ignored deltas dropped, the others re-graded.

    Rules are applied from the broadest to the most specific, the last that applies wins: the
    edition profile, then the severity of the kind, then an expected pattern; an ignore pattern
    drops the delta whatever the others say. Ids stay the engine's, so ``d9`` is the same delta
    with or without a policy. A re-graded delta says why at the end of its explanation."""
    if policy == Policy():
        return c
    kept = tuple(_regrade(d, policy, c.editions_differ) for d in c.deltas if not _ignored(d, policy))
    return dataclasses.replace(c, deltas=kept)


def policy_effect(before: Comparison, after: Comparison) -> tuple[int, int]:
    """How many deltas the policy dropped and how many it re-graded, for the status line."""
    graded = {d.id: d.severity for d in after.deltas}
    regraded = sum(1 for d in before.deltas if d.id in graded and graded[d.id] is not d.severity)
    return len(before.deltas) - len(after.deltas), regraded


def _regrade(d: Delta, policy: Policy, editions_differ: bool) -> Delta:
    severity, why = d.severity, ""
    if policy.edition_profile is EditionProfile.SAME_EDITION and editions_differ and d.kind == "edition":
        severity, why = Severity.SUBSTANTIVE, "edition-profile same-edition"
    if d.kind in policy.severity:
        severity, why = policy.severity[d.kind], f"{d.kind} is {policy.severity[d.kind].value}"
    rule = next((r for r in policy.expected if _expects(r, d)), None)
    if rule is not None:
        severity, why = Severity.EXPECTED, f"expected: {rule.reason}"
    if severity is d.severity:
        return d
    return dataclasses.replace(d, severity=severity, explanation=f"{d.explanation} [policy: {why}]")


def _squash(text: str) -> str:
    """Whitespace folded, so a pattern need not know how a version was wrapped."""
    return " ".join(text.split())


def _expects(rule: ExpectedRule, d: Delta) -> bool:
    if rule.kind is not None and rule.kind != d.kind:
        return False
    return bool(rule.a.fullmatch(_squash(d.a.text)) and rule.b.fullmatch(_squash(d.b.text)))


def _ignored(d: Delta, policy: Policy) -> bool:
    return any(_covers(r, d) for r in policy.ignore)


def _covers(rule: IgnoreRule, d: Delta) -> bool:
    """Both changed texts are only matches of the pattern (an empty side is trivially covered),
    and the pattern matched something: an ignore rule never swallows a change it did not see."""
    if rule.kind is not None and rule.kind != d.kind:
        return False
    sides = [t for t in (d.a.text, d.b.text) if t.strip()]
    return bool(sides) and all(rule.pattern.search(t) and not rule.pattern.sub("", t).strip() for t in sides)


# --- loading -----------------------------------------------------------------------------------


def find_policy_file(start_dir: str) -> tuple[str, tuple[str, ...]] | None:
    """The nearest ``difftool.toml``, or ``pyproject.toml`` with a ``[tool.difftool]`` table, from
    ``start_dir`` upward; in one directory ``difftool.toml`` wins. Returns the path and the table
    the policy lives in."""
    here = os.path.abspath(start_dir)
    while True:
        own = os.path.join(here, POLICY_FILE)
        if os.path.isfile(own):
            return own, ()
        pyproject = os.path.join(here, PYPROJECT)
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject, PYPROJECT_TABLE
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _has_tool_table(path: str) -> bool:
    """Whether a pyproject.toml holds ``[tool.difftool]``; a broken one is reported when it does."""
    text = _read(path)
    if "difftool" not in text:
        return False
    return PYPROJECT_TABLE[1] in _parse(path, text).get("tool", {})


def load_policy(start_dir: str, config_path: str | None = None) -> tuple[Policy, Sources]:
    """The effective policy and where each value came from. ``config_path`` (``--config``)
    overrides the search; a pyproject.toml named there must hold ``[tool.difftool]``.

    Raises PolicyError, with ``file:line:``, for a file that is unreadable, not TOML, has an
    unknown key, a wrong value or a regular expression that does not compile."""
    table: tuple[str, ...]
    if config_path is not None:
        table = PYPROJECT_TABLE if os.path.basename(config_path) == PYPROJECT else ()
        path, how = config_path, "--config"
    else:
        found = find_policy_file(start_dir)
        if found is None:
            return Policy(), Sources(
                None,
                f"no {POLICY_FILE} or [tool.difftool] in {PYPROJECT} found upward from {os.path.abspath(start_dir)}",
            )
        (path, table), how = (_display(found[0]), found[1]), f"found upward from {os.path.abspath(start_dir)}"
    text = _read(path)
    doc = _parse(path, text)
    for name in table:
        if not isinstance(doc.get(name), dict):
            raise PolicyError(f"{path}:1: no [{'.'.join(table)}] table")
        doc = doc[name]
    lines = _key_lines(text)
    policy, where = _build(doc, _Locator(path, table, lines))
    return policy, Sources(path, how, MappingProxyType(where))


def _display(path: str) -> str:
    """A found file as messages show it: relative to the working directory when it lies in it or
    in one of its parents (``../difftool.toml``), else absolute."""
    rel = os.path.relpath(path)
    steps = os.path.dirname(rel).split(os.sep) if os.path.dirname(rel) else []
    return rel if os.pardir not in steps or set(steps) == {os.pardir} else path


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise PolicyError(f"{path}: no such policy file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot read policy file ({getattr(exc, 'strerror', None) or exc})") from None


def _parse(path: str, text: str) -> dict[str, Any]:
    import tomllib  # only when there is a policy file

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"at line (\d+)", str(exc))
        raise PolicyError(f"{path}:{line.group(1) if line else 1}: not valid TOML: {exc}") from None


# --- validation --------------------------------------------------------------------------------

_TOP_KEYS = ("fail-on", "edition-profile", "severity", "expected", "ignore")
_RULE_KEYS = {"expected": ("a", "b", "reason", "kind"), "ignore": ("pattern", "reason", "kind")}
_FAILING = tuple(s.value for s in SEVERITY_ORDER[:3])
_SEVERITIES = tuple(s.value for s in SEVERITY_ORDER)


@dataclass(frozen=True, slots=True)
class _Locator:
    """Turns a key path inside the policy table into ``file:line`` for messages and sources."""

    path: str
    table: tuple[str, ...]
    lines: Mapping[tuple[str | int, ...], int]

    def line(self, *key: str | int) -> int:
        """Line of the key, else of its nearest enclosing key or table, else 1."""
        full = self.table + key
        for n in range(len(full), 0, -1):
            if full[:n] in self.lines:
                return self.lines[full[:n]]
        return 1

    def at(self, *key: str | int) -> str:
        return f"{self.path}:{self.line(*key)}"

    def error(self, message: str, *key: str | int) -> PolicyError:
        return PolicyError(f"{self.at(*key)}: {message}")


def _build(doc: dict[str, Any], loc: _Locator) -> tuple[Policy, dict[str, str]]:
    for key in doc:
        if key not in _TOP_KEYS:
            raise loc.error(f"unknown key {key!r} (known: {', '.join(_TOP_KEYS)})", key)
    where = {key: loc.at(key) for key in doc if key in ("fail-on", "edition-profile")}
    fail_on = Severity(_choice(doc, "fail-on", _FAILING, loc)) if "fail-on" in doc else Severity.SUBSTANTIVE
    profile = (
        EditionProfile(_choice(doc, "edition-profile", tuple(EditionProfile), loc))
        if "edition-profile" in doc
        else EditionProfile.AUTO
    )
    severity = _severity_table(doc.get("severity", {}), loc, where)
    expected = tuple(_expected_rule(raw, n, loc, where) for n, raw in _rules(doc, "expected", loc))
    ignore = tuple(_ignore_rule(raw, n, loc, where) for n, raw in _rules(doc, "ignore", loc))
    return Policy(fail_on, profile, MappingProxyType(severity), expected, ignore), where


def _choice(table: Mapping[str, Any], key: str, allowed: tuple[str, ...], loc: _Locator, *at: str | int) -> str:
    value = table[key]
    if value not in allowed:
        name = ".".join(map(str, (*at, key)))
        raise loc.error(f"{name} must be one of {', '.join(allowed)}, not {value!r}", *at, key)
    return str(value)


def _severity_table(raw: Any, loc: _Locator, where: dict[str, str]) -> dict[str, Severity]:
    if not isinstance(raw, dict):
        raise loc.error("severity must be a table of kind = severity", "severity")
    out: dict[str, Severity] = {}
    for kind in raw:
        _known_kind(kind, loc, "severity", kind)
        out[kind] = Severity(_choice(raw, kind, _SEVERITIES, loc, "severity"))
        where[f"severity.{kind}"] = loc.at("severity", kind)
    return out


def _rules(doc: dict[str, Any], name: str, loc: _Locator) -> Iterator[tuple[int, dict[str, Any]]]:
    """The entries of an array of tables, each checked for unknown and missing keys."""
    raw = doc.get(name, [])
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise loc.error(f"{name} must be an array of tables ([[{name}]])", name)
    allowed = _RULE_KEYS[name]
    for n, rule in enumerate(raw):
        for key in rule:
            if key not in allowed:
                raise loc.error(f"unknown key {key!r} in {name}[{n + 1}] (known: {', '.join(allowed)})", name, n, key)
        for key in allowed:
            if key == "kind":
                continue
            if key not in rule:
                raise loc.error(f"{name}[{n + 1}] needs {key!r}", name, n)
            if not isinstance(rule[key], str):
                raise loc.error(f"{name}[{n + 1}].{key} must be a string", name, n, key)
        yield n, rule


def _regex(rule: dict[str, Any], name: str, n: int, key: str, loc: _Locator) -> re.Pattern[str]:
    try:
        return re.compile(rule[key])
    except re.error as exc:
        raise loc.error(f"invalid regular expression in {name}[{n + 1}].{key}: {exc}", name, n, key) from None


def _kind(rule: dict[str, Any], name: str, n: int, loc: _Locator) -> str | None:
    kind = rule.get("kind")
    if kind is not None and not isinstance(kind, str):
        raise loc.error(f"{name}[{n + 1}].kind must be a string", name, n, "kind")
    if kind is not None:
        _known_kind(kind, loc, name, n, "kind")
    return kind


def _known_kind(kind: str, loc: _Locator, *at: str | int) -> None:
    """A misspelt kind would silently match nothing: refuse it."""
    if kind not in KINDS:
        raise loc.error(f"unknown delta kind {kind!r} (known: {', '.join(sorted(KINDS))})", *at)


def _expected_rule(rule: dict[str, Any], n: int, loc: _Locator, where: dict[str, str]) -> ExpectedRule:
    where[f"expected[{n + 1}]"] = loc.at("expected", n)
    return ExpectedRule(
        _regex(rule, "expected", n, "a", loc),
        _regex(rule, "expected", n, "b", loc),
        rule["reason"],
        _kind(rule, "expected", n, loc),
    )


def _ignore_rule(rule: dict[str, Any], n: int, loc: _Locator, where: dict[str, str]) -> IgnoreRule:
    where[f"ignore[{n + 1}]"] = loc.at("ignore", n)
    pattern = _regex(rule, "ignore", n, "pattern", loc)
    if pattern.fullmatch(""):
        raise loc.error(
            f"ignore[{n + 1}].pattern matches empty text and would hide every change", "ignore", n, "pattern"
        )
    return IgnoreRule(pattern, rule["reason"], _kind(rule, "ignore", n, loc))


# --- line numbers (tomllib does not keep them) -------------------------------------------------

_TABLE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
_PART = re.compile(r"""[A-Za-z0-9_-]+|"([^"]*)"|'([^']*)'""")


def _key_parts(dotted: str) -> tuple[str, ...]:
    return tuple(
        m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(0)
        for m in _PART.finditer(dotted)
    )


def _key_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """The line of each table header and key assignment, as key paths; an entry of an array of
    tables is numbered from 0 like the parsed list. Good enough for policy files: a line inside a
    multi-line string that looks like ``key =`` could mislead it, and then a message points at
    that line instead of the key's."""
    lines: dict[tuple[str | int, ...], int] = {}
    arrays: dict[tuple[str, ...], int] = {}
    current: tuple[str | int, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        table = _TABLE.match(line)
        if table:
            name = _key_parts(table.group(2))
            if table.group(1) == "[[":
                arrays[name] = arrays.get(name, -1) + 1
                current = (*name, arrays[name])
                lines.setdefault(name, number)
            else:
                current = name
            lines.setdefault(current, number)
            continue
        assign = _ASSIGN.match(line)
        if assign:
            lines.setdefault((*current, *_key_parts(assign.group(1))), number)
    return lines


# --- showing -----------------------------------------------------------------------------------


def _toml_string(text: str) -> str:
    """A TOML string: literal (as written in a policy, backslashes kept) when it can be, else basic."""
    if "'" not in text and "\n" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def _line(assignment: str, source: str) -> str:
    return f"{assignment:<48} # {source}"


def policy_toml(policy: Policy, sources: Sources) -> str:
    """The effective policy as a difftool.toml, each value commented with where it came from, so
    ``difftool config --show`` answers "why does the check say that?" and can be copied."""
    out = [f"# policy file: {sources.file or 'none'} ({sources.how})"]
    out.append(_line(f"fail-on = {_toml_string(policy.fail_on.value)}", sources.of("fail-on")))
    out.append(_line(f"edition-profile = {_toml_string(policy.edition_profile.value)}", sources.of("edition-profile")))
    out.append("\n[severity]")
    for kind, severity in policy.severity.items():
        out.append(_line(f"{_toml_string(kind)} = {_toml_string(severity.value)}", sources.of(f"severity.{kind}")))
    for n, rule in enumerate(policy.expected, start=1):
        out.append(f"\n[[expected]]  # {sources.of(f'expected[{n}]')}")
        out.extend(
            f"{k} = {_toml_string(v)}"
            for k, v in _rule_fields(
                ("a", rule.a.pattern), ("b", rule.b.pattern), ("reason", rule.reason), ("kind", rule.kind)
            )
        )
    for n, ignore in enumerate(policy.ignore, start=1):
        out.append(f"\n[[ignore]]  # {sources.of(f'ignore[{n}]')}")
        out.extend(
            f"{k} = {_toml_string(v)}"
            for k, v in _rule_fields(
                ("pattern", ignore.pattern.pattern), ("reason", ignore.reason), ("kind", ignore.kind)
            )
        )
    return "\n".join(out) + "\n"


def _rule_fields(*fields: tuple[str, str | None]) -> list[tuple[str, str]]:
    return [(k, v) for k, v in fields if v is not None]
