"""Outputs are written whole or not at all, and never leave temporary files behind."""

import pytest

from alignmem.errors import OutputError
from alignmem.io.atomic import write_bytes, write_files


def test_all_or_nothing_when_a_later_file_cannot_be_written(tmp_path):
    first = tmp_path / "out" / "a.tmx"
    blocked = tmp_path / "out" / "b.tmx"
    blocked.mkdir(parents=True)  # a folder where the second file should go
    with pytest.raises(OutputError) as info:
        write_files([(first, b"<tmx/>"), (blocked, b"<tmx/>")])
    assert str(info.value) == f"{blocked}: cannot write: a folder of that name exists"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.tmx"]  # no a.tmx, no temp file


def test_replaces_an_existing_file_whole(tmp_path):
    target = tmp_path / "report.html"
    target.write_bytes(b"old")
    write_bytes(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_folder_that_is_a_file(tmp_path):
    (tmp_path / "tm").write_text("not a folder")
    with pytest.raises(OutputError) as info:
        write_bytes(tmp_path / "tm" / "x.tmx", b"x")
    assert str(info.value) == f"{tmp_path / 'tm' / 'x.tmx'}: cannot write: its folder is a file"


def test_returns_the_paths_written_in_order(tmp_path):
    paths = write_files([(str(tmp_path / "b.csv"), b"b"), (tmp_path / "a.tbx", b"a")])
    assert paths == [tmp_path / "b.csv", tmp_path / "a.tbx"]
    assert [p.read_bytes() for p in paths] == [b"b", b"a"]
