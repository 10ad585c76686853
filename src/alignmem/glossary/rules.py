"""Named rules that reject a pivot term and its chosen equivalents before they become an entry.

Each rule looks at one :class:`View` (the pivot term's counts, its index, and the equivalent chosen in
every other language) and returns the reason for rejecting it, or None. Their order is declared in
:data:`RULES`; :func:`rejected` returns the first reason. Every rule names a class of error seen in real
output, with the example that motivated it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import regex

from alignmem.glossary.candidates import ACRONYM, NAME, PHRASE, WORD
from alignmem.glossary.corpus import LangIndex, TermStats


@dataclass(frozen=True)
class View:
    pivot: TermStats
    index: LangIndex  # the pivot language's index (occurrences, texts)
    equivalents: Mapping[str, TermStats]  # language -> the chosen equivalent

    @property
    def lang(self) -> str:
        return self.index.lang


# Members of a coordination inside a capitalised run: 'Moscow and Beijing', 'Lisbon to Jakarta',
# 'SCO, BRICS, RIC, G20, APEC and EAS'.
_EN_COORDINATION = regex.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+")
# A coordination in an equivalent: the term really is a pair (Bosnia and Herzegovina / Босния и Герцеговина
# / 波斯尼亚和黑塞哥维那, Belt and Road / «Один пояс, один путь»).
_COORDINATED = {
    "ru": regex.compile(r" и | или |, | до |—"),
    "zh": regex.compile(r"[和与及、到至]"),
    "en": regex.compile(r" and | or |, | to "),
}


def surface(st: TermStats) -> str:
    counter = st.surfaces or st.initial_surfaces
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else st.key


def members(text: str) -> list[str]:
    """The parts of a coordination ('Moscow and Beijing' -> Moscow, Beijing); one part when none."""
    return [m for m in _EN_COORDINATION.split(text) if m]


def coordinated_names(v: View) -> str | None:
    """'Moscow and Beijing' -> Москва: a list of single names is not one term unless every equivalent is
    a coordination too (Trinidad and Tobago / Тринидад и Тобаго). Its members are terms of their own."""
    if v.pivot.kind not in (NAME, ACRONYM) or len(v.pivot.parts) < 3:
        return None
    parts = members(surface(v.pivot))
    if len(parts) < 2 or not all(len(p.split()) == 1 and p[:1].isupper() for p in parts):
        return None
    for lang, st in v.equivalents.items():
        pattern = _COORDINATED.get(lang)
        if pattern is None or not pattern.search(surface(st)):
            return "coordinated names"
    return None


def sentence_initial_word(v: View) -> str | None:
    """'Unfortunately', 'Today', 'Even': one word capitalised only because it starts sentences is a term
    only when its Russian equivalent is a name too (capitalised inside a sentence)."""
    if len(v.pivot.parts) != 1 or v.pivot.kind == ACRONYM or v.pivot.surfaces:
        return None
    ru = v.equivalents.get("ru")
    if ru is not None and any(_capitalised(s) for s in ru.surfaces):
        return None
    return "sentence-initial word"


def name_to_common_noun(v: View) -> str | None:
    """'Soviet' -> освобождение, 'War' -> война: a one-word name whose Russian equivalent is never
    written with a capital inside a sentence is paired with a common word of its context."""
    if len(v.pivot.parts) != 1 or v.pivot.kind != NAME:
        return None
    ru = v.equivalents.get("ru")
    if ru is None or not ru.surfaces or ru.kind == ACRONYM:
        return None
    if any(_capitalised(s) for s in ru.surfaces):
        return None
    return "name paired with a common noun"


def modifier_word(v: View) -> str | None:
    """'strategic', 'cultural', 'political': a lowercase word that (almost) always stands before another
    word of a phrase is a modifier; the term is the phrase ('strategic partnership')."""
    if v.pivot.kind != WORD or len(v.pivot.parts) != 1:
        return None
    key = v.pivot.key
    alone = before = 0
    for g in v.pivot.postings:
        cands = v.index.occurrences[g]
        for c in cands:
            if c.key != key or c.kind != WORD:
                continue
            alone += 1
            if any(o.kind == PHRASE and o.start == c.start and o.size >= 2 for o in cands):
                before += 1
    if alone >= 2 and before >= 0.75 * alone:
        return "modifier word"
    return None


_TRAILING_POSSESSIVE = regex.compile(r"(?<=\w)['’]s$")
_LEADING_POSSESSIVE = regex.compile(r"^\p{Lu}[\w\-]*['’]s (?=\p{Lu})")


def without_possessive(text: str) -> str:
    """'Minister Sergey Lavrov’s' -> 'Minister Sergey Lavrov'; 'China’s Belt and Road Initiative' ->
    'Belt and Road Initiative' (the owner is not part of the name). A lone word keeps its letters."""
    text = _TRAILING_POSSESSIVE.sub("", text) if " " in text or len(text) > 4 else text
    return _LEADING_POSSESSIVE.sub("", text)


def _capitalised(text: str) -> bool:
    return any(ch.isupper() for ch in text) or "«" in text


RULES: tuple[Callable[[View], str | None], ...] = (
    sentence_initial_word,
    coordinated_names,
    name_to_common_noun,
    modifier_word,
)


def rejected(view: View) -> str | None:
    """The reason the first rule rejects the draft, or None."""
    for rule in RULES:
        reason = rule(view)
        if reason:
            return reason
    return None
