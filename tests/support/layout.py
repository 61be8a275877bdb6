"""What a person would see as a broken layout, found by walking a window's widgets.

Run under the window manager (tests/run starts openbox), after the window has been shown
and its layout has settled. Three rules, each a list of plain problems (empty is good):

- no visible widget smaller than its minimum size hint (or its explicit minimum size),
  which is what a field "shrunk to a sliver" is;
- no label or button whose text does not fit its width (or, when it wraps, its height);
- no two visible siblings in the same layout that overlap.

Plus a focus check for after a refusal: the keyboard focus is in the field to fix.
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QSizePolicy,
    QWidget,
)

# Scroll areas place their own internal parts (viewport, bars, headers, corner) and may
# show only part of their content by design: their insides are not a layout's to check.
_MANAGES_ITS_OWN_CHILDREN = (QAbstractScrollArea,)
_SLACK_PX = 1  # rounding of fractional font metrics


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = f" {widget.text()[:40]!r}"
    name = widget.objectName() or type(widget).__name__
    return f"{name}{text}"


def _visible_children(widget: QWidget) -> list[QWidget]:
    direct = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [child for child in direct if child.isVisible() and not child.isWindow()]


def _shown(top: QWidget) -> list[QWidget]:
    """The widgets of ``top`` a person can see, skipping the insides of scroll areas."""
    found: list[QWidget] = []

    def walk(widget: QWidget) -> None:
        found.append(widget)
        if isinstance(widget, _MANAGES_ITS_OWN_CHILDREN):
            return
        for child in widget.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child.isVisible() and not child.isWindow():
                walk(child)

    walk(top)
    return found


def _minimum(widget: QWidget) -> QSize:
    """The size below which the widget's layout would never shrink it (Qt's own rule)."""
    hint = widget.minimumSizeHint()
    explicit = widget.minimumSize()
    policy = widget.sizePolicy()
    width = explicit.width() or (hint.width() if hint.width() > 0 else 0)
    height = explicit.height() or (hint.height() if hint.height() > 0 else 0)
    if policy.horizontalPolicy() == QSizePolicy.Policy.Ignored:
        width = explicit.width()
    if policy.verticalPolicy() == QSizePolicy.Policy.Ignored:
        height = explicit.height()
    return QSize(width, height)


def _too_small(widget: QWidget) -> str | None:
    need = _minimum(widget)
    if widget.width() + _SLACK_PX < need.width() or widget.height() + _SLACK_PX < need.height():
        return (
            f"{_name(widget)} is {widget.width()}x{widget.height()}, "
            f"smaller than its minimum {need.width()}x{need.height()}"
        )
    return None


def _shown_text(text: str) -> str:
    """The text as drawn: "&Email" shows "Email" (the & marks the Alt key), "&&" shows "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_cut(label: QLabel) -> str | None:
    if not label.text() or label.textFormat() == Qt.TextFormat.RichText:
        return None
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        fits = need <= label.height() + _SLACK_PX
        return None if fits else f"{_name(label)} needs {need} px of height, has {label.height()}"
    metrics = label.fontMetrics()
    need = max(metrics.horizontalAdvance(line) for line in _shown_text(label.text()).split("\n"))
    room = label.contentsRect().width() - 2 * max(label.margin(), 0)
    return None if need <= room + _SLACK_PX else f"{_name(label)} needs {need} px, has {room}"


def _text_cut(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        return _label_cut(widget)
    if isinstance(widget, QAbstractButton) and widget.text():
        need = widget.sizeHint()
        if need.width() > widget.width() + _SLACK_PX:
            return f"{_name(widget)} needs {need.width()} px of width, has {widget.width()}"
    return None


def _overlaps(widget: QWidget) -> list[str]:
    if isinstance(widget, _MANAGES_ITS_OWN_CHILDREN) or widget.layout() is None:
        return []
    children = _visible_children(widget)
    problems = []
    for first, second in combinations(children, 2):
        shared = first.geometry().intersected(second.geometry())
        if shared.width() > _SLACK_PX and shared.height() > _SLACK_PX:
            problems.append(f"{_name(first)} and {_name(second)} overlap by {shared.size()}")
    return problems


def layout_problems(top: QWidget) -> list[str]:
    """Every rule broken in ``top`` (a window or dialog), as plain sentences."""
    QApplication.sendPostedEvents()  # pending LayoutRequest events: measure the settled layout
    problems: list[str] = []
    for widget in _shown(top):
        problems += [p for p in (_too_small(widget), _text_cut(widget)) if p is not None]
        problems += _overlaps(widget)
    return problems


def focus_problem(*expected: QWidget) -> str | None:
    """After a refusal: the keyboard focus is in (one of) the field(s) to fix, in the active
    window, so what the person types next goes there."""
    focused = QApplication.focusWidget()
    names = " or ".join(_name(widget) for widget in expected)
    if focused not in expected or focused is None or not focused.hasFocus():
        where = _name(focused) if focused is not None else "nothing"
        return f"the focus is on {where}, not in {names}"
    if not focused.window().isActiveWindow():
        return f"{_name(focused)} has the focus in a window that is not active"
    return None
