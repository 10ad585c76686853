"""Language tables keyed by internal code; an unknown code is an error that lists the known ones (through
:func:`alignmem.langs.get`)."""

from __future__ import annotations

from alignmem import langs
from alignmem.errors import LanguageError
from alignmem.segment import lang_en, lang_ru, lang_zh
from alignmem.segment.tables import LanguageTable

TABLES: dict[str, LanguageTable] = {"en": lang_en.TABLE, "ru": lang_ru.TABLE, "zh": lang_zh.TABLE}


def table(lang: str) -> LanguageTable:
    """The segmentation table for ``lang`` (aliases such as "zh-CN" accepted)."""
    found = TABLES.get(lang)
    if found is not None:
        return found
    code = langs.get(lang).code
    if code not in TABLES:
        known = ", ".join(sorted(TABLES))
        raise LanguageError(f"no sentence rules for language {code!r} (known: {known})")
    return TABLES[code]
