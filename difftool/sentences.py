"""Sentence splitting for Dutch and English that keeps offsets.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by space
and a capital, digit or opening quote, unless the word before the stop is an abbreviation
(``jl.``, ``t.a.v.``, ``U.S.``, ``Mr.``, ``Jan.``), an initial (``G. van den Brink``) or a list
numeral (``i.)``). Abbreviations that stand before a number (``nr. 1007``, ``p. 12``, ``art. 3``)
only hold when a number follows, so ``My answer is no. A car…`` still ends at ``no.``.
Spans are ``(start, end)`` indices into the text; the text between two sentences is only white
space. Lower-case after a full stop never starts a sentence (``o.a. de Raad``).
"""

from __future__ import annotations

import re

MONTH_ABBREVIATIONS = frozenset("jan feb mrt apr jun jul aug sep sept okt oct nov dec".split())
MONTHS = (
    frozenset("januari februari maart april mei juni juli augustus september oktober november december".split())
    | MONTH_ABBREVIATIONS
)
"""Dutch month names and their abbreviations: a number next to one is a date."""
ABBREVIATIONS = (
    frozenset(
        """
        jl zgn bijv bv ca dhr mevr mr dr drs ir ing prof resp incl excl vgl vs e.g i.e a.s t.a.v o.a
        m.b.t i.v.m c.s d.w.z m.a.w z.g.a.n.w n.a.v m.n e.d jr sr st mrs ms inc ltd co corp dept gov
        approx cf al u.s u.k e.u
        """.split()
    )
    | MONTH_ABBREVIATIONS
)
"""Never end a sentence. ``etc.`` and ``enz.`` are left out: at the end of a sentence they end it."""
BEFORE_NUMBER = frozenset("nr nrs no nos p pp art artt blz pag fig vol par hfst min max".split())
"""Abbreviations only when a number follows (``nr. 1007``, ``art. 3``)."""
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"'\u201d\u2019)\]]*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text[start : m.start() + 1], text[m.end() :]):
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


def _is_abbreviation(before: str, after: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).rstrip(".").casefold()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if word in BEFORE_NUMBER:
        return after.lstrip()[:1].isdigit()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "G. van den Brink"
    if word.isdigit() and not before[: m.start()].strip():
        return True  # an enumerator opening the text: "1. Algemene staat"
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return True  # t.a.v, U.S
    return bool(re.fullmatch(r"[ivx]+", word) and before.rstrip().endswith(")"))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]
