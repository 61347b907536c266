import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseColumnOptions, resolveColumns } from '../../src/cli/lint/columns.js';
import { ConversationTracker } from '../../src/cli/lint/conversation.js';
import { createCsvParser } from '../../src/cli/lint/csv-parser.js';
import { detectInputFormat, looksLikeInputPath } from '../../src/cli/lint/input-format.js';
import { jsonStringValueSpan } from '../../src/cli/lint/json-string-span.js';
import { createJsonlParser, resolveOrigin } from '../../src/cli/lint/jsonl-parser.js';
import { createPlainParser } from '../../src/cli/lint/plain-parser.js';
import type { InputItem, InputParser } from '../../src/cli/lint/record.js';
import { readLineBatches, splitLines } from '../../src/cli/lint/source-lines.js';
import { UsageError } from '../../src/cli/usage-error.js';

function parseAll(parser: InputParser, text: string): InputItem[] {
  const items: InputItem[] = [];
  for (const line of splitLines(text)) parser.push(line, (item) => items.push(item));
  parser.finish((item) => items.push(item));
  return items;
}

const replies = (items: InputItem[]) =>
  items.flatMap((item) =>
    item.kind === 'reply' ? [{ reply: item.record.reply, line: item.record.line }] : [],
  );

describe('line splitting', () => {
  it('splits on \\n and \\r\\n, keeps offsets and terminators, drops a BOM', () => {
    expect(splitLines('\ufeffa\r\nbb\n\nc')).toEqual([
      { text: 'a', line: 1, offset: 0, terminator: '\r\n' },
      { text: 'bb', line: 2, offset: 3, terminator: '\n' },
      { text: '', line: 3, offset: 6, terminator: '\n' },
      { text: 'c', line: 4, offset: 7, terminator: '' },
    ]);
  });

  it('a lone \\r does not end a line', () => {
    expect(splitLines('a\rb\n').map((l) => l.text)).toEqual(['a\rb']);
  });

  it('property: lines read from arbitrary byte chunks equal splitting the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(fc.nat({ max: 50 }), { maxLength: 10 }),
        async (text, cuts) => {
          const bytes = new TextEncoder().encode(text);
          const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let from = 0;
          for (const point of [...points, bytes.length]) {
            chunks.push(bytes.slice(from, point));
            from = point;
          }
          let total = 0;
          const lines = [];
          for await (const batch of readLineBatches(
            (async function* () {
              yield* chunks;
            })(),
            (n) => (total += n),
          ))
            lines.push(...batch);
          expect(lines).toEqual(splitLines(text.replace(/^\ufeff/, '')));
          expect(total).toBe(bytes.length);
        },
      ),
    );
  });
});

describe('plain text reader', () => {
  it('one reply per line, blank lines skipped, line numbers kept', () => {
    expect(replies(parseAll(createPlainParser(), '亲，您好\n\n  \n已发货\r\nlast'))).toEqual([
      { reply: '亲，您好', line: 1 },
      { reply: '已发货', line: 4 },
      { reply: 'last', line: 5 },
    ]);
  });

  it('property: one record per non-blank line, each exactly the line, for arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 30 }),
        fc.boolean(),
        (lines, crlf) => {
          const pieces = lines.map((l) => l.replace(/[\r\n]/g, ' '));
          if (pieces[0]?.startsWith('\ufeff')) pieces[0] = pieces[0].slice(1);
          const text = pieces.join(crlf ? '\r\n' : '\n');
          const expected = pieces
            .map((reply, i) => ({ reply, line: i + 1 }))
            .filter(({ reply }) => reply.trim() !== '');
          expect(replies(parseAll(createPlainParser(), text))).toEqual(expected);
        },
      ),
    );
  });

  it('the reply origin is its line, column 1, with the offset in the file', () => {
    const [, second] = parseAll(createPlainParser(), 'ab\r\ncd');
    expect(second?.kind === 'reply' && resolveOrigin(second.record)).toEqual({
      line: 2,
      column: 1,
      offset: 4,
    });
  });
});

describe('JSONL reader', () => {
  const text = [
    '{"id": 7, "agent": "小王", "conversationId": "c1", "reply": "亲，\\"已发货\\"", "facts": {"order": {"shipped": true}}}',
    '',
    '{"reply": "ok", "conversation": [{"role": "customer", "text": "在吗"}], "locale": "zh-Hant"}',
    '{"role": "customer", "text": "什么时候发货", "conversation": "c2"}',
    '{"reply": 5}',
    '{"reply": "x", "facts": {"order": {"shipped": "yes"}}}',
    'not json',
    '[1, 2]',
    '{"text": "from text", "customer_message": "问题", "agent": null}',
  ].join('\n');
  const items = parseAll(createJsonlParser(), text);

  it('reads records with their fields; ids and agents become strings', () => {
    const first = items[0];
    expect(first?.kind).toBe('reply');
    if (first?.kind !== 'reply') return;
    expect(first.record).toMatchObject({
      reply: '亲，"已发货"',
      line: 1,
      id: '7',
      agent: '小王',
      conversationId: 'c1',
      facts: { order: { shipped: true } },
    });
  });

  it('conversation may be the earlier turns themselves, or a conversation id', () => {
    expect(items[1]).toMatchObject({
      kind: 'reply',
      record: { reply: 'ok', line: 3, locale: 'zh-Hant', conversation: [{ role: 'customer', text: '在吗' }] },
    });
    expect(items[2]).toEqual({
      kind: 'turn',
      line: 4,
      conversationId: 'c2',
      turn: { role: 'customer', text: '什么时候发货' },
    });
  });

  it('`text` stands for `reply`, customer_message is kept, null is absent', () => {
    const last = items.at(-1);
    expect(last).toMatchObject({
      kind: 'reply',
      record: { reply: 'from text', customerMessage: '问题', line: 9 },
    });
    expect(last?.kind === 'reply' && 'agent' in last.record).toBe(false);
  });

  it.each([
    [5, /reply: expected the reply text|reply: Invalid input/],
    [6, /facts\.order\.shipped: /],
    [7, /invalid JSON: /],
    [8, /expected a JSON object .*got an array/],
  ])('line %i is reported as malformed with its line number', (line, message) => {
    const item = items.find((i) => i.kind === 'malformed' && i.line === line);
    expect(item?.kind === 'malformed' && item.message).toMatch(message);
  });

  it('the reply origin points at the characters inside the JSON string', () => {
    const first = items[0];
    const origin = first?.kind === 'reply' ? resolveOrigin(first.record) : undefined;
    const line = text.split('\n')[0] ?? '';
    expect(origin).toMatchObject({ line: 1, encoding: 'json-string', raw: '亲，\\"已发货\\"' });
    expect(line.slice((origin?.column ?? 0) - 1).startsWith('亲，\\"已发货')).toBe(true);
    expect(origin?.offset).toBe((origin?.column ?? 0) - 1);
  });
});

describe('jsonStringValueSpan', () => {
  it.each([
    ['{"reply":"abc"}', 'reply', 'abc'],
    ['{ "id": "reply", "reply" : "x\\"y" }', 'reply', 'x\\"y'],
    ['{"facts":{"reply":"no"},"reply":"yes"}', 'reply', 'yes'],
    ['{"a":["reply","q"],"reply":"yes"}', 'reply', 'yes'],
    ['{"reply":"first","reply":"last"}', 'reply', 'last'],
    ['{"re\\u0070ly":"escaped key"}', 'reply', 'escaped key'],
  ])('%s → %s', (line, key, raw) => {
    const span = jsonStringValueSpan(line, key);
    expect(span && line.slice(span[0], span[1])).toBe(raw);
  });

  it.each([
    '{"reply":5}',
    '{"reply":null}',
    '{"other":"x"}',
    '{"reply":{"a":"b"}}',
    '{"reply":"unterminated',
  ])('%s → undefined', (line) => {
    expect(jsonStringValueSpan(line, 'reply')).toBeUndefined();
  });
});

describe('CSV reader', () => {
  const csv = (text: string, columns: Record<string, string> = {}, delimiter = ',') =>
    parseAll(createCsvParser({ delimiter, columns }), text);

  it('RFC 4180: quoted delimiters, doubled quotes, quoted line breaks; the row keeps its first line', () => {
    const items = csv(
      'id,agent,reply\n1,小王,"您好，""亲""，\n已发货"\n2,,plain, with comma?\n\n3,小李,"a,b"\r\n',
    );
    expect(
      items.map((i) =>
        i.kind === 'reply' ? [i.record.line, i.record.id, i.record.agent, i.record.reply] : i,
      ),
    ).toEqual([
      [2, '1', '小王', '您好，"亲"，\n已发货'],
      [4, '2', undefined, 'plain'],
      [6, '3', '小李', 'a,b'],
    ]);
  });

  it('a quoted field keeps \\r\\n line breaks as written', () => {
    const [item] = csv('reply\r\n"a\r\nb"\r\n');
    expect(item?.kind === 'reply' && item.record.reply).toBe('a\r\nb');
  });

  it('the reply origin is just inside the opening quote, with the raw field text', () => {
    const [item] = csv('id,reply\n1,"x ""y""\nz"');
    expect(item?.kind === 'reply' && resolveOrigin(item.record)).toEqual({
      line: 2,
      column: 4,
      offset: 9 + 3,
      encoding: 'csv-quoted',
      raw: 'x ""y""\nz',
    });
  });

  it('--column maps fields to any header; TSV uses tabs', () => {
    const items = csv(
      '会话\t坐席\t内容\tfacts\nc1\tA\t已发货\t{"order":{"shipped":true}}\n',
      { reply: '内容', agent: '坐席', conversationId: '会话' },
      '\t',
    );
    expect(items[0]).toMatchObject({
      kind: 'reply',
      record: { reply: '已发货', agent: 'A', conversationId: 'c1', facts: { order: { shipped: true } } },
    });
  });

  it('customer rows are conversation turns', () => {
    expect(csv('conversation_id,role,text\nc1,customer,在吗\n')[0]).toEqual({
      kind: 'turn',
      line: 2,
      conversationId: 'c1',
      turn: { role: 'customer', text: '在吗' },
    });
  });

  it('malformed rows: missing reply cell, bad facts JSON, unterminated quote — each with its line', () => {
    const items = csv('agent,reply,facts\nA\nB,ok,{bad\nC,"never closed\nmore');
    expect(items.map((i) => (i.kind === 'malformed' ? [i.line, i.message.slice(0, 20)] : i.kind))).toEqual([
      [2, 'the row has 1 field,'],
      [3, 'facts: invalid JSON:'],
      [4, 'a quoted field is ne'],
    ]);
  });

  it('a header without a reply column is a usage error listing the columns', () => {
    expect(() => csv('a,b\n1,2\n')).toThrow(UsageError);
    expect(() => csv('a,b\n1,2\n')).toThrow(/its columns are: a, b/);
    expect(() => csv('a,b\n1,2\n', { reply: 'c' })).toThrow(/no column "c"/);
  });
});

describe('columns and formats', () => {
  it('parses --column field=header and rejects unknown fields or missing headers', () => {
    expect(parseColumnOptions(['reply=内容', 'agent=a=b'])).toEqual({ reply: '内容', agent: 'a=b' });
    expect(() => parseColumnOptions(['nope=x'])).toThrow(/unknown field "nope"/);
    expect(() => parseColumnOptions(['reply'])).toThrow(/field=<header>/);
    expect(() => parseColumnOptions(['reply='])).toThrow(/field=<header>/);
  });

  it('finds default headers case-insensitively', () => {
    expect(resolveColumns(['ID', 'Agent_Name', 'Message', 'session_id'], {})).toEqual({
      id: 0,
      agent: 1,
      reply: 2,
      conversationId: 3,
    });
  });

  it.each([
    ['a.jsonl', undefined, 'jsonl'],
    ['A.NDJSON', undefined, 'jsonl'],
    ['x.json', undefined, 'jsonl'],
    ['x.csv', undefined, 'csv'],
    ['x.tsv', undefined, 'tsv'],
    ['x.txt', undefined, 'plain'],
    ['noext', undefined, 'plain'],
    [undefined, undefined, 'plain'],
    ['x.csv', 'jsonl', 'jsonl'],
  ] as const)('detectInputFormat(%s, %s) = %s', (path, override, format) => {
    expect(detectInputFormat(path, override)).toBe(format);
  });

  it('an unknown --input-format is a usage error', () => {
    expect(() => detectInputFormat('a.txt', 'xml')).toThrow(UsageError);
  });

  it.each([
    ['replies.jsonl', true],
    ['data/x.csv', true],
    ['亲，已发货', false],
    ['see file.txt please', false],
  ])('looksLikeInputPath(%s) = %s', (argument, expected) => {
    expect(looksLikeInputPath(argument)).toBe(expected);
  });
});

describe('conversation tracker', () => {
  it('keeps the turns of the current conversation and starts afresh on another id', () => {
    const tracker = new ConversationTracker();
    tracker.add('c1', { role: 'customer', text: 'q1' });
    expect(tracker.before('c1')).toEqual([{ role: 'customer', text: 'q1' }]);
    tracker.add('c1', { role: 'agent', text: 'a1' });
    expect(tracker.before('c1')).toHaveLength(2);
    expect(tracker.before('c2')).toEqual([]);
    expect(tracker.before('c1')).toEqual([]);
  });

  it('bounded: a very long conversation keeps its opening and its latest turns', () => {
    const tracker = new ConversationTracker();
    for (let i = 0; i < 1000; i++) tracker.add('c', { role: i % 2 ? 'agent' : 'customer', text: String(i) });
    const turns = tracker.before('c');
    expect(turns).toHaveLength(200);
    expect(turns[0]?.text).toBe('0');
    expect(turns.at(-1)?.text).toBe('999');
  });
});
