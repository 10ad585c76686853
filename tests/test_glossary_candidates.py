"""Candidate terms per language: English names and acronyms, Russian noun phrases by lemma, Chinese
titles and names of bodies."""

from __future__ import annotations

import pytest

from alignmem.errors import LanguageError
from alignmem.glossary.acronyms import is_acronym_of, is_chinese_short_form
from alignmem.glossary.candidates import get_extractor
from alignmem.glossary.forms import ru_nominative


def texts(lang: str, text: str, kind: str | None = None) -> set[str]:
    return {c.text for c in get_extractor(lang).extract(text) if kind is None or c.kind == kind}


def keys(lang: str, text: str) -> set[str]:
    return {c.key for c in get_extractor(lang).extract(text)}


def test_english_name_with_inner_list_and_connectors():
    found = texts("en", "They signed the Treaty of Good-Neighbourliness, Friendship and Cooperation in 2001.", "name")
    assert "Treaty of Good-Neighbourliness, Friendship and Cooperation" in found
    assert "Friendship and Cooperation" in found  # sub-runs are candidates too; association chooses


def test_english_name_does_not_run_over_lowercase_words():
    found = texts("en", "We support the Belt and Road Initiative of China.", "name")
    assert "Belt and Road Initiative" in found
    assert not any("support" in t for t in found)


def test_english_acronyms_and_plural_acronym_key():
    cands = get_extractor("en").extract("The SCO, BRICS, EAEU and many NGOs buy LNG.")
    acr = {c.key for c in cands if c.kind == "acronym"}
    assert acr == {"SCO", "BRICS", "EAEU", "NGO", "LNG"}


def test_english_lowercase_phrases_skip_function_words_at_edges():
    found = texts("en", "the rule of law and human rights of the people")
    assert {"rule of law", "human rights"} <= found
    assert not any(t.startswith(("the ", "of ")) or t.endswith((" the", " of", " and")) for t in found)


def test_english_name_followed_by_what_it_names():
    assert "Power of Siberia pipeline" in texts("en", "Gas flows through the Power of Siberia pipeline.", "name")


def test_russian_inflected_forms_share_one_key():
    a = keys("ru", "Саммит Шанхайской организации сотрудничества прошел в Душанбе.")
    b = keys("ru", "Шанхайская организация сотрудничества основана в 2001 году.")
    assert "шанхайский организация сотрудничество" in a & b


def test_russian_acronym_and_treaty_name():
    cands = get_extractor("ru").extract("Мы ценим Договор о добрососедстве, дружбе и сотрудничестве и ШОС.")
    assert "Договор о добрососедстве, дружбе и сотрудничестве" in {c.text for c in cands}
    assert "ШОС" in {c.key for c in cands if c.kind == "acronym"}


def test_russian_quoted_name_with_its_noun():
    assert "газопровод «сила сибири»" in keys("ru", "Газ идет по газопроводу «Сила Сибири».")


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        ("Шанхайской организации сотрудничества", "Шанхайская организация сотрудничества"),
        ("Генеральной Ассамблеи", "Генеральная Ассамблея"),
        ("государствами-членами", "государства-члены"),
        ("Организации Объединенных Наций", "Организация Объединенных Наций"),
        ("газопроводу «Сила Сибири»", "газопровод «Сила Сибири»"),
        ("Генеральная Ассамблея", "Генеральная Ассамблея"),
    ],
)
def test_russian_canonical_form_is_the_nominative(phrase, nominative):
    assert ru_nominative(phrase) == nominative


def test_chinese_titles_and_names_of_bodies():
    found = keys("zh", "双方重申《联合国宪章》的宗旨，支持上海合作组织和一带一路倡议。")
    assert {"联合国宪章", "上海合作组织", "一带一路倡议"} <= found
    assert not any(k.startswith("的") or k.endswith("的") for k in found)


def test_chinese_name_may_hold_a_conjunction():
    assert "联合国贸易和发展会议" in keys("zh", "他出席了联合国贸易和发展会议。")


def test_a_verb_ending_like_a_name_head_ends_no_name():
    """签署 'sign' ends in 署 (as 开发署 does): the clause before it is no name (regression on the article)."""
    found = keys("zh", "二十年前，普京总统和江泽民主席签署了条约。")
    assert not [k for k in found if k.endswith("签署")]
    assert "普京总统" in found


@pytest.mark.parametrize(
    ("acronym", "full", "loose", "expected"),
    [
        ("SCO", "Shanghai Cooperation Organisation", False, True),
        ("ШОС", "Шанхайская организация сотрудничества", False, True),
        ("ООН", "Организация Объединенных Наций", False, True),
        ("EAEU", "Eurasian Economic Union", False, False),  # two letters from one word: only when defined
        ("EAEU", "Eurasian Economic Union", True, True),
        ("SCO", "Security Council", False, False),
        ("BRICS", "Belt and Road Initiative", False, False),
    ],
)
def test_acronym_letters(acronym, full, loose, expected):
    assert is_acronym_of(acronym, full, loose=loose) is expected


def test_chinese_short_forms():
    assert is_chinese_short_form("上合组织", "上海合作组织")
    assert is_chinese_short_form("安理会", "安全理事会")
    assert not is_chinese_short_form("合作组织", "上海合作组织")  # a plain substring is not a short form


def test_unknown_language_lists_known_ones():
    with pytest.raises(LanguageError, match=r"known: en, ru, zh"):
        get_extractor("de")
