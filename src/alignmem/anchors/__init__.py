"""Anchors: the parts of a sentence that survive translation unchanged or predictably.

- numbers (:mod:`.numbers`): every number mention with a canonical value, in digits, words or Chinese
  numerals, and a comparison of two sides that tolerates scale words and rounding;
- Latin tokens (:mod:`.latin`): acronyms, URLs, names kept in Latin script in any language;
- names across scripts (:mod:`.translit`): transliteration, a phonetic key, a similarity;
- :func:`anchor_keys` (:mod:`.keys`): the hashable anchors of a sentence, for the aligner.

Nothing heavy is imported here: jieba, pypinyin and rapidfuzz load on first use.
"""

from alignmem.anchors.keys import anchor_keys, key_overlap, key_weight, name_candidates
from alignmem.anchors.latin import acronyms, is_acronym, latin_tokens
from alignmem.anchors.numbers import (
    NumberDiff,
    NumberMention,
    canonical,
    compare_numbers,
    extract_numbers,
    number_values,
    pair_mentions,
)
from alignmem.anchors.translit import name_similarity, phonetic_key, to_latin

__all__ = [
    "NumberDiff",
    "NumberMention",
    "acronyms",
    "anchor_keys",
    "canonical",
    "compare_numbers",
    "extract_numbers",
    "is_acronym",
    "key_overlap",
    "key_weight",
    "latin_tokens",
    "name_candidates",
    "name_similarity",
    "number_values",
    "pair_mentions",
    "phonetic_key",
    "to_latin",
]
