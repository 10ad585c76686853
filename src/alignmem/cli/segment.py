"""``alignmem segment FILE``: split a document into sentences.

``--format text`` (default) prints one sentence per line with a blank line between paragraphs;
``--format jsonl`` one JSON object per sentence: ``para``, ``index``, ``start``, ``end`` (offsets into
the decoded text, newlines normalised) and ``text``.
"""

from __future__ import annotations

import argparse
import json
import sys

from alignmem.io.atomic import write_text
from alignmem.model import Document
from alignmem.read import read_document
from alignmem.segment import segment_document


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="plain-text or HTML file")
    parser.add_argument("--lang", help="language of FILE: en, ru or zh (detected when omitted)")
    parser.add_argument("--encoding", help="encoding of FILE (detected when omitted)")
    parser.add_argument("--presegmented", action="store_true", help="FILE holds one sentence per line")
    parser.add_argument(
        "--format", choices=("text", "jsonl"), default="text", help="output format (default: text)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")


def run(args: argparse.Namespace) -> int:
    doc = segment_document(
        read_document(args.file, lang=args.lang, encoding=args.encoding, presegmented=args.presegmented)
    )
    output = render_jsonl(doc) if args.format == "jsonl" else render_text(doc)
    if args.output and args.output != "-":
        write_text(args.output, output)
        if not args.quiet:
            sys.stderr.write(
                f"{args.output}: {len(doc.sentences)} sentences in {len(doc.paragraphs)} paragraphs "
                f"({doc.lang}, {doc.encoding})\n"
            )
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
    return 0


def render_text(doc: Document) -> str:
    """One sentence a line, a blank line between paragraphs."""
    lines: list[str] = []
    previous = None
    for sentence in doc.sentences:
        if previous is not None and sentence.para != previous:
            lines.append("")
        lines.append(sentence.text)
        previous = sentence.para
    return "".join(f"{line}\n" for line in lines)


def render_jsonl(doc: Document) -> str:
    return "".join(
        json.dumps(
            {"para": s.para, "index": s.index, "start": s.start, "end": s.end, "text": s.text},
            ensure_ascii=False,
        )
        + "\n"
        for s in doc.sentences
    )
