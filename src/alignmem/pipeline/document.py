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

from alignmem.check import report_bytes
from alignmem.errors import InputError, OutputError
from alignmem.export import GLOSSARY_FORMATS, Built, Naming, Options, glossary_files
from alignmem.export.tmx import TMX, creation_date
from alignmem.export.units import tus_of
from alignmem.glossary import build_glossary
from alignmem.join import PairAligner, align_documents
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


def default_base(stem: str, out_dir: str | os.PathLike[str] = "tm") -> Path:
    return Path(out_dir) / f"{stem}.tmx"


def stem_of(base: Path) -> str:
    name = base.name
    return name[: -len(".tmx")] if name.lower().endswith(".tmx") else name


def read_and_segment(paths: Sequence[str | os.PathLike[str]], langs: Sequence[str] | None = None,
                     settings: Settings = Settings(), data: Sequence[bytes] | None = None) -> list[Document]:
    """``data``: the files' bytes when the caller has read them (``paths`` then only name them)."""
    docs = read_documents([str(p) for p in paths], langs=langs, encoding=settings.encoding,
                          presegmented=settings.presegmented, data=data)
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


def export_options(settings: Settings, docs: Sequence[Document], creationdate: str | None = None) -> Options:
    date = creationdate or creation_date([d.path for d in docs if d.path])
    return Options(codes=dict(settings.codes), srclang=settings.srclang, creationdate=date,
                   signature=settings.signature())


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
                   stem: str | None = None, aligner: PairAligner | None = None,
                   creationdate: str | None = None) -> DocumentOutput:
    """Align segmented ``docs`` and make their files: TMX at ``base`` (pair names next to it), glossary
    and report beside it. ``creationdate`` (``YYYYMMDDThhmmssZ``) replaces the date taken from the input
    files (:func:`alignmem.export.tmx.creation_date`), e.g. for inputs on an object store."""
    started = time.perf_counter()
    base = Path(base)
    if settings.srclang and settings.srclang not in [d.lang for d in docs]:
        raise InputError(f"--srclang {settings.srclang} is not one of the languages "
                         f"({','.join(d.lang for d in docs)})")
    aligned = align_set(docs, settings, stem or stem_of(base), aligner=aligner)
    naming = Naming(base.parent, stem_of(base))
    tmx_files = TMX(export_options(settings, docs, creationdate)).files(aligned, naming)
    extras = later_stages(aligned, naming, settings)
    counts = tuple((d.lang, len(d.sentences)) for d in docs)
    linked = tuple((d.lang, sum(len(g.sentences[k]) for g in aligned.groups
                                if sum(1 for s in g.sentences if s) > 1)) for k, d in enumerate(docs))
    outputs = tuple(OutputFile(str(b.path), b.langs, b.units) for b in tmx_files)
    warnings = tuple(w for b in tmx_files for w in b.warnings)
    result = DocumentResult(aligned.stem, aligned.langs, counts, linked, len(aligned.groups), outputs,
                            warnings, round(time.perf_counter() - started, 3), tuple(str(b.path) for b in extras))
    return DocumentOutput(tuple(tmx_files) + tuple(extras), result)


def check_output_name(output: str | os.PathLike[str] | None) -> None:
    if output is not None and not str(output).lower().endswith(".tmx"):
        raise OutputError("the output name must end in .tmx (pair files are named after it)", str(output))
