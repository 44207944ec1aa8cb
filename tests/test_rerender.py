"""The same letter in another extraction flavour says the same thing: zero substantive and zero
editorial deltas against the original (hard wraps, page breaks with footnotes at the page foot,
glued digit markers, DOCX markers and bodies, curly quotes, bookmark noise)."""

from __future__ import annotations

import pytest

from conftest import ALL_SAMPLES
from difftool.engine import compare
from difftool.parse import parse_text
from difftool.readers import read_letter
from difftool.sources import detect_flavour
from rerender import as_docx_text, as_markdown_pdf, as_pdf_text

RENDERERS = {"markdown-pdf": as_markdown_pdf, "pdf-text": as_pdf_text, "docx-text": as_docx_text}


@pytest.mark.parametrize("flavour", sorted(RENDERERS))
@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.stem)
def test_rerendered_letter_has_no_real_differences(path, flavour) -> None:
    original = read_letter(str(path))
    text = RENDERERS[flavour](original)
    assert detect_flavour(text).value == flavour
    copy = parse_text(text, f"{path.stem}.{flavour}.txt")
    c = compare(original, copy)
    summary = c.summary()
    assert summary["substantive"] == 0, [d.explanation for d in c.deltas if d.severity.value == "substantive"]
    assert summary["editorial"] == 0, [d.explanation for d in c.deltas if d.severity.value == "editorial"]
    assert len(copy.footnotes) == len(original.footnotes)
    assert [s.name for s in copy.signatories] == [s.name for s in original.signatories]
