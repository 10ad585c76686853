"""CSV of translations: one row, one paragraph, from the column asked for.

Two shapes: a header naming languages (``en,ru,zh-CN``: the column of the language asked for, else the
first) or translate-toolkit's ``csvfile`` layout (``source``/``target`` columns, as in a CSV exported from a
localisation tool or written by ``po2csv``), read on the side :func:`alignmem.read.bilingual.side_of`
chooses. The encoding is detected as for plain text; HTML tags in cells are removed.
"""

from __future__ import annotations

import csv
import io

from alignmem.errors import FormatError, InputError
from alignmem.langs import ALIASES
from alignmem.read.bilingual import language_of, side_of, strip_tags
from alignmem.read.encoding import decode
from alignmem.read.registry import Block, Extracted, Reader, ReadOptions, from_blocks

MAX_FIELD = 1 << 20  # characters in one cell


class CsvReader(Reader):
    name = "csv"
    suffixes = frozenset({".csv"})

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not CSV", path)
        text, used = decode(data, path, options.encoding, options.lang)
        rows = _rows(text, path)
        if not rows:
            raise InputError("the CSV file is empty", path)
        header = [cell.strip() for cell in rows[0]]
        if header and all(_is_language(cell) for cell in header if cell) and any(header):
            code = language_of(options, [cell for cell in header if cell], None, path, "CSV file")
            column = header.index(code)
            cells = [row[column] if column < len(row) else "" for row in rows[1:]]
        else:
            code, cells = None, _translate_toolkit_cells(text, path, options)
        found = from_blocks([Block(strip_tags(cell)) for cell in cells], used, code)
        if not found.paragraphs:
            raise InputError("the CSV file has no text in the column read (see --side/--lang)", path)
        return found


def _rows(text: str, path: str) -> list[list[str]]:
    csv.field_size_limit(MAX_FIELD)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), dialect) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise FormatError(f"not valid CSV: {exc}", path) from None


def _is_language(cell: str) -> bool:
    key = cell.strip().lower().replace("_", "-")
    return key in ALIASES or key.split("-")[0] in ("en", "ru", "zh") and len(key) <= 10


def _translate_toolkit_cells(text: str, path: str, options: ReadOptions) -> list[str]:
    from translate.storage import base, csvl10n

    try:
        store = csvl10n.csvfile.parsestring(text.encode("utf-8"))
    except (base.ParseError, csv.Error, ValueError, UnicodeError, TypeError, KeyError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FormatError(f"not a translation CSV: {detail}", path) from None
    side = side_of(options, store.getsourcelanguage(), store.gettargetlanguage())
    return [str((unit.target if side == "target" else unit.source) or "") for unit in store.units
            if not unit.isheader()]
