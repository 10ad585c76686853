"""``alignmem tm SUBCOMMAND``: translation memories as a whole.

- ``tm merge OUT_DIR --pair en-ru -o corpus.en-ru.tmx``: one TMX of a language pair from the documents a
  corpus run finished in OUT_DIR (a folder or fsspec URL), streamed in constant memory.

Sub-commands are a table, :data:`SUBCOMMANDS` (name -> configure, run, help), each pair of functions
like a command module's ``configure(parser)`` and ``run(args) -> int``: more are added as rows.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from alignmem import langs as langreg
from alignmem.errors import InputError, LanguageError
from alignmem.io.store import open_store
from alignmem.pipeline.resume import finished_outputs
from alignmem.tm.merge import merge_tmx


def parse_pair(spec: str) -> tuple[str, ...]:
    """``en-ru``, ``ru-zh``, ``en-zh-CN`` (TMX codes too) -> the two languages in file order."""
    for at in [i for i, char in enumerate(spec) if char == "-"]:
        try:
            a, b = langreg.get(spec[:at]).code, langreg.get(spec[at + 1:]).code
        except LanguageError:
            continue
        if a != b:
            return langreg.file_order((a, b))
    raise InputError(f"--pair {spec!r}: expected two languages, e.g. en-ru, en-zh or ru-zh")


def configure_merge(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", metavar="OUT_DIR", help="the --out folder (or URL) of 'alignmem align --corpus'")
    parser.add_argument("--pair", required=True, help="the language pair, e.g. en-ru (en,ru,zh: all three)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the TMX file to write")


def run_merge(args: argparse.Namespace) -> int:
    langs = langreg.parse_langs(args.pair) if "," in args.pair else parse_pair(args.pair)
    store = open_store(args.out_dir)
    if not store.is_dir(store.location):
        raise InputError("output folder of a corpus run not found", store.location)
    result = merge_tmx(finished_outputs(store, langreg.file_order(langs)), args.output, tuple(langreg.file_order(langs)),
                       store.open)
    if not args.quiet:
        sys.stdout.write(f"wrote {result.path} ({result.tus} TUs from {result.files} documents)\n")
    return 0


# name -> (configure, run, one-line help)
SUBCOMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int], str]] = {
    "merge": (configure_merge, run_merge, "one TMX of a language pair from a corpus run's documents"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="tm_command", metavar="SUBCOMMAND", required=True)
    for name, (configure_sub, run_sub, help_text) in SUBCOMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                         help="print nothing but results and errors")
        configure_sub(cmd)
        cmd.set_defaults(_tm_run=run_sub)


def run(args: argparse.Namespace) -> int:
    return args._tm_run(args)
