"""Meta's webhook signature: ``X-Hub-Signature-256: sha256=<hex HMAC>``."""
import hashlib
import hmac

PREFIX = "sha256="


def sign(secret, body):
    """Return the header value Meta sends for ``body`` (bytes)."""
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    return PREFIX + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify(secrets, body, header):
    """True when ``header`` is a valid signature of ``body`` for one of
    ``secrets``. Compared in constant time; empty secrets never match."""
    if not header or not isinstance(header, str) or not header.startswith(PREFIX):
        return False
    ok = False
    for secret in secrets:
        if not secret:
            continue
        # no early exit: every secret is compared
        ok = hmac.compare_digest(sign(secret, body), header) or ok
    return ok


def token_matches(expected, given):
    """Verification handshake token comparison (constant time)."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(str(expected).encode("utf-8"), str(given).encode("utf-8"))
