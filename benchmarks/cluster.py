"""Corpus alignment at scale: documents/s in this process, on 1 and 2 local workers and on a Dask LocalCluster
of 2 workers; the driver's peak memory at two corpus sizes; a run killed half way and resumed.

The corpus is built from the UN dev set (../shared/eval/un-devset: 4,000 en/ru/zh sentence tuples) in a
temporary folder: document k takes 30-60 consecutive tuples from a seeded random start, in paragraphs of
2-6 sentences, so each language's version is a real translation of the others. Sentences recur across
documents (4,000 tuples fill 2,000 documents), which does not flatter the figures: the encoder's cache is
emptied before every document (pipeline.corpus).

Every run is the command a user types (``alignmem align --corpus C --out O --no-glossary --no-report
--workers N`` or ``--scheduler local``), in a subprocess; measured: wall time, CPU seconds of the driver
and all its workers (user + sys), and the driver's own peak RSS (VmHWM, polled). Outputs of all runs
are compared byte for byte. Other jobs on the machine change wall times, not CPU seconds: both are
printed, with the load average before and after each run.

    python benchmarks/cluster.py                       # 2,000 documents for memory and resumption
    python benchmarks/cluster.py --speed-docs 200      # the speed part on a smaller corpus
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaldata import require

ALIGNMEM = str(Path(sys.executable).with_name("alignmem"))
BASE = ["--no-glossary", "--no-report", "--json"]


def build_corpus(root: Path, docs: int, seed: int = 18, sizes: tuple[int, int] = (30, 60)) -> Path:
    """``docs`` trilingual documents of 30-60 (``sizes``) UN sentence tuples each, in paragraphs of 2-6
    sentences."""
    un = require("cluster benchmark", "un-devset/UNv1.0.devset.en") / "un-devset"
    lines = {lang: (un / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
             for lang in ("en", "ru", "zh")}
    rng = random.Random(seed)
    for lang in lines:
        (root / lang).mkdir(parents=True, exist_ok=True)
    for k in range(docs):
        size = rng.randint(*sizes)
        start = rng.randrange(0, len(lines["en"]) - size)
        cuts, at = [], 0
        while at < size:
            step = rng.randint(2, 6)
            cuts.append((at, min(size, at + step)))
            at += step
        for lang, sents in lines.items():
            joiner = "" if lang == "zh" else " "
            paragraphs = [joiner.join(s.strip() for s in sents[start + a:start + b]) for a, b in cuts]
            (root / lang / f"doc{k:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return root


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def peak_rss(pid: int) -> int:
    """VmHWM of ``pid`` in kB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(corpus: Path, out: Path, mode: list[str], *, kill_at: int = 0, env: dict | None = None) -> dict:
    """One ``alignmem align --corpus`` run; with ``kill_at``, SIGKILL the driver once that many documents
    are finished (their markers written)."""
    before_load, cpu0, started = load(), cpu_children(), time.perf_counter()
    cmd = [ALIGNMEM, "align", "--corpus", str(corpus), "--out", str(out), *BASE, *mode]
    # the summary goes to files, not pipes: a pipe nobody reads fills up and stops the run
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        proc = subprocess.Popen(cmd, stdout=out_file, stderr=err_file, text=True,
                                env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **(env or {})})
        peak = 0
        markers = out / ".alignmem" / "done"
        killed = False
        while proc.poll() is None:
            peak = max(peak, peak_rss(proc.pid))
            if kill_at and markers.is_dir() and sum(1 for _ in markers.iterdir()) >= kill_at:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.2)
        proc.wait()
        out_file.seek(0)
        err_file.seek(0)
        stdout, stderr = out_file.read(), err_file.read()
    wall = time.perf_counter() - started
    time.sleep(1.5)  # workers of a killed driver notice and end
    record = {"mode": " ".join(mode), "wall": round(wall, 2), "cpu": round(cpu_children() - cpu0, 1),
              "driver_peak_rss_mb": round(peak / 1024, 1), "load_before": before_load, "load_after": load(),
              "exit": proc.returncode, "killed": killed}
    if not killed:
        summary = json.loads(stdout)
        record["documents"] = len(summary["documents"])
        record["failed"] = len(summary["failed"])
        record["skipped"] = next((int(line.split()[1]) for line in stderr.splitlines()
                                  if "finished by an earlier run" in line), 0)
        record["docs_per_s"] = round(record["documents"] / wall, 2)
        record["cpu_per_doc"] = round(record["cpu"] / max(1, record["documents"] - record["skipped"]), 3)
        record["cores_used"] = round(record["cpu"] / wall, 2)
    return record


def digest(out: Path) -> dict[str, str]:
    """name -> sha256 of every output file (the markers' own folder left out: its summaries hold times)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    return [str(p) for p in out.rglob("*.tmp")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="corpus size for memory and resumption")
    parser.add_argument("--small", type=int, default=500, help="the smaller corpus for driver memory")
    parser.add_argument("--speed-docs", type=int, default=2000, help="corpus size of the speed part")
    parser.add_argument("--parts", default="speed,memory,resume", help="which parts to run")
    parser.add_argument("--memory-sizes", default="30,60",
                        help="sentences per document in the memory and resumption runs (smaller documents "
                        "let a busy machine run 2,000 of them; the driver's work per document is the same)")
    parser.add_argument("--memory-signals", default="",
                        help="--signals for the memory and resumption runs (e.g. 'length': no encoder, so that "
                        "a busy machine can run 2,000 documents; the driver's work is the same)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    results: dict[str, object] = {"cores": len(os.sched_getaffinity(0))}
    with tempfile.TemporaryDirectory(prefix="alignmem-cluster-") as tmp:
        root = Path(tmp)
        if "speed" in parts:
            corpus = build_corpus(root / f"c{args.speed_docs}", args.speed_docs)
            speed, digests = [], {}
            for name, mode in (("serial (today, this process)", ["--workers", "0"]),
                               ("1 worker", ["--workers", "1"]), ("2 workers", ["--workers", "2"]),
                               ("LocalCluster, 2 workers", ["--scheduler", "local", "--workers", "2"])):
                out = root / f"speed-{len(speed)}"
                record = run(corpus, out, mode)
                record["name"] = name
                digests[name] = digest(out)
                speed.append(record)
                print(json.dumps(record), file=sys.stderr, flush=True)
            one = next(r for r in speed if r["name"] == "1 worker")
            two = next(r for r in speed if r["name"] == "2 workers")
            results["speed"] = speed
            results["speedup_2_vs_1_wall"] = round(two["docs_per_s"] / one["docs_per_s"], 2)
            results["speedup_2_vs_1_cpu"] = round(2 * one["cpu_per_doc"] / two["cpu_per_doc"], 2)
            reference = digests["1 worker"]
            results["files_differing_from_1_worker"] = {
                name: sorted(n for n in set(d) | set(reference) if d.get(n) != reference.get(n))
                for name, d in digests.items() if name != "1 worker"}
        if parts & {"memory", "resume"}:
            workers = ["--workers", "2"] + (["--signals", args.memory_signals] if args.memory_signals else [])
            results["memory_signals"] = args.memory_signals or "default"
            results["memory_sizes"] = args.memory_sizes
            low, high = (int(x) for x in args.memory_sizes.split(","))
            corpus = build_corpus(root / f"c{args.docs}", args.docs, sizes=(low, high))
            memory = []
            if "memory" in parts:
                small = build_corpus(root / f"c{args.small}", args.small, sizes=(low, high))
                memory.append({"docs": args.small, **run(small, root / "mem-small", workers)})
                print(json.dumps(memory[-1]), file=sys.stderr, flush=True)
            memory.append({"docs": args.docs, **run(corpus, root / "full", workers)})
            print(json.dumps(memory[-1]), file=sys.stderr, flush=True)
            results["memory"] = memory
            if "resume" in parts:
                out = root / "resumed"
                first = run(corpus, out, workers, kill_at=args.docs // 2)
                done_at_kill = sum(1 for _ in (out / ".alignmem" / "done").iterdir())
                temporaries = leftovers(out)
                second = run(corpus, out, workers)
                results["resume"] = {
                    "killed_run": first, "finished_when_killed": done_at_kill,
                    "temporaries_left_by_kill": len(temporaries), "rerun": second,
                    "rerun_aligned": second["documents"] - second["skipped"],
                    "temporaries_after_rerun": len(leftovers(out)),
                    "identical_to_uninterrupted": digest(out) == digest(root / "full"),
                }
                print(json.dumps(results["resume"]), file=sys.stderr, flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
