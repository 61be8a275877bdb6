"""What a screen reader is told: names, descriptions, and announcements of changes.

How a new widget gets its accessible name (tests/gui/test_accessibility.py walks every
focusable widget of the window and of each dialog and fails on a missing one):

- Buttons, menu actions and check boxes with visible text are named by that text; give
  them a description with ``describe`` (or a tool tip) that says what they do.
- Everything else that takes focus needs ``describe(widget, name, description)``: line
  edits, combo boxes, tables and lists, icon-only buttons, read-only fields. The name is
  short and is what a sighted person would call the control ("Repositories"); the
  description is one sentence. Both go through ``self.tr`` like any other text.
- A label that states a status (a banner, a result) is read by its text: do not give it
  a fixed name, or the reader would say the name instead of the news. When its text
  changes because of something the person did not just do, call ``announce``.
- After an action, move the focus to its result (the new ID, the list, the dialog's
  main button), so a screen-reader user hears it and a keyboard user can carry on.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


class Announcer(QObject):
    """Every announcement passes here; tests listen to ``announced``."""

    announced = Signal(str)


_announcer: Announcer | None = None


def announcer() -> Announcer:
    global _announcer  # noqa: PLW0603 - one per process, made on first use after the app
    if _announcer is None:
        _announcer = Announcer()
    return _announcer


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """The name and description a screen reader gives for ``widget``."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def set_tab_order(*chain: QWidget) -> None:
    """Tab goes through ``chain`` in this order (hidden widgets are skipped by Tab)."""
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say ``text`` (a status change away from the focus).

    Polite waits for the reader to finish what it is saying; assertive interrupts it,
    for things that need attention now (a sign-in refused). Qt sends it to the platform's
    accessibility bridge when one is active; otherwise it costs nothing.
    """
    if not text:
        return
    announcer().announced.emit(text)
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader calls ``widget`` (its accessibility interface's Name)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description) if interface is not None else ""
