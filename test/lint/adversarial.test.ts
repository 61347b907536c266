import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADVERSARIAL_CATEGORIES,
  ADVERSARIAL_LOCALES,
  formatMeasurement,
  loadAdversarialCases,
  measure,
  precision,
  recall,
  type AdversarialCase,
  type LintFn,
} from '../../scripts/lint-adversarial.js';
import type { Finding, LintContext } from '../../src/index.js';

// The set is validated here; accuracy thresholds come with issue 12, after the rules change.
const cases = loadAdversarialCases();
const byId = new Map(cases.map((c) => [c.id, c]));
const inputKey = (c: AdversarialCase) =>
  JSON.stringify([c.text, c.facts ?? null, c.context?.conversation ?? null]);
/** The same key from what measure() passes to the linter. */
const lintKey = (text: string, context: LintContext) =>
  JSON.stringify([text, context.facts ?? null, context.conversation ?? null]);

describe('adversarial lint set: files', () => {
  it('holds at least 400 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
  });

  it.each(ADVERSARIAL_LOCALES)('%s has every category, each with violating and compliant cases', (locale) => {
    const missing: string[] = [];
    for (const category of ADVERSARIAL_CATEGORIES) {
      const inCategory = cases.filter((c) => c.locale === locale && c.category === category);
      if (!inCategory.some((c) => c.expect.length > 0)) missing.push(`${category}: no violating case`);
      if (!inCategory.some((c) => c.expect.length === 0)) missing.push(`${category}: no compliant case`);
    }
    expect(missing).toEqual([]);
  });

  it('twins are in the same locale and category, and exactly one of the two is compliant', () => {
    const bad = cases
      .filter((c) => c.twin !== undefined)
      .filter((c) => {
        const twin = byId.get(c.twin!)!;
        return (
          twin.locale !== c.locale ||
          twin.category !== c.category ||
          (twin.expect.length === 0) === (c.expect.length === 0)
        );
      })
      .map((c) => `${c.id} ↔ ${c.twin}`);
    expect(bad).toEqual([]);
  });

  it('every violating case has a compliant twin pointing to it or from it', () => {
    const twinned = new Set(cases.flatMap((c) => (c.twin === undefined ? [] : [c.id, c.twin])));
    const share = cases.filter((c) => c.expect.length > 0 && twinned.has(c.id)).length;
    const violating = cases.filter((c) => c.expect.length > 0).length;
    expect(share / violating).toBeGreaterThanOrEqual(0.9);
  });

  it('the same input never carries two different expectations', () => {
    const seen = new Map<string, AdversarialCase>();
    const conflicts: string[] = [];
    for (const c of cases) {
      const key = inputKey(c);
      const earlier = seen.get(key);
      if (earlier !== undefined && JSON.stringify(earlier.expect) !== JSON.stringify(c.expect))
        conflicts.push(`${earlier.id} / ${c.id}`);
      seen.set(key, c);
    }
    expect(conflicts).toEqual([]);
  });

  it('expects a rule at most once per case', () => {
    const repeated = cases.filter((c) => new Set(c.expect.map((e) => e.ruleId)).size !== c.expect.length);
    expect(repeated.map((c) => c.id)).toEqual([]);
  });
});

describe('adversarial lint set: loader rejects bad files', () => {
  const good = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ id, text: '您好', expect: [], category: 'pii', note: 'n', ...extra });

  const load = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'adv-'));
    for (const locale of ADVERSARIAL_LOCALES)
      writeFileSync(join(dir, `${locale}.jsonl`), files[locale] ?? '');
    return () => loadAdversarialCases(dir);
  };

  it.each([
    ['not JSON', { en: '{"id": ' }, /en\.jsonl:1: not JSON/],
    ['unknown rule id', { en: good('en-1', { expect: [{ ruleId: 'no-such-rule' }] }) }, /expect\.0\.ruleId/],
    ['unknown category', { en: good('en-1', { category: 'weather' }) }, /category/],
    [
      'bad severity',
      { en: good('en-1', { expect: [{ ruleId: 'no-pii-leak', severity: 'fatal' }] }) },
      /severity/,
    ],
    [
      'facts outside the schema',
      { en: good('en-1', { facts: { order: { shiped: true } } }) },
      /facts\.order/,
    ],
    ['missing twin', { en: good('en-1', { twin: 'en-9' }) }, /twin en-9 does not exist/],
    ['duplicate id', { en: good('x-1'), 'zh-Hant': good('x-1') }, /duplicate id x-1/],
    ['unknown field', { en: good('en-1', { expected: [] }) }, /en\.jsonl:1/],
  ])('%s', (_name, files, message) => {
    expect(load(files)).toThrow(message);
  });

  it('reads a valid file', () => {
    expect(load({ en: `${good('en-1')}\n\n${good('en-2', { twin: 'en-1' })}\n` })()).toHaveLength(2);
  });
});

describe('adversarial lint set: measurement', () => {
  const finding = (ruleId: string, severity: Finding['severity']): Finding => ({
    ruleId,
    messageId: 'm',
    severity,
    message: 'm',
    range: [0, 1],
    actual: 'x',
  });
  const expectedCount = cases.reduce((n, c) => n + c.expect.length, 0);

  it('an oracle that returns exactly the expectations scores 1 everywhere', () => {
    const answers = new Map(cases.map((c) => [inputKey(c), c.expect]));
    const oracle: LintFn = (text, context) => {
      const findings = (answers.get(lintKey(text, context)) ?? []).map((e) =>
        finding(e.ruleId, e.severity ?? 'warn'),
      );
      return { findings, errorCount: 0, warningCount: 0 };
    };
    const m = measure(cases, oracle);
    expect(m.total).toEqual({ tp: expectedCount, fp: 0, fn: 0 });
    expect(m.exact).toBe(cases.length);
    expect(m.compliant.flagged).toBe(0);
  });

  it('a silent linter misses everything; a noisy one flags every compliant case', () => {
    const silent = measure(cases, () => ({ findings: [], errorCount: 0, warningCount: 0 }));
    expect(silent.total).toEqual({ tp: 0, fp: 0, fn: expectedCount });
    expect(recall(silent.total)).toBe(0);
    expect(precision(silent.total)).toBeUndefined();

    const noisy = measure(cases, () => ({
      findings: [finding('no-pii-leak', 'error'), finding('no-pii-leak', 'warn')],
      errorCount: 1,
      warningCount: 1,
    }));
    expect(noisy.compliant.flagged).toBe(noisy.compliant.cases);
    const pii = noisy.byRule.find((r) => r.ruleId === 'no-pii-leak' && r.locale === 'all')!;
    // One FP per case (not per finding) where no-pii-leak was not expected.
    expect(pii.fp).toBe(cases.filter((c) => !c.expect.some((e) => e.ruleId === 'no-pii-leak')).length);
    expect(pii.fn).toBe(0);
  });

  it('a finding with the wrong severity is a miss, not a hit', () => {
    const sample = cases.filter((c) => c.expect.some((e) => e.severity === 'error'));
    const wrong = measure(sample, (text, context) => {
      const c = sample.find((s) => inputKey(s) === lintKey(text, context))!;
      return { findings: c.expect.map((e) => finding(e.ruleId, 'warn')), errorCount: 0, warningCount: 0 };
    });
    expect(wrong.total.fp).toBe(0);
    expect(wrong.total.tp).toBe(
      sample.reduce((n, c) => n + c.expect.filter((e) => e.severity !== 'error').length, 0),
    );
    expect(wrong.outcomes.flatMap((o) => o.missed).every((x) => x.gotSeverity === 'warn')).toBe(true);
  });

  it('runs the real linter over the whole set and the per-locale rows add up to the totals', () => {
    const m = measure(cases);
    expect(m.cases).toBe(cases.length);
    expect(m.total.tp + m.total.fn).toBe(expectedCount);
    for (const rule of new Set(m.byRule.map((r) => r.ruleId))) {
      const rows = m.byRule.filter((r) => r.ruleId === rule);
      const all = rows.find((r) => r.locale === 'all')!;
      const parts = rows.filter((r) => r.locale !== 'all');
      for (const field of ['tp', 'fp', 'fn'] as const)
        expect(parts.reduce((n, r) => n + r[field], 0)).toBe(all[field]);
    }
    const report = formatMeasurement(m);
    expect(report).toContain('Per rule × locale');
    expect(report).toContain('Per category × locale');
  });
});
