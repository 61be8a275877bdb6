"""What the app's stack start leaves out, checked in a fresh process (issue 18, item 4)."""

from __future__ import annotations

import json

from flashback_desktop.api.tls import tls_context
from tests.support.app_process import run_python


def test_the_client_does_not_load_httpx_command_line_tool() -> None:
    script = """
import json, sys
import flashback_desktop.api.client
import httpx
loaded = sorted(m for m in ("httpx._main", "click", "pygments", "rich") if sys.modules.get(m))
print(json.dumps([loaded, callable(httpx.main)]))
"""
    done = run_python(["-c", script])
    assert done.returncode == 0, done.stderr
    loaded, has_main = json.loads(done.stdout)
    assert loaded == []
    assert has_main  # httpx's own stand-in, as where its command-line extras are missing


def test_one_tls_context_serves_every_client() -> None:
    assert tls_context() is tls_context()


def test_the_window_content_leaves_the_session_modules_to_the_worker_thread() -> None:
    """app.py builds the session (httpx, the keyring, the certificates) in a worker thread
    while the GUI thread imports and builds the content: the content's modules must not
    import the session's, or the GUI thread does that work itself before the first load."""
    script = """
import json, sys
import flashback_desktop.ui.crash_handler, flashback_desktop.ui.main_content
heavy = ("httpx", "keyring", "truststore", "flashback_desktop.api.client",
         "flashback_desktop.session.session", "flashback_desktop.ui.conversation_window",
         "importlib.metadata")
print(json.dumps(sorted(m for m in heavy if sys.modules.get(m))))
"""
    done = run_python(["-c", script])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
