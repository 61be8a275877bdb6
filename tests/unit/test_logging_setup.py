from __future__ import annotations

import io
import logging
import sys

import pytest

from flashback_desktop.logging_setup import (
    CONTINUATION,
    MAX_LINE_CHARS,
    MAX_VALUE_CHARS,
    REDACTED,
    RedactingFilter,
    RepeatCollapser,
    redact,
    register_secret,
)


def test_registered_secrets_are_cut_from_log_records(caplog: pytest.LogCaptureFixture) -> None:
    secret = "planted-secret-4f9a1c"
    register_secret(secret)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("redaction-test").debug("token is %s", secret)
    assert secret not in caplog.text
    assert REDACTED in caplog.text


def test_bearer_headers_and_jwts_are_cut_even_when_unregistered() -> None:
    jwt = "eyJhbGciOi" + "JIUzI1NiJ9.eyJ1c2VySWQiOiJ1In0.c2lnbmF0dXJlLXBhcnQ"
    text = redact(f"Authorization: Bearer abc.def {jwt} password=hunter22")
    assert "abc.def" not in text
    assert jwt not in text
    assert "hunter22" not in text


def test_secrets_in_tracebacks_are_cut(caplog: pytest.LogCaptureFixture) -> None:
    secret = "traceback-secret-77aa"
    register_secret(secret)
    try:
        raise ValueError(f"bad {secret}")
    except ValueError:
        logging.getLogger("redaction-test").exception("failed")
    assert secret not in caplog.text
    assert "ValueError" in caplog.text


def test_each_handler_redacts_records_made_by_another_factory() -> None:
    """Belt and braces: a record that bypassed the redacting factory is cleaned on output."""
    secret = "handler-secret-5b2e"
    register_secret(secret)
    record = logging.LogRecord("elsewhere", logging.INFO, __file__, 1, "sent %s", (secret,), None)
    assert secret in record.getMessage()  # made without the app's record factory
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    handler.handle(record)
    assert secret not in stream.getvalue()
    assert REDACTED in stream.getvalue()


def record(message: str, *args: object, level: int = logging.WARNING) -> logging.LogRecord:
    return logging.getLogger("flashback.test").makeRecord(
        "flashback.test", level, __file__, 1, message, args, None
    )


def test_a_value_cannot_start_a_line_of_its_own() -> None:
    made = record("Deleted conversation %s", "c1\n2026-01-01 CRITICAL forged\r\x1b[2K\u2028")
    assert made.getMessage() == (
        "Deleted conversation c1\\n2026-01-01 CRITICAL forged\\r\\x1b[2K\\u2028"
    )


def test_a_template_newline_continues_the_record_indented() -> None:
    assert record("details:\n%s", "x").getMessage() == f"details:\n{CONTINUATION}x"


def test_values_and_lines_are_shortened_after_redaction() -> None:
    secret = "planted-secret-" + "s" * 40
    register_secret(secret)
    value = "v" * (MAX_VALUE_CHARS - 10) + secret + "v" * 100  # a cut would halve it
    message = record("got %s", value).getMessage()
    assert "planted-secret" not in message
    assert "shortened from" in message
    assert len(record("%s" * 10, *(["w" * 3000] * 10)).getMessage()) < MAX_LINE_CHARS + 100


def test_numbers_of_any_size_do_not_lose_the_line() -> None:
    assert record("%d repositories", 10**5000).getMessage().startswith("%d repositories <a number")
    assert record("%d", 42).getMessage() == "42"


def test_quoted_tokens_in_a_printed_dict_are_cut() -> None:
    text = redact(str({"accessToken": "opaque-a-1234", "refresh_token": "opaque-r-5678"}))
    assert "opaque-a-1234" not in text
    assert "opaque-r-5678" not in text


def test_a_repeated_warning_is_written_once_then_with_a_count() -> None:
    collapse = RepeatCollapser(window_s=600, every=5)
    kept = []
    for attempt in range(12):
        made = record("Loading failed after %d ms: %s", attempt, "503")
        made.created = 1000.0 + attempt
        if collapse.filter(made):
            kept.append(made.getMessage())
    assert kept == [
        "Loading failed after 0 ms: 503",
        "Loading failed after 5 ms: 503 [this warning came 4 more times meanwhile]",
        "Loading failed after 10 ms: 503 [this warning came 4 more times meanwhile]",
    ]
    later = record("Loading failed after %d ms: %s", 99, "503")
    later.created = 1000.0 + 11 + 601  # past the window: written again at once
    assert collapse.filter(later)
    info = record("Showing %d repositories", 3, level=logging.INFO)
    assert all(collapse.filter(info) for _ in range(3))  # only warnings are collapsed


def test_two_crashes_with_one_message_are_both_written() -> None:
    collapse = RepeatCollapser(window_s=600, every=100)
    kept = []
    for kind in (KeyError, ZeroDivisionError):
        try:
            raise kind("boom")
        except Exception:
            made = record("Unexpected error", level=logging.ERROR)
            made.exc_info = sys.exc_info()
        if collapse.filter(made):
            kept.append(made.exc_info[0] if made.exc_info else None)
    assert kept == [KeyError, ZeroDivisionError]


def test_every_handler_gets_the_same_decision_for_a_record() -> None:
    """One collapser on two handlers (stderr and the file): each repeat is held back from
    both, and the count is added once, not counted again by the second handler."""
    collapse = RepeatCollapser(window_s=600, every=3)
    written: list[tuple[str, str]] = []
    for attempt in range(7):
        made = record("Loading failed after %d ms", attempt)
        made.created = 1000.0 + attempt
        for handler in ("stderr", "file"):
            if collapse.filter(made):
                written.append((handler, made.getMessage()))
    assert [text for handler, text in written if handler == "stderr"] == [
        text for handler, text in written if handler == "file"
    ]
    assert [text for handler, text in written if handler == "file"] == [
        "Loading failed after 0 ms",
        "Loading failed after 3 ms [this warning came 2 more times meanwhile]",
        "Loading failed after 6 ms [this warning came 2 more times meanwhile]",
    ]
