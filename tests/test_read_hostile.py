"""Corrupt, encrypted and hostile inputs for every reader: one line on stderr, exit 2, nothing else."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from documents import docx_bytes, odt_bytes, pdf_bytes

from alignmem.cli import main
from alignmem.io import archive

BOMB_SIZE = archive.MAX_MEMBER_BYTES + (1 << 20)


def fails(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    assert main(["segment", str(path), *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("alignmem: ")
    return captured.err.rstrip("\n")


def _zip(members: dict[str, bytes], *, lie: bool = False) -> bytes:
    """A ZIP of ``members``; with ``lie`` the headers of the first member claim 1 KB uncompressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    data = buffer.getvalue()
    if lie:
        first = next(iter(members))
        info = zipfile.ZipFile(io.BytesIO(data)).getinfo(first)
        size = info.file_size.to_bytes(4, "little")
        data = data.replace(size, (1024).to_bytes(4, "little"))
    return data


def _docx_with(document_xml: bytes) -> bytes:
    real = zipfile.ZipFile(io.BytesIO(docx_bytes([("Twenty years ago, Russia and China signed the Treaty.", None)])))
    members = {name: real.read(name) for name in real.namelist()}
    members["word/document.xml"] = document_xml
    return _zip(members)


@pytest.mark.parametrize("lie", [False, True], ids=["declared", "understated"])
def test_docx_zip_bomb(tmp_path: Path, capsys: pytest.CaptureFixture[str], lie: bool) -> None:
    real = zipfile.ZipFile(io.BytesIO(docx_bytes([("Text.", None)])))
    members = {"word/document.xml": b"<w:document>" + b" " * BOMB_SIZE + b"</w:document>"}
    members.update({name: real.read(name) for name in real.namelist() if name != "word/document.xml"})
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip(members, lie=lie))
    if lie:  # zipfile inflates no more than the header says, then the checksum fails
        assert fails(capsys, path) == f"alignmem: {path}: damaged Word document: part word/document.xml does not decompress"
    else:
        assert fails(capsys, path) == (f"alignmem: {path}: Word document: part word/document.xml would inflate to 65 "
                                       "MB (limit 64 MB); refused as a possible zip bomb")


def test_docx_with_entity_declarations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xml = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>")
    path = tmp_path / "entities.docx"
    path.write_bytes(_docx_with(xml))
    assert fails(capsys, path) == (
        f"alignmem: {path}: XML declares entities in its DOCTYPE (refused: entity expansion and external entities "
        "are unsafe); remove the DOCTYPE's internal subset")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 200, "damaged Word document: not a readable ZIP archive"),
    ("truncated.odt", None, "damaged OpenDocument file: not a readable ZIP archive"),
    ("encrypted.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
     "the document is encrypted (password-protected); remove the password and save it again"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "WordDocument".encode("utf-16-le"),
     "an old binary Office document (.doc/.xls); save it as .docx, .odt or plain text"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n",
     None),
])
def test_corrupt_and_encrypted_office_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                            data: bytes | None, message: str | None) -> None:
    path = tmp_path / name
    if data is None:
        data = odt_bytes([("Двадцать лет назад Россия и Китай подписали Договор.", None)])[:300]
    path.write_bytes(data)
    line = fails(capsys, path)
    if message is not None:
        assert line == f"alignmem: {path}: {message}"
    else:
        assert line.startswith(f"alignmem: {path}: damaged PDF (")


def test_encrypted_odt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = (b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
                b"</manifest:file-entry></manifest:manifest>")
    path = tmp_path / "secret.odt"
    path.write_bytes(_zip({"mimetype": b"application/vnd.oasis.opendocument.text",
                           "META-INF/manifest.xml": manifest, "content.xml": b"\x93\x12 encrypted bytes"}))
    assert fails(capsys, path) == (f"alignmem: {path}: the document is encrypted (password-protected); remove the "
                                   "password and save it again")


def test_encrypted_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    pdf.drawString(72, 720, "Twenty years ago, Russia and China signed the Treaty.")
    pdf.showPage()
    pdf.save()
    path = tmp_path / "secret.pdf"
    path.write_bytes(buffer.getvalue())
    assert fails(capsys, path) == (f"alignmem: {path}: the PDF is encrypted (a password or copy protection); save "
                                   "an unprotected copy or give the text")


def test_pdf_flate_bomb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zlib

    bomb = zlib.compress(b"\x00" * (140 << 20), 9)
    good = pdf_bytes(["Twenty years ago, Russia and China signed the Treaty."])
    stream = b"9 0 obj << /Length %d /Filter /FlateDecode >> stream\n" % len(bomb) + bomb + b"\nendstream endobj\n"
    path = tmp_path / "bomb.pdf"
    path.write_bytes(good.replace(b"%%EOF", stream + b"%%EOF"))
    assert fails(capsys, path) == (f"alignmem: {path}: a stream of the PDF inflates to over 128 MB; refused as a "
                                   "possible decompression bomb")


@pytest.mark.parametrize(("name", "text", "message"), [
    ("entities.xlf", ('<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<xliff version="1.2"><file><body><trans-unit id="1"><source>&x;</source></trans-unit></body></file></xliff>'),
     ("XML declares entities in its DOCTYPE (refused: entity expansion and external entities are unsafe); remove "
     "the DOCTYPE's internal subset")),
    ("broken.xlf", '<?xml version="1.0"?><xliff version="1.2"><file><body><trans-unit>', None),
    ("entities.tmx", ('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tmx '
     'version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>'),
     ("XML declares entities in its DOCTYPE (refused: entity expansion and external entities are unsafe); remove "
     "the DOCTYPE's internal subset")),
    ("broken.po", 'msgid "unterminated\nmsgstr "x"\n', None),
])
def test_hostile_and_broken_translation_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                              text: str, message: str | None) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    line = fails(capsys, path)
    if message is not None:
        assert line == f"alignmem: {path}: {message}"
    assert "Traceback" not in line and "root:" not in line
