"""The values that flow through difftool's pipeline.

Frozen dataclasses and enums only: every stage is a function from one of these values to the
next, so a stage can be tested on its own and no face (CLI, TUI, HTML) can change what the
engine decided. Offsets always point into the *original* text of the file that was read, so a
face can show the reader the exact place in the file they opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Flavour(StrEnum):
    """How a text was extracted; decides which parser reads it."""

    PDF_TEXT = "pdf-text"
    """Raw PDF text: hard-wrapped lines, glued digit footnote markers, bodies at page foot."""
    MARKDOWN_PDF = "markdown-pdf"
    """PDF text with light markdown: ``**bold**``, ``^{ste}``, superscript markers."""
    DOCX_TEXT = "docx-text"
    """DOCX extraction: one paragraph per line, ``[footnoteRef:N]`` markers, inline bodies."""
    PLAIN = "plain"
    """Anything else: blank-line separated paragraphs."""
    DOCX = "docx"
    """A real Word file read from its OOXML package."""
    PDF = "pdf"
    """A real PDF file read with its layout."""


class BlockKind(StrEnum):
    """What a block of the letter is."""

    HEADER = "header"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    SIGNATURE_ROLE = "signature-role"
    SIGNATURE_NAME = "signature-name"
    ANNEX_START = "annex-start"


TEXT_FLAVOURS: tuple[Flavour, ...] = (Flavour.PDF_TEXT, Flavour.MARKDOWN_PDF, Flavour.DOCX_TEXT, Flavour.PLAIN)
"""The flavours of a text extraction, which ``--flavour`` may name."""


class Op(StrEnum):
    """An inline diff operation, the first element of each ``ops`` pair."""

    EQUAL = "="
    """Text in both versions."""
    DELETE = "-"
    """Text only in A."""
    INSERT = "+"
    """Text only in B."""


class HeaderField(StrEnum):
    """Which header line a HEADER block is; header blocks are aligned by field, not by text."""

    CHAMBER = "chamber"
    """The chamber marker above an edition's header (``Eerste Kamer der Staten-Generaal``)."""
    VERGADERJAAR = "vergaderjaar"
    DOSSIER = "dossier"
    TITLE = "title"
    NUMBER = "number"
    SENDER = "sender"
    ADDRESSEE = "addressee"
    DATE = "date"


class Severity(StrEnum):
    """How much a delta matters, most severe first."""

    SUBSTANTIVE = "substantive"
    EDITORIAL = "editorial"
    COSMETIC = "cosmetic"
    EXPECTED = "expected"


SEVERITY_ORDER: tuple[Severity, ...] = (
    Severity.SUBSTANTIVE,
    Severity.EDITORIAL,
    Severity.COSMETIC,
    Severity.EXPECTED,
)


class Kind(StrEnum):
    """Every kind of delta the engine reports, one name each (docs/how-it-works.md explains each);
    a policy file may name only these. Grouped by the severity they usually carry."""

    # substantive
    REFERENCE = "reference"
    SIGNATORY = "signatory"
    SIGNATORY_NAME_FORM = "signatory-name-form"
    WORDING = "wording"
    NEGATION = "negation"
    MODALITY = "modality"
    AMOUNT = "amount"
    NUMBER = "number"
    DATE = "date"
    TEXT_ADDED = "text-added"
    TEXT_REMOVED = "text-removed"
    SENTENCE_ADDED = "sentence-added"
    SENTENCE_REMOVED = "sentence-removed"
    MOVED = "moved"
    SECTION_ADDED = "section-added"
    SECTION_REMOVED = "section-removed"
    PARAGRAPH_ADDED = "paragraph-added"
    PARAGRAPH_REMOVED = "paragraph-removed"
    SIGNATURE_ADDED = "signature-added"
    SIGNATURE_REMOVED = "signature-removed"
    FOOTNOTE_ADDED = "footnote-added"
    FOOTNOTE_REMOVED = "footnote-removed"
    # editorial
    SPELLING = "spelling"
    INFLECTION = "inflection"
    CAPITALISATION = "capitalisation"
    PUNCTUATION = "punctuation"
    # cosmetic
    REFERENCE_FORMAT = "reference-format"
    NUMBER_FORMAT = "number-format"
    SPACING = "spacing"
    HYPHENATION = "hyphenation"
    LETTER_CASE = "letter-case"
    QUOTE_STYLE = "quote-style"
    DASH_STYLE = "dash-style"
    TYPOGRAPHY = "typography"
    PARAGRAPH_BREAK = "paragraph-break"
    FOOTNOTE_NUMBER = "footnote-number"
    # expected (or cosmetic when both versions carry furniture)
    EDITION = "edition"
    PAGE_FURNITURE = "page-furniture"


KINDS: frozenset[str] = frozenset(k.value for k in Kind)
"""The kinds' names, for validating a policy file."""


class Relation(StrEnum):
    """How aligned blocks relate."""

    EQUAL = "equal"
    CHANGED = "changed"
    SPLIT = "split"
    MERGE = "merge"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark of a block's text."""

    text: str
    """The token as displayed (cleaned of markup, original quotes and dashes)."""
    key: str
    """Comparison key: quotes, dashes, ligatures and width folded; case kept."""
    start: int
    """Offset of the first character in the original file."""
    end: int
    """Offset just past the last character in the original file."""
    at: int
    """Index of the first character in the unit's display text."""


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of the letter's body: heading, paragraph, list item, signature line, header line."""

    id: str
    """Stable id within its letter, ``b12`` for the thirteenth block."""
    kind: BlockKind
    text: str
    """Display text: unwrapped, markup and footnote markers removed."""
    offsets: tuple[int, ...] = field(repr=False)
    """Original-file offset of each character of ``text`` (same length as ``text``)."""
    footnotes: tuple[int, ...] = ()
    """Numbers of the footnotes this block cites, in order of their markers."""
    field: HeaderField | None = None
    """For HEADER blocks: which header line this is."""
    page: int | None = None
    """Page on which the block starts, where the source knows pages."""
    markers: tuple[tuple[int, int], ...] = ()
    """Where each footnote marker stood: ``(index into text, footnote number)``, in text order,
    one per number of ``footnotes``. The index is just past the word (or punctuation mark) the
    marker followed; a marker whose place the reader cannot know stands at the end of the text.
    For display only: the engine compares ``text``, which has no markers."""

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote: its number, its body and where it is cited."""

    number: int
    text: str
    offsets: tuple[int, ...] = field(repr=False)
    cited_in: str | None = None
    """Id of the block whose marker cites this footnote."""

    @property
    def id(self) -> str:
        return f"fn{self.number}"

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0


@dataclass(frozen=True, slots=True)
class Signatory:
    """A signature: the office (role line) and the name as printed."""

    role: str
    name: str
    block: str
    """Id of the name block."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the letter's header says about it. Missing fields are ``None``."""

    dossier: str | None = None
    """Dossier (vetnummer) as printed, e.g. ``32 317``."""
    title: str | None = None
    """Dossier title, e.g. ``JBZ-Raad``."""
    number: str | None = None
    """TK document number, e.g. ``1014``."""
    letter_code: str | None = None
    """EK letter code, e.g. ``QF``."""
    vergaderjaar: str | None = None
    sender: str | None = None
    chamber: str | None = None
    """Addressee chamber: ``Eerste Kamer`` or ``Tweede Kamer``."""
    place: str | None = None
    date: str | None = None
    """Date as printed, e.g. ``22 juni 2026``."""

    @property
    def edition(self) -> str | None:
        """``EK`` or ``TK`` where the header tells."""
        if self.chamber:
            return "EK" if self.chamber.startswith("Eerste") else "TK"
        if self.letter_code:
            return "EK"
        if self.number:
            return "TK"
        return None


@dataclass(frozen=True, slots=True)
class Letter:
    """A parsed letter: the model every later stage reads."""

    path: str
    encoding: str
    flavour: Flavour
    metadata: Metadata
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    signatories: tuple[Signatory, ...]
    annexes: tuple[str, ...]
    """Ids of blocks that start an annex (bijlage, verslag, form)."""
    furniture: tuple[str, ...] = ()
    """Running headers/footers and page numbers that were taken out of the text."""
    notes: tuple[str, ...] = ()
    """Things the reader found worth telling (e.g. a DOCX still holds tracked changes)."""
    warnings: tuple[str, ...] = ()
    """What is wrong with the file itself and was worked around to read it (bytes that are not
    UTF-8); also among ``notes``, and the command line says each on stderr."""
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)
    """Offset at which each line of the original text starts, for line:column positions."""

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an original-file offset."""
        import bisect

        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def block(self, block_id: str) -> Block:
        for b in self.blocks:
            if b.id == block_id:
                return b
        raise KeyError(block_id)

    def footnote(self, number: int) -> Footnote | None:
        for f in self.footnotes:
            if f.number == number:
                return f
        return None


@dataclass(frozen=True, slots=True)
class Group:
    """An alignment group: units of A that correspond to units of B (indices into each side)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    relation: Relation
    similarity: float


@dataclass(frozen=True, slots=True)
class Aligned:
    """An alignment group expressed in block (or footnote) ids, with its inline diff."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    relation: Relation
    similarity: float
    ops: tuple[tuple[str, str], ...] = ()
    """Inline diff of the joined texts for changed pairs: ``("=", text)``, ``("-", …)``, ``("+", …)``."""


@dataclass(frozen=True, slots=True)
class Side:
    """Where a delta sits in one version."""

    text: str
    """The changed text on this side ('' for a pure insertion on the other side)."""
    context: str
    """The sentence around the change."""
    block: str | None
    footnote: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Delta:
    """One difference between the versions, classified."""

    id: str
    severity: Severity
    kind: Kind
    explanation: str
    a: Side
    b: Side


@dataclass(frozen=True, slots=True)
class Options:
    """What a caller may tune. Defaults are what the CLI uses."""

    force: bool = False
    """Compare even when the letters do not look like versions of one letter."""
    related_threshold: float = 0.25
    """Minimum shared-shingle containment for two texts to count as versions of one letter."""


def editions_differ(a: str | None, b: str | None) -> bool:
    """Two known editions that are not the same (the one rule for "the editions differ")."""
    return bool(a and b and a != b)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The engine's answer: everything every face renders."""

    a: Letter
    b: Letter
    related: bool
    relatedness: float
    edition_a: str | None
    edition_b: str | None
    alignment: tuple[Aligned, ...]
    footnote_alignment: tuple[Aligned, ...]
    deltas: tuple[Delta, ...]

    @property
    def editions_differ(self) -> bool:
        """The versions are different editions (TK and EK), so their edition lines differ by nature."""
        return editions_differ(self.edition_a, self.edition_b)

    def where(self, d: Delta) -> tuple[Letter, Side]:
        """Where a log points for a delta: its place in A, or in B when it exists only in B."""
        if d.a.block or d.a.footnote or d.a.text:
            return self.a, d.a
        return self.b, d.b

    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in SEVERITY_ORDER}
        for d in self.deltas:
            counts[d.severity.value] += 1
        return counts
