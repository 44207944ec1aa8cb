"""The only module that reads files: bytes -> text, and which extraction flavour the text is.

Decoding goes through charset-normalizer (UTF-8 with or without BOM, UTF-16, cp1252, latin-1),
then NFC. Line ends are kept as they are: offsets into the text are offsets into the file's
characters, and the parsers treat CRLF and LF alike. Inputs are opened read-only, never written.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import unicodedata
from dataclasses import dataclass

from difftool.model import Flavour

MAX_BYTES = 50 * 1024 * 1024
WESTERN = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]


class InputError(Exception):
    """A file that cannot be compared; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input file."""

    path: str
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: str) -> bytes:
    """Read a file's bytes, turning every OS failure into a one-line InputError."""
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
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        text, enc = _guess(data, path)
    if "\x00" in text or _control_ratio(text) > 0.02:
        raise InputError(f"{path}: binary file, not a text extraction of a letter")
    return Source(path, _finish(text), enc)


def _guess(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    # Letters are Western European: let charset-normalizer choose among the code pages Dutch
    # text is actually written in, so a short file is not mistaken for Mac Central European.
    best = from_bytes(data, cp_isolation=WESTERN).best() or from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: binary file, not a text extraction of a letter")
    enc = best.encoding
    # charset-normalizer may name a Latin-1 superset; cp1252 is what Windows tools write.
    if enc in ("latin_1", "iso8859_1", "iso8859_15", "cp1252"):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    return str(best), enc


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    return bad / min(len(text), 20000)


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
_MD_MARK = re.compile(r"\*\*[^*\n]+\*\*|\^\{[^}\n]+\}|^[\u00b9\u00b2\u00b3\u2070-\u2079]+ ", re.M)
_SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]")


def detect_flavour(text: str) -> Flavour:
    """Tell which extraction produced a text, from the marks each leaves."""
    if _DOCX_MARK.search(text):
        return Flavour.DOCX_TEXT
    if _MD_MARK.search(text) or len(_SUPERSCRIPT.findall(text)) >= 2:
        return Flavour.MARKDOWN_PDF
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines:
        long_lines = [ln for ln in lines if len(ln) > 40]
        wrapped = sum(1 for ln in long_lines if len(ln) <= 110)
        if long_lines and wrapped / len(long_lines) > 0.7 and len(long_lines) >= 5:
            return Flavour.PDF_TEXT
    if "\t" in text[:400]:
        return Flavour.DOCX_TEXT
    return Flavour.PLAIN
