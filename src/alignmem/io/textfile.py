"""Small UTF-8 text inputs (dictionaries, link files): read whole, every failure a one-line error."""

from __future__ import annotations

import os
from pathlib import Path

from alignmem.errors import FormatError, InputError


def read_utf8(path: str | os.PathLike[str], what: str) -> str:
    """The text of ``path`` (a BOM is dropped). ``what`` names the kind of file in messages,
    e.g. ``read_utf8(p, "dictionary")`` -> ``p: dictionary not found``."""
    name = str(path)
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{what} not found", name) from None
    except IsADirectoryError:
        raise InputError(f"is a folder, expected a {what}", name) from None
    except UnicodeDecodeError:
        raise FormatError(f"{what} is not UTF-8 text", name) from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", name) from None
