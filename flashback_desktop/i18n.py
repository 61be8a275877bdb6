"""Which language the app speaks, and the translators that make it speak it.

The language is the ``ui/language`` setting ("" follows the system, else "en", "es" or
"de"), or the first of the system's preferred languages the app has a translation for.
``install`` runs before the window's frame is built, so even "Starting Flashback Desktop…"
is translated: it only loads ``.qm`` files (QtCore only, nothing else is imported). A new
language takes effect at the next start.

The app's own catalogues are compiled from ``resources/translations/*.ts`` (see
``tools/translations.py``); Qt's come with Qt (``qtbase_<lang>.qm``), so the standard
buttons of Qt's dialogs speak the same language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

# This module is imported before the first paint: only what choosing the language needs
# is imported here (each PySide6 class costs a little on first use); the rest on demand.
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from flashback_desktop import preferences, resource_paths

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

LANGUAGE_KEY = preferences.LANGUAGE_KEY  # the setting the Settings dialog saves
SOURCE_LANGUAGE = "en"
LANGUAGES = tuple(code for code, _name in preferences.LANGUAGES)  # English needs no catalogue
CATALOGUE = "flashback_desktop"  # flashback_desktop_<lang>.qm
MESSAGES = "Messages"  # the context of the sentences marked in layers without Qt

# In a checkout, a bundle and an installed wheel alike (resource_paths knows where).
TRANSLATIONS_DIR = resource_paths.resource("translations")

_installed: list[QTranslator] = []
_in_use = SOURCE_LANGUAGE


def choose_language(setting: object, preferred: Iterable[str]) -> str:
    """The setting when it names a language we have; else the first preferred one we have.

    ``preferred`` is the system's list, most wanted first, in BCP 47 ("es-MX", "de").
    """
    if isinstance(setting, str) and setting in LANGUAGES:
        return setting
    for tag in preferred:
        language = tag.replace("_", "-").split("-")[0].lower()
        if language in LANGUAGES:
            return language
    return SOURCE_LANGUAGE


def locale_for(language: str, system: QLocale) -> QLocale:
    """Dates and numbers, the app's one locale (``install`` makes it the default, so every
    ``QLocale()`` is this): the system's country when it speaks this language, else the
    language's usual locale; always Qt's own data for that name.

    The system locale can answer with another locale's names: with LANGUAGE=es and
    LC_TIME=C it is called es_ES but names its months in English and writes "4 12 2026".
    """
    if QLocale(language).language() == system.language():
        return QLocale(system.name())
    return QLocale(language)


def install(language: str | None = None) -> str:
    """Load the catalogues for ``language`` (default: the setting or the system's choice).

    Returns the language in use. Calling it again replaces what an earlier call installed.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("Create the application before installing translations")
    if language is None:
        language = choose_language(
            QSettings().value(LANGUAGE_KEY, ""), QLocale.system().uiLanguages()
        )
    uninstall()
    global _in_use  # noqa: PLW0603 - one language per process, chosen at start
    _in_use = language
    QLocale.setDefault(locale_for(language, QLocale.system()))
    if language == SOURCE_LANGUAGE:
        return language
    from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: PLC0415 - not for English

    for name, folder in (
        (f"{CATALOGUE}_{language}", str(TRANSLATIONS_DIR)),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def language_in_use() -> str:
    """The language ``install`` chose for this run ("en" before it ran)."""
    return _in_use


def language_at_next_start(setting: str | None) -> str:
    """What ``install`` will choose at the next start with ``setting`` saved."""
    return choose_language(setting or "", QLocale.system().uiLanguages())


def uninstall() -> None:
    """Back to English and the system's locale (tests switch languages in one process)."""
    global _in_use  # noqa: PLW0603
    _in_use = SOURCE_LANGUAGE
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale(QLocale.system().name()))  # Qt's data, as locale_for gives


def message(text: str) -> str:
    """A sentence from a layer without Qt, in the person's language (unchanged when the
    catalogue has no translation for it, e.g. a server's own words). A ``Phrase`` has its
    template translated and its numbers written the person's way."""
    from flashback_desktop.translatable import Phrase  # noqa: PLC0415 - after the first paint

    if isinstance(text, Phrase):
        locale = QLocale()
        values = {
            name: locale.toString(value)
            if isinstance(value, int)
            else message(value)  # a sentence inside a sentence is translated too
            if isinstance(value, Phrase)
            else value
            for name, value in text.values.items()
        }
        return QCoreApplication.translate(MESSAGES, text.template).format(**values)
    return QCoreApplication.translate(MESSAGES, text)
