/**
 * Signals and entities: µs per message of extractSignals + extractEntities on the eval files
 * (imported from src/ through tsx), the cost of building the phrase automaton, and how many
 * messages get each signal and entity type (measured, not asserted; read a sample for precision).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { extractEntities } from '../src/entities/index.js';
import { phraseLexicon } from '../src/generated/phrase-lexicon.js';
import { normalize } from '../src/normalize/index.js';
import { extractSignals } from '../src/signals/index.js';
import { evalDir } from './foundation.bench.js';
import { fmt, readJsonl, timePerItem, type Row, type Suite } from './harness.js';

interface EvalRow {
  text: string;
  offensive?: boolean;
}

function rows(file: string): EvalRow[] {
  return readJsonl<EvalRow>(readFileSync(join(evalDir, file), 'utf8'));
}

function timing(label: string, texts: readonly string[]): Row[] {
  // normalize() runs once per message in analyze() anyway; time it apart from the extraction.
  const folded = texts.map((t) => normalize(t));
  const both = timePerItem(texts, (t) => {
    const n = normalize(t);
    extractSignals(n);
    extractEntities(n);
  });
  // A fresh NormalizedText per call would include normalize; reuse the folded one but defeat the
  // per-object scan cache by copying it, so every call pays for its own Aho-Corasick pass.
  const signalsOnly = timePerItem(folded, (n) => extractSignals({ ...n }));
  const entitiesOnly = timePerItem(folded, (n) => extractEntities({ ...n }));
  const shared = timePerItem(folded, (n) => {
    const copy = { ...n };
    extractSignals(copy);
    extractEntities(copy);
  });
  return [
    {
      measure: `extractSignals µs/message (${label})`,
      median: fmt(signalsOnly.medianUs),
      p99: fmt(signalsOnly.p99Us),
      goal: '',
    },
    {
      measure: `extractEntities µs/message (${label})`,
      median: fmt(entitiesOnly.medianUs),
      p99: fmt(entitiesOnly.p99Us),
      goal: '',
    },
    {
      measure: `extractSignals + extractEntities µs/message (${label})`,
      median: fmt(shared.medianUs),
      p99: fmt(shared.p99Us),
      goal: 'a few µs',
    },
    {
      measure: `normalize + both µs/message (${label})`,
      median: fmt(both.medianUs),
      p99: fmt(both.p99Us),
      goal: '',
    },
  ];
}

function coverage(label: string, data: readonly EvalRow[]): Row[] {
  const signals = new Map<string, number>();
  const entities = new Map<string, number>();
  for (const row of data) {
    const n = normalize(row.text);
    for (const s of extractSignals(n)) signals.set(s.id, (signals.get(s.id) ?? 0) + 1);
    for (const type of new Set(
      extractEntities(n).map((e) => (e.placeholder ? `${e.type} (placeholder)` : e.type)),
    )) {
      entities.set(type, (entities.get(type) ?? 0) + 1);
    }
  }
  const out: Row[] = [];
  for (const [id, count] of [...signals].sort())
    out.push({
      measure: `${label}: messages with signal ${id}`,
      median: `${count}/${data.length}`,
      p99: '',
      goal: '',
    });
  for (const [type, count] of [...entities].sort())
    out.push({
      measure: `${label}: messages with entity ${type}`,
      median: `${count}/${data.length}`,
      p99: '',
      goal: '',
    });
  return out;
}

/** Share of the offensive-register rows of the English set that get anger or abuse, and of the rest. */
function offensiveRecall(data: readonly EvalRow[]): Row[] {
  let hitOffensive = 0;
  let offensive = 0;
  let hitOther = 0;
  for (const row of data) {
    const flagged = extractSignals(normalize(row.text)).some(
      (s) => s.id === 'emotion.anger' || s.id === 'abuse',
    );
    if (row.offensive) {
      offensive++;
      if (flagged) hitOffensive++;
    } else if (flagged) hitOther++;
  }
  return [
    {
      measure: 'en-bitext: offensive rows with anger or abuse',
      median: `${hitOffensive}/${offensive}`,
      p99: '',
      goal: '',
    },
    {
      measure: 'en-bitext: other rows with anger or abuse',
      median: `${hitOther}/${data.length - offensive}`,
      p99: '',
      goal: '',
    },
  ];
}

export const signalsSuite: Suite = {
  name: 'signals',
  run() {
    const zh = rows('zh-jddc-intents.jsonl');
    const en = rows('en-bitext-intents.jsonl');
    // Wall time and CPU time: on a shared machine the CPU time is the steadier of the two.
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < 5; i++) new AhoCorasick(phraseLexicon().keywords);
    const buildMs = (performance.now() - started) / 5;
    const used = process.cpuUsage(cpu);
    const buildCpuMs = (used.user + used.system) / 1000 / 5;
    return [
      ...timing(
        `zh-jddc, ${zh.length}`,
        zh.map((r) => r.text),
      ),
      ...timing(
        `en-bitext, ${en.length}`,
        en.map((r) => r.text),
      ),
      {
        measure: `build the phrase automaton ms (${phraseLexicon().keywords.length} phrases, once, on first use)`,
        median: fmt(buildMs),
        p99: '',
        goal: '',
      },
      { measure: 'build the phrase automaton, CPU ms', median: fmt(buildCpuMs), p99: '', goal: '' },
      ...coverage('zh-jddc', zh),
      ...coverage('en-bitext', en),
      ...offensiveRecall(en),
    ];
  },
};
