"""Dutch parliamentary citations: find them in text, parse them into values, compare them.

A reference is compared as *what document it names*, not as characters:
``Kamerstukken II 2025/26, 32 317, nr. 1007`` equals ``Kamerstukken II, 2025-2026, 32317, nr. 1007``
but not ``… nr. 1013``; ``21 501-20`` is dossier 21 501 sub 20, not number 20; ``36410-VI`` equals
``36410 VI``; ``Kamerstukken II`` is not ``Aanhangsel Handelingen II``. See docs/references.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from difftool.text import fold_same_length

_HEAD = re.compile(
    r"\b(?P<type>Aanhangsel\s+(?:van\s+de\s+)?Handelingen|Handelingen|Kamerstukken|Kamerstuk|Kst\.|Kst)"
    r"(?:\s+(?P<chamber>II|I)\b)?",
)
_YEAR = re.compile(r"(?:vergaderjaar\s+)?\b((?:19|20)\d{2})\s*[/\-]\s*((?:19|20)?\d{2})\b", re.I)
_DOSSIER = re.compile(
    r"(?<![\d/])\b(?P<base>\d{2}[ .]?\d{3})\b"
    r"(?:\s*-\s*(?P<sub>[IVXLC]+|[A-Z]|\d{1,3})\b(?!\s*/)|\s+(?P<letter>[IVXLC]+|[A-Z])\b(?![.\w])|\s*\((?P<r>R\d+)\))?"
)
_NUMBER = re.compile(r"\b(?:nr|nrs|no)\.?\s*(?P<nr>\d+[a-z]?(?:\s*-\s*\d+)?|[A-Z]{1,3}\b)")
_ITEM = re.compile(r"\bitem\s+(\d+)")
_IDS = re.compile(
    r"(?P<tz>\bTZ\d{6}-\d+\b)|(?P<tkid>\b\d{4}D\d{5}\b)|(?P<kst>\bkst-\d+-[\w-]+\b)"
    r"|(?P<com>\bCOM\s*\(\s*\d{4}\s*\)\s*\d+(?:\s+final)?)|(?P<st>\bST[- ]\d+[- ]\d{4}[- ]INIT\b)"
    r"|(?P<url>\b(?:https?://|www\.)[^\s<>()\"]+[^\s<>()\".,;:])"
)
_PARTICLE = r"(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Hh]et|'t)"
_LETTER = "[^\\W\\d_\u00b2\u00b3\u00b9\u2070-\u2079]"
_SURNAME = rf"(?:[A-Z\u00c0-\u00de]{_LETTER}*(?:['-]{_LETTER}+)*)"
_NAME = rf"(?:{_PARTICLE}\s+)*{_SURNAME}"
_MOTIE = re.compile(
    rf"\b[Mm]otie(?:-|\s+van\s+(?:de\s+leden|het\s+lid)\s+|\s+)(?P<names>{_NAME}(?:(?:,\s*|\s+en\s+){_NAME})*)"
    r"(?P<cs>\s+c\.s\.)?"
)
_NOT_A_NAME = re.compile(r"^(?:[A-Z]{1,3}|Kamerstuk\w*|Handelingen)$")
_TYPES = {
    "kamerstukken": "Kamerstukken",
    "kamerstuk": "Kamerstukken",
    "kst.": "Kamerstukken",
    "kst": "Kamerstukken",
    "handelingen": "Handelingen",
}
DOSSIERS_WITH_SUB = frozenset({"21501"})


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed citation. Two references name the same document iff they compare equal."""

    type: str
    """``Kamerstukken``, ``Handelingen``, ``Aanhangsel Handelingen``, or an id type (``TZ``, ``URL``…)."""
    chamber: str | None = None
    year: int | None = None
    """First calendar year of the parliamentary year (2025 for 2025/26)."""
    dossiers: tuple[str, ...] = ()
    """Normalised dossiers: ``32317``, ``21501-20``, ``36410-VI``, ``35099-R2114``."""
    number: str | None = None
    """Document number (``1007``, ``1-4``) or EK letter (``A``, ``QF``)."""
    ident: str | None = None
    """For id references (TZ, COM, URL …): the normalised id."""
    start: int = 0
    end: int = 0

    def same_document(self, other: Reference) -> bool:
        return self.key() == other.key()

    def key(self) -> tuple[object, ...]:
        return (self.type, self.chamber, self.year, self.dossiers, self.number, self.ident)

    def describe(self) -> str:
        if self.ident:
            return self.ident
        parts = [self.type + (f" {self.chamber}" if self.chamber else "")]
        if self.year:
            parts.append(f"{self.year}/{(self.year + 1) % 100:02d}")
        parts.extend(_show_dossier(d) for d in self.dossiers)
        if self.number:
            parts.append(f"nr. {self.number}")
        return ", ".join(parts)


def _show_dossier(d: str) -> str:
    base, _, sub = d.partition("-")
    shown = f"{base[:2]} {base[2:]}" if len(base) == 5 else base
    return f"{shown}-{sub}" if sub else shown


def _norm_dossier(m: re.Match[str]) -> str:
    base = re.sub(r"[ .]", "", m.group("base"))
    sub = m.group("sub") or m.group("letter") or m.group("r")
    if sub and sub.isdigit():
        sub = str(int(sub))
    return f"{base}-{sub}" if sub else base


def find_references(text: str) -> tuple[Reference, ...]:
    """All references in ``text``, in order, with their spans."""
    t = fold_same_length(text)
    refs: list[Reference] = []
    heads = list(_HEAD.finditer(t))
    for n, h in enumerate(heads):
        stop = heads[n + 1].start() if n + 1 < len(heads) else len(t)
        seg_end = _segment_end(t, h.end(), stop)
        seg = t[h.end() : seg_end]
        refs.append(_parse_citation(h, seg, seg_end))
    refs.extend(_moties(t))
    for m in _IDS.finditer(t):
        if m.lastgroup is None:
            continue
        kind = m.lastgroup
        ident = re.sub(r"\s+", "", m.group(0)).upper() if kind != "url" else m.group(0).rstrip("/")
        refs.append(Reference(type=kind.upper(), ident=ident, start=m.start(), end=m.end()))
    refs.sort(key=lambda r: (r.start, r.end))
    return tuple(refs)


def _moties(t: str) -> list[Reference]:
    """Moties cited by name (``motie Van Campen en Boswijk``, ``motie-Taverne``, ``de motie van de
    leden Dassen en Brekelmans c.s.``): the same motie whatever the case of its particles."""
    out: list[Reference] = []
    for m in _MOTIE.finditer(t):
        names = [n.strip() for n in re.split(r",\s*|\s+en\s+", m.group("names"))]
        if any(_NOT_A_NAME.match(n) for n in names):
            continue
        key = " en ".join(n.casefold() for n in names) + (" c.s." if m.group("cs") else "")
        out.append(Reference(type="motie", ident=key, start=m.start(), end=m.end()))
    return out


_SEGMENT_END = re.compile(r";|(?<!\bnr)(?<!\bnrs)(?<!\bno)\.\s+(?=[A-Z])|\.$|\)|\s(?:en|of|and)\s+(?=[A-Z])")


def _segment_end(t: str, start: int, stop: int) -> int:
    """A citation runs to the end of its sentence or list element, at most to the next head."""
    m = _SEGMENT_END.search(t, start, stop)
    return m.start() if m else stop


def _parse_citation(h: re.Match[str], seg: str, seg_end: int) -> Reference:
    raw_type = re.sub(r"\s+", " ", h.group("type")).strip()
    low = raw_type.lower()
    if low.startswith("aanhangsel"):
        rtype = "Aanhangsel Handelingen"
    else:
        rtype = _TYPES.get(low, raw_type)
    chamber = h.group("chamber")
    year = None
    ym = _YEAR.search(seg)
    scan = seg
    if ym:
        year = int(ym.group(1))
        scan = seg[: ym.start()] + " " * (ym.end() - ym.start()) + seg[ym.end() :]
    number = None
    nm = _NUMBER.search(scan)
    if nm:
        number = re.sub(r"\s+", "", nm.group("nr"))
        scan = scan[: nm.start()] + " " * (nm.end() - nm.start()) + scan[nm.end() :]
    dossiers: list[str] = []
    for dm in _DOSSIER.finditer(scan):
        d = _norm_dossier(dm)
        base, _, sub = d.partition("-")
        if number is None and sub.isdigit() and base not in DOSSIERS_WITH_SUB:
            # dash form "Kamerstuk 32317-973": dossier 32317, number 973
            d, number = base, sub
        dossiers.append(d)
    dash = re.search(r"\b(\d{5})-(\d{1,3})-(\d+)\b", scan)
    if dash and number is None:
        dossiers = [f"{dash.group(1)}-{int(dash.group(2))}"]
        number = dash.group(3)
    if number is None and dossiers:
        letter = re.search(r",\s*([A-Z]{1,3})\s*(?:$|[.,;])", scan)
        if letter:
            number = letter.group(1)
    if rtype == "Handelingen":
        im = _ITEM.search(scan)
        if im and number:
            number = f"{number} item {im.group(1)}"
    return Reference(
        type=rtype,
        chamber=chamber,
        year=year,
        dossiers=tuple(dossiers),
        number=number,
        start=h.start(),
        end=seg_end,
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
        parts.append(f"{a.type} {a.ident} \u2192 {b.ident}")
    if a.chamber != b.chamber:
        parts.append(f"chamber {a.chamber or '-'} \u2192 {b.chamber or '-'}")
    if a.year != b.year:
        parts.append(f"year {a.year or '-'} \u2192 {b.year or '-'}")
    if a.dossiers != b.dossiers:
        da = " + ".join(_show_dossier(d) for d in a.dossiers) or "-"
        db = " + ".join(_show_dossier(d) for d in b.dossiers) or "-"
        parts.append(f"dossier {da} \u2192 {db}")
    if a.number != b.number:
        parts.append(f"reference number {a.number or '-'} \u2192 {b.number or '-'}")
    return "; ".join(parts) or "reference differs"
