"""Bilingual sentence alignment: monotone n-m links from embeddings, length, anchors and lexicons.

>>> from alignmem.align import align_sentences, AlignConfig
>>> alignment = align_sentences(en_sentences, ru_sentences, "en", "ru")   # doctest: +SKIP
>>> alignment.links[0]                                                    # doctest: +SKIP
Link(src=(0,), tgt=(0, 1), score=0.81)

Every sentence of both sides is in exactly one link; a link with an empty side is an omission.
``Alignment.signature`` records everything that produced the result.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from alignmem import __version__
from alignmem.align.config import AlignConfig
from alignmem.align.search import Level, search
from alignmem.errors import InputError, NotTranslationError
from alignmem.langs import get as get_lang
from alignmem.model import Alignment, Link
from alignmem.score.base import Signal
from alignmem.score.encoders import get_encoder
from alignmem.score.registry import make_signal, parse_signals

__all__ = ["AlignConfig", "align_sentences", "model_part", "signals_of", "signature"]


def signature(config: AlignConfig, src_lang: str, tgt_lang: str) -> str:
    """``alignmem-align:0.2.0|langs:en-ru|model:use-multilingual-v3|signals=embedding,...|...``: the
    version, the pair, the encoder's model and every setting (:meth:`AlignConfig.signature`), enough to
    reproduce a result."""
    return f"alignmem-align:{__version__}|langs:{src_lang}-{tgt_lang}|{model_part(config)}{config.signature()}"


def model_part(config: AlignConfig) -> str:
    """``model:<the encoder's model>|`` when the embedding signal is on (the model decides the scores)."""
    return f"model:{get_encoder(config.encoder).model}|" if "embedding" in config.signals else ""


def signals_of(config: AlignConfig) -> list[Signal]:
    """The configured signals, in the order of ``config.signals`` (each checked against the registry)."""
    names = parse_signals(",".join(config.signals))
    if not names:
        raise InputError("no similarity signal selected")
    return [make_signal(name, config) for name in names]


def _paragraphs(paras: Sequence[int] | None, count: int, side: str) -> np.ndarray | None:
    """Paragraph indices, or None when they tell nothing (absent, one paragraph, a paragraph a sentence)."""
    if paras is None:
        return None
    if len(paras) != count:
        raise InputError(f"{side}_paras has {len(paras)} entries for {count} sentences")
    values = np.asarray(paras, dtype=np.int64)
    distinct = len(np.unique(values))
    if distinct <= 1 or distinct == count:
        return None
    return values


def _unaligned(links: Sequence[Link], run: int) -> tuple[tuple[str, int, int], ...]:
    out: list[tuple[str, int, int]] = []
    for side in ("src", "tgt"):
        stretch: list[int] = []
        for link in list(links) + [Link((-1,), (-1,), 0.0)]:
            own, other = (link.src, link.tgt) if side == "src" else (link.tgt, link.src)
            if own and not other:
                stretch.extend(own)
                continue
            if other and not own:
                continue  # an omission on the other side does not end this stretch
            if len(stretch) >= run:
                out.append((side, stretch[0], stretch[-1]))
            stretch = []
    return tuple(sorted(out, key=lambda u: (u[1], u[0])))


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    src_paras: Sequence[int] | None = None,
    tgt_paras: Sequence[int] | None = None,
    config: AlignConfig | None = None,
) -> Alignment:
    """Align two sentence lists; raise NotTranslationError when they do not look like translations."""
    config = config or AlignConfig()
    src_lang, tgt_lang = get_lang(src_lang).code, get_lang(tgt_lang).code
    signals = signals_of(config)
    sig = signature(config, src_lang, tgt_lang)
    src, tgt = list(src), list(tgt)
    if not src or not tgt:
        links = tuple(Link((i,), (), 0.0) for i in range(len(src))) + tuple(
            Link((), (j,), 0.0) for j in range(len(tgt)))
        return Alignment(src_lang, tgt_lang, links, sig, _unaligned(links, config.unaligned_run))
    prepared = [(signal.prepare(src, tgt, src_lang, tgt_lang), config.weight(signal.name)) for signal in signals]
    level = Level(prepared, len(src), len(tgt), _paragraphs(src_paras, len(src), "src"),
                  _paragraphs(tgt_paras, len(tgt), "tgt"))
    raw = search(level, config)
    links: list[Link] = []
    for i0, i1, j0, j1, score in raw:
        if i1 > i0 and j1 > j0:
            links.append(Link(tuple(range(i0, i1)), tuple(range(j0, j1)), round(float(score), 4)))
        else:  # omissions are written one sentence a link
            links.extend(Link((i,), (), 0.0) for i in range(i0, i1))
            links.extend(Link((), (j,), 0.0) for j in range(j0, j1))
    _check_translation(links, len(src), len(tgt), config)
    result = tuple(links)
    return Alignment(src_lang, tgt_lang, result, sig, _unaligned(result, config.unaligned_run))


def _check_translation(links: Sequence[Link], n: int, m: int, config: AlignConfig) -> None:
    if config.force:
        return
    # mean over the sentences of the shorter side, so that a half-translated text is not rejected
    covered = sum(link.score * min(len(link.src), len(link.tgt)) for link in links if link.src and link.tgt)
    mean = covered / max(min(n, m), 1)
    if mean < config.min_mean_score:
        raise NotTranslationError(
            f"the texts do not look like translations of each other (mean link score {mean:.2f}, "
            f"usually above {config.min_mean_score + 0.3:.2f}); use --force to align them anyway"
        )
