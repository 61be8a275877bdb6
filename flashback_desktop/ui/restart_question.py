"""The words of "Restart Flashback Desktop?" after Settings changed the server or language.

Translated in the "AppMenus" context, where the question is asked (each text is written
out in its ``translate`` call, so the translation tools find it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def restart_question(server: str, language: str) -> str:
    """``server`` and ``language`` are what changed ("" for what did not)."""
    if server and language:
        return QCoreApplication.translate(
            "AppMenus", "Restart Flashback Desktop to use the new server and language?"
        )
    if language:
        return QCoreApplication.translate(
            "AppMenus", "Restart Flashback Desktop to show it in {language}?"
        ).format(language=language)
    return QCoreApplication.translate(
        "AppMenus", "Restart Flashback Desktop to use the new server?"
    )


def restart_explanation(server: str, language: str) -> str:
    lines = []
    if server:
        lines.append(
            QCoreApplication.translate("AppMenus", "New server: {server}").format(server=server)
        )
    if language:
        lines.append(
            QCoreApplication.translate("AppMenus", "New language: {language}").format(
                language=language
            )
        )
    if server:
        last = QCoreApplication.translate(
            "AppMenus",
            "Each server has its own sign-in, so you may be asked to sign in to it. "
            "Otherwise the new server is used from the next start.",
        )
    else:
        last = QCoreApplication.translate(
            "AppMenus", "Otherwise the new language is used from the next start."
        )
    return "\n".join(lines) + "\n\n" + last
