"""One rule for cutting a text short, and each place that cuts one uses it with its marker."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from flashback_desktop.api import errors
from flashback_desktop.clipping import clip
from flashback_desktop.logging_setup import shortened
from flashback_desktop.ui import long_text
from flashback_desktop.ui.error_dialog import DETAILS_SHOWN_CHARS, SENTENCE_SHOWN_CHARS, ErrorDialog


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 3, ""),
        ("abc", 3, "abc"),  # at the limit: whole
        ("abcd", 3, "abc…"),  # past it: the first `limit` characters, then the marker
        ("ab  cd", 4, "ab  …"),  # spaces at the cut are kept (a label's text as it was)
    ],
)
def test_clip_keeps_the_first_characters_then_the_marker(
    text: str, limit: int, expected: str
) -> None:
    assert clip(text, limit) == expected


def test_clip_within_the_limit_counts_the_marker_and_drops_spaces_at_the_cut() -> None:
    assert clip("abcdef", 6, within=True) == "abcdef"
    assert clip("abcdefg", 6, within=True) == "abcde…"
    assert clip("abc   defg", 6, within=True) == "abc…"
    assert clip("abcdefg", 6, "[…]", within=True) == "abc[…]"


def test_the_log_says_how_long_the_text_was() -> None:
    assert shortened("x" * 10, 10) == "x" * 10
    assert shortened("x" * 12_345, 4) == "xxxx… [shortened from 12,345 characters]"


def test_a_servers_reason_fits_its_limit_on_one_line() -> None:
    limit = errors.REASON_MAX_CHARS
    assert errors.plain_reason("a\nb\tc") == "a b c"
    assert errors.plain_reason("x" * limit) == "x" * limit  # exactly the limit: whole
    reason = errors.plain_reason("word " * limit)
    assert len(reason) <= limit
    assert reason.endswith("word…")  # no space before the marker


def test_a_name_in_a_sentence_is_cut_after_its_limit() -> None:
    name = "N" * (long_text.IN_SENTENCE + 5)
    assert long_text.in_sentence(name) == "N" * long_text.IN_SENTENCE + "…"


def test_the_error_dialog_shows_part_and_copies_all(qapp: QApplication) -> None:
    details = "d" * (DETAILS_SHOWN_CHARS + 1)
    dialog = ErrorDialog(
        None, headline="h" * (SENTENCE_SHOWN_CHARS + 1), message="m", action="a", details=details
    )
    try:
        marker = "\n… (shortened; Copy details copies all of it)"
        assert dialog.headline_label.text() == "h" * SENTENCE_SHOWN_CHARS + marker
        assert dialog.details_box.toPlainText() == "d" * DETAILS_SHOWN_CHARS + marker
        assert dialog.details_text == details  # what Copy details copies
    finally:
        dialog.deleteLater()
