"""One pipeline for every face: read both versions, compare, apply the team's policy, apply the
reviewer's decisions.

``compare``, ``check``, ``check-pairs``, ``report`` and the review TUI all call :func:`run`, so
what one face shows is what another judges: the TUI lists the differences the policy left, and
``check --review`` judges exactly those. Reading is the only I/O here (through
:mod:`difftool.readers`); every later stage is a pure function of the value before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from difftool.engine import compare
from difftool.model import Comparison, Delta, Flavour, Letter, Options, Severity
from difftool.policy import Policy, apply_policy
from difftool.readers import read_letters
from difftool.review import Judged, Review, judge


@dataclass(frozen=True, slots=True)
class Request:
    """What to compare and under which rules."""

    a: str
    """Path of version A (``-`` for standard input)."""
    b: str
    """Path of version B."""
    policy: Policy = field(default_factory=Policy)
    """The team's policy (difftool.toml); the default changes nothing."""
    review: Review = field(default_factory=Review)
    """The reviewer's decisions; the default holds none."""
    fail_on: Severity | None = None
    """Lowest severity that fails; None: the policy's."""
    options: Options = field(default_factory=Options)
    """Engine options (``force`` to compare unrelated letters)."""
    flavour: Flavour | None = None
    """The extraction flavour of text inputs, when detection should be overridden."""


@dataclass(frozen=True, slots=True)
class Result:
    """A comparison after every stage, and what each stage left."""

    engine: Comparison
    """What the engine found, before the policy."""
    comparison: Comparison
    """After the policy: re-graded, ignored and expected differences applied."""
    judged: tuple[Judged, ...]
    """Every difference of ``comparison`` with the reviewer's decision and whether it fails."""
    fail_on: Severity

    @property
    def failing(self) -> tuple[Delta, ...]:
        return tuple(j.delta for j in self.judged if j.failing)


def read(request: Request) -> tuple[Letter, Letter]:
    """Both versions, read and parsed. Raises InputError with a one-line message."""
    a, b = read_letters((request.a, request.b), request.flavour)
    return a, b


def evaluate(a: Letter, b: Letter, request: Request) -> Result:
    """Compare two read letters and apply the policy and the review (pure)."""
    engine = compare(a, b, request.options)
    comparison = apply_policy(engine, request.policy)
    fail_on = request.fail_on or request.policy.fail_on
    return Result(engine, comparison, tuple(judge(comparison.deltas, request.review, fail_on)), fail_on)


def run(request: Request) -> Result:
    """Read, compare, apply policy, apply review. Raises InputError or NotRelatedError."""
    return evaluate(*read(request), request)
