"""Word (.docx) and OpenDocument (.odt) files built here with python-docx and odfpy: body paragraphs in
reading order, headings kept, tables cell by cell, footnotes and comments left out, tracked changes
accepted."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from documents import docx_bytes, docx_document, odt_bytes

from alignmem.cli import main
from alignmem.read import read_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str, **attrs: str):  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _run(text: str, tag: str = "t"):  # type: ignore[no-untyped-def]
    run = _w("r")
    t = _w(tag)
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def _add_footnotes(document, paragraph) -> None:  # type: ignore[no-untyped-def]
    """A footnotes part and a reference to footnote 1 at the end of ``paragraph``."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>Footnote text must not appear.'
           "</w:t></w:r></w:p></w:footnote></w:footnotes>").encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    run = _w("r")
    run.append(_w("footnoteReference", id="1"))
    paragraph._p.append(run)


def _track_changes(paragraph) -> None:  # type: ignore[no-untyped-def]
    """``The treaty [-was never-][+is still+] in force.`` as tracked changes (one deletion, one insertion)."""
    p = paragraph._p
    for run in list(p.iter(f"{{{W}}}r")):
        p.remove(run)
    p.append(_run("The treaty "))
    deletion = _w("del", id="11", author="Editor", date="2021-07-16T00:00:00Z")
    deletion.append(_run("was never ", "delText"))
    p.append(deletion)
    insertion = _w("ins", id="12", author="Editor", date="2021-07-16T00:00:00Z")
    insertion.append(_run("is still "))
    p.append(insertion)
    p.append(_run("in force."))


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    document = docx_document([
        ("The Treaty of Good-Neighbourliness", "Title"),
        ("Twenty years ago, Russia and China signed the Treaty.", None),
        ("Its foundations", "Heading 1"),
        ("placeholder", None),
        ("Article|Subject\n1|Peace and friendship\n7|Military cooperation", "table"),
        ("We will continue to work together.", None),
    ])
    paragraphs = document.paragraphs
    _add_footnotes(document, paragraphs[1])
    _track_changes(paragraphs[3])
    document.add_comment(paragraphs[4].runs, text="Comment text must not appear.", author="Reviewer")
    path = tmp_path / "treaty.docx"
    document.save(path)
    return path


def test_word_document_gives_its_body_in_reading_order(word_file: Path) -> None:
    doc = read_document(word_file)
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("The Treaty of Good-Neighbourliness", True),
        ("Twenty years ago, Russia and China signed the Treaty.", False),
        ("Its foundations", True),
        ("The treaty is still in force.", False),  # tracked changes accepted
        ("Article", False), ("Subject", False), ("1", False), ("Peace and friendship", False),
        ("7", False), ("Military cooperation", False),  # the table, cell by cell
        ("We will continue to work together.", False),
    ]
    assert "Footnote" not in doc.text and "Comment" not in doc.text and "never" not in doc.text
    assert doc.lang == "en" and doc.encoding == "utf-8"
    for p in doc.paragraphs:
        assert doc.text[p.start:p.end] == p.text


def test_deleted_paragraph_mark_joins_the_next_paragraph(tmp_path: Path) -> None:
    document = docx_document([("The first half of a sentence ", None),
                              ("and its second half, once the mark is deleted.", None),
                              ("Another paragraph that is long enough to read as English text here.", None)])
    first = document.paragraphs[0]._p
    props = first.get_or_add_pPr()
    marks = _w("rPr")
    marks.append(_w("del", id="5", author="Editor", date="2021-07-16T00:00:00Z"))
    props.append(marks)
    path = tmp_path / "joined.docx"
    document.save(path)
    assert [p.text for p in read_document(path, lang="en").paragraphs] == [
        "The first half of a sentence and its second half, once the mark is deleted.",
        "Another paragraph that is long enough to read as English text here.",
    ]


def test_word_document_is_sniffed_without_its_suffix(word_file: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "treaty.bin"
    renamed.write_bytes(word_file.read_bytes())
    assert read_document(renamed).paragraphs[0].text == "The Treaty of Good-Neighbourliness"


def test_field_codes_are_left_out_and_their_results_kept(tmp_path: Path) -> None:
    document = docx_document([("placeholder", None)])
    p = document.paragraphs[0]._p
    for run in list(p.iter(f"{{{W}}}r")):
        p.remove(run)
    p.append(_run("See page "))
    for kind in ("begin",):
        run = _w("r")
        run.append(_w("fldChar", fldCharType=kind))
        p.append(run)
    p.append(_run(" PAGEREF _Ref123 \\h ", "instrText"))
    run = _w("r")
    run.append(_w("fldChar", fldCharType="separate"))
    p.append(run)
    p.append(_run("12"))
    run = _w("r")
    run.append(_w("fldChar", fldCharType="end"))
    p.append(run)
    p.append(_run(" of the report on the treaty and the relations of the two countries."))
    path = tmp_path / "field.docx"
    document.save(path)
    assert read_document(path, lang="en").paragraphs[0].text == (
        "See page 12 of the report on the treaty and the relations of the two countries.")


def test_opendocument_text(tmp_path: Path) -> None:
    path = tmp_path / "treaty.odt"
    path.write_bytes(odt_bytes([
        ("Договор о добрососедстве", "h"),
        ("Двадцать лет назад Россия и Китай подписали Договор.", None),
        ("Статья|Предмет\n1|Мир и дружба", "table"),
        ("Мы продолжим работать вместе.", None),
    ]))
    doc = read_document(path)
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("Договор о добрососедстве", True),
        ("Двадцать лет назад Россия и Китай подписали Договор.", False),
        ("Статья", False), ("Предмет", False), ("1", False), ("Мир и дружба", False),
        ("Мы продолжим работать вместе.", False),
    ]
    assert doc.lang == "ru"


def test_opendocument_notes_annotations_and_tracked_deletions_are_left_out(tmp_path: Path) -> None:
    content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
  office:version="1.3"><office:body><office:text>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info>
<dc:creator>Editor</dc:creator></office:change-info><text:p>Deleted words must not appear.</text:p>
</text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">The Treaty</text:h>
<text:p>The treaty<text:change text:change-id="c1"/> is   still<text:s text:c="2"/>in force.<text:note
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Footnote text
 must not appear.</text:p></text:note-body></text:note><office:annotation><dc:creator>R</dc:creator>
<text:p>Comment must not appear.</text:p></office:annotation></text:p>
<text:list><text:list-item><text:p>First item of the list.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    path = tmp_path / "changes.odt"
    path.write_bytes(buffer.getvalue())
    doc = read_document(path, lang="en")
    assert [p.text for p in doc.paragraphs] == ["The Treaty", "The treaty is still in force.",
                                               "First item of the list."]


def test_corpus_of_word_opendocument_and_pdf_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from documents import pdf_bytes
    from omegat import FIXTURE

    paragraphs = {lang: [" ".join(p) if lang != "zh" else "".join(p) for p in FIXTURE[lang]] for lang in FIXTURE}
    for lang, suffix in (("en", "docx"), ("ru", "odt"), ("zh", "pdf")):
        folder = tmp_path / "corpus" / lang
        folder.mkdir(parents=True)
        if suffix == "docx":
            data = docx_bytes([(p, None) for p in paragraphs[lang]])
        elif suffix == "odt":
            data = odt_bytes([(p, None) for p in paragraphs[lang]])
        else:
            data = pdf_bytes(paragraphs[lang])
        (folder / f"treaty.{suffix}").write_bytes(data)
    assert main(["align", "--corpus", str(tmp_path / "corpus"), "--out", str(tmp_path / "tm"), "--no-glossary",
                 "--no-report", "--json"]) == 0
    assert '"stem": "treaty"' in capsys.readouterr().out
    assert (tmp_path / "tm" / "treaty.tmx").is_file()
