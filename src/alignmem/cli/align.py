"""``alignmem align``: one command, three modes, one composition (:func:`alignmem.join.align_documents`).

- ``align EN RU ZH [-o tm/NAME.tmx]`` (two or three files): groups exported as TMX, glossary and report;
- ``align --corpus corpora --out tm``: every document stem found in at least two languages;
- ``align SRC TGT --links OUT`` or ``--format tsv``: a pair's links (vecalign/Bertalign format) or
  readable TSV; with three files, ``--links DIR`` writes one file per pair. A pair's links are exactly
  the groups its TMX file holds.

Thin: arguments -> :mod:`alignmem.pipeline` -> a summary table on stdout (or ``--json``). Progress goes
to stderr on a terminal only; failures of single documents in corpus mode are listed on stderr and make
the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TextIO

from alignmem import langs as langreg
from alignmem import pipeline
from alignmem.cli.options import add_align_arguments, settings_from
from alignmem.cli.progress import ProgressBar
from alignmem.errors import InputError
from alignmem.export import Naming
from alignmem.export.links import TSV, Links
from alignmem.io.atomic import write_files, write_text
from alignmem.pipeline import cluster
from alignmem.read import SIDES


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="two or three versions of one document (text, HTML, Word, OpenDocument, PDF, "
                             "XLIFF, PO, TMX, CSV)")
    parser.add_argument("--langs", help="languages of FILE..., e.g. en,ru,zh or en,ru,zh-TW (detected when "
                                        "omitted; given, they override the language check)")
    parser.add_argument("--encoding", help="encoding of the input files (detected when omitted)")
    parser.add_argument("--presegmented", action="store_true", help="inputs hold one sentence per line")
    parser.add_argument("--links", metavar="OUT",
                        help="write bilingual links to OUT ('-' for stdout); with three files OUT is a folder")
    parser.add_argument("--format", choices=("tmx", "xliff", "xliff12", "links", "tsv"),
                        help="tmx (default): TMX memories; xliff: one bilingual XLIFF 2.0 file per language pair, "
                             "flagged units marked for review (xliff12: XLIFF 1.2 for older tools); links, tsv: "
                             "a pair's links")
    parser.add_argument("--side", choices=SIDES,
                        help="side of bilingual inputs (XLIFF, PO, TMX, CSV) to read (default: the side in each "
                             "file's language, else the source)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (TMX, links or TSV)")
    parser.add_argument("--corpus", metavar="DIR", help="align every document in DIR/en|ru|zh")
    parser.add_argument("--out", metavar="DIR", default="tm",
                        help="output folder or URL for --corpus (default: tm)")
    parser.add_argument("--workers", metavar="N", type=_count, default=None,
                        help="with --corpus: worker processes (default: the number of cores; 0: in this "
                        "process); with --scheduler local: the LocalCluster's workers")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --corpus: run on a Dask cluster, 'local' (a LocalCluster) or "
                        "tcp://HOST:8786 (needs alignmem[dask])")
    add_align_arguments(parser)
    parser.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                        help="bilingual dictionary (hunalign 'word @ word' or two-column TSV); repeatable")
    parser.add_argument("--force", action="store_true", help="align even texts that look like no translation")
    parser.add_argument("--tmx-codes", metavar="MAP", help="language codes in TMX, e.g. en=en-GB,zh=zh-CN")
    parser.add_argument("--srclang", help="TMX source language (default: the first language)")
    parser.add_argument("--no-glossary", action="store_true", help="do not write the glossary of what was aligned")
    parser.add_argument("--no-report", action="store_true", help="do not write the HTML review report")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of workers (0 or more), not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    if (args.workers is not None or args.scheduler) and not args.corpus:
        raise InputError("--workers and --scheduler go with --corpus DIR")
    if args.corpus:
        if args.files:
            raise InputError("give either FILE... or --corpus DIR, not both")
        return run_corpus(args)
    if args.links and args.format not in (None, "links", "tsv"):
        raise InputError(f"give either --links OUT or --format {args.format}, not both")
    if args.links or args.format in ("links", "tsv"):
        return run_links(args)
    if len(args.files) not in (2, 3):
        raise InputError("align needs two or three files (or --corpus DIR)")
    return run_files(args)


def _langs(args: argparse.Namespace) -> tuple[str, ...] | None:
    """The codes of --langs as given (validated; ``zh-TW``, ``en-GB`` keep their variant for the files)."""
    if not args.langs:
        return None
    langreg.parse_langs(args.langs)
    langs = tuple(part.strip() for part in args.langs.split(",") if part.strip())
    if len(langs) != len(args.files):
        raise InputError(f"{len(args.files)} files but {len(langs)} languages in --langs {args.langs}; "
                         "give one language per file")
    return langs


# ------------------------------------------------------------------------------------------- links
def run_links(args: argparse.Namespace) -> int:
    if len(args.files) not in (2, 3):
        raise InputError(f"--links and --format align two or three files, got {len(args.files)}")
    if args.links and args.format == "tsv":
        raise InputError("give either --links OUT or --format tsv, not both")
    settings = settings_from(args)
    langs = _langs(args)
    docs = pipeline.read_and_segment(args.files, langs, settings, verify_langs=langs is None)
    aligned = pipeline.align_set(docs, settings, docs[0].name)
    fmt = TSV() if args.format == "tsv" else Links()
    target = args.links or args.output
    if len(docs) == 2:
        built = fmt.files(aligned, Naming(Path("."), aligned.stem))[0]
        if target is None or target == "-":
            sys.stdout.write(built.data.decode("utf-8"))
            sys.stdout.flush()
        else:
            write_text(target, built.data.decode("utf-8"))
    else:
        if target is None or target == "-":
            raise InputError("with three files, give a folder for the links: --links DIR (one file per pair)")
        built_files = fmt.files(aligned, Naming(Path(target), aligned.stem))
        write_files([(b.path, b.data) for b in built_files])
        if not args.quiet:
            sys.stderr.write("wrote " + ", ".join(str(b.path) for b in built_files) + "\n")
    if not args.quiet:
        for alignment in aligned.alignments:
            paths = {d.lang: d.path for d in docs}
            for side, first, last in alignment.unaligned:
                lang = alignment.src_lang if side == "src" else alignment.tgt_lang
                sys.stderr.write(f"alignmem: {paths[lang]}: sentences {first}-{last} have no counterpart"
                                 + (f" in {alignment.tgt_lang if side == 'src' else alignment.src_lang}"
                                    if len(docs) > 2 else "") + "\n")
    return 0


# --------------------------------------------------------------------------------------------- TMX
def run_files(args: argparse.Namespace) -> int:
    result = pipeline.align_files(args.files, _langs(args), args.output, settings_from(args))
    report(pipeline.CorpusResult((result,), (), ()), args)
    return 0


def corpus_map(args: argparse.Namespace) -> pipeline.corpus.Map:
    """Where the documents are aligned: a Dask cluster, local worker processes, or this process."""
    if args.scheduler:
        cluster.distributed()  # says which extra to install before anything starts
        return cluster.dask_map(args.scheduler, args.workers or None)
    workers = pipeline.default_workers() if args.workers is None else args.workers
    return pipeline.serial_map if workers == 0 else pipeline.pool_map(workers)


def run_corpus(args: argparse.Namespace) -> int:
    if args.output:
        raise InputError("with --corpus DIR, give the output folder with --out DIR (not -o)")
    settings = settings_from(args)
    with (tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8") as spool,
          ProgressBar(enabled=not args.quiet and not args.json, unit="documents") as bar):
        summary = Summary(spool)
        for item in pipeline.run_corpus(args.corpus, args.out, settings, on_progress=bar, map=corpus_map(args)):
            summary.add(item)
        bar.close()
        summary.report(args)
    for failure in summary.failures:
        sys.stderr.write(f"alignmem: {failure.message}\n")
    if summary.skipped and not args.quiet:
        sys.stderr.write(f"alignmem: {summary.skipped} of {summary.count} documents were finished by an earlier "
                         f"run with the same inputs and settings (skipped)\n")
    if summary.failures:
        names = ", ".join(f.stem for f in summary.failures)
        total = len(summary.failures) + summary.count
        sys.stderr.write(f"alignmem: {len(summary.failures)} of {total} documents failed: {names}\n")
        return 1
    return 0


# ------------------------------------------------------------------------------------------ output
def document_json(r: pipeline.DocumentResult) -> dict:
    return {
        "stem": r.stem,
        "langs": list(r.langs),
        "sentences": dict(r.sentences),
        "aligned": dict(r.aligned),
        "aligned_share": round(r.aligned_share, 4),
        "pairs": {p.pair: {"aligned_share": round(p.share, 4), "sentences": list(p.sentences),
                           "aligned": list(p.aligned),
                           "aligned_char_share_of_shorter": round(p.shorter_char_share, 4)}
                  for p in r.pairs},
        "groups": r.groups,
        "tus": r.tus,
        "files": [{"path": f.path, "langs": list(f.langs), "tus": f.tus} for f in r.outputs],
        "extras": list(r.extras),
        "warnings": list(r.warnings),
        "seconds": r.seconds,
    }


def as_json(result: pipeline.CorpusResult) -> dict:
    return {
        "documents": [document_json(r) for r in result.results],
        "waiting": [{"stem": stem, "langs": list(langs)} for stem, langs in result.waiting],
        "failed": [{"stem": f.stem, "error": f.message} for f in result.failures],
    }


def write_json(stream: TextIO, documents: Iterable[dict], rest: dict) -> None:
    """``json.dumps({"documents": [...], **rest}, ensure_ascii=False, indent=2)``, byte for byte, with the
    documents streamed (a corpus's summaries need not fit in memory)."""
    stream.write('{\n  "documents": ')
    first = True
    for doc in documents:
        stream.write("[\n    " if first else ",\n    ")
        stream.write(json.dumps(doc, ensure_ascii=False, indent=2).replace("\n", "\n    "))
        first = False
    stream.write("[]" if first else "\n  ]")
    for key, value in rest.items():
        text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        stream.write(f",\n  {json.dumps(key, ensure_ascii=False)}: {text}")
    stream.write("\n}\n")


@dataclass(frozen=True)
class Row:
    """What a document adds to the summary table."""

    stem: str
    sentences: tuple[tuple[str, int], ...]
    tus: int
    pairs: tuple[tuple[str, int, int], ...]  # (pair, sentences with a counterpart in it, sentences of it)

    @classmethod
    def of(cls, r: pipeline.DocumentResult) -> Row:
        return cls.of_json(document_json(r))

    @classmethod
    def of_json(cls, doc: dict) -> Row:
        """From :func:`document_json`; pairs named in file order (zh-en is en-zh)."""
        return cls(doc["stem"], tuple(doc["sentences"].items()), doc["tus"],
                   tuple(("-".join(langreg.file_order(name.split("-"))), sum(p["aligned"]), sum(p["sentences"]))
                         for name, p in doc["pairs"].items()))


def table(rows: Iterable[Row], langs: Sequence[str], width: int) -> Iterator[str]:
    """The closing summary: one row per document (sentences per language, TUs of the main file, the share of
    each language pair's sentences that found a counterpart in the pair's memory), then the totals
    (``width``: of the longest stem)."""
    width = max(len("document"), len("total") + 5, width)
    pairs = ["-".join(pair) for pair in ((a, b) for i, a in enumerate(langs) for b in langs[i + 1:])]
    head = (f"{'document':<{width}}" + "".join(f"{lang:>7}" for lang in langs) + f"{'TUs':>7}"
            + "".join(f"{name:>8}" for name in pairs))
    yield head
    yield "-" * len(head)
    totals = dict.fromkeys(langs, 0)
    pair_totals = {name: [0, 0] for name in pairs}
    count = tus = 0
    for row in rows:
        counts = dict(row.sentences)
        shares = {name: (done, all_) for name, done, all_ in row.pairs}
        cells = "".join(f"{counts[lang]:>7}" if lang in counts else f"{'-':>7}" for lang in langs)
        pair_cells = "".join(f"{shares[name][0] / max(shares[name][1], 1):>8.1%}" if name in shares else f"{'-':>8}"
                             for name in pairs)
        yield f"{row.stem:<{width}}{cells}{row.tus:>7}{pair_cells}"
        for lang, n in row.sentences:
            totals[lang] += n
        for name, done, all_ in row.pairs:
            pair_totals[name][0] += done
            pair_totals[name][1] += all_
        count += 1
        tus += row.tus
    if count > 1:
        yield "-" * len(head)
        label = f"total ({count})"
        yield (f"{label:<{width}}" + "".join(f"{totals[lang]:>7}" for lang in langs) + f"{tus:>7}"
               + "".join(f"{(done / all_ if all_ else 0.0):>8.1%}" for done, all_ in pair_totals.values()))
    yield "(per pair: the share of its sentences that found a counterpart in the pair's memory)"


def wrote(doc: dict) -> Iterator[str]:
    yield "wrote " + ", ".join(f"{f['path']} ({f['tus']} TUs)" for f in doc["files"])
    if doc["extras"]:
        yield "  and " + ", ".join(doc["extras"])


class Summary:
    """A corpus run's summary, gathered as documents come: each document's summary goes to a spooled
    temporary file (in memory while small, on disk beyond), so the driver's memory stays flat however
    many documents there are; waiting and failed stems are kept (few, and small)."""

    def __init__(self, spool: IO[str]) -> None:
        self.spool = spool  # e.g. tempfile.SpooledTemporaryFile(mode="w+")
        self.langs: set[str] = set()
        self.width = 0
        self.count = 0
        self.skipped = 0
        self.failures: list[pipeline.Failure] = []
        self.waiting: list[tuple[str, tuple[str, ...]]] = []

    def add(self, item: pipeline.corpus.Outcome | pipeline.Waiting) -> None:
        if isinstance(item, pipeline.Failure):
            self.failures.append(item)
        elif isinstance(item, pipeline.Waiting):
            self.waiting.append((item.stem, item.langs))
        else:
            if isinstance(item, pipeline.Skipped):
                self.skipped += 1
                item = item.result
            self.spool.write(json.dumps(document_json(item), ensure_ascii=False) + "\n")
            self.langs.update(item.langs)
            self.width = max(self.width, len(item.stem))
            self.count += 1

    def documents(self) -> Iterator[dict]:
        self.spool.seek(0)
        for line in self.spool:
            yield json.loads(line)

    def rows(self) -> Iterator[Row]:
        for doc in self.documents():
            yield Row.of_json(doc)

    def report(self, args: argparse.Namespace) -> None:
        """The same summary as :func:`report` prints for a :class:`pipeline.CorpusResult`."""
        waiting = [{"stem": stem, "langs": list(langs)} for stem, langs in self.waiting]
        failed = [{"stem": f.stem, "error": f.message} for f in self.failures]
        if args.json:
            write_json(sys.stdout, self.documents(), {"waiting": waiting, "failed": failed})
            return
        if args.quiet:  # the files are the result; failures still go to stderr (run_corpus)
            return
        for doc in self.documents():
            for warning in doc["warnings"]:
                sys.stderr.write(f"alignmem: warning: {warning}\n")
        if self.count:
            for line in table(self.rows(), langreg.file_order(self.langs), self.width):
                sys.stdout.write(line + "\n")
            for doc in self.documents():
                for line in wrote(doc):
                    sys.stdout.write(line + "\n")
        elif not self.failures:
            sys.stdout.write("nothing to align: no document has two language versions yet\n")
        for stem, langs in self.waiting:
            sys.stdout.write(f"waiting for translations: {stem} (only {', '.join(langs)})\n")


def report(result: pipeline.CorpusResult, args: argparse.Namespace) -> None:
    if args.json:
        sys.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n")
        return
    if args.quiet:  # the files are the result
        return
    for r in result.results:
        for warning in r.warnings:
            sys.stderr.write(f"alignmem: warning: {warning}\n")
    out = []
    if result.results:
        width = max(len(r.stem) for r in result.results)
        langs = langreg.file_order({lang for r in result.results for lang in r.langs})
        out.extend(table((Row.of(r) for r in result.results), langs, width))
        for r in result.results:
            out.extend(wrote(document_json(r)))
    elif not result.failures:
        out.append("nothing to align: no document has two language versions yet")
    for stem, langs in result.waiting:
        out.append(f"waiting for translations: {stem} (only {', '.join(langs)})")
    if out:
        sys.stdout.write("\n".join(out) + "\n")
