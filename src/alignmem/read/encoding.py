"""Bytes -> text: BOMs, UTF-8, UTF-16, and the legacy encodings Russian and Chinese files still come in.

When the bytes are not UTF-8, every legacy candidate that decodes them is scored for plausibility and
the most plausible one wins. The score looks at words and characters outside ASCII, since those are
what a wrong encoding garbles:

- a Cyrillic word is plausible in lower case or Capitalised; cp1251 read as KOI8-R (or the reverse)
  swaps the cases, giving ``щТЮ ОРГАНИЗАЦИЯ`` for ``Эта организация``;
- a Latin word is plausible with a few accented letters (``café``), not made of them (``Ýòà``);
- a word mixing scripts (``cafй``) is garbage;
- a Han character is plausible when it is a common one: Big5 read as GB18030 (or the reverse) gives
  valid but rare characters;
- C1 controls, box drawing, private-use characters are garbage (KOI8-R's upper half is box drawing);
- when letter case cannot tell cp1251 from KOI8-R (a short text in capitals reads as plausible lower case
  in the wrong one: ``ВНИМАНИЕ`` -> ``бмхлюмхе``), how Russian its letters are decides: the wrong reading
  swaps frequent letters for rare ones.

A declared ``--encoding`` is used, but when it gives garbled text that another encoding reads plausibly,
that is an error naming the other encoding (a wrong declaration is not obeyed in silence).
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections import Counter

from alignmem.errors import EncodingError, InputError
from alignmem.langs import get
from alignmem.text.script import script_of

# Order matters only to break ties.
LEGACY_ENCODINGS = ("cp1251", "koi8-r", "gb18030", "big5", "cp1252")
MIN_PLAUSIBILITY = 0.6
PRIOR_UNITS = 2
SCORE_SAMPLE_BYTES = 512 * 1024
CONTROL_SAMPLE_CHARS = 1 << 20
MAX_CONTROL_SHARE = 0.002  # more C0 control characters than this: a binary file, not a text

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of formats people try to feed a text tool, with what to tell them.
MAGIC = (
    (b"%PDF-", "a PDF file; convert it to plain text or HTML first"),
    (b"PK\x03\x04", "a ZIP archive that is no Word (.docx) or OpenDocument (.odt) file; unpack it first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc?); save it as .docx, .odt or plain text first"),
    (b"{\\rtf", "an RTF document; save it as plain text or HTML first"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
)

# The 1000 most frequent Han characters (simplified, from word frequencies of a large Chinese lexicon),
# then frequent traditional forms. True Chinese text has ~4/5 of its characters in this set.
COMMON_HAN = frozenset(
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过"
    "天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现"
    "理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但"
    "已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知级量任江"
    "及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领队直计别女"
    "权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五京河接条规式"
    "县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质"
    "阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑革该持始英克士尔"
    "让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影"
    "告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编"
    "越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营"
    "足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航"
    "陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印"
    "亿沙母酒助闻超审待压升送监策略限竟香配藏敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船"
    "惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶"
    "简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某顾曲楚典朱毒菜判救宋"
    "茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳"
    "襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂"
    "姓泽吸侧庆妈遇追甲馆补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟"
    "們來為國這個說時會過對於學麼發當沒樣動從無經長兒愛頭現話與進見間開關問點體後實還讓聽邊種將東車書門裡員"
    "應該覺機係區電錢樂語認識變聲讀寫買賣歡華統臺灣議經濟處總義務報導這樣設計場質題類覺得們聯際歷劃氣並麼"
)

_WORD = re.compile(r"[^\W\d_]+")
_OK_CATEGORIES = {"Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Sc", "Sm", "No", "Nd"}
# Non-ASCII symbols real English, Russian and Chinese texts are full of (quotes, dashes, CJK punctuation).
_COMMON_SYMBOLS = frozenset("\u00a0“”‘’„«»—–…•№°·§©®€£¥™\u2009\u202f\u3000")
_RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# How often each letter occurs in Russian text, per mille (a widely published table).
RUSSIAN_FREQUENCY = {
    "о": 109.7, "е": 84.5, "а": 80.1, "и": 73.5, "н": 67.0, "т": 62.6, "с": 54.7, "р": 47.3, "в": 45.4,
    "л": 44.0, "к": 34.9, "м": 32.1, "д": 29.8, "п": 28.1, "у": 26.2, "я": 20.1, "ы": 19.0, "ь": 17.4,
    "г": 17.0, "з": 16.5, "б": 15.9, "ч": 14.4, "й": 12.1, "х": 9.7, "ж": 9.4, "ш": 7.3, "ю": 6.4, "ц": 4.8,
    "щ": 3.6, "э": 3.2, "ф": 2.6, "ъ": 0.4, "ё": 0.4,
}
CASE_BLIND = 0.6  # candidates this close in plausibility are told apart by their letters
LETTER_MARGIN = 0.25  # nats per letter: a clearly more Russian reading wins
MIN_FIT_LETTERS = 6  # fewer letters say too little


def decode(data: bytes, path: str, encoding: str | None = None, lang: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes: ``(text, encoding)``. The BOM is removed; newlines are left as they are.

    ``encoding`` (from ``--encoding``) is used as given; otherwise BOMs, UTF-16 without BOM, UTF-8 and
    the legacy encodings are tried in that order. ``lang`` (internal code), when known, favours the
    encodings of its script among equally plausible ones.
    """
    if encoding:
        text, name = _decode_as(data, path, encoding)
        _judge_declared(data, text, name, path, lang)
    else:
        text, name = _detect_and_decode(data, path, lang)
    _check_controls(text, path)
    return text, name


def _decode_as(data: bytes, path: str, encoding: str) -> tuple[str, str]:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise EncodingError(
            f"unknown encoding {encoding!r} given with --encoding (use a name such as utf-8, cp1251, koi8-r, "
            "gb18030 or big5)",
            path,
        ) from None
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid {name}: byte 0x{data[exc.start]:02x} at offset {exc.start} does not decode; "
            "check --encoding",
            path,
        ) from None
    return text.removeprefix("\ufeff"), name


def _judge_declared(data: bytes, text: str, name: str, path: str, lang: str | None) -> None:
    """An error when the declared encoding garbles the text and another one reads it plausibly."""
    sample = text[:SCORE_SAMPLE_BYTES]
    if sample.isascii():
        return
    declared = plausibility(sample)
    try:
        found, other = _detect_and_decode(data[:SCORE_SAMPLE_BYTES], path, lang)
    except InputError:
        return
    if codecs.lookup(other).name == name:
        return
    garbled = declared < MIN_PLAUSIBILITY and plausibility(found) >= MIN_PLAUSIBILITY
    less_russian = (declared - plausibility(found) < CASE_BLIND and _single_case(sample) and _single_case(found)
                    and russian_fit(found) - russian_fit(sample) > LETTER_MARGIN)
    if garbled or less_russian:
        shown = " ".join(sample.split())[:30]
        right = " ".join(found.split())[:30]
        raise EncodingError(f"--encoding {name} gives garbled text ({shown!r}); the file reads as {other} "
                            f"({right!r}); check --encoding", path)


def _single_case(text: str) -> bool:
    """Whether the Russian letters of ``text`` are all capitals or all lower case (at least a few of them)."""
    letters = [ch for ch in text if ch.lower() in RUSSIAN_FREQUENCY]
    return len(letters) >= MIN_FIT_LETTERS and (all(ch.isupper() for ch in letters)
                                                 or all(ch.islower() for ch in letters))


def russian_fit(text: str) -> float:
    """Mean log frequency of the Cyrillic letters of ``text`` in Russian (higher: more Russian); -9 when it
    has none."""
    letters = [ch for ch in text.lower() if ch in RUSSIAN_FREQUENCY]
    if not letters:
        return -9.0
    return sum(math.log(RUSSIAN_FREQUENCY[ch] / 1000) for ch in letters) / len(letters)


def _detect_and_decode(data: bytes, path: str, lang: str | None) -> tuple[str, str]:
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).removeprefix("\ufeff"), name
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"starts with a {name.upper()} byte-order mark but byte {exc.start} does not decode; "
                    "give the right encoding with --encoding",
                    path,
                ) from None
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file: {what}", path)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            return utf16
        offset = data.index(b"\x00")
        raise InputError(
            f"binary file (NUL byte at offset {offset}), not text; give a plain-text or HTML file", path
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    return _utf16_han(data) or _decode_legacy(data, path, lang, utf8_error)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no BOM shows NULs mostly in every other byte (high bytes of ASCII, line breaks and
    Cyrillic letters); a Chinese character such as 一 (U+4E00) puts a NUL in the other byte, so the side
    with more NULs decides the byte order, and the other order is tried next."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for name in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > MAX_CONTROL_SHARE or plausibility(text) < MIN_PLAUSIBILITY:
            continue
        if sum(ch.isalpha() for ch in text) >= len(text) / 3:
            return text, name
    return None


def _utf16_han(data: bytes) -> tuple[str, str] | None:
    """Chinese in UTF-16 with no BOM and no ASCII at all has no NUL byte: decoded in the right byte
    order, nearly every character is Han or CJK punctuation (by chance, about a third would be)."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:SCORE_SAMPLE_BYTES]  # every file that is not UTF-8 comes here: judge a sample first
    for name in ("utf-16-le", "utf-16-be"):
        head = sample.decode(name, errors="replace")
        cjk = sum(1 for ch in head if script_of(ch) == "Han" or "\u3000" <= ch <= "\u303f" or
                  "\uff00" <= ch <= "\uffef")  # ideographic and full-width punctuation
        if cjk < 0.9 * len(head):
            continue
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return None


def _decode_legacy(
    data: bytes, path: str, lang: str | None, utf8_error: UnicodeDecodeError
) -> tuple[str, str]:
    sample = data[:SCORE_SAMPLE_BYTES]
    expected = _expected_script(lang)
    scored: list[tuple[float, int, str]] = []
    for order, name in enumerate(LEGACY_ENCODINGS):
        try:
            text = codecs.getincrementaldecoder(name)(errors="strict").decode(
                sample, final=len(sample) == len(data)
            )
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text, expected), -order, name))
    scored = _by_letters(scored, sample, len(sample) == len(data))
    for score, _, name in sorted(scored, reverse=True):
        if score < MIN_PLAUSIBILITY:
            break
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise EncodingError(_undecodable_message(data, utf8_error), path)


def _by_letters(scored: list[tuple[float, int, str]], sample: bytes,
                final: bool) -> list[tuple[float, int, str]]:
    """cp1251 and KOI8-R both plausible within :data:`CASE_BLIND` (capitals read as lower case): the reading
    whose letters are clearly more Russian takes the better score."""
    cyrillic = {name: score for score, _, name in scored if name in ("cp1251", "koi8-r")}
    if len(cyrillic) < 2 or abs(cyrillic["cp1251"] - cyrillic["koi8-r"]) >= CASE_BLIND:
        return scored
    texts = {name: codecs.getincrementaldecoder(name)(errors="replace").decode(sample, final=final)
             for name in cyrillic}
    if not all(_single_case(text) for text in texts.values()):
        return scored  # a capitalised word somewhere: the case score has seen what it needs
    fits = {name: russian_fit(text) for name, text in texts.items()}
    best = max(fits, key=lambda name: fits[name])
    other = "koi8-r" if best == "cp1251" else "cp1251"
    if fits[best] - fits[other] <= LETTER_MARGIN:
        return scored
    top = max(cyrillic.values())
    return [(top + 0.001 if name == best else score, order, name) for score, order, name in scored]


def _undecodable_message(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    tried = ", ".join(LEGACY_ENCODINGS)
    byte = f"byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
    damaged = data.decode("utf-8", errors="replace").count("\ufffd")
    if damaged * 200 < len(data):  # a few bad bytes in otherwise good UTF-8: a damaged file
        return (
            f"mostly UTF-8 but {byte} is invalid (damaged file?); fix it or give the encoding with --encoding"
        )
    return (
        f"cannot tell the encoding: not UTF-8 ({byte}) and not plausible as {tried}; "
        "give the encoding with --encoding"
    )


def _expected_script(lang: str | None) -> str | None:
    if not lang:
        return None

    return get(lang).script


def plausibility(text: str, expected_script: str | None = None) -> float:
    """How much the non-ASCII part of ``text`` looks like real text, in [0, 1] (1 for pure ASCII)."""
    good = 0.0
    units = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        word_good, word_units = _word_score(word)
        good += word_good
        units += word_units
    chars = Counter(text)
    for char, n in chars.items():
        if ord(char) < 128 or char.isalpha():
            continue
        units += n
        good += n * _symbol_score(char)
    # A prior of a few plausible units keeps a text of one or two odd words from looking like noise.
    score = (good + PRIOR_UNITS) / (units + PRIOR_UNITS)
    if expected_script and not _mostly_in(chars, expected_script):
        score *= 0.8
    return score


def _word_score(word: str) -> tuple[float, int]:
    """(plausible units, units) for a run of letters that has non-ASCII letters."""
    scripts = {script_of(ch) for ch in word}
    if scripts == {"Han"}:
        return float(sum(ch in COMMON_HAN for ch in word)) + 0.15 * sum(
            ch not in COMMON_HAN for ch in word
        ), len(word)
    if len(scripts) > 1:
        return 0.0, 1
    script = next(iter(scripts))
    if script == "Cyrillic":
        if not _RUSSIAN_LETTERS.issuperset(word):
            return 0.2, 1  # Serbian, Ukrainian letters: what cp1251's upper-half symbols become by mistake
        return _case_score(word), 1
    if script == "Latin":
        foreign = sum(not ch.isascii() for ch in word)
        if foreign * 3 > len(word) + 1:
            return 0.0, 1
        return _case_score(word), 1
    return 0.1, 1  # Greek, kana, Hangul...: legacy decoders of our languages produce them only by mistake


def _case_score(word: str) -> float:
    if len(word) == 1:  # real text has few one-letter words (mostly lowercase); misread GBK is full of them
        return 0.6 if word.islower() else 0.4
    if word.islower() or (word[0].isupper() and word[1:].islower()):
        return 1.0
    if word.isupper():
        return 0.5  # headings and acronyms exist, but a text is not mostly capitals
    return 0.0


def _symbol_score(char: str) -> float:
    if 0x80 <= ord(char) <= 0x9F or 0x2500 <= ord(char) <= 0x25FF or 0x2320 <= ord(char) <= 0x2321:
        return 0.0  # C1 controls, box drawing and KOI8's integral halves
    if char in _COMMON_SYMBOLS or 0x3000 <= ord(char) <= 0x303F or 0xFF00 <= ord(char) <= 0xFF65:
        return 1.0
    return 0.5 if unicodedata.category(char) in _OK_CATEGORIES else 0.2


def _mostly_in(chars: Counter[str], script: str) -> bool:
    """Whether most non-ASCII letters are of ``script``."""
    counts: Counter[str] = Counter()
    for char, n in chars.items():
        s = script_of(char) if ord(char) >= 128 else None
        if s:
            counts[s] += n
    return not counts or counts.most_common(1)[0][0] == script


def _control_share(text: str) -> float:
    """Share of C0 controls other than whitespace, ESC and DOS end-of-file (in the first MB of a big text)."""
    sample = text[:CONTROL_SAMPLE_CHARS]
    if not sample:
        return 0.0
    controls = sum(sample.count(chr(c)) for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c\x1a\x1b")
    return controls / len(sample)


def _check_controls(text: str, path: str) -> None:
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("binary file (control characters), not text; give a plain-text or HTML file", path)
