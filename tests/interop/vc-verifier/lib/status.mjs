// Offline Bitstring Status List checks and did.json keys, for verify.mjs.
//
// --status-dir DIR serves each status list URL from DIR/<host>/<path>, the
// layout `shosho status export` writes. The list is checked with
// @digitalbazaar/vc-bitstring-status-list: a Data Integrity list is verified
// by that library (through @digitalbazaar/vc); a VC-JWT list is verified by
// this tool's JWS path first. A set bit fails the credential.
// --did FILE adds the assertion keys of a DID document (did.json).

import fs from 'node:fs';
import path from 'node:path';

import {CRYPTOSUITES, DataIntegrityProof, makeDocumentLoader} from './common.mjs';

export function keysFromDidDocument(file, keys = new Map()) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch(e) {
    throw new Error(`cannot read --did file "${file}": ${e.message}`);
  }
  const did = doc?.id;
  if(typeof did !== 'string') {
    throw new Error(`--did file "${file}" has no "id"`);
  }
  const absolute = id => (id.startsWith('#') ? did + id : id);
  const assertion = new Set([].concat(doc.assertionMethod ?? []).map(
    ref => absolute(typeof ref === 'string' ? ref : ref?.id ?? '')));
  for(const vm of [].concat(doc.verificationMethod ?? [])) {
    const id = absolute(String(vm?.id ?? ''));
    if(!assertion.has(id)) {
      continue;
    }
    keys.set(id, {...vm, id, controller: vm.controller ?? did});
  }
  return keys;
}

export function statusFileFor(dir, url) {
  const parsed = new URL(url);
  const host = parsed.port ? `${parsed.hostname}_${parsed.port}` :
    parsed.hostname;
  const segments = parsed.pathname.split('/').filter(Boolean)
    .map(decodeURIComponent);
  if(segments.some(s => s === '.' || s === '..')) {
    throw new Error(`status list URL "${url}" has dot segments`);
  }
  return path.join(dir, host.toLowerCase(), ...segments);
}

// -> undefined when the credential has no status entry, else
//    {verified: true} or {verified: false, error}.
export async function checkStatusOffline(credential, {dir, keys, now, verifyText}) {
  const bsl = await import('@digitalbazaar/vc-bitstring-status-list');
  if(!credential?.credentialStatus) {
    return undefined;
  }
  const lists = new Map();
  const entries = [].concat(credential.credentialStatus);
  for(const entry of entries) {
    const url = entry?.statusListCredential;
    if(typeof url !== 'string') {
      continue;
    }
    let text;
    try {
      text = fs.readFileSync(statusFileFor(dir, url), 'utf8').trim();
    } catch(e) {
      return {verified: false, error: `status list ${url} not found: ${e.message}`};
    }
    if(text.startsWith('{')) {
      lists.set(url, {document: JSON.parse(text), verifiedHere: false});
    } else {
      const checked = await verifyText(text, {keys, now});
      if(!checked.verified) {
        return {verified: false, error: `status list ${url}: ${checked.error}`};
      }
      const [, payload] = text.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      lists.set(url, {document: claims.vc ?? claims, verifiedHere: true});
    }
  }
  const base = makeDocumentLoader({keys});
  const documentLoader = async url => {
    if(lists.has(url)) {
      return {contextUrl: null, documentUrl: url, document: lists.get(url).document};
    }
    return base(url);
  };
  const viaJws = [...lists.values()].some(list => list.verifiedHere);
  const suite = Object.values(CRYPTOSUITES).map(
    cryptosuite => new DataIntegrityProof({cryptosuite}));
  const result = await bsl.checkStatus({
    credential, documentLoader, suite,
    verifyBitstringStatusListCredential: !viaJws,
    verifyMatchingIssuers: true
  });
  if(!result.verified) {
    return {verified: false, error: `status not checked: ${result.error?.message ?? result.error}`};
  }
  const set = (result.results ?? []).filter(r => r.status === true);
  if(set.length > 0) {
    const purposes = set.map(r => r.credentialStatus?.statusPurpose).join(', ');
    return {verified: false, error: `status: ${purposes} bit is set`};
  }
  return {verified: true};
}
