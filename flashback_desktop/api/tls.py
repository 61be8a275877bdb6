"""Which certificates the app trusts: the operating system's, like a browser on that machine.

Staff behind a TLS-inspecting corporate proxy then work without settings, because IT has
put the proxy's CA in the system store. truststore asks Windows, macOS, or OpenSSL's system
paths on Linux (which honour SSL_CERT_FILE). Where the system store cannot be used,
certifi's bundle still verifies every connection: verification is never switched off.
"""

from __future__ import annotations

import functools
import logging
import ssl

import certifi
import truststore

log = logging.getLogger("flashback.api.tls")


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One context for the whole run, shared by every client (an SSLContext may be).

    The first call comes from the session's worker thread, which builds the first client
    before the window's content; Settings → Test connection's clients then reuse it.
    """
    try:
        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception as exc:  # any failure to reach the OS store: certifi still verifies
        log.warning("The system's certificate store is unavailable (%s); using certifi", exc)
        return ssl.create_default_context(cafile=certifi.where())
