"""``alignmem segment FILE``: split a document into sentences.

``--format text`` (default) prints one sentence per line with a blank line between paragraphs;
``--format jsonl`` one JSON object per sentence: ``para``, ``index``, ``start``, ``end`` (offsets into
the decoded text, newlines normalised) and ``text``.
"""

from __future__ import annotations

import argparse
import json
import sys

from alignmem.errors import InputError
from alignmem.io.atomic import write_text
from alignmem.model import Document
from alignmem.read import MAX_FILE_BYTES, SIDES, document_from_bytes, read_document
from alignmem.segment import segment_document

STDIN = "-"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE",
                        help="text, HTML, Word, OpenDocument, PDF, XLIFF, PO, TMX or CSV file ('-': standard input)")
    parser.add_argument("--lang", help="language of FILE: en, ru or zh, or a variant such as zh-TW (detected "
                                       "when omitted; given, it overrides the language check)")
    parser.add_argument("--encoding", help="encoding of FILE (detected when omitted)")
    parser.add_argument("--presegmented", action="store_true", help="FILE holds one sentence per line")
    parser.add_argument("--side", choices=SIDES,
                        help="side of a bilingual file (XLIFF, PO, TMX, CSV) to read (default: the side in "
                             "--lang, else the source)")
    parser.add_argument(
        "--format", choices=("text", "jsonl"), default="text", help="output format (default: text)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")


def run(args: argparse.Namespace) -> int:
    options = {"side": args.side, "verify_lang": args.lang is None}
    if args.file == STDIN:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise InputError(f"standard input is over the {MAX_FILE_BYTES >> 20} MB limit; split the text")
        document = document_from_bytes(data, "<stdin>", args.lang, args.encoding, args.presegmented, **options)
    else:
        document = read_document(args.file, args.lang, args.encoding, args.presegmented, **options)
    doc = segment_document(document)
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
