"""Outputs written whole or not at all: a temporary file in the target's folder, then a rename.

Used by every command that writes a file (``-o``) and by ``difftool batch`` for each group's
reports, so an interrupted run never leaves half a report that ``--resume`` would take for done.
"""

from __future__ import annotations

import contextlib
import os


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to a temporary file in the target's folder, then rename it over the target:
    a reader never sees half a report, a failure leaves the old file whole, and a hard link to
    another file is replaced rather than written through. A symlink is followed (its target is
    replaced); a device or a pipe (``/dev/null``, a FIFO) is written into, since it cannot be
    replaced. A new file gets the usual permissions (0666 minus the umask), a replaced one keeps its own."""
    target = os.path.realpath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(text)
        return
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only when a file is written: its imports (random, shutil) cost start-up

    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
