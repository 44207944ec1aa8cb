"""The JSON we print validates against the JSON Schema we document (docs/schema/)."""

from __future__ import annotations

import json

import pytest

jsonschema = pytest.importorskip("jsonschema")
from referencing import Registry, Resource

from conftest import DOCX, EK, ROOT, TK, run_cli

SCHEMAS = {
    name: json.loads((ROOT / "docs" / "schema" / name).read_text())
    for name in (
        "compare.schema.json",
        "letter.schema.json",
        "reconcile.schema.json",
        "group.schema.json",
        "batch.schema.json",
    )
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


def test_batch_summary_validates(tmp_path) -> None:
    """summary.json of a batch and check --corpus --format json: one schema (the check has no links)."""
    out = tmp_path / "out"
    assert run_cli("batch", str(DOCX), str(TK), str(EK), "-o", str(out)).returncode == 0
    doc = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    validate(doc, "batch.schema.json")
    assert doc["groups"][0]["report"] == f"groups/{doc['groups'][0]['id']}.html"
    r = run_cli("check", "--corpus", str(DOCX), str(TK), str(EK), "--format", "json")
    assert r.returncode == 1, r.stderr
    check = json.loads(r.stdout)
    validate(check, "batch.schema.json")
    assert check["groups"][0]["report"] is None
    broken = {**doc, "groups": [{**doc["groups"][0], "status": "maybe"}]}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken, "batch.schema.json")
