"""``alignmem align``: one command, three modes, one composition (:func:`alignmem.join.align_documents`).

- ``align EN RU ZH [-o tm/NAME.tmx]`` (two or three files): groups exported as TMX, glossary and report;
- ``align --corpus corpora --out tm``: every document stem found in at least two languages;
- ``align SRC TGT --links OUT`` or ``--format tsv``: a pair's links (vecalign/Bertalign format) or
  readable TSV; with three files, ``--links DIR`` writes one file per pair. A pair's links are exactly
  the groups its TMX file holds.

Thin: arguments -> :mod:`alignmem.pipeline` -> a summary table on stdout (or ``--json``). Progress goes
to stderr on a terminal only; failures of single documents in corpus mode are listed on stderr and make
the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alignmem import langs as langreg
from alignmem import pipeline
from alignmem.cli.options import add_align_arguments, settings_from
from alignmem.cli.progress import ProgressBar
from alignmem.errors import InputError
from alignmem.export import Naming
from alignmem.export.links import TSV, Links
from alignmem.io.atomic import write_files, write_text
from alignmem.read import SIDES


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="two or three versions of one document (text, HTML, Word, OpenDocument, PDF, "
                             "XLIFF, PO, TMX, CSV)")
    parser.add_argument("--langs", help="languages of FILE..., e.g. en,ru,zh or en,ru,zh-TW (detected when "
                                        "omitted; given, they override the language check)")
    parser.add_argument("--encoding", help="encoding of the input files (detected when omitted)")
    parser.add_argument("--presegmented", action="store_true", help="inputs hold one sentence per line")
    parser.add_argument("--links", metavar="OUT",
                        help="write bilingual links to OUT ('-' for stdout); with three files OUT is a folder")
    parser.add_argument("--format", choices=("tmx", "xliff", "xliff12", "links", "tsv"),
                        help="tmx (default): TMX memories; xliff: one bilingual XLIFF 2.0 file per language pair, "
                             "flagged units marked for review (xliff12: XLIFF 1.2 for older tools); links, tsv: "
                             "a pair's links")
    parser.add_argument("--side", choices=SIDES,
                        help="side of bilingual inputs (XLIFF, PO, TMX, CSV) to read (default: the side in each "
                             "file's language, else the source)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (TMX, links or TSV)")
    parser.add_argument("--corpus", metavar="DIR", help="align every document in DIR/en|ru|zh")
    parser.add_argument("--out", metavar="DIR", default="tm", help="output folder for --corpus (default: tm)")
    add_align_arguments(parser)
    parser.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                        help="bilingual dictionary (hunalign 'word @ word' or two-column TSV); repeatable")
    parser.add_argument("--force", action="store_true", help="align even texts that look like no translation")
    parser.add_argument("--tmx-codes", metavar="MAP", help="language codes in TMX, e.g. en=en-GB,zh=zh-CN")
    parser.add_argument("--srclang", help="TMX source language (default: the first language)")
    parser.add_argument("--no-glossary", action="store_true", help="do not write the glossary of what was aligned")
    parser.add_argument("--no-report", action="store_true", help="do not write the HTML review report")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace) -> int:
    if args.corpus:
        if args.files:
            raise InputError("give either FILE... or --corpus DIR, not both")
        return run_corpus(args)
    if args.links and args.format not in (None, "links", "tsv"):
        raise InputError(f"give either --links OUT or --format {args.format}, not both")
    if args.links or args.format in ("links", "tsv"):
        return run_links(args)
    if len(args.files) not in (2, 3):
        raise InputError("align needs two or three files (or --corpus DIR)")
    return run_files(args)


def _langs(args: argparse.Namespace) -> tuple[str, ...] | None:
    """The codes of --langs as given (validated; ``zh-TW``, ``en-GB`` keep their variant for the files)."""
    if not args.langs:
        return None
    langreg.parse_langs(args.langs)
    langs = tuple(part.strip() for part in args.langs.split(",") if part.strip())
    if len(langs) != len(args.files):
        raise InputError(f"{len(args.files)} files but {len(langs)} languages in --langs {args.langs}; "
                         "give one language per file")
    return langs


# ------------------------------------------------------------------------------------------- links
def run_links(args: argparse.Namespace) -> int:
    if len(args.files) not in (2, 3):
        raise InputError(f"--links and --format align two or three files, got {len(args.files)}")
    if args.links and args.format == "tsv":
        raise InputError("give either --links OUT or --format tsv, not both")
    settings = settings_from(args)
    langs = _langs(args)
    docs = pipeline.read_and_segment(args.files, langs, settings, verify_langs=langs is None)
    aligned = pipeline.align_set(docs, settings, docs[0].name)
    fmt = TSV() if args.format == "tsv" else Links()
    target = args.links or args.output
    if len(docs) == 2:
        built = fmt.files(aligned, Naming(Path("."), aligned.stem))[0]
        if target is None or target == "-":
            sys.stdout.write(built.data.decode("utf-8"))
            sys.stdout.flush()
        else:
            write_text(target, built.data.decode("utf-8"))
    else:
        if target is None or target == "-":
            raise InputError("with three files, give a folder for the links: --links DIR (one file per pair)")
        built_files = fmt.files(aligned, Naming(Path(target), aligned.stem))
        write_files([(b.path, b.data) for b in built_files])
        if not args.quiet:
            sys.stderr.write("wrote " + ", ".join(str(b.path) for b in built_files) + "\n")
    if not args.quiet:
        for alignment in aligned.alignments:
            paths = {d.lang: d.path for d in docs}
            for side, first, last in alignment.unaligned:
                lang = alignment.src_lang if side == "src" else alignment.tgt_lang
                sys.stderr.write(f"alignmem: {paths[lang]}: sentences {first}-{last} have no counterpart"
                                 + (f" in {alignment.tgt_lang if side == 'src' else alignment.src_lang}"
                                    if len(docs) > 2 else "") + "\n")
    return 0


# --------------------------------------------------------------------------------------------- TMX
def run_files(args: argparse.Namespace) -> int:
    result = pipeline.align_files(args.files, _langs(args), args.output, settings_from(args))
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
            "pairs": {p.pair: {"aligned_share": round(p.share, 4), "sentences": list(p.sentences),
                               "aligned": list(p.aligned),
                               "aligned_char_share_of_shorter": round(p.shorter_char_share, 4)}
                      for p in r.pairs},
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
    """The closing summary: one row per document (sentences per language, TUs of the main file, the share of
    each language pair's sentences that found a counterpart), then the totals."""
    langs = langreg.file_order({lang for r in result.results for lang in r.langs})
    pairs = sorted({p.pair for r in result.results for p in r.pairs},
                   key=lambda name: tuple(langs.index(x) for x in name.split("-")))
    width = max([len("document"), len("total") + 5] + [len(r.stem) for r in result.results])
    head = (f"{'document':<{width}}" + "".join(f"{lang:>7}" for lang in langs) + f"{'TUs':>7}"
            + "".join(f"{name:>8}" for name in pairs))
    lines = [head, "-" * len(head)]
    totals = dict.fromkeys(langs, 0)
    pair_totals: dict[str, list[int]] = {name: [0, 0] for name in pairs}
    tus = 0
    for r in result.results:
        counts = dict(r.sentences)
        shares = {p.pair: p for p in r.pairs}
        cells = "".join(f"{counts[lang]:>7}" if lang in counts else f"{'-':>7}" for lang in langs)
        pair_cells = "".join(f"{shares[name].share:>8.1%}" if name in shares else f"{'-':>8}" for name in pairs)
        lines.append(f"{r.stem:<{width}}{cells}{r.tus:>7}{pair_cells}")
        for lang, n in r.sentences:
            totals[lang] += n
        for p in r.pairs:
            pair_totals[p.pair][0] += sum(p.aligned)
            pair_totals[p.pair][1] += sum(p.sentences)
        tus += r.tus
    if len(result.results) > 1:
        lines.append("-" * len(head))
        label = f"total ({len(result.results)})"
        lines.append(f"{label:<{width}}" + "".join(f"{totals[lang]:>7}" for lang in langs) + f"{tus:>7}"
                     + "".join(f"{(done / all_ if all_ else 0.0):>8.1%}" for done, all_ in pair_totals.values()))
    lines.append("(per pair: the share of its sentences that found a counterpart in the pair's memory)")
    return "\n".join(lines)


def report(result: pipeline.CorpusResult, args: argparse.Namespace) -> None:
    if args.json:
        sys.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n")
        return
    if args.quiet:  # the files are the result; failures still go to stderr (run_corpus)
        return
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
