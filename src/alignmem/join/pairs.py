"""Every pair of languages of a document set aligned with the bilingual aligner (no pivot language)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

from alignmem.align import AlignConfig, align_sentences
from alignmem.errors import InputError, LanguageError, NotTranslationError
from alignmem.model import Alignment, Document

PairAligner = Callable[[Document, Document, AlignConfig | None], Alignment]


def default_pair_aligner(src: Document, tgt: Document, config: AlignConfig | None = None) -> Alignment:
    """The bilingual aligner of :mod:`alignmem.align` on two segmented documents."""
    return align_sentences(
        [s.text for s in src.sentences], [s.text for s in tgt.sentences], src.lang, tgt.lang,
        src_paras=[s.para for s in src.sentences], tgt_paras=[s.para for s in tgt.sentences],
        config=config,
    )


def check_documents(docs: Sequence[Document]) -> None:
    """Two or three segmented documents in distinct languages, or an :class:`InputError`."""
    if len(docs) not in (2, 3):
        raise InputError(f"need two or three documents to align, got {len(docs)}")
    seen: dict[str, Document] = {}
    for doc in docs:
        if doc.lang in seen:
            first = seen[doc.lang].path or "first document"
            raise LanguageError(f"language {doc.lang!r} given twice ({first} and {doc.path or 'another'}); "
                                "give one document per language", doc.path)
        seen[doc.lang] = doc
        if not doc.sentences:
            raise InputError("no sentences to align (empty document, or not segmented)", doc.path)




def pairwise(docs: Sequence[Document], config: AlignConfig | None = None,
             aligner: PairAligner | None = None) -> dict[tuple[str, str], Alignment]:
    """Every pair of ``docs`` aligned, keyed (lang_a, lang_b) in document order; a "not a translation"
    error names both files."""
    check_documents(docs)
    align = aligner or default_pair_aligner
    out: dict[tuple[str, str], Alignment] = {}
    for a, b in combinations(docs, 2):
        try:
            out[(a.lang, b.lang)] = align(a, b, config)
        except NotTranslationError as exc:
            if exc.path:
                raise
            raise NotTranslationError(exc.message, f"{a.path} and {b.path}") from None
    return out
