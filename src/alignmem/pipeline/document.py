"""One document, pure: its versions in, its output files out as bytes (nothing is written here).

    read -> segment -> :func:`alignmem.join.align_documents` (the composition) -> TMX files
    (:mod:`alignmem.export.tmx`), glossary (:mod:`alignmem.glossary`, formats of :mod:`alignmem.export`)
    and review report (:mod:`alignmem.check`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from alignmem.check import CheckConfig, check_units, report_bytes, units_of_tus
from alignmem.errors import InputError, NotTranslationError, OutputError
from alignmem.export import GLOSSARY_FORMATS, Built, Naming, Options, format_class, glossary_files
from alignmem.export.links import pairs_of
from alignmem.export.tmx import TMX, creation_date
from alignmem.export.units import tus_of
from alignmem.export.xliff import XLIFF
from alignmem.glossary import build_glossary
from alignmem.join import PairAligner, align_documents
from alignmem.langs import file_order
from alignmem.model import AlignedDocument, Document
from alignmem.pipeline.settings import Settings
from alignmem.read import read_documents
from alignmem.score.length import CHARS_PER_LANG
from alignmem.segment import segment_document
from alignmem.text.space import squeeze


@dataclass(frozen=True)
class OutputFile:
    path: str
    langs: tuple[str, ...]
    tus: int


@dataclass(frozen=True)
class PairFigures:
    """How much of a language pair made it into the pair's memory."""

    a: str
    b: str
    sentences: tuple[int, int]  # of a, of b
    aligned: tuple[int, int]  # sentences of a and of b in a group holding both
    chars: tuple[int, int]  # non-space characters of a, of b
    aligned_chars: tuple[int, int]

    @property
    def pair(self) -> str:
        return f"{self.a}-{self.b}"

    @property
    def share(self) -> float:
        """Aligned sentences of both sides over all sentences of both."""
        total = sum(self.sentences)
        return sum(self.aligned) / total if total else 0.0

    @property
    def shorter_char_share(self) -> float:
        """Aligned characters of the side with fewer characters (a partial translation is not a failure)."""
        side = 0 if self.chars[0] <= self.chars[1] else 1
        return self.aligned_chars[side] / self.chars[side] if self.chars[side] else 0.0


@dataclass(frozen=True)
class DocumentResult:
    stem: str
    langs: tuple[str, ...]  # in the order the documents were given
    sentences: tuple[tuple[str, int], ...]  # (lang, sentence count)
    aligned: tuple[tuple[str, int], ...]  # (lang, sentences in a group with another language)
    groups: int
    outputs: tuple[OutputFile, ...]
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    extras: tuple[str, ...] = ()  # glossary and report files written beside the TMX files
    pairs: tuple[PairFigures, ...] = ()  # per language pair, in file order

    @property
    def tus(self) -> int:
        """TUs of the main file: the trilingual one, or the only pair file."""
        return self.outputs[0].tus if self.outputs else 0

    @property
    def aligned_share(self) -> float:
        total = sum(n for _, n in self.sentences)
        return sum(n for _, n in self.aligned) / total if total else 0.0


@dataclass(frozen=True)
class DocumentOutput:
    """A document's files, not written yet, and the summary of what they hold."""

    files: tuple[Built, ...]
    result: DocumentResult


MEMORY_SUFFIXES = (".tmx", ".xlf", ".xliff")


def default_base(stem: str, out_dir: str | os.PathLike[str] = "tm") -> Path:
    return Path(out_dir) / f"{stem}.tmx"


def stem_of(base: Path) -> str:
    name = base.name
    for suffix in MEMORY_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_and_segment(paths: Sequence[str | os.PathLike[str]], langs: Sequence[str] | None = None,
                     settings: Settings = Settings(), data: Sequence[bytes] | None = None, *,
                     verify_langs: bool = True) -> list[Document]:
    """Read and segment the versions of a document. ``data``: the files' bytes when the caller has read them
    (``paths`` then only name them). ``verify_langs`` False: ``langs`` come from the user's ``--langs`` and
    override the language check (a French text given as English is read as English)."""
    docs = read_documents([str(p) for p in paths], langs=langs, encoding=settings.encoding,
                          presegmented=settings.presegmented, side=settings.side, verify_lang=verify_langs,
                          data=data)
    segmented = [segment_document(doc, doc_index=k) for k, doc in enumerate(docs)]
    for doc in segmented:
        if not doc.sentences:
            raise InputError("no sentences found in the file", doc.path)
    return segmented


def align_set(docs: Sequence[Document], settings: Settings = Settings(), stem: str | None = None, *,
              aligner: PairAligner | None = None) -> AlignedDocument:
    """The groups exactly as the output files get them (:func:`alignmem.join.align_documents`)."""
    aligned = align_documents(docs, settings.align, settings.join, stem, aligner=aligner)
    return replace(aligned, signature=settings.signature())


def with_document_codes(settings: Settings, docs: Sequence[Document]) -> Settings:
    """The codes written in files follow what the documents say of their variant (Traditional Chinese ->
    ``zh-TW``, ``--langs en-GB`` -> ``en-GB``), unless ``--tmx-codes`` says otherwise."""
    shown = {doc.lang: doc.tag for doc in docs if doc.tag}
    if not shown:
        return settings
    return replace(settings, codes={**shown, **settings.codes})


def review_marks(aligned: AlignedDocument,
                 config: CheckConfig | None = None) -> dict[tuple[str, str], dict[str, tuple[str, ...]]]:
    """Per language pair (file order), tuid -> the check's flags (``code: reason``) of the pair's TUs: what
    an XLIFF marks for review."""
    marks: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
    langs = file_order(aligned.langs)
    for i, a in enumerate(langs):
        for b in langs[i + 1:]:
            tus = tus_of(aligned.pair(a, b), (a, b))
            result = check_units(units_of_tus(tus, aligned.stem), config)
            marks[(a, b)] = {checked.unit.tuid: tuple(f"{flag.code}: {flag.reason}" for flag in checked.flags)
                             for checked in result.units if checked.flags}
    return marks


def memory_files(aligned: AlignedDocument, naming: Naming, settings: Settings, docs: Sequence[Document],
                 output: Path | None = None, creationdate: str | None = None) -> list[Built]:
    """The memory: TMX files, or one bilingual XLIFF per pair with the flagged units marked for review;
    ``output`` names the only file of a two-language document."""
    options = export_options(settings, docs, creationdate)
    if settings.memory == "tmx":
        return TMX(options).files(aligned, naming, output)
    cls = format_class(settings.memory)
    if not issubclass(cls, XLIFF):
        raise InputError(f"{settings.memory} is not a memory format (tmx, xliff, xliff12)")
    return cls(options, review=review_marks(aligned)).files(aligned, naming, output)


def export_options(settings: Settings, docs: Sequence[Document], creationdate: str | None = None) -> Options:
    date = creationdate or creation_date([d.path for d in docs if d.path])
    return Options(codes=dict(settings.codes), srclang=settings.srclang, creationdate=date,
                   signature=settings.signature())


def glossary_and_report(aligned: AlignedDocument, naming: Naming, settings: Settings) -> list[Built]:
    """Glossary and review report of a document, as files to write next to its TMX files."""
    files: list[Built] = []
    if settings.glossary:
        glossary = build_glossary(tus_of(aligned, aligned.langs), aligned.langs)
        files += glossary_files(glossary, naming.with_suffix(".glossary"), GLOSSARY_FORMATS, codes=settings.codes)
    if settings.report:
        files.append(Built(naming.single("report.html"), report_bytes(aligned)[0]))
    return files


def build_document(docs: Sequence[Document], base: str | os.PathLike[str], settings: Settings = Settings(), *,
                   stem: str | None = None, aligner: PairAligner | None = None,
                   exact_name: bool = False, creationdate: str | None = None) -> DocumentOutput:
    """Align segmented ``docs`` and make their files: TMX at ``base`` (pair names next to it), glossary
    and report beside it. With ``exact_name`` (a name the user gave), a two-language document's TMX file
    is ``base`` itself rather than ``NAME.en-ru.tmx``. ``creationdate`` (``YYYYMMDDThhmmssZ``) replaces
    the date taken from the input files (:func:`alignmem.export.tmx.creation_date`), e.g. for inputs on an
    object store."""
    started = time.perf_counter()
    base = Path(base)
    if settings.srclang and settings.srclang not in [d.lang for d in docs]:
        raise InputError(f"--srclang {settings.srclang} is not one of the languages "
                         f"({','.join(d.lang for d in docs)})")
    settings = with_document_codes(settings, docs)
    aligned = align_set(docs, settings, stem or stem_of(base), aligner=aligner)
    figures = pair_figures(aligned)
    if not settings.align.force:
        check_pairs(figures, docs)
    naming = Naming(base.parent, stem_of(base))
    tmx_files = memory_files(aligned, naming, settings, docs, base if exact_name else None, creationdate)
    extras = glossary_and_report(aligned, naming, settings)
    counts = tuple((d.lang, len(d.sentences)) for d in docs)
    linked = tuple((d.lang, sum(len(g.sentences[k]) for g in aligned.groups
                                if sum(1 for s in g.sentences if s) > 1)) for k, d in enumerate(docs))
    outputs = tuple(OutputFile(str(b.path), b.langs, b.units) for b in tmx_files)
    warnings = tuple(w for b in tmx_files for w in b.warnings)
    result = DocumentResult(aligned.stem, aligned.langs, counts, linked, len(aligned.groups), outputs,
                            warnings, round(time.perf_counter() - started, 3), tuple(str(b.path) for b in extras),
                            figures)
    return DocumentOutput(tuple(tmx_files) + tuple(extras), result)


# A pair whose memory holds less than this share of the characters of its shorter text failed: one of its
# texts is not a translation of the other (an abridged translation still has most of ITS text aligned).
MIN_PAIR_CHAR_SHARE = 0.5
# Nor is a text a tenth of the size its partner would have in its language (a fragment, another text).
MIN_SIZE_RATIO = 0.1


def _chars(text: str) -> int:
    return len(squeeze(text))


def pair_figures(aligned: AlignedDocument) -> tuple[PairFigures, ...]:
    out = []
    for a, b in pairs_of(aligned):
        view = aligned.pair(a, b)
        docs = {d.lang: d for d in view.documents}
        linked = [g for g in view.groups if g.has(a) and g.has(b)]
        aligned_counts = tuple(sum(len(g.of(x)) for g in linked) for x in (a, b))
        aligned_chars = tuple(sum(_chars(s.text) for g in linked for s in g.of(x)) for x in (a, b))
        out.append(PairFigures(a, b, (len(docs[a].sentences), len(docs[b].sentences)), aligned_counts,  # type: ignore[arg-type]
                               tuple(sum(_chars(s.text) for s in docs[x].sentences) for x in (a, b)),  # type: ignore[arg-type]
                               aligned_chars))  # type: ignore[arg-type]
    return tuple(out)


def check_pairs(figures: Sequence[PairFigures], docs: Sequence[Document]) -> None:
    """A pair that is not a translation fails its document, named (issue: a failed pair used to pass
    silently behind one pooled share)."""
    paths = {d.lang: d.path for d in docs}
    for pair in figures:
        size_a = pair.chars[0] / CHARS_PER_LANG.get(pair.a, 1.0)
        size_b = pair.chars[1] / CHARS_PER_LANG.get(pair.b, 1.0)
        ratio = min(size_a, size_b) / max(size_a, size_b, 1e-9)
        if ratio < MIN_SIZE_RATIO:
            small = pair.a if size_a < size_b else pair.b
            raise NotTranslationError(
                f"{pair.pair}: the {small} text is {ratio:.0%} of the size a translation of the other would "
                "have; the texts do not look like translations of each other; use --force to align them anyway",
                f"{paths[pair.a]} and {paths[pair.b]}")
        if pair.shorter_char_share < MIN_PAIR_CHAR_SHARE:
            raise NotTranslationError(
                f"{pair.pair}: only {pair.shorter_char_share:.0%} of the shorter text found a counterpart; the "
                "texts do not look like translations of each other; use --force to align them anyway",
                f"{paths[pair.a]} and {paths[pair.b]}")


def check_output_name(output: str | os.PathLike[str] | None, memory: str = "tmx") -> None:
    ends = (".tmx",) if memory == "tmx" else (".xlf", ".xliff")
    if output is not None and not str(output).lower().endswith(ends):
        raise OutputError(f"the output name must end in {' or '.join(ends)} (pair files are named after it)",
                          str(output))
