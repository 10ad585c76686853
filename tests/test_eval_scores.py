"""alignmem.align.evaluate and ``alignmem eval``: hand-computed strict/lax scores (vecalign definitions)."""

from __future__ import annotations

import json

import pytest

from alignmem.align.evaluate import count, score_pairs, score_paths
from alignmem.cli import main
from alignmem.errors import FormatError, InputError
from alignmem.io.links import format_link, parse_links

GOLD = "[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2,3]\n"
TEST = "[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2,3]\n"


def test_hand_computed_example():
    # gold omission [3]:[] is not recalled: 3 gold links; the test's two omissions count against precision
    c = count(parse_links(GOLD), parse_links(TEST))
    assert (c.strict_tp, c.lax_p_hits, c.lax_r_hits, c.n_test, c.n_gold) == (2, 3, 3, 5, 3)
    s = score_pairs([(parse_links(GOLD), parse_links(TEST))])
    assert s.strict_p == pytest.approx(0.4)
    assert s.strict_r == pytest.approx(2 / 3)
    assert s.strict_f1 == pytest.approx(0.5)
    assert s.lax_p == pytest.approx(0.6)
    assert s.lax_r == pytest.approx(1.0)
    assert s.lax_f1 == pytest.approx(0.75)


def test_counts_are_pooled_over_documents_not_averaged():
    perfect = parse_links("[0]:[0]\n[1]:[1]\n[2]:[2]\n")
    wrong = parse_links("[0,1]:[0]\n")
    s = score_pairs([(perfect, perfect), (parse_links("[0]:[0]\n[1]:[1]\n"), wrong)])
    # 3 of 4 test links are right; 3 of 5 gold links are found
    assert s.strict_p == pytest.approx(3 / 4)
    assert s.strict_r == pytest.approx(3 / 5)
    # [0]:[0] overlaps the 2-1 link; [1]:[1] shares the source sentence but not the target one
    assert s.lax_r == pytest.approx(4 / 5)


def test_overlap_needs_both_sides():
    c = count(parse_links("[0]:[0]\n[1]:[1]\n"), parse_links("[0]:[1]\n[1]:[0]\n"))
    assert (c.strict_tp, c.lax_p_hits, c.lax_r_hits) == (0, 0, 0)
    c = count(parse_links("[0,1]:[0]\n"), parse_links("[0]:[0]\n[1]:[]\n"))
    assert (c.strict_tp, c.lax_p_hits, c.lax_r_hits, c.n_test) == (0, 1, 1, 2)
    c = count(parse_links("[0]:[0]\n"), parse_links("[0]:[]\n[]:[0]\n"))
    assert (c.strict_tp, c.lax_p_hits, c.lax_r_hits, c.n_test) == (0, 0, 0, 2)


def test_link_format_round_trip():
    text = "[0,1]:[0]\n[2]:[]\n[]:[1]\n[3]:[2,3,4]\n"
    links = parse_links(text)
    assert links == [((0, 1), (0,)), ((2,), ()), ((), (1,)), ((3,), (2, 3, 4))]
    assert "".join(format_link(s, t) + "\n" for s, t in links) == text
    assert parse_links(" [0 , 1] : [ 0 ]\n\n") == [((0, 1), (0,))]


@pytest.mark.parametrize("bad", ["[0]-[1]", "[a]:[1]", "0:1", "[0]:[1]:[2]"])
def test_bad_link_line_is_a_format_error(bad):
    with pytest.raises(FormatError, match="line 2"):
        parse_links("[0]:[0]\n" + bad + "\n", "x.align")


def test_folders_with_missing_file(tmp_path):
    gold, test = tmp_path / "gold", tmp_path / "test"
    gold.mkdir()
    test.mkdir()
    (gold / "a.align").write_text(GOLD)
    (gold / "b.align").write_text("[0]:[0]\n")
    (test / "a.align").write_text(TEST)
    s = score_paths(gold, test)
    assert s.missing == ("b.align",)
    assert (s.counts.n_gold, s.counts.n_test, s.counts.strict_tp) == (4, 5, 2)


def test_file_against_folder_is_an_error(tmp_path):
    (tmp_path / "g.align").write_text(GOLD)
    (tmp_path / "t").mkdir()
    with pytest.raises(InputError, match="two files or two folders"):
        score_paths(tmp_path / "g.align", tmp_path / "t")


def test_cli_json_and_table(tmp_path, capsys):
    (tmp_path / "g.align").write_text(GOLD)
    (tmp_path / "t.align").write_text(TEST)
    assert main(["eval", str(tmp_path / "g.align"), str(tmp_path / "t.align"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["strict_f1"], data["lax_f1"], data["n_test"], data["n_gold"]) == (0.5, 0.75, 5, 3)
    assert main(["eval", str(tmp_path / "g.align"), str(tmp_path / "t.align")]) == 0
    out = capsys.readouterr().out
    assert "strict      0.4000    0.6667    0.5000" in out
    assert "lax         0.6000    1.0000    0.7500" in out


def test_cli_missing_gold(tmp_path, capsys):
    (tmp_path / "t.align").write_text(TEST)
    assert main(["eval", str(tmp_path / "nope"), str(tmp_path / "t.align")]) == 2
    assert capsys.readouterr().err == f"alignmem: {tmp_path / 'nope'}: gold links not found\n"
