import type { Entity } from '../analysis/types.js';
import { entityData } from '../generated/entity-data.js';
import type { NormalizedText } from '../normalize/index.js';
import { entityAt } from './candidates.js';
import { parseChineseNumeral } from './chinese-numerals.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(marks: string[]): string {
  return [...new Set(marks)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

// Thousands groups are bounded (a trillion has four): an unbounded `(?:,\d{3})+` would be retried
// from every group of a long "1,111,111,…" run, quadratic in the run.
const NUMBER = String.raw`\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = '[万千k]';
const ZH_NUMERAL = '[零〇一二两三四五六七八九十百千万]{1,8}';

interface CurrencyTables {
  currencyOfPrefix: ReadonlyMap<string, string>;
  currencyOfSuffix: ReadonlyMap<string, string>;
  prefixed: RegExp;
  suffixed: RegExp;
  zhSuffixed: RegExp;
  hasMark: RegExp;
}

let tables: CurrencyTables | undefined;

/** Built on first use from rules/entities/currencies.json. Folded text: ￥ is ¥, ＄ is $. */
function currencyTables(): CurrencyTables {
  if (tables !== undefined) return tables;
  const currencyOfPrefix = new Map<string, string>();
  const currencyOfSuffix = new Map<string, string>();
  for (const { code, prefixes, suffixes } of entityData().currencies) {
    for (const mark of prefixes) if (!currencyOfPrefix.has(mark)) currencyOfPrefix.set(mark, code);
    for (const mark of suffixes) if (!currencyOfSuffix.has(mark)) currencyOfSuffix.set(mark, code);
  }
  const prefixesAlt = alternation([...currencyOfPrefix.keys()]);
  const suffixesAlt = alternation([...currencyOfSuffix.keys()]);
  // Chinese numerals take no 块 without 钱 (一块 is also "together", 三块 "three pieces").
  const zhSuffixes = alternation([...currencyOfSuffix.keys()].filter((mark) => mark !== '块'));
  return (tables = {
    currencyOfPrefix,
    currencyOfSuffix,
    prefixed: new RegExp(`(?<![a-z0-9$])(${prefixesAlt}) ?(${NUMBER})(?: ?(${SCALE}))?(?![\\d.])`, 'g'),
    suffixed: new RegExp(
      `(?<![\\d.a-z])(${NUMBER}) ?(${SCALE})? ?(${suffixesAlt})(?:(?<=块)(\\d)(?!\\d))?(?![a-z])`,
      'g',
    ),
    zhSuffixed: new RegExp(`(${ZH_NUMERAL})(块钱|${zhSuffixes})(?![a-z])`, 'g'),
    hasMark: new RegExp(`${prefixesAlt}|${suffixesAlt}`),
  });
}

const SCALES: Record<string, number> = { 万: 10000, 千: 1000, k: 1000 };

function amountEntity(
  n: NormalizedText,
  start: number,
  end: number,
  value: number,
  currency: string | undefined,
): Entity | undefined {
  if (!Number.isFinite(value) || currency === undefined) return undefined;
  return entityAt(n, start, end, 'amount', `${value.toFixed(2)} ${currency}`, { currency });
}

/** Money: ¥12.5, 12.5元, 3块5, 五十元, 1.5万元, $20, 20 dollars, NT$300, 300港币. */
export function amountCandidates(n: NormalizedText, out: Entity[]): void {
  const text = n.text;
  const { currencyOfPrefix, currencyOfSuffix, prefixed, suffixed, zhSuffixed, hasMark } = currencyTables();
  if (!hasMark.test(text)) return;
  prefixed.lastIndex = 0;
  for (let m = prefixed.exec(text); m !== null; m = prefixed.exec(text)) {
    const [, mark = '', number = '', scale] = m;
    const value = Number(number.replaceAll(',', '')) * (scale ? (SCALES[scale] ?? 1) : 1);
    const entity = amountEntity(n, m.index, m.index + m[0].length, value, currencyOfPrefix.get(mark));
    if (entity) out.push(entity);
  }
  suffixed.lastIndex = 0;
  for (let m = suffixed.exec(text); m !== null; m = suffixed.exec(text)) {
    const [, number = '', scale, mark = '', tail] = m;
    let value = Number(number.replaceAll(',', '')) * (scale ? (SCALES[scale] ?? 1) : 1);
    if (tail !== undefined) value += Number(tail) / 10;
    const entity = amountEntity(n, m.index, m.index + m[0].length, value, currencyOfSuffix.get(mark));
    if (entity) out.push(entity);
  }
  zhSuffixed.lastIndex = 0;
  for (let m = zhSuffixed.exec(text); m !== null; m = zhSuffixed.exec(text)) {
    const [, numeral = '', mark = ''] = m;
    const value = parseChineseNumeral(numeral);
    const currency = mark === '块钱' ? 'CNY' : currencyOfSuffix.get(mark);
    if (value === undefined || value === 0) continue;
    const entity = amountEntity(n, m.index, m.index + m[0].length, value, currency);
    if (entity) out.push(entity);
  }
}
