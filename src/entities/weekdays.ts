import type { Entity } from '../analysis/types.js';
import { entityData } from '../generated/entity-data.js';
import type { NormalizedText } from '../normalize/index.js';
import { entityAt } from './candidates.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

interface WeekdayTables {
  dayOf: ReadonlyMap<string, string>;
  offsetOf: ReadonlyMap<string, string>;
  zhWeekday: RegExp;
  enWeekday: RegExp;
  zhHead: RegExp;
}

let tables: WeekdayTables | undefined;

/** Built on first use from rules/entities/dates.json: 周五, 下周一, 这个星期天, next monday, friday. */
function weekdayTables(): WeekdayTables {
  if (tables !== undefined) return tables;
  const { heads, days, prefixes } = entityData().weekdays;
  const dayOf = new Map<string, string>();
  const offsetOf = new Map<string, string>();
  for (const { day, zh, en } of days) for (const name of [...zh, ...en]) dayOf.set(name, day);
  for (const { offset, zh, en } of prefixes) for (const word of [...zh, ...en]) offsetOf.set(word, offset);
  return (tables = {
    dayOf,
    offsetOf,
    zhWeekday: new RegExp(
      `(${alternation(prefixes.flatMap((p) => p.zh))})?(?:${alternation(heads)})(${alternation(days.flatMap((d) => d.zh))})`,
      'g',
    ),
    enWeekday: new RegExp(
      `\\b(?:(${alternation(prefixes.flatMap((p) => p.en))}) )?(${alternation(days.flatMap((d) => d.en))})\\b`,
      'g',
    ),
    zhHead: new RegExp(alternation(heads)),
  });
}

function weekdayValue(
  { dayOf, offsetOf }: WeekdayTables,
  prefix: string | undefined,
  name: string,
): string | undefined {
  const day = dayOf.get(name);
  if (day === undefined) return undefined;
  const offset = prefix === undefined ? undefined : offsetOf.get(prefix);
  return offset === undefined ? `weekday:${day}` : `relative:${offset}:${day}`;
}

/** Week days: 周五 → weekday:fri, 下周一 → relative:+1w:mon, next Monday → relative:+1w:mon. */
export function weekdayCandidates(n: NormalizedText, out: Entity[]): void {
  const text = n.text;
  const t = weekdayTables();
  const patterns: RegExp[] = [];
  if (t.zhHead.test(text)) patterns.push(t.zhWeekday);
  if (text.includes('day')) patterns.push(t.enWeekday);
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const value = weekdayValue(t, m[1], m[2] ?? '');
      if (value !== undefined) out.push(entityAt(n, m.index, m.index + m[0].length, 'date', value));
    }
  }
}
