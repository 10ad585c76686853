"""Join two or three languages: THE composition that turns segmented documents into aligned groups.

:func:`align_documents` is what every caller uses (``align`` in all its forms, ``eval``, ``check``, the
report, the benchmarks): every pair of languages aligned (:mod:`.pairs`), the pairwise links joined
into groups that agree (:mod:`.groups`), groups that every aligner merged split where the sentence
embeddings pair them one to one (:mod:`.split`, three languages only), and each pair's view of the
groups (:mod:`.project`),
which is exactly what that pair's TMX file and ``--links`` hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from alignmem.align import AlignConfig
from alignmem.join.groups import combine
from alignmem.join.pairs import PairAligner, check_documents, pairwise
from alignmem.join.project import project
from alignmem.join.split import SPLIT_MARGIN, SPLIT_MIN_SIM, SPLIT_ORPHAN_MAX, Embed, split_merged
from alignmem.langs import file_order
from alignmem.model import AlignedDocument, Document
from alignmem.score.encoders import get_encoder
from alignmem.signature import describe

__all__ = ["JoinConfig", "PairAligner", "align_documents", "check_documents"]


@dataclass(frozen=True)
class JoinConfig:
    """How the pairwise alignments become groups."""

    split: bool = True  # split merged groups that sentence embeddings pair one to one (join.split)
    split_min_sim: float = SPLIT_MIN_SIM
    split_margin: float = SPLIT_MARGIN
    split_orphan_max: float = SPLIT_ORPHAN_MAX

    def signature(self) -> str:
        return describe(self)


def align_documents(docs: Sequence[Document], config: AlignConfig | None = None,
                    join: JoinConfig | None = None, stem: str | None = None, *,
                    aligner: PairAligner | None = None, embed: Embed | None = None) -> AlignedDocument:
    """Groups of two or three segmented documents (any order, any language first), with each pair's view.

    ``aligner(src_doc, tgt_doc, config) -> Alignment`` replaces the bilingual aligner (tests inject
    hand-made alignments through it); ``embed`` replaces the sentence encoder of the split step (by
    default the configured encoder, when the embedding signal is on).
    """
    config = config or AlignConfig()
    join = join or JoinConfig()
    check_documents(docs)
    alignments = pairwise(docs, config, aligner)
    aligned = combine(docs, alignments, stem)
    # the split step judges a group by every language in it: with two, it would only second-guess the one
    # aligner's own links, so a bilingual set keeps them (and --links equals the bilingual aligner)
    if join.split and len(docs) > 2:
        if embed is None and "embedding" in config.signals:
            embed = get_encoder(config.encoder).embed
        if embed is not None:
            aligned = split_merged(aligned, embed, join.split_min_sim, join.split_margin, join.split_orphan_max)
    views = []
    if len(docs) > 2:
        for pair in combinations(file_order(aligned.langs), 2):
            alignment = alignments.get(pair) or alignments.get(pair[::-1])
            views.append((pair, project(aligned, pair, alignment)))
    return AlignedDocument(aligned.stem, aligned.documents, aligned.groups, aligned.signature, tuple(views),
                           tuple(alignments.values()))
