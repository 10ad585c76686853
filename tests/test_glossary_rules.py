"""The glossary's named rejection rules, the two-way equivalent check, the verified-only export policy,
the Chinese term-edge checks and Russian acronyms. Small aligned groups written here; no sentence encoder.

Regression tests are named after the class of error they guard against."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib
import pytest

from alignmem.export import Naming, write_glossary
from alignmem.glossary import Entry, Glossary, Term, read_glossary
from alignmem.glossary.associate import AssocSettings
from alignmem.glossary.build import mutual
from alignmem.glossary.candidates import NAME, ChineseExtractor
from alignmem.glossary.corpus import LangIndex, TermStats, index_language
from alignmem.glossary.forms import guessed_name_form
from alignmem.glossary.model import VERIFIED_CONFIDENCE, VERIFIED_SIMILARITY, verified
from alignmem.glossary.rules import (
    RULES,
    View,
    coordinated_names,
    members,
    modifier_word,
    name_to_common_noun,
    rejected,
    sentence_initial_word,
    surface,
    without_possessive,
)
from alignmem.model import TU

LANGS = ("en", "ru", "zh")


def indexes(rows: list[tuple[str, ...]], langs: tuple[str, ...] = ("en", "ru")) -> dict[str, LangIndex]:
    tus = [TU(f"t:{i}", tuple(zip(langs, row, strict=True))) for i, row in enumerate(rows)]
    return {lang: index_language(tus, lang) for lang in langs}


def equivalent(text: str, kind: str = NAME, n: int = 2) -> TermStats:
    """A chosen equivalent written ``text`` inside sentences ``n`` times."""
    return TermStats(text.lower(), tuple(text.lower().split()), list(range(n)), Counter({text: n}),
                     kinds=Counter({kind: n}))


def view(idx: LangIndex, key: str, **equivalents: TermStats) -> View:
    assert key in idx.stats, sorted(idx.stats)
    return View(idx.stats[key], idx, equivalents)


def ru_key(idx: LangIndex, written: str) -> str:
    """The key of the Russian term seen written as ``written``."""
    for key, st in idx.stats.items():
        if written in st.surfaces or written in st.initial_surfaces:
            return key
    raise AssertionError(f"{written!r} not among {sorted(idx.stats)}")


# ---------------------------------------------------------------- sentence_initial_word

INITIAL = [
    ("Unfortunately, the talks failed.", "К сожалению, переговоры провалились."),
    ("Rosatom builds the plant.", "Станцию строит компания «Росатом»."),
    ("Rosatom also trains engineers.", "Компания «Росатом» также готовит инженеров."),
]


def test_sentence_initial_adverb_is_rejected():
    en, ru = indexes(INITIAL).values()
    v = view(en, "unfortunately", ru=ru.stats[ru_key(ru, "переговоры")])
    assert sentence_initial_word(v) == "sentence-initial word"
    assert rejected(v) == "sentence-initial word"


def test_sentence_initial_name_with_capitalised_russian_equivalent_is_kept():
    en, ru = indexes(INITIAL).values()
    v = view(en, "rosatom", ru=ru.stats[ru_key(ru, "Росатом")])
    assert not en.stats["rosatom"].surfaces  # only ever seen at a sentence start
    assert sentence_initial_word(v) is None
    assert rejected(v) is None


def test_sentence_initial_word_ignores_words_seen_inside_sentences():
    en, _ = indexes([("Talks with Rosatom went on.", "Переговоры с Росатомом продолжились.")]).values()
    assert sentence_initial_word(view(en, "rosatom", ru=equivalent("росатом", n=1))) is None


# ---------------------------------------------------------------- coordinated_names

COORDINATED = [
    ("Both Moscow and Beijing signed the document.", "Документ подписали и Москва, и Пекин."),
    ("Officials in Moscow and Beijing agreed.", "Чиновники в Москве и Пекине согласились."),
]


def test_coordinated_names_paired_with_one_name_are_rejected():
    en, _ = indexes(COORDINATED).values()
    v = view(en, "moscow and beijing", ru=equivalent("Москва"), zh=equivalent("莫斯科"))
    assert coordinated_names(v) == "coordinated names"
    assert rejected(v) == "coordinated names"


def test_coordinated_names_paired_with_coordinations_are_kept():
    en, _ = indexes([("Trinidad and Tobago voted.", "Тринидад и Тобаго проголосовал."),
                     ("We thank Trinidad and Tobago.", "Мы благодарим Тринидад и Тобаго.")]).values()
    v = view(en, "trinidad and tobago", ru=equivalent("Тринидад и Тобаго"), zh=equivalent("特立尼达和多巴哥"))
    assert coordinated_names(v) is None


def test_coordination_must_hold_in_every_language():
    en, _ = indexes(COORDINATED).values()
    v = view(en, "moscow and beijing", ru=equivalent("Москва и Пекин"), zh=equivalent("莫斯科"))
    assert coordinated_names(v) == "coordinated names"


def test_members_of_a_coordination():
    assert members("Moscow and Beijing") == ["Moscow", "Beijing"]
    assert members("SCO, BRICS, RIC, G20, APEC and EAS") == ["SCO", "BRICS", "RIC", "G20", "APEC", "EAS"]
    assert members("Lisbon to Jakarta") == ["Lisbon", "Jakarta"]
    assert members("Rosatom") == ["Rosatom"]


# ---------------------------------------------------------------- name_to_common_noun

COMMON = [
    ("The War changed Europe.", "Война изменила Европу.", "战争改变了欧洲。"),
    ("After the War, Rosatom grew.", "После войны Росатом вырос.", "战后俄原子能公司发展。"),
    ("Veterans of the War met.", "Ветераны войны встретились.", "战争老兵会面。"),
]


def test_name_paired_with_a_common_noun_is_rejected():
    en, ru, _ = indexes(COMMON, LANGS).values()
    v = view(en, "war", ru=ru.stats[ru_key(ru, "войны")])
    assert en.stats["war"].surfaces  # written 'War' inside sentences: not a sentence-initial word
    assert name_to_common_noun(v) == "name paired with a common noun"
    assert rejected(v) == "name paired with a common noun"


def test_name_paired_with_a_name_is_kept():
    en, ru, _ = indexes(COMMON, LANGS).values()
    assert name_to_common_noun(view(en, "rosatom", ru=ru.stats[ru_key(ru, "Росатом")])) is None


def test_name_paired_with_an_acronym_is_kept():
    en, _, _ = indexes(COMMON, LANGS).values()
    acronym = TermStats("ВОВ", ("ВОВ",), [0, 1], Counter({"вов": 2}), kinds=Counter({"acronym": 2}))
    assert name_to_common_noun(view(en, "war", ru=acronym)) is None


# ---------------------------------------------------------------- modifier_word

MODIFIER = [
    ("Our strategic partnership is strong.", "Наше стратегическое партнёрство прочно."),
    ("The strategic partnership grew fast.", "Стратегическое партнёрство быстро росло."),
    ("We value this strategic partnership.", "Мы ценим это стратегическое партнёрство."),
    ("The partnership between firms matters.", "Партнёрство между фирмами важно."),
    ("A partnership needs trust.", "Партнёрство требует доверия."),
    ("Nations need security.", "Народам нужна безопасность."),
    ("They discussed security.", "Они обсудили безопасность."),
]


def test_modifier_word_before_a_phrase_is_rejected():
    en, ru = indexes(MODIFIER).values()
    v = view(en, "strategic", ru=ru.stats[ru_key(ru, "партнёрство")])
    assert modifier_word(v) == "modifier word"
    assert rejected(v) == "modifier word"


def test_word_standing_alone_is_not_a_modifier():
    en, ru = indexes(MODIFIER).values()
    v = view(en, "security", ru=ru.stats[ru_key(ru, "безопасность")])
    assert modifier_word(v) is None
    assert rejected(v) is None


def test_rejected_runs_every_rule_in_order():
    assert RULES == (sentence_initial_word, coordinated_names, name_to_common_noun, modifier_word)


# ---------------------------------------------------------------- two-way check (build.mutual)


def test_two_way_check_accepts_equivalents_that_point_back():
    en, ru = indexes(MODIFIER).values()
    assert mutual(en, ru, "strategic partnership", ru_key(ru, "стратегическое партнёрство"), AssocSettings())
    assert mutual(en, ru, "partnership", ru_key(ru, "партнёрство"), AssocSettings())


def test_modifier_paired_with_head_noun_fails_two_way_check():
    # 'strategic' -> партнёрство, but партнёрство points back to 'partnership'
    en, ru = indexes(MODIFIER).values()
    assert not mutual(en, ru, "strategic", ru_key(ru, "партнёрство"), AssocSettings())


def test_list_member_points_back_through_its_list():
    rows = [
        ("The SCO, BRICS, RIC and EAS meet.", "Встречаются ШОС, БРИКС, РИК и ВАС."),
        ("The SCO, BRICS, RIC and EAS agree.", "Соглашаются ШОС, БРИКС, РИК и ВАС."),
        ("BRICS grows.", "БРИКС растёт."),
    ]
    en, ru = indexes(rows).values()
    assert mutual(en, ru, "BRICS", "БРИКС", AssocSettings())


# ---------------------------------------------------------------- possessives


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_leading_possessive_is_not_part_of_the_name(apostrophe):
    assert without_possessive(f"China{apostrophe}s Belt and Road Initiative") == "Belt and Road Initiative"


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_trailing_possessive_is_dropped(apostrophe):
    assert without_possessive(f"Minister Sergey Lavrov{apostrophe}s") == "Minister Sergey Lavrov"


def test_text_without_possessive_is_unchanged():
    assert without_possessive("Belt and Road Initiative") == "Belt and Road Initiative"
    assert without_possessive("Power of Siberia pipeline") == "Power of Siberia pipeline"
    assert without_possessive("UN's") == "UN's"  # a short lone word keeps its letters


def test_surface_prefers_forms_inside_sentences():
    st = TermStats("x", ("x",), [0, 1, 2], Counter({"Security": 1}), Counter({"SECURITY": 5}))
    assert surface(st) == "Security"
    st = TermStats("x", ("x",), [0], Counter(), Counter({"Today": 1}))
    assert surface(st) == "Today"


# ---------------------------------------------------------------- verified-only export policy


def entry(id_: str, en: str, ru: str, zh: str | None, confidence: float, similarity: float = 1.0,
          origin: str = "extracted") -> Entry:
    terms = [Term("en", en, pos="noun"), Term("ru", ru, pos="noun")] + ([Term("zh", zh, pos="noun")] if zh else [])
    return Entry(id_, tuple(terms), 3, confidence, origin=origin, similarity=similarity)


def test_verified_needs_confidence_similarity_and_every_language():
    ok = entry("c1", "international law", "международное право", "国际法", VERIFIED_CONFIDENCE)
    assert verified(ok, LANGS)
    assert not verified(entry("c2", "ties", "связи", "关系", VERIFIED_CONFIDENCE - 0.01), LANGS)
    assert not verified(entry("c3", "ties", "связи", "俄中关系", 0.9, VERIFIED_SIMILARITY - 0.01), LANGS)
    assert not verified(entry("c4", "ties", "связи", None, 0.9), LANGS)
    assert verified(entry("c5", "ties", "связи", None, 0.1, 0.0, origin="seed"), LANGS)


def test_unverified_entry_only_in_po_marked_fuzzy(tmp_path: Path):
    good = entry("c1", "international law", "международное право", "国际法", 0.8)
    weak = entry("c2", "bilateral ties", "двусторонние связи", "双边关系", VERIFIED_CONFIDENCE / 2)
    write_glossary(Glossary(LANGS, (good, weak), "sig"), Naming(tmp_path, "doc", ".glossary"))

    for name in ("doc.glossary.tbx", "doc.glossary.csv"):
        english = {t.text for e in read_glossary(tmp_path / name).entries for t in e.terms_of("en")}
        assert english == {"international law"}, name
    omegat = sorted(tmp_path.glob("doc.*.glossary.utf8"))
    assert omegat
    for path in omegat:
        text = path.read_text(encoding="utf-8")
        assert "bilateral" not in text and "双边关系" not in text and "двусторонние" not in text, path.name
    for lang in ("ru", "zh-CN"):
        po = {item.msgid: item for item in polib.pofile(str(tmp_path / f"doc.{lang}.glossary.po"))}
        assert "fuzzy" in po["bilateral ties"].flags
        assert "fuzzy" not in po["international law"].flags


# ---------------------------------------------------------------- Chinese term edges


def zh_keys(text: str) -> set[str]:
    return {c.key for c in ChineseExtractor().extract(text)}


def test_term_starting_with_preposition_is_rejected():
    keys = zh_keys("我们同中国朋友一起工作。")
    assert not any(k.startswith("同") for k in keys)
    assert "中国朋友" in keys


def test_organisation_name_is_kept():
    assert "上海合作组织" in zh_keys("上海合作组织成员国举行会议。")


def test_term_ending_with_verb_is_rejected():
    keys = zh_keys("两国元首确定了方向。")
    assert "两国元首" in keys
    assert not any(k.endswith("确定") for k in keys)


# ---------------------------------------------------------------- Russian acronyms


@pytest.mark.parametrize(("word", "pivot"), [("АСЕАН", "ASEAN"), ("ООН", "UN"), ("ШОС", "SCO")])
def test_russian_acronym_is_not_inflected(word, pivot):
    assert guessed_name_form(word, pivot) == word


def test_unknown_russian_name_goes_to_its_dictionary_form():
    assert guessed_name_form("Дарфура", "Darfur") == "Дарфур"
