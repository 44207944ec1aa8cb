"""The output folder of ``difftool batch``: each group's reports, written as soon as the group is
done, then the index and the summary. The writing edge of :mod:`difftool.batch`.

Layout (docs/corpus.md)::

    OUTDIR/index.html            every group with its verdict, counts and links; singles; skipped
    OUTDIR/summary.json          difftool.batch/1
    OUTDIR/groups/ID.html        the group's reconcile report (self-contained)
    OUTDIR/groups/ID.json        its difftool.reconcile/1 document
    OUTDIR/groups/ID.done.json   the record that the group is finished: its summary entry and key

Every file is written atomically (temporary file and rename), the record last: a group whose
record is there with the right key has both reports whole, which is what ``--resume`` trusts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence

from difftool.atomic import write_atomically
from difftool.batch import ERROR, Batch, Outcome
from difftool.grouping import VersionGroup
from difftool.render.batch_html import render_index
from difftool.render.batchjson import (
    GROUPS_DIR,
    INDEX_NAME,
    SUMMARY_NAME,
    batch_dict,
    outcome_dict,
    outcome_from_dict,
    report_names,
)
from difftool.render.jsonout import dumps


def stamps(paths: Sequence[str]) -> list[tuple[str, int, int]]:
    """(absolute path, size, mtime in ns) of each member, for :func:`difftool.batch.group_key`;
    a file that cannot be stat'ed gets (-1, -1), so its group is done again."""
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((os.path.abspath(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((os.path.abspath(p), -1, -1))
    return out


def load_done(outdir: str, gid: str, group: VersionGroup, key: str) -> Outcome | None:
    """The outcome an earlier run recorded for the group, if it finished under the same key and
    both its reports are there; else None (the group is to be done)."""
    html, data, record = (os.path.join(outdir, n) for n in report_names(gid))
    try:
        with open(record, encoding="utf-8") as fh:
            d = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(d, dict) or d.get("key") != key or d.get("id") != gid:
        return None
    if not all(os.path.isfile(p) and os.path.getsize(p) > 0 for p in (html, data)):
        return None
    return outcome_from_dict(group, d)


def group_files(o: Outcome, key: str) -> tuple[tuple[str, str], ...]:
    """The group's files under the output folder, in the order they must be written: its reports,
    then its record (a failed group gets only the record, never reused). Made where the group was
    reconciled (a worker, perhaps on another machine) and written by :func:`write_files`."""
    from difftool.render.reconcile_html import render_reconcile_html
    from difftool.render.reconcile_json import reconcile_dict

    html, data, record = report_names(o.id)
    files: list[tuple[str, str]] = []
    if o.status != ERROR:
        assert o.reconciliation is not None, "a reconciled outcome carries its reconciliation"
        doc = reconcile_dict(o.reconciliation)
        files += [(data, dumps(doc)), (html, render_reconcile_html(doc))]
    files.append((record, dumps({"key": key, **outcome_dict(o)})))
    return tuple(files)


def write_files(outdir: str, files: Sequence[tuple[str, str]]) -> None:
    """Write a group's files, each whole or not at all, in order (the record last)."""
    os.makedirs(os.path.join(outdir, GROUPS_DIR), exist_ok=True)
    for name, text in files:
        write_atomically(os.path.join(outdir, name), text)


def write_group(outdir: str, o: Outcome, key: str) -> None:
    """The group's reports, then its record."""
    write_files(outdir, group_files(o, key))


def write_index(outdir: str, b: Batch) -> None:
    """``summary.json`` and ``index.html``, once every group is done."""
    doc = batch_dict(b)
    write_atomically(os.path.join(outdir, SUMMARY_NAME), dumps(doc))
    write_atomically(os.path.join(outdir, INDEX_NAME), render_index(doc))
