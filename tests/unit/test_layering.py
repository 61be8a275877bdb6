"""The layers import only downwards: ui -> session -> api, and the sandbox stands alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "flashback_desktop"

# Module path prefix -> import prefixes it must never use, and why.
RULES: dict[str, tuple[tuple[str, ...], str]] = {
    "flashback_desktop/api/": (
        (
            "PySide6",
            "qasync",
            "flashback_desktop.session",
            "flashback_desktop.ui",
            "flashback_desktop.app",
            "flashback_desktop.sandbox",
        ),
        "api/ is plain asyncio, below everything else",
    ),
    "flashback_desktop/session/": (
        (
            "PySide6",
            "qasync",
            "flashback_desktop.ui",
            "flashback_desktop.app",
            "flashback_desktop.sandbox",
        ),
        "session/ knows nothing of Qt or the window",
    ),
    "flashback_desktop/sandbox/": (
        (
            "PySide6",
            "qasync",
            "flashback_desktop.api",
            "flashback_desktop.session",
            "flashback_desktop.ui",
            "flashback_desktop.app",
        ),
        "the sandbox must not share the client's code, or it would agree with its bugs",
    ),
    "flashback_desktop/config.py": (("PySide6", "flashback_desktop."), "config is a leaf"),
    "flashback_desktop/logging_setup.py": (("PySide6", "flashback_desktop."), "a leaf"),
    "flashback_desktop/site_config.py": (("PySide6", "flashback_desktop."), "a leaf"),
    "flashback_desktop/ui/": (
        ("qasync", "flashback_desktop.app", "flashback_desktop.sandbox"),
        "ui/ gets its session from app.py; qasync lives in app.py alone",
    ),
}
# Exceptions to RULES, each with its reason.
ALLOWED: dict[str, tuple[str, ...]] = {
    # translatable.py imports nothing and has no Qt: it only marks sentences for the
    # translators, and the server-address messages in config.py reach people.
    "flashback_desktop/config.py": ("flashback_desktop.translatable",),
    # clipping.py has no Qt and no imports either: one rule for cutting a text short,
    # the log's lines and values included.
    "flashback_desktop/logging_setup.py": ("flashback_desktop.clipping",),
}


def imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violations(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = f"{package.name}/{path.relative_to(package).as_posix()}"
        for prefix, (forbidden, why) in RULES.items():
            if not relative.startswith(prefix):
                continue
            for module in sorted(imported_modules(path.read_text(encoding="utf-8"))):
                if module.startswith(forbidden) and module not in ALLOWED.get(relative, ()):
                    found.append(f"{relative} imports {module}: {why}")
    return found


def test_the_layers_import_only_downwards() -> None:
    assert violations(PACKAGE) == []


def test_qt_widgets_only_in_ui_and_app() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if "PySide6.QtWidgets" in imported_modules(path.read_text(encoding="utf-8")):
            # app.py and self_test.py put the application together (self_test: to check it).
            assert relative.startswith("ui/") or relative in ("app.py", "self_test.py"), relative


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("api/bad.py", "from PySide6.QtWidgets import QWidget"),
        ("sandbox/bad.py", "from flashback_desktop.api.models import Repository"),
        ("session/bad.py", "import flashback_desktop.ui.main_window"),
        ("config.py", "from flashback_desktop.api import errors"),  # only translatable is allowed
    ],
)
def test_the_check_catches_a_wrong_import(tmp_path: Path, where: str, line: str) -> None:
    package = tmp_path / "flashback_desktop"
    (package / where).parent.mkdir(parents=True)
    (package / where).write_text(line + "\n")
    assert len(violations(package)) == 1


# ---- imports the layering check could not see ----------------------------------------------

# Only the composition root decides when a module loads (the frame before the first paint,
# the content after it, httpx in a worker thread). Elsewhere an import is a plain statement
# at the top of the module, where this test and a reader see it.
LAYERED = ("api/", "session/", "ui/")
DYNAMIC_CALLS = {"import_module", "__import__", "LazyLoader", "lazy_import"}
DEFERRED_ALLOWED: dict[str, tuple[str, ...]] = {
    # httpx is loaded off the GUI thread at start-up; Settings must not import it on the GUI
    # thread while the worker does.
    "ui/settings_dialog.py": ("flashback_desktop.api.server_check",),
    # The same for the content, built while the worker imports httpx: the conversation
    # window brings the client and the chat service, About reads package metadata
    # (importlib.metadata, about 15 ms); both load when first opened.
    "ui/main_content.py": ("flashback_desktop.ui.conversation_window",),
    "ui/app_menus.py": ("flashback_desktop.ui.about_dialog",),
    # A keyring backend named by platform or by the person's settings: by name, on demand.
    "session/keyring_backend.py": ("import_module",),
    "session/token_store.py": ("import_module",),
}


def hidden_imports(source: str) -> set[str]:
    """Imports inside functions, and calls that import by name."""
    found: set[str] = set()
    tree = ast.parse(source)
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in DYNAMIC_CALLS:
                found.add(name)
    return found


def hidden_import_violations(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if not relative.startswith(LAYERED):
            continue
        allowed = DEFERRED_ALLOWED.get(relative, ())
        for name in sorted(hidden_imports(path.read_text(encoding="utf-8")) - set(allowed)):
            found.append(f"{relative}: {name} is imported inside a function or by name")
    return found


def test_only_the_app_decides_when_a_module_loads() -> None:
    assert hidden_import_violations(PACKAGE) == []
    assert not (PACKAGE / "lazy_import.py").exists()


@pytest.mark.parametrize(
    "source",
    [
        "def build():\n    from PySide6.QtWidgets import QLabel\n",
        "import importlib\nerrors = importlib.import_module('flashback_desktop.api.errors')\n",
        "errors = lazy_import('flashback_desktop.api.errors')\n",
    ],
)
def test_the_check_catches_a_hidden_import(tmp_path: Path, source: str) -> None:
    package = tmp_path / "flashback_desktop"
    (package / "ui").mkdir(parents=True)
    (package / "ui" / "bad.py").write_text(source)
    assert len(hidden_import_violations(package)) == 1


# ---- the session is the only thing the UI talks to -------------------------------------------

ROOT = PACKAGE.parent
CLIENT_MODULE = "flashback_desktop.api.client"
CLIENT_ATTRIBUTES = {"client", "_client"}


def imports_the_client(source: str) -> bool:
    """``import …api.client``, ``from …api.client import X`` or ``from …api import client``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            if any(alias.name.startswith(CLIENT_MODULE) for alias in node.names):
                return True
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(CLIENT_MODULE):
                return True
            if node.module == "flashback_desktop.api" and any(
                alias.name == "client" for alias in node.names
            ):
                return True
    return False


def _last_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def session_client_reads(source: str) -> list[int]:
    """Lines that reach a session's client: ``session.client``, ``self._session._client`` …"""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and node.attr in CLIENT_ATTRIBUTES
        and "session" in _last_name(node.value).lower()
    )


def client_violations(root: Path) -> list[str]:
    """ui/ never imports the client; nothing outside session/ reaches through a session
    to its client (tests and benchmarks that need a raw client build their own)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if not relative.startswith(("flashback_desktop/", "tests/", "tools/")):
            continue
        source = path.read_text(encoding="utf-8")
        if relative.startswith("flashback_desktop/ui/") and imports_the_client(source):
            found.append(f"{relative} imports the API client: ui/ asks the Session")
        if relative.startswith("flashback_desktop/session/"):
            continue
        for line in session_client_reads(source):
            found.append(f"{relative}:{line} reads a session's client, which is private")
    return found


def test_the_ui_talks_to_the_session_not_the_client() -> None:
    assert client_violations(ROOT) == []


@pytest.mark.parametrize(
    ("where", "source"),
    [
        (
            "flashback_desktop/ui/bad.py",
            "from flashback_desktop.api.client import FlashbackClient\n",
        ),
        ("flashback_desktop/ui/bad.py", "from flashback_desktop.api import client\n"),
        ("flashback_desktop/ui/bad.py", "pages = self.session.client.list_repositories()\n"),
        ("flashback_desktop/ui/bad.py", "pages = self._session._client.list_repositories()\n"),
        ("tests/gui/test_bad.py", "page = app.run(app.session.client.list_repositories())\n"),
    ],
)
def test_the_check_catches_a_reach_into_the_session(
    tmp_path: Path, where: str, source: str
) -> None:
    (tmp_path / where).parent.mkdir(parents=True)
    (tmp_path / where).write_text(source)
    (tmp_path / "flashback_desktop/session").mkdir(parents=True, exist_ok=True)
    (tmp_path / "flashback_desktop/session/fine.py").write_text("x = self._client.get()\n")
    assert len(client_violations(tmp_path)) == 1
