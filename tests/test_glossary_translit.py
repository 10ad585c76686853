"""Chinese names in Russian as Russian texts write them: the Palladius system, and usage where it differs,
checked on 100 well-known names and places (tests/fixtures/glossary/zh_names.tsv, compiled by hand from
public reference works); and the glossary's dictionary form of an inflected Chinese place name."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmem.glossary.forms import case_forms, guessed_name_form
from alignmem.glossary.translit import RU_USAGE, palladius_syllable, russian_name

NAMES = Path(__file__).parent / "fixtures" / "glossary" / "zh_names.tsv"


def rows() -> list[list[str]]:
    lines = NAMES.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_the_list_has_100_names_of_both_kinds():
    names = rows()
    assert len(names) == 100 and len({r[0] for r in names}) == 100
    assert {r[1] for r in names} == {"place", "person"} and {r[4] for r in names} == {"palladius", "usage"}


@pytest.mark.parametrize("zh,kind,ru,en,usage", rows(), ids=lambda v: v if isinstance(v, str) else "")
def test_russian_name_follows_usage(zh, kind, ru, en, usage):
    assert russian_name(zh, person=kind == "person") == ru
    # the system itself writes the 'palladius' names: none of them comes from the usage table
    assert (zh in RU_USAGE) == (usage == "usage")


@pytest.mark.parametrize("pinyin,cyrillic", [
    ("shen", "шэнь"), ("zhen", "чжэнь"), ("zi", "цзы"), ("si", "сы"), ("zhi", "чжи"), ("hui", "хуэй"),
    ("gui", "гуй"), ("ju", "цзюй"), ("xue", "сюэ"), ("quan", "цюань"), ("lv", "люй"), ("lve", "люэ"),
    ("wo", "во"), ("guo", "го"), ("yi", "и"), ("you", "ю"), ("er", "эр"), ("xiong", "сюн"), ("rong", "жун"),
])
def test_palladius_syllables(pinyin, cyrillic):
    assert palladius_syllable(pinyin) == cyrillic


def test_person_names_keep_the_surname_apart():
    assert russian_name("习近平", person=True) == "Си Цзиньпин"
    assert russian_name("欧阳修", person=True) == "Оуян Сю"  # a two-character surname
    assert russian_name("习近平") == "Сицзиньпин"  # read as a place: one word


def test_non_chinese_text_is_returned_as_it_is():
    assert russian_name("SCO") == "SCO" and russian_name("") == ""


def test_inflected_place_name_gets_its_usual_dictionary_form():
    # regression: «в Шэньчжэне» gave Шэньчжэн (the ending cut off); usage is Шэньчжэнь
    assert guessed_name_form("Шэньчжэне", "Shenzhen", russian_name("深圳")) == "Шэньчжэнь"
    assert guessed_name_form("Пекине", "Beijing", russian_name("北京")) == "Пекин"
    # a name the Chinese term does not give is still guessed from the pivot
    assert guessed_name_form("Дарфура", "Darfur", None) == "Дарфур"
    assert guessed_name_form("Харбине", "Harbin", "Шэньчжэнь") != "Шэньчжэнь"


def test_case_forms_by_last_letter():
    assert {"шэньчжэне", "шэньчжэнем", "шэньчжэня"} <= case_forms("шэньчжэнь")
    assert {"харбина", "харбином", "харбине"} <= case_forms("харбин")
    assert case_forms("макао") == {"макао"}
