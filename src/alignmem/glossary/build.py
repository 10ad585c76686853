"""From aligned groups to a :class:`Glossary`: candidates per language -> fragments dropped -> pivot
terms paired with their equivalents -> acronyms joined to full forms -> entries ranked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from alignmem import __version__
from alignmem.glossary.acronyms import defined_acronyms, is_acronym_of, is_chinese_short_form
from alignmem.glossary.associate import (
    UNAMBIGUOUS,
    AssocSettings,
    Pairing,
    Similarity,
    _surface,
    candidates_for,
    choose,
    contenders,
    needs_similarity,
    pair_freq,
)
from alignmem.glossary.candidates import ACRONYM, NAME
from alignmem.glossary.corpus import LangIndex, TermStats, closed_filter, index_language, prune
from alignmem.glossary.forms import display, guessed_name_form
from alignmem.glossary.model import ACRONYM as T_ACRONYM
from alignmem.glossary.model import FULL_FORM, SHORT_FORM, Entry, Example, Glossary, Term, rank_key
from alignmem.glossary.rules import View, members, rejected, surface, without_possessive
from alignmem.glossary.seed import merge_seed, read_glossary
from alignmem.glossary.translit import russian_name
from alignmem.langs import get
from alignmem.model import TU


@dataclass(frozen=True)
class Settings:
    assoc: AssocSettings = field(default_factory=AssocSettings)
    min_confidence: float = 0.3
    encoder: bool = True  # phrase similarity with the sentence encoder (else association only)

    def signature(self, langs: Sequence[str]) -> str:
        a = self.assoc
        return (
            f"alignmem-glossary {__version__}|langs:{','.join(langs)}|assoc:dice|min_freq:{a.min_freq}"
            f"|min_dice:{a.min_dice}|top_k:{a.top_k}|sim:{'use-m3' if self.encoder else 'none'}"
            f"|min_conf:{self.min_confidence}"
        )


@dataclass
class Draft:
    """An entry being assembled: keys per language (preferred first) and the pair scores."""

    keys: dict[str, list[str]]
    scores: list[float]
    postings: set[int]


Progress = Callable[[int, int, str], None]  # (done, total, what is being done), e.g. a cli ProgressBar


def build_glossary(
    tus: Sequence[TU], langs: Sequence[str], *, seed: str | Glossary | None = None,
    settings: Settings | None = None, on_progress: Progress | None = None,
) -> Glossary:
    """Terms of the aligned groups ``tus`` and their equivalents in ``langs`` (the first is the pivot).
    ``seed`` is a user glossary (a TBX or CSV file, or one already read) merged in; its entries win.
    ``on_progress`` is told how far the two long stages (reading the terms of each group, pairing each
    pivot term) have come."""
    settings = settings or Settings()
    codes = tuple(get(code).code for code in langs)
    user = read_glossary(seed, codes) if isinstance(seed, str) else seed  # a bad file is said before work
    groups = [tu for tu in tus if sum(1 for c in codes if tu.seg(c)) >= 2]
    entries: list[Entry] = []
    if groups:
        entries = _extract(groups, codes, settings, on_progress or _silent)
    if user is not None:
        entries = merge_seed(entries, user.entries, codes)
    entries.sort(key=rank_key)
    entries = [_renumber(e, i + 1) for i, e in enumerate(entries)]
    return Glossary(codes, tuple(entries), settings.signature(codes))


def _renumber(entry: Entry, n: int) -> Entry:

    return replace(entry, id=f"c{n}")


def _silent(done: int, total: int, label: str) -> None:
    return None


PROGRESS_EVERY = 100  # report after this many groups or pivot terms


def _extract(groups: list[TU], codes: tuple[str, ...], settings: Settings, on_progress: Progress) -> list[Entry]:
    total = len(groups) * len(codes)
    indexes = {}
    for i, lang in enumerate(codes):
        def seen(g: int, i: int = i, lang: str = lang) -> None:
            on_progress(i * len(groups) + g, total, f"terms ({lang})")

        indexes[lang] = index_language(groups, lang, seen)
    on_progress(total, total, "terms")
    full = {lang: dict(idx.stats) for lang, idx in indexes.items()}  # before pruning, for acronym links
    for idx in indexes.values():
        dropped = closed_filter(idx)
        prune(idx, {k for k in idx.stats if k not in dropped})
    pivot = indexes[codes[0]]
    others = [indexes[c] for c in codes[1:]]
    a = settings.assoc
    pivot_keys = sorted(
        k for k, st in pivot.stats.items()
        if (st.freq >= a.min_freq and (st.kind != "word" or st.freq > a.min_freq)) or (st.freq == 1 and st.strong)
    )
    similarity = Similarity(settings.encoder)
    _prepare_similarity(similarity, pivot, others, pivot_keys, a)
    group_words = [len((tu.seg(codes[0]) or "").split()) for tu in groups]
    drafts: list[Draft] = []
    for n, key in enumerate(pivot_keys):
        if n % PROGRESS_EVERY == 0:
            on_progress(n, len(pivot_keys), "equivalents")
        pairings = {}
        for other in others:
            p = choose(pivot, other, key, a, similarity, group_words)
            if p is not None and mutual(pivot, other, key, p.tgt, a):
                pairings[other.lang] = p
        draft = _draft(key, pivot, indexes, pairings, similarity, settings)
        if draft is not None:
            drafts.append(draft)
    on_progress(len(pivot_keys), len(pivot_keys), "equivalents")
    drafts = _dedupe(drafts, codes)
    drafts = _join_acronyms(drafts, indexes, full, groups, codes)
    entries = _merge_same_terms([_entry(d, indexes, full, groups, codes) for d in drafts], codes[0])
    return _measure(entries, full[codes[0]], similarity, codes)


def _measure(entries: list[Entry], pivot_stats: dict, similarity: Similarity, codes: tuple[str, ...]) -> list[Entry]:
    """The lowest similarity between the preferred terms of each entry whose pivot term is a common word
    or phrase (names and acronyms keep 1.0: a transliteration or an acronym says little to the encoder)."""

    texts: dict[int, list[str]] = {}
    for i, e in enumerate(entries):
        terms = [t for t in (e.preferred(lang) for lang in codes) if t is not None]
        if len(terms) >= 2 and terms[0].pos == "noun" and terms[0].lang == codes[0]:
            texts[i] = [t.text for t in terms]
    similarity.prepare([t for ts in texts.values() for t in ts])
    out = []
    for i, e in enumerate(entries):
        ts = texts.get(i)
        if ts:
            low = min(similarity(ts[x], ts[y]) for x in range(len(ts)) for y in range(x + 1, len(ts)))
            e = replace(e, similarity=round(low, 4))
        out.append(e)
    return out


def _merge_same_terms(entries: list[Entry], pivot: str) -> list[Entry]:
    """Entries whose pivot terms read the same once possessives are gone ('China's Belt and Road
    Initiative' and 'Belt and Road Initiative'): the one with more languages, then more confident, stays."""
    best: dict[str, Entry] = {}
    for e in entries:
        head = e.preferred(pivot)
        k = head.text.casefold() if head else e.id
        cur = best.get(k)
        if cur is None or (len(e.langs), e.confidence, e.frequency) > (len(cur.langs), cur.confidence, cur.frequency):
            best[k] = e
    kept = {id(e) for e in best.values()}
    return [e for e in entries if id(e) in kept]


def mutual(pivot: LangIndex, other: LangIndex, key: str, tgt: str, a: AssocSettings) -> bool:
    """The equivalent chosen for ``key`` must in turn point back to it: among the pivot terms found in the
    groups of ``tgt``, ``key`` is (nearly) the best associated, or contains the best one ('Power of Siberia
    gas pipeline' for 'Power of Siberia'). 'strategic' -> партнёрство fails (партнёрство is 'partnership'),
    so does 'people' -> традиция."""
    options = candidates_for(other, pivot, tgt, a)
    if not options:
        return False
    best_key, _, best = options[0]
    fe, ft = pair_freq(other.stats[tgt], pivot.present), pair_freq(pivot.stats[key], other.present)
    cooc = len(set(pivot.stats[key].postings) & set(other.stats[tgt].postings))
    mine = 2 * cooc / (fe + ft) if fe + ft else 0.0
    # the key is the best on Dice or on co-occurrences (in a short text many terms share one group)
    if mine >= best or cooc >= max(c for _, c, _ in options):
        return True
    # a member of a list points back to the list ('BRICS' -> БРИКС -> 'SCO, BRICS, RIC and EAS')
    member = surface(pivot.stats[key]).casefold() in {m.casefold() for m in members(surface(pivot.stats[best_key]))}
    return member or _contains(pivot.stats[key].parts, pivot.stats[best_key].parts)


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n < len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _prepare_similarity(
    similarity: Similarity, pivot: LangIndex, others: list[LangIndex], keys: list[str], a: AssocSettings
) -> None:

    phrases = []
    for key in keys:
        for other in others:
            options = contenders(candidates_for(pivot, other, key, a), a)
            if needs_similarity(options, pivot.stats[key]):
                phrases.append(_surface(pivot.stats[key]))
                phrases += [_surface(other.stats[tgt]) for tgt, _, _ in options]
    similarity.prepare(phrases)


def _draft(
    key: str,
    pivot: LangIndex,
    indexes: dict[str, LangIndex],
    pairings: dict[str, Pairing],
    similarity: Similarity,
    settings: Settings,
) -> Draft | None:

    if not pairings:
        return None
    view = View(pivot.stats[key], pivot, {lang: indexes[lang].stats[p.tgt] for lang, p in pairings.items()})
    if rejected(view):
        return None
    scores = [p.score for p in pairings.values()]
    langs = list(pairings)
    # the two non-pivot terms must agree with each other too (triangle check)
    for i in range(len(langs)):
        for j in range(i + 1, len(langs)):
            x, y = indexes[langs[i]], indexes[langs[j]]
            sx, sy = x.stats[pairings[langs[i]].tgt], y.stats[pairings[langs[j]].tgt]
            fx, fy = pair_freq(sx, y.present), pair_freq(sy, x.present)
            c = len(set(sx.postings) & set(sy.postings))
            dice = 2 * c / (fx + fy) if fx + fy else 0.0
            sim = similarity.known(_surface(sx), _surface(sy))
            scores.append(dice * (0.35 + 0.65 * (UNAMBIGUOUS if sim is None else sim)))
    st = pivot.stats[key]
    freq_factor = st.freq / (st.freq + 1.0)
    coverage = (len(pairings) + 1) / len(indexes)
    confidence = sum(scores) / len(scores) * (0.6 + 0.4 * freq_factor) * coverage
    if confidence < settings.min_confidence or _untranslated(st.key, pairings):
        return None
    keys = {pivot.lang: [key]}
    for lang, p in pairings.items():
        keys[lang] = [p.tgt]
    return Draft(keys, [confidence], set(st.postings))


def _untranslated(key: str, pairings: dict[str, Pairing]) -> bool:
    """Codes copied unchanged into every language (LVII, BP13) are not terminology."""
    return all(p.tgt.casefold() == key.casefold() for p in pairings.values())


def _confidence(d: Draft) -> float:
    return max(d.scores)


def _dedupe(drafts: list[Draft], codes: tuple[str, ...]) -> list[Draft]:
    """Two pivot terms with the same equivalents in every other language: keep the stronger one
    ('Assembly' and 'General Assembly' both -> Генеральная Ассамблея / 大会)."""
    best: dict[tuple, Draft] = {}
    for d in drafts:
        sig = tuple((lang, d.keys[lang][0]) for lang in codes[1:] if lang in d.keys)
        if len(sig) < len(codes) - 1:
            sig = (("pivot", d.keys[codes[0]][0]),) + sig  # partial entries are not compared
        cur = best.get(sig)
        if cur is None or _strength(d, codes) > _strength(cur, codes):
            best[sig] = d
    return [d for d in drafts if best.get(_sig(d, codes)) is d]


def _strength(d: Draft, codes: tuple[str, ...]) -> tuple:
    """Which of two drafts with the same equivalents to keep: not a possessive ('China's Belt and Road
    Initiative' loses to 'Belt and Road Initiative'), then the more confident, then the more frequent."""
    possessive = d.keys[codes[0]][0].split(" ")[0].endswith("'s")
    return (not possessive, round(_confidence(d), 6), len(d.postings), d.keys[codes[0]][0])


def _sig(d: Draft, codes: tuple[str, ...]) -> tuple:
    sig = tuple((lang, d.keys[lang][0]) for lang in codes[1:] if lang in d.keys)
    if len(sig) < len(codes) - 1:
        sig = (("pivot", d.keys[codes[0]][0]),) + sig
    return sig


def _related(lang: str, a: TermStats, b: TermStats, loose: bool = False) -> bool:
    """``a`` is the acronym / short form of ``b`` (or the other way round)."""
    if lang == "zh":
        return is_chinese_short_form(a.key, b.key) or is_chinese_short_form(b.key, a.key)
    if a.kind == ACRONYM and b.kind != ACRONYM and len(b.parts) >= 2:
        return is_acronym_of(a.key, _surface(b), loose=loose)
    if b.kind == ACRONYM and a.kind != ACRONYM and len(a.parts) >= 2:
        return is_acronym_of(b.key, _surface(a), loose=loose)
    return False


def _join_acronyms(
    drafts: list[Draft],
    indexes: dict[str, LangIndex],
    full: dict[str, dict],
    groups: list[TU],
    codes: tuple[str, ...],
) -> list[Draft]:
    """Merge the draft of an acronym with the draft of its full form when another language agrees (its
    terms are equal or related too) or the text defines the acronym; then add to each draft the other
    languages' acronyms / short forms found in its own groups."""
    pivot = codes[0]
    defined = _defined_pairs(indexes[pivot], full[pivot], groups, pivot)
    by_key = {d.keys[pivot][0]: d for d in drafts}
    merged: set[int] = set()
    out: list[Draft] = []
    for d in drafts:
        if id(d) in merged:
            continue
        key = d.keys[pivot][0]
        st = full[pivot][key]
        if st.kind == ACRONYM:
            partners = [o for k, o in by_key.items() if o is not d and id(o) not in merged
                        and k in full[pivot] and (
                            (key, k) in defined
                            or (_related(pivot, st, full[pivot][k]) and _agree(d, o, full, codes[1:]))
                        )]
            if partners:
                best = max(partners, key=lambda o: (len(o.postings & d.postings), len(o.postings),
                                                    o.keys[pivot][0]))
                merged.add(id(best))
                merged.add(id(d))
                _absorb(best, d)
                _resolve(best, full, codes[1:])
                if any(o is best for o in out):
                    continue
                d = best
        out.append(d)
    for d in out:
        for lang in codes:
            _add_short_forms(d, lang, indexes[lang], full[lang])
    return out


def _absorb(target: Draft, other: Draft) -> None:
    for lang, ks in other.keys.items():
        target.keys.setdefault(lang, [])
        for k in ks:
            if k not in target.keys[lang]:
                target.keys[lang].append(k)
    target.scores += other.scores
    target.postings |= other.postings


def _resolve(d: Draft, full: dict[str, dict], langs: Sequence[str]) -> None:
    """After a merge a language may hold two unrelated equivalents (one per merged term): keep the one
    whose groups best match the merged concept's groups, and the forms related to it."""
    for lang in langs:
        keys = [k for k in d.keys.get(lang, []) if k in full[lang]]
        if len(keys) < 2:
            continue
        stats = full[lang]

        def fit(k: str, stats: dict = stats) -> float:
            post = set(stats[k].postings)
            return 2 * len(post & d.postings) / (len(post) + len(d.postings))

        best = max(keys, key=lambda k: (fit(k), stats[k].freq, k))
        # related forms stay; so does an unrelated equivalent well supported on its own (开发署 for UNDP
        # beside 联合国开发计划署), but not a weak guess for a term seen once
        keep = [best] + [k for k in keys if k != best and (_related(lang, stats[k], stats[best], loose=True)
                                                          or (stats[k].freq >= 2 and fit(k) >= 0.5))]
        d.keys[lang] = [best] + [k for k in d.keys[lang] if k in keep and k != best]


def _agree(a: Draft, b: Draft, full: dict[str, dict], langs: Sequence[str]) -> bool:
    for lang in langs:
        for ka in a.keys.get(lang, []):
            for kb in b.keys.get(lang, []):
                if ka == kb or (ka in full[lang] and kb in full[lang]
                                and _related(lang, full[lang][ka], full[lang][kb])):
                    return True
    return False


def _add_short_forms(d: Draft, lang: str, idx: LangIndex, stats: dict) -> None:
    """An acronym / short form of a term of the draft that occurs (almost) only in the draft's groups."""
    keys = d.keys.get(lang)
    if not keys:
        return
    head = stats.get(keys[0])
    if head is None:
        return
    nearby: set[str] = set()
    for g in d.postings:
        if g < len(idx.occurrences):
            nearby.update(c.key for c in idx.occurrences[g] if c.kind in (ACRONYM, NAME, "title") or lang == "zh")
    for k in sorted(nearby):
        if k in keys or k not in stats:
            continue
        st = stats[k]
        if not _related(lang, st, head):
            continue
        inside = sum(1 for g in st.postings if g in d.postings)
        if inside < 0.8 * st.freq:
            continue
        shorter = st.kind == ACRONYM or (lang == "zh" and len(k) < len(head.key) and k[-1] == head.key[-1])
        # a longer form joins only when it is a name seen more than once (not any phrase around the term)
        if shorter or (st.kind in (NAME, "title") and st.freq >= 2):
            keys.append(k)


def _defined_pairs(idx: LangIndex, stats: dict, groups: list[TU], lang: str) -> set[tuple[str, str]]:
    """(acronym, full form key) defined in the text: 'Eurasian Economic Union (EAEU)'."""
    pairs: set[tuple[str, str]] = set()
    for g, tu in enumerate(groups):
        text = tu.seg(lang) or ""
        for acr, pos in defined_acronyms(text):
            if acr not in stats:
                continue
            for c in idx.occurrences[g]:
                if (c.end <= pos and not text[c.end : pos].strip() and c.kind == NAME
                        and is_acronym_of(acr, c.text, loose=True)):
                    pairs.add((acr, c.key))
    return pairs


def _entry(
    d: Draft, indexes: dict[str, LangIndex], full: dict[str, dict], groups: list[TU], codes: tuple[str, ...]
) -> Entry:
    terms: list[Term] = []
    pivot_st = full[codes[0]].get(d.keys[codes[0]][0]) if d.keys.get(codes[0]) else None
    proper = pivot_st is not None and pivot_st.kind in (ACRONYM, NAME, "title")
    for lang in codes:
        keys = d.keys.get(lang, [])
        stats = [full[lang][k] for k in keys if k in full[lang]]
        # full forms first, then acronyms / short forms; the most frequent full form is preferred
        stats.sort(key=lambda st: (st.kind == ACRONYM or _is_short(st.key, keys, lang), -st.freq, st.key))
        seen: set[str] = set()
        for st in stats:
            text = display(st, lang, proper)
            if lang == "en":
                text = without_possessive(text)
            if lang == "ru" and proper and pivot_st is not None and " " not in text:
                text = guessed_name_form(text, display(pivot_st, codes[0], True), _usual_russian(d, full))
            if text.casefold() in seen:
                continue
            seen.add(text.casefold())
            kind = T_ACRONYM if st.kind == ACRONYM else SHORT_FORM if _is_short(st.key, keys, lang) else FULL_FORM
            terms.append(Term(lang, text, kind, _pos(st, lang), st.freq))
    examples = _examples(d, full, groups, codes)
    return Entry("", tuple(terms), len(d.postings), round(_confidence(d), 4), examples)


def _usual_russian(d: Draft, full: dict[str, dict]) -> str | None:
    """How Russian usually writes the draft's Chinese name (a place: one word), when it has one."""
    zh = d.keys.get("zh")
    if not zh or zh[0] not in full.get("zh", {}):
        return None
    return russian_name(display(full["zh"][zh[0]], "zh", True))


def _is_short(key: str, keys: list[str], lang: str) -> bool:
    return lang == "zh" and any(k != key and is_chinese_short_form(key, k) for k in keys)


def _pos(st, lang: str) -> str:
    return "properNoun" if st.kind in (ACRONYM, NAME, "title") else "noun"


def _examples(d: Draft, full: dict[str, dict], groups: list[TU], codes: tuple[str, ...]) -> tuple[Example, ...]:
    """One group per language: the shortest group holding the preferred terms of as many languages as
    possible (ties: the earliest group)."""
    per_lang = {
        lang: set(full[lang][d.keys[lang][0]].postings) for lang in codes if d.keys.get(lang) and d.keys[lang][0] in full[lang]
    }
    if not per_lang:
        return ()
    candidates = set().union(*per_lang.values())

    def rank(g: int) -> tuple:
        covered = sum(1 for s in per_lang.values() if g in s)
        length = sum(len(t) for _, t in groups[g].segs)
        return (-covered, length, g)

    examples = []
    chosen = min(candidates, key=rank)
    for lang in codes:
        if lang not in per_lang:
            continue
        g = chosen if chosen in per_lang[lang] else min(per_lang[lang], key=rank)
        text = groups[g].seg(lang) or ""
        examples.append(Example(lang, groups[g].tuid, text))
    return tuple(examples)
