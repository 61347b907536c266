import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as huashu from '../src/index.js';

// The exact public surface: adding or removing an export is a deliberate, reviewed change.
const PUBLIC_EXPORTS = [
  'HuashuError',
  'VERSION',
  'applyFixes',
  'createLinter',
  'defineRule',
  'lintOptionsSchema',
  'lintRules',
  'phrasePackSchema',
  'aggregateResults',
  'CHECK_IDS',
  'createQa',
  'DEFAULT_SCORECARD',
  'parseScorecard',
  'qaOptionsSchema',
  'scorecardJsonSchema',
  'scorecardSchema',
  'turnRecordSchema',
  'createAssistant',
  'createIntentClassifier',
  'INTENT_IDS',
  'intentOptionsSchema',
  'parseEvaluationRows',
  'patternGroupSchema',
  'scoreIntents',
  'createTemplateCatalogue',
  'factsJsonSchema',
  'factsSchema',
  'detectLanguage',
  'isHuashuError',
  'LIMITS',
  'normalize',
  'templateDefinitionSchema',
  'toOriginalRange',
];

describe('public exports', () => {
  it('the source entry exports exactly the public list', () => {
    expect(Object.keys(huashu).sort()).toEqual([...PUBLIC_EXPORTS].sort());
  });

  it('the built CJS entry (require) exposes the same list', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('../dist/index.cjs') as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual([...PUBLIC_EXPORTS].sort());
    expect(typeof cjs.createAssistant).toBe('function');
  });

  it('the built ESM entry (import) exposes the same list', async () => {
    const esm = (await import('../dist/index.js')) as Record<string, unknown>;
    expect(Object.keys(esm).sort()).toEqual([...PUBLIC_EXPORTS].sort());
  });
});
