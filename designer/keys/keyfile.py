"""Key files: an Ed25519 or P-256 private key in encrypted PKCS#8 (PBES2, PBKDF2-SHA256, AES-256).

For offices without a token, and for the demo. The file is created with mode 0600 and is
unlocked with a passphrase only inside this module.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from designer.errors import ShoshoError, UsageError

KDF_ROUNDS = 600_000
"""PBKDF2-HMAC-SHA256 iterations (OWASP's figure for PBKDF2-SHA256)."""

FILE_KEY_TYPES = ("ed25519", "p256")
MIN_PASSPHRASE_LENGTH = 8


def create_key_file(path: str | Path, key_type: str, passphrase: str) -> FileSigner:
    """Generate a key, write it encrypted to a new file with mode 0600, and return its signer."""
    path = Path(path)
    if key_type not in FILE_KEY_TYPES:
        raise UsageError(f"key type must be one of {', '.join(FILE_KEY_TYPES)}, not {key_type!r}")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UsageError(f"the passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters")
    private_key = (
        ed25519.Ed25519PrivateKey.generate()
        if key_type == "ed25519"
        else (ec.generate_private_key(ec.SECP256R1()))
    )
    pem = _encrypted_pkcs8_pem(private_key, passphrase)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ShoshoError(f"{path} already exists: a key file is never overwritten") from None
    except OSError as error:
        raise ShoshoError(f"cannot create key file {path}: {error.strerror}") from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return FileSigner(path, private_key)


def _encrypted_pkcs8_pem(private_key, passphrase: str) -> bytes:
    """Encrypted PKCS#8 with PBES2: PBKDF2-HMAC-SHA256 (``KDF_ROUNDS``) and AES-256-CBC.

    ``cryptography`` fixes PKCS#8 at 2,048 PBKDF2 rounds, so the standard ASN.1 container is
    assembled with asn1crypto while ``cryptography`` does the key derivation and encryption.
    Any PKCS#8 reader (OpenSSL, ``cryptography``) opens the result.
    """
    from asn1crypto import algos, keys, pem

    plain = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt, iv = os.urandom(16), os.urandom(16)
    key = PBKDF2HMAC(hashes.SHA256(), 32, salt, KDF_ROUNDS).derive(passphrase.encode("utf-8"))
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    algorithm = algos.EncryptionAlgorithm(
        {
            "algorithm": "pbes2",
            "parameters": {
                "key_derivation_func": {
                    "algorithm": "pbkdf2",
                    "parameters": {
                        "salt": algos.Pbkdf2Salt(name="specified", value=salt),
                        "iteration_count": KDF_ROUNDS,
                        "prf": {"algorithm": "sha256"},
                    },
                },
                "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
            },
        }
    )
    info = keys.EncryptedPrivateKeyInfo(
        {"encryption_algorithm": algorithm, "encrypted_data": ciphertext}
    )
    return pem.armor("ENCRYPTED PRIVATE KEY", info.dump())


def open_key_file(path: str | Path, passphrase: str) -> FileSigner:
    """Unlock the key file at ``path``. A wrong passphrase gives a clear error."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ShoshoError(f"key file {path} does not exist") from None
    except OSError as error:
        raise ShoshoError(f"cannot read key file {path}: {error.strerror}") from None
    _refuse_open_permissions(path)
    if b"ENCRYPTED PRIVATE KEY" not in data:
        raise ShoshoError(f"{path} is not an encrypted PKCS#8 key file")
    try:
        private_key = serialization.load_pem_private_key(data, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise ShoshoError(f"wrong passphrase for key file {path}, or the file is damaged") from None
    except Exception:  # unsupported encryption or a broken PEM body
        raise ShoshoError(f"{path} is not a readable encrypted key file") from None
    if not isinstance(private_key, ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey):
        raise ShoshoError(f"{path} holds a key type Shosho does not sign with")
    if isinstance(private_key, ec.EllipticCurvePrivateKey) and not isinstance(
        private_key.curve, ec.SECP256R1
    ):
        raise ShoshoError(f"{path} holds an EC key on {private_key.curve.name}; only P-256 is used")
    return FileSigner(path, private_key)


def _refuse_open_permissions(path: Path) -> None:
    if sys.platform == "win32":
        return
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ShoshoError(
            f"key file {path} can be read by other users (mode {stat.S_IMODE(mode):o}): "
            f"run 'chmod 600 {path}'"
        )


class FileSigner:
    """A ``Signer`` over an unlocked key file."""

    def __init__(
        self, path: Path, private_key: ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey
    ):
        self._private_key = private_key
        self.key_id = f"file:{path}"
        self.algorithm = (
            "Ed25519" if isinstance(private_key, ed25519.Ed25519PrivateKey) else "P-256"
        )
        self._public_key = private_key.public_key()

    def sign(self, data: bytes) -> bytes:
        if isinstance(self._private_key, ed25519.Ed25519PrivateKey):
            return self._private_key.sign(data)
        r, s = decode_dss_signature(self._private_key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def public_key(self):
        return self._public_key

    def __repr__(self) -> str:
        return f"FileSigner({self.key_id!r}, {self.algorithm})"
