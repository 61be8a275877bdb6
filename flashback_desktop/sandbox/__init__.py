"""A Flashback-compatible HTTP server for demo mode, tests and fault injection.

Independent of the client packages on purpose (no api/, session/, ui/ or Qt
imports): it implements flashback-api/openapi.yaml on its own, so a client
bug cannot hide behind a sandbox that shares the client's models.
"""

from .data import SandboxState, make_repos
from .faults import Fault, FaultPlan
from .server import SandboxServer

__all__ = ["Fault", "FaultPlan", "SandboxServer", "SandboxState", "make_repos"]
