/**
 * Generator: rules/intents/ → src/generated/intent-model.ts (naive Bayes counts, trained here so
 * nothing trains at import), src/generated/intent-settings.ts (the pattern scale and stop words,
 * apart from the counts), src/generated/intent-patterns.ts (validated pattern groups) and
 * src/generated/intent-linear.ts (the logistic-regression model scripts/intent-lab/train.ts trained
 * into rules/intents/linear-model.json; too slow to train on every build, checked for staleness by
 * test/intent/linear-model-fresh.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import {
  compactLinearModel,
  decodeLinearModel,
  deflateLinearModel,
  type SerializedLinearModel,
} from '../../src/intent/linear-model.js';
import { loadIntentRules } from './intents-rules.js';
import { patternsOf, trainIntentModel } from './intents-train.js';
import { confidenceCalibrationSchema } from '../../src/intent/calibration.js';
import { parseOrThrow } from '../../src/errors.js';
import { jsonModule, type DataGenerator } from './types.js';
import { deflateBest } from './deflate.js';

export const intentsGenerator: DataGenerator = {
  name: 'intents',
  // The pattern automaton (every literal of every group and the mask) is built by the classifier.
  async automata() {
    const { captureAutomatonLists } = await import('../../src/text/automaton.js');
    const { createIntentClassifier } = await import('../../src/intent/classifier.js');
    return captureAutomatonLists(() => createIntentClassifier()).map((list) => list.keywords);
  },
  async generate(root) {
    // normalize() needs the hanzi table, generated before this step: imported only now.
    const { normalize } = await import('../../src/normalize/index.js');
    const rules = loadIntentRules(root, (text) => normalize(text).text);
    const { model, report } = await trainIntentModel(rules, BUILT_IN_INTENT_IDS, rules.stopWords);
    console.error(
      `  intents: ${report.documents} utterances, ${report.features} features, alpha ${report.settings.alpha}, ` +
        `prior ${report.settings.priorWeight}, temperature ${report.settings.temperature}, pattern scale ${report.settings.patternScale}, ` +
        `5-fold accuracy (model alone) ${report.crossValidatedAccuracy.toFixed(3)}, ` +
        `tests accuracy (model + patterns) ${report.testAccuracy.toFixed(3)}, loss ${report.testLoss.toFixed(3)}`,
    );
    const { foldPatternLiterals } = await import('../../src/intent/patterns.js');
    const patterns = patternsOf(rules);
    const shippedPatterns = { ...patterns, ...foldPatternLiterals(patterns.groups, patterns.mask) };
    const linear = JSON.parse(
      readFileSync(join(root, 'rules', 'intents', 'linear-model.json'), 'utf8'),
    ) as SerializedLinearModel;
    const decoded = decodeLinearModel(linear); // throws INVALID_RULES when the file is damaged
    const unknown = decoded.intents.filter((id) => !(BUILT_IN_INTENT_IDS as readonly string[]).includes(id));
    if (unknown.length > 0)
      throw new Error(`rules/intents/linear-model.json: unknown intents ${unknown.join(', ')}`);
    // Shipped with its classes packed (about 50 KB less) and its binary fields and spelling words
    // deflated (about 85 KB less); it must decode to the very same model.
    const compact = deflateLinearModel(compactLinearModel(linear), deflateBest);
    if (!isDeepStrictEqual(decodeLinearModel(compact), decoded))
      throw new Error('rules/intents/linear-model.json: the packed model decodes differently');
    const calibration = parseOrThrow(
      confidenceCalibrationSchema,
      JSON.parse(readFileSync(join(root, 'rules', 'intents', 'calibration.json'), 'utf8')),
      'INVALID_RULES',
      'rules/intents/calibration.json',
    );
    return [
      {
        name: 'intent-calibration.ts',
        content: jsonModule(
          'intentCalibration',
          '../intent/calibration.js',
          'ConfidenceCalibration',
          calibration,
          'The confidence calibration of rules/intents/calibration.json (scripts/intent-lab/calibrate.ts)',
        ),
      },
      {
        name: 'intent-linear.ts',
        content: jsonModule(
          'intentLinearModel',
          '../intent/linear-model.js',
          'SerializedLinearModel',
          compact,
          'The logistic-regression intent model of rules/intents/linear-model.json',
        ),
      },
      {
        name: 'intent-model.ts',
        content: jsonModule(
          'intentModel',
          '../intent/naive-bayes.js',
          'SerializedNaiveBayes',
          model,
          'The intent model trained at build time',
        ),
      },
      {
        name: 'intent-settings.ts',
        content: jsonModule(
          'intentSettings',
          '../intent/built-in-settings.js',
          'BuiltInIntentSettings',
          { patternScale: model.patternScale, stopWords: model.stopWords },
          'The built-in classifier settings besides its models (pattern scale, English stop words)',
        ),
      },
      {
        name: 'intent-patterns.ts',
        content: jsonModule(
          'intentPatterns',
          '../intent/patterns.js',
          'BuiltInPatterns',
          shippedPatterns,
          'The intent pattern groups and mask literals of rules/intents/, their literals folded',
        ),
      },
    ];
  },
};
