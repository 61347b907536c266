/**
 * GitHub's limits: code scanning rejects a SARIF run of more than 25,000 results, and the Actions
 * UI drops annotations past 10 errors and 10 warnings per step. The formatters cap their output at
 * those limits and say so in it; nothing is lost silently.
 */
import { describe, expect, it } from 'vitest';
import { createGithubFormatter, GITHUB_MAX_ANNOTATIONS } from '../../../src/cli/formatters/github.js';
import { createSarifFormatter, SARIF_MAX_RESULTS, sarif } from '../../../src/cli/formatters/sarif.js';
import type { LintedReply } from '../../../src/cli/formatters/types.js';
import { createHuashuLinter } from '../../../src/cli/lint/huashu-linter.js';
import { ruleDocsUrl } from '../../../src/lint/docs.js';
import { finding, linted } from './fixtures.js';
import { sarifProblems } from './sarif-shape.js';

const reply = '您的订单已发货，保证明天到';
function replies(count: number, severity: 'error' | 'warn' = 'error'): LintedReply[] {
  return Array.from({ length: count }, (_, i) =>
    linted(reply, [finding(reply, '已发货', { severity })], {
      source: 'a.jsonl',
      origin: { line: i + 1, column: 1 },
    }),
  );
}

function run(formatter: ReturnType<typeof createSarifFormatter>, entries: LintedReply[]): string {
  return formatter.begin() + entries.map((entry) => formatter.reply(entry)).join('') + formatter.end();
}

describe('sarif: the results cap', () => {
  it('is GitHub code scanning’s limit per run by default', () => {
    expect(SARIF_MAX_RESULTS).toBe(25_000);
  });

  it.each([
    [3, 5, 3, 2],
    [5, 5, 5, 0],
    [1, 4, 1, 3],
  ])('maxResults %i over %i findings: %i written, %i reported as omitted', (max, count, kept, omitted) => {
    const log = JSON.parse(run(createSarifFormatter({ maxResults: max }), replies(count)));
    expect(sarifProblems(log)).toEqual([]);
    const theRun = log.runs[0];
    expect(theRun.results).toHaveLength(kept);
    // The kept results are the first ones, in input order.
    expect(
      theRun.results.map(
        (r: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) =>
          r.locations[0]!.physicalLocation.region.startLine,
      ),
    ).toEqual(Array.from({ length: kept }, (_, i) => i + 1));
    if (omitted === 0) {
      expect(theRun).not.toHaveProperty('invocations');
      expect(theRun.properties?.truncated).toBeUndefined();
    } else {
      expect(theRun.properties.truncated).toEqual({ limit: max, written: kept, omitted });
      const [notification] = theRun.invocations[0].toolExecutionNotifications;
      expect(notification.level).toBe('warning');
      expect(notification.message.text).toContain(`${omitted} more result(s) not written`);
    }
  });

  it('keeps the summary beside the truncation note', () => {
    const formatter = createSarifFormatter({ maxResults: 1, summary: true });
    const text =
      formatter.begin() +
      replies(2)
        .map((e) => formatter.reply(e))
        .join('') +
      formatter.end({ replies: 2 } as never);
    const properties = JSON.parse(text).runs[0].properties;
    expect(Object.keys(properties).sort()).toEqual(['summary', 'truncated']);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects maxResults %s', (value) => {
    expect(() => createSarifFormatter({ maxResults: value })).toThrow(/positive integer/);
  });
});

describe('sarif: rule help from the rule documentation', () => {
  const { rules } = createHuashuLinter({}, {});
  const log = JSON.parse(sarif([], { rules }));
  const described = log.runs[0].tool.driver.rules as Array<{
    id: string;
    helpUri?: string;
    fullDescription?: { text: string };
    help?: { text: string; markdown: string };
  }>;

  it('every built-in rule has fullDescription, help (text and markdown) and an absolute helpUri to its page', () => {
    expect(sarifProblems(log)).toEqual([]);
    expect(described.length).toBeGreaterThanOrEqual(8);
    for (const rule of described) {
      expect(rule.helpUri, rule.id).toBe(ruleDocsUrl(rule.id));
      expect(rule.helpUri).toMatch(new RegExp(`^https://[^ ]+/rules/${rule.id}\\.html$`));
      expect(rule.fullDescription?.text.length, rule.id).toBeGreaterThan(40);
      expect(rule.help?.markdown, rule.id).toContain('**Why.**');
      expect(rule.help?.markdown).toContain(`(${ruleDocsUrl(rule.id)})`);
      // Plain text: no code spans or markdown escapes left.
      expect(rule.help?.text, rule.id).not.toMatch(/`|\\\*/);
      expect(rule.help?.text).toContain('Autofix.');
    }
  });
});

describe('github: the annotation cap', () => {
  it('is 10 errors and 10 warnings per step by default', () => {
    expect(GITHUB_MAX_ANNOTATIONS).toEqual({ error: 10, warning: 10 });
  });

  it.each([
    [{ error: 2, warning: 1 }, 4, 3],
    [{ error: 0, warning: 0 }, 1, 2],
    [{ error: 5, warning: 5 }, 3, 3],
  ])(
    'caps annotations per type at %o and prints the rest as log lines with a notice',
    (max, errors, warnings) => {
      const formatter = createGithubFormatter({ maxAnnotations: max });
      const entries = [...replies(errors, 'error'), ...replies(warnings, 'warn')];
      const lines = (formatter.begin() + entries.map((e) => formatter.reply(e)).join('') + formatter.end())
        .split('\n')
        .filter(Boolean);
      const annotated = {
        error: lines.filter((l) => l.startsWith('::error ')).length,
        warning: lines.filter((l) => l.startsWith('::warning ')).length,
      };
      expect(annotated).toEqual({
        error: Math.min(errors, max.error),
        warning: Math.min(warnings, max.warning),
      });
      const rest = errors + warnings - annotated.error - annotated.warning;
      const plainLines = lines.filter((l) => l.startsWith('a.jsonl:'));
      expect(plainLines).toHaveLength(rest);
      const notices = lines.filter((l) => l.startsWith('::notice '));
      if (rest === 0) expect(notices).toEqual([]);
      else {
        expect(notices).toHaveLength(1);
        expect(notices[0]).toContain(`${rest} more finding(s)`);
        expect(notices[0]).toContain(
          `at most ${max.error} error and ${max.warning} warning annotations per step`,
        );
      }
    },
  );

  it('a plain line keeps the place, severity, message and rule', () => {
    const formatter = createGithubFormatter({ maxAnnotations: { error: 0, warning: 0 } });
    expect(formatter.reply(replies(1)[0]!)).toBe(
      'a.jsonl:1:5  error  Do not say “已发货” before the carrier scan  shipping-wording\n',
    );
  });

  it('rejects a negative limit', () => {
    expect(() => createGithubFormatter({ maxAnnotations: { error: -1, warning: 1 } })).toThrow(
      /non-negative/,
    );
  });
});
