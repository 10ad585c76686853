"""The rules that decide each candidate boundary.

A candidate is a run of sentence-final punctuation (with the quotes and brackets that close it) or a
line break inside a paragraph. :class:`Split` describes it; each rule looks at it and answers
:data:`JOIN`, :data:`SPLIT` or ``None`` (no opinion). :data:`RULES` declares their order: the first
answer wins; with none, a punctuation mark splits and a bare line break joins.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from alignmem.segment.tables import END, MIDDLE, PREFIX, TITLE, YEAR_OR_PLACE, LanguageTable
from alignmem.text.script import HAN

JOIN = "join"
SPLIT = "split"

DASHES = "-‐‑‒–—―"
_ROMAN = re.compile(r"(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_LOWER = re.compile(r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
# "10", "1.2", "10bis", "A", "IV", "IV.G", "(a)", "三": what numbers a paragraph or heading ("10. The
# Committee", "IV.G. Evaluation", "三. 结论").
_ENUMERATOR = re.compile(
    r"\(?(?:\d{1,3}(?:bis|ter)?|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Za-zА-ЯЁа-яё])"
    r"(?:\.(?:\d{1,3}|[IVXLC]{1,7}|[A-Za-z]))*\)?$|[一二三四五六七八九十百]{1,4}$"
)
# Dotted capitals: initials and acronyms ("J", "В.В", "U.S").
_CAPITALS = re.compile(r"(?:[^\W\d_]\.){0,3}[^\W\d_]$")
# Markers that begin a list item on a new line: "(a)", "b)", "1.", "1)", "iv)", "•", "-", "*".
_LIST_MARKER = re.compile(
    r"(?:\((?:[a-zа-яё]|\d{1,3}|[ivxlc]{1,6})\)|(?:[a-zа-яё]|\d{1,3}|[ivxlc]{1,6})\)|\d{1,3}\.(?=\s)"
    r"|[•·▪►●○◦■□✓*]|[-–—](?=\s))"
)
# The same markers standing alone after a full stop: "... the Committee. (b) to ensure"; a bare "31)"
# is more likely the end of "(p. 31)".
_INLINE_MARKER = re.compile(r"\((?:[a-zа-яё]{1,2}|\d{1,3}|[ivxlc]{1,6})\)|(?:[a-zа-яё]|[ivx]{1,4})\)")
_NUMBER = re.compile(r"\d[\d.,\-–/]*$")
# How far the rules look around a candidate: enough for any word, and it keeps a long paragraph
# without spaces (Chinese) linear.
REACH = 64


class Split:
    """A candidate boundary in ``text``: the left sentence would be ``text[sentence_start:end]`` and
    the next one would start at ``next_start``. ``punct`` is the final punctuation (empty for a bare
    line break); ``punct_start`` is where it begins."""

    __slots__ = (
        "end", "left_token", "longest_line", "next_start", "punct", "punct_start", "right_token",
        "right_word", "sentence_start", "table", "text",
    )

    def __init__(
        self, text: str, table: LanguageTable, sentence_start: int, punct_start: int, punct: str,
        end: int, next_start: int, longest_line: int = 0,
    ) -> None:
        self.text = text
        self.longest_line = longest_line  # display width of the paragraph's longest line
        self.table = table
        self.sentence_start = sentence_start
        self.punct_start = punct_start
        self.punct = punct
        self.end = end
        self.next_start = next_start
        self.left_token = _left_token(text, sentence_start, punct_start, table)
        self.right_token = _right_token(text, next_start, min(len(text), next_start + REACH))
        self.right_word = _first_word(self.right_token, table)

    @property
    def line_break(self) -> bool:
        return not self.punct

    @property
    def ellipsis(self) -> bool:
        """"…", "...", ". . ." (not "?!" or a full stop)."""
        return "…" in self.punct or self.punct.replace(" ", "").replace("\u00a0", "").startswith("..")

    @property
    def quoted(self) -> bool:
        """The punctuation is closed by a quotation mark: '"Why?"', "“同意。”", "«Да!»"."""
        closers = self.text[self.punct_start + len(self.punct):self.end]
        return any(ch in "\"'”’»“」』>" for ch in closers)

    @property
    def gap(self) -> str:
        return self.text[self.end:self.next_start]

    @property
    def left(self) -> str:
        """The would-be sentence up to its final punctuation."""
        return self.text[self.sentence_start:self.punct_start]

    def word_before(self, token_start: int) -> str:
        """The whitespace-delimited word that ends before ``token_start`` (within the sentence)."""
        head = self.text[max(self.sentence_start, token_start - REACH):token_start].rstrip()
        return head[len(head) - len(head.split()[-1]):] if head.split() else ""


def _left_token(text: str, sentence_start: int, punct_start: int, table: LanguageTable) -> str:
    """The word before the punctuation, without opening quotes/brackets ("(e.g" -> "e.g"). In Chinese
    only its trailing Latin/Cyrillic part counts ("参见Mr" -> "Mr")."""
    head = text[max(sentence_start, punct_start - REACH):punct_start]
    i = len(head)
    while i > 0 and not head[i - 1].isspace():
        i -= 1
    token = head[i:]
    if table.unspaced:
        j = len(token)
        while j > 0 and not HAN.match(token[j - 1]) and token[j - 1] not in table.closers + table.openers:
            j -= 1
        token = token[j:]
    return token.lstrip(table.openers + DASHES)


def _right_token(text: str, start: int, limit: int) -> str:
    end = start
    while end < limit and not text[end].isspace():
        end += 1
    return text[start:end]


def _first_word(token: str, table: LanguageTable) -> str:
    """The first run of letters or digits of ``token`` after opening quotes and brackets."""
    i = 0
    while i < len(token) and (token[i] in table.openers or token[i] == "<"):
        i += 1
    j = i
    while j < len(token) and token[j].isalnum() and not HAN.match(token[j]):
        j += 1
    return token[i:j]


def _starts_sentence(split: Split) -> bool:
    """Whether the next word is one that begins sentences ("The", "В"), not a name or an initial."""
    word = split.right_word
    if not word or not word[0].isupper():
        return False
    after = split.right_token[split.right_token.find(word) + len(word):][:1]
    return after != "." and word.lower() in split.table.starters


def _is_capitals(token: str) -> bool:
    """An initial or dotted capitals: "J", "В.В", "U.S", "H.E"."""
    return bool(_CAPITALS.match(token)) and token.replace(".", "").isupper()


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


# --- rules -----------------------------------------------------------------------------------------


def nothing_left(split: Split) -> str | None:
    """Punctuation with no word before it ("... And then") cannot end a sentence."""
    if not any(ch.isalnum() for ch in split.text[split.sentence_start:split.end]):
        return JOIN
    return None


def list_item_right(split: Split) -> str | None:
    """A line that starts with a list marker begins a segment: "...as follows\\n(a) the first"."""
    if "\n" in split.gap and _LIST_MARKER.match(split.text, split.next_start):
        return SPLIT
    if split.line_break and _LIST_MARKER.match(split.text, split.next_start):
        return SPLIT
    return None


def list_intro_left(split: Split) -> str | None:
    """A line ending in a colon or semicolon before a new line opens a list: "decided:\\nThe ..."."""
    if not split.line_break:
        return None
    last = split.text[split.end - 1]
    if last in ":;：；" and not split.right_word[:1].islower():
        return SPLIT
    return None


def heading_line_left(split: Split) -> str | None:
    """A short line without final punctuation, followed by a line that starts like a sentence, is a
    heading or a list item of its own: "Sixty-ninth session\\nAgenda item 5"."""
    if not split.line_break:
        return None
    text = split.text
    line_start = text.rfind("\n", 0, split.end) + 1
    line = text[line_start:split.end].strip()
    if not line or line[-1] in ",-–—(/&" or line[0].islower():
        return None
    first = split.right_word[:1] or text[split.next_start]
    if first.islower():
        return None
    longest = split.longest_line or longest_line(text)
    # Prose wrapped by hand fills its lines; a line much shorter than the longest, or a block where no
    # line is long ("Sixty-ninth session\nAgenda item 5"), is made of separate items.
    if _width(line) <= 0.6 * longest or longest <= SHORT_LINE:
        return SPLIT
    return None


SHORT_LINE = 40  # display columns


def longest_line(text: str) -> int:
    """Display width of the longest line of ``text``."""
    return max(_width(line.strip()) for line in text.split("\n"))


def _width(text: str) -> int:
    """Display width: Chinese characters take two columns."""
    return len(text) + len(HAN.findall(text))


def list_marker_right(split: Split) -> str | None:
    """After a full stop, "(b)" or "b)" starts the next item even though it is lower case."""
    if split.line_break:
        return None
    if _INLINE_MARKER.fullmatch(split.right_token):
        return SPLIT
    return None


def lowercase_right(split: Split) -> str | None:
    """A lower-case word continues the sentence after "!", "?", "…" or a closing quote ("«Стоп!» и",
    "... and then"), and after a full stop when the word before it can be an abbreviation or a number
    ("approx. three", "и т.д. далее", "см. приложение", "11. просит").

    After an ordinary word it does not: UN Russian starts resolution clauses and announcements in lower
    case ("... 2014 года. принимая к сведению ..."), and elsewhere a lower-case start after a full word
    is a typing slip that still begins a sentence."""
    if not split.right_word[:1].islower() or set(split.punct) & set("。！？"):
        return None  # "。a 包括……": a footnote after a Chinese full stop
    if not split.punct.startswith(".") or split.ellipsis or split.end > split.punct_start + 1:
        return JOIN
    token = split.left_token
    if _abbreviation(split)[0] is not None or _looks_abbreviated(token):
        return JOIN
    return None


def _looks_abbreviated(token: str) -> bool:
    """Digits ("11"), one or two letters ("м", "см", "Fig"), dotted forms ("U.S", "ж.д")."""
    if not token or token[-1] in ")]}>\"'»”’":
        return False
    letters = token.replace(".", "").replace("-", "")
    return letters.isdigit() or (letters.isalpha() and (len(letters) <= 2 or "." in token))


def punctuation_right(split: Split) -> str | None:
    """A comma, colon, semicolon or closing bracket continues the sentence: "etc., and", "(Inc.)"."""
    if split.right_token[:1] in ",;:)]}，；：、）" or split.right_token[:1] in split.table.closers and not (
        split.right_token[:1] in split.table.openers
    ):
        return JOIN
    return None


def dash_right(split: Split) -> str | None:
    """Reported speech: "«Мы готовы!» — заявил министр" continues after the dash."""
    token = split.right_token
    if token in ("—", "–", "--"):  # a hyphen "- создание" starts a list item instead
        rest = split.text[split.next_start + len(token):].lstrip()
        if rest[:1].islower():
            return JOIN
    return None


def reporting_clause_right(split: Split) -> str | None:
    """A quotation followed by a short clause that reports it is one sentence: '"Why?" Wang asked.',
    "“能打印出来吗？”汪淼问。"."""
    if split.line_break or not split.quoted or not split.table.speech_verbs:
        return None
    rest = split.text[split.next_start:split.next_start + 40]
    cut = re.search(r"[.!?。！？,，:：;；“”\"«»\n]", rest)
    if cut is None:
        return None
    if cut.group() in ":：“\"«\n":
        return None  # '韦小宝道：“……”' introduces the next quotation
    clause = rest[:cut.start()].strip()
    if split.table.unspaced and HAN.search(clause):
        if len(clause) <= 6 and any(clause.endswith(verb) for verb in split.table.speech_verbs):
            return JOIN
        return None
    words = clause.split()
    if 1 < len(words) <= 4 and words[-1].lower() in split.table.speech_verbs:
        return JOIN
    if len(words) > 1 and len(words) <= 4 and words[1].lower() in split.table.speech_verbs:
        return JOIN  # '"Why?" asked Wang.'
    return None


def unspaced_inside(split: Split) -> str | None:
    """Where sentences run on without spaces (Chinese), only "。！？" end one before the next word:
    "……" is a pause ("我们……认为"), "." a decimal or a Latin abbreviation ("1.8", "U.S.A"), "!?"
    before a Latin letter part of a name ("Yahoo!Japan"). Even between two Chinese characters a bare
    "." does not end a sentence in UN texts ("免后世再遭.战祸", "第五节．资源使用情况"): splitting there
    cost three false boundaries and gained none on the UN devset."""
    if not split.table.unspaced or split.gap or split.line_break:
        return None
    if set(split.punct) & set("。！？"):
        return None
    if set(split.punct) <= set(".．"):
        return JOIN  # "（U.S.）代表", "Ph.D.学位", "1.8亿", "第五节．资源"
    if split.end > split.punct_start + len(split.punct):
        return None  # closed by a quote or bracket: "……”" ends the quotation
    nxt = split.text[split.end]
    if nxt.isascii() and nxt.isalnum():
        return JOIN
    return None


def parenthesis_inside(split: Split) -> str | None:
    """In Chinese a bracket opened inside a sentence keeps it going after its own full stop:
    "该报告（见第三节。）已分发。" is one sentence; "（本报告已于5月印发。）" standing alone is one too."""
    if not split.table.unspaced or split.gap:
        return None
    closers = split.text[split.punct_start + len(split.punct):split.end]
    if not closers or closers[-1] not in "）)":
        return None
    opener = split.text.rfind("（" if closers[-1] == "）" else "(", split.sentence_start, split.punct_start)
    if opener > split.sentence_start and split.text[split.sentence_start:opener].strip("“\"「『《"):
        return JOIN
    return None


def chinese_ellipsis(split: Split) -> str | None:
    """In Chinese "……" is a pause inside the sentence, spaced or not ("我…… 我头痛得很"); a sentence
    that ends on it is closed by a quotation mark ("……”") or by "。"."""
    if split.table.unspaced and split.ellipsis and not split.quoted and not set(split.punct) & set("。！？"):
        return JOIN
    return None


def enumerator_left(split: Split) -> str | None:
    """A number that opens a sentence numbers it: "10. The Committee", "II. Background",
    "Part II. Introduction", "10. 委员会"."""
    if not split.punct.startswith(".") and not split.punct.startswith("．"):
        return None
    if split.punct_start - split.sentence_start > REACH:
        return None
    words = split.left.split()
    if not words or len(words) > 2:
        return None
    number = words[-1].lstrip("(")
    if not (_ENUMERATOR.match(words[-1]) or _ROMAN.match(number) or _ROMAN_LOWER.match(number)):
        return None
    if len(words) == 2 and words[0].lower() not in split.table.enumerator_words:
        return None
    return JOIN


def abbreviation_left(split: Split) -> str | None:
    """The word before a period is a known abbreviation; its kind says what follows."""
    if not split.punct.startswith("."):
        return None
    kind, key = _abbreviation(split)
    if kind is None:
        return None
    if kind == YEAR_OR_PLACE:
        token_start = split.punct_start - len(split.left_token)
        kind = END if _NUMBER.search(split.word_before(token_start)) else TITLE
    if kind in (TITLE, MIDDLE):
        return JOIN
    word = split.right_word
    if kind == PREFIX:
        if word[:1].isdigit() or _ROMAN.match(word) or split.right_token[:1] == "(":
            return JOIN
        return None
    # END: a capitalised word starts the next sentence, unless it is a known continuation ("долл. США");
    # so does a paragraph number ("и т.п. 11. Группа").
    if word.lower() in split.table.continuations.get(key, ()) or split.right_token[:1] in "([":
        return JOIN  # "5 млн. долл. США", "at 3 p.m. (New York time)"
    if _capitalised(word) or _numbered_paragraph_right(split):
        return SPLIT
    return JOIN


def _numbered_paragraph_right(split: Split) -> bool:
    """The next token numbers a paragraph: "11. Группа", "61. Complaint", "IV. 结论"."""
    token = split.right_token
    if not token.endswith(".") or not _ENUMERATOR.match(token[:-1]):
        return False
    rest = split.text[split.next_start + len(token):].lstrip()
    return bool(rest) and (rest[0].isupper() or bool(HAN.match(rest[0])))


def _abbreviation(split: Split) -> tuple[str | None, str]:
    """The kind of the abbreviation before the period, trying "т. д." as "т.д" first."""
    if not split.left_token or _is_capitals(split.left_token):
        return None, ""  # "В. Путин", "annex V.", "H.E.": initials_left decides capitals
    token = split.left_token.lower()
    abbreviations = split.table.abbreviations
    if len(token) <= 3 and token.replace(".", "").isalpha():
        token_start = split.punct_start - len(split.left_token)
        before = split.word_before(token_start).lower()
        if before.endswith(".") and 1 <= len(before) <= 4 and before[:-1].replace(".", "").isalpha():
            for key in (f"{before}{token}", f"{before[:-1]} {token}"):
                if key in abbreviations:
                    return abbreviations[key], key
        elif before and f"{before} {token}" in abbreviations:  # "et al."
            key = f"{before} {token}"
            return abbreviations[key], key
    return abbreviations.get(token), token


def initials_left(split: Split) -> str | None:
    """A single capital, or dotted capitals, before a period: an initial or an acronym ("J. R. Smith",
    "С.В. Лавров", "the U.S. Government"), unless a sentence-starting word follows ("annex I. The")."""
    if split.punct != ".":
        return None
    token = split.left_token
    if not _is_capitals(token):
        return None
    if _starts_sentence(split) or _numbered_label(split, split.punct_start - len(token)):
        return SPLIT
    if _capitalised(split.right_word) or split.right_word[:1].isdigit():
        return JOIN
    return None


def _numbered_label(split: Split, token_start: int) -> bool:
    """The capital numbers a part of a text ("annex I", "section A", "приложении I", "разделе А")."""
    word = split.word_before(token_start).lower().strip("(\"«")
    if len(word) < 4:
        return False
    # the same word inflected: "приложение" / "приложении", "глава" / "главе", "annex" / "annexes"
    return any(word.startswith(w[: max(4, len(w) - 2)]) for w in split.table.enumerator_words)


Rule = Callable[[Split], "str | None"]

# The order matters: the first rule with an answer decides.
RULES: tuple[Rule, ...] = (
    nothing_left,
    unspaced_inside,
    parenthesis_inside,
    chinese_ellipsis,
    list_item_right,
    list_intro_left,
    heading_line_left,
    enumerator_left,
    abbreviation_left,
    list_marker_right,
    lowercase_right,
    punctuation_right,
    dash_right,
    reporting_clause_right,
    initials_left,
)


def decide(split: Split) -> str:
    """Run :data:`RULES` on one candidate; the default is SPLIT at punctuation, JOIN at a line break."""
    for rule in RULES:
        answer = rule(split)
        if answer is not None:
            return answer
    return JOIN if split.line_break else SPLIT
