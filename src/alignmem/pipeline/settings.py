"""Everything about a run that is not the input files, and its signature (what a TMX header records).

The signature holds every setting that decides the alignment, prefixed by the stage it belongs to
(``read.``, ``align.``, ``join.``), so that :meth:`Settings.from_signature` restores them and the same
inputs align again to the same groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from alignmem.align import AlignConfig, model_part
from alignmem.errors import InputError
from alignmem.join import JoinConfig
from alignmem.signature import describe, restore


@dataclass(frozen=True)
class ReadConfig:
    encoding: str = ""  # "" = detected
    presegmented: bool = False
    side: str = ""  # of bilingual inputs (XLIFF, PO, TMX, CSV): "source", "target", "" = by language


@dataclass(frozen=True)
class Settings:
    align: AlignConfig = field(default_factory=AlignConfig)
    join: JoinConfig = field(default_factory=JoinConfig)
    codes: Mapping[str, str] = field(default_factory=dict)  # internal -> TMX code overrides
    srclang: str | None = None  # TMX source language (default: the first language of the document)
    encoding: str | None = None
    presegmented: bool = False
    glossary: bool = True
    report: bool = True
    side: str | None = None  # of bilingual inputs: "source", "target", None = the side in each file's language
    memory: str = "tmx"  # the format of the memory files: "tmx", or "xliff" / "xliff12" (one file per pair)

    def signature(self) -> str:
        """``model:use-multilingual-v3|read.encoding=|read.presegmented=no|align.signals=embedding,...|
        ...|join.split=yes|...``"""
        parts = [model_part(self.align).rstrip("|")] if model_part(self.align) else []
        for prefix, part in (("read", ReadConfig(self.encoding or "", self.presegmented, self.side or "")),
                             ("align", self.align), ("join", self.join)):
            parts.extend(f"{prefix}.{item}" for item in describe(part).split("|"))
        return "|".join(parts)

    @classmethod
    def from_signature(cls, text: str, **others: object) -> Settings:
        """The settings a :meth:`signature` records (parts of other tools, e.g. ``alignmem:0.2.0`` or
        ``langs:en,ru``, are skipped); ``others`` sets the fields a signature does not hold."""
        stages: dict[str, list[str]] = {"read": [], "align": [], "join": []}
        for part in text.split("|"):
            stage, dot, rest = part.partition(".")
            if dot and stage in stages and "=" in rest and "=" not in stage:
                stages[stage].append(rest)
            elif "=" in part.split(":", 1)[0]:
                raise InputError(f"unknown setting {part!r} in signature")
        read = restore(ReadConfig, "|".join(stages["read"]))
        settings = cls(align=restore(AlignConfig, "|".join(stages["align"])),
                       join=restore(JoinConfig, "|".join(stages["join"])),
                       encoding=read.encoding or None, presegmented=read.presegmented, side=read.side or None)
        return replace(settings, **others)  # type: ignore[arg-type]
