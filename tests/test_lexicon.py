"""The packed word list answers exactly as the dict built from wordfreq's data did."""

from __future__ import annotations

import os
import time
from functools import lru_cache
from pathlib import Path

import pytest

from difftool import lexicon
from difftool.lexicon import ENGLISH_FLOOR, _bins, _data_file, _Packed, _Plain, _table

SAMPLE = [
    "woord",
    "de",
    "het",
    "Kamer",
    "toerismedoeleinden",
    "toerismedoelenden",
    "begrotingsbehandeling",
    "ministerie",
    "minsterie",
    "Declaration",
    "of",
    "Intent",
    "follow",
    "the",
    "money",
    "xyzzyqq",
    "",
    "a\x00b",
    "\x01",
    "\udcff",
    "café",
    "ijzersterk",
    "zo'n",
    "e-mail",
    "cursus-",
    "1234",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _table.cache_clear()
    lexicon._compound.cache_clear()
    yield tmp_path / "difftool"
    _table.cache_clear()
    lexicon._compound.cache_clear()


@lru_cache(maxsize=2)
def _old(lang: str, floor: float = 0.0) -> dict[str, float]:
    """The lexicon as it was: every word unpacked into a dict, Zipf ``9 - bin/100``."""
    return {w: 9 - i / 100 for w, i in _bins(_data_file(lang), floor).items()}


def test_packed_lists_give_the_same_frequencies_as_the_dicts(cache: Path) -> None:
    for lang, floor in (("nl", 0.0), ("en", ENGLISH_FLOOR)):
        old = _old(lang, floor)
        new = _table(lang, floor)
        assert isinstance(new, _Packed)
        for word, z in old.items():
            assert new.find(word) == z, word
        for word in SAMPLE:
            w = word.casefold()
            assert new.find(w) == old.get(w), word
    assert sorted(p.name.split("-")[1] for p in cache.iterdir()) == ["en", "nl"]


SENTENCES = [
    "the Declaration of Intent was signed by both parties",
    "de verklaring is door beide partijen ondertekend in Den Haag",
    "follow the money is een programma van de omroep",
    "we follow the money and the minister answers the questions",
]


def _answers(words: list[str]) -> list[object]:
    return [(lexicon.zipf(w), lexicon.score(w), lexicon.known(w)) for w in words] + [
        lexicon.is_english(s) for s in SENTENCES
    ]


def test_public_functions_answer_as_with_the_dicts(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nl, en = _old("nl"), _old("en", ENGLISH_FLOOR)
    words = SAMPLE + list(nl)[::1999] + list(en)[::199]
    words += [a + b for a, b in zip(list(nl)[200:3000:40], list(nl)[3000:6000:43])]  # compounds
    words += [w[:-2] + w[-1] + w[-2] for w in list(nl)[1000:20000:300] if len(w) > 8]  # misspellings
    new = _answers(words)
    assert any(k for *_, k in new[: len(words)]) and not all(k for *_, k in new[: len(words)])

    old = {("nl", 0.0): _Plain(nl), ("en", ENGLISH_FLOOR): _Plain(en)}
    monkeypatch.setattr(lexicon, "_table", lambda lang, floor=0.0: old[(lang, floor)])
    lexicon._compound.cache_clear()
    assert _answers(words) == new


def test_second_run_maps_the_cached_file(cache: Path) -> None:
    first = _table("nl")
    files = sorted(cache.iterdir())
    _table.cache_clear()
    second = _table("nl")
    assert isinstance(second, _Packed) and sorted(cache.iterdir()) == files
    assert second.find("woord") == first.find("woord")


def test_a_damaged_or_stale_cache_file_is_rebuilt(cache: Path) -> None:
    _table("nl")
    (path,) = cache.iterdir()
    path.write_bytes(path.read_bytes()[:1000])
    stale = cache / "lexicon-nl-0-1-2-v0l.bin"
    stale.write_bytes(b"old")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(stale, (month_ago, month_ago))
    other = cache / "lexicon-nl-0-3-4-v1l.bin"  # another venv's wordfreq, in use
    other.write_bytes(b"other")
    _table.cache_clear()
    assert _table("nl").find("woord") == _old("nl")["woord"]
    assert path.stat().st_size > 1000
    assert not stale.exists()  # a file of the same list not opened for a month is cleaned up
    assert other.exists()  # two installations do not drop each other's file on every run


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_builds_the_list_in_memory(cache: Path) -> None:
    cache.parent.chmod(0o500)
    try:
        assert lexicon.zipf("woord") == _old("nl")["woord"]
        assert not cache.exists()
    finally:
        cache.parent.chmod(0o700)


def test_a_cache_path_that_is_a_file_builds_the_list_in_memory(cache: Path) -> None:
    cache.write_text("not a directory")
    assert lexicon.zipf("woord") == _old("nl")["woord"]
    assert isinstance(_table("nl"), _Packed)
