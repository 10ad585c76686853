"""Similarity signals behind one small interface, sacrebleu-style: a base class and a registry by name.

A :class:`Signal` prepares a document pair into a :class:`Prepared` state; ``score(I, J, a, b)`` then
gives, for links of type a-b ending at nodes (I, J) (source sentences I-a..I-1, target J-b..J-1), a
similarity in [0, 1], or NaN where the signal has no evidence (no anchors on either side). Signals
keep per-sentence quantities that add up over a window (embedding sums, character counts, key
counts), so windows and coarse blocks cost no new model call. Heavy parts load inside ``prepare``.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

import numpy as np

from alignmem.align.band import Band
from alignmem.align.config import AlignConfig
from alignmem.errors import InputError


class Prepared(ABC):
    """A signal's state for one document pair at one resolution (sentences or blocks of them)."""

    n: int
    m: int

    def attach(self, band: Band) -> None:
        """Precompute what scoring cells of ``band`` needs (called before ``score``)."""

    @abstractmethod
    def score(self, I: np.ndarray, J: np.ndarray, a: int, b: int) -> np.ndarray: ...

    @abstractmethod
    def coarsen(self, factor: int) -> Prepared:
        """The same state over blocks of ``factor`` consecutive sentences."""


class Signal(ABC):
    name: str = ""

    @abstractmethod
    def prepare(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str,
                config: AlignConfig) -> Prepared: ...

    def describe(self) -> str:
        return self.name


# ---------------------------------------------------------------------------------------------
# helpers over additive per-sentence quantities


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros((len(values) + 1,) + values.shape[1:], dtype=np.float64)
    np.cumsum(values, axis=0, out=out[1:])
    return out


def _window(prefix: np.ndarray, end: np.ndarray, size: int) -> np.ndarray:
    """Sum of the ``size`` values before ``end`` (indices clipped; callers mask invalid cells)."""
    last = len(prefix) - 1
    e = np.clip(end, 0, last)
    return prefix[e] - prefix[np.clip(e - size, 0, last)]


def _blocks(values: np.ndarray, factor: int) -> np.ndarray:
    n = len(values)
    starts = np.arange(0, n, factor)
    return np.add.reduceat(values, starts, axis=0) if n else values


class PairTable:
    """Values of sentence pairs (s, t) stored sparsely by key s * (m + 1) + t; lookups by binary search."""

    def __init__(self, m: int, keys: np.ndarray, values: np.ndarray):
        order = np.argsort(keys, kind="stable")
        self.m = m
        self.keys = keys[order]
        self.values = values[order]

    def lookup(self, s: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        key = s.astype(np.int64) * (self.m + 1) + t
        pos = np.searchsorted(self.keys, key)
        pos = np.minimum(pos, max(len(self.keys) - 1, 0))
        if not len(self.keys):
            return np.zeros(key.shape), np.zeros(key.shape, dtype=bool)
        found = self.keys[pos] == key
        return np.where(found, self.values[pos], 0.0), found


def pair_window_sum(lookup: Callable[[np.ndarray, np.ndarray], np.ndarray], I: np.ndarray, J: np.ndarray,
                    a: int, b: int) -> np.ndarray:
    total = np.zeros(I.shape, dtype=np.float64)
    for da in range(a):
        for db in range(b):
            total += lookup(I - a + da, J - b + db)
    return total


# ---------------------------------------------------------------------------------------------
# embedding


class PreparedEmbedding(Prepared):
    def __init__(self, es: np.ndarray, et: np.ndarray, texts: tuple[Sequence[str], Sequence[str]] | None,
                 joiners: tuple[str, str], encode: Callable[[Sequence[str]], np.ndarray] | None,
                 boost: float = 1.0):
        self.es, self.et = es, et
        self.boost = boost
        self.n, self.m = len(es), len(et)
        self.ps, self.pt = _prefix(es), _prefix(et)
        self.texts, self.joiners, self.encode = texts, joiners, encode
        self.band: Band | None = None  # the band of the last attach() and the dot products of its cells
        self.band_dots: np.ndarray | None = None
        self.related_s: np.ndarray | None = None  # set by attach()
        self.related_t: np.ndarray | None = None
        self._norms: dict[tuple[str, int], np.ndarray] = {}

    def coarsen(self, factor: int) -> Prepared:
        return PreparedEmbedding(_blocks(self.es, factor), _blocks(self.et, factor), None, self.joiners, None,
                                 self.boost)

    def attach(self, band: Band) -> None:
        # dot products of the sentence pairs in the band, one small matrix product per row
        values = np.zeros(band.size, dtype=np.float64)
        es, et = self.es, self.et
        for s in range(min(band.n, self.n)):
            lo, w = int(band.lo[s]), int(band.w[s])
            hi = min(lo + w, self.m)
            if hi > lo:
                values[band.off[s]:band.off[s] + hi - lo] = et[lo:hi] @ es[s]
        self.band, self.band_dots = band, values
        # each sentence's best cosine with a sentence of the other side in the band
        rows, cols = band.rows, band.cols
        inside = (rows < self.n) & (cols < self.m)
        self.related_s = np.zeros(self.n)
        self.related_t = np.zeros(self.m)
        np.maximum.at(self.related_s, rows[inside], values[inside])
        np.maximum.at(self.related_t, cols[inside], values[inside])

    def _dot(self, s: np.ndarray, t: np.ndarray) -> np.ndarray:
        s = np.clip(s, 0, self.n - 1)
        t = np.clip(t, 0, self.m - 1)
        if self.band is not None:  # sentence pair (s, t) is cell (s, t) of the band
            flat, found = self.band.locate(s, t)
            values = np.where(found, self.band_dots[flat], 0.0)
        else:
            values, found = np.zeros(s.shape), np.zeros(s.shape, dtype=bool)
        missing = np.flatnonzero(~found)
        for start in range(0, len(missing), 4096):  # pairs off the band: compute directly, in chunks
            idx = missing[start:start + 4096]
            values[idx] = np.einsum("ij,ij->i", self.es[s[idx]], self.et[t[idx]])
        return values

    def _norm(self, side: str, size: int, end: np.ndarray) -> np.ndarray:
        key = (side, size)
        if key not in self._norms:
            prefix = self.ps if side == "s" else self.pt
            sums = prefix[size:] - prefix[:-size] if len(prefix) > size else np.zeros((0, prefix.shape[1]))
            norms = np.sqrt(np.einsum("ij,ij->i", sums, sums))
            self._norms[key] = np.concatenate([np.ones(size), norms])  # indexed by window end
        table = self._norms[key]
        return table[np.clip(end, 0, len(table) - 1)]

    def score(self, I: np.ndarray, J: np.ndarray, a: int, b: int) -> np.ndarray:
        dots = pair_window_sum(self._dot, I, J, a, b)
        cos = dots / np.maximum(self._norm("s", a, I) * self._norm("t", b, J), 1e-9)
        if a + b > 2:
            # the mean of sentence embeddings underrates merged sentences: embedded as one text,
            # true merges score about 1.1-1.25 times higher (measured on MAC-Dev and UN documents); the
            # default boost, 1.1, aligned best on the two together
            cos = cos * self.boost
        return np.clip(cos, 0.0, 1.0)

    def exact(self, I: np.ndarray, J: np.ndarray, a: int, b: int) -> np.ndarray:
        """Cosine of the embeddings of the merged sentences themselves (not of the mean of their embeddings)."""
        if self.texts is None or self.encode is None:
            return self.score(I, J, a, b)
        src, tgt = self.texts
        js, jt = self.joiners
        s_text = [js.join(src[i - a:i]) for i in I.tolist()]
        t_text = [jt.join(tgt[j - b:j]) for j in J.tolist()]
        vs = self.encode(s_text) if a > 1 else self.es[I - 1]
        vt = self.encode(t_text) if b > 1 else self.et[J - 1]
        return np.clip(np.einsum("ij,ij->i", vs, vt), 0.0, 1.0)


class EmbeddingSignal(Signal):
    """Cosine of multilingual USE v3 embeddings (512-d); windows by the mean, refined by re-embedding."""

    name = "embedding"

    def __init__(self, embed: Callable[[Sequence[str]], np.ndarray] | None = None):
        self._embed = embed

    def prepare(self, src, tgt, src_lang, tgt_lang, config):
        from alignmem.align.encoder import encoder
        from alignmem.langs import get

        embed = self._embed or encoder().embed
        es = embed(list(src)).astype(np.float64)
        et = embed(list(tgt)).astype(np.float64)
        return PreparedEmbedding(es, et, (src, tgt), (get(src_lang).joiner, get(tgt_lang).joiner), embed,
                                 config.merge_boost)

    def describe(self) -> str:
        from alignmem.align.encoder import MODEL_NAME

        return f"embedding({MODEL_NAME})"


# ---------------------------------------------------------------------------------------------
# length

# Expected target characters per source character, before the texts themselves are looked at.
# Chinese needs about a third of the characters of English; Russian about 10% more than English.
CHARS_PER_LANG = {"en": 1.0, "ru": 1.1, "zh": 0.3}
PRIOR_WEIGHT = 2000.0  # characters of evidence the prior is worth
GC_VARIANCE = 6.8  # Gale & Church (1993): variance of target length per source character


def _erfc(x: np.ndarray) -> np.ndarray:
    """Complementary error function for x >= 0 (Abramowitz & Stegun 7.1.26, error < 1.5e-7)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return poly * np.exp(-x * x)


def char_length(text: str) -> int:
    """Characters other than white space."""
    return len("".join(text.split()))


class PreparedLength(Prepared):
    def __init__(self, ls: np.ndarray, lt: np.ndarray, ratio: float, variance: float):
        self.ls, self.lt = ls, lt
        self.n, self.m = len(ls), len(lt)
        self.ps, self.pt = _prefix(ls), _prefix(lt)
        self.ratio, self.variance = ratio, variance

    def coarsen(self, factor: int) -> Prepared:
        return PreparedLength(_blocks(self.ls, factor), _blocks(self.lt, factor), self.ratio, self.variance)

    def score(self, I, J, a, b):
        la = _window(self.ps, I, a)
        lb = _window(self.pt, J, b) / self.ratio
        mean = np.maximum((la + lb) / 2.0, 1.0)
        delta = np.abs(lb - la) / np.sqrt(self.variance * mean)
        return _erfc(delta / math.sqrt(2.0))


class LengthSignal(Signal):
    """Gale-Church cost on characters, with the ratio of the language pair estimated from the texts."""

    name = "length"

    def __init__(self, variance: float = GC_VARIANCE):
        self.variance = variance

    def prepare(self, src, tgt, src_lang, tgt_lang, config):
        ls = np.array([char_length(t) for t in src], dtype=np.float64)
        lt = np.array([char_length(t) for t in tgt], dtype=np.float64)
        prior = CHARS_PER_LANG.get(tgt_lang, 1.0) / CHARS_PER_LANG.get(src_lang, 1.0)
        # the observed ratio, shrunk towards the prior when the texts are short
        ratio = (lt.sum() + PRIOR_WEIGHT * prior) / (ls.sum() + PRIOR_WEIGHT)
        # Chinese characters carry more per character: the spread is larger in their units
        variance = self.variance * (1.0 / min(ratio, 1.0))
        return PreparedLength(ls, lt, ratio, variance)


# ---------------------------------------------------------------------------------------------
# key-matching signals: anchors and lexicon


MAX_KEY_SPREAD = 64  # a key in more sentences than this tells nothing about where a sentence goes


class PreparedKeys(Prepared):
    """Dice overlap of keys (anchors, dictionary entries) kept by both texts."""

    def __init__(self, cs: np.ndarray, ct: np.ndarray, table: PairTable):
        self.cs, self.ct = cs, ct
        self.n, self.m = len(cs), len(ct)
        self.ps, self.pt = _prefix(cs), _prefix(ct)
        self.table = table

    @classmethod
    def from_keys(cls, ks: Sequence[frozenset[str]], kt: Sequence[frozenset[str]],
                  weight: Callable[[str], float] | None = None) -> PreparedKeys:
        where_s: dict[str, list[int]] = {}
        where_t: dict[str, list[int]] = {}
        for i, keys in enumerate(ks):
            for key in keys:
                where_s.setdefault(key, []).append(i)
        for j, keys in enumerate(kt):
            for key in keys:
                where_t.setdefault(key, []).append(j)
        shared = [k for k in where_s if k in where_t
                  and len(where_s[k]) <= MAX_KEY_SPREAD and len(where_t[k]) <= MAX_KEY_SPREAD]
        cs = np.zeros(len(ks))
        ct = np.zeros(len(kt))
        pairs: list[int] = []
        m = len(kt)
        weights: list[float] = []
        for key in sorted(shared):
            rows, cols = where_s[key], where_t[key]
            kw = weight(key) if weight else 1.0
            np.add.at(cs, rows, kw)
            np.add.at(ct, cols, kw)
            pairs.extend(r * (m + 1) + c for r in rows for c in cols)
            weights.extend([kw] * (len(rows) * len(cols)))
        keys, inverse = np.unique(np.array(pairs, dtype=np.int64), return_inverse=True)
        values = np.bincount(inverse.ravel(), weights=np.array(weights), minlength=len(keys))
        return cls(cs, ct, PairTable(m, keys, values.astype(np.float64)))

    def coarsen(self, factor: int) -> Prepared:
        m = self.m
        rows, cols = self.table.keys // (m + 1), self.table.keys % (m + 1)
        m2 = (m + factor - 1) // factor
        keys = (rows // factor) * (m2 + 1) + cols // factor
        uniq, inverse = np.unique(keys, return_inverse=True)
        values = np.bincount(inverse.ravel(), weights=self.table.values, minlength=len(uniq))
        return PreparedKeys(_blocks(self.cs, factor), _blocks(self.ct, factor), PairTable(m2, uniq, values))

    def _match(self, s, t):
        return self.table.lookup(s, t)[0]

    def score(self, I, J, a, b):
        total = _window(self.ps, I, a) + _window(self.pt, J, b)
        matched = pair_window_sum(self._match, I, J, a, b)
        with np.errstate(invalid="ignore", divide="ignore"):
            dice = np.minimum(2.0 * matched / total, 1.0)
        return np.where(total > 0, dice, np.nan)


class AnchorSignal(Signal):
    """Numbers, Latin-script tokens and transliterated names found in both texts (alignmem.anchors)."""

    name = "anchors"

    def prepare(self, src, tgt, src_lang, tgt_lang, config):
        from alignmem.anchors import anchor_keys, key_weight

        ks = [anchor_keys(text, src_lang) for text in src]
        kt = [anchor_keys(text, tgt_lang) for text in tgt]
        return PreparedKeys.from_keys(ks, kt, key_weight)


_WORD = re.compile(r"\w+")
MAX_ENTRY_WORDS = 4  # dictionary entries of up to this many words are matched


def _en_base(word: str) -> str:
    """A crude English base form, applied alike to texts and dictionaries: plural and 3rd-person -s."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _lexicon_form(word: str, lang: str) -> str:
    """How words of a text and of a dictionary are compared: lowercased, Russian lemmatised (pymorphy3)."""
    low = word.lower()
    if lang == "ru":
        from alignmem.glossary.nlp import ru_lemma

        return ru_lemma(low)
    if lang == "en":
        return _en_base(low)
    return low


def _phrase(text: str, lang: str) -> str:
    return " ".join(_lexicon_form(w, lang) for w in _WORD.findall(text))


class LexiconSignal(Signal):
    """Dictionary entries whose two sides occur in the two texts (user dictionaries, optionally CC-CEDICT)."""

    name = "lexicon"

    def prepare(self, src, tgt, src_lang, tgt_lang, config):
        from alignmem.align.lexicon import load_entries

        entries = load_entries(config.lexicons, src_lang, tgt_lang, cedict=config.cedict)
        ks = _lexicon_keys(src, src_lang, entries, 0)
        kt = _lexicon_keys(tgt, tgt_lang, entries, 1)
        forward = PreparedKeys.from_keys(ks, kt)
        # dictionaries come in either direction (hunalign writes "target @ source"): keep the one that fits
        ks_r = _lexicon_keys(src, src_lang, entries, 1)
        kt_r = _lexicon_keys(tgt, tgt_lang, entries, 0)
        backward = PreparedKeys.from_keys(ks_r, kt_r)
        return forward if forward.cs.sum() >= backward.cs.sum() else backward


def _lexicon_keys(texts: Sequence[str], lang: str, entries: Sequence[tuple[str, str]],
                  side: int) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    if lang == "zh":
        words: dict[str, list[int]] = {}
        for k, entry in enumerate(entries):
            words.setdefault(entry[side], []).append(k)
        for text in texts:
            # every substring of up to 4 characters is a candidate dictionary word
            grams = {text[i:i + n] for n in range(1, 5) for i in range(len(text) - n + 1)}
            out.append(frozenset(f"x:{k}" for gram in grams & words.keys() for k in words[gram]))
        return out
    # entries and texts compared word by word in base form ('договоров' finds 'договор', 'treaties' finds
    # 'treaty'), entries of several words as word sequences ('Совета Безопасности' finds 'Совет Безопасности')
    index: dict[str, list[int]] = {}
    for k, entry in enumerate(entries):
        phrase = _phrase(entry[side], lang)
        if phrase and phrase.count(" ") < MAX_ENTRY_WORDS:
            index.setdefault(phrase, []).append(k)
    longest = max((p.count(" ") + 1 for p in index), default=1)
    for text in texts:
        forms = [_lexicon_form(w, lang) for w in _WORD.findall(text)]
        keys = set()
        for size in range(1, longest + 1):
            for i in range(len(forms) - size + 1):
                for k in index.get(" ".join(forms[i:i + size]), ()):
                    keys.add(f"x:{k}")
        out.append(frozenset(keys))
    return out


# ---------------------------------------------------------------------------------------------

REGISTRY: dict[str, type[Signal]] = {
    EmbeddingSignal.name: EmbeddingSignal,
    LengthSignal.name: LengthSignal,
    AnchorSignal.name: AnchorSignal,
    LexiconSignal.name: LexiconSignal,
}


def get_signal(name: str) -> Signal:
    try:
        return REGISTRY[name]()
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise InputError(f"unknown signal {name!r} (known: {known})") from None


def parse_signals(spec: str | None) -> tuple[str, ...]:
    """``"embedding,length"`` -> ("embedding", "length"), each checked against the registry."""
    from alignmem.align.config import DEFAULT_SIGNALS

    if spec is None:
        return DEFAULT_SIGNALS
    names = tuple(dict.fromkeys(part.strip().lower() for part in spec.split(",") if part.strip()))
    if not names:
        raise InputError("--signals names no signal")
    for name in names:
        get_signal(name)
    return names
