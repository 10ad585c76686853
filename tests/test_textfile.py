"""Small UTF-8 inputs (dictionaries, link files) fail with one-line errors naming the file and its kind."""

import pytest

from alignmem.errors import FormatError, InputError
from alignmem.io.textfile import read_utf8


def test_bom_is_dropped(tmp_path):
    path = tmp_path / "dict.tsv"
    path.write_bytes("\ufefftreaty\tдоговор\n".encode())
    assert read_utf8(path, "dictionary") == "treaty\tдоговор\n"


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda p: None, InputError, "dictionary not found"),
        (lambda p: p.mkdir(), InputError, "is a folder, expected a dictionary"),
        (lambda p: p.write_bytes("договор".encode("cp1251")), FormatError, "dictionary is not UTF-8 text"),
    ],
    ids=["missing", "folder", "cp1251"],
)
def test_errors_name_the_file_and_its_kind(tmp_path, make, error, message):
    path = tmp_path / "dict.tsv"
    make(path)
    with pytest.raises(error) as info:
        read_utf8(path, "dictionary")
    assert str(info.value) == f"{path}: {message}"
