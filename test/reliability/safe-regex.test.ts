import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError } from '../../src/errors.js';
import { carriersFileSchema } from '../../src/entities/rules-schema.js';
import { entityData } from '../../src/generated/entity-data.js';
import { intentPatterns } from '../../src/generated/intent-patterns.js';
import { patternFileSchema } from '../../src/intent/schema.js';
import { normalize } from '../../src/normalize/index.js';
import { compileSafeRegex, planSafeRegex, regexProblem } from '../../src/text/safe-regex.js';
import corpus from '../../rules/intents/corpus.zh-Hans.json' with { type: 'json' };

const nativeFind = (source: string, text: string): [number, number] | null => {
  const m = new RegExp(source, 'u').exec(text);
  return m === null ? null : [m.index, m.index + m[0].length];
};

describe('safe regex: which engine runs a pattern', () => {
  it.each([
    ['不满.{0,10}(包邮|运费)', 'native', 'bounded gap between literals'],
    ['^sf\\d{12,13}$', 'native', 'bounded digits'],
    ['(a|b|c){1,5}', 'native', 'alternatives that start differently do not multiply'],
    ['(ab?){0,3}', 'native', 'an optional inside a bounded group: few paths'],
    ['(发货|发)(了)?', 'native', 'overlapping alternatives add up, still few'],
    ['\\u{1F600}x', 'native', 'astral escapes'],
    ['(\\w+\\s?)*$', 'linear', 'nested unbounded quantifiers: the classic hang'],
    ['a+', 'linear', 'any unbounded quantifier'],
    ['a{2,}', 'linear', 'an open range is unbounded'],
    ['(a|a){0,20}', 'linear', '2^20 paths from one start'],
    ['((ab){0,2}){0,2}', 'linear', 'a quantified group containing a quantifier'],
    ['x{0,300}', 'linear', 'matches longer than the native bound'],
    ['\\p{Script=Han}{0,20}市$', 'native', 'Script= properties are accepted'],
    ['[\\p{L}\\d-]+', 'linear', 'classes with properties'],
  ])('%s → %s (%s)', (source, engine) => {
    expect(regexProblem(source)).toBeUndefined();
    expect(compileSafeRegex(source).engine).toBe(engine);
  });
});

describe('safe regex: patterns that cannot run in linear time are rejected, naming the construct', () => {
  it.each([
    ['(?=a)b', /lookahead "\(\?=…\)" at 0/],
    ['a(?!b)', /negative lookahead/],
    ['(?<=a)b', /lookbehind "\(\?<=…\)"/],
    ['(?<!a)b', /negative lookbehind/],
    ['(a)\\1', /backreference "\\1" at 3/],
    ['(?<x>a)\\k<x>', /named backreference/],
    ['[^]', /the class "\[\^\]"/],
    ['a{1001}', /the repeat "\{1001\}" at 1: a repeat count is at most 1000/],
    ['(?:(?:a{1000}){1000})', /too large for the linear-time engine/],
    ['a**', /not a valid regular expression/],
    ['(', /not a valid regular expression/],
    ['', /non-empty/],
  ])('%s', (source, message) => {
    expect(regexProblem(source)).toMatch(message);
    expect(() => compileSafeRegex(source)).toThrow(message);
  });

  it('rejects flags it does not translate', () => {
    expect(regexProblem('a', 'g')).toMatch(/unsupported flags/);
    expect(compileSafeRegex('A', 'i').test('xa')).toBe(true);
  });
});

describe('safe regex: both engines find what RegExp finds', () => {
  const text = fc.string({ unit: fc.constantFrom(...'ab 1,发货了市😀!'.split(/(?:)/u)), maxLength: 40 });
  it.each([
    '(\\w+\\s?)*$',
    'a+b',
    '(发货|发)(了)?',
    '\\d{1,3}(?:,\\d{3})+',
    '\\b[a-z]+\\b',
    '(?:a|b)*发',
    '[^ ]{2,}',
    '😀.?',
    '^(?:a|1)+$',
    '\\p{Script=Han}+市',
  ])('%s', (source) => {
    const safe = compileSafeRegex(source);
    fc.assert(
      fc.property(text, (t) => {
        expect(safe.find(t)).toEqual(nativeFind(source, t));
        expect(safe.test(t)).toBe(nativeFind(source, t) !== null);
      }),
      { numRuns: 300 },
    );
  });

  it('the built-in intent patterns give the same matches on the corpus as RegExp', () => {
    const texts = corpus.data.flatMap((d) => [...d.utterances, ...d.tests]).map((t) => normalize(t).text);
    const sources = intentPatterns().groups.flatMap((g) => g.regex ?? []);
    expect(sources.length).toBeGreaterThan(0);
    let matched = 0;
    for (const source of sources) {
      const safe = compileSafeRegex(source);
      for (const t of texts) {
        const expected = nativeFind(source, t);
        if (expected !== null) matched++;
        expect(safe.find(t)).toEqual(expected);
      }
    }
    expect(matched).toBeGreaterThan(0);
  });

  it('every built-in pattern passes the rule (the build checks it too)', () => {
    for (const group of intentPatterns().groups)
      for (const r of group.regex ?? []) expect(regexProblem(r)).toBeUndefined();
    for (const c of entityData().carriers)
      for (const r of c.prefixed) expect(regexProblem(r)).toBeUndefined();
  });
});

describe('safe regex: the build-time plans of built-in patterns', () => {
  const builtIn = (): Array<[string, unknown]> => [
    ...intentPatterns().groups.flatMap((g) =>
      (g.regex ?? []).map((r): [string, unknown] => [r, intentPatterns().plans[r]]),
    ),
    ...entityData().carriers.flatMap((c) => c.prefixed.map((r): [string, unknown] => [r, c.plans[r]])),
  ];

  it('every built-in pattern has a stored plan, the same the checks give now', () => {
    const patterns = builtIn();
    expect(patterns.length).toBeGreaterThan(10);
    for (const [source, plan] of patterns) expect(plan, source).toEqual(planSafeRegex(source));
    // Both engines occur, so the stored plans are not all of one kind.
    const engines = new Set(patterns.map(([, plan]) => (plan as { engine: string }).engine));
    expect([...engines].sort()).toEqual(['linear', 'native']);
  });

  it('a pattern compiled from its plan finds what the checked compile finds', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'sf0123456789 jdv北京上海市[地址x]包邮运费不满吗了'.split(/(?:)/u)),
      maxLength: 40,
    });
    for (const [source, plan] of builtIn()) {
      const planned = compileSafeRegex(source, '', plan as ReturnType<typeof planSafeRegex>);
      const checked = compileSafeRegex(source);
      expect(planned.engine).toBe(checked.engine);
      fc.assert(
        fc.property(text, (t) => {
          expect(planned.find(t)).toEqual(checked.find(t));
          expect(planned.test(t)).toBe(checked.test(t));
        }),
        { numRuns: 100 },
      );
    }
  });

  it.each([
    ['a+b', 'a'],
    ['(?:a|b)*发货了', '发货了'],
    ['x(?:ab(?:cd)ef)+y*', 'abcdef'],
    ['\\[地址x\\]\\s*\\S+', '[地址x]'],
    ['^(?:(?:北京|上海)\\S{0,12}\\[地址x\\]\\s*)+$', '[地址x]'],
    ['(?:ab|cd)+', undefined],
    ['a*b*', undefined],
  ])('a linear-engine pattern records the literal every match contains: %s → %s', (source, required) => {
    const plan = planSafeRegex(source);
    expect(plan.engine).toBe('linear');
    expect(plan.engine === 'linear' ? plan.required : 'native').toBe(required);
  });

  it("a text without the required literal skips the engine, with RegExp's answer", () => {
    const source = '^(?:(?:北京|上海)\\S{0,12}\\[地址x\\]\\s*)+$';
    const safe = compileSafeRegex(source);
    const text = fc
      .array(fc.constantFrom('北京', '上海', '[地址x]', '[地址', 'x]', ' ', '路1号', '广州'), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(safe.find(t)).toEqual(nativeFind(source, t));
        expect(safe.test(t)).toBe(nativeFind(source, t) !== null);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['^(?:a|1)+$', '', true, 'anchored at both ends'],
    ['(^a+$)', '', true, 'inside a group, still the whole text'],
    ['^a+|b+$', '', false, 'a top-level alternative: either side alone'],
    ['^a+', '', false, 'anchored at the start only'],
    ['a+$', '', false, 'anchored at the end only'],
    ['^a+$', 'm', false, 'multi-line: ^ and $ match at every line'],
    ['^a+\\b', '', false, 'a word boundary is not an end'],
  ])('%s (flags "%s"): a match is the whole text: %s (%s)', (source, flags, whole) => {
    const plan = planSafeRegex(source, flags);
    expect(plan.engine).toBe('linear');
    expect(plan.engine === 'linear' && plan.whole === true).toBe(whole);
  });

  it('a plan compiles nothing until the pattern is first used', () => {
    // A source that cannot be compiled, with a plan: were it compiled at once, this would throw here.
    const lazy = compileSafeRegex('(', '', { engine: 'linear' });
    expect(lazy.engine).toBe('linear');
    expect(() => lazy.test('a')).toThrow();
  });
});

describe('safe regex: data files and options', () => {
  it('the build-time schemas reject a pattern that cannot run in linear time, with its path', () => {
    const intents = patternFileSchema.safeParse({
      locale: 'en',
      patterns: [{ intent: 'order.cancel', regex: ['cancel(?= now)'] }],
    });
    expect(intents.success).toBe(false);
    expect(intents.error?.issues[0]?.path).toEqual(['patterns', 0, 'regex', 0]);
    expect(intents.error?.issues[0]?.message).toMatch(/lookahead/);
    const carriers = carriersFileSchema.safeParse({
      carriers: [{ code: 'SF', name: 'SF', names: ['sf'], prefixed: ['^(sf)\\1$'] }],
    });
    expect(carriers.success).toBe(false);
    expect(carriers.error?.issues[0]?.message).toMatch(/backreference/);
  });

  it('createAssistant rejects a user pattern with lookaround: INVALID_OPTIONS naming the path', () => {
    let error: unknown;
    try {
      createAssistant({
        intents: { patterns: [{ intent: 'order.cancel', regex: ['cancel', '(?<!not )cancel'] }] },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_OPTIONS');
    expect((error as HuashuError).message).toMatch(/intents\.patterns\[0\]\.regex\[1\].*negative lookbehind/);
  });

  it('a catastrophic user pattern answers at once and stays linear on 1 MB', () => {
    const assistant = createAssistant({
      intents: { patterns: [{ intent: 'order.cancel', regex: ['(\\w+\\s?)*$'] }] },
    });
    const message = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!';
    assistant.analyze(message);
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      assistant.analyze(message);
      best = Math.min(best, performance.now() - started);
    }
    // Backtracking takes ~19 s on this message; the linear engine well under a millisecond. Generous for a shared machine.
    expect(best).toBeLessThan(50);
    const small = 'a '.repeat(50_000) + '!';
    const large = 'a '.repeat(500_000) + '!';
    const time = (text: string) => {
      assistant.analyze(text);
      let fastest = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        assistant.analyze(text);
        fastest = Math.min(fastest, performance.now() - started);
      }
      return fastest;
    };
    const [smallMs, largeMs] = [time(small), time(large)];
    expect(largeMs / Math.max(smallMs, 0.2), JSON.stringify({ smallMs, largeMs })).toBeLessThanOrEqual(12);
  });
});
