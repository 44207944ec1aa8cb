"""Dutch parliamentary and official citations: find them in text, parse them into values, compare them.

A reference is compared as *what document it names*, not as characters. The rules follow the
forms in which parliamentary papers and official publications are cited (Aanwijzingen voor de
regelgeving, the citation forms of officielebekendmakingen.nl), never a particular dossier:
``Kamerstukken II 2025/26, 32 317, nr. 1007`` equals ``Kamerstuk 32317-1007`` but not ``… nr. 1013``;
``21 501-20, nr. 2185`` is dossier 21 501-20, number 2185, while in the compact form the last part
is the number (``31839-12-1188`` is dossier 31 839-12, nr. 1188) unless it is a chapter
(``36410-VI``); ``Kamerstukken II`` is not ``Aanhangsel Handelingen II``. See docs/references.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from difftool.text import fold_same_length

_HEAD = re.compile(
    r"\b(?P<type>Aanhangsel\s+(?:van\s+de\s+|bij\s+de\s+)?Handelingen\b|Aanh\.\s*Hand(?:elingen\b|\.)"
    r"|Handelingen\b|Hand\.(?=\s+II?\b)|Kamerstukken\b|Kamerstuk\b|Kst\b\.?"
    r"|Staatscourant\b|Stcrt\b\.?|Staatsblad\b|Stb\b\.?|Tractatenblad\b|Trb\b\.?)"
    r"(?:\s+(?P<chamber>II|I)\b)?",
)
GAZETTES = frozenset({"Staatscourant", "Staatsblad", "Tractatenblad"})
"""Official gazettes, cited by calendar year and number: ``Stcrt. 2024, 12345``, ``Stb. 2023, 45``."""

_YEAR = re.compile(r"(?:\bvergaderjaar\s+)?\b((?:19|20)\d{2})\s*[/-]\s*((?:19|20)?\d{2})\b", re.I)
_CALENDAR_YEAR = re.compile(r"[\s,]*(?:van\s+)?((?:1[6-9]|20)\d{2})\b")
_ONE_NUMBER = r"(?:\d+(?:[a-z](?![a-z]))?(?:\s*(?:-|t/m)\s*\d+(?:[a-z](?![a-z]))?)?|[A-Z]{1,3}(?![\w-]))"
_NUMBER = re.compile(
    rf"\b(?:(?P<plural>(?i:nrs|nos))|(?i:nr|no))\b\.?\s*"
    rf"(?P<nr>{_ONE_NUMBER}(?(plural)(?:(?:\s*,\s*|\s+en\s+){_ONE_NUMBER})*|))"
)
_PAGES = re.compile(r"\b(?:pp?|blz|pag|bl)\.\s*(?P<p>\d+(?:\s*-\s*\d+)?(?:(?:\s*,\s*|\s+en\s+)\d+(?:\s*-\s*\d+)?)*)")
_ITEM = re.compile(r"\bitem\s+(\d+)")
_ROMAN = r"(?=[IVX])X{0,3}(?:IX[AB]?|IV|V?I{0,3})(?![\w])"
"""A budget chapter: I to XXXIX, and IXA/IXB (Nationale Schuld, Financiën)."""
_LETTERS = r"(?:[IVX]{1,6}[AB]?|[A-Z]{1,3})"
"""A chapter in Roman numerals (``XVIII``, ``IXB``), a fund letter or an EK letter."""
_PART = rf"(?:{_LETTERS}|\d{{1,5}}(?:[a-z](?![a-z]))?)"
_DESIGNATION = re.compile(
    r"(?<![\w/.:-])(?<!\d\s)(?P<base>\d{2}[ .]?\d{3})(?!\d)"
    rf"(?P<parts>(?:\s*-\s*{_PART}(?![\w])|\s+{_LETTERS}(?![\w.-]))*)"
    r"(?:\s*,?\s*\(\s*R\s*(?P<r>\d+)\s*\))?"
)
"""A dossier as printed: base ``32 317`` / ``32317`` / ``32.317``, then sub-dossier, chapter or fund
parts (``-20``, ``-VI``, `` XVI``, `` B``, ``-32-1188``), then a rijkswet number ``(R2114)``."""
_PART_ITEM = re.compile(rf"\s*(?P<sep>-)?\s*(?P<v>{_PART})")
_HEADLESS_NR = re.compile(
    r"\bnr\.?\s*(?P<nr>\d+(?:[a-z](?![a-z]))?)\s*\(\s*(?P<d>\d{2}[ .]?\d{3}(?:\s*-\s*(?:[A-Z]{1,6}|\d{1,3}))*)\s*\)"
)
"""``Zij krijgt nr. 469 (29453).``: motie 469 in dossier 29 453."""
_HEADLESS_NUMBER = re.compile(r"\s*,?\s*(?=nrs?\b)")
"""``(32 317, nr. 1014)``: a dossier without a head, cued by the ``nr.`` that follows it."""
_NOT_A_DASH_FORM = re.compile(r"[\w/-]|[.,]\d|\s\d")
"""After ``12 500-15`` comes `` 000``: an amount range, not the compact form."""
_REST = re.compile(r"[^\s,;()]*\d[^\s,;()]*")
_IDS = re.compile(
    r"(?P<tz>\bTZ\d{6}-\d+\b)|(?P<tkid>\b\d{4}[DZ]\d{5}\b)|(?P<kst>\bkst-\d+-[\w-]+\b)"
    r"|(?P<com>\bCOM\s*\(\s*\d{4}\s*\)\s*\d+(?:\s+final)?)|(?P<st>\bST[- ]\d+[- ]\d{4}[- ]INIT\b)"
    r"|(?P<ecli>\b[Ee][Cc][Ll][Ii]:[A-Za-z]{2}:[A-Za-z0-9]{1,7}:\d{4}:[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)"
    r"|(?P<url>\b(?:https?://|www\.)[^\s<>()\"]+[^\s<>()\".,;:])"
)
_PARTICLE = r"(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Hh]et|'t)"
_LETTER = "[^\\W\\d_\u00b2\u00b3\u00b9\u2070-\u2079]"
_SURNAME = rf"(?:[A-Z\u00c0-\u00de]{_LETTER}*(?:(?:'|-|-\s(?!en\b|of\b)(?=[a-z])){_LETTER}+)*)"
_NAME = rf"(?:{_PARTICLE}\s+)*{_SURNAME}"
_MOTIE = re.compile(
    rf"\b[Mm]otie(?:-|\s+van\s+(?:de\s+leden|het\s+lid)\s+|\s+)(?P<names>{_NAME}(?:(?:,\s*|\s+en\s+){_NAME})*)"
    r"(?P<cs>\s+c\.s\.)?"
)
_HYPHEN_IN_NAME = re.compile(r"-\s?")
_NOT_A_NAME = re.compile(r"^(?:[A-Z]{1,3}|Kamerstuk\w*|Handelingen)$")


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed citation. ``same_document`` says whether two name the same document,
    ``same_citation`` whether they also point at the same place in it."""

    type: str
    """``Kamerstukken``, ``Handelingen``, ``Aanhangsel Handelingen``, ``Staatscourant``,
    ``Staatsblad``, ``Tractatenblad``, or an id type (``TZ``, ``ECLI``, ``URL``…)."""
    chamber: str | None = None
    year: int | None = None
    """First calendar year of the parliamentary year (2025 for 2025/26); the year of a gazette."""
    dossiers: tuple[str, ...] = ()
    """Normalised dossiers: ``32317``, ``21501-20``, ``36410-VI``, ``36410-B``, ``35099 (R2114)``."""
    number: str | None = None
    """Document number (``1007``, ``1-4``, ``188b``), EK letter (``A``, ``QF``), Handelingen or
    Aanhangsel number, gazette number; several as ``3, 4``."""
    ident: str | None = None
    """For id references (TZ, ECLI, COM, URL …): the normalised id."""
    start: int = 0
    end: int = 0
    year_end: int | None = None
    """Second calendar year of a parliamentary year as printed (2026 for 2025/26; 2023 for a
    mistyped 2023/2023); None for a gazette's calendar year."""
    item: str | None = None
    """Handelingen: the agenda item (``item 5``)."""
    pages: str | None = None
    """The pinpoint (``p. 25-36``): not part of the document, but part of what is cited."""
    rest: tuple[str, ...] = ()
    """Digit-bearing text in the citation that no field took, so that no digit is ever dropped."""

    def identified_by_dossier(self) -> bool:
        """A Kamerstuk with dossier and number needs no chamber or year to be found."""
        return self.type == "Kamerstukken" and bool(self.dossiers) and self.number is not None

    def same_document(self, other: Reference) -> bool:
        """Same type, dossiers (sub-dossier, chapter, fund), number or letter, item and id. Chamber and
        year must agree when both are given; one may leave them out when dossier and number identify
        the Kamerstuk. A rijkswet number may be left out on one side, not changed."""
        if (self.type, self.number, self.item, self.ident) != (other.type, other.number, other.item, other.ident):
            return False
        if len(self.dossiers) != len(other.dossiers):
            return False
        if not all(_same_dossier(x, y) for x, y in zip(self.dossiers, other.dossiers)):
            return False
        loose = self.identified_by_dossier() and other.identified_by_dossier()
        for x, y in ((self.chamber, other.chamber), (self.year, other.year), (self.year_end, other.year_end)):
            if x != y and not (loose and (x is None or y is None)):
                return False
        return True

    def same_citation(self, other: Reference) -> bool:
        """The same document and the same pinpoint, with no other digit changed."""
        return self.same_document(other) and self.pages == other.pages and self.rest == other.rest

    def describe(self) -> str:
        if self.ident:
            return self.ident
        parts = [self.type + (f" {self.chamber}" if self.chamber else "")]
        if self.year:
            parts.append(_show_year(self))
        parts.extend(_show_dossier(d) for d in self.dossiers)
        if self.number:
            parts.append(f"nr. {self.number}" + (f" item {self.item}" if self.item else ""))
        elif self.item:
            parts.append(f"item {self.item}")
        return ", ".join(parts)


def _show_year(r: Reference) -> str:
    if r.year is None:
        return "-"
    if r.year_end is None:
        return str(r.year)
    return f"{r.year}/{r.year_end % 100:02d}"


def _year_label(r: Reference) -> str:
    """The year as an explanation names it: the first year, or both when they are irregular."""
    if r.year is None:
        return "-"
    if r.year_end is None or r.year_end == r.year + 1:
        return str(r.year)
    return f"{r.year}/{r.year_end}"


def _split_rijkswet(d: str) -> tuple[str, str | None]:
    core, _, r = d.partition(" (")
    return core, r.rstrip(")") or None


def _same_dossier(x: str, y: str) -> bool:
    cx, rx = _split_rijkswet(x)
    cy, ry = _split_rijkswet(y)
    return cx == cy and (rx == ry or rx is None or ry is None)


def _show_dossier(d: str) -> str:
    core, r = _split_rijkswet(d)
    base, _, sub = core.partition("-")
    shown = f"{base[:2]} {base[2:]}" if len(base) == 5 else base
    shown = f"{shown}-{sub}" if sub else shown
    return f"{shown} ({r})" if r else shown


def _is_roman(v: str) -> bool:
    return re.fullmatch(_ROMAN, v) is not None


def _norm_number(s: str) -> str:
    s = re.sub(r"\s*(?:-|t/m)\s*", "-", s.strip())
    items = re.split(r"\s*,\s*|\s+en\s+", s)
    return ", ".join(re.sub(r"(?<!\d)0+(?=\d)", "", i) for i in items)


@dataclass(slots=True)
class _Designation:
    base: str
    parts: list[tuple[bool, str]]
    """(written after a dash, value) for each part after the base."""
    rijkswet: str | None
    end: int

    def normalised(self) -> str:
        subs = [str(int(v)) if v.isdigit() else v for _, v in self.parts]
        core = "-".join([self.base, *subs])
        return f"{core} (R{self.rijkswet})" if self.rijkswet else core

    def take_number(self) -> str | None:
        """The compact form ``D-…-N``: a last part after a dash is the document number, unless it
        is a chapter (Roman) or a fund (one letter); two or three letters are an EK letter."""
        if not self.parts:
            return None
        dash, v = self.parts[-1]
        if v[:1].isdigit() and dash or len(v) > 1 and v.isalpha() and not _is_roman(v):
            self.parts.pop()
            return _norm_number(v)
        return None


def _designation(m: re.Match[str]) -> _Designation:
    base = re.sub(r"[ .]", "", m.group("base"))
    parts = [(p.group("sep") is not None, p.group("v")) for p in _PART_ITEM.finditer(m.group("parts"))]
    return _Designation(base, parts, m.group("r"), m.end())


def find_references(text: str) -> tuple[Reference, ...]:
    """All references in ``text``, in order, with their spans. A reference may lie inside another
    (an id or a motie inside a Kamerstukken citation); see ``classify.ref_at``."""
    t = fold_same_length(text)
    refs: list[Reference] = []
    heads = list(_HEAD.finditer(t))
    for n, h in enumerate(heads):
        stop = heads[n + 1].start() if n + 1 < len(heads) else len(t)
        seg_end = _segment_end(t, h.end(), stop)
        r = _parse_citation(h, t[h.end() : seg_end])
        if r is not None:
            refs.append(r)
    refs.extend(_moties(t))
    for m in _IDS.finditer(t):
        if m.lastgroup is None:
            continue
        kind = m.lastgroup
        ident = re.sub(r"\s+", "", m.group(0)).upper() if kind != "url" else m.group(0).rstrip("/")
        refs.append(Reference(type=kind.upper(), ident=ident, start=m.start(), end=m.end()))
    refs.extend(r for r in _headless(t) if not any(o.start < r.end and r.start < o.end for o in refs))
    refs.sort(key=lambda r: (r.start, r.end))
    return tuple(refs)


def _headless(t: str) -> list[Reference]:
    """Kamerstukken cited without a head, where the form itself is the cue: ``nr. 469 (29453)``,
    a dossier followed by ``nr.`` (``32 317, nr. 1014``), the dash form (``31839-12-1188``)."""
    out: list[Reference] = []
    for m in _HEADLESS_NR.finditer(t):
        d = _DESIGNATION.match(t, m.start("d"))
        if d is not None:
            out.append(
                Reference(
                    type="Kamerstukken",
                    dossiers=(_designation(d).normalised(),),
                    number=_norm_number(m.group("nr")),
                    start=m.start(),
                    end=m.end(),
                )
            )
    for d in _DESIGNATION.finditer(t):
        if any(r.start < d.end() and d.start() < r.end for r in out):
            continue
        des = _designation(d)
        cue = _HEADLESS_NUMBER.match(t, d.end())
        nm = _NUMBER.match(t, cue.end()) if cue is not None else None
        end = d.end()
        if nm is not None:
            number: str | None = _norm_number(nm.group("nr"))
            end = nm.end()
        elif any(dash for dash, _ in des.parts) and "." not in d.group("base") and not _NOT_A_DASH_FORM.match(t, end):
            number = des.take_number()
        else:
            continue
        out.append(
            Reference(type="Kamerstukken", dossiers=(des.normalised(),), number=number, start=d.start(), end=end)
        )
    return out


def _moties(t: str) -> list[Reference]:
    """Moties cited by name (``motie Van Campen en Boswijk``, ``motie-Taverne``, ``de motie van de
    leden Dassen en Brekelmans c.s.``): the same motie whatever the case of its particles."""
    out: list[Reference] = []
    for m in _MOTIE.finditer(t):
        names = [n.strip() for n in re.split(r",\s*|\s+en\s+", m.group("names"))]
        if any(_NOT_A_NAME.match(n) for n in names):
            continue
        # a hyphen inside a name, and one left with its space where a line broke the name
        # (``Raj- kowski``), do not make another motie
        key = " en ".join(_HYPHEN_IN_NAME.sub("", n.casefold()) for n in names) + (" c.s." if m.group("cs") else "")
        out.append(Reference(type="motie", ident=key, start=m.start(), end=m.end()))
    return out


_SEGMENT_END = re.compile(r";|(?<!\bnr)(?<!\bNr)(?<!\bnrs)(?<!\bno)\.\s+(?=[A-Z])|\.$|[()]|\s(?:en|of|and)\s+(?=[A-Z])")
_KEPT_PARENTHESES = re.compile(r"\(\s*(?:R\s*\d+|\d{2}[ .]?\d{3}(?:\s*-\s*[\dA-Z]{1,6}){0,2})\s*\)")
"""Parentheses that belong to a citation: a rijkswet number ``(R2114)``, a dossier ``(29453)``."""


def _segment_end(t: str, start: int, stop: int) -> int:
    """A citation runs to the end of its sentence or list element (``;``, ``. `` + capital, a
    parenthesis), at most to the next citation head."""
    pos = start
    while True:
        m = _SEGMENT_END.search(t, pos, stop)
        if m is None:
            return stop
        if m.group() == "(":
            kept = _KEPT_PARENTHESES.match(t, m.start())
            if kept is not None and kept.end() <= stop:
                pos = kept.end()
                continue
        return m.start()


def _norm_type(raw: str) -> str:
    low = re.sub(r"[\s.]+", " ", raw.lower()).strip()
    if low.startswith("aanh"):
        return "Aanhangsel Handelingen"
    if low.startswith("hand"):
        return "Handelingen"
    if low.startswith(("kamerstuk", "kst")):
        return "Kamerstukken"
    if low.startswith(("staatscourant", "stcrt")):
        return "Staatscourant"
    if low.startswith(("staatsblad", "stb")):
        return "Staatsblad"
    return "Tractatenblad"


def _blank(s: str, m: re.Match[str]) -> str:
    return s[: m.start()] + " " * (m.end() - m.start()) + s[m.end() :]


_BARE_NUMBER = re.compile(r"(?<![\w./-])\d{1,6}(?:[a-z](?![a-z]))?(?![\w/-])")


def _parse_citation(h: re.Match[str], seg: str) -> Reference | None:
    """One citation from its head and the text up to where it can end (``_segment_end``)."""
    rtype = _norm_type(h.group("type"))
    scan = seg
    year = year_end = None
    if rtype in GAZETTES:
        ym = _CALENDAR_YEAR.match(scan)
        if ym is None:
            return None  # "in de Staatscourant." is no citation
        year = int(ym.group(1))
        scan = _blank(scan, ym)
    else:
        first_nr = _NUMBER.search(scan)
        ym = _YEAR.search(scan, 0, first_nr.start() if first_nr else len(scan))
        if ym:
            year = int(ym.group(1))
            second = int(ym.group(2))
            year_end = second if second >= 100 else year // 100 * 100 + second + (100 if second < year % 100 else 0)
            scan = _blank(scan, ym)
    numbers: list[str] = []
    for nm in list(_NUMBER.finditer(scan)):
        numbers.append(_norm_number(nm.group("nr")))
        scan = _blank(scan, nm)
    pages = None
    pm = _PAGES.search(scan)
    if pm:
        pages = re.sub(r"\s*-\s*", "-", re.sub(r"\s+en\s+|\s*,\s*", ", ", pm.group("p")))
        scan = _blank(scan, pm)
    item = None
    im = _ITEM.search(scan)
    if im and rtype in ("Handelingen", "Aanhangsel Handelingen"):
        item = im.group(1)
        scan = _blank(scan, im)
    dossiers: list[str] = []
    if rtype == "Kamerstukken":
        designations = []
        for dm in list(_DESIGNATION.finditer(scan)):
            designations.append(_designation(dm))
            scan = _blank(scan, dm)
        if not numbers:
            numbers = [n for d in designations if (n := d.take_number()) is not None]
        if not numbers and designations:
            letter = re.match(r"\s*,\s*([A-Z]{1,3})(?![\w-])", scan[designations[-1].end :])
            if letter:
                numbers.append(letter.group(1))
                scan = scan[: designations[-1].end] + _blank(scan[designations[-1].end :], letter)
        dossiers = [d.normalised() for d in designations]
    elif not numbers:
        bare = _BARE_NUMBER.search(scan)
        if bare:
            numbers.append(_norm_number(bare.group()))
            scan = _blank(scan, bare)
        elif rtype in GAZETTES:
            return None
    # the citation ends with its last field: words after it are not part of it; an id in the
    # number's place (``Kamerstukken II, 2025-2026, TZ202604-207``) is a field
    last = next((i + 1 for i in range(len(seg) - 1, -1, -1) if seg[i] != scan[i]), 0)
    then = _IDS.match(seg, len(seg) - len(seg[last:].lstrip(" ,"))) if last else None
    if then is not None:
        last = then.end()
    rest = tuple(r.strip(".:") for r in _REST.findall(scan[:last]))
    return Reference(
        type=rtype,
        chamber=h.group("chamber"),
        year=year,
        year_end=year_end,
        dossiers=tuple(dossiers),
        number=", ".join(numbers) or None,
        item=item,
        pages=pages,
        rest=rest,
        start=h.start(),
        end=h.end() + last,
    )


def explain_change(a: Reference | None, b: Reference | None) -> str:
    """One line saying how two references differ, field by field."""
    if a is None and b is not None:
        return f"reference added: {b.describe()}"
    if b is None and a is not None:
        return f"reference removed: {a.describe()}"
    assert a is not None and b is not None
    parts: list[str] = []
    if a.type != b.type or a.ident != b.ident and (a.ident is None or b.ident is None):
        parts.append(f"document type {a.type} \u2192 {b.type}")
    if a.ident and b.ident and a.ident != b.ident:
        label = "" if a.ident.startswith(a.type) else f"{a.type} "
        parts.append(f"{label}{a.ident} \u2192 {b.ident}")
    if a.chamber != b.chamber:
        parts.append(f"chamber {a.chamber or '-'} \u2192 {b.chamber or '-'}")
    if (a.year, a.year_end) != (b.year, b.year_end):
        parts.append(f"year {_year_label(a)} \u2192 {_year_label(b)}")
    if a.dossiers != b.dossiers:
        da = " + ".join(_show_dossier(d) for d in a.dossiers) or "-"
        db = " + ".join(_show_dossier(d) for d in b.dossiers) or "-"
        parts.append(f"dossier {da} \u2192 {db}")
    if a.number != b.number:
        parts.append(f"reference number {a.number or '-'} \u2192 {b.number or '-'}")
    if a.item != b.item:
        parts.append(f"item {a.item or '-'} \u2192 {b.item or '-'}")
    if a.pages != b.pages:
        parts.append(f"page {a.pages or '-'} \u2192 {b.pages or '-'}")
    if a.rest != b.rest:
        parts.append(f"also cited {' '.join(a.rest) or '-'} \u2192 {' '.join(b.rest) or '-'}")
    return "; ".join(parts) or "reference differs"
