"""Frozen value types handed from one pipeline stage to the next.

read -> :class:`Document` (paragraphs) -> segment -> :class:`Sentence` -> align -> :class:`Link` /
:class:`Alignment` -> join languages -> :class:`Group` / :class:`AlignedDocument` -> export ->
:class:`TU` (what a TMX holds; also what reading a TMX gives back).

Offsets (``start``/``end``) are character offsets into ``Document.text``: the decoded text with BOM
removed and newlines normalised to ``\\n``. Nothing else of the text is rewritten, so
``document.text[s.start:s.end]`` is the sentence as it stands in the file; ``Sentence.text`` is the
same span with no-break, narrow no-break, full-width spaces and tabs mapped one-for-one to a plain
space (same length, so offsets stay valid).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: int  # index of the document in its set (0 for a single document)
    para: int  # 0-based paragraph index in the document
    index: int  # 0-based sentence index in the document
    start: int  # offsets into Document.text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int  # offsets into Document.text
    end: int
    text: str
    heading: bool = False  # a title or heading (HTML h1-h6, or a short line without final punctuation)


@dataclass(frozen=True)
class Document:
    lang: str  # internal code: "en", "ru", "zh"
    path: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str = "utf-8"
    sentences: tuple[Sentence, ...] = ()  # empty until segmented
    presegmented: bool = False  # one sentence per line: each line is a sentence and a paragraph
    tag: str | None = None  # the language's code in files when the text or the user says which variant
    # ("zh-TW" for Traditional Chinese, "en-GB" from --lang en-GB); None: the default code of ``lang``

    @property
    def name(self) -> str:
        """File stem, used in TU ids and reports."""
        if not self.path:
            return "document"
        return PurePath(self.path).name.split(".")[0] or "document"


@dataclass(frozen=True, slots=True)
class Link:
    """One bead of a bilingual alignment: sentence indices on each side (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float  # in [0, 1]

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True)
class Alignment:
    src_lang: str
    tgt_lang: str
    links: tuple[Link, ...]
    signature: str = ""  # every setting that produced it (see alignmem.align)
    unaligned: tuple[tuple[str, int, int], ...] = ()  # (side "src"/"tgt", first, last) long unmatched stretches


@dataclass(frozen=True)
class Group:
    """Sentences of each language that translate each other. A language may have none."""

    index: int
    langs: tuple[str, ...]  # the document set's languages, in order
    sentences: tuple[tuple[Sentence, ...], ...]  # parallel to langs
    score: float  # in [0, 1]
    pair_scores: tuple[tuple[str, str, float], ...] = ()  # (lang_a, lang_b, score) of the pairwise links

    def of(self, lang: str) -> tuple[Sentence, ...]:
        return self.sentences[self.langs.index(lang)]

    @property
    def kind(self) -> str:
        """Link type, e.g. ``1-2-1`` for en/ru/zh or ``1-2`` for a pair."""
        return "-".join(str(len(s)) for s in self.sentences)

    def has(self, lang: str) -> bool:
        return bool(self.of(lang))


@dataclass(frozen=True)
class AlignedDocument:
    """The versions of a document and their groups; with three languages, also each pair's own view of
    the groups (what the pair's TMX file and ``--links`` hold) and the pairwise alignments they came from."""

    stem: str
    documents: tuple[Document, ...]  # one per language, in group order
    groups: tuple[Group, ...]
    signature: str = ""
    views: tuple[tuple[tuple[str, str], AlignedDocument], ...] = ()  # (pair, the groups seen from it)
    alignments: tuple[Alignment, ...] = ()  # the bilingual alignments the groups were joined from

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(d.lang for d in self.documents)

    def pair(self, a: str, b: str) -> AlignedDocument:
        """The groups seen from languages ``a`` and ``b`` (the document itself when it has only those)."""
        if {a, b} == set(self.langs) and len(self.langs) == 2:
            return self
        for key, view in self.views:
            if set(key) == {a, b}:
                return view
        raise KeyError(f"no {a}-{b} view of {self.stem!r} (languages {', '.join(self.langs)})")


@dataclass(frozen=True)
class TU:
    """A translation unit as written to / read from TMX. ``segs`` is ((lang, text), ...) in file order;
    lang is the internal code (``en``/``ru``/``zh``) after mapping from the TMX code."""

    tuid: str
    segs: tuple[tuple[str, str], ...]
    score: float | None = None
    link_type: str | None = None
    doc: str | None = None
    para: int | None = None
    props: tuple[tuple[str, str], ...] = field(default=())  # any other <prop type="..."> as read

    def seg(self, lang: str) -> str | None:
        for code, text in self.segs:
            if code == lang:
                return text
        return None

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.segs)
