"""Command-line interface. Subcommands are thin: parse arguments, call the library, print.

Each subcommand lives in its own module of this package with two functions:
``configure(parser)`` adds its arguments and ``run(args) -> int`` does the work. Heavy parts (the
sentence encoder's model, jieba, pymorphy3) load only when a command first uses them.

Errors are turned into one line on stderr and an exit status here, and only here:
- :class:`alignmem.errors.AlignmemError` -> ``alignmem: <message>``, its ``exit_code`` (2 for bad input);
- KeyboardInterrupt -> ``alignmem: interrupted``, 130; SIGTERM -> ``alignmem: terminated``, 143 (raised as an
  exception, so that writes in progress roll back and their temporary files go);
- a full disk or a closed pipe on stdout -> one line (or nothing for a pipe closed by its reader).
"""

from __future__ import annotations

import argparse
import errno
import signal
import sys
from types import ModuleType

from alignmem import __version__
from alignmem.cli import align, check, evaluate, glossary, lookup, segment, tm
from alignmem.errors import AlignmemError

# name -> (module, one-line help). Order is the order shown in --help.
COMMANDS: dict[str, tuple[ModuleType, str]] = {
    "segment": (segment, "split a text into sentences"),
    "align": (align, "align two or three versions of a document (links, TSV or TMX)"),
    "eval": (evaluate, "score link files against gold links"),
    "check": (check, "validate alignment coverage and flag doubtful TUs"),
    "glossary": (glossary, "extract a terminology glossary from aligned text"),
    "lookup": (lookup, "look a term up in a glossary and translation memories"),
    "tm": (tm, "translation memories as a whole (merge a corpus run's files into one TMX)"),
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line with exit status 2 (no usage dump)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="alignmem",
        description="Sentence-aligned translation memories and glossaries from English, Russian and "
        "Chinese versions of a document.",
    )
    parser.add_argument("--version", action="version", version=f"alignmem {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("-q", "--quiet", action="store_true", help="print nothing but results and errors")
        module.configure(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


class Terminated(BaseException):
    """SIGTERM, raised where the program stands so that cleanup runs as for Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 2
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        status = int(args._run(args) or 0)
        sys.stdout.flush()  # a full disk shows here, not in an ignored exception at exit
        return status
    except AlignmemError as exc:
        sys.stderr.write(f"alignmem: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("alignmem: interrupted\n")
        return 130
    except Terminated:
        sys.stderr.write("alignmem: terminated\n")
        return 143
    except BrokenPipeError:
        return 0
    except OSError as exc:  # stdout on a full disk, or another failing standard stream
        if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            raise
        sys.stderr.write(f"alignmem: cannot write the output: {exc.strerror or exc}\n")
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)
