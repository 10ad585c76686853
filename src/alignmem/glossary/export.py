"""Glossary files for CAT tools: TBX v2 (martif, what OmegaT reads), TBX v3 TBX-Basic, OmegaT
tab-separated ``.utf8`` per language pair, CSV with language columns (memoQ, MultiTerm), and PO per
target language. One class per format behind :class:`Format`; every file is written atomically and
in the glossary's order, so the same glossary gives byte-identical files."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

from alignmem import TOOL_NAME, __version__
from alignmem.atomic import write_files
from alignmem.glossary.model import ACRONYM, FULL_FORM, Entry, Glossary, Term, verified
from alignmem.langs import get

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def lang_codes(langs: Sequence[str], overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Internal code -> code written in files (zh -> zh-CN unless overridden)."""
    overrides = overrides or {}
    return {lang: overrides.get(lang, get(lang).tmx_code) for lang in langs}


def clean(text: str) -> str:
    """One line, no tabs, no XML-forbidden controls (replaced by a space, never dropped)."""
    out = []
    for ch in text:
        if ch in "\t\n\r\x0b\x0c" or (ord(ch) < 32) or ch in "\ufffe\uffff":
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def exported(glossary: Glossary) -> list[Entry]:
    """What TBX, OmegaT and CSV carry: verified entries only (see :func:`alignmem.glossary.model.verified`).
    A translator inserts these without checking; every extracted entry still goes to PO, the unverified
    ones marked fuzzy, for review."""
    return [e for e in glossary.entries if verified(e, glossary.langs)]


def stats_note(entry: Entry) -> str:
    note = f"confidence {entry.confidence:.2f}; frequency {entry.frequency}; {entry.origin}"
    return f"{note}; {clean(entry.note)}" if entry.note else note


@dataclass(frozen=True)
class Naming:
    """Where each format goes: ``{prefix}{suffix}.tbx``, ``{prefix}.{a}-{b}{suffix}.utf8`` ..."""

    directory: Path
    prefix: str
    suffix: str = ".glossary"

    def single(self, ext: str) -> Path:
        return self.directory / f"{self.prefix}{self.suffix}.{ext}"

    def pair(self, a: str, b: str, ext: str) -> Path:
        return self.directory / f"{self.prefix}.{a}-{b}{self.suffix}.{ext}"

    def target(self, lang: str, ext: str) -> Path:
        return self.directory / f"{self.prefix}.{lang}{self.suffix}.{ext}"

    @classmethod
    def from_output(cls, output: str | Path) -> Naming:
        """``tm/glossary.tbx`` -> tm/glossary.csv, tm/glossary.en-ru.utf8; ``tm/x.glossary.tbx`` ->
        tm/x.glossary.csv, tm/x.en-ru.glossary.utf8."""
        path = Path(output)
        name = path.name
        for ext in (".tbx", ".csv", ".utf8", ".po", ".xml"):
            if name.lower().endswith(ext):
                name = name[: -len(ext)]
                break
        if name.endswith(".glossary"):
            return cls(path.parent, name[: -len(".glossary")], ".glossary")
        return cls(path.parent, name, "")


class Format:
    name: ClassVar[str] = ""

    def __init__(self, codes: Mapping[str, str] | None = None):
        self.overrides = dict(codes or {})

    def files(self, glossary: Glossary, naming: Naming, output: Path | None = None) -> list[tuple[Path, bytes]]:
        """The files of this format, as (path, content), written by nobody yet."""
        raise NotImplementedError

    def write(self, glossary: Glossary, naming: Naming, output: Path | None = None) -> list[Path]:
        """Write this format's files, all or none."""
        return write_files(self.files(glossary, naming, output))

    def codes(self, glossary: Glossary) -> dict[str, str]:
        return lang_codes(glossary.langs, self.overrides)


# ---------------------------------------------------------------- TBX v2 (martif)


class TBX2(Format):
    name = "tbx"

    def files(self, glossary: Glossary, naming: Naming, output: Path | None = None) -> list[tuple[Path, bytes]]:
        return [(output or naming.single("tbx"), self.dumps(glossary))]

    def dumps(self, glossary: Glossary) -> bytes:
        from lxml import etree

        codes = self.codes(glossary)
        root = etree.Element("martif", {"type": "TBX", XML_LANG: codes[glossary.langs[0]]})
        header = etree.SubElement(root, "martifHeader")
        file_desc = etree.SubElement(header, "fileDesc")
        title = etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title")
        title.text = f"{TOOL_NAME} glossary ({', '.join(codes.values())})"
        source = etree.SubElement(file_desc, "sourceDesc")
        etree.SubElement(source, "p").text = f"{TOOL_NAME} {__version__}; {glossary.signature}"
        body = etree.SubElement(etree.SubElement(root, "text"), "body")
        for entry in glossary.entries:
            body.append(self._entry(entry, glossary.langs, codes))
        return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)

    def _entry(self, entry: Entry, langs: Sequence[str], codes: Mapping[str, str]):
        from lxml import etree

        node = etree.Element("termEntry", id=entry.id)
        # concept-level information first, then the language sections (the DTD's order)
        etree.SubElement(node, "admin", type="x-confidence").text = f"{entry.confidence:.4f}"
        etree.SubElement(node, "admin", type="x-frequency").text = str(entry.frequency)
        etree.SubElement(node, "admin", type="x-origin").text = entry.origin
        etree.SubElement(node, "note").text = stats_note(entry)
        for lang in langs:
            terms = entry.terms_of(lang)
            if not terms:
                continue
            lang_set = etree.SubElement(node, "langSet", {XML_LANG: codes[lang]})
            example = entry.example(lang)
            for i, term in enumerate(terms):
                tig = etree.SubElement(lang_set, "tig")
                etree.SubElement(tig, "term").text = clean(term.text)
                etree.SubElement(tig, "termNote", type="termType").text = term.kind
                if term.pos:
                    etree.SubElement(tig, "termNote", type="partOfSpeech").text = term.pos
                if i == 0 and example is not None:
                    etree.SubElement(tig, "descrip", type="context").text = clean(example.text)
                    etree.SubElement(tig, "admin", type="x-tuid").text = clean(example.tuid)
                if term.frequency:
                    etree.SubElement(tig, "admin", type="x-frequency").text = str(term.frequency)
        return node


# ---------------------------------------------------------------- TBX v3 (TBX-Basic)


class TBX3(Format):
    name = "tbx3"

    def files(self, glossary: Glossary, naming: Naming, output: Path | None = None) -> list[tuple[Path, bytes]]:
        return [(output or naming.directory / f"{naming.prefix}{naming.suffix}.tbx3.tbx", self.dumps(glossary))]

    def dumps(self, glossary: Glossary) -> bytes:
        from lxml import etree

        ns = f"{{{TBX3_NS}}}"
        codes = self.codes(glossary)
        root = etree.Element(
            ns + "tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: codes[glossary.langs[0]]},
            nsmap={None: TBX3_NS},
        )
        file_desc = etree.SubElement(etree.SubElement(root, ns + "tbxHeader"), ns + "fileDesc")
        etree.SubElement(etree.SubElement(file_desc, ns + "sourceDesc"), ns + "p").text = (
            f"{TOOL_NAME} {__version__}; {glossary.signature}"
        )
        body = etree.SubElement(etree.SubElement(root, ns + "text"), ns + "body")
        for entry in glossary.entries:
            concept = etree.SubElement(body, ns + "conceptEntry", id=entry.id)
            etree.SubElement(concept, ns + "note").text = stats_note(entry)
            for lang in glossary.langs:
                terms = entry.terms_of(lang)
                if not terms:
                    continue
                sec = etree.SubElement(concept, ns + "langSec", {XML_LANG: codes[lang]})
                example = entry.example(lang)
                for i, term in enumerate(terms):
                    ts = etree.SubElement(sec, ns + "termSec")
                    etree.SubElement(ts, ns + "term").text = clean(term.text)
                    etree.SubElement(ts, ns + "termNote", type="termType").text = term.kind
                    if term.pos:
                        etree.SubElement(ts, ns + "termNote", type="partOfSpeech").text = term.pos
                    if i == 0 and example is not None:
                        etree.SubElement(ts, ns + "descrip", type="context").text = clean(example.text)
        return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------- OmegaT tab-separated


def _target_for(term: Term, targets: tuple[Term, ...]) -> Term:
    """An acronym is answered by the target's acronym when it has one, else by its preferred term."""
    if term.kind == ACRONYM:
        for t in targets:
            if t.kind == ACRONYM:
                return t
    if term.kind == FULL_FORM:
        for t in targets:
            if t.kind == FULL_FORM:
                return t
    return targets[0]


class OmegaT(Format):
    name = "omegat"

    def files(self, glossary: Glossary, naming: Naming, output: Path | None = None) -> list[tuple[Path, bytes]]:
        codes = self.codes(glossary)
        return [(naming.pair(codes[a], codes[b], "utf8"), self.dumps(glossary, a, b).encode("utf-8"))
                for a in glossary.langs for b in glossary.langs if a != b]

    def dumps(self, glossary: Glossary, src: str, tgt: str) -> str:
        codes = self.codes(glossary)
        lines = [
            f"# {TOOL_NAME} {__version__} glossary {codes[src]} -> {codes[tgt]}",
            f"# {clean(glossary.signature)}",
        ]
        seen: set[tuple[str, str]] = set()
        for entry in glossary.entries:
            targets = entry.terms_of(tgt)
            if not targets:
                continue
            for term in entry.terms_of(src):
                target = _target_for(term, targets)
                pair = (clean(term.text), clean(target.text))
                if not pair[0] or not pair[1] or pair in seen or pair[0].startswith("#"):
                    continue
                seen.add(pair)
                lines.append(f"{pair[0]}\t{pair[1]}\t{stats_note(entry)}")
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- CSV


class CSV(Format):
    name = "csv"

    def files(self, glossary: Glossary, naming: Naming, output: Path | None = None) -> list[tuple[Path, bytes]]:
        return [(output or naming.single("csv"), self.dumps(glossary).encode("utf-8"))]

    def dumps(self, glossary: Glossary) -> str:
        codes = self.codes(glossary)
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow([codes[lang] for lang in glossary.langs] + ["note"])
        for entry in glossary.entries:
            row = []
            synonyms = []
            for lang in glossary.langs:
                terms = entry.terms_of(lang)
                row.append(clean(terms[0].text) if terms else "")
                synonyms += [f"{codes[lang]}: {clean(t.text)} ({t.kind})" for t in terms[1:]]
            note = stats_note(entry)
            if synonyms:
                note = "synonyms: " + ", ".join(synonyms) + "; " + note
            writer.writerow(row + [note])
        return buf.getvalue()


# ---------------------------------------------------------------- PO


class PO(Format):
    name = "po"

    def files(self, glossary: Glossary, naming: Naming, output: Path | None = None) -> list[tuple[Path, bytes]]:
        codes = self.codes(glossary)
        return [(naming.target(codes[lang], "po"), self.dumps(glossary, lang).encode("utf-8"))
                for lang in glossary.langs[1:]]

    def dumps(self, glossary: Glossary, tgt: str) -> str:
        import polib

        codes = self.codes(glossary)
        src = glossary.langs[0]
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Project-Id-Version": f"{TOOL_NAME} glossary",
            "Language": codes[tgt].replace("-", "_"),
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "X-Generator": f"{TOOL_NAME} {__version__}",
            "X-Source-Language": codes[src],
        }
        seen: set[tuple[str, str | None]] = set()
        for entry in glossary.entries:
            targets = entry.terms_of(tgt)
            if not targets:
                continue
            for term in entry.terms_of(src):
                msgid = clean(term.text)
                ctxt = None
                if (msgid, None) in seen:
                    ctxt = entry.id  # the same source term in two concepts: tell them apart
                if not msgid or (msgid, ctxt) in seen:
                    continue
                seen.add((msgid, ctxt))
                item = polib.POEntry(
                    msgid=msgid,
                    msgstr=clean(_target_for(term, targets).text),
                    comment=f"{stats_note(entry)}; {term.kind}; entry {entry.id}",
                )
                if ctxt:
                    item.msgctxt = ctxt
                if not verified(entry, glossary.langs):
                    item.flags.append("fuzzy")
                po.append(item)
        return str(po) + ("" if str(po).endswith("\n") else "\n")


FORMATS: dict[str, type[Format]] = {"tbx": TBX2, "tbx3": TBX3, "omegat": OmegaT, "csv": CSV, "po": PO}
ALL = ("tbx", "omegat", "csv", "po")


def format_files(
    glossary: Glossary,
    naming: Naming,
    formats: Sequence[str] = ALL,
    *,
    output: Path | None = None,
    codes: Mapping[str, str] | None = None,
    verified_only: bool = True,
) -> list[tuple[Path, bytes]]:
    """The files of ``formats`` as (path, content); ``output`` is used as the file name of a single-file
    format. With ``verified_only`` TBX, OmegaT and CSV carry only the entries :func:`exported` keeps; PO
    always gets every entry, the unverified ones marked fuzzy."""
    files: list[tuple[Path, bytes]] = []
    checked = replace(glossary, entries=tuple(exported(glossary))) if verified_only else glossary
    for name in formats:
        source = glossary if name == "po" else checked
        files += FORMATS[name](codes).files(source, naming, output if len(formats) == 1 else None)
    return files


def write_formats(glossary: Glossary, naming: Naming, formats: Sequence[str] = ALL, **options: Any) -> list[Path]:
    """Write the files of :func:`format_files` (same options), all or none."""
    return write_files(format_files(glossary, naming, formats, **options))


def all_files(
    glossary: Glossary,
    out_dir: str | Path,
    stem: str,
    *,
    codes: Mapping[str, str] | None = None,
    verified_only: bool = True,
) -> list[tuple[Path, bytes]]:
    """<stem>.glossary.tbx, <stem>.<a>-<b>.glossary.utf8 per pair, <stem>.glossary.csv and
    <stem>.<lang>.glossary.po per target language, in ``out_dir``, as (path, content)."""
    return format_files(glossary, Naming(Path(out_dir), stem, ".glossary"), ALL, codes=codes,
                        verified_only=verified_only)


def write_all(glossary: Glossary, out_dir: str | Path, stem: str, **options: Any) -> list[Path]:
    """Write the files of :func:`all_files` (same options), all or none."""
    return write_files(all_files(glossary, out_dir, stem, **options))
