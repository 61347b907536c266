/**
 * Child process of scripts/data/automata.ts: asks every data generator for the phrase lists of
 * its automata (`DataGenerator.automata`, from the freshly generated data) and prints their
 * snapshots as JSON on stdout.
 */
import { automatonKey } from '../src/text/automaton.js';
import { snapshotAutomaton } from '../src/text/automaton-snapshot.js';
import type { CollectedAutomaton } from './data/automata.js';
import { generators } from './data/registry.js';

const collected: CollectedAutomaton[] = [];
const seen = new Set<string>();
for (const generator of generators) {
  if (!generator.automata) continue;
  for (const keywords of await generator.automata()) {
    const key = automatonKey(keywords);
    if (seen.has(key)) continue;
    seen.add(key);
    collected.push({
      generator: generator.name,
      key,
      phrases: keywords.length,
      snapshot: snapshotAutomaton(keywords),
    });
  }
}
process.stdout.write(JSON.stringify(collected));
