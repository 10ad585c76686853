"""One TMX file from many: a corpus's per-document files of a language pair joined into one memory,
streaming, so that a million documents make one importable TMX in constant memory.

The header is the first file's (tool, languages, settings signature, date); then every file's TUs are
copied in the order given, as they are (props, tuid, segs), each element cleared once written. The
output goes to a temporary file beside the target, renamed into place when complete: an interrupted
merge leaves no partial memory. The same sources in the same order give the same bytes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from alignmem.errors import FormatError, InputError, OutputError
from alignmem.export.tmx import DOCTYPE
from alignmem.io.xml import XML_LANG
from alignmem.langs import internal_code

PREAMBLE = b'<?xml version="1.0" encoding="UTF-8"?>\n' + DOCTYPE.encode() + b'\n<tmx version="1.4">\n'


@dataclass(frozen=True)
class MergeResult:
    path: str
    files: int  # source files merged
    tus: int


def _parse(source: BinaryIO, name: str) -> Iterable[tuple[str, etree._Element]]:
    """(tag, element) at the end of each <header> and <tu>, parsed without trusting the file."""
    events = etree.iterparse(source, events=("end",), tag=("header", "tu"), resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        for _, element in events:
            yield element.tag, element
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"not well-formed XML: {' '.join(str(exc).split())}", name) from None


def _langs_of(tu: etree._Element) -> tuple[str, ...]:
    return tuple(internal_code(tuv.get(XML_LANG) or tuv.get("lang") or "") for tuv in tu.iterfind("tuv"))


def merge_tmx(sources: Iterable[str], target: str | os.PathLike[str], langs: tuple[str, ...],
              opener: Callable[[str], BinaryIO]) -> MergeResult:
    """Write every TU of ``sources`` (TMX files holding exactly ``langs``, opened with ``opener``) into
    one TMX 1.4b file at ``target``, the first source's header on top. A TU with other languages is an
    error naming its file (the sources are one pair's files)."""
    path = Path(target)
    wanted = set(langs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    files = tus = 0
    try:
        with os.fdopen(fd, "wb") as out:
            started = False
            for name in sources:
                with contextlib.closing(opener(name)) as source:
                    for tag, element in _parse(source, name):
                        if tag == "header":
                            if not started:
                                out.write(PREAMBLE + b"  " + etree.tostring(element, with_tail=False)
                                          + b"\n  <body>\n")
                                started = True
                            element.clear()
                            continue
                        if not started:
                            raise FormatError("TMX file has no <header> before its first <tu>", name)
                        found = _langs_of(element)
                        if set(found) != wanted or len(found) != len(wanted):
                            raise FormatError(f"TU {element.get('tuid') or tus + 1} holds {','.join(found)}, "
                                              f"not {','.join(langs)}", name)
                        out.write(b"    " + etree.tostring(element, encoding="UTF-8", with_tail=False) + b"\n")
                        tus += 1
                        element.clear()
                        while element.getprevious() is not None:  # what was written goes, tails and all
                            del element.getparent()[0]
                files += 1
            if not started:
                raise InputError("nothing to merge: no TMX file of the pair " + "-".join(langs), str(path))
            out.write(b"  </body>\n</tmx>\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return MergeResult(str(path), files, tus)
