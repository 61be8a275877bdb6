"""Logging for the app: named loggers per area, a rotating file, redaction by construction.

Secrets are removed when a log record is created (a record factory), so no handler, ours or a
test's, can ever see a token or password. Known secrets are registered at run time; patterns
catch bearer headers and JWT-shaped strings that were never registered.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

REDACTED = "[redacted]"

_PATTERNS = (
    re.compile(r"(?i)(bearer\s+)[^\s'\"]+"),
    re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"),
    re.compile(
        r"(?i)(\"?(?:password|access_?token|refresh_?token|token)\"?\s*[:=]\s*\"?)[^\s,'\"}]+"
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


_base_factory = logging.getLogRecordFactory()


def _redacting_record_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: keep the raw text rather than lose the line
        message = str(record.msg)
    record.msg = redact(message)
    record.args = None
    record._flashback_redacted = True  # the handlers' filter need not do it again
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = redact("".join(traceback.format_exception(record.exc_info[1])).rstrip())
    return record


class RedactingFilter(logging.Filter):
    """On every handler too: a record made by some other factory is cleaned before output."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "_flashback_redacted", False):
            try:
                message = record.getMessage()
            except Exception:  # a bad format string: keep the raw text rather than raise
                message = str(record.msg)
            record.msg = redact(message)
            record.args = None
            if record.exc_info and record.exc_info[1] is not None:
                text = "".join(traceback.format_exception(record.exc_info[1]))
                record.exc_text = redact(text.rstrip())
            record._flashback_redacted = True
        return True


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
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.DEBUG if debug else logging.WARNING)
    stderr.setFormatter(formatter)
    stderr.addFilter(RedactingFilter())
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
            root.addHandler(handler)
        except OSError as exc:  # a read-only home must not stop the app
            logging.getLogger("flashback.app").warning("Cannot write the log file: %s", exc)
            log_file = None
    # httpx logs each request at INFO; ours already do, with the duration.
    logging.getLogger("httpx").setLevel(logging.DEBUG if debug else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.DEBUG if debug else logging.WARNING)
    return log_file
