"""Split groups that every aligner merged although sentence embeddings pair their sentences one to one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np

from alignmem.model import AlignedDocument, Group

Embed = Callable[[Sequence[str]], np.ndarray]  # texts -> unit row vectors

SPLIT_MIN_SIM = 0.3  # a sentence and its counterpart at least this similar (cosine)...
SPLIT_MARGIN = 0.15  # ...and this much more similar than to the group's other sentences
# A sentence left without a language by a split must resemble that language's sentence less than this:
# a translator's split piece ("..., such as the SCO and BRICS." in two Russian sentences) resembles the
# sentence it came from; a sentence the other languages omit resembles nothing. Chosen on the shipped
# article (pair files as good as the bilingual aligner: strict F1 0.970/0.970/0.951 against 0.970/0.965/
# 0.945; 0.912/0.917/0.899 without the rule); on the UN end-to-end sets it costs 0.3-0.7 points of
# trilingual exact-TU F1 (seed 1 0.9952 -> 0.9883, seed 2 0.9957 -> 0.9895).
SPLIT_ORPHAN_MAX = 0.2


def split_merged(aligned: AlignedDocument, embed: Embed, min_sim: float = SPLIT_MIN_SIM,
                 margin: float = SPLIT_MARGIN, orphan_max: float = SPLIT_ORPHAN_MAX) -> AlignedDocument:
    """Groups the aligners merged, split into k groups when sentence embeddings pair them one to one.

    Bilingual aligners prefer a 2-2 link when one of two sentences is short (a heading, "Item 6"): its
    own similarity is low, the merged one is not; and they glue a sentence that the other languages
    omit to its neighbour (2-1). A group whose languages hold k or 1 sentences (k-k-k, k-1-k, k-1-1) is
    split when sentence i of every k-language is clearly closest to sentence i of the others and each
    single sentence is clearly closest to one of the k positions (``min_sim``, ``margin``) and unlike
    the positions it leaves (``orphan_max``); otherwise it stays whole (a translator's real merge is close
    to several positions, a translator's split piece resembles the sentence it was split from).
    """
    groups: list[Group] = []
    changed = False
    for group in aligned.groups:
        pieces = _diagonal(group, embed, min_sim, margin, orphan_max)
        changed = changed or pieces is not None
        for piece in pieces or [group]:
            groups.append(Group(len(groups), piece.langs, piece.sentences, piece.score, piece.pair_scores))
    if not changed:
        return aligned
    return AlignedDocument(aligned.stem, aligned.documents, tuple(groups), aligned.signature)


def _diagonal(group: Group, embed: Embed, min_sim: float, margin: float,
              orphan_max: float = SPLIT_ORPHAN_MAX) -> list[Group] | None:
    present = [p for p, sentences in enumerate(group.sentences) if sentences]
    k = max((len(group.sentences[p]) for p in present), default=0)
    full = [p for p in present if len(group.sentences[p]) == k]
    if k < 2 or len(present) < 2 or any(len(group.sentences[p]) not in (1, k) for p in present):
        return None
    vectors = {p: embed([s.text for s in group.sentences[p]]) for p in present}
    sims: dict[tuple[int, int], list[float]] = {}
    for a, b in combinations(full, 2):
        matrix = vectors[a] @ vectors[b].T
        for i in range(k):
            rival = max(max(matrix[i, j], matrix[j, i]) for j in range(k) if j != i)
            if matrix[i, i] < min_sim or matrix[i, i] - rival < margin:
                return None
        sims[(a, b)] = [float(matrix[i, i]) for i in range(k)]
    column: dict[int, tuple[int, float]] = {}
    for p in present:
        if p in full:
            continue
        by_column = sorted(((sum(float(vectors[p][0] @ vectors[f][i]) for f in full) / len(full), i)
                            for i in range(k)), reverse=True)
        (best, i), (second, _) = by_column[0], by_column[1]
        if best < min_sim or best - second < margin or second >= orphan_max:
            return None
        column[p] = (i, best)
    pieces = []
    for i in range(k):
        sentences = tuple((group.sentences[p][i],) if p in full else
                          (group.sentences[p] if p in column and column[p][0] == i else ())
                          for p in range(len(group.langs)))
        pair_scores = []
        for a, b in combinations(range(len(group.langs)), 2):
            if not (sentences[a] and sentences[b]):
                continue
            if (a, b) in sims:
                score = sims[(a, b)][i]
            else:
                score = column[a][1] if a in column else column[b][1]
            pair_scores.append((group.langs[a], group.langs[b], round(max(0.0, min(1.0, score)), 6)))
        mean = sum(s for _, _, s in pair_scores) / len(pair_scores) if pair_scores else 0.0
        pieces.append(Group(0, group.langs, sentences, round(mean, 6), tuple(pair_scores)))
    return pieces
