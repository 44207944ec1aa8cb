"""The ``difftool`` command: starts the PDF readers it will need, then the command line.

Importing the command line and the engine takes a tenth of a second or more; reading a PDF in its
child process about as long. Started here, before those imports, the two overlap
(:mod:`difftool.pdfchild`).
"""

from __future__ import annotations

import sys

READS_ITS_ARGUMENTS = frozenset({"compare", "report", "check", "reconcile", "review", "inspect"})
"""Commands that read the letters named as their arguments in this process (``group``, ``batch``
and ``check --corpus`` read files found in folders, in worker processes)."""


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in READS_ITS_ARGUMENTS and "--corpus" not in args:
        from difftool.pdfchild import start_early

        start_early(args[1:])
    from difftool.cli import main as cli_main

    cli_main()
