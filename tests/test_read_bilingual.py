"""Translation files as input documents: XLIFF 1.2 and 2.0, PO, TMX and CSV, on the side or in the language
asked for, inline markup removed, one unit one paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmem.cli import main
from alignmem.errors import InputError
from alignmem.read import read_document

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="ru" datatype="html" original="treaty.html">
  <body>
   <trans-unit id="1"><source>The <g id="1">Treaty</g> was signed<x id="2"/> in <bpt id="3">&lt;b&gt;</bpt>2001<ept id="3">&lt;/b&gt;</ept>.</source>
    <target>Договор <g id="1">был</g> подписан в <bpt id="3">&lt;b&gt;</bpt>2001<ept id="3">&lt;/b&gt;</ept> году.</target></trans-unit>
   <trans-unit id="2"><source>It laid <ph id="4">&lt;br/&gt;</ph>the foundation of our relations &amp; trust.</source>
    <target>Он заложил основу наших отношений и доверия.</target></trans-unit>
   <trans-unit id="3"><source>It remains in force.</source></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-CN">
 <file id="f1">
  <unit id="u1">
   <segment><source>The <pc id="1">Treaty</pc> was<ph id="2"/> signed.</source><target>条约已<pc id="1">签署</pc>。</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>It is in <mrk id="m1" translate="no">force</mrk>.</source><target>它仍然有效。</target></segment>
  </unit>
  <unit id="u2">
   <segment><source>A <sc id="3"/>bold<ec startRef="3"/> step.</source><target>大胆的<sc id="3"/>一步<ec startRef="3"/>。</target></segment>
  </unit>
 </file>
</xliff>
"""

PO = """msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: treaty.html:1
msgid "The <b>Treaty</b> was <a href=\\"#t\\">signed</a> in 2001."
msgstr "<b>Договор</b> был <a href=\\"#t\\">подписан</a> в 2001 году."

#: treaty.html:2
#, fuzzy
msgid "It remains in force."
msgstr "Он всё ещё действует."

#: treaty.html:3
msgid "We will continue to work together."
msgstr "Мы продолжим работать вместе."

#~ msgid "Obsolete entry."
#~ msgstr "Устаревшая запись."
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
 srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>Treaty<ept i="1">&lt;/b&gt;</ept> was signed.</seg></tuv>
 <tuv xml:lang="ru"><seg>Договор был подписан.</seg></tuv><tuv xml:lang="zh-TW"><seg>條約已簽署。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>It remains in force.</seg></tuv><tuv xml:lang="ru"><seg>Он действует.</seg></tuv></tu>
</body></tmx>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def paragraphs(path: Path, **options: object) -> list[str]:
    return [p.text for p in read_document(path, **options).paragraphs]  # type: ignore[arg-type]


def test_xliff12_source_without_inline_markup(tmp_path: Path) -> None:
    path = write(tmp_path, "treaty.xlf", XLIFF12)
    assert paragraphs(path) == ["The Treaty was signed in 2001.",
                                "It laid the foundation of our relations & trust.", "It remains in force."]


def test_xliff12_target_by_side_or_by_language(tmp_path: Path) -> None:
    path = write(tmp_path, "treaty.xlf", XLIFF12)
    target = ["Договор был подписан в 2001 году.", "Он заложил основу наших отношений и доверия."]
    assert paragraphs(path, side="target") == target
    assert paragraphs(path, lang="ru") == target  # the target language is Russian
    assert read_document(path, side="target").lang == "ru"


def test_xliff20_units_are_paragraphs_of_their_segments(tmp_path: Path) -> None:
    path = write(tmp_path, "treaty.xlf", XLIFF20)
    assert paragraphs(path) == ["The Treaty was signed. It is in force.", "A bold step."]
    assert paragraphs(path, lang="zh") == ["条约已签署。 它仍然有效。", "大胆的一步。"]


def test_xliff_is_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    path = write(tmp_path, "treaty.txt", XLIFF12)
    assert paragraphs(path)[0] == "The Treaty was signed in 2001."


def test_po_msgids_and_translations(tmp_path: Path) -> None:
    path = write(tmp_path, "treaty.po", PO)
    assert paragraphs(path) == ["The Treaty was signed in 2001.", "It remains in force.",
                                "We will continue to work together."]
    # the fuzzy translation is no translation yet; the obsolete entry is gone
    assert paragraphs(path, lang="ru") == ["Договор был подписан в 2001 году.", "Мы продолжим работать вместе."]


def test_tmx_side_by_language(tmp_path: Path) -> None:
    path = write(tmp_path, "memory.tmx", TMX)
    assert paragraphs(path) == ["The Treaty was signed.", "It remains in force."]
    assert paragraphs(path, lang="ru") == ["Договор был подписан.", "Он действует."]
    chinese = read_document(path, lang="zh")
    assert [p.text for p in chinese.paragraphs] == ["條約已簽署。"]
    assert chinese.tag == "zh-TW"  # the TMX's own code: Traditional Chinese
    with pytest.raises(InputError) as info:
        read_document(path, side="target")
    assert str(info.value) == f"{path}: the TMX file holds en, ru, zh-TW: give --lang to choose the language to read"


def test_csv_with_language_columns_and_with_source_target_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "terms.csv", "en,ru,zh-CN\n\"The Treaty, signed in 2001\",Договор,条约\n"
                                        "Friendship,Дружба,<b>友谊</b>\n")
    assert paragraphs(path) == ["The Treaty, signed in 2001", "Friendship"]
    assert paragraphs(path, lang="zh") == ["条约", "友谊"]
    path = write(tmp_path, "units.csv", "location,source,target\na:1,The Treaty was signed.,Договор подписан.\n"
                                        "a:2,It remains in force.,Он действует.\n")
    assert paragraphs(path) == ["The Treaty was signed.", "It remains in force."]
    assert paragraphs(path, side="target") == ["Договор подписан.", "Он действует."]


def test_segment_cli_reads_the_target_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "treaty.xlf", XLIFF12)
    assert main(["segment", str(path), "--side", "target"]) == 0
    assert capsys.readouterr().out == ("Договор был подписан в 2001 году.\n\n"
                                       "Он заложил основу наших отношений и доверия.\n")


def test_target_side_without_targets_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "source-only.xlf", XLIFF12.replace("<target>", "<note>").replace("</target>", "</note>"))
    with pytest.raises(InputError) as info:
        read_document(path, side="target")
    assert str(info.value) == f"{path}: the XLIFF file has no target text; read its source with --side source"
