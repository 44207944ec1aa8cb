"""The PDF reader's child process, seen from the parent: start it, feed it the file, adopt it.

A PDF is read in a fresh interpreter (:mod:`difftool.pdfread`) under a memory and a time cap. The
console entry (:mod:`difftool.entry`) starts that child for every ``.pdf`` named on the command
line before the rest of difftool is imported (:func:`start_early`): the child reads while the
parent imports its modules and reads the other input, instead of after. The PDF reader
(:class:`difftool.parse.pdf.PdfReading`) then calls :func:`start`, which adopts a child started
early for the same bytes, backend and memory cap, and starts one otherwise.

Nothing here decides anything about the file: an argument that is not a readable PDF is simply not
started early, and the reader reports it as it always has. A child nobody adopts (the argument
was an option's value, or the command failed first) is stopped when the process exits.

This module imports only the standard library, and :mod:`subprocess` and :mod:`threading` only
when a child is started, so the console entry costs nothing without a PDF.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from difftool.limits import MAX_BYTES, MEMORY_LIMIT, TIME_LIMIT

if TYPE_CHECKING:
    import subprocess

BACKEND_VARIABLE = "DIFFTOOL_PDF_BACKEND"
"""Environment variable naming the PDF library (``pdfium`` or ``pdfplumber``); unset, the first
one installed (docs/inputs.md)."""
BACKENDS = ("pdfium", "pdfplumber")
EARLY_AT_MOST = 8
"""PDFs started early at most (more wait for the reader, as before)."""


class Child:
    """A running reader: its process, the bytes it was given and when it started (the reader
    stops it TIME_LIMIT seconds after that)."""

    def __init__(self, data: bytes, backend: str, memory: int) -> None:
        import subprocess
        import threading

        self.data = data
        self.backend = backend
        self.memory = memory
        self.started = time.monotonic()
        cpu = str(int(TIME_LIMIT) + 1)
        cmd = [sys.executable, "-m", "difftool.pdfread", backend, str(memory), cpu]
        self.proc: subprocess.Popen[bytes] = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        # the file goes in from a thread (a pipe holds 64 KB); communicate() leaves stdin to it
        pipe, self.proc.stdin = self.proc.stdin, None
        assert pipe is not None

        def feed() -> None:
            try:
                with pipe:
                    pipe.write(data)
            except (BrokenPipeError, OSError):
                pass  # the child stopped early; its exit says why

        threading.Thread(target=feed, daemon=True).start()

    def stop(self) -> None:
        """Stop the child if it still runs."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


_early: list[Child] = []


def is_pdf(data: bytes) -> bool:
    """Do the bytes carry a PDF header (within the first kilobyte, as readers allow)?"""
    return b"%PDF" in data[:1024]


def backend() -> str:
    """The PDF library the environment names (BACKEND_VARIABLE), else ``auto`` (the first one
    installed); ValueError for a name that is none of them."""
    named = os.environ.get(BACKEND_VARIABLE, "").strip().lower()
    if named and named not in BACKENDS:
        raise ValueError(f"{BACKEND_VARIABLE}={named}: the PDF reader is one of {', '.join(BACKENDS)}")
    return named or "auto"


def start(data: bytes, library: str, memory: int = MEMORY_LIMIT) -> Child:
    """A child reading ``data``: the one started early for the same bytes, backend and memory
    cap, else a new one."""
    for i, child in enumerate(_early):
        if child.backend == library and child.memory == memory and child.data == data:
            return _early.pop(i)
    return Child(data, library, memory)


def start_early(args: Sequence[str]) -> int:
    """Start a reader for each argument that names a readable ``.pdf`` file (at most
    EARLY_AT_MOST); the number started. Anything else is left to the reader to judge."""
    try:
        named = backend()
    except ValueError:
        return 0
    started = 0
    for arg in dict.fromkeys(args):
        if started >= EARLY_AT_MOST:
            break
        if not arg.lower().endswith(".pdf"):
            continue
        try:
            if os.path.getsize(arg) > MAX_BYTES or not os.path.isfile(arg):
                continue
            with open(arg, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError:
            continue
        if not is_pdf(data) or len(data) > MAX_BYTES:
            continue
        if not _early:
            import atexit

            atexit.register(stop_early)
        _early.append(Child(data, named, MEMORY_LIMIT))
        started += 1
    return started


def stop_early() -> None:
    """Stop the children started early that no reader adopted."""
    while _early:
        _early.pop().stop()
