"""Differences -> kind + severity + a one-line explanation.

Works on tokens, not characters, in this order (first rule that applies wins):

1. references: a hunk inside a parsed citation is judged by comparing the citations as values
   (same document, pages and digits -> cosmetic, else substantive with the field that changed);
2. signatories: a changed name line compares surnames (same surname, other given-name form ->
   "verify"; other surname -> a different signatory);
3. edition: header lines that follow from the edition (addressee chamber, Nr. vs EK letter) ->
   expected, when the two versions are of different chambers;
4. token classes: only spacing inside a number -> cosmetic; only case -> editorial (cosmetic when a
   whole line is set in capitals); only punctuation -> editorial; digits -> substantive number or
   date; a negation word added or removed -> substantive;
5. one word for one word: close in spelling and one side not a Dutch word (wordfreq lexicon, with
   compound splitting) -> editorial spelling, naming the side with the misspelling; both words,
   same stem -> editorial inflection; otherwise -> substantive wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from difftool.inline import Hunk
from difftool.lexicon import score as word_score
from difftool.lexicon import zipf
from difftool.model import SEVERITY_ORDER, Block, BlockKind, Kind, Severity, Token
from difftool.references import Reference, explain_change
from difftool.sentences import MONTHS

NEGATIONS = frozenset({"niet", "geen", "nooit", "niets", "nergens", "geenszins", "not", "no", "never", "none"})
AMOUNT_WORDS = frozenset({"€", "eur", "euro", "%", "procent", "mln", "miljoen", "mld", "miljard", "duizend", "fte"})
MODALS = frozenset(
    "moet moeten moest moesten kan kunnen kon konden mag mogen mocht mochten zal zullen zou zouden "
    "wil willen wilde wilden hoeft hoeven hoefde dient dienen".split()
)
"""Modal verbs: ``moet`` for ``kan`` changes an obligation into a possibility."""
PARTICLES = frozenset(
    {"van", "de", "den", "der", "het", "ten", "ter", "te", "in", "op", "'t", "von", "le", "la", "du", "d'"}
)


@dataclass(frozen=True, slots=True)
class Verdict:
    severity: Severity
    kind: Kind
    explanation: str


def show(tokens: tuple[Token, ...]) -> str:
    """Tokens as the reader saw them, spaced as in the text (approximately)."""
    out = ""
    prev_end = None
    for t in tokens:
        if prev_end is not None and t.start > prev_end:
            out += " "
        out += t.text
        prev_end = t.end
    return out


def _is_punct(t: Token) -> bool:
    return not any(c.isalnum() for c in t.text)


def _has_digit(tokens: tuple[Token, ...]) -> bool:
    return any(any(c.isdigit() for c in t.text) for t in tokens)


def quote(text: str, limit: int = 60) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "\u2026"
    return f"'{text}'"


def classify_tokens(
    a: tuple[Token, ...],
    b: tuple[Token, ...],
    caps_a: bool = False,
    caps_b: bool = False,
    near: str = "",
    sentences: bool = False,
    extracted: bool = False,
) -> Verdict:
    """Classify a differing hunk by its tokens (rules 4 and 5); ``near`` is the text of the tokens
    just around the hunk, so ``3`` before ``juni`` is a date; ``sentences`` says that what one
    side has and the other lacks is one or more whole sentences; ``extracted`` that a side is text
    pulled out of a PDF, whose extractor splits words at the page's line ends."""
    ja = "".join(t.key for t in a)
    jb = "".join(t.key for t in b)
    sa, sb = show(a), show(b)
    if sentences and bool(a) != bool(b):
        side = "removed" if a else "added"
        return Verdict(Severity.SUBSTANTIVE, Kind(f"sentence-{side}"), f"sentence {side}: {quote(sa or sb)}")
    if ja == jb:
        if _has_digit(a) or _has_digit(b):
            return Verdict(Severity.COSMETIC, Kind.NUMBER_FORMAT, f"number grouping {quote(sa)} vs {quote(sb)}")
        if any(_is_punct(t) for t in a + b):
            return Verdict(Severity.COSMETIC, Kind.SPACING, f"spacing around punctuation {quote(sa)} vs {quote(sb)}")
        if extracted:
            return Verdict(
                Severity.COSMETIC, Kind.SPACING, f"word spacing {quote(sa)} vs {quote(sb)} (a PDF extractor's line end)"
            )
        return Verdict(Severity.EDITORIAL, Kind.SPELLING, f"word spacing {quote(sa)} vs {quote(sb)}")
    if ja.replace("-", "") == jb.replace("-", "") and (_has_hyphen(a) or _has_hyphen(b)):
        return Verdict(Severity.COSMETIC, Kind.HYPHENATION, f"hyphenation {quote(sa)} vs {quote(sb)}")
    if ja.casefold() == jb.casefold():
        if caps_a or caps_b:
            return Verdict(Severity.COSMETIC, Kind.LETTER_CASE, f"line set in capitals: {quote(sa)} vs {quote(sb)}")
        return Verdict(Severity.EDITORIAL, Kind.CAPITALISATION, f"capitalisation {quote(sa)} \u2192 {quote(sb)}")
    if all(_is_punct(t) for t in a + b):
        what = "punctuation " + (
            f"{quote(sa)} \u2192 {quote(sb)}" if a and b else f"{quote(sa or sb)} {'removed' if a else 'added'}"
        )
        return Verdict(Severity.EDITORIAL, Kind.PUNCTUATION, what)
    words_a = [t for t in a if not _is_punct(t)]
    words_b = [t for t in b if not _is_punct(t)]
    neg_a = {t.key.casefold() for t in words_a} & NEGATIONS
    neg_b = {t.key.casefold() for t in words_b} & NEGATIONS
    if neg_a != neg_b:
        return Verdict(
            Severity.SUBSTANTIVE, Kind.NEGATION, f"negation changed: {quote(sa or '∅')} \u2192 {quote(sb or '∅')}"
        )
    if _has_digit(a) or _has_digit(b):
        words = {t.key.casefold() for t in a + b} | set(near.casefold().split())
        kind = Kind.DATE if words & MONTHS else Kind.AMOUNT if words & AMOUNT_WORDS else Kind.NUMBER
        return Verdict(Severity.SUBSTANTIVE, kind, f"{kind} {quote(sa or '∅')} \u2192 {quote(sb or '∅')}")
    if not words_a or not words_b:
        if not words_a and not words_b:
            return Verdict(Severity.EDITORIAL, Kind.PUNCTUATION, f"punctuation {quote(sa)} \u2192 {quote(sb)}")
        side = "added" if words_b else "removed"
        return Verdict(Severity.SUBSTANTIVE, Kind(f"text-{side}"), f"text {side}: {quote(sb if words_b else sa)}")
    if len(words_a) == 1 and len(words_b) == 1:
        return _one_word(words_a[0].text, words_b[0].text, sa, sb)
    if len(words_a) == len(words_b) and all(
        x.key.casefold() == y.key.casefold() or _close(x.text, y.text) for x, y in zip(words_a, words_b)
    ):
        verdicts = [_one_word(x.text, y.text, x.text, y.text) for x, y in zip(words_a, words_b) if x.key != y.key]
        worst = min(verdicts, key=lambda v: SEVERITY_ORDER.index(v.severity))
        return Verdict(worst.severity, worst.kind, "; ".join(v.explanation for v in verdicts))
    return Verdict(Severity.SUBSTANTIVE, Kind.WORDING, f"wording {quote(sa)} \u2192 {quote(sb)}")


CONFIDENT_COMPOUND = 2.5
"""A form missing from the lexicon is taken as the right one only when it splits into common parts."""


def _has_hyphen(tokens: tuple[Token, ...]) -> bool:
    return any(t.key == "-" for t in tokens)


def _close(x: str, y: str) -> bool:
    x, y = x.casefold(), y.casefold()
    d = Levenshtein.distance(x, y)
    return d <= 2 and d <= max(1, min(len(x), len(y)) // 3)


def _one_word(x: str, y: str, sa: str, sb: str) -> Verdict:
    if x.casefold() == y.casefold():
        return Verdict(Severity.EDITORIAL, Kind.CAPITALISATION, f"capitalisation {quote(sa)} \u2192 {quote(sb)}")
    if x.casefold() in MODALS and y.casefold() in MODALS and not _same_stem(x, y):
        return Verdict(Severity.SUBSTANTIVE, Kind.MODALITY, f"modal verb {quote(sa)} \u2192 {quote(sb)}")
    kx, ky = zipf(x) >= 1.0, zipf(y) >= 1.0
    stem = _same_stem(x, y)
    if kx and ky:
        if stem:
            return Verdict(Severity.EDITORIAL, Kind.INFLECTION, f"inflection {quote(sa)} \u2192 {quote(sb)}")
        return Verdict(Severity.SUBSTANTIVE, Kind.WORDING, f"word {quote(sa)} \u2192 {quote(sb)}")
    wx, wy = word_score(x), word_score(y)
    if stem and wx >= 1.0 and wy >= 1.0:
        return Verdict(Severity.EDITORIAL, Kind.INFLECTION, f"inflection {quote(sa)} \u2192 {quote(sb)}")
    if _close(x, y) or Indel.normalized_similarity(x.casefold(), y.casefold()) >= 0.75:
        bad = _misspelled(kx, ky, wx, wy)
        if bad is None:
            return Verdict(
                Severity.EDITORIAL,
                Kind.SPELLING,
                f"spelling differs: {quote(sa)} vs {quote(sb)} (neither is in the lexicon)",
            )
        wrong, right = (sb, sa) if bad == "B" else (sa, sb)
        return Verdict(
            Severity.EDITORIAL,
            Kind.SPELLING,
            f"spelling: {quote(wrong)} in {bad} is a misspelling of {quote(right)}",
        )
    note = ""
    if kx != ky:
        note = f" ({quote(sb if kx else sa)} is not a Dutch word)"
    return Verdict(Severity.SUBSTANTIVE, Kind.WORDING, f"word {quote(sa)} \u2192 {quote(sb)}{note}")


def _misspelled(kx: bool, ky: bool, wx: float, wy: float) -> str | None:
    """Which of two close forms the lexicon calls the misspelling (``A`` or ``B``), from whether
    each is a word (``kx``, ``ky``) and how word-like each is (``wx``, ``wy``); None: it cannot tell."""
    if kx != ky:
        return "B" if kx else "A"
    if not kx and _one_clearly_better(wx, wy):
        return "B" if wx > wy else "A"
    return None


def misspelled(x: str, y: str) -> str | None:
    """Which of two spellings of one word the Dutch word list calls wrong: ``A`` (``x``), ``B``
    (``y``) or None when it cannot tell (both words, neither, or no clear winner). The rule of
    :func:`classify_tokens`' spelling verdict, for callers that weigh several spellings at once."""
    if x.casefold() == y.casefold():
        return None
    return _misspelled(zipf(x) >= 1.0, zipf(y) >= 1.0, word_score(x), word_score(y))


def right_spelling(forms: Sequence[str]) -> int | None:
    """Index of the one form that the word list prefers to every other (each other form is the
    misspelling against it), or None when it cannot tell. ``forms`` are spellings of one word
    (``toerismedoelenden``, ``toerismedoelinden``, ``toerismedoeleinden`` -> 2)."""
    distinct = {f.casefold() for f in forms}
    if len(distinct) < 2:
        return None
    for i, right in enumerate(forms):
        if all(f.casefold() == right.casefold() or misspelled(f, right) == "A" for f in forms):
            return i
    return None


def _one_clearly_better(wx: float, wy: float) -> bool:
    """Of two forms missing from the lexicon, one is the right spelling when it splits into common
    parts and the other does not split at all, or when it splits clearly better."""
    lo, hi = sorted((wx, wy))
    return hi >= 1.0 and (lo == 0.0 or (hi >= CONFIDENT_COMPOUND and hi - lo >= 0.5))


def _same_stem(x: str, y: str) -> bool:
    x, y = x.casefold(), y.casefold()
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return n >= 4 and len(x) - n <= 3 and len(y) - n <= 3


# --- references ------------------------------------------------------------------------------


def ref_at(refs: tuple[Reference, ...], start: int, end: int) -> Reference | None:
    """The reference whose span overlaps display range [start, end) (or holds an insertion point, not
    at its very end: words added after a citation are not part of it); the innermost one when
    references nest (a TZ id or a motie inside a Kamerstukken citation)."""
    hits = [
        r
        for r in refs
        if (start < end and r.start < end and start < r.end) or (start == end and r.start <= start < r.end)
    ]
    return min(hits, key=lambda r: r.end - r.start, default=None)


def pair_references(ra: tuple[Reference, ...], rb: tuple[Reference, ...]) -> dict[int, int]:
    """Pair references of two versions of one unit by order within type family (A index -> B index)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, x in enumerate(ra):
        best, best_j = -1.0, -1
        for j, y in enumerate(rb):
            if j in used:
                continue
            s = _ref_affinity(x, y) - 0.01 * abs(i - j)
            if s > best:
                best, best_j = s, j
        if best_j >= 0 and best > 0:
            pairs[i] = best_j
            used.add(best_j)
    return pairs


def _ref_affinity(x: Reference, y: Reference) -> float:
    if x.ident or y.ident:
        if x.type != y.type:
            return 0.0
        return 2.0 if x.ident == y.ident else 1.0
    s = 1.0
    s += x.number == y.number
    s += x.dossiers == y.dossiers
    s += x.year == y.year
    return s


def reference_verdict(a: Reference | None, b: Reference | None) -> Verdict:
    if a is not None and b is not None and a.same_citation(b):
        return Verdict(Severity.COSMETIC, Kind.REFERENCE_FORMAT, f"same reference, written differently: {a.describe()}")
    return Verdict(Severity.SUBSTANTIVE, Kind.REFERENCE, explain_change(a, b))


# --- names -----------------------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str]:
    """(given-name part, surname with particles lower-cased) of a printed name."""
    words = name.replace("\u00a0", " ").split()
    given: list[str] = []
    i = 0
    while (
        i < len(words) - 1
        and words[i].casefold() not in PARTICLES
        and (re.fullmatch(r"(?:[A-Z][a-z]?\.)+", words[i]) or (words[i][:1].isupper() and i == 0))
    ):
        given.append(words[i])
        i += 1
    surname = " ".join(w.casefold() if w.casefold() in PARTICLES else w for w in words[i:])
    return " ".join(given), surname


def name_verdict(a: str, b: str) -> Verdict:
    ga, sa = split_name(a)
    gb, sb = split_name(b)
    if sa.casefold() == sb.casefold():
        return Verdict(
            Severity.SUBSTANTIVE,
            Kind.SIGNATORY_NAME_FORM,
            f"signatory {quote(a)} \u2192 {quote(b)}: same surname, different given-name form (verify)",
        )
    return Verdict(Severity.SUBSTANTIVE, Kind.SIGNATORY, f"different signatory: {quote(a)} \u2192 {quote(b)}")


def hunk_text_range(h: Hunk, side: str) -> tuple[int, int]:
    """Display-text range [start, end) of a hunk's tokens on one side."""
    return token_range(h.a if side == "a" else h.b)


def token_range(toks: tuple[Token, ...]) -> tuple[int, int]:
    """Display-text range [start, end) of a run of tokens ((-1, -1) for none)."""
    if not toks:
        return (-1, -1)
    return (toks[0].at, toks[-1].at + len(toks[-1].text))


# --- verdicts on structure: what the engine found by aligning, judged here ---------------------


def edition_verdict(field: str, a: tuple[Token, ...], b: tuple[Token, ...]) -> Verdict:
    """A header line that differs because the editions differ (chamber, number or letter, year)."""
    return Verdict(
        Severity.EXPECTED, Kind.EDITION, f"edition: {field} {quote(show(a) or '∅')} \u2192 {quote(show(b) or '∅')}"
    )


def surface_verdict(a: tuple[Token, ...], b: tuple[Token, ...]) -> Verdict:
    """Tokens with the same key written with other characters: quotes, dashes, ligatures, spaces."""
    kinds = sorted({_surface_kind(x.text, y.text) for x, y in zip(a, b)})
    kind = kinds[0] if len(kinds) == 1 else Kind.TYPOGRAPHY
    return Verdict(Severity.COSMETIC, kind, f"{kind.replace('-', ' ')}: {quote(show(a))} vs {quote(show(b))}")


def _surface_kind(x: str, y: str) -> Kind:
    if any(c in "'\"\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e" for c in x + y):
        return Kind.QUOTE_STYLE
    if any(c in "-\u2010\u2011\u2012\u2013\u2014\u2212" for c in x + y):
        return Kind.DASH_STYLE
    return Kind.TYPOGRAPHY


def paragraph_break_verdict(in_a: int, in_b: int) -> Verdict:
    """The same text cut into paragraphs elsewhere: a layout choice."""
    if in_a == in_b:
        what = f"{in_a} paragraphs with their breaks elsewhere"
    elif in_a < in_b:
        what = f"paragraph split into {in_b} paragraphs"
    else:
        what = f"paragraph merged from {in_a} paragraphs"
    return Verdict(Severity.COSMETIC, Kind.PARAGRAPH_BREAK, what)


def moved_verdict(text: str) -> Verdict:
    """A paragraph stands elsewhere: the order of an argument is content."""
    return Verdict(Severity.SUBSTANTIVE, Kind.MOVED, f"paragraph moved: {quote(text, 50)}")


def footnote_number_verdict(a: int, b: int) -> Verdict:
    """The same footnote under another number (one was added or removed before it)."""
    return Verdict(Severity.COSMETIC, Kind.FOOTNOTE_NUMBER, f"footnote {a} is numbered {b} in B")


def footnote_only_verdict(number: int, text: str, in_a: bool) -> Verdict:
    """A footnote in one version only: a citation added or dropped."""
    side = "removed" if in_a else "added"
    return Verdict(
        Severity.SUBSTANTIVE,
        Kind(f"footnote-{side}"),
        f"footnote {number} only in {'A' if in_a else 'B'}: {quote(text)}",
    )


def run_verdict(
    blocks: Sequence[Block], in_a: bool, editions_differ: bool, other_has_header: bool, text: str
) -> Verdict:
    """A run of blocks present in one version only: header lines of another edition, a signature
    block, a section (with a heading, or several blocks) or one paragraph."""
    here, other = ("A", "B") if in_a else ("B", "A")
    side = "removed" if in_a else "added"
    if all(x.kind is BlockKind.HEADER for x in blocks) and (editions_differ or not other_has_header):
        why = "the other version has no header" if not other_has_header else "the editions differ"
        return Verdict(Severity.EXPECTED, Kind.EDITION, f"edition: header only in {here} ({why}): {quote(text)}")
    if all(x.kind in (BlockKind.SIGNATURE_ROLE, BlockKind.SIGNATURE_NAME) for x in blocks):
        names = ", ".join(x.text for x in blocks if x.kind is BlockKind.SIGNATURE_NAME) or text
        return Verdict(Severity.SUBSTANTIVE, Kind(f"signature-{side}"), f"signature block only in {here}: {names}")
    heading = next((x for x in blocks if x.kind in (BlockKind.HEADING, BlockKind.ANNEX_START)), None)
    if len(blocks) > 1 or heading is not None:
        title = heading.text if heading is not None else blocks[0].text
        expl = f"section {quote(title, 70)} ({len(blocks)} blocks) only in {here}, not in {other}"
        return Verdict(Severity.SUBSTANTIVE, Kind(f"section-{side}"), expl)
    first = blocks[0]
    expl = f"{first.kind.value.replace('-', ' ')} only in {here}: {quote(first.text)}"
    return Verdict(Severity.SUBSTANTIVE, Kind(f"paragraph-{side}"), expl)


def furniture_verdict(a: Sequence[str], b: Sequence[str], editions_differ: bool) -> Verdict:
    """Running headers and footers taken out of the text: expected between editions or when only
    one version had them (a PDF against a DOCX), cosmetic otherwise."""

    def count(lines: Sequence[str]) -> str:
        return f"{len(lines)} line(s), e.g. {quote(lines[0])}" if lines else "none"

    sev = Severity.EXPECTED if editions_differ or not (a and b) else Severity.COSMETIC
    return Verdict(sev, Kind.PAGE_FURNITURE, f"running headers/footers: A {count(a)}; B {count(b)}")
