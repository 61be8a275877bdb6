"""Which Flashback server the app talks to, and the rules a server URL must follow.

No Qt here: the saved setting is passed in by the caller, so this module is plain logic.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from flashback_desktop.translatable import QT_TRANSLATE_NOOP, Phrase

PRODUCTION_SERVER = "https://backend.flashback.tech"
SERVER_ENV_VAR = "FLASHBACK_SERVER"

_DEFAULT_PORTS = {"http": 80, "https": 443}


class ServerUrlError(ValueError):
    """A server address the app refuses to use; the message is meant for people."""

    @property
    def message(self) -> str:
        """The sentence as raised: a marked text or a ``Phrase``, for ``i18n.message``."""
        first = self.args[0] if self.args else ""
        return first if isinstance(first, str) else str(self)


@dataclass(frozen=True)
class ServerChoice:
    """The server to use and where that choice came from (for the log and the About box)."""

    base_url: str
    # "command line", "environment", "settings", "system-wide default" or "default"
    source: str

    @property
    def origin(self) -> str:
        return canonical_origin(self.base_url)


def is_loopback_host(host: str) -> bool:
    """True for localhost and loopback IP literals: the only hosts allowed over plain HTTP."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_server_url(raw: str) -> str:
    """Validate a server address and return it without a trailing slash.

    Tokens go only over HTTPS; plain HTTP is accepted for loopback (the sandbox) alone.
    """
    text = raw.strip()
    if not text:
        raise ServerUrlError(QT_TRANSLATE_NOOP("Messages", "The server address is empty."))
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ServerUrlError(
            Phrase(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "“{address}” is not a web address. It should look like "
                    "https://flashback.example.com.",
                ),
                address=text,
            )
        )
    if parts.username or parts.password:
        raise ServerUrlError(
            QT_TRANSLATE_NOOP(
                "Messages", "The server address must not contain a user name or password."
            )
        )
    if parts.query or parts.fragment:
        raise ServerUrlError(
            QT_TRANSLATE_NOOP("Messages", "The server address must not contain “?” or “#” parts.")
        )
    if scheme == "http" and not is_loopback_host(parts.hostname):
        raise ServerUrlError(
            Phrase(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "“{address}” uses plain http, which would send your sign-in unprotected. "
                    "Use an https:// address.",
                ),
                address=text,
            )
        )
    try:
        parts.port  # noqa: B018 - raises ValueError for an out-of-range port
    except ValueError as exc:
        raise ServerUrlError(
            Phrase(
                QT_TRANSLATE_NOOP("Messages", "“{address}” has an invalid port number."),
                address=text,
            )
        ) from exc
    return f"{scheme}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


def canonical_origin(url: str) -> str:
    """scheme://host[:port] with the default port dropped: the key tokens are stored under.

    TEST and production servers differ in host or port, so their tokens never mix.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def choose_server(
    command_line: str | None,
    environment: Mapping[str, str],
    saved: str | None,
    system_default: str | None = None,
    system_default_file: str | None = None,
) -> ServerChoice:
    """First of: --server, FLASHBACK_SERVER, the saved setting, the system-wide default
    (site_config.py, read from ``system_default_file``), production. Only the one chosen
    is validated."""
    candidates = (
        (command_line, "command line"),
        (environment.get(SERVER_ENV_VAR), "environment"),
        (saved, "settings"),
        (system_default, "system-wide default"),
    )
    for value, source in candidates:
        if not (value and value.strip()):
            continue
        try:
            return ServerChoice(normalise_server_url(value), source)
        except ServerUrlError as exc:
            if source != "system-wide default":
                raise
            # The person did not type it: say where it came from, for IT.
            if system_default_file:
                raise ServerUrlError(
                    Phrase(
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "The system-wide default server set in {file} is not usable: {problem}",
                        ),
                        file=system_default_file,
                        problem=exc.message,
                    )
                ) from exc
            raise ServerUrlError(
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "Messages", "The system-wide default server is not usable: {problem}"
                    ),
                    problem=exc.message,
                )
            ) from exc
    return ServerChoice(PRODUCTION_SERVER, "default")
