"""Looking a term up: a glossary entry found by any of its terms (case-insensitive, Russian by lemma,
Chinese by substring, small typos forgiven), and a concordance of the translation units that contain it.

The glossary is read once into an SQLite index cached next to it (``.NAME.lookup.sqlite``), rebuilt
when the glossary's size, mtime and hash no longer match, so a lookup in 50,000 entries stays instant.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from alignmem.errors import InputError
from alignmem.export.tmx import read_tmx
from alignmem.glossary.model import Entry, Example, Term
from alignmem.glossary.normalize import norm, norm_word, words
from alignmem.glossary.seed import read_glossary
from alignmem.model import TU
from alignmem.text.script import query_lang

SCHEMA = 3
HOW_ORDER = {"exact": 0, "lemma": 1, "prefix": 2, "substring": 3, "fuzzy": 4}
FUZZY_CUTOFF = 80.0


@dataclass(frozen=True)
class Match:
    entry: Entry
    lang: str  # language of the term that matched
    term: str
    how: str  # exact | lemma | prefix | substring | fuzzy
    score: float  # 100 for exact matches, the rapidfuzz ratio otherwise


@dataclass(frozen=True)
class Hit:
    """A translation unit containing the term; spans are offsets into each segment."""

    tuid: str
    source: str  # the TMX file
    segs: tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...]  # (lang, text, spans)


@dataclass(frozen=True)
class LookupResult:
    query: str
    matches: tuple[Match, ...]
    concordance: tuple[Hit, ...]
    suggestions: tuple[str, ...]

    @property
    def found(self) -> bool:
        return bool(self.matches or self.concordance)


def index_path(glossary: Path) -> Path:
    return glossary.with_name(f".{glossary.name}.lookup.sqlite")


def _fingerprint(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _entry_json(e: Entry) -> str:
    return json.dumps(
        {
            "id": e.id, "confidence": e.confidence, "frequency": e.frequency, "origin": e.origin, "note": e.note,
            "terms": [[t.lang, t.text, t.kind, t.pos, t.frequency] for t in e.terms],
            "examples": [[x.lang, x.tuid, x.text] for x in e.examples],
        },
        ensure_ascii=False,
    )


def _entry_from_json(data: str) -> Entry:
    d = json.loads(data)
    return Entry(
        d["id"], tuple(Term(*t) for t in d["terms"]), d["frequency"], d["confidence"],
        tuple(Example(*x) for x in d["examples"]), d["origin"], d["note"],
    )


class GlossaryIndex:
    """SQLite index of a glossary file. ``GlossaryIndex.open(path)`` reuses the cached index when valid."""

    def __init__(self, connection: sqlite3.Connection, source: Path):
        self.db = connection
        self.source = source

    @classmethod
    def open(cls, glossary: str | Path) -> GlossaryIndex:
        source = Path(glossary)
        if not source.is_file():

            raise InputError("glossary not found (build one with 'alignmem glossary build')", str(source))
        cache = index_path(source)
        size, mtime = _fingerprint(source)
        db = cls._try_cached(cache, source, size, mtime)
        if db is None:
            db = cls._build(source, cache, size, mtime)
        return cls(db, source)

    @staticmethod
    def _try_cached(cache: Path, source: Path, size: int, mtime: int) -> sqlite3.Connection | None:
        if not cache.is_file():
            return None
        try:
            db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error:
            return None
        if meta.get("schema") != str(SCHEMA):
            db.close()
            return None
        if meta.get("size") == str(size) and meta.get("mtime") == str(mtime):
            return db
        # touched but maybe unchanged: compare the content hash before rebuilding
        if meta.get("size") == str(size) and meta.get("sha256") == _sha256(source):
            db.close()
            try:
                rw = sqlite3.connect(cache)
                rw.execute("UPDATE meta SET value = ? WHERE key = 'mtime'", (str(mtime),))
                rw.commit()
                rw.close()
            except sqlite3.Error:
                pass
            return sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
        db.close()
        return None

    @staticmethod
    def _build(source: Path, cache: Path, size: int, mtime: int) -> sqlite3.Connection:

        glossary = read_glossary(source)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{cache.name}.", suffix=".tmp", dir=cache.parent)
            os.close(fd)
            target = tmp
        except OSError:
            target = ":memory:"  # read-only folder: index in memory for this run
        db = sqlite3.connect(target)
        db.executescript(
            """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE entries(id INTEGER PRIMARY KEY, rank INTEGER, confidence REAL, frequency INTEGER,
                                 data TEXT);
            CREATE TABLE terms(entry INTEGER, lang TEXT, text TEXT, norm TEXT, len INTEGER);
            CREATE TABLE buckets(lang TEXT, len INTEGER, norms TEXT, rows TEXT);
            """
        )
        rows, term_rows = [], []
        for rank, e in enumerate(glossary.entries):
            rows.append((rank, rank, e.confidence, e.frequency, _entry_json(e)))
            for t in e.terms:
                key = norm(t.text, t.lang)
                term_rows.append((rank, t.lang, t.text, key, len(key)))
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO terms VALUES (?, ?, ?, ?, ?)", term_rows)
        # typo search reads a few blobs (all keys of one language and length) instead of thousands of rows
        buckets: dict[tuple[str, int], list[tuple[int, str, str]]] = {}
        for entry, lang, text, key, length in term_rows:
            buckets.setdefault((lang, length), []).append((entry, text, key))
        db.executemany("INSERT INTO buckets VALUES (?, ?, ?, ?)", [
            (lang, length, "\n".join(k.replace("\n", " ") for _, _, k in items),
             "\n".join(f"{e}\t{t.replace(chr(10), ' ')}" for e, t, _ in items))
            for (lang, length), items in sorted(buckets.items())
        ])
        db.executescript("CREATE INDEX terms_norm ON terms(norm); CREATE INDEX terms_len ON terms(len);")
        meta = {"schema": SCHEMA, "size": size, "mtime": mtime, "sha256": _sha256(source),
                "langs": ",".join(glossary.langs)}
        db.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
        db.commit()
        if target != ":memory:":
            db.close()
            os.replace(target, cache)
            db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
        return db

    @property
    def langs(self) -> tuple[str, ...]:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'langs'").fetchone()
        return tuple(x for x in (row[0] if row else "").split(",") if x)

    def _entries(self, ids: Sequence[int]) -> dict[int, Entry]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {
            i: _entry_from_json(d)
            for i, d in self.db.execute(f"SELECT id, data FROM entries WHERE id IN ({marks})", list(ids))
        }

    def search(self, query: str, limit: int = 10) -> list[Match]:
        """Entries with a term matching ``query``, best first: exact, by lemma, by prefix, by substring,
        then with a small typo; within each, by confidence and frequency."""
        lang = query_lang(query)
        key = norm(query, lang)
        if not key:
            return []
        found: dict[int, tuple[str, str, str, float]] = {}  # entry -> (lang, term, how, score)

        def add(rows: Sequence[tuple[int, str, str]], how: str, score: float = 100.0) -> None:
            for entry, tlang, text in rows:
                kind = how
                if how == "exact" and text.casefold() != query.strip().casefold():
                    kind = "lemma"
                old = found.get(entry)
                if old is None or (HOW_ORDER[kind], -score) < (HOW_ORDER[old[2]], -old[3]):
                    found[entry] = (tlang, text, kind, score)

        add(self.db.execute("SELECT entry, lang, text FROM terms WHERE norm = ?", (key,)).fetchall(), "exact")
        if len(found) < limit:
            add(self.db.execute("SELECT entry, lang, text FROM terms WHERE norm > ? AND norm < ? LIMIT 200",
                                (key, key + "\uffff")).fetchall(), "prefix")
        if len(found) < limit and (lang == "zh" or len(key) >= 3):
            add(self.db.execute("SELECT entry, lang, text FROM terms WHERE norm LIKE ? ESCAPE '\\' LIMIT 200",
                                (f"%{_like(key)}%",)).fetchall(), "substring")
        if not found:
            for entry, tlang, text, score in self._fuzzy(key):
                add([(entry, tlang, text)], "fuzzy", score)
        entries = self._entries(list(found))
        matches = [Match(entries[i], *found[i]) for i in found]
        matches.sort(key=lambda m: (HOW_ORDER[m.how], -m.score, -m.entry.confidence, -m.entry.frequency,
                                    m.term))
        return matches[:limit]

    def _fuzzy(self, key: str) -> list[tuple[int, str, str, float]]:
        from rapidfuzz import fuzz, process

        slack = max(2, len(key) // 4)
        keys, rows = self._bucket_rows(len(key) - slack, len(key) + slack)
        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=20)
        return [(rows[i][0], rows[i][1], rows[i][2], score) for _, score, i in hits]

    def _bucket_rows(self, low: int, high: int, lang: str | None = None) -> tuple[list[str], list[tuple[int, str, str]]]:
        """Keys of the given lengths and, parallel to them, (entry, lang, term text)."""
        sql = "SELECT lang, norms, rows FROM buckets WHERE len BETWEEN ? AND ?"
        params: tuple = (low, high)
        if lang:
            sql += " AND lang = ?"
            params += (lang,)
        keys: list[str] = []
        rows: list[tuple[int, str, str]] = []
        for blang, norms, packed in self.db.execute(sql, params):
            keys += norms.split("\n")
            for line in packed.split("\n"):
                entry, text = line.split("\t", 1)
                rows.append((int(entry), blang, text))
        return keys, rows

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """The nearest terms of the glossary, however far (for a 'nothing found' message)."""
        from rapidfuzz import fuzz, process

        lang = query_lang(query)
        key = norm(query, lang)
        slack = max(4, len(key) // 2)
        keys, rows = self._bucket_rows(len(key) - slack, len(key) + slack, lang)
        if not keys:
            keys, rows = self._bucket_rows(0, 10**6)
        hits = process.extract(key, keys, scorer=fuzz.ratio, limit=n * 3)
        out: list[str] = []
        for _, _, i in sorted(hits, key=lambda h: (-h[1], rows[h[2]][2])):
            if rows[i][2] not in out:
                out.append(rows[i][2])
        return out[:n]

    def close(self) -> None:
        self.db.close()


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---------------------------------------------------------------- concordance


def find_spans(text: str, term: str, lang: str) -> list[tuple[int, int]]:
    """Where ``term`` occurs in ``text``: whole words, case-insensitive; Russian in any inflection;
    Chinese as a substring."""
    if not term.strip():
        return []
    if lang == "zh" or query_lang(term) == "zh":
        key = "".join(term.split())
        spans, pos = [], text.find(key)
        while pos >= 0 and key:
            spans.append((pos, pos + len(key)))
            pos = text.find(key, pos + len(key))
        return spans
    target = [norm_word(w, lang) for w, _, _ in words(term)]
    if not target:
        return []
    tokens = words(text)
    keys = [norm_word(w, lang) for w, _, _ in tokens]
    spans = []
    n = len(target)
    for i in range(len(tokens) - n + 1):
        if keys[i : i + n] == target:
            spans.append((tokens[i][1], tokens[i + n - 1][2]))
    return spans


def concordance(tus: Sequence[TU], terms: Sequence[tuple[str, str]], source: str = "") -> list[Hit]:
    """Every TU in which any (lang, term) occurs in its language, with the spans of all of them."""
    by_lang: dict[str, list[str]] = {}
    for lang, term in terms:
        by_lang.setdefault(lang, [])
        if term not in by_lang[lang]:
            by_lang[lang].append(term)
    hits = []
    for tu in tus:
        segs = []
        any_hit = False
        for lang, text in tu.segs:
            spans: list[tuple[int, int]] = []
            for term in by_lang.get(lang, []):
                spans += find_spans(text, term, lang)
            spans = _merge_spans(spans)
            any_hit = any_hit or bool(spans)
            segs.append((lang, text, tuple(spans)))
        if any_hit:
            hits.append(Hit(tu.tuid, source, tuple(segs)))
    return hits


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def lookup(
    query: str,
    *,
    glossary: str | Path | None = None,
    tmx: Sequence[str | Path] = (),
    limit: int = 10,
) -> LookupResult:
    """Entries matching ``query`` and the units of the memories ``tmx`` that contain it."""
    matches: list[Match] = []
    suggestions: list[str] = []
    index = GlossaryIndex.open(glossary) if glossary else None
    if index is not None:
        matches = index.search(query, limit)
    terms: list[tuple[str, str]] = [(query_lang(query), query.strip())]
    # the concordance follows the entries the query names (exact or by lemma), else the best match only
    named = [m for m in matches if m.how in ("exact", "lemma")] or matches[:1]
    for m in named:
        terms += [(t.lang, t.text) for t in m.entry.terms]
    hits: list[Hit] = []
    if tmx:

        for path in tmx:
            hits += concordance(read_tmx(path), terms, str(path))
    if not matches and not hits and index is not None:
        suggestions = index.suggest(query)
    if index is not None:
        index.close()
    return LookupResult(query, tuple(matches), tuple(hits), tuple(suggestions))


def highlight(text: str, spans: Sequence[tuple[int, int]], start: str, end: str) -> str:
    out, pos = [], 0
    for s, e in spans:
        out += [text[pos:s], start, text[s:e], end]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def as_json(result: LookupResult) -> dict:
    def entry(m: Match) -> dict:
        e = m.entry
        terms: dict[str, list[dict]] = {}
        for t in e.terms:
            terms.setdefault(t.lang, []).append({"text": t.text, "type": t.kind, "pos": t.pos})
        return {
            "id": e.id, "confidence": e.confidence, "frequency": e.frequency, "origin": e.origin,
            "match": {"lang": m.lang, "term": m.term, "how": m.how, "score": round(m.score, 1)},
            "terms": terms,
            "examples": [{"lang": x.lang, "tuid": x.tuid, "text": x.text} for x in e.examples],
        }

    return {
        "query": result.query,
        "found": result.found,
        "entries": [entry(m) for m in result.matches],
        "concordance": [
            {"tuid": h.tuid, "tmx": h.source,
             "segs": [{"lang": lang, "text": text, "spans": [list(s) for s in spans]} for lang, text, spans in h.segs]}
            for h in result.concordance
        ],
        "suggestions": list(result.suggestions),
    }

