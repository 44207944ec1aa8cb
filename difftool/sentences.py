"""Sentence splitting for Dutch and English that keeps offsets.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by space
and a capital, digit or opening quote, unless the word before the stop is an abbreviation
(``jl.``, ``nr.``, ``t.a.v.``, ``U.S.``, ``Mr.``), an initial (``G. van den Brink``) or a list
numeral (``i.)``). Spans are ``(start, end)`` indices into the text; the text between two
sentences is only white space.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """
    nr nrs jl zgn bijv bv art artt blz ca dhr mevr mr dr drs ir ing prof resp incl excl vgl pag
    p pp no fig etc vs e.g i.e a.s t.a.v o.a m.b.t i.v.m c.s d.w.z m.a.w z.g.a.n.w n.a.v m.n e.d
    enz jr sr st mrs ms inc ltd co corp dept gov approx min max cf al u.s u.k e.u
    """.split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"'\u201d\u2019)\]]*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text[start : m.start() + 1]):
            continue
        end = m.end()
        if end > start:
            spans.append((start, end))
        nxt = end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        start = nxt
    tail = text[start:].rstrip()
    if tail:
        spans.append((start, start + len(tail)))
    return spans


def _is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).rstrip(".").casefold()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "G. van den Brink"
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return True  # t.a.v, U.S
    return bool(re.fullmatch(r"[ivx]+", word) and before.rstrip().endswith(")"))


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
