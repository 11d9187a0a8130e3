"use strict";
// Shosho seal check: reads the seal from location.hash, verifies it with WebCrypto against the
// keys this page was built with (and the issuer's did.json on this origin), then checks the
// status list on this origin. No other requests are made; the fragment never leaves the page.
(function () {
  const ISSUER = JSON.parse(document.getElementById("issuer-data").textContent);
  const ALG_NAMES = { "-8": "EdDSA", "-19": "Ed25519", "-7": "ES256" };
  const SEAL_TYP = "application/shosho-seal+cwt;v=2";
  const SEAL_FIELDS = -65537;
  const VERDICTS = {
    genuine: ["本物です", "Genuine", "genuine"],
    not_genuine: ["本物ではありません", "Not genuine", "bad"],
    revoked: ["取り消されています", "Revoked", "bad"],
    suspended: ["一時停止されています", "Suspended", "bad"],
    expired: ["有効期限が切れています", "Expired", "warn"],
    unknown_issuer: ["発行者を確認できません", "Unknown issuer", "bad"],
    unsupported: ["このブラウザでは確認できません", "This browser cannot check this seal", "warn"],
    no_seal: ["確認する QR コードがありません", "No seal to check", "warn"],
  };

  class SealError extends Error {}

  // --- digits -> bytes (7 bytes per 17 digits; tails of 3,5,8,10,13,15 digits) -------------
  const BYTES_FOR_DIGITS = { 3: 1, 5: 2, 8: 3, 10: 4, 13: 5, 15: 6, 17: 7 };
  function digitsToBytes(digits) {
    if (!/^[0-9]+$/.test(digits)) throw new SealError("the seal is not all digits");
    const out = [];
    for (let pos = 0; pos < digits.length; pos += 17) {
      const chunk = digits.slice(pos, pos + 17);
      const size = BYTES_FOR_DIGITS[chunk.length];
      if (!size) throw new SealError("the seal has an impossible length");
      let value = BigInt(chunk);
      if (value >= 1n << BigInt(8 * size)) throw new SealError("the seal's digits are out of range");
      const group = new Array(size);
      for (let i = size - 1; i >= 0; i--) {
        group[i] = Number(value & 0xffn);
        value >>= 8n;
      }
      out.push(...group);
    }
    return new Uint8Array(out);
  }

  // --- a CBOR decoder for the subset seals use (RFC 8949, definite lengths only) -----------
  class Tagged {
    constructor(tag, value) { this.tag = tag; this.value = value; }
  }
  function cborDecode(bytes) {
    let pos = 0;
    const text = new TextDecoder("utf-8", { fatal: true });
    function need(n) {
      if (pos + n > bytes.length) throw new SealError("the seal ends too early");
    }
    function argument(info) {
      if (info < 24) return info;
      const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
      if (!size) throw new SealError("the seal uses CBOR this page does not read");
      need(size);
      let value = 0;
      for (let i = 0; i < size; i++) value = value * 256 + bytes[pos++];
      if (!Number.isSafeInteger(value)) throw new SealError("a number in the seal is too large");
      return value;
    }
    function item(depth) {
      if (depth > 8) throw new SealError("the seal is nested too deeply");
      need(1);
      const initial = bytes[pos++];
      const major = initial >> 5;
      const value = argument(initial & 31);
      switch (major) {
        case 0: return value;
        case 1: return -1 - value;
        case 2: need(value); pos += value; return bytes.slice(pos - value, pos);
        case 3: need(value); pos += value; return text.decode(bytes.subarray(pos - value, pos));
        case 4: { const list = []; for (let i = 0; i < value; i++) list.push(item(depth + 1)); return list; }
        case 5: {
          const map = new Map();
          for (let i = 0; i < value; i++) { const key = item(depth + 1); map.set(key, item(depth + 1)); }
          return map;
        }
        case 6: return new Tagged(value, item(depth + 1));
        default: throw new SealError("the seal uses CBOR this page does not read");
      }
    }
    const result = item(0);
    if (pos !== bytes.length) throw new SealError("the seal has trailing bytes");
    return result;
  }

  // CBOR encoding of Sig_structure ["Signature1", protected, h'', payload] (RFC 9052 4.4).
  function head(major, length) {
    if (length < 24) return [(major << 5) | length];
    if (length < 256) return [(major << 5) | 24, length];
    if (length < 65536) return [(major << 5) | 25, length >> 8, length & 255];
    return [(major << 5) | 26, (length >>> 24) & 255, (length >> 16) & 255, (length >> 8) & 255, length & 255];
  }
  function sigStructure(protectedBytes, payload) {
    const context = new TextEncoder().encode("Signature1");
    return new Uint8Array([
      0x84, ...head(3, context.length), ...context,
      ...head(2, protectedBytes.length), ...protectedBytes,
      0x40,
      ...head(2, payload.length), ...payload,
    ]);
  }

  function parseSeal(bytes) {
    let top = cborDecode(bytes);
    if (top instanceof Tagged) {
      if (top.tag !== 18) throw new SealError("the seal is not a COSE_Sign1");
      top = top.value;
    }
    if (!Array.isArray(top) || top.length !== 4) throw new SealError("the seal is not a COSE_Sign1");
    const [protectedBytes, unprotected, payload, signature] = top;
    if (!(protectedBytes instanceof Uint8Array && payload instanceof Uint8Array && signature instanceof Uint8Array))
      throw new SealError("the seal's parts have the wrong types");
    if (!(unprotected instanceof Map) || unprotected.size !== 0)
      throw new SealError("the seal carries unprotected headers");
    const header = cborDecode(protectedBytes);
    if (!(header instanceof Map)) throw new SealError("the seal's header is not a map");
    const alg = header.get(1), kid = header.get(4), typ = header.get(16);
    if (typeof alg !== "number" || !(kid instanceof Uint8Array)) throw new SealError("the seal's header lacks alg or kid");
    const claims = cborDecode(payload);
    if (!(claims instanceof Map)) throw new SealError("the seal's claims are not a map");
    const isInt = (v) => Number.isInteger(v) && v >= 0;
    const isBytes = (v) => v instanceof Uint8Array;
    const isString = (v) => typeof v === "string";
    const want = (map, key, test, optional) => {
      const v = map.get(key);
      if (v === undefined && optional) return null;
      if (!test(v)) throw new SealError("seal claim " + key + " is missing or has the wrong type");
      return v;
    };
    const envelope = { alg, kid: hex(kid), signature, toBeSigned: sigStructure(protectedBytes, payload) };
    if (typ === SEAL_TYP) {
      // CWT (RFC 8392): 1 iss, 4 exp, 6 iat, 7 cti; the printed fields in private claim -65537.
      if (![-19, -7].includes(alg) || kid.length !== 32) throw new SealError("the seal's algorithm or key id is not allowed");
      const fields = claims.get(SEAL_FIELDS);
      if (!(fields instanceof Map)) throw new SealError("the seal's printed fields are missing");
      const seconds = (v) => isInt(v) && v % 86400 === 0;
      const exp = want(claims, 4, seconds, true);
      return Object.assign(envelope, {
        version: 2,
        claims: {
          iss: want(claims, 1, isString),
          credentialId: uuid(want(claims, 7, (v) => isBytes(v) && v.length === 16)),
          issuedDay: want(claims, 6, seconds) / 86400,
          name: want(fields, 1, isString),
          achievement: want(fields, 2, isString, true),
          studentNumber: want(fields, 3, isString, true),
          printedDate: want(fields, 4, isString, true),
          credentialDigest: want(fields, 6, isBytes, true),
          statusIndex: want(fields, 7, isInt, true),
          expiresDay: exp === null ? null : exp / 86400 - 1,
        },
      });
    }
    if (typ !== undefined) throw new SealError("the seal's type is not one this page reads");
    // The first format ("OB seal v1"): uint claim keys, text as UTF-8 or UTF-16BE bytes.
    if (claims.get(1) !== 1) throw new SealError("the seal's claims are not OB seal v1");
    if (![-8, -7].includes(alg) || kid.length !== 8) throw new SealError("the seal's algorithm or key id is not allowed");
    const isText = (v) => typeof v === "string" || (v instanceof Uint8Array && v.length % 2 === 0);
    const utf16 = new TextDecoder("utf-16be", { fatal: true });
    const text = (v) => (v === null || typeof v === "string" ? v : utf16.decode(v));
    const old = (key, test, optional) => want(claims, key, test, optional);
    return Object.assign(envelope, {
      version: 1,
      claims: {
        credentialId: uuid(old(2, (v) => isBytes(v) && v.length === 16)),
        issuedDay: old(3, isInt),
        name: text(old(4, isText)),
        achievement: text(old(5, isText, true)),
        credentialDigest: old(6, isBytes, true),
        statusIndex: old(7, isInt, true),
        expiresDay: old(8, isInt, true),
        studentNumber: text(old(9, isText, true)),
        printedDate: null,
        iss: null,
      },
    });
  }

  function hex(bytes) { return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""); }
  function uuid(bytes) {
    const h = hex(bytes);
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  function b64urlDecode(text) {
    const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const bin = atob(b64 + "===".slice((b64.length + 3) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  }
  function dayToIso(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  // The era date as certificates print it (令和7年4月1日, 元年 for the first year), from the
  // era table the page was built with.
  function dayToJa(day) {
    const d = new Date(day * 86400000);
    const iso = dayToIso(day);
    const era = (ISSUER.eras || []).filter((e) => e.start <= iso).pop();
    const md = (d.getUTCMonth() + 1) + "月" + d.getUTCDate() + "日";
    if (!era) return d.getUTCFullYear() + "年" + md;
    const year = d.getUTCFullYear() - Number(era.start.slice(0, 4)) + 1;
    return era.name + (year === 1 ? "元" : String(year)) + "年" + md;
  }
  function todayDay() {
    const now = new Date();
    return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000);
  }

  // --- keys --------------------------------------------------------------------------------
  function webCryptoAlgorithm(jwk) {
    if (jwk.kty === "OKP" && jwk.crv === "Ed25519") return { importAlg: { name: "Ed25519" }, verifyAlg: { name: "Ed25519" }, cose: [-19, -8] };
    if (jwk.kty === "EC" && jwk.crv === "P-256")
      return { importAlg: { name: "ECDSA", namedCurve: "P-256" }, verifyAlg: { name: "ECDSA", hash: "SHA-256" }, cose: [-7] };
    return null;
  }
  async function sha256(bytes) { return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)); }
  // The key ids a seal may name a key by: the RFC 9679 COSE Key Thumbprint (SHA-256 over the
  // deterministic CBOR map {1: kty, -1: crv, -2: x, -3: y}) and the first format's 8-byte id.
  async function kidsOfJwk(jwk) {
    const x = b64urlDecode(jwk.x);
    let coseKey, raw;
    if (jwk.kty === "OKP") {
      coseKey = [0xa3, 0x01, 0x01, 0x20, 0x06, 0x21, ...head(2, x.length), ...x];
      raw = x;
    } else {
      const y = b64urlDecode(jwk.y);
      coseKey = [0xa4, 0x01, 0x02, 0x20, 0x01, 0x21, ...head(2, x.length), ...x, 0x22, ...head(2, y.length), ...y];
      raw = new Uint8Array([2 + (y[31] & 1), ...x]);
    }
    return [hex(await sha256(new Uint8Array(coseKey))), hex((await sha256(raw)).slice(0, 8))];
  }
  const MULTIKEY_ED25519 = [0xed, 0x01];
  const MULTIKEY_P256 = [0x80, 0x24];
  const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  function base58Decode(text) {
    let value = 0n;
    for (const ch of text) {
      const digit = BASE58.indexOf(ch);
      if (digit < 0) throw new Error("bad base58");
      value = value * 58n + BigInt(digit);
    }
    const out = [];
    while (value > 0n) { out.unshift(Number(value & 0xffn)); value >>= 8n; }
    for (const ch of text) { if (ch !== "1") break; out.unshift(0); }
    return new Uint8Array(out);
  }
  function b64url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  async function jwkFromMethod(method) {
    if (method.publicKeyJwk) return method.publicKeyJwk;
    const mb = method.publicKeyMultibase;
    if (typeof mb !== "string" || !mb.startsWith("z")) return null;
    const bytes = base58Decode(mb.slice(1));
    if (bytes.length === 34 && bytes[0] === MULTIKEY_ED25519[0] && bytes[1] === MULTIKEY_ED25519[1])
      return { kty: "OKP", crv: "Ed25519", x: b64url(bytes.slice(2)) };
    if (bytes.length === 35 && bytes[0] === MULTIKEY_P256[0] && bytes[1] === MULTIKEY_P256[1]) {
      // A compressed P-256 point: WebCrypto imports it and gives back the JWK (x and y).
      const key = await crypto.subtle.importKey("raw", bytes.slice(2), { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
      const jwk = await crypto.subtle.exportKey("jwk", key);
      return { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y };
    }
    return null;
  }

  function sameOrigin(url) {
    try { return new URL(url, location.href).origin === location.origin && location.origin !== "null"; }
    catch (e) { return false; }
  }
  // A URL on one of the issuer's hosts is read from this page's own origin: on the verify host
  // that is the same file, and a page staged on another origin (localhost, before upload)
  // reads the files staged beside it. Nothing is ever fetched from another origin.
  function ownOriginUrl(url) {
    let parsed;
    try { parsed = new URL(url, location.href); } catch (e) { return null; }
    if (location.origin === "null") return null;
    if (parsed.origin === location.origin) return parsed.href;
    if ((ISSUER.verifyHosts || []).includes(parsed.host) || parsed.host === didHost())
      return new URL(parsed.pathname + parsed.search, location.origin).href;
    return null;
  }
  function didHost() {
    const id = ISSUER.id || "";
    return id.startsWith("did:web:") ? decodeURIComponent(id.slice(8).split(":")[0]) : null;
  }
  function didDocumentUrl() {
    const id = ISSUER.id || "";
    if (!id.startsWith("did:web:")) return null;
    const parts = id.slice(8).split(":").map(decodeURIComponent);
    const host = parts.shift();
    const path = parts.length ? "/" + parts.join("/") + "/did.json" : "/.well-known/did.json";
    return ownOriginUrl("https://" + host + path);
  }
  let didKeysOnce = null;
  function didKeys() {
    if (!didKeysOnce) didKeysOnce = loadDidKeys();
    return didKeysOnce;
  }
  async function loadDidKeys() {
    const url = didDocumentUrl();
    if (!url || location.protocol === "file:") return [];
    try {
      const response = await fetch(url, { cache: "no-store", credentials: "omit" });
      if (!response.ok) return [];
      const doc = await response.json();
      const keys = [];
      for (const method of doc.verificationMethod || []) {
        let jwk = null;
        try { jwk = await jwkFromMethod(method); } catch (e) { jwk = null; }
        if (jwk && webCryptoAlgorithm(jwk)) {
          const [kid, legacyKid] = await kidsOfJwk(jwk);
          keys.push({ kid, legacyKid, jwk, source: "did.json", methodId: method.id });
        }
      }
      return keys;
    } catch (e) {
      return [];
    }
  }

  async function findKey(kid) {
    const named = (key) => key.kid === kid || key.legacyKid === kid;
    for (const key of ISSUER.keys) if (named(key)) return Object.assign({ source: "page" }, key);
    for (const key of await didKeys()) if (named(key)) return key;
    return null;
  }

  async function verifySignature(key, seal) {
    const algorithm = webCryptoAlgorithm(key.jwk);
    if (!algorithm || !algorithm.cose.includes(seal.alg)) return { ok: false };
    let cryptoKey;
    try {
      cryptoKey = await crypto.subtle.importKey("jwk", key.jwk, algorithm.importAlg, false, ["verify"]);
    } catch (e) {
      return { ok: false, unsupported: true, error: String(e && e.name) };
    }
    try {
      return { ok: await crypto.subtle.verify(algorithm.verifyAlg, cryptoKey, seal.signature, seal.toBeSigned) };
    } catch (e) {
      return { ok: false, unsupported: e && e.name === "NotSupportedError", error: String(e && e.name) };
    }
  }

  // --- status lists (Bitstring Status List, GZIP + multibase base64url) --------------------
  // The list's Data Integrity proof (eddsa-rdfc-2022 or ecdsa-rdfc-2019) is checked before a
  // bit is believed. RDF canonicalisation is done for the one closed shape Shosho publishes (a
  // BitstringStatusListCredential whose nodes all have ids): anything else in the file, and
  // the page refuses the list instead of guessing, so the status is "not checked".
  const RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  const CRED = "https://www.w3.org/2018/credentials#";
  const STATUS = "https://www.w3.org/ns/credentials/status#";
  const SEC = "https://w3id.org/security#";
  const DATETIME = "^^<http://www.w3.org/2001/XMLSchema#dateTime>";
  const isIri = (v) => typeof v === "string" && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]+$/i.test(v);
  const isPlain = (v) => typeof v === "string" && /^[\x20-\x7e]*$/.test(v) && !/["\\]/.test(v);
  const onlyKeys = (object, keys) => object && typeof object === "object" && !Array.isArray(object) && Object.keys(object).every((k) => keys.includes(k));
  function quad(subject, predicate, object) { return subject + " " + predicate + " " + object + " .\n"; }
  function canonical(lines) { return lines.sort().join(""); }
  function listDocumentQuads(doc) {
    const ctx = doc["@context"];
    if (!Array.isArray(ctx) || ctx.length !== 1 || ctx[0] !== "https://www.w3.org/ns/credentials/v2") return null;
    if (!onlyKeys(doc, ["@context", "id", "type", "issuer", "validFrom", "validUntil", "credentialSubject", "proof"])) return null;
    const types = doc.type, subject = doc.credentialSubject;
    if (!Array.isArray(types) || types.length !== 2 || !types.includes("VerifiableCredential") || !types.includes("BitstringStatusListCredential")) return null;
    if (!isIri(doc.id) || !isIri(doc.issuer) || !onlyKeys(subject, ["id", "type", "statusPurpose", "encodedList"])) return null;
    if (!isIri(subject.id) || subject.type !== "BitstringStatusList" || !isPlain(subject.statusPurpose) || !isPlain(subject.encodedList)) return null;
    const id = "<" + doc.id + ">", sid = "<" + subject.id + ">";
    const lines = [
      quad(id, RDF_TYPE, "<" + CRED + "VerifiableCredential>"),
      quad(id, RDF_TYPE, "<" + STATUS + "BitstringStatusListCredential>"),
      quad(id, "<" + CRED + "credentialSubject>", sid),
      quad(id, "<" + CRED + "issuer>", "<" + doc.issuer + ">"),
      quad(sid, RDF_TYPE, "<" + STATUS + "BitstringStatusList>"),
      quad(sid, "<" + STATUS + "encodedList>", '"' + subject.encodedList + '"^^<' + SEC + "multibase>"),
      quad(sid, "<" + STATUS + "statusPurpose>", '"' + subject.statusPurpose + '"'),
    ];
    for (const name of ["validFrom", "validUntil"]) {
      if (doc[name] === undefined) continue;
      if (!isPlain(doc[name])) return null;
      lines.push(quad(id, "<" + CRED + name + ">", '"' + doc[name] + '"' + DATETIME));
    }
    return canonical(lines);
  }
  function proofConfigQuads(proof) {
    if (!onlyKeys(proof, ["type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue"])) return null;
    if (proof.type !== "DataIntegrityProof" || proof.proofPurpose !== "assertionMethod" || !isIri(proof.verificationMethod)) return null;
    if (!["eddsa-rdfc-2022", "ecdsa-rdfc-2019"].includes(proof.cryptosuite)) return null;
    const node = "_:c14n0";
    const lines = [
      quad(node, RDF_TYPE, "<" + SEC + "DataIntegrityProof>"),
      quad(node, "<" + SEC + "cryptosuite>", '"' + proof.cryptosuite + '"^^<' + SEC + "cryptosuiteString>"),
      quad(node, "<" + SEC + "proofPurpose>", "<" + SEC + "assertionMethod>"),
      quad(node, "<" + SEC + "verificationMethod>", "<" + proof.verificationMethod + ">"),
    ];
    if (proof.created !== undefined) {
      if (!isPlain(proof.created)) return null;
      lines.push(quad(node, "<http://purl.org/dc/terms/created>", '"' + proof.created + '"' + DATETIME));
    }
    return canonical(lines);
  }
  async function methodKey(method) {
    // Shosho names a key by the issuer's id and its Multikey: did:web:host#z6Mk...
    if (!method.startsWith(ISSUER.id + "#")) return null;
    const fragment = method.slice(ISSUER.id.length + 1);
    let jwk = null;
    if (fragment.startsWith("z")) jwk = await jwkFromMethod({ publicKeyMultibase: fragment });
    const trusted = ISSUER.keys.concat(await didKeys());
    if (jwk) {
      const [kid] = await kidsOfJwk(jwk);
      return trusted.find((key) => key.kid === kid) || null;
    }
    return (await didKeys()).find((key) => key.methodId === method || key.methodId === "#" + fragment) || null;
  }
  async function listProofProblem(doc, purpose) {
    if (doc.issuer !== ISSUER.id) return "the list is not this issuer's";
    if (!doc.credentialSubject || doc.credentialSubject.statusPurpose !== purpose) return "the list is not a " + purpose + " list";
    const proofs = Array.isArray(doc.proof) ? doc.proof : doc.proof ? [doc.proof] : [];
    if (proofs.length !== 1) return "the list has no proof (or several)";
    const proof = proofs[0];
    const documentQuads = listDocumentQuads(doc), configQuads = proofConfigQuads(proof);
    if (!documentQuads || !configQuads) return "the list is not in the form this page can check";
    if (typeof proof.proofValue !== "string" || !proof.proofValue.startsWith("z")) return "the list's proofValue is malformed";
    const key = await methodKey(proof.verificationMethod);
    if (!key) return "the list is signed by a key that is not this issuer's";
    const algorithm = webCryptoAlgorithm(key.jwk);
    if (!algorithm || (proof.cryptosuite === "eddsa-rdfc-2022") !== (key.jwk.kty === "OKP")) return "the list's cryptosuite does not match its key";
    const encoder = new TextEncoder();
    const hashData = new Uint8Array([
      ...(await sha256(encoder.encode(configQuads))),
      ...(await sha256(encoder.encode(documentQuads))),
    ]);
    let signature;
    try { signature = base58Decode(proof.proofValue.slice(1)); } catch (e) { return "the list's proofValue is malformed"; }
    try {
      const cryptoKey = await crypto.subtle.importKey("jwk", key.jwk, algorithm.importAlg, false, ["verify"]);
      if (!(await crypto.subtle.verify(algorithm.verifyAlg, cryptoKey, signature, hashData))) return "the list's signature is not valid";
    } catch (e) {
      return "the list's signature cannot be checked in this browser";
    }
    if (doc.validUntil && Date.parse(doc.validUntil) < Date.now()) return "the list is out of date (validUntil has passed)";
    return null;
  }

  async function statusBit(purpose, index) {
    const template = (ISSUER.statusLists || {})[purpose];
    if (!template) return { checked: false, reason: "none" };
    const length = ISSUER.statusListLength || 131072;
    const url = location.protocol === "file:" ? null : ownOriginUrl(template.replace("{list}", String(Math.floor(index / length) + 1)));
    if (!url) return { checked: false, reason: "offline" };
    try {
      const response = await fetch(url, { cache: "no-store", credentials: "omit" });
      if (!response.ok) return { checked: false, reason: "http " + response.status };
      const list = await response.json();
      const problem = await listProofProblem(list, purpose);
      if (problem) return { checked: false, reason: problem, refused: true };
      const encoded = list.credentialSubject.encodedList;
      if (typeof encoded !== "string" || !encoded.startsWith("u")) return { checked: false, reason: "malformed", refused: true };
      const stream = new Blob([b64urlDecode(encoded.slice(1))]).stream().pipeThrough(new DecompressionStream("gzip"));
      const bits = new Uint8Array(await new Response(stream).arrayBuffer());
      const position = index % length, byte = position >> 3;
      if (byte >= bits.length) return { checked: false, reason: "short list" };
      return { checked: true, set: (bits[byte] & (0x80 >> (position & 7))) !== 0 };
    } catch (e) {
      return { checked: false, reason: String(e && e.message) };
    }
  }

  // --- the check ---------------------------------------------------------------------------
  async function check() {
    const digits = decodeURIComponent(location.hash.replace(/^#/, "")).trim();
    const result = { verdict: null, reason: "", claims: null, statusChecked: false, statusAsOf: null };
    if (!digits) return Object.assign(result, { verdict: "no_seal", reason: "no seal in the address" });
    let seal;
    try {
      seal = parseSeal(digitsToBytes(digits));
    } catch (e) {
      return Object.assign(result, { verdict: "not_genuine", reason: e instanceof SealError ? e.message : "unreadable seal" });
    }
    result.claims = seal.claims;
    result.version = seal.version;
    result.kid = seal.kid;
    result.alg = ALG_NAMES[seal.alg] || String(seal.alg);
    if (!window.crypto || !crypto.subtle)
      return Object.assign(result, { verdict: "unsupported", reason: "WebCrypto is not available" });
    const key = await findKey(seal.kid);
    if (!key) return Object.assign(result, { verdict: "unknown_issuer", reason: "key " + seal.kid + " is not a key of this issuer" });
    result.keySource = key.source;
    const signature = await verifySignature(key, seal);
    if (signature.unsupported)
      return Object.assign(result, { verdict: "unsupported", reason: result.alg + " is not supported by this browser (" + signature.error + ")" });
    if (!signature.ok) return Object.assign(result, { verdict: "not_genuine", reason: "the signature does not match" });
    const issued = seal.claims.issuedDay;
    const from = key.validFrom ? Date.parse(key.validFrom) / 86400000 : null;
    const until = key.validUntil ? Date.parse(key.validUntil) / 86400000 : null;
    if ((from !== null && issued < from) || (until !== null && issued > until))
      return Object.assign(result, { verdict: "not_genuine", reason: "the key was not valid on the issue date" });
    let flagged = null;
    if (seal.claims.statusIndex !== null) {
      const checks = await Promise.all(["revocation", "suspension"].map((p) => statusBit(p, seal.claims.statusIndex)));
      const done = checks.filter((c) => c.checked);
      result.statusProblems = checks.filter((c) => !c.checked && c.reason !== "none").map((c) => c.reason);
      result.statusChecked = done.length > 0 && checks.every((c) => c.checked || c.reason === "none");
      if (done.length) result.statusAsOf = new Date().toISOString();
      if (checks[0].checked && checks[0].set) flagged = "revoked";
      else if (checks[1].checked && checks[1].set) flagged = "suspended";
    }
    if (flagged) return Object.assign(result, { verdict: flagged, reason: "status list" });
    if (seal.claims.expiresDay !== null && seal.claims.expiresDay < todayDay())
      return Object.assign(result, { verdict: "expired", reason: "expired" });
    return Object.assign(result, { verdict: "genuine", reason: "signature valid" });
  }

  // --- display -----------------------------------------------------------------------------
  function row(list, ja, en, value) {
    const dt = document.createElement("dt");
    dt.textContent = ja + " / " + en;
    const dd = document.createElement("dd");
    dd.textContent = value;
    list.append(dt, dd);
  }
  function show(result) {
    const [ja, en, tone] = VERDICTS[result.verdict];
    const box = document.getElementById("verdict");
    box.className = "verdict " + tone;
    document.getElementById("verdict-ja").textContent = ja;
    document.getElementById("verdict-en").textContent = en;
    const details = [];
    if (result.verdict === "unsupported")
      details.push("署名方式 " + result.alg + " に対応したブラウザ（最新の Chrome、Firefox、Safari）で開いてください。 Open this page in a browser that supports " + result.alg + " (a current Chrome, Firefox or Safari).");
    if (result.verdict === "unknown_issuer")
      details.push("この QR コードは " + ISSUER.name.ja + " の鍵で署名されていません。 This QR code was not signed by a key of " + ISSUER.name.en + ".");
    if (result.verdict === "not_genuine")
      details.push("QR コードの内容が改ざんされているか、署名が正しくありません。 The QR code was altered or its signature is wrong.");
    if (["genuine", "expired"].includes(result.verdict) && result.claims.statusIndex !== null) {
      details.push(result.statusChecked
        ? "取消状況: " + result.statusAsOf.slice(0, 10) + " 時点で確認済み。 Status checked as of " + result.statusAsOf.slice(0, 16).replace("T", " ") + " UTC."
        : !Object.keys(ISSUER.statusLists || {}).length
          ? "この発行者は取消リストを公開していないため、取消状況は未確認です。 Revocation status unknown: this issuer publishes no status list."
          : (result.statusProblems || []).some((r) => r !== "offline")
          ? "取消リストを確認できないため、取消状況は未確認です。 Revocation status unknown: " + result.statusProblems.join("; ") + "."
          : "取消状況は確認できませんでした（オフライン）。 Revocation status unknown (offline).");
    }
    if (result.version === 1)
      details.push("旧形式（OB seal v1）の QR コードです。 This QR code is of the first seal format (OB seal v1).");
    if (result.claims && result.claims.iss && !sameOrigin(result.claims.iss) && ownOriginUrl(result.claims.iss) === null)
      details.push("この QR コードは " + result.claims.iss + " 用に作られています。 This QR code was made for " + result.claims.iss + ".");
    document.getElementById("verdict-detail").textContent = details.join(" ");
    if (result.claims && ["genuine", "expired", "revoked", "suspended"].includes(result.verdict)) {
      const c = result.claims, list = document.getElementById("claim-list");
      row(list, "氏名", "Name", c.name);
      if (c.achievement) row(list, "内容", "Achievement", c.achievement);
      if (c.studentNumber) row(list, "学籍番号", "Student number", c.studentNumber);
      if (c.printedDate) row(list, "日付（紙面の記載）", "Date as printed", c.printedDate);
      row(list, "発行日", "Issued", dayToJa(c.issuedDay) + " (" + dayToIso(c.issuedDay) + ")");
      if (c.expiresDay !== null) row(list, "有効期限", "Expires", dayToJa(c.expiresDay) + " (" + dayToIso(c.expiresDay) + ")");
      row(list, "発行者", "Issuer", ISSUER.name.ja + " / " + ISSUER.name.en);
      row(list, "証書 ID", "Credential ID", c.credentialId);
      document.getElementById("claims").hidden = false;
    }
    const out = Object.assign({}, result);
    if (out.claims) out.claims = Object.assign({}, out.claims, { credentialDigest: out.claims.credentialDigest ? hex(out.claims.credentialDigest) : null });
    out.shown = document.getElementById("claim-list").textContent + " " + document.getElementById("verdict-detail").textContent;
    document.documentElement.dataset.verdict = result.verdict;
    document.documentElement.dataset.result = JSON.stringify(out);
  }

  document.getElementById("domain").textContent = location.protocol === "file:" ? "(file)" : location.host;
  check().then(show, (e) => show({ verdict: "not_genuine", reason: String(e), claims: null }));
  window.addEventListener("hashchange", () => location.reload());
})();
