"""Coverage of an aligned document: which sentences found a counterpart, per pair and per language.

For a pair (a, b), a sentence of ``a`` is covered when its group also holds a sentence of ``b``; per
language, when its group holds every other language of the set (so it reaches the multilingual TMX).
Characters are counted the same way (non-space characters), so a long missing sentence weighs more.
"""

from __future__ import annotations

from itertools import permutations

from alignmem.check.model import Coverage, DocumentCheck, Stretch, Unaligned, Unit
from alignmem.export.units import segment_text
from alignmem.model import AlignedDocument, Group


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _owner(aligned: AlignedDocument) -> dict[tuple[str, int], Group]:
    """(lang, sentence index) -> the group holding it."""
    owner: dict[tuple[str, int], Group] = {}
    for group in aligned.groups:
        for lang, sentences in zip(group.langs, group.sentences):
            for sentence in sentences:
                owner[(lang, sentence.index)] = group
    return owner


def document_check(aligned: AlignedDocument) -> DocumentCheck:
    langs = aligned.langs
    owner = _owner(aligned)
    coverage: list[Coverage] = []
    stretches: list[Stretch] = []
    pairs = list(permutations(langs, 2))
    singles = [(lang, None) for lang in langs] if len(langs) > 2 else []
    for lang, other in [*pairs, *singles]:
        doc = aligned.documents[langs.index(lang)]
        wanted = [other] if other else [x for x in langs if x != lang]
        n = covered = chars = covered_chars = 0
        run: list[int] = []
        best: list[int] = []
        for sentence in doc.sentences:
            size = _chars(sentence.text)
            n += 1
            chars += size
            group = owner.get((lang, sentence.index))
            if group is not None and all(group.has(w) for w in wanted):
                covered += 1
                covered_chars += size
                run = []
            else:
                run.append(sentence.index)
                if len(run) > len(best):
                    best = list(run)
        coverage.append(Coverage(lang, other, n, covered, chars, covered_chars))
        if other and best:
            first, last = doc.sentences[best[0]], doc.sentences[best[-1]]
            stretches.append(Stretch(aligned.stem, lang, other, first.index, last.index, first.para, last.para))
    return DocumentCheck(
        name=aligned.stem,
        langs=langs,
        sentences=tuple((doc.lang, len(doc.sentences)) for doc in aligned.documents),
        coverage=tuple(coverage),
        unaligned=tuple(_unaligned(aligned, owner)),
        stretches=tuple(stretches),
    )


def _unaligned(aligned: AlignedDocument, owner: dict[tuple[str, int], Group]) -> list[Unaligned]:
    out: list[Unaligned] = []
    for doc in aligned.documents:
        para_start: dict[int, int] = {}
        for sentence in doc.sentences:
            para_start.setdefault(sentence.para, sentence.index)
            group = owner.get((doc.lang, sentence.index))
            missing = tuple(x for x in aligned.langs if x != doc.lang and (group is None or not group.has(x)))
            if missing:
                number = sentence.index - para_start[sentence.para] + 1
                out.append(Unaligned(aligned.stem, doc.lang, sentence.para, sentence.index, number, missing,
                                     sentence.text))
    return out


def units_of(aligned: AlignedDocument) -> list[Unit]:
    """One :class:`Unit` per group, texts joined with each language's joiner."""
    units: list[Unit] = []
    for group in aligned.groups:
        texts = tuple(segment_text(sentences, lang) for lang, sentences in zip(group.langs, group.sentences))
        positions = tuple(tuple((s.para, s.index) for s in sentences) for sentences in group.sentences)
        first = next((sentences[0] for sentences in group.sentences if sentences), None)
        units.append(Unit(
            doc=aligned.stem, index=group.index, langs=group.langs, texts=texts,
            score=round(group.score, 4) if sum(1 for s in group.sentences if s) >= 2 else None,
            kind=group.kind, positions=positions, para=first.para + 1 if first else None,
            parts=tuple(tuple(s.text for s in sentences) for sentences in group.sentences),
        ))
    return units
