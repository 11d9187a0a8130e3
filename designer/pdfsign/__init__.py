"""PAdES signatures on certificate PDFs, made with the token key that signs the credential.

``certificates`` makes certificate requests and trial certificates and keeps each token key's
X.509 certificate and chain; ``signing`` signs PDFs through pyHanko's PKCS#11 signer;
``timestamps`` adds RFC 3161 time-stamps now or later; ``batch`` is the issuing step and the
queue of time-stamps still owed; ``checking`` reports a PDF's signatures for ``shosho verify``.
"""

import logging

# pyHanko logs every chain it could not build, with a traceback; Shosho reports the outcome
# itself, so these stay out of the terminal unless the program configures logging.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

PDF_KEY_ALGORITHMS = ("P-256", "RSA-2048", "RSA-3072")
"""Key types common PDF readers (Acrobat, poppler, pdf.js, macOS Preview) verify."""

ED25519_ADVICE = (
    "Ed25519 PDF signatures are not accepted by common PDF readers (Acrobat shows them as "
    "invalid): keep the Ed25519 key for credentials and sign PDFs with a P-256 or RSA key on "
    "the token (issue with --key pkcs11:…p256-key and --suite vc-jwt or ecdsa-rdfc-2019, so "
    "one key signs both), or issue without --sign-pdf"
)
