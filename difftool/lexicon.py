"""A Dutch lexicon for telling a misspelling from a real word: wordfreq's Dutch list.

wordfreq ships its frequency lists inside the package (no download at run time). Dutch writes
compounds as one word (``toerismedoeleinden``), so a word missing from the list is also tried as
a compound of two or three known parts, with the linking ``s``/``e``/``en`` of Dutch compounds.
"""

from __future__ import annotations

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


@lru_cache(maxsize=4)
def _table(lang: str, floor: float = 0.0) -> dict[str, float]:
    """Word -> Zipf frequency from wordfreq's shipped list for ``lang``.

    wordfreq's lists are msgpack files of frequency bins, one centibel apart (bin ``i`` holds the
    words of Zipf frequency ``9 - i/100``). Reading the file directly costs a tenth of a second;
    importing wordfreq itself (ftfy, langcodes, regex) costs more than the whole comparison, so
    the public API is only the fallback for a wordfreq whose data layout has changed.
    """
    try:
        import gzip
        import os
        from importlib.util import find_spec

        import msgpack

        spec = find_spec("wordfreq")  # locates the package without running its __init__
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("wordfreq is not installed")
        path = os.path.join(list(spec.submodule_search_locations)[0], "data", f"large_{lang}.msgpack.gz")
        with open(path, "rb") as fh:
            raw = fh.read()
        header, *bins = msgpack.unpackb(gzip.decompress(raw), raw=False)
        if not isinstance(header, dict) or header.get("format") != "cB":
            raise ValueError("unknown wordfreq data format")
        table: dict[str, float] = {}
        for i, words in enumerate(bins):
            z = 9 - i / 100
            if z < floor:
                break
            table.update(dict.fromkeys(words, z))
        return table
    except (OSError, ValueError, TypeError, ImportError):
        import math

        from wordfreq import get_frequency_dict

        return {
            w: math.log10(f) + 9
            for w, f in get_frequency_dict(lang, wordlist="best").items()
            if math.log10(f) + 9 >= floor
        }


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in Dutch, else in (common) English; 0 when unknown."""
    w = word.casefold()
    z = _table("nl").get(w)
    if z is None:
        z = _table("en", ENGLISH_FLOOR).get(w, 0.0)
    return z


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
    english = sum(1 for w in words if _table("en", ENGLISH_FLOOR).get(w, 0.0) > _table("nl").get(w, 0.0))
    return english / len(words) > 0.6
