"""``alignmem align EN RU ZH [-o tm/NAME.tmx]`` and ``alignmem align --corpus corpora --out tm``.

Thin: arguments -> :mod:`alignmem.pipeline` -> a summary table on stdout (or ``--json``). Progress goes
to stderr on a terminal only; failures of single documents in corpus mode are listed on stderr and make
the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys

from alignmem import langs as langreg
from alignmem import pipeline, tmx
from alignmem.errors import InputError
from alignmem.progress import ProgressBar


def settings_from(args: argparse.Namespace) -> pipeline.Settings:
    from alignmem.cli.align import align_config

    return pipeline.Settings(
        config=align_config(args.signals, args.lexicon or (), bool(args.force)),
        codes=tmx.parse_codes(args.tmx_codes),
        srclang=langreg.get(args.srclang).code if args.srclang else None,
        encoding=args.encoding,
        presegmented=bool(args.presegmented),
        glossary=not args.no_glossary,
        report=not args.no_report,
    )


def run_files(args: argparse.Namespace) -> int:
    langs = langreg.parse_langs(args.langs) if args.langs else None
    if langs is not None and len(langs) != len(args.files):
        raise InputError(f"{len(args.files)} files but {len(langs)} languages in --langs {args.langs}; "
                         "give one language per file")
    result = pipeline.align_files(args.files, langs, args.output, settings_from(args))
    report(pipeline.CorpusResult((result,), (), ()), args)
    return 0


def run_corpus(args: argparse.Namespace) -> int:
    if args.output:
        raise InputError("with --corpus DIR, give the output folder with --out DIR (not -o)")
    settings = settings_from(args)
    with ProgressBar(enabled=not args.quiet and not args.json) as bar:
        result = pipeline.align_corpus(args.corpus, args.out, settings, on_progress=bar)
    report(result, args)
    for failure in result.failures:
        sys.stderr.write(f"alignmem: {failure.message}\n")
    if result.failures:
        names = ", ".join(f.stem for f in result.failures)
        total = len(result.failures) + len(result.results)
        sys.stderr.write(f"alignmem: {len(result.failures)} of {total} documents failed: {names}\n")
        return 1
    return 0


# ------------------------------------------------------------------------------------------ output
def as_json(result: pipeline.CorpusResult) -> dict:
    docs = []
    for r in result.results:
        docs.append({
            "stem": r.stem,
            "langs": list(r.langs),
            "sentences": dict(r.sentences),
            "aligned": dict(r.aligned),
            "aligned_share": round(r.aligned_share, 4),
            "groups": r.groups,
            "tus": r.tus,
            "files": [{"path": f.path, "langs": list(f.langs), "tus": f.tus} for f in r.outputs],
            "extras": list(r.extras),
            "warnings": list(r.warnings),
            "seconds": r.seconds,
        })
    return {
        "documents": docs,
        "waiting": [{"stem": stem, "langs": list(langs)} for stem, langs in result.waiting],
        "failed": [{"stem": f.stem, "error": f.message} for f in result.failures],
    }


def table(result: pipeline.CorpusResult) -> str:
    """The closing summary: one row per document, then the totals."""
    langs = pipeline.canonical({lang for r in result.results for lang in r.langs})
    width = max([len("document"), len("total")] + [len(r.stem) for r in result.results])
    head = f"{'document':<{width}}" + "".join(f"{lang:>7}" for lang in langs) + f"{'TUs':>7}{'aligned':>9}"
    lines = [head, "-" * len(head)]
    totals = dict.fromkeys(langs, 0)
    tus = linked = sentences = 0
    for r in result.results:
        counts = dict(r.sentences)
        cells = "".join(f"{counts[lang]:>7}" if lang in counts else f"{'-':>7}" for lang in langs)
        lines.append(f"{r.stem:<{width}}{cells}{r.tus:>7}{r.aligned_share:>9.1%}")
        for lang, n in r.sentences:
            totals[lang] += n
        tus += r.tus
        linked += sum(n for _, n in r.aligned)
        sentences += sum(n for _, n in r.sentences)
    if len(result.results) > 1:
        share = linked / sentences if sentences else 0.0
        lines.append("-" * len(head))
        label = f"total ({len(result.results)})"
        lines.append(f"{label:<{width}}" + "".join(f"{totals[lang]:>7}" for lang in langs)
                     + f"{tus:>7}{share:>9.1%}")
    return "\n".join(lines)


def report(result: pipeline.CorpusResult, args: argparse.Namespace) -> None:
    if args.json:
        sys.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n")
        return
    if not args.quiet:
        for r in result.results:
            for warning in r.warnings:
                sys.stderr.write(f"alignmem: warning: {warning}\n")
    out = []
    if result.results:
        out.append(table(result))
        for r in result.results:
            out.append("wrote " + ", ".join(f"{f.path} ({f.tus} TUs)" for f in r.outputs))
            if r.extras:
                out.append("  and " + ", ".join(r.extras))
    elif not result.failures:
        out.append("nothing to align: no document has two language versions yet")
    for stem, langs in result.waiting:
        out.append(f"waiting for translations: {stem} (only {', '.join(langs)})")
    if out:
        sys.stdout.write("\n".join(out) + "\n")
