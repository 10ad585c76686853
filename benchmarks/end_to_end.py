#!/usr/bin/env python3
"""End-to-end benchmark: paragraph texts in en/ru/zh -> alignmem's TMX files -> exact-TU scores.

On the end-to-end set that ``<eval>/tools/make_unbench.py`` builds from the UN dev set
(``e2e/NNN.{en,ru,zh}.txt`` and the gold sentence tuples ``e2e/NNN.gold.jsonl``), every document goes
through the whole pipeline (read, segment, align all pairs, join languages, export TMX to a temporary
folder) and the TMX files are read back. Per language pair and for the trilingual file:

- recall: share of gold pairs (the two texts of a gold tuple where neither side is omitted) found as
  an exact TU, texts compared after whitespace normalisation;
- precision: share of TUs that equal a gold pair; F1; pooled over all documents;
- time per document and for the whole set (models loaded once, load time reported apart).

Targets: F1 >= 0.95 per pair, >= 0.93 trilingual, 40 documents in under 60 s.

    python benchmarks/end_to_end.py                    # builds the set (40 docs x 60 sentences, seed 1)
    python benchmarks/end_to_end.py --data /tmp/unb    # reuse a built set (folder holding e2e/)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from evaldata import make_unbench

LANGS = ("en", "ru", "zh")


def build_set(out: Path, docs: int, sents: int, seed: int) -> Path:
    return make_unbench(out, docs=docs, sents=sents, seed=seed)


def norm(text: str) -> str:
    return " ".join(text.split())


def gold_tuples(path: Path) -> list[dict[str, str | None]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append({lang: (norm(row[lang]) if row.get(lang) else None) for lang in LANGS})
    return rows


def keys(rows, langs) -> list[tuple[str, ...]]:
    return [tuple(row[lang] for lang in langs) for row in rows if all(row[lang] for lang in langs)]


class Score:
    def __init__(self) -> None:
        self.gold = self.found = self.tus = self.correct = 0

    def add(self, gold: list[tuple[str, ...]], tus: list[tuple[str, ...]]) -> None:
        gold_set, tu_set = set(gold), set(tus)
        self.gold += len(gold)
        self.found += sum(1 for g in gold if g in tu_set)
        self.tus += len(tus)
        self.correct += sum(1 for t in tus if t in gold_set)

    def figures(self) -> dict[str, float]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.correct / self.tus if self.tus else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                "gold": self.gold, "tus": self.tus}


def overrides(items: list[str]) -> dict[str, object]:
    """``["exact_windows=false", "band=12"]`` -> typed AlignConfig field values."""
    import dataclasses

    from alignmem.align import AlignConfig

    fields = {f.name: f for f in dataclasses.fields(AlignConfig)}
    out: dict[str, object] = {}
    for item in items:
        name, _, value = item.partition("=")
        if name not in fields:
            raise SystemExit(f"--set {item}: AlignConfig has no field {name!r} ({', '.join(fields)})")
        current = getattr(AlignConfig(), name)
        if isinstance(current, bool):
            out[name] = value.lower() in ("1", "true", "yes", "on")
        elif isinstance(current, (int, float)):
            out[name] = type(current)(value)
        else:
            out[name] = value
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder holding e2e/ (default: build it in a temp folder)")
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--sents", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--signals", help="aligner signals (default: the aligner's default)")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="override an AlignConfig field, e.g. --set exact_windows=false (repeatable)")
    parser.add_argument("--no-split", action="store_true", help="do not split merged groups (alignmem.join.split)")
    parser.add_argument("--no-bilingual", action="store_true",
                        help="leave out the rows of each pair aligned from its two texts alone")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args(argv)

    from alignmem import pipeline
    from alignmem.align import AlignConfig
    from alignmem.export import tmx
    from alignmem.export.units import tus_of
    from alignmem.join import JoinConfig
    from alignmem.score.encoders import get_encoder
    from alignmem.score.registry import parse_signals

    with tempfile.TemporaryDirectory(prefix="alignmem-e2e-") as tmp:
        data = Path(args.data) if args.data else build_set(Path(tmp) / "set", args.docs, args.sents,
                                                           args.seed)
        e2e = data / "e2e"
        names = sorted(p.name.split(".")[0] for p in e2e.glob("*.gold.jsonl"))[: args.docs]
        if not names:
            raise SystemExit(f"no e2e/NNN.gold.jsonl under {data}")
        config = AlignConfig(signals=parse_signals(args.signals), **overrides(args.set))
        settings = pipeline.Settings(align=config, join=JoinConfig(split=not args.no_split), glossary=False,
                                     report=False)
        started = time.perf_counter()
        get_encoder().embed(["warm up"])  # load the sentence encoder once, timed apart
        load_seconds = time.perf_counter() - started
        scores = {key: Score() for key in [*combinations(LANGS, 2), LANGS]}
        per_doc: list[float] = []
        out = Path(tmp) / "tm"
        run_started = time.perf_counter()
        for name in names:
            t0 = time.perf_counter()
            paths = [e2e / f"{name}.{lang}.txt" for lang in LANGS]
            result = pipeline.align_files(paths, LANGS, out / f"{name}.tmx", settings)
            per_doc.append(time.perf_counter() - t0)
            rows = gold_tuples(e2e / f"{name}.gold.jsonl")
            for output in result.outputs:
                langs = tuple(output.langs)
                tus = [tuple(norm(tu.seg(lang) or "") for lang in langs) for tu in tmx.read_tmx(output.path)]
                scores[langs].add(keys(rows, langs), tus)
        total = time.perf_counter() - run_started
        bilingual = {pair: Score() for pair in combinations(LANGS, 2)}
        if not args.no_bilingual:
            # each pair's two texts alone through the same composition: a pair file must not be worse
            for name in names:
                rows = gold_tuples(e2e / f"{name}.gold.jsonl")
                for pair, score in bilingual.items():
                    docs = pipeline.read_and_segment([e2e / f"{name}.{lang}.txt" for lang in pair], list(pair))
                    aligned = pipeline.align_set(docs, settings, name)
                    tus = [tuple(norm(tu.seg(lang) or "") for lang in pair) for tu in tus_of(aligned, pair)]
                    score.add(keys(rows, pair), tus)

    figures = {"-".join(key): score.figures() for key, score in scores.items()}
    figures.update({"-".join(pair) + " (2 files)": score.figures() for pair, score in bilingual.items()
                    if score.gold})
    summary = {
        "documents": len(names),
        "scores": figures,
        "seconds_total": round(total, 2),
        "seconds_per_document": round(total / len(names), 3),
        "seconds_slowest_document": round(max(per_doc), 3),
        "seconds_model_load": round(load_seconds, 2),
        "settings": {"signals": list(config.signals), "overrides": args.set, "split": not args.no_split},
        "targets": {"pair_f1": 0.95, "trilingual_f1": 0.93, "seconds_total": 60},
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{'file':<18}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'TUs':>7}")
    for key, f in figures.items():
        print(f"{key:<18}{f['precision']:>8.4f}{f['recall']:>8.4f}{f['f1']:>8.4f}{f['gold']:>7}{f['tus']:>7}")
    print(f"{len(names)} documents in {total:.1f} s ({total / len(names):.2f} s per document, "
          f"slowest {max(per_doc):.2f} s; model load {load_seconds:.1f} s apart)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
