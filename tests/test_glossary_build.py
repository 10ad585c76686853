"""Glossary extraction from aligned groups: equivalents, acronym <-> full form, examples, seed merge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignmem.glossary import Glossary, build_glossary
from alignmem.model import TU

FIXTURE = Path(__file__).parent / "fixtures" / "glossary" / "groups.jsonl"


def fixture_tus() -> list[TU]:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [TU(f"fx:{i}", tuple((lang, row[lang]) for lang in ("en", "ru", "zh"))) for i, row in enumerate(rows)]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return build_glossary(fixture_tus(), ["en", "ru", "zh"])


def entry_with(glossary: Glossary, lang: str, text: str):
    for e in glossary.entries:
        if any(t.lang == lang and t.text == text for t in e.terms):
            return e
    raise AssertionError(f"no entry with {lang} {text!r}: {[[t.text for t in e.terms] for e in glossary.entries]}")


def texts(entry, lang: str) -> list[str]:
    return [t.text for t in entry.terms_of(lang)]


def test_acronym_and_full_form_are_one_entry_in_every_language(glossary):
    e = entry_with(glossary, "en", "Shanghai Cooperation Organisation")
    assert {t.text: t.kind for t in e.terms_of("en")} == {"Shanghai Cooperation Organisation": "fullForm",
                                                          "SCO": "acronym"}
    assert set(texts(e, "ru")) == {"Шанхайская организация сотрудничества", "ШОС"}
    assert "上合组织" in texts(e, "zh")


def test_acronym_defined_in_parentheses_joins_its_full_form(glossary):
    e = entry_with(glossary, "en", "EAEU")
    assert texts(e, "en")[0] == "Eurasian Economic Union"
    assert set(texts(e, "ru")) == {"Евразийский экономический союз", "ЕАЭС"}
    assert texts(e, "zh") == ["欧亚经济联盟"]


@pytest.mark.parametrize(
    ("en", "ru", "zh"),
    [
        ("Treaty of Good-Neighbourliness, Friendship and Cooperation",
         "Договор о добрососедстве, дружбе и сотрудничестве", "睦邻友好合作条约"),
        ("BRICS", "БРИКС", "金砖国家"),
        ("Belt and Road Initiative", "инициатива «Один пояс, один путь»", "一带一路倡议"),
        ("Power of Siberia pipeline", "газопровод «Сила Сибири»", "西伯利亚力量管道"),
        ("Charter of the United Nations", "Устав Организации Объединенных Наций", "联合国宪章"),
    ],
)
def test_equivalents(glossary, en, ru, zh):
    e = entry_with(glossary, "en", en)
    assert texts(e, "ru")[0] == ru
    assert texts(e, "zh")[0] == zh
    assert 0 < e.confidence <= 1 and e.frequency >= 2


def test_each_entry_has_an_example_per_language_containing_the_term(glossary):
    e = entry_with(glossary, "en", "BRICS")
    assert [x.lang for x in e.examples] == ["en", "ru", "zh"]
    assert "BRICS" in e.example("en").text and "БРИКС" in e.example("ru").text
    assert e.example("en").tuid.startswith("fx:")


def test_ranked_by_confidence_and_deterministic(glossary):
    confidences = [e.confidence for e in glossary.entries]
    assert confidences == sorted(confidences, reverse=True)
    again = build_glossary(fixture_tus(), ["en", "ru", "zh"])
    assert again == glossary
    assert [e.id for e in glossary.entries] == [f"c{i}" for i in range(1, len(glossary.entries) + 1)]


def test_seed_glossary_wins(tmp_path):
    seed = tmp_path / "seed.csv"
    seed.write_text("en,ru,zh-CN,note\nBRICS,БРИКС,金砖五国,our house style\n", encoding="utf-8")
    g = build_glossary(fixture_tus(), ["en", "ru", "zh"], seed=str(seed))
    hits = [e for e in g.entries if any(t.text == "BRICS" for t in e.terms)]
    assert len(hits) == 1
    assert hits[0].origin == "seed" and texts(hits[0], "zh") == ["金砖五国"]
    assert hits[0].frequency >= 2 and hits[0].note == "our house style"
    assert g.entries[0] is hits[0]  # seed entries rank first


def test_groups_in_fewer_than_two_languages_give_an_empty_glossary():
    g = build_glossary([TU("a:1", (("en", "Only English here, with the SCO."),))], ["en", "ru", "zh"])
    assert g.entries == () and g.langs == ("en", "ru", "zh")


def test_place_in_an_enumeration_counts_from_its_end():
    from alignmem.glossary.associate import list_rank, same_list_place
    from alignmem.glossary.corpus import index_language

    tus = [TU("l:1", (("en", "We work at the UN, the SCO, BRICS, RIC, G20, APEC and EAS."),
                      ("zh", "我们在联合国、上合组织、金砖国家、中俄印、二十国集团、亚太经合组织、东亚峰会等平台合作。")))]
    en, zh = index_language(tus, "en"), index_language(tus, "zh")
    assert list_rank(en, "BRICS", 0) == 4 and list_rank(zh, "金砖国家", 0) == 4
    assert list_rank(en, "EAS", 0) is None  # last item: nothing follows
    assert same_list_place(en, zh, "BRICS", "金砖国家") == 1.0
    assert same_list_place(en, zh, "BRICS", "中俄印") == 0.0


def test_progress_is_reported_to_the_end_and_does_not_change_the_glossary(glossary):
    calls: list[tuple[int, int, str]] = []
    again = build_glossary(fixture_tus(), ["en", "ru", "zh"], on_progress=lambda d, t, label: calls.append((d, t, label)))
    assert again.entries == glossary.entries
    stages = {label.split(" ")[0] for _, _, label in calls}
    assert stages == {"terms", "equivalents"}
    for stage in stages:
        mine = [(d, t) for d, t, label in calls if label.startswith(stage)]
        assert [d for d, _ in mine] == sorted(d for d, _ in mine)  # never goes back
        assert mine[-1][0] == mine[-1][1] > 0  # ends full


def test_an_acronym_answers_the_name_not_its_head_word():
    """组织 'organisation' is in every group holding SCO (inside 上合组织 and 亚太经合组织), the name only in
    two: the name is the equivalent (regression on the article, where 组织 was chosen)."""
    rows = [
        ("We work at the UN, the SCO and APEC.", "Мы работаем в ООН, ШОС и АТЭС.", "我们在联合国、上合组织和亚太经合组织开展合作。"),
        ("The SCO members met in June.", "Члены ШОС встретились в июне.", "上合组织成员国六月举行会晤。"),
        ("It helped to shape the SCO and BRICS.", "Он помог сформировать ШОС и БРИКС.", "它为上海合作组织、金砖国家作出了贡献。"),
        ("Trade grew in June.", "Торговля выросла в июне.", "六月贸易增长。"),
    ]
    tus = [TU(f"sco:{i}", (("en", en), ("ru", ru), ("zh", zh))) for i, (en, ru, zh) in enumerate(rows)]
    e = entry_with(build_glossary(tus, ["en", "ru", "zh"]), "en", "SCO")
    assert texts(e, "zh")[0] in ("上合组织", "上海合作组织")
