"""Text that a PDF tool pulled out of a published letter, read back into the letter it was.

pdftotext (raw or ``-layout``), pdfminer, pdfplumber and a viewer's copy flatten each page into
lines: the running footer sits between two halves of a sentence, the footnote bodies of a page in
the middle of a paragraph, the markers are plain digits. What the native reader
(:mod:`difftool.parse.pdf`) sees in the layout, this reader recovers from evidence in the text:

- **pages**: the form feeds the tool wrote; without them, the running header or footer (a line
  that repeats carrying that page's number) marks where a page ends;
- **furniture**: lines at a page's top or foot that repeat on other pages with their page's
  number, or unchanged on most pages; a page number on its own; a Kamerstuk running footer, also
  when raw pdftotext ran it into the page's last line of text;
- **the footnote zone**: the lines at a page's foot that start with the next footnote numbers in
  sequence (``1 Conform …``, or the number on its own line and the body under it), running to the
  page's end; or, as raw pdftotext writes a PDF whose footnote numbers are text runs of their
  own, numbers apart from their bodies and out of order. A zone counts only when its first
  number's marker is found in the page's text;
- **markers**: superscript digits; digits glued to a word or after punctuation
  (``wetsvoorstel16``, ``aangenomen.6``); digits after punctuation and a space
  (``radicalisering. 1 Daarnaast``); digits that justified text set apart from their word
  (``Migratie 5 om``). Each is accepted only as the next number of the sequence and only on the
  page whose zone holds that body (or, for a note moved to the next page's foot because it did not
  fit, in the last lines of the page before), so ``2026``, ``nr. 1014``, ``32 317`` and
  ``op 5 juni`` never are;
- **paragraphs**: a blank line, a list item, a first-line indent, or a line that stopped short
  although the next word would have fitted ends one (lengths judged against the page's full line
  in characters and in estimated width, :func:`_width`; two printed lines that raw pdftotext ran
  together, the second short, end one too); otherwise it runs on, across pages and around the
  footnote bodies and furniture between its halves;
- **hyphenation** at line ends is resolved with the Dutch lexicon (:func:`join_lines`).
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from difftool.lexicon import known, zipf
from difftool.parse.common import (
    EDGE_NUMBER,
    FURNITURE,
    HEADER_LINES,
    HYPHENS,
    PAGE_NUMBER,
    SENTENCE_END,
    SUPERSCRIPT_DIGIT,
    SUPERSCRIPTS,
    Para,
    Parsed,
    join_lines,
    strip_markup,
)
from difftool.parse.extracted import without_spans
from difftool.sentences import ABBREVIATIONS, BEFORE_NUMBER, MONTHS
from difftool.text import Mapped

_BULLET_GLYPHS = "\uf0b7\uf0a7\uf0d8\uf0fc\u2022\u25cf\u25aa\u25a0\u00b7\u2023\u25e6\u2043\u25cb"
_BULLET_ONLY = re.compile(rf"^\s*[{_BULLET_GLYPHS}]\s*$")
_BULLET_LEAD = re.compile(rf"^(\s*)[{_BULLET_GLYPHS}](?=\s)")
_LIST_START = re.compile(r"^\s*(?:[-\u2022\u25cf\u2013*]\s|\(?[a-z]\)\s|[a-z]\.\s|[ivx]{1,4}[.)]\s|\d{1,2}[.)]\s+\S)")
_RUNNING_TAIL = re.compile(r"(?:Eerste|Tweede) Kamer,? vergaderjaar .*$")
_BODY = re.compile(rf"^\s*(?:(\d{{1,3}})|([{SUPERSCRIPTS}]{{1,3}}))(?:\s+|(?<=[{SUPERSCRIPTS}])\s*)(?=\S)")
_BARE = re.compile(r"^\s*(\d{1,3})\s*$")
_WORD = re.compile(r"\S+")
_BROKEN_WORD = re.compile(rf"[^\W\d_][{HYPHENS}]\s*$")
"""A line that ends in a word broken by a hyphen runs on into the next."""

# Marker candidates, strongest first. A glued run follows a letter or closing punctuation and
# ends the word (``Unie.2 Nederland``, ``wetsvoorstel16``, ``AI1``); a spaced one follows
# punctuation and is followed by a capital or the line's end (``doorreis. 5 Het``).
_SUP_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
_GLUED = re.compile(r"(?<=[^\W\d_]|[.,;:)\]\"'\u201d\u2019])(\d{1,12})(?=[.,;:)]?(?:\s(?!\s*\d)|$))")
_AFTER_WORD = re.compile(r"(?<=[^\W\d_]{3}) (\d{1,3})(?=([.,;:]?)(?:\s+([^\W\d_]+)|\s*$))")
"""Weakest: a marker that justified text set apart from the word before it (``Migratie 5 om``,
``Boswijk 9`` or ``dragen 4.`` at the line's end)."""
_NOT_BEFORE_A_MARKER = frozenset(
    """de het een op in van met voor tot na over dan en of per tussen ruim circa ongeveer bijna
    meer minder dan nog ook alle beide elk iedere artikel artikelen lid leden hoofdstuk bijlage
    punt punten fase stap week weken dag dagen jaar jaren maand maanden uur nummer nr nrs""".split()
)
_SPACED = re.compile(r"(?<=[.,;:)\"'\u201d\u2019]) (\d{1,12})(?=\s+[A-Z(\u2018\u201c\"']|\s*$)")


@dataclass(frozen=True, slots=True)
class _Line:
    text: Mapped
    page: int
    blank: bool

    @property
    def indent(self) -> int:
        return len(self.text.text) - len(self.text.text.lstrip())


def parse_pdf_text(text: str) -> Parsed:
    """Extracted PDF text -> (paragraphs, footnote bodies, furniture) for ``build_letter``."""
    pages, furniture, bounded = _without_furniture(_pages(text))
    bodies: dict[int, Mapped] = {}
    stream: list[_Line] = []
    cuts: dict[int, list[tuple[int, int]]] = {}
    refs_at: dict[int, tuple[int, ...]] = {}
    marks_at: dict[int, tuple[tuple[int, int], ...]] = {}
    next_note = 1
    queue = list(reversed(pages))
    number = 0
    before: list[_Line] = []  # the text the page before this one kept
    last_at = -1  # where the last marker placed stands in the text
    measure = _measure([len(ln.text.text.rstrip()) for page in pages for ln in page if not ln.blank])
    while queue:
        page = queue.pop()
        number += 1
        last_body = max(bodies, default=None)
        zone = next(
            (
                (kept, end, found, markers)
                for kept, end, found in _candidate_zones(page, next_note, bounded, _next_start(queue))
                if (markers := _page_markers(kept, found, before, last_at))
            ),
            None,
        )
        if zone is None:
            before = page = _take_rest_of_body(page, bodies, last_body, measure)
            stream.extend(_numbered(page, number - 1))
            continue
        kept, end, found, markers = zone
        before = kept = _take_rest_of_body(kept, bodies, last_body, measure)
        bodies.update(found)
        next_note = max(found) + 1
        last_at = markers[-1][3]
        for key, spans, numbers, at in markers:
            cuts.setdefault(key, []).extend(spans)
            refs_at[key] = refs_at.get(key, ()) + numbers
            marks_at[key] = marks_at.get(key, ()) + tuple((at, n) for n in numbers)
        stream.extend(_numbered(kept, number - 1))
        if end < len(page):
            queue.append(page[end:])  # without form feeds, the zone ended the page
    return _paragraphs(stream, cuts, refs_at, marks_at), bodies, furniture


REST_OF_BODY_LINES = 3
"""Lines of a footnote body that may run on at the foot of the next page."""


def _take_rest_of_body(text: list[_Line], bodies: dict[int, Mapped], last: int | None, measure: float) -> list[_Line]:
    """The page's text without the rest of footnote ``last``, which is added to its body (in place)."""
    if last is None or (split := _rest_of_body(text, bodies[last], measure)) is None:
        return text
    rest, kept = split
    bodies[last] = join_lines([bodies[last], *rest])
    return kept


def _rest_of_body(page: list[_Line], body: Mapped, measure: float) -> tuple[list[Mapped], list[_Line]] | None:
    """The rest of a footnote body that ran on to this page's foot, and the page without it.

    A long note is continued at the foot of the next page, without its number. It is taken to have
    been when the last body so far is longer than a line of text and ends no sentence (a citation
    without a full stop is short), and the page's text ends, after a blank line, in a few lines
    that end one, one of them wider than any line of text (the notes' smaller type holds more on a
    line) and the first no list item; those lines come before any numbered body of the page's own
    zone. A rest whose lines are no wider than the text's shows the same by its first line: set
    apart by a blank line, in lower case, below text that ended (``toegezonden.``; :func:`_ended_above`).

    Where the tool writes no blank lines (pdfplumber), the lines are set apart from the text by
    their first line (:func:`_opens_rest`)."""
    if len(body.text) <= measure or _complete(body.text):
        return None
    filled = [i for i, ln in enumerate(page) if not ln.blank]
    blankless = len(filled) == len(page)
    for n in range(1, min(REST_OF_BODY_LINES, len(filled)) + 1):
        first, last = filled[-n], filled[-1]
        run = [page[i].text for i in filled[-n:]]
        wide = any(len(line.text.rstrip()) > measure for line in run)  # the notes' smaller type
        set_apart = (
            first == 0 or page[first - 1].blank or (blankless and _opens_rest(run[0].text, page[first - 1], measure))
        )
        item = _BULLET_LEAD.match(run[0].text) or _LIST_START.match(run[0].text.lstrip())
        lower = first > filled[0] and page[first - 1].blank and _ended_above(page, first, measure, run[0].text)
        if set_apart and (wide or lower) and _complete(run[-1].text) and not item:
            return run, page[:first] + page[last + 1 :]
    return None


def _ended_above(page: list[_Line], first: int, measure: float, line: str) -> bool:
    """Is ``line``, in lower case after a blank line, the rest of something other than the page's
    text? It starts no paragraph, so it goes on with something: not with the text above when that
    ended (a finished sentence, or a line that stopped short, as a signature's name), only with a
    note. After a full line it is the text going on (the next page's first line, in a stream
    without form feeds)."""
    above = next(ln.text.text.rstrip() for ln in reversed(page[:first]) if not ln.blank)
    return line.lstrip()[:1].islower() and (_complete(above) or len(above.strip()) < SURELY_FITS * measure)


NOTE_WIDER = 1.15
"""A line this many times as long as a full line of text is set in the notes' smaller type."""


def _opens_rest(text: str, above: _Line, measure: float) -> bool:
    """Does a line that no blank line sets apart start the rest of a note: in lower case after a
    finished sentence, or in the notes' type and not in lower case (text that goes on)?"""
    t = text.strip()
    if t[:1].islower():
        return _complete(above.text.text)
    return len(t) > NOTE_WIDER * measure


def _numbered(lines: list[_Line], page: int) -> list[_Line]:
    """The lines a page keeps, with its number; the rest of a stream is numbered when it is a page."""
    return [replace(ln, page=page) for ln in lines]


# --- pages and furniture -----------------------------------------------------------------------


def _pages(text: str) -> list[list[_Line]]:
    """Lines per page, split at form feeds."""
    pages: list[list[Mapped]] = [[]]
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        line = Mapped(text[pos:end], tuple(range(pos, end))).sub(_RUN_YEARS, _years)
        while "\f" in line.text:
            cut = line.text.index("\f")
            if line.text[:cut].strip():
                pages[-1].append(line.slice(0, cut))
            pages.append([])
            line = line.slice(cut + 1)
        pages[-1].append(line)
        if nl < 0:
            break
        pos = nl + 1
    out = [[_Line(ln, n, not ln.text.strip()) for ln in _raised_suffixes(page)] for n, page in enumerate(pages)]
    return [p for p in out if any(not ln.blank for ln in p)]


_SUFFIXES = re.compile(r"^\s*(?:(?:ste|de|e)\s+)*(?:ste|de|e)\s*$")
"""A line of nothing but the suffixes of Dutch ordinals (``28ste``, ``2de``, ``21e``) set raised:
an extractor that cuts lines by their top (pdfplumber) writes them on a line of their own, above
the line they belong to (``ste`` / ``28 regime``)."""
_ORDINAL_NUMBER = re.compile(r"(?<![\w.,])\d{1,4}(?=\s|$)")


def _raised_suffixes(lines: list[Mapped]) -> list[Mapped]:
    """Each line of raised ordinal suffixes put back after the numbers of the line below, when that
    line has exactly as many standalone numbers as there are suffixes (else it stays as it is)."""
    out: list[Mapped] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        below = lines[k + 1] if k + 1 < len(lines) else None
        if below is not None and _SUFFIXES.match(line.text):
            suffixes = [line.slice(m.start(), m.end()) for m in _WORD.finditer(line.text)]
            numbers = [m.end() for m in _ORDINAL_NUMBER.finditer(below.text)]
            if len(numbers) == len(suffixes):
                parts, pos = [], 0
                for at, suffix in zip(numbers, suffixes, strict=True):
                    parts += [below.slice(pos, at), suffix]
                    pos = at
                out.append(Mapped.join([*parts, below.slice(pos)], ""))
                k += 2
                continue
        out.append(line)
        k += 1
    return out


_RUN_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:19|20)?\d\d)(?!\d)")
"""Two years run together: raw pdftotext drops the hyphen of ``2024-`` at a line's end, in the
long form (``2024-2025``) and the short one (``2023-24``)."""


def _years(m: re.Match[str]) -> str:
    """A parliamentary year (``2024-2025``, ``2023-24``) whose hyphen was dropped gets it back."""
    first, second = m.group(1), m.group(2)
    following = int(first) + 1 if len(second) == 4 else (int(first) + 1) % 100
    return f"{first}-{second}" if int(second) == following else m.group(0)


def _running_key(text: str) -> str:
    """A running header or footer without the page number it carries."""
    return " ".join(EDGE_NUMBER.sub(" ", f" {text} ").split()).casefold()


def _edges(page: list[_Line], n: int = 3) -> list[int]:
    """The page's first and last ``n`` lines of text, the foot's counted above the bare numbers
    there (page and footnote numbers that raw pdftotext writes after the running footer)."""
    filled = [i for i, ln in enumerate(page) if not ln.blank]
    worded = [i for i in filled if not _BARE.match(page[i].text.text)]
    return sorted(set(filled[:n] + filled[-n:] + worded[-n:]))


def _without_furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], tuple[str, ...], bool]:
    """Take running headers, footers and page numbers out; without form feeds, they also tell
    where one page ends and the next begins. The flag says whether page ends are known."""
    if len(pages) > 1:
        kept, names = _paged_furniture(pages)
        return kept, names, True
    kept, names = _stream_furniture(pages[0] if pages else [])
    return kept, names, len(kept) > 1


def _paged_furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], tuple[str, ...]]:
    """On pages the tool separated: the lines at a page's edges that run on every page."""
    found: set[tuple[int, int]] = set()
    trimmed: dict[tuple[int, int], _Line] = {}
    names: dict[str, None] = {}
    seen: dict[str, dict[int, int | None]] = {}
    for p, page in enumerate(pages):
        for i in _edges(page):
            t = page[i].text.text
            seen.setdefault(_running_key(t), {})[p] = _page_number_at_edge(t)
    for p, page in enumerate(pages):
        number_line = _page_number_line(page, p + 1)
        for i in _edges(page):
            t = page[i].text.text
            repeated = _repeats(_running_key(t), seen, len(pages))
            page_number = i == number_line or (PAGE_NUMBER.match(t) is not None and not _BARE.match(t))
            if repeated or _is_footer(t) or page_number:
                found.add((p, i))
                names[_furniture_name(t)] = None
            elif (tail := _RUNNING_TAIL.search(t)) and tail.start() > 0 and FURNITURE.match(tail.group(0)):
                # raw pdftotext may run the footer into the page's last line of text
                trimmed[(p, i)] = replace(page[i], text=page[i].text.slice(0, tail.start()))
                names[_furniture_name(tail.group(0))] = None
    kept = [
        [trimmed.get((p, i), ln) for i, ln in enumerate(page) if (p, i) not in found] for p, page in enumerate(pages)
    ]
    return kept, tuple(names)


def _stream_furniture(page: list[_Line]) -> tuple[list[list[_Line]], tuple[str, ...]]:
    """In one stream: a running line repeats with its page number counting up, or is a Kamerstuk
    footer; each one ends a page."""
    names: dict[str, None] = {}
    groups: dict[str, list[int]] = {}
    for i, ln in enumerate(page):
        if not ln.blank and len(ln.text.text.strip()) < 120:
            groups.setdefault(_running_key(ln.text.text), []).append(i)
    running: set[int] = set()
    for key, idxs in groups.items():
        numbers = [_page_number_at_edge(page[i].text.text, start_too=False) for i in idxs]
        if len(key) > 2 and _counting(numbers):
            running.update(idxs)
    for i, ln in enumerate(page):
        if not ln.blank and _is_footer(ln.text.text):
            running.add(i)
    out: list[list[_Line]] = [[]]
    for i, ln in enumerate(page):
        if i in running:
            names[_furniture_name(ln.text.text)] = None
            if any(not x.blank for x in out[-1]):
                out.append([])
            continue
        out[-1].append(ln)
    return [p for p in out if p], tuple(names)


def _repeats(key: str, seen: dict[str, dict[int, int | None]], pages: int) -> bool:
    """A running line: on two or more pages, each with that page's number, or the same on three or
    more pages and at least half of them."""
    where = seen[key]
    if len(key) <= 2 or len(where) < 2:
        return False
    numbers = [where[p] for p in sorted(where)]
    if all(n is not None for n in numbers):
        # the number is the page's own: its place in the file, give or take a cover page
        offsets = {n - (p + 1) for p, n in where.items() if n is not None}
        return len(offsets) == 1 and abs(offsets.pop()) <= 1
    return all(n is None for n in numbers) and len(where) >= max(3, (pages + 1) // 2)


_NUMBER_AT_END = re.compile(r"\s(\d{1,3})\s*$")
_NUMBER_AT_START = re.compile(r"^\s*(\d{1,3})\s")


def _page_number_at_edge(t: str, start_too: bool = True) -> int | None:
    """The page number a running line carries at its end (or, with ``start_too``, its start)."""
    m = _NUMBER_AT_END.search(t) or (_NUMBER_AT_START.match(t) if start_too else None)
    return int(m.group(1)) if m else None


def _counting(numbers: list[int | None]) -> bool:
    """Page numbers: two or more, each one to three more than the one before."""
    known = [n for n in numbers if n is not None]
    return len(known) == len(numbers) >= 2 and all(0 < b - a <= 3 for a, b in zip(known, known[1:]))


PAGE_OFFSET = 3
"""How far a page's printed number may be from its place in the file (a cover page, an excerpt's
first pages left out) for a bare number at its foot to be taken for it."""


def _is_footer(t: str) -> bool:
    """A running footer's text (not a bare number)."""
    return bool(FURNITURE.match(t)) and not _BARE.match(t)


def _page_number_line(page: list[_Line], ordinal: int) -> int | None:
    """Which bare number at the page's edges is its page number. Of several (raw pdftotext may write
    footnote numbers before the page number and after it), the last that is the page's place in
    the file (``ordinal``) and has no text after it; else the one that only the running footer
    follows, when it is not far from that place (PAGE_OFFSET; farther, it is a footnote number and
    the footer carries the page's)."""

    def after(j: int, numbers_too: bool) -> bool:
        return any(
            not ln.blank and not _is_footer(ln.text.text) and (numbers_too or not _BARE.match(ln.text.text))
            for ln in page[j + 1 :]
        )

    bare = {j: int(m.group(1)) for j in _edges(page) if (m := _BARE.match(page[j].text.text))}
    same = [j for j, n in bare.items() if n == ordinal and not after(j, numbers_too=False)]
    if same:
        return same[-1]
    last = [j for j, n in bare.items() if abs(n - ordinal) <= PAGE_OFFSET and not after(j, numbers_too=True)]
    return last[-1] if last else None


def _furniture_name(t: str) -> str:
    return "page numbers" if PAGE_NUMBER.match(t) else " ".join(EDGE_NUMBER.sub(" ", f" {t} ").split())


# --- the footnote zone -------------------------------------------------------------------------


def _body_start(page: list[_Line], i: int) -> tuple[int, Mapped, int] | None:
    """(number, first text, lines taken) when line ``i`` opens a footnote body."""
    t = page[i].text
    m = _BODY.match(t.text)
    if m:
        number = int(m.group(1)) if m.group(1) else int("".join(SUPERSCRIPT_DIGIT[c] for c in m.group(2)))
        return number, t.slice(m.end()), 1
    bare = _BARE.match(t.text)
    if bare:
        j = i + 1
        while j < len(page) and page[j].blank:
            j += 1
        number = int(bare.group(1))
        if j < len(page) and not _BARE.match(page[j].text.text):
            nxt = _BODY.match(page[j].text.text)
            if not (nxt and nxt.group(1) and int(nxt.group(1)) == number + 1 and page[j].indent <= page[i].indent):
                return number, page[j].text, j - i + 1
    return None


_Zone = tuple[list[_Line], int, dict[int, Mapped]]
"""A page's footnote zone: the page's lines of text before it, where it ends, its bodies."""


def _zones(page: list[_Line], expected: int, bounded: bool) -> Iterator[_Zone]:
    """Where the page's footnote zone may start and end, with its bodies, earliest first.

    A zone is a run of lines whose body starts number ``expected``, ``expected + 1``, … in
    order, every other line continuing the body above it. On a page whose end is known it runs
    to that end; in a stream without pages it ends where a body is complete and a line that is
    not the next body follows, or where the next page's first line begins.
    """
    for i in range(len(page)):
        start = _body_start(page, i)
        if start is None or not expected <= start[0] <= expected + MAX_SKIPPED:
            continue
        if not (bounded or _after_paragraph(page, i)):
            continue
        end, bodies = _zone_bodies(page, i, start[0], bounded)
        if bodies:
            yield page[:i], end, bodies


def _next_start(queue: list[list[_Line]]) -> str:
    """The first line of the next page (past the bullets a content stream writes first)."""
    lines = queue[-1] if queue else []
    return next((ln.text.text.lstrip() for ln in lines if not ln.blank and not _BULLET_ONLY.match(ln.text.text)), "")


def _candidate_zones(page: list[_Line], expected: int, bounded: bool, next_start: str = "") -> Iterator[_Zone]:
    """The zone as raw pdftotext may write it (numbers apart from their bodies), then as the
    other tools write it (each number at the start of its body)."""
    if bounded:
        detached = _detached_zone(page, expected, next_start)
        if detached is not None:
            yield detached
    yield from _zones(page, expected, bounded)


def _detached_zone(page: list[_Line], expected: int, next_start: str = "") -> _Zone | None:
    """The zone as :func:`_numbers_apart` reads it, else with the bodies as the page's last lines
    (:func:`_bodies_last`) where the page's text then ends a sentence. But when the next page goes on mid-sentence
    (``next_start`` in lower case), the page's text must end where it goes on: of the readings in
    which the bodies are the page's last lines and the numbers stood anywhere (a list the content
    stream wrote after a footnote number; a body glued to a broken word), the first whose last word
    and the next page's first make one word wins, then the first that leaves the text open (no
    full stop, no heading)."""
    page = _unglued_number(page, expected)
    zone = _numbers_apart(page, expected)
    if zone is not None and not next_start[:1].islower():
        return zone
    if not next_start[:1].islower():
        # the numbers stood anywhere (the content stream wrote them after a list's bullets, say)
        # and the bodies are the page's last lines; the next page starts anew, so the page's text
        # ends a sentence
        reading = _bodies_last(page, expected, next_start, anywhere=True)
        return reading if reading is not None and _finished(reading[0]) else None
    alternatives = (_bodies_last(page, expected, next_start), _bodies_last(page, expected, next_start, per_line=True))
    readings = [r for r in (zone, *alternatives) if r]
    joined = next((r for r in readings if _rejoins(r[0], next_start)), None)
    if joined is not None:
        return joined
    return next((r for r in readings if not _finished(r[0])), zone)


_LAST_PART = re.compile(r"([^\W\d_]+)\s*$")
_FIRST_PART = re.compile(r"^([^\W\d_]+)")


def _rejoins(text: list[_Line], next_start: str) -> bool:
    """Do the page's last word and the next page's first make one word (a hyphen the extractor
    dropped)?"""
    filled = [ln.text.text for ln in text if not ln.blank]
    return bool(filled) and _one_word(filled[-1], next_start)


def _one_word(head: str, next_start: str) -> bool:
    """Do the last word of ``head`` and the first of ``next_start`` make one word?"""
    first = _LAST_PART.search(head)
    second = _FIRST_PART.match(next_start)
    if first is None or second is None:
        return False
    joined, rest = first.group(1) + second.group(1), second.group(1)
    # the join is a word, and a likelier one than the second half alone (``ver`` + ``trouwelijk``,
    # ``Commiss`` + ``iedebat``; not ``vanuit`` + ``trouwelijk``, a compound of two listed words)
    return known(joined) and (zipf(joined) > zipf(rest) or not known(rest))


def _finished(text: list[_Line]) -> bool:
    """Does the page's text end a sentence, or on a short line (a heading)?"""
    filled = [ln.text.text.rstrip() for ln in text if not ln.blank]
    if not filled:
        return True
    return bool(SENTENCE_END.search(filled[-1])) or len(filled[-1]) < SURELY_FITS * _measure([len(t) for t in filled])


def _bodies_last(
    page: list[_Line], expected: int, next_start: str, per_line: bool = False, anywhere: bool = False
) -> _Zone | None:
    """The page's last lines as the bodies of the numbers that stand alone on the page's lower half
    (``anywhere``: on the page): one per line that opens a body, or (``per_line``) one per line."""
    filled = [i for i, ln in enumerate(page) if not ln.blank]
    lower = filled if anywhere else filled[len(filled) // 2 :]
    numbers = [i for i in lower if _BARE.match(page[i].text.text)]
    found = sorted(int(page[i].text.text) for i in numbers)
    if (
        not found
        or found != list(range(found[0], found[0] + len(found)))
        or not expected <= found[0] <= expected + MAX_SKIPPED
    ):
        return None
    rest = [ln for i, ln in enumerate(page) if i not in numbers]
    if per_line:
        kept = [i for i, ln in enumerate(rest) if not ln.blank]
        if len(kept) <= len(found):
            return None
        cut = kept[-len(found)]
        text, parts = rest[:cut], [[rest[i].text] for i in kept[-len(found) :]]
    elif (earlier := _bodies_before(rest, len(rest), len(found), next_start)) is not None:
        text, parts = earlier
    else:
        return None
    return text, len(page), {n: join_lines(lines) for n, lines in zip(found, parts)}


def _numbers_apart(page: list[_Line], expected: int) -> _Zone | None:
    """A zone whose numbers stand on lines of their own, apart from the bodies: raw pdftotext
    writes a page in the order of its content stream, so a PDF that sets each footnote number as
    its own text run gives ``1`` / ``2`` / ``body 1`` / ``body 2``, or ``body 3`` / ``body 4`` /
    ``5`` / ``body 5`` / ``3`` / ``4``. A number alone right before text opens that body; the other
    numbers (a block of two or more, or those after the last body) belong, in order, to the bodies
    that have none, which come first. A number right after a list's bullets, which the content
    stream wrote apart from their items, stands where the stream left it: the items' text follows,
    not the note's body (that is at the page's foot, :func:`_bodies_last`)."""
    filled = [i for i, ln in enumerate(page) if not ln.blank]
    numbers = {i: int(m.group(1)) for i in filled if (m := _BARE.match(page[i].text.text))}
    first = next((i for i in filled if i in numbers and expected <= numbers[i] <= expected + MAX_SKIPPED + 40), None)
    if first is None:
        return None
    above = [i for i in filled if i < first]
    if above and _BULLET_ONLY.match(page[above[-1]].text.text):
        return None
    tail = [i for i in filled if i >= first]
    found = sorted(numbers[i] for i in tail if i in numbers)
    consecutive = found == list(range(found[0], found[0] + len(found)))
    if not consecutive or not expected <= found[0] <= expected + MAX_SKIPPED:
        return None
    walked = _walk_tail(page, tail, numbers)
    if walked is None:
        return None
    bodies, unlabelled = walked
    trailing = sorted(numbers[i] for i in itertools.takewhile(numbers.__contains__, reversed(tail)))
    bodies, unlabelled = _split_for_missing(bodies, unlabelled, trailing)
    before = unlabelled - sum(1 for n, _ in bodies if n is None)
    text = page[:first]
    if before:
        earlier = _bodies_before(page, first, before)
        if earlier is None:
            return None
        text, parts = earlier
        bodies = [(None, lines) for lines in parts] + bodies
    if len(bodies) != len(found) or any(label not in (None, n) for n, (label, _) in zip(found, bodies)):
        return None
    return text, len(page), {n: join_lines(lines) for n, (_, lines) in zip(found, bodies)}


def _split_for_missing(bodies: list[_Body], unlabelled: int, trailing: list[int]) -> tuple[list[_Body], int]:
    """Numbers written after the last body whose neighbours both label bodies (``2`` after ``1`` /
    ``body 1`` / ``body 2`` / ``3`` / ``body 3``), or that follow the last labelled body's number
    (``7`` / ``body 7`` / ``body 8`` / ``8``: notes are set in the order of their numbers, so the
    body of ``8`` comes after that of ``7``): each one's body is the second part of the body before
    it, from its first line that opens a body on."""
    out = list(bodies)
    for m in trailing:
        at = next((k for k, (n, _) in enumerate(out) if n == m - 1), None)
        if at is None or m in (n for n, _ in out):
            continue
        between = any(n == m + 1 for n, _ in out)
        last = at == len(out) - 1 and all(n is None or n < m for n, _ in out)
        if not (between or last):
            continue
        lines = out[at][1]
        cut = next((k for k in range(1, len(lines)) if _opens_body(lines[k].text)), None)
        if cut is None:
            continue
        out[at : at + 1] = [(m - 1, lines[:cut]), (m, lines[cut:])]
        unlabelled -= 1
    return out, unlabelled


_GLUED_TO_LINE = re.compile(r"(?<=[^\W\d_])(\s?)(\d{1,3})\s*$")


def _unglued_number(page: list[_Line], expected: int) -> list[_Line]:
    """Raw pdftotext drops the hyphen of a word broken at a line's end and glues the word's first
    half to what comes next in the content stream; at a page's foot that may be the first
    footnote number (``Daarbij kan een goedwer4`` / ``5``, or ``… de Europese kapitaal4`` /
    ``Aanhangsel Handelingen …``). Such a number goes on a line of its own: when a number alone
    on the next line follows it, or when it is glued to the word, is the footnote expected next
    and only footnote bodies can follow it (as many lines as bodies may take, the only numbers
    among them the page's next footnote numbers, ``9`` glued / body 9 / body 10 / ``11`` / body 11
    / ``10``)."""
    filled = [i for i, ln in enumerate(page) if not ln.blank]
    for k, i in enumerate(filled[:-1]):
        m = _GLUED_TO_LINE.search(page[i].text.text)
        if not m:
            continue
        number, rest = int(m.group(2)), filled[k + 1 :]
        after = page[rest[0]].text.text
        bare = _BARE.match(after)
        then_numbers = bare is not None and int(bare.group(1)) == number + 1 and number >= expected
        then_bodies = (
            not m.group(1)
            and expected <= number <= expected + MAX_SKIPPED
            and _opens_body(after)
            and len(rest) <= MAX_BODY_LINES
            and _next_numbers(page, rest, number)
        )
        if then_numbers or then_bodies:
            ln = page[i]
            head = replace(ln, text=ln.text.slice(0, m.start()))
            return [*page[:i], head, replace(ln, text=ln.text.slice(m.start(2), m.end(2))), *page[i + 1 :]]
    return page


def _next_numbers(page: list[_Line], rest: list[int], number: int) -> bool:
    """Are the bare numbers among lines ``rest`` (if any) the ones after ``number``, in any order?"""
    later = sorted(int(m.group(1)) for j in rest if (m := _BARE.match(page[j].text.text)))
    return later == list(range(number + 1, number + 1 + len(later)))


_Body = tuple[int | None, list[Mapped]]
"""A footnote body as the zone gives it: its number when a number stood right before it, its lines."""


def _walk_tail(page: list[_Line], tail: list[int], numbers: dict[int, int]) -> tuple[list[_Body], int] | None:
    """The bodies from the first footnote number on, and how many numbers label no body: a single
    number before text labels that body; a block of numbers, or numbers after the last text, do not
    (the texts after a block are bodies without numbers: one per line when there are as many lines
    as numbers in the block, else one per line that opens a body)."""
    bodies: list[_Body] = []
    unlabelled = 0
    per_line = False
    k = 0
    while k < len(tail):
        i = tail[k]
        if i in numbers:
            run = k
            while run < len(tail) and tail[run] in numbers:
                run += 1
            if run - k == 1 and run < len(tail):
                bodies.append((numbers[i], []))
            else:
                unlabelled += run - k
                if run < len(tail):
                    bodies.append((None, []))
                    text_lines = next((n for n in range(run, len(tail)) if tail[n] in numbers), len(tail)) - run
                    per_line = text_lines == run - k
            k = run
            continue
        if not bodies:
            return None
        if bodies[-1][0] is None and bodies[-1][1] and (per_line or _opens_body(page[i].text.text)):
            bodies.append((None, []))
        bodies[-1][1].append(page[i].text)
        k += 1
    return bodies, unlabelled


def _bodies_before(
    page: list[_Line], first: int, count: int, next_start: str = ""
) -> tuple[list[_Line], list[list[Mapped]]] | None:
    """``count`` bodies without numbers just above line ``first``: one per line, a line that starts
    in lower case or with a digit continuing the one above, as does a parenthesis after a line that
    ends no sentence (:func:`_parenthesis_goes_on`). Returns the page's text above them
    and the bodies, or None. The topmost body may start inside a line (:func:`_glue_at`)."""
    bodies: list[list[Mapped]] = []
    measure = _measure([len(ln.text.text.rstrip()) for ln in page if not ln.blank])
    j = first - 1
    while j >= 0:
        ln = page[j]
        if not ln.blank:
            if bodies and (not _opens_body(bodies[0][0].text) or _parenthesis_goes_on(ln.text.text, bodies[0][0].text)):
                bodies[0].insert(0, ln.text)
            elif len(bodies) < count:
                bodies.insert(0, [ln.text])
            else:
                glued = _glued_above(page, j, measure) or (
                    _set_apart_above(page, j, measure, next_start) if count == 1 else None
                )
                if glued is None:
                    break
                k, cut = glued
                bodies[0][:0] = [page[k].text.slice(cut), *(x.text for x in page[k + 1 : j + 1])]
                head = [replace(page[k], text=page[k].text.slice(0, cut))] if cut else []
                return page[:k] + head, bodies
            at = _glue_at(ln.text.text, measure, next_start) if len(bodies) == count else None
            if at is not None:
                bodies[0][0] = ln.text.slice(at)
                return page[:j] + [replace(ln, text=ln.text.slice(0, at))], bodies
        j -= 1
    return (page[: j + 1], bodies) if len(bodies) == count else None


GLUED_ABOVE_LINES = 3
"""How many lines above the topmost unnumbered body its start may be glued to a broken word."""


def _glued_above(page: list[_Line], j: int, measure: float) -> tuple[int, int] | None:
    """(line, offset) of the start of the topmost body when it lies a few lines above line ``j``,
    glued to a broken word (:func:`_glue_at`: ``Alle SchengenSinds eind 2021 …``), and the lines
    from there down to the body found so far run on (none ends a sentence): a long note whose next
    line happens to start with a capital (``… (EES) op`` / ``Amsterdam Airport …``)."""
    for k in range(j, max(-1, j - GLUED_ABOVE_LINES), -1):
        t = page[k].text.text
        if page[k].blank or _complete(t):
            return None
        at = _glue_at(t, measure, "")  # glued, not merely a capital after a space
        if at is not None:
            return k, at
    return None


NOTE_TYPE = 1.5
"""How much longer than a line of text a line of a footnote may be: the notes' type, two or three
points smaller than the text's, holds less than half as many characters again. A longer line is
lines that raw pdftotext ran together."""


def _set_apart_above(page: list[_Line], j: int, measure: float, next_start: str) -> tuple[int, int] | None:
    """(line, 0) where a lone unnumbered body starts when the line or two above it, full lines
    that end no sentence (so they wrapped) and are no lines of text run together, come right after
    a blank line: raw pdftotext sets the foot's notes apart from the text by one, so they are the
    body's first lines (``… van 13 en 14 juni 2024,`` / ``Kamerstukken II, …``; not a signature's
    short ``De minister van …,``). Not when the next page goes on mid-sentence: then the page's
    text ends right above the notes."""
    if next_start[:1].islower():
        return None
    for k in range(j, max(0, j - 2), -1):
        t = page[k].text.text.rstrip()
        if page[k].blank or _complete(t) or not SURELY_FITS * measure <= len(t) <= NOTE_TYPE * measure:
            return None
        if page[k - 1].blank:
            return k, 0
    return None


def _parenthesis_goes_on(above: str, line: str) -> bool:
    """Does ``line``, opening with a parenthesis, go on from ``above``, which ends no sentence
    (``… Amsterdam Airport Schiphol`` / ``(AAS) - Fase 2' …``)? A body hardly ever starts with one."""
    return line.lstrip().startswith("(") and not SENTENCE_END.search(above.rstrip())


def _glue_at(text: str, measure: float, next_start: str) -> int | None:
    """Where a footnote body starts inside a line of text, if it does.

    Raw pdftotext drops the hyphen of a word broken at a line's end and glues the word's first
    half to what comes next in the content stream; at a page's foot that may be the first body
    (``via de zogeKamerstuk II …``, ``wordt voorbhttps://…``; justified text may leave a space,
    ``diplomatiek ver BNC-fiche``). A capital glued to a word's lower-case first half starts the
    body when the line cannot be one body's first line (it does not open one, or is longer than a
    printed line: two lines run together); a glued web address always does; and any such start,
    glued or after a space, does when the half before it and the next page's first word make one
    word (``ver`` + ``trouwelijk``)."""
    glued = _GLUED_BODY.search(text)
    if glued and (not _opens_body(text) or glued.start(1) > measure or _is_url(glued.group(1))):
        return glued.start(1)
    if next_start:
        for m in _BODY_INSIDE.finditer(text):
            if _one_word(text[: m.start(1)], next_start):
                return m.start(1)
    return None


_GLUED_BODY = re.compile(r"[a-zß-öø-ÿ]{2}((?:[A-Z][^\W\d_]+\b|https?://|www\.).*)$")
"""A capital or a web address glued to a word's lower-case first half, with the rest of the line."""
_BODY_INSIDE = re.compile(r"(?:[a-zß-öø-ÿ]{2}|\b[A-Z][a-zß-öø-ÿ]) ?([A-Z]|https?://|www\.)")
"""Where a body may start inside a line: a capital or web address after a lower-case word's end,
or after the two letters of a capitalised word's first half (``Be`` + ``langrijke``)."""


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "www."))


def _opens_body(text: str) -> bool:
    """A footnote body's first line: it does not start in lower case or with a digit, or it is a
    web address (a footnote of its own more often than the rest of one)."""
    t = text.lstrip()
    return bool(t) and (not (t[0].islower() or t[0].isdigit()) or _is_url(t))


def _after_paragraph(page: list[_Line], i: int) -> bool:
    """In a stream without pages, a zone starts after a blank line or a finished sentence."""
    prev = [ln for ln in page[:i] if not ln.blank]
    return not prev or page[i - 1].blank or bool(SENTENCE_END.search(prev[-1].text.text.rstrip()))


MAX_SKIPPED = 2
"""Footnote bodies that an extractor may have lost before a zone (the sequence resumes after)."""
MAX_BODY_LINES = 12
"""Lines one footnote body may run to; more is body text that merely starts with a number."""


def _zone_bodies(page: list[_Line], i: int, expected: int, bounded: bool) -> tuple[int, dict[int, Mapped]]:
    bodies: dict[int, list[Mapped]] = {}
    current: int | None = None
    lead = page[i].indent
    # In a stream whose pages start indented (seed 004's kind), the next page's first line ends the
    # zone, so a body may wrap after a complete sentence.
    reach = range(i + 1, min(len(page), i + 4 * MAX_BODY_LINES))
    indented_page = not bounded and any(not page[k].blank and page[k].indent > lead for k in reach)
    j = i
    gap = False
    while j < len(page):
        ln = page[j]
        if ln.blank:
            j += 1
            gap = True
            continue
        start = _body_start(page, j)
        if start is not None and start[0] == expected:
            current, expected = start[0], expected + 1
            bodies[current] = [start[1]]
            j += start[2]
            gap = False
            continue
        if current is None or _BULLET_ONLY.match(ln.text.text) or len(bodies[current]) >= MAX_BODY_LINES:
            return j, ({} if bounded else _joined(bodies))
        ended = gap or ln.indent > lead or (not indented_page and _complete(bodies[current][-1].text))
        if not bounded and ended:
            return j, _joined(bodies)
        bodies[current].append(ln.text)
        j += 1
        gap = False
    return j, _joined(bodies)


def _complete(text: str) -> bool:
    """Does a line end a sentence: a full stop that is not an abbreviation's (``nr.``, ``p.``)?"""
    t = text.rstrip()
    if not SENTENCE_END.search(t):
        return False
    last = t.split()[-1].rstrip(".").casefold() if t.split() else ""
    return last not in ABBREVIATIONS and last not in BEFORE_NUMBER


def _joined(bodies: dict[int, list[Mapped]]) -> dict[int, Mapped]:
    return {n: join_lines(parts) for n, parts in bodies.items()}


# --- markers -----------------------------------------------------------------------------------

Marker = tuple[int, list[tuple[int, int]], tuple[int, ...], int]
"""(offset of the line's first character, spans to cut from the line, footnote numbers, file
offset of the marker)."""


def _candidates(t: str) -> list[tuple[int, int, str, int]]:
    """(start, end, digits, strength) of every place in a line that may be a marker."""
    out: list[tuple[int, int, str, int]] = []
    for m in _SUP_RUN.finditer(t):
        out.append((m.start(), m.end(), "".join(SUPERSCRIPT_DIGIT[c] for c in m.group(0)), 3))
    for m in _GLUED.finditer(t):
        out.append((m.start(1), m.end(1), m.group(1), 2))
    for m in _SPACED.finditer(t):
        out.append((m.start(), m.end(1), m.group(1), 1))
    for m in _AFTER_WORD.finditer(t):
        before = re.search(r"([^\W\d_]+)$", t[: m.start()])
        after = m.group(3) or ""
        quantity = before is not None and before.group(1).casefold() in _NOT_BEFORE_A_MARKER
        capital = after[:1].isupper() and not m.group(2)  # after a full stop, a capital starts a sentence
        if not (capital or after.casefold() in MONTHS or quantity):
            out.append((m.start(), m.end(1), m.group(1), 0))
    return sorted(out)


def _run(digits: str, expected: int, last: int) -> tuple[int, ...]:
    """The footnote numbers a run of digits stands for: ``expected`` or several consecutive ones
    printed together (``12`` = 1 and 2); () when it is another number."""
    run: list[int] = []
    pos, n = 0, expected
    while pos < len(digits) and n <= last:
        want = str(n)
        if not digits.startswith(want, pos):
            return ()
        run.append(n)
        pos += len(want)
        n += 1
    return tuple(run) if pos == len(digits) else ()


def _markers(lines: list[_Line], first: int, last: int, strongest: bool = False, after: int = -1) -> list[Marker]:
    """The markers of footnotes ``first``..``last`` in a page's text, in order; the strongest
    candidate for each number wins, and each comes after the one before (``strongest``: only
    superscript digits and digits glued to a word or its punctuation count; ``after``: only
    candidates past that offset of the text)."""
    cands = [
        (li, s, e, digits, strength)
        for li, ln in enumerate(lines)
        if not ln.blank
        for s, e, digits, strength in _candidates(ln.text.text)
        if (strength >= 2 or not strongest) and ln.text.offsets[s] > after
    ]
    found: list[Marker] = []
    pos = (-1, -1)
    expected = first
    while expected <= last:
        best: tuple[int, int, int, int, tuple[int, ...]] | None = None
        for li, s, e, digits, strength in cands:
            if (li, s) <= pos:
                continue
            numbers = _run(digits, expected, last)
            if numbers and (best is None or strength > best[3]):
                best = (li, s, e, strength, numbers)
        if best is None:
            expected += 1
            continue
        li, s, e, _, numbers = best
        found.append((lines[li].text.offsets[0], [(s, e)], numbers, lines[li].text.offsets[s]))
        pos = (li, s)
        expected = numbers[-1] + 1
    return found


MOVED_NOTE_LINES = 2
"""How far up from the foot of the page before a moved note's marker may stand (lines of text)."""


def _page_markers(kept: list[_Line], found: dict[int, Mapped], before: list[_Line], after: int) -> list[Marker]:
    """The markers of the bodies a page's zone holds: in the page's text, and for the zone's first
    bodies also on the page before. A note cited in the last lines of a page whose body does not
    fit there any more is set at the foot of the next page (Word and LibreOffice both do), so its
    marker stands on one page and its body on the next: its marker may be any candidate in those
    last lines. A typesetter that moves notes further (WeasyPrint moves every note of a page whose
    foot overflows) leaves markers higher up the page before: there only a superscript number or
    one glued to its word (``vertrekproces.3``) counts, after the last marker placed (``after``,
    an offset: notes are numbered in the order of their markers)."""
    first, last = min(found), max(found)
    markers = _markers(kept, first, last)
    here = bool(markers) and markers[0][2][0] == first
    if here and _markers(kept, first, first, strongest=True):
        return markers
    tail = [ln for ln in before if not ln.blank][-MOVED_NOTE_LINES:]
    moved = [] if here else _markers(tail, first, first)
    if not moved:
        moved = _markers(before, first, last, strongest=True, after=after)
        if not moved or moved[0][2][0] != first:
            return markers
    return moved + _markers(kept, moved[-1][2][-1] + 1, last)


# --- paragraphs --------------------------------------------------------------------------------


def _paragraphs(
    stream: list[_Line],
    cuts: dict[int, list[tuple[int, int]]],
    refs_at: dict[int, tuple[int, ...]],
    marks_at: dict[int, tuple[tuple[int, int], ...]],
) -> list[Para]:
    """Cut the body lines of every page, in order, into paragraphs."""
    filled = [ln for ln in stream if not ln.blank]
    right = _measure([len(ln.text.text.rstrip()) for ln in filled])
    wide = _width_measure([ln.text.text.rstrip() for ln in filled])
    left = _mode([ln.indent for ln in filled]) if filled else 0
    groups: list[list[_Line]] = []
    gap = False
    items = 0  # list items whose bullets the stream wrote apart and that have not yet ended
    bulleted = False  # a bullet on a line of its own since the last line of text
    prev: _Line | None = None
    for ln in stream:
        if ln.blank:
            gap = gap or (prev is not None and ln.page == prev.page)
            continue
        if _BULLET_ONLY.match(ln.text.text):
            items += 1
            gap = bulleted = True
            continue
        # a blank line ends a paragraph only within a page, and never after a broken word
        gap = gap and prev is not None and prev.page == ln.page and not _BROKEN_WORD.search(prev.text.text)
        if prev is None or gap or _breaks(_unmarked(prev, cuts), ln, (right, wide), left, items > 0):
            # an item ends where the next starts, or at a blank line (the list's last item)
            if items and groups and prev is not None and not (gap and bulleted):
                items -= 1
            groups.append([ln])
        else:
            groups[-1].append(ln)
        gap = bulleted = False
        prev = ln
    paras = []
    for group in groups:
        refs: tuple[int, ...] = ()
        marks: tuple[tuple[int, int], ...] = ()
        cleaned = []
        for ln in group:
            key = ln.text.offsets[0] if ln.text.offsets else -1
            refs += refs_at.get(key, ())
            marks += marks_at.get(key, ())
            line = without_spans(ln.text, sorted(cuts.get(key, [])))
            cleaned.append(line.sub(_BULLET_LEAD, lambda m: m.group(1) + "\u2022"))
        text = strip_markup(join_lines(cleaned))
        if text.text:
            paras.append(Para(text, refs, page=group[0].page + 1, marks=marks))
    return paras


def _unmarked(line: _Line, cuts: dict[int, list[tuple[int, int]]]) -> _Line:
    """The line without its footnote markers (``vertrekproces.3`` ends a sentence)."""
    spans = cuts.get(line.text.offsets[0] if line.text.offsets else -1)
    return replace(line, text=without_spans(line.text, sorted(spans))) if spans else line


SURELY_FITS = 0.86
"""Share of the measure (the 90th percentile of line lengths) below which a next word surely fit."""


def _breaks(prev: _Line, ln: _Line, measure: tuple[float, float], left: int, in_list: bool) -> bool:
    """Does ``ln`` start a new paragraph after ``prev``? ``measure`` is a full line's length in
    characters and in estimated width (:func:`_width`)."""
    right, wide = measure
    p = prev.text.text.rstrip()
    t = ln.text.text
    if _LIST_START.match(t) or _BULLET_LEAD.match(t) or any(r.match(t.strip()) for r in HEADER_LINES):
        return True
    if _BROKEN_WORD.search(p):
        return False
    if ln.page != prev.page and t.lstrip()[:1].islower():
        return False  # a sentence (or a word whose hyphen an extractor dropped) runs over the page
    if ln.indent - left >= 2 and ln.indent > prev.indent:
        return True  # a first-line indent, or an item that lost its bullet
    if in_list and SENTENCE_END.search(p):
        return True
    first = _WORD.search(t)
    needed = len(p) + 1 + (len(first.group(0)) if first else 0)
    if needed < SURELY_FITS * right:
        return True  # the line stopped short though the next word would have fitted
    if _run_together(p, right, wide) and t.lstrip()[:1].isupper() and not p.endswith(":"):
        # two printed lines that raw pdftotext ran together, the second stopped short: a
        # paragraph or a heading ends there (not a colon's clause that goes on, ``(hierna:`` /
        # ``Commissie)``)
        return True
    # Characters are not widths: where the next word may just have fitted, a finished sentence
    # or a numbered heading (set in a wider bold face) followed by a capital ends the paragraph
    # when the next word would have fitted by count and by estimated width (``zeerste.`` / ``Voor``
    # after a line of wide capitals may have been full) ...
    if not ((SENTENCE_END.search(p) or _LIST_START.match(prev.text.text)) and t.lstrip()[:1].isupper()):
        return False
    fits = needed <= right and _width(f"{p} {first.group(0) if first else ''}") <= wide
    # ... and so does a finished sentence before a heading: a line with no full stop that is
    # short, or two printed lines run together (a heading that wrapped at a hyphen)
    u = t.rstrip()
    heading = not SENTENCE_END.search(u) and (len(u) < SURELY_FITS * right or _run_together(u, right, wide))
    return fits or heading


def _run_together(line: str, right: float, wide: float) -> bool:
    """Is ``line`` two printed lines that raw pdftotext ran together (it joins a line that ends in
    a hyphen to the next), the second stopped short: longer and wider than any full line, too
    narrow for two?"""
    return len(line) > right and RUN_ON_FULL * wide < _width(line) <= RUN_ON_SHORT * wide


RUN_ON_FULL = 1.06
"""Wider than this many full lines (by estimated width), a line is two printed lines run together."""
RUN_ON_SHORT = 1.75
"""Two printed lines run together, the second stopped short: up to this many full lines wide."""


def _measure(lengths: list[int]) -> float:
    """The length of a full line: the 90th percentile of the lines' lengths, leaving out the lines
    that raw pdftotext runs together (:func:`_usual`)."""
    if not lengths:
        return 80.0
    return _percentile([lengths[k] for k in _usual(lengths)], 0.9)


def _usual(lengths: list[int]) -> list[int]:
    """Indices of the lines a full line is measured on: all but those raw pdftotext ran together
    (longer than 1.35 times the median of the lines of over 20 characters)."""
    usual = statistics.median(n for n in lengths if n > 20) if any(n > 20 for n in lengths) else max(lengths)
    return [k for k, n in enumerate(lengths) if n <= 1.35 * usual] or list(range(len(lengths)))


# Adobe's Helvetica metrics (the core-font AFM), in thousandths of an em, for `` `` to ``~``.
_HELVETICA = tuple(
    int(w)
    for w in """278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556
    556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667
    778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222
    500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584""".split()
)
_AVERAGE_WIDTH = 556


def _char_widths() -> dict[str, int]:
    """Width per character: the printable ASCII ones, and the Latin letters with diacritics
    (U+00C0 to U+024F) as wide as their base letter."""
    widths = {chr(32 + k): w for k, w in enumerate(_HELVETICA)}
    for o in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(o))[0]
        if base in widths:
            widths[chr(o)] = widths[base]
    return widths


_CHAR_WIDTHS = _char_widths()


def _width(text: str) -> float:
    """A line's width estimated from a proportional face's metrics (Helvetica's; a serif face's
    differ little in proportion): ``i`` and ``l`` are narrow, ``m``, ``W`` and capitals wide, so a
    line of wide letters is fuller than its count of characters says. An accented letter is as
    wide as its base letter, any other character as an average one."""
    return sum(map(_CHAR_WIDTHS.get, text, itertools.repeat(_AVERAGE_WIDTH))) / 1000


def _width_measure(texts: list[str]) -> float:
    """A full line's estimated width: the 90th percentile of the widths of the lines :func:`_measure`
    counts (those raw pdftotext ran together left out)."""
    if not texts:
        return 40.0
    return _percentile([_width(texts[k]) for k in _usual([len(t) for t in texts])], 0.9)


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(q * len(ordered)))])


def _mode(values: list[int]) -> int:
    return statistics.mode(values)
