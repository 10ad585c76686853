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
Files are written atomically (:mod:`alignmem.io.atomic`); reading goes through :mod:`alignmem.io.xml`.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from lxml import etree

from alignmem import TOOL_NAME, __version__
from alignmem.errors import FormatError, InputError
from alignmem.export.base import Built, Format, Naming
from alignmem.export.units import tus_of
from alignmem.io.atomic import write_bytes
from alignmem.io.xml import XML_LANG, parse_file
from alignmem.langs import file_code, file_order, internal_code
from alignmem.model import TU, AlignedDocument
from alignmem.text.space import collapse, one_line

MAX_SEG_CHARS = 2000  # Trados Cloud refuses longer segments
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
DTD_PATH = Path(__file__).resolve().parent.parent / "data" / "tmx14.dtd"
_DATE = re.compile(r"^\d{8}T\d{6}Z$")

# Props we write and read back into TU fields.
PROP_SCORE = "x-score"
PROP_LINK = "x-link-type"
PROP_DOC = "x-document"
PROP_PARA = "x-paragraph"
PROP_SIGNATURE = "x-alignmem-signature"


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


class TMX(Format):
    """TMX 1.4b: ``NAME.tmx`` with the groups that hold every language (three languages only), then
    ``NAME.<a>-<b>.tmx`` per pair with every group of the pair's view that holds both."""

    name = "tmx"
    description = "TMX 1.4b translation memory, trilingual and per language pair"

    def plan(self, langs: Sequence[str], naming: Naming) -> list[tuple[Path, tuple[str, ...]]]:
        """(path, languages) of every file for a document of ``langs``: the trilingual file first."""
        ordered = file_order(langs)
        codes = self.codes(ordered)
        plan: list[tuple[Path, tuple[str, ...]]] = []
        if len(ordered) == 3:
            plan.append((naming.single("tmx"), ordered))
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                plan.append((naming.pair(codes[a], codes[b], "tmx"), (a, b)))
        return plan

    def files(self, subject: AlignedDocument, naming: Naming, output: Path | None = None) -> list[Built]:
        """The files of :meth:`plan`; ``output`` names the only file of a two-language document."""
        options = self.options
        built = []
        plan = self.plan(subject.langs, naming)
        if output is not None and len(plan) == 1:
            plan = [(Path(output), plan[0][1])]
        for path, langs in plan:
            view = subject if len(langs) == len(subject.langs) else subject.pair(*langs)
            tus = tus_of(view, langs)
            srclang = options.srclang if options.srclang in langs else next(x for x in subject.langs
                                                                            if x in langs)
            warnings: list[str] = []
            signature = f"{TOOL_NAME}:{__version__}|langs:{','.join(langs)}|{options.signature}"
            data = tmx_bytes(tus, langs, srclang=srclang, codes=options.codes,
                             header_props=[(PROP_SIGNATURE, signature)],
                             creationdate=options.creationdate, warnings=warnings)
            built.append(Built(path, data, langs, len(tus), tuple(warnings)))
        return built


# ------------------------------------------------------------------------------------------- write
def tmx_bytes(tus: Sequence[TU], langs: Sequence[str], *, srclang: str,
              codes: Mapping[str, str] | None = None,
              header_props: Sequence[tuple[str, str]] = (), creationdate: str | None = None,
              warnings: list[str] | None = None) -> bytes:
    """The TMX document for ``tus`` as UTF-8 bytes (see :func:`write_tmx`)."""
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
        "srclang": file_code(srclang, codes),
        "datatype": "plaintext",
        "creationdate": date,
    })
    for kind, value in header_props:
        etree.SubElement(header, "prop", type=kind).text = one_line(value)
    body = etree.SubElement(root, "body")
    for tu in tus:
        _tu_element(body, tu, langs, codes, date, warnings)
    etree.indent(root, space="  ")
    xml = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + DOCTYPE.encode() + b"\n" + xml + b"\n"


def _tu_element(body, tu: TU, langs: tuple[str, ...], codes, date: str, warnings: list[str] | None) -> None:
    texts = {lang: one_line(text) for lang, text in tu.segs}
    absent = [lang for lang in langs if not texts.get(lang)]
    if absent:
        raise ValueError(f"TU {tu.tuid!r} has no text in {absent}: every TU must hold every language")
    attrs = {"creationdate": date}
    if tu.tuid:
        attrs = {"tuid": one_line(tu.tuid), **attrs}
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
        etree.SubElement(element, "prop", type=kind).text = one_line(value)
    for lang in langs:
        text = texts[lang]
        if warnings is not None and len(text) > MAX_SEG_CHARS:
            warnings.append(f"TU {tu.tuid}: {lang} segment has {len(text)} characters (over {MAX_SEG_CHARS}, "
                            "which Trados Cloud refuses)")
        tuv = etree.SubElement(element, "tuv", {XML_LANG: file_code(lang, codes)})
        etree.SubElement(tuv, "seg").text = text


def write_tmx(path: str | os.PathLike[str], tus: Sequence[TU], langs: Sequence[str], *, srclang: str,
              codes: Mapping[str, str] | None = None, header_props: Sequence[tuple[str, str]] = (),
              creationdate: str | None = None) -> list[str]:
    """Write ``tus`` as TMX 1.4b to ``path`` atomically; returns warnings (segments over 2,000 characters).

    Every TU must hold a non-empty seg for every language in ``langs`` (see :func:`alignmem.export.units.tus_of`).
    """
    warnings: list[str] = []
    data = tmx_bytes(tus, langs, srclang=srclang, codes=codes, header_props=header_props,
                     creationdate=creationdate, warnings=warnings)
    write_bytes(path, data)
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
    name = os.fspath(path)
    root = parse_file(name)
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
        segs.append((internal_code(code, codes), collapse(_seg_text(seg))))
    try:
        score = float(fields[PROP_SCORE]) if PROP_SCORE in fields else None
        para = int(fields[PROP_PARA]) if PROP_PARA in fields else None
    except ValueError:
        raise FormatError(f"TU {number} has a non-numeric {PROP_SCORE} or {PROP_PARA} prop", name) from None
    return TU(tuid=element.get("tuid") or "", segs=tuple(segs), score=score, link_type=fields.get(PROP_LINK),
              doc=fields.get(PROP_DOC), para=para, props=tuple(other))


def validate(data: bytes) -> list[str]:
    """Errors of ``data`` against the TMX 1.4b DTD shipped with alignmem (empty list: valid)."""
    dtd = etree.DTD(str(DTD_PATH))
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    if dtd.validate(root):
        return []
    return [str(error) for error in dtd.error_log]
