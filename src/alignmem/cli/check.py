"""``alignmem check``: coverage and QA flags of a translation memory, as a table, JSON or HTML report.

- ``check EN RU ZH``: the files are aligned on the fly, then checked (coverage and flags);
- ``check --corpus corpora``: every document found in at least two languages;
- ``check tm/*.tmx``: stored TUs (scores, link types, texts); no coverage without the sources.
Exit status: 0 good enough, 1 when ``--min-coverage`` or ``--max-flags`` is not met, 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from alignmem import check
from alignmem.check import CheckConfig
from alignmem.check.flags import select
from alignmem.cli.options import add_align_arguments, settings_from
from alignmem.errors import InputError
from alignmem.langs import file_order, parse_codes, parse_langs
from alignmem.model import AlignedDocument
from alignmem.pipeline import align_set, find_corpus, read_and_segment


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a share between 0 and 1, not {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a share between 0 and 1, not {text!r}")
    return value


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of flags, not {text!r}")
    return int(text)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="two or three versions of one document, or TMX files")
    parser.add_argument("--corpus", metavar="DIR", help="check every document in DIR/en|ru|zh")
    parser.add_argument("--langs", help="languages of FILE..., e.g. en,ru,zh (detected when omitted)")
    parser.add_argument("--encoding", help="encoding of the input files (detected when omitted)")
    parser.add_argument("--presegmented", action="store_true", help="inputs hold one sentence per line")
    add_align_arguments(parser)
    parser.add_argument("--tmx-codes", metavar="MAP", help="language codes used in the TMX, e.g. zh=zh-TW")
    parser.add_argument("--json", action="store_true", help="print every figure and flag as JSON")
    parser.add_argument("--html", metavar="OUT", help="write the HTML review report to OUT")
    parser.add_argument("--min-coverage", type=_share, metavar="X",
                        help="exit 1 when a pair or language has less than this share aligned")
    parser.add_argument("--max-flags", type=_count, metavar="N", help="exit 1 when there are more than N flags")
    parser.add_argument("--min-score", type=_share, metavar="X", help="flag groups scored under X (default 0.4)")
    parser.add_argument("--no-embeddings", action="store_true",
                        help="do not compare sentences inside groups with the sentence encoder (faster)")
    parser.add_argument("--rules", metavar="CODES", help="run only these QA rules, comma-separated")
    parser.add_argument("--limit", type=_count, default=50, metavar="N", help="flags listed in the table")


def _config(args: argparse.Namespace) -> CheckConfig:
    kwargs: dict = {"embeddings": not args.no_embeddings, "encoder": args.encoder}
    if args.min_score is not None:
        kwargs["min_score"] = args.min_score
    if args.rules:
        kwargs["rules"] = tuple(code.strip() for code in args.rules.split(",") if code.strip())
    return CheckConfig(**kwargs)


def _aligned_files(args: argparse.Namespace) -> list[AlignedDocument]:
    if len(args.files) not in (2, 3):
        raise InputError("check needs two or three versions of a document, TMX files, or --corpus DIR")
    langs = list(parse_langs(args.langs)) if args.langs else None
    settings = settings_from(args)
    docs = read_and_segment(args.files, langs, settings)
    return [align_set(docs, settings, docs[0].name)]


def _aligned_corpus(args: argparse.Namespace) -> list[AlignedDocument]:
    found = {stem: files for stem, files in find_corpus(args.corpus).items() if len(files) >= 2}
    if not found:
        raise InputError("no document found in at least two languages (expected en/, ru/, zh/ inside)",
                         args.corpus)
    settings = settings_from(args)
    aligned = []
    for stem in sorted(found):
        order = file_order(found[stem])
        docs = read_and_segment([found[stem][lang] for lang in order], list(order), settings)
        aligned.append(align_set(docs, settings, stem))
    return aligned


def run(args: argparse.Namespace) -> int:
    config = _config(args)
    select(config)  # an unknown rule is bad input before any work is done
    if args.corpus and args.files:
        raise InputError("give either FILE... or --corpus DIR, not both")
    tmx_files = [f for f in args.files if f.lower().endswith(".tmx")]
    if tmx_files and len(tmx_files) != len(args.files):
        raise InputError("give either TMX files or the versions of a document, not both")
    if tmx_files:
        if args.min_coverage is not None:
            raise InputError("--min-coverage needs the source documents (a TMX alone cannot tell which "
                             "sentences were left out); check FILE... or --corpus DIR, or use --max-flags")
        result = check.check_tmx(tmx_files, config, codes=parse_codes(args.tmx_codes) or None)
    elif args.corpus:
        result = check.check_aligned(_aligned_corpus(args), config)
    elif args.files:
        result = check.check_aligned(_aligned_files(args), config)
    else:
        raise InputError("nothing to check: give two or three files, TMX files, or --corpus DIR")
    if args.html:
        check.write_report(None, args.html, result)
    if args.json:
        data = check.to_json(result, min_coverage=args.min_coverage, max_flags=args.max_flags)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    elif not args.quiet or result.failures(args.min_coverage, args.max_flags):
        sys.stdout.write(check.format_table(result, min_coverage=args.min_coverage, max_flags=args.max_flags,
                                            limit=args.limit))
    if args.html and not args.quiet and not args.json:
        sys.stderr.write(f"report written to {args.html}\n")
    return 1 if result.failures(args.min_coverage, args.max_flags) else 0
