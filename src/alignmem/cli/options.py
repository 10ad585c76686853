"""Arguments that several commands share, read in one place: the aligner's settings (--signals,
--lexicon, --force, --encoder) and the run's settings."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from alignmem import langs as langreg
from alignmem.align import AlignConfig
from alignmem.errors import InputError
from alignmem.pipeline import Settings
from alignmem.score.encoders import DEFAULT_ENCODER, ENCODERS, encoder_class
from alignmem.score.registry import parse_signals

MEMORY_FORMATS = ("tmx", "xliff", "xliff12")  # --format values that choose the memory's files


def add_align_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--signals", default=None,
                        help="similarity signals to use, comma-separated (default: embedding,length,anchors)")
    parser.add_argument("--encoder", default=DEFAULT_ENCODER,
                        help=f"sentence encoder of the embedding signal ({', '.join(sorted(ENCODERS))}; "
                             f"default: {DEFAULT_ENCODER})")


def align_config(signals: str | None, lexicons: Sequence[str] = (), force: bool = False,
                 encoder: str = DEFAULT_ENCODER) -> AlignConfig:
    """The aligner settings of --signals, --lexicon, --force and --encoder, for every command that aligns.
    A dictionary turns the lexicon signal on; the lexicon signal without a dictionary is an error."""
    names = parse_signals(signals)
    if lexicons and "lexicon" not in names:
        names = names + ("lexicon",)
    if "lexicon" in names and not lexicons:
        raise InputError("the lexicon signal needs a dictionary: give --lexicon FILE")
    encoder_class(encoder)
    return AlignConfig(signals=names, force=force, lexicons=tuple(lexicons), encoder=encoder)


def settings_from(args: argparse.Namespace) -> Settings:
    """The run's settings from the arguments of ``align`` (and the subset ``check`` has)."""
    return Settings(
        align=align_config(args.signals, getattr(args, "lexicon", None) or (), bool(getattr(args, "force", False)),
                           getattr(args, "encoder", DEFAULT_ENCODER)),
        codes=langreg.parse_codes(getattr(args, "tmx_codes", None)),
        srclang=langreg.get(args.srclang).code if getattr(args, "srclang", None) else None,
        encoding=args.encoding,
        presegmented=bool(args.presegmented),
        glossary=not getattr(args, "no_glossary", False),
        report=not getattr(args, "no_report", False),
        side=getattr(args, "side", None),
        memory=getattr(args, "format", None) if getattr(args, "format", None) in MEMORY_FORMATS else "tmx",
    )
