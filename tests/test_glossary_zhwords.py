"""Chinese term boundaries: words learned from the aligned text (a tokenizer of the glossary's own, the
aligner's segmentation unchanged) and the rules that keep a verb, its object or an event out of a term."""

from __future__ import annotations

from alignmem.glossary.candidates import ChineseExtractor
from alignmem.glossary.forms import ru_nominative
from alignmem.glossary.zhwords import free_units, glossary_tokenizer
from alignmem.text.zh import tokenizer, zh_words

# 中俄 ('Chinese-Russian') in varied company; jieba alone cuts it into 中 and 俄.
TEXTS = [
    "中俄原油管道运行良好。",
    "中俄关系处于历史最好时期。",
    "双方举办了中俄科技创新年。",
    "这是中俄合作的成果。",
    "2015年6月30日第5次会议。",
    "2016年7月1日第6次会议。",
    "2017年8月2日第7次会议。",
    "两国元首会晤。两国关系发展。推动两国合作。",
]


def test_units_the_text_uses_whole_are_learned():
    units = free_units(tokenizer().lcut(t) for t in TEXTS)
    assert "中俄" in units
    assert "日第" not in units  # part of dates: next to numbers
    assert "两国" not in units  # a numeral and a noun ('the two countries')


def test_the_glossary_tokenizer_keeps_the_unit_and_the_aligner_does_not_change():
    own = glossary_tokenizer(TEXTS)
    assert own.lcut("中俄原油管道运行良好。")[:3] == ["中俄", "原油", "管道"]
    assert zh_words("中俄原油管道运行良好。")[:2] == ["中", "俄"]  # the shared tokenizer is untouched


def test_a_term_starts_at_the_learned_unit_not_inside_it():
    extractor = ChineseExtractor(glossary_tokenizer(TEXTS))
    found = {c.key for c in extractor.extract("中俄原油管道运行良好。")}
    assert "中俄原油管道" in found and "俄原油管道" not in found


def test_a_verb_and_its_named_object_are_not_a_term():
    found = {c.key for c in ChineseExtractor().extract("苏联军队为解放中国东北作出了决定性贡献。")}
    assert "中国东北" in found
    assert not [k for k in found if k.startswith("解放") and "东北" in k]


def test_a_place_and_an_event_are_not_a_term():
    found = {c.key for c in ChineseExtractor().extract("在俄罗斯北极地区投产的亚马尔液化天然气项目")}
    assert "俄罗斯北极地区" in found and not [k for k in found if k.endswith("投产") and k != "投产"]


def test_a_quoted_name_is_not_glued_to_a_verb():
    found = {c.key for c in ChineseExtractor().extract("“大条约”签署20年来，“一带一路”倡议稳步推进。")}
    assert "一带一路倡议" in found and "大条约签署" not in found


def test_a_quoted_russian_name_goes_to_the_nominative():
    # regression: «Российской газете» was shown as the dictionary form
    assert ru_nominative("«Российской газете»") == "«Российская газета»"
    assert ru_nominative("«Один пояс, один путь»") == "«Один пояс, один путь»"
