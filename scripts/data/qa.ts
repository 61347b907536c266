import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, HuashuError, issuesFromZod, safeParse } from '../../src/errors.js';
import { qaCuesFileSchema, type BuiltInQaCues } from '../../src/qa/cue-schema.js';
import { jsonModule, type DataGenerator } from './types.js';

const FILE = 'rules/qa/cues.json';

/**
 * rules/qa/cues.json → src/generated/qa-cues.ts: validated with zod, every pattern compiled with the
 * lint phrase engine and run against its examples and counter-examples; the build fails listing
 * every problem. Runs after the lint generator (it uses the lint skeleton and lists).
 */
export const qaGenerator: DataGenerator = {
  name: 'qa',
  async generate(root) {
    const { compileAndCheck } = await import('../../src/lint/check-entries.js');
    const { builtInLists, builtInReader } = await import('../../src/lint/built-in-data.js');
    const json: unknown = JSON.parse(readFileSync(join(root, FILE), 'utf8'));
    const parsed = safeParse(qaCuesFileSchema, json);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error, '', FILE);
      throw new HuashuError('INVALID_RULES', `Invalid ${FILE}:\n  ${describeIssues(issues)}`, { issues });
    }
    const sources = parsed.data.phrases.map((entry, index) => ({
      ruleId: 'qa',
      role: entry.role,
      file: FILE,
      path: `phrases[${index}]`,
      entry,
    }));
    const { issues } = compileAndCheck(sources, builtInLists(), builtInReader());
    if (issues.length > 0)
      throw new HuashuError('INVALID_RULES', `Invalid ${FILE}:\n  ${describeIssues(issues)}`, { issues });
    const data: BuiltInQaCues = {
      exclude: parsed.data.exclude,
      phrases: parsed.data.phrases.map(({ examples: _e, counterExamples: _c, ...entry }) => entry),
    };
    return [
      {
        name: 'qa-cues.ts',
        content: jsonModule('qaCueData', '../qa/cue-schema.js', 'BuiltInQaCues', data),
      },
    ];
  },
};
