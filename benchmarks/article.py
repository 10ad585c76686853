#!/usr/bin/env python3
"""Alignment benchmark on the shipped article: alignmem's links against the hand-made gold.

The English article and our Russian and Chinese working translations in ``corpora/`` are aligned pair
by pair (en-ru, en-zh, ru-zh) and scored against ``benchmarks/data/article-gold/<pair>.align`` (made by
reading the texts, see its README) with vecalign's strict and lax precision / recall / F1: a link counts
strictly only when it equals a gold link, laxly when it overlaps one on both sides; the aligner's
1-0 / 0-1 links count against precision, the gold's are not recalled. Prints a Markdown table (pair,
strict P/R/F1, lax F1, seconds) and then every place where the aligner's links differ from the gold.

    python benchmarks/article.py                  # library: models loaded once, load time apart
    python benchmarks/article.py --via trilingual # the three texts at once: what the pair TMX files hold
    python benchmarks/article.py --via cli        # through `alignmem align SRC TGT --langs a,b --links OUT`
    python benchmarks/article.py --pairs en-ru --keep /tmp/article-links --json

Scores come from ``alignmem eval GOLD TEST --json`` when that command works and prints vecalign-style
keys (``strict_p``, ``strict_r``, ``strict_f1``, ``lax_f1``); otherwise from the scorer below, which
follows ``<eval>/tools/score_align.py`` exactly. When both are available they are cross-checked.
Seconds are per pair, model load apart; the encoder memoises embeddings, so a pair run after others
reuses what they embedded (ru-zh after en-ru and en-zh is nearly free): ``--pairs ru-zh`` alone gives
its cold time. The gold depends on the current segmentation: the script stops if the corpora no longer
segment into the sentences the gold covers.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "data" / "article-gold"
CORPUS = ROOT / "corpora"
STEM = "lavrov-treaty-20th-anniversary-2021"
PAIRS = ("en-ru", "en-zh", "ru-zh")

Ids = tuple[int, ...]
Bead = tuple[Ids, Ids]

# "[0,1]:[2]" with an optional ":score" after it (vecalign writes one)
LINK_LINE = re.compile(r"^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\](?::\s*[-+.\deE]+)?$")


# ------------------------------------------------------------------------------------------ link files
def parse_ids(text: str) -> Ids:
    return tuple(int(x) for x in text.split(",") if x.strip())


def read_links(path: Path) -> list[Bead]:
    beads = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        match = LINK_LINE.match(line.strip())
        if not match:
            raise SystemExit(f"{path}:{number}: not a link line ([i,j]:[k]): {line!r}")
        beads.append((parse_ids(match.group(1)), parse_ids(match.group(2))))
    return beads


def format_link(bead: Bead) -> str:
    return "[{}]:[{}]".format(",".join(map(str, bead[0])), ",".join(map(str, bead[1])))


# ------------------------------------------------------------------------------------------ scoring
def _overlaps(bead: Bead, others: list[Bead]) -> bool:
    src, tgt = set(bead[0]), set(bead[1])
    return any(src & set(o[0]) and tgt & set(o[1]) for o in others)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


COUNTS = ("strict_tp", "lax_p_hits", "lax_r_hits", "n_test", "n_gold")


def counts(gold: list[Bead], test: list[Bead]) -> dict[str, int]:
    """Hits and totals for one document (see the module docstring)."""
    test = [t for t in test if t[0] or t[1]]
    gold = [g for g in gold if g[0] and g[1]]  # gold omissions are not recalled
    gold_set = set(gold)
    return {"strict_tp": sum(1 for t in test if t in gold_set),
            "lax_p_hits": sum(1 for t in test if _overlaps(t, gold)),
            "lax_r_hits": sum(1 for g in gold if _overlaps(g, test)),
            "n_test": len(test), "n_gold": len(gold)}


def figures(c: dict[str, int]) -> dict[str, float | int]:
    """vecalign's strict / lax P, R, F1 from (possibly pooled) counts."""
    sp, sr = c["strict_tp"] / max(c["n_test"], 1), c["strict_tp"] / max(c["n_gold"], 1)
    lp, lr = c["lax_p_hits"] / max(c["n_test"], 1), c["lax_r_hits"] / max(c["n_gold"], 1)
    return {"strict_p": round(sp, 4), "strict_r": round(sr, 4), "strict_f1": round(_f1(sp, sr), 4),
            "lax_p": round(lp, 4), "lax_r": round(lr, 4), "lax_f1": round(_f1(lp, lr), 4), **c}


def score(gold: list[Bead], test: list[Bead]) -> dict[str, float | int]:
    return figures(counts(gold, test))


def coverage_problem(beads: list[Bead], n_src: int, n_tgt: int) -> str | None:
    for side, count in ((0, n_src), (1, n_tgt)):
        if [i for bead in beads for i in bead[side]] != list(range(count)):
            return f"side {side} is not covered exactly once, in order, by 0..{count - 1}"
    return None


def score_with_cli(gold: Path, test: Path) -> dict | None:
    """The project's ``alignmem eval --json``, or None when it is missing or speaks another format."""
    run = subprocess.run([sys.executable, "-m", "alignmem", "eval", str(gold), str(test), "--json"],
                         check=False, capture_output=True, text=True)
    if run.returncode != 0:
        return None
    try:
        data = json.loads(run.stdout)
    except json.JSONDecodeError:
        return None
    keys = ("strict_p", "strict_r", "strict_f1", "lax_f1")
    return data if isinstance(data, dict) and all(k in data for k in keys) else None


# ------------------------------------------------------------------------------------------ differences
@dataclass(frozen=True)
class Difference:
    gold: tuple[Bead, ...]
    test: tuple[Bead, ...]


def _cuts(beads: list[Bead]) -> list[tuple[int, int]]:
    """(sentences consumed on each side) after every bead."""
    out, i, j = [], 0, 0
    for src, tgt in beads:
        i, j = i + len(src), j + len(tgt)
        out.append((i, j))
    return out


def differences(gold: list[Bead], test: list[Bead]) -> list[Difference]:
    """The stretches between common cut points where the two alignments disagree."""
    common = set(_cuts(gold)) & set(_cuts(test))
    diffs: list[Difference] = []
    g_run: list[Bead] = []
    t_run: list[Bead] = []
    g_iter = iter(zip(gold, _cuts(gold)))
    t_iter = iter(zip(test, _cuts(test)))
    for cut in sorted(common):
        for bead, at in g_iter:
            g_run.append(bead)
            if at == cut:
                break
        for bead, at in t_iter:
            t_run.append(bead)
            if at == cut:
                break
        if set(g_run) != set(t_run):
            diffs.append(Difference(tuple(g_run), tuple(t_run)))
        g_run, t_run = [], []
    return diffs


# ------------------------------------------------------------------------------------------ aligning
def corpus_file(lang: str) -> Path:
    return CORPUS / lang / f"{STEM}.txt"


def load_documents(langs: tuple[str, ...]) -> dict:
    from alignmem import pipeline

    docs = pipeline.read_and_segment([corpus_file(lang) for lang in langs], list(langs))
    return {doc.lang: doc for doc in docs}


def sizes(pair: str, docs: dict) -> tuple[int, int]:
    a, b = pair.split("-")
    return len(docs[a].sentences), len(docs[b].sentences)


def check_gold_coverage(pair: str, gold: list[Bead], docs: dict) -> None:
    """Stop when the gold no longer covers the current segmentation exactly (it must be re-checked)."""
    problem = coverage_problem(gold, *sizes(pair, docs))
    if problem:
        raise SystemExit(
            f"{GOLD_DIR / (pair + '.align')}: {problem} of the sentences the segmenter now gives "
            f"({'/'.join(map(str, sizes(pair, docs)))}); re-check the gold by hand "
            f"(see {GOLD_DIR / 'README.md'})")


def align_library(pair: str, docs: dict, out: Path) -> tuple[float, str]:
    """The pair's two texts alone through the composition (what `align SRC TGT --links` writes)."""
    from alignmem.export.links import links_of
    from alignmem.pipeline import Settings, align_set

    a, b = pair.split("-")
    started = time.perf_counter()
    aligned = align_set([docs[a], docs[b]], Settings(), STEM)
    seconds = time.perf_counter() - started
    write_links(out, links_of(aligned, a, b))
    return seconds, aligned.signature


_TRILINGUAL: dict[str, object] = {}


def align_trilingual(pair: str, docs: dict, out: Path) -> tuple[float, str]:
    """The three texts through the composition once; the pair's view is what its TMX file holds."""
    from alignmem.export.links import links_of
    from alignmem.pipeline import Settings, align_set

    a, b = pair.split("-")
    started = time.perf_counter()
    if "aligned" not in _TRILINGUAL:
        _TRILINGUAL["aligned"] = align_set([docs[lang] for lang in ("en", "ru", "zh")], Settings(), STEM)
    aligned = _TRILINGUAL["aligned"]
    seconds = time.perf_counter() - started
    write_links(out, links_of(aligned, a, b))  # type: ignore[arg-type]
    return seconds, aligned.signature  # type: ignore[attr-defined]


def write_links(out: Path, links) -> None:  # type: ignore[no-untyped-def]
    out.write_text("".join(format_link((link.src, link.tgt)) + "\n" for link in links), encoding="utf-8")


def align_cli(pair: str, out: Path) -> tuple[float, str]:
    a, b = pair.split("-")
    command = [sys.executable, "-m", "alignmem", "align", str(corpus_file(a)), str(corpus_file(b)),
               "--langs", f"{a},{b}", "--links", str(out), "-q"]
    started = time.perf_counter()
    run = subprocess.run(command, check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise SystemExit(f"alignmem align failed for {pair} (exit {run.returncode}): {last}")
    return seconds, "cli"


# ------------------------------------------------------------------------------------------ one run
@dataclass
class Run:
    rows: list[dict]
    errors: dict[str, list[Difference]]
    scorer: str = "built-in (as <eval>/tools/score_align.py)"
    load_seconds: float = 0.0


def score_pair(pair: str, gold_path: Path, test_path: Path, docs: dict, run: Run) -> dict[str, int]:
    """Scores one pair into ``run`` and returns its counts (for pooling)."""
    gold, test = read_links(gold_path), read_links(test_path)
    problem = coverage_problem(test, *sizes(pair, docs))
    if problem:
        print(f"warning: {pair}: the aligner's links are malformed: {problem}", file=sys.stderr)
    pair_counts = counts(gold, test)
    result = figures(pair_counts)
    cli_figures = score_with_cli(gold_path, test_path)
    if cli_figures is not None:
        run.scorer = "alignmem eval (cross-checked)"
        for key in ("strict_p", "strict_r", "strict_f1", "lax_f1"):
            if abs(float(cli_figures[key]) - result[key]) > 1e-3:
                run.scorer = "alignmem eval (DISAGREES with the reference scorer, see stderr)"
                print(f"warning: {pair}: alignmem eval gives {key}={cli_figures[key]}, "
                      f"the reference scorer {result[key]}", file=sys.stderr)
            result[key] = cli_figures[key]
    run.rows.append({"pair": pair, **result})
    run.errors[pair] = differences(gold, test)
    return pair_counts


def run_pairs(pairs: list[str], via: str, out_dir: Path, docs: dict) -> Run:
    run = Run([], {})
    if via in ("library", "trilingual"):
        from alignmem.score.encoders import get_encoder

        started = time.perf_counter()
        get_encoder().embed(["warm-up"])  # load the sentence encoder once, timed apart
        run.load_seconds = time.perf_counter() - started
    pooled = dict.fromkeys(COUNTS, 0)
    total_seconds = 0.0
    for pair in pairs:
        gold_path = GOLD_DIR / f"{pair}.align"
        check_gold_coverage(pair, read_links(gold_path), docs)
        test_path = out_dir / f"{pair}.align"
        if via == "library":
            seconds, signature = align_library(pair, docs, test_path)
        elif via == "trilingual":
            seconds, signature = align_trilingual(pair, docs, test_path)
        else:
            seconds, signature = align_cli(pair, test_path)
        pair_counts = score_pair(pair, gold_path, test_path, docs, run)
        run.rows[-1].update(seconds=round(seconds, 2), signature=signature)
        for key in COUNTS:
            pooled[key] += pair_counts[key]
        total_seconds += seconds
    if len(pairs) > 1:
        run.rows.append({"pair": "pooled", **figures(pooled), "seconds": round(total_seconds, 2)})
    return run


# ------------------------------------------------------------------------------------------ report
def describe(bead: Bead, pair: str, docs: dict, width: int) -> list[str]:
    lines = [f"  {format_link(bead)}"]
    for side, lang in enumerate(pair.split("-")):
        for i in bead[side]:
            text = docs[lang].sentences[i].text
            text = text if len(text) <= width else text[: width - 1] + "…"
            lines.append(f"      {lang} {i} (block {docs[lang].sentences[i].para}): {text}")
    return lines


def as_json(run: Run, via: str) -> str:
    errors = {pair: [{"gold": [format_link(b) for b in d.gold], "test": [format_link(b) for b in d.test]}
                     for d in diffs] for pair, diffs in run.errors.items()}
    return json.dumps({"rows": run.rows, "via": via, "scorer": run.scorer,
                       "seconds_model_load": round(run.load_seconds, 2), "errors": errors},
                      indent=2, ensure_ascii=False)


def as_markdown(run: Run, via: str, docs: dict, width: int) -> str:
    lines = ["| pair | strict P | strict R | strict F1 | lax F1 | seconds |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in run.rows:
        cells = [f"{row[key]:.3f}" for key in ("strict_p", "strict_r", "strict_f1", "lax_f1")]
        lines.append(f"| {row['pair']} | {' | '.join(cells)} | {row['seconds']:.1f} |")
    if via in ("library", "trilingual"):
        timing = f"model load {run.load_seconds:.1f} s apart, embeddings shared between pairs"
    else:
        timing = "seconds include process start and model load"
    lines += ["", f"via {via}; scorer: {run.scorer}; {timing}"]
    if via in ("library", "trilingual"):
        lines.append(f"aligner ({run.rows[0]['pair']}): {run.rows[0]['signature']}")
    for pair, diffs in run.errors.items():
        lines.append(f"\n### {pair}: {len(diffs)} place(s) where the links differ from the gold")
        for diff in diffs:
            lines.append("- gold:")
            lines += [line for bead in diff.gold for line in describe(bead, pair, docs, width)]
            lines.append("  predicted:")
            lines += [line for bead in diff.test for line in describe(bead, pair, docs, width)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", default=",".join(PAIRS), help="comma-separated, default: all three")
    parser.add_argument("--via", choices=("library", "trilingual", "cli"), default="library",
                        help="each pair's two texts through the composition in this process (default), the "
                             "three texts at once (the pair TMX files' view), or the CLI")
    parser.add_argument("--keep", metavar="DIR", help="write the predicted link files to DIR")
    parser.add_argument("--width", type=int, default=100, help="characters of sentence text in the errors")
    parser.add_argument("--json", action="store_true", help="print the figures and errors as JSON only")
    args = parser.parse_args(argv)
    pairs = [p.strip() for p in args.pairs.split(",") if p.strip()]
    for pair in pairs:
        if pair not in PAIRS:
            raise SystemExit(f"unknown pair {pair!r}; choose from {', '.join(PAIRS)}")

    docs = load_documents(("en", "ru", "zh"))
    with tempfile.TemporaryDirectory(prefix="alignmem-article-") as tmp:
        out_dir = Path(args.keep) if args.keep else Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        run = run_pairs(pairs, args.via, out_dir, docs)
    print(as_json(run, args.via) if args.json else as_markdown(run, args.via, docs, args.width))
    return 0


if __name__ == "__main__":
    sys.exit(main())
