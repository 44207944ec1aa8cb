"""Where the stages of :mod:`difftool.grouping` run: in this process (``local``), or on Dask.

Both engines run the same functions on the same values and assemble the answer with the same
:func:`~difftool.grouping.assemble`, so they give identical groups; only the placement differs:

- ``local``: stage 1 (read and fingerprint each file) and stage 3 (verify each connected
  component of candidates) run in this process, or in ``jobs`` worker processes
  (``concurrent.futures``); stage 2 (LSH, in numpy) runs here.
- ``dask``: stages 1 and 3 are ``dask.bag`` maps computed on a ``dask.distributed`` cluster, the
  one at ``scheduler`` or a ``LocalCluster`` started for the run; stage 2 runs on the client, which
  holds only the fingerprints (about 2 kB a file). Every worker must see the files under the same
  paths (a shared file system); docs/corpus.md says how to point it at a real cluster.

The engines hand the stages plain paths and frozen values, never open files, so both pickle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from difftool.grouping import (
    DEFAULT_OPTIONS,
    Candidate,
    Evidence,
    Fingerprint,
    Grouping,
    GroupOptions,
    Skipped,
    assemble,
    candidates,
    common_shingles,
    fingerprint_file,
    in_sorted,
    split_by_component,
    verify_component,
)
from difftool.walk import walk

ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class _Verify:
    """One unit of stage-3 work: a component's fingerprints and its candidate pairs (re-indexed)."""

    fps: tuple[Fingerprint, ...]
    pairs: tuple[Candidate, ...]
    common: bytes
    """The corpus's common shingles that the component's files have (little-endian 32-bit)."""


def _work(
    fps: Sequence[Fingerprint], comps: Iterable[tuple[Candidate, ...]], common: NDArray[np.uint64]
) -> list[_Verify]:
    out = []
    for comp in comps:
        members = sorted({x for c in comp for x in (c.a, c.b)})
        local = {x: k for k, x in enumerate(members)}
        pairs = tuple(replace(c, a=local[c.a], b=local[c.b]) for c in comp)
        theirs = np.unique(np.frombuffer(b"".join(fps[x].sample for x in members), dtype="<u4")).astype(np.uint64)
        found = theirs[in_sorted(theirs, common)]
        out.append(_Verify(tuple(fps[x] for x in members), pairs, found.astype("<u4").tobytes()))
    # the largest components first, so one long job does not end the run alone
    return sorted(out, key=lambda w: -len(w.pairs))


def _run_verify(w: _Verify, options: GroupOptions) -> tuple[Evidence, ...]:
    common = np.frombuffer(w.common, dtype="<u4").astype(np.uint64)
    return verify_component(w.fps, w.pairs, options, common=common)


Mapper = Callable[[Callable[..., Any], Sequence[Any], GroupOptions], list[Any]]


def _split(results: Iterable[Fingerprint | Skipped]) -> tuple[list[Fingerprint], list[Skipped]]:
    fps: list[Fingerprint] = []
    skipped: list[Skipped] = []
    for r in results:
        (fps if isinstance(r, Fingerprint) else skipped).append(r)  # type: ignore[arg-type]
    fps.sort(key=lambda f: f.path)
    return fps, skipped


def _group_with(files: Sequence[str], walked: Sequence[Skipped], options: GroupOptions, mapper: Mapper) -> Grouping:
    fps, skipped = _split(mapper(fingerprint_file, files, options))
    common = common_shingles(fps, options)
    cands = candidates(fps, options, common)
    work = _work(fps, split_by_component(cands, len(fps)), common)
    evidence = [e for part in mapper(_run_verify, work, options) for e in part]
    return assemble(fps, evidence, [*walked, *skipped], len(cands))


def _local_mapper(jobs: int) -> Mapper:
    def mapper(fn: Callable[..., Any], items: Sequence[Any], options: GroupOptions) -> list[Any]:
        if jobs <= 1 or len(items) < 2:
            return [fn(x, options) for x in items]
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(
                pool.map(partial(_call, fn, options=options), items, chunksize=max(1, len(items) // (jobs * 8)))
            )

    return mapper


def _call(fn: Callable[..., Any], item: Any, options: GroupOptions) -> Any:
    return fn(item, options)


def _dask_mapper(client: Any) -> Mapper:
    def mapper(fn: Callable[..., Any], items: Sequence[Any], options: GroupOptions) -> list[Any]:
        import dask.bag as db

        if not items:
            return []
        parts = max(1, min(len(items), 4 * max(1, len(client.nthreads()))))
        bag = db.from_sequence(list(items), npartitions=parts)  # type: ignore[no-untyped-call]
        return list(bag.map(fn, options).compute(scheduler=client))

    return mapper


def group_paths(
    paths: Sequence[str],
    options: GroupOptions = DEFAULT_OPTIONS,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    processes: bool = True,
    client: Any = None,
) -> Grouping:
    """Group the files under ``paths``. ``engine`` is ``local`` (``jobs`` processes) or ``dask``:
    on ``client`` when given (a session :func:`dask_client` opened, which the caller goes on
    using), else on the cluster at ``scheduler``, or without one a LocalCluster of ``jobs`` workers
    (worker processes, or threads in this process with ``processes=False``)."""
    files, walked = walk(list(paths))
    if engine == "local":
        return _group_with(files, walked, options, _local_mapper(jobs))
    if engine != "dask":
        raise ValueError(f"unknown engine {engine!r}")
    if client is not None:
        return _group_with(files, walked, options, _dask_mapper(client))
    with dask_client(scheduler, jobs, processes) as own:
        return _group_with(files, walked, options, _dask_mapper(own))


@contextmanager
def dask_client(scheduler: str | None, jobs: int = 1, processes: bool = True) -> Iterator[Any]:
    """A ``dask.distributed`` client: of the cluster at ``scheduler``, or of a LocalCluster of
    ``jobs`` workers (processes, or threads in this process with ``processes=False``), closed on
    leaving. ImportError without the ``dask`` extra; OSError when the scheduler cannot be reached."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="30s") as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=jobs if processes else 1,
            threads_per_worker=1 if processes else jobs,
            processes=processes,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client
