// Verification logic (used by verify.mjs and the selftest).
//
// verifyText(text, options) -> result object:
//   {verified: true, format, type, types, issuer, ...details, warnings}
//   {verified: false, format?, error: "<reason>", warnings}

import {
  CRYPTOSUITES, DataIntegrityProof, describeError, issuerIdOf,
  makeDocumentLoader, resolveDidKey, typeLabelOf, vmToPublicJwk
} from './common.mjs';

// Algorithms accepted for VC-JWT / VC-JOSE. ('Ed25519' is the fully
// specified name for EdDSA-with-Ed25519 from RFC 9864; ES384 goes with P-384.)
export const JWS_ALGS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'RS256'];
const JWS_COMPACT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

class VerifyFailure extends Error {}
const fail = msg => {
  throw new VerifyFailure(msg);
};

function toDate(now) {
  if(now === undefined || now === null || now instanceof Date) {
    return now ?? undefined;
  }
  const d = new Date(now);
  if(isNaN(d)) {
    fail(`invalid --now date "${now}"`);
  }
  return d;
}

/**
 * @param {string} text - file content: a JSON credential or a compact JWS.
 * @param {object} [options]
 * @param {Map} [options.keys] - verification method id -> key document.
 * @param {boolean} [options.didKeyOnly] - reject anything not did:key.
 * @param {string|Date} [options.now] - "current" time for validity checks.
 */
export async function verifyText(text, options = {}) {
  const warnings = [];
  const ctx = {...options, warnings};
  let format;
  try {
    ctx.now = toDate(options.now);
    const trimmed = String(text).replace(/^\uFEFF/, '').trim();
    let input;
    if(/^[[{"]/.test(trimmed)) {
      try {
        input = JSON.parse(trimmed);
      } catch(e) {
        fail(`input is not valid JSON: ${e.message}`);
      }
    } else if(JWS_COMPACT_RE.test(trimmed)) {
      input = trimmed;
    } else {
      fail('input is neither a JSON credential nor a compact JWS string');
    }

    if(typeof input === 'string') {
      format = 'vc-jwt';
      return await verifyJws(input.trim(), ctx);
    }
    if(input && typeof input === 'object' &&
      [].concat(input.type ?? []).includes('EnvelopedVerifiableCredential')) {
      format = 'vc-jwt';
      const id = String(input.id ?? '');
      const m = /^data:application\/vc\+jwt,(.*)$/.exec(id);
      if(!m) {
        fail('EnvelopedVerifiableCredential: only ' +
          '"data:application/vc+jwt,<JWS>" ids are supported');
      }
      return await verifyJws(m[1].trim(), ctx);
    }
    format = 'data-integrity';
    return await verifyDataIntegrity(input, ctx);
  } catch(e) {
    const error = e instanceof VerifyFailure ? e.message :
      `internal error: ${describeError(e)}`;
    return {verified: false, ...(format ? {format} : {}), error, warnings};
  }
}

// ---------------------------------------------------------------------------
// Data Integrity (eddsa-rdfc-2022 / ecdsa-rdfc-2019) via @digitalbazaar/vc
// ---------------------------------------------------------------------------
async function verifyDataIntegrity(credential, ctx) {
  const {didKeyOnly, warnings} = ctx;
  if(!credential || typeof credential !== 'object' ||
    Array.isArray(credential)) {
    fail('JSON input must be a credential object');
  }
  if(credential['@context'] === undefined) {
    fail('credential has no "@context"');
  }
  const vc = await import('@digitalbazaar/vc');
  const issuer = issuerIdOf(credential);
  const proofs = [].concat(credential.proof ?? []);
  if(proofs.length === 0) {
    fail('credential has no "proof" (unsigned?)');
  }
  // Proofs of other types / cryptosuites are ignored (with a warning) when at
  // least one supported proof is present; every supported proof must verify.
  const isSupported = p => p && typeof p === 'object' &&
    p.type === 'DataIntegrityProof' &&
    Object.hasOwn(CRYPTOSUITES, p.cryptosuite);
  const supported = proofs.filter(isSupported);
  if(supported.length === 0) {
    const p = proofs[0];
    if(!p || typeof p !== 'object') {
      fail('"proof" must be an object');
    }
    if(p.type !== 'DataIntegrityProof') {
      fail(`unsupported proof type "${p.type}" (only DataIntegrityProof ` +
        `with ${Object.keys(CRYPTOSUITES).join(' / ')})`);
    }
    fail(`unsupported cryptosuite "${p.cryptosuite}" (supported: ` +
      `${Object.keys(CRYPTOSUITES).join(', ')})`);
  }
  for(const p of proofs.filter(p => !isSupported(p))) {
    warnings.push(`ignored a proof of unsupported type "${p?.type}"` +
      (p?.cryptosuite ? ` / cryptosuite "${p.cryptosuite}"` : ''));
  }
  const vmIds = [];
  for(const p of supported) {
    if(p.proofPurpose !== 'assertionMethod') {
      fail(`proofPurpose is "${p.proofPurpose}", expected "assertionMethod"`);
    }
    const vm = typeof p.verificationMethod === 'object' ?
      p.verificationMethod?.id : p.verificationMethod;
    if(typeof vm === 'string' && vm.startsWith('did:key:') &&
      !vm.includes('#')) {
      fail(`verificationMethod "${vm}" is a bare did:key DID; the key's DID ` +
        'URL (did:key:z...#z...) is required');
    }
    vmIds.push(vm);
  }
  if(didKeyOnly) {
    if(!issuer?.startsWith('did:key:')) {
      fail(`--did-key-only: issuer "${issuer}" is not a did:key`);
    }
    for(const vm of vmIds) {
      if(typeof vm !== 'string' || !vm.startsWith('did:key:')) {
        fail(`--did-key-only: verificationMethod "${vm}" is not a did:key`);
      }
    }
  }
  const keys = didKeyOnly ? new Map() : (ctx.keys ?? new Map());
  for(const vm of vmIds) {
    if(typeof vm !== 'string') {
      fail('proof "verificationMethod" must be a URL string');
    }
    if(!vm.startsWith('did:key:') && !keys.has(vm)) {
      fail(`cannot resolve verification method "${vm}" offline: only ` +
        'did:key is resolved; supply the key with --keys FILE');
    }
  }
  const documentLoader = makeDocumentLoader({keys});
  const suite = Object.values(CRYPTOSUITES).map(
    cryptosuite => new DataIntegrityProof({cryptosuite}));

  const result = await vc.verifyCredential({
    credential, suite, documentLoader,
    ...(ctx.now ? {now: ctx.now} : {}),
    // offline: status lists are read from --status-dir (below), else not checked
    checkStatus: async () => {
      if(!ctx.statusDir) {
        warnings.push('credentialStatus present but NOT checked (offline)');
      }
      return {verified: true};
    }
  });
  if(!result.verified) {
    fail(reasonOf(result));
  }
  const results = result.results ?? [];
  if(results.length !== supported.length ||
    !results.every(r => r.verified)) {
    fail(`only ${results.filter(r => r.verified).length} of ` +
      `${supported.length} proofs verified: ${reasonOf(result)}`);
  }
  await checkStatusIfAsked(credential, ctx);
  return {
    verified: true,
    format: 'data-integrity',
    type: typeLabelOf(credential),
    types: [].concat(credential.type ?? []),
    issuer,
    cryptosuites: supported.map(p => p.cryptosuite),
    verificationMethods: results.map(r => r.verificationMethod?.id ?? null),
    warnings
  };
}

function reasonOf(result) {
  const msgs = [];
  const add = e => {
    if(!e) {
      return;
    }
    for(const x of [].concat(e)) {
      const m = describeError(x);
      if(!msgs.includes(m)) {
        msgs.push(m);
      }
    }
  };
  add(result.error);
  for(const r of result.results ?? []) {
    if(!r.verified) {
      add(r.error);
    }
  }
  return msgs.join('; ') || 'verification failed (no reason given)';
}

// ---------------------------------------------------------------------------
// VC-JWT (VCDM 1.1 "vc" claim) and VC-JOSE (VCDM 2.0 payload) via jose
// ---------------------------------------------------------------------------
async function verifyJws(jws, ctx) {
  const {didKeyOnly, warnings} = ctx;
  if(!JWS_COMPACT_RE.test(jws)) {
    fail('not a compact JWS (expected header.payload.signature)');
  }
  const jose = await import('jose');
  let header;
  let unverifiedPayload;
  try {
    header = jose.decodeProtectedHeader(jws);
    unverifiedPayload = jose.decodeJwt(jws);
  } catch(e) {
    fail(`malformed JWS: ${e.message}`);
  }
  const {alg} = header;
  if(!JWS_ALGS.includes(alg)) {
    fail(`unsupported JWS alg "${alg}" (supported: ${JWS_ALGS.join(', ')})`);
  }

  // --- find the public key -------------------------------------------------
  // Preference: a "kid" that resolves (did:key, or --keys) -- this binds the
  // key to a controller that must equal the issuer; else an embedded "jwk"
  // header (signature only, no issuer binding); else a did:key issuer.
  let jwk;
  let keyController;
  let keySource;
  const keys = didKeyOnly ? new Map() : (ctx.keys ?? new Map());
  const iss = unverifiedPayload.iss ??
    issuerIdOf(unverifiedPayload.vc ?? unverifiedPayload);
  let kid = header.kid;
  if(kid !== undefined && typeof kid !== 'string') {
    fail('"kid" header must be a string');
  }
  if(kid?.startsWith('#') && typeof iss === 'string') {
    kid = iss + kid; // relative kid, e.g. "#z6Mk..." with iss = did:key
  }
  if(header.jwk !== undefined &&
    (typeof header.jwk !== 'object' || header.jwk.d !== undefined)) {
    fail('"jwk" header must be a public JWK');
  }
  if(kid === undefined && header.jwk === undefined) {
    if(typeof iss === 'string' && iss.startsWith('did:key:')) {
      kid = iss; // no kid: use the issuer's (only) did:key key
      warnings.push('no "kid" header; key taken from the did:key issuer');
    } else {
      fail('JWS header has neither "kid" nor "jwk"');
    }
  }
  let vm;
  if(kid?.startsWith('did:key:')) {
    const doc = await resolveDidKey(kid).catch(e => fail(e.message));
    vm = kid.includes('#') ? doc : {
      '@context': doc['@context'], ...doc.verificationMethod[0]
    };
    keySource = 'did:key';
  } else if(kid !== undefined && keys.has(kid)) {
    vm = keys.get(kid);
    keySource = '--keys';
  } else if(didKeyOnly) {
    fail(header.jwk !== undefined && kid === undefined ?
      '--did-key-only: key given as an embedded "jwk" header' :
      `--did-key-only: kid "${kid}" is not a did:key`);
  } else if(header.jwk === undefined) {
    fail(`cannot resolve kid "${kid}" offline: only did:key is ` +
      'resolved; supply the key with --keys FILE');
  }
  if(vm) {
    keyController = vm.controller;
    jwk = await vmToPublicJwk(vm).catch(e => fail(e.message));
    if(header.jwk !== undefined) {
      const [a, b] = await Promise.all([
        jose.calculateJwkThumbprint(jwk),
        jose.calculateJwkThumbprint(header.jwk)
      ]).catch(e => fail(`bad "jwk" header: ${e.message}`));
      if(a !== b) {
        fail(`"jwk" header does not match the key of kid "${kid}"`);
      }
    }
  } else {
    jwk = header.jwk;
    keySource = 'jwk header';
    warnings.push('key taken from the embedded "jwk" header: signature ' +
      'checked, but the issuer is not bound to the key');
  }

  // --- check the signature and JWT time claims -----------------------------
  let key;
  try {
    key = await jose.importJWK(jwk, alg);
  } catch(e) {
    fail(`cannot use key for alg ${alg}: ${e.message}`);
  }
  let payload;
  let protectedHeader;
  try {
    ({payload, protectedHeader} = await jose.jwtVerify(jws, key, {
      algorithms: [alg],
      clockTolerance: 300,
      ...(ctx.now ? {currentDate: ctx.now} : {})
    }));
  } catch(e) {
    fail(`JWS ${e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ?
      'signature verification failed' : e.message}`);
  }

  // --- interpret the payload as a credential -------------------------------
  let credential;
  let style;
  if(payload.vc && typeof payload.vc === 'object') {
    credential = payload.vc; // VC-JWT (VCDM 1.1, "vc" claim)
    style = 'vc-jwt-1.1';
  } else if(payload['@context'] && payload.type) {
    credential = payload; // VC-JOSE-COSE (VCDM 2.0, payload is the VC)
    style = 'vc-jose-2.0';
    try {
      const vc = await import('@digitalbazaar/vc');
      vc._checkCredential({credential, ...(ctx.now ? {now: ctx.now} : {})});
    } catch(e) {
      fail(`credential check failed: ${describeError(e)}`);
    }
  } else {
    fail('JWT payload holds no credential (no "vc" claim, and not a ' +
      'VCDM 2.0 credential)');
  }
  const types = [].concat(credential.type ?? []);
  if(!types.includes('VerifiableCredential')) {
    fail('credential "type" does not include "VerifiableCredential"');
  }
  const credIssuer = issuerIdOf(credential);
  if(payload.iss !== undefined && credIssuer !== undefined &&
    payload.iss !== credIssuer) {
    fail(`"iss" (${payload.iss}) and credential issuer (${credIssuer}) differ`);
  }
  const issuer = payload.iss ?? credIssuer;
  if(typeof issuer !== 'string') {
    fail('no issuer ("iss" claim or credential "issuer")');
  }
  if(keyController !== undefined && keyController !== issuer) {
    fail(`issuer "${issuer}" does not match the key's controller ` +
      `"${keyController}"`);
  }
  if(didKeyOnly && !issuer.startsWith('did:key:')) {
    fail(`--did-key-only: issuer "${issuer}" is not a did:key`);
  }
  await checkStatusIfAsked(credential, ctx);
  return {
    verified: true,
    format: 'vc-jwt',
    style,
    type: typeLabelOf(credential),
    types,
    issuer,
    alg: protectedHeader.alg,
    kid: protectedHeader.kid,
    keySource,
    warnings
  };
}

// With --status-dir, a credential whose status list says revoked or
// suspended fails (see lib/status.mjs).
async function checkStatusIfAsked(credential, ctx) {
  if(!ctx.statusDir) {
    return;
  }
  const {checkStatusOffline} = await import('./status.mjs');
  const result = await checkStatusOffline(credential, {
    dir: ctx.statusDir, keys: ctx.keys ?? new Map(), now: ctx.now, verifyText
  });
  if(result && !result.verified) {
    fail(result.error);
  }
}
