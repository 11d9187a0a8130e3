"""Keys in a PKCS#11 token (a YubiKey, a smart card, an HSM, SoftHSM2) through python-pkcs11.

The private key never leaves the token: it is generated there as sensitive and never
extractable, and only the token signs. Ed25519 uses CKM_EDDSA; P-256 is hashed on the host and
signed with CKM_ECDSA (many tokens lack CKM_ECDSA_SHA256); RSA-2048 and RSA-3072 use
CKM_SHA256_RSA_PKCS.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pkcs11
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11
from pkcs11.util.ec import encode_named_curve_parameters

from designer.errors import ShoshoError, UsageError
from designer.keys.passwords import SecretProvider

TOKEN_KEY_TYPES = ("ed25519", "p256", "rsa2048", "rsa3072")
SIGNING_ALGORITHMS = ("Ed25519", "P-256", "RSA-2048", "RSA-3072")
ED25519_OID_DER = bytes.fromhex("06032b6570")

_REMOVED = (
    p11.DeviceRemoved,
    p11.TokenNotPresent,
    p11.SessionClosed,
    p11.SessionHandleInvalid,
    p11.DeviceError,
    p11.TokenNotRecognised,
)


class TokenError(ShoshoError):
    """The token refused, went away, or does not hold what was asked for."""


@dataclass(frozen=True)
class TokenInfo:
    label: str
    serial: str
    manufacturer: str
    model: str
    slot_description: str


@dataclass(frozen=True)
class TokenKeyInfo:
    label: str
    key_type: str  # "Ed25519", "P-256", "RSA-2048", or what the token reports
    key_id: str  # CKA_ID as hex


def load_module(module_path: str | Path) -> pkcs11.lib:
    """Load a PKCS#11 module (.so/.dll/.dylib); errors name the path."""
    path = str(module_path)
    if not Path(path).exists():
        raise UsageError(f"PKCS#11 module {path} does not exist")
    try:
        return pkcs11.lib(path)
    except Exception as error:
        raise TokenError(f"cannot load PKCS#11 module {path}: {error}") from None


def list_tokens(module_path: str | Path) -> list[TokenInfo]:
    lib = load_module(module_path)
    tokens = []
    try:
        for slot in lib.get_slots(token_present=True):
            try:
                token = slot.get_token()
            except (p11.TokenNotPresent, p11.TokenNotRecognised):
                continue
            tokens.append(
                TokenInfo(
                    label=token.label,
                    serial=token.serial.decode("ascii", "replace"),
                    manufacturer=token.manufacturer_id,
                    model=token.model,
                    slot_description=slot.slot_description,
                )
            )
    except p11.PKCS11Error as error:
        raise TokenError(f"cannot list tokens of {module_path}: {type(error).__name__}") from None
    return tokens


def find_token(module_path: str | Path, label: str) -> pkcs11.Token:
    lib = load_module(module_path)
    try:
        return lib.get_token(token_label=label)
    except p11.NoSuchToken:
        available = ", ".join(repr(t.label) for t in list_tokens(module_path)) or "none"
        raise TokenError(
            f"no token labelled {label!r} in {module_path} (tokens: {available})"
        ) from None
    except p11.MultipleTokensReturned:
        raise TokenError(f"several tokens are labelled {label!r}: give its serial too") from None


def open_session(token: pkcs11.Token, pin_provider: SecretProvider, *, rw: bool = False):
    """Log in with the PIN from ``pin_provider``; a wrong PIN says how many tries remain."""
    if token.flags & TokenFlag.USER_PIN_LOCKED:
        raise TokenError(
            f"the user PIN of token {token.label!r} is locked: ask the token's SO to reset it"
        )
    pin = pin_provider(f"PIN for token {token.label!r}")
    try:
        return token.open(user_pin=pin, rw=rw)
    except p11.UserAlreadyLoggedIn:
        # PKCS#11 login state belongs to the application: another session of this process is
        # already logged in to the token, so a new session shares that login.
        return token.open(rw=rw)
    except p11.PinIncorrect:
        raise TokenError(f"wrong PIN for token {token.label!r}{_retries_hint(token)}") from None
    except p11.PinLocked:
        raise TokenError(f"the user PIN of token {token.label!r} is locked") from None
    except (p11.PinLenRange, p11.PinInvalid):
        raise TokenError(
            f"the PIN has the wrong length or characters for token {token.label!r}"
        ) from None
    except _REMOVED:
        raise TokenError(f"token {token.label!r} was removed or stopped responding") from None
    finally:
        del pin


def _retries_hint(token: pkcs11.Token) -> str:
    try:
        flags = token.slot.get_token().flags
    except p11.PKCS11Error:
        return ""
    if flags & TokenFlag.USER_PIN_LOCKED:
        return "; the PIN is now locked"
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return "; one try left before the PIN locks"
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return "; few tries left before the PIN locks"
    return ""


def list_keys(session) -> list[TokenKeyInfo]:
    keys = []
    for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
        keys.append(
            TokenKeyInfo(
                label=key.label,
                key_type=_key_type_name(key),
                key_id=bytes(key[Attribute.ID] or b"").hex(),
            )
        )
    return keys


def _key_type_name(key) -> str:
    key_type = key.key_type
    if key_type == KeyType.EC_EDWARDS:
        return "Ed25519"
    if key_type == KeyType.EC:
        params = bytes(key[Attribute.EC_PARAMS])
        return "P-256" if params == encode_named_curve_parameters("secp256r1") else "EC"
    if key_type == KeyType.RSA:
        try:
            bits = len(bytes(key[Attribute.MODULUS])) * 8
        except p11.PKCS11Error:
            bits = None
        return f"RSA-{bits}" if bits else "RSA"
    return str(key_type)


def generate_key(session, label: str, key_type: str) -> None:
    """Generate a key pair on the token; the private half is sensitive and never extractable."""
    if key_type not in TOKEN_KEY_TYPES:
        raise UsageError(f"key type must be one of {', '.join(TOKEN_KEY_TYPES)}, not {key_type!r}")
    existing = list(
        session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: label})
    )
    if existing:
        raise TokenError(f"the token already holds a key labelled {label!r}")
    key_id = hashlib.sha256(label.encode("utf-8")).digest()[:16]
    private_template = {
        Attribute.SENSITIVE: True,
        Attribute.EXTRACTABLE: False,
        Attribute.SIGN: True,
        Attribute.PRIVATE: True,
        Attribute.ID: key_id,
    }
    public_template = {Attribute.VERIFY: True, Attribute.ID: key_id}
    common = dict(
        label=label, store=True, public_template=public_template, private_template=private_template
    )
    try:
        if key_type in ("rsa2048", "rsa3072"):
            session.generate_keypair(KeyType.RSA, int(key_type[3:]), **common)
        elif key_type == "p256":
            params = session.create_domain_parameters(
                KeyType.EC,
                {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")},
                local=True,
            )
            params.generate_keypair(mechanism=Mechanism.EC_KEY_PAIR_GEN, **common)
        else:
            params = session.create_domain_parameters(
                KeyType.EC_EDWARDS, {Attribute.EC_PARAMS: ED25519_OID_DER}, local=True
            )
            params.generate_keypair(mechanism=Mechanism.EC_EDWARDS_KEY_PAIR_GEN, **common)
    except (p11.MechanismInvalid, p11.FunctionNotSupported, p11.TemplateInconsistent):
        raise TokenError(f"this token cannot generate {key_type} keys") from None
    except _REMOVED:
        raise TokenError("the token was removed or stopped responding") from None


# Held strongly: a signer dropped without close() would leave its session, and the token's
# login, open until the program ends (python-pkcs11 does not log out on garbage collection).
_OPEN_SIGNERS: set[TokenSigner] = set()


def close_all_signers() -> None:
    """Close every token signer still open, so that the token logs this program out: called
    when a command ends, and between tests."""
    for signer in list(_OPEN_SIGNERS):
        signer.close()


class TokenSigner:
    """A ``Signer`` over a private key in a token, with its logged-in session."""

    def __init__(self, session, token_label: str, object_label: str, key_ref: str):
        self._session = session
        _OPEN_SIGNERS.add(self)
        self.key_id = key_ref
        self._token_label = token_label
        try:
            self._private = session.get_key(
                object_class=ObjectClass.PRIVATE_KEY, label=object_label
            )
        except p11.NoSuchKey:
            raise TokenError(
                f"token {token_label!r} holds no private key labelled {object_label!r}"
            ) from None
        except p11.MultipleObjectsReturned:
            raise TokenError(
                f"token {token_label!r} holds several keys labelled {object_label!r}"
            ) from None
        self.algorithm = _key_type_name(self._private)
        if self.algorithm not in SIGNING_ALGORITHMS:
            raise TokenError(
                f"key {object_label!r} is {self.algorithm}; Shosho signs with "
                + ", ".join(SIGNING_ALGORITHMS)
            )
        self._public = _public_key(session, self._private, object_label)

    def sign(self, data: bytes) -> bytes:
        try:
            if self.algorithm == "Ed25519":
                return bytes(self._private.sign(data, mechanism=Mechanism.EDDSA))
            if self.algorithm == "P-256":
                digest = hashlib.sha256(data).digest()
                return bytes(self._private.sign(digest, mechanism=Mechanism.ECDSA))
            return bytes(self._private.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS))
        except _REMOVED:
            raise TokenError(
                f"token {self._token_label!r} was removed or stopped responding"
            ) from None
        except p11.UserNotLoggedIn:
            raise TokenError(
                f"token {self._token_label!r} logged out; sign again with the PIN"
            ) from None
        except p11.PKCS11Error as error:
            raise TokenError(
                f"token {self._token_label!r} refused to sign: {type(error).__name__}"
            ) from None

    def public_key(self):
        return self._public

    def close(self) -> None:
        """End the session; the token logs out when this program has no session left on it."""
        session, self._session = self._session, None
        _OPEN_SIGNERS.discard(self)
        if session is not None:
            with contextlib.suppress(p11.PKCS11Error):
                session.close()

    def __enter__(self) -> TokenSigner:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"TokenSigner({self.key_id!r}, {self.algorithm})"


def _public_key(session, private, label: str):
    try:
        public = session.get_key(object_class=ObjectClass.PUBLIC_KEY, label=label)
    except (p11.NoSuchKey, p11.MultipleObjectsReturned):
        raise TokenError(
            f"the token holds no single public key labelled {label!r} next to the private key"
        ) from None
    if private.key_type == KeyType.RSA:
        modulus = int.from_bytes(bytes(public[Attribute.MODULUS]), "big")
        exponent = int.from_bytes(bytes(public[Attribute.PUBLIC_EXPONENT]), "big")
        return rsa.RSAPublicNumbers(exponent, modulus).public_key()
    point = _unwrap_octet_string(bytes(public[Attribute.EC_POINT]))
    if private.key_type == KeyType.EC_EDWARDS:
        return ed25519.Ed25519PublicKey.from_public_bytes(point)
    return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)


def _unwrap_octet_string(data: bytes) -> bytes:
    """CKA_EC_POINT is a DER OCTET STRING on most tokens; some return the raw point."""
    if len(data) >= 2 and data[0] == 0x04:
        length = data[1]
        if length < 0x80 and length == len(data) - 2:
            return data[2:]
        if length == 0x81 and data[2] == len(data) - 3:
            return data[3:]
    return data
