"""Corpus mode: find which files of a pile are versions of one letter (``difftool group``).

Nobody tells the tool which files belong together, and comparing every pair is out of reach at
archive scale (10,000 files are 50 million pairs). So the work is done in stages, each a pure
function from one value to the next; only :func:`read_text` and :mod:`difftool.walk` touch the
disk, and an engine (:mod:`difftool.corpus`) decides where each stage runs:

1. **fingerprint** every file on its own (:func:`fingerprint`): the word 4-gram shingles of its
   text, normalised as the engine's relatedness gate normalises it (:func:`difftool.text.words`:
   NFKC, quotes, dashes, case and punctuation folded, so a footnote marker glued to a word or a
   curly quote changes nothing; words hyphenated at a line end are rejoined first), reduced to a
   MinHash (``datasketch``); and the header fields (dossier, title, nr. or EK letter, date), read
   by the header parser's own patterns (:func:`difftool.parse.common.read_header`).
2. **candidates** (:func:`candidates`): MinHash LSH at a low Jaccard threshold, so only files
   that share a band of their signature are ever paired (near-linear, never all pairs); then a
   containment estimate from the two signatures and sizes, so a cover letter meets the same letter
   with its annexes although their Jaccard is low.
3. **verify** each candidate pair (:func:`verify`): the header fields may *separate* two files
   (different dates, dossiers, or numbers of one edition are different letters, however much text
   they share: the JBZ-Raad reports of March and June) or *confirm* them; then the engine's
   aligner (:func:`difftool.align.align`) aligns the two texts sentence by sentence and the share
   of the smaller text that finds a counterpart decides.
4. **assemble** (:func:`assemble`): verified pairs join files into groups (connected components),
   each a frozen :class:`VersionGroup` with its members (edition, flavour, header) and evidence,
   so a later stage (``batch``) can take one group at a time and reconcile it.

Every threshold is a field of :class:`GroupOptions`; docs/corpus.md explains the choices.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from difftool.align import align
from difftool.model import Metadata, Relation
from difftool.parse.common import read_header
from difftool.sentences import sentence_spans
from difftool.sources import InputError, detect_flavour, read_source
from difftool.text import fold, words

SCHEMA = "difftool.group/1"
SCHEME = "affine32"
"""datasketch's MinHash permutation scheme, named so signatures never change with its default."""


@dataclass(frozen=True, slots=True)
class GroupOptions:
    """The knobs of grouping; the defaults are what ``difftool group`` uses."""

    shingle: int = 3
    """Words per shingle: three, so a heavily revised version still shares some with its original
    (four words, as the engine's relatedness gate uses, lose the most revised drafts)."""
    num_perm: int = 256
    """MinHash permutations: the signature's length."""
    lsh_threshold: float = 0.1
    """Jaccard similarity around which LSH starts to propose a pair; low, so heavily edited and
    truncated versions still meet. Pairs below it are found with falling probability."""
    min_containment: float = 0.08
    """Containment (share of the smaller file's shingles found in the other) a candidate needs,
    estimated from the signatures before the files are read again, then counted exactly. Different
    letters on one subject share a few per cent; a heavily revised draft still shares a tenth."""
    max_candidates: int = 10
    """Candidate pairs kept per file, the most contained first: a bound on the cost (a letter
    rarely has more versions; more are still joined through each other)."""
    align_below: float = 0.5
    """Containment from which the shingles alone accept a pair: the aligner, the costly check, is
    run only on the pairs below it, where shared text may be a standard paragraph or a quotation
    rather than a version (above it the aligner pairs at least as much as the shingles share)."""
    estimate_margin: float = 0.15
    """A pair whose containment the signatures put this far above ``align_below`` is accepted on
    the estimate, without reading the files again: with 256 permutations the estimate's standard
    deviation is about 0.03 there, so 0.15 is five of them."""
    min_aligned: float = 0.1
    """Share of the smaller text (in characters) the aligner must pair with the other text."""
    min_aligned_confirmed: float = 0.05
    """The same when the headers confirm the pair (two identifying fields in common)."""
    min_sentence_similarity: float = 0.5
    """A sentence counts as paired when its aligned group is at least this similar."""


DEFAULT_OPTIONS = GroupOptions()


@dataclass(frozen=True, slots=True)
class Header:
    """The header fields that tell letters apart (what :class:`~difftool.model.Metadata` holds)."""

    dossier: str | None = None
    title: str | None = None
    number: str | None = None
    """TK document number (``1014``)."""
    letter_code: str | None = None
    """EK letter code (``QF``)."""
    date: str | None = None
    edition: str | None = None
    """``EK`` or ``TK`` where the header tells."""

    @staticmethod
    def of(m: Metadata) -> Header:
        return Header(m.dossier, m.title, m.number, m.letter_code, m.date, m.edition)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What stage 1 keeps of one file: small (about 1 kB), whatever the file's size."""

    path: str
    flavour: str
    header: Header
    size: int
    """Characters of text."""
    shingles: int
    """Distinct shingles (the set the signature summarises)."""
    signature: tuple[int, ...] = field(repr=False)
    """MinHash hash values."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or folder) that was not grouped, and why, in one line."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair LSH proposed, with what the signatures say about it (indices into the fingerprints)."""

    a: int
    b: int
    jaccard: float
    """Estimated Jaccard similarity of the two shingle sets."""
    containment: float
    """Estimated share of the smaller set found in the larger."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two files are (or are not) versions of one letter."""

    a: str
    b: str
    jaccard: float
    containment: float
    """Share of the smaller file's shingles found in the other: counted exactly when the files were
    read again to verify the pair, else as the signatures estimate it."""
    aligned: float | None
    """Share of the smaller text the aligner paired with the other; None when the pair was not
    aligned (the headers separate them, or the containment alone decides)."""
    shared: tuple[str, ...]
    """Header fields both files carry with the same value (``dossier``, ``date``, ...)."""
    conflict: str | None = None
    """The header field that separates them (``date: 18 maart 2026 / 22 juni 2026``), if any."""
    accepted: bool = False


@dataclass(frozen=True, slots=True)
class Member:
    """One file of a group."""

    path: str
    flavour: str
    header: Header


@dataclass(frozen=True, slots=True)
class VersionGroup:
    """Files that are versions of one letter: what a later stage reconciles, one group at a time."""

    id: str
    """``g1``, ``g2``, ... in order of the groups' first paths."""
    members: tuple[Member, ...]
    """Sorted by path."""
    evidence: tuple[Evidence, ...]
    """The verified pairs that join the members (a spanning set; not every pair)."""

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(m.path for m in self.members)


@dataclass(frozen=True, slots=True)
class Grouping:
    """The answer of ``difftool group``."""

    groups: tuple[VersionGroup, ...]
    """Groups of two or more files."""
    singles: tuple[Member, ...]
    """Files with no other version in the corpus."""
    skipped: tuple[Skipped, ...]
    """What could not be read, and why."""
    rejected: tuple[Evidence, ...]
    """Candidate pairs that verification turned down, with the reason."""
    candidates: int
    """How many pairs LSH proposed (the cost: compare with files x (files - 1) / 2)."""


# --- stage 1: fingerprint ----------------------------------------------------------------------

_LINE_END_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
"""A word hyphenated at a line end (``ver-`` / ``keer``): rejoined, which is what
:func:`~difftool.text.squash` makes of the unbroken word too (it drops hyphens)."""


def text_words(text: str) -> list[str]:
    """The comparison keys of a file's words, whatever its flavour."""
    return words(_LINE_END_HYPHEN.sub("", text))


_MASK = 0xFFFFFFFF
_WORD_HASH: dict[str, int] = {}
"""Words hashed so far in this process (a vocabulary: bounded, cleared past a million words)."""


def shingle_hashes(keys: Sequence[str], n: int) -> NDArray[np.uint64]:
    """The distinct word ``n``-grams of ``keys`` as 32-bit hashes (sorted): each word hashed once
    (CRC-32, the same in every process and on every machine), the ``n`` words' hashes combined
    with numpy, so a file's shingles cost one pass over its words. A text shorter than ``n`` words
    is one shingle."""
    if not keys:
        return np.zeros(0, dtype=np.uint64)
    n = min(n, len(keys))
    known = _WORD_HASH
    if len(known) > 1 << 20:
        known.clear()
    for k in set(keys).difference(known):
        known[k] = zlib.crc32(k.encode("utf-8"))
    word = np.fromiter(map(known.__getitem__, keys), dtype=np.uint64, count=len(keys))
    count = len(keys) - n + 1
    h = np.zeros(count, dtype=np.uint64)
    for k in range(n):
        h = (h * np.uint64(1000003) + word[k : k + count]) & np.uint64(_MASK)
    return np.unique(h)


def _identity(x: int) -> int:
    return x


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    """The MinHash permutations of seed 1, made once per process (datasketch makes them anew for
    every MinHash otherwise)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations


def signature(hashes: NDArray[np.uint64], num_perm: int) -> tuple[int, ...]:
    """The MinHash of a set of shingle hashes (a fixed seed and scheme: every process and every
    machine of a cluster computes the same signature)."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, hashfunc=_identity, permutations=_permutations(num_perm), scheme=SCHEME)
    m.update_batch(hashes.tolist())
    return tuple(int(v) for v in m.hashvalues)


def fingerprint(
    path: str, text: str, options: GroupOptions = DEFAULT_OPTIONS, flavour: str | None = None
) -> Fingerprint:
    """Stage 1: one file's fingerprint (pure); ``flavour`` when the file says it (.pdf, .docx)."""
    hashes = shingle_hashes(text_words(text), options.shingle)
    flavour = flavour or detect_flavour(text).value
    return Fingerprint(
        path, flavour, Header.of(read_header(text)), len(text), len(hashes), signature(hashes, options.num_perm)
    )


def read_text(path: str) -> str:
    """A file's text: a text extraction decoded, a .pdf or .docx read by its reader. Raises
    InputError with a one-line message (empty, binary, unreadable)."""
    if path.lower().endswith((".pdf", ".docx")):
        from difftool.readers import read_with_text

        return read_with_text(path)[1]
    return read_source(path).text


def fingerprint_file(path: str, options: GroupOptions = DEFAULT_OPTIONS) -> Fingerprint | Skipped:
    """Read and fingerprint one file; a file that cannot be read is Skipped, never raised."""
    try:
        text = read_text(path)
    except InputError as exc:
        return Skipped(path, str(exc).removeprefix(f"{path}: "))
    except (OSError, ValueError, RuntimeError) as exc:  # a reader's library failing on a bad file
        return Skipped(path, f"cannot read ({type(exc).__name__})")
    ext = os.path.splitext(path)[1].lower()
    fp = fingerprint(path, text, options, ext[1:] if ext in (".pdf", ".docx") else None)
    if not fp.shingles:
        return Skipped(path, "no words in the file")
    return fp


# --- stage 2: candidates -----------------------------------------------------------------------


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set in the larger, from their Jaccard similarity and sizes:
    ``|A ∩ B| = J (|A| + |B|) / (1 + J)``."""
    small = min(size_a, size_b)
    if not small:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1 + jaccard) * small))


def candidates(fps: Sequence[Fingerprint], options: GroupOptions = DEFAULT_OPTIONS) -> tuple[Candidate, ...]:
    """Stage 2: the pairs worth verifying, in order of their indices.

    LSH proposes the files that share a band of their signature with a file (never all pairs);
    of these, the pairs with the estimated containment ``min_containment`` and a header that does
    not separate them are kept (separated pairs that share most of their text too, to be reported), at most the ``max_candidates`` most contained for each file (a pair
    stays when it is among the best of either of its files). A standard paragraph that a thousand
    letters repeat would otherwise make a million pairs; a letter's own versions contain it best,
    so the cost stays linear in the number of files."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
    sigs = np.array([fp.signature for fp in fps], dtype=np.uint64).reshape(len(fps), options.num_perm)
    sizes = np.array([fp.shingles for fp in fps], dtype=np.float64)
    for i in range(len(fps)):
        lsh.insert(i, LeanMinHash(seed=1, hashvalues=sigs[i], scheme=SCHEME), check_duplication=False)
    kept: dict[tuple[int, int], Candidate] = {}
    for i in range(len(fps)):
        found = np.array(sorted(k for k in lsh.query(LeanMinHash(seed=1, hashvalues=sigs[i], scheme=SCHEME)) if k != i))
        if not len(found):
            continue
        jac = (sigs[found] == sigs[i]).mean(axis=1)
        small = np.minimum(sizes[found], sizes[i])
        con = np.minimum(1.0, jac * (sizes[found] + sizes[i]) / ((1 + jac) * np.maximum(small, 1)))
        best = [k for k in np.lexsort((found, -con)) if con[k] >= options.min_containment]
        taken = 0
        for k in best:
            j = int(found[k])
            key = (min(i, j), max(i, j))
            separated = compare_headers(fps[i].header, fps[j].header)[1] is not None
            if separated and con[k] < options.align_below:
                continue  # the headers say these are two letters, and little text says otherwise
            if key not in kept:
                kept[key] = Candidate(key[0], key[1], round(float(jac[k]), 4), round(float(con[k]), 4))
            taken += 0 if separated else 1
            if taken >= options.max_candidates:
                break
    return tuple(kept[k] for k in sorted(kept))


def components(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``n`` nodes joined by ``pairs``, each sorted, in order of their
    first node; nodes without a pair are left out."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    touched: set[int] = set()
    for a, b in pairs:
        touched.update((a, b))
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[int, list[int]] = {}
    for x in sorted(touched):
        comps.setdefault(find(x), []).append(x)
    return sorted(comps.values())


# --- stage 3: verify ---------------------------------------------------------------------------


def units(text: str) -> tuple[str, ...]:
    """What the aligner pairs: the sentences of the text with its line wraps undone, so every
    flavour (hard-wrapped PDF text, a paragraph per line) gives the same units."""
    flat = " ".join(fold(_LINE_END_HYPHEN.sub("", text)).split())
    return tuple(flat[s:e] for s, e in sentence_spans(flat))


_FIELDS = ("dossier", "date", "number", "letter_code", "title")
_IDENTIFYING = frozenset({"dossier", "date", "number", "letter_code"})


def _norm(field_name: str, value: str) -> str:
    if field_name == "dossier":
        return re.sub(r"[\s.]", "", value).upper()
    return " ".join(value.casefold().split())


def compare_headers(a: Header, b: Header) -> tuple[tuple[str, ...], str | None]:
    """The header fields two files share, and the one that separates them (or None).

    A letter's dossier and date are the same in every edition; so is its number within one
    edition (a TK and an EK edition carry a number and a letter code, which are not compared)."""
    shared: list[str] = []
    conflict: str | None = None
    for name in _FIELDS:
        va, vb = getattr(a, name), getattr(b, name)
        if not va or not vb:
            continue
        if _norm(name, va) == _norm(name, vb):
            shared.append(name)
        elif name in ("dossier", "date", "number", "letter_code") and conflict is None:
            conflict = f"{name}: {va} / {vb}"
    return tuple(shared), conflict


@dataclass(frozen=True, slots=True)
class Units:
    """A file's text as the aligner reads it: its sentences and the shingle hashes of each."""

    units: tuple[str, ...]
    hashes: tuple[NDArray[np.uint64], ...]
    size: int
    """Characters in the units."""

    @staticmethod
    def of(text: str, n: int) -> Units:
        us = units(text)
        return Units(us, tuple(shingle_hashes(text_words(u), n) for u in us), sum(map(len, us)))


def _shared_units(t: Units, other: NDArray[np.uint64]) -> list[str]:
    return [u for u, h in zip(t.units, t.hashes) if len(h) and np.isin(h, other, assume_unique=True).any()]


def aligned_share(
    a: Units, b: Units, a_all: NDArray[np.uint64], b_all: NDArray[np.uint64], min_similarity: float
) -> float:
    """Share of the smaller text (in characters) that the aligner pairs with the other text.

    Only sentences that share a shingle with the other text (``a_all``, ``b_all``: every shingle of
    each) are aligned: the others are not a close version of a sentence there, and leaving them
    out keeps the aligner's work proportional to what the texts share, not to their length; they
    still count in the share."""
    if not a.size or not b.size:
        return 0.0
    sub_a, sub_b = _shared_units(a, b_all), _shared_units(b, a_all)
    paired_a = paired_b = 0
    for g in align(sub_a, sub_b) if sub_a and sub_b else ():
        if g.relation in (Relation.ADDED, Relation.REMOVED) or g.similarity < min_similarity:
            continue
        paired_a += sum(len(sub_a[i]) for i in g.a)
        paired_b += sum(len(sub_b[j]) for j in g.b)
    return paired_a / a.size if a.size <= b.size else paired_b / b.size


def verify(
    c: Candidate,
    fa: Fingerprint,
    fb: Fingerprint,
    text: Callable[[int], tuple[str, NDArray[np.uint64]]],
    options: GroupOptions = DEFAULT_OPTIONS,
) -> Evidence:
    """Is a candidate pair two versions of one letter? ``text`` gives a file's text and shingle
    hashes by its index (``c.a``, ``c.b``); it is asked only when the headers do not decide."""
    shared, conflict = compare_headers(fa.header, fb.header)
    if conflict:
        return Evidence(fa.path, fb.path, c.jaccard, c.containment, None, shared, conflict, False)
    if c.containment >= options.align_below + options.estimate_margin:
        return Evidence(fa.path, fb.path, c.jaccard, c.containment, None, shared, None, True)
    (ta, ha), (tb, hb) = text(c.a), text(c.b)
    small = min(len(ha), len(hb))
    exact = round(len(np.intersect1d(ha, hb, assume_unique=True)) / small, 4) if small else 0.0
    if exact < options.min_containment:  # the signatures overestimated it: no need to align
        return Evidence(fa.path, fb.path, c.jaccard, exact, None, shared, None, False)
    if exact >= options.align_below:
        return Evidence(fa.path, fb.path, c.jaccard, exact, None, shared, None, True)
    ua, ub = Units.of(ta, options.shingle), Units.of(tb, options.shingle)
    share = aligned_share(ua, ub, ha, hb, options.min_sentence_similarity)
    confirmed = len(_IDENTIFYING.intersection(shared)) >= 2
    needed = options.min_aligned_confirmed if confirmed else options.min_aligned
    return Evidence(fa.path, fb.path, c.jaccard, exact, round(share, 4), shared, None, share >= needed)


class _Forest:
    """Groups being built: which group each file is in, and the members of each."""

    def __init__(self, headers: Sequence[Header]) -> None:
        self.headers = headers
        self.of = list(range(len(headers)))
        self.members: list[list[int]] = [[i] for i in range(len(headers))]

    def conflict(self, a: int, b: int) -> str | None:
        """The header conflict between a member of ``a``'s group and one of ``b``'s, if any."""
        for x in self.members[self.of[a]]:
            for y in self.members[self.of[b]]:
                found = compare_headers(self.headers[x], self.headers[y])[1]
                if found:
                    return f"{found} (a version of the other letter)"
        return None

    def join(self, a: int, b: int) -> None:
        ga, gb = self.of[a], self.of[b]
        if len(self.members[ga]) < len(self.members[gb]):
            ga, gb = gb, ga
        for y in self.members[gb]:
            self.of[y] = ga
        self.members[ga].extend(self.members[gb])
        self.members[gb] = []


def verify_component(
    fps: Sequence[Fingerprint],
    pairs: Sequence[Candidate],
    options: GroupOptions = DEFAULT_OPTIONS,
    load: Callable[[str], str] = read_text,
) -> tuple[Evidence, ...]:
    """Stage 3: verify the candidate pairs of one connected component and join their files into
    groups, in the manner of Kruskal's algorithm. ``pairs`` index into ``fps``.

    Strongest candidates first (estimated containment, then paths): a pair whose files are already
    in one group is not verified (it adds nothing), and a pair that would join two groups whose
    members' headers disagree (another date, dossier or number: two letters) is rejected without
    being aligned. So a draft without a header that shares a standard paragraph with another
    letter does not pull that letter into its group: its own published version got there first
    and carries the header that tells the two apart. Each file is read once (``load``); its text
    is kept only while its component is verified. Returns the accepted pairs (a spanning forest of
    the groups) and the rejected ones, with their evidence."""
    cache: dict[int, tuple[str, NDArray[np.uint64]]] = {}

    def text(i: int) -> tuple[str, NDArray[np.uint64]]:
        if i not in cache:
            try:
                t = load(fps[i].path)
            except (InputError, OSError):
                t = ""
            cache[i] = (t, shingle_hashes(text_words(t), options.shingle))
        return cache[i]

    forest = _Forest([fp.header for fp in fps])
    out: list[Evidence] = []
    for c in sorted(pairs, key=lambda c: (-c.containment, -c.jaccard, fps[c.a].path, fps[c.b].path)):
        fa, fb = fps[c.a], fps[c.b]
        if forest.of[c.a] == forest.of[c.b]:
            continue
        conflict = forest.conflict(c.a, c.b)
        if conflict:
            shared = compare_headers(fa.header, fb.header)[0]
            out.append(Evidence(fa.path, fb.path, c.jaccard, c.containment, None, shared, conflict, False))
            continue
        e = verify(c, fa, fb, text, options)
        out.append(e)
        if e.accepted:
            forest.join(c.a, c.b)
    return tuple(out)


def split_by_component(cands: Sequence[Candidate], n: int) -> list[tuple[Candidate, ...]]:
    """The candidates cut into connected components, so each can be verified on its own."""
    comps = components(n, ((c.a, c.b) for c in cands))
    where = {x: k for k, comp in enumerate(comps) for x in comp}
    out: list[list[Candidate]] = [[] for _ in comps]
    for c in cands:
        out[where[c.a]].append(c)
    return [tuple(x) for x in out]


# --- stage 4: assemble -------------------------------------------------------------------------


def _member(fp: Fingerprint) -> Member:
    return Member(fp.path, fp.flavour, fp.header)


def _pair(e: Evidence) -> tuple[str, str]:
    return (e.a, e.b) if e.a <= e.b else (e.b, e.a)


def assemble(
    fps: Sequence[Fingerprint],
    evidence: Iterable[Evidence],
    skipped: Iterable[Skipped] = (),
    candidate_count: int = 0,
) -> Grouping:
    """Stage 4: the accepted pairs' files as groups, numbered in order of their first paths (pure;
    independent of the order in which the components were verified)."""
    fps = sorted(fps, key=lambda f: f.path)
    index = {fp.path: i for i, fp in enumerate(fps)}
    ev = sorted(evidence, key=_pair)
    accepted = [e for e in ev if e.accepted]
    comps = components(len(fps), ((index[e.a], index[e.b]) for e in accepted))
    groups = []
    for k, comp in enumerate(comps, 1):
        paths = {fps[x].path for x in comp}
        groups.append(
            VersionGroup(f"g{k}", tuple(_member(fps[x]) for x in comp), tuple(e for e in accepted if e.a in paths))
        )
    grouped = {x for comp in comps for x in comp}
    return Grouping(
        groups=tuple(groups),
        singles=tuple(_member(fp) for i, fp in enumerate(fps) if i not in grouped),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        rejected=tuple(e for e in ev if not e.accepted),
        candidates=candidate_count,
    )
