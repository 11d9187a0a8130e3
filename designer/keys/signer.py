"""The one interface every key provider offers.

Signing code receives a ``Signer`` and never sees key bytes: a token key stays in the token,
and a file key is unlocked inside its provider only.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Signer(Protocol):
    """A key that can sign.

    ``algorithm`` is one of ``"Ed25519"``, ``"P-256"``, ``"RSA-2048"`` or ``"RSA-3072"``.
    ``sign`` returns the raw signature: 64 bytes for Ed25519, IEEE P1363 r||s (64 bytes) for
    P-256 (the provider hashes with SHA-256), PKCS#1 v1.5 with SHA-256 for RSA.
    ``public_key`` returns a ``cryptography`` public key object.
    """

    algorithm: str
    key_id: str
    """Stable, human-readable reference to the key (the RFC 7512 URI or ``file:PATH``)."""

    def sign(self, data: bytes) -> bytes: ...

    def public_key(self): ...
