"""Sentence segmentation benchmark: alignmem against pysbd, syntok and blingfire on UN paragraphs.

Builds the UN end-to-end set with the evaluation tools (make_unbench.py) into a temporary folder,
derives the gold sentence boundaries of every paragraph from the gold sentence tuples, and reports per
language boundary precision / recall / F1, the share of paragraphs split exactly right and the speed
(gold sentences segmented per second), as a Markdown table.

    python benchmarks/segmentation.py                    # devset, 40 documents of 60 sentences
    python benchmarks/segmentation.py --docs 67          # the whole devset (4,000 tuples)
    python benchmarks/segmentation.py --semicolon        # also measure alignmem splitting at ";"/"；"
    python benchmarks/segmentation.py --errors 20        # print alignmem's first errors per language
    python benchmarks/segmentation.py --show corpora/en/*.txt --lang en   # print sentences, one a line

A second table scores the same tools on MAC-Dev (literary zh/en, one gold sentence a line), far from
the UN style (it served to find the spaced-ellipsis and reporting-clause classes): lines are joined into paragraphs of up to four sentences the way
make_unbench.py does (a line that does not end like a sentence closes its paragraph).

The evaluation data is found at ``<repo>/../shared/eval`` or ``$ALIGNMEM_EVAL``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from evaldata import make_unbench, require

from alignmem.segment import split_paragraph
from alignmem.segment.registry import table
from alignmem.segment.splitter import split_spans

LANGS = ("en", "ru", "zh")
JOINER = {"en": " ", "ru": " ", "zh": ""}  # how make_unbench.py joins the sentences of a paragraph

Spans = list[tuple[int, int]]
# A tool: (run, to_spans). Only ``run`` is timed; ``to_spans`` turns its output into offsets.
Segmenter = tuple[Callable[[str], object], Callable[[str, object], Spans]]


def _same(text: str, output: object) -> Spans:
    return output  # type: ignore[return-value]


def eval_dir() -> Path:
    return require("segmentation benchmark")


def build_set(out: Path, split: str, docs: int, sents: int, seed: int) -> Path:
    eval_dir()  # exits with one line when the evaluation data is missing
    return make_unbench(out, docs=docs, sents=sents, seed=seed, split=split) / "e2e"


def gold_paragraphs(e2e: Path, lang: str) -> list[tuple[str, frozenset[int], int]]:
    """(paragraph, gold inner boundaries, number of sentences) for every paragraph of every document.

    make_unbench.py writes each paragraph as its sentences joined by JOINER[lang] and separates
    paragraphs with a blank line; walking the gold sentences in order through the paragraphs recovers
    where each sentence ends."""
    result = []
    for gold_file in sorted(e2e.glob("*.gold.jsonl")):
        stem = gold_file.name.split(".")[0]
        gold = [json.loads(line)[lang] for line in gold_file.read_text(encoding="utf-8").splitlines()]
        queue = [s for s in gold if s is not None]
        text = (e2e / f"{stem}.{lang}.txt").read_text(encoding="utf-8")
        k = 0
        for para in text.rstrip("\n").split("\n\n"):
            pos, ends = 0, []
            while pos < len(para):
                sentence = queue[k]
                if not para.startswith(sentence, pos):
                    raise SystemExit(f"{stem}.{lang}: gold sentence {k} not found at {pos} of a paragraph")
                k += 1
                pos += len(sentence)
                ends.append(pos)
                pos += len(JOINER[lang])
            result.append((para, frozenset(ends[:-1]), len(ends)))
        if k != len(queue):
            raise SystemExit(f"{stem}.{lang}: {len(queue) - k} gold sentences left over")
    return result


FINAL = tuple(".!?。！？…")
CLOSERS = "\"'”’»)）」』》】]"


def mac_paragraphs(lang: str, size: int = 4) -> list[tuple[str, frozenset[int], int]]:
    """MAC-Dev sentences (one a line) joined into paragraphs of up to ``size`` sentences."""
    result = []
    for path in sorted((eval_dir() / "mac-dev" / lang).iterdir()):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        group: list[str] = []
        for k, line in enumerate(lines):
            group.append(line)
            closes = not line.rstrip(CLOSERS).endswith(FINAL)
            if closes or len(group) >= size or k == len(lines) - 1:
                text = JOINER[lang].join(group)
                ends, pos = [], 0
                for sentence in group:
                    pos += len(sentence)
                    ends.append(pos)
                    pos += len(JOINER[lang])
                result.append((text, frozenset(ends[:-1]), len(group)))
                group = []
    return result


def spans_from_strings(text: str, sentences: list[str]) -> Spans:
    """Offsets of sentences a tool returned as strings, matched on their non-space characters (tools
    may drop or change whitespace)."""
    spans, pos = [], 0
    for sentence in sentences:
        chars = [c for c in sentence if not c.isspace()]
        if not chars:
            continue
        while pos < len(text) and text[pos].isspace():
            pos += 1
        start = pos
        for c in chars:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos >= len(text) or text[pos] != c:
                raise ValueError("tool changed the text")
            pos += 1
        spans.append((start, pos))
    return spans


def alignmem_segmenter(lang: str, semicolon: bool = False) -> Segmenter:
    if semicolon:
        rules = dataclasses.replace(table(lang), semicolon_ends=True)
        return (lambda text: split_spans(text, rules)), _same
    return (lambda text: split_paragraph(text, lang)), _same


def pysbd_segmenter(lang: str) -> Segmenter | None:
    import pysbd

    seg = pysbd.Segmenter(language=lang, clean=False)
    return seg.segment, spans_from_strings  # type: ignore[return-value]


def syntok_segmenter(lang: str) -> Segmenter | None:
    if lang == "zh":
        return None
    from syntok import segmenter

    def run(text: str) -> Spans:
        spans = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                first, last = sentence[0], sentence[-1]
                spans.append((first.offset, last.offset + len(last.value)))
        return spans

    return run, _same


def blingfire_segmenter(lang: str) -> Segmenter | None:
    import blingfire

    if hasattr(blingfire, "text_to_sentences_and_offsets"):
        return (lambda text: blingfire.text_to_sentences_and_offsets(text)[1]), (
            lambda text, offsets: [(int(a), int(b)) for a, b in offsets])
    return (lambda text: blingfire.text_to_sentences(text).split("\n")), spans_from_strings


TOOLS: dict[str, Callable[[str], Segmenter | None]] = {
    "alignmem": alignmem_segmenter,
    "pysbd": pysbd_segmenter,
    "syntok": syntok_segmenter,
    "blingfire": blingfire_segmenter,
}


@dataclasses.dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    paragraphs: int = 0
    sentences: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(segment: Segmenter, paragraphs: list[tuple[str, frozenset[int], int]],
          errors: list[str] | None = None) -> Score:
    result = Score()
    run, to_spans = segment
    t0 = time.perf_counter()
    outputs = [run(text) for text, _, _ in paragraphs]
    result.seconds = time.perf_counter() - t0
    for (text, gold, n), output in zip(paragraphs, outputs):
        spans = to_spans(text, output)
        predicted = frozenset(end for _, end in spans[:-1])
        result.tp += len(predicted & gold)
        result.fp += len(predicted - gold)
        result.fn += len(gold - predicted)
        result.exact += predicted == gold
        result.paragraphs += 1
        result.sentences += n
        if errors is not None:
            for pos in sorted(predicted ^ gold):
                kind = "FALSE SPLIT" if pos in predicted else "MISSED"
                errors.append(f"{kind}: ...{text[max(0, pos - 60):pos]}|{text[pos:pos + 40]}...")
    return result


def show(paths: list[str], lang: str) -> None:
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        for para in text.split("\n\n"):
            for start, end in split_paragraph(para, lang):
                print(para[start:end].replace("\n", " "))
            print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="devset")
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--sents", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", help="an e2e folder already built by make_unbench.py (skips building)")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--semicolon", action="store_true", help="also measure alignmem splitting at ';'")
    ap.add_argument("--errors", type=int, default=0, help="print alignmem's first N errors per language")
    ap.add_argument("--show", nargs="*", help="print the sentences of these files and exit")
    ap.add_argument("--lang", default="en")
    args = ap.parse_args(argv)
    if args.show:
        show(args.show, args.lang)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        e2e = Path(args.data) if args.data else build_set(Path(tmp), args.split, args.docs, args.sents, args.seed)
        data = {lang: gold_paragraphs(e2e, lang) for lang in LANGS}
    tools = args.tools.split(",")
    print(f"UN e2e {args.split}: " + (f"from {args.data}" if args.data else
          f"{args.docs} documents x {args.sents} sentences, seed {args.seed}") +
          f", {len(data['en'])} en paragraphs\n")
    table_rows(tools, LANGS, data, args)
    if (eval_dir() / "mac-dev").is_dir():
        mac = {lang: mac_paragraphs(lang) for lang in ("en", "zh")}
        print(f"\nMAC-Dev (literary, a second domain): {len(mac['en'])} en / {len(mac['zh'])} zh paragraphs\n")
        table_rows(tools, ("en", "zh"), mac, argparse.Namespace(semicolon=False, errors=0))
    return 0


def table_rows(tools: list[str], langs: tuple[str, ...], data: dict, args: argparse.Namespace) -> None:
    rows: list[tuple[str, str, Score | None]] = []
    for lang in langs:
        for name in tools:
            segment = TOOLS[name](lang)
            rows.append((name, lang, score(segment, data[lang]) if segment else None))
            if name == "alignmem" and args.semicolon:
                rows.append(("alignmem (split at ;)", lang, score(alignmem_segmenter(lang, True), data[lang])))
        if args.errors:
            errors: list[str] = []
            score(alignmem_segmenter(lang), data[lang], errors)
            print(f"## alignmem errors, {lang} ({len(errors)})")
            for line in errors[: args.errors]:
                print(line.replace("\n", "⏎"))
            print()
    print("| tool | lang | precision | recall | F1 | paragraphs exact | sentences/s |")
    print("|---|---|---|---|---|---|---|")
    for name, lang, s in rows:
        if s is None:
            print(f"| {name} | {lang} | n/a | n/a | n/a | n/a | n/a |")
            continue
        print(f"| {name} | {lang} | {s.precision:.4f} | {s.recall:.4f} | {s.f1:.4f} | "
              f"{s.exact / s.paragraphs:.4f} | {s.sentences / s.seconds:,.0f} |")
    speeds = {(n, lang): s.sentences / s.seconds for n, lang, s in rows if s}
    if "pysbd" in tools and "alignmem" in tools:
        ratios = ", ".join(f"{lang} {speeds[('alignmem', lang)] / speeds[('pysbd', lang)]:.0f}x" for lang in langs)
        print(f"\nalignmem speed vs pysbd: {ratios}")


if __name__ == "__main__":
    raise SystemExit(main())
