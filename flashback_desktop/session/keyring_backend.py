"""Which keyring backend the app uses, chosen without importing every backend keyring has.

``keyring.get_keyring()`` loads every backend it knows (its entry points) to ask each for
its priority: on Linux that imports the macOS backend's ctypes bindings too, about 28 ms
of a start-up for a backend that cannot work here. The answer is nearly always the
platform's usual one, so it is tried first. keyring's own order is kept:

1. ``PYTHON_KEYRING_BACKEND``, read by keyring's own ``load_env``;
2. keyring's config file (``keyringrc.cfg``), read by keyring's own ``load_config``;
3. the platform's usual backend, when it says it is usable (its ``priority`` neither
   raises nor says "not recommended");
4. otherwise keyring's own discovery, exactly as ``keyring.get_keyring()`` does it.

A backend already set with ``keyring.set_keyring`` is kept, as keyring keeps it. The
choice is handed to ``keyring.set_keyring``, so every later ``keyring`` call agrees.
Windows and macOS lines: written, not run.
"""

from __future__ import annotations

import importlib
import logging
import sys

import keyring
import keyring.core
from keyring.backend import KeyringBackend

log = logging.getLogger("flashback.session.keyring")

# What keyring's discovery picks on each platform's ordinary desktop.
USUAL_BACKENDS = {
    "linux": ("keyring.backends.SecretService", "Keyring"),
    "win32": ("keyring.backends.Windows", "WinVaultKeyring"),
    "darwin": ("keyring.backends.macOS", "Keyring"),
}


def choose_backend() -> KeyringBackend:
    """The backend for this run (set as keyring's own); blocking: call it off the GUI thread."""
    if getattr(keyring.core, "_keyring_backend", None) is not None:
        return keyring.get_keyring()  # one set with keyring.set_keyring, as keyring honours
    chosen = keyring.core.load_env() or keyring.core.load_config() or usual_backend()
    if chosen is None:
        return keyring.get_keyring()  # nothing set: keyring's own discovery of every backend
    keyring.set_keyring(chosen)
    return chosen


def usual_backend(platform: str = sys.platform) -> KeyringBackend | None:
    """The platform's usual backend if it is usable here, else None."""
    module_name, class_name = USUAL_BACKENDS.get(platform, ("", ""))
    if not module_name:
        return None
    try:
        backend_class: type[KeyringBackend] = getattr(
            importlib.import_module(module_name), class_name
        )
        if not keyring.core.recommended(backend_class):  # priority raises when unusable
            return None
        return backend_class()
    except Exception as exc:  # any failure here is keyring's discovery's to judge
        log.debug("The usual keyring backend is not usable here: %s", type(exc).__name__)
        return None
