import { deflateBest } from './deflate.js';
import { encodeBase85 } from '../../src/util/base85.js';

/** The import a generated module needs for `jsonExpression`'s packed form. */
export const UNPACK_IMPORT = "import { unpackJson } from '../util/packed-json.js';\n";

/**
 * Packing pays when it makes the literal this much smaller than the JSON literal a bundler would
 * write (non-ASCII escaped as `\uXXXX`): below it (already-compact base64 tables) it would only
 * add an inflate at first use.
 */
const PACK_BELOW = 0.75;

/** The JSON literal's size in an ASCII bundle (esbuild's default `charset`). */
function bundledLength(literal: string): number {
  let length = literal.length;
  for (let i = 0; i < literal.length; i++) if (literal.charCodeAt(i) > 0x7e) length += 5;
  return length;
}

/**
 * A TypeScript expression that yields `value` at run time: `unpackJson("…", n)` (UTF-8, raw
 * DEFLATE (zopfli), base85; see src/util/packed-json.ts) when that is smaller, else
 * `JSON.parse("…")`. `packed` says which, so the module imports `unpackJson` only when used.
 */
export function jsonExpression(value: unknown): { expression: string; packed: boolean } {
  const json = JSON.stringify(value);
  const literal = JSON.stringify(json);
  const utf8 = Buffer.from(json, 'utf8');
  const packed = encodeBase85(deflateBest(utf8));
  if (packed.length + 2 < bundledLength(literal) * PACK_BELOW)
    return { expression: `unpackJson(${JSON.stringify(packed)}, ${utf8.length})`, packed: true };
  return { expression: `JSON.parse(${literal})`, packed: false };
}
