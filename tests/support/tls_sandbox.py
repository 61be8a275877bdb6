"""The sandbox over real HTTPS, with a certificate from a throwaway trustme CA.

Neither certifi nor the OS trusts that CA, so a client fails verification
unless it is pointed at ``ca_file`` (``SSL_CERT_FILE``, or an SSLContext).
"""

from __future__ import annotations

import contextlib
import ssl
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import trustme

from flashback_desktop.sandbox import SandboxServer, SandboxState

# The names the certificate is good for: what a test may put in the URL.
# A server name that is not loopback to the app, so proxies apply; only a test proxy's host
# map (tests/support/http_proxy.py) leads it to the sandbox. .example never resolves.
CORPORATE_HOST = "flashback.example"
CERT_NAMES = ("127.0.0.1", "localhost", "::1", CORPORATE_HOST)


@dataclass(frozen=True)
class TlsSandbox:
    server: SandboxServer
    url: str  # https://127.0.0.1:PORT
    localhost_url: str  # https://localhost:PORT, the same server by name
    ca_file: Path  # the CA certificate (PEM) that signed the server's certificate

    @property
    def state(self) -> SandboxState:
        return self.server.state

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts this CA only."""
        return ssl.create_default_context(cafile=str(self.ca_file))


def write_certificates(directory: Path) -> tuple[Path, Path, Path]:
    """A fresh CA and a server certificate for CERT_NAMES: (ca_file, certfile, keyfile)."""
    authority = trustme.CA()
    issued = authority.issue_cert(*CERT_NAMES)
    ca_file, certfile, keyfile = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    for index, blob in enumerate(issued.cert_chain_pems):  # leaf first, as TLS wants
        blob.write_to_path(str(certfile), append=index > 0)
    issued.private_key_pem.write_to_path(str(keyfile))
    return ca_file, certfile, keyfile


@contextlib.contextmanager
def tls_sandbox(
    state: SandboxState | None = None, *, directory: Path | None = None
) -> Iterator[TlsSandbox]:
    """Run a SandboxServer over HTTPS on 127.0.0.1; the key files live in ``directory``
    (by default a temporary folder removed afterwards)."""
    with contextlib.ExitStack() as stack:
        if directory is None:
            directory = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        ca_file, certfile, keyfile = write_certificates(directory)
        server = stack.enter_context(SandboxServer(state=state, tls=(certfile, keyfile)))
        port = server.url.rsplit(":", 1)[1]
        yield TlsSandbox(server, server.url, f"https://localhost:{port}", ca_file)
