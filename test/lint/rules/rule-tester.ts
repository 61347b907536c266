/**
 * The one RuleTester of the lint rules (eslint's shape): `valid` replies get no finding from the
 * rule, `invalid` replies get exactly the listed findings, in order, and `output` is the reply
 * with every fix applied. Each case runs through a linter with only the rule under test enabled,
 * at its default severity.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/lint/fixes.js';
import { createLinter } from '../../../src/lint/linter.js';
import type { SuggestionResolver } from '../../../src/lint/suggestions.js';
import { lintRules } from '../../../src/lint/rule-list.js';
import type { Finding, SeveritySetting } from '../../../src/lint/types.js';
import { contextOf, type RuleCases, type ValidCase } from '../cases/types.js';

export type { ExpectedFinding, InvalidCase, RuleCases, ValidCase } from '../cases/types.js';

/** Suggestions resolve to `<template id>@<locale>`, so a test can tell which template and locale were asked for. */
export const testResolver: SuggestionResolver = (templateId, locale) => `${templateId}@${locale}`;

function label(test: ValidCase | string): string {
  const text = typeof test === 'string' ? test : (test.name ?? test.text);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function checkShape(finding: Finding, reply: string): void {
  const [start, end] = finding.range;
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThanOrEqual(start);
  expect(end).toBeLessThanOrEqual(reply.length);
  const text = reply.slice(start, end);
  if (finding.redacted === true) {
    // Personal data: the finding shows only its masked form, wherever it shows text.
    expect(finding.actual).not.toBe(text);
    const shown = [
      finding.actual,
      finding.message,
      finding.expected ?? '',
      finding.fix?.text ?? '',
      ...Object.values(finding.data ?? {}),
      ...(finding.suggestions ?? []).map((s) => s.text),
    ];
    for (const value of shown) expect(value).not.toContain(text);
  } else expect(finding.actual).toBe(text);
  expect(finding.message).not.toMatch(/\{\{/);
  if (finding.fix !== undefined) {
    expect(finding.fix.range[0]).toBeGreaterThanOrEqual(0);
    expect(finding.fix.range[1]).toBeLessThanOrEqual(reply.length);
  }
}

export function ruleTester(
  ruleId: string,
  cases: RuleCases,
): void {
  // The rule under test runs at its default severity; every other rule is off.
  const rules: Record<string, SeveritySetting> = Object.fromEntries(
    lintRules.map((rule) => [rule.id, rule.id === ruleId ? rule.defaultSeverity : 'off']),
  );
  if (!(ruleId in rules)) throw new Error(`unknown rule ${ruleId}`);
  const linter = createLinter({ rules }, { suggest: testResolver });

  describe(ruleId, () => {
    describe('valid', () => {
      it.each(cases.valid.map((test) => [label(test), test] as const))('%s', (_, test) => {
        const valid = typeof test === 'string' ? { text: test } : test;
        const result = linter.lint(valid.text, contextOf(valid));
        expect(result.findings.map((f) => `${f.messageId}: ${f.actual}`)).toEqual([]);
      });
    });

    describe('invalid', () => {
      it.each(cases.invalid.map((test) => [label(test), test] as const))('%s', (_, test) => {
        const result = linter.lint(test.text, contextOf(test));
        const summary = result.findings.map((f) => `${f.messageId}: ${f.actual}`);
        expect(summary, 'findings').toHaveLength(test.errors.length);
        test.errors.forEach((expected, index) => {
          const finding = result.findings[index]!;
          checkShape(finding, test.text);
          expect(finding.ruleId).toBe(ruleId);
          expect(finding.messageId, summary.join(' | ')).toBe(expected.messageId);
          expect(finding.severity).toBe(expected.severity ?? 'error');
          if (expected.actual !== undefined) expect(finding.actual).toBe(expected.actual);
          if (expected.text !== undefined)
            expect(test.text.slice(finding.range[0], finding.range[1])).toBe(expected.text);
          if (expected.data !== undefined) expect(finding.data).toMatchObject(expected.data);
          if (expected.message !== undefined) expect(finding.message).toContain(expected.message);
          if (expected.suggestion !== undefined) expect(finding.suggestions?.[0]?.text).toBe(expected.suggestion);
        });
        expect(result.errorCount).toBe(result.findings.filter((f) => f.severity === 'error').length);
        expect(result.warningCount).toBe(result.findings.length - result.errorCount);
        const hasFix = result.findings.some((f) => f.fix !== undefined);
        if (test.output === undefined) expect(hasFix, 'a fix was reported: give `output`').toBe(false);
        else expect(applyFixes(test.text, result.findings).text).toBe(test.output);
      });
    });
  });
}
