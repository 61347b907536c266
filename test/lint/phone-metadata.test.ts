import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { phoneMetadata } from '../../src/generated/phone-metadata.js';
import { findPii } from '../../src/lint/pii.js';

describe('the packed phone metadata', () => {
  it("is the installed libphonenumber-js's metadata.min.json, field for field", () => {
    const installed = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as unknown;
    expect(phoneMetadata()).toEqual(installed);
  });

  it.each([
    ['mainland mobile', '电话13812345678'],
    ['Taiwan with the country code', 'call +886 912 345 678'],
    ['North American landline', 'call (212) 555-0147'],
    ['Shenzhen landline', '打0755-8888 6666'],
  ])('reads a %s through it', (_kind, text) => {
    expect(findPii(text).some((hit) => ['mobile', 'landline', 'phone'].includes(hit.kind))).toBe(true);
  });
});
