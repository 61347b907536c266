import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { GRAMMAR_DIR, loadGrammar } from '../../scripts/corpus/grammar.js';
import { staleOutputs } from '../../scripts/corpus/generate.js';
import { EVAL_DIR, nonTrivial, overlaps, readEval } from '../../scripts/corpus/leakage.js';
import { Random } from '../../scripts/corpus/random.js';
import { readCorpus } from '../../scripts/corpus/read.js';
import { LOCALES, type CorpusRecord, type Locale } from '../../scripts/corpus/schema.js';
import { dropPunctuation, substituteOnce } from '../../scripts/corpus/style.js';
import {
  Expander,
  parseTemplate,
  TemplateSyntaxError,
  type SlotTable,
  type TemplateNode,
} from '../../scripts/corpus/template.js';

// The generated training corpus (rules/intents/generated/*.jsonl) and the generator that writes
// it from rules/intents/grammar/. See rules/intents/grammar/README.md.
const root = join(import.meta.dirname, '..', '..');
const corpora = Object.fromEntries(LOCALES.map((l) => [l, readCorpus(root, l)])) as Record<
  Locale,
  CorpusRecord[]
>;

const MINIMUM_TOTAL: Record<Locale, number> = { 'zh-Hans': 15_000, 'zh-Hant': 5_000, en: 4_000 };
const MINIMUM_PER_INTENT: Record<Locale, number> = { 'zh-Hans': 300, 'zh-Hant': 100, en: 100 };

describe.each(LOCALES)('generated %s corpus', (locale) => {
  const rows = corpora[locale];

  it('has every built-in intent, at least the minimum per intent and in total', () => {
    expect(rows.length).toBeGreaterThanOrEqual(MINIMUM_TOTAL[locale]);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.intent, (counts.get(r.intent) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...BUILT_IN_INTENT_IDS].sort());
    const short = BUILT_IN_INTENT_IDS.filter((id) => (counts.get(id) ?? 0) < MINIMUM_PER_INTENT[locale]);
    expect(short).toEqual([]);
  });

  it('has no duplicate (previous agent turn, text) and no key labelled with two intents', () => {
    const keys = rows.map((r) => `${r.prev ?? ''}\u0001${r.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no leftover template syntax, empty or padded text', () => {
    const broken = rows.filter(
      (r) => r.text !== r.text.trim() || /\{[a-z_#]|\|\)|\(\|/.test(r.text) || (r.prev ?? 'x').trim() === '',
    );
    expect(broken.map((r) => r.text)).toEqual([]);
  });

  it('names a skeleton of its grammar in every record', () => {
    const grammar = loadGrammar(root);
    const known = new Set(
      [locale, ...(locale === 'zh-Hant' ? (['zh-Hans'] as const) : [])].flatMap((l) =>
        grammar.locales[l].intents.flatMap((i) => i.skeletons.map((s) => s.id)),
      ),
    );
    expect(rows.filter((r) => !known.has(r.skeleton)).map((r) => r.skeleton)).toEqual([]);
    for (const r of rows.slice(0, 200)) expect(r.skeleton.split('/')[1]).toBe(r.intent);
  });

  it('pairs short answers with agent turns: some texts carry different intents after different turns', () => {
    const intentsByText = new Map<string, Set<string>>();
    for (const r of rows.filter((x) => x.prev !== undefined)) {
      let set = intentsByText.get(r.text);
      if (!set) intentsByText.set(r.text, (set = new Set()));
      set.add(r.intent);
    }
    const ambiguous = [...intentsByText.values()].filter((s) => s.size > 1).length;
    expect(ambiguous).toBeGreaterThanOrEqual(locale === 'en' ? 3 : 5);
    const withPrev = rows.filter((r) => r.prev !== undefined).length / rows.length;
    expect(withPrev).toBeGreaterThan(0.1);
    expect(withPrev).toBeLessThan(0.4);
  });
});

describe('generated zh-Hans corpus style', () => {
  const rows = corpora['zh-Hans'];
  const share = (re: RegExp): number => rows.filter((r) => re.test(r.text)).length / rows.length;

  it.each([
    [
      'masked platform placeholders',
      /\[(订单|数字|金额|日期|时间|姓名|地址|电话|链接|站点)x\]|\[ORDERID_\d+\]/,
      0.08,
    ],
    ['several chat lines joined by spaces', / /, 0.3],
    [
      'emoji or platform emoticons',
      /\p{Extended_Pictographic}|\[(微笑|流泪|委屈|发怒|抓狂|可怜|玫瑰|抱拳)\]/u,
      0.03,
    ],
    ['a greeting before the request', /^(你好|您好|在吗|亲|客服|hello|哈喽|老板)\S* \S/, 0.05],
    ['one to three characters', /^\S{1,3}$/u, 0.02],
  ] as const)('has %s', (_, re, minimum) => {
    expect(share(re)).toBeGreaterThan(minimum);
  });

  it('has at least 40 distinct skeletons per intent', () => {
    const grammar = loadGrammar(root);
    const thin = grammar.locales['zh-Hans'].intents
      .filter((i) => i.skeletons.length < 40)
      .map((i) => `${i.intent}: ${i.skeletons.length}`);
    expect(thin).toEqual([]);
    expect(grammar.locales['zh-Hans'].intents).toHaveLength(BUILT_IN_INTENT_IDS.length);
  });
});

describe('generator', () => {
  it('is deterministic: a fresh generation equals the committed files (the --check logic)', () => {
    expect(staleOutputs(root)).toEqual([]);
  });

  it('gives the same stream for the same seed and a different one for another seed', () => {
    const draw = (seed: string): number[] => {
      const r = new Random(seed);
      return Array.from({ length: 8 }, () => r.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, lo, span) => {
          const r = new Random(seed);
          const n = r.int(lo, lo + span);
          return Number.isInteger(n) && n >= lo && n <= lo + span;
        },
      ),
    );
  });
});

describe('grammar validation', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  /** A copy of the real grammar under a temporary root, with one file edited. */
  const brokenRoot = (file: string, edit: (json: Record<string, unknown>) => void): string => {
    const dir = mkdtempSync(join(tmpdir(), 'huashu-grammar-'));
    dirs.push(dir);
    cpSync(join(root, GRAMMAR_DIR), join(dir, GRAMMAR_DIR), { recursive: true });
    const path = join(dir, GRAMMAR_DIR, file);
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    edit(json);
    writeFileSync(path, JSON.stringify(json));
    return dir;
  };
  const firstSkeleton = (json: Record<string, unknown>): { id: string; t: string[] } =>
    (json.skeletons as Array<{ id: string; t: string[] }>)[0]!;

  it('loads the committed grammar', () => {
    expect(() => loadGrammar(root)).not.toThrow();
  });

  it.each([
    [
      'an unknown slot',
      'zh-Hans/intents/order.cancel.json',
      (j: Record<string, unknown>) => (firstSkeleton(j).t = ['取消{no_such_slot}']),
      /unknown slot \{no_such_slot\}/,
    ],
    [
      'a record field some records lack',
      'zh-Hans/intents/order.cancel.json',
      (j: Record<string, unknown>) => (firstSkeleton(j).t = ['{item.no_field}']),
      /not every \{item\} record has the field "no_field"/,
    ],
    [
      'an unclosed group',
      'en/intents/greeting.json',
      (j: Record<string, unknown>) => (firstSkeleton(j).t = ['(hi|hello']),
      /unclosed "\("/,
    ],
    [
      'an intent id that is not built in',
      'en/intents/greeting.json',
      (j: Record<string, unknown>) => (j.intent = 'greetings'),
      /intent/,
    ],
    [
      'a duplicate skeleton id',
      'zh-Hant/intents/ack.json',
      (j: Record<string, unknown>) => {
        const list = j.skeletons as Array<{ id: string }>;
        list[1]!.id = list[0]!.id;
      },
      /duplicate skeleton id/,
    ],
    [
      'a probability above 1',
      'zh-Hans/style.json',
      (j: Record<string, unknown>) => ((j.greet as { p: number }).p = 1.5),
      /greet\.p/,
    ],
  ])('rejects %s with INVALID_RULES naming the file', (_, file, edit, message) => {
    const dir = brokenRoot(file, edit);
    let error: unknown;
    try {
      loadGrammar(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_RULES');
    expect((error as HuashuError).message).toMatch(message);
    expect((error as HuashuError).issues.some((i) => i.file?.endsWith(file))).toBe(true);
  });
});

describe('skeleton language', () => {
  const table = (lists: Record<string, string[]>): SlotTable => ({
    lists: new Map(Object.entries(lists).map(([k, v]) => [k, v.map((s) => parseTemplate(s))])),
    records: new Map([
      [
        'item',
        [
          new Map([
            ['name', [parseTemplate('手机')]],
            ['fault', [parseTemplate('开不了机')]],
          ]),
          new Map([
            ['name', [parseTemplate('鞋子')]],
            ['fault', [parseTemplate('开胶了')]],
          ]),
        ],
      ],
    ]),
  });
  const slots = table({ color: ['黑色', '白色', '红色'], greeting: ['你好', '{color}的亲'] });

  it.each([
    ['plain text', '在吗', ['在吗']],
    ['a placeholder is plain text', '[订单x]', ['[订单x]']],
    ['an alternation', '(好的|行)', ['好的', '行']],
    ['an optional part', '发货(吗|)', ['发货吗', '发货']],
    ['nested groups', '((a|b)c|d)', ['ac', 'bc', 'd']],
    ['escaped syntax characters', '\\(\\|\\)', ['(|)']],
  ] as const)('expands %s', (_, source, possible) => {
    const expander = new Expander(slots, new Random(source));
    const nodes = parseTemplate(source);
    for (let i = 0; i < 20; i++) expect(possible).toContain(expander.expand(nodes));
  });

  it.each([
    ['unclosed group', '(a|b'],
    ['single alternative', '(a)'],
    ['bar outside a group', 'a|b'],
    ['unclosed slot', '{color'],
    ['bad slot name', '{Color}'],
    ['empty range', '{#9-1}'],
    ['stray close brace', 'a}'],
    ['dangling escape', 'a\\'],
  ])('rejects %s', (_, source) => {
    expect(() => parseTemplate(source)).toThrow(TemplateSyntaxError);
  });

  it('binds a slot to one value per utterance, and {slot#2} to a different one', () => {
    const expander = new Expander(slots, new Random('bind'));
    const nodes = parseTemplate('{color}/{color}/{color#2}');
    for (let i = 0; i < 30; i++) {
      const [a, b, c] = expander.expand(nodes).split('/');
      expect(a).toBe(b);
      expect(c).not.toBe(a);
    }
  });

  it('takes every field of one record slot from the same record', () => {
    const expander = new Expander(slots, new Random('record'));
    const nodes = parseTemplate('{item.name}:{item.fault}');
    const pairs = new Set(Array.from({ length: 30 }, () => expander.expand(nodes)));
    expect([...pairs].sort()).toEqual(['手机:开不了机', '鞋子:开胶了']);
  });

  it('draws integers inside the range', () => {
    const expander = new Expander(slots, new Random('int'));
    const nodes = parseTemplate('{#3-15}天');
    for (let i = 0; i < 50; i++) {
      const n = Number(expander.expand(nodes).replace('天', ''));
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(15);
    }
  });

  it('never throws anything but TemplateSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '(', ')', '|', '{', '}', '\\', '#', '1', '-', '.', '订') }),
        (s) => {
          try {
            parseTemplate(s);
          } catch (e) {
            return e instanceof TemplateSyntaxError;
          }
          return true;
        },
      ),
    );
  });

  it('expands a generated alternation to one of its options', () => {
    const word = fc.stringMatching(/^[a-z订单发货]{1,4}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 5 }), fc.string(), (options, seed) => {
        const nodes: TemplateNode[] = parseTemplate(`(${options.join('|')})`);
        return options.includes(new Expander(slots, new Random(seed)).expand(nodes));
      }),
    );
  });
});

describe('style operators', () => {
  const pairs = [
    ['订单', ['定单']],
    ['发货', ['发或']],
    ['order', ['oder']],
  ] as const;

  it.each([
    ['订单[订单x]怎么还没发货', /^(定单\[订单x\]怎么还没发货|订单\[订单x\]怎么还没发或)$/],
    ['my order {{Order Number}}', /^my oder \{\{Order Number\}\}$/],
    ['reorder now', null],
  ])('substitutes outside placeholders and on whole Latin words: %s', (text, expected) => {
    const out = substituteOnce(text, pairs, new Random(text));
    if (expected === null) expect(out).toBeNull();
    else expect(out).toMatch(expected);
  });

  it('keeps every placeholder intact whatever it edits', () => {
    const placeholder = fc.constantFrom('[订单x]', '[金额x]', '[ORDERID_1234]', '{{Order Number}}');
    const piece = fc.oneof(placeholder, fc.constantFrom('订单', '发货', 'order', '，', '？', ' ', '在吗'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.string(), (parts, seed) => {
        const text = parts.join('');
        const edited = substituteOnce(text, pairs, new Random(seed)) ?? text;
        const count = (t: string, p: string): number => t.split(p).length - 1;
        return ['[订单x]', '[金额x]', '[ORDERID_1234]', '{{Order Number}}'].every(
          (p) => count(edited, p) === count(text, p) && count(dropPunctuation(text), p) === count(text, p),
        );
      }),
    );
  });

  it.each([
    ['怎么还没发货？？', '怎么还没发货'],
    ['你好，在吗？我要退货', '你好 在吗 我要退货'],
    ['where is it?', 'where is it'],
    ['price is 9.99. ok', 'price is 9.99 ok'],
  ])('drops punctuation: %s', (text, expected) => {
    expect(dropPunctuation(text).replace(/\s+/g, ' ').trim()).toBe(expected);
  });
});

describe.skipIf(!existsSync(join(EVAL_DIR, 'zh-jddc-intents.jsonl')))(
  'leakage against ../shared/eval',
  () => {
    // Counts only: a failure must not print evaluation text.
    it.each([
      ['zh-Hans', 'zh-jddc-intents.jsonl'],
      ['en', 'en-bitext-intents.jsonl'],
    ] as const)(
      'has no %s text longer than a trivial phrase equal or near (3-gram Jaccard ≥ 0.8) to an eval text',
      (locale, file) => {
        const found = overlaps(
          corpora[locale].map((r) => r.text),
          readEval(file).texts,
          (t) => t,
        );
        expect(nonTrivial([...found.identical, ...found.similar], locale).length).toBe(0);
      },
    );
  },
);
