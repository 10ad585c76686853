"""What makes a corpus run resumable: one small marker per finished document, written last.

``OUT/.alignmem/done/STEM.json`` holds the key of the document's inputs, its files (name and size) and
its summary. The key is a SHA-256 of everything that decides the output bytes: the alignmem version,
the settings' signature and the export options it does not hold, the date written into the files, and
each input file's name and content hash. A rerun skips a document whose marker has the same key and
whose files are all there with their recorded sizes; any other document is aligned again.

Why a marker per document and not one manifest: workers on other machines write them without talking
to each other or to the driver, an object store has no append or atomic rename (a manifest would be
rewritten whole, ever larger, at every document), and a marker is one small object put whole. Why
written last: on an object store the files of a document cannot be put at once; a document without its
marker is unfinished, whatever files of it exist, and is redone (its files overwritten) on the next run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import replace

from alignmem import __version__
from alignmem.errors import AlignmemError
from alignmem.io.store import Store
from alignmem.pipeline.document import DocumentResult, OutputFile, PairFigures
from alignmem.pipeline.listing import external_sorted
from alignmem.pipeline.settings import Settings

STATE = ".alignmem"  # alignmem's own folder inside OUT
MARKERS = "done"
FORMAT = 2  # 2: per-pair figures kept


def marker_name(out: Store, stem: str) -> str:
    return out.join(STATE, MARKERS, f"{stem}.json")


def input_key(files: Sequence[tuple[str, str]], contents: Sequence[bytes], settings: Settings,
              creationdate: str) -> str:
    """The hash of a document's inputs and of every setting that shapes its files."""
    record = {
        "alignmem": __version__,
        "signature": settings.signature(),
        "export": [sorted(settings.codes.items()), settings.srclang, settings.glossary, settings.report],
        "creationdate": creationdate,
        "files": [[lang, name, hashlib.sha256(data).hexdigest()]
                  for (lang, name), data in zip(files, contents, strict=True)],
    }
    return hashlib.sha256(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def marker_bytes(key: str, result: DocumentResult, sizes: Sequence[tuple[str, int]]) -> bytes:
    """The marker of a finished document; paths are kept as names (OUT may be spelled otherwise next time)."""
    summary = {
        "stem": result.stem, "langs": list(result.langs), "sentences": [list(x) for x in result.sentences],
        "aligned": [list(x) for x in result.aligned], "groups": result.groups,
        "outputs": [[_name(f.path), list(f.langs), f.tus] for f in result.outputs],
        "warnings": list(result.warnings), "seconds": result.seconds, "extras": [_name(p) for p in result.extras],
        "pairs": [[p.a, p.b, list(p.sentences), list(p.aligned), list(p.chars), list(p.aligned_chars)]
                  for p in result.pairs],
    }
    record = {"format": FORMAT, "key": key, "files": [[_name(n), size] for n, size in sizes], "result": summary}
    return (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _result(summary: dict, out: Store) -> DocumentResult:
    return DocumentResult(
        stem=summary["stem"], langs=tuple(summary["langs"]),
        sentences=tuple((lang, n) for lang, n in summary["sentences"]),
        aligned=tuple((lang, n) for lang, n in summary["aligned"]), groups=summary["groups"],
        outputs=tuple(OutputFile(out.join(name), tuple(langs), tus) for name, langs, tus in summary["outputs"]),
        warnings=tuple(summary["warnings"]), seconds=summary["seconds"],
        extras=tuple(out.join(name) for name in summary["extras"]),
        pairs=tuple(PairFigures(a, b, tuple(s), tuple(al), tuple(c), tuple(ac))
                    for a, b, s, al, c, ac in summary["pairs"]))


def read_marker(out: Store, stem: str) -> dict | None:
    """The marker of ``stem`` (None when there is none or it cannot be read)."""
    name = marker_name(out, stem)
    if out.size(name) is None:
        return None
    try:
        record = json.loads(out.read(name).decode("utf-8"))
    except (AlignmemError, OSError, ValueError):  # vanished or unreadable: not finished
        return None
    return record if isinstance(record, dict) and record.get("format") == FORMAT else None


def finished(out: Store, stem: str, key: str, marker: dict | None) -> DocumentResult | None:
    """The summary of ``stem`` when its ``marker`` has ``key`` and every file it lists is there, whole."""
    if not marker or marker.get("key") != key:
        return None
    try:
        for name, size in marker["files"]:
            if out.size(out.join(name)) != size:
                return None
        return _result(marker["result"], out)
    except (KeyError, TypeError, ValueError):
        return None


def relocate(result: DocumentResult, out: Store) -> DocumentResult:
    """``result`` with the paths of its files in ``out`` (documents are built with bare names)."""
    return replace(result, outputs=tuple(replace(f, path=out.join(_name(f.path))) for f in result.outputs),
                   extras=tuple(out.join(_name(p)) for p in result.extras))


def finished_outputs(out: Store, langs: Sequence[str]) -> Iterator[str]:
    """The file of ``langs`` (a pair, or all three) of every document a corpus run finished in ``out``, in
    stem order (the markers' names are sorted without holding them all)."""
    folder = out.join(STATE, MARKERS)
    wanted = list(langs)
    names = (name for name in out.names(folder) if name.endswith(".json") and not name.startswith("."))
    for name in external_sorted(names, key=lambda n: n[: -len(".json")]):
        marker = read_marker(out, name[: -len(".json")])
        if marker is None:
            continue
        for output, output_langs, _ in marker["result"]["outputs"]:
            if list(output_langs) == wanted:
                yield out.join(output)
