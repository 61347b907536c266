// fflate's browser build: pure JavaScript, no Node built-ins (its Node build imports `module`).
import { inflateSync, strFromU8 } from 'fflate/browser';
import { decodeBase85 } from './base85.js';

/**
 * Generated data modules hold their larger JSON values packed: UTF-8, raw DEFLATE, base85
 * (./base85.ts; scripts/data/packed-json.ts writes them). Bundlers escape every non-ASCII
 * character of a string literal as `\uXXXX` (6 bytes for each Chinese character), so the phrase
 * lists, templates and rules cost 3–6 times less in a browser bundle packed, and the source text
 * V8 compiles and keeps is one-byte ASCII. fflate inflates synchronously anywhere JavaScript runs;
 * its `strFromU8` uses TextDecoder where there is one and its own UTF-8 decoder where not (a bare
 * JavaScript engine).
 */

/** Inflates raw DEFLATE bytes (`byteLength`, when given, is the inflated size); throws on bad data. */
export type RawInflater = (bytes: Uint8Array, byteLength?: number) => Uint8Array;

const fflateInflater: RawInflater = (bytes, byteLength) =>
  inflateSync(bytes, byteLength === undefined ? undefined : { out: new Uint8Array(byteLength) });

let inflater: RawInflater = fflateInflater;

/**
 * Use a native inflater instead of fflate's JavaScript one: huashu's Node entry installs zlib's
 * (`src/node/main.ts`), which unpacks the data at start about 20 ms sooner. The core itself
 * imports nothing of Node, so it still runs in browsers and workers. The bytes are the same.
 */
export function useRawInflater(inflate: RawInflater): void {
  inflater = inflate;
}

/** Raw DEFLATE bytes inflated by the installed inflater (fflate unless an entry installed another). */
export function inflateRaw(bytes: Uint8Array, byteLength?: number): Uint8Array {
  return inflater(bytes, byteLength);
}

/** The text packed as UTF-8, raw DEFLATE and base85, `byteLength` bytes once inflated. */
export function unpackText(packed: string, byteLength: number): string {
  return strFromU8(inflateRaw(decodeBase85(packed), byteLength));
}

/** The value packed by scripts/data/packed-json.ts (decoded once by each generated module). */
export function unpackJson<T>(packed: string, byteLength: number): T {
  return JSON.parse(unpackText(packed, byteLength)) as T;
}
