"""The benchmark payload: GET /repo's body for N realistic repositories.

The repositories come from ``flashback_desktop.sandbox.data.make_repos`` (shaped like
StorageRepoWithBuckets: one bucket, or two for a mirror, each with its encrypted secret;
``aiLlms`` links with the nested model on three of every four; about one in 97 disabled).
``make_repos`` has no randomness: the same N gives the same bytes on every run and machine,
which the SHA-256 in the report shows. The body is serialised the way the sandbox answers
(``server.json_response``: compact separators, UTF-8)::

    uv run python -m tests.benchmarks.payload [N ...]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from flashback_desktop.sandbox.data import make_repos

SIZES = (100, 1_000, 10_000)


@functools.lru_cache(maxsize=4)
def repos_body(count: int) -> bytes:
    """``{"success":true,"repos":[...]}`` for ``count`` repositories, as the sandbox sends it."""
    payload = {"success": True, "repos": make_repos(count)}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class PayloadFacts:
    count: int
    size_bytes: int
    sha256: str
    buckets: int
    ai_llms: int
    disabled: int

    def line(self) -> str:
        return (
            f"{self.count:>6} repositories: {self.size_bytes / 1e6:6.2f} MB "
            f"({self.size_bytes / max(1, self.count):,.0f} B each), {self.buckets} buckets, "
            f"{self.ai_llms} aiLlms links, {self.disabled} disabled, "
            f"sha256 {self.sha256[:16]}"
        )


def facts(count: int) -> PayloadFacts:
    body = repos_body(count)
    repos = json.loads(body)["repos"]
    return PayloadFacts(
        count=count,
        size_bytes=len(body),
        sha256=hashlib.sha256(body).hexdigest(),
        buckets=sum(len(repo["buckets"]) for repo in repos),
        ai_llms=sum(len(repo.get("aiLlms", ())) for repo in repos),
        disabled=sum(1 for repo in repos if repo.get("disabled")),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.payload",
        description="Print the size and digest of the fixed benchmark payloads.",
    )
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    options = parser.parse_args(argv)
    print("Payload: GET /repo body from sandbox.data.make_repos (deterministic, no seed)")
    for count in options.sizes:
        print("  " + facts(count).line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
