"""Name similarity across scripts (Putin / Путин / 普京): the project's transliteration in
:mod:`alignmem.anchors`, with a small fallback (Cyrillic table, pypinyin) when that is unavailable."""

from __future__ import annotations

import functools

_RU = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),  # noqa: SIM905
        strict=True,
    )
)
MIN_NAME_SIMILARITY = 0.6  # below this two names are taken as unrelated (score 0)


def _fallback_latin(text: str) -> str:
    out = []
    for ch in text.lower():
        if ch in _RU:
            out.append("" if _RU[ch] == "_" else _RU[ch])
        elif "\u4e00" <= ch <= "\u9fff":
            from pypinyin import lazy_pinyin

            out.append("".join(lazy_pinyin(ch)))
        else:
            out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=100_000)
def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names written in any of the scripts (0 when they differ a lot)."""
    try:
        from alignmem.anchors import name_similarity as shared
    except ImportError:
        shared = None
    if shared is not None:
        score = float(shared(a, b))
    else:
        from rapidfuzz import fuzz

        la, lb = _fallback_latin(a).replace(" ", ""), _fallback_latin(b).replace(" ", "")
        score = fuzz.ratio(la, lb) / 100.0 if la and lb else 0.0
    return score if score >= MIN_NAME_SIMILARITY else 0.0
