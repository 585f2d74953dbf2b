"""Progress of a long command on stderr: a bar on a terminal, plain lines otherwise.

The engine reports progress objects with a ``fraction`` (0…1) and a ``message``; training's
also carry ``eta_seconds``. On a terminal one line is redrawn (at most ten times a second);
in a log (stderr redirected) a line is written at every tenth of the run, and for a new
message at most every ``log_interval`` seconds.
stdout stays free for the command's result.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


def _eta(seconds: float | None) -> str:
    if seconds is None or seconds != seconds or seconds < 0:
        return ""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressReport:
    """Callable given to the engine as ``progress``; :meth:`close` ends the bar's line."""

    def __init__(
        self,
        stream: TextIO | None = None,
        tty: bool | None = None,
        quiet: bool = False,
        width: int = 28,
        interval: float = 0.1,
        log_interval: float = 10.0,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(self.stream.isatty()) if tty is None else tty
        self.quiet = quiet
        self.width = width
        self.interval = interval
        self.log_interval = log_interval
        self._last_line = 0.0
        self._drawn = False
        self._last_draw = 0.0
        self._last_message = ""
        self._last_tenth = -1

    def __call__(self, info: Any) -> None:
        if self.quiet:
            return
        fraction = max(0.0, min(1.0, float(getattr(info, "fraction", 0.0) or 0.0)))
        message = str(getattr(info, "message", "") or "")
        eta = _eta(getattr(info, "eta_seconds", None))
        if self.tty:
            now = time.monotonic()
            if now - self._last_draw < self.interval and fraction < 1.0:
                return
            self._last_draw = now
            filled = round(self.width * fraction)
            bar = "█" * filled + "·" * (self.width - filled)
            text = f"\r[{bar}] {fraction * 100:5.1f}%"
            if eta:
                text += f"  ETA {eta}"
            if message:
                text += f"  {message}"
            self.stream.write(text[:200].ljust(80) + "\x1b[K")
            self.stream.flush()
            self._drawn = True
            return
        tenth = int(fraction * 10)
        now = time.monotonic()
        changed = message != self._last_message and now - self._last_line >= self.log_interval
        if tenth != self._last_tenth or changed:
            self._last_message, self._last_tenth, self._last_line = message, tenth, now
            line = f"{fraction * 100:5.1f}%"
            if eta:
                line += f"  ETA {eta}"
            if message:
                line += f"  {message}"
            self.stream.write(line + "\n")
            self.stream.flush()

    def note(self, text: str) -> None:
        """A line of information (a warning, a notice) on stderr, below the bar."""
        self.close()
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line (the next output starts on a fresh line)."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
