"""Reading glossaries (a user's seed or one we wrote): TBX v2 martif, TBX v3, CSV/TSV with language
columns; and merging a seed into extracted entries (the seed wins)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from lxml import etree

from alignmem.errors import FormatError, InputError, LanguageError
from alignmem.glossary.model import ACRONYM, FULL_FORM, Entry, Example, Glossary, Term, rank_key
from alignmem.glossary.normalize import norm
from alignmem.langs import get

MAX_BYTES = 200 * 1024 * 1024
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_glossary(path: str | Path, langs: Sequence[str] | None = None) -> Glossary:
    """A glossary file as a :class:`Glossary`; languages outside ``langs`` (when given) are ignored."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("glossary not found (give an existing TBX or CSV file)", str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read glossary: {exc.strerror or exc}", str(p)) from None
    if len(data) > MAX_BYTES:
        raise InputError("glossary larger than 200 MB", str(p))
    if not data.strip():
        raise InputError("glossary is empty", str(p))
    head = data.lstrip()[:1]
    if head == b"<" or data.startswith(b"\xef\xbb\xbf<"):
        entries, found = _read_tbx(data, str(p), langs)
    else:
        entries, found = _read_table(data, str(p), langs)
    codes = tuple(langs) if langs else tuple(found)
    entries.sort(key=rank_key)
    return Glossary(codes, tuple(entries), f"read from {p.name}")


def _lang(code: str | None, path: str, langs: Sequence[str] | None) -> str | None:
    if not code:
        return None
    try:
        lang = get(code).code
    except LanguageError:
        return None
    if langs is not None and lang not in langs:
        return None
    return lang


def _read_tbx(data: bytes, path: str, langs: Sequence[str] | None) -> tuple[list[Entry], list[str]]:

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(io.BytesIO(data), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"not well-formed XML: {exc.msg} (line {exc.lineno})", path) from None
    if any(isinstance(n, etree._Entity) for n in root.iter()):
        raise FormatError("XML entities are not allowed in a glossary", path)
    tag = etree.QName(root).localname
    if tag not in ("martif", "tbx"):
        raise FormatError(f"not a TBX glossary (root element <{tag}>, expected <martif> or <tbx>)", path)
    found: list[str] = []
    entries = []
    for n, node in enumerate(root.iter("{*}termEntry", "{*}conceptEntry", "termEntry", "conceptEntry")):
        entry = _tbx_entry(node, n, path, langs, found)
        if entry is not None:
            entries.append(entry)
    return entries, found


def _local(node) -> str:

    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _tbx_entry(node, n: int, path: str, langs: Sequence[str] | None, found: list[str]) -> Entry | None:
    admin: dict[str, str] = {}
    notes: list[str] = []
    terms: list[Term] = []
    examples: list[Example] = []
    for child in node:
        name = _local(child)
        if name == "admin":
            admin[child.get("type", "")] = (child.text or "").strip()
        elif name == "note":
            notes.append((child.text or "").strip())
        elif name in ("langSet", "langSec"):
            lang = _lang(child.get(_XML_LANG), path, langs)
            if lang is None:
                continue
            if lang not in found:
                found.append(lang)
            for holder in child:
                if _local(holder) not in ("tig", "ntig", "termSec"):
                    continue
                term, example = _tbx_term(holder, lang)
                if term is not None:
                    terms.append(term)
                if example is not None and not any(e.lang == lang for e in examples):
                    examples.append(example)
    if not terms:
        return None
    stats = next((m for x in notes if (m := _STATS.search(x))), None)
    if stats and "x-confidence" not in admin:  # TBX v3 (or a note-only TBX) written by us
        admin.update({"x-confidence": stats.group(1), "x-frequency": stats.group(2), "x-origin": stats.group(3)})
    try:
        confidence = float(admin.get("x-confidence", "1"))
        frequency = int(admin.get("x-frequency", "0"))
    except ValueError:
        confidence, frequency = 1.0, 0
    origin = admin.get("x-origin", "seed")
    note = "" if origin == "extracted" else "; ".join(x for x in notes if x)
    return Entry(node.get("id") or f"s{n + 1}", tuple(terms), frequency, confidence, tuple(examples), origin, note)


def _tbx_term(holder, lang: str) -> tuple[Term | None, Example | None]:
    text = ""
    kind, pos, freq = FULL_FORM, None, 0
    context, tuid = None, ""
    for el in holder.iter():
        name = _local(el)
        value = "".join(el.itertext()).strip()
        if name == "term":
            text = value
        elif name == "termNote" and el.get("type") == "termType":
            kind = value or FULL_FORM
        elif name == "termNote" and el.get("type") == "partOfSpeech":
            pos = value or None
        elif name == "descrip" and el.get("type") == "context":
            context = value
        elif name == "admin" and (el.get("type") == "x-tuid" or (
                el.get("type") == "source" and _local(el.getparent()) == "descripGrp")):
            tuid = value  # the TU of the example (x-tuid in files written before TBX-Basic categories)
        elif name == "admin" and el.get("type") == "x-frequency":
            freq = int(value) if value.isdigit() else 0
        elif name == "note" and (m := _TERM_FREQUENCY.fullmatch(value)):
            freq = int(m.group(1))
    term = Term(lang, text, kind, pos, freq) if text else None
    example = Example(lang, tuid, context) if context else None
    return term, example


_TERM_FREQUENCY = re.compile(r"frequency (\d+)")
_STATS = re.compile(r"confidence ([0-9.]+); frequency (\d+); (extracted|seed)")
_SYNONYM = re.compile(r"([A-Za-z_-]+): ([^,;]+?) \((\w+)\)")


def _read_table(data: bytes, path: str, langs: Sequence[str] | None) -> tuple[list[Entry], list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("glossary is not UTF-8 (save it as UTF-8 CSV)", path) from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise InputError("glossary has no rows", path)
    delimiter = "\t" if "\t" in lines[0] else ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [h.strip() for h in rows[0]]
    columns = [(i, _lang(h, path, langs)) for i, h in enumerate(header)]
    lang_cols = [(i, lang) for i, lang in columns if lang]
    if not lang_cols:
        raise FormatError(
            f"no language column in the header {header!r} (expected e.g. en,ru,zh-CN,note)", path
        )
    note_col = next((i for i, h in enumerate(header) if h.lower() in ("note", "notes", "comment")), None)
    found = [lang for _, lang in lang_cols]
    entries = []
    for n, row in enumerate(rows[1:]):
        terms = []
        for i, lang in lang_cols:
            cell = row[i].strip() if i < len(row) else ""
            for k, part in enumerate(p.strip() for p in cell.split("|")):
                if part:
                    terms.append(Term(lang, part, FULL_FORM if k == 0 else ACRONYM))
        note = row[note_col].strip() if note_col is not None and note_col < len(row) else ""
        confidence, frequency, origin = 1.0, 0, "seed"
        m = _STATS.search(note)
        if m:
            confidence, frequency, origin = float(m.group(1)), int(m.group(2)), m.group(3)
        if note.startswith("synonyms: "):
            for code, term_text, kind in _SYNONYM.findall(note[len("synonyms: "):].split("; confidence")[0]):
                lang = _lang(code, path, langs)
                if lang:
                    terms.append(Term(lang, term_text.strip(), kind))
        if terms:
            terms.sort(key=lambda t: found.index(t.lang))
            entries.append(Entry(f"s{n + 1}", tuple(terms), frequency, confidence, (), origin,
                                 "" if m else note))
    return entries, found


def merge_seed(extracted: list[Entry], seed: Sequence[Entry], langs: Sequence[str]) -> list[Entry]:
    """Seed entries win: an extracted entry sharing a term with a seed entry is dropped (its frequency
    and examples go to the seed entry)."""
    owner: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(seed):
        for t in entry.terms:
            owner.setdefault((t.lang, norm(t.text, t.lang)), i)
    freq = [0] * len(seed)
    examples: list[tuple[Example, ...]] = [()] * len(seed)
    kept = []
    for entry in extracted:
        hit = next((owner[k] for t in entry.terms if (k := (t.lang, norm(t.text, t.lang))) in owner), None)
        if hit is None:
            kept.append(entry)
            continue
        freq[hit] = max(freq[hit], entry.frequency)
        if not examples[hit]:
            examples[hit] = entry.examples
    merged = [
        replace(e, origin="seed", confidence=1.0, frequency=e.frequency or freq[i],
                examples=e.examples or examples[i])
        for i, e in enumerate(seed)
    ]
    return merged + kept
