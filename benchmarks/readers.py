"""Benchmark of the readers and the language check.

1. PDF and DOCX: the UN dev set (and the UDHR) rendered into multi-page documents by tests/documents.py
   (reportlab, python-docx: one and two columns, running header, page numbers), read back by alignmem;
   a paragraph is *recovered* when the reader gives exactly its text, in order (longest common
   subsequence of the paragraph lists); speed in pages per second (the PDF's page count; a DOCX counts
   the pages of the same text as PDF) and paragraphs per second, best of ``--repeat`` runs.
2. Language check: share of lines (and whole texts) of the UDHR, the UN dev set and MAC-Dev that would be
   refused (false refusals of real English, Russian, Chinese: target ~0), and, where Debian's message
   catalogues are installed (/usr/share/locale/*/LC_MESSAGES/*.mo), the share of 40- and 150-word texts
   in French, German, Spanish, Italian, Polish, Ukrainian, Bulgarian, Belarusian, Serbian that are refused.
3. Web pages: the two newspaper pages of tests/fixtures/read: paragraphs as expected, chrome lines kept;
   with trafilatura for comparison when it is importable (it is no dependency).

    ALIGNMEM_EVAL=../shared/eval python benchmarks/readers.py [--paragraphs 400] [--repeat 2] [--json]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from evaldata import eval_dir

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from documents import docx_bytes, pdf_bytes

from alignmem.read import read_document
from alignmem.text.langid import identify
from alignmem.text.script import dominant_script

LANGS = ("en", "ru", "zh")
JOIN = {"en": " ", "ru": " ", "zh": ""}
FOREIGN = ("fr", "de", "es", "it", "pl", "uk", "bg", "be", "sr")
EXPECTED = {"en": "en", "ru": "ru", "zh": "zh-CN"}


def un_paragraphs(lang: str, count: int, seed: int = 1) -> list[str]:
    """``count`` paragraphs of 1-4 consecutive UN dev set sentences."""
    lines = (eval_dir() / "un-devset" / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    paragraphs, at = [], 0
    while len(paragraphs) < count and at < len(lines):
        size = rng.randint(1, 4)
        paragraphs.append(JOIN[lang].join(line.strip() for line in lines[at:at + size]))
        at += size
    return paragraphs


def udhr_paragraphs(lang: str) -> list[str]:
    name = {"en": "eng", "ru": "rus", "zh": "cmn_hans"}[lang]
    text = (eval_dir() / "udhr" / f"{name}.txt").read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def recovered(expected: list[str], found: list[str]) -> int:
    """Length of the longest common subsequence: paragraphs given exactly, in order."""
    previous = [0] * (len(found) + 1)
    for a in expected:
        current = [0]
        for j, b in enumerate(found):
            current.append(previous[j] + 1 if a == b else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def pdf_pages(data: bytes) -> int:
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") or data.count(b"/Type /Page")


def read_timed(path: Path, lang: str, repeat: int) -> tuple[list[str], float, float]:
    """The paragraphs read, and the best wall-clock and CPU seconds of ``repeat`` runs (CPU time says what
    a run costs when other jobs share the machine)."""
    best, cpu, paragraphs = float("inf"), float("inf"), []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        paragraphs = [p.text for p in read_document(path, lang=lang, verify_lang=False).paragraphs]
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return paragraphs, best, cpu


def formats(count: int, repeat: int, folder: Path) -> list[dict]:
    rows = []
    for corpus in ("un", "udhr"):
        for lang in LANGS:
            paragraphs = un_paragraphs(lang, count) if corpus == "un" else udhr_paragraphs(lang)
            pdf1 = pdf_bytes(paragraphs, running_header="United Nations · General Assembly")
            pages = pdf_pages(pdf1)
            made = {
                "pdf, 1 column": pdf1,
                "pdf, 2 columns": pdf_bytes(paragraphs, columns=2, running_header="United Nations"),
                "docx": docx_bytes([(p, None) for p in paragraphs]),
            }
            for kind, data in made.items():
                path = folder / f"{corpus}.{lang}.{kind.split(',')[0]}"
                path.write_bytes(data)
                found, seconds, cpu = read_timed(path, lang, repeat)
                page_count = pdf_pages(data) if kind.startswith("pdf") else pages
                rows.append({"corpus": corpus, "lang": lang, "format": kind, "paragraphs": len(paragraphs),
                             "recovered": recovered(paragraphs, found), "found": len(found), "pages": page_count,
                             "seconds": round(seconds, 3), "pages_per_s": round(page_count / seconds, 1),
                             "pages_per_cpu_s": round(page_count / max(cpu, 1e-6), 1),
                             "paragraphs_per_s": round(len(paragraphs) / seconds)})
    return rows


def refusals(texts: list[str], expected: str) -> tuple[int, int, Counter[str]]:
    """(texts judged, texts refused, verdicts)."""
    verdicts: Counter[str] = Counter()
    refused = 0
    for text in texts:
        script = dominant_script(text)
        verdict = identify(text, script) if script else None
        code = verdict.code if verdict else "-"
        verdicts[code] += 1
        refused += verdict is not None and verdict.code not in (expected, "zh-CN", "zh-TW")
    return len(texts), refused, verdicts


def language_check() -> dict:
    ev = eval_dir()
    own = []
    for lang in LANGS:
        udhr = udhr_paragraphs(lang)
        un = (ev / "un-devset" / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
        for name, texts in ((f"UDHR {lang} paragraphs", udhr), (f"UDHR {lang} whole", ["\n".join(udhr)]),
                            (f"UN dev {lang} lines", [t for t in un if t.strip()])):
            judged, refused, _ = refusals(texts, EXPECTED[lang])
            own.append({"set": name, "texts": judged, "refused": refused})
    for lang in ("en", "zh"):
        files = sorted((ev / "mac-dev" / lang).glob("*"))
        lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        judged, refused, _ = refusals(lines, EXPECTED[lang])
        own.append({"set": f"MAC-Dev {lang} lines", "texts": judged, "refused": refused})
        judged, refused, _ = refusals([f.read_text(encoding="utf-8") for f in files], EXPECTED[lang])
        own.append({"set": f"MAC-Dev {lang} chapters", "texts": judged, "refused": refused})
    corpora = [(lang, p.read_text(encoding="utf-8")) for lang in LANGS for p in (ROOT / "corpora" / lang).glob("*.txt")]
    refused = sum(refusals([text], EXPECTED[lang])[1] for lang, text in corpora)
    own.append({"set": "corpora/ (whole texts)", "texts": len(corpora), "refused": refused})
    foreign = []
    for lang in FOREIGN:
        for words in (40, 150):
            texts = catalogue_texts(lang, words)
            if not texts:
                continue
            judged, refused, verdicts = refusals(texts, "")
            foreign.append({"lang": lang, "words": words, "texts": judged, "refused": refused,
                            "named_right": verdicts.get(lang, 0)})
    return {"own_languages": own, "other_languages": foreign}


def catalogue_texts(lang: str, words: int, limit: int = 300) -> list[str]:
    """Texts of ``words`` words from the translated messages of Debian's catalogues (real translations;
    some catalogues leave messages in English, which then count as missed refusals)."""
    try:
        import polib
    except ImportError:
        return []
    texts, current = [], []
    for path in sorted(glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo")):
        try:
            catalogue = polib.mofile(path)
        except (OSError, ValueError, UnicodeError):
            continue
        for entry in catalogue:
            message = entry.msgstr
            if len(message.split()) < 4 or any(mark in message for mark in "%{<") or message == entry.msgid:
                continue
            current.extend(message.split())
            if len(current) >= words:
                texts.append(" ".join(current))
                current = []
    random.Random(1).shuffle(texts)
    return texts[:limit]


def web_pages() -> list[dict]:
    from test_read_newspaper import test_people_daily_page, test_rossiyskaya_gazeta_page  # the expectations

    rows = []
    for name, check in (("people_daily", test_people_daily_page), ("rossiyskaya_gazeta", test_rossiyskaya_gazeta_page)):
        path = ROOT / "tests" / "fixtures" / "read" / f"{name}.html"
        try:
            check()
            ours = "exact"
        except AssertionError:
            ours = "differs"
        row = {"page": name, "alignmem": ours}
        try:
            import trafilatura

            text = trafilatura.extract(path.read_text(encoding="utf-8"), include_tables=False) or ""
            expected = {p.text for p in read_document(path).paragraphs}
            lines = [line for line in text.splitlines() if line.strip()]
            row["trafilatura_lines"] = len(lines)
            row["trafilatura_chrome_kept"] = sum(line not in expected for line in lines)
            row["trafilatura_article_missing"] = sum(p not in lines for p in expected)
        except ImportError:
            row["trafilatura"] = "not installed"
        rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=400, help="UN paragraphs per language (default 400)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (eval_dir() / "un-devset").is_dir():
        raise SystemExit(f"readers: no evaluation data at {eval_dir()} (set ALIGNMEM_EVAL)")
    with tempfile.TemporaryDirectory() as folder:
        load = os.getloadavg()[0]
        results = {"formats": formats(args.paragraphs, args.repeat, Path(folder)), "language": language_check(),
                   "web": web_pages(), "load": [load, os.getloadavg()[0]]}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print("| corpus | lang | format | paragraphs recovered | pages | seconds | pages/s | pages/CPU-s | paragraphs/s |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for r in results["formats"]:
        print(f"| {r['corpus']} | {r['lang']} | {r['format']} | {r['recovered']}/{r['paragraphs']} "
              f"({r['found']} found) | {r['pages']} | {r['seconds']} | {r['pages_per_s']} | {r['pages_per_cpu_s']} "
              f"| {r['paragraphs_per_s']} |")
    print("\n| real text | texts | refused |\n|---|---:|---:|")
    for r in results["language"]["own_languages"]:
        print(f"| {r['set']} | {r['texts']} | {r['refused']} |")
    print("\n| other language | words | texts | refused | named right |\n|---|---:|---:|---:|---:|")
    for r in results["language"]["other_languages"]:
        print(f"| {r['lang']} | {r['words']} | {r['texts']} | {r['refused']} ({r['refused'] / r['texts']:.1%}) "
              f"| {r['named_right']} |")
    print("\n" + json.dumps(results["web"], ensure_ascii=False))
    print(f"load average (1 min) at start and end: {results['load'][0]:.1f}, {results['load'][1]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
