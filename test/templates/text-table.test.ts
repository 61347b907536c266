import { describe, expect, it } from 'vitest';
import { tableTextLiterals } from '../../scripts/data/templates.js';

describe('the precompiled templates’ text table (scripts/data/templates.ts)', () => {
  it.each([
    ['a Chinese literal moves to the table', 'return "亲，您好" + x;', 'return T[0] + x;', ['亲，您好']],
    ['the same text shares one entry', '"好的" + "好的"', 'T[0] + T[0]', ['好的']],
    ['ASCII literals stay', 'helpers,"honorific",{"name":"x"}', 'helpers,"honorific",{"name":"x"}', []],
    ['an object key stays, even non-ASCII', '{"名字" : "值"}', '{"名字" : T[0]}', ['值']],
    ['escapes are decoded', '"\\"引号\\"\\n"', 'T[0]', ['"引号"\n']],
  ])('%s', (_name, code, expected, table) => {
    const result = tableTextLiterals(code);
    expect(result.code).toBe(expected);
    expect(result.table).toEqual(table);
  });
});
