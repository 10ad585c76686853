"""Test harness for OmegaT (Debian package ``omegat``): build a project, translate it headless, read target/.

Reusable by any test that checks our files in a real CAT tool (TMX in ``tm/auto/``, glossaries in
``glossary/``). Installs nothing: :func:`skip_reason` says why the tool cannot run, and tests skip.

    project = build_project(tmp_path / "p", "en", "ru", {"article.txt": text}, tmx_files=[tmx_path])
    run_omegat(project)
    translated = read_target(project, "article.txt")

Also holds a small trilingual fixture (:func:`fixture_documents` / :func:`fixture_alignments`): three
versions of a short text with hand-made sentences and pairwise links, for tests that need real
aligned text without running the segmenter or the aligner.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
TIMEOUT = 240  # seconds; OmegaT starts a JVM and loads its filters (~10-30 s on a busy 2-core machine)

# OmegaT project language codes (its own convention: upper case, region after a dash).
PROJECT_CODES = {"en": "EN", "ru": "RU", "zh": "ZH-CN"}


def skip_reason() -> str | None:
    """Why OmegaT cannot run here (None when it can)."""
    if shutil.which("java") is None:
        return "java is not installed (Debian package omegat brings it)"
    if not OMEGAT_JAR.is_file():
        return f"{OMEGAT_JAR} not found (install the Debian package omegat)"
    return None


def project_xml(source_lang: str, target_lang: str, sentence_seg: bool = True) -> str:
    """``omegat.project`` with the default folder layout (source/, target/, tm/, glossary/, dictionary/)."""
    src = PROJECT_CODES.get(source_lang, source_lang)
    tgt = PROJECT_CODES.get(target_lang, target_lang)
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes>
      <mask>**/.svn/**</mask>
      <mask>**/.git/**</mask>
    </source_dir_excludes>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{escape(src)}</source_lang>
    <target_lang>{escape(tgt)}</target_lang>
    <sentence_seg>{"true" if sentence_seg else "false"}</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def build_project(root: Path, source_lang: str, target_lang: str, sources: Mapping[str, str], *,
                  tmx_files: Sequence[Path] = (), glossary_files: Sequence[Path] = (),
                  sentence_seg: bool = True) -> Path:
    """An OmegaT project at ``root``: source texts (name -> UTF-8 text), TMX in tm/auto/, glossaries."""
    root.mkdir(parents=True, exist_ok=True)
    xml = project_xml(source_lang, target_lang, sentence_seg)
    (root / "omegat.project").write_text(xml, encoding="utf-8")
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, text in sources.items():
        (root / "source" / name).write_text(text, encoding="utf-8")
    for path in tmx_files:
        shutil.copy(path, root / "tm" / "auto" / Path(path).name)
    for path in glossary_files:
        shutil.copy(path, root / "glossary" / Path(path).name)
    return root


def run_omegat(project: Path, config_dir: Path | None = None,
               timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    """Translate ``project`` headless (console-translate); AssertionError with OmegaT's output on failure."""
    config = config_dir or project.parent / f".{project.name}-omegat-config"
    config.mkdir(parents=True, exist_ok=True)
    command = ["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(project),
               "--mode=console-translate", f"--config-dir={config}", "--disable-project-locking", "--no-team"]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise AssertionError(f"OmegaT exited with {done.returncode}:\n{done.stdout[-3000:]}\n"
                             f"{done.stderr[-3000:]}")
    return done


def read_target(project: Path, name: str) -> str:
    """The translated document OmegaT wrote to target/ (same name as the source)."""
    path = project / "target" / name
    if not path.is_file():
        present = sorted(p.name for p in path.parent.iterdir())
        raise AssertionError(f"OmegaT wrote no {path}; target/ holds {present}")
    return path.read_text(encoding="utf-8-sig")


# ------------------------------------------------------------------------------------------- fixture
# Three versions of a short text, paragraph by paragraph, sentence by sentence. The Chinese version
# omits the third English sentence (a group without zh), and the Russian one splits sentence 4 in two.
FIXTURE: dict[str, list[list[str]]] = {
    "en": [
        ["Twenty years ago, Russia and China signed the Treaty.",
         "The Treaty laid a solid foundation for our relations.",
         "It remains in force today."],
        ["Both countries support a multipolar world and the central role of the United Nations."],
        ["We will continue to work together."],
    ],
    "ru": [
        ["Двадцать лет назад Россия и Китай подписали Договор.",
         "Договор заложил прочную основу наших отношений.",
         "Он действует и сегодня."],
        ["Обе страны выступают за многополярный мир.", "Они поддерживают центральную роль ООН."],
        ["Мы продолжим работать вместе."],
    ],
    "zh": [
        ["二十年前，俄罗斯和中国签署了条约。", "该条约为我们的关系奠定了坚实基础。"],
        ["两国都支持多极世界和联合国的中心作用。"],
        ["我们将继续共同努力。"],
    ],
}

# Pairwise links over the sentence numbers above (document order).
FIXTURE_LINKS: dict[tuple[str, str], list[tuple[tuple[int, ...], tuple[int, ...], float]]] = {
    ("en", "ru"): [((0,), (0,), 0.91), ((1,), (1,), 0.88), ((2,), (2,), 0.8), ((3,), (3, 4), 0.77),
                   ((4,), (5,), 0.9)],
    ("en", "zh"): [((0,), (0,), 0.9), ((1,), (1,), 0.87), ((2,), (), 0.0), ((3,), (2,), 0.85),
                   ((4,), (3,), 0.92)],
    ("ru", "zh"): [((0,), (0,), 0.86), ((1,), (1,), 0.84), ((2,), (), 0.0), ((3, 4), (2,), 0.8),
                   ((5,), (3,), 0.9)],
}


def fixture_text(lang: str) -> str:
    """The fixture as a plain text file: paragraphs separated by a blank line."""
    joiner = "" if lang == "zh" else " "
    return "\n\n".join(joiner.join(paragraph) for paragraph in FIXTURE[lang]) + "\n"


def fixture_documents(folder: Path | None = None, langs: Sequence[str] = ("en", "ru", "zh")):
    """Segmented :class:`alignmem.model.Document` objects of the fixture (written to ``folder`` if given)."""
    from alignmem.model import Document, Paragraph, Sentence

    docs = []
    for k, lang in enumerate(langs):
        text = fixture_text(lang)
        joiner = "" if lang == "zh" else " "
        paragraphs, sentences, pos = [], [], 0
        for p, items in enumerate(FIXTURE[lang]):
            para_text = joiner.join(items)
            paragraphs.append(Paragraph(p, pos, pos + len(para_text), para_text))
            cursor = pos
            for item in items:
                start = text.index(item, cursor)
                sentences.append(Sentence(k, p, len(sentences), start, start + len(item), item))
                cursor = start + len(item)
            pos += len(para_text) + 2
        path = None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"fixture.{lang}.txt"
            path.write_text(text, encoding="utf-8")
        docs.append(Document(lang, str(path) if path else f"fixture.{lang}.txt", text, tuple(paragraphs),
                             sentences=tuple(sentences)))
    return docs


def fixture_alignments():
    """The hand-made pairwise alignments of the fixture, as ``{(a, b): Alignment}``."""
    from alignmem.model import Alignment, Link

    return {pair: Alignment(pair[0], pair[1], tuple(Link(s, t, score) for s, t, score in links), "fixture")
            for pair, links in FIXTURE_LINKS.items()}


def fixture_aligner(src, tgt, config=None):
    """A pair aligner (for :func:`alignmem.join.align_documents`, the pipeline) giving the fixture links."""
    table = fixture_alignments()
    if (src.lang, tgt.lang) in table:
        return table[(src.lang, tgt.lang)]
    from alignmem.model import Alignment, Link

    rev = table[(tgt.lang, src.lang)]
    return Alignment(src.lang, tgt.lang, tuple(Link(li.tgt, li.src, li.score) for li in rev.links), "fixture")
