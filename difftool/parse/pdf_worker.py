"""The child process that reads a PDF's pages under a memory cap (see ``pdf._read_pages_bounded``).

Run as ``python -m difftool.parse.pdf_worker MEMORY PATH`` with the PDF's bytes on stdin; writes
a pickled ``(True, pages)`` or ``(False, message)`` to stdout. The address-space limit is set
before pdfminer runs, so a stream that inflates without end fails here, not in the caller.
"""

from __future__ import annotations

import pickle
import resource
import sys


def main() -> None:
    memory, path = int(sys.argv[1]), sys.argv[2]
    data = sys.stdin.buffer.read()
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    from difftool.parse.pdf import _pdfplumber, _read_pages
    from difftool.sources import InputError

    try:
        result: tuple[bool, object] = (True, _read_pages(path, data, _pdfplumber()))
    except InputError as exc:
        result = (False, str(exc))
    except MemoryError:
        result = (False, "")
    sys.stdout.buffer.write(pickle.dumps(result))


if __name__ == "__main__":
    main()
