"""The files under the paths a user names, for corpus mode: the walk is I/O, so it lives at the edge.

Folders are walked recursively, following symbolic links (a corpus is often a tree of links into
an archive) but never into a folder already visited on the way down, so a link that points back up
(a symlink loop) is reported once and skipped. A link that leads nowhere or to itself, a folder
that cannot be listed and a file that is not a regular file are reported and skipped too; the
same file reached twice (through a link) counts once, where it was found first (the
other path is reported). Names starting with ``.`` (``.git``,
``.DS_Store``) are passed over silently, as ``ls`` does. Nothing here opens a file.
"""

from __future__ import annotations

import errno
import os
import stat

from difftool.grouping import Skipped


def walk(paths: list[str]) -> tuple[list[str], list[Skipped]]:
    """Every file under ``paths`` (sorted, each once) and what was skipped, with the reason."""
    files: list[str] = []
    skipped: list[Skipped] = []
    seen_files: dict[tuple[int, int], str] = {}

    def visit_file(path: str, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key in seen_files:
            skipped.append(Skipped(path, f"the same file as {seen_files[key]}"))
            return
        seen_files[key] = path
        files.append(path)

    def visit_dir(path: str, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(path, f"cannot list the folder ({exc.strerror or exc})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            visit(entry.path, ancestors)

    def visit(path: str, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            st = os.stat(path)
        except OSError as exc:
            if os.path.islink(path):
                reason = "symlink loop" if exc.errno == errno.ELOOP else "broken symlink"
            elif exc.errno == errno.ENOENT:
                reason = "no such file"
            else:
                reason = f"cannot read ({exc.strerror or exc})"
            skipped.append(Skipped(path, reason))
            return
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                skipped.append(Skipped(path, "symlink loop (a folder that contains itself)"))
                return
            visit_dir(path, ancestors | {key})
        elif stat.S_ISREG(st.st_mode):
            visit_file(path, st)
        else:
            skipped.append(Skipped(path, "not a regular file"))

    for p in paths:
        visit(p, frozenset())
    return files, skipped
