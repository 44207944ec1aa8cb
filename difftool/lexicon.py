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


@lru_cache(maxsize=1)
def _words() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict("nl", wordlist="best")
    try:
        english = get_frequency_dict("en", wordlist="best")
    except LookupError:  # pragma: no cover - wordfreq always ships English
        english = {}
    # Letters quote English titles and terms ("Declaration of Intent", "follow the money").
    merged = {w: f for w, f in english.items() if f >= 1e-6}
    merged.update(freqs)
    return merged


def zipf(word: str) -> float:
    """Zipf-like frequency of ``word`` (0 when unknown)."""
    import math

    f = _words().get(word.casefold(), 0.0)
    return math.log10(f) + 9 if f > 0 else 0.0


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
