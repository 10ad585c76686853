"""A one-line progress bar on stderr for long runs: drawn only on a terminal, never into files or pipes."""

from __future__ import annotations

import sys
import time
from typing import Self, TextIO


class ProgressBar:
    """``bar(done, total, label)`` redraws ``[#####.....] 12/40 label``; ``close()`` clears the line.

    Inactive (draws nothing) when ``enabled`` is false or the stream is not a TTY, so logs and
    ``--json`` output stay clean.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool = True, width: int = 30,
                 min_interval: float = 0.1):
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.active = bool(enabled and isatty and isatty())
        self.width = width
        self.min_interval = min_interval
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if not self.active or total <= 0:
            return
        now = time.monotonic()
        if done < total and now - self._last < self.min_interval:
            return
        self._last = now
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        text = f"\r[{bar}] {done}/{total} {label}"[: 100]
        self.stream.write(text.ljust(100) if self._drawn else text)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self.active and self._drawn:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
