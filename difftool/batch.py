"""Corpus mode, second half: reconcile every group of versions (``difftool batch``, ``check --corpus``).

:mod:`difftool.corpus` finds the groups; this module reconciles one group at a time through the
one N-way pipeline (:func:`difftool.reconcile.run`: every version against a base through
:func:`difftool.pipeline.evaluate`, with the policy) and keeps of each what the index and the
summary need: an :class:`Outcome`. A group that cannot be reconciled (a member unreadable since
it was grouped, two members the relatedness gate turns down) is an outcome too, with its error:
one group never stops a run over thousands.

Resuming rests on two keys, both derived from content, never from the order of a run:

- :func:`group_id`: a hash of the members' absolute paths, sorted; the file names of a group's
  reports. The same files give the same id in every run, whatever else the corpus holds.
- :func:`group_key`: a hash of the rules (difftool version, policy, threshold, flavour, force)
  and of each member's size and modification time. A finished group whose recorded key matches
  is not done again; change the policy or a member and it is.

Pure apart from :func:`reconcile_group`, which reads the members (as ``reconcile.run`` does);
writing the reports is :mod:`difftool.render.batchdir`'s, at the edge. No textual, rich or click.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from importlib.metadata import PackageNotFoundError, version
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from difftool.engine import NotRelatedError
from difftool.model import SEVERITY_ORDER, Flavour, Options, Severity
from difftool.policy import Policy
from difftool.reconcile import NotRelatedPair, ReconcileRequest, Reconciliation, run
from difftool.sources import InputError

if TYPE_CHECKING:
    from difftool.grouping import Grouping, VersionGroup  # numpy: only when a corpus is grouped

SCHEMA = "difftool.batch/1"
PASS, FAIL, ERROR = "pass", "fail", "error"


@dataclass(frozen=True, slots=True)
class Rules:
    """What every group is reconciled under (as ``check`` and ``reconcile`` take them)."""

    policy: Policy = field(default_factory=Policy)
    fail_on: Severity | None = None
    """Lowest severity that fails; None: the policy's."""
    options: Options = field(default_factory=Options)
    flavour: Flavour | None = None

    @property
    def threshold(self) -> Severity:
        return self.fail_on or self.policy.fail_on

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled for worker processes (-j): the policy's read-only mappings travel as dicts."""
        policy = {
            f.name: dict(v) if isinstance(v := getattr(self.policy, f.name), MappingProxyType) else v
            for f in fields(self.policy)
        }
        return (_rules, (policy, self.fail_on, self.options, self.flavour))


def _rules(policy: dict[str, Any], fail_on: Severity | None, options: Options, flavour: Flavour | None) -> Rules:
    frozen: dict[str, Any] = {k: MappingProxyType(v) if isinstance(v, dict) else v for k, v in policy.items()}
    return Rules(Policy(**frozen), fail_on, options, flavour)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one group: the verdict and counts the index shows, or the error."""

    id: str
    """Stable id (:func:`group_id`), the stem of the group's report files."""
    group: VersionGroup
    status: str
    """``pass``, ``fail`` (a variation point at or above the threshold) or ``error``."""
    error: str | None = None
    """Why the group could not be reconciled (one line), for ``error``."""
    base: str | None = None
    """Path of the version the others were aligned with."""
    counts: tuple[int, ...] = ()
    """Variation points per severity, in :data:`~difftool.model.SEVERITY_ORDER`; () on error."""
    failing: int = 0
    """Variation points that fail the check."""
    reconciliation: Reconciliation | None = field(default=None, compare=False, repr=False)
    """The full answer, when reconciled in this run (None when taken from an earlier run)."""

    def count(self, severity: Severity) -> int:
        return self.counts[SEVERITY_ORDER.index(severity)] if self.counts else 0


@dataclass(frozen=True, slots=True)
class Batch:
    """The answer of ``difftool batch``: the grouping and an outcome per group, in its order."""

    grouping: Grouping
    outcomes: tuple[Outcome, ...]
    fail_on: Severity

    @property
    def passed(self) -> bool:
        """Every group reconciled and none fails (what ``check --corpus`` exits 0 on)."""
        return all(o.status == PASS for o in self.outcomes)

    def tally(self) -> dict[str, int]:
        return {s: sum(1 for o in self.outcomes if o.status == s) for s in (PASS, FAIL, ERROR)}


def group_id(paths: Sequence[str]) -> str:
    """``v`` and 16 hex digits of the SHA-256 of the members' absolute paths, sorted: the same
    group of files has the same id in every run (paths as given are made absolute, so running
    from another folder does not change it)."""
    names = sorted(os.path.normpath(os.path.abspath(p)) for p in paths)
    return "v" + hashlib.sha256("\n".join(names).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _difftool_version() -> str:
    try:
        return version("difftool")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def group_key(rules: Rules, stamps: Sequence[tuple[str, int, int]]) -> str:
    """The key a finished group's record must carry to be taken as done on ``--resume``: the
    rules it was reconciled under and each member's (path, size, mtime in ns)."""
    text = repr((_difftool_version(), repr(rules), sorted(stamps)))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def outcome_of(gid: str, group: VersionGroup, r: Reconciliation) -> Outcome:
    """The outcome of a reconciled group (pure)."""
    s = r.summary()
    failing = len(r.failing)
    return Outcome(
        gid,
        group,
        FAIL if failing else PASS,
        None,
        r.letters[r.base].path,
        tuple(s[sev.value] for sev in SEVERITY_ORDER),
        failing,
        r,
    )


def failed(gid: str, group: VersionGroup, message: str) -> Outcome:
    return Outcome(gid, group, ERROR, " ".join(message.split()))


def reconcile_group(group: VersionGroup, rules: Rules) -> Outcome:
    """Reconcile one group through the one pipeline; what stops it is the group's error, never raised."""
    gid = group_id(group.paths)
    request = ReconcileRequest(
        group.paths, None, rules.policy, fail_on=rules.fail_on, options=rules.options, flavour=rules.flavour
    )
    try:
        r = run(request)
    except NotRelatedPair as exc:
        return failed(gid, group, f"{exc.a} and {exc.b} are {exc}")
    except (InputError, NotRelatedError) as exc:
        return failed(gid, group, str(exc))
    return outcome_of(gid, group, r)
