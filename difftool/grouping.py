"""Corpus mode: find which files of a pile are versions of one letter (``difftool group``).

Nobody tells the tool which files belong together, and comparing every pair is out of reach at
archive scale (10,000 files are 50 million pairs). So the work is done in stages, each a pure
function from one value to the next; only :func:`read_text` and :mod:`difftool.walk` touch the
disk, and an engine (:mod:`difftool.corpus`) decides where each stage runs:

1. **fingerprint** every file on its own (:func:`fingerprint`): the word 3-gram shingles of its
   text, normalised as the engine's relatedness gate normalises it (:func:`difftool.text.words`:
   NFKC, quotes, dashes, case and punctuation folded, so a footnote marker glued to a word or a
   curly quote changes nothing; words hyphenated at a line end are rejoined first), reduced to a
   MinHash (``datasketch``), plus a fixed sample of the shingles (one in four, chosen by hash, so
   the same in every file) on which the corpus's common text is counted; and the header fields
   (dossier, title, nr. or EK letter, date), read by the header parser's own patterns
   (:func:`difftool.parse.common.read_header`).
2. **candidates** (:func:`candidates`): MinHash LSH at a low Jaccard threshold, banded with numpy
   (:func:`lsh_pairs`), so only files that share a band of their signature are ever paired (never
   all pairs) and a band value that more than ``max_bucket`` files share (common text, not a
   version relation) pairs nobody; a containment estimate from the two signatures and sizes, so a
   cover letter meets the same letter with its annexes although their Jaccard is low; pairs whose
   shared text is, on the sample, common text (shingles in more than ``common_files`` files: a
   standard paragraph) are dropped; at most a few candidates per file, so the cost stays linear
   even when a thousand letters repeat one standard paragraph.
3. **verify** (:func:`verify_component`), one connected component of candidates at a time,
   strongest first: the header fields *separate* two letters (different dates, dossiers, or
   numbers of one edition are different letters, however much text they share: the JBZ-Raad
   reports of March and June) or *confirm* them; a pair that clearly shares most of its own text
   is accepted; in between the engine's aligner (:func:`difftool.align.align`) aligns the two
   texts sentence by sentence and the share of the smaller text's own sentences (not common text)
   that finds a counterpart decides.
4. **assemble** (:func:`assemble`): accepted pairs join files into groups, each a frozen
   :class:`VersionGroup` with its members (edition, flavour, header) and evidence, so a later
   stage (``batch``) can take one group at a time and reconcile it.

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
from difftool.parse.common import HYPHENS, read_header
from difftool.sentences import sentence_spans
from difftool.sources import InputError, detect_flavour, read_source
from difftool.text import fold_text, words

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
    max_bucket: int = 100
    """LSH buckets holding more files than this are passed over: a band of the signature that so
    many files share is common text (a standard paragraph, a formula of address), not a version
    relation. A letter has a handful of versions (two editions, a few extractions, drafts); a
    hundred files that are all one letter are copies, which are paired before the banding. The
    bound keeps the cost linear: each band yields at most ``max_bucket / 2`` pairs per file."""
    common_files: int = 10
    """A shingle found in more distinct files than this is common text: more files than one letter
    has versions. Sentences made mostly of common shingles do not count as shared text when the
    aligner decides a pair (docs/corpus.md). Counted on a fixed sample of the shingles."""
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
    """What stage 1 keeps of one file: small (about 2 kB for a letter, at most 9 kB), whatever the
    file's size."""

    path: str
    flavour: str
    header: Header
    size: int
    """Characters of text."""
    shingles: int
    """Distinct shingles (the set the signature summarises)."""
    signature: bytes = field(repr=False)
    """MinHash hash values, each a little-endian 32-bit integer (the ``affine32`` scheme's range):
    1 kB for 256, where a tuple of Python integers would take ten."""
    sample: bytes = field(default=b"", repr=False)
    """The file's shingles that fall in the fixed sample (:func:`sampled`: one in four, the same
    ones in every file), sorted, little-endian 32-bit, at most ``SAMPLE_MAX``: what the corpus's
    count of common text is made of."""


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
    own: float = 1.0
    """Upper bound (95%) of the share of the smaller file's own text, its shingles that are not
    common text, found in the other, from the sampled shingles (:func:`own_bound`)."""


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
    """How many candidate pairs LSH proposed and were kept (the cost: compare with
    files x (files - 1) / 2)."""


# --- stage 1: fingerprint ----------------------------------------------------------------------

_LINE_END_HYPHEN = re.compile(rf"(?<=[^\W\d_])[{HYPHENS}][ \t]*\r?\n[ \t]*(?=[^\W\d_])")
"""A word hyphenated at a line end (``ver-`` / ``keer``, also with U+2010): rejoined, which is what
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
    for w in set(keys).difference(known):
        known[w] = zlib.crc32(w.encode("utf-8"))
    word = np.fromiter(map(known.__getitem__, keys), dtype=np.uint64, count=len(keys))
    count = len(keys) - n + 1
    h = np.zeros(count, dtype=np.uint64)
    for k in range(n):
        h = (h * np.uint64(1000003) + word[k : k + count]) & np.uint64(_MASK)
    return np.unique(h)


SAMPLE_SHARE = 4
"""One shingle in this many is in the sample that common text is counted on."""
SAMPLE_MAX = 2048
"""At most this many sampled shingles a file (the lowest of the sample's order): a fingerprint
stays a few kB however long the file."""
_SAMPLE_MIX = np.uint64(0x9E3779B1)
"""A multiplicative hash (Knuth's), so the sample depends on every bit of a shingle's hash."""


def _sample_order(hashes: NDArray[np.uint64]) -> NDArray[np.uint64]:
    return (hashes * _SAMPLE_MIX) & np.uint64(_MASK)


def sampled(hashes: NDArray[np.uint64]) -> NDArray[np.bool_]:
    """Which shingle hashes are in the fixed sample: decided by the hash alone, so a shingle is
    sampled in every file that has it, and its count over the corpus's samples is its count of
    files."""
    return _sample_order(hashes) < np.uint64((_MASK + 1) // SAMPLE_SHARE)


def sample(hashes: NDArray[np.uint64]) -> bytes:
    """The sampled shingles of a file (at most ``SAMPLE_MAX``, the lowest of the sample's order)."""
    s = hashes[sampled(hashes)]
    if len(s) > SAMPLE_MAX:
        s = s[np.argsort(_sample_order(s), kind="stable")[:SAMPLE_MAX]]
    return np.sort(s).astype("<u4").tobytes()


def _identity(x: int) -> int:
    return x


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    """The MinHash permutations of seed 1, made once per process (datasketch makes them anew for
    every MinHash otherwise)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations


def signature(hashes: NDArray[np.uint64], num_perm: int) -> bytes:
    """The MinHash of a set of shingle hashes (a fixed seed and scheme: every process and every
    machine of a cluster computes the same signature)."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, hashfunc=_identity, permutations=_permutations(num_perm), scheme=SCHEME)
    m.update_batch(hashes.tolist())
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def fingerprint(
    path: str, text: str, options: GroupOptions = DEFAULT_OPTIONS, flavour: str | None = None
) -> Fingerprint:
    """Stage 1: one file's fingerprint (pure); ``flavour`` when the file says it (.pdf, .docx)."""
    hashes = shingle_hashes(text_words(text), options.shingle)
    flavour = flavour or detect_flavour(text).value
    return Fingerprint(
        path,
        flavour,
        Header.of(read_header(text)),
        len(text),
        len(hashes),
        signature(hashes, options.num_perm),
        sample(hashes),
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


def _signatures(fps: Sequence[Fingerprint], num_perm: int) -> NDArray[np.uint32]:
    """The signatures as one (files, num_perm) matrix."""
    if not fps:
        return np.zeros((0, num_perm), dtype=np.uint32)
    return np.frombuffer(b"".join(fp.signature for fp in fps), dtype="<u4").reshape(len(fps), num_perm)


def distinct(sigs: NDArray[np.uint32]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """The files with distinct signatures (the first of each set of copies, ascending), and for
    every file the position of its signature among them."""
    if not len(sigs):
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    rows = np.ascontiguousarray(sigs).view(np.dtype((np.void, sigs.dtype.itemsize * sigs.shape[1]))).ravel()
    _, first, inverse = np.unique(rows, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")  # the groups of copies in order of their first file
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return first[order].astype(np.intp), rank[inverse.ravel()].astype(np.intp)


_BAND_MIX = np.uint64(0x9E3779B97F4A7C15)


def band_keys(sigs: NDArray[np.uint32], band: int, rows: int) -> NDArray[np.uint64]:
    """One band of every signature as a 64-bit key: the band's values side by side when they fit
    (two 32-bit values: exact), else mixed (a collision only adds a candidate the containment
    estimate then turns down)."""
    part = sigs[:, band * rows : (band + 1) * rows].astype(np.uint64)
    key = part[:, 0].copy()
    for t in range(1, rows):
        key = (key << np.uint64(32)) | part[:, t] if rows <= 2 else key * _BAND_MIX + part[:, t]
    return key


def bucket_pairs(keys: NDArray[Any], max_bucket: int) -> NDArray[np.int64]:
    """The pairs of files with the same key, as codes ``i * n + j`` (``i < j``; ``n`` keys),
    from the buckets of two to ``max_bucket`` files; larger buckets are passed over (common text).
    Sorted with numpy, so a band costs one sort of the corpus, and the pairs it yields are at most
    ``max_bucket / 2`` per file."""
    n = len(keys)
    order = np.argsort(keys, kind="stable")  # within a bucket, the files stay in ascending order
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    sizes = np.diff(np.r_[starts, n])
    out = [np.zeros(0, dtype=np.int64)]
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_bucket)]):
        members = order[starts[sizes == size][:, None] + np.arange(size)].astype(np.int64)
        i, j = np.triu_indices(int(size), 1)
        out.append((members[:, i] * n + members[:, j]).ravel())
    return np.concatenate(out)


def lsh_pairs(sigs: NDArray[np.uint32], options: GroupOptions = DEFAULT_OPTIONS) -> NDArray[np.int64]:
    """The pairs (codes ``i * n + j``, sorted, distinct) of files whose signatures share a band:
    MinHash LSH with datasketch's choice of bands and rows for ``lsh_threshold``, banded with
    numpy so that a bucket of more than ``max_bucket`` files can be passed over. Copies (the same
    signature) are banded once and paired with their first."""
    from datasketch import MinHashLSH

    n = len(sigs)
    params = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)  # its choice, its index unused
    bands, rows = int(params.b), int(params.r)
    firsts, where = distinct(sigs)
    m = len(firsts)
    found: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    banded = sigs if m == n else sigs[firsts]
    for band in range(bands):
        found.append(bucket_pairs(band_keys(banded, band, rows), options.max_bucket))
        if len(found) >= 8:  # keep the pairs found so far distinct: memory follows the pairs, not the bands
            found = [np.unique(np.concatenate(found))]
    codes = np.unique(np.concatenate(found))
    a, b = firsts[codes // max(m, 1)].astype(np.int64), firsts[codes % max(m, 1)].astype(np.int64)
    copies = np.flatnonzero(firsts[where] != np.arange(n))
    a = np.concatenate([a, firsts[where[copies]].astype(np.int64)])
    b = np.concatenate([b, copies.astype(np.int64)])
    return np.unique(a * n + b)


def _header_ids(fps: Sequence[Fingerprint]) -> NDArray[np.int64]:
    """Each file's identifying header fields as numbers (0: absent), equal where
    :func:`compare_headers` finds them equal."""
    out = np.zeros((len(fps), len(_SEPARATING)), dtype=np.int64)
    for f, name in enumerate(_SEPARATING):
        ids: dict[str, int] = {}
        seen: dict[str, int] = {}  # each value as written normalised once
        for i, fp in enumerate(fps):
            value = getattr(fp.header, name)
            if value:
                if value not in seen:
                    seen[value] = ids.setdefault(_norm(name, value), len(ids) + 1)
                out[i, f] = seen[value]
    return out


def own_bound(shared: NDArray[np.int64], sampled_own: NDArray[np.int64]) -> NDArray[np.float64]:
    """An upper bound (about 95%, one-sided) of a share of which ``shared`` of ``sampled_own``
    sampled items were found: ``(k + 3 + 2 sqrt(k)) / n``, the rule of three at ``k = 0`` and above
    Poisson's exact bound beyond; 1 where nothing was sampled (the sample cannot tell)."""
    k = shared.astype(np.float64)
    n = sampled_own.astype(np.float64)
    with np.errstate(divide="ignore"):
        return np.where(n > 0, np.minimum(1.0, (k + 3 + 2 * np.sqrt(k)) / np.maximum(n, 1)), 1.0)


_SLICE_BITS = 3
_SLICES = range(1 << _SLICE_BITS)
"""The sampled shingles are counted in eight ranges of their hash, one after the other."""


def _own_samples(
    fps: Sequence[Fingerprint], firsts: NDArray[np.intp], common: NDArray[np.uint64], wanted: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Of the files with distinct signatures (``firsts``): how many sampled shingles each has that
    are not common, and of the ``wanted`` pairs (sorted codes ``i * m + j`` over ``firsts``) those
    that share such a shingle, once per shingle. A shingle that is not common is in at most
    ``common_files`` of them, so the pairs are at most a few dozen per shingle: linear."""
    m = len(firsts)
    values = [np.frombuffer(fps[i].sample, dtype="<u4") for i in firsts.tolist()]
    lengths = np.array([len(v) for v in values], dtype=np.int64)
    flat = np.concatenate(values) if values else np.zeros(0, dtype="<u4")
    owner = np.repeat(np.arange(m, dtype=np.int32), lengths)
    part_of = (flat >> np.uint32(32 - _SLICE_BITS)).astype(np.uint8)
    common32 = common.astype("<u4")
    counts = np.zeros(m, dtype=np.int64)
    pairs = [np.zeros(0, dtype=np.int64)]
    for part in _SLICES:  # one range of hash values at a time: the sorts' memory is a part's
        at = np.flatnonzero(part_of == part)
        keys = flat[at]
        own = ~in_sorted(keys, common32)
        at, keys = at[own], keys[own]
        counts += np.bincount(owner[at], minlength=m)
        positions = bucket_pairs(keys, len(at) or 1)
        a, b = owner[at[positions // max(len(at), 1)]], owner[at[positions % max(len(at), 1)]]
        codes = a.astype(np.int64) * m + b
        pairs.append(codes[in_sorted(codes, wanted)])
    return counts, np.concatenate(pairs)


def in_sorted(values: NDArray[Any], table: NDArray[Any]) -> NDArray[np.bool_]:
    """Which of ``values`` occur in the sorted array ``table`` (a binary search each)."""
    if not len(table):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(table, values), len(table) - 1)
    return np.asarray(table[at] == values)


def _masked(keep: NDArray[np.bool_], *arrays: NDArray[Any]) -> list[NDArray[Any]]:
    return [x[keep] for x in arrays]


def candidates(
    fps: Sequence[Fingerprint], options: GroupOptions = DEFAULT_OPTIONS, common: NDArray[np.uint64] | None = None
) -> tuple[Candidate, ...]:
    """Stage 2: the pairs worth verifying, in order of their indices.

    LSH proposes the files that share a band of their signature (:func:`lsh_pairs`: never all
    pairs, and no pair through a band so many files share that it is common text); of these, the
    pairs with the estimated containment ``min_containment`` and a header that does not separate
    them are kept (separated pairs that share most of their text too, to be reported), at most the
    ``max_candidates`` most contained for each file (a pair stays when it is among the best of
    either of its files). A letter's own versions contain it best, so the cost of verification
    stays linear in the number of files. A pair whose shared text is, on the sampled shingles,
    clearly common text (the bound of its own share, :func:`own_bound`, below ``min_containment``)
    is dropped too. All of it in numpy, a chunk of pairs at a time. ``common``: the corpus's
    common shingles (:func:`common_shingles`, computed when not given)."""
    n = len(fps)
    if common is None:
        common = common_shingles(fps, options)
    sigs = _signatures(fps, options.num_perm)
    codes = lsh_pairs(sigs, options)
    a, b = codes // max(n, 1), codes % max(n, 1)
    jac = np.empty(len(codes), dtype=np.float64)
    for s in range(0, len(codes), 1 << 14):
        jac[s : s + (1 << 14)] = (sigs[a[s : s + (1 << 14)]] == sigs[b[s : s + (1 << 14)]]).mean(axis=1)
    sizes = np.array([fp.shingles for fp in fps], dtype=np.float64)
    sa, sb = sizes[a], sizes[b]
    con = np.minimum(1.0, jac * (sa + sb) / ((1 + jac) * np.maximum(np.minimum(sa, sb), 1)))
    heads = _header_ids(fps)
    ha, hb = heads[a], heads[b]
    separated = ((ha != 0) & (hb != 0) & (ha != hb)).any(axis=1)
    # the headers say these are two letters, and little text says otherwise: not a candidate
    keep = (con >= options.min_containment) & ~(separated & (con < options.align_below))
    a, b, jac, con, separated, codes = _masked(keep, a, b, jac, con, separated, codes)
    # the own text they share, on the sample: counted among the files of distinct signatures
    firsts, where = distinct(sigs)
    m = len(firsts)
    fa, fb = where[a].astype(np.int64), where[b].astype(np.int64)
    pair = np.minimum(fa, fb) * m + np.maximum(fa, fb)
    own_counts, shared_codes = _own_samples(fps, firsts, common, np.unique(pair))
    shared_codes, shared_counts = np.unique(shared_codes, return_counts=True)
    hit = in_sorted(pair, shared_codes)
    found = np.zeros(len(pair), dtype=np.int64)
    found[hit] = shared_counts[np.searchsorted(shared_codes, pair[hit])]
    smaller = np.where(sa[keep] <= sb[keep], fa, fb)
    found = np.where(fa == fb, own_counts[smaller], found)  # copies share all their text
    own = own_bound(found, own_counts[smaller])
    keep = own >= options.min_containment  # else what they share is common text
    a, b, jac, con, separated, codes, own = _masked(keep, a, b, jac, con, separated, codes, own)
    # each file's candidates, the most contained first; separated pairs do not count against the bound
    src, dst = np.concatenate([a, b]), np.concatenate([b, a])
    c2, s2 = np.concatenate([con, con]), np.concatenate([separated, separated])
    order = np.lexsort((dst, -c2, src))
    src, dst, s2 = src[order], dst[order], s2[order]
    counted = (~s2).astype(np.int64)
    before = np.cumsum(counted) - counted
    first = np.r_[True, src[1:] != src[:-1]] if len(src) else np.zeros(0, dtype=bool)
    start = np.maximum.accumulate(np.where(first, np.arange(len(src)), 0)) if len(src) else first.astype(np.intp)
    best = before - before[start] < options.max_candidates
    chosen = np.unique(np.minimum(src, dst)[best] * n + np.maximum(src, dst)[best])
    at = np.searchsorted(codes, chosen)
    return tuple(
        Candidate(int(a[k]), int(b[k]), round(float(jac[k]), 4), round(float(con[k]), 4), round(float(own[k]), 4))
        for k in at.tolist()
    )


def common_shingles(fps: Sequence[Fingerprint], options: GroupOptions = DEFAULT_OPTIONS) -> NDArray[np.uint64]:
    """The sampled shingles found in more than ``common_files`` distinct files (copies, the same
    signature, count once), sorted: the corpus's common text."""
    firsts, _ = distinct(_signatures(fps, options.num_perm))
    if not len(firsts):
        return np.zeros(0, dtype=np.uint64)
    flat = np.frombuffer(b"".join(fps[i].sample for i in firsts.tolist()), dtype="<u4")
    out = []
    for part in _SLICES:  # one range of hash values at a time: the sort's memory is a part's
        values, counts = np.unique(flat[(flat >> np.uint32(32 - _SLICE_BITS)) == part], return_counts=True)
        out.append(values[counts > options.common_files])
    return np.concatenate(out).astype(np.uint64)


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


_PARAGRAPH_END = re.compile(r"\n[ \t]*\r?\n\s*|(?<=[.!?:;])[\"'\u201d\u2019)\]]*[ \t]*\r?\n")
"""Where a paragraph surely ends, in every flavour: a blank line, or a line end right after a
sentence's closing mark (a hard-wrapped line that ends there ends a sentence too)."""


def units(text: str) -> tuple[str, ...]:
    """What the aligner pairs: the sentences of each paragraph with its line wraps undone, so
    every flavour (hard-wrapped PDF text, a paragraph per line) gives the same units, and a
    paragraph that ends without a full stop before a lower-case word stays a unit of its own."""
    out: list[str] = []
    for part in _PARAGRAPH_END.split(fold_text(_LINE_END_HYPHEN.sub("", text))):
        flat = " ".join(part.split())
        out.extend(flat[s:e] for s, e in sentence_spans(flat))
    return tuple(out)


_FIELDS = ("dossier", "date", "number", "letter_code", "title")
_SEPARATING = ("dossier", "date", "number", "letter_code")
_IDENTIFYING = frozenset({"dossier", "date", "number", "letter_code"})


@lru_cache(maxsize=1 << 12)
def _dossier_key(value: str) -> str:
    """A dossier as :mod:`difftool.references` reads it in a citation (``32 317`` = ``32317`` =
    ``32.317``; ``36410 VI`` = ``36 410-VI``), so the header and the citations agree on what one
    dossier is."""
    from difftool.references import find_references

    refs = find_references(f"Kamerstukken II 2025/26, {value}, nr. 1")
    if refs and refs[0].dossiers:
        return " ".join(refs[0].dossiers)
    return re.sub(r"[\s.]", "", value).upper()


def _norm(field_name: str, value: str) -> str:
    if field_name == "dossier":
        return _dossier_key(value)
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
        elif name in _SEPARATING and conflict is None:
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


_NO_HASHES = np.zeros(0, dtype=np.uint64)


def is_common(hashes: NDArray[np.uint64], common: NDArray[np.uint64]) -> bool:
    """Is a sentence common text: more than half of its sampled shingles in ``common`` (the
    corpus's common shingles, sorted)? A sentence with no sampled shingle is not."""
    if not len(common) or not len(hashes):
        return False
    s = hashes[sampled(hashes)]
    return bool(len(s)) and 2 * int(np.isin(s, common).sum()) > len(s)


def _own(t: Units, common: NDArray[np.uint64]) -> list[int]:
    return [k for k, h in enumerate(t.hashes) if not is_common(h, common)]


def _shared_units(t: Units, own: list[int], other: NDArray[np.uint64]) -> list[str]:
    return [t.units[k] for k in own if len(t.hashes[k]) and np.isin(t.hashes[k], other, assume_unique=True).any()]


def aligned_share(
    a: Units,
    b: Units,
    a_all: NDArray[np.uint64],
    b_all: NDArray[np.uint64],
    min_similarity: float,
    common: NDArray[np.uint64] = _NO_HASHES,
) -> float:
    """Share of the smaller text's own sentences (in characters) that the aligner pairs with the
    other text.

    A sentence made mostly of the corpus's ``common`` shingles (a standard paragraph, a formula of
    address: :func:`is_common`) is not the text's own: it is neither aligned nor counted, so two
    letters that share only such text are not versions of each other, while a letter's versions,
    which share its own sentences too, still are. Only own sentences that share a shingle with
    the other text (``a_all``, ``b_all``: every shingle of each) are aligned: the others are not
    a close version of a sentence there, and leaving them out keeps the aligner's work
    proportional to what the texts share, not to their length; they still count in the share."""
    if not a.size or not b.size:
        return 0.0
    own_a, own_b = _own(a, common), _own(b, common)
    size_a, size_b = sum(len(a.units[k]) for k in own_a), sum(len(b.units[k]) for k in own_b)
    sub_a, sub_b = _shared_units(a, own_a, b_all), _shared_units(b, own_b, a_all)
    paired_a = paired_b = 0
    for g in align(sub_a, sub_b) if sub_a and sub_b else ():
        if g.relation in (Relation.ADDED, Relation.REMOVED) or g.similarity < min_similarity:
            continue
        paired_a += sum(len(sub_a[i]) for i in g.a)
        paired_b += sum(len(sub_b[j]) for j in g.b)
    if a.size <= b.size:
        return paired_a / size_a if size_a else 0.0
    return paired_b / size_b if size_b else 0.0


def verify(
    c: Candidate,
    fa: Fingerprint,
    fb: Fingerprint,
    text: Callable[[int], tuple[str, NDArray[np.uint64]]],
    options: GroupOptions = DEFAULT_OPTIONS,
    common: NDArray[np.uint64] = _NO_HASHES,
) -> Evidence:
    """Is a candidate pair two versions of one letter? ``text`` gives a file's text and shingle
    hashes by its index (``c.a``, ``c.b``); it is asked only when the headers do not decide.
    ``common``: the corpus's common shingles (:func:`common_shingles`), whose sentences the aligner
    passes over."""
    shared, conflict = compare_headers(fa.header, fb.header)
    if conflict:
        return Evidence(fa.path, fb.path, c.jaccard, c.containment, None, shared, conflict, False)
    mostly_common = c.own < options.align_below  # the sample says their own shared text may be little
    if c.containment >= options.align_below + options.estimate_margin and not mostly_common:
        return Evidence(fa.path, fb.path, c.jaccard, c.containment, None, shared, None, True)
    (ta, ha), (tb, hb) = text(c.a), text(c.b)
    small = min(len(ha), len(hb))
    exact = round(len(np.intersect1d(ha, hb, assume_unique=True)) / small, 4) if small else 0.0
    if exact < options.min_containment:  # the signatures overestimated it: no need to align
        return Evidence(fa.path, fb.path, c.jaccard, exact, None, shared, None, False)
    if exact >= options.align_below and not mostly_common:
        return Evidence(fa.path, fb.path, c.jaccard, exact, None, shared, None, True)
    ua, ub = Units.of(ta, options.shingle), Units.of(tb, options.shingle)
    share = aligned_share(ua, ub, ha, hb, options.min_sentence_similarity, common)
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
    common: NDArray[np.uint64] = _NO_HASHES,
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
        e = verify(c, fa, fb, text, options, common)
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
    group_of = {fps[x].path: k for k, comp in enumerate(comps) for x in comp}
    joining: list[list[Evidence]] = [[] for _ in comps]
    for e in accepted:  # one pass, in order: linear in the evidence, whatever the number of groups
        joining[group_of[e.a]].append(e)
    groups = [
        VersionGroup(f"g{k + 1}", tuple(_member(fps[x]) for x in comp), tuple(joining[k]))
        for k, comp in enumerate(comps)
    ]
    grouped = {x for comp in comps for x in comp}
    return Grouping(
        groups=tuple(groups),
        singles=tuple(_member(fp) for i, fp in enumerate(fps) if i not in grouped),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        rejected=tuple(e for e in ev if not e.accepted),
        candidates=candidate_count,
    )
