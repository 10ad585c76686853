"""Candidates counted over a set of aligned groups, per language: postings (which groups hold a term),
surface forms, and the filters that turn raw n-grams into term candidates."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from alignmem.glossary.candidates import ACRONYM, NAME, STRONG_KINDS, TITLE, Candidate, get_extractor
from alignmem.glossary.zhwords import glossary_tokenizer
from alignmem.model import TU

REPORT_EVERY = 100


@dataclass
class TermStats:
    """Everything counted about one candidate key in one language."""

    key: str
    parts: tuple[str, ...]
    postings: list[int] = field(default_factory=list)  # group indices, ascending, unique
    surfaces: Counter = field(default_factory=Counter)  # surface -> count (non-initial, canonical first)
    initial_surfaces: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    pair_freqs: dict[int, int] = field(default_factory=dict)  # id(other language's `present`) -> count

    @property
    def freq(self) -> int:
        return len(self.postings)

    @functools.cached_property
    def kind(self) -> str:
        for kind in (TITLE, ACRONYM, NAME):
            if self.kinds[kind]:
                return kind
        return self.kinds.most_common(1)[0][0]

    @functools.cached_property
    def capitalised(self) -> bool:
        counter = self.surfaces or self.initial_surfaces
        first = max(counter.items(), key=lambda kv: (kv[1], kv[0]))[0][:1] if counter else ""
        return bool(first) and not first.islower()  # Chinese has no case: counts as capitalised

    @property
    def strong(self) -> bool:
        return self.kind in STRONG_KINDS


@dataclass
class LangIndex:
    lang: str
    stats: dict[str, TermStats]
    groups: list[list[str]]  # per group: candidate keys present (after filtering)
    present: list[bool]  # the group has a segment in this language
    occurrences: list[list[Candidate]]  # per group: raw candidates (for examples and acronym rules)
    texts: list[str] = field(default_factory=list)  # per group: the segment
    # association results asked for more than once in a build (pairing, then the mutual check), by
    # (other language, key); and places in enumerations, by (key, group)
    assoc_cache: dict[tuple[str, str], list] = field(default_factory=dict)
    list_cache: dict[tuple[str, int], int | None] = field(default_factory=dict)


def index_language(tus: Sequence[TU], lang: str, on_group: Callable[[int], None] | None = None) -> LangIndex:
    """Candidates of every group in ``lang``; ``on_group(g)`` is called every :data:`REPORT_EVERY` groups."""
    options = {}
    if lang == "zh":
        # words of this very text (中俄, 《俄罗斯报》) join jieba's dictionary, in a tokenizer of the glossary's own
        options["tokenizer"] = glossary_tokenizer([tu.seg(lang) or "" for tu in tus])
    extractor = get_extractor(lang, **options)
    stats: dict[str, TermStats] = {}
    occurrences: list[list[Candidate]] = []
    present: list[bool] = []
    capital_inside: set[str] = set()  # words seen capitalised away from a sentence start
    lowercase: set[str] = set()  # words seen written in lowercase (so a capital may be the sentence's)
    for g, tu in enumerate(tus):
        if on_group is not None and g % REPORT_EVERY == 0:
            on_group(g)
        text = tu.seg(lang)
        present.append(bool(text))
        cands = extractor.extract(text) if text else []
        occurrences.append(cands)
        for c in cands:
            if not c.initial and c.kind in (NAME, ACRONYM):
                capital_inside.add(c.parts[0])
            if c.text[:1].islower():
                lowercase.add(c.parts[0])
    groups: list[list[str]] = []
    for g, cands in enumerate(occurrences):
        keys: list[str] = []
        seen: set[str] = set()
        for c in cands:
            if (c.initial and c.kind in (NAME, ACRONYM) and c.parts[0] not in capital_inside
                    and c.parts[0] in lowercase):
                continue  # 'Recalling', 'Welcoming ...': capital only because it starts the sentence
            st = stats.get(c.key)
            if st is None:
                st = stats[c.key] = TermStats(c.key, c.parts)
            if c.key not in seen:
                seen.add(c.key)
                st.postings.append(g)
                keys.append(c.key)
            (st.initial_surfaces if c.initial else st.surfaces)[c.text] += 2 if c.canonical else 1
            st.kinds[c.kind] += 1
        groups.append(keys)
    return LangIndex(lang, stats, groups, present, occurrences, [tu.seg(lang) or "" for tu in tus])


def closed_filter(index: LangIndex, ratio: float = 0.9) -> set[str]:
    """Keys that (almost) never occur outside one longer candidate: 'Nations' inside 'United Nations',
    'Шанхайской организации' inside '... сотрудничества'. They are fragments, not terms. A name is not
    dropped for a longer plain phrase that merely contains it (上海合作组织 inside 上海合作组织成立)."""
    best_super: dict[tuple[str, ...], int] = defaultdict(int)
    best_name_super: dict[tuple[str, ...], int] = defaultdict(int)
    for st in index.stats.values():
        n = len(st.parts)
        if n < 2:
            continue
        # 'China's Belt and Road Initiative', 'принципы Устава ООН': a name preceded by a possessive or a
        # common noun is still a name of its own
        absorbs_names = st.strong and not st.parts[0].endswith("'s") and st.capitalised
        strong = st.strong
        for i in range(n):
            for j in range(i + 1, n + 1):
                if j - i == n:
                    continue
                sub = st.parts[i:j]
                best_super[sub] = max(best_super[sub], st.freq)
                if strong and (absorbs_names or i == 0) and st.freq > best_name_super[sub]:
                    best_name_super[sub] = st.freq
    dropped = set()
    for st in index.stats.values():
        if st.kind == ACRONYM:
            continue
        sup = best_name_super.get(st.parts, 0) if st.strong else best_super.get(st.parts, 0)
        if sup >= ratio * st.freq:
            dropped.add(st.key)
    return dropped


def prune(index: LangIndex, keep: set[str]) -> None:
    index.groups = [[k for k in keys if k in keep] for keys in index.groups]
    index.stats = {k: v for k, v in index.stats.items() if k in keep}
