"""The hand-made gold alignment of the shipped article (benchmarks/data/article-gold/).

The gold links are 0-based sentence indices into the *current* segmentation of the corpora, so these
tests segment the three texts (rules only, no sentence encoder) and check that every gold file is
well formed, monotone and covers every sentence of both sides exactly once: a segmenter change that
moves a sentence boundary in the article fails here and the gold must be re-checked by hand.
They also check that the gold's merges, splits, regroupings, omissions and additions are exactly the
ones the translators documented in corpora/README.md, at the documented paragraphs.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from alignmem.model import Document
from alignmem.read import read_document
from alignmem.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "article-gold"
CORPORA = ROOT / "corpora"
STEM = "lavrov-treaty-20th-anniversary-2021"
PAIRS = ("en-ru", "en-zh", "ru-zh")
KINDS = ("2-1", "1-2", "2-2", "1-0", "0-1")
COLUMN = {"ru": 1, "zh": 2}  # column of each translation in the table of corpora/README.md

Bead = tuple[tuple[int, ...], tuple[int, ...]]
LINE = re.compile(r"\[(\d+(?:,\d+)*)?\]:\[(\d+(?:,\d+)*)?\]")


def parse_gold(text: str) -> list[Bead]:
    """Strict reader: every line is one link ``[i,j]:[k]`` without spaces, nothing else."""
    assert text.endswith("\n"), "the file must end with a newline"
    beads = []
    for number, line in enumerate(text[:-1].split("\n"), 1):
        match = LINE.fullmatch(line)
        assert match, f"line {number} is not a link: {line!r}"
        src, tgt = (tuple(int(x) for x in g.split(",")) if g else () for g in match.groups())
        assert src or tgt, f"line {number} links nothing to nothing"
        beads.append((src, tgt))
    return beads


def coverage_problems(beads: list[Bead], n_src: int, n_tgt: int) -> list[str]:
    """Why ``beads`` is not a monotone alignment covering 0..n-1 on both sides exactly once."""
    problems = []
    for side, count in ((0, n_src), (1, n_tgt)):
        ids = [i for bead in beads for i in bead[side]]
        if ids != list(range(count)):
            dupes = sorted(i for i, c in Counter(ids).items() if c > 1)
            missing = sorted(set(range(count)) - set(ids))
            extra = sorted(set(ids) - set(range(count)))
            disorder = [f"{a}>{b}" for a, b in pairwise(ids) if a >= b]
            problems.append(f"side {side}: duplicated {dupes}, missing {missing}, out of range {extra}, "
                            f"not increasing at {disorder[:5]}")
    return problems


@cache
def document(lang: str) -> Document:
    return segment_document(read_document(str(CORPORA / lang / f"{STEM}.txt"), lang=lang))


@cache
def gold(pair: str) -> list[Bead]:
    return parse_gold((GOLD / f"{pair}.align").read_text(encoding="utf-8"))


def kind(bead: Bead) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def paragraph(bead: Bead, pair: str) -> int:
    """The one paragraph (block) a link lies in; blocks are numbered alike in the three texts."""
    langs = pair.split("-")
    paras = {document(langs[side]).sentences[i].para for side in (0, 1) for i in bead[side]}
    assert len(paras) == 1, f"{pair} link {bead} spans blocks {sorted(paras)}"
    return paras.pop()


def documented() -> dict[str, dict[str, list[int]]]:
    """{"ru": {"2-1": [2, 15, ...], ...}, "zh": {...}} read from the table in corpora/README.md."""
    table: dict[str, dict[str, list[int]]] = {"ru": {}, "zh": {}}
    for line in (CORPORA / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0][:3] in KINDS:
            for lang, column in COLUMN.items():
                found = re.match(r"blocks? ((?:\d+(?:, )?)+)", cells[column])
                assert found, f"corpora/README.md: no block numbers in {cells[column]!r}"
                table[lang][cells[0][:3]] = [int(x) for x in found.group(1).split(", ")]
    return table


def readme_cell(lang: str, link_kind: str) -> str:
    for line in (CORPORA / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith(link_kind):
            return cells[COLUMN[lang]]
    raise AssertionError(f"corpora/README.md has no {link_kind} row")


def compose(pair_a: str, pair_b: str) -> list[set[tuple[str, int]]]:
    """Connected components of the sentences of three texts under two gold alignments sharing a pivot."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in (pair_a, pair_b):
        a, b = pair.split("-")
        for src, tgt in gold(pair):
            nodes = [(a, i) for i in src] + [(b, j) for j in tgt]
            for node in nodes:
                find(node)
            for node in nodes[1:]:
                parent[find(node)] = find(nodes[0])
    groups: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for node in list(parent):
        groups.setdefault(find(node), set()).add(node)
    return list(groups.values())


# --------------------------------------------------------------------------------- the tiny checker
def test_checker_accepts_a_monotone_cover() -> None:
    beads = parse_gold("[0,1]:[0]\n[]:[1]\n[2]:[]\n[3]:[2,3]\n")
    assert beads == [((0, 1), (0,)), ((), (1,)), ((2,), ()), ((3,), (2, 3))]
    assert coverage_problems(beads, 4, 4) == []


@pytest.mark.parametrize(
    ("text", "n_src", "n_tgt", "expected"),
    [
        ("[0]:[0]\n[0]:[1]\n", 1, 2, "side 0: duplicated [0]"),
        ("[0]:[0]\n", 2, 1, "missing [1]"),
        ("[1]:[0]\n[0]:[1]\n", 2, 2, "not increasing at ['1>0']"),
        ("[0]:[0]\n[1]:[5]\n", 2, 2, "out of range [5]"),
    ],
)
def test_checker_rejects(text: str, n_src: int, n_tgt: int, expected: str) -> None:
    assert expected in " | ".join(coverage_problems(parse_gold(text), n_src, n_tgt))


@pytest.mark.parametrize("text", ["[0]:[0]\n[1] : [1]\n", "[0]:[0]\n\n[1]:[1]\n", "[0]:[0]", "[]:[]\n"])
def test_parser_rejects_sloppy_lines(text: str) -> None:
    with pytest.raises(AssertionError):
        parse_gold(text)


# --------------------------------------------------------------------------------- the gold files
def test_corpora_segment_into_the_sentence_counts_of_the_gold() -> None:
    counts = {lang: len(document(lang).sentences) for lang in ("en", "ru", "zh")}
    assert counts == {"en": 105, "ru": 105, "zh": 106}, "the gold was made for this segmentation"


@pytest.mark.parametrize("pair", PAIRS)
def test_gold_covers_the_current_segmentation(pair: str) -> None:
    a, b = pair.split("-")
    problems = coverage_problems(gold(pair), len(document(a).sentences), len(document(b).sentences))
    assert problems == [], f"{pair}.align no longer matches the segmentation; re-check it by hand"


@pytest.mark.parametrize("pair", PAIRS)
def test_links_stay_inside_one_block_and_blocks_follow_each_other(pair: str) -> None:
    blocks = [paragraph(bead, pair) for bead in gold(pair)]
    assert blocks == sorted(blocks)
    assert set(blocks) == set(range(29))


@pytest.mark.parametrize("pair", PAIRS)
def test_links_are_at_most_two_to_two(pair: str) -> None:
    assert {kind(bead) for bead in gold(pair)} <= {"1-1", *KINDS}


# --------------------------------------------------------------------------------- documented structure
def test_readme_table_lists_every_kind_for_both_translations() -> None:
    table = documented()
    assert set(table["ru"]) == set(KINDS) and set(table["zh"]) == set(KINDS)


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_every_non_one_to_one_link_is_the_documented_one(lang: str) -> None:
    pair = f"en-{lang}"
    found = sorted((kind(b), paragraph(b, pair)) for b in gold(pair) if kind(b) != "1-1")
    expected = sorted((k, block) for k, blocks in documented()[lang].items() for block in blocks)
    assert found == expected


@pytest.mark.parametrize(("lang", "link_kind", "side"), [
    ("ru", "1-0", 0), ("ru", "0-1", 1), ("zh", "1-0", 0), ("zh", "0-1", 1),
])
def test_omitted_and_added_sentences_are_the_quoted_ones(lang: str, link_kind: str, side: int) -> None:
    pair = f"en-{lang}"
    beads = [b for b in gold(pair) if kind(b) == link_kind]
    assert len(beads) == 1
    sentence = document(pair.split("-")[side]).sentences[beads[0][side][0]]
    assert sentence.text in readme_cell(lang, link_kind)


def test_ru_zh_only_refines_what_the_english_pivot_links() -> None:
    # every ru-zh link must lie inside one group of sentences the en-ru and en-zh gold connect
    component_of = {}
    for number, group in enumerate(compose("en-ru", "en-zh")):
        for node in group:
            component_of[node] = number
    for src, tgt in gold("ru-zh"):
        owners = {component_of[("ru", i)] for i in src} | {component_of[("zh", j)] for j in tgt}
        assert len(owners) == 1, f"ru-zh link {src}:{tgt} joins sentences the English pivot keeps apart"


def test_ru_zh_departs_from_one_to_one_only_where_a_translator_did() -> None:
    changed = {paragraph(b, p) for p in ("en-ru", "en-zh") for b in gold(p) if kind(b) != "1-1"}
    ru_zh = {paragraph(b, "ru-zh") for b in gold("ru-zh") if kind(b) != "1-1"}
    assert ru_zh <= changed
    # both translators split the single EN sentence of block 4 and EN 25 s1 at the same place: 1-1 in ru-zh
    assert not ru_zh & {4, 25}
    # what one translator omitted and the other kept, or added, is a 1-0 / 0-1 link
    one_sided = sorted((kind(b), paragraph(b, "ru-zh")) for b in gold("ru-zh") if not (b[0] and b[1]))
    assert one_sided == [("0-1", 21), ("1-0", 2), ("1-0", 18)]


# --------------------------------------------------------------------------------- the benchmark scorer
def load_benchmark():
    spec = importlib.util.spec_from_file_location("article_benchmark", ROOT / "benchmarks" / "article.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_benchmark_scorer_follows_vecalign_conventions() -> None:
    bench = load_benchmark()
    gold_links = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2,))]
    test_links = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,))]
    figures = bench.score(gold_links, test_links)
    # gold 1-0 not recalled (3 gold links); test 1-0 links count against precision (5 test links)
    assert (figures["n_gold"], figures["n_test"], figures["strict_tp"]) == (3, 5, 2)
    assert figures["strict_p"] == 0.4 and figures["strict_r"] == round(2 / 3, 4)
    # lax: [1]:[1] overlaps gold [1,2]:[1]; omissions overlap nothing
    assert figures["lax_p"] == 0.6 and figures["lax_r"] == 1.0


def test_benchmark_lists_where_links_differ() -> None:
    bench = load_benchmark()
    gold_links = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ())]
    test_links = [((0,), (0,)), ((1, 2), (1, 2)), ((3,), ())]
    diffs = bench.differences(gold_links, test_links)
    assert [(d.gold, d.test) for d in diffs] == [((((1,), (1,)), ((2,), (2,))), (((1, 2), (1, 2)),))]
    assert bench.differences(gold_links, gold_links) == []
