"""Outputs are written whole or not at all, and never leave temporary files behind."""

from pathlib import Path

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


def test_a_rename_failing_part_way_rolls_every_file_back(tmp_path, monkeypatch):
    """Regression (issue 12): when the third of five renames failed (a CAT tool holding the file open),
    the first two files were already replaced and stayed so."""
    import os

    names = [f"f{k}.tmx" for k in range(5)]
    for name in names[:4]:
        (tmp_path / name).write_bytes(b"old " + name.encode())
    real = os.replace
    placed: list[str] = []

    def flaky(src, dst):
        if tmp_path / "f2.tmx" in (Path(src), Path(dst)):  # held open: it cannot be moved or replaced
            raise PermissionError(13, "Permission denied")
        placed.append(str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OutputError) as info:
        write_files([(tmp_path / name, b"new " + name.encode()) for name in names])
    assert str(info.value) == f"{tmp_path / 'f2.tmx'}: cannot write: Permission denied"
    monkeypatch.setattr(os, "replace", real)
    assert any(p.endswith("f1.tmx") for p in placed)  # the first ones had been replaced, then rolled back
    assert sorted(p.name for p in tmp_path.iterdir()) == names[:4]  # f4 did not exist before: still not
    for name in names[:4]:
        assert (tmp_path / name).read_bytes() == b"old " + name.encode()


def test_temporary_files_of_a_killed_run_are_cleaned_up(tmp_path):
    target = tmp_path / "doc.tmx"
    stale = tmp_path / ".doc.tmx.abc123.tmp"
    stale.write_bytes(b"half a file")
    other = tmp_path / ".other.tmx.abc123.tmp"  # not ours to touch: another target's
    other.write_bytes(b"x")
    write_bytes(target, b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.tmx.abc123.tmp", "doc.tmx"]


def test_an_interrupt_while_placing_leaves_the_old_set(tmp_path, monkeypatch):
    import os

    for name in ("a.tmx", "b.tmx"):
        (tmp_path / name).write_bytes(b"old")
    real = os.replace
    calls = {"n": 0}

    def interrupted(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:  # a's backup, a in place, then Ctrl-C/SIGTERM
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_files([(tmp_path / "a.tmx", b"new"), (tmp_path / "b.tmx", b"new")])
    monkeypatch.setattr(os, "replace", real)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tmx", "b.tmx"]
    assert (tmp_path / "a.tmx").read_bytes() == (tmp_path / "b.tmx").read_bytes() == b"old"
