import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseOrThrow, safeParse } from '../../src/errors.js';
import { factsSchema, type Facts } from '../../src/facts.js';

// The hand-written conversation set that `huashu qa` is measured against (test/qa/conversations/,
// see its README). These tests check that the files are well formed, that every conversation has an
// expected result for every check, that the set is as large and as varied as the README says, and
// that the expected scores follow from the scorecard. They do not implement the checks: the only
// labels compared with the data are the `n/a` ones that follow from the structure alone (no agent
// turn, no customer turn, no times, no order facts).

const dir = join(import.meta.dirname, 'conversations');

const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const CHECK_IDS = [
  'greeting',
  'first-response',
  'response-time',
  'unanswered',
  'apology-on-complaint',
  'further-help',
  'satisfaction',
  'forbidden-language',
  'shipping-wording',
  'overpromise',
  'pii',
  'off-platform',
] as const;
type CheckId = (typeof CHECK_IDS)[number];
const LINT_CHECKS = ['forbidden-language', 'shipping-wording', 'overpromise', 'pii', 'off-platform'] as const;
const FATAL_CHECKS = ['forbidden-language', 'pii', 'off-platform', 'shipping-wording'];

const MINIMUMS: Record<Locale, { conversations: number; pass: number; fail: number; na: number }> = {
  'zh-Hans': { conversations: 30, pass: 3, fail: 3, na: 1 },
  'zh-Hant': { conversations: 20, pass: 2, fail: 2, na: 1 },
  en: { conversations: 20, pass: 2, fail: 2, na: 1 },
};

/** The role values of the usual exports, after trimming and lower-casing (README: Roles). */
const ROLE_VALUES: Record<string, 'customer' | 'agent' | 'system'> = {
  customer: 'customer',
  顾客: 'customer',
  顧客: 'customer',
  买家: 'customer',
  買家: 'customer',
  客户: 'customer',
  客戶: 'customer',
  用户: 'customer',
  用戶: 'customer',
  buyer: 'customer',
  agent: 'agent',
  客服: 'agent',
  卖家: 'agent',
  賣家: 'agent',
  商家: 'agent',
  seller: 'agent',
  staff: 'agent',
  system: 'system',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const ZONELESS_TIME = /^(\d{4})([-/])(\d{2})\2(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
type TimeKind = 'iso' | 'zoneless' | 'epoch' | 'none';

const lineSchema = z.strictObject({
  conversationId: z.string().check(z.trim(), z.minLength(1)),
  role: z
    .string()
    .check(
      z.refine((role) => role.trim().toLowerCase() in ROLE_VALUES, 'role is not one of the export values'),
    ),
  text: z.string().check(z.trim(), z.minLength(1)),
  time: z.optional(
    z.union([
      z.string().check(z.regex(ISO_TIME)),
      z.string().check(z.regex(ZONELESS_TIME)),
      z.number().check(z.int(), z.gte(1_000_000_000_000), z.lte(9_999_999_999_999)),
    ]),
  ),
  agent: z.optional(z.string().check(z.trim(), z.minLength(1))),
  facts: z.optional(factsSchema),
});

const checkResultSchema = z
  .strictObject({
    result: z.enum(['pass', 'fail', 'n/a']),
    reason: z.optional(z.string().check(z.trim(), z.minLength(8))),
  })
  .check(
    z.refine((entry) => (entry.result === 'pass') === (entry.reason === undefined), {
      message: 'fail and n/a need a one-line reason; pass has none',
    }),
  );
const expectedSchema = z.strictObject({
  description: z.string(),
  scorecard: z.literal('scorecard.example.json'),
  conversations: z.record(
    z.string(),
    z.strictObject({
      locale: z.enum(LOCALES),
      score: z.number().check(z.int(), z.gte(0), z.lte(100)),
      fatal: z.boolean(),
      checks: z.strictObject(
        Object.fromEntries(CHECK_IDS.map((id) => [id, checkResultSchema])) as Record<
          CheckId,
          typeof checkResultSchema
        >,
      ),
    }),
  ),
});
const scorecardEntrySchema = z.strictObject({
  points: z.number().check(z.int(), z.positive()),
  fatal: z.boolean(),
  maxSeconds: z.optional(z.number().check(z.positive())),
});
const scorecardSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
  checks: z.strictObject(
    Object.fromEntries(CHECK_IDS.map((id) => [id, scorecardEntrySchema])) as Record<
      CheckId,
      typeof scorecardEntrySchema
    >,
  ),
});

interface Turn {
  line: number;
  role: 'customer' | 'agent' | 'system';
  exportRole: string;
  text: string;
  agent: string | undefined;
  timeKind: TimeKind;
  /** Milliseconds; zoneless times are read as UTC (only differences and dates are used here). */
  ms: number | undefined;
  /** The time as written. */
  raw: string | number | undefined;
  /** The calendar date the time names (its own offset, or as written). */
  localDate: string | undefined;
  hasFacts: boolean;
}
interface Conversation {
  id: string;
  locale: Locale;
  turns: Turn[];
  facts: Facts | undefined;
}

function readTime(time: string | number | undefined): Pick<Turn, 'timeKind' | 'ms' | 'localDate' | 'raw'> {
  if (time === undefined) return { timeKind: 'none', ms: undefined, localDate: undefined, raw: time };
  if (typeof time === 'number') return { timeKind: 'epoch', ms: time, localDate: undefined, raw: time };
  const zoneless = ZONELESS_TIME.exec(time);
  if (zoneless !== null) {
    const [, y, , mo, d, h, mi, s] = zoneless;
    const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
    return { timeKind: 'zoneless', ms, localDate: `${y}-${mo}-${d}`, raw: time };
  }
  return { timeKind: 'iso', ms: Date.parse(time), localDate: time.slice(0, 10), raw: time };
}

function loadLocale(locale: Locale): { conversations: Map<string, Conversation>; problems: string[] } {
  const problems: string[] = [];
  const conversations = new Map<string, Conversation>();
  const lines = readFileSync(join(dir, `${locale}.jsonl`), 'utf8').split('\n');
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const where = `${locale}.jsonl:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    const parsed = safeParse(lineSchema, value);
    if (!parsed.success) {
      problems.push(
        `${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
      return;
    }
    const row = parsed.data;
    let conversation = conversations.get(row.conversationId);
    if (conversation === undefined) {
      conversation = { id: row.conversationId, locale, turns: [], facts: undefined };
      conversations.set(row.conversationId, conversation);
    }
    if (row.facts !== undefined) {
      if (conversation.turns.length > 0)
        problems.push(`${where}: facts must be on the conversation's first line`);
      conversation.facts = row.facts;
    }
    const role = ROLE_VALUES[row.role.trim().toLowerCase()]!;
    conversation.turns.push({
      line: index + 1,
      role,
      exportRole: row.role,
      text: row.text,
      agent: row.agent,
      ...readTime(row.time),
      hasFacts: row.facts !== undefined,
    });
  });
  return { conversations, problems };
}

const loaded = LOCALES.map((locale) => ({ locale, ...loadLocale(locale) }));
const conversations = loaded.flatMap(({ conversations: byId }) => [...byId.values()]);
const expected = parseOrThrow(
  expectedSchema,
  JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')),
  'INVALID_INPUT',
  'expected.json',
);
const scorecard = parseOrThrow(
  scorecardSchema,
  JSON.parse(readFileSync(join(dir, 'scorecard.example.json'), 'utf8')),
  'INVALID_INPUT',
  'scorecard.example.json',
);
const readme = readFileSync(join(dir, 'README.md'), 'utf8');

/** Turns in time order, ties (and conversations without times) in input order; system lines dropped. */
function ordered(conversation: Conversation): Turn[] {
  const turns = conversation.turns.filter((turn) => turn.role !== 'system');
  if (!hasTimes(conversation)) return turns;
  return [...turns].sort((a, b) => a.ms! - b.ms! || a.line - b.line);
}
function hasTimes(conversation: Conversation): boolean {
  return conversation.turns.every((turn) => turn.role === 'system' || turn.ms !== undefined);
}
const resultOf = (id: string, check: CheckId) => expected.conversations[id]!.checks[check].result;

describe('QA conversation set: files', () => {
  it('every line of the three exports is a valid turn', () => {
    expect(loaded.flatMap(({ problems }) => problems)).toEqual([]);
  });

  it('each conversation is in one file only, and expected.json lists exactly these conversations', () => {
    const seen = new Map<string, Locale>();
    const twice: string[] = [];
    for (const { locale, conversations: byId } of loaded)
      for (const id of byId.keys()) {
        if (seen.has(id)) twice.push(id);
        seen.set(id, locale);
      }
    expect(twice).toEqual([]);
    expect([...seen.keys()].sort()).toEqual(Object.keys(expected.conversations).sort());
    const wrongLocale = [...seen].filter(([id, locale]) => expected.conversations[id]!.locale !== locale);
    expect(wrongLocale).toEqual([]);
  });

  it('a conversation writes its times in one format, or none at all', () => {
    const mixed = conversations
      .filter((c) => new Set(c.turns.map((turn) => turn.timeKind)).size > 1)
      .map((c) => c.id);
    expect(mixed).toEqual([]);
  });

  it('the scorecard gives every check points summing to 100 and marks the documents fatal items', () => {
    const entries = Object.entries(scorecard.checks);
    expect(entries.map(([id]) => id)).toEqual([...CHECK_IDS]);
    expect(entries.reduce((sum, [, entry]) => sum + entry.points, 0)).toBe(100);
    expect(
      entries
        .filter(([, entry]) => entry.fatal)
        .map(([id]) => id)
        .sort(),
    ).toEqual([...FATAL_CHECKS].sort());
    expect(scorecard.checks['first-response'].maxSeconds).toBe(30);
    expect(scorecard.checks['response-time'].maxSeconds).toBe(60);
  });
});

describe('QA conversation set: expected results', () => {
  it('every expected score and fatal flag follows from the scorecard', () => {
    const wrong: string[] = [];
    for (const [id, entry] of Object.entries(expected.conversations)) {
      const failed = CHECK_IDS.filter((check) => entry.checks[check].result === 'fail');
      const fatal = failed.some((check) => scorecard.checks[check].fatal);
      const score = fatal ? 0 : 100 - failed.reduce((sum, check) => sum + scorecard.checks[check].points, 0);
      if (entry.fatal !== fatal || entry.score !== score)
        wrong.push(`${id}: expected score ${score} fatal ${fatal}, file has ${entry.score} ${entry.fatal}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('%s meets the minimum size and has passes, failures and n/a for every check', (locale) => {
    const minimum = MINIMUMS[locale];
    const inLocale = Object.values(expected.conversations).filter((entry) => entry.locale === locale);
    expect(inLocale.length).toBeGreaterThanOrEqual(minimum.conversations);
    const short: string[] = [];
    for (const check of CHECK_IDS) {
      const count = (result: string) =>
        inLocale.filter((entry) => entry.checks[check].result === result).length;
      if (count('pass') < minimum.pass) short.push(`${check}: ${count('pass')} pass`);
      if (count('fail') < minimum.fail) short.push(`${check}: ${count('fail')} fail`);
      if (count('n/a') < minimum.na) short.push(`${check}: ${count('n/a')} n/a`);
    }
    expect(short).toEqual([]);
  });

  it('holds at least 72 conversations', () => {
    expect(Object.keys(expected.conversations).length).toBeGreaterThanOrEqual(72);
  });

  it('the README counts are the counts of expected.json', () => {
    const rows = CHECK_IDS.map((check) => {
      const cells = [...LOCALES, undefined].map((locale) => {
        const results = Object.values(expected.conversations)
          .filter((entry) => locale === undefined || entry.locale === locale)
          .map((entry) => entry.checks[check].result);
        return (['pass', 'fail', 'n/a'] as const)
          .map((r) => results.filter((x) => x === r).length)
          .join(' / ');
      });
      return `| \`${check}\` | ${cells.join(' | ')} |`;
    });
    for (const row of rows) expect(readme).toContain(row);
    for (const locale of LOCALES) {
      const inLocale = conversations.filter((c) => c.locale === locale);
      const lines = inLocale.reduce((sum, c) => sum + c.turns.length, 0);
      const entries = inLocale.map((c) => expected.conversations[c.id]!);
      const fatal = entries.filter((entry) => entry.fatal).length;
      const full = entries.filter((entry) => entry.score === 100).length;
      const partial = entries.filter((entry) => entry.score > 0 && entry.score < 100).length;
      expect(readme).toContain(
        `| ${locale} | ${inLocale.length} | ${lines} | ${fatal} | ${full} | ${partial} |`,
      );
    }
  });
});

describe('QA conversation set: n/a labels agree with the structure of each conversation', () => {
  // Only what needs no judgement: who speaks, whether there are times and order facts.
  const rows = conversations.map((c) => {
    const turns = ordered(c);
    const customers = turns.filter((turn) => turn.role === 'customer').length;
    const agents = turns.filter((turn) => turn.role === 'agent').length;
    const firstCustomer = turns.findIndex((turn) => turn.role === 'customer');
    const answered = turns.some(
      (turn, i) => turn.role === 'agent' && turns.slice(0, i).some((t) => t.role === 'customer'),
    );
    const firstReply = turns.findIndex(
      (turn, i) => turn.role === 'agent' && firstCustomer >= 0 && i > firstCustomer,
    );
    const customerAfterFirstReply =
      firstReply >= 0 && turns.slice(firstReply).some((t) => t.role === 'customer');
    return { c, customers, agents, answered, customerAfterFirstReply, timed: hasTimes(c) };
  });

  it('greeting is n/a exactly when the agent never speaks', () => {
    const wrong = rows.filter(({ c, agents }) => (resultOf(c.id, 'greeting') === 'n/a') !== (agents === 0));
    expect(wrong.map(({ c }) => c.id)).toEqual([]);
  });

  it('first-response is n/a exactly when there is no customer turn or no times', () => {
    const wrong = rows.filter(
      ({ c, customers, timed }) =>
        (resultOf(c.id, 'first-response') === 'n/a') !== (customers === 0 || !timed),
    );
    expect(wrong.map(({ c }) => c.id)).toEqual([]);
  });

  it('response-time is n/a exactly when there are no times or no customer turn is answered', () => {
    const wrong = rows.filter(
      ({ c, answered, timed }) => (resultOf(c.id, 'response-time') === 'n/a') !== (!timed || !answered),
    );
    expect(wrong.map(({ c }) => c.id)).toEqual([]);
  });

  it('unanswered is n/a exactly when there is no customer turn, and fails when the agent never speaks', () => {
    const wrong = rows.filter(
      ({ c, customers, agents }) =>
        (resultOf(c.id, 'unanswered') === 'n/a') !== (customers === 0) ||
        (customers > 0 && agents === 0 && resultOf(c.id, 'unanswered') !== 'fail'),
    );
    expect(wrong.map(({ c }) => c.id)).toEqual([]);
  });

  it('further-help is n/a only without an agent turn, without a customer turn, or when abandoned', () => {
    const wrong = rows.filter(
      ({ c, customers, agents, customerAfterFirstReply }) =>
        resultOf(c.id, 'further-help') === 'n/a' && agents > 0 && customers > 0 && customerAfterFirstReply,
    );
    const mustBeNa = rows.filter(
      ({ c, customers, agents }) =>
        (agents === 0 || customers === 0) && resultOf(c.id, 'further-help') !== 'n/a',
    );
    expect([...wrong, ...mustBeNa].map(({ c }) => c.id)).toEqual([]);
  });

  it('the lint checks are n/a exactly when the agent never speaks (shipping-wording also without order.shipped)', () => {
    const wrong: string[] = [];
    for (const { c, agents } of rows)
      for (const check of LINT_CHECKS) {
        const noFacts = typeof c.facts?.order?.shipped !== 'boolean';
        const na = agents === 0 || (check === 'shipping-wording' && noFacts);
        if ((resultOf(c.id, check) === 'n/a') !== na) wrong.push(`${c.id} ${check}`);
      }
    expect(wrong).toEqual([]);
  });

  it('apology-on-complaint fails only with a customer turn, satisfaction is decided only with an agent turn', () => {
    const wrong = rows.filter(
      ({ c, customers, agents }) =>
        (resultOf(c.id, 'apology-on-complaint') === 'fail' && customers === 0) ||
        (resultOf(c.id, 'satisfaction') !== 'n/a' && agents === 0),
    );
    expect(wrong.map(({ c }) => c.id)).toEqual([]);
  });
});

describe('QA conversation set: the export situations the README promises', () => {
  const byLocale = (locale: Locale) => conversations.filter((c) => c.locale === locale);

  it('interleaves conversations in every file, as helpdesks export them', () => {
    for (const { locale, conversations: byId } of loaded) {
      const interleaved = [...byId.values()].filter((c) => {
        const lines = c.turns.map((turn) => turn.line);
        return Math.max(...lines) - Math.min(...lines) + 1 > lines.length;
      });
      expect(interleaved.length, locale).toBeGreaterThanOrEqual(5);
    }
  });

  it('has exactly one conversation whose lines are out of time order, in zh-Hans', () => {
    const outOfOrder = conversations.filter((c) =>
      c.turns.some((turn, i) => i > 0 && turn.ms !== undefined && turn.ms < c.turns[i - 1]!.ms!),
    );
    expect(outOfOrder.map((c) => c.locale)).toEqual(['zh-Hans']);
  });

  it('has turns sharing one timestamp, kept in input order', () => {
    const tied = conversations.filter((c) =>
      ordered(c).some((turn, i, turns) => i > 0 && turn.ms !== undefined && turn.ms === turns[i - 1]!.ms),
    );
    expect(tied.length).toBeGreaterThanOrEqual(1);
  });

  it('writes times as ISO 8601 with an offset, as zone-less export times, as epoch ms, and leaves them out', () => {
    const kinds = new Set(conversations.flatMap((c) => c.turns.map((turn) => turn.timeKind)));
    expect([...kinds].sort()).toEqual(['epoch', 'iso', 'none', 'zoneless']);
    const written = conversations.flatMap((c) => c.turns.map((turn) => turn.raw));
    expect(written.some((time) => typeof time === 'string' && /^\d{4}\/\d{2}\/\d{2} /.test(time))).toBe(true);
    expect(written.some((time) => typeof time === 'string' && /^\d{4}-\d{2}-\d{2} /.test(time))).toBe(true);
    expect(written.some((time) => typeof time === 'string' && time.endsWith('Z'))).toBe(true);
    expect(written.some((time) => typeof time === 'number' && time % 1000 !== 0)).toBe(true);
  });

  it('has a conversation crossing midnight and one spanning two days with an overnight wait', () => {
    const dated = conversations.filter(
      (c) => hasTimes(c) && c.turns.every((turn) => turn.role === 'system' || turn.localDate !== undefined),
    );
    const crossings = dated.filter((c) => new Set(ordered(c).map((turn) => turn.localDate)).size > 1);
    const gaps = (c: Conversation) =>
      ordered(c).map((turn, i, turns) => (i === 0 ? 0 : turn.ms! - turns[i - 1]!.ms!));
    const midnight = crossings.filter((c) => Math.max(...gaps(c)) < 10 * 60_000);
    const overnight = crossings.filter((c) => Math.max(...gaps(c)) >= 8 * 3_600_000);
    expect(midnight.length).toBeGreaterThanOrEqual(1);
    expect(overnight.length).toBeGreaterThanOrEqual(1);
  });

  it.each(LOCALES)(
    '%s has a long conversation, a customer-only one, an agent-only one and one handled by two agents',
    (locale) => {
      const inLocale = byLocale(locale);
      const sizes = inLocale.map((c) => ordered(c).length);
      expect(sizes.some((n) => n >= 15 && n <= 30)).toBe(true);
      expect(inLocale.some((c) => ordered(c).every((turn) => turn.role === 'customer'))).toBe(true);
      expect(inLocale.some((c) => ordered(c).every((turn) => turn.role === 'agent'))).toBe(true);
      expect(inLocale.some((c) => new Set(c.turns.flatMap((turn) => turn.agent ?? [])).size >= 2)).toBe(true);
    },
  );

  it('uses the export role values besides customer/agent, and system lines', () => {
    const values = new Set(conversations.flatMap((c) => c.turns.map((turn) => turn.exportRole)));
    const others = [...values].filter((value) => !['customer', 'agent', 'system'].includes(value));
    expect(others.length).toBeGreaterThanOrEqual(8);
    expect(values.has('system')).toBe(true);
    for (const value of values) expect(ROLE_VALUES[value.trim().toLowerCase()], value).toBeDefined();
  });

  it('names several agents in every file', () => {
    for (const locale of LOCALES) {
      const agents = new Set(byLocale(locale).flatMap((c) => c.turns.flatMap((turn) => turn.agent ?? [])));
      expect(agents.size, locale).toBeGreaterThanOrEqual(3);
    }
  });
});
