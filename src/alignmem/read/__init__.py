"""Read documents: file -> bytes -> a reader of the registry -> text and paragraphs, with the language
checked or detected.

Readers (:mod:`.registry`, one file each): Word (.docx), OpenDocument (.odt), PDF (``alignmem[pdf]``),
XLIFF 1.2/2.x, PO, TMX and CSV (one side or language), HTML pages (the article is extracted) and plain text
(UTF-8, UTF-16, legacy Russian and Chinese encodings; presegmented: one sentence a line). Every problem
with a file is an :class:`~alignmem.errors.InputError` naming the file; nothing here prints.

The language is then checked beyond its script (:mod:`alignmem.text.langid`): a French or German text is
not English, a Ukrainian or Bulgarian one not Russian; Traditional Chinese is Chinese tagged ``zh-TW``.

    >>> doc = read_document("corpora/ru/lavrov-2021.txt")      # doctest: +SKIP
    >>> doc.lang, doc.paragraphs[0].text                        # doctest: +SKIP
    ('ru', 'Выступление министра ...')
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from alignmem import langs as languages
from alignmem.errors import InputError, LanguageError
from alignmem.model import Document
from alignmem.read.csv import CsvReader
from alignmem.read.docx import DocxReader
from alignmem.read.encoding import decode
from alignmem.read.html import HtmlReader
from alignmem.read.odt import OdtReader
from alignmem.read.pdf import PdfReader
from alignmem.read.plain import PlainReader
from alignmem.read.po import PoReader
from alignmem.read.registry import SIDES, Reader, ReadOptions, choose
from alignmem.read.tmx import TmxReader
from alignmem.read.xliff import XliffReader
from alignmem.text.langid import identify
from alignmem.text.script import (
    SCRIPT_TO_LANG,
    describe_script,
    detect_language,
    dominant_script,
    script_weights,
)

__all__ = ["MAX_FILE_BYTES", "READERS", "SIDES", "check_bytes", "decode", "detect_language",
           "document_from_bytes", "read_bytes", "read_document", "read_documents"]

MAX_FILE_BYTES = 64 * 1024 * 1024
# Sniffed in this order (XLIFF and TMX before HTML: all are XML); the last one takes any file no other
# reader claims.
READERS: tuple[Reader, ...] = (DocxReader(), OdtReader(), PdfReader(), XliffReader(), TmxReader(), PoReader(),
                               CsvReader(), HtmlReader(), PlainReader())
# The declared language's script must make at least this share of the (weighted) letters; below it the
# text is in another language. Generous on purpose: quotations and names in other scripts are normal.
MIN_DECLARED_SHARE = 0.2


def read_document(
    path: str | Path, lang: str | None = None, encoding: str | None = None, presegmented: bool = False,
    data: bytes | None = None, *, side: str | None = None, verify_lang: bool = True,
) -> Document:
    """Read one document: paragraphs filled, sentences empty.

    ``lang`` is any code :func:`alignmem.langs.get` accepts (``zh-TW`` and ``en-GB`` too: the variant
    becomes the document's tag); when None the language is detected. A text whose script contradicts
    ``lang`` is a :class:`LanguageError`, and so is one in another language of the script (French for
    English) unless ``verify_lang`` is False (the user's ``--lang`` overrides the check). ``side``
    chooses the source or target side of a bilingual file (XLIFF, PO, TMX, CSV). ``data``: the file's
    bytes when the caller has them already (e.g. read from an object store); ``path`` then only names
    the document.
    """
    name = str(path)
    return document_from_bytes(read_bytes(name) if data is None else data, name, lang, encoding, presegmented,
                               side=side, verify_lang=verify_lang)


def document_from_bytes(
    data: bytes, name: str, lang: str | None = None, encoding: str | None = None, presegmented: bool = False,
    *, side: str | None = None, verify_lang: bool = True,
) -> Document:
    """:func:`read_document` of bytes already read (standard input); ``name`` stands for the file."""
    if side is not None and side not in SIDES:
        raise InputError(f"unknown side {side!r} (known: {', '.join(SIDES)})")
    code = languages.get(lang).code if lang else None
    check_bytes(data, name)
    reader = choose(READERS, name, data)
    found = reader.read(data, name, ReadOptions(encoding, code, presegmented, side))
    if code:
        _check_script(found.text, code, name)
    else:
        code = _detect(found.text, name)
    shown = _check_language(found.text, code, name, declared=bool(lang), refuse=verify_lang or not lang)
    said = found.tag if found.tag and languages.get_or_none(found.tag) == code else None
    tag = (languages.variant(lang) if lang else None) or (languages.variant(said) if said else None) or shown
    return Document(lang=code, path=name, text=found.text, paragraphs=found.paragraphs,
                    encoding=found.encoding, presegmented=presegmented, tag=tag)


def read_documents(
    paths: Sequence[str | Path],
    langs: Sequence[str] | None = None,
    encoding: str | None = None,
    presegmented: bool = False,
    data: Sequence[bytes] | None = None,
    *,
    side: str | None = None,
    verify_lang: bool = True,
) -> list[Document]:
    """Read the versions of one document, one per language: languages given (one per path) or detected
    (see :func:`read_document` for ``side``, ``verify_lang`` and ``data``, here one per path)."""
    codes: list[str | None] = [None] * len(paths)
    if langs is not None:
        if len(langs) != len(paths):
            raise LanguageError(
                f"{len(paths)} files but {len(langs)} languages given ({','.join(langs)}); "
                "give one language per file"
            )
        internal = [languages.get(code).code for code in langs]
        for i, code in enumerate(internal):
            if code in internal[:i]:
                raise LanguageError(f"language {code!r} given twice; give one file per language")
        codes = list(langs)
    contents: Sequence[bytes | None] = data if data is not None else [None] * len(paths)
    documents = [read_document(p, c, encoding, presegmented, d, side=side, verify_lang=verify_lang)
                 for p, c, d in zip(paths, codes, contents, strict=True)]
    for i, doc in enumerate(documents):
        for other in documents[:i]:
            if other.lang == doc.lang:
                name = languages.get(doc.lang).name
                raise LanguageError(
                    f"{other.path} and {doc.path} are both {name} ({doc.lang}); "
                    "give versions of the document in different languages"
                )
    return documents


def read_bytes(name: str) -> bytes:
    """The file's bytes, refusing what is not a readable regular file or is over the size limit."""
    try:
        info = os.stat(name)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("no such file", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {(exc.strerror or str(exc)).lower()}", name) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a file; give a text or HTML file", name)
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file; give a text or HTML file", name)
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(_too_big(info.st_size), name)
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {(exc.strerror or str(exc)).lower()}", name) from None
    return check_bytes(data, name)  # it may have grown since stat


def check_bytes(data: bytes, name: str) -> bytes:
    """``data`` if it is a readable document's size (not empty, not over the limit)."""
    if not data:
        raise InputError("file is empty", name)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(_too_big(len(data)), name)
    return data


def _too_big(size: int) -> str:
    mib = 1024 * 1024
    return (
        f"file is {size / mib:.1f} MB, over the {MAX_FILE_BYTES // mib} MB limit; "
        "split it into smaller documents"
    )


def _check_script(text: str, code: str, name: str) -> None:
    language = languages.get(code)
    weights = script_weights(text)
    if not weights:
        raise LanguageError(f"no letters in the text; is it a {language.name} document?", name)
    if weights.get(language.script, 0.0) >= MIN_DECLARED_SHARE:
        return
    found = describe_script(dominant_script(text) or "")
    raise LanguageError(f"declared {language.name} ({code}) but the text is {found}; check --lang/--langs", name)


def _check_language(text: str, code: str, name: str, declared: bool, refuse: bool) -> str | None:
    """The tag the text shows (``zh-TW`` for Traditional Chinese), else None; with ``refuse``, a text in
    another language of its script (French for English, Ukrainian for Russian) is a :class:`LanguageError`."""
    language = languages.get(code)
    verdict = identify(text, language.script)
    if verdict is None or verdict.code in (code, "zh-CN"):
        return None
    if verdict.code == "zh-TW":
        return verdict.code
    if not refuse:
        return None
    found = f"{verdict.name} ({verdict.code})" if verdict.code != "und" else verdict.name
    if declared:
        said, how = f"declared {language.name} ({code}) but the text looks {found}", "--lang/--langs"
    else:
        said, how = f"the text looks {found}, not {language.name}", f"--lang {code}"
    raise LanguageError(f"{said}: {verdict.evidence}; alignmem aligns English, Russian and Chinese (give {how} "
                        f"to read it as {language.name} anyway)", name)


def _detect(text: str, name: str) -> str:
    script = dominant_script(text)
    if script is None:
        raise LanguageError("cannot tell the language: the text has no letters", name)
    code = SCRIPT_TO_LANG.get(script)
    if code is None:
        raise LanguageError(
            f"cannot tell the language: the text is {describe_script(script)} "
            "(alignmem reads English, Russian and Chinese)",
            name,
        )
    return code
