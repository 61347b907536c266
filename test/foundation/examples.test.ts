import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The numbered examples import the built package by its name ('huashu'), as a user would.
const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('examples', () => {
  const expected: Record<string, RegExp[]> = {
    '01-analyze.ts': [/intent\s+order\.shipping_delay/, /language zh-Hant/, /intent\s+order\.logistics/],
    '02-lint.ts': [/shipping-wording/, /no-overpromise/, /no-offplatform-contact/],
    '03-reply.ts': [/action\s+soothe\.first/, /action\s+escalate\.experienced_agent/, /lint\s+0 errors/],
  };

  it('every example is listed here', () => {
    expect(
      readdirSync(examples)
        .filter((f) => f.endsWith('.ts'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s runs and prints what it says', (file, patterns) => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', join(examples, file)], {
      encoding: 'utf8',
    });
    for (const pattern of patterns) expect(output).toMatch(pattern);
  });
});
