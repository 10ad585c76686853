"""Which language a text is in, beyond its script: English among the Latin-script languages, Russian among
the Cyrillic ones, Simplified or Traditional Chinese. Offline rules, no model.

- Cyrillic: letters no Russian word has decide first (Ukrainian і ї є ґ, Belarusian ў, Serbian and
  Macedonian ђ ј љ њ ћ џ ѓ ќ ѕ, Kazakh ә ғ қ ң ө ұ ү һ...), weighed against the letters only Russian
  has (ы э ъ ё); Bulgarian, which has no letter of its own, by its function words and a frequent ъ;
- Latin: the share of running words that are the language's most frequent function words (the, of, and;
  le, la, les; der, die, und...), together with letters English never writes (é, ä, ñ, ß, ą...);
- Han: characters that exist only in the Traditional or only in the Simplified script.

A verdict other than English or Russian needs strong evidence (a few dozen words, a clear margin): short
or mixed texts, names and quotations stay English or Russian. :func:`identify` returns None when the text
is too short to tell.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

# ------------------------------------------------------------------------------------------- tables
# The most frequent function words of each language, less those that are also common English (or
# Russian) words, so that a hit speaks for the language. Lists of word frequencies are well known facts.
LATIN_WORDS: dict[str, str] = {
    "en": "the of and to is was that for it with as on be by are this which have from not or an they were "
          "has been their will would its shall also these other we our who there can all but what when "
          "more than into such between should them upon any those being",
    "fr": "le la les des du et est une pour pas que qui dans sur avec au aux ce cette il elle sont ont par "
          "mais nous vous ils leur été être sa ses où comme tout entre sans fait très aussi",
    "de": "der die und das ist nicht mit sich auf den dem des ein eine einer zu von für im auch es wird "
          "werden sind bei aus nach wie oder haben über durch wurde noch nur zum zur dass daß kann",
    "es": "el la los las que y en un una por con para del se lo al como más pero sus su está ha este "
          "esta entre sobre también fue ser hay desde todo muy",
    "it": "il di che e la le per un una del della dei delle sono con si da gli nel nella al alla anche "
          "più ma è ha questo questa essere stato tra",
    "pt": "os que e da dos das em um uma para com não na por mais se ao mas foi ser são está também "
          "pelo pela entre",
    "nl": "het een en ik te dat niet op zijn voor aan ook als bij wordt worden maar om naar kan heeft "
          "hebben deze werd zij nog",
    "pl": "w z na się nie jest jak od po ale tak za przez dla są oraz który która które jego jej być "
          "może że",
    "cs": "v se na je že jako ale by jsou pro jeho které který která již jen tak podle také nebo být bylo",
    "sv": "och att det som en på är av för med har de inte om ett han var så kan vid från eller också",
    "da": "og det som en på er af med til har de ikke om et han var så kan ved fra eller også",
    "fi": "ja ei se että oli ovat myös kun mutta tai joka sen hän ole olla jotka kanssa vain",
    "hu": "az és hogy nem egy meg volt már csak de ez el vagy kell még azt ki mit",
    "ro": "și în de la cu nu că pe un din este sunt mai pentru sau dar fi lui",
    "tr": "ve bir bu da de için ile olarak daha çok gibi olan ne ama en kadar sonra değil",
}
CYRILLIC_WORDS: dict[str, str] = {
    "ru": "что это как его но он она они был была было были мы же бы все уже также который которые или "
          "только ее её может между после этого чтобы ещё еще так",
    "uk": "і й та що як це від був була було які який яка також її він вона вони але або ми ви його їх між "
          "після щодо можна має є з",
    "bg": "се е са към че това което които който която като ще със във един една още може трябва тя той "
          "след",
    "be": "і што гэта як ад па але яго яе быў была таксама ці",
    "sr": "је се од са су као што али њих који која које",
    "mk": "во се од со е што тоа како ги го ја ќе беше",
}
# Letters no Russian word has, and Russian letters the language does without (counter-evidence).
OWN_LETTERS = {
    "uk": ("іїєґ", "ыэъё"), "be": ("ўі", "иъщ"), "sr": ("ђћџјљњ", "ыэъёщйяюь"), "mk": ("ѓќѕјљњџ", "ыэъёщйяюь"),
    "kk": ("әғқңөұүһі", ""), "ky": ("ңөү", ""), "mn": ("өү", ""), "tg": ("ғӣқӯҳҷ", ""), "tt": ("әҗңөүһ", ""),
    "ba": ("ҙҫғҡңөүһә", ""),
}
BULGARIAN_HARD_SIGN = 0.01  # ъ is a vowel in Bulgarian (~2.5% of letters); Russian writes it rarely (0.04%)
# Latin letters an English word never has (names and loans aside: they are few).
FOREIGN_LATIN = regex.compile(r"(?![A-Za-z])\p{Latin}")
NAMES = {
    "en": "English", "ru": "Russian", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "cs": "Czech", "sv": "Swedish", "da": "Danish",
    "fi": "Finnish", "hu": "Hungarian", "ro": "Romanian", "tr": "Turkish", "uk": "Ukrainian",
    "bg": "Bulgarian", "be": "Belarusian", "sr": "Serbian", "mk": "Macedonian", "kk": "Kazakh",
    "ky": "Kyrgyz", "mn": "Mongolian", "tg": "Tajik", "tt": "Tatar", "ba": "Bashkir",
}
# Characters of only one of the two Chinese scripts (pairs of the most frequent differing characters).
TRADITIONAL = frozenset("們這個說國會為來對時過發當沒樣動從無經長兒愛頭現話與進見間開關問點體後實還讓聽邊種將東"
                        "車書門裡員應該覺機係區電錢樂語認識變聲讀寫買賣歡華統臺灣議濟處總義務報導設計場質題類"
                        "氣並麼聯際歷劃學習條約組織權於傳維護衛強戰爭軍黨領選舉環資產業價貿協決規則責紀錄據證視"
                        "網絡線號碼萬億數雙歐亞蘇韓羅烏蘭級積極構術藝醫藥療態勢貨幣銀險")
SIMPLIFIED = frozenset("们这个说国会为来对时过发当没样动从无经长儿爱头现话与进见间开关问点体后实还让听边种将东"
                       "车书门里员应该觉机系区电钱乐语认识变声读写买卖欢华统台湾议济处总义务报导设计场质题类"
                       "气并么联际历划学习条约组织权于传维护卫强战争军党领选举环资产业价贸协决规则责纪录据证视"
                       "网络线号码万亿数双欧亚苏韩罗乌兰级积极构术艺医药疗态势货币银险")

MIN_WORDS = 30  # fewer running words than this: too short to tell a Latin or Cyrillic language
MIN_HITS = 8  # function words of the winning language at least
MARGIN = 2.0  # ... and this many times the share of the expected language's
MIN_OWN_LETTERS = 0.015  # share of the script's letters that must be another language's own letters
I_ONLY_SHARE = 0.03  # і without ї/є/ґ: Ukrainian only when this frequent (~5% in Ukrainian text)
MIN_TRADITIONAL = 8

_WORDS = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
_LATIN_WORDS = {code: frozenset(words.split()) for code, words in LATIN_WORDS.items()}
_CYRILLIC_WORDS = {code: frozenset(words.split()) for code, words in CYRILLIC_WORDS.items()}


@dataclass(frozen=True)
class Verdict:
    code: str  # ISO 639-1 ("fr", "uk"), or "zh-TW" / "zh-CN" for the Chinese scripts
    name: str
    evidence: str  # what decided, for messages and tests


def identify(text: str, script: str) -> Verdict | None:
    """The language of a text whose dominant script is ``script`` ("Latin", "Cyrillic", "Han"), when the
    text says so clearly; None when it is too short or too mixed to tell."""
    if script == "Latin":
        return _latin(text)
    if script == "Cyrillic":
        return _cyrillic(text)
    if script == "Han":
        return _chinese(text)
    return None


def _words(text: str, script: str) -> list[str]:
    pattern = r"\p{Latin}" if script == "Latin" else r"\p{Cyrillic}"
    first = regex.compile(pattern)
    return [w.lower() for w in _WORDS.findall(text[:200_000]) if first.match(w)]


def _shares(words: list[str], table: dict[str, frozenset[str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in words:
        for code, known in table.items():
            if word in known:
                counts[code] += 1
    return counts


def _by_words(words: list[str], table: dict[str, frozenset[str]], expected: str, why: str) -> Verdict | None:
    if len(words) < MIN_WORDS:
        return None
    hits = _shares(words, table)
    best, count = max(hits.items(), key=lambda item: (item[1], item[0] == expected), default=(expected, 0))
    if best == expected:
        return Verdict(expected, NAMES[expected], why)
    if count >= MIN_HITS and count >= MARGIN * hits.get(expected, 0):
        return Verdict(best, NAMES[best], f"{count} of {len(words)} words are {NAMES[best]} function words, "
                                          f"{hits.get(expected, 0)} {NAMES[expected]}")
    return Verdict(expected, NAMES[expected], why) if hits.get(expected, 0) >= MIN_HITS else None


def _latin(text: str) -> Verdict | None:
    words = _words(text, "Latin")
    verdict = _by_words(words, _LATIN_WORDS, "en", "English function words")
    if verdict is not None:
        return verdict
    letters = sum(1 for ch in text[:200_000] if ch.isascii() and ch.isalpha())
    foreign = len(FOREIGN_LATIN.findall(text[:200_000]))
    if len(words) >= MIN_WORDS and foreign >= 0.02 * (letters + foreign):
        return Verdict("und", "a Latin-script language other than English",
                       f"{foreign} accented letters English does not use")
    return None


def _cyrillic(text: str) -> Verdict | None:
    sample = text[:200_000].lower()
    letters = Counter(ch for ch in sample if "\u0400" <= ch <= "\u04ff")
    total = sum(letters.values())
    if total < 40:
        return None
    found = []
    for code, (own, lacks) in OWN_LETTERS.items():
        count = sum(letters[ch] for ch in own)
        distinct = sum(letters[ch] for ch in own if ch != "і")  # і alone could be uk, be or kk
        against = sum(letters[ch] for ch in lacks)
        telling = distinct >= 2 or code == "uk" and count >= I_ONLY_SHARE * total
        if count >= max(3, MIN_OWN_LETTERS * total) and telling and count > 2 * against:
            found.append((count, code))
    if found:
        count, code = max(found)
        return Verdict(code, NAMES[code], f"{count} letters {NAMES[code]} has and Russian lacks")
    hard, russian = letters["ъ"], sum(letters[ch] for ch in "ыэё")
    if hard >= max(6, BULGARIAN_HARD_SIGN * total) and russian * 10 <= hard:
        return Verdict("bg", NAMES["bg"], f"{hard} hard signs and {russian} ы/э/ё")
    return _by_words(_words(text, "Cyrillic"), _CYRILLIC_WORDS, "ru", "Russian function words")


def _chinese(text: str) -> Verdict | None:
    sample = text[:200_000]
    traditional = sum(1 for ch in sample if ch in TRADITIONAL)
    simplified = sum(1 for ch in sample if ch in SIMPLIFIED)
    if traditional >= MIN_TRADITIONAL and traditional > 3 * simplified:
        return Verdict("zh-TW", "Traditional Chinese", f"{traditional} Traditional-only characters, "
                                                        f"{simplified} Simplified-only")
    return Verdict("zh-CN", "Simplified Chinese", "Simplified characters") if simplified else None
