"""Chinese words learned from the aligned text, for the glossary's own segmentation.

jieba's dictionary does not know every unit of a given text: it cuts 中俄 ("Chinese-Russian") into 中 and 俄,
so a term read from its words starts inside the unit (俄原油管道 for 中俄原油管道). The glossary therefore
segments with its own jieba tokenizer: a copy of jieba's dictionary plus a user dictionary built from the
text being read: strings the text uses as a unit but jieba breaks into single characters, seen at least
:data:`MIN_FREQ` times, with at least :data:`MIN_VARIETY` different words before them and after them
(accessor variety: a unit combines freely with its neighbours, a fragment of a longer word does not).
Names in 《》 are not added: as one word they would hide the terms inside them (联合国 in 联合国宪章); the
extractor reads titles on its own.

The aligner's segmentation (:mod:`alignmem.text.zh`, shared by the anchors) is not changed: the copy is a
separate :class:`jieba.Tokenizer` used only by the glossary.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import regex

from alignmem.text.zh import tokenizer

MIN_FREQ = 3
MIN_VARIETY = 3
MAX_UNIT = 4  # characters
USER_WORD_FREQ = 100_000  # high enough that jieba keeps a learned unit whole
_HAN_RUN = regex.compile(r"\p{Han}+")
_NUMERAL = regex.compile(r"[\p{N}一二三四五六七八九十百千万几]")
# Characters that begin or end clauses rather than words (particles, conjunctions, prepositions).
_EDGE = frozenset("的了和与及或在是对为将把被而之所就都但又还则即也并其这该以于由从向")


def free_units(token_lists: Iterable[list[str]]) -> set[str]:
    """Runs of 2-4 single-character jieba tokens (中 俄) that recur as a unit: at least MIN_FREQ times,
    each time cut by jieba at both ends, with at least MIN_VARIETY different tokens before and after."""
    counts: Counter = Counter()
    left: dict[str, set[str]] = defaultdict(set)
    right: dict[str, set[str]] = defaultdict(set)
    counted: Counter = Counter()  # occurrences next to a number: 30日第, 第5条第 are parts of a date, a reference
    for tokens in token_lists:
        # a unit does not begin with a numeral either: 两国 'the two countries' is a numeral and a noun
        single = [len(t) == 1 and bool(_HAN_RUN.fullmatch(t)) and t not in _EDGE for t in tokens]
        starts = [ok and not _NUMERAL.match(t) for ok, t in zip(single, tokens, strict=True)]
        for i in range(len(tokens)):
            for n in range(2, MAX_UNIT + 1):
                if i + n > len(tokens) or not single[i + n - 1]:
                    break
                if not starts[i]:
                    break
                unit = "".join(tokens[i : i + n])
                before, after = tokens[i - 1] if i else "", tokens[i + n] if i + n < len(tokens) else ""
                counts[unit] += 1
                left[unit].add(before)
                right[unit].add(after)
                if _NUMERAL.search(before[-1:] + after[:1]):
                    counted[unit] += 1
    return {u for u, n in counts.items()
            if n >= MIN_FREQ and len(left[u]) >= MIN_VARIETY and len(right[u]) >= MIN_VARIETY
            and counted[u] < n / 2}


def glossary_tokenizer(texts: list[str]) -> Any:
    """A jieba tokenizer with jieba's dictionary and the words of ``texts`` (see the module doc)."""
    import jieba

    base = tokenizer()
    own = jieba.Tokenizer()
    own.FREQ, own.total, own.initialized = dict(base.FREQ), base.total, True
    units = free_units(base.lcut(text) for text in texts)
    for word in sorted(units):
        own.add_word(word, USER_WORD_FREQ)
    return own
