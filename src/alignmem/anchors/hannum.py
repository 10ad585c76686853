"""Chinese numerals to integers: "十二" -> 12, "两千" -> 2000, "三亿五千万" -> 350000000, "二〇一九" -> 2019."""

from __future__ import annotations

from alignmem.anchors.tables import HAN_BIG, HAN_DIGITS, HAN_UNITS


def han_to_int(run: str) -> int | None:
    """The value of a run of Chinese numeral characters, or None when it is not a well-formed number.

    Runs without unit characters are read digit by digit ("二〇一九" -> 2019, "一九四五" -> 1945) when
    they have one or at least three characters; two ("三四", three or four) are an approximation.
    """
    if not run:
        return None
    if not any(ch in HAN_UNITS or ch in HAN_BIG for ch in run):
        if len(run) == 1:
            return HAN_DIGITS[run]
        if len(run) == 2 or any(ch not in HAN_DIGITS for ch in run):
            return None
        return int("".join(str(HAN_DIGITS[ch]) for ch in run))
    return _positional_units(run)


def _positional_units(run: str) -> int | None:
    # "十二" starts with a unit; "万一" (just in case) or "千万" (by all means) start with a big unit
    # and are words, not numbers.
    if run[0] in HAN_BIG:
        return None
    total = 0  # finished part above 亿
    section = 0  # part below the next big unit
    number = -1  # pending digit, -1 = none
    previous = ""
    for ch in run:
        if ch in HAN_DIGITS:
            digit = HAN_DIGITS[ch]
            if number >= 0 and previous != "零" and previous != "〇":
                return None  # two digits in a row: "十三五" is a name (13th five-year plan)
            number = digit
        elif ch in HAN_UNITS:
            if previous in HAN_UNITS and HAN_UNITS[previous] <= HAN_UNITS[ch]:
                return None
            section += (number if number > 0 else 1) * HAN_UNITS[ch]
            number = -1
        else:
            big = HAN_BIG[ch]
            part = section + max(number, 0)
            if big == 10**8:
                total = (total + part) * big
            else:
                total += part * big
            section = 0
            number = -1
        previous = ch
    return total + section + max(number, 0)
