"""Every command that aligns reads --signals, --lexicon and --force the same way (regression: TMX mode
used to take --lexicon without switching the lexicon signal on, so the dictionary was silently ignored)."""

import pytest

from alignmem.cli import build_parser
from alignmem.cli.options import settings_from
from alignmem.errors import InputError


def parse(*argv: str):
    return build_parser().parse_args(list(argv))


def test_tmx_mode_lexicon_turns_the_lexicon_signal_on(tmp_path):
    dictionary = tmp_path / "dict.tsv"
    dictionary.write_text("treaty\tдоговор\n", encoding="utf-8")
    args = parse("align", "a.txt", "b.txt", "--lexicon", str(dictionary), "--force")
    config = settings_from(args).align
    assert "lexicon" in config.signals
    assert config.lexicons == (str(dictionary),)
    assert config.force is True


def test_tmx_mode_default_signals():
    config = settings_from(parse("align", "a.txt", "b.txt")).align
    assert config.signals == ("embedding", "length", "anchors")
    assert config.lexicons == ()


def test_lexicon_signal_without_a_dictionary_is_an_error():
    with pytest.raises(InputError) as info:
        settings_from(parse("align", "a.txt", "b.txt", "--signals", "embedding,lexicon"))
    assert str(info.value) == "the lexicon signal needs a dictionary: give --lexicon FILE"


def test_check_rejects_an_unknown_signal(capsys, tmp_path):
    from alignmem.cli import main

    files = []
    for lang, text in (("en", "The treaty was signed in 2001."), ("ru", "Договор подписан в 2001 году.")):
        path = tmp_path / f"doc.{lang}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        files.append(str(path))
    assert main(["check", *files, "--signals", "magic"]) == 2
    assert capsys.readouterr().err == "alignmem: unknown signal 'magic' (known: anchors, embedding, length, lexicon)\n"
