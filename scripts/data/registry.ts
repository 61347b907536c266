import type { DataGenerator } from './types.js';
import { actionsGenerator } from './actions.js';
import { agentTurnGenerator } from './agent-turn.js';
import { automataGenerator } from './automata.js';
import { hanziGenerator } from './hanzi.js';
import { idsGenerator } from './ids.js';
import { intentsGenerator } from './intents.js';
import { languageGenerator } from './language.js';
import { lintGenerator, lintSuggestionsGenerator } from './lint.js';
import { lintDocsGenerator } from './lint-docs.js';
import { phoneGenerator } from './phone.js';
import { qaGenerator } from './qa.js';
import { qaReportGenerator } from './qa-report.js';
import { schemasGenerator } from './schemas.js';
import { signalsGenerator } from './signals.js';
import { templatesGenerator } from './templates.js';
import { textGenerator } from './text.js';
import { versionGenerator } from './version.js';

/** Every build-time data generator, in run order. Add yours here. */
export const generators: DataGenerator[] = [
  versionGenerator,
  hanziGenerator,
  languageGenerator,
  textGenerator,
  // Before the intents: the model's features read the agent's turn.
  agentTurnGenerator,
  phoneGenerator,
  lintGenerator,
  lintDocsGenerator,
  // After lint: its cues compile with the lint skeleton and lists.
  qaGenerator,
  qaReportGenerator,
  intentsGenerator,
  signalsGenerator,
  templatesGenerator,
  // After the templates: it renders the sentences the linter suggests with the catalogue.
  lintSuggestionsGenerator,
  actionsGenerator,
  schemasGenerator,
  idsGenerator,
  // Last: it snapshots the phrase automata of everything generated above.
  automataGenerator,
];
