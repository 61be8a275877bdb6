"""Logging for the app: named loggers per area, a rotating file, redaction by construction.

Secrets are removed when a log record is created (a record factory), so no handler, ours or a
test's, can ever see a token or password. Known secrets are registered at run time; patterns
catch bearer headers and JWT-shaped strings that were never registered.
"""

from __future__ import annotations

import logging
import logging.handlers
import math
import re
import sys
import threading
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flashback_desktop.clipping import clip

REDACTED = "[redacted]"

_PATTERNS = (
    re.compile(r"(?i)(bearer\s+)[^\s'\"]+"),
    re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"),
    re.compile(
        r"(?i)([\"']?(?:password|access_?token|refresh_?token|token)[\"']?\s*[:=]\s*[\"']?)"
        r"[^\s,'\"}]+"
    ),
)

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(secret: str | None) -> None:
    """Remember a secret so it is cut out of every later log line and error text."""
    if secret and len(secret) >= 4:
        with _secrets_lock:
            _secrets.add(secret)


def forget_secret(secret: str | None) -> None:
    """For secrets needed only briefly (a typed password): stop holding on to them."""
    with _secrets_lock:
        _secrets.discard(secret or "")


def redact(text: str) -> str:
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + REDACTED, text)
    return text


# Text from the network is untrusted: a name with a newline could write a forged line, a
# 1 MB message a 1 MB line. Each value put into a message is cut to this many characters,
# and a whole line (a library's debug dump included) to the second figure.
MAX_VALUE_CHARS = 2_000
MAX_LINE_CHARS = 8_000
MAX_TRACEBACK_CHARS = 20_000
# A record's continuation lines start with this, so no text can pass for a record of its own.
CONTINUATION = "    "

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escape_controls(text: str) -> str:
    """Control characters spelt out (a newline becomes the two characters \\n)."""
    return _CONTROL.sub(_escaped, text)


def shortened(text: str, limit: int) -> str:
    return clip(text, limit, f"… [shortened from {len(text):,} characters]")


def _as_text(value: object) -> str:
    try:
        return value if isinstance(value, str) else str(value)
    except Exception:  # a broken __str__ must not lose the line
        return f"<{type(value).__name__}>"


def _clean_value(value: object) -> object:
    """A value put into a log message: redacted whole, then escaped and shortened."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # %d and %.0f need numbers; a number too long to print is shortened like text.
        try:
            return value if len(repr(value)) <= MAX_VALUE_CHARS else shortened(str(value), 40)
        except ValueError:  # an int beyond Python's 4,300-digit limit
            return f"<a number of about {int(value).bit_length() * 0.30103:,.0f} digits>"
    return shortened(escape_controls(redact(_as_text(value))), MAX_VALUE_CHARS)


def _indented(text: str) -> str:
    """Control characters escaped, except newlines, which start an indented continuation."""
    return _CONTROL_BUT_NEWLINE.sub(_escaped, text).replace("\n", "\n" + CONTINUATION)


def _clean_message(record: logging.LogRecord) -> str:
    args = record.args
    if isinstance(args, tuple):
        record.args = tuple(_clean_value(arg) for arg in args)
    elif isinstance(args, Mapping):
        record.args = {key: _clean_value(value) for key, value in args.items()}
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: keep the raw text and values, not lose the line
        values = record.args.values() if isinstance(record.args, Mapping) else record.args or ()
        message = " ".join([_as_text(record.msg), *(_as_text(v) for v in values)])
    # Redacted before it is cut, so a secret is never left in half.
    return _indented(shortened(redact(message), MAX_LINE_CHARS))


def _clean_traceback(exc: BaseException) -> str:
    text = redact("".join(traceback.format_exception(exc)).rstrip())
    return CONTINUATION + _indented(shortened(text, MAX_TRACEBACK_CHARS))


def _clean(record: logging.LogRecord) -> None:
    record.msg = _clean_message(record)
    record.args = None
    record._flashback_redacted = True  # the handlers' filter need not do it again
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = _clean_traceback(record.exc_info[1])


_base_factory = logging.getLogRecordFactory()


def _redacting_record_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    _clean(record)
    return record


class RedactingFilter(logging.Filter):
    """On every handler too: a record made by some other factory is cleaned before output."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "_flashback_redacted", False):
            _clean(record)
        return True


class RepeatCollapser(logging.Filter):
    """A warning repeated within minutes is written once, then once more per ``every`` repeats
    or ``window_s`` seconds, saying how often it came meanwhile. A server failing the same
    way every few seconds must not rotate away the rest of the log.

    Warnings differing only in numbers (times, durations, counts) count as the same. A record
    carrying a traceback is never held back: two crashes with one message are two crashes.
    One instance serves every handler, and decides once per record (the decision is kept on
    the record), so the file and stderr never disagree about what was a repeat.
    """

    def __init__(self, *, window_s: float = 600.0, every: int = 100) -> None:
        super().__init__()
        self.window_s = window_s
        self.every = every
        self._seen: dict[tuple[str, int, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        decided = record.__dict__.get("_flashback_written")
        if decided is None:
            decided = record.__dict__["_flashback_written"] = self._decide(record)
        return bool(decided)

    def _decide(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or record.exc_info:
            return True
        key = (record.name, record.levelno, _DIGITS.sub("#", _as_text(record.msg)))
        written_at, held_back = self._seen.get(key, (-math.inf, 0))
        if record.created - written_at < self.window_s and held_back + 1 < self.every:
            self._seen[key] = (written_at, held_back + 1)
            return False
        if held_back:
            record.msg = f"{record.msg} [this warning came {held_back:,} more times meanwhile]"
        self._seen.pop(key, None)
        self._seen[key] = (record.created, 0)
        if len(self._seen) > _REMEMBERED_WARNINGS:
            del self._seen[next(iter(self._seen))]  # the oldest
        return True


_DIGITS = re.compile(r"\d+")
_REMEMBERED_WARNINGS = 200


def install_redaction() -> None:
    """Idempotent: every record created after this is redacted."""
    if logging.getLogRecordFactory() is not _redacting_record_factory:
        logging.setLogRecordFactory(_redacting_record_factory)


def setup_logging(log_dir: Path | None, *, debug: bool = False) -> Path | None:
    """Log to stderr and, when a directory is given, to a rotating file there. Returns the file."""
    install_redaction()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    repeats = RepeatCollapser()
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.DEBUG if debug else logging.WARNING)
    stderr.setFormatter(formatter)
    stderr.addFilter(RedactingFilter())
    stderr.addFilter(repeats)
    root.addHandler(stderr)
    log_file: Path | None = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            log_file = log_dir / "flashback-desktop.log"
            handler = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
            handler.setFormatter(formatter)
            handler.addFilter(RedactingFilter())
            handler.addFilter(repeats)
            root.addHandler(handler)
        except OSError as exc:  # a read-only home must not stop the app
            logging.getLogger("flashback.app").warning("Cannot write the log file: %s", exc)
            log_file = None
    # httpx logs each request at INFO; ours already do, with the duration.
    logging.getLogger("httpx").setLevel(logging.DEBUG if debug else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.DEBUG if debug else logging.WARNING)
    # qasync's DEBUG lines print every worker-thread call's arguments: whole response bodies
    # (6 MB, and a refresh answer's tokens before they are known secrets). Never wanted.
    logging.getLogger("qasync").setLevel(logging.INFO)
    return log_file
