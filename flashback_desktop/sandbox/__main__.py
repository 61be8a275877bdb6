"""Run the sandbox on its own: ``python -m flashback_desktop.sandbox --port 0``.

Prints ``URL=``, ``EMAIL=``, ``PASSWORD=`` and ``TOKEN=`` lines (demo
credentials only) so scripts can find the server, then serves until
SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from .data import SandboxState
from .server import SandboxServer

log = logging.getLogger("flashback.sandbox")


def _port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535")
    return port


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
    return parser


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name other than localhost
        return False


def _wait_for_signal() -> None:
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    # A short timeout keeps Ctrl+C responsive on Windows, where waits ignore it.
    while not stop.wait(0.5):
        pass


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
    state = SandboxState()
    server = SandboxServer(args.host, args.port, state=state)
    server.start()
    try:
        for line in (
            f"URL={server.url}",
            f"EMAIL={state.demo_email}",
            f"PASSWORD={state.demo_password}",
            f"TOKEN={state.demo_token}",
        ):
            print(line, flush=True)
        log.info("sandbox ready; press Ctrl+C to stop")
        _wait_for_signal()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
