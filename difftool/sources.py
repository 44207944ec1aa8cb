"""The only module that reads files: bytes -> text, and which extraction flavour the text is.

Decoding: a BOM, else UTF-8; a file that is UTF-8 apart from a few invalid bytes stays UTF-8
(those bytes become U+FFFD and the Source carries a warning naming their byte offsets); anything
else goes through charset-normalizer (UTF-16, cp1252, latin-1); then NFC. ``-`` is standard input. Line ends are kept as they are: offsets into the text are offsets into the file's
characters, and the parsers treat CRLF and LF alike. Inputs are opened read-only, never written.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import unicodedata
from dataclasses import dataclass

from difftool.errors import DifftoolError
from difftool.limits import MAX_BYTES
from difftool.model import Flavour

WESTERN = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]


class InputError(DifftoolError):
    """A file that cannot be compared; the message is one line for the user."""


class TooLargeError(InputError):
    """The inputs are beyond what difftool compares within its limits; said before the work
    (an estimate of its cost), in one line, instead of minutes of silence (docs/performance.md)."""


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input file."""

    path: str
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    """What the user should be told about the file itself (invalid bytes read as U+FFFD)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


STDIN = "-"
"""The path that stands for standard input."""
_stdin: bytes | None = None


def _read_stdin() -> bytes:
    """Standard input, read once (a .pdf or .docx reader may ask for the bytes again)."""
    global _stdin
    if _stdin is None:
        import sys

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"{STDIN}: standard input is larger than the {MAX_BYTES} bytes difftool reads")
        _stdin = data
    return _stdin


def read_bytes(path: str) -> bytes:
    """Read a file's bytes (``-``: standard input), turning every OS failure into a one-line InputError."""
    if path == STDIN:
        try:
            return _read_stdin()
        except OSError as exc:
            raise InputError(f"{STDIN}: cannot read standard input ({exc.strerror or exc})") from None
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a letter")
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes is larger than the {MAX_BYTES} bytes difftool reads")
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, path: str = "<bytes>") -> Source:
    """Decode bytes of a text extraction; reject empty and binary data."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data.decode(enc)
            return Source(path, _finish(text), enc.replace("-sig", "") + " (BOM)")
    if data.startswith(b"%PDF") or data.startswith(b"PK\x03\x04"):
        raise InputError(f"{path}: binary document; name it .pdf or .docx to read it as one")
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        text, enc, warnings = _guess(data, path)
    if "\x00" in text or _control_ratio(text) > 0.02:
        raise InputError(f"{path}: binary file, not a text extraction of a letter")
    return Source(path, _finish(text), enc, warnings)


_UTF8_RUN = re.compile(
    rb"[\x00-\x7f]+|(?:[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
"""A run of ASCII, or a run of well-formed UTF-8 multibyte sequences (RFC 3629)."""
_LEAD_BYTES = bytes(range(0xC2, 0xF5))


def _utf8_damage(data: bytes) -> tuple[int, list[tuple[int, int]]]:
    """How many well-formed UTF-8 multibyte characters ``data`` holds, and the byte spans
    (start, end) of what is not UTF-8, in one pass."""
    chars, bad, pos = 0, [], 0
    for m in _UTF8_RUN.finditer(data):
        if m.start() > pos:
            bad.append((pos, m.start()))
        if data[m.start()] >= 0x80:  # a run of multibyte characters: count their lead bytes
            chars += len(m.group()) - len(m.group().translate(None, _LEAD_BYTES))
        pos = m.end()
    if pos < len(data):
        bad.append((pos, len(data)))
    return chars, bad


def _damage_warning(path: str, data: bytes, bad: list[tuple[int, int]]) -> str:
    """``FILE: 6 byte(s) are not UTF-8, at byte offset(s) 1000 (\\xff), …; shown as U+FFFD``."""
    shown = ", ".join(f"{s} ({data[s:e][:8].hex(' ')})" for s, e in bad[:10])
    more = f" and {len(bad) - 10} more place(s)" if len(bad) > 10 else ""
    count = sum(e - s for s, e in bad)
    return f"{path}: {count} byte(s) are not UTF-8, at byte offset(s) {shown}{more}; read as UTF-8, shown as \ufffd"


def _guess(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Text, encoding and warnings of bytes that are not valid UTF-8.

    A UTF-8 file with a few stray bytes (a bad copy, a truncated download) must not be read as a
    code page, or every accented letter turns into mojibake. Well-formed UTF-8 multibyte
    sequences are next to impossible by chance in a code-page file, so when they are at least
    as many as the invalid bytes the file is UTF-8 and only those bytes are lost (U+FFFD, with a
    warning). charset-normalizer's verdict is evidence too, not the last word."""
    chars, bad = _utf8_damage(data)
    invalid = sum(e - s for s, e in bad)
    if chars and invalid <= chars:
        return data.decode("utf-8", errors="replace"), "utf-8", (_damage_warning(path, data, bad),)
    from charset_normalizer import from_bytes

    # Letters are Western European: let charset-normalizer choose among the code pages Dutch
    # text is actually written in, so a short file is not mistaken for Mac Central European.
    best = from_bytes(data, cp_isolation=WESTERN).best() or from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: binary file, not a text extraction of a letter")
    enc = best.encoding
    if enc == "utf_8":
        return data.decode("utf-8", errors="replace"), "utf-8", (_damage_warning(path, data, bad),)
    # charset-normalizer may name a Latin-1 superset; cp1252 is what Windows tools write.
    if enc in ("latin_1", "iso8859_1", "iso8859_15", "cp1252"):
        try:
            return data.decode("cp1252"), "cp1252", ()
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1", ()
    return str(best), enc, ()


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Unicode category Cc (C0, DEL, C1) but for tab, line feed, form feed and carriage return."""


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text, 0, 20000)) / min(len(text), 20000)


_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]")


def _finish(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(_MOJIBAKE.findall(text)) >= 3:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("cp1252").decode("utf-8")
    return text


def read_source(path: str) -> Source:
    """Read and decode a text file."""
    return decode(read_bytes(path), path)


_DOCX_MARK = re.compile(r"\[(?:footnoteRef|endnoteRef):\d+\]|\[bookmark: [^\]]*\]|^\[\d+:\s", re.M)
_MD_MARK = re.compile(r"\*\*[^*\n]+\*\*|\^\{[^}\n]+\}", re.M)
_SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]")
_SUP_BODY = re.compile(r"^[\u00b9\u00b2\u00b3\u2070-\u2079]+ ", re.M)
_RUNNING_FOOTER = re.compile(r"^\s*(?:Eerste|Tweede) Kamer,? vergaderjaar \d{4}", re.M | re.I)


def detect_flavour(text: str) -> Flavour:
    """Tell which extraction produced a text, from the marks each leaves (docs/inputs.md).

    In order of evidence: DOCX extraction marks (``[footnoteRef:N]``, ``[bookmark: …]``); the
    markdown a converter adds (``**bold**``, ``^{ste}``); what a PDF tool leaves (form feeds
    between pages, lines hard-wrapped at the page's width, a Kamerstuk running footer);
    superscript markers and bodies in text that is not wrapped (markdown-ish PDF text); a
    tab-separated header (DOCX extraction).
    """
    if _DOCX_MARK.search(text):
        return Flavour.DOCX_TEXT
    if _MD_MARK.search(text):
        return Flavour.MARKDOWN_PDF
    if "\f" in text or _hard_wrapped(text) or len(_RUNNING_FOOTER.findall(text)) >= 2:
        return Flavour.PDF_TEXT
    if _SUP_BODY.search(text) or len(_SUPERSCRIPT.findall(text)) >= 2:
        return Flavour.MARKDOWN_PDF
    if "\t" in text[:400]:
        return Flavour.DOCX_TEXT
    return Flavour.PLAIN


def _hard_wrapped(text: str) -> bool:
    """Most lines of six words or more run on into the next line, as a page's lines do; a
    paragraph per line (DOCX, markdown) leaves a blank line or a new paragraph after them."""
    lines = text.splitlines()
    long_lines = [i for i, ln in enumerate(lines[:-1]) if len(ln.split()) >= 6]
    run_on = sum(1 for i in long_lines if lines[i + 1].strip())
    return len(long_lines) >= 5 and run_on / len(long_lines) > 0.55
