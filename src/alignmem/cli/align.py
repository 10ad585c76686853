"""``alignmem align``: one command, three modes.

- ``align SRC TGT --langs L1,L2 --links OUT`` or ``--format tsv``: a bilingual alignment as links
  (vecalign/Bertalign format) or readable TSV pairs (:mod:`alignmem.cli.align_links`).
- ``align EN RU ZH [-o tm/NAME.tmx]`` (two or three files): groups exported as TMX
  (:mod:`alignmem.cli.align_tmx`).
- ``align --corpus corpora --out tm``: every document stem found in at least two languages
  (:mod:`alignmem.cli.align_tmx`).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from alignmem.errors import InputError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="two or three versions of one document")
    parser.add_argument("--langs", help="languages of FILE..., e.g. en,ru,zh (detected when omitted)")
    parser.add_argument("--encoding", help="encoding of the input files (detected when omitted)")
    parser.add_argument("--presegmented", action="store_true", help="inputs hold one sentence per line")
    parser.add_argument("--links", metavar="OUT", help="write bilingual links to OUT ('-' for stdout)")
    parser.add_argument("--format", choices=("links", "tsv"), help="bilingual output format")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (TMX, links or TSV)")
    parser.add_argument("--corpus", metavar="DIR", help="align every document in DIR/en|ru|zh")
    parser.add_argument("--out", metavar="DIR", default="tm", help="output folder for --corpus (default: tm)")
    parser.add_argument(
        "--signals",
        default=None,
        help="similarity signals to use, comma-separated (default: embedding,length,anchors)",
    )
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
        from alignmem.cli import align_tmx

        return align_tmx.run_corpus(args)
    if args.links or args.format:
        from alignmem.cli import align_links

        return align_links.run(args)
    if len(args.files) not in (2, 3):
        raise InputError("align needs two or three files (or --corpus DIR)")
    from alignmem.cli import align_tmx

    return align_tmx.run_files(args)


def align_config(signals: str | None, lexicons: Sequence[str] = (), force: bool = False):
    """The aligner settings of --signals, --lexicon and --force, for every command that aligns.
    A dictionary turns the lexicon signal on; the lexicon signal without a dictionary is an error."""
    from alignmem.align import AlignConfig, parse_signals

    names = parse_signals(signals)
    if lexicons and "lexicon" not in names:
        names = names + ("lexicon",)
    if "lexicon" in names and not lexicons:
        raise InputError("the lexicon signal needs a dictionary: give --lexicon FILE")
    return AlignConfig(signals=names, force=force, lexicons=tuple(lexicons))
