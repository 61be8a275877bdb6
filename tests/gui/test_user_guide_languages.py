"""Help → User guide in the app's language, and the guide's translations kept in step."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from flashback_desktop import i18n, preferences
from flashback_desktop.ui.user_guide import (
    UserGuideDialog,
    guide_path,
    load_user_guide,
    user_guide_section,
)
from tests.gui.conftest import App
from tests.gui.test_sign_in_refusals import language

__all__ = ["language"]  # the app in en, es and de (a fixture)

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code, _name in preferences.LANGUAGES if code != i18n.SOURCE_LANGUAGE]
# The heading and the sentence that says what a conversation is, in each language.
WORDS = {
    "en": ("User guide", "A conversation is one chat with Flashback's AI"),
    "es": ("Guía de uso", "Una conversación es un chat con la IA de Flashback"),
    "de": ("Benutzerhandbuch", "Eine Unterhaltung ist ein Chat mit der KI von Flashback"),
}


def english() -> str:
    guide = user_guide_section((ROOT / "README.md").read_text(encoding="utf-8"))
    assert guide is not None
    return guide


def bullets(markdown: str) -> list[str]:
    return re.findall(r"^- (.*)$", markdown, flags=re.MULTILINE)


def keys(markdown: str) -> list[str]:
    """Shortcuts and fixed tokens, in order; German says Strg for Ctrl."""
    text = markdown.replace("Strg+", "Ctrl+")
    return re.findall(r"Ctrl\+\S|F\d\b|\bEsc\b|https://|550e8400-[0-9a-f-]+", text)


def test_the_guide_is_shown_in_the_apps_language(
    language: str, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    with app.page.wait_dialog(qtbot) as opened:
        app.page.menus.open_user_guide()
    dialog = opened.args[0]
    assert isinstance(dialog, UserGuideDialog)
    shown = " ".join(dialog.text.toPlainText().split())
    heading, conversation = WORDS[language]
    assert shown.startswith(heading)
    assert conversation in shown
    if language != "en":
        assert "Pick a repository" not in shown  # not the English guide


def test_every_language_has_a_complete_guide() -> None:
    assert sorted(TRANSLATED) == ["de", "es"]
    source = english()
    for code in TRANSLATED:
        translated = guide_path(code).read_text(encoding="utf-8")
        assert len(bullets(translated)) == len(bullets(source)), code
        assert keys(translated) == keys(source), code
        assert "](" not in translated or "](" in source  # no links the English lacks


@pytest.mark.parametrize("code", ["en", "es", "de"])
def test_the_guide_says_what_a_conversation_and_its_id_are(code: str) -> None:
    guide = load_user_guide(language=code)
    assert guide is not None
    heading, conversation = WORDS[code]
    flat = " ".join(guide.split())
    assert flat.startswith(f"## {heading}")
    assert conversation in flat
    assert "**ID**" in flat


def test_a_language_without_a_guide_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("flashback_desktop.ui.user_guide._root", lambda: tmp_path)
    (tmp_path / "README.md").write_text("# App\n\n## User guide\n\n- One.\n", encoding="utf-8")
    assert load_user_guide(language="es") == "## User guide\n\n- One."
