"""The person's own settings, kept by QSettings (per user; a .conf file on Linux, the
registry on Windows, a plist on macOS), and the keys other parts of the app read."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SERVER_KEY = "server/url"
LANGUAGE_KEY = "ui/language"

# The languages the app speaks, each with its name in that language (how a person finds
# their own in the list, whatever language the app speaks now). English is the source;
# the others have a catalogue in resources/translations. No setting follows the system.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("es", "Español"),
    ("de", "Deutsch"),
)


def _text(settings: QSettings, key: str) -> str | None:
    value = settings.value(key, None)
    return value.strip() or None if isinstance(value, str) else None


def saved_server(settings: QSettings) -> str | None:
    """The server the person chose, or None for "the default" (system-wide or production)."""
    return _text(settings, SERVER_KEY)


def save_server(settings: QSettings, url: str | None) -> None:
    if url:
        settings.setValue(SERVER_KEY, url)
    else:
        settings.remove(SERVER_KEY)  # follow the default, even when IT changes it later
    settings.sync()


def saved_language(settings: QSettings) -> str | None:
    """A language code from LANGUAGES, or None to follow the system's language."""
    code = _text(settings, LANGUAGE_KEY)
    return code if code in {code for code, _name in LANGUAGES} else None


def save_language(settings: QSettings, code: str | None) -> None:
    if code:
        settings.setValue(LANGUAGE_KEY, code)
    else:
        settings.remove(LANGUAGE_KEY)
    settings.sync()


MODEL_KEY = "chat/model/{repo_id}"


def saved_model(settings: QSettings, repo_id: str) -> str | None:
    """The model last chosen for this repository's conversations, or None."""
    return _text(settings, MODEL_KEY.format(repo_id=repo_id))


def save_model(settings: QSettings, repo_id: str, model_id: str) -> None:
    settings.setValue(MODEL_KEY.format(repo_id=repo_id), model_id)
    settings.sync()
