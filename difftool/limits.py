"""How much difftool reads, and what a PDF's reader may use: the limits, in one place."""

MAX_BYTES = 50 * 1024 * 1024
"""Largest input file difftool reads (bytes)."""
MEMORY_LIMIT = 2 * 1024**3
"""Address space the PDF reader may use (bytes): a stream that inflates without end (a
decompression bomb) fails there instead of taking the machine's memory."""
TIME_LIMIT = 120.0
"""Seconds the PDF reader may take."""
