"""Key references: ``pkcs11:`` URIs (RFC 7512) for token keys and ``file:PATH`` for key files.

``pkcs11:token=Office;object=issuer-2026?module-path=/usr/lib/softhsm/libsofthsm2.so``
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from designer.errors import UsageError
from designer.keys.keyfile import open_key_file
from designer.keys.modules import MODULE_ENV, MODULES_SETTING, default_module, locate_module
from designer.keys.passwords import SecretProvider, passphrase_provider, pin_provider
from designer.keys.signer import Signer

_PATH_ATTRIBUTES = {
    "token",
    "object",
    "id",
    "type",
    "serial",
    "manufacturer",
    "model",
    "library-manufacturer",
    "library-description",
    "library-version",
    "slot-description",
    "slot-id",
    "slot-manufacturer",
}
_QUERY_ATTRIBUTES = {"module-path", "module-name"}


@dataclass(frozen=True)
class TokenKeyRef:
    """A parsed ``pkcs11:`` URI naming a token and a key object on it."""

    token: str
    object: str
    module_path: str
    uri: str


def parse_pkcs11_uri(uri: str) -> TokenKeyRef:
    """Parse an RFC 7512 URI; ``token`` and ``object`` are required, the module from the URI or env."""
    if not uri.startswith("pkcs11:"):
        raise UsageError(f"not a pkcs11: URI: {_safe(uri)!r}")
    body = uri[len("pkcs11:") :]
    path_part, _, query_part = body.partition("?")
    path = _attributes(path_part, ";", _PATH_ATTRIBUTES, uri)
    query = _attributes(query_part, "&", _QUERY_ATTRIBUTES, uri)
    if "token" not in path or "object" not in path:
        raise UsageError(f"the key reference {_safe(uri)!r} must name token=… and object=…")
    if path.get("type", "private") not in ("private", "public"):
        raise UsageError(f"the key reference {_safe(uri)!r} must name a private key (type=private)")
    named = query.get("module-path") or query.get("module-name")
    module = locate_module(named) if named else default_module()
    if not module:
        raise UsageError(
            f"the key reference {_safe(uri)!r} names no PKCS#11 module and none is installed "
            f"in the usual places: add ?module-path=…, set {MODULE_ENV}, "
            f'or list it under "{MODULES_SETTING}" in settings.json'
        )
    return TokenKeyRef(
        token=path["token"], object=path["object"], module_path=module, uri=_safe(uri)
    )


def _attributes(text: str, separator: str, allowed: set[str], uri: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in filter(None, text.split(separator)):
        name, equals, value = item.partition("=")
        if _is_pin_attribute(name):
            raise UsageError(
                "PINs are not accepted inside key references: use SHOSHO_PIN or --pin-file"
            )
        if not equals:
            raise UsageError(f"malformed attribute {name!r} in key reference {_safe(uri)!r}")
        if name not in allowed:
            raise UsageError(f"unsupported attribute {name!r} in key reference {_safe(uri)!r}")
        values[name] = unquote(value)
    return values


def _is_pin_attribute(name: str) -> bool:
    """``pin-value``/``pin-source`` however written: any case, percent-encoded, spaced."""
    return unquote(name).strip().lower().startswith("pin")


_SEPARATORS = re.compile(r"([;&?])")


def redact_key_reference(reference: str) -> str:
    """``reference`` with the value of every PIN attribute replaced by ``***``, for messages:
    in the path or the query, in any case, percent-encoded or not."""
    pieces = _SEPARATORS.split(reference)
    for index, piece in enumerate(pieces):
        name, equals, _value = piece.partition("=")
        if equals and _is_pin_attribute(name.removeprefix("pkcs11:")):
            pieces[index] = f"{name}=***"
    return "".join(pieces)


def _safe(uri: str) -> str:
    """The URI without any PIN, for messages."""
    return redact_key_reference(uri)


def token_key_uri(token: str, object_label: str, module_path: str) -> str:
    from urllib.parse import quote

    return (
        f"pkcs11:token={quote(token, safe='')};object={quote(object_label, safe='')}"
        f"?module-path={quote(str(module_path), safe='/:._-')}"
    )


def open_signer(
    keyref: str,
    pin_provider: SecretProvider | None = None,
    passphrase_provider: SecretProvider | None = None,
) -> Signer:
    """Open the key named by ``keyref`` (``pkcs11:…`` or ``file:PATH``) as a ``Signer``.

    Without providers, the PIN comes from SHOSHO_PIN and the passphrase from SHOSHO_PASSPHRASE
    (or a terminal prompt).
    """
    if keyref.startswith("file:"):
        path = Path(keyref[len("file:") :])
        if not str(path):
            raise UsageError("file: key reference names no file")
        ask = passphrase_provider or _default_passphrase
        return open_key_file(path, ask(f"passphrase for key file {path}"))
    if keyref.startswith("pkcs11:"):
        from designer.keys.pkcs11_token import TokenSigner, find_token, open_session

        ref = parse_pkcs11_uri(keyref)
        token = find_token(ref.module_path, ref.token)
        session = open_session(token, pin_provider or _default_pin)
        try:
            return TokenSigner(session, ref.token, ref.object, ref.uri)
        except Exception:
            session.close()
            raise
    raise UsageError(
        f"a key reference starts with pkcs11: or file:, not {redact_key_reference(keyref)[:60]!r}"
    )


def _default_pin(what: str) -> str:
    return pin_provider()(what)


def _default_passphrase(what: str) -> str:
    return passphrase_provider()(what)
