"""The main job: versions of a document -> groups -> TMX files (and, later stages, glossary and report).

    read -> segment -> align every pair -> join languages (:mod:`alignmem.multi`) -> TMX
    (:mod:`alignmem.tmx`): ``<base>.tmx`` holds the groups with all three languages, ``<base>.en-ru.tmx``
    (etc.) every group that has both languages of the pair.

All files of a document are built in memory first and written only when all of them succeeded, each
through a temporary file renamed into place, so a failure never leaves a partial result. In corpus
mode a failing document is recorded and the others still go through.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from alignmem import __version__, atomic, multi, tmx
from alignmem import langs as langreg
from alignmem.errors import AlignmemError, InputError, NotTranslationError, OutputError
from alignmem.types import AlignedDocument, Alignment, Document

CORPUS_SUFFIXES = (".txt", ".html", ".htm")
CANONICAL = tuple(langreg.LANGUAGES)  # en, ru, zh: order of languages inside files and file names


@dataclass(frozen=True)
class Settings:
    """Everything about a run that is not the input files."""

    config: object = None  # alignmem.align.AlignConfig (None: defaults)
    codes: Mapping[str, str] = field(default_factory=dict)  # internal -> TMX code overrides
    srclang: str | None = None  # TMX source language (default: the first language of the document)
    encoding: str | None = None
    presegmented: bool = False
    glossary: bool = True
    report: bool = True
    split_merged: bool = True  # split groups that sentence embeddings pair one to one (multi.split_merged)


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
class Failure:
    stem: str
    message: str


@dataclass(frozen=True)
class CorpusResult:
    results: tuple[DocumentResult, ...]
    failures: tuple[Failure, ...]
    waiting: tuple[tuple[str, tuple[str, ...]], ...]  # (stem, languages present) with one language only


# ------------------------------------------------------------------------------------------- paths
def canonical(langs: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(langs, key=lambda code: (CANONICAL.index(code) if code in CANONICAL else 99, code)))


def output_plan(base: str | os.PathLike[str], langs: Sequence[str],
                codes: Mapping[str, str] | None = None) -> list[tuple[Path, tuple[str, ...]]]:
    """(path, languages) of every file for a document: the trilingual file first, then the pairs."""
    base = Path(base)
    ordered = canonical(langs)
    plan: list[tuple[Path, tuple[str, ...]]] = []
    if len(ordered) == 3:
        plan.append((base, ordered))
    for pair in combinations(ordered, 2):
        plan.append((tmx.pair_path(base, pair, codes), pair))
    return plan


def default_base(stem: str, out_dir: str | os.PathLike[str] = "tm") -> Path:
    return Path(out_dir) / f"{stem}.tmx"


# ------------------------------------------------------------------------------------------- stages
def read_and_segment(paths: Sequence[str | os.PathLike[str]], langs: Sequence[str] | None = None,
                     settings: Settings = Settings()) -> list[Document]:
    from alignmem.read import read_documents
    from alignmem.segment import segment_document

    docs = read_documents([str(p) for p in paths], langs=langs, encoding=settings.encoding,
                          presegmented=settings.presegmented)
    segmented = [segment_document(doc, doc_index=k) for k, doc in enumerate(docs)]
    for doc in segmented:
        if not doc.sentences:
            raise InputError("no sentences found in the file", doc.path)
    return segmented


def _checked_aligner(aligner: multi.PairAligner) -> multi.PairAligner:
    """The pair aligner, with 'not a translation' errors naming both files."""

    def align(src: Document, tgt: Document, config: object):
        try:
            return aligner(src, tgt, config)
        except NotTranslationError as exc:
            if exc.path:
                raise
            raise NotTranslationError(exc.message, f"{src.path} and {tgt.path}") from None

    return align


_Built = tuple[Path, bytes, int, tuple[str, ...]]  # path, content, TU count, languages


def build_files(aligned: AlignedDocument, alignments: Mapping[tuple[str, str], object], base: Path,
                settings: Settings, source_paths: Sequence[str]) -> tuple[list[_Built], list[str]]:
    """The TMX files of one document as (path, bytes, TU count, langs), plus warnings."""
    date = tmx.creation_date(source_paths)
    warnings: list[str] = []
    files = []
    user_order = aligned.langs
    for path, langs in output_plan(base, aligned.langs, settings.codes):
        if len(langs) == len(aligned.langs):
            view = aligned
        else:
            alignment = alignments.get(langs) or alignments.get(langs[::-1])
            view = multi.project(aligned, langs, alignment)  # type: ignore[arg-type]
        tus = tmx.tus_from_groups(view, langs)
        srclang = settings.srclang if settings.srclang in langs else next(x for x in user_order if x in langs)
        props = [("x-alignmem-signature", signature(aligned, langs, _embedder(settings) is not None))]
        data = tmx.tmx_bytes(tus, langs, srclang=srclang, codes=settings.codes, header_props=props,
                             creationdate=date, warnings=warnings)
        files.append((path, data, len(tus), langs))
    return files, warnings


def signature(aligned: AlignedDocument, langs: Sequence[str], split: bool = False) -> str:
    """How a file was made: tool version, languages, the aligner's settings."""
    parts = [f"alignmem:{__version__}", f"langs:{','.join(langs)}", f"join:multi-{len(aligned.langs)}"]
    if split:
        parts.append(f"split:embedding/{multi.SPLIT_MIN_SIM:g}/{multi.SPLIT_MARGIN:g}")
    if aligned.signature:
        parts.extend(part for part in aligned.signature.split("|")
                     if not part.startswith(("langs:", "alignmem-")))
    return "|".join(parts)


# ------------------------------------------------------------------------------------------- one doc
def align_group(docs: Sequence[Document], settings: Settings = Settings(), stem: str | None = None, *,
                aligner: multi.PairAligner | None = None,
                ) -> tuple[AlignedDocument, dict[tuple[str, str], Alignment]]:
    """The groups exactly as the TMX files get them (every pair aligned, joined, merged groups split),
    with the pairwise alignments. Other stages (check, glossary) use this to see the same groups."""
    multi.check_documents(docs)
    pair_aligner = _checked_aligner(aligner or multi.default_pair_aligner)
    alignments = multi.pairwise(docs, settings.config, pair_aligner)
    aligned = multi.combine(docs, alignments, stem)
    embed = _embedder(settings)
    if embed is not None:
        aligned = multi.split_merged(aligned, embed)
    return aligned, alignments


def process(docs: Sequence[Document], base: str | os.PathLike[str], settings: Settings = Settings(), *,
            stem: str | None = None, aligner: multi.PairAligner | None = None) -> DocumentResult:
    """Align segmented ``docs`` and write their TMX files at ``base`` (and the pair names next to it)."""
    started = time.perf_counter()
    base = Path(base)
    if settings.srclang and settings.srclang not in [d.lang for d in docs]:
        raise InputError(f"--srclang {settings.srclang} is not one of the languages "
                         f"({','.join(d.lang for d in docs)})")
    aligned, alignments = align_group(docs, settings, stem or _stem(base), aligner=aligner)
    files, warnings = build_files(aligned, alignments, base, settings, [d.path for d in docs if d.path])
    later = later_stages(aligned, base, settings)
    # the TMX files, the glossary and the report of a document are written together, all or none
    atomic.write_files([(path, data) for path, data, _, _ in files] + later)
    extras = [str(path) for path, _ in later]
    counts = tuple((d.lang, len(d.sentences)) for d in docs)
    linked = tuple((d.lang, sum(len(g.sentences[k]) for g in aligned.groups
                                if sum(1 for s in g.sentences if s) > 1)) for k, d in enumerate(docs))
    outputs = tuple(OutputFile(str(path), langs, n) for path, _, n, langs in files)
    return DocumentResult(aligned.stem, aligned.langs, counts, linked, len(aligned.groups), outputs,
                          tuple(warnings), round(time.perf_counter() - started, 3), tuple(extras))


def _embedder(settings: Settings) -> multi.Embed | None:
    """The sentence encoder for :func:`multi.split_merged`, loaded only when a group needs it."""
    if not settings.split_merged:
        return None
    signals = getattr(settings.config, "signals", None)
    if signals is None:
        from alignmem.align.config import DEFAULT_SIGNALS

        signals = DEFAULT_SIGNALS
    if "embedding" not in signals:
        return None

    def embed(texts: Sequence[str]):
        from alignmem.align import encoder

        return encoder().embed(texts)

    return embed


def _stem(base: Path) -> str:
    name = base.name
    return name[: -len(".tmx")] if name.lower().endswith(".tmx") else name


def later_stages(aligned: AlignedDocument, base: Path, settings: Settings) -> list[tuple[Path, bytes]]:
    """Glossary and review report of a document, as files (path, content) to write next to its TMX files."""
    files: list[tuple[Path, bytes]] = []
    if settings.glossary:
        from alignmem.glossary import all_files, build_glossary

        glossary = build_glossary(tmx.tus_from_groups(aligned, aligned.langs), aligned.langs)
        files += all_files(glossary, base.parent, _stem(base), codes=settings.codes)
    if settings.report:
        from alignmem.check import report_bytes

        files.append((base.with_name(f"{_stem(base)}.report.html"), report_bytes(aligned)[0]))
    return files


def align_files(paths: Sequence[str | os.PathLike[str]], langs: Sequence[str] | None = None,
                output: str | os.PathLike[str] | None = None, settings: Settings = Settings(), *,
                aligner: multi.PairAligner | None = None) -> DocumentResult:
    """``alignmem align EN RU ZH [-o tm/NAME.tmx]``: read, segment, align, export one document."""
    if output is not None and not str(output).lower().endswith(".tmx"):
        raise OutputError("the output name must end in .tmx (pair files are named after it)", str(output))
    docs = read_and_segment(paths, langs, settings)
    stem = _stem(Path(output)) if output else docs[0].name
    base = Path(output) if output else default_base(docs[0].name)
    return process(docs, base, settings, stem=stem, aligner=aligner)


# ------------------------------------------------------------------------------------------- corpus
def find_corpus(corpus: str | os.PathLike[str],
                problems: dict[str, str] | None = None) -> dict[str, dict[str, Path]]:
    """stem -> {lang: path} for every file in ``corpus/en|ru|zh`` (README files ignored).

    Two files of one stem in one language folder are an error; with ``problems`` given, the stem is
    left out and the error recorded there instead (so that the other documents go through).
    """
    root = Path(corpus)
    if not root.is_dir():
        raise InputError("corpus folder not found (expected en/, ru/ and zh/ inside)", str(root))
    found: dict[str, dict[str, Path]] = {}
    for lang in CANONICAL:
        folder = root / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.stem.upper() == "README":
                continue
            if path.suffix.lower() not in CORPUS_SUFFIXES:
                continue
            stem = path.name.split(".")[0]
            if lang in found.setdefault(stem, {}):
                other = found[stem][lang]
                error = InputError(f"two {lang} versions of {stem!r}: {other.name} and {path.name}; keep one",
                                   str(folder))
                if problems is None:
                    raise error
                problems.setdefault(stem, str(error))
            found[stem][lang] = path
    return {stem: files for stem, files in found.items() if not problems or stem not in problems}


def align_corpus(corpus: str | os.PathLike[str], out_dir: str | os.PathLike[str] = "tm",
                 settings: Settings = Settings(), *,
                 on_progress: Callable[[int, int, str], None] | None = None,
                 aligner: multi.PairAligner | None = None) -> CorpusResult:
    """Every stem found in at least two languages, aligned and exported to ``out_dir``."""
    problems: dict[str, str] = {}
    found = find_corpus(corpus, problems)
    ready = {stem: files for stem, files in found.items() if len(files) >= 2}
    waiting = tuple((stem, canonical(files)) for stem, files in sorted(found.items()) if len(files) < 2)
    results: list[DocumentResult] = []
    failures = [Failure(stem, message) for stem, message in sorted(problems.items())]
    for done, stem in enumerate(sorted(ready)):
        if on_progress:
            on_progress(done, len(ready), stem)
        files = ready[stem]
        order = canonical(files)
        try:
            docs = read_and_segment([files[lang] for lang in order], list(order), settings)
            results.append(process(docs, default_base(stem, out_dir), settings, stem=stem, aligner=aligner))
        except AlignmemError as exc:
            failures.append(Failure(stem, str(exc)))
    if on_progress:
        on_progress(len(ready), len(ready), "")
    return CorpusResult(tuple(results), tuple(failures), waiting)
