"""The words of "Restart Flashback Desktop?" after Settings changed the server or language.

Translated in the "AppMenus" context, where the question is asked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppMenus", text)


def restart_question(server: str, language: str) -> str:
    """``server`` and ``language`` are what changed ("" for what did not)."""
    if server and language:
        return _tr("Restart Flashback Desktop to use the new server and language?")
    if language:
        return _tr("Restart Flashback Desktop to show it in {language}?").format(language=language)
    return _tr("Restart Flashback Desktop to use the new server?")


def restart_explanation(server: str, language: str) -> str:
    parts = []
    if server:
        parts.append(_tr("New server: {server}").format(server=server))
    if language:
        parts.append(_tr("New language: {language}").format(language=language))
    if server:
        parts.append(
            _tr(
                "Each server has its own sign-in, so you may be asked to sign in to it. "
                "Otherwise the new server is used from the next start."
            )
        )
    else:
        parts.append(_tr("Otherwise the new language is used from the next start."))
    return "\n".join(parts[:-1]) + "\n\n" + parts[-1]
