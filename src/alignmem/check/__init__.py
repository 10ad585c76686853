"""``alignmem check``: is a translation memory good enough to load into a CAT tool, and what to fix.

Library entry points (the CLI is a thin layer over them):
- :func:`check_aligned` - aligned documents (sources known): coverage, unaligned sentences and flags;
- :func:`check_tmx` - TUs read from TMX files: what stored scores, link types and texts can tell;
- :func:`to_json` / :func:`format_table` - the result as a stable JSON document or a readable table;
- :func:`write_report` - the self-contained HTML review report (``tm/<stem>.report.html``);
  :func:`report_bytes` gives its bytes for a caller that writes it with other files.
QA rules and their codes are in :mod:`alignmem.check.flags`; nothing heavy is imported here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from alignmem.check import output
from alignmem.check.coverage import document_check, units_of
from alignmem.check.flags import CheckConfig, rule_codes, run_rules
from alignmem.check.model import Checked, CheckResult, Coverage, DocumentCheck, Flag, Unit
from alignmem.check.report_html import render
from alignmem.errors import FormatError
from alignmem.export.tmx import read_tmx
from alignmem.io import atomic
from alignmem.langs import LANGUAGES
from alignmem.model import TU, AlignedDocument

__all__ = [
    "CheckConfig", "CheckResult", "Checked", "Coverage", "DocumentCheck", "Flag", "Unit",
    "check_aligned", "check_tmx", "check_units", "format_table", "report_bytes", "rule_codes", "to_json",
    "units_of_tus", "write_report",
]


def check_units(units: Sequence[Unit], config: CheckConfig | None = None, *, mode: str = "tmx",
                documents: Sequence[DocumentCheck] = (), sources: Sequence[str] = (),
                signature: str = "") -> CheckResult:
    """Run the QA rules over ``units`` and wrap everything in a :class:`CheckResult`."""
    config = config or CheckConfig()
    flags = run_rules(units, config)
    langs: list[str] = []
    for unit in units:
        langs.extend(lang for lang in unit.langs if lang not in langs)
    sig = config.signature() + (f"|align:{signature}" if signature else "")
    return CheckResult(mode=mode, langs=tuple(langs),
                       units=tuple(Checked(unit, f) for unit, f in zip(units, flags)),
                       documents=tuple(documents), sources=tuple(sources), signature=sig)


def check_aligned(aligned: AlignedDocument | Sequence[AlignedDocument], config: CheckConfig | None = None,
                  sources: Sequence[str] = ()) -> CheckResult:
    """Coverage and flags of one or more aligned documents (groups of sentences with their sources)."""
    docs = [aligned] if isinstance(aligned, AlignedDocument) else list(aligned)
    units = [unit for doc in docs for unit in units_of(doc)]
    if not sources:
        sources = [d.path for doc in docs for d in doc.documents if d.path]
    signature = next((doc.signature for doc in docs if doc.signature), "")
    return check_units(units, config, mode="documents", documents=[document_check(d) for d in docs],
                       sources=sources, signature=signature)


def units_of_tus(tus: Sequence[TU], name: str) -> list[Unit]:
    """Units of one TMX file's TUs; the document is the TU's x-document prop, else the file stem."""
    langs: list[str] = []
    for tu in tus:
        langs.extend(code for code in tu.langs if code not in langs)
    units = []
    for number, tu in enumerate(tus):
        texts = tuple(tu.seg(lang) or "" for lang in langs)
        kind = tu.link_type or "-".join("1" if text else "0" for text in texts)
        units.append(Unit(doc=tu.doc or name, index=number, langs=tuple(langs), texts=texts, score=tu.score,
                          kind=kind, tuid=tu.tuid, para=tu.para))
    return units


def check_tmx(paths: Sequence[str | os.PathLike[str]], config: CheckConfig | None = None,
              codes: dict[str, str] | None = None) -> CheckResult:
    """Flags, link types and scores of the TUs of TMX files (no source text: no coverage)."""
    units: list[Unit] = []
    for path in paths:
        tus = read_tmx(path, codes)
        if not tus:
            raise FormatError("TMX file holds no <tu>; nothing to check", os.fspath(path))
        unknown = sorted({code for tu in tus for code in tu.langs if code not in LANGUAGES})
        if unknown:
            raise FormatError(f"TMX holds language {unknown[0]!r}, which alignmem cannot check (known: "
                              f"{', '.join(LANGUAGES)}); map its code with --tmx-codes, e.g. zh=zh-TW",
                              os.fspath(path))
        units.extend(units_of_tus(tus, Path(path).name.split(".")[0]))
    return check_units(units, config, mode="tmx", sources=[os.fspath(p) for p in paths])


def to_json(result: CheckResult, *, min_coverage: float | None = None, max_flags: int | None = None) -> dict:

    return output.to_json(result, min_coverage=min_coverage, max_flags=max_flags)


def format_table(result: CheckResult, *, min_coverage: float | None = None, max_flags: int | None = None,
                 limit: int = 50) -> str:

    return output.format_table(result, min_coverage=min_coverage, max_flags=max_flags, limit=limit)


def report_bytes(aligned: AlignedDocument | Sequence[AlignedDocument] | None, result: CheckResult | None = None,
                 *, title: str | None = None, config: CheckConfig | None = None) -> tuple[bytes, CheckResult]:
    """The HTML review report (deterministic bytes) and the result it shows.

    Give the aligned document(s) (checked here with ``config``), or a ``result`` already computed
    (``aligned`` may then be None).
    """

    if result is None:
        if aligned is None:
            raise ValueError("the report needs the aligned document(s) or a check result")
        result = check_aligned(aligned, config)
    return render(result, title=title).encode("utf-8"), result


def write_report(aligned: AlignedDocument | Sequence[AlignedDocument] | None, path: str | os.PathLike[str],
                 result: CheckResult | None = None, *, title: str | None = None,
                 config: CheckConfig | None = None) -> CheckResult:
    """Write the HTML review report of :func:`report_bytes` to ``path`` atomically; returns the result shown."""
    data, result = report_bytes(aligned, result, title=title, config=config)
    atomic.write_bytes(path, data)
    return result
