"""Throughput of alignmem.anchors.anchor_keys (sentences per second) on the UN dev set.

Usage: python benchmarks/anchors_speed.py [--n 4000] [--no-names]
The data is found at ../shared/eval (next to the repo) or $ALIGNMEM_EVAL.
"""

from __future__ import annotations

import argparse
import sys
import time

from evaldata import eval_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=4000, help="sentences per language")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the sentences (caches warm)")
    parser.add_argument("--no-names", action="store_true", help="anchor_keys(names=False)")
    args = parser.parse_args(argv)
    base = eval_dir() / "un-devset"
    if not base.is_dir():
        print(f"anchors_speed: no evaluation data at {base} (set ALIGNMEM_EVAL)", file=sys.stderr)
        return 2
    from alignmem.anchors import anchor_keys, extract_numbers

    for lang in ("en", "ru", "zh"):
        lines = (base / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()[: args.n]
        anchor_keys(lines[0], lang)  # lazy imports out of the timing
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for line in lines:
                anchor_keys(line, lang, names=not args.no_names)
        keys_rate = len(lines) * args.repeat / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for line in lines:
            extract_numbers(line, lang)
        num_rate = len(lines) / (time.perf_counter() - t0)
        print(f"{lang}: anchor_keys {keys_rate:8.0f} sent/s   extract_numbers {num_rate:8.0f} sent/s"
              f"   (n={len(lines)}, names={not args.no_names})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
