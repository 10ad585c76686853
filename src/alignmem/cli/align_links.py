"""``alignmem align SRC TGT --langs L1,L2 --links OUT`` / ``--format tsv``: one bilingual alignment.

Links are written in the vecalign/Bertalign format (``[0,1]:[0]``, ``[5]:[]``), 0-based sentence
numbers of SRC and TGT; TSV gives score, link type, source text and target text, one link a line.
"""

from __future__ import annotations

import argparse
import sys

from alignmem.cli.align import align_config
from alignmem.errors import InputError


def _tsv(alignment, src, tgt) -> str:
    from alignmem.langs import get

    js, jt = get(alignment.src_lang).joiner, get(alignment.tgt_lang).joiner

    def clean(text: str) -> str:
        return " ".join(text.split())

    lines = []
    for link in alignment.links:
        s = clean(js.join(src[i] for i in link.src))
        t = clean(jt.join(tgt[j] for j in link.tgt))
        lines.append(f"{link.score:.3f}\t{link.kind}\t{s}\t{t}\n")
    return "".join(lines)


def _emit(text: str, target: str | None) -> None:
    if target is None or target == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from alignmem.atomic import write_text

    write_text(target, text)


def run(args: argparse.Namespace) -> int:
    if len(args.files) != 2:
        raise InputError(f"--links and --format align two files, got {len(args.files)}: give SRC TGT")
    if args.links and args.format == "tsv":
        raise InputError("give either --links OUT or --format tsv, not both")
    from alignmem.langs import parse_langs
    from alignmem.multi import default_pair_aligner
    from alignmem.pipeline import Settings, read_and_segment

    langs = parse_langs(args.langs) if args.langs else None
    config = align_config(args.signals, args.lexicon, args.force)
    src, tgt = read_and_segment(args.files, langs, Settings(encoding=args.encoding,
                                                            presegmented=args.presegmented))
    alignment = default_pair_aligner(src, tgt, config)
    src_text = [s.text for s in src.sentences]
    tgt_text = [s.text for s in tgt.sentences]
    from alignmem.align.linkfile import format_links

    if args.format == "tsv":
        _emit(_tsv(alignment, src_text, tgt_text), args.output)
    else:
        _emit(format_links(alignment.links), args.links or args.output)
    if not args.quiet:
        for side, first, last in alignment.unaligned:
            path = src.path if side == "src" else tgt.path
            sys.stderr.write(f"alignmem: {path}: sentences {first}-{last} have no counterpart\n")
    return 0
