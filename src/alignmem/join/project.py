"""Groups seen from one pair of languages (what a pair's TMX file holds)."""

from __future__ import annotations

from collections.abc import Sequence

from alignmem.join.groups import LinkIndex, oriented
from alignmem.model import AlignedDocument, Alignment, Group


def project(aligned: AlignedDocument, pair: Sequence[str],
            alignment: Alignment | None = None) -> AlignedDocument:
    """The groups seen from two of the languages, split along ``alignment``'s links where they fit.

    Inside a group, the pair's own links that lie wholly within it and cover it replace the group
    (a 2-2-1 group whose en-ru links are two 1-1 gives two en-ru groups); otherwise the group stays
    whole. Groups with neither language are dropped.
    """
    a, b = pair
    ia, ib = aligned.langs.index(a), aligned.langs.index(b)
    docs = (aligned.documents[ia], aligned.documents[ib])
    links = oriented({(alignment.src_lang, alignment.tgt_lang): alignment}, a, b) if alignment else None
    index = LinkIndex(links) if links else None
    groups: list[Group] = []
    for group in aligned.groups:
        sa, sb = group.of(a), group.of(b)
        if not sa and not sb:
            continue
        score = next((s for x, y, s in group.pair_scores if {x, y} == {a, b}), group.score)
        pieces = _split(sa, sb, index) if index else None
        if pieces is None:
            pieces = [(sa, sb, score)]
        for piece_a, piece_b, piece_score in pieces:
            scores = ((a, b, piece_score),) if piece_a and piece_b else ()
            groups.append(Group(len(groups), (a, b), (piece_a, piece_b), piece_score if scores else 0.0,
                                scores))
    return AlignedDocument(aligned.stem, docs, tuple(groups), aligned.signature)


def _split(sa: tuple, sb: tuple, index: LinkIndex):
    ids_a = {s.index: s for s in sa}
    ids_b = {s.index: s for s in sb}
    pieces = []
    covered_a: set[int] = set()
    covered_b: set[int] = set()
    for link in index.touching(ids_a, ids_b):
        in_a = [i for i in link.src if i in ids_a]
        in_b = [j for j in link.tgt if j in ids_b]
        if not in_a and not in_b:
            continue
        if len(in_a) != len(link.src) or len(in_b) != len(link.tgt):
            return None  # the link reaches outside the group: keep the group whole
        pieces.append((tuple(ids_a[i] for i in in_a), tuple(ids_b[j] for j in in_b), link.score))
        covered_a.update(in_a)
        covered_b.update(in_b)
    if covered_a != set(ids_a) or covered_b != set(ids_b) or len(pieces) < 2:
        return None
    return [(pa, pb, score if pa and pb else 0.0) for pa, pb, score in pieces]
