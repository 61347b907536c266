import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as intent from '../src/entry/intent.js';
import * as lint from '../src/entry/lint.js';
import * as qa from '../src/entry/qa.js';
import * as schemas from '../src/entry/schemas.js';
import * as templates from '../src/entry/templates.js';
import * as text from '../src/entry/text.js';
import * as root from '../src/index.js';
import * as node from '../src/node/index.js';
import * as redis from '../src/entry/redis.js';

/**
 * The exact public surface of every entry point (package.json `exports`): adding or removing an
 * export is a deliberate, reviewed change. The root is the assistant, its errors and the version;
 * each area's own entry points are a documented subpath.
 */
const ENTRIES = {
  '.': {
    source: root,
    dist: 'index',
    values: [
      'HuashuError',
      'VERSION',
      'createAssistant',
      'createConversationSession',
      'createMemoryStore',
      'isHuashuError',
    ],
  },
  './intent': {
    source: intent,
    dist: 'intent',
    values: ['INTENT_IDS', 'createIntentClassifier', 'exampleModel'],
  },
  './lint': { source: lint, dist: 'lint', values: ['applyFixes', 'createLinter', 'defineRule', 'lintRules'] },
  './qa': {
    source: qa,
    dist: 'qa',
    values: [
      'CHECK_IDS',
      'DEFAULT_SCORECARD',
      'aggregateResults',
      'createQa',
      'parseScorecard',
      'scorecardJsonSchema',
    ],
  },
  './schemas': {
    source: schemas,
    dist: 'schemas',
    values: [
      'LIMITS',
      'actionRuleFileJsonSchema',
      'assistantOptionsJsonSchema',
      'configJsonSchema',
      'contextJsonSchema',
      'factsJsonSchema',
      'intentOptionsJsonSchema',
      'lintOptionsJsonSchema',
      'patternGroupJsonSchema',
      'phrasePackJsonSchema',
      'templateDefinitionJsonSchema',
    ],
  },
  './templates': {
    source: templates,
    dist: 'templates',
    values: ['createTemplateCatalogue', 'templateCompiler'],
  },
  './text': { source: text, dist: 'text', values: ['detectLanguage', 'normalize', 'toOriginalRange'] },
  './node': {
    source: node,
    dist: 'node/index',
    values: [
      'CONFIG_FILE_NAME',
      'DEFAULT_MAX_FILE_BYTES',
      'DEFAULT_MAX_FOLDER_ENTRIES',
      'HuashuError',
      'createAssistant',
      'createNaturalClassifier',
      'findConfigFile',
      'isHuashuError',
      'loadActionRuleFiles',
      'loadActionRules',
      'loadConfig',
      'loadConfigFile',
      'loadTemplatePack',
      'readIntentCorpus',
      'readTemplateFiles',
    ],
  },
  './redis': {
    source: redis,
    dist: 'redis',
    values: [
      'connectRedis',
      'createRedisStore',
      'hashCustomerId',
      'readStreamAggregates',
      'readStreamResults',
      'runStreamQa',
    ],
  },
} as const;

const dist = join(import.meta.dirname, '..', 'dist');
const sorted = (names: readonly string[]) => [...names].sort();

describe.each(Object.entries(ENTRIES))('huashu%s', (_, entry) => {
  it('the source entry exports exactly the public list', () => {
    expect(sorted(Object.keys(entry.source))).toEqual(sorted(entry.values));
  });

  it('the built ESM entry (import) exposes the same list', async () => {
    const esm = (await import(pathToFileURL(join(dist, `${entry.dist}.js`)).href)) as Record<string, unknown>;
    expect(sorted(Object.keys(esm))).toEqual(sorted(entry.values));
  });

  it('the built CJS entry (require) exposes the same list', () => {
    const cjs = createRequire(import.meta.url)(join(dist, `${entry.dist}.cjs`)) as Record<string, unknown>;
    expect(sorted(Object.keys(cjs))).toEqual(sorted(entry.values));
  });
});

describe('public values', () => {
  it('no zod schema is public: huashu/schemas exports frozen JSON Schemas', () => {
    for (const [name, value] of Object.entries(schemas)) {
      if (name === 'LIMITS') continue;
      expect(value, name).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
      expect(Object.isFrozen(value), name).toBe(true);
      expect(value, name).not.toHaveProperty('parse');
    }
    expect(schemas.factsJsonSchema).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('the CLI formatters and evaluation scoring are not exported by any entry', () => {
    const all = Object.values(ENTRIES).flatMap((entry) => Object.keys(entry.source));
    for (const internal of ['scoreIntents', 'parseEvaluationRows', 'formatSarif', 'formatFindings'])
      expect(all).not.toContain(internal);
  });
});
