"""Changing any leaf of a signed credential makes verification fail."""

from __future__ import annotations

import copy
from functools import cache

import pytest

from designer.signing.suites import sign_credential
from designer.verification.credential import INVALID, UNTRUSTED, verify_credential
from tests.signing.helpers import NOW, MemorySigner, sample_credential


@cache
def _signed() -> dict:
    credential = sample_credential()
    credential["credentialStatus"] = {
        "id": "https://example.ac.jp/status/1#7",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "7",
        "statusListCredential": "https://example.ac.jp/status/1",
    }
    return sign_credential(credential, MemorySigner.ed25519())


def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    else:
        yield path


LEAVES = list(_leaves(_signed()))


def _altered(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    text = str(value)
    return text[:-1] + ("0" if text[-1:] != "0" else "1") if text else "x"


def test_untouched_credential_is_valid():
    assert verify_credential(_signed(), now=NOW).verdict == UNTRUSTED


@pytest.mark.parametrize("path", LEAVES, ids=lambda path: ".".join(map(str, path)))
def test_changing_any_leaf_invalidates(path):
    tampered = copy.deepcopy(_signed())
    node = tampered
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = _altered(node[path[-1]])
    result = verify_credential(tampered, now=NOW)
    assert result.verdict == INVALID, f"{path}: {result.describe()}"
