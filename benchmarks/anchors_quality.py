"""How well anchors separate translations from other sentences, and how often numbers are flagged.

On the UN dev set (line i of .en/.ru/.zh are translations), for each language pair:
- coverage: share of translation pairs where both sides have at least one anchor key;
- mean key_overlap of translation pairs vs. of sentence i against sentence i+1 (an unrelated sentence);
- wins: share of covered pairs where the translation overlaps more than the unrelated sentence;
- flagged: share of translation pairs where compare_numbers(...).differs (real differences exist in the
  data: paragraph numbers kept on one side only, dates that disagree), so this is an upper bound on
  false alarms.

Usage: python benchmarks/anchors_quality.py [--n 4000]
The data is found at ../shared/eval (next to the repo) or $ALIGNMEM_EVAL.
"""

from __future__ import annotations

import argparse
import sys

from evaldata import eval_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=4000, help="sentence tuples to use")
    args = parser.parse_args(argv)
    base = eval_dir() / "un-devset"
    if not base.is_dir():
        print(f"anchors_quality: no evaluation data at {base} (set ALIGNMEM_EVAL)", file=sys.stderr)
        return 2
    from alignmem.anchors import anchor_keys, compare_numbers, key_overlap

    lines = {
        lang: (base / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()[: args.n]
        for lang in ("en", "ru", "zh")
    }
    keys = {lang: [anchor_keys(line, lang) for line in lines[lang]] for lang in lines}
    for a, b in (("en", "ru"), ("en", "zh"), ("ru", "zh")):
        n = len(lines[a]) - 1
        covered = [i for i in range(n) if keys[a][i] and keys[b][i]]
        own = [key_overlap(keys[a][i], keys[b][i]) for i in covered]
        other = [key_overlap(keys[a][i], keys[b][i + 1]) for i in covered]
        wins = sum(x > y for x, y in zip(own, other, strict=True))
        flagged = sum(compare_numbers(lines[a][i], a, lines[b][i], b).differs for i in range(n))
        print(
            f"{a}-{b}: coverage {len(covered) / n:.3f}  overlap translation {sum(own) / len(own):.3f}"
            f" vs other {sum(other) / len(other):.3f}  wins {wins / len(covered):.3f}"
            f"  flagged {flagged / n:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
