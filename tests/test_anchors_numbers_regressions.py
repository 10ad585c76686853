"""Regressions in alignmem.anchors' numbers found when the QA checker's number rule moved onto them; each
test is named after the bug."""

from __future__ import annotations

from alignmem.anchors import compare_numbers, extract_numbers


def readings(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(m.text, format(m.value, "f"), m.kind) for m in extract_numbers(text, lang)]


def test_russian_point_decimal_after_space_groups_was_read_as_two_numbers():
    # "33 776 130.00" was 33776130 and a separate 0 ("00"), which no other language has
    assert readings("на общую сумму 33 776 130.00 хорватских кун", "ru") == [
        ("33 776 130.00", "33776130", "number")
    ]
    assert readings("составила 1 731.5 млн. долл. США", "ru") == [("1 731.5 млн.", "1731500000", "number")]
    assert not compare_numbers("33 776 130.00 хорватских кун", "ru", "HRK 33,776,130.00", "en").differs


def test_digits_before_a_cyrillic_capital_were_a_number():
    # "4С" typed with a Cyrillic С is the same code as "4C": neither is the number 4
    assert readings("Проект статьи 4С (Встречное требование)", "ru") == []
    assert readings("Draft article 4C (Counterclaim)", "en") == []
    # a number before a capitalised word after a space is still a number
    assert readings("статьи 4 Конвенции", "ru") == [("4", "4", "number")]
