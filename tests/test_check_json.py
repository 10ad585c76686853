"""The JSON output of ``alignmem check`` is a stable, versioned schema: its keys must not drift."""

from __future__ import annotations

import json

from test_check_coverage import make_aligned, make_doc

from alignmem.check import CheckConfig, check_aligned, check_units, to_json
from alignmem.check.model import Unit
from alignmem.check.output import SCHEMA

TOP = ["schema", "tool", "signature", "mode", "languages", "sources", "verdict", "summary", "coverage",
       "documents", "flags"]
VERDICT = ["ok", "failures", "min_coverage", "max_flags"]
SUMMARY = ["groups", "flags", "flagged_groups", "flag_counts", "link_types", "scores"]
SCORES = ["count", "mean", "median", "min", "histogram"]
COVERAGE = ["lang", "other", "sentences", "covered", "share", "chars", "covered_chars", "char_share"]
DOCUMENT = ["name", "languages", "sentences", "coverage", "unaligned", "longest_unaligned"]
UNALIGNED = ["lang", "paragraph", "sentence", "index", "missing", "text"]
STRETCH = ["lang", "other", "first", "last", "length", "first_paragraph", "last_paragraph"]
FLAG = ["document", "group", "tuid", "kind", "score", "code", "reason", "languages", "texts"]


def documents_result():
    en = make_doc("en", [["It cost 1,300 dollars."], ["A sentence alone."]], 0)
    ru = make_doc("ru", [["Это стоило 13 долларов."]], 1)
    zh = make_doc("zh", [["花费了1 300美元。"], ["单独的一句。"]], 2)
    aligned = make_aligned([en, ru, zh], [((0,), (0,), (0,)), ((1,), (), (1,))])
    return check_aligned(aligned, CheckConfig(embeddings=False))


def test_schema_keys_documents_mode():
    data = to_json(documents_result(), min_coverage=0.9, max_flags=10)
    assert data["schema"] == SCHEMA == "alignmem.check/1"
    assert list(data) == TOP
    assert list(data["verdict"]) == VERDICT and data["verdict"]["ok"] is False
    assert list(data["summary"]) == SUMMARY and list(data["summary"]["scores"]) == SCORES
    assert len(data["summary"]["scores"]["histogram"]) == 10
    assert all(list(c) == COVERAGE for c in data["coverage"])
    (doc,) = data["documents"]
    assert list(doc) == DOCUMENT
    assert [list(u) for u in doc["unaligned"]] == [UNALIGNED] * 2
    assert all(list(s) == STRETCH for s in doc["longest_unaligned"])
    assert data["flags"] and all(list(f) == FLAG for f in data["flags"])
    assert {f["code"] for f in data["flags"]} == {"number", "unaligned"}
    assert doc["unaligned"][0] == {"lang": "en", "paragraph": 2, "sentence": 1, "index": 1, "missing": ["ru"],
                                   "text": "A sentence alone."}


def test_schema_keys_tmx_mode_and_json_serialisable():
    unit = Unit("memory", 0, ("en", "ru"), ("Hello world, dear friends.", "Привет, дорогие друзья."), 0.9, "1-1",
                tuid="memory:p1:s1")
    data = to_json(check_units([unit]))
    assert list(data) == TOP and data["mode"] == "tmx" and data["coverage"] == [] and data["documents"] == []
    assert data["summary"]["scores"]["histogram"][9] == 1
    assert json.loads(json.dumps(data)) == data


def test_json_is_deterministic():
    one = json.dumps(to_json(documents_result()), ensure_ascii=False)
    two = json.dumps(to_json(documents_result()), ensure_ascii=False)
    assert one == two
