"""Talking to the Flashback API: an async client, typed models and typed errors. No Qt here."""

import sys

# httpx's package imports its command-line tool (httpx._main) whenever click is installed
# (uvicorn brings it), and with it click, urllib.request and pygments: start-up time the app
# never uses. A None entry makes that one import fail, and httpx then defines a stub ``main``
# in its place, as it does where the command-line extras are not installed. This package
# runs before api.client, the only module that imports httpx.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]  # None: "not importable"
