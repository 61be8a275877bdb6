"""Where the memory goes: the repository load's stages by hand, RSS after each one.

``python tests/benchmarks/memory_stages.py BODY_FILE`` (run by ``tests.benchmarks.memory``,
with the repository root on PYTHONPATH). Nothing is imported before the first mark, so the
first row is the bare interpreter; each import comes at its stage. The body is read from a
file made by the parent: making it here would raise this process's peak. Prints one JSON
line: ``[[stage, VmRSS KiB, VmHWM KiB], ...]``.
"""

from __future__ import annotations

import gc
import importlib
import json
import sys
from pathlib import Path
from typing import Any


def proc_status() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process, in KiB."""
    fields: dict[str, int] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields.get("VmRSS", 0), fields.get("VmHWM", 0)


def attribute(module: str, name: str) -> Any:
    return getattr(importlib.import_module(module), name)


def main(body_file: Path) -> int:
    marks: list[tuple[str, int, int]] = []

    def mark(stage: str) -> None:
        rss, peak = proc_status()
        marks.append((stage, rss, peak))

    mark("interpreter")
    application = attribute("PySide6.QtWidgets", "QApplication")
    app = application([sys.argv[0]])
    mark("PySide6 + QApplication")
    main_window = attribute("flashback_desktop.ui.main_content", "build_main_window")
    task_manager = attribute("flashback_desktop.ui.tasks", "TaskManager")
    decode_repositories = attribute("flashback_desktop.api.models", "decode_repositories")
    mark("window modules")
    window = main_window(task_manager(lambda _exc: None), server_label="memory")
    window.show()
    app.processEvents()
    mark("window shown")
    store = attribute("flashback_desktop.session.token_store", "MemoryTokenStore")()
    # The session makes its own client (httpx) with the token keeper as its credentials.
    session = attribute("flashback_desktop.session.session", "Session")("http://127.0.0.1:9", store)
    mark("httpx, keyring, session built")
    body = body_file.read_bytes()
    mark(f"GET /repo body in memory ({len(body) / 1e6:.1f} MB)")
    repositories = decode_repositories(body)
    mark("decode_repositories (msgspec, straight into records)")
    del body
    gc.collect()
    mark("body dropped (freed, kept by the allocator)")
    window.content.model.set_repositories(repositories, {})
    app.processEvents()
    mark("model rows built, table shown")
    print(json.dumps(marks))
    del session
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
