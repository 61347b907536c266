import { AhoCorasick } from '@monyone/aho-corasick/fast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generators } from '../../scripts/data/registry.js';
import { automatonSnapshot } from '../../src/generated/automata.js';
import { createAssistant } from '../../src/index.js';
import { restoreAutomaton, snapshotAutomaton } from '../../src/text/automaton-snapshot.js';
import { automatonKey, captureAutomatonLists, createAutomaton } from '../../src/text/automaton.js';
import { VARINT_ALPHABET } from '../../src/util/varint.js';

const phrases = ['发货', '已发货', '仓库已发货', '货', 'ship', 'shipped', 'hip', '差评', '12315', '亲'];

type Match = { begin: number; end: number; keyword: string };
const sameAs = (restored: AhoCorasick, built: AhoCorasick, text: string) => {
  expect(restored.matchInText(text) as Match[]).toEqual(built.matchInText(text) as Match[]);
  expect(restored.hasKeywordInText(text)).toBe(built.hasKeywordInText(text));
};

describe('phrase automaton snapshots', () => {
  it('a restored automaton reports exactly what a freshly built one reports', () => {
    const built = new AhoCorasick(phrases);
    const restored = restoreAutomaton(snapshotAutomaton(phrases), phrases);
    const text = fc.string({
      unit: fc.constantFrom(...'发货已仓库shipd差评12315亲 x'.split('')),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, (t) => sameAs(restored, built, t)),
      { numRuns: 500 },
    );
  });

  it('restores any phrase list (repeats, prefixes, suffixes of each other) to the same matches', () => {
    const unit = fc.constantFrom(...'ab发货差评x'.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 25 }),
        fc.array(fc.string({ unit, maxLength: 30 }), { minLength: 1, maxLength: 5 }),
        (list, texts) => {
          const built = new AhoCorasick(list);
          const restored = restoreAutomaton(snapshotAutomaton(list), list);
          for (const text of texts) sameAs(restored, built, text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the snapshot is plain ASCII (bundlers copy it as is) and refuses a list it was not made for', () => {
    const snapshot = snapshotAutomaton(phrases);
    expect([...snapshot.trie].every((c) => VARINT_ALPHABET.includes(c))).toBe(true);
    expect(() => restoreAutomaton(snapshot, [...phrases, '不在里面'])).toThrow(/not in the snapshot/);
    expect(() => restoreAutomaton({ ...snapshot, trie: `${snapshot.trie}A` }, phrases)).toThrow(
      /does not fit/,
    );
  });

  it('every data generator has a stored snapshot for each of its lists, restoring to the library automaton', async () => {
    let lists = 0;
    for (const generator of generators) {
      if (!generator.automata) continue;
      for (const keywords of await generator.automata()) {
        lists++;
        const snapshot = automatonSnapshot(automatonKey(keywords));
        expect(snapshot, `${generator.name}: ${keywords.length} phrases`).toBeDefined();
        const restored = restoreAutomaton(snapshot!, keywords);
        const built = new AhoCorasick([...keywords]);
        const sample = fc.sample(
          fc.array(fc.oneof(fc.constantFrom(...keywords), fc.constantFrom(...keywords.join(''))), {
            maxLength: 12,
          }),
          { numRuns: 200, seed: 5 },
        );
        for (const parts of sample) sameAs(restored, built, parts.join(''));
      }
    }
    expect(lists).toBeGreaterThanOrEqual(3);
  });

  it('the assistant builds no built-in automaton at run time: every list it creates has a snapshot', () => {
    const lists = captureAutomatonLists(() => {
      const assistant = createAssistant();
      assistant.analyze('亲，请问什么时候发货？');
      assistant.lint('亲，仓库已发货，请您耐心等待哦');
      assistant.reply('where is my order', { facts: { order: { shipped: true } } });
    });
    expect(lists.filter((list) => !list.restored).map((list) => list.keywords.length)).toEqual([]);
  });

  it('keys depend on the words and their order', () => {
    expect(automatonKey(['a', 'b'])).not.toBe(automatonKey(['b', 'a']));
    expect(automatonKey(['ab'])).not.toBe(automatonKey(['a', 'b']));
    expect(automatonKey(phrases)).toBe(automatonKey([...phrases]));
  });

  it('a list without a snapshot is built as usual', () => {
    const [list] = captureAutomatonLists(() => {
      const automaton = createAutomaton(['独一无二的短语', 'unique phrase']);
      expect(automaton.matchInText('这是独一无二的短语').map((m) => m.keyword)).toEqual(['独一无二的短语']);
    });
    expect(list?.restored).toBe(false);
  });
});
