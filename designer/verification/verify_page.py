"""The static verify page: one self-contained ``index.html`` the institution uploads to its
verify host. The page verifies seals in the browser with WebCrypto against the keys it was
built with; a Content-Security-Policy lets it run only its own inline script and fetch only
from its own origin (status lists and did.json), so nothing else can read the fragment."""

from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

from designer.data.eras import ERAS
from designer.errors import ShoshoError
from designer.keys.public_keys import legacy_kid_for_public_key
from designer.verification.trust_list import issuer_from_entry, read_json_file, seal_key_entry

PAGE_FILE = "index.html"


def _asset(name: str) -> str:
    return resources.files("designer.verification").joinpath("verify_page", name).read_text("utf-8")


def _csp_hash(source: str) -> str:
    return (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
        + "'"
    )


def page_data(entry: dict, source: str = "issuer") -> dict[str, Any]:
    """What the page embeds about the issuer: names, keys, status-list templates."""
    issuer = issuer_from_entry(entry, source)
    if not issuer.keys:
        raise ShoshoError(
            f"{source}: issuer {issuer.id} has no 'sealKeys': add one with `shosho trust add-key`"
        )
    from designer.keys.demo import refuse_demo_key

    keys = []
    for key in issuer.keys:
        refuse_demo_key(key.public_key, issuer.id)  # a page trusting it would vouch for anyone
        item = seal_key_entry(key.public_key, key.valid_from, key.valid_until)
        keys.append(
            {"kid": item["kid"], "alg": item["alg"], "jwk": item["publicKeyJwk"]}
            | {"legacyKid": legacy_kid_for_public_key(key.public_key).hex()}
            | {name: item[name] for name in ("validFrom", "validUntil") if name in item}
        )
    return {
        "id": issuer.id,
        "name": {"ja": issuer.name_ja, "en": issuer.name_en},
        "verifyHosts": list(issuer.verify_hosts),
        "statusLists": issuer.status_list_urls,
        "statusListLength": issuer.status_list_length,
        "keys": keys,
        "eras": [{"name": era.name, "start": era.start.isoformat()} for era in ERAS],
    }


def render_verify_page(entry: dict, source: str = "issuer") -> str:
    data = page_data(entry, source)
    script = _asset("verify.js")
    style = _asset("page.css")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(script)}",
            f"style-src {_csp_hash(style)}",
            "connect-src 'self'",
            "img-src 'self' data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    # "</" cannot end the JSON block early once escaped; JSON.parse reads "<\/" as "</".
    data_json = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    replacements = {
        "{{CSP}}": html.escape(csp, quote=False),  # the policy has no double quotes
        "{{TITLE}}": html.escape(f"証書の確認 — {data['name']['ja']}"),
        "{{ISSUER_JA}}": html.escape(data["name"]["ja"]),
        "{{ISSUER_EN}}": html.escape(data["name"]["en"]),
        "{{STYLE}}": style,
        "{{DATA}}": data_json,
        "{{SCRIPT}}": script,
    }
    page = _asset("page.html")
    for placeholder, value in replacements.items():
        page = page.replace(placeholder, value)
    return page


def write_verify_page(issuer_path: str | Path, out_dir: str | Path) -> Path:
    """Write ``OUT_DIR/index.html`` for the issuer JSON at ``issuer_path``."""
    entry = read_json_file(issuer_path, "issuer file")
    page = render_verify_page(entry, str(issuer_path))
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        target = out / PAGE_FILE
        target.write_text(page, encoding="utf-8")
    except OSError as error:
        raise ShoshoError(f"cannot write the verify page to {out}: {error.strerror}") from None
    return target
