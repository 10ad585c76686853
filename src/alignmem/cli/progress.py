"""A one-line progress bar on stderr for long runs: drawn only on a terminal, never into files or pipes."""

from __future__ import annotations

import sys
import time
from collections import deque
from typing import Self, TextIO

RATE_WINDOW = 60.0  # seconds of recent progress the rate is measured over (documents skipped early fade out)


class ProgressBar:
    """``bar(done, total, label)`` redraws ``[#####.....] 12/40 label``; ``close()`` clears the line. With a
    ``unit`` it also shows the rate and the time left: ``12/40 documents, 1.8/s, ETA 0:16 label``.

    Inactive (draws nothing) when ``enabled`` is false or the stream is not a TTY, so logs and
    ``--json`` output stay clean.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool = True, width: int = 30,
                 min_interval: float = 0.1, unit: str = ""):
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.active = bool(enabled and isatty and isatty())
        self.width = width
        self.min_interval = min_interval
        self.unit = unit
        self._last = 0.0
        self._drawn = False
        self._seen: deque[tuple[float, int]] = deque()

    def speed(self, done: int, total: int, now: float) -> str:
        """``documents, 1.8/s, ETA 0:16``, measured over the last :data:`RATE_WINDOW` seconds (a sample a
        second at most, so the memory it takes stays small)."""
        if not self._seen or now - self._seen[-1][0] >= 1.0:
            self._seen.append((now, done))
        while len(self._seen) > 1 and now - self._seen[1][0] > RATE_WINDOW:
            self._seen.popleft()
        start, first = self._seen[0]
        if now - start <= 0 or done <= first:
            return f" {self.unit}"
        rate = (done - first) / (now - start)
        text = f" {self.unit}, {rate:.1f}/s"
        if done < total:
            left = int((total - done) / rate)
            clock = f"{left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}" if left >= 3600 else \
                f"{left // 60}:{left % 60:02d}"
            text += f", ETA {clock}"
        return text

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if not self.active or total <= 0:
            return
        now = time.monotonic()
        rate = self.speed(done, total, now) if self.unit else ""
        if done < total and now - self._last < self.min_interval:
            return
        self._last = now
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        text = f"\r[{bar}] {done}/{total}{rate} {label}"[: 100]
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
