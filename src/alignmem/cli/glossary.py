"""``alignmem glossary build TMX... -o tm/glossary.tbx [--format tbx|tbx3|csv|omegat|po|all] [--seed FILE]``:
the terms of aligned translation memories and their equivalents, for CAT tools."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alignmem.cli.progress import ProgressBar
from alignmem.errors import InputError
from alignmem.export import GLOSSARY_FORMATS, Naming, write_glossary
from alignmem.export.tmx import read_tmx
from alignmem.glossary import Settings, build_glossary
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
    tus = []
    for path in args.tmx:
        if not Path(path).is_file():
            raise InputError("translation memory not found", path)
        tus += read_tmx(path, codes)
    if args.langs:
        langs = parse_langs(args.langs)
    else:
        seen = {lang for tu in tus for lang in tu.langs}
        langs = tuple(lang for lang in ("en", "ru", "zh") if lang in seen)
    if len(langs) < 2:
        raise InputError(f"{', '.join(args.tmx)}: need translation units in at least two languages")
    with ProgressBar(enabled=not args.quiet and not args.json) as bar:
        glossary = build_glossary(tus, langs, seed=args.seed, settings=Settings(encoder=not args.no_encoder),
                                  on_progress=bar)
    formats = GLOSSARY_FORMATS if args.format == "all" else (args.format,)
    output = Path(args.output)
    naming = Naming.from_output(output)
    paths = write_glossary(glossary, naming, formats, output=output if len(formats) == 1 else None, codes=codes)
    if args.json:
        print(json.dumps({"entries": len(glossary.entries), "langs": list(langs), "files": [str(p) for p in paths],
                          "signature": glossary.signature}, ensure_ascii=False))
    elif not args.quiet:
        sys.stdout.write(f"{len(glossary.entries)} entries from {len(tus)} translation units\n")
        for p in paths:
            sys.stdout.write(f"  {p}\n")
    return 0
