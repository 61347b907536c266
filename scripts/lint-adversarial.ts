/**
 * Precision and recall of the reply linter on the adversarial set (test/lint/adversarial/*.jsonl):
 * hand-written agent replies with the rules that must fire, and compliant twins that must stay clean.
 *
 *   npx tsx scripts/lint-adversarial.ts            tables + misses + false alarms
 *   npx tsx scripts/lint-adversarial.ts --json     the same as one JSON object
 *   npx tsx scripts/lint-adversarial.ts --locale   also pass each file's locale as context.locale
 *
 * Counting, per case: a TP per expected rule found (a finding with that ruleId, and the expected
 * severity when the case gives one), an FN per expected rule not found (a finding with another
 * severity is an FN too, listed as such), an FP per rule that fired (error or warning) but was not
 * expected. A rule counts once per case, however many findings it has.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { table, type Row } from '../bench/harness.js';
import { createAssistant } from '../src/index.js';
import { safeParse } from '../src/errors.js';
import { factsSchema } from '../src/facts.js';
import { lintRules } from '../src/lint/index.js';
import type { LintContext, LintResult, Severity } from '../src/index.js';

export const ADVERSARIAL_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'test',
  'lint',
  'adversarial',
);

export const ADVERSARIAL_LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type AdversarialLocale = (typeof ADVERSARIAL_LOCALES)[number];

/** Every category must appear in every locale, with violating cases and compliant twins. */
export const ADVERSARIAL_CATEGORIES = [
  'forbidden.scolding',
  'forbidden.rhetorical',
  'forbidden.interrogation',
  'forbidden.discrimination',
  'forbidden.deflection',
  'forbidden.impatience',
  'forbidden.refusal',
  'offplatform',
  'pii',
  'shipping',
  'overpromise',
  'conversation.greet-first',
  'conversation.offer-further-help',
  'conversation.apologize-on-complaint',
] as const;

const knownRuleIds = lintRules.map((rule) => rule.id) as [string, ...string[]];

const expectationSchema = z.strictObject({
  ruleId: z.enum(knownRuleIds),
  severity: z.optional(z.enum(['error', 'warn'])),
});

export const adversarialCaseSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][\w.-]*$/, 'ids are lower-case words joined by - . or _')),
  text: z.string().check(z.minLength(1)),
  facts: z.optional(factsSchema),
  context: z.optional(
    z.strictObject({
      conversation: z.optional(
        z.array(z.strictObject({ role: z.enum(['customer', 'agent', 'system']), text: z.string() })),
      ),
    }),
  ),
  expect: z.array(expectationSchema),
  category: z.enum(ADVERSARIAL_CATEGORIES),
  twin: z.optional(z.string()),
  note: z.string().check(z.minLength(1)),
});

export type AdversarialCase = z.infer<typeof adversarialCaseSchema> & { locale: AdversarialLocale };

/** Reads and validates the three files; throws listing every bad line with its file and line number. */
export function loadAdversarialCases(dir: string = ADVERSARIAL_DIR): AdversarialCase[] {
  const cases: AdversarialCase[] = [];
  const problems: string[] = [];
  for (const locale of ADVERSARIAL_LOCALES) {
    const file = join(dir, `${locale}.jsonl`);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const where = `${file}:${index + 1}`;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          problems.push(`${where}: not JSON (${(error as Error).message})`);
          return;
        }
        const parsed = safeParse(adversarialCaseSchema, value);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            problems.push(`${where}: ${issue.path.join('.') || '(case)'}: ${issue.message}`);
          return;
        }
        cases.push({ ...parsed.data, locale });
      });
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) problems.push(`${c.locale}: duplicate id ${c.id}`);
    ids.add(c.id);
  }
  for (const c of cases)
    if (c.twin !== undefined && !ids.has(c.twin))
      problems.push(`${c.locale}: ${c.id}: twin ${c.twin} does not exist`);
  if (problems.length > 0)
    throw new Error(`adversarial set: ${problems.length} problem(s)\n${problems.join('\n')}`);
  return cases;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseOutcome {
  id: string;
  locale: AdversarialLocale;
  category: string;
  text: string;
  expected: Array<{ ruleId: string; severity?: Severity | undefined }>;
  got: Array<{ ruleId: string; severity: Severity }>;
  /** Expected rules not found (with the severity found when only the severity differs). */
  missed: Array<{ ruleId: string; severity?: Severity | undefined; gotSeverity?: Severity }>;
  /** Rules that fired without being expected. */
  falseAlarms: Array<{ ruleId: string; severity: Severity }>;
}

export interface Measurement {
  cases: number;
  /** Cases whose findings are exactly what they expect. */
  exact: number;
  /** Compliant cases (expect []) and how many of them got any finding. */
  compliant: { cases: number; flagged: number };
  byRule: Array<{ ruleId: string; locale: AdversarialLocale | 'all' } & Counts>;
  byCategory: Array<
    { category: string; locale: AdversarialLocale | 'all'; cases: number; exact: number } & Counts
  >;
  total: Counts;
  outcomes: CaseOutcome[];
}

export type LintFn = (text: string, context: LintContext) => LintResult;

/** The library's default assistant, as an agent console would call it. */
export function defaultLint(): LintFn {
  const assistant = createAssistant();
  return (text, context) => assistant.lint(text, context);
}

/** Lints every case and counts TP / FP / FN per rule × locale and per category × locale. */
export function measure(
  cases: readonly AdversarialCase[],
  lint: LintFn = defaultLint(),
  options: { passLocale?: boolean } = {},
): Measurement {
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const context: LintContext = {};
    if (c.facts !== undefined) context.facts = c.facts;
    if (c.context?.conversation !== undefined) context.conversation = c.context.conversation;
    if (options.passLocale === true) context.locale = c.locale;
    const { findings } = lint(c.text, context);
    const fired = new Map<string, Set<Severity>>();
    for (const f of findings) {
      if (!fired.has(f.ruleId)) fired.set(f.ruleId, new Set());
      fired.get(f.ruleId)!.add(f.severity);
    }
    const expectedIds = new Set(c.expect.map((e) => e.ruleId));
    const missed: CaseOutcome['missed'] = [];
    for (const e of c.expect) {
      const severities = fired.get(e.ruleId);
      if (severities !== undefined && (e.severity === undefined || severities.has(e.severity))) continue;
      const gotSeverity = severities === undefined ? undefined : [...severities][0];
      missed.push({ ...e, ...(gotSeverity === undefined ? {} : { gotSeverity }) });
    }
    const got = [...fired].flatMap(([ruleId, sev]) => [...sev].map((severity) => ({ ruleId, severity })));
    const falseAlarms = [...fired]
      .filter(([ruleId]) => !expectedIds.has(ruleId))
      .map(([ruleId, sev]) => ({
        ruleId,
        severity: sev.has('error') ? ('error' as const) : ('warn' as const),
      }));
    outcomes.push({
      id: c.id,
      locale: c.locale,
      category: c.category,
      text: c.text,
      expected: c.expect,
      got,
      missed,
      falseAlarms,
    });
  }
  return summarise(outcomes);
}

function summarise(outcomes: CaseOutcome[]): Measurement {
  const ruleCounts = new Map<string, Counts>();
  const categoryCounts = new Map<string, Counts & { cases: number; exact: number }>();
  const bump = (key: string, field: keyof Counts) => {
    if (!ruleCounts.has(key)) ruleCounts.set(key, { tp: 0, fp: 0, fn: 0 });
    ruleCounts.get(key)![field]++;
  };
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  let exact = 0;
  let compliantCases = 0;
  let compliantFlagged = 0;
  for (const o of outcomes) {
    const tp = o.expected.length - o.missed.length;
    const isExact = o.missed.length === 0 && o.falseAlarms.length === 0;
    if (isExact) exact++;
    if (o.expected.length === 0) {
      compliantCases++;
      if (o.got.length > 0) compliantFlagged++;
    }
    const missedIds = new Set(o.missed.map((m) => m.ruleId));
    for (const locale of [o.locale, 'all']) {
      for (const e of o.expected) bump(`${e.ruleId}\u0000${locale}`, missedIds.has(e.ruleId) ? 'fn' : 'tp');
      for (const f of o.falseAlarms) bump(`${f.ruleId}\u0000${locale}`, 'fp');
      const key = `${o.category}\u0000${locale}`;
      if (!categoryCounts.has(key)) categoryCounts.set(key, { tp: 0, fp: 0, fn: 0, cases: 0, exact: 0 });
      const cat = categoryCounts.get(key)!;
      cat.tp += tp;
      cat.fn += o.missed.length;
      cat.fp += o.falseAlarms.length;
      cat.cases++;
      if (isExact) cat.exact++;
    }
    total.tp += tp;
    total.fn += o.missed.length;
    total.fp += o.falseAlarms.length;
  }
  const localeOrder = [...ADVERSARIAL_LOCALES, 'all'];
  const byRule = lintRules.flatMap((rule) =>
    localeOrder.flatMap((locale) => {
      const counts = ruleCounts.get(`${rule.id}\u0000${locale}`);
      return counts === undefined
        ? []
        : [{ ruleId: rule.id, locale: locale as AdversarialLocale | 'all', ...counts }];
    }),
  );
  const byCategory = ADVERSARIAL_CATEGORIES.flatMap((category) =>
    localeOrder.flatMap((locale) => {
      const counts = categoryCounts.get(`${category}\u0000${locale}`);
      return counts === undefined
        ? []
        : [{ category, locale: locale as AdversarialLocale | 'all', ...counts }];
    }),
  );
  return {
    cases: outcomes.length,
    exact,
    compliant: { cases: compliantCases, flagged: compliantFlagged },
    byRule,
    byCategory,
    total,
    outcomes,
  };
}

export const precision = (c: Counts): number | undefined =>
  c.tp + c.fp === 0 ? undefined : c.tp / (c.tp + c.fp);
export const recall = (c: Counts): number | undefined =>
  c.tp + c.fn === 0 ? undefined : c.tp / (c.tp + c.fn);
const ratio = (value: number | undefined): string => (value === undefined ? '—' : value.toFixed(2));

/** The human-readable report: per rule × locale, per category, then every miss and false alarm. */
export function formatMeasurement(m: Measurement): string {
  const ruleRows: Row[] = m.byRule.map((r) => ({
    rule: r.ruleId,
    locale: r.locale,
    TP: r.tp,
    FP: r.fp,
    FN: r.fn,
    precision: ratio(precision(r)),
    recall: ratio(recall(r)),
  }));
  const categoryRows: Row[] = m.byCategory.map((r) => ({
    category: r.category,
    locale: r.locale,
    cases: r.cases,
    exact: r.exact,
    TP: r.tp,
    FP: r.fp,
    FN: r.fn,
    precision: ratio(precision(r)),
    recall: ratio(recall(r)),
  }));
  const show = (list: Array<{ ruleId: string; severity?: Severity | undefined }>) =>
    list.length === 0
      ? '[]'
      : list.map((e) => (e.severity ? `${e.ruleId}:${e.severity}` : e.ruleId)).join(', ');
  const misses = m.outcomes
    .filter((o) => o.missed.length > 0)
    .map(
      (o) =>
        `  ${o.id}  ${JSON.stringify(o.text)}\n    expected ${show(o.expected)}; got ${show(o.got)}` +
        o.missed
          .filter((x) => x.gotSeverity !== undefined)
          .map((x) => ` (${x.ruleId} fired as ${x.gotSeverity})`)
          .join(''),
    );
  const alarms = m.outcomes
    .filter((o) => o.falseAlarms.length > 0)
    .map((o) => `  ${o.id}  ${JSON.stringify(o.text)}\n    expected ${show(o.expected)}; got ${show(o.got)}`);
  return [
    `adversarial set: ${m.cases} cases, ${m.exact} exactly right; ` +
      `${m.compliant.flagged} of ${m.compliant.cases} compliant cases flagged; ` +
      `overall TP ${m.total.tp} FP ${m.total.fp} FN ${m.total.fn}, ` +
      `precision ${ratio(precision(m.total))}, recall ${ratio(recall(m.total))}`,
    '',
    'Per rule × locale',
    table(ruleRows),
    '',
    'Per category × locale',
    table(categoryRows),
    '',
    `Misses (${misses.length} cases)`,
    ...misses,
    '',
    `False alarms (${alarms.length} cases)`,
    ...alarms,
  ].join('\n');
}

function main(argv: readonly string[]): void {
  const unknown = argv.filter((a) => a !== '--json' && a !== '--locale');
  if (unknown.length > 0) {
    console.error(
      `unknown argument(s): ${unknown.join(' ')}\nusage: tsx scripts/lint-adversarial.ts [--json] [--locale]`,
    );
    process.exitCode = 2;
    return;
  }
  const m = measure(loadAdversarialCases(), defaultLint(), { passLocale: argv.includes('--locale') });
  if (argv.includes('--json')) {
    const withRatios = <T extends Counts>(r: T) => ({
      ...r,
      precision: precision(r) ?? null,
      recall: recall(r) ?? null,
    });
    console.log(
      JSON.stringify(
        {
          ...m,
          total: withRatios(m.total),
          byRule: m.byRule.map(withRatios),
          byCategory: m.byCategory.map(withRatios),
          outcomes: m.outcomes.filter((o) => o.missed.length > 0 || o.falseAlarms.length > 0),
        },
        null,
        2,
      ),
    );
  } else console.log(formatMeasurement(m));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2));
