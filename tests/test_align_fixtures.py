"""Golden alignments of short en/ru/zh passages written for these tests, with the real USE encoder.

heihe.en / .ru / .zh tell the same story; the Russian joins two English sentences, splits one and
leaves one out; the Chinese splits one and joins two. The expected links are in heihe.<pair>.align.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmem.align import AlignConfig, align_sentences
from alignmem.errors import NotTranslationError
from alignmem.io.links import format_links

HERE = Path(__file__).parent / "fixtures" / "align"


def lines(name: str) -> list[str]:
    return (HERE / name).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("pair", ["en-ru", "en-zh", "ru-zh"])
def test_golden_pairs(pair):
    src_lang, tgt_lang = pair.split("-")
    alignment = align_sentences(lines(f"heihe.{src_lang}"), lines(f"heihe.{tgt_lang}"), src_lang, tgt_lang)
    assert format_links(alignment.links) == (HERE / f"heihe.{pair}.align").read_text(encoding="utf-8")
    for link in alignment.links:
        if link.src and link.tgt:
            assert link.score > 0.3
        else:
            assert link.score == 0.0
    assert alignment.signature.startswith("alignmem-align:")
    assert f"langs:{pair}" in alignment.signature and "use-multilingual-v3" in alignment.signature


def test_not_translations_raise_unless_forced():
    src, tgt = lines("heihe.en"), lines("recipe.ru")
    with pytest.raises(NotTranslationError, match="do not look like translations of each other.*--force"):
        align_sentences(src, tgt, "en", "ru")
    forced = align_sentences(src, tgt, "en", "ru", config=AlignConfig(force=True))
    assert sum(len(link.src) for link in forced.links) == len(src)
    assert "|force=yes|" in forced.signature


def test_half_translated_text_reports_the_unaligned_stretch():
    en = lines("heihe.en")
    en_long = en + [
        "The port handles grain, timber and coal.",
        "A second bridge, for trains, is planned for 2030.",
        "Winters are long and the river freezes in November.",
        "Chinese and Russian traders meet at a weekly market.",
        "The market opens at eight in the morning.",
        "Most goods are paid for in yuan.",
    ]
    zh = lines("heihe.zh")
    alignment = align_sentences(en_long, zh, "en", "zh")
    assert ("src", 10, 15) in alignment.unaligned
    assert all(not link.tgt for link in alignment.links if link.src and link.src[0] >= 10)
