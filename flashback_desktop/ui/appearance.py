"""Light and dark: the app follows the system's colour scheme and never fixes a colour.

Widgets take every colour from the palette's roles (Window, Text, Link...), so whatever
palette the platform hands Qt (Windows, macOS and GNOME/KDE report light or dark, and Qt
6.5+ switches the palette live) is the one they are drawn in. Nothing here runs for that.

``use_color_scheme`` forces one scheme: it asks the platform first (Qt 6.8+
``QStyleHints.setColorScheme``), and where the platform cannot switch (X11 without a
desktop theme, Xvfb in tests) it installs a palette for the scheme, derived from one
window colour with a readable link colour. Tests and the documentation screenshots use
it; ``follow_system`` undoes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Only for platforms that cannot switch by themselves: the window colour each palette is
# derived from, and a link colour readable on it (contrast above 4.5:1 on Window and Base).
_WINDOW = {Qt.ColorScheme.Light: QColor(239, 239, 239), Qt.ColorScheme.Dark: QColor(45, 45, 45)}
_LINK = {Qt.ColorScheme.Light: QColor(0, 87, 174), Qt.ColorScheme.Dark: QColor(138, 180, 248)}


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21; body text needs at least 4.5."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def scheme_of(palette: QPalette) -> Qt.ColorScheme:
    """Dark when the window is darker than its text, as Qt's own themes decide."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    if relative_luminance(window) < relative_luminance(text):
        return Qt.ColorScheme.Dark
    return Qt.ColorScheme.Light


def palette_for(scheme: Qt.ColorScheme) -> QPalette:
    """A complete palette for ``scheme``: Qt derives every role from the window colour
    (text, buttons, frames, disabled), then Base, Link and Highlight are set to suit."""
    window = _WINDOW[scheme]
    palette = QPalette(window, window)
    dark = scheme == Qt.ColorScheme.Dark
    base = window.darker(140) if dark else QColor(255, 255, 255)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, window if dark else window.lighter(104))
    palette.setColor(QPalette.ColorRole.Link, _LINK[scheme])
    palette.setColor(QPalette.ColorRole.LinkVisited, _LINK[scheme].darker(120 if dark else 80))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(48, 140, 198))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    palette.setColor(QPalette.ColorRole.ToolTipBase, base)
    palette.setColor(QPalette.ColorRole.ToolTipText, palette.color(QPalette.ColorRole.Text))
    placeholder = palette.color(QPalette.ColorRole.Text)
    placeholder.setAlphaF(0.6)
    palette.setColor(QPalette.ColorRole.PlaceholderText, placeholder)
    return palette


def use_color_scheme(scheme: Qt.ColorScheme) -> None:
    """Draw the app in ``scheme`` from now on, whatever the system uses."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("Create the application before choosing its colours")
    app.styleHints().setColorScheme(scheme)
    if scheme_of(app.palette()) != scheme:  # the platform could not switch: do it here
        app.setPalette(palette_for(scheme))


def follow_system() -> None:
    """Back to the system's scheme and palette."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    app.styleHints().unsetColorScheme()
    app.setPalette(QPalette())  # an empty palette: the platform's own again
