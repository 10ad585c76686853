"""``alignmem glossary build TMX... -o tm/glossary.tbx [--format tbx|tbx3|csv|omegat|po|all] [--seed FILE]``:
the terms of aligned translation memories and their equivalents, for CAT tools."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alignmem.cli.progress import ProgressBar
from alignmem.errors import InputError
from alignmem.export import GLOSSARY_FORMATS, Naming, exported, write_glossary
from alignmem.export.tmx import read_tmx
from alignmem.glossary import Settings, build_glossary, read_glossary
from alignmem.glossary.sources import distinct_units
from alignmem.io.atomic import check_writable
from alignmem.langs import parse_codes, parse_langs

FORMAT_CHOICES = ("tbx", "tbx3", "csv", "omegat", "po", "all")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    build = sub.add_parser("build", help="extract a glossary from TMX files",
                           description="extract a glossary from TMX files")
    build.add_argument("tmx", nargs="+", metavar="TMX", help="aligned translation memories")
    build.add_argument("-o", "--output", default="tm/glossary.tbx", metavar="OUT",
                       help="output file (default: tm/glossary.tbx); other formats go next to it")
    build.add_argument("--format", choices=FORMAT_CHOICES, default="tbx", help="output format (default: tbx)")
    build.add_argument("--seed", metavar="FILE", help="user glossary (TBX or CSV) merged in; its entries win")
    build.add_argument("--langs", help="languages, pivot first (default: those of the TMX files, en first)")
    build.add_argument("--tmx-codes", metavar="MAP", help="language codes in files, e.g. zh=zh-CN")
    build.add_argument("--no-encoder", action="store_true",
                       help="do not use the sentence encoder to choose between equivalents")
    build.add_argument("--json", action="store_true", help="print the summary as JSON")
    build.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                       help="print nothing but results and errors")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) != "build":
        raise InputError("glossary needs an action: alignmem glossary build TMX... -o tm/glossary.tbx")
    codes = parse_codes(args.tmx_codes) if args.tmx_codes else None
    output = Path(args.output)
    check_writable(output)  # a bad output or seed is said before any work is done
    read: list = []
    for path in args.tmx:
        if not Path(path).is_file():
            raise InputError("translation memory not found", path)
        read += read_tmx(path, codes)
    tus, repeats = distinct_units(read)
    if args.langs:
        langs = parse_langs(args.langs)
    else:
        seen = {lang for tu in tus for lang in tu.langs}
        langs = tuple(lang for lang in ("en", "ru", "zh") if lang in seen)
    if len(langs) < 2:
        raise InputError(f"{', '.join(args.tmx)}: need translation units in at least two languages")
    seed = read_glossary(args.seed, langs) if args.seed else None
    with ProgressBar(enabled=not args.quiet and not args.json) as bar:
        glossary = build_glossary(tus, langs, seed=seed, settings=Settings(encoder=not args.no_encoder),
                                  on_progress=bar)
    formats = GLOSSARY_FORMATS if args.format == "all" else (args.format,)
    naming = Naming.from_output(output)
    paths = write_glossary(glossary, naming, formats, output=output if len(formats) == 1 else None, codes=codes)
    written = len(exported(glossary))
    if args.json:
        print(json.dumps({"entries": written, "extracted": len(glossary.entries), "langs": list(langs),
                          "units": len(tus), "repeats": repeats, "files": [str(p) for p in paths],
                          "signature": glossary.signature}, ensure_ascii=False))
    elif not args.quiet:
        po = " (PO files: all of them, the unchecked ones fuzzy)" if "po" in formats else ""
        sys.stdout.write(f"{written} entries written of {len(glossary.entries)} extracted{po}, from "
                         f"{len(tus)} translation units ({repeats} repeats of the same sentences left out)\n")
        for p in paths:
            sys.stdout.write(f"  {p}\n")
    return 0
