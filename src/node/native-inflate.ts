import { inflateRawSync } from 'node:zlib';
import { useRawInflater } from '../util/packed-json.js';

/**
 * Unpack the generated data with zlib instead of fflate's JavaScript inflater: in Node,
 * `createAssistant()` then takes ~24 ms less (59.7 → 35.6 ms, median of 15 fresh processes
 * alternating, 2026-12-06). Called by huashu's Node entry, `huashu/node` and the CLI, where Node's
 * zlib is at hand; the core never imports it, so it still runs in browsers. The same bytes either
 * way. A call rather than an import for its effect: the package is `"sideEffects": false`, so a
 * bundler may drop an import that names nothing.
 */
export function installNativeInflate(): void {
  useRawInflater((bytes) => inflateRawSync(bytes));
}
