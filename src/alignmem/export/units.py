"""THE one way a group of sentences becomes segment text, and an aligned document becomes TUs.

Every output (TMX, links as TSV, the check's units, the report, the glossary's examples) asks here, so a
seg reads the same everywhere: the sentences joined with the language's joiner (a space, nothing for
Chinese), white space normalised, characters XML forbids replaced by a space.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from alignmem import langs as langreg
from alignmem.model import TU, AlignedDocument, Sentence
from alignmem.text.space import one_line


def segment_text(sentences: Iterable[Sentence] | Iterable[str], lang: str) -> str:
    """The seg of ``sentences`` (Sentence objects or their texts) in ``lang``."""
    texts = [s if isinstance(s, str) else s.text for s in sentences]
    return one_line(langreg.get(lang).joiner.join(texts))


def _para_starts(aligned: AlignedDocument) -> dict[tuple[str, int], int]:
    """(lang, paragraph) -> index of its first sentence, to number sentences within paragraphs."""
    starts: dict[tuple[str, int], int] = {}
    for doc in aligned.documents:
        for sentence in doc.sentences:
            key = (doc.lang, sentence.para)
            if key not in starts or sentence.index < starts[key]:
                starts[key] = sentence.index
    return starts


def tus_of(aligned: AlignedDocument, langs: Sequence[str]) -> list[TU]:
    """One TU per group that has sentences in every language of ``langs`` (in ``langs`` order).

    A group whose text would be empty in some language is skipped (an empty seg counts as a
    translation in CAT tools). The tuid is ``<stem>:p<paragraph>:s<sentence>`` of the group's first
    sentence in the first language, both 1-based.
    """
    langs = tuple(langs)
    missing = [lang for lang in langs if lang not in aligned.langs]
    if missing:
        raise ValueError(f"languages {missing} not in the aligned document ({aligned.langs})")
    starts = _para_starts(aligned)
    tus: list[TU] = []
    for group in aligned.groups:
        if not all(group.has(lang) for lang in langs):
            continue
        segs = tuple((lang, segment_text(group.of(lang), lang)) for lang in langs)
        if not all(text for _, text in segs):
            continue
        first = group.of(langs[0])[0]
        number = first.index - starts.get((langs[0], first.para), first.index) + 1
        score = group.score
        if len(langs) == 2:
            for a, b, pair_score in group.pair_scores:
                if {a, b} == set(langs):
                    score = pair_score
        tus.append(TU(
            tuid=f"{aligned.stem}:p{first.para + 1}:s{number}",
            segs=segs,
            score=round(max(0.0, min(1.0, score)), 4),
            link_type="-".join(str(len(group.of(lang))) for lang in langs),
            doc=aligned.stem,
            para=first.para + 1,
        ))
    return tus
