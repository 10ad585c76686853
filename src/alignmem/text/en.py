"""English word forms."""

from __future__ import annotations


def en_base(word: str) -> str:
    """A crude base form of a lowercased word, applied alike to texts and dictionaries: plural and
    3rd-person -s ('treaties' -> 'treaty', 'churches' -> 'church', 'talks' -> 'talk')."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
