"""Settings: which Flashback server to use (with "Test connection") and the language.

Stored per user through QSettings (preferences.py). The server typed here is checked by a
client of its own that holds no token (api/server_check.py), so testing an address never
sends the current sign-in anywhere. The dialog is modeless: it never blocks the loop.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from flashback_desktop import i18n, preferences
from flashback_desktop.config import (
    PRODUCTION_SERVER,
    SERVER_ENV_VAR,
    ServerChoice,
    ServerUrlError,
    canonical_origin,
    choose_server,
    normalise_server_url,
)
from flashback_desktop.i18n import message
from flashback_desktop.ui.accessibility import announce, describe, set_tab_order
from flashback_desktop.ui.long_text import bounded_tooltip
from flashback_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # brings httpx: loaded when a check runs, not when the window starts
    from flashback_desktop.api.server_check import ServerCheck

log = logging.getLogger("flashback.ui.settings")

CHECK_TASK = "settings-test-connection"
_OVERRIDES = ("command line", "environment")  # choices that come before this setting


def _wrapped(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # addresses and messages are never markup
    return label


class SettingsDialog(QDialog):
    # The server the app would use from the next start, when that differs from the one in use.
    # After Save: the server and the language name (each "" when unchanged) that take
    # effect at the next start, when at least one differs from this run's.
    restart_suggested = Signal(str, str)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        settings: QSettings,
        tasks: TaskManager,
        in_use: ServerChoice | None,
        system_default: str | None = None,
    ) -> None:
        """``in_use`` is None in demo mode; ``system_default`` comes from site_config."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings — Flashback Desktop"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings = settings
        self.tasks = tasks
        self.in_use = in_use
        self.system_default = self._valid_or_none(system_default)
        self.last_check: ServerCheck | None = None
        layout = QVBoxLayout(self)
        boxes = (self._build_server_box(), self._build_language_box())
        for box in boxes:
            layout.addWidget(box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleDescription(self.tr("Keeps these settings for your account"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        set_tab_order(
            self.default_radio,
            self.production_radio,
            self.custom_radio,
            self.custom_edit,
            self.test_button,
            self.language_combo,
            self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        )
        # Wide enough for a sentence per line in any language (the layout's minimum size
        # decides the dialog's, so the width is asked of what it holds).
        for box in boxes:
            box.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._load()
        # Never narrower than its content; in height, see _fit_height.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._fit_height()

    # ---- construction ----------------------------------------------------------------------

    def _build_server_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Flashback server"))
        self.default_radio = QRadioButton(
            self.tr("Your &organisation's default ({server})").format(server=self.system_default)
            if self.system_default
            else self.tr("&Production ({server})").format(server=PRODUCTION_SERVER)
        )
        self.default_radio.setObjectName("defaultServerRadio")
        # With an organisation default, production is a choice of its own (kept explicitly).
        self.production_radio = QRadioButton(
            self.tr("&Production ({server})").format(server=PRODUCTION_SERVER)
        )
        self.production_radio.setObjectName("productionServerRadio")
        self.production_radio.setVisible(self._production_is_separate)
        self.custom_radio = QRadioButton(self.tr("C&ustom:"))
        self.custom_radio.setObjectName("customServerRadio")
        self.custom_edit = QLineEdit()
        self.custom_edit.setObjectName("customServerEdit")
        self.custom_edit.setPlaceholderText("https://flashback.example.com")
        describe(
            self.custom_edit,
            self.tr("Custom server address"),
            self.tr("The https:// address of the Flashback server your IT department gave you"),
        )
        self.custom_edit.textEdited.connect(lambda _text: self.custom_radio.setChecked(True))
        self.custom_edit.textChanged.connect(self._server_edited)
        self.radios = QButtonGroup(self)
        for radio in (self.default_radio, self.production_radio, self.custom_radio):
            self.radios.addButton(radio)
        self.radios.buttonToggled.connect(lambda _button, _on: self._server_edited())
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.custom_radio)
        custom_row.addWidget(self.custom_edit, 1)
        self.address_problem = _wrapped("serverAddressProblem")

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.setAutoDefault(False)
        self.test_button.setAccessibleDescription(
            self.tr("Checks that a Flashback server answers at this address, without signing in")
        )
        self.test_button.clicked.connect(self.test_connection)
        self.check_icon = QLabel()
        self.check_result = _wrapped("connectionTestResult")
        result_row = QHBoxLayout()
        top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        result_row.addWidget(self.test_button, 0, top_left)
        result_row.addWidget(self.check_icon, 0, Qt.AlignmentFlag.AlignTop)
        result_row.addWidget(self.check_result, 1)
        self.server_note = _wrapped("serverNote")

        layout = QVBoxLayout(box)
        layout.addWidget(self.default_radio)
        layout.addWidget(self.production_radio)
        layout.addLayout(custom_row)
        layout.addWidget(self.address_problem)
        layout.addLayout(result_row)
        layout.addWidget(self.server_note)
        return box

    def _build_language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Language"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        describe(
            self.language_combo,
            self.tr("Language"),
            self.tr("The language Flashback Desktop speaks from its next start"),
        )
        self.language_combo.addItem(self.tr("Same as the system"), "")
        for code, name in preferences.LANGUAGES:  # each in its own language
            self.language_combo.addItem(name, code)
        note = _wrapped("languageNote")
        note.setText(self.tr("A new language takes effect after restarting Flashback Desktop."))
        # A buddy label: on Linux screen readers name a combo box through it.
        self.language_label = QLabel(self.tr("&Show the app in:"))
        self.language_label.setBuddy(self.language_combo)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language_combo, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(note)
        return box

    @staticmethod
    def _valid_or_none(url: str | None) -> str | None:
        try:
            return normalise_server_url(url) if url else None
        except ServerUrlError:
            return None  # app start-up already refused or ignored it; offer production

    @property
    def _production_is_separate(self) -> bool:
        return self.system_default is not None and self.system_default != PRODUCTION_SERVER

    def _load(self) -> None:
        saved = preferences.saved_server(self.settings)
        normalised = self._valid_or_none(saved)
        if saved is None:
            self.default_radio.setChecked(True)
        elif normalised == PRODUCTION_SERVER and self._production_is_separate:
            self.production_radio.setChecked(True)
        elif normalised is not None and normalised == (self.system_default or PRODUCTION_SERVER):
            self.default_radio.setChecked(True)
        else:
            self.custom_radio.setChecked(True)
            self.custom_edit.setText(saved)
        code = preferences.saved_language(self.settings) or ""
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(code)))
        self.server_note.setText(self._in_use_text())
        self._server_edited()

    def _in_use_text(self) -> str:
        if self.in_use is None:
            return self.tr(
                "The demo is running. The server chosen here is used when you start "
                "Flashback Desktop without --demo."
            )
        text = self.tr("In use now: {server}.").format(server=self.in_use.base_url)
        if self.in_use.source == "command line":
            override = self.tr(
                "It is set by the --server option on this computer, which comes before this "
                "setting; ask your IT department to change it."
            )
        elif self.in_use.source == "environment":
            override = self.tr(
                "It is set by {variable} on this computer, which comes before this setting; "
                "ask your IT department to change it."
            ).format(variable=SERVER_ENV_VAR)
        else:
            return text
        return f"{text} {override}"

    # ---- the server typed ------------------------------------------------------------------

    def typed_server(self) -> str:
        """The address chosen now; raises ServerUrlError when the custom one is not usable."""
        if self.custom_radio.isChecked():
            text = self.custom_edit.text()
            if not text.strip():
                raise ServerUrlError(
                    self.tr("Type the server's address, for example https://flashback.example.com.")
                )
            return normalise_server_url(text)
        if self.production_radio.isChecked():
            return PRODUCTION_SERVER
        return self.system_default or PRODUCTION_SERVER

    def _setting_to_store(self) -> str | None:
        """None means "the default": it then follows the organisation's default if IT sets one."""
        if self.custom_radio.isChecked() or self.production_radio.isChecked():
            return self.typed_server()
        return None

    def _server_edited(self) -> None:
        self.tasks.cancel(CHECK_TASK)  # its answer would be about another address
        self._show_check(None)
        try:
            self.typed_server()
        except ServerUrlError as exc:
            problem = message(exc.message)
        else:
            problem = ""
        self.address_problem.setText(problem)
        self.address_problem.setVisible(bool(problem))
        self.save_button.setEnabled(not problem)
        self.test_button.setEnabled(not problem)
        self._fit_height()

    # ---- test connection -------------------------------------------------------------------

    def test_connection(self) -> None:
        try:
            url = self.typed_server()
        except ServerUrlError:
            return  # the button is disabled then; a shortcut could still get here
        self.test_button.setEnabled(False)
        self._show_check(None, self.tr("Checking {server}…").format(server=url))
        self.tasks.start(CHECK_TASK, self._check(url))

    async def _check(self, url: str) -> None:
        # Imported here: httpx is not needed until someone tests a server.
        from flashback_desktop.api.server_check import check_server  # noqa: PLC0415

        # No try/finally: a cancelled check (the dialog closed) must not touch its widgets.
        result = await check_server(url)
        self.test_button.setEnabled(True)
        log.info("Test connection to %s: %s", url, result.verdict.value)
        if result.details:
            log.info("Test connection details:\n%s", result.details)
        self._show_check(result)

    def _show_check(self, result: ServerCheck | None, text: str = "") -> None:
        self.last_check = result
        icon = None
        if result is not None:
            text = " ".join(message(sentence) for sentence in result.sentences)
            kind = (
                QStyle.StandardPixmap.SP_DialogApplyButton
                if result.ok
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            icon = self.style().standardIcon(kind)
        self.check_result.setText(text)
        self.check_result.setVisible(bool(text))
        if result is not None:  # the focus stays on the button: say the answer
            announce(self.check_result, text)
        self.check_result.setToolTip(bounded_tooltip(result.details) if result else "")
        self.check_icon.setVisible(icon is not None)
        if icon is not None:
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            self.check_icon.setPixmap(icon.pixmap(size, size))
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every wrapped sentence: a layout's minimum size does not count the
        extra lines of word-wrapped labels, so a new message would overlap the next one."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    # ---- save and close --------------------------------------------------------------------

    def save(self) -> None:
        try:
            stored = self._setting_to_store()
        except ServerUrlError:
            return  # Save is disabled then
        preferences.save_server(self.settings, stored)
        preferences.save_language(self.settings, self.language_combo.currentData() or None)
        log.info("Settings saved: server %s", stored or "default")
        next_start = self._server_from_next_start(stored)
        language = self._language_from_next_start()
        self.accept()
        if next_start is not None or language is not None:
            self.restart_suggested.emit(next_start or "", language or "")

    def _language_from_next_start(self) -> str | None:
        """The name of the language of the next start, when it differs from this run's."""
        chosen = i18n.language_at_next_start(self.language_combo.currentData() or None)
        if chosen == i18n.language_in_use():
            return None
        return dict(preferences.LANGUAGES).get(chosen, chosen)

    def _server_from_next_start(self, stored: str | None) -> str | None:
        """The server the app will use after a restart, when it differs from the one in use."""
        if self.in_use is None or self.in_use.source in _OVERRIDES:
            return None  # demo, or --server/FLASHBACK_SERVER still decide
        chosen = choose_server(None, {}, stored, self.system_default).base_url
        if canonical_origin(chosen) == self.in_use.origin:
            return None
        return chosen

    def done(self, result: int) -> None:
        self.tasks.cancel(CHECK_TASK)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel(CHECK_TASK)
        super().closeEvent(event)
