"""The HTML review report: one self-contained file (inline CSS and JS, no network), rows rendered here.

Layout: a summary (coverage, link types, flags, an inline SVG chart of the score distribution), then
one table row per group with a column per language side by side. Rows carry classes for confidence
(``c0``..``c3``, ``cn`` without a score), link type (``k1-2-1``) and ``f`` when flagged; the filters only
toggle a class on ``<body>`` and CSS hides rows, so 10,000 groups filter instantly. A language a group
lacks shows as a marked gap in place, so unaligned sentences are seen where they occur. Every text is
HTML-escaped; the output depends only on the result (deterministic bytes).
"""

from __future__ import annotations

import re
from html import escape

from alignmem import __version__
from alignmem import langs as langreg
from alignmem.check.model import Checked, CheckResult

# score bands: (class, lower bound, colour, label)
BANDS = (
    ("c3", 0.7, "#8fd18f", "high"),
    ("c2", 0.55, "#ffe27a", "medium"),
    ("c1", 0.4, "#ffb366", "low"),
    ("c0", 0.0, "#f07c7c", "very low"),
)
NO_SCORE = ("cn", "#d0d0d0")
_KIND = re.compile(r"\d{1,2}(?:-\d{1,2}){1,3}")
ROWS_PER_BLOCK = 200  # rows per <tbody>; off-screen blocks are skipped by the browser's layout

CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fff}
header{padding:12px 16px;background:#f4f6f8;border-bottom:1px solid #ccd}
h1{font-size:18px;margin:0 0 6px}
.sum{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.sum table{border-collapse:collapse;font-size:13px}
.sum td,.sum th{padding:1px 8px;text-align:right;border-bottom:1px solid #e2e4e8}
.sum th:first-child,.sum td:first-child{text-align:left}
.bad{color:#b00020;font-weight:600}
.controls{position:sticky;top:0;z-index:2;background:#fff;padding:8px 16px;border-bottom:1px solid #ccd}
.controls label{margin-right:16px}
table.tm{border-collapse:collapse;width:100%;table-layout:fixed}
table.tm th{position:sticky;top:41px;background:#eef0f3;text-align:left;padding:4px 6px;z-index:1}
table.tm td{vertical-align:top;padding:4px 6px;border-bottom:1px solid #e6e6e6;overflow-wrap:anywhere}
table.tm tbody{content-visibility:auto;contain-intrinsic-size:auto 9000px}
td.id{width:7em;color:#555;font-size:12px}
td.sc{font-variant-numeric:tabular-nums;text-align:right}
td.gap{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#eee 6px,#eee 12px);color:#888;
font-style:italic}
tr.f td.fl{color:#8a1c1c;background:#fff6f6}
.fl span{display:inline-block;background:#fde2e2;border:1px solid #e9a5a5;border-radius:3px;padding:0 4px;
margin:0 4px 2px 0;font-size:12px}
.fl div{font-size:12px}
body.only-flagged tr.r:not(.f){display:none}
.legend span{display:inline-block;padding:0 6px;margin-right:4px;border-radius:3px}
"""

JS = """
(function(){
var body=document.body,rows=document.querySelectorAll('tr.r'),shown=document.getElementById('shown');
function count(){var n=0,only=body.classList.contains('only-flagged'),k=body.getAttribute('data-kind');
for(var i=0;i<rows.length;i++){var r=rows[i];if(only&&!r.classList.contains('f'))continue;
if(k&&r.getAttribute('data-k')!==k)continue;n++;}shown.textContent=n;}
document.getElementById('flagged').addEventListener('change',function(e){
body.classList.toggle('only-flagged',e.target.checked);count();});
document.getElementById('kind').addEventListener('change',function(e){
var old=body.getAttribute('data-kind');if(old)body.classList.remove('kind-'+old);
if(e.target.value){body.classList.add('kind-'+e.target.value);body.setAttribute('data-kind',e.target.value);}
else body.removeAttribute('data-kind');count();});
count();})();
"""


def _band(score: float | None) -> str:
    if score is None:
        return NO_SCORE[0]
    return next(cls for cls, low, _, _ in BANDS if score >= low)


def _svg_histogram(counts: list[int], width: int = 260, height: int = 70) -> str:
    top = max(counts) or 1
    bar = width / len(counts)
    parts = [(f'<svg width="{width}" height="{height + 14}" '
              f'role="img" aria-label="score distribution">')]
    for i, count in enumerate(counts):
        h = round(height * count / top, 1)
        score = (i + 0.5) / len(counts)
        colour = next((c for _, low, c, _ in BANDS if score >= low), NO_SCORE[1])
        parts.append(f'<rect x="{i * bar + 1:.1f}" y="{height - h:.1f}" width="{bar - 2:.1f}" height="{h}" '
                     f'fill="{colour}"><title>{i / 10:.1f}-{(i + 1) / 10:.1f}: {count}</title></rect>')
    parts.append(f'<line x1="0" y1="{height}" x2="{width}" y2="{height}" stroke="#888"/>')
    for i in (0, 5, 10):
        parts.append(f'<text x="{min(i * bar, width - 14):.0f}" y="{height + 12}" font-size="10">{i / 10:.1f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _summary(result: CheckResult) -> str:
    out = ['<div class="sum">']
    out.append(f"<div><b>{len(result.units)}</b> groups<br><b>{result.flag_total}</b> flags in "
               f"<b>{result.flagged_units}</b> groups<br>languages: {escape(', '.join(result.langs))}</div>")
    if result.documents:
        rows = "".join(
            f'<tr><td>{escape(c.label)}</td><td>{c.covered}/{c.sentences}</td>'
            f'<td{" class=bad" if c.share < 0.95 else ""}>{c.share:.1%}</td><td>{c.char_share:.1%}</td></tr>'
            for c in result.coverage)
        out.append(f'<table class="cov"><tr><th>coverage</th><th>sentences</th><th>share</th><th>chars</th></tr>'
                   f"{rows}</table>")
        stretches = [s for doc in result.documents for s in doc.stretches]
        if stretches:
            worst = max(stretches, key=lambda s: (s.length, -s.first))
            plural = "s" if worst.length > 1 else ""
            out.append(f"<div>longest unaligned stretch:<br>{escape(worst.doc)} {escape(worst.lang)} sentences "
                       f"{worst.first + 1}-{worst.last + 1}<br>(no {escape(worst.other)}, {worst.length} "
                       f"sentence{plural})</div>")
    kinds = "".join(f"<tr><td>{escape(k)}</td><td>{v}</td></tr>" for k, v in result.link_types().items())
    out.append(f"<table><tr><th>link type</th><th>groups</th></tr>{kinds}</table>")
    flags = "".join(f"<tr><td>{escape(k)}</td><td>{v}</td></tr>" for k, v in result.flag_counts().items())
    if flags:
        out.append(f"<table><tr><th>flag</th><th>count</th></tr>{flags}</table>")
    out.append(f"<div>score distribution<br>{_svg_histogram(result.score_histogram())}</div>")
    out.append("</div>")
    return "".join(out)


def _position(item: Checked, k: int) -> str:
    if not item.unit.positions or not item.unit.positions[k]:
        return ""
    (para, index), *_ = item.unit.positions[k]
    return f' title="paragraph {para + 1}, sentence {index + 1} of the document"'


def _row(item: Checked) -> str:
    unit = item.unit
    band = _band(unit.score)
    classes = f"r {band}" + (" f" if item.flags else "")
    ident = escape(unit.tuid) if unit.tuid else f"{escape(unit.doc)} #{unit.index + 1}"
    if unit.para is not None:
        ident += f"<br>p{unit.para}"
    score = "" if unit.score is None else f"{unit.score:.2f}"
    cells = [f'<td class="id">{ident}<br>{escape(unit.kind)}</td>', f'<td class="sc {band}">{score}</td>']
    for k, (lang, text) in enumerate(zip(unit.langs, unit.texts)):
        if text:
            cells.append(f'<td lang="{escape(langreg.get(lang).tmx_code)}"{_position(item, k)}>{escape(text)}</td>')
        else:
            cells.append(f'<td class="gap">no {escape(lang)} sentence</td>')
    flags = "".join(f"<div><span>{escape(f.code)}</span>{escape(f.reason)}</div>" for f in item.flags)
    cells.append(f'<td class="fl">{flags}</td>')
    return f'<tr class="{classes}" data-k="{escape(unit.kind)}">{"".join(cells)}</tr>'


def render(result: CheckResult, title: str | None = None) -> str:
    title = title or "alignmem review: " + ", ".join(sorted({item.unit.doc for item in result.units})[:3])
    # link types come from untrusted TMX props: only well-formed ones ("1-2-1") get a CSS rule and a filter
    kinds = [k for k in result.link_types() if _KIND.fullmatch(k)]
    kind_css = "".join(f'body.kind-{k} tr.r:not([data-k="{k}"]){{display:none}}' for k in kinds)
    # the score cell is filled with the band's colour, the row gets a coloured left edge
    band_css = "".join(f"td.{cls},.legend .{cls}{{background:{colour}}}" for cls, _, colour, _ in BANDS)
    band_css += f"td.{NO_SCORE[0]}{{background:{NO_SCORE[1]}}}"
    band_css += "".join(f"tr.{cls} td:first-child{{border-left:6px solid {colour}}}" for cls, _, colour, _ in BANDS)
    legend = "".join(f'<span class="{cls}">{label} &ge; {low:.2f}</span>' for cls, low, _, label in BANDS)
    options = "".join(f'<option value="{escape(k)}">{escape(k)}</option>' for k in kinds)
    width = 82 // max(1, len(result.langs))
    cols = '<col style="width:7em"><col style="width:3.5em">' + "".join(
        f'<col style="width:{width}%">' for _ in result.langs) + '<col style="width:18%">'
    head = "".join(f"<th>{escape(langreg.get(lang).name)}</th>" for lang in result.langs)
    blocks = []
    for start in range(0, len(result.units), ROWS_PER_BLOCK):
        rows = "\n".join(_row(item) for item in result.units[start:start + ROWS_PER_BLOCK])
        blocks.append(f"<tbody>\n{rows}\n</tbody>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="alignmem {escape(__version__)}">'
        f"<title>{escape(title)}</title><style>{CSS}{band_css}{kind_css}</style></head>\n"
        f'<body><header><h1>{escape(title)}</h1>{_summary(result)}'
        f'<div style="font-size:12px;color:#666">{escape(result.signature)}</div></header>\n'
        '<div class="controls"><label><input type="checkbox" id="flagged"> flagged only</label>'
        f'<label>link type <select id="kind"><option value="">all</option>{options}</select></label>'
        f'<span id="shown">{len(result.units)}</span> of {len(result.units)} groups shown '
        f'<span class="legend">{legend}</span></div>\n'
        f'<table class="tm"><colgroup>{cols}</colgroup><thead><tr><th>group</th><th>score</th>{head}'
        f"<th>flags</th></tr></thead>\n" + "\n".join(blocks) + "\n</table>\n"
        f"<script>{JS}</script></body></html>\n"
    )
