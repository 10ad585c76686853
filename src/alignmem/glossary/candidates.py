"""Term candidates of one segment, per language: small named rules over tokens with offsets.

Each language has an :class:`Extractor` (registry :data:`EXTRACTORS`, keyed by internal code). An
extractor returns :class:`Candidate` s: a normalised ``key`` (what counts as the same term: lowercase
for English, lemmas for Russian, the characters for Chinese), the surface span, and a ``kind``:

- ``acronym``  all-capital word: SCO, BRICS, ШОС, БРИКС
- ``name``     capitalised sequence: "Treaty of Good-Neighbourliness, Friendship and Cooperation"
- ``title``    a Chinese title in 《》
- ``phrase``   a lowercase noun phrase / word n-gram: "human rights", "права человека", "可持续发展"
- ``word``     a single word
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

import regex

from alignmem.errors import LanguageError
from alignmem.text.ru import ru_lemma, ru_parses
from alignmem.text.zh import zh_tag, zh_tokens

ACRONYM, NAME, TITLE, PHRASE, WORD = "acronym", "name", "title", "phrase", "word"


def _words(text: str) -> frozenset[str]:
    """A word table written as one string (easier to read and extend than a list of literals)."""
    return frozenset(text.split())

STRONG_KINDS = frozenset({ACRONYM, NAME, TITLE})


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str
    parts: tuple[str, ...]  # key tokens (what sub-phrases are made of)
    text: str  # surface form as it stands in the segment
    start: int
    end: int
    kind: str
    initial: bool = False  # begins a sentence: its capital letter says nothing
    canonical: bool = True  # a dictionary form (Russian: nominative) fit to be shown

    @property
    def size(self) -> int:
        return len(self.parts)


class Extractor:
    """Base class: ``extract(text)`` -> candidates of one segment."""

    lang: ClassVar[str] = ""
    joiner: ClassVar[str] = " "

    def extract(self, text: str) -> list[Candidate]:
        raise NotImplementedError


_SENTENCE_END = regex.compile(r"[.!?:;]\s*[\"'“”«»(\[]?\s*$")


def _is_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“”«»([")
    return not before or bool(_SENTENCE_END.search(text[: len(before)]))


# ---------------------------------------------------------------- English

# Function words: never the first or last word of a term; only CONNECTORS may stand inside a name.
EN_STOP = _words("""a an the of and or for to in on at by with from as into onto upon over under about against between
    among through during before after above below than then that this these those such which who whom whose
    what where when why how all any both each few more most other some no nor not only own same so too very
    can will just should would could may might must shall is are was were be been being has have had do does
    did its it their they them his her he she we our us you your i my me also further therein thereof
    there here however including inter alia per via whether while within without upon toward towards
    mr mrs ms dr""")
# Not a term on their own edge in a lowercase phrase ('new challenges', 'first time').
EN_PHRASE_STOP = EN_STOP | _words("""one two three four five six seven eight nine ten first second third new several many much well
    particular certain various relevant related following given within including""")
EN_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "de", "to", "against"})
# Capitalised words that are calendar or address words, not terms (seen as noise in UN texts).
EN_NOT_NAMES = _words("""january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday mr mrs ms dr i ii iii iv v vi vii viii ix x xi xii""")
# Lowercase nouns that follow a name and belong to it.
EN_NAME_HEADS = _words("""pipeline pipelines project initiative programme program plant station agreement format process
    mechanism forum bridge railway corridor summit strategy declaration platform port field""")
_EN_TOKEN = regex.compile(r"\p{Latin}[\p{Latin}\p{N}]*(?:['’\-][\p{Latin}\p{N}]+)*")
_ACRONYM_EN = regex.compile(r"^\p{Lu}[\p{Lu}\p{N}]{1,7}(?:s)?$")


def en_key_word(word: str) -> str:
    return word.lower().replace("’", "'")


class EnglishExtractor(Extractor):
    lang = "en"
    max_name = 9
    max_phrase = 4

    def extract(self, text: str) -> list[Candidate]:
        tokens = [(m.group(), m.start(), m.end()) for m in _EN_TOKEN.finditer(text)]
        out: list[Candidate] = []
        out += self._acronyms(text, tokens)
        names = self._names(text, tokens)
        out += names
        out += self._named_things(text, tokens, names)
        out += self._phrases(text, tokens)
        return out

    def _named_things(self, text: str, tokens: list[tuple[str, int, int]], names: list[Candidate]) -> list[Candidate]:
        """A name followed by what it names: 'Power of Siberia pipeline', 'Tianwan nuclear power plant'."""
        ends = {c.end: c for c in names}
        out = []
        for k, (_, start, _) in enumerate(tokens):
            if k == 0 or tokens[k - 1][2] not in ends or text[tokens[k - 1][2] : start] != " ":
                continue
            for b in range(k, min(k + 3, len(tokens))):
                word = tokens[b][0]
                if not word.islower() or (b > k and text[tokens[b - 1][2] : tokens[b][1]] != " "):
                    break
                if word in EN_NAME_HEADS:
                    for name in names:
                        if name.end == tokens[k - 1][2]:
                            parts = name.parts + tuple(en_key_word(w) for w, _, _ in tokens[k : b + 1])
                            end = tokens[b][2]
                            out.append(Candidate(" ".join(parts), parts, text[name.start : end], name.start, end,
                                                 NAME, name.initial))
                    break
        return out

    @staticmethod
    def _acronym_word(word: str) -> bool:
        return bool(_ACRONYM_EN.match(word)) and sum(ch.isupper() for ch in word) >= 2 and (
            word.lower() not in EN_NOT_NAMES
        )

    def _acronyms(self, text: str, tokens: list[tuple[str, int, int]]) -> list[Candidate]:
        out = []
        for word, start, end in tokens:
            if self._acronym_word(word):
                # plural acronym (NGOs) is the same term as the singular
                key = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
                out.append(Candidate(key, (key,), word, start, end, ACRONYM, _is_initial(text, start)))
        return out

    def _capital(self, word: str) -> bool:
        return word[0].isupper() and word.lower() not in EN_NOT_NAMES

    def _names(self, text: str, tokens: list[tuple[str, int, int]]) -> list[Candidate]:
        """Capitalised runs; of/and/for/the may stand inside, and a comma inside a list that ends in
        'and' (Treaty of Good-Neighbourliness, Friendship and Cooperation). Every sub-run that starts
        and ends with a capitalised word is a candidate: association decides which is the term."""
        out: list[Candidate] = []
        i = 0
        while i < len(tokens):
            if not self._capital(tokens[i][0]) or tokens[i][0].lower() in EN_STOP:
                i += 1
                continue
            j = i
            while j + 1 < len(tokens):
                gap = text[tokens[j][2] : tokens[j + 1][1]]
                nxt = tokens[j + 1][0]
                if gap == " " and self._capital(nxt) or gap == ", " and self._capital(nxt) and self._list_ends_in_and(text, tokens, j + 1) or gap == " " and nxt.lower() in EN_CONNECTORS and self._connector_ok(text, tokens, j + 1):
                    j += 1
                else:
                    break
            out += self._sub_runs(text, tokens[i : j + 1])
            i = j + 1
        return out

    def _connector_ok(self, text: str, tokens: list[tuple[str, int, int]], k: int) -> bool:
        """A connector continues a name only when capitalised words follow it (maybe after 'the')."""
        for m in range(k + 1, min(k + 3, len(tokens))):
            if text[tokens[m - 1][2] : tokens[m][1]] != " ":
                return False
            word = tokens[m][0]
            if self._capital(word) and word.lower() not in EN_STOP:
                return True
            if word.lower() not in ("the", "of"):
                return False
        return False

    def _list_ends_in_and(self, text: str, tokens: list[tuple[str, int, int]], k: int) -> bool:
        for m in range(k, min(k + 8, len(tokens))):
            if tokens[m][0] == "and":
                return True
            if not self._capital(tokens[m][0]):
                return False
        return False

    def _sub_runs(self, text: str, run: list[tuple[str, int, int]]) -> list[Candidate]:
        out = []
        n = len(run)
        for a in range(n):
            wa = run[a][0]
            if wa.lower() in EN_STOP or not self._capital(wa):
                continue
            initial = _is_initial(text, run[a][1])
            for b in range(a, min(n, a + self.max_name)):
                wb = run[b][0]
                if wb.lower() in EN_STOP or not self._capital(wb):
                    continue
                if a == b and self._acronym_word(wa):
                    continue  # already an acronym candidate
                parts = tuple(en_key_word(w) for w, _, _ in run[a : b + 1])
                start, end = run[a][1], run[b][2]
                out.append(Candidate(" ".join(parts), parts, text[start:end], start, end, NAME, initial))
        return out

    def _phrases(self, text: str, tokens: list[tuple[str, int, int]]) -> list[Candidate]:
        """Lowercase word n-grams without function words at either end ('rule of law', 'human rights')."""
        out = []
        n = len(tokens)
        for a in range(n):
            wa = tokens[a][0]
            if not self._content(wa):
                continue
            for b in range(a, min(n, a + self.max_phrase)):
                wb = tokens[b][0]
                if b > a:
                    if text[tokens[b - 1][2] : tokens[b][1]] != " ":
                        break
                    if not wb.islower() or (wb in EN_PHRASE_STOP and wb != "of"):
                        break
                if not self._content(wb):
                    continue
                if a == b and len(wa) < 4:
                    continue
                parts = tuple(en_key_word(w) for w, _, _ in tokens[a : b + 1])
                start, end = tokens[a][1], tokens[b][2]
                kind = WORD if a == b else PHRASE
                out.append(Candidate(" ".join(parts), parts, text[start:end], start, end, kind))
        return out

    @staticmethod
    def _content(word: str) -> bool:
        return word.islower() and word.isalpha() and len(word) >= 2 and word not in EN_PHRASE_STOP and not (
            word.endswith("ly") and len(word) > 4
        )


# ---------------------------------------------------------------- Russian

_RU_TOKEN = regex.compile(r"[\p{Cyrillic}\p{Latin}][\p{Cyrillic}\p{Latin}\p{N}]*(?:-[\p{Cyrillic}\p{Latin}\p{N}]+)*")
_RU_QUOTED = regex.compile(r"«([^«»\n]{2,60})»")
_ACRONYM_RU = regex.compile(r"^[\p{Lu}][\p{Lu}\p{N}]{1,7}$")
_NUMBER_BEFORE = regex.compile(r"\d[-‑–]$")
RU_NAME_PREPS = frozenset({"о", "об", "по"})  # Договор о добрососедстве, дружбе и сотрудничестве
RU_STOP_NOUNS = frozenset({"год", "который", "свой", "это", "г", "т", "п", "др", "см"})
_ADJ = frozenset({"ADJF", "PRTF"})
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"})


@dataclass(frozen=True, slots=True)
class RuWord:
    text: str
    start: int
    end: int
    pos: str  # NOUN, ADJ (ADJF/PRTF), ACR (acronym), OTHER
    cases: frozenset[str]
    lemma: str
    capital: bool


def ru_word(text: str, start: int, end: int) -> RuWord:

    if _ACRONYM_RU.match(text) and sum(ch.isupper() for ch in text) >= 2:
        return RuWord(text, start, end, "ACR", frozenset(), text, True)
    low = text.lower().replace("ё", "е")
    parses = ru_parses(low) if regex.search(r"\p{Cyrillic}", low) else ()
    pos, cases = "OTHER", frozenset()
    if parses:
        best = parses[0].tag.POS
        if best not in ("NOUN", "ADJF", "PRTF") and text[:1].isupper() and any(
            p.tag.POS == "NOUN" for p in parses[:3]
        ):
            best = "NOUN"  # 'Устав' is a noun here, not the gerund of 'устать'
        kind = "NOUN" if best == "NOUN" else "ADJ" if best in _ADJ else "OTHER"
        if kind != "OTHER":
            wanted = {"NOUN"} if kind == "NOUN" else _ADJ
            top = max((p.score for p in parses if p.tag.POS in wanted), default=0.0)
            cases = frozenset(
                str(p.tag.case) for p in parses if p.tag.POS in wanted and p.tag.case and p.score >= top * 0.2
            )
            pos = kind
    if low in RU_STOP_NOUNS or len(low) < 2:
        pos = "OTHER"
    return RuWord(text, start, end, pos, cases, ru_lemma(text), text[0].isupper())


def _agree(left: frozenset[str], right: frozenset[str]) -> frozenset[str]:
    return left & right


class RussianExtractor(Extractor):
    lang = "ru"
    max_words = 6

    def extract(self, text: str) -> list[Candidate]:
        words = [ru_word(m.group(), m.start(), m.end()) for m in _RU_TOKEN.finditer(text)]
        # '20-летие', '5-й': the letters after a number are a suffix of the number, not a word
        words = [replace(w, pos="OTHER") if _NUMBER_BEFORE.search(text, 0, w.start) else w for w in words]
        out: list[Candidate] = []
        for k, w in enumerate(words):
            if w.pos == "ACR":
                out.append(Candidate(w.text, (w.text,), w.text, w.start, w.end, ACRONYM, _is_initial(text, w.start)))
        for a in range(len(words)):
            out += self._noun_phrases(text, words, a)
        out += self._quoted(text, words)
        return out

    def _quoted(self, text: str, words: list[RuWord]) -> list[Candidate]:
        """Names in «»: 'газопровод «Сила Сибири»', 'инициатива «Один пояс, один путь»' (the noun before
        the quotes is part of the term; the quoted words are not inflected)."""
        out = []
        for m in _RU_QUOTED.finditer(text):
            inner = m.group(1)
            if _RU_TOKEN.fullmatch(inner):
                # a one-word name in quotes is inflected like any noun: «Росатомом» = Росатом
                w = ru_word(inner, m.start(1), m.end(1))
                out.append(Candidate(w.lemma, (w.lemma,), inner, m.start(1), m.end(1), NAME, False,
                                     "nomn" in w.cases))
                continue
            key_inner = f"«{' '.join(inner.lower().replace('ё', 'е').split())}»"
            out.append(Candidate(key_inner, (key_inner,), m.group(0), m.start(), m.end(), NAME))
            before = [w for w in words if w.end <= m.start()]
            if before and before[-1].pos == "NOUN" and text[before[-1].end : m.start()] == " ":
                noun = before[-1]
                parts = (noun.lemma, key_inner)
                out.append(Candidate(" ".join(parts), parts, text[noun.start : m.end()], noun.start, m.end(),
                                     NAME, _is_initial(text, noun.start), "nomn" in noun.cases))
        return out

    def _adjacent(self, text: str, words: list[RuWord], k: int) -> bool:
        return text[words[k - 1].end : words[k].start] == " "

    def _noun_phrases(self, text: str, words: list[RuWord], a: int) -> list[Candidate]:
        """Adjective* Noun (Genitive-adjective* Genitive-noun)*, e.g. 'Генеральная Ассамблея',
        'Организация Объединенных Наций', 'права человека'; a name head may take 'о/по' + a list."""
        first = words[a]
        if first.pos not in ("NOUN", "ADJ"):
            return []
        out = []
        cases = first.cases
        head_seen = first.pos == "NOUN"
        nominative = "nomn" in cases
        pending_adj = first.pos == "ADJ"
        tail = False
        if head_seen:
            out.append(self._make(text, words, a, a, nominative))
        for b in range(a + 1, min(len(words), a + self.max_words)):
            w = words[b]
            if head_seen and w.pos == "ACR" and self._adjacent(text, words, b):
                out.append(self._make(text, words, a, b, nominative))  # Устав ООН, Генеральная Ассамблея ООН
                break
            if (not head_seen and w.text == "и" and b + 1 < len(words) and words[b - 1].pos == "ADJ"
                    and words[b + 1].pos == "ADJ" and self._adjacent(text, words, b)
                    and self._adjacent(text, words, b + 1) and _agree(cases, words[b + 1].cases)):
                continue  # 'Экономический и Социальный Совет', 'экономическое и социальное развитие'
            if not self._adjacent(text, words, b) or w.pos not in ("NOUN", "ADJ"):
                if head_seen and first.capital and w.lemma in RU_NAME_PREPS and self._adjacent(text, words, b):
                    ext = self._name_extension(text, words, b)
                    if ext is not None:
                        out.append(self._make(text, words, a, ext, nominative))
                break
            if not head_seen:
                common = _agree(cases, w.cases)
                if not common:
                    break
                cases = common
                nominative = "nomn" in cases
                if w.pos == "NOUN":
                    head_seen, pending_adj = True, False
                    out.append(self._make(text, words, a, b, nominative))
                continue
            # after the head: genitive modifiers only
            if "gent" not in w.cases and "gen2" not in w.cases:
                break
            tail = True
            if w.pos == "ADJ":
                pending_adj = True
                continue
            pending_adj = False
            out.append(self._make(text, words, a, b, nominative))
        del tail, pending_adj
        return out

    def _name_extension(self, text: str, words: list[RuWord], p: int) -> int | None:
        """After 'о/об/по': a list of nouns in one case joined by commas and a final 'и'; returns the
        index of its last word."""
        b = p + 1
        last = None
        while b < len(words) and b <= p + 12:
            w = words[b]
            if w.pos == "ADJ":
                b += 1
                continue
            if w.pos != "NOUN":
                break
            last = b
            gap = text[w.end : words[b + 1].start] if b + 1 < len(words) else ""
            if gap == ", ":
                b += 1
                continue
            if gap == " " and b + 1 < len(words) and words[b + 1].text == "и":
                b += 2
                continue
            if gap == " " and b + 1 < len(words) and "gent" in words[b + 1].cases:
                b += 1
                continue
            break
        return last

    def _make(self, text: str, words: list[RuWord], a: int, b: int, nominative: bool) -> Candidate:
        parts = tuple(w.lemma for w in words[a : b + 1])
        start, end = words[a].start, words[b].end
        span = words[a : b + 1]
        initial = _is_initial(text, start)
        if a == b:
            kind = NAME if span[0].capital and not initial else WORD
        else:
            kind = NAME if (span[0].capital and not initial) or any(w.capital for w in span[1:]) else PHRASE
        return Candidate(" ".join(parts), parts, text[start:end], start, end, kind, initial, nominative)


# ---------------------------------------------------------------- Chinese

ZH_STOP = _words("""的 了 和 与 及 或 在 是 对 为 将 等 也 并 其 这 该 以 于 由 从 向 把 被 而 之 所 就 都 但 又 还 则 即 各 有 无 不
    没有 以及 并且 或者 但是 因为 所以 这些 那些 这个 那个 我们 他们 它们 你们 其中 已经 进行 通过 关于 根据 按照 为了
    以便 以来 以后 以前 之间 之后 之前 同时 方面 问题 情况 两国 双方 一个 一些 所有 任何 其他 以上 以下 如何 如果 因此 此外 包括
    以及 可以 应该 应当 必须 能够 需要 继续 表示 认为 指出 提出 尤其 非常 重要 主要 有关 相关 我 你 他 她 它 此
    上 下 中 内 外 后 前 时 年 月 日 个 次 项 名 位 份 号 第""") - {"有"}  # 有组织犯罪 starts with 有
# Heads of names of organisations, initiatives, treaties: such compounds may be long.
ZH_NAME_HEADS = (
    "组织", "倡议", "联盟", "委员会", "条约", "宪章", "理事会", "大会", "公约", "协定", "会议", "银行", "基金",
    "计划", "方案", "署", "办事处", "论坛", "管道", "公司", "集团", "联合会", "共同体", "机制", "议定书", "宣言",
)
# Characters that never begin a term: a word starting with one is the tail of a longer phrase.
ZH_FUNCTION_CHARS = frozenset("之的和与及并或对为在")
# Stop words that may still stand inside a compound (第七十届会议, 中东, 上海合作组织 is one token anyway).
ZH_INNER_OK = _words("上 下 中 内 外 第 年 月 日 个 次 项 名 位 份 号 各 有 无 不")
# jieba part-of-speech tags a term never begins with (prepositions, conjunctions, particles, adverbs,
# pronouns: 同中国朋友) or ends with (verbs: 俄中关系确定, 签署; verbal nouns such as 合作 stay).
ZH_NOT_FIRST = frozenset({"p", "c", "u", "uj", "ul", "d", "r", "ad", "y", "e"})
ZH_NOT_LAST = frozenset({"v", "vd", "p", "c", "u", "uj", "ul", "d", "ad", "y", "e", "r"})
_ZH_QUOTED_NAME = regex.compile(
    r"[“\"「『]([\p{Han}]{2,15})[”\"」』]([\p{Han}]{0,4}?(?:" + "|".join(ZH_NAME_HEADS) + r"))"
)
_TITLE = regex.compile(r"《([^《》\n]{1,40})》")
_HAN = regex.compile(r"^\p{Han}+$")
_LATIN_ACR = regex.compile(r"^[A-Z][A-Z0-9]{1,7}$")


# Tags of names (places, persons, organisations, other proper nouns): a verb before one governs it as its
# object (解放中国东北 'liberate Northeast China', 庆祝伟大卫国战争胜利 'celebrate the victory in the Great
# Patriotic War'), so a span from that verb to past the name is a clause, not a term.
ZH_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt"})


def _zh_head(word: str, tag: str) -> bool:
    """Whether ``word`` ends a name as its head (上海合作组织, 开发署); a verb that only ends like one
    (签署 'sign', 计划 used as 'plan to') heads nothing."""
    return word.endswith(ZH_NAME_HEADS) and (tag != "v" or word in ZH_NAME_HEADS)


class ChineseExtractor(Extractor):
    lang = "zh"
    joiner = ""
    max_words = 4
    max_name_words = 8

    def __init__(self, tokenizer: Any = None):
        self.tokenizer = tokenizer  # a jieba Tokenizer of the glossary's own (see glossary.zhwords), or jieba's

    def _tokens(self, text: str) -> list[tuple[str, int, int]]:
        if self.tokenizer is None:
            return zh_tokens(text)
        return [(w, s, e) for w, s, e in self.tokenizer.tokenize(text)]

    def extract(self, text: str) -> list[Candidate]:

        tokens = self._tokens(text)
        out: list[Candidate] = []
        for m in _TITLE.finditer(text):
            inner = m.group(1).strip()
            if inner:
                out.append(Candidate(inner, (inner,), inner, m.start(1), m.end(1), TITLE))
        for m in _ZH_QUOTED_NAME.finditer(text):
            # “一带一路”倡议, “西伯利亚力量”天然气管道: the quoted name and what it names; not a verb that only
            # ends like a head (“大条约”签署 'the Grand Treaty signed': 署 as in 开发署)
            if zh_tag(m.group(2)) == "v" and m.group(2) not in ZH_NAME_HEADS:
                continue
            key = m.group(1) + m.group(2)
            out.append(Candidate(key, (m.group(1), m.group(2)), key, m.start(), m.end(), NAME))
        for word, start, end in tokens:
            if _LATIN_ACR.match(word):
                out.append(Candidate(word, (word,), word, start, end, ACRONYM))
        out += self._ngrams(tokens)
        return out

    def _ngrams(self, tokens: list[tuple[str, int, int]]) -> list[Candidate]:

        out = []
        n = len(tokens)
        tags = [zh_tag(w) for w, _, _ in tokens]
        for a in range(n):
            wa = tokens[a][0]
            if not _HAN.match(wa) or wa in ZH_STOP or wa[0] in ZH_FUNCTION_CHARS or tags[a] in ZH_NOT_FIRST:
                continue  # 之友小组 is the tail of X之友小组, not a term
            for b in range(a, min(n, a + self.max_name_words)):
                wb = tokens[b][0]
                if not _HAN.match(wb) or (b > a and tokens[b - 1][2] != tokens[b][1]):
                    break
                # 联合国贸易和发展会议: a conjunction may stand inside the name of a body
                if (b > a and wb in ZH_STOP and wb not in ZH_INNER_OK
                        and (wb not in ("和", "与", "及") or not self._name_follows(tokens, b))):
                    break
                size = b - a + 1
                if wb in ZH_STOP or (size == 1 and len(wb) < 2):
                    continue
                if tags[a] == "v" and b > a and tags[b] in ZH_NAME_TAGS:
                    break  # 解放中国东北: a verb and its object
                if b > a and tags[b] == "vn" and (tags[b - 1] == "ns" or tokens[b - 1][0].endswith("地区")):
                    continue  # 俄罗斯北极地区投产 'put into operation in the Russian Arctic' does not end a term
                    # there (a place and an event); 上海合作组织 goes on past 合作
                heads = _zh_head(wb, tags[b])
                if tags[b] in ZH_NOT_LAST and not heads:
                    continue  # 解放中国东北作出, 两国元首确定: the verb of the clause, not part of the term
                key = "".join(w for w, _, _ in tokens[a : b + 1])
                if (size > self.max_words or self._has_conjunction(tokens, a, b)) and not heads:
                    continue
                parts = tuple(w for w, _, _ in tokens[a : b + 1])
                kind = NAME if heads and size > 1 else WORD if size == 1 else PHRASE
                out.append(Candidate(key, parts, key, tokens[a][1], tokens[b][2], kind))
        return out


    @staticmethod
    def _has_conjunction(tokens: list[tuple[str, int, int]], a: int, b: int) -> bool:
        return any(w in ("和", "与", "及") for w, _, _ in tokens[a + 1 : b])

    def _name_follows(self, tokens: list[tuple[str, int, int]], k: int) -> bool:
        for w, _, _ in tokens[k + 1 : k + 5]:
            if not _HAN.match(w) or (w in ZH_STOP and w not in ZH_INNER_OK):
                return False
            if _zh_head(w, zh_tag(w)):
                return True
        return False


EXTRACTORS: dict[str, type[Extractor]] = {
    "en": EnglishExtractor,
    "ru": RussianExtractor,
    "zh": ChineseExtractor,
}


def get_extractor(lang: str, **options: Any) -> Extractor:
    """The extractor of ``lang``; ``options`` go to its constructor (the Chinese one takes a tokenizer)."""
    try:
        return EXTRACTORS[lang](**options)
    except KeyError:
        known = ", ".join(sorted(EXTRACTORS))
        raise LanguageError(f"no term extractor for language {lang!r} (known: {known})") from None
