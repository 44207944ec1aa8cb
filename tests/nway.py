"""Generated sets of N versions of one letter with known edits, for the reconcile tests and bench.

A *slot* is one place of the letter (a paragraph, never two slots in one or in neighbouring
paragraphs) with a few variants: the original and one or two edits (a word replaced by another
word, a number changed, the paragraph left out, a new paragraph added after it). Every version
picks a variant per slot, so which versions carry which reading is known; each version is then
re-rendered in an extraction flavour of its own (tests/rerender.py: markdown-ish PDF text, raw PDF
text, DOCX text), so the versions differ in every byte as real editions do.
"""

from __future__ import annotations

import dataclasses
import random
import re
from dataclasses import dataclass

from difftool.model import Block, BlockKind, Letter
from difftool.parse import parse_text
from rerender import as_docx_text, as_markdown_pdf, as_pdf_text

RENDERERS = (as_markdown_pdf, as_pdf_text, as_docx_text)
NEW_WORDS = ("ministerie", "onderzoek", "wetgeving", "parlement", "gemeente", "provincie", "rechtspraak")
NEW_PARAGRAPHS = (
    "Een geheel nieuwe alinea over het toezicht op de naleving van de regels in de havens van het land.",
    "Het kabinet zal de Kamer voor het zomerreces nader informeren over de uitkomsten van dit overleg.",
    "Daarbij is afgesproken dat de lidstaten elkaar jaarlijks rapporteren over de voortgang van de plannen.",
    "De gemeenten worden via de vereniging betrokken bij de uitwerking van de maatregelen in de regio.",
    "Ook de vertegenwoordigers van de advocatuur zijn gehoord over de gevolgen voor de rechtsbijstand.",
    "Na afloop van de vergadering is een gezamenlijke verklaring opgesteld door de voorzitters van de raden.",
)
"""Paragraphs to add, each used once per set (the same paragraph at two places would be a move)."""


@dataclass(frozen=True, slots=True)
class Slot:
    """One place with its variants; variant 0 is the original."""

    block: int
    """Index of the host paragraph in the letter's blocks."""
    op: str
    """``word``, ``number``, ``drop`` or ``add``."""
    variants: tuple[str, ...]
    """For word/number: the token each variant has; for drop: 'kept'/'dropped'; for add: '' or
    the added paragraph."""
    choice: tuple[int, ...]
    """The variant each version carries."""

    def groups(self) -> set[frozenset[int]]:
        """The versions partitioned by the variant they carry."""
        out: dict[int, set[int]] = {}
        for v, c in enumerate(self.choice):
            out.setdefault(c, set()).add(v)
        return {frozenset(g) for g in out.values()}

    @property
    def varies(self) -> bool:
        return len(set(self.choice)) > 1


def _hosts(letter: Letter) -> list[int]:
    """Paragraphs long enough to hold an edit, two apart at least, citing no footnote (leaving
    one out would renumber the notes, another edit than the one the slot records)."""
    out: list[int] = []
    for i, b in enumerate(letter.blocks):
        if b.kind is BlockKind.PARAGRAPH and not b.footnotes and len(b.text) > 120 and (not out or i - out[-1] >= 3):
            out.append(i)
    return out


def make_slots(letter: Letter, n: int, rng: random.Random, count: int) -> list[Slot]:
    """``count`` slots in different paragraphs, each with a choice per version."""
    hosts = _hosts(letter)
    picked = sorted(rng.sample(hosts, min(count, len(hosts))))
    slots: list[Slot] = []
    for i in picked:
        text = letter.blocks[i].text
        op = rng.choice(("word", "word", "number", "drop", "add"))
        words = [w for w in re.findall(r"\b[a-z]{6,}\b", text) if text.count(w) == 1]
        numbers = [w for w in re.findall(r"\b\d{2,4}\b", text) if text.count(w) == 1]
        if op == "number" and not numbers:
            op = "word"
        if op == "word" and not words:
            op = "drop"
        if op == "word":
            old = rng.choice(words)
            variants: tuple[str, ...] = (old, *rng.sample([w for w in NEW_WORDS if w not in text], 2))
        elif op == "number":
            old = rng.choice(numbers)
            variants = (old, str(int(old) + 1), str(int(old) + 7))
        elif op == "drop":
            variants = ("kept", "dropped")
        else:
            k = sum(x.op == "add" for x in slots)
            extra = f" Zie ook deel {k // len(NEW_PARAGRAPHS) + 1}." if k >= len(NEW_PARAGRAPHS) else ""
            variants = ("", NEW_PARAGRAPHS[k % len(NEW_PARAGRAPHS)] + extra)
        choice = tuple(rng.randrange(len(variants)) for _ in range(n))
        if len(set(choice)) == 1:  # make it vary: one version carries another variant
            k = rng.randrange(n)
            choice = tuple((c + 1) % len(variants) if v == k else c for v, c in enumerate(choice))
        slots.append(Slot(i, op, variants, choice))
    return slots


def version_letter(letter: Letter, slots: list[Slot], v: int) -> Letter:
    """The letter as version ``v`` has it (texts changed, paragraphs left out or added)."""
    by_block = {s.block: s for s in slots}
    blocks: list[Block] = []
    for i, b in enumerate(letter.blocks):
        s = by_block.get(i)
        if s is None or s.op not in ("word", "number", "drop", "add"):
            blocks.append(b)
            continue
        c = s.choice[v]
        if s.op in ("word", "number"):
            new = re.sub(rf"\b{re.escape(s.variants[0])}\b", s.variants[c], b.text, count=1)
            blocks.append(dataclasses.replace(b, text=new, offsets=tuple(range(len(new)))))
        elif s.op == "drop":
            if c == 0:
                blocks.append(b)
        else:
            blocks.append(b)
            if c:
                blocks.append(Block(f"x{i}", BlockKind.PARAGRAPH, s.variants[c], tuple(range(len(s.variants[c])))))
    return dataclasses.replace(letter, blocks=tuple(blocks))


def version_texts(letter: Letter, slots: list[Slot], n: int, rng: random.Random) -> list[str]:
    """Each version re-rendered in an extraction flavour (the first in the letter's own form)."""
    first = rng.randrange(len(RENDERERS))
    return [RENDERERS[(first + v) % len(RENDERERS)](version_letter(letter, slots, v)) for v in range(n)]


def cut(letter: Letter, blocks: int) -> Letter:
    """The letter's first ``blocks`` blocks and the footnotes they cite (a shorter letter)."""
    kept = letter.blocks[:blocks]
    cited = {n for b in kept for n in b.footnotes}
    return dataclasses.replace(
        letter,
        blocks=kept,
        footnotes=tuple(f for f in letter.footnotes if f.number in cited),
        signatories=tuple(s for s in letter.signatories if any(b.id == s.block for b in kept)),
    )


def generated_set(letter: Letter, n: int, seed: int, count: int = 6) -> tuple[list[Letter], list[Slot]]:
    """``n`` parsed versions of ``letter`` and the slots they were made with."""
    rng = random.Random(seed)
    slots = make_slots(letter, n, rng, count)
    texts = version_texts(letter, slots, n, rng)
    return [parse_text(t, f"v{v + 1}.txt") for v, t in enumerate(texts)], slots
