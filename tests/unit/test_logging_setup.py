from __future__ import annotations

import io
import logging

import pytest

from flashback_desktop.logging_setup import REDACTED, RedactingFilter, redact, register_secret


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
