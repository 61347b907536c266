/**
 * A paired check of two classifier settings on real customer messages that nothing in the project
 * was written from: the customer turns of ../shared/eval/zh-jddc-agent-replies.jsonl (the lint
 * file; its customer messages are never read by the training, the patterns or the tuning), minus
 * any text of the dev file. Each setting is a pattern scale (`scale:2`) or a model file
 * (`model:/tmp/m.json`, the shipped scale).
 *
 * `sheet` writes the messages the two settings answer differently, with the agent turn before each
 * (rebuilt from the turn ids) and the two answers as A / B in a seeded random order, to
 * node_modules/.cache/intent-lab/ (git-ignored: evaluation text never enters the repository).
 * A person labels them blind to which setting gave which — one line per message, `<n> A|B|both|N|T`
 * (A right, B right, both acceptable, neither, unsure) — and `score` prints counts only. Only the
 * disagreements need a label, so a difference of a point or two shows after a hundred labels
 * instead of a thousand.
 *
 *   npx tsx scripts/intent-lab/real-disagreements.ts sheet scale:0 scale:2 [--sample 120] [--name s0s2]
 *   npx tsx scripts/intent-lab/real-disagreements.ts score --name s0s2 labels.txt
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { linearIntentModel } from '../../src/intent/built-in-model.js';
import { createIntentClassifier, type IntentClassifier } from '../../src/intent/classifier.js';
import { normalize } from '../../src/normalize/index.js';
import { EVAL_DIR } from '../corpus/leakage.js';
import { readRealReplies } from '../real-replies.js';
import { LAB_CACHE, random } from './data.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sample: { type: 'string', default: '0' },
    name: { type: 'string', default: 'pair' },
    seed: { type: 'string', default: '12345' },
  },
});
const [command, ...args] = positionals;
const sheetFile = join(LAB_CACHE, `${values.name}.sheet.txt`);
const keyFile = join(LAB_CACHE, `${values.name}.key.json`);

function classifierOf(setting: string): IntentClassifier {
  const [kind, value] = setting.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'scale' && value !== undefined && Number.isFinite(Number(value)))
    return createIntentClassifier({}, { patternScale: Number(value) });
  if (kind === 'model' && value !== undefined)
    return createIntentClassifier({}, { model: linearIntentModel(JSON.parse(readFileSync(value, 'utf8'))) });
  throw new Error(`a setting is scale:<number> or model:<file.json>, not ${setting}`);
}

/** Customer turns with the agent turn before each (the reply two turn numbers earlier). */
function freshMessages(): Array<{ text: string; prev: string | null }> {
  const rows = readRealReplies('real-disagreements');
  const devFile = join(EVAL_DIR, 'zh-jddc-intents.jsonl');
  const devTexts = new Set(
    parseEvaluationRows(readFileSync(devFile, 'utf8'), devFile).map((row) => row.text.trim()),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const out: Array<{ text: string; prev: string | null }> = [];
  for (const row of rows) {
    const text = (row.customer_message ?? '').trim();
    if (text === '' || devTexts.has(text) || seen.has(text)) continue;
    seen.add(text);
    const turn = /^(.*)-t(\d+)$/.exec(row.id);
    const before = turn ? byId.get(`${turn[1]}-t${String(Number(turn[2]) - 2).padStart(3, '0')}`) : undefined;
    out.push({ text, prev: before?.reply ?? null });
  }
  return out;
}

if (command === 'sheet') {
  const [x, y] = args as [string, string];
  if (x === undefined || y === undefined) throw new Error('sheet needs two settings');
  const [cx, cy] = [classifierOf(x), classifierOf(y)];
  const rnd = random(Number(values.seed));
  const messages = freshMessages();
  const differ: Array<{ text: string; prev: string | null; A: string; B: string; aIs: 'x' | 'y' }> = [];
  for (const { text, prev } of messages) {
    const context = prev === null ? undefined : { previousAgentMessage: prev };
    const ix = cx.classify(normalize(text), context).intent.id;
    const iy = cy.classify(normalize(text), context).intent.id;
    if (ix === iy) continue;
    const flip = rnd() < 0.5;
    differ.push({ text, prev, A: flip ? iy : ix, B: flip ? ix : iy, aIs: flip ? 'y' : 'x' });
  }
  // A seeded shuffle, then the first `sample` (all when 0).
  for (let i = differ.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [differ[i], differ[j]] = [differ[j]!, differ[i]!];
  }
  const sample = Number(values.sample) > 0 ? differ.slice(0, Number(values.sample)) : differ;
  mkdirSync(LAB_CACHE, { recursive: true });
  writeFileSync(
    keyFile,
    JSON.stringify({
      x,
      y,
      messages: messages.length,
      disagreements: differ.length,
      sample: sample.map((d) => d.aIs),
    }),
  );
  writeFileSync(
    sheetFile,
    sample
      .map((d, i) => `#${i + 1}\n  prev: ${d.prev ?? '-'}\n  text: ${d.text}\n  A: ${d.A}   B: ${d.B}\n`)
      .join('\n'),
  );
  console.log(
    `${messages.length} distinct customer messages; ${x} and ${y} differ on ${differ.length}; ${sample.length} written to ${sheetFile}`,
  );
} else if (command === 'score') {
  const labels = args[0];
  if (labels === undefined || !existsSync(labels) || !existsSync(keyFile))
    throw new Error('score needs --name of a written sheet and the labels file');
  const key = JSON.parse(readFileSync(keyFile, 'utf8')) as {
    x: string;
    y: string;
    messages: number;
    disagreements: number;
    sample: Array<'x' | 'y'>;
  };
  const count = { x: 0, y: 0, both: 0, N: 0, T: 0 };
  for (const line of readFileSync(labels, 'utf8').split('\n')) {
    const m = /^\s*(\d+)\s+(A|B|both|N|T)\s*$/.exec(line);
    if (!m) continue;
    const aIs = key.sample[Number(m[1]) - 1];
    if (aIs === undefined) throw new Error(`no message #${m[1]} in the sheet`);
    const label = m[2] as 'A' | 'B' | 'both' | 'N' | 'T';
    if (label === 'A' || label === 'B') count[(label === 'A') === (aIs === 'x') ? 'x' : 'y']++;
    else count[label]++;
  }
  const labelled = count.x + count.y + count.both + count.N + count.T;
  const net = ((count.y - count.x) / Math.max(1, labelled)) * (key.disagreements / key.messages);
  console.log(
    `${labelled} of ${key.disagreements} disagreements labelled (of ${key.messages} messages): ` +
      `${key.x} right ${count.x}, ${key.y} right ${count.y}, both ${count.both}, neither ${count.N}, unsure ${count.T}; ` +
      `estimated accuracy ${key.y} − ${key.x}: ${(net * 100).toFixed(1)} points`,
  );
} else {
  throw new Error(
    'usage: real-disagreements.ts sheet <x> <y> [--sample n] [--name n] | score --name n <labels>',
  );
}
