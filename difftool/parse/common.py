"""What every flavour parser shares: the raw paragraph, markup cleaning, and the step that
turns raw paragraphs into a :class:`~difftool.model.Letter` (header, headings, lists,
signatures, annexes).

A flavour parser only has to cut its text into :class:`Para` values (cleaned text with offsets,
the footnotes they cite) and collect footnote bodies; :func:`build_letter` does the rest.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from difftool.lexicon import is_english, known, zipf
from difftool.model import (
    Block,
    BlockKind,
    Flavour,
    Footnote,
    HeaderField,
    Letter,
    Metadata,
    Signatory,
)
from difftool.text import Mapped


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph as a flavour parser found it."""

    text: Mapped
    refs: tuple[int, ...] = ()
    strong: bool = False
    """Printed bold (markdown ``**``): a heading or an annex title."""
    page: int | None = None
    marks: tuple[tuple[int, int], ...] = ()
    """Where the reader found each footnote marker: ``(file offset of the marker, number)``. The
    text keeps its characters' file offsets through every later step (unwrapping, rejoining,
    dehyphenation, white space), so :func:`place_markers` finds each marker's place in the final
    text from its offset."""


def place_markers(
    text: Mapped, refs: tuple[int, ...], marks: tuple[tuple[int, int], ...], first: bool = True, last: bool = True
) -> tuple[tuple[int, int], ...]:
    """Each footnote of ``refs`` placed in ``text``: ``(index, number)`` in text order.

    A marker stands just past the last character whose file offset lies before the marker's, and
    white space before it is skipped, so the index is the end of the word (or punctuation mark)
    the marker followed. A marker outside the block's span of the file belongs to another block
    of the same paragraph, unless the block is the paragraph's ``first`` (markers before it) or
    ``last`` (markers after it); a number with no marker found is placed at the end of the text.
    """
    if not refs:
        return ()
    offsets, chars = text.offsets, text.text
    lo = offsets[0] if offsets else 0
    hi = offsets[-1] + 1 if offsets else 0
    ordered = all(a <= b for a, b in itertools.pairwise(offsets))  # as a rule: then a binary search
    used: set[int] = set()
    placed: list[tuple[int, int]] = []
    for number in refs:
        at = len(chars)
        for k, (offset, n) in enumerate(marks):
            if k in used or n != number or (offset < lo and not first) or (offset > hi and not last):
                continue
            used.add(k)
            if ordered:
                at = bisect.bisect_left(offsets, offset)
            else:
                at = next((i for i, o in enumerate(offsets) if o >= offset), len(chars))
            while at > 0 and chars[at - 1].isspace():
                at -= 1
            break
        placed.append((at, number))
    return tuple(sorted(placed, key=lambda p: p[0]))


Parsed = tuple[list[Para], dict[int, Mapped], tuple[str, ...]]
"""What a flavour parser gives ``build_letter``: paragraphs, footnote bodies by number, furniture."""


# --- inline cleaning -------------------------------------------------------------------------

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_IMAGE = re.compile(r"\[image: [^\]]*\]")
_HTML_TAG = re.compile(
    r"</?(?:ul|ol|li|p|br|input|span|div|table|thead|tbody|tr|td|th|b|i|em|strong|sup|sub)\b[^>]*>", re.I
)
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:#|[^)\s]*)\)")
_ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_SUP_BRACES = re.compile(r"\^\{([^}\n]*)\}")
_STRONG = re.compile(r"\*\*")
_EMPH = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def strip_markup(m: Mapped) -> Mapped:
    """Remove extraction noise and markdown, keeping what the reader reads."""
    m = m.sub(_BOOKMARK, "")
    m = m.sub(_IMAGE, "")
    m = m.sub(_HTML_TAG, "")
    m = _keep_group(m, _MD_LINK)
    m = _keep_group(m, _ANGLE_URL)
    m = _keep_group(m, _SUP_BRACES)
    m = m.sub(_STRONG, "")
    m = _keep_group(m, _EMPH)
    return m


def _keep_group(m: Mapped, pattern: re.Pattern[str]) -> Mapped:
    """Replace each match by its first group, keeping the group's own offsets."""
    parts: list[Mapped] = []
    pos = 0
    for match in pattern.finditer(m.text):
        parts.append(m.slice(pos, match.start()))
        parts.append(m.slice(match.start(1), match.end(1)))
        pos = match.end()
    if not parts:
        return m
    parts.append(m.slice(pos))
    return Mapped.join(parts, "")


HYPHENS = "-\u2010"
"""What a typesetter ends a broken line with: the hyphen-minus (Word, LibreOffice) and the Unicode
hyphen U+2010 (CSS typesetters such as WeasyPrint, publishing systems). The soft hyphen U+00AD, the
third, joins a broken word without a trace (:func:`join_lines`)."""


def unwrap(lines: list[Mapped]) -> Mapped:
    """Join hard-wrapped lines; undo line-end hyphenation where the joined word is a word.

    ``ver-`` + ``keer`` becomes ``verkeer`` (a word); ``niet-`` + ``kwetsbare`` and ``EU-`` +
    ``aanpak`` keep their hyphen; ``mensenhandel-`` + ``en smokkel`` keeps hyphen and space.
    """
    out: list[Mapped] = []
    for raw in lines:
        line = raw.collapse()
        if not line.text:
            continue
        if out:
            hy = _LINE_END_HYPHEN.search(out[-1].text)
            nxt = _WORD_START.match(line.text)
            if hy and nxt and nxt.group(0)[0].islower() and nxt.group(0) not in _CONJUNCTIONS:
                if not hy.group(1)[-1].isupper() and zipf(hy.group(1) + nxt.group(0)) >= 1.0:
                    out[-1] = out[-1].slice(0, -1)
                out.append(line)
                continue
            out.append(Mapped(" ", (line.offsets[0],)))
        out.append(line)
    return Mapped.join(out, "")


_LINE_END_HYPHEN = re.compile(rf"([^\W\d_]+)[{HYPHENS}]$")
_WORD_START = re.compile(r"[^\W\d_]+")
_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch", "and", "or"})


def join_lines(lines: list[Mapped]) -> Mapped:
    """Join printed lines into one paragraph, undoing line-end hyphenation where it was added.

    The hyphen goes when the next line starts in lower case and the joined word is a Dutch word
    or compound (``Schengen-`` + ``rapport``); it stays after a capital (``EU-``), before ``en``/
    ``of`` (``mensenhandel- en smokkel``), and where the joined word is not a word.
    """
    out: list[Mapped] = []
    for raw in lines:
        line = raw.collapse()
        if not line.text:
            continue
        cut = _dehyphenate(out[-1].text, line.text) if out else 0
        if cut:
            out[-1] = out[-1].slice(0, -cut)
        elif out and not out[-1].text.endswith("\u00ad"):
            out.append(Mapped(" ", (line.offsets[0],)))
        elif out:
            out[-1] = out[-1].slice(0, -1)
        out.append(line)
    return Mapped.join(out, "").collapse()


_HYPHENATED = re.compile(rf"([^\W\d_]+) ?[{HYPHENS}]$")
"""A word broken at the line's end; justified text may set the hyphen apart (``terro -``)."""
_NEXT_WORD = re.compile(r"[^\W\d_]+")


def _dehyphenate(prev: str, nxt: str) -> int:
    """How many characters of ``prev`` (the hyphen, and a space before it) to drop when joining."""
    head = _HYPHENATED.search(prev)
    tail = _NEXT_WORD.match(nxt)
    if not head or not tail or not tail.group(0)[0].islower() or head.group(1)[-1].isupper():
        return 0
    if tail.group(0) in ("en", "of", "tot", "noch"):
        return 0
    return len(head.group(0)) - len(head.group(1)) if known(head.group(1) + tail.group(0)) else 0


# --- furniture -------------------------------------------------------------------------------

SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
"""Superscript digits 0-9, in order: a footnote marker or number as an extractor writes it."""
SUPERSCRIPT_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPTS)}
PAGE_NUMBER = re.compile(r"^\s*(?:(?:[Pp]agina|[Pp]age|[Bb]lz\.?)\s*)?(\d{1,3})(?:\s*(?:van|of|/)\s*\d{1,3})?\s*$")
"""A page number on its own line: ``3``, ``Pagina 3 van 7``, ``Page 3/7``."""
EDGE_NUMBER = re.compile(r"^\s*\d{1,3}\s+|\s+\d{1,3}\s*$")
"""The page number a running header or footer carries at its start or end."""
SENTENCE_END = re.compile(r"[.!?:;]['\"\u2019\u201d)]?$")
"""A line that ends a sentence (or a clause before a list)."""

_DOSSIER_NUMBER = r"\d{2}[ .]?\d{3}(?:\s?[-\u2013]\s?(?:[A-Z]{1,5}|\d{1,3})|\s[A-Z]{1,5}\b)*(?:\s*\(R\d+\))?"
"""A dossier as a running footer prints it: ``32 317``, ``21 501-20``, ``36 600-VI``, ``35 099 (R2114)``."""
FURNITURE = re.compile(
    r"^\s*(?:(?:Eerste|Tweede) Kamer,? vergaderjaar \d{4}\s*[-\u2013]\s*\d{2,4},\s*"
    rf"{_DOSSIER_NUMBER}(?:\s*(?:,|en)\s*{_DOSSIER_NUMBER})*"
    r"(?:,\s*(?:nr\.\s*\d+[a-z]?|[A-Z]{1,3}))?\s*\d*|(?:Pagina|pagina|Page) \d+(?: van \d+)?|\d{1,3})\s*$"
)


# --- building the letter ---------------------------------------------------------------------

_VERGADERJAAR = re.compile(r"^Vergaderjaar \d{4}\s*[-\u2013]\s*\d{2,4}$", re.I)
_DOSSIER = re.compile(r"^(\d{2}[ .]?\d{3}(?:[- ](?:[A-Z]{1,4}|\d{1,3}))?)(?:\s+(\S.*))?$")
_NUMBER = re.compile(r"^Nr\.\s*(\d+[a-z]?)(?:\s+(\S.*))?$")
_LETTER_CODE = re.compile(r"^([A-Z]{1,3})(?:\s+((?:Brief|BRIEF|Nota|NOTA) .*))?$")
_CHAMBER_MARK = re.compile(r"^(?:Eerste|Tweede) Kamer der Staten-Generaal$", re.I)
_SENDER = re.compile(r"^(?:Brief|BRIEF|Nota|NOTA) (?:van|VAN)\b")
_ADDRESSEE = re.compile(r"^Aan de [Vv]oorzitter van de (Eerste|Tweede) Kamer")
_DATE = re.compile(r"^([A-Z][\w'-]+(?: [A-Z][\w'-]+)?), (\d{1,2} \w+ \d{4})$")
HEADER_LINES = (_VERGADERJAAR, _NUMBER, _ADDRESSEE, _DATE)
"""Header lines that stand on a line of their own in print: a reader of wrapped text starts a
paragraph at each (year, number, addressee, place and date)."""

_ROLE = re.compile(
    r"^(?:De |de |THE )?(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-president|MINISTER|STAATSSECRETARIS)"
    r"\b[^.]{0,120},$"
)
_ROLE_AND_NAME = re.compile(
    r"^((?:De |de )?(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-president)\b[^.,]{0,120},)\s+(\S.{1,60})$"
)
_NAME = re.compile(r"^(?:(?:[A-Z][a-z]?\.){1,5}\s?|[A-Z][a-zà-ÿ]+\s)(?:[A-Za-zà-ÿ'-]+\s){0,3}[A-Z][A-Za-zà-ÿ'-]+$")
_LIST = re.compile(r"^(?:[-\u2022\u25cf\u2013*]\s+|[a-z]\.\s|[ivx]+\.\)\s|\d{1,2}\)\s)")
_BULLET = re.compile(r"^[-\u2022\u25cf\u2013*]\s+")
_ANNEX = re.compile(r"^(?:Bijlage|BIJLAGE|Annex|ANNEX|Appendix|APPENDIX)\b")
"""The words that name an annex; any other annex is found by its place and shape."""


@dataclass
class _Builder:
    """The blocks, signatures, annexes and citations found so far, while paragraphs are read in
    order (local to one :func:`build_letter` call)."""

    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    annexes: list[str] = field(default_factory=list)
    cited: dict[int, str] = field(default_factory=dict)
    """Footnote number -> id of the first block citing it."""
    pending_role: Block | None = None
    """A role line (``De minister van …,``) waiting for its name on the next line."""
    after_signature: bool = False

    def add(self, kind: BlockKind, text: Mapped, p: Para, fld: HeaderField | None = None) -> Block:
        text = text.collapse()
        markers: tuple[tuple[int, int], ...] = ()
        if p.refs:
            whole = p.text.collapse()
            first = not text.offsets or not whole.offsets or text.offsets[0] <= whole.offsets[0]
            last = not text.offsets or not whole.offsets or text.offsets[-1] >= whole.offsets[-1]
            markers = place_markers(text, p.refs, p.marks, first, last)
        b = Block(f"b{len(self.blocks)}", kind, text.text, text.offsets, p.refs, fld, p.page, markers)
        self.blocks.append(b)
        for n in p.refs:
            self.cited.setdefault(n, b.id)
        return b

    def header(self, p: Para) -> bool:
        """Header lines of ``p`` as header blocks; whether it was one."""
        fields = _header_field(p.text.text, self.meta)
        for fld, start, end in fields:
            self.add(BlockKind.HEADER, p.text.slice(start, end), p, fld)
        return bool(fields)

    def signature(self, p: Para) -> bool:
        """``p`` as a signature (role and name on one line, or a role line, or the name after
        one); whether it was."""
        t = p.text.text
        m = _ROLE_AND_NAME.match(t)
        if m and _NAME.match(m.group(2)):
            role = self.add(BlockKind.SIGNATURE_ROLE, p.text.slice(0, m.end(1)), Para(p.text, (), p.strong, p.page))
            self._signed(role, self.add(BlockKind.SIGNATURE_NAME, p.text.slice(m.start(2), m.end(2)), p))
            return True
        if _ROLE.match(t) and len(t) < 140:
            self.pending_role = self.add(BlockKind.SIGNATURE_ROLE, p.text, p)
            return True
        if self.pending_role is not None and _NAME.match(t) and len(t) < 60:
            self._signed(self.pending_role, self.add(BlockKind.SIGNATURE_NAME, p.text, p))
            return True
        self.pending_role = None
        return False

    def _signed(self, role: Block, name: Block) -> None:
        self.signatories.append(Signatory(role.text.rstrip(","), name.text, name.id))
        self.pending_role = None
        self.after_signature = True

    def body(self, p: Para) -> None:
        """``p`` as an annex start, a list item, a heading or a paragraph."""
        t = p.text.text
        near_annex = bool(self.annexes) and len(self.blocks) - int(self.annexes[-1][1:]) <= 4
        if self.signatories and _starts_annex(t, p, self.after_signature, near_annex):
            self.annexes.append(self.add(BlockKind.ANNEX_START, p.text, p).id)
            self.after_signature = False
        elif _LIST.match(t):
            bullet = _BULLET.match(t)
            self.add(BlockKind.LIST_ITEM, p.text.slice(bullet.end()) if bullet else p.text, p)
        elif _is_heading(t, p):
            self.add(BlockKind.HEADING, p.text, p)
        else:
            self.add(BlockKind.PARAGRAPH, p.text, p)

    def metadata(self) -> Metadata:
        return _metadata(self.meta)


def build_letter(
    path: str,
    encoding: str,
    flavour: Flavour,
    paras: list[Para],
    bodies: dict[int, Mapped],
    furniture: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
) -> Letter:
    """Classify raw paragraphs into header lines and body blocks and assemble the Letter: header
    lines while they come (among the first 16 paragraphs), then each paragraph a signature or a
    body block."""
    b = _Builder()
    in_header = True
    for idx, p in enumerate(paras):
        if not p.text.text:
            continue
        if in_header and idx < 16 and b.header(p):
            continue
        in_header = False
        if not b.signature(p):
            b.body(p)
    footnotes = tuple(
        Footnote(n, body.collapse().text, body.collapse().offsets, b.cited.get(n)) for n, body in sorted(bodies.items())
    )
    return Letter(
        path=path,
        encoding=encoding,
        flavour=flavour,
        metadata=b.metadata(),
        blocks=tuple(b.blocks),
        footnotes=footnotes,
        signatories=tuple(b.signatories),
        annexes=tuple(b.annexes),
        furniture=furniture,
        notes=notes,
    )


def _metadata(meta: dict[str, str]) -> Metadata:
    return Metadata(
        dossier=meta.get("dossier"),
        title=meta.get("title"),
        number=meta.get("number"),
        letter_code=meta.get("letter_code"),
        vergaderjaar=meta.get("vergaderjaar"),
        sender=meta.get("sender"),
        chamber=meta.get("chamber"),
        place=meta.get("place"),
        date=meta.get("date"),
    )


_HEADER_NOISE = re.compile(r"\*\*|\[bookmark: [^\]]*\]|\^\{[^}\n]*\}")


def read_header(text: str, lines: int = 24) -> Metadata:
    """What the header of a letter's text says, without parsing the rest: the header patterns of
    :func:`build_letter` run over the first ``lines`` non-blank lines (markdown emphasis and
    bookmarks removed, a tab-separated header line split at its tabs). Cheap enough to run on every
    file of a corpus; the full parse finds the same fields where the header is not hard-wrapped."""
    meta: dict[str, str] = {}
    seen = 0
    for raw in text[:8000].splitlines():
        for part in _HEADER_NOISE.sub("", raw).split("\t"):
            t = " ".join(part.split())
            if not t:
                continue
            seen += 1
            if seen > lines:
                return _metadata(meta)
            _header_field(t, meta)
    return _metadata(meta)


def _header_field(t: str, meta: dict[str, str]) -> list[tuple[HeaderField, int, int]]:
    """Recognise a header line, record what it says in ``meta``; return its fields and spans.

    One line may hold two fields (``32 317 JBZ-Raad``, ``Nr. 1014 Brief van …``); they become two
    header blocks so that editions printing them on separate lines still align field by field.
    """
    if not meta and _CHAMBER_MARK.match(t):
        meta["chamber_mark"] = t
        return [(HeaderField.CHAMBER, 0, len(t))]
    if "vergaderjaar" not in meta and _VERGADERJAAR.match(t):
        meta["vergaderjaar"] = t.split(None, 1)[1]
        return [(HeaderField.VERGADERJAAR, 0, len(t))]
    m = _DOSSIER.match(t)
    if m and "dossier" not in meta and len(t) < 120:
        meta["dossier"] = m.group(1)
        if not m.group(2):
            return [(HeaderField.DOSSIER, 0, m.end(1))]
        meta["title"] = m.group(2).strip()
        return [(HeaderField.DOSSIER, 0, m.end(1)), (HeaderField.TITLE, m.start(2), len(t))]
    if (
        "dossier" in meta
        and "title" not in meta
        and len(t) < 120
        and not (_SENDER.match(t) or _LETTER_CODE.match(t) or _NUMBER.match(t))
    ):
        meta["title"] = t
        return [(HeaderField.TITLE, 0, len(t))]
    m = _NUMBER.match(t)
    if m and "number" not in meta:
        meta["number"] = m.group(1)
        if not m.group(2):
            return [(HeaderField.NUMBER, 0, len(t))]
        meta["sender"] = m.group(2)
        return [(HeaderField.NUMBER, 0, m.end(1)), (HeaderField.SENDER, m.start(2), len(t))]
    m = _LETTER_CODE.match(t)
    if m and "dossier" in meta and "letter_code" not in meta:
        meta["letter_code"] = m.group(1)
        if not m.group(2):
            return [(HeaderField.NUMBER, 0, len(t))]
        meta["sender"] = m.group(2)
        return [(HeaderField.NUMBER, 0, m.end(1)), (HeaderField.SENDER, m.start(2), len(t))]
    if _SENDER.match(t) and "sender" not in meta:
        meta["sender"] = t
        return [(HeaderField.SENDER, 0, len(t))]
    m = _ADDRESSEE.match(t)
    if m and "chamber" not in meta:
        meta["chamber"] = f"{m.group(1)} Kamer"
        return [(HeaderField.ADDRESSEE, 0, len(t))]
    m = _DATE.match(t)
    if m and "date" not in meta:
        meta["place"], meta["date"] = m.group(1), m.group(2)
        return [(HeaderField.DATE, 0, len(t))]
    return []


def _starts_annex(t: str, p: Para, after_signature: bool, recent_annex: bool) -> bool:
    """Does a paragraph after the signatures open an annex? By structure, not by its words: the
    first heading-shaped line or a line in another language right after the signature block, a
    line named Bijlage/Annex, a bold title, or a line in capitals."""
    if _LIST.match(t):
        return False
    if after_signature and (_ANNEX.match(t) or _heading_shape(t) or is_english(t)):
        return True
    return (p.strong and len(t) < 200) or (_all_caps(t) and len(t) < 120 and not recent_annex)


def _heading_shape(t: str) -> bool:
    """A short line that starts with a capital or a digit and ends without a full stop."""
    return len(t) <= 160 and (t[:1].isupper() or t[:1].isdigit()) and t.rstrip()[-1:] not in ".;:,!?"


def _all_caps(t: str) -> bool:
    return t.isupper() and len(t) >= 8 and " " in t.strip()


def _is_heading(t: str, p: Para) -> bool:
    if len(t) > 160 or not (t[0].isupper() or t[0].isdigit() or p.strong):
        return False
    if t.rstrip()[-1] in ".;:,!?" and not re.match(r"^\d+\.\s", t):
        return False
    return p.strong or len(t) <= 160
