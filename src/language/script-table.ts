import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from '../generated/hanzi.js';

/** Script class of a BMP code unit, for counting. */
export const enum ScriptClass {
  Other = 0,
  Han = 1,
  HanTraditional = 2,
  HanSimplified = 3,
  Kana = 4,
  Hangul = 5,
  Latin = 6,
  Cyrillic = 7,
  Arabic = 8,
  Thai = 9,
  Devanagari = 10,
  Greek = 11,
  Hebrew = 12,
}

export const SCRIPT_CLASS_COUNT = 13;

function fill(table: Uint8Array, from: number, to: number, value: ScriptClass): void {
  table.fill(value, from, to + 1);
}

function build(): Uint8Array {
  const table = new Uint8Array(0x10000);
  fill(table, 0x41, 0x5a, ScriptClass.Latin);
  fill(table, 0x61, 0x7a, ScriptClass.Latin);
  fill(table, 0xc0, 0x24f, ScriptClass.Latin);
  table[0xd7] = ScriptClass.Other;
  table[0xf7] = ScriptClass.Other;
  fill(table, 0x1e00, 0x1eff, ScriptClass.Latin);
  fill(table, 0xff21, 0xff3a, ScriptClass.Latin);
  fill(table, 0xff41, 0xff5a, ScriptClass.Latin);
  fill(table, 0x370, 0x3ff, ScriptClass.Greek);
  fill(table, 0x400, 0x52f, ScriptClass.Cyrillic);
  fill(table, 0x590, 0x5ff, ScriptClass.Hebrew);
  fill(table, 0x600, 0x6ff, ScriptClass.Arabic);
  fill(table, 0x900, 0x97f, ScriptClass.Devanagari);
  fill(table, 0xe00, 0xe7f, ScriptClass.Thai);
  fill(table, 0x1100, 0x11ff, ScriptClass.Hangul);
  fill(table, 0x3130, 0x318f, ScriptClass.Hangul);
  fill(table, 0xac00, 0xd7af, ScriptClass.Hangul);
  fill(table, 0x3040, 0x30ff, ScriptClass.Kana);
  table[0x30fc] = ScriptClass.Kana; // prolonged sound mark
  fill(table, 0x31f0, 0x31ff, ScriptClass.Kana);
  fill(table, 0xff66, 0xff9f, ScriptClass.Kana);
  fill(table, 0x3400, 0x4dbf, ScriptClass.Han);
  fill(table, 0x4e00, 0x9fff, ScriptClass.Han);
  fill(table, 0xf900, 0xfaff, ScriptClass.Han);
  for (let i = 0; i < TRADITIONAL_ONLY.length; i++)
    table[TRADITIONAL_ONLY.charCodeAt(i)] = ScriptClass.HanTraditional;
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i++)
    table[SIMPLIFIED_ONLY.charCodeAt(i)] = ScriptClass.HanSimplified;
  return table;
}

export const scriptClassTable: Uint8Array = build();
