"""Properties that hold for any input (hypothesis, derandomised so CI is repeatable)."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TK, changed_parts, cosmetic_copy
from difftool.engine import compare
from difftool.model import Options, Severity
from difftool.parse import parse_text
from difftool.readers import read_letter
from difftool.render.jsonout import render_comparison
from difftool.sources import InputError, decode
from difftool.text import Mapped, tokenize

SETTINGS = settings(derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASE = [b.text for b in read_letter(str(TK)).blocks if b.kind.value == "paragraph"][:14]

letter_text = st.lists(
    st.sampled_from(
        list("abcdefghij KLMNO.,;:-–'\"“”¹²³\n\n\t0123456789[]()*^{}")
        + [
            "[footnoteRef:1]",
            "[1:  noot]",
            "**",
            "De minister van Financiën,\n",
            "Nr. 12 ",
            "32 317 ",
            "Kamerstukken II ",
        ]
    ),
    max_size=120,
).map("".join)


@SETTINGS
@given(st.binary(max_size=2000))
def test_no_bytes_crash_the_reader(data: bytes) -> None:
    try:
        src = decode(data, "fuzz.txt")
    except InputError:
        return
    parse_text(src.text)


@SETTINGS
@given(letter_text)
def test_no_text_crashes_the_parser_and_self_compare_is_empty(text: str) -> None:
    letter = parse_text(text)
    for b in letter.blocks:
        assert len(b.offsets) == len(b.text)
    c = compare(letter, letter, Options(force=True))
    assert c.deltas == ()
    # Identical blocks never reach the pair diff; restyled quotes and dashes make every block that
    # has one differ, so the diff runs on it and must find exactly that, cosmetic, from both sides.
    copy = cosmetic_copy(letter)
    blocks, notes = changed_parts(letter, copy)
    forward, backward = compare(letter, copy, Options(force=True)), compare(copy, letter, Options(force=True))
    assert all(d.severity is Severity.COSMETIC for d in forward.deltas), [d.explanation for d in forward.deltas]
    assert {d.a.block for d in forward.deltas if d.a.footnote is None} == blocks
    assert {d.a.footnote for d in forward.deltas if d.a.footnote is not None} == notes
    assert [(d.kind, d.a.text, d.b.text) for d in forward.deltas] == [
        (d.kind, d.b.text, d.a.text) for d in backward.deltas
    ]


@st.composite
def edited(draw):
    """A letter made of real paragraphs, and a copy with random edits."""
    paras = list(BASE[: draw(st.integers(4, len(BASE)))])
    copy = list(paras)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["delete", "insert", "word", "swap", "split"]))
        i = draw(st.integers(0, len(copy) - 1))
        if op == "delete" and len(copy) > 2:
            del copy[i]
        elif op == "insert":
            copy.insert(i, "Een geheel nieuwe alinea over het toezicht op de naleving van de regels.")
        elif op == "word":
            words = copy[i].split()
            j = draw(st.integers(0, len(words) - 1))
            words[j] = draw(st.sampled_from(["niet", "2027", "beleid", words[j].upper(), words[j] + "s"]))
            copy[i] = " ".join(words)
        elif op == "swap" and i + 1 < len(copy):
            copy[i], copy[i + 1] = copy[i + 1], copy[i]
        elif op == "split":
            words = copy[i].split()
            if len(words) > 6:
                copy[i : i + 1] = [" ".join(words[: len(words) // 2]) + ".", " ".join(words[len(words) // 2 :])]
    return "\n\n".join(paras) + "\n", "\n\n".join(copy) + "\n"


def _mirror(kind: str) -> str:
    return kind.replace("added", "@").replace("removed", "added").replace("@", "removed")


@SETTINGS
@given(edited())
def test_swapping_sides_mirrors_the_result(texts) -> None:
    a, b = parse_text(texts[0], "a.txt"), parse_text(texts[1], "b.txt")
    ab, ba = compare(a, b, Options(force=True)), compare(b, a, Options(force=True))
    assert ab.summary() == ba.summary()
    # Which of two crossing paragraphs is called "moved" is a tie the aligner breaks by order,
    # so moves are compared by count; everything else by kind and text on each side.
    forward = Counter((d.severity, d.kind, d.a.text, d.b.text) for d in ab.deltas if d.kind != "moved")
    backward = Counter((d.severity, _mirror(d.kind), d.b.text, d.a.text) for d in ba.deltas if d.kind != "moved")
    assert forward == backward
    assert sum(d.kind == "moved" for d in ab.deltas) == sum(d.kind == "moved" for d in ba.deltas)


@SETTINGS
@given(edited())
def test_json_is_deterministic(texts) -> None:
    a, b = parse_text(texts[0], "a.txt"), parse_text(texts[1], "b.txt")
    assert render_comparison(compare(a, b, Options(force=True))) == render_comparison(
        compare(a, b, Options(force=True))
    )


@SETTINGS
@given(st.text(max_size=300))
def test_tokens_keep_their_offsets(text: str) -> None:
    m = Mapped.of(text)
    for t in tokenize(m.text, m.offsets):
        assert text[t.start : t.end] == t.text


@SETTINGS
@given(edited())
def test_inline_ops_rebuild_both_texts(texts) -> None:
    a, b = parse_text(texts[0], "a.txt"), parse_text(texts[1], "b.txt")
    c = compare(a, b, Options(force=True))
    for g in c.alignment:
        if g.ops:
            text_a = " ".join(a.block(i).text for i in g.a)
            text_b = " ".join(b.block(j).text for j in g.b)
            assert "".join(t for op, t in g.ops if op in "=-") == text_a
            assert "".join(t for op, t in g.ops if op in "=+") == text_b
