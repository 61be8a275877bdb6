"""Look-ups in the sandbox's seeded data that several tests need."""

from __future__ import annotations

from flashback_desktop.sandbox import SandboxServer


def repo_id_named(server: SandboxServer, name: str) -> str:
    for repo in server.state.repos:
        if repo["name"] == name:
            return str(repo["id"])
    raise LookupError(name)


# In a workspace the demo user is not a member of: hidden from her lists, refused with 403.
FORBIDDEN_REPO = "Board minutes"
