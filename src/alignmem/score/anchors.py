"""The anchor signal: numbers, Latin-script tokens and transliterated names found in both texts
(:mod:`alignmem.anchors`)."""

from __future__ import annotations

from alignmem.anchors import anchor_keys, key_weight
from alignmem.score.base import Signal
from alignmem.score.keys import PreparedKeys


class AnchorSignal(Signal):
    """Numbers, Latin-script tokens and transliterated names found in both texts (alignmem.anchors)."""

    name = "anchors"

    def prepare(self, src, tgt, src_lang, tgt_lang):
        ks = [anchor_keys(text, src_lang) for text in src]
        kt = [anchor_keys(text, tgt_lang) for text in tgt]
        return PreparedKeys.from_keys(ks, kt, key_weight)
