/**
 * Every served market's example number (libphonenumber-js's), in every way people write it, is
 * found when introduced as the customer's and left alone when introduced as the shop's line.
 */
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../../src/lint/index.js';
import { phoneWritings } from '../phone-writings.js';

const linter = createLinter();
const piiFindings = (text: string) => linter.lint(text).findings.filter((f) => f.ruleId === 'no-pii-leak');

describe('no-pii-leak on phone numbers in every written form', () => {
  const rows = phoneWritings();
  it('covers every served region and form in three locales', () => {
    expect(rows.length).toBe(11 * 8 * 3);
  });
  it.each(rows.map((row) => [`${row.locale} ${row.region} ${row.form}: ${row.written}`, row] as const))(
    '%s',
    (_name, row) => {
      const found = piiFindings(row.customer);
      expect(found.length, row.customer).toBe(1);
      // The finding covers the whole number as written (a `+`, brackets and all).
      const [start, end] = found[0]!.range;
      expect(row.customer.slice(start, end)).toBe(row.written);
      expect(piiFindings(row.shop), row.shop).toEqual([]);
    },
  );
});
