"""Marks user-facing sentences in the layers without Qt, so they can be translated later.

``api/``, ``session/`` and the other Qt-free modules cannot call Qt's translator, but their
messages reach people. They wrap each sentence in ``QT_TRANSLATE_NOOP("Messages", ...)``:
at run time that returns the English text unchanged, and ``pyside6-lupdate`` finds it by
name, like Qt's own macro. The window translates it when it shows it, with
``flashback_desktop.i18n.message`` (the context must be the literal ``"Messages"``: lupdate
reads the call, it does not run it).
"""

from __future__ import annotations

MESSAGES = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name: lupdate looks for it
    """``text`` unchanged: only a marker for ``pyside6-lupdate``."""
    del context
    return text


class Phrase(str):
    """A sentence with values in it: the English text, plus the template and the values,
    so the window can translate the template and put the values back in (numbers in the
    person's format). Everywhere else it is the plain English ``str``."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> Phrase:
        phrase = super().__new__(cls, template.format(**values))
        phrase.template = template
        phrase.values = values
        return phrase
