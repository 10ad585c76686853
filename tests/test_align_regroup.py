"""Regression: 3-2 / 2-3 regroupings (three sentences on one side split differently into two on the other).

Before (2,3) and (3,2) were link types, such a stretch could only come out as a 2-1 plus a 1-1 (or
similar), each link half-matching; the search must now produce the one 3-2 link the gold has.
"""

from __future__ import annotations

from alignmem.align import AlignConfig, align_sentences
from alignmem.align.config import LINK_TYPES

EN_BEFORE = [
    "The committee met in Geneva from 3 to 7 March.",
    "It elected a new chair and two vice-chairs.",
    "The secretariat presented its annual report on the trust fund.",
    "Several delegations asked for more detail on travel costs.",
    "The committee agreed to review its working methods next year.",
    "It thanked the host country for its support.",
]
RU_BEFORE = [
    "Комитет провел заседания в Женеве с 3 по 7 марта.",
    "Он избрал нового председателя и двух заместителей председателя.",
    "Секретариат представил свой ежегодный доклад о целевом фонде.",
    "Несколько делегаций просили представить более подробные сведения о путевых расходах.",
    "Комитет постановил пересмотреть свои методы работы в следующем году.",
    "Он выразил признательность принимающей стране за ее поддержку.",
]
# three English sentences, the last holding two long ones; the Russian puts the first two and the first
# half of the third in one sentence, the other half in a second one
EN_REGROUPED = [
    "Water shortages have worsened in the northern provinces.",
    "Harvests of wheat and barley fell by a third.",
    ("The ministry has opened forty distribution centres where families can receive flour, oil and "
    "seeds for the next planting season. The programme, which is financed by three donor countries, "
    "will run until the end of next year and may be extended to the southern districts."),
]
RU_REGROUPED = [
    ("В северных провинциях усилилась нехватка воды. Урожаи пшеницы и ячменя сократились на треть. "
    "Министерство открыло сорок распределительных центров, где семьи могут получить муку, масло и "
    "семена для следующего посевного сезона."),
    ("Программа, которую финансируют три страны-донора, продлится до конца следующего года и может "
    "быть распространена на южные районы."),
]
EN_AFTER = [
    "The next session will open on 12 September.",
    "The provisional agenda is annexed to this report.",
    "Member States are invited to submit comments by 1 June.",
    "Interpretation will be provided in the six official languages.",
    "Documents will be posted on the website of the committee.",
    "The meeting rose at 6 p.m.",
]
RU_AFTER = [
    "Следующая сессия откроется 12 сентября.",
    "Предварительная повестка дня содержится в приложении к настоящему докладу.",
    "Государствам-членам предлагается представить замечания до 1 июня.",
    "Устный перевод будет обеспечиваться на шести официальных языках.",
    "Документы будут размещены на веб-сайте комитета.",
    "Заседание закрылось в 18 ч. 00 м.",
]


def test_3_2_and_2_3_are_searched():
    assert (3, 2) in LINK_TYPES and (2, 3) in LINK_TYPES
    assert (3, 2) in AlignConfig().link_types() and (3, 2) not in AlignConfig(max_link=2).link_types()


def test_regrouped_stretch_becomes_one_3_2_link():
    en = EN_BEFORE + EN_REGROUPED + EN_AFTER
    ru = RU_BEFORE + RU_REGROUPED + RU_AFTER
    alignment = align_sentences(en, ru, "en", "ru")
    pairs = [(link.src, link.tgt) for link in alignment.links]
    assert ((6, 7, 8), (6, 7)) in pairs
    assert all(((i,), (i,)) in pairs for i in range(6))
    assert all(((i + 9,), (i + 8,)) in pairs for i in range(6))
    # the same stretch seen from the other side is a 2-3 link
    reverse = align_sentences(ru, en, "ru", "en")
    assert ((6, 7), (6, 7, 8)) in [(link.src, link.tgt) for link in reverse.links]
