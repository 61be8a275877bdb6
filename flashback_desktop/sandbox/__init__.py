"""A Flashback-compatible HTTP server for demo mode, tests and fault injection.

Independent of the client packages on purpose (no api/, session/, ui/ or Qt
imports): it implements flashback-api/openapi.yaml on its own, so a client
bug cannot hide behind a sandbox that shares the client's models.

Its demo assistant answers prompts after ``SandboxState.reply_delay_s`` (0 in
tests, ``DEMO_REPLY_DELAY_S`` in demo mode); its demo policy blocks any prompt
containing ``BLOCKED_WORD`` ("confidential") with a 403.
"""

from .chat import DEMO_REPLY_DELAY_S
from .data import BLOCKED_WORD, SandboxState, make_repos
from .faults import Fault, FaultPlan
from .server import SandboxServer

__all__ = [
    "BLOCKED_WORD",
    "DEMO_REPLY_DELAY_S",
    "Fault",
    "FaultPlan",
    "SandboxServer",
    "SandboxState",
    "make_repos",
]
