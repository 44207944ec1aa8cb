"""A Dutch lexicon for telling a misspelling from a real word: wordfreq's Dutch list.

wordfreq ships its frequency lists inside the package (no download at run time). Dutch writes
compounds as one word (``toerismedoeleinden``), so a word missing from the list is also tried as
a compound of two or three known parts, with the linking ``s``/``e``/``en`` of Dutch compounds.
"""

from __future__ import annotations

import array
import mmap
import os
import struct
import sys
import zlib
from functools import lru_cache

MIN_ZIPF = 1.0
"""Zipf frequency from which a word counts as known (1.0 = once per 100 million words)."""
MIN_PART = 4
PART_ZIPF = 3.0
"""Parts of a compound are common words (once per million words or more); rarer 'parts' such as
"inden" or "enden" would make any misspelling split into something."""
MIN_TAIL = 4
"""A compound's last part has at least four letters: "doelen" + "den" is not a compound."""
LINKS = ("", "s", "e", "en", "-")


ENGLISH_FLOOR = 3.0
"""English words count from once per million words: letters quote English titles and terms
("Declaration of Intent", "follow the money"), but rare English must not excuse Dutch typos."""


FORMAT = 1
"""Version of the packed lexicon's file layout; a change makes every cached file stale."""
STALE_AFTER = 30 * 24 * 3600
"""Seconds after which another installation's cached list, not opened since, is removed."""
_MAGIC = b"difftool-lexicon"
_HEADER = struct.Struct("<16sIII")
"""Magic, format, number of buckets, length of the record blob."""
_DIGITS = 3
"""A record's frequency bin, in ASCII digits (bins run 0..~900)."""


class _Packed:
    """A word list packed for lookup without unpacking: words hashed (CRC-32 of their UTF-8) into
    buckets; a bucket is a run of records ``\\x00 word \\x01 bin``, found with ``bytes.find``.

    The buffer is the mapped cache file (opens in a millisecond, pages read on demand) or, when
    there is no usable cache, the same layout built in memory.
    """

    def __init__(self, buf: bytes | mmap.mmap) -> None:
        magic, fmt, buckets, size = _HEADER.unpack_from(buf, 0)
        starts = _HEADER.size
        base = starts + 4 * (buckets + 1)
        if magic != _MAGIC or fmt != FORMAT or buckets < 1 or len(buf) != base + size:
            raise ValueError("not a packed lexicon")
        offsets = array.array("I")
        offsets.frombytes(buf[starts:base])
        if offsets[0] != 0 or offsets[-1] != size:
            raise ValueError("not a packed lexicon")
        self._buf = buf
        self._offsets = offsets
        self._buckets = buckets
        self._base = base

    def find(self, word: str) -> float | None:
        """Zipf frequency of ``word`` (already casefolded), or None when it is not in the list."""
        if "\x00" in word or "\x01" in word:
            return None
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: never in a list read from UTF-8
            return None
        h = zlib.crc32(key) % self._buckets
        start, stop = self._offsets[h], self._offsets[h + 1]
        if start == stop:
            return None
        bucket = self._buf[self._base + start : self._base + stop]
        at = bucket.find(b"\x00" + key + b"\x01")
        if at < 0:
            return None
        at += len(key) + 2
        return 9 - int(bucket[at : at + _DIGITS]) / 100


class _Plain:
    """A word list as a dict (wordfreq's public API, when its data layout is not the known one)."""

    def __init__(self, table: dict[str, float]) -> None:
        self._table = table

    def find(self, word: str) -> float | None:
        return self._table.get(word)


def _data_file(lang: str) -> str:
    """wordfreq's shipped list for ``lang``, located without running wordfreq's __init__."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    return os.path.join(list(spec.submodule_search_locations)[0], "data", f"large_{lang}.msgpack.gz")


def _bins(path: str, floor: float) -> dict[str, int]:
    """Word -> frequency bin from wordfreq's list at ``path``, down to Zipf ``floor``.

    wordfreq's lists are msgpack files of frequency bins, one centibel apart (bin ``i`` holds the
    words of Zipf frequency ``9 - i/100``); a word listed in two bins gets the later (rarer) one.
    """
    import gzip

    import msgpack

    with open(path, "rb") as fh:
        raw = fh.read()
    header, *bins = msgpack.unpackb(gzip.decompress(raw), raw=False)
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise ValueError("unknown wordfreq data format")
    table: dict[str, int] = {}
    for i, words in enumerate(bins):
        if 9 - i / 100 < floor:
            break
        if i >= 10**_DIGITS:
            raise ValueError("more frequency bins than a record holds")
        table.update(dict.fromkeys(words, i))
    return table


def _pack(table: dict[str, int]) -> bytes:
    """The packed layout of ``table`` (see :class:`_Packed`)."""
    n = 1
    while n < max(1, len(table) // 2):
        n *= 2
    buckets: list[list[bytes]] = [[] for _ in range(n)]
    for word, i in table.items():
        if not isinstance(word, str) or "\x00" in word or "\x01" in word:
            raise ValueError("a word the packed layout cannot hold")
        key = word.encode("utf-8")
        buckets[zlib.crc32(key) % n].append(b"\x00%s\x01%03d" % (key, i))
    offsets = array.array("I", [0])
    chunks: list[bytes] = []
    size = 0
    for records in buckets:
        chunk = b"".join(records)
        chunks.append(chunk)
        size += len(chunk)
        offsets.append(size)
    return _HEADER.pack(_MAGIC, FORMAT, n, size) + offsets.tobytes() + b"".join(chunks)


def cache_dir() -> str:
    """Where the packed word lists are kept: ``$XDG_CACHE_HOME/difftool`` or ``~/.cache/difftool``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "difftool")


def _cache_name(lang: str, floor: float, data: os.stat_result) -> str:
    """The cache file's name: the list, the floor, and the identity of wordfreq's data file (its
    size and modification time, so another wordfreq's data builds a new file) and of the layout."""
    return f"lexicon-{lang}-{floor:g}-{data.st_size}-{data.st_mtime_ns}-v{FORMAT}{sys.byteorder[0]}.bin"


def _open_cached(path: str) -> _Packed | None:
    try:
        with open(path, "rb") as fh:
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return _Packed(buf)
    except (OSError, ValueError, struct.error):
        return None


def _store(folder: str, name: str, blob: bytes) -> None:
    """Write the packed list atomically; drop this list's older files. Best effort: a cache
    that cannot be written only means the list is built again next time."""
    import tempfile
    import time

    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicon-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, os.path.join(folder, name))
        except BaseException:
            os.unlink(tmp)
            raise
        stem = name.rsplit("-", 3)[0] + "-"
        for other in os.listdir(folder):
            path = os.path.join(folder, other)
            # another installation's list (another venv's wordfreq) is dropped only when unused
            # for a while: two installations that drop each other's file rebuild it on every run
            if other.startswith(stem) and other != name and os.stat(path).st_atime < time.time() - STALE_AFTER:
                os.unlink(path)
    except OSError:
        pass


@lru_cache(maxsize=4)
def _table(lang: str, floor: float = 0.0) -> _Packed | _Plain:
    """Word -> Zipf frequency from wordfreq's shipped list for ``lang``, from Zipf ``floor`` up.

    Unpacking the list into a dict costs a fifth of a second per run, so it is done once and kept
    packed in the user's cache (:func:`cache_dir`), mapped on later runs; without a writable cache
    the packed list is built in memory. Importing wordfreq itself (ftfy, langcodes, regex) costs
    more than the whole comparison, so its public API is only the fallback for a wordfreq whose
    data layout has changed.
    """
    try:
        path = _data_file(lang)
        name = _cache_name(lang, floor, os.stat(path))
        folder = cache_dir()
        cached = _open_cached(os.path.join(folder, name))
        if cached is not None:
            return cached
        blob = _pack(_bins(path, floor))
        _store(folder, name, blob)
        return _Packed(blob)
    except (OSError, ValueError, TypeError, ImportError):
        return _Plain(_fallback(lang, floor))


def _fallback(lang: str, floor: float) -> dict[str, float]:
    import math

    from wordfreq import get_frequency_dict

    return {
        w: math.log10(f) + 9 for w, f in get_frequency_dict(lang, wordlist="best").items() if math.log10(f) + 9 >= floor
    }


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in Dutch, else in (common) English; 0 when unknown."""
    w = word.casefold()
    z = _table("nl").find(w)
    if z is None:
        z = _table("en", ENGLISH_FLOOR).find(w)
    return 0.0 if z is None else z


def score(word: str) -> float:
    """How word-like ``word`` is: its Zipf frequency, or for a compound the weakest part's, less 1."""
    w = word.casefold()
    direct = zipf(w)
    if direct >= MIN_ZIPF:
        return direct
    return max(direct, _compound(w, 0) - 1.0)


def known(word: str) -> bool:
    """Is ``word`` a word: in the lexicon, or a compound of known parts."""
    if not word.isalpha():
        return True
    return score(word) >= MIN_ZIPF


@lru_cache(maxsize=65536)
def _compound(word: str, depth: int) -> float:
    """Best score of ``word`` split into known parts (0 when it does not split)."""
    if depth > 2 or len(word) < 2 * MIN_PART:
        return 0.0
    best = 0.0
    for cut in range(len(word) - MIN_TAIL, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        for link in LINKS:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)] if link else head
            if len(stem) < MIN_PART:
                continue
            s_head = zipf(stem)
            if s_head < PART_ZIPF:
                continue
            s_tail = zipf(tail) if zipf(tail) >= PART_ZIPF else _compound(tail, depth + 1) - 0.5
            part = min(s_head, s_tail)
            if part >= PART_ZIPF and part > best:
                best = part
    return best


def is_english(text: str) -> bool:
    """Is ``text`` English rather than Dutch: of its words (six or more), most are common
    English words that are rarer in Dutch."""
    words = [w.casefold() for w in text.split() if w.isalpha()]
    if len(words) < 6:
        return False
    english = sum(1 for w in words if (_table("en", ENGLISH_FLOOR).find(w) or 0.0) > (_table("nl").find(w) or 0.0))
    return english / len(words) > 0.6
