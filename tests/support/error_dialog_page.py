"""An error dialog as a person sees it: the headline, what happened and what to do, Show
details, Copy details, Close. Every window opens its error dialogs through one presenter,
so one page reads them all."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit, QWidget

from flashback_desktop.ui.error_dialog import ErrorDialog


class ErrorDialogPage:
    def __init__(self, dialog: QWidget) -> None:
        """``dialog`` as a wait hands it over (``opened.args[0]``): it must be an error dialog,
        not a question or another window."""
        assert isinstance(dialog, ErrorDialog), dialog
        self.dialog = dialog

    @property
    def headline(self) -> str:
        return self.dialog.headline_label.text()

    @property
    def message(self) -> str:
        """What happened and what to do (the text under the headline)."""
        return self.dialog.message_label.text()

    @property
    def details(self) -> str:
        """The details as Copy details copies them."""
        return self.dialog.details_text

    @property
    def details_shown_text(self) -> str:
        """The details as the box shows them (shortened when huge)."""
        return self.dialog.details_box.toPlainText()

    def details_shown(self) -> bool:
        return self.dialog.details_box.isVisible()

    def show_details(self) -> None:
        """A click on Show details."""
        self.dialog.details_button.click()

    def copy_details(self) -> None:
        """What Copy details does."""
        self.dialog.copy_details()

    def close(self) -> None:
        self.dialog.close()

    # ---- the widgets, for focus, layout and how they render --------------------------------

    @property
    def headline_label(self) -> QLabel:
        return self.dialog.headline_label

    @property
    def message_label(self) -> QLabel:
        return self.dialog.message_label

    @property
    def details_box(self) -> QPlainTextEdit:
        return self.dialog.details_box

    @property
    def details_button(self) -> QAbstractButton:
        return self.dialog.details_button

    @property
    def close_button(self) -> QAbstractButton:
        return self.dialog.close_button
