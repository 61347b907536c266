import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import { readTurnRecord, readTurnRecordWithZod } from '../../src/qa/turn-record.js';

// readTurnRecord checks the usual record by hand and sends the rest to zod (turnRecordSchema, the
// schema of record). Both must accept and refuse the same records, read them the same, and word
// the same problems.

type Outcome = { ok: true; turn: unknown } | { ok: false; code: string; message: string; issues: unknown };

function outcome(read: typeof readTurnRecord, value: unknown, offset: number): Outcome {
  try {
    return { ok: true, turn: read(value, offset, 'line 7') };
  } catch (error) {
    if (!(error instanceof HuashuError)) throw error;
    return { ok: false, code: error.code, message: error.message, issues: error.issues };
  }
}

function agree(value: unknown, offset = 0): void {
  expect(outcome(readTurnRecord, value, offset)).toEqual(outcome(readTurnRecordWithZod, value, offset));
}

/** Values of every JSON type and a few that JSON cannot write, biased toward what a field takes. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    '',
    ' ',
    'customer',
    ' Agent ',
    '顾客',
    '客服',
    'system',
    'bot',
    '2024-05-20 14:03:22',
    '1716213802',
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1716213802000),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);
const facts = fc.oneof(
  fc.constant({ order: { shipped: true } }),
  fc.constant({ order: { shipped: 'yes' } }),
  fc.constant({ channel: 'chat', extra: 1 }),
  fc.constant({}),
  anyValue,
);

/** A record: each field absent, or any value, or a good one; sometimes extra fields. */
const record = fc.record(
  {
    conversationId: fc.oneof(anyValue, fc.constantFrom('c1', 42, '  ')),
    role: fc.oneof(anyValue, fc.constantFrom('customer', 'agent', '买家', 'Seller', 'SYSTEM')),
    text: fc.oneof(anyValue, fc.constantFrom('好的', '')),
    time: fc.oneof(anyValue, fc.constantFrom('2024-05-20T14:03:22+08:00', '2024-02-31 10:00:00', 1716213802)),
    agent: fc.oneof(anyValue, fc.constantFrom('小美', 7)),
    facts,
    shop: anyValue,
  },
  { requiredKeys: [] },
);

describe('readTurnRecord (hand check, zod for the rest) and zod alone agree', () => {
  it('on generated records (property)', () => {
    fc.assert(
      fc.property(record, fc.constantFrom(0, 480, -300), (value, offset) => agree(value, offset)),
      { numRuns: 3000 },
    );
  });

  it('on generated records that are mostly well formed (property)', () => {
    const good = fc.record(
      {
        conversationId: fc.oneof(fc.string({ minLength: 1, maxLength: 4 }), fc.integer()),
        role: fc.constantFrom('customer', 'agent', ' 顾客 ', '客服', 'BUYER', 'system', 'robot'),
        text: fc.string({ maxLength: 8 }),
        time: fc.oneof(
          fc.constant(null),
          fc.constant(''),
          fc.integer({ min: -5, max: 2_000_000_000_000 }),
          fc.constantFrom('2024-05-20 14:03:22', '2024/5/20 9:03', '2024-05-20T14:03:22.5Z', 'yesterday'),
        ),
        agent: fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer()),
      },
      { requiredKeys: ['conversationId', 'role', 'text'] },
    );
    fc.assert(
      fc.property(good, (value) => agree(value)),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a usual record', { conversationId: 'c1', role: 'customer', text: 'hi', time: '2024-05-20 14:03:22' }],
    ['a numeric id and agent', { conversationId: 12, role: '客服', text: 'x', time: 0, agent: 7 }],
    [
      'null optional fields',
      { conversationId: 'c', role: 'agent', text: '', time: null, agent: null, facts: null },
    ],
    ['facts', { conversationId: 'c', role: 'agent', text: 'x', facts: { order: { shipped: true } } }],
    ['bad facts', { conversationId: 'c', role: 'agent', text: 'x', facts: { order: { shipped: 1 } } }],
    ['an empty id', { conversationId: ' ', role: 'agent', text: 'x' }],
    ['an unknown role', { conversationId: 'c', role: 'bot', text: 'x' }],
    ['no text', { conversationId: 'c', role: 'agent' }],
    ['an unreadable time', { conversationId: 'c', role: 'agent', text: 'x', time: '20 May' }],
    ['an infinite time', { conversationId: 'c', role: 'agent', text: 'x', time: Number.POSITIVE_INFINITY }],
    ['NaN as id', { conversationId: Number.NaN, role: 'agent', text: 'x' }],
    ['an array', ['c', 'agent', 'x']],
    ['null', null],
    ['a string', 'c,agent,x'],
  ])('%s', (_, value) => agree(value));
});
