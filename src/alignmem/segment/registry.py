"""Language tables keyed by internal code. Tables load on first use; an unknown code is an error that
lists the known ones (through :func:`alignmem.langs.get`)."""

from __future__ import annotations

import importlib

from alignmem import langs
from alignmem.errors import LanguageError
from alignmem.segment.tables import LanguageTable

# code -> module holding TABLE
MODULES: dict[str, str] = {
    "en": "alignmem.segment.lang_en",
    "ru": "alignmem.segment.lang_ru",
    "zh": "alignmem.segment.lang_zh",
}

_loaded: dict[str, LanguageTable] = {}


def table(lang: str) -> LanguageTable:
    """The segmentation table for ``lang`` (aliases such as "zh-CN" accepted)."""
    cached = _loaded.get(lang)
    if cached is not None:
        return cached
    code = langs.get(lang).code
    module = MODULES.get(code)
    if module is None:
        known = ", ".join(sorted(MODULES))
        raise LanguageError(f"no sentence rules for language {code!r} (known: {known})")
    result = importlib.import_module(module).TABLE
    _loaded[lang] = _loaded[code] = result
    return result
