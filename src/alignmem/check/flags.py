"""QA rules: each one a small class with a code, a one-line description and ``flags(unit)``.

Rules that need the whole memory first (the usual length ratio of a document, duplicates across files)
learn it in ``fit(units)``. The order of :data:`RULES` is the order flags are listed in.

==============  =========================================================================================
code            flagged when
==============  =========================================================================================
unaligned       the group lacks a language (a sentence with no counterpart)
number          a number written in one language is in no form in any other language of the group
name            a Latin-script name or acronym of the Russian/Chinese text is missing from the English one,
                or a document symbol (``A/69/L.1``), web or mail address is missing from every other one
length          the length ratio of a pair is far outside the ratio usual in this document (per-pair priors)
untranslated    the target equals the source, or a text is in the wrong script
low-score       the alignment score is under the threshold
duplicate       a TU repeats an earlier one exactly, or the same source has different translations
order           the sentences of a group match the other language's in another order (sentence encoder)
extra           a sentence of a group is like none of another language's sentences in it (sentence encoder)
==============  =========================================================================================
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import combinations, permutations

import numpy as np

from alignmem.anchors import NumberMention, extract_numbers, pair_mentions
from alignmem.check.model import Flag, Unit
from alignmem.errors import InputError
from alignmem.langs import get
from alignmem.score.encoders import DEFAULT_ENCODER, get_encoder
from alignmem.text.script import HAN

# ------------------------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class CheckConfig:
    """Thresholds of the QA rules; :meth:`signature` records them in every output."""

    min_score: float = 0.4  # low-score under this
    length_z: float = 3.2  # length flagged beyond this many robust deviations
    length_floor: float = 0.45  # ... and never within this distance of the usual log ratio
    length_min_chars: int = 12  # shorter texts (counted in the source's characters) vary too much to judge
    untranslated_min_letters: int = 10  # identical texts shorter than this (names, codes) are fine
    order_margin: float = 0.08  # sentences swapped when another order is this much more similar
    extra_similarity: float = 0.15  # a sentence less similar than this to all of another language's is extra
    embeddings: bool = True  # compare the sentences inside a group with the sentence encoder
    rules: tuple[str, ...] = ()  # codes of the rules to run (empty: all)
    encoder: str = DEFAULT_ENCODER  # the sentence encoder of the order/extra rules (alignmem.score.encoders)
    # texts -> (n, d) L2-normalised vectors; None: alignmem's sentence encoder (tests inject a fake one)
    embed: Callable[[Sequence[str]], np.ndarray] | None = field(default=None, compare=False, repr=False)

    def signature(self) -> str:
        rules = ",".join(self.rules) if self.rules else "all"
        inner = f"order{self.order_margin:g},extra{self.extra_similarity:g}" if self.embeddings else "off"
        if self.embeddings and self.encoder != DEFAULT_ENCODER:
            inner += f",encoder:{self.encoder}"
        return (f"check|rules:{rules}|min-score:{self.min_score:g}|length:z{self.length_z:g},"
                f"floor{self.length_floor:g},min{self.length_min_chars}|"
                f"untranslated:{self.untranslated_min_letters}|inside:{inner}")


class Rule:
    code = ""
    description = ""

    def __init__(self, config: CheckConfig):
        self.config = config

    def fit(self, units: Sequence[Unit]) -> None:
        """Learn what the rule needs from the whole memory before flagging."""

    def flags(self, unit: Unit) -> list[Flag]:
        raise NotImplementedError


# ------------------------------------------------------------------------------------------ the rules


class Unaligned(Rule):
    code = "unaligned"
    description = "a language has no sentence in the group"

    def flags(self, unit: Unit) -> list[Flag]:
        absent = tuple(lang for lang, text in zip(unit.langs, unit.texts) if not text)
        if not absent or not unit.present:
            return []
        have = "/".join(unit.present)
        return [Flag(self.code, f"{have} text has no {'/'.join(absent)} counterpart", absent)]


class Numbers(Rule):
    """Numbers read by :mod:`alignmem.anchors` (the aligner's normaliser: scripts, scales, dates, clock
    times) and paired by :func:`~alignmem.anchors.pair_mentions`. A number written with digits is flagged
    when every other language of the group lacks it in any form; numbers in words, Chinese numerals and
    the optional numbers of :data:`OPTIONAL_NUMBERS` only ever clear one."""

    code = "number"
    description = "a number differs between languages"

    def flags(self, unit: Unit) -> list[Flag]:
        present = unit.present
        if len(present) < 2:
            return []
        if not any(_DIGIT.search(unit.text(lang)) for lang in present):
            return []  # numbers in words only: nothing written to compare
        mentions = {lang: _mentions(unit.text(lang), lang) for lang in present}
        lost: dict[str, set[Decimal] | None] = dict.fromkeys(present)
        for a, b in combinations(present, 2):
            pairs = _unmatched(mentions[a], mentions[b], unit.text(a), unit.text(b))
            for lang, values in zip((a, b), pairs, strict=True):
                lost[lang] = values if lost[lang] is None else lost[lang] & values
        out: list[Flag] = []
        for lang in present:
            if lost[lang]:
                others = [o for o in present if o != lang]
                values = ", ".join(_described(v, lang, others, mentions) for v in sorted(lost[lang])[:4])
                out.append(Flag(self.code, f"{lang} has {values}, not found in {'/'.join(others)}", (lang,)))
        return out


def _described(value: Decimal, lang: str, others: list[str], mentions: dict[str, tuple[_Mention, ...]]) -> str:
    """``2021``, or ``2001 (2 times, 1 in ru)`` for a value the other side holds fewer times."""
    mine = sum(1 for m in mentions[lang] if m.number.value == value)
    theirs = max(sum(1 for m in mentions[o] if m.number.value == value) for o in others)
    return f"{_show(value)} ({mine} times, {theirs} in {'/'.join(others)})" if theirs else _show(value)


_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class _Mention:
    number: NumberMention
    required: bool  # written with digits and not optional: flagged when the other language lacks it
    word: str = ""  # the Latin word a code's digits belong to ("covid" of COVID-19), lowercased


def list_marker(text: str, number: NumberMention) -> bool:
    """``10. The Commission ...``: translations often number paragraphs differently."""
    marker = _LIST_MARKER.match(text)
    return marker is not None and number.start < marker.end()


def footnote_call(text: str, number: NumberMention) -> bool:
    """Digits glued to a word or a closing mark (``website.3``, ``km2``, ``«...»18``): a footnote call or
    part of a name, not a quantity a translation must repeat. Chinese glues digits to words routinely."""
    start = number.start
    if start == 0 or not text[start].isdigit():
        return False
    before = text[start - 1]
    if before == "." and start > 1 and text[start - 2].isdigit():
        return False  # the minutes of "10.40 a.m.", read apart from the hour
    if before in "\"'”»).":
        return True
    return before.isalpha() and not HAN.match(before)


def zero(text: str, number: NumberMention) -> bool:
    """``0``, and the ``00`` of ``10 ч. 00 м.``: translations write "no", "nil" or leave it out."""
    return number.value == 0


_LIST_MARKER = re.compile(r"^\s*\(?\d+(?:\.\d+)*[.)]\s")
# Numbers a translation may leave out: they still clear a number of another language, are never flagged.
OPTIONAL_NUMBERS: tuple[Callable[[str, NumberMention], bool], ...] = (list_marker, footnote_call, zero)


@lru_cache(maxsize=50_000)  # the same text comes back in the trilingual and the pair files of a memory
def _mentions(text: str, lang: str) -> tuple[_Mention, ...]:

    numbers = extract_numbers(text, lang)
    found = [_Mention(m, m.digits and not any(rule(text, m) for rule in OPTIONAL_NUMBERS)) for m in numbers]
    # Digits that the anchors leave out as part of a code ("P-4", "GEF-5", "U-235") are compared too: a
    # changed grade or code is an error, and a translation may spell the code as a number ("全环基金5").
    taken = [(m.start, m.end) for m in numbers]
    codes = [NumberMention(Decimal(run.group()), "number", run.start(), run.end(), run.group())
             for run in _DIGIT_RUN.finditer(text)
             if not any(start < run.end() and run.start() < end for start, end in taken)]
    found += [_Mention(m, not any(rule(text, m) for rule in OPTIONAL_NUMBERS), _code_word(text, m.start))
              for m in codes]
    # required numbers first: pairing is greedy, and a required number should meet its own counterpart
    # before an optional one takes it
    return tuple(sorted(found, key=lambda m: not m.required))


_CODE_WORD = re.compile(r"([A-Za-z]{2,})[-‐‑ ]?$")


def _code_word(text: str, start: int) -> str:
    found = _CODE_WORD.search(text, max(0, start - 40), start)
    return found.group(1).casefold() if found else ""


def _unmatched(a: tuple[_Mention, ...], b: tuple[_Mention, ...], text_a: str = "",
               text_b: str = "") -> tuple[set[Decimal], set[Decimal]]:
    """Values of the required numbers of ``a`` and of ``b`` that the other side has in no form. A code's
    digits are required only where the other side keeps the code's word: "COVID-19" translated as
    "新冠肺炎" drops its 19 with the name, "COVID-19" kept as "COVID-20" has changed."""
    diff = pair_mentions([m.number for m in a], [m.number for m in b])
    required = {id(m.number) for m, other in [*((m, text_b) for m in a), *((m, text_a) for m in b)]
                if m.required and (not m.word or m.word in other.casefold())}
    return ({m.value for m in diff.significant_a if id(m) in required},
            {m.value for m in diff.significant_b if id(m) in required})


def _show(value: Decimal) -> str:
    """1300 -> "1300", 1500000 -> "1,500,000", 1.5 -> "1.5"."""
    if value == value.to_integral_value():
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    return format(value.normalize(), "f")


_LATIN_TOKEN = re.compile(r"(?<![^\W\d_])[A-Za-z][A-Za-z0-9&'’.\-/]*[A-Za-z0-9](?![^\W\d_])")
# document symbols (A/69/L.1, S/2015/12), web and mail addresses: copied verbatim by every translation
_CODE = re.compile(r"^(?:[a-z]+(?:\.[a-z0-9]+)*(?:/[a-z0-9.\-]+)*/[a-z0-9.\-]*\d[a-z0-9.\-/]*|www\..+|.+@.+)$")
_ASCII_LETTER = re.compile("[A-Za-z]")
_CODE_HINT = re.compile(r"[/@]|www\.")
_ROMAN = re.compile(r"^[ivxlc]+[a-h]?$")  # list markers "ii)" and "Habitat III" stay as they are
# Cyrillic letters that look Latin: UN symbols are sometimes typed with them in Russian text
_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХаеорсх", "ABCEHKMOPTXaeopcx")


@lru_cache(maxsize=50_000)
def _latin_tokens(text: str) -> frozenset[str]:
    if not _ASCII_LETTER.search(text):
        return frozenset()
    tokens = (t.strip(".-/'’").casefold() for t in _LATIN_TOKEN.findall(text))
    return frozenset(t for t in tokens if sum(ch.isalpha() for ch in t) >= 2 and not _ROMAN.match(t))


class Names(Rule):
    code = "name"
    description = "a Latin-script name, acronym or code is missing in another language"

    def flags(self, unit: Unit) -> list[Flag]:

        present = unit.present
        latin = [lang for lang in present if get(lang).script == "Latin"]
        if not latin or len(present) < 2:
            return []
        foreign = [lang for lang in present if lang not in latin and _ASCII_LETTER.search(unit.text(lang))]
        if not foreign and not any(_CODE_HINT.search(unit.text(lang)) for lang in latin):
            return []
        tokens = {lang: _latin_tokens(unit.text(lang)) for lang in present}
        lenient = {lang: tokens[lang] | _latin_tokens(unit.text(lang).translate(_HOMOGLYPHS)) for lang in present}
        latin_words = frozenset().union(*(tokens[lang] for lang in latin))
        # "Al-JabalMukaber" against "Al-Jabal Mukaber": compare letters only, as a substring
        latin_letters = "".join(ch for lang in latin for ch in unit.text(lang).casefold() if ch.isalnum())
        out: list[Flag] = []
        for lang in present:
            if lang in latin:
                # codes must travel to every language; a Latin name may be transcribed, so only codes
                others = [o for o in present if o != lang]
                lost = {t for t in tokens[lang] if _CODE.match(t) and not any(t in lenient[o] for o in others)}
            else:
                lost = {t for t in tokens[lang]
                        if t not in latin_words and "".join(ch for ch in t if ch.isalnum()) not in latin_letters}
            if lost:
                shown = ", ".join(sorted(lost)[:4])
                where = "/".join(latin) if lang not in latin else "the other languages"
                out.append(Flag(self.code, f"{lang} has {shown}, missing in {where}", (lang,)))
        return out


# Usual log(chars_b / chars_a) for a pair and its robust spread: median and 1.4826 MAD over 2,172 UN
# sentence triples (UN dev set). Russian runs ~13% longer than English; Chinese has about a third of
# English's characters.
LENGTH_PRIORS: dict[tuple[str, str], tuple[float, float]] = {
    ("en", "ru"): (math.log(1.13), 0.16),
    ("en", "zh"): (math.log(0.85), 0.18),  # in Latin-letter equivalents (see _chars)
    ("ru", "zh"): (math.log(0.75), 0.19),
}
PRIOR_WEIGHT = 10  # the prior counts as this many units of the document
_NON_SPACE = re.compile(r"\S")
HAN_CHAR_WEIGHT = 3.0  # a Han character carries about as much as three Latin letters


@lru_cache(maxsize=100_000)
def _chars(text: str) -> float:
    """Length in Latin-letter equivalents: dates, numbers and names in a Chinese text count as in English."""
    han = len(HAN.findall(text))
    return len(_NON_SPACE.findall(text)) - han + HAN_CHAR_WEIGHT * han


def _prior(a: str, b: str) -> tuple[float, float]:
    if (a, b) in LENGTH_PRIORS:
        return LENGTH_PRIORS[(a, b)]
    if (b, a) in LENGTH_PRIORS:
        mean, spread = LENGTH_PRIORS[(b, a)]
        return -mean, spread
    return 0.0, 0.3


class Length(Rule):
    code = "length"
    description = "the length ratio is far outside this document's usual range"

    def fit(self, units: Sequence[Unit]) -> None:
        samples: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        for unit in units:
            for a, b in combinations(unit.present, 2):
                ca, cb = _chars(unit.text(a)), _chars(unit.text(b))
                if ca and cb:
                    samples[(unit.doc, a, b)].append(math.log(cb / ca))
        self.model: dict[tuple[str, str, str], tuple[float, float]] = {}
        for (doc, a, b), values in samples.items():
            mean0, spread0 = _prior(a, b)
            n = len(values)
            median = statistics.median(values)
            mad = 1.4826 * statistics.median(abs(v - median) for v in values)
            mean = (n * median + PRIOR_WEIGHT * mean0) / (n + PRIOR_WEIGHT)
            spread = math.sqrt((n * mad**2 + PRIOR_WEIGHT * spread0**2) / (n + PRIOR_WEIGHT))
            self.model[(doc, a, b)] = (mean, spread)

    def flags(self, unit: Unit) -> list[Flag]:
        out: list[Flag] = []
        cfg = self.config
        for a, b in combinations(unit.present, 2):
            ca, cb = _chars(unit.text(a)), _chars(unit.text(b))
            mean, spread = self.model.get((unit.doc, a, b), _prior(a, b))
            if min(ca, cb * math.exp(-mean)) < cfg.length_min_chars:
                continue
            # short texts vary more: the allowed distance shrinks as the texts grow
            allowed = max(cfg.length_z * spread, cfg.length_floor) + 2.0 / math.sqrt(min(ca, cb * math.exp(-mean)))
            deviation = math.log(cb / ca) - mean
            if abs(deviation) > allowed:
                usual = math.exp(mean)
                out.append(Flag(self.code, f"{b}/{a} length {cb / ca:.2f}, usual {usual:.2f}", (a, b)))
        return out


_LETTER = re.compile(r"[^\W\d_]")


class Untranslated(Rule):
    code = "untranslated"
    description = "a text equals its source or is in the wrong script"

    def flags(self, unit: Unit) -> list[Flag]:

        out: list[Flag] = []
        present = unit.present
        min_letters = self.config.untranslated_min_letters
        # sentence by sentence: one untranslated sentence inside a 2-1 group is still untranslated
        norm = {lang: {" ".join(s.casefold().split()): s for s in unit.sentences(lang)} for lang in present}
        for a, b in combinations(present, 2):
            if any(_prose(norm[a][same], min_letters) for same in norm[a].keys() & norm[b].keys()):
                out.append(Flag(self.code, f"{b} text is the same as {a}", (b,)))
                continue
            for x, y in ((a, b), (b, a)):
                inside = _contained(norm[x], norm[y], min_letters)
                if inside:
                    out.append(Flag(self.code, f"{y} text holds the {x} sentence {inside[:40]!r} untranslated", (y,)))
                    break
        for lang in present:
            expected = get(lang).script
            for text in unit.sentences(lang):
                if not any(pattern.search(text) for script, pattern in _SCRIPT_HINTS if script != expected):
                    continue  # no letter of another of our scripts: nothing foreign to find
                weights = _script_weights(text)
                script = max(weights, key=weights.get) if weights else None
                if (script and script != expected and weights.get(expected, 0.0) < 0.25
                        and _prose(text, min_letters)):
                    out.append(Flag(self.code, f"{lang} text is in {script} script", (lang,)))
                    break
                passage = _foreign_passage(text, expected)
                if passage:
                    out.append(Flag(self.code, f"{lang} text holds a passage in {passage[0]} script: "
                                    f"{passage[1][:40]!r}", (lang,)))
                    break
        return out


def _contained(small: dict[str, str], large: dict[str, str], min_letters: int) -> str | None:
    """A whole sentence of one language inside a longer sentence of another: "2. Adoption of the agenda."
    glued to the Chinese sentence that follows it (the segmenter saw no "。" between them)."""
    for key, text in small.items():
        if (any(key in other and key != other for other in large) and len(_LETTER.findall(text)) >= min_letters
                and len(_PHRASE_WORD.findall(text)) >= 3):
            return text
    return None


_PHRASE_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZА-ЯЁ][^\W\d_]+")  # lower-case words: not a bare name


# A run of Latin words (with the punctuation between them) in a Russian or Chinese text; or of Cyrillic
# words in an English or Chinese one. An English sentence glued to a Chinese one (no "。" between them)
# is one "sentence" for the segmenter: the run finds it.
_RUNS = {
    "Latin": re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[\s,;:()\"0-9.\-]+[A-Za-z][A-Za-z'’\-]*)+"),
    "Cyrillic": re.compile(r"[А-Яа-яЁё][А-Яа-яЁё\-]*(?:[\s,;:()\"0-9.\-]+[А-Яа-яЁё][А-Яа-яЁё\-]*)+"),
}
PASSAGE_WORDS = 6  # lower-case words of three letters or more: titles and names are capitalised


def _foreign_passage(text: str, expected: str) -> tuple[str, str] | None:
    for script, pattern in _RUNS.items():
        if script == expected:
            continue
        for match in pattern.finditer(text):
            if len(_LOWER_WORD.findall(match.group())) >= PASSAGE_WORDS:
                return script, match.group()
    return None


_SCRIPTS = (("Latin", re.compile("[A-Za-z\u00c0-\u024f]")), ("Cyrillic", re.compile("[\u0400-\u04ff]")),
            ("Han", HAN))


_SCRIPT_HINTS = (("Latin", re.compile("[A-Za-z]")), ("Cyrillic", re.compile("[\u0400-\u04ff]")), ("Han", HAN))


def _script_weights(text: str) -> dict[str, float]:
    """Share of each of our scripts among the text's letters, a Han character weighing as three letters
    (a fast stand-in for :func:`alignmem.text.script.script_weights`, limited to en/ru/zh scripts)."""
    counts = {name: len(pattern.findall(text)) * (HAN_CHAR_WEIGHT if name == "Han" else 1.0)
              for name, pattern in _SCRIPTS}
    total = sum(counts.values())
    return {name: count / total for name, count in counts.items()} if total else {}


_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZА-ЯЁ][^\W\d_]{2,}")


def _prose(text: str, min_letters: int) -> bool:
    """Running text rather than a name, a code or a heading: "Distr.: General" or "Empresa Argentina
    de Soluciones Satelitales S.A." are legitimately the same in every language."""
    if len(_LETTER.findall(text)) < min_letters:
        return False
    han = len(HAN.findall(text))
    if han >= min_letters:
        return True
    return len(_LOWER_WORD.findall(text)) - han >= 3


class LowScore(Rule):
    code = "low-score"
    description = "the alignment score is low"

    def flags(self, unit: Unit) -> list[Flag]:
        if unit.score is None or len(unit.present) < 2 or unit.score >= self.config.min_score:
            return []
        return [Flag(self.code, f"score {unit.score:.2f} < {self.config.min_score:g}", unit.present)]


class Duplicates(Rule):
    code = "duplicate"
    description = "an exact duplicate TU, or one source translated differently"

    def fit(self, units: Sequence[Unit]) -> None:
        # keyed by the languages present too: a pair file's TU is no duplicate of the trilingual one
        self.first: dict[tuple, Unit] = {}
        by_source: dict[tuple, set[tuple]] = defaultdict(set)
        for unit in units:
            if len(unit.present) < 2 or not unit.texts[0]:
                continue
            texts = self._key(unit)
            self.first.setdefault(texts, unit)
            by_source[texts[:2]].add(texts)
        self.variants = {source: len(found) for source, found in by_source.items() if len(found) > 1}

    @staticmethod
    def _key(unit: Unit) -> tuple:
        return (unit.present, *(" ".join(t.casefold().split()) for t in unit.texts))

    def flags(self, unit: Unit) -> list[Flag]:
        if len(unit.present) < 2 or not unit.texts[0]:
            return []
        texts = self._key(unit)
        first = self.first.get(texts)
        out: list[Flag] = []
        if first is not None and first is not unit:
            where = first.tuid or f"{first.doc} #{first.index + 1}"
            out.append(Flag(self.code, f"exact duplicate of {where}", unit.present))
        count = self.variants.get(texts[:2])
        if count:
            out.append(Flag(self.code, f"same {unit.langs[0]} text has {count} different translations",
                            unit.present))
        return out


class Inside(Rule):
    """Sentences inside a group that do not belong: compared one by one with the sentence encoder.

    Only groups with several sentences in a language are looked at (a 1-1-1 group has nothing inside to
    compare), and only when the single sentences are known (aligned documents, not TMX).
    """

    code = "order"
    extra_code = "extra"
    description = "sentences swapped inside a group, or a sentence with no counterpart in it"

    def _embed(self, texts: list[str]):
        if self.config.embed is not None:
            return self.config.embed(texts)
        return get_encoder(self.config.encoder).embed(texts)

    def flags(self, unit: Unit) -> list[Flag]:

        present = unit.present
        if not self.config.embeddings or not unit.parts or len(present) < 2:
            return []
        sentences = {lang: unit.sentences(lang) for lang in present}
        if max(len(s) for s in sentences.values()) < 2:
            return []
        texts = [t for lang in present for t in sentences[lang]]
        vectors = np.asarray(self._embed(texts), dtype=np.float32)
        rows: dict[str, np.ndarray] = {}
        at = 0
        for lang in present:
            rows[lang] = vectors[at:at + len(sentences[lang])]
            at += len(sentences[lang])
        out: list[Flag] = []
        for a, b in combinations(present, 2):
            sim = rows[a] @ rows[b].T
            n, m = sim.shape
            if n == m and 2 <= n <= 4:
                flag = self._order(sim, a, b)
            elif n != m and min(n, m) >= 2 and max(n, m) <= 6:
                flag = self._crossing(sim, a, b)
            else:
                flag = None
            if flag:
                out.append(flag)
            for x, y, matrix in ((a, b, sim), (b, a, sim.T)):
                if len(sentences[x]) < 2 or len(sentences[x]) <= len(sentences[y]) - 0:
                    continue
                best = matrix.max(axis=1)
                lonely = [i for i, value in enumerate(best) if value < self.config.extra_similarity]
                if lonely and len(lonely) < len(best):
                    out.append(Flag(self.extra_code, f"{x} sentence {lonely[0] + 1} of {len(best)} has no "
                                    f"{y} counterpart (similarity {best[lonely[0]]:.2f})", (x, y)))
        return out

    def _crossing(self, sim, a: str, b: str) -> Flag | None:
        """Groups of unequal sizes: do the sentences of the shorter side match the other's out of order?

        Each sentence of the side with fewer sentences goes to its best match on the other side; if
        those matches run backwards, and that beats the best in-order matching by ``order_margin``,
        sentences were swapped (a translator merging or splitting keeps the order).
        """

        matrix, x, y = (sim, a, b) if sim.shape[0] < sim.shape[1] else (sim.T, b, a)
        n = matrix.shape[0]
        free = matrix.max(axis=1)
        # best in-order matching: row i takes column c_i with c_1 <= c_2 <= ... (a small DP)
        best = matrix[0].copy()
        for i in range(1, n):
            best = np.maximum.accumulate(best) + matrix[i]
        in_order = float(best.max()) / n
        picked = matrix.argmax(axis=1)
        if np.all(np.diff(picked) >= 0) or float(free.mean()) - in_order <= self.config.order_margin:
            return None
        shown = ",".join(str(int(c) + 1) for c in picked)
        return Flag(self.code, f"{x} sentences match {y} sentences {shown}, out of order "
                    f"(similarity {float(free.mean()):.2f} against {in_order:.2f})", (x, y))

    def _order(self, sim, a: str, b: str) -> Flag | None:

        n = sim.shape[0]
        straight = float(sum(sim[i, i] for i in range(n))) / n
        best, order = max((float(sum(sim[i, p[i]] for i in range(n))) / n, p) for p in permutations(range(n)))
        if best - straight > self.config.order_margin:
            shown = ",".join(str(i + 1) for i in order)
            return Flag(self.code, f"{b} sentences match {a} in the order {shown} "
                        f"(similarity {best:.2f} against {straight:.2f})", (a, b))
        return None


RULES: tuple[type[Rule], ...] = (Unaligned, Numbers, Names, Length, Untranslated, LowScore, Duplicates, Inside)


def rule_codes() -> tuple[str, ...]:
    """Every flag code, in :data:`RULES` order (``--rules`` selects rules by any of their codes)."""
    return tuple(code for rule in RULES for code in (rule.code, getattr(rule, "extra_code", "")) if code)


def select(config: CheckConfig) -> list[Rule]:
    """The rules ``config`` asks for, in :data:`RULES` order; an unknown code lists the known ones."""
    known = rule_codes()
    unknown = [code for code in config.rules if code not in known]
    if unknown:
        raise InputError(f"unknown check rule {unknown[0]!r} (known: {', '.join(known)})")
    return [rule(config) for rule in RULES
            if not config.rules or rule.code in config.rules or getattr(rule, "extra_code", "") in config.rules]


def run_rules(units: Sequence[Unit], config: CheckConfig) -> list[tuple[Flag, ...]]:
    """Flags of each unit, parallel to ``units``."""
    rules = select(config)
    for rule in rules:
        rule.fit(units)
    return [tuple(flag for rule in rules for flag in rule.flags(unit)) for unit in units]
