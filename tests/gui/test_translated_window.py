"""The window in another language: menus, buttons, dialogs, Qt's own buttons, dates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from flashback_desktop import i18n
from flashback_desktop.sandbox import Fault
from flashback_desktop.ui.accessibility import accessible_name
from flashback_desktop.ui.main_window import MainWindow
from tests.gui.conftest import App
from tests.support.app_process import run_python
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.sandbox_data import repo_id_named


@pytest.fixture
def spanish() -> Iterator[None]:
    """As if the ui/language setting said "es" when the app started."""
    assert i18n.install("es") == "es"
    yield
    i18n.uninstall()


def cell(app: App, name: str, column: int) -> str:
    row = app.page.row_of(next(r["id"] for r in app.sandbox.state.repos if r["name"] == name))
    assert row is not None
    return str(app.page.cell(row, column))


def test_the_window_speaks_spanish(
    spanish: None, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    window, page = app.window, app.page
    # The product's name stays; a server other than production is named after it.
    assert window.windowTitle().startswith("Flashback Desktop — 127.0.0.1:")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:2] == ["&Archivo", "&Edición"]
    assert page.new_conversation_action.text() == "&Nueva conversación"
    assert page.panel.new_button.text() == "&Nueva conversación"
    assert page.refresh_button.text() == "Actualizar"
    assert page.workspace_box.itemText(0) == "Todos los espacios de trabajo"
    assert page.filter_box.placeholderText() == "Filtrar repositorios…"
    header = [page.header(c) for c in range(5)]
    assert header == [
        "Repositorio",
        "Espacio de trabajo",
        "Almacenamiento",
        "Estado",
        "Creado",
    ]
    assert cell(app, "Contracts 2026", 4) == "2 ene 2026"  # the month in Spanish
    assert cell(app, "Litigation holds", 3) == "Desactivado"
    assert cell(app, "Marketing assets", 3) == "Con modelo de IA"
    assert cell(app, "Brand guidelines", 3) == "Sin modelo de IA"
    assert page.user_text.startswith("Sesión iniciada como ")
    assert accessible_name(page.list_view) == "Repositorios"  # what a screen reader says

    # A message from the API layer, in a dialog, with Qt's own Close button translated.
    app.select("NDAs")
    app.sandbox.state.faults.add("POST", "/conversation", Fault(status=403))
    with page.wait_dialog(qtbot) as opened:
        page.new_conversation()
    dialog = ErrorDialogPage(opened.args[0])
    assert dialog.headline == ("Flashback no ha podido iniciar una conversación para «NDAs».")
    assert dialog.message.startswith("No tiene acceso a este espacio de trabajo.")
    assert dialog.close_button.text() == "Cerrar"
    assert dialog.details_button.text() == "Mostrar &detalles"
    dialog.close()


def test_the_sign_in_dialog_speaks_spanish(
    spanish: None, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    dialog = app.page.wait_sign_in_dialog(qtbot)
    assert dialog.title == "Iniciar sesión en Flashback"
    assert dialog.sign_in_button.text() == "Iniciar sesión"
    assert dialog.cancel_button.text() == "Cancelar"  # QDialogButtonBox's, from qtbase_es
    assert dialog.use_token_link.text() == "Usar un &token de acceso en su lugar"
    assert app.page.list_message == "No ha iniciado sesión."
    dialog.fill_in(app.sandbox.state.demo_email, "wrong")
    dialog.press_sign_in()
    qtbot.waitUntil(dialog.error_shown, timeout=10_000)
    assert dialog.error.startswith("Esa contraseña no es la de esta cuenta.")


def test_the_history_speaks_spanish(
    spanish: None, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    page = app.page
    repo_id = repo_id_named(app.sandbox, "Contracts 2026")
    moment = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    app.sandbox.state.add_conversation(repo_id, created_at=moment, tokens_in=1234567)
    for n in range(1, 22):  # more than a page: "Load more" and "N of M"
        app.sandbox.state.add_conversation(repo_id, created_at=moment + timedelta(minutes=n))
    with page.history.wait_page_shown(qtbot):
        app.select("Contracts 2026")
    history = page.history
    header = history.headers()[:5]
    assert header == ["Creada", "Título", "Iniciada por", "Enviado a la IA", "Respuestas de la IA"]
    history.load_more()
    qtbot.waitUntil(lambda: history.row_count == 22, timeout=10_000)
    oldest = 21
    assert history.cell(oldest, 1) == "Sin título"
    assert history.cell(oldest, 2) == "Usted"
    assert history.cell(oldest, 3) == "1.234.567"  # Spanish digit grouping
    assert history.count_text == "22 de 22"
    assert accessible_name(history.count_label) == "Se muestran 22 de 22 conversaciones"
    assert history.copy_button.text() == "Copia&r ID"
    assert accessible_name(history.table) == "Conversaciones recientes"
    history.select(history.ids()[oldest])
    history.ask_delete()
    box = history.delete_question
    assert box is not None
    assert box.text().startswith("¿Eliminar la conversación iniciada el ")
    assert sorted(b.text() for b in box.buttons()) == ["&Eliminar", "Cancelar"]  # Qt's own
    box.reject()


def test_settings_and_about_speak_spanish(
    spanish: None, start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.page.choose("Archivo", "Configuración")  # the menus by their Spanish words
    settings = app.page.menus.settings_dialog
    assert settings is not None
    assert settings.windowTitle() == "Configuración — Flashback Desktop"
    assert settings.test_button.text() == "Probar &conexión"
    languages = [settings.language_combo.itemText(i) for i in range(4)]
    assert languages == ["El mismo que el sistema", "English", "Español", "Deutsch"]
    settings.custom_radio.setChecked(True)
    settings.custom_edit.setText("http://flashback.example.com")
    assert settings.address_problem.text().startswith("«http://flashback.example.com» usa http")
    # The dialog grew for the wrapped sentence: nothing overlaps the button below it.
    qtbot.waitUntil(lambda: settings.height() >= settings.heightForWidth(settings.width()))
    problem = settings.address_problem.geometry()
    assert problem.bottom() < settings.test_button.geometry().top()
    settings.close()

    app.page.choose("Ayuda", "Acerca de Flashback Desktop")
    about = app.page.menus.about
    assert about is not None
    assert about.windowTitle() == "Acerca de Flashback Desktop"
    assert about.server_label.text() == f"Servidor: {app.sandbox.url}"
    licence_header = about.licences.horizontalHeaderItem(2)
    assert licence_header is not None
    assert licence_header.text() == "Licencia"
    about.close()


def test_the_created_column_follows_the_translated_format(start_app: Callable[..., App]) -> None:
    """German writes "2. Jan. 2026": the translated format and German month names."""
    assert i18n.install("de") == "de"
    try:
        app = start_app()
        assert cell(app, "Contracts 2026", 4) == QLocale().toString(
            QDate(2026, 1, 2), "d. MMM yyyy"
        )
        assert cell(app, "Contracts 2026", 4).startswith("2. Jan")
        assert cell(app, "Litigation holds", 3) == "Deaktiviert"
    finally:
        i18n.uninstall()


def test_english_is_back_after_the_switch(start_app: Callable[..., App]) -> None:
    """The fixture's uninstall works: no Spanish leaks into the other tests."""
    app = start_app()
    assert app.page.panel.new_button.text() == "&New Conversation"
    assert app.page.workspace_box.itemText(0) == "All workspaces"


def test_the_frame_is_translated_before_the_first_paint(spanish: None, qtbot: QtBot) -> None:
    window = MainWindow(server_label="https://flashback.example.com")  # the frame alone
    qtbot.addWidget(window)
    assert [label.text() for label in window.findChildren(QLabel)] == [
        "Iniciando Flashback Desktop…"
    ]


def test_the_system_language_is_used_by_the_real_program() -> None:
    """A Spanish desktop: the app's first window says so, with no setting made."""
    probe = """
from PySide6.QtWidgets import QLabel
from flashback_desktop import app
from flashback_desktop.ui import main_window

seen = []
build_frame = main_window.MainWindow.__init__

def recording(self, *args, **kwargs):
    build_frame(self, *args, **kwargs)
    seen.extend(label.text() for label in self.centralWidget().findChildren(QLabel))

main_window.MainWindow.__init__ = recording
print(app.main(["--demo", "--exit-after", "first-paint"]), seen)
"""
    # The desktop's language, as a Spanish Linux session sets it (no setting saved).
    env = {"LANGUAGE": "es_ES:es", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    result = run_python(["-c", probe], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 ['Iniciando Flashback Desktop…']"
