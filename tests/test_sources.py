"""Reading bytes: encodings, bad input, flavour detection."""

from __future__ import annotations

import codecs

import pytest

from conftest import AGENDA, DOCX, EK, EK_MARCH, TK
from difftool.model import Flavour
from difftool.sources import InputError, decode, detect_flavour, read_source

TEXT = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDe financiële positie van “België” – één.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (BOM)", id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), "utf-16 (BOM)", id="utf-16"),
        pytest.param(TEXT.encode("cp1252"), "cp1252", id="cp1252"),
        pytest.param(
            TEXT.replace("“", '"').replace("”", '"').replace("–", "-").encode("latin-1"), "cp1252", id="latin-1"
        ),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8", id="crlf"),
    ],
)
def test_decodes_every_encoding_a_user_has(data: bytes, encoding: str) -> None:
    src = decode(data, "x.txt")
    assert src.encoding == encoding
    assert "financiële" in src.text
    assert not src.text.startswith("\ufeff")


def test_normalises_to_nfc() -> None:
    assert decode("financie\u0308le".encode(), "x").text == "financi\u00eble"


def test_repairs_mojibake() -> None:
    broken = "De financiële positie van België is één ding.".encode().decode("cp1252")
    assert decode(broken.encode("utf-8"), "x").text == "De financiële positie van België is één ding."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\n ", "empty", id="whitespace"),
        pytest.param(bytes(range(256)) * 20, "binary", id="binary"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary document", id="pdf-bytes"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "binary document", id="zip-bytes"),
    ],
)
def test_rejects_what_is_not_a_text_letter(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "bad.txt")


def test_missing_file_and_directory(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_source(str(tmp_path))


@pytest.mark.parametrize(
    ("path", "flavour"),
    [
        (EK, Flavour.MARKDOWN_PDF),
        (TK, Flavour.MARKDOWN_PDF),
        (DOCX, Flavour.DOCX_TEXT),
        (AGENDA, Flavour.DOCX_TEXT),
        (EK_MARCH, Flavour.PDF_TEXT),
    ],
    ids=lambda v: getattr(v, "name", str(v)),
)
def test_detects_the_flavour_of_each_sample(path, flavour) -> None:
    assert detect_flavour(read_source(str(path)).text) is flavour


def test_plain_text_is_plain() -> None:
    assert detect_flavour("Een korte brief.\n\nMet twee alinea's.\n") is Flavour.PLAIN
