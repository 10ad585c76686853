"""TMX 1.4b: translation units from aligned groups, written so CAT tools match them, and read back safely.

What CAT tools check (see docs/FORMATS.md) and how this module meets it:
- full header with its seven required attributes, ``segtype="sentence"``, a real ``srclang``;
- one ``<tu>`` per group holding *every* language of the file (a TU lacking the target language makes
  OmegaT leak another language), segs with normalised whitespace and never empty;
- a stable ``tuid`` (``<stem>:p<paragraph>:s<sentence>``), ``creationdate`` taken from
  ``SOURCE_DATE_EPOCH`` or the inputs' mtime (never "now": reruns are byte-identical) and ``x-`` props
  for the score, the link type, the document and the paragraph;
- characters XML 1.0 forbids become a space; segments over 2,000 characters are reported as warnings
  (Trados Cloud refuses them).
Files are written atomically (:mod:`alignmem.atomic`); reading goes through :mod:`alignmem.safexml`.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from alignmem import TOOL_NAME, __version__, atomic
from alignmem import langs as langreg
from alignmem.errors import FormatError, InputError
from alignmem.types import TU, AlignedDocument

MAX_SEG_CHARS = 2000  # Trados Cloud refuses longer segments
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
DTD_PATH = Path(__file__).with_name("data") / "tmx14.dtd"

# C0 controls other than tab/LF/CR, lone surrogates and the two non-characters XML 1.0 forbids.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"^\d{8}T\d{6}Z$")

# Props we write and read back into TU fields.
PROP_SCORE = "x-score"
PROP_LINK = "x-link-type"
PROP_DOC = "x-document"
PROP_PARA = "x-paragraph"


# ---------------------------------------------------------------------------------------------- codes
def default_codes(languages: Iterable[str]) -> dict[str, str]:
    """Internal code -> TMX code from the language registry (``zh`` -> ``zh-CN``)."""
    return {code: langreg.get(code).tmx_code for code in languages}


def parse_codes(spec: str | None) -> dict[str, str]:
    """``"en=en-GB,zh=zh-CN"`` -> {"en": "en-GB", "zh": "zh-CN"} (unknown internal codes are an error)."""
    codes: dict[str, str] = {}
    if not spec:
        return codes
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        value = value.strip()
        if not sep or not value or not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value):
            raise InputError(f"bad --tmx-codes entry {part.strip()!r}: expected LANG=CODE, e.g. zh=zh-CN")
        codes[langreg.get(key).code] = value
    return codes


def tmx_code(lang: str, codes: Mapping[str, str] | None) -> str:
    if codes and lang in codes:
        return codes[lang]
    return langreg.get(lang).tmx_code


def internal_code(code: str, codes: Mapping[str, str] | None = None) -> str:
    """TMX code -> internal code (``zh-CN``/``zh-Hans``/``zh`` -> ``zh``); unknown codes are kept as is."""
    if codes:
        for internal, external in codes.items():
            if external.lower() == code.lower():
                return internal
    try:
        return langreg.get(code).code
    except InputError:
        return code


# ------------------------------------------------------------------------------------------ helpers
def clean_text(text: str) -> str:
    """XML-forbidden characters -> space, then whitespace runs -> one space, trimmed."""
    return " ".join(_FORBIDDEN.sub(" ", text).split())


def creation_date(paths: Iterable[str | os.PathLike[str]] = ()) -> str:
    """``YYYYMMDDThhmmssZ`` from ``SOURCE_DATE_EPOCH`` if set, else the newest input file's mtime.

    Never the current time, so the same inputs give byte-identical files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            stamp = int(epoch)
        except ValueError:
            raise InputError(f"SOURCE_DATE_EPOCH must be an integer, not {epoch!r}") from None
    else:
        stamp = 0
        for path in paths:
            try:
                stamp = max(stamp, int(os.stat(path).st_mtime))
            except OSError:
                continue
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(stamp))


def pair_path(base: str | os.PathLike[str], pair: Sequence[str],
              codes: Mapping[str, str] | None = None) -> Path:
    """``tm/NAME.tmx`` + (en, zh) -> ``tm/NAME.en-zh-CN.tmx`` (named with the TMX codes)."""
    base = Path(base)
    stem = base.name[: -len(".tmx")] if base.name.lower().endswith(".tmx") else base.name
    suffix = "-".join(tmx_code(lang, codes) for lang in pair)
    return base.with_name(f"{stem}.{suffix}.tmx")


# ----------------------------------------------------------------------------------- groups -> TUs
def _para_starts(aligned: AlignedDocument) -> dict[tuple[str, int], int]:
    """(lang, paragraph) -> index of its first sentence, to number sentences within paragraphs."""
    starts: dict[tuple[str, int], int] = {}
    for doc in aligned.documents:
        for sentence in doc.sentences:
            key = (doc.lang, sentence.para)
            if key not in starts or sentence.index < starts[key]:
                starts[key] = sentence.index
    return starts


def tus_from_groups(aligned: AlignedDocument, langs: Sequence[str]) -> list[TU]:
    """One TU per group that has sentences in every language of ``langs`` (in ``langs`` order).

    The seg is the group's sentences joined with the language's joiner, whitespace normalised; a group
    whose text would be empty in some language is skipped (an empty seg counts as a translation).
    """
    langs = tuple(langs)
    missing = [lang for lang in langs if lang not in aligned.langs]
    if missing:
        raise ValueError(f"languages {missing} not in the aligned document ({aligned.langs})")
    starts = _para_starts(aligned)
    tus: list[TU] = []
    for group in aligned.groups:
        if not all(group.has(lang) for lang in langs):
            continue
        segs = tuple((lang, clean_text(langreg.get(lang).joiner.join(s.text for s in group.of(lang))))
                     for lang in langs)
        if not all(text for _, text in segs):
            continue
        first = group.of(langs[0])[0]
        number = first.index - starts.get((langs[0], first.para), first.index) + 1
        score = group.score
        if len(langs) == 2:
            for a, b, pair_score in group.pair_scores:
                if {a, b} == set(langs):
                    score = pair_score
        tus.append(TU(
            tuid=f"{aligned.stem}:p{first.para + 1}:s{number}",
            segs=segs,
            score=round(max(0.0, min(1.0, score)), 4),
            link_type="-".join(str(len(group.of(lang))) for lang in langs),
            doc=aligned.stem,
            para=first.para + 1,
        ))
    return tus


# ------------------------------------------------------------------------------------------- write
def tmx_bytes(tus: Sequence[TU], langs: Sequence[str], *, srclang: str,
              codes: Mapping[str, str] | None = None,
              header_props: Sequence[tuple[str, str]] = (), creationdate: str | None = None,
              warnings: list[str] | None = None) -> bytes:
    """The TMX document for ``tus`` as UTF-8 bytes (see :func:`write_tmx`)."""
    from lxml import etree

    langs = tuple(langs)
    if srclang not in langs:
        raise ValueError(f"srclang {srclang!r} is not one of {langs}")
    date = creationdate or creation_date()
    if not _DATE.match(date):
        raise ValueError(f"creationdate must look like 20210716T000000Z, not {date!r}")
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", {
        "creationtool": TOOL_NAME,
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": TOOL_NAME,
        "adminlang": "en",
        "srclang": tmx_code(srclang, codes),
        "datatype": "plaintext",
        "creationdate": date,
    })
    for kind, value in header_props:
        etree.SubElement(header, "prop", type=kind).text = clean_text(value)
    body = etree.SubElement(root, "body")
    for tu in tus:
        _tu_element(body, tu, langs, codes, date, warnings)
    etree.indent(root, space="  ")
    xml = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + DOCTYPE.encode() + b"\n" + xml + b"\n"


def _tu_element(body, tu: TU, langs: tuple[str, ...], codes, date: str, warnings: list[str] | None) -> None:
    from lxml import etree

    texts = {lang: clean_text(text) for lang, text in tu.segs}
    absent = [lang for lang in langs if not texts.get(lang)]
    if absent:
        raise ValueError(f"TU {tu.tuid!r} has no text in {absent}: every TU must hold every language")
    attrs = {"creationdate": date}
    if tu.tuid:
        attrs = {"tuid": clean_text(tu.tuid), **attrs}
    element = etree.SubElement(body, "tu", attrs)
    props = []
    if tu.score is not None:
        props.append((PROP_SCORE, f"{tu.score:.4f}"))
    if tu.link_type:
        props.append((PROP_LINK, tu.link_type))
    if tu.doc:
        props.append((PROP_DOC, tu.doc))
    if tu.para is not None:
        props.append((PROP_PARA, str(tu.para)))
    props.extend(tu.props)
    for kind, value in props:
        etree.SubElement(element, "prop", type=kind).text = clean_text(value)
    for lang in langs:
        text = texts[lang]
        if warnings is not None and len(text) > MAX_SEG_CHARS:
            warnings.append(f"TU {tu.tuid}: {lang} segment has {len(text)} characters (over {MAX_SEG_CHARS}, "
                            "which Trados Cloud refuses)")
        tuv = etree.SubElement(element, "tuv", {XML_LANG: tmx_code(lang, codes)})
        etree.SubElement(tuv, "seg").text = text


def write_tmx(path: str | os.PathLike[str], tus: Sequence[TU], langs: Sequence[str], *, srclang: str,
              codes: Mapping[str, str] | None = None, header_props: Sequence[tuple[str, str]] = (),
              creationdate: str | None = None) -> list[str]:
    """Write ``tus`` as TMX 1.4b to ``path`` atomically; returns warnings (segments over 2,000 characters).

    Every TU must hold a non-empty seg for every language in ``langs`` (use :func:`tus_from_groups`).
    """
    warnings: list[str] = []
    data = tmx_bytes(tus, langs, srclang=srclang, codes=codes, header_props=header_props,
                     creationdate=creationdate, warnings=warnings)
    atomic.write_bytes(path, data)
    return warnings


# -------------------------------------------------------------------------------------------- read
_NATIVE_CODE = frozenset({"bpt", "ept", "it", "ph", "ut"})  # inline elements that hold markup, not text


def _seg_text(seg) -> str:
    parts = [seg.text or ""]
    for child in seg:
        if not isinstance(child.tag, str):
            pass
        elif child.tag not in _NATIVE_CODE:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tmx(path: str | os.PathLike[str], codes: Mapping[str, str] | None = None) -> list[TU]:
    """Read a TMX file (any tool's, hostile XML refused) into TUs with internal language codes.

    ``codes`` is the same internal -> TMX mapping as for writing (``{"en": "en-GB"}``), used in reverse.
    """
    from alignmem import safexml

    name = os.fspath(path)
    root = safexml.parse_file(name)
    if root.tag != "tmx":
        raise FormatError(f"not a TMX file (root element <{root.tag}>, expected <tmx>)", name)
    body = root.find("body")
    if body is None:
        raise FormatError("TMX file has no <body>", name)
    tus: list[TU] = []
    for number, element in enumerate(body.iter("tu"), 1):
        tus.append(_read_tu(element, number, codes, name))
    return tus


def _read_tu(element, number: int, codes, name: str) -> TU:
    fields: dict[str, str] = {}
    other: list[tuple[str, str]] = []
    for prop in element.findall("prop"):
        kind = prop.get("type", "")
        value = prop.text or ""
        if kind in (PROP_SCORE, PROP_LINK, PROP_DOC, PROP_PARA) and kind not in fields:
            fields[kind] = value
        else:
            other.append((kind, value))
    segs = []
    for tuv in element.findall("tuv"):
        code = tuv.get(XML_LANG) or tuv.get("lang")
        seg = tuv.find("seg")
        if not code or seg is None:
            raise FormatError(f"TU {number} has a <tuv> without xml:lang or <seg>", name)
        segs.append((internal_code(code, codes), " ".join(_seg_text(seg).split())))
    try:
        score = float(fields[PROP_SCORE]) if PROP_SCORE in fields else None
        para = int(fields[PROP_PARA]) if PROP_PARA in fields else None
    except ValueError:
        raise FormatError(f"TU {number} has a non-numeric {PROP_SCORE} or {PROP_PARA} prop", name) from None
    return TU(tuid=element.get("tuid") or "", segs=tuple(segs), score=score, link_type=fields.get(PROP_LINK),
              doc=fields.get(PROP_DOC), para=para, props=tuple(other))


def validate(data: bytes) -> list[str]:
    """Errors of ``data`` against the TMX 1.4b DTD shipped with alignmem (empty list: valid)."""
    from lxml import etree

    dtd = etree.DTD(str(DTD_PATH))
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    if dtd.validate(root):
        return []
    return [str(error) for error in dtd.error_log]
