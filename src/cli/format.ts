import type { FullReply } from '../assistant/index.js';
import type { Analysis } from '../analysis/types.js';
import { printable } from '../lint/formatters/text.js';

/** The lines every pretty view of a message starts with: text, intent (and secondary), language, risk, signals. */
function analysisHeader(analysis: Analysis): string[] {
  const secondary = analysis.intents
    .filter((i) => i.id !== analysis.intent.id && i.confidence >= 0.35)
    .map((i) => `${i.id} ${i.confidence.toFixed(2)}`);
  return [
    `» ${analysis.text}`,
    `  intent    ${analysis.intent.id} (${analysis.intent.confidence.toFixed(2)})${secondary.length ? `  also ${secondary.join(', ')}` : ''}`,
    `  language  ${analysis.language.locale}   risk ${analysis.risk}`,
    `  signals   ${analysis.signals.length ? analysis.signals.map((s) => s.id).join(', ') : '—'}`,
  ];
}

/** Human-readable rendering of an analysis, for `--format pretty` (control characters made inert). Pure. */
export function formatAnalysisPretty(analysis: Analysis): string {
  const { language } = analysis;
  const lines = analysisHeader(analysis);
  lines[2] = `  language  ${language.locale} (${language.script}, confidence ${language.confidence.toFixed(2)})   risk ${analysis.risk}`;
  const entities = analysis.entities.map((e) => `${e.type}=${e.placeholder ? e.text : e.value}`);
  lines.push(`  entities  ${entities.length ? entities.join(', ') : '—'}`);
  for (const candidate of analysis.intents.slice(0, 3)) {
    const evidence = candidate.evidence.slice(0, 4).map((e) => `${e.source}:${e.detail}`);
    lines.push(`    ${candidate.id} ${candidate.confidence.toFixed(2)}  ${evidence.join('  ')}`);
  }
  return printable(lines.join('\n'));
}

/**
 * A full reply (`assistant.reply()`), for `huashu reply` and `huashu demo`: intent, signals, each
 * action with its reason, the reply parts as rendered (or the variables they still need) and the
 * lint result of the reply. Pure.
 */
export function formatReplyPretty(reply: FullReply): string {
  const { analysis } = reply;
  const lines = analysisHeader(analysis);
  if (reply.actions.length === 0) lines.push('  actions   —');
  else {
    lines.push('  actions');
    reply.actions.forEach((action, i) => {
      const params = Object.keys(action.params).length ? ` ${JSON.stringify(action.params)}` : '';
      lines.push(`    ${i + 1}. ${action.id}${params}  ${action.description}`);
      lines.push(`       ← ${action.because}  [${action.rule}, priority ${action.priority}]`);
    });
  }
  for (const s of reply.suppressed) lines.push(`    ✗ ${s.id} (gave way to ${s.by.id})`);
  if (reply.replies.length === 0) lines.push('  reply     —');
  else {
    lines.push('  reply');
    for (const part of reply.replies) {
      lines.push(`    [${part.stage}] ${part.templateId} (${part.locale})`);
      if (part.text !== undefined) lines.push(...part.text.split('\n').map((l) => `      ${l}`));
      else lines.push(`      needs: ${(part.missing ?? []).join(', ')}`);
    }
  }
  const { lint } = reply;
  if (reply.text === '') lines.push('  lint      — (nothing rendered)');
  else if (lint.findings.length === 0) lines.push('  lint      ✓ no problems');
  else {
    lines.push(`  lint      ${lint.errorCount} error(s), ${lint.warningCount} warning(s)`);
    for (const f of lint.findings) lines.push(`    ${f.severity} ${f.ruleId}: ${f.message} («${f.actual}»)`);
  }
  return printable(lines.join('\n'));
}
