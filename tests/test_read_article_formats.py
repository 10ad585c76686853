"""The shipped article, as Word, OpenDocument and PDF files made here from its plain text, reads back to the
same paragraphs and aligns to byte-identical TMX files (the real aligner and encoder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents import docx_bytes, odt_bytes, pdf_bytes

from alignmem import pipeline
from alignmem.read import read_document

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
STEM = "lavrov-treaty-20th-anniversary-2021"
LANGS = ("en", "ru", "zh")
SETTINGS = pipeline.Settings(glossary=False, report=False)
EPOCH = "1626393600"  # the files' dates would differ; the TMX records the date


def _write(folder: Path, lang: str, kind: str) -> Path:
    plain = read_document(CORPORA / lang / f"{STEM}.txt", lang=lang)
    blocks = [(p.text, p.heading) for p in plain.paragraphs]
    path = folder / kind / lang / f"{STEM}.{kind}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "docx":
        path.write_bytes(docx_bytes([(text, "Heading 1" if heading else None) for text, heading in blocks]))
    elif kind == "odt":
        path.write_bytes(odt_bytes([(text, "h" if heading else None) for text, heading in blocks]))
    else:
        path.write_bytes(pdf_bytes([text for text, _ in blocks], headings={i for i, b in enumerate(blocks) if b[1]},
                                   running_header="Foreign Ministry of Russia · 16 July 2021"))
    return path


@pytest.fixture(scope="module")
def plain_memory(tmp_path_factory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("plain") / f"{STEM}.tmx"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = pipeline.align_files([CORPORA / lang / f"{STEM}.txt" for lang in LANGS], None, out, SETTINGS)
    return {Path(f.path).name: Path(f.path).read_bytes() for f in result.outputs}


@pytest.mark.parametrize("kind", ["docx", "odt", "pdf"])
def test_article_in_other_formats_aligns_to_the_same_tmx(kind: str, plain_memory, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    paths = [_write(tmp_path, lang, kind) for lang in LANGS]
    for lang, path in zip(LANGS, paths, strict=True):
        plain = read_document(CORPORA / lang / f"{STEM}.txt", lang=lang)
        assert [(p.text, p.heading) for p in read_document(path).paragraphs] == [
            (p.text, p.heading) for p in plain.paragraphs]
    result = pipeline.align_files(paths, None, tmp_path / "tm" / f"{STEM}.tmx", SETTINGS)
    memory = {Path(f.path).name: Path(f.path).read_bytes() for f in result.outputs}
    assert memory == plain_memory
    assert len(memory) == 4
