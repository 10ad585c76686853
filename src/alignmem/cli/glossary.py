"""Placeholder: this subcommand is being built (see the open issues)."""

import argparse

from alignmem.errors import AlignmemError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs="*")


def run(args: argparse.Namespace) -> int:
    raise AlignmemError(f"'{args.command}' is not available yet")
