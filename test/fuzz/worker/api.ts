// Every public entry the fuzz suite calls: the root (`huashu`), the subpaths (`huashu/intent`,
// `huashu/lint`, `huashu/templates`, `huashu/text`, `huashu/schemas`) and the CLI's evaluation scoring.
export * from '../../../src/index.js';
export * from '../../../src/entry/intent.js';
export * from '../../../src/entry/lint.js';
export * from '../../../src/entry/templates.js';
export * from '../../../src/entry/text.js';
export * from '../../../src/entry/schemas.js';
export { parseEvaluationRows } from '../../../src/cli/evaluation/rows.js';
export { scoreIntents } from '../../../src/cli/evaluation/score.js';
