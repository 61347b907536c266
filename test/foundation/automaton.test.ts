import { AhoCorasick } from '@monyone/aho-corasick/fast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTOMATON_SNAPSHOTS } from '../../src/generated/automata.js';
import {
  automatonKey,
  createAutomaton,
  restoreAutomaton,
  snapshotAutomaton,
  type AutomatonSnapshot,
} from '../../src/text/automaton.js';

const phrases = ['发货', '已发货', '仓库已发货', '货', 'ship', 'shipped', 'hip', '差评', '12315', '亲'];

describe('phrase automaton snapshots', () => {
  it('a restored automaton reports exactly what a freshly built one reports', () => {
    const built = new AhoCorasick(phrases);
    const restored = restoreAutomaton(snapshotAutomaton(phrases));
    const text = fc.string({
      unit: fc.constantFrom(...'发货已仓库shipd差评12315亲 x'.split('')),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(restored.matchInText(t)).toEqual(built.matchInText(t));
        expect(restored.hasKeywordInText(t)).toBe(built.hasKeywordInText(t));
      }),
      { numRuns: 500 },
    );
  });

  it('every stored built-in snapshot matches like the automaton built from its own words', () => {
    const keys = Object.keys(AUTOMATON_SNAPSHOTS);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const snapshot = JSON.parse(AUTOMATON_SNAPSHOTS[key]!) as AutomatonSnapshot;
      const restored = restoreAutomaton(snapshot);
      const sample = snapshot.words.slice(0, 300).join('，') + ' 亲，仓库已发货 where is my order';
      const fresh = new AhoCorasick(snapshot.words);
      const sorted = (ms: Array<{ begin: number; end: number; keyword: string }>) =>
        ms.map((m) => `${m.begin}:${m.end}:${m.keyword}`).sort();
      expect(sorted(restored.matchInText(sample))).toEqual(sorted(fresh.matchInText(sample)));
    }
  });

  it('keys depend on the words and their order', () => {
    expect(automatonKey(['a', 'b'])).not.toBe(automatonKey(['b', 'a']));
    expect(automatonKey(['ab'])).not.toBe(automatonKey(['a', 'b']));
    expect(automatonKey(phrases)).toBe(automatonKey([...phrases]));
  });

  it('a list without a snapshot is built as usual', () => {
    const automaton = createAutomaton(['独一无二的短语', 'unique phrase']);
    expect(automaton.matchInText('这是独一无二的短语').map((m) => m.keyword)).toEqual(['独一无二的短语']);
  });
});
