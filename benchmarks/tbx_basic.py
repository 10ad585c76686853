#!/usr/bin/env python3
"""TBX validation: our TBX v3 files against LTAC's published TBX-Basic schemas (the core structure RNG and
the TBX-Basic DCA Schematron), read at run time from a folder the caller names; nothing of theirs is
part of the project.

The folder (``--schemas DIR`` or ``$ALIGNMEM_TBX_SCHEMAS``) must hold, anywhere below it,
``TBXcoreStructV03.rng`` (repository LTAC-Global/TBX_Core_RNG) and ``TBX-Basic_DCA.sch`` (repository
LTAC-Global/TBX-Basic_dialect, folder ``DCA/``). Without TBX files on the command line the script builds
what a user gets: ``alignmem align --corpus corpora`` and then ``alignmem glossary build ... --format tbx3``
on the article's TMX, and validates that file.

The Schematron has ``queryBinding="xslt2"`` (XPath 2.0 in its tests), which libxml2's ISO Schematron
cannot run; the rules are evaluated here with ``elementpath`` (XPath 2.0 over lxml): for each pattern,
every node is checked by the first rule whose context matches it, as the Schematron standard says.

    python benchmarks/tbx_basic.py --schemas /path/to/schemas            # the article's TBX v3
    python benchmarks/tbx_basic.py --schemas DIR tm/x.tbx3.tbx --json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
STEM = "lavrov-treaty-20th-anniversary-2021"
SCH = "{http://purl.oclc.org/dsdl/schematron}"


def find(folder: Path, name: str) -> Path:
    hits = sorted(folder.rglob(name))
    if not hits:
        raise SystemExit(f"tbx_basic: {name} not found under {folder}")
    return hits[0]


def relaxng_errors(rng: Path, doc: etree._ElementTree) -> list[str]:
    schema = etree.RelaxNG(etree.parse(str(rng)))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def schematron_errors(sch: Path, doc: etree._ElementTree) -> list[str]:
    """Every failed assert of the Schematron ``sch`` on ``doc``: 'pattern: message (xpath of the node)'."""
    import elementpath

    schema = etree.parse(str(sch)).getroot()
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iter(SCH + "ns")}
    root = doc.getroot()
    errors = []
    for pattern in schema.iter(SCH + "pattern"):
        seen: set = set()  # a node is checked by the first rule of the pattern that matches it
        for rule in pattern.iter(SCH + "rule"):
            context = rule.get("context")
            path = context if context.startswith("/") else "//" + context
            for node in elementpath.select(root, path, namespaces=namespaces):
                key = _node_key(node)
                if key in seen:
                    continue
                seen.add(key)
                for check in rule.iter(SCH + "assert"):
                    ok = elementpath.select(root, f"boolean({check.get('test')})", namespaces=namespaces,
                                            item=node)
                    if not ok:
                        errors.append(f"{pattern.get('id')}: {' '.join(''.join(check.itertext()).split())} "
                                      f"({_where(node, doc)})")
    return errors


def _node_key(node) -> tuple:
    parent = getattr(node, "parent", None)  # an attribute node: its element and name
    if parent is not None:
        return (id(parent.elem if hasattr(parent, "elem") else parent), getattr(node, "name", ""))
    return (id(node),)


def _where(node, doc: etree._ElementTree) -> str:
    parent = getattr(node, "parent", None)
    element = node if isinstance(node, etree._Element) else getattr(parent, "elem", parent)
    if isinstance(element, etree._Element):
        return f"line {element.sourceline}: {doc.getpath(element)}"
    return str(node)


def build_article_tbx3(folder: Path) -> Path:
    """What a user gets for the shipped article, as TBX v3."""
    tm = folder / "tm"
    subprocess.run([sys.executable, "-m", "alignmem", "align", "--corpus", str(ROOT / "corpora"), "--out", str(tm),
                    "--no-report", "-q"], check=True)
    out = folder / "article.tbx3.tbx"
    subprocess.run([sys.executable, "-m", "alignmem", "glossary", "build", str(tm / f"{STEM}.tmx"), "-o", str(out),
                    "--format", "tbx3", "-q"], check=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tbx", nargs="*", type=Path, help="TBX v3 files (default: the article's, built now)")
    parser.add_argument("--schemas", type=Path, default=os.environ.get("ALIGNMEM_TBX_SCHEMAS"),
                        help="folder holding TBXcoreStructV03.rng and TBX-Basic_DCA.sch ($ALIGNMEM_TBX_SCHEMAS)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.schemas is None or not Path(args.schemas).is_dir():
        raise SystemExit("tbx_basic: give the schema folder with --schemas DIR or $ALIGNMEM_TBX_SCHEMAS")
    rng, sch = find(Path(args.schemas), "TBXcoreStructV03.rng"), find(Path(args.schemas), "TBX-Basic_DCA.sch")
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = args.tbx or [build_article_tbx3(Path(tmp))]
        for path in files:
            doc = etree.parse(str(path))
            rng_errors, sch_errors = relaxng_errors(rng, doc), schematron_errors(sch, doc)
            report[str(path.name)] = {
                "entries": len(doc.getroot().findall(".//{*}conceptEntry")),
                "rng_errors": len(rng_errors),
                "schematron_errors": len(sch_errors),
                "first_errors": (rng_errors + sch_errors)[:10],
            }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for name, r in report.items():
            print(f"{name}: {r['entries']} entries, RNG errors {r['rng_errors']}, "
                  f"Schematron errors {r['schematron_errors']}")
            for line in r["first_errors"]:
                print(f"  {line}")
    return 0 if all(not r["rng_errors"] and not r["schematron_errors"] for r in report.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
