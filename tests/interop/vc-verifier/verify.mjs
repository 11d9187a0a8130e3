#!/usr/bin/env node
// Independent verifier for W3C Verifiable Credentials / Open Badges 3.0.
//
//   node verify.mjs FILE.json [FILE.json ...] [--did-key-only] [--json]
//                   [--keys KEYS.json] [--now ISO-DATETIME]
//   node verify.mjs --selftest
//   node verify.mjs --list-contexts
//
// FILE holds a JSON VC secured with a DataIntegrityProof (eddsa-rdfc-2022 or
// ecdsa-rdfc-2019), or a compact VC-JWT / VC-JOSE JWS string.
// Prints "VERIFIED <type> <issuer id>" and exits 0, or "FAILED: <reason>"
// and exits 1. Bad command-line usage exits 2. With several FILEs, each line
// is prefixed "FILE: " and the exit code is 0 only if all verified.

import fs from 'node:fs';
import {parseArgs} from 'node:util';

const USAGE = 'usage: node verify.mjs FILE.json [FILE.json ...] ' +
  '[--did-key-only] [--json] [--keys KEYS.json] [--now ISO-DATETIME]\n' +
  '       [--did did.json ...] [--status-dir DIR]\n' +
  '       node verify.mjs --selftest [--verbose]\n' +
  '       node verify.mjs --list-contexts';

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        'did-key-only': {type: 'boolean'},
        json: {type: 'boolean'},
        keys: {type: 'string'},
        did: {type: 'string', multiple: true},
        'status-dir': {type: 'string'},
        now: {type: 'string'},
        selftest: {type: 'boolean'},
        verbose: {type: 'boolean'},
        'list-contexts': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'}
      }
    });
  } catch(e) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  const {values: opts, positionals} = args;
  if(opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if(opts.selftest) {
    const {selftest} = await import('./lib/selftest.mjs');
    return selftest({verbose: !!opts.verbose});
  }
  if(opts['list-contexts']) {
    const {CONTEXT_SOURCES} = await import('./lib/common.mjs');
    for(const [url, src] of CONTEXT_SOURCES) {
      process.stdout.write(`${url}\t${src}\n`);
    }
    return 0;
  }
  if(positionals.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }

  const {verifyText} = await import('./lib/verifier.mjs');
  let keys;
  let keysError;
  if(opts.keys !== undefined) {
    try {
      const {loadKeysFile} = await import('./lib/common.mjs');
      keys = loadKeysFile(opts.keys);
    } catch(e) {
      keysError = e.message;
    }
  }
  if(opts.did !== undefined && !keysError) {
    try {
      const {keysFromDidDocument} = await import('./lib/status.mjs');
      keys ??= new Map();
      for(const file of opts.did) {
        keysFromDidDocument(file, keys);
      }
    } catch(e) {
      keysError = e.message;
    }
  }
  // Several files may be given (saves the ~0.5 s start-up per file); each
  // then gets its own line, prefixed with "FILE: ".
  const multi = positionals.length > 1;
  let allVerified = true;
  for(const file of positionals) {
    let result;
    if(keysError) {
      result = {verified: false, error: keysError, warnings: []};
    } else {
      let text;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch(e) {
        result = {verified: false, error: `cannot read "${file}": ` +
          e.message, warnings: []};
      }
      result ??= await verifyText(text, {
        keys, didKeyOnly: !!opts['did-key-only'], now: opts.now,
        statusDir: opts['status-dir']
      });
    }
    allVerified &&= result.verified;
    const prefix = multi ? `${file}: ` : '';
    if(opts.json) {
      process.stdout.write(JSON.stringify(
        multi ? {file, ...result} : result) + '\n');
    } else {
      for(const w of result.warnings ?? []) {
        process.stderr.write(`${prefix}warning: ${w}\n`);
      }
      process.stdout.write(prefix + (result.verified ?
        `VERIFIED ${result.type} ${result.issuer}\n` :
        `FAILED: ${String(result.error).replace(/\s*\n\s*/g, ' ')}\n`));
    }
  }
  return allVerified ? 0 : 1;
}

process.exitCode = await main();
