"""OmegaT 3.6 reads our glossaries: the TBX v2 file and the tab-separated ``.utf8`` files are parsed by
OmegaT's own readers (org.omegat.gui.glossary.GlossaryReaderTBX / GlossaryReaderTSV, what its Glossary
pane uses), with the project's languages picking the langSets. Console-translate mode never loads
glossaries, so the test runs those readers directly with ``java -cp OmegaT.jar`` (Java's source-file
launcher) on a real OmegaT project folder. Skipped when OmegaT is not installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alignmem.export import Naming, write_glossary
from alignmem.export.tbx import TBX3
from alignmem.glossary import Entry, Glossary, Term

sys.path.insert(0, str(Path(__file__).parent))
import omegat

CHECKER = Path(__file__).parent / "fixtures" / "glossary" / "GlossaryCheck.java"

pytestmark = pytest.mark.omegat


def _skip() -> str | None:
    reason = omegat.skip_reason()
    if reason is None and shutil.which("javac") is None:
        reason = "javac is not installed (needed to run OmegaT's glossary readers)"
    return reason


def sample() -> Glossary:
    return Glossary(("en", "ru", "zh"), (
        Entry("c1", (Term("en", "Shanghai Cooperation Organisation"), Term("en", "SCO", "acronym"),
                     Term("ru", "Шанхайская организация сотрудничества"), Term("ru", "ШОС", "acronym"),
                     Term("zh", "上海合作组织"), Term("zh", "上合组织", "shortForm")), 7, 0.9),
        Entry("c2", (Term("en", "Belt and Road Initiative"), Term("ru", "инициатива «Один пояс, один путь»"),
                     Term("zh", "一带一路倡议")), 3, 0.4),
    ), "test")


def read_with_omegat(project: Path, src: str, tgt: str, files: list[Path]) -> list[tuple[str, str, str, str]]:
    command = ["java", "-Djava.awt.headless=true", "-cp", str(omegat.OMEGAT_JAR), str(CHECKER), str(project),
               src, tgt, *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=omegat.TIMEOUT, check=False,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise AssertionError(f"OmegaT's reader failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return [tuple(line.split("\t")[1:5]) for line in done.stdout.splitlines() if line.startswith("HIT\t")]


@pytest.mark.skipif(_skip() is not None, reason=_skip() or "")
def test_omegat_reads_tbx_and_utf8_glossaries(tmp_path):
    paths = write_glossary(sample(), Naming(tmp_path / "out", "doc", ".glossary"), verified_only=False)
    tbx = tmp_path / "out" / "doc.glossary.tbx"
    en_ru = tmp_path / "out" / "doc.en-ru.glossary.utf8"
    en_zh = tmp_path / "out" / "doc.en-zh-CN.glossary.utf8"
    assert {tbx, en_ru, en_zh} <= set(paths)
    project = omegat.build_project(tmp_path / "p", "en", "ru", {"a.txt": "The SCO met.\n"},
                                   glossary_files=[tbx, en_ru])
    hits = read_with_omegat(project, "EN", "RU", [project / "glossary" / tbx.name,
                                                  project / "glossary" / en_ru.name])
    tbx_pairs = {(s, t) for f, s, t, _ in hits if f == tbx.name}
    tsv_pairs = {(s, t) for f, s, t, _ in hits if f == en_ru.name}
    expected = {("Shanghai Cooperation Organisation", "Шанхайская организация сотрудничества"),
                ("Belt and Road Initiative", "инициатива «Один пояс, один путь»")}
    assert expected <= tbx_pairs
    assert expected | {("SCO", "ШОС")} <= tsv_pairs
    assert all("confidence" in c for f, _, _, c in hits if f == en_ru.name)  # the comment column is read
    zh = read_with_omegat(project, "EN", "ZH-CN", [tbx, en_zh])
    assert ("Shanghai Cooperation Organisation", "上海合作组织") in {(s, t) for _, s, t, _ in zh}


@pytest.mark.skipif(_skip() is not None, reason=_skip() or "")
def test_omegat_rejects_tbx3_as_documented(tmp_path):
    """Negative control: the reader really parses the file (TBX v3 with its namespace fails), so the
    positive test above is not passing by accident."""
    path = tmp_path / "v3.tbx"
    path.write_bytes(TBX3().dumps(sample()))
    project = omegat.build_project(tmp_path / "p", "en", "ru", {"a.txt": "x\n"})
    with pytest.raises(AssertionError, match=r"GlossaryReaderTBX\.load"):
        read_with_omegat(project, "EN", "RU", [path])
