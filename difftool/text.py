"""Text that remembers where it came from, and the folding that sees through format noise.

Every cleaning step (unwrapping, markup removal, marker removal) works on a :class:`Mapped`
string: the cleaned text plus, for each of its characters, the offset of that character in the
original file. Invariant: ``len(m.text) == len(m.offsets)`` and offsets never decrease within one
source run, so a delta found in cleaned text maps back to the exact place in the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from difftool.model import Block, Token

QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "`": "'",
    }
)
DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})
SPACES = str.maketrans({c: " " for c in "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\t"})
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)

_NOT_ALNUM = re.compile(r"[\W_]+")
TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)


_SAME_LENGTH = {**QUOTES, **DASHES, **SPACES}
"""The three tables as one (no table maps to a character another table maps)."""
_SAME_LENGTH_RE = re.compile("[" + re.escape("".join(map(chr, _SAME_LENGTH))) + "]")
_INVISIBLE_RE = re.compile("[" + "".join(map(chr, INVISIBLE)) + "]")


def _same_length(m: re.Match[str]) -> str:
    return str(_SAME_LENGTH[ord(m.group())])


def fold_same_length(text: str) -> str:
    """Fold quotes, dashes and odd spaces one character for one, so indices stay valid.
    (A regex finds the few characters to fold; ``str.translate`` with these tables looks up
    every character of the text, three times.)"""
    return _SAME_LENGTH_RE.sub(_same_length, text)


def fold_text(text: str) -> str:
    """:func:`fold` without its cache, for whole texts (a cache of whole files would only grow)."""
    return fold_same_length(unicodedata.normalize("NFKC", _INVISIBLE_RE.sub("", text)))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold what is cosmetic: ligatures and width (NFKC), quotes, dashes, odd spaces, soft hyphens."""
    return fold_text(text)


@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """Key for 'same text, different format': folded, case-folded, letters and digits only."""
    return _NOT_ALNUM.sub("", fold(text).casefold())


_NOT_ALNUM_OR_SPACE = re.compile(r"[^\w\s]|_")


def words(text: str) -> list[str]:
    """The words of ``text`` as comparison keys: what :func:`squash` makes of each white-space
    separated token (tokens with no letter or digit dropped), in one pass over the whole text.
    What shingles are made of."""
    return _NOT_ALNUM_OR_SPACE.sub("", fold_text(text).casefold()).split()


def shingles(keys: list[str], n: int = 4) -> set[str]:
    """Word ``n``-grams of a list of :func:`words`, each one string."""
    return {" ".join(keys[i : i + n]) for i in range(max(0, len(keys) - n + 1))}


@dataclass(frozen=True, slots=True)
class Mapped:
    """A string with, for each character, its offset in the original text."""

    text: str
    offsets: tuple[int, ...]

    @staticmethod
    def of(text: str, start: int = 0) -> Mapped:
        return Mapped(text, tuple(range(start, start + len(text))))

    @staticmethod
    def join(parts: Iterable[Mapped], sep: str = " ") -> Mapped:
        """Join parts with ``sep``; separator characters take the offset of the next part's start."""
        texts: list[str] = []
        offs: list[int] = []
        for i, p in enumerate(parts):
            if i and sep and p.offsets:
                texts.append(sep)
                offs.extend([p.offsets[0]] * len(sep))
            texts.append(p.text)
            offs.extend(p.offsets)
        return Mapped("".join(texts), tuple(offs))

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int | None = None) -> Mapped:
        return Mapped(self.text[start:end], self.offsets[start:end])

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Mapped:
        """Regex substitution; replacement characters map to the offset where the match began."""
        matches = list(pattern.finditer(self.text))
        if not matches:
            return self
        texts: list[str] = []
        offs: list[int] = []
        pos = 0
        literal = isinstance(repl, str) and "\\" not in repl
        for m in matches:
            texts.append(self.text[pos : m.start()])
            offs.extend(self.offsets[pos : m.start()])
            if callable(repl):
                new = repl(m)
            else:
                new = repl if literal else m.expand(repl)
            anchor = (
                self.offsets[m.start()]
                if m.start() < len(self.offsets)
                else (self.offsets[-1] + 1 if self.offsets else 0)
            )
            # keep the offsets of characters that survive unchanged at the start of the match
            same = 0
            for x, y in zip(new, m.group(0)):
                if x != y:
                    break
                same += 1
            texts.append(new)
            offs.extend(self.offsets[m.start() : m.start() + same])
            offs.extend([anchor] * (len(new) - same))
            pos = m.end()
        texts.append(self.text[pos:])
        offs.extend(self.offsets[pos:])
        return Mapped("".join(texts), tuple(offs))

    def collapse(self) -> Mapped:
        """Collapse runs of whitespace into one space and strip both ends."""
        if " ".join(self.text.split()) == self.text:  # the common case, without a regex scan
            return self
        out = self.sub(_WS, " ") if _WS.search(self.text) else self
        lead = len(out.text) - len(out.text.lstrip())
        trail = len(out.text.rstrip())
        return out.slice(lead, trail)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-file span of ``text[start:end]``."""
        if not self.offsets:
            return (0, 0)
        if start >= end:
            pos = self.offsets[min(start, len(self.offsets) - 1)] if start < len(self.offsets) else self.offsets[-1] + 1
            return (pos, pos)
        return (self.offsets[start], self.offsets[end - 1] + 1)


_WS = re.compile(r"\s{2,}|[^\S ]")
"""Whitespace worth rewriting: runs, and any white space other than a plain space."""


def tokenize(text: str, offsets: tuple[int, ...]) -> tuple[Token, ...]:
    """Words (runs of letters/digits) and single punctuation marks, with original offsets."""
    out: list[Token] = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        out.append(Token(m.group(0), fold(m.group(0)), offsets[s], offsets[e - 1] + 1, s))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Joined:
    """Blocks read as one text (one side of an aligned group): the one place blocks are joined,
    so the engine's inline ops and every face's spans point at the same characters."""

    text: str
    offsets: tuple[int, ...]
    """Original-file offset of each character; the joining space carries the next block's start."""
    bounds: tuple[int, ...]
    """Index in ``text`` at which each block starts."""


def join_blocks(blocks: Sequence[Block]) -> Joined:
    """The blocks' texts joined with one space."""
    parts: list[str] = []
    offsets: list[int] = []
    bounds: list[int] = []
    at = 0
    for blk in blocks:
        if parts:
            parts.append(" ")
            offsets.append(blk.start)
            at += 1
        bounds.append(at)
        parts.append(blk.text)
        offsets.extend(blk.offsets)
        at += len(blk.text)
    return Joined("".join(parts), tuple(offsets), tuple(bounds))
