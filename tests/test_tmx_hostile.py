"""Reading TMX we did not write: hostile or broken XML fails with a one-line FormatError, nothing leaks."""

from __future__ import annotations

import pytest

from alignmem.errors import FormatError, InputError
from alignmem.export import tmx
from alignmem.io import xml as safexml

HEADER = ('<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" '
          'srclang="en" datatype="plaintext"/>')

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tmx version="1.4">""" + HEADER + """<body><tu><tuv xml:lang="en"><seg>&lol4;</seg></tuv></tu></body></tmx>"""


def xxe(secret) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file://{secret}">]>
<tmx version="1.4">{HEADER}<body><tu><tuv xml:lang="en"><seg>&secret;</seg></tuv></tu></body></tmx>"""


def one_line(exc: pytest.ExceptionInfo) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


def test_billion_laughs_is_refused(tmp_path):
    path = tmp_path / "laughs.tmx"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        tmx.read_tmx(path)
    assert one_line(exc) == (f"{path}: XML declares entities in its DOCTYPE (refused: entity expansion and "
                             "external entities are unsafe); remove the DOCTYPE's internal subset")


def test_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.tmx"
    path.write_text(xxe(secret), encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        tmx.read_tmx(path)
    assert "declares entities" in one_line(exc) and "TOP SECRET" not in one_line(exc)


def test_entity_declaration_in_utf16_is_refused_too(tmp_path):
    path = tmp_path / "u16.tmx"
    declaration = '<?xml version="1.0" encoding="UTF-16"?>'
    path.write_bytes(BILLION_LAUGHS.replace('<?xml version="1.0"?>', declaration).encode("utf-16"))
    with pytest.raises(FormatError, match="declares entities"):
        tmx.read_tmx(path)


def test_undeclared_entity_reference_is_not_resolved(tmp_path):
    path = tmp_path / "ref.tmx"
    path.write_text(f'<tmx version="1.4">{HEADER}<body><tu><tuv xml:lang="en"><seg>a &ext; b</seg></tuv>'
                    "</tu></body></tmx>", encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        tmx.read_tmx(path)
    assert one_line(exc).startswith(f"{path}: not well-formed XML at line 1: ")


def test_size_limit(tmp_path):
    path = tmp_path / "big.tmx"
    path.write_text(f'<tmx version="1.4">{HEADER}<body>' + "<tu/>" * 100 + "</body></tmx>", encoding="utf-8")
    with pytest.raises(FormatError, match=r"XML file too large \(.* bytes, limit 100\)"):
        safexml.parse_file(path, max_bytes=100)


@pytest.mark.parametrize(("content", "message"), [
    ("<tmx version='1.4'><header", "not well-formed XML at line 1"),
    ("<html><body/></html>", "not a TMX file (root element <html>, expected <tmx>)"),
    (f"<tmx version='1.4'>{HEADER}</tmx>", "TMX file has no <body>"),
    (f"<tmx version='1.4'>{HEADER}<body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
     "TU 1 has a <tuv> without xml:lang or <seg>"),
    (f"<tmx version='1.4'>{HEADER}<body><tu><prop type='x-score'>high</prop></tu></body></tmx>",
     "TU 1 has a non-numeric x-score or x-paragraph prop"),
])
def test_broken_files_name_the_file_and_the_problem(tmp_path, content, message):
    path = tmp_path / "broken.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        tmx.read_tmx(path)
    assert one_line(exc).startswith(f"{path}: {message}")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        tmx.read_tmx(tmp_path / "nope.tmx")
    with pytest.raises(InputError, match="is a directory"):
        tmx.read_tmx(tmp_path)
