"""Bilingual links of a pair's view of the groups: the vecalign/Bertalign link format (``[0,1]:[0]``, a
sentence with no counterpart ``[5]:[]``) and readable TSV (score, link type, source text, target text).

A pair's links are exactly the groups its TMX file holds (the same :meth:`AlignedDocument.pair` view),
plus one omission link for each sentence with no counterpart in the pair.
"""

from __future__ import annotations

from pathlib import Path

from alignmem.export.base import Built, Format, Naming
from alignmem.export.units import segment_text
from alignmem.io.links import format_links
from alignmem.langs import file_order
from alignmem.model import AlignedDocument, Link


def pair_links(view: AlignedDocument) -> list[Link]:
    """The links of a two-language view: one per group, in group order, source = the view's first
    language; groups with one language give one omission link per sentence."""
    a, b = view.langs
    links: list[Link] = []
    for group in view.groups:
        src = tuple(s.index for s in group.of(a))
        tgt = tuple(s.index for s in group.of(b))
        if src and tgt:
            links.append(Link(src, tgt, round(group.score, 4)))
        else:
            links.extend(Link((i,), (), 0.0) for i in src)
            links.extend(Link((), (j,), 0.0) for j in tgt)
    return links


def pairs_of(aligned: AlignedDocument) -> list[tuple[str, str]]:
    """The language pairs of a document, source first: the given order for two languages, file order
    (en-ru, en-zh, ru-zh) for three."""
    if len(aligned.langs) == 2:
        return [aligned.langs]  # type: ignore[list-item]
    ordered = file_order(aligned.langs)
    return [(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1:]]


def oriented_view(aligned: AlignedDocument, a: str, b: str) -> AlignedDocument:
    """The pair view with ``a`` as its first language."""
    view = aligned.pair(a, b)
    if view.langs == (a, b):
        return view
    docs = tuple(view.documents[::-1])
    groups = tuple(type(g)(g.index, (a, b), (g.of(a), g.of(b)), g.score, g.pair_scores) for g in view.groups)
    return AlignedDocument(view.stem, docs, groups, view.signature)


def links_of(aligned: AlignedDocument, a: str, b: str) -> list[Link]:
    """The links of languages ``a`` -> ``b`` of a document (what ``align --links`` writes for the pair)."""
    return pair_links(oriented_view(aligned, a, b))


class _PerPair(Format):
    ext = ""

    def text(self, view: AlignedDocument) -> str:
        raise NotImplementedError

    def files(self, subject: AlignedDocument, naming: Naming, output: Path | None = None) -> list[Built]:
        built = []
        pairs = pairs_of(subject)
        for a, b in pairs:
            view = oriented_view(subject, a, b)
            codes = self.codes((a, b))
            path = output if output is not None and len(pairs) == 1 else naming.pair(codes[a], codes[b], self.ext)
            built.append(Built(path, self.text(view).encode("utf-8"), (a, b), len(view.groups)))
        return built


class Links(_PerPair):
    name = "links"
    ext = "align"
    description = "bilingual links per language pair, vecalign/Bertalign format"

    def text(self, view: AlignedDocument) -> str:
        return format_links(pair_links(view))


class TSV(_PerPair):
    name = "tsv"
    ext = "tsv"
    description = "score, link type, source and target text per link, tab-separated"

    def text(self, view: AlignedDocument) -> str:
        a, b = view.langs
        src, tgt = view.documents
        lines = []
        for link in pair_links(view):
            s = segment_text((src.sentences[i] for i in link.src), a)
            t = segment_text((tgt.sentences[j] for j in link.tgt), b)
            lines.append(f"{link.score:.3f}\t{link.kind}\t{s}\t{t}\n")
        return "".join(lines)
