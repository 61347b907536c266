import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { jsonModule, type DataGenerator } from './types.js';

/**
 * libphonenumber-js's `min` metadata, packed like the rest of the data (src/util/packed-json.ts):
 * its JSON module is ~80 KB in a bundle, packed ~25 KB, decoded on the first phone-shaped run. The
 * same metadata, so the same answers; test/lint/phone-metadata.test.ts checks it is the installed
 * package's, so an upgrade of the library cannot run with stale data.
 */
export const phoneGenerator: DataGenerator = {
  name: 'phone',
  generate() {
    const require = createRequire(import.meta.url);
    const metadata = JSON.parse(
      readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'),
    ) as unknown;
    const { version } = JSON.parse(
      readFileSync(require.resolve('libphonenumber-js/package.json'), 'utf8'),
    ) as {
      version: string;
    };
    const content = jsonModule(
      'phoneMetadata',
      'libphonenumber-js/core',
      'MetadataJson',
      metadata,
      `The phone metadata of libphonenumber-js ${version} (metadata.min.json)`,
    );
    return [{ name: 'phone-metadata.ts', content }];
  },
};
