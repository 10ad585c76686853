"""Language data for the anchor extractors: number words, month names, Chinese numerals and classifiers.

Plain tables, one entry per line of thought, with the sentence that motivated the less obvious ones.
Nothing here is computed at import time beyond building dicts from these literals.
"""

from __future__ import annotations

# --- English number words -------------------------------------------------------------------------

# kind of token: "unit" 0-9, "teen" 10-19, "tens" 20-90, "hundred" (x100), "scale" (x1000...)
EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
EN_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
EN_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}

EN_FULL_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

# --- Russian number words -------------------------------------------------------------------------

def _forms(spec: str) -> list[str]:
    return spec.split()


RU_ONE = _forms("один одна одно одного одной одному одним одну одном")
RU_UNITS = {
    2: _forms("два две двух двум двумя"),
    3: _forms("три трех трёх трем трём тремя"),
    4: _forms("четыре четырех четырёх четырем четырём четырьмя"),
    5: _forms("пять пяти пятью"),
    6: _forms("шесть шести шестью"),
    7: _forms("семь семи семью"),
    8: _forms("восемь восьми восемью восьмью"),
    9: _forms("девять девяти девятью"),
}
RU_TEENS = {
    10: _forms("десять десяти десятью"),
    11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат",
    16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
}
RU_TENS = {
    20: _forms("двадцать двадцати двадцатью"),
    30: _forms("тридцать тридцати тридцатью"),
    40: _forms("сорок сорока"),
    50: _forms("пятьдесят пятидесяти пятьюдесятью"),
    60: _forms("шестьдесят шестидесяти шестьюдесятью"),
    70: _forms("семьдесят семидесяти семьюдесятью"),
    80: _forms("восемьдесят восьмидесяти восемьюдесятью"),
    90: _forms("девяносто девяноста"),
}
RU_HUNDREDS = {
    100: _forms("сто ста"),
    200: _forms("двести двухсот двумстам двумястами двухстах"),
    300: _forms("триста трехсот трёхсот тремстам тремястами трехстах трёхстах"),
    400: _forms("четыреста четырехсот четырёхсот четыремстам четырьмястами четырехстах четырёхстах"),
    500: _forms("пятьсот пятисот пятистам пятьюстами пятистах"),
    600: _forms("шестьсот шестисот шестистам шестьюстами шестистах"),
    700: _forms("семьсот семисот семистам семьюстами семистах"),
    800: _forms("восемьсот восьмисот восьмистам восемьюстами восьмистах"),
    900: _forms("девятьсот девятисот девятистам девятьюстами девятистах"),
}
# "полтора миллиона" = 1.5 million
RU_ONE_AND_HALF = _forms("полтора полторы полутора")
# Singular forms stand alone for the scale ("более миллиона" = over a million); plural forms alone are
# vague ("тысячи людей" = thousands of people) and are only used after a number.
RU_SCALES_SINGULAR = {
    1000: _forms("тысяча тысячу тысячей тысяче"),
    10**6: _forms("миллион миллиона миллиону миллионом миллионе"),
    10**9: _forms("миллиард миллиарда миллиарду миллиардом миллиарде"),
    10**12: _forms("триллион триллиона триллиону триллионом триллионе"),
}
RU_SCALES_PLURAL = {
    1000: _forms("тысячи тысяч тысячам тысячами тысячах тыс"),
    10**6: _forms("миллионы миллионов миллионам миллионами миллионах млн"),
    10**9: _forms("миллиарды миллиардов миллиардам миллиардами миллиардах млрд"),
    10**12: _forms("триллионы триллионов триллионам триллионами триллионах трлн"),
}
# Ordinal stems take adjective endings: "пятьдесят восьмой сессии" = 58th session.
RU_ORDINAL_STEMS = {
    1: "перв", 2: "втор", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят",
    10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
    15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
    20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят", 70: "семидесят",
    80: "восьмидесят", 90: "девяност", 100: "сот", 1000: "тысячн",
}
RU_ADJ_ENDINGS = _forms("ый ой ий ого ому ом ым ая ую ое ые ых ыми ым ей")
RU_THIRD = _forms("третий третья третье третьи третьего третьему третьем третьей третью третьим третьих третьими")

RU_MONTH_STEMS = {
    # stem -> month; the regex adds the case endings; "мая"/"май"/"мае" have their own forms
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
RU_MAY = _forms("май мая мае маем")

# --- Chinese --------------------------------------------------------------------------------------

HAN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9,
}
HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
HAN_BIG = {"万": 10**4, "亿": 10**8}
HAN_NUMERAL_CHARS = "".join(HAN_DIGITS) + "".join(HAN_UNITS) + "".join(HAN_BIG)

# Scales written after Arabic digits: "1.8万", "1000亿", "3千万". Longest first.
HAN_SUFFIX_SCALES = [
    ("万亿", 10**12), ("千亿", 10**11), ("百亿", 10**10), ("十亿", 10**9), ("亿", 10**8),
    ("千万", 10**7), ("百万", 10**6), ("十万", 10**5), ("万", 10**4), ("千", 1000),
]

# A lone numeral character counts only before one of these: "两国" (two countries), "五次" (five times),
# "三大" (three major ...), but not "一些", "统一", "十分" (very), "千方百计", "一带一路".
HAN_CLASSIFIERS = set(
    "个项名次届年岁月日号天周人国家种类条款章节段位份倍点部件架艘辆座所吨米元方批轮场期组只头台本篇页层级"
    "句字票席省市县城地枚颗张支股大者代方面"
)
# Classifiers that also start ordinary words; a numeral made of unit characters only (千, 百, 万) before
# them is part of an idiom ("千方百计", by every means), while "两方" (two parties) is a number.
HAN_LOOSE_CLASSIFIERS = set("方大地点者代")
# Before a bare unit character these make an approximation: "数百年" (centuries), "几千", "成千上万".
HAN_APPROXIMATE = set("数几上成")
# "两国" (the two countries = "our countries", "bilateral"), "两军", "两党", "两岸", "两会".
HAN_PAIR_WORDS = ("两国", "两军", "两党", "两岸", "两会", "两院")
HAN_CLASSIFIER_WORDS = ("小时", "分钟", "公里", "千米", "公顷", "美元", "卢布", "欧元", "平方")

# --- capitalised words that are not names (for anchor_keys' "t:" keys) ----------------------------
# Function words that start sentences, and the capitalised common nouns of diplomatic and UN English
# ("the Security Council", "Minister for Foreign Affairs"), which are translated, never transliterated.
NAME_STOP_EN = frozenset(_forms("""
a an the in on at of for to from by with without within into onto over under about after before since
until during between among against through across towards upon as and or but nor so yet if when while
where whereas whether which who whom whose what why how this that these those there here it its they
them their we our us you your he she his her i me my mine all any each every both either neither some
such no not none many most more much other another one only also however therefore thus moreover
furthermore nevertheless meanwhile indeed today yesterday tomorrow now then still already again
is are was were be been being has have had do does did will would shall should can could may might
must let please thank thanks dear yes first second third last next new
mr mrs ms dr sir madam
united nations general assembly security council committee commission secretary secretary-general
president presidents minister ministers ministry foreign affairs government republic people's
federation treaty convention agreement article articles chapter annex section part paragraph
resolution resolutions organization organisation conference summit party parties state states member
union office department programme program fund bank development human rights economic social
international national special rapporteur working group board court justice charter declaration
protocol forum cooperation co-operation strategic partnership friendship good-neighbourliness
good-neighborliness prime deputy vice chairman chair chairperson executive director head world war
great patriotic day year decade north south east west central northern southern eastern western
action mission women panel agenda representative representatives experts expert kingdom review
provisional permanent authority nuclear support territory territories advisory secretariat islands
centre center criminal service services governments according decides decided technical notes
preparatory weapons population health global participants force act requests recalling recognizing
welcoming reaffirming emphasizing stressing expressing noting urges calls invites encourages
democratic observer observers mechanism framework institute agency programme summary report reports
annual session sessions meeting meetings item items committee's council's annexes addendum
corrigendum draft decision decisions regulations rules guidelines principles strategy plan platform
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
"""))
NAME_STOP_RU = frozenset(_forms("""
в во на с со по к ко о об обо у из за для при без до от над под про через между среди перед после
мы я он она оно они вы ты это этот эта эти то тот та те там здесь тут как так также тем однако но
и а или либо если что чтобы когда где куда все всё весь вся наш наша наши наше их его ее её ваш
сегодня вчера завтра сейчас теперь вместе кроме поэтому именно более менее уже еще ещё важно
прежде во-первых во-вторых в-третьих кстати конечно затем согласно несмотря благодаря ряд не ни
лишь только даже будучи нет да один одна одно каждый каждая многие некоторые другие другой такой
такие такая свой своя свои считаем отмечаю надеюсь уверен уверены хотел хотелось
господин госпожа г-н г-жа
организация организации объединенных объединённых наций генеральная генеральной генеральный
ассамблея ассамблеи совет совета комитет комитета комиссия комиссии секретарь президент
президента министр министра министерство председатель договор договора устав устава конвенция
конвенции статья статьи глава главы раздел приложение резолюция резолюции республика республики
федерация федерации народной народная государств государства союз союза день года
понедельник вторник среда четверг пятница суббота воскресенье
"""))
# Russian stems (case ending removed) of capitalised words that are translated, never transliterated:
# "Совета Безопасности", "Генерального секретаря", "Рабочая группа".
NAME_STOP_RU_STEMS = frozenset(_forms("""
безопасност генеральн групп конференци председател сторон пункт республик просьб форум соединенн
соединённ международн вам вас совет предварительн штат участник специальн всемирн правительств
доклад мисси было был была были комитет управлени рабоч организаци европейск декларац постоянн
утверждени хотя помимо ассамбле конвенци секретар секретариат министр министерств президент
федераци народн объединенн объединённ наци устав договор глав стать резолюци приложени
"""))

# Characters of Chinese transliterations of foreign names (布拉戈维申斯克, 拉夫罗夫, 乌克兰): a run of
# three or more of them is taken as a transliterated name.
HAN_TRANSLIT_CHARS = frozenset(
    "阿埃艾安奥巴拜班邦鲍贝本比彼波伯布查达戴丹道德迪蒂丁杜多厄恩尔法菲费芬丰弗福盖甘戈格根古哈海汉赫"
    "亨胡霍基吉加贾杰捷金卡凯坎康考科克肯库夸奎拉莱兰朗劳勒雷里利莉连列林琳卢鲁伦罗洛马玛迈曼梅门蒙米"
    "敏莫墨姆穆纳奈南内尼宁纽努诺欧帕佩彭皮普奇琪乔切萨塞桑瑟森沙尚舍什斯丝松苏索塔泰坦汤特提托图瓦"
    "威韦维温沃乌希谢辛休雅亚扬耶伊因尤约泽扎詹兹佐俄茨契科娃夫卜贡喀孔廷珀琼绍舒滕旺伍锡夏宰"
)

# Common Chinese surnames: a two- or three-character word starting with one that jieba does not know
# (王毅) is taken as a person's name and keyed as surname + given name.
HAN_SURNAMES = frozenset(
    # without the surnames that are also common word starts: 于 向 方 万 高 金 石 江 龙 白 付 任 武 温 史 夏 余 程
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶苏魏吕丁沈姚卢姜崔"
    "钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤习栗"
)
# Generic words after a transliterated place name: 河 river, 江 river, 湖 lake, 山 mountain, 岛 island,
# 市 city, 州 state/region, 省 province, 港 port.
HAN_GEO_SUFFIXES = frozenset("河江湖山岛市州省港")

# Words jieba's dictionary tags as places ("ns") or names ("nrt") that are ordinary words in UN and
# diplomatic Chinese: 城市 city, 攸关 at stake, 关联 related, 外国 foreign, 外联 outreach, 普及 spread.
HAN_NOT_NAMES = frozenset(_forms("""
城市 城镇 攸关 关联 外国 外联 普及 海洋 福利 非营利 法典 共和国 王国 国家 地区 国际 全国 各国 本国 祖国
"""))
