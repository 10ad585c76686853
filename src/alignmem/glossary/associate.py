"""Equivalents across languages: association of candidates over aligned groups (Dice coefficient with a
frequency floor), re-ranked by the similarity of the phrases themselves (multilingual sentence encoder)
and by transliteration for names."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from alignmem.glossary.corpus import LangIndex, TermStats
from alignmem.glossary.translit import name_similarity
from alignmem.score.encoders import DEFAULT_ENCODER, get_encoder


@dataclass(frozen=True, slots=True)
class Pairing:
    src: str  # key in the pivot language
    tgt: str  # key in the other language
    cooc: int  # groups holding both
    dice: float
    similarity: float  # phrase similarity in [0, 1] (encoder and transliteration)
    score: float  # what ranks the choices


@dataclass(frozen=True)
class AssocSettings:
    min_freq: int = 2  # a pivot term must appear in this many groups, unless a strong singleton
    top_k: int = 10  # association candidates re-ranked by phrase similarity
    min_dice: float = 0.25
    min_score: float = 0.2
    singleton_max_words: int = 50  # a term seen once is paired only in a short group
    singleton_min_similarity: float = 0.55
    singleton_margin: float = 0.08


def _surface(st: TermStats) -> str:
    counter = st.surfaces or st.initial_surfaces
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class Similarity:
    """Cosine similarity of phrase embeddings, computed in batches and cached."""

    def __init__(self, enabled: bool = True, encoder: str = DEFAULT_ENCODER):
        self.enabled = enabled
        self.encoder = encoder  # the aligner's model and cache: loaded once per process
        self._vectors: dict[str, object] = {}

    def prepare(self, phrases: list[str]) -> None:
        if not self.enabled:
            return
        todo = sorted({p for p in phrases if p not in self._vectors})
        if not todo:
            return
        vectors = get_encoder(self.encoder).embed(todo)
        for phrase, vec in zip(todo, vectors, strict=True):
            self._vectors[phrase] = vec

    def known(self, a: str, b: str) -> float | None:
        """The similarity when both phrases are already encoded (no new encoding)."""
        if not self.enabled:
            return 0.5
        va, vb = self._vectors.get(a), self._vectors.get(b)
        if va is None or vb is None:
            return None
        return max(0.0, min(1.0, float(va @ vb)))  # type: ignore[operator]

    def __call__(self, a: str, b: str) -> float:
        if not self.enabled:
            return 0.5
        va, vb = self._vectors.get(a), self._vectors.get(b)
        if va is None or vb is None:
            self.prepare([a, b])
            va, vb = self._vectors[a], self._vectors[b]
        return max(0.0, min(1.0, float(va @ vb)))  # type: ignore[operator]


def cooccurrences(pivot: LangIndex, other: LangIndex, key: str) -> tuple[int, Counter]:
    """Groups of ``key`` that have the other language, and the other language's keys counted there."""
    counts: Counter = Counter()
    n = 0
    for g in pivot.stats[key].postings:
        if other.present[g]:
            n += 1
            counts.update(other.groups[g])
    return n, counts


def pair_freq(st: TermStats, present: list[bool]) -> int:
    """Groups of the term that also have the other language (cached on the term, per language)."""
    n = st.pair_freqs.get(id(present))
    if n is None:
        n = st.pair_freqs[id(present)] = sum(1 for g in st.postings if present[g])
    return n


def candidates_for(
    pivot: LangIndex, other: LangIndex, key: str, settings: AssocSettings
) -> list[tuple[str, int, float]]:
    """(other key, co-occurrences, Dice), best first; ties go to the longer phrase."""
    cached = pivot.assoc_cache.get((other.lang, key))
    if cached is None:
        cached = pivot.assoc_cache[(other.lang, key)] = _candidates_for(pivot, other, key, settings)
    return cached


def _candidates_for(
    pivot: LangIndex, other: LangIndex, key: str, settings: AssocSettings
) -> list[tuple[str, int, float]]:
    fe, counts = cooccurrences(pivot, other, key)
    if not fe:
        return []
    scored = []
    src = pivot.stats[key]
    for tgt, c in counts.items():
        ft = pair_freq(other.stats[tgt], pivot.present)
        dice = 2 * c / (fe + ft)
        scored.append((tgt, c, dice))
    if not scored:
        return []
    best = max(d for _, _, d in scored)
    # many options tie on Dice in a short text: a cheap prior (same kind of term, a name that sounds alike,
    # a plausible length) orders them before the encoder sees the best few
    def rank(t: tuple[str, int, float]) -> tuple:
        p = 0.0
        if t[2] >= 0.6 * best:
            p = prior(src, other.stats[t[0]], pivot.lang, other.lang)
            if src.freq <= 2:
                p += same_list_place(pivot, other, key, t[0])
        return (-round(t[2], 2), -p, -t[1], t[0])

    scored.sort(key=rank)
    return scored[: settings.top_k]


# A common word that heads a name among the options (组织 of 上合组织) is no equivalent of a name or acronym.
INSIDE_A_NAME = 0.75

# Characters of a term per character of its English equivalent (rough, for the length prior).
LENGTH_RATIO = {"en": 1.0, "ru": 1.1, "zh": 0.3}


def prior(src: TermStats, tgt: TermStats, src_lang: str, tgt_lang: str) -> float:


    strong = ("name", "acronym", "title")
    if src.kind == "acronym":
        kind = 1.0 if tgt.kind == "acronym" else 0.5 if tgt.kind in strong or tgt_lang == "zh" else 0.0
    elif src.kind in strong:
        kind = 1.0 if tgt.kind in strong else 0.3
    else:
        kind = 1.0 if tgt.kind not in strong else 0.5
    a, b = _surface(src), _surface(tgt)
    length = 0.0
    if src.kind != "acronym" and tgt.kind != "acronym":
        expected = len(a) * LENGTH_RATIO.get(tgt_lang, 1.0) / LENGTH_RATIO.get(src_lang, 1.0)
        length = math.exp(-abs(math.log(max(1, len(b)) / max(1.0, expected))))
    sound = name_similarity(a, b) if src.kind in strong and tgt.kind in strong else 0.0
    return kind + length + 2 * sound


UNAMBIGUOUS = 0.7  # phrase similarity assumed when association alone decides
LONE_NAME = 0.6  # similarity granted to the only name among the options for a name


def same_list_place(pivot: LangIndex, other: LangIndex, src: str, tgt: str) -> float:
    """1 when both terms hold the same place in an enumeration of a group they share."""
    for g in sorted(set(pivot.stats[src].postings) & set(other.stats[tgt].postings)):
        ka, kb = list_rank(pivot, src, g), list_rank(other, tgt, g)
        if ka is not None and ka == kb:
            return 1.0
    return 0.0


def position_agreement(pivot: LangIndex, other: LangIndex, src: str, tgt: str) -> float:
    """1 when the two terms stand at the same relative place of their first shared group (lists of names
    keep their order in translation), 0 when at opposite ends."""
    shared = sorted(set(pivot.stats[src].postings) & set(other.stats[tgt].postings))
    if not shared:
        return 0.0
    g = shared[0]

    def place(idx: LangIndex, key: str) -> float | None:
        cands = idx.occurrences[g]
        total = max((c.end for c in cands), default=0)
        for c in cands:
            if c.key == key and total:
                return (c.start + c.end) / 2 / total
        return None

    a, b = place(pivot, src), place(other, tgt)
    if a is None or b is None:
        return 0.0
    if same_list_place(pivot, other, src, tgt):
        return 1.0
    return 1.0 - abs(a - b)


_LIST_SEPARATORS = {"en": (", ", " and ", " or "), "ru": (", ", " и ", " или "), "zh": ("、",)}
_CLAUSE_END = ".;:!?。；：！？"


def list_rank(idx: LangIndex, key: str, g: int) -> int | None:
    """Place of a term in an enumeration, counted from its end ('the SCO, BRICS, RIC and EAS': BRICS is
    third from the end), which translations keep even when they reorder the sentence around the list.
    None when the term is not followed by list separators."""
    if (key, g) not in idx.list_cache:
        idx.list_cache[(key, g)] = _list_rank(idx, key, g)
    return idx.list_cache[(key, g)]


def _list_rank(idx: LangIndex, key: str, g: int) -> int | None:
    text = idx.texts[g] if g < len(idx.texts) else ""
    occ = next((c for c in idx.occurrences[g] if c.key == key), None)
    if occ is None or not text:
        return None
    seps = _LIST_SEPARATORS.get(idx.lang, (", ",))
    count, pos = 0, occ.end
    while pos < len(text):
        nxt = min(((text.find(s, pos), s) for s in seps if text.find(s, pos) >= 0), default=None)
        stop = min((i for i in (text.find(ch, pos) for ch in _CLAUSE_END) if i >= 0), default=len(text))
        if nxt is None or nxt[0] > stop or nxt[0] - pos > 40:
            break
        count += 1
        pos = nxt[0] + len(nxt[1])
    return count if count >= 2 else None


def contenders(options: list[tuple[str, int, float]], settings: AssocSettings) -> list[tuple[str, int, float]]:
    """Options worth comparing: above the Dice floor and not far below the best (four at most)."""
    if not options:
        return []
    best = options[0][2]
    return [o for o in options if o[2] >= settings.min_dice and o[2] >= 0.6 * best][:6]


def needs_similarity(options: list[tuple[str, int, float]], src: TermStats) -> bool:
    """The encoder is asked only when association does not decide: a close second option, or a term
    seen in fewer than three groups."""
    if src.freq < 3:
        return bool(options)
    return len(options) > 1 and options[1][2] >= 0.75 * options[0][2]


def choose(
    pivot: LangIndex,
    other: LangIndex,
    key: str,
    settings: AssocSettings,
    similarity: Similarity,
    group_words: list[int],
) -> Pairing | None:
    """The best equivalent of pivot ``key`` in the other language, or None when the evidence is weak."""
    options = candidates_for(pivot, other, key, settings)
    if not options:
        return None
    src_st = pivot.stats[key]
    src_text = _surface(src_st)
    scored: list[Pairing] = []
    options = contenders(options, settings)
    strong = ("name", "acronym", "title")
    lone_name = [t for t, _, _ in options if other.stats[t].kind in strong]
    for tgt, c, dice in options:
        tgt_st = other.stats[tgt]
        sim = similarity(src_text, _surface(tgt_st)) if needs_similarity(options, src_st) else UNAMBIGUOUS
        sim = max(sim, kind_bonus(src_st, tgt_st, src_text, _surface(tgt_st)))
        if src_st.kind in ("name", "title") and lone_name == [tgt]:
            sim = max(sim, LONE_NAME)  # the only name among the options of a name
        if src_st.freq <= 2:
            sim = 0.85 * sim + 0.15 * position_agreement(pivot, other, key, tgt)
        score = dice * (0.35 + 0.65 * sim)
        if tgt_st.kind == "title" and src_st.kind in ("name", "acronym"):
            score *= 1.1  # a name in 《》 is marked as a name by the text itself
        if src_st.kind in ("name", "acronym") and tgt_st.kind not in strong and any(
                is_head_of(tgt, name, other.lang) for name in names_of(options, other)):
            score *= INSIDE_A_NAME  # 组织 'organisation' counted inside 上合组织: the head word, not the name
        scored.append(Pairing(key, tgt, c, dice, sim, score))
    if not scored:
        return None
    scored.sort(key=lambda p: (-p.score, -p.cooc, -len(other.stats[p.tgt].parts), p.tgt))
    best = scored[0]
    if best.score < settings.min_score:
        return None
    if src_st.freq == 1:
        g = src_st.postings[0]
        second = scored[1].score if len(scored) > 1 else 0.0
        if (
            group_words[g] > settings.singleton_max_words
            or best.similarity < settings.singleton_min_similarity
            or best.score - second < settings.singleton_margin
        ):
            return None
    return best


def is_head_of(word: str, name: str, lang: str) -> bool:
    """Whether ``word`` is the head of the longer ``name``: its last word in Chinese (组织 of 上合组织),
    its first in English and Russian (организация of организация сотрудничества); a place inside a name
    (塞浦路斯 in 塞浦路斯问题特使) is no head."""
    if word == name:
        return False
    if lang.startswith("zh"):
        return name.endswith(word)
    return name.startswith(word + " ")


def names_of(options: list[tuple[str, int, float]], other: LangIndex) -> list[str]:
    return [t for t, _, _ in options if other.stats[t].kind in ("name", "acronym", "title")]


def kind_bonus(a: TermStats, b: TermStats, a_text: str, b_text: str) -> float:
    """Acronyms answer acronyms; names that sound alike (Putin / Путин / 普京) are likely equivalents."""
    if a.kind == "acronym" and b.kind == "acronym":
        return max(0.5, name_similarity(a_text, b_text))
    if a.kind in ("name", "acronym") and b.kind in ("name", "acronym", "word", "title"):
        return name_similarity(a_text, b_text)
    return 0.0
