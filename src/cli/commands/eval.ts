import { parseCommandArgs } from '../parse-args.js';
import { createIntentClassifier } from '../../intent/classifier.js';
import { parseEvaluationRows } from '../evaluation/rows.js';
import { scoreIntents, type EvaluationReport } from '../evaluation/score.js';
import { printable } from '../formatters/text.js';
import { normalize } from '../../normalize/index.js';
import type { Command } from '../command.js';
import { ExitCode, readFileArgument } from '../io.js';
import { jsonOrPretty } from '../json-or-pretty.js';
import { UsageError } from '../usage-error.js';
import {
  calibrationReport,
  confusionMatrix,
  type CalibrationReport,
  type ConfusionMatrix,
} from '../evaluation/calibration.js';

/** The largest evaluation file read: about the longest string V8 can hold (2^29 characters). */
const EVAL_MAX_BYTES = 512 * 1024 * 1024;

const CLASSIFIERS = ['default', 'natural'] as const;
type ClassifierName = (typeof CLASSIFIERS)[number];

const usage = `Usage: huashu eval <file.jsonl | -> [options]

Measure the intent classifier on labelled messages: accuracy, macro-F1, precision / recall / F1
and support per intent, and the most frequent confusions.

  <file.jsonl>            one JSON object per line: {"text": "…", "accept": ["id", …] | "intent": "id",
                          "prev_agent_turn": "…"} (the agent's previous message is passed as context)
  --format <f>            pretty (default on a terminal) or json
  --classifier <c>        default (huashu's model) or natural (needs the natural package)
  --min-accuracy <x>      exit 1 when accuracy is below x (0–1)
  --min-macro-f1 <x>      exit 1 when macro-F1 is below x (0–1)
  --confusions <n>        how many confusions to list (default 10)
  --matrix                print the whole confusion matrix (always in --format json)

Scoring: a prediction is correct when it is in "accept". For macro-F1 a correct row is a true
positive of the predicted id; a wrong one is a false positive of the predicted id and a false
negative of accept[0]. Macro-F1 averages every intent expected or predicted at least once.`;

export interface EvaluationOutput extends EvaluationReport {
  file: string;
  classifier: ClassifierName;
  /** Classification time per message, in microseconds (mean of a second, warm pass). */
  microsecondsPerMessage: number;
  /** Whether the confidence can be trusted: ECE over 10 bins, accuracy on the surest 50 / 80 / 100 %. */
  calibration: CalibrationReport;
  /** Every expected × predicted count. */
  matrix: ConfusionMatrix;
}

function fraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`${name} must be a number from 0 to 1, not "${value}"`);
  return n;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The confusion matrix with numbered columns (rows: expected, columns: predicted). */
function formatMatrix(matrix: ConfusionMatrix): string[] {
  const width = Math.max(6, ...matrix.labels.map((l) => l.length));
  const cell = Math.max(3, ...matrix.counts.flat().map((n) => String(n).length + 1));
  const header = `${'expected \\ predicted'.padEnd(width + 4)}${matrix.labels.map((_, i) => String(i + 1).padStart(cell)).join('')}`;
  return [
    'Confusion matrix (rows: expected, columns: predicted, numbered as the rows):',
    header,
    ...matrix.labels.map(
      (label, r) =>
        `${String(r + 1).padStart(2)}. ${label.padEnd(width)}${(matrix.counts[r] ?? []).map((n) => (n === 0 ? '.' : String(n)).padStart(cell)).join('')}`,
    ),
  ];
}

/** The report as a terminal table (with the confusion matrix when `showMatrix`). Pure. */
export function formatEvaluationPretty(output: EvaluationOutput, showMatrix = false): string {
  const width = Math.max(6, ...output.intents.map((s) => s.intent.length));
  const lines = [
    `${output.file} — ${output.rows} messages, classifier ${output.classifier}`,
    '',
    `accuracy  ${percent(output.accuracy)} (${output.correct}/${output.rows})`,
    `macro-F1  ${percent(output.macroF1)}`,
    `speed     ${output.microsecondsPerMessage.toFixed(1)} µs per message (mean, warm)`,
    `ECE       ${output.calibration.ece.toFixed(3)} (10 bins of the top confidence)`,
    `coverage  accuracy on the surest 50% ${percent(output.calibration.accuracyAtCoverage['50'])}, 80% ${percent(output.calibration.accuracyAtCoverage['80'])}, 100% ${percent(output.calibration.accuracyAtCoverage['100'])}`,
    '',
    'confidence   messages  mean conf.  accuracy',
    ...output.calibration.bins
      .filter((b) => b.count > 0)
      .map(
        (b) =>
          `${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.count).padStart(10)}  ${percent(b.confidence).padStart(10)}  ${percent(b.accuracy).padStart(8)}`,
      ),
    '',
    `${'intent'.padEnd(width)}  precision  recall      F1  support`,
    ...output.intents.map(
      (s) =>
        `${s.intent.padEnd(width)}  ${percent(s.precision).padStart(9)}  ${percent(s.recall).padStart(6)}  ${percent(s.f1).padStart(6)}  ${String(s.support).padStart(7)}`,
    ),
  ];
  if (showMatrix) lines.push('', ...formatMatrix(output.matrix));
  if (output.confusions.length > 0) {
    lines.push('', 'Top confusions (expected → predicted):');
    for (const c of output.confusions)
      lines.push(`  ${String(c.count).padStart(4)}  ${c.expected} → ${c.predicted}`);
  }
  return lines.join('\n');
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Measure the intent classifier on a labelled JSONL file',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        classifier: { type: 'string' },
        'min-accuracy': { type: 'string' },
        'min-macro-f1': { type: 'string' },
        confusions: { type: 'string' },
        matrix: { type: 'boolean' },
      },
    });
    const format = jsonOrPretty(values.format, (io.stdout as { isTTY?: boolean }).isTTY === true);
    const classifierName = (values.classifier ?? 'default') as ClassifierName;
    if (!CLASSIFIERS.includes(classifierName))
      throw new UsageError(`--classifier must be ${CLASSIFIERS.join(' or ')}, not "${values.classifier}"`);
    const minAccuracy = fraction('--min-accuracy', values['min-accuracy']);
    const minMacroF1 = fraction('--min-macro-f1', values['min-macro-f1']);
    const confusions = values.confusions === undefined ? 10 : Number(values.confusions);
    if (!Number.isInteger(confusions) || confusions < 0)
      throw new UsageError(`--confusions must be a whole number, not "${values.confusions}"`);
    if (positionals.length !== 1) throw new UsageError('eval takes one JSONL file (or - for standard input)');
    const argument = positionals[0] ?? '';

    const text = await readFileArgument(io, argument, EVAL_MAX_BYTES);
    const rows = parseEvaluationRows(text, argument === '-' ? undefined : argument);

    let classifier = createIntentClassifier();
    if (classifierName === 'natural') {
      // Loaded only when asked for: natural is an optional peer dependency.
      const { createNaturalClassifier } = await import('../../node/natural.js');
      classifier = createIntentClassifier({ classifier: createNaturalClassifier() });
    }
    const predict = (row: (typeof rows)[number]) =>
      classifier.classify(
        normalize(row.text),
        row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
      ).intent;
    const predictions = rows.map(predict);
    const scored = rows.map((row, i) => ({ accept: row.accept, predicted: predictions[i]?.id ?? 'other' }));
    // Speed is timed on a second pass, once the code is compiled (the first pays for warming up).
    const started = performance.now();
    for (const row of rows) predict(row);
    const elapsed = performance.now() - started;
    const output: EvaluationOutput = {
      file: argument,
      classifier: classifierName,
      microsecondsPerMessage: (elapsed * 1000) / rows.length,
      ...scoreIntents(scored, confusions),
      calibration: calibrationReport(
        scored.map((row, i) => ({
          confidence: predictions[i]?.confidence ?? 0,
          correct: row.accept.includes(row.predicted),
        })),
      ),
      matrix: confusionMatrix(scored),
    };
    io.stdout.write(
      format === 'json'
        ? `${JSON.stringify(output, null, 2)}\n`
        : `${printable(formatEvaluationPretty(output, values.matrix === true))}\n`,
    );
    const belowTarget =
      (minAccuracy !== undefined && output.accuracy < minAccuracy) ||
      (minMacroF1 !== undefined && output.macroF1 < minMacroF1);
    return belowTarget ? ExitCode.Findings : ExitCode.Ok;
  },
};
