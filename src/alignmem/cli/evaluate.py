"""``alignmem eval GOLD TEST``: strict and lax precision, recall and F1 of link files against gold.

GOLD and TEST are two link files, or two folders of link files with the same names; counts are
pooled over documents (vecalign's definitions, see alignmem.align.evaluate).
"""

from __future__ import annotations

import argparse
import json
import sys

from alignmem.align.evaluate import score_paths


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", metavar="GOLD", help="gold link file or folder")
    parser.add_argument("test", metavar="TEST", help="link file or folder to score")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args: argparse.Namespace) -> int:
    scores = score_paths(args.gold, args.test)
    if args.json:
        sys.stdout.write(json.dumps(scores.as_dict(), sort_keys=True) + "\n")
        return 0
    rows = [
        ("", "precision", "recall", "F1"),
        ("strict", f"{scores.strict_p:.4f}", f"{scores.strict_r:.4f}", f"{scores.strict_f1:.4f}"),
        ("lax", f"{scores.lax_p:.4f}", f"{scores.lax_r:.4f}", f"{scores.lax_f1:.4f}"),
    ]
    out = [f"{r[0]:<8}{r[1]:>10}{r[2]:>10}{r[3]:>10}" for r in rows]
    c = scores.counts
    out.append(f"{scores.documents} document(s), {c.n_test} test links, {c.n_gold} gold links")
    if scores.missing:
        out.append(f"missing test files (scored as empty): {', '.join(scores.missing)}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
