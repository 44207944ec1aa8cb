"""Reading .docx letters: footnotes, styles, lists, tables, tracked changes, hostile files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli

pytest.importorskip("docx")
pytest.importorskip("lxml")

from test_docx_pdf import FOOTNOTES, LETTER, W_NS, build_docx

from difftool.readers import read_letter, read_with_text


@pytest.fixture(scope="module")
def letter_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_docx(tmp_path_factory.mktemp("docx") / "letter.docx")


def _inspect(path: Path) -> dict:
    result = run_cli("inspect", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_footnotes_are_numbered_as_displayed_and_cited_from_their_block(letter_docx: Path) -> None:
    doc = _inspect(letter_docx)
    assert doc["flavour"] == "docx"
    assert [(f["number"], f["text"]) for f in doc["footnotes"]] == list(FOOTNOTES.items())
    cited = {f["number"]: f["cited_in"] for f in doc["footnotes"]}
    block = next(b for b in doc["blocks"] if b["text"].startswith("In de marge"))
    assert block["footnotes"] == [2, 3] and cited[2] == cited[3] == block["id"]


def test_offsets_index_the_extracted_text_and_markers_sit_where_the_reference_is(letter_docx: Path) -> None:
    letter, text = read_with_text(str(letter_docx))
    for b in letter.blocks:
        assert all(text[o] == ch for o, ch in zip(b.offsets, b.text) if ch != " ")
    b = next(b for b in letter.blocks if b.footnotes == (1,))
    assert text[b.end : b.end + 4] == "[^1]"
    line, col = letter.line_col(letter.footnotes[0].start)
    assert text.splitlines()[line - 1].startswith("[^1]: ") and col == len("[^1]: ") + 1


def test_list_items_headings_signature_and_footer(letter_docx: Path) -> None:
    doc = _inspect(letter_docx)
    kinds = [b["kind"] for b in doc["blocks"]]
    assert kinds.count("list-item") == sum(1 for k, _ in LETTER if k == "bullet")
    assert kinds.count("heading") == sum(1 for k, _ in LETTER if k == "heading")
    assert doc["signatories"] == [
        {"role": "De minister van Justitie en Veiligheid", "name": "D.M. van Weel", "block": doc["blocks"][-1]["id"]}
    ]
    assert doc["furniture"] == ["Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 1014"]
    assert not any("vergaderjaar 2025-2026, 32 317" in b["text"] for b in doc["blocks"])


def _document_xml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def _write_package(path: Path, document: str, extra: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def _p(inner: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{inner}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_tracked_changes_are_read_accepted_and_noted(tmp_path: Path) -> None:
    body = (
        _p(
            _r("Het kabinet steunt ")
            + '<w:del w:id="1" w:author="x"><w:r><w:delText>niet </w:delText></w:r></w:del>'
            + f'<w:ins w:id="2" w:author="x">{_r("van harte ")}</w:ins>'
            + _r("het voorstel over de grensbewaking.")
        )
        + _p(_r("Deze zin loopt door"), '<w:pPr><w:rPr><w:del w:id="3" w:author="x"/></w:rPr></w:pPr>')
        + _p(_r(" in de volgende alinea."))
    )
    letter = read_letter(str(_write_package(tmp_path / "tracked.docx", _document_xml(body))))
    assert [b.text for b in letter.blocks] == [
        "Het kabinet steunt van harte het voorstel over de grensbewaking.",
        "Deze zin loopt door in de volgende alinea.",
    ]
    assert letter.notes and "tracked change" in letter.notes[0]


def test_tables_are_blocks_and_numbered_lists_get_their_labels(tmp_path: Path) -> None:
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    num = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>'
    cell = "<w:tc>{}</w:tc>"
    body = (
        _p(_r("eerste punt van de lijst;"), num)
        + _p(_r("tweede punt van de lijst."), num)
        + "<w:tbl><w:tr>"
        + cell.format(_p(_r("Lidstaat")))
        + cell.format(_p(_r("Aantal")))
        + "</w:tr>"
        + "<w:tr>"
        + cell.format(_p(_r("Italië")))
        + cell.format(_p(_r("12")))
        + "</w:tr></w:tbl>"
    )
    path = _write_package(tmp_path / "lists.docx", _document_xml(body), {"word/numbering.xml": numbering})
    letter = read_letter(str(path))
    assert [(b.kind.value, b.text) for b in letter.blocks] == [
        ("list-item", "a. eerste punt van de lijst;"),
        ("list-item", "b. tweede punt van de lijst."),
        ("heading", "Lidstaat Aantal"),
        ("heading", "Italië 12"),
    ]


def test_heading_style_and_rendered_page_breaks_give_headings_and_pages(tmp_path: Path) -> None:
    styles = (
        f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/>'
        "</w:style></w:styles>"
    )
    body = (
        _p(_r("Overige onderwerpen"), '<w:pPr><w:pStyle w:val="Kop2"/></w:pPr>')
        + _p(_r("Een alinea op de eerste pagina, lang genoeg om een alinea te zijn."))
        + _p("<w:r><w:lastRenderedPageBreak/><w:t>Een alinea op de tweede pagina, ook lang genoeg.</w:t></w:r>")
    )
    path = _write_package(tmp_path / "styles.docx", _document_xml(body), {"word/styles.xml": styles})
    letter = read_letter(str(path))
    assert [(b.kind.value, b.page) for b in letter.blocks] == [("heading", 1), ("paragraph", 1), ("paragraph", 2)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 this is not really a zip", "corrupt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
        (b"", "corrupt"),
    ],
)
def test_broken_files_give_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    result = run_cli("inspect", str(path))
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_zip_without_a_document_and_malformed_xml_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "other.docx"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("hello.txt", "hi")
    bad = _write_package(tmp_path / "bad.docx", "<w:document><unclosed>")
    for path, message in ((empty, "no word/document.xml"), (bad, "not well-formed")):
        result = run_cli("inspect", str(path))
        assert result.returncode == 2 and message in result.stderr


def test_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (40 * 1024 * 1024) + b">")
    result = run_cli("inspect", str(path))
    assert result.returncode == 2 and "zip bomb" in result.stderr


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{_p("<w:r><w:t>&c;</w:t></w:r>" + _r("Een gewone zin van de brief."))}</w:body></w:document>'
    )
    letter = read_letter(str(_write_package(tmp_path / "laughs.docx", laughs)))
    assert "aaaa" not in letter.blocks[0].text


def test_docx_and_its_text_extraction_compare_without_substantive_deltas(tmp_path: Path, letter_docx: Path) -> None:
    """Any pairing works: a real DOCX against a DOCX-text extraction of the same letter."""
    import re

    lines = [re.sub(r"\{(\d+)\}", lambda m: f"[footnoteRef:{m.group(1)}]", text) for _, text in LETTER]
    lines.extend(f"[{n}:  {t}]" for n, t in FOOTNOTES.items())
    extraction = tmp_path / "letter-docx.txt"
    extraction.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("compare", str(letter_docx), str(extraction), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["substantive"] == 0
