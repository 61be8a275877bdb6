"""Run the sandbox on its own: ``python -m flashback_desktop.sandbox --port 0``.

``--repos N`` serves N generated repositories (``data.make_repos``, the same on every run)
instead of the seeded demo ones, for benchmarks.

Prints ``URL=``, ``EMAIL=``, ``PASSWORD=`` and ``TOKEN=`` lines (demo
credentials only) so scripts can find the server, then the accounts for
trying the other sign-in paths by hand:

- ``MFA_EMAIL=`` signs in with PASSWORD and then asks for an authenticator
  code; ``MFA_TOTP_SECRET=`` goes into any authenticator app, and ``MFA_CODE=``
  is the code at start-up (it changes every 30 seconds).
- ``MAGIC_LINK_EMAIL=`` requires MFA by magic link or passkey only, which the
  desktop app cannot complete.
- ``NO_PASSWORD_EMAIL=`` has no password (Google sign-in): login answers
  NO_PASSWORD_SET.

Then it serves until SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import signal
import sys
import time
from collections.abc import Sequence
from types import FrameType

from .data import SandboxState, make_repos
from .server import SandboxServer

log = logging.getLogger("flashback.sandbox")


def _port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535")
    return port


def _count(text: str) -> int:
    count = int(text)
    if count < 0:
        raise argparse.ArgumentTypeError("a number of repositories is 0 or more")
    return count


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m flashback_desktop.sandbox",
        description="Run the Flashback sandbox server (demo data, public demo credentials).",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=_port, default=0, help="port to listen on; 0 picks a free one (default)"
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host; the sandbox accepts demo credentials, so think twice",
    )
    parser.add_argument(
        "--repos",
        type=_count,
        default=None,
        metavar="N",
        help="serve N generated repositories in the demo user's workspaces instead of the "
        "seeded ones (for benchmarks)",
    )
    return parser


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name other than localhost
        return False


def _wait_for_signal() -> None:
    # A plain flag, not a threading.Event: a second signal arriving while the handler is
    # inside Event.set() would wait for a lock the interrupted handler holds, for ever.
    received: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    # Short sleeps keep Ctrl+C responsive on Windows, where long waits ignore it.
    while not received:
        time.sleep(0.2)


def announcement(url: str, state: SandboxState) -> list[str]:
    """The ``KEY=value`` lines printed at start-up; the first four never change format."""
    return [
        f"URL={url}",
        f"EMAIL={state.demo_email}",
        f"PASSWORD={state.demo_password}",
        f"TOKEN={state.demo_token}",
        f"MFA_EMAIL={state.mfa_email}",
        f"MFA_TOTP_SECRET={state.mfa_totp_secret}",
        f"MFA_CODE={state.current_totp_code()}",
        f"MAGIC_LINK_EMAIL={state.magic_link_email}",
        f"NO_PASSWORD_EMAIL={state.no_password_email}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.allow_remote and not is_loopback(args.host):
        parser.error(
            f"--host {args.host} is not a loopback address; add --allow-remote to listen on it"
        )
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s"
    )
    state = SandboxState(repos=None if args.repos is None else make_repos(args.repos))
    server = SandboxServer(args.host, args.port, state=state)
    server.start()
    try:
        for line in announcement(server.url, state):
            print(line, flush=True)
        log.info("sandbox ready; press Ctrl+C to stop")
        _wait_for_signal()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
