"""The demo key: shipped with Shosho, passphrase and all, so it proves nothing.

It may sign only for the demo issuer (``did:web:demo.invalid``). Everywhere a key meets an
issuer (issuing, ``shosho sign``, ``trust add-key``, verifying credentials and seals) the key
is recognised by its public key, not by the issuer's name, and refused for any other issuer.
"""

from __future__ import annotations

from pathlib import Path

from designer.errors import ShoshoError

DEMO_KEY_FILE = Path(__file__).with_name("DEMO-KEY-not-trusted.pem")
DEMO_PASSPHRASE = "shosho-demo-key"
"""The demo key's passphrase is public on purpose: it is a demo key, never trusted."""
DEMO_PUBLIC_KEY_MULTIBASE = "z6MkokrDnST9R4HvEUfrFL3Fx4Rx7dABXsncNbKhbULVn4yi"
"""The Multikey of ``DEMO_KEY_FILE``'s public key (checked by the tests)."""
DEMO_DOMAIN = "demo.invalid"


def is_demo_issuer(issuer_id: str) -> bool:
    """The issuer of ``shosho demo``: its credentials prove nothing and are never trusted."""
    return DEMO_DOMAIN in issuer_id


def is_demo_public_key(public_key) -> bool:
    from designer.keys.multikey import public_key_multibase

    try:
        return public_key_multibase(public_key) == DEMO_PUBLIC_KEY_MULTIBASE
    except ShoshoError:  # a key type without a Multikey (RSA) is never the demo key
        return False


def demo_key_refusal(public_key, issuer_id: str | None) -> str | None:
    """Why ``public_key`` may not act for ``issuer_id``, or None when it may."""
    if not is_demo_public_key(public_key) or (issuer_id and is_demo_issuer(issuer_id)):
        return None
    return (
        f"the demo key (published with Shosho, passphrase included) cannot act for "
        f"{issuer_id or 'this issuer'}: it proves nothing. Use the issuer's own key"
    )


def refuse_demo_key(public_key, issuer_id: str | None) -> None:
    """Raise when the demo key is used for an issuer other than the demo issuer."""
    refusal = demo_key_refusal(public_key, issuer_id)
    if refusal:
        raise ShoshoError(refusal)
