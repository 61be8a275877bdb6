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

The demo assistant answers prompts after ``--reply-delay`` seconds (1.5 by default;
``--replies-after-answer`` makes the prompt's POST answer at once and the reply show
up in the messages later). ``--long-conversation`` adds a 1,000-message conversation
in "IT runbooks" for benchmarks and prints its ``LONG_CONVERSATION_ID=``. Prompts that
contain the word "confidential" are blocked by the demo policy (403).

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

from .chat import DEMO_REPLY_DELAY_S
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


def _seconds(text: str) -> float:
    seconds = float(text)
    if not 0 <= seconds <= 3600:
        raise argparse.ArgumentTypeError("a delay is a number of seconds from 0 to 3600")
    return seconds


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
    parser.add_argument(
        "--reply-delay",
        type=_seconds,
        default=DEMO_REPLY_DELAY_S,
        metavar="SECONDS",
        help=f"how long the demo assistant takes to answer (default: {DEMO_REPLY_DELAY_S:g})",
    )
    parser.add_argument(
        "--replies-after-answer",
        action="store_true",
        help="answer a prompt's POST at once; the reply appears in the messages after the delay",
    )
    parser.add_argument(
        "--long-conversation",
        action="store_true",
        help="add a conversation of 1,000 messages (for benchmarks) and print its id",
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
    state.reply_delay_s = args.reply_delay
    state.replies_after_answer = args.replies_after_answer
    long_conversation = state.seed_long_conversation() if args.long_conversation else None
    server = SandboxServer(args.host, args.port, state=state)
    server.start()
    try:
        for line in announcement(server.url, state):
            print(line, flush=True)
        if long_conversation is not None:
            print(f"LONG_CONVERSATION_ID={long_conversation}", flush=True)
        log.info("sandbox ready; press Ctrl+C to stop")
        _wait_for_signal()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
