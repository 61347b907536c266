import type { Analysis, LintResult } from '../../../src/index.js';
import type { Probe } from './probe.js';

/** Every range of an analysis, labelled, on the ORIGINAL text. */
function* analysisRanges(analysis: Analysis): Generator<readonly [string, unknown]> {
  for (const [i, candidate] of (analysis.intents ?? []).entries())
    for (const [j, evidence] of (candidate.evidence ?? []).entries())
      if (evidence.range !== undefined) yield [`intents[${i}].evidence[${j}]`, evidence.range];
  for (const [i, signal] of (analysis.signals ?? []).entries())
    for (const [j, evidence] of (signal.evidence ?? []).entries())
      yield [`signals[${i}].evidence[${j}] (${signal.id})`, evidence.range];
  for (const [i, entity] of (analysis.entities ?? []).entries())
    yield [`entities[${i}] (${entity.type})`, entity.range];
}

const unit = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;

/** An analysis of `text`: ranges inside it, confidences and scores in [0, 1], the text as given. */
export function checkAnalysis(probe: Probe, label: string, text: string, analysis: Analysis): void {
  probe.check(analysis.text === text, () => `${label}: analysis.text is not the message as given`);
  probe.ranges(label, analysisRanges(analysis), text.length);
  probe.check(
    unit(analysis.intent?.confidence),
    () => `${label}: intent.confidence ${analysis.intent?.confidence} is not in [0, 1]`,
  );
  for (const candidate of analysis.intents ?? [])
    probe.check(
      unit(candidate.confidence),
      () => `${label}: intents confidence ${candidate.confidence} of ${candidate.id} is not in [0, 1]`,
    );
  for (const signal of analysis.signals ?? [])
    probe.check(
      unit(signal.score),
      () => `${label}: signal ${signal.id} score ${signal.score} is not in [0, 1]`,
    );
}

/**
 * A lint result of `reply`: finding and fix ranges inside the reply, counts that match the
 * findings, and none of the personal data `pii` repeated verbatim in what a finding says.
 */
export function checkLint(
  probe: Probe,
  label: string,
  reply: string,
  result: LintResult,
  pii: readonly string[],
): void {
  const findings = result.findings ?? [];
  probe.ranges(
    label,
    findings.flatMap((f, i) => [
      [`findings[${i}] (${f.ruleId})`, f.range] as const,
      ...(f.fix === undefined ? [] : [[`findings[${i}].fix (${f.ruleId})`, f.fix.range] as const]),
    ]),
    reply.length,
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  probe.check(
    result.errorCount === errors && result.warningCount === findings.length - errors,
    () =>
      `${label}: errorCount ${result.errorCount} / warningCount ${result.warningCount} do not match the ${findings.length} findings`,
  );
  for (const finding of findings) {
    const said = [
      ['message', finding.message],
      ['actual', finding.actual],
      ['expected', finding.expected],
      ['fix.text', finding.fix?.text],
      ...Object.entries(finding.data ?? {}).map(([key, value]) => [`data.${key}`, value]),
    ] as const;
    for (const [field, value] of said)
      for (const secret of pii)
        if (typeof value === 'string' && value.includes(secret)) {
          probe.fail(
            `${label}: ${finding.ruleId} repeats personal data "${secret}" verbatim in ${field}: ${JSON.stringify(value).slice(0, 200)}`,
          );
          return;
        }
  }
}

/** C0 controls other than tab and line feed, DEL, C1 controls (CSI 0x9b among them). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

/** Output meant for a terminal or a CI log carries no raw control or escape characters. */
export function checkTerminalText(probe: Probe, label: string, text: string): void {
  const match = CONTROL.exec(text);
  if (match !== null) {
    const at = match.index;
    probe.fail(
      `${label} writes the control character U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')} raw: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`,
    );
  }
}
