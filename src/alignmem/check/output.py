"""The check result as JSON (a stable, versioned schema) and as a readable table.

JSON schema ``alignmem.check/1`` (keys always present, in this order; lists sorted as shown):

- ``schema``: "alignmem.check/1"; ``tool``: "alignmem <version>"; ``signature``: every setting
- ``mode``: "documents" (coverage known) or "tmx"; ``languages``; ``sources``: input files
- ``verdict``: ``{"ok": bool, "failures": [str], "min_coverage": float|null, "max_flags": int|null}``
- ``summary``: ``{"groups", "flags", "flagged_groups", "flag_counts": {code: n},
  "link_types": {kind: n}, "scores": {"count", "mean", "median", "min", "histogram": [10 counts]}}``
- ``coverage``: totals, ``[{"lang", "other" (null: every other language), "sentences", "covered",
  "share", "chars", "covered_chars", "char_share"}]`` (empty in tmx mode)
- ``documents``: ``[{"name", "languages", "sentences": {lang: n}, "coverage": [...as above],
  "unaligned": [{"lang", "paragraph", "sentence", "index", "missing", "text"}],
  "longest_unaligned": [{"lang", "other", "first", "last", "length", "first_paragraph",
  "last_paragraph"}]}]`` (paragraph and sentence numbers 1-based, ``index`` 0-based in the document)
- ``flags``: ``[{"document", "group", "tuid", "kind", "score", "code", "reason", "languages",
  "texts": {lang: text}}]`` (``group`` 1-based; a language the group lacks has "")
"""

from __future__ import annotations

import statistics

from alignmem import __version__
from alignmem.check.model import CheckResult, Coverage

SCHEMA = "alignmem.check/1"


def _coverage(cov: Coverage) -> dict:
    return {"lang": cov.lang, "other": cov.other, "sentences": cov.sentences, "covered": cov.covered,
            "share": round(cov.share, 4), "chars": cov.chars, "covered_chars": cov.covered_chars,
            "char_share": round(cov.char_share, 4)}


def _scores(result: CheckResult) -> dict:
    scores = result.scores()
    return {
        "count": len(scores),
        "mean": round(statistics.fmean(scores), 4) if scores else None,
        "median": round(statistics.median(scores), 4) if scores else None,
        "min": round(scores[0], 4) if scores else None,
        "histogram": result.score_histogram(),
    }


def to_json(result: CheckResult, *, min_coverage: float | None = None, max_flags: int | None = None) -> dict:
    failures = result.failures(min_coverage, max_flags)
    documents = []
    for doc in result.documents:
        documents.append({
            "name": doc.name,
            "languages": list(doc.langs),
            "sentences": dict(doc.sentences),
            "coverage": [_coverage(c) for c in doc.coverage],
            "unaligned": [{"lang": u.lang, "paragraph": u.para + 1, "sentence": u.number, "index": u.index,
                           "missing": list(u.missing), "text": u.text} for u in doc.unaligned],
            "longest_unaligned": [{"lang": s.lang, "other": s.other, "first": s.first, "last": s.last,
                                   "length": s.length, "first_paragraph": s.first_para + 1,
                                   "last_paragraph": s.last_para + 1} for s in doc.stretches],
        })
    flags = [{"document": item.unit.doc, "group": item.unit.index + 1, "tuid": item.unit.tuid,
              "kind": item.unit.kind, "score": item.unit.score, "code": flag.code, "reason": flag.reason,
              "languages": list(flag.langs), "texts": dict(zip(item.unit.langs, item.unit.texts))}
             for item in result.units for flag in item.flags]
    return {
        "schema": SCHEMA,
        "tool": f"alignmem {__version__}",
        "signature": result.signature,
        "mode": result.mode,
        "languages": list(result.langs),
        "sources": list(result.sources),
        "verdict": {"ok": not failures, "failures": failures, "min_coverage": min_coverage,
                    "max_flags": max_flags},
        "summary": {
            "groups": len(result.units),
            "flags": result.flag_total,
            "flagged_groups": result.flagged_units,
            "flag_counts": result.flag_counts(),
            "link_types": result.link_types(),
            "scores": _scores(result),
        },
        "coverage": [_coverage(c) for c in result.coverage],
        "documents": documents,
        "flags": flags,
    }


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(result: CheckResult, *, min_coverage: float | None = None, max_flags: int | None = None,
                 limit: int = 50) -> str:
    lines: list[str] = []
    n = len(result.units)
    lines.append(f"{n} groups, {result.flag_total} flags in {result.flagged_units} groups "
                 f"({', '.join(result.langs)}; {result.mode})")
    if result.documents:
        lines.append("")
        lines.append(f"{'coverage':<12}{'sentences':>16}{'share':>8}{'chars':>8}")
        for cov in result.coverage:
            lines.append(f"{cov.label:<12}{f'{cov.covered}/{cov.sentences}':>16}{cov.share:>8.1%}"
                         f"{cov.char_share:>8.1%}")
        if len(result.documents) > 1:
            lines.append("")
            lines.append("per document (lowest share): " + ", ".join(
                f"{doc.name} {min((c.share for c in doc.coverage), default=1.0):.1%}" for doc in result.documents))
        stretches = [s for doc in result.documents for s in doc.stretches]
        if stretches:
            worst = max(stretches, key=lambda s: (s.length, -s.first))
            lines.append(f"longest unaligned stretch: {worst.doc} {worst.lang} sentences {worst.first + 1}-"
                         f"{worst.last + 1} (paragraphs {worst.first_para + 1}-{worst.last_para + 1}) have no "
                         f"{worst.other} counterpart ({worst.length} sentence{'s' if worst.length > 1 else ''})")
    lines.append("")
    lines.append("link types: " + ", ".join(f"{k} {v}" for k, v in result.link_types().items()))
    hist = result.score_histogram()
    if sum(hist):
        lines.append("scores:     " + " ".join(f"{i / 10:.1f}:{c}" for i, c in enumerate(hist) if c))
    counts = result.flag_counts()
    if counts:
        lines.append("flags:      " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        lines.append("")
        lines.append(f"{'document':<14}{'group':>6}  {'code':<13}reason")
        shown = 0
        for item in result.units:
            for flag in item.flags:
                if shown < limit:
                    lines.append(f"{_clip(item.unit.doc, 13):<14}{item.unit.index + 1:>6}  {flag.code:<13}"
                                 f"{_clip(flag.reason, 80)}")
                shown += 1
        if shown > limit:
            lines.append(f"... and {shown - limit} more flags (--json lists them all)")
    failures = result.failures(min_coverage, max_flags)
    if min_coverage is not None or max_flags is not None:
        lines.append("")
        lines.append("NOT GOOD ENOUGH: " + "; ".join(failures) if failures else "OK")
    return "\n".join(lines) + "\n"
