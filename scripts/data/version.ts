import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataGenerator } from './types.js';

export const versionGenerator: DataGenerator = {
  name: 'version',
  generate(root) {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    return [
      {
        name: 'version.ts',
        content: `// Generated from package.json — do not edit.\nexport const VERSION = ${JSON.stringify(version)};\n`,
      },
    ];
  },
};
