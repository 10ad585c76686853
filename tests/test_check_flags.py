"""Each QA rule of alignmem.check on small hand-written groups: one case that must be flagged, one that
must not."""

from __future__ import annotations

import pytest

from alignmem.check.flags import CheckConfig, run_rules, select
from alignmem.check.model import Unit
from alignmem.errors import InputError

LANGS = ("en", "ru", "zh")


def unit(en: str, ru: str, zh: str, score: float | None = 0.8, index: int = 0, doc: str = "doc") -> Unit:
    texts = (en, ru, zh)
    return Unit(doc=doc, index=index, langs=LANGS, texts=texts, score=score,
                kind="-".join("1" if t else "0" for t in texts))


def codes(units, **config) -> list[set[str]]:
    return [{f.code for f in flags} for flags in run_rules(units, CheckConfig(**config))]


def only(rule: str, *units: Unit, **config) -> list[list]:
    return [list(flags) for flags in run_rules(list(units), CheckConfig(rules=(rule,), **config))]


CLEAN = unit(
    "The Committee adopted the report on 12 May 2015 by 1,300 votes.",
    "Комитет принял доклад 12 мая 2015 года 1 300 голосами.",
    "委员会于2015年5月12日以1 300票通过了报告。",
)


def test_clean_group_has_no_flag():
    assert codes([CLEAN]) == [set()]


# ------------------------------------------------------------------------------------------- number
def test_number_scale_mismatch_is_flagged():
    bad = unit("The budget grew by 1,300 dollars.", "Бюджет вырос на 13 долларов.", "预算增加了1 300美元。")
    (flags,) = only("number", bad)
    assert [f.code for f in flags] == ["number"]
    assert flags[0].langs == ("ru",) and "13" in flags[0].reason


def test_number_across_scripts_and_scales_is_fine():
    good = unit("Trade reached 100 billion dollars in the fifty-eighth year.",
                "Товарооборот достиг 100 млрд. долларов на пятьдесят восьмой год.",
                "第五十八年贸易额达到1000亿美元。")
    assert only("number", good) == [[]]


def test_number_list_marker_and_clock_are_fine():
    good = unit("The meeting opened at 3 p.m.", "10. Заседание открылось в 15 ч. 00 м.", "10. 会议于下午3时开幕。")
    assert only("number", good) == [[]]


def test_number_in_two_languages():
    pair = Unit("d", 0, ("en", "zh"), ("It costs 25 dollars.", "价格为52美元。"), 0.8, "1-1")
    (flags,) = only("number", pair)
    assert {f.langs for f in flags} == {("en",), ("zh",)}


# --------------------------------------------------------------------------------------------- name
def test_latin_name_missing_in_english_is_flagged():
    bad = unit("The programme is run by the agency.", "Программой руководит UNDP.", "该方案由开发署管理。")
    (flags,) = only("name", bad)
    assert [(f.code, f.langs) for f in flags] == [("name", ("ru",))]
    assert "undp" in flags[0].reason


def test_latin_name_present_in_english_is_fine():
    good = unit("UNDP and Al-Jabal Mukaber were mentioned.", "Упомянуты UNDP и Al-JabalMukaber.",
                "提到了UNDP和Al-Jabal Mukaber。")
    assert only("name", good) == [[]]


def test_document_symbol_missing_everywhere_is_flagged():
    bad = unit("See document A/69/L.12 for details.", "Подробности см. в документе.", "详见文件。")
    (flags,) = only("name", bad)
    assert [(f.code, f.langs) for f in flags] == [("name", ("en",))]


def test_document_symbol_typed_with_cyrillic_letters_is_fine():
    good = unit("See document A/69/L.12.", "См. документ А/69/L.12.", "见A/69/L.12号文件。")
    assert only("name", good) == [[]]


# ------------------------------------------------------------------------------------------- length
def _document(extra: Unit) -> list[Unit]:
    base = [unit(f"This is a fairly ordinary English sentence number {i} of the report.",
                 f"Это вполне обычное русское предложение номер {i} из этого доклада.",
                 f"这是报告中第{i}个相当普通的中文句子。", index=i) for i in range(12)]
    return [*base, extra]


def test_length_far_outside_usual_ratio_is_flagged():
    bad = unit("This is a fairly ordinary English sentence of the report, and it goes on and on about the "
               "budget of the organization for the biennium, the posts and the travel of staff.",
               "Это предложение.", "这是报告中相当普通的中文句子，它还谈到了本组织两年期的预算、员额和工作人员的差旅。", index=12)
    flags = only("length", *_document(bad))
    assert all(f == [] for f in flags[:-1])
    assert {f.langs for f in flags[-1]} == {("en", "ru"), ("ru", "zh")}


def test_length_of_short_texts_is_not_judged():
    short = unit("Summary", "Резюме и выводы доклада", "摘要", index=12)
    assert only("length", *_document(short))[-1] == []


# ------------------------------------------------------------------------------------- untranslated
def test_target_equal_to_source_is_flagged():
    bad = unit("The report was adopted without a vote by the committee.",
               "The report was adopted without a vote by the committee.", "报告未经表决获得委员会通过。")
    (flags,) = only("untranslated", bad)
    reasons = sorted(f.reason for f in flags)
    assert reasons == ["ru text is in Latin script", "ru text is the same as en"]


def test_target_in_wrong_script_is_flagged():
    bad = unit("The report was adopted.", "Доклад был принят без голосования комитетом.",
               "Доклад был принят без голосования комитетом.")
    (flags,) = only("untranslated", bad)
    assert ("zh",) in {f.langs for f in flags}


def test_identical_names_and_headings_are_fine():
    good = unit("Distr.: General", "Distr.: General", "Distr.: General")
    names = unit("Empresa Argentina de Soluciones Satelitales S.A. (ARSAT)",
                 "Empresa Argentina de Soluciones Satelitales S.A. (ARSAT)", "阿根廷卫星解决方案公司（ARSAT）")
    assert only("untranslated", good, names) == [[], []]


# ---------------------------------------------------------------------------------------- low score
def test_low_score():
    low, high, unknown = (unit("a", "б", "丙", score=s, index=i) for i, s in enumerate((0.2, 0.9, None)))
    assert [[f.code for f in flags] for flags in only("low-score", low, high, unknown)] == [["low-score"], [], []]
    assert only("low-score", low, min_score=0.1) == [[]]


# ---------------------------------------------------------------------------------------- duplicate
def test_exact_duplicate_flags_the_second_only():
    first = unit("Other matters", "Прочие вопросы", "其他事项", index=0)
    again = unit("Other  matters", "Прочие вопросы", "其他事项", index=5)
    flags = only("duplicate", first, again)
    assert flags[0] == [] and [f.reason for f in flags[1]] == ["exact duplicate of doc #1"]


def test_same_source_with_different_targets_is_flagged():
    one = unit("Other matters", "Прочие вопросы", "其他事项", index=0)
    two = unit("Other matters", "Разное", "其他事项", index=1)
    flags = only("duplicate", one, two)
    assert all(any("2 different translations" in f.reason for f in fl) for fl in flags)


def test_distinct_groups_are_no_duplicates():
    assert only("duplicate", CLEAN, unit("Summary", "Резюме", "摘要", index=1)) == [[], []]


# ---------------------------------------------------------------------------------------- unaligned
def test_group_without_a_language_is_flagged():
    lonely = unit("An added sentence.", "", "增加的一句话。", score=None)
    (flags,) = only("unaligned", lonely)
    assert [(f.code, f.langs) for f in flags] == [("unaligned", ("ru",))]
    assert only("unaligned", CLEAN) == [[]]


# ------------------------------------------------------------------------------------------ config
def test_unknown_rule_lists_the_known_ones():
    with pytest.raises(InputError, match=r"unknown check rule 'spelling' \(known: unaligned, number"):
        select(CheckConfig(rules=("spelling",)))


def test_signature_records_settings():
    assert "min-score:0.3" in CheckConfig(min_score=0.3).signature()


# ----------------------------------------------------------------------- inside groups (order, extra)
def fake_embed(table: dict[str, list[float]]):
    import numpy as np

    def embed(texts):
        rows = np.array([table[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return embed


E1, E2, E3 = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]
VECTORS = {"A1": E1, "A2": E2, "A3": E3, "B1": E1, "B2": E2, "B3": E3, "B12": [1.0, 1.0, 0.0],
           "B23": [0.0, 1.0, 1.0], "X": E3}


def grouped(en: list[str], zh: list[str]) -> Unit:
    return Unit("doc", 0, ("en", "zh"), (" ".join(en), "".join(zh)), 0.8, f"{len(en)}-{len(zh)}",
                parts=(tuple(en), tuple(zh)))


def inside(*units: Unit) -> list[list[str]]:
    config = CheckConfig(rules=("order",), embed=fake_embed(VECTORS))
    return [[f.code for f in flags] for flags in run_rules(list(units), config)]


def test_swapped_sentences_inside_a_group():
    assert inside(grouped(["A1", "A2"], ["B2", "B1"]), grouped(["A1", "A2"], ["B1", "B2"])) == [["order"], []]


def test_swapped_sentences_inside_a_group_of_unequal_sizes():
    # three English sentences against two Chinese ones: the translator merged two of them, which keeps
    # the order; a swap puts the match of the last English sentence first
    swapped = grouped(["A1", "A2", "A3"], ["B3", "B12"])
    merged = grouped(["A1", "A2", "A3"], ["B12", "B3"])
    merged_late = grouped(["A1", "A2", "A3"], ["B1", "B23"])
    assert inside(swapped, merged, merged_late) == [["order"], [], []]
    # the same seen from the side with more sentences
    assert inside(grouped(["B3", "B12"], ["A1", "A2", "A3"])) == [["order"]]


def test_sentence_without_counterpart_inside_a_group():
    assert inside(grouped(["A1", "X"], ["B1"]), grouped(["A1", "A2"], ["B12"])) == [["extra"], []]


def test_inside_rule_needs_sentences_and_can_be_off():
    whole = Unit("doc", 0, ("en", "zh"), ("A1 A2", "B2B1"), 0.8, "2-2")  # a TU: no single sentences
    assert inside(whole) == [[]]
    off = CheckConfig(rules=("order",), embeddings=False, embed=fake_embed(VECTORS))
    assert run_rules([grouped(["A1", "A2"], ["B2", "B1"])], off) == [()]


def test_english_passage_glued_to_a_chinese_sentence_is_flagged():
    glued = unit("The Commission shall consider applications. The Council agreed.",
                 "Комиссия рассмотрит заявки. Совет согласился.",
                 "The Commission shall consider the applications for extension of contracts promptly.理事会表示同意。")
    (flags,) = only("untranslated", glued)
    assert [f.langs for f in flags] == [("zh",)] and "passage in Latin script" in flags[0].reason
    title = unit("Source: World Population Prospects", "Источник: World Population Prospects: The 2012 Revision",
                 "资料来源：《世界人口前景》")
    assert only("untranslated", title) == [[]]


def test_english_heading_glued_to_a_chinese_sentence_is_flagged():
    glued = Unit("doc", 0, LANGS, ("2. Adoption of the agenda. The secretariat will report.",
                                   "2. Утверждение повестки дня. Секретариат представит доклад.",
                                   "2. Adoption of the agenda.秘书处将提交报告。"), 0.8, "2-2-1",
                 parts=(("2. Adoption of the agenda.", "The secretariat will report."),
                        ("2. Утверждение повестки дня.", "Секретариат представит доклад."),
                        ("2. Adoption of the agenda.秘书处将提交报告。",)))
    (flags,) = only("untranslated", glued)
    assert [f.langs for f in flags] == [("zh",)] and "holds the en sentence" in flags[0].reason
    name = unit("Human Rights Watch reported it.", "Об этом сообщила Human Rights Watch.", "人权观察报告了此事。")
    assert only("untranslated", name) == [[]]
