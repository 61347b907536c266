/**
 * `huashu` as Node loads it (package.json `exports["."].node`): the same exports as src/index.ts,
 * with the generated data unpacked by Node's zlib (src/node/native-inflate.ts). Browsers, workers
 * and bundlers for them load src/index.ts, which imports nothing of Node.
 */
import { installNativeInflate } from './native-inflate.js';

installNativeInflate();

export * from '../index.js';
