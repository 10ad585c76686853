"""``alignmem lookup TERM [--glossary FILE] [--tm TMX...] [--json]``: a term in any language -> its
equivalents, and every translation unit that contains it (the term highlighted)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alignmem.errors import InputError
from alignmem.tm.terms import as_json, highlight, lookup

DEFAULT_GLOSSARY = Path("tm") / "glossary.tbx"
MAX_SHOWN = 50  # concordance lines in text mode (JSON has them all)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("term", metavar="TERM", help="a term in English, Russian or Chinese")
    parser.add_argument("--glossary", metavar="FILE", help=f"glossary (TBX or CSV; default: {DEFAULT_GLOSSARY})")
    parser.add_argument("--tm", metavar="TMX", nargs="+", default=[], help="translation memories to search")
    parser.add_argument("--limit", type=int, default=10, help="entries shown at most (default: 10)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def default_glossary(required: bool = True) -> str | None:
    """tm/glossary.tbx, or the only tm/<stem>.glossary.tbx that ``alignmem align`` wrote. Several of them
    are an error when the glossary is all there is to search (``required``), else none is used."""
    if DEFAULT_GLOSSARY.is_file():
        return str(DEFAULT_GLOSSARY)
    found = sorted(DEFAULT_GLOSSARY.parent.glob("*.glossary.tbx"))
    if len(found) > 1 and not required:
        return None
    if len(found) > 1:
        names = ", ".join(str(p) for p in found)
        raise InputError(f"several glossaries in {DEFAULT_GLOSSARY.parent} ({names}): choose one with --glossary")
    return str(found[0]) if found else None


def run(args: argparse.Namespace) -> int:
    if not args.term.strip():
        raise InputError("empty term: give a word or phrase to look up")
    glossary = args.glossary or default_glossary(required=not args.tm)
    if glossary is None and not args.tm:
        raise InputError(f"no glossary: {DEFAULT_GLOSSARY} does not exist; give --glossary FILE or --tm TMX")
    for path in args.tm:
        if not Path(path).is_file():
            raise InputError("translation memory not found", path)
    result = lookup(args.term, glossary=glossary, tmx=args.tm, limit=max(1, args.limit))
    if args.json:
        sys.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n")
        return 0 if result.found else 1
    out = sys.stdout
    if not result.found:
        where = " and ".join(x for x in (glossary or "", ", ".join(args.tm)) if x)
        out.write(f"Nothing found for '{args.term}' in {where}.\n")
        if result.suggestions:
            out.write("Nearest entries: " + ", ".join(result.suggestions) + "\n")
        return 1
    bold = out.isatty()
    start, end = ("\x1b[1m", "\x1b[0m") if bold else ("[[", "]]")
    for m in result.matches:
        e = m.entry
        how = "" if m.how == "exact" else f", {m.how} match"
        out.write(f"{m.term} ({m.lang}{how}) - confidence {e.confidence:.2f}, {e.frequency} groups\n")
        for lang in dict.fromkeys(t.lang for t in e.terms):
            terms = [t.text + ("" if t.kind == "fullForm" else f" ({t.kind})") for t in e.terms_of(lang)]
            out.write(f"  {lang}  {'; '.join(terms)}\n")
    if result.concordance:
        out.write(f"{len(result.concordance)} translation units contain it:\n")
        for hit in result.concordance[:MAX_SHOWN]:
            out.write(f"  [{hit.tuid}]\n")
            for lang, text, spans in hit.segs:
                out.write(f"    {lang}  {highlight(text, spans, start, end)}\n")
        if len(result.concordance) > MAX_SHOWN:
            out.write(f"  ... and {len(result.concordance) - MAX_SHOWN} more (use --json for all)\n")
    return 0
