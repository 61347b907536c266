/**
 * The reply linter on real agent replies (../shared/eval/zh-jddc-agent-replies.jsonl, 2,349 JD.com
 * replies, read at run time): µs per reply, each reply timed once per round as it comes, one after
 * another (no reply twice in a row, so no CPU cache or branch history left by the same text; the
 * timer's own cost is measured and taken off). Goal: median ≤ 2.5 µs. Side by side on the same
 * replies, textlint with textlint-rule-prh and a prh dictionary generated here, into a temporary
 * folder, from the same phrase data (rules/lint/). Both columns say how many replies they flag.
 *
 * The prh dictionary is as equivalent as prh can express: every pattern's alternatives, `…` gaps as
 * `.{0,n}` inside a sentence, 你 as [你您], clause ends and adjacent exceptions as look-arounds.
 * prh has no folding (traditional, full width, spaces, particles) and no context windows
 * (`unlessBefore/After/Inside/Later`), so it flags what the huashu data excludes by context.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from '../src/lint/linter.js';
import { expandAlternatives, type PhraseEntry } from '../src/lint/data-schema.js';
import { evalDir } from './foundation.bench.js';
import { fmt, readJsonl, summarize, timeConsecutive, type Row, type Suite } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The rules that report without facts or a conversation, and the roles that are findings. */
const PRH_RULES: Record<string, string[]> = {
  'no-forbidden-phrase': ['phrase'],
  'no-overpromise': ['promise'],
  'no-offplatform-contact': ['contact'],
};

const CLAUSE_MARKS = '\\s，。！？、,.!?;；~～…';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function literalRegex(text: string): string {
  return [...text].map((char) => (char === '你' || char === '您' ? '[你您]' : escapeRegex(char))).join('');
}

/** prh rules (YAML) from rules/lint/*.json. */
function prhDictionary(): { yaml: string; count: number } {
  const dir = join(root, 'rules', 'lint');
  const lists = new Map<string, string[]>();
  const entries: Array<{ rule: string; entry: PhraseEntry }> = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      rule?: string;
      lists?: Record<string, string[]>;
      phrases?: PhraseEntry[];
    };
    for (const [list, values] of Object.entries(json.lists ?? {}))
      lists.set(list, [...(lists.get(list) ?? []), ...values]);
    const roles = json.rule === undefined ? undefined : PRH_RULES[json.rule];
    if (roles === undefined) continue;
    for (const entry of json.phrases ?? [])
      if (roles.includes(entry.role ?? roles[0]!)) entries.push({ rule: json.rule!, entry });
  }
  const expand = (values: readonly string[] | undefined) =>
    (values ?? []).flatMap((v) => (v.startsWith('@') ? (lists.get(v.slice(1)) ?? []) : [v]));
  const lines = ['version: 1', 'rules:'];
  let count = 0;
  for (const { rule, entry } of entries) {
    const gap = `[^。！？!?]{0,${entry.maxGap ?? 8}}`;
    const before = expand(entry.unlessPrecededBy).map(literalRegex);
    const after = expand(entry.unlessFollowedBy).map(literalRegex);
    for (const pattern of entry.patterns) {
      for (const option of expandAlternatives(pattern) ?? []) {
        let regex = option.split('…').map(literalRegex).join(gap);
        if (before.length > 0) regex = `(?<!${before.join('|')})${regex}`;
        if (after.length > 0) regex += `(?!${after.join('|')})`;
        if (entry.at === 'clause-start' || entry.at === 'clause') regex = `(?<=^|[${CLAUSE_MARKS}])${regex}`;
        if (entry.at === 'clause-end' || entry.at === 'clause') regex += `(?=$|[${CLAUSE_MARKS}])`;
        const flags = /[a-z]/i.test(option) ? 'i' : '';
        lines.push(`  - expected: ${JSON.stringify(`[${entry.category ?? rule}]`)}`);
        lines.push(`    pattern: ${JSON.stringify(`/${regex}/${flags}`)}`);
        count++;
      }
    }
  }
  return { yaml: `${lines.join('\n')}\n`, count };
}

interface TextlintLinter {
  lintText(text: string, filePath: string): Promise<{ messages: unknown[] }>;
}

async function textlintWithPrh(dir: string): Promise<{ linter: TextlintLinter; rules: number }> {
  const { yaml, count } = prhDictionary();
  writeFileSync(join(dir, 'prh.yml'), yaml);
  const config = join(dir, '.textlintrc.json');
  writeFileSync(config, JSON.stringify({ rules: { prh: { rulePaths: [join(dir, 'prh.yml')] } } }));
  const textlint = await import('textlint');
  const descriptor = await textlint.loadTextlintrc({
    configFilePath: config,
    node_modulesDir: join(root, 'node_modules'),
  });
  return { linter: textlint.createLinter({ descriptor }), rules: count };
}

export const lintSuite: Suite = {
  name: 'lint',
  async run() {
    const replies = readJsonl<{ reply: string }>(
      readFileSync(join(evalDir, 'zh-jddc-agent-replies.jsonl'), 'utf8'),
    ).map((r) => r.reply);
    const started = performance.now();
    const linter = createLinter();
    const buildMs = performance.now() - started;

    let flagged = 0;
    let withErrors = 0;
    for (const reply of replies) {
      const result = linter.lint(reply);
      if (result.findings.length > 0) flagged++;
      if (result.errorCount > 0) withErrors++;
    }
    const huashu = timeConsecutive(replies, (reply) => linter.lint(reply), 20);

    const dir = mkdtempSync(join(tmpdir(), 'huashu-prh-'));
    let rows: Row[];
    try {
      const prhStarted = performance.now();
      const { linter: textlint, rules } = await textlintWithPrh(dir);
      const prhBuildMs = performance.now() - prhStarted;
      // textlint takes milliseconds per reply: warm up on a sample, then one timed pass that also counts.
      const file = join(dir, 'reply.txt');
      for (const reply of replies.slice(0, 200)) await textlint.lintText(reply, file);
      let prhFlagged = 0;
      const samples = new Float64Array(replies.length);
      for (let i = 0; i < replies.length; i++) {
        const start = performance.now();
        const result = await textlint.lintText(replies[i]!, file);
        samples[i] = (performance.now() - start) * 1000;
        if (result.messages.length > 0) prhFlagged++;
      }
      const prh = summarize(samples, samples.length);
      const share = (n: number) => `${n} (${fmt((100 * n) / replies.length, 2)}%)`;
      rows = [
        {
          linter: `huashu createLinter().lint (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
          'µs/reply median': fmt(huashu.medianUs),
          'µs/reply p99': fmt(huashu.p99Us),
          'replies/s (1 core)': Math.round(1e6 / huashu.meanUs),
          flagged: share(flagged),
          'with an error': share(withErrors),
          'build ms': fmt(buildMs, 1),
          goal: 'median ≤ 2.5 µs, errors ≤ 2%',
        },
        {
          linter: `textlint + textlint-rule-prh (${rules} prh rules)`,
          'µs/reply median': fmt(prh.medianUs),
          'µs/reply p99': fmt(prh.p99Us),
          'replies/s (1 core)': Math.round(1e6 / prh.meanUs),
          flagged: share(prhFlagged),
          'with an error': share(prhFlagged),
          'build ms': fmt(prhBuildMs, 1),
          goal: '',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
