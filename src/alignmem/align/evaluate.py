"""Strict and lax precision, recall and F1 of alignment links against gold, pooled over documents.

The definitions are vecalign's (see shared/eval/README.md): a test link counts as strict if it equals a
gold link, as lax if it shares a source and a target sentence with one. Test omissions (1-0, 0-1)
count against precision; gold omissions are not counted for recall.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alignmem.errors import InputError
from alignmem.io.links import LinkPair, read_links


@dataclass(frozen=True)
class Counts:
    strict_tp: int = 0
    lax_p_hits: int = 0
    lax_r_hits: int = 0
    n_test: int = 0
    n_gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(x + y for x, y in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.strict_tp, self.lax_p_hits, self.lax_r_hits, self.n_test, self.n_gold)


def _overlaps(link: LinkPair, others: Sequence[LinkPair], index: dict[int, list[int]]) -> bool:
    src, tgt = set(link[0]), set(link[1])
    candidates = {k for s in src for k in index.get(s, ())}
    return any(src & set(others[k][0]) and tgt & set(others[k][1]) for k in candidates)


def _by_source(links: Sequence[LinkPair]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for k, (src, _) in enumerate(links):
        for s in src:
            index.setdefault(s, []).append(k)
    return index


def count(gold: Sequence[LinkPair], test: Sequence[LinkPair]) -> Counts:
    test = [t for t in test if t[0] or t[1]]
    gold = [g for g in gold if g[0] and g[1]]
    gold_set = set(gold)
    gold_index, test_index = _by_source(gold), _by_source(test)
    return Counts(
        strict_tp=sum(1 for t in test if t in gold_set),
        lax_p_hits=sum(1 for t in test if _overlaps(t, gold, gold_index)),
        lax_r_hits=sum(1 for g in gold if _overlaps(g, test, test_index)),
        n_test=len(test),
        n_gold=len(gold),
    )


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True)
class Scores:
    counts: Counts
    documents: int
    missing: tuple[str, ...] = field(default=())

    @property
    def strict_p(self) -> float:
        return self.counts.strict_tp / max(self.counts.n_test, 1)

    @property
    def strict_r(self) -> float:
        return self.counts.strict_tp / max(self.counts.n_gold, 1)

    @property
    def lax_p(self) -> float:
        return self.counts.lax_p_hits / max(self.counts.n_test, 1)

    @property
    def lax_r(self) -> float:
        return self.counts.lax_r_hits / max(self.counts.n_gold, 1)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_p, self.strict_r)

    @property
    def lax_f1(self) -> float:
        return _f1(self.lax_p, self.lax_r)

    def as_dict(self) -> dict:
        c = self.counts
        return {
            "strict_p": round(self.strict_p, 4), "strict_r": round(self.strict_r, 4),
            "strict_f1": round(self.strict_f1, 4), "lax_p": round(self.lax_p, 4),
            "lax_r": round(self.lax_r, 4), "lax_f1": round(self.lax_f1, 4),
            "documents": self.documents, "missing": list(self.missing),
            "strict_tp": c.strict_tp, "lax_p_hits": c.lax_p_hits, "lax_r_hits": c.lax_r_hits,
            "n_test": c.n_test, "n_gold": c.n_gold,
        }


def score_pairs(pairs: Sequence[tuple[Sequence[LinkPair], Sequence[LinkPair]]]) -> Scores:
    """Pooled scores of (gold, test) link lists."""
    total = Counts()
    for gold, test in pairs:
        total = total + count(gold, test)
    return Scores(total, len(pairs))


def score_paths(gold: str | Path, test: str | Path) -> Scores:
    """Score a link file against a gold file, or every gold file of a folder against the test file of the
    same name (a missing test file scores as no links and is listed in ``missing``)."""
    gold, test = Path(gold), Path(test)
    if not gold.exists():
        raise InputError("gold links not found", str(gold))
    if not test.exists():
        raise InputError("test links not found", str(test))
    if gold.is_dir() != test.is_dir():
        raise InputError(f"give two files or two folders, not a {'folder' if gold.is_dir() else 'file'} "
                         f"and a {'folder' if test.is_dir() else 'file'}", str(test))
    if not gold.is_dir():
        return score_pairs([(read_links(gold), read_links(test))])
    names = sorted(p.name for p in gold.iterdir() if p.is_file() and not p.name.startswith("."))
    if not names:
        raise InputError("no gold link files in the folder", str(gold))
    pairs, missing = [], []
    for name in names:
        candidate = test / name
        if candidate.exists():
            pairs.append((read_links(gold / name), read_links(candidate)))
        else:
            missing.append(name)
            pairs.append((read_links(gold / name), []))
    scores = score_pairs(pairs)
    return Scores(scores.counts, scores.documents, tuple(missing))
