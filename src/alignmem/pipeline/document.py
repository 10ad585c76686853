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
from alignmem.errors import InputError, OutputError
from alignmem.export import GLOSSARY_FORMATS, Built, Naming, Options, format_class, glossary_files
from alignmem.export.tmx import TMX, creation_date
from alignmem.export.units import tus_of
from alignmem.export.xliff import XLIFF
from alignmem.glossary import build_glossary
from alignmem.join import PairAligner, align_documents
from alignmem.langs import file_order
from alignmem.model import AlignedDocument, Document
from alignmem.pipeline.settings import Settings
from alignmem.read import read_documents
from alignmem.segment import segment_document


@dataclass(frozen=True)
class OutputFile:
    path: str
    langs: tuple[str, ...]
    tus: int


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
                     settings: Settings = Settings(), *, verify_langs: bool = True) -> list[Document]:
    """Read and segment the versions of a document. ``verify_langs`` False: ``langs`` come from the user's
    ``--langs`` and override the language check (a French text given as English is read as English)."""
    docs = read_documents([str(p) for p in paths], langs=langs, encoding=settings.encoding,
                          presegmented=settings.presegmented, side=settings.side, verify_lang=verify_langs)
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


def memory_files(aligned: AlignedDocument, naming: Naming, settings: Settings, docs: Sequence[Document]) -> list[Built]:
    """The memory: TMX files, or one bilingual XLIFF per pair with the flagged units marked for review."""
    options = export_options(settings, docs)
    if settings.memory == "tmx":
        return TMX(options).files(aligned, naming)
    cls = format_class(settings.memory)
    if not issubclass(cls, XLIFF):
        raise InputError(f"{settings.memory} is not a memory format (tmx, xliff, xliff12)")
    return cls(options, review=review_marks(aligned)).files(aligned, naming)


def export_options(settings: Settings, docs: Sequence[Document]) -> Options:
    return Options(codes=dict(settings.codes), srclang=settings.srclang,
                   creationdate=creation_date([d.path for d in docs if d.path]), signature=settings.signature())


def later_stages(aligned: AlignedDocument, naming: Naming, settings: Settings) -> list[Built]:
    """Glossary and review report of a document, as files to write next to its TMX files."""
    files: list[Built] = []
    if settings.glossary:
        glossary = build_glossary(tus_of(aligned, aligned.langs), aligned.langs)
        files += glossary_files(glossary, naming.with_suffix(".glossary"), GLOSSARY_FORMATS, codes=settings.codes)
    if settings.report:
        files.append(Built(naming.single("report.html"), report_bytes(aligned)[0]))
    return files


def build_document(docs: Sequence[Document], base: str | os.PathLike[str], settings: Settings = Settings(), *,
                   stem: str | None = None, aligner: PairAligner | None = None) -> DocumentOutput:
    """Align segmented ``docs`` and make their files: TMX at ``base`` (pair names next to it), glossary
    and report beside it."""
    started = time.perf_counter()
    base = Path(base)
    if settings.srclang and settings.srclang not in [d.lang for d in docs]:
        raise InputError(f"--srclang {settings.srclang} is not one of the languages "
                         f"({','.join(d.lang for d in docs)})")
    settings = with_document_codes(settings, docs)
    aligned = align_set(docs, settings, stem or stem_of(base), aligner=aligner)
    naming = Naming(base.parent, stem_of(base))
    tmx_files = memory_files(aligned, naming, settings, docs)
    extras = later_stages(aligned, naming, settings)
    counts = tuple((d.lang, len(d.sentences)) for d in docs)
    linked = tuple((d.lang, sum(len(g.sentences[k]) for g in aligned.groups
                                if sum(1 for s in g.sentences if s) > 1)) for k, d in enumerate(docs))
    outputs = tuple(OutputFile(str(b.path), b.langs, b.units) for b in tmx_files)
    warnings = tuple(w for b in tmx_files for w in b.warnings)
    result = DocumentResult(aligned.stem, aligned.langs, counts, linked, len(aligned.groups), outputs,
                            warnings, round(time.perf_counter() - started, 3), tuple(str(b.path) for b in extras))
    return DocumentOutput(tuple(tmx_files) + tuple(extras), result)


def check_output_name(output: str | os.PathLike[str] | None, memory: str = "tmx") -> None:
    ends = (".tmx",) if memory == "tmx" else (".xlf", ".xliff")
    if output is not None and not str(output).lower().endswith(ends):
        raise OutputError(f"the output name must end in {' or '.join(ends)} (pair files are named after it)",
                          str(output))
