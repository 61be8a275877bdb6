"""The catalogues: complete, faithful to their placeholders, and in step with the code."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from flashback_desktop import i18n, preferences
from flashback_desktop.api import errors
from flashback_desktop.config import ServerUrlError, choose_server, normalise_server_url
from flashback_desktop.session.keyring_errors import KeyringProblem, KeyringTrouble
from flashback_desktop.translatable import QT_TRANSLATE_NOOP, Phrase
from tools import translations

COMPLETE = ("es", "de")  # every message translated; a new language may start partial
PLACEHOLDER = re.compile(r"\{\w+\}")
TAG = re.compile(r"</?\w+>")


def messages(language: str) -> Iterator[tuple[str, str, ET.Element]]:
    tree = ET.parse(translations.ts_file(language))  # noqa: S314 - our own file
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            yield name, message.findtext("source", ""), translation


@pytest.mark.parametrize("language_code", COMPLETE)
def test_every_message_is_translated(language_code: str) -> None:
    found = list(messages(language_code))
    assert len(found) > 150
    unfinished = [
        (context, source)
        for context, source, translation in found
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert unfinished == []


@pytest.mark.parametrize("language_code", COMPLETE)
def test_translations_keep_placeholders_markup_and_one_mnemonic(language_code: str) -> None:
    for context, source, translation in messages(language_code):
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), where
        assert text.count("&") == source.count("&"), where


def test_the_catalogues_are_up_to_date_with_the_sources(tmp_path: Path) -> None:
    """lupdate on today's sources changes nothing: no string is missing or left over."""
    for language_code in translations.LANGUAGES:
        shutil.copy(translations.ts_file(language_code), tmp_path)
    translations.update(tmp_path)
    for language_code in translations.LANGUAGES:
        fresh = translations.ts_file(language_code, tmp_path).read_text(encoding="utf-8")
        kept = translations.ts_file(language_code).read_text(encoding="utf-8")
        assert fresh == kept, f"run `uv run python -m tools.translations update` ({language_code})"


def test_the_compiled_catalogues_match_their_sources(tmp_path: Path) -> None:
    for compiled in translations.compile_catalogues(into=tmp_path):
        committed = translations.TRANSLATIONS / compiled.name
        assert compiled.read_bytes() == committed.read_bytes(), (
            "run `uv run python -m tools.translations compile`"
        )
    assert i18n.TRANSLATIONS_DIR == translations.TRANSLATIONS  # where the app looks


@pytest.mark.parametrize(
    ("setting", "preferred", "expected"),
    [
        ("de", ["es-ES"], "de"),  # the setting wins
        ("", ["es-MX", "en-US"], "es"),  # "" follows the system, country and all
        ("", ["fr-FR", "de-AT", "es"], "de"),  # the first the app speaks
        ("", ["pt_BR"], "en"),  # none: English, the source
        ("tlh", ["de-DE"], "de"),  # an unknown setting is ignored
        (None, [], "en"),
    ],
)
def test_choose_language(setting: object, preferred: list[str], expected: str) -> None:
    assert i18n.choose_language(setting, preferred) == expected


def test_the_setting_chooses_the_language(qapp: QApplication) -> None:
    settings = QSettings()
    settings.setValue(i18n.LANGUAGE_KEY, "de")
    try:
        assert i18n.install() == "de"
        assert QLocale().language() == QLocale.Language.German  # dates and numbers too
    finally:
        settings.remove(i18n.LANGUAGE_KEY)
        i18n.uninstall()


def test_messages_from_the_layers_without_qt_are_shown_translated(qapp: QApplication) -> None:
    english = errors.NetworkUnreachableError().message
    problem = KeyringProblem(KeyringTrouble.LOCKED, "technical")
    try:
        i18n.install("es")
        assert i18n.message(english) == "No se puede conectar con Flashback desde este equipo."
        assert i18n.message(problem.action).startswith("Puede seguir trabajando.")
        # Refusals from /user/login, and a server's own words (never in the catalogue).
        message, _action = errors.SIGN_IN_REFUSALS["INVALID_PASSWORD"]
        assert i18n.message(message) == "Esa contraseña no es la de esta cuenta."
        assert i18n.message("Repository is locked by admin") == "Repository is locked by admin"
        i18n.install("de")
        wait = Phrase(
            QT_TRANSLATE_NOOP("Messages", "Wait about {minutes} minutes, then try again."),
            minutes=12345,
        )
        assert wait == "Wait about 12345 minutes, then try again."  # a plain str elsewhere
        assert i18n.message(wait) == (
            "Warten Sie etwa 12.345 Minuten und versuchen Sie es dann erneut."
        )
    finally:
        i18n.uninstall()
    assert i18n.message(english) == english


def test_server_address_problems_are_shown_translated(qapp: QApplication) -> None:
    """config.py has no Qt: its refusals are marked, and the window translates them, with a
    refusal inside a refusal translated too."""
    with pytest.raises(ServerUrlError) as plain_http:
        normalise_server_url("http://flashback.example.com")
    with pytest.raises(ServerUrlError) as site_default:
        choose_server(None, {}, None, "ftp://flashback.example.com")
    assert "plain http" in str(plain_http.value)  # English wherever it is not shown
    try:
        i18n.install("es")
        assert i18n.message(plain_http.value.message).startswith(
            "«http://flashback.example.com» usa http sin cifrar"
        )
        assert i18n.message(site_default.value.message) == (
            "No se puede usar el servidor predeterminado del sistema: "
            "«ftp://flashback.example.com» no es una dirección web. Debería tener este "
            "aspecto: https://flashback.example.com."
        )
    finally:
        i18n.uninstall()


def test_every_language_offered_in_settings_has_a_catalogue_and_its_own_name() -> None:
    codes = [code for code, _name in preferences.LANGUAGES]
    assert tuple(codes) == i18n.LANGUAGES
    assert sorted(codes[1:]) == sorted(translations.LANGUAGES)  # English is the source
    for code, name in preferences.LANGUAGES:
        # Named in its own language, as Qt's locale data names it ("American English").
        assert name.casefold() in QLocale(code).nativeLanguageName().casefold()
