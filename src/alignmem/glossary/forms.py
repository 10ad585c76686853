"""The form of a term shown to people: the most frequent surface away from a sentence start; for Russian
the nominative phrase with agreement (rebuilt with pymorphy3 when the text never has it)."""

from __future__ import annotations

from collections import Counter

from alignmem.glossary.corpus import TermStats
from alignmem.glossary.translit import name_similarity
from alignmem.text.ru import ru_parses


def display(st: TermStats, lang: str, proper: bool = False) -> str:
    """``proper``: the concept is a name in the pivot language, so a capital at a sentence start is kept."""
    counter = st.surfaces or st.initial_surfaces
    initial = not st.surfaces
    if lang != "zh" and st.kind != "acronym":
        # 'security' on its own outweighs 'Security' cut out of 'Security Council'
        lower = Counter({s: n for s, n in counter.items() if s == s.lower()})
        if lower and sum(lower.values()) >= 0.25 * sum(counter.values()):
            counter = lower
    if lang == "ru":
        # each surface votes for its nominative: прав/правах/права человека -> права человека
        votes: Counter = Counter()
        for surface, n in counter.items():
            votes[ru_nominative(surface)] += n
        counter = votes
    text = min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if (initial and not proper and st.kind not in ("acronym", "name", "title") and len(text) > 1
            and not text[1:2].isupper() and _common_word(text.split(" ")[0], lang)):
        text = text[0].lower() + text[1:]
    return text


def _keep_case(src: str, word: str) -> str:
    """The capitals of ``src`` on its inflected form ``word`` (Нью-Йорка -> Нью-Йорк, not Нью-йорк)."""
    if src.isupper() and len(src) > 1:
        return word.upper()
    src_parts, parts = src.split("-"), word.split("-")
    if len(src_parts) == len(parts):
        return "-".join(p[:1].upper() + p[1:] if s[:1].isupper() else p for s, p in zip(src_parts, parts, strict=True))
    if src[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def ru_nominative(phrase: str) -> str:
    """'Шанхайской организации сотрудничества' -> 'Шанхайская организация сотрудничества': the head noun
    and the adjectives before it go to the nominative (number kept); the genitive tail stays as it is."""

    if phrase.startswith("«") and phrase.endswith("»") and " " in phrase:
        return f"«{ru_nominative(phrase[1:-1])}»"  # a name in quotes inflects too: «Российской газете»
    words = phrase.split(" ")
    head = None
    for i, w in enumerate(words):
        parses = ru_parses(w.lower()) if w.isalpha() or "-" in w else ()
        if parses and parses[0].tag.POS == "NOUN":
            head = i
            break
        if not parses or parses[0].tag.POS not in ("ADJF", "PRTF"):
            return phrase
    if head is None:
        return phrase
    head_parses = [p for p in ru_parses(words[head].lower()) if p.tag.POS == "NOUN"]
    adj_parses = [[p for p in ru_parses(w.lower()) if p.tag.POS in ("ADJF", "PRTF")] for w in words[:head]]
    # pymorphy3's best reading of the head decides (организации: genitive singular, not nominative plural),
    # unless adjectives before it only agree with another reading
    chosen = None
    for hp in head_parses:
        if all(any(ap.tag.case == hp.tag.case and ap.tag.number == hp.tag.number for ap in aps) for aps in adj_parses):
            chosen = hp
            break
    chosen = chosen or (head_parses[0] if head_parses else None)
    if chosen is None:
        return phrase
    if chosen.tag.case == "nomn":
        return phrase
    number = chosen.tag.number or "sing"
    head_form = chosen.inflect({"nomn", number})
    if head_form is None:
        return phrase
    out = list(words)
    out[head] = _keep_case(words[head], head_form.word)
    gender = chosen.tag.gender
    for i, aps in enumerate(adj_parses):
        for ap in aps:
            grams = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", gender or "masc"}
            form = ap.inflect(grams)
            if form is not None:
                out[i] = _keep_case(words[i], form.word)
                break
    return " ".join(out)


def _common_word(word: str, lang: str) -> bool:
    """A dictionary word that is not a proper name (so its capital comes from the sentence start)."""
    if lang != "ru":
        return True

    parses = ru_parses(word.lower())
    if not parses or not parses[0].is_known:
        return False
    return not any(g in parses[0].tag for g in ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad"))


def guessed_name_form(word: str, pivot: str, expected: str | None = None) -> str:
    """A foreign name pymorphy3 does not know is read as a feminine noun in the nominative ('Дарфура');
    among its readings' normal forms, the one that sounds most like the name in the pivot language
    ('Darfur' -> 'Дарфур') is the dictionary form. ``expected`` is the name as Russian usually writes it
    (from the Chinese term: 深圳 -> Шэньчжэнь): when ``word`` is one of its case forms, it is the answer
    («в Шэньчжэне» -> Шэньчжэнь, which the ending rules would cut to Шэньчжэн)."""

    if word.isupper() and len(word) > 1:
        return word  # АСЕАН, ООН: acronyms do not inflect (pymorphy3 would read АСЕАН as a plural)
    if expected and " " not in expected and word.lower() in case_forms(expected.lower()):
        return _keep_case(word, expected.lower())
    parses = ru_parses(word.lower())
    if not parses or parses[0].is_known:
        return word
    stems = {word[:-1]} if word[-1:] in "аеуыи" else {word[:-2]} if word.endswith(("ом", "ой")) else set()
    options = [word] + sorted(({_keep_case(word, p.normal_form) for p in parses if p.tag.POS == "NOUN"} | stems)
                              - {word})
    best = max(options, key=lambda o: (name_similarity(pivot, o), o == word))
    return best


# Endings of the singular cases of a foreign name by its last letter (Шэньчжэнь: -я -ю -ем -е; Харбин: -а -у
# -ом -е); a name ending in another vowel (Макао, Сочи) does not inflect.
_CASE_ENDINGS = {"ь": ("ь", "я", "ю", "ем", "е", "и"), "й": ("й", "я", "ю", "ем", "е"), "а": ("а", "ы", "е", "у", "ой"),
                 "я": ("я", "и", "е", "ю", "ей")}
_HARD = ("", "а", "у", "ом", "е", "ы")


def case_forms(nominative: str) -> set[str]:
    """The singular case forms of a foreign name in Russian (lowercase)."""
    last = nominative[-1:]
    if last in _CASE_ENDINGS:
        return {nominative[:-1] + e for e in _CASE_ENDINGS[last]}
    if last in "оеиуыэюё":
        return {nominative}
    return {nominative + e for e in _HARD}
