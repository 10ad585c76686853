"""The main job: versions of a document -> groups -> TMX files, glossary and report.

- :mod:`.settings`: everything about a run but its inputs, and its signature;
- :mod:`.document`: one document, pure (documents in, files as bytes out);
- :mod:`.outputs`: a document's files written all or none;
- :mod:`.corpus`: many documents, with a pluggable ``map`` (:mod:`.listing` streams the corpus,
  :mod:`.resume` skips what an earlier run finished, :mod:`.cluster` maps over a Dask cluster).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from alignmem.io.atomic import check_writable
from alignmem.join import PairAligner
from alignmem.model import Document
from alignmem.pipeline.corpus import (
    CorpusResult,
    Failure,
    Skipped,
    Waiting,
    align_corpus,
    default_workers,
    find_corpus,
    pool_map,
    run_corpus,
    serial_map,
)
from alignmem.pipeline.document import (
    DocumentOutput,
    DocumentResult,
    OutputFile,
    align_set,
    build_document,
    check_output_name,
    default_base,
    read_and_segment,
    stem_of,
)
from alignmem.pipeline.outputs import write_outputs
from alignmem.pipeline.settings import Settings

__all__ = [
    "CorpusResult", "DocumentOutput", "DocumentResult", "Failure", "OutputFile", "Settings", "Skipped", "Waiting",
    "align_corpus", "align_files", "align_set", "build_document", "default_workers", "export_document",
    "find_corpus", "pool_map", "read_and_segment", "run_corpus", "serial_map", "write_outputs",
]


def align_files(paths: Sequence[str | os.PathLike[str]], langs: Sequence[str] | None = None,
                output: str | os.PathLike[str] | None = None, settings: Settings = Settings(), *,
                aligner: PairAligner | None = None) -> DocumentResult:
    """``alignmem align EN RU ZH [-o tm/NAME.tmx]``: read, segment, align, export one document."""
    check_output_name(output, settings.memory)
    docs = read_and_segment(paths, langs, settings, verify_langs=langs is None)
    stem = stem_of(Path(output)) if output else docs[0].name
    base = Path(output) if output else default_base(docs[0].name)
    check_writable(base)  # said now, not after the alignment
    return export_document(docs, base, settings, stem=stem, aligner=aligner, exact_name=output is not None)


def export_document(docs: Sequence[Document], base: str | os.PathLike[str], settings: Settings = Settings(), *,
                    stem: str | None = None, aligner: PairAligner | None = None,
                    exact_name: bool = False) -> DocumentResult:
    """Align segmented ``docs`` and write their files (TMX at ``base``, the rest beside it), all or none."""
    built = build_document(docs, base, settings, stem=stem, aligner=aligner, exact_name=exact_name)
    write_outputs(built.files)
    return built.result
