"""The one base class of every error difftool tells a user about.

Each is raised with a one-line message; the CLI prints it and exits 2 (3 for a policy file). The
subclasses live where they are raised: ``InputError`` (sources), ``NotRelatedError`` (engine),
``PolicyError`` (policy), ``ReviewFileError`` (review).
"""

from __future__ import annotations


class DifftoolError(Exception):
    """Something a user can act on, said in one line."""
