"""The JSON we print validates against the JSON Schema we document (docs/schema/)."""

from __future__ import annotations

import json

import pytest

jsonschema = pytest.importorskip("jsonschema")
from referencing import Registry, Resource

from conftest import DOCX, EK, ROOT, TK, run_cli

SCHEMAS = {
    name: json.loads((ROOT / "docs" / "schema" / name).read_text())
    for name in ("compare.schema.json", "letter.schema.json", "reconcile.schema.json")
}
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())


def validate(doc, name: str) -> None:
    jsonschema.Draft202012Validator(SCHEMAS[name], registry=REGISTRY).validate(doc)


@pytest.mark.parametrize(("a", "b"), [(EK, TK), (DOCX, TK)], ids=["ek-tk", "docx-tk"])
def test_compare_json_validates(a, b) -> None:
    validate(json.loads(run_cli("compare", str(a), str(b), "--format", "json").stdout), "compare.schema.json")


def test_inspect_json_validates() -> None:
    validate(json.loads(run_cli("inspect", str(DOCX), "--format", "json").stdout), "letter.schema.json")


def test_reconcile_json_validates() -> None:
    doc = json.loads(run_cli("reconcile", str(DOCX), str(TK), str(EK), "--format", "json").stdout)
    validate(doc, "reconcile.schema.json")
    assert {p["scope"] for p in doc["points"]} >= {"text", "structure", "presence"}
