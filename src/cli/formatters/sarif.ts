import { VERSION } from '../../generated/version.js';
import type { Finding } from '../../lint/types.js';
import { partlyCheckedText } from './stylish.js';
import { locateRanges, type SourceSpan } from './location.js';
import { printableReply } from './redact.js';
import type { LintSummary } from './summary.js';
import type { LintedReply, RuleDescriptor, StreamingFormatter } from './types.js';

/**
 * GitHub code scanning rejects a run with more than 25,000 results (and shows the top 5,000 by
 * severity): https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
 */
export const SARIF_MAX_RESULTS = 25_000;

export interface SarifOptions {
  /** The rules that ran, listed in `tool.driver.rules` (results point at them by `ruleIndex`). */
  rules?: readonly RuleDescriptor[];
  /** Put the summary in `runs[0].properties.summary`. */
  summary?: boolean;
  /**
   * Results written at most (default `SARIF_MAX_RESULTS`, GitHub's limit per run); the rest are
   * counted and reported in `invocations[0].toolExecutionNotifications` and `properties.truncated`.
   */
  maxResults?: number;
}

/** A file path as a SARIF URI reference: relative paths percent-encoded per segment, absolute ones `file://`. */
export function sarifUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (slashed.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  return encoded;
}

const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function level(severity: 'off' | 'warn' | 'error' | undefined): 'error' | 'warning' | 'none' {
  return severity === 'error' ? 'error' : severity === 'off' ? 'none' : 'warning';
}

/** 32-bit FNV-1a, hex: a stable fingerprint so code-scanning tools track a finding across runs. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A replacement text written the way the source writes the reply, so applying the fix keeps the file valid. */
function encodeForSource(text: string, entry: LintedReply): string {
  const encoding = entry.origin?.encoding ?? 'verbatim';
  if (encoding === 'json-string') return JSON.stringify(text).slice(1, -1);
  if (encoding === 'csv-quoted') return text.replace(/"/g, '""');
  return text;
}

function region(span: SourceSpan, snippet?: string): Record<string, unknown> {
  const { start, end } = span;
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(start.offset !== undefined && end.offset !== undefined
      ? { charOffset: start.offset, charLength: end.offset - start.offset }
      : {}),
    ...(snippet === undefined ? {} : { snippet: { text: snippet } }),
  };
}

/**
 * SARIF 2.1.0, the format GitHub code scanning and most CI dashboards read: one run, the rules in
 * `tool.driver.rules`, one result per finding with its exact region in the source file. Written as
 * it goes: only the current reply is ever held.
 */
export function createSarifFormatter(options: SarifOptions = {}): StreamingFormatter {
  const rules = options.rules ?? [];
  const maxResults = options.maxResults ?? SARIF_MAX_RESULTS;
  if (!Number.isInteger(maxResults) || maxResults < 1)
    throw new RangeError(`maxResults must be a positive integer, got ${String(maxResults)}`);
  let written = 0;
  let omitted = 0;
  /** Replies longer than MAX_LINTED_CHARS, read in part by lint. */
  let partlyChecked = 0;
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  // Replies given inline have no file: their text becomes an artifact of the log.
  const inlineArtifacts: string[] = [];
  let first = true;

  function artifactLocation(entry: LintedReply, printed: string): Record<string, unknown> {
    if (entry.source !== undefined) return { uri: sarifUri(entry.source) };
    // run.artifacts items must be unique: the same text is one artifact.
    const known = inlineArtifacts.indexOf(printed);
    if (known !== -1) return { index: known };
    inlineArtifacts.push(printed);
    return { index: inlineArtifacts.length - 1 };
  }

  function result(
    entry: LintedReply,
    finding: Finding,
    span: SourceSpan,
    location: Record<string, unknown>,
    printed: string,
    fixSpan?: SourceSpan,
  ) {
    const index = ruleIndex.get(finding.ruleId);
    const properties: Record<string, unknown> = { messageId: finding.messageId, ...(finding.data ?? {}) };
    if (entry.id !== undefined) properties.replyId = entry.id;
    if (entry.agent !== undefined) properties.agent = entry.agent;
    if (entry.conversationId !== undefined) properties.conversationId = entry.conversationId;
    if (finding.expected !== undefined) properties.expected = finding.expected;
    if (finding.suggestions?.length) properties.suggestions = finding.suggestions.map((s) => s.text);
    return {
      ruleId: finding.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: level(finding.severity),
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(span, finding.actual) } }],
      partialFingerprints: {
        'huashuFinding/v1': fingerprint(`${finding.ruleId}\u0000${finding.actual}\u0000${printed}`),
      },
      ...(finding.fix && fixSpan
        ? {
            fixes: [
              {
                description: { text: `Replace with “${finding.fix.text}”` },
                artifactChanges: [
                  {
                    artifactLocation: location,
                    replacements: [
                      {
                        deletedRegion: region(fixSpan),
                        insertedContent: { text: encodeForSource(finding.fix.text, entry) },
                      },
                    ],
                  },
                ],
              },
            ],
          }
        : {}),
      properties,
    };
  }

  return {
    begin() {
      const driver = {
        name: 'huashu',
        version: VERSION,
        semanticVersion: VERSION,
        rules: rules.map((rule) => ({
          id: rule.id,
          shortDescription: { text: rule.description },
          ...(rule.fullDescription === undefined ? {} : { fullDescription: { text: rule.fullDescription } }),
          ...(rule.help === undefined
            ? {}
            : { help: { text: rule.help.text, markdown: rule.help.markdown } }),
          // SARIF wants an absolute helpUri; a link relative to the package goes in the properties.
          ...(rule.url !== undefined && ABSOLUTE_URI.test(rule.url) ? { helpUri: rule.url } : {}),
          defaultConfiguration: { level: level(rule.severity), enabled: rule.severity !== 'off' },
          properties: {
            ...(rule.url !== undefined && !ABSOLUTE_URI.test(rule.url) ? { docs: rule.url } : {}),
            ...(rule.category === undefined ? {} : { category: rule.category }),
            ...(rule.fixable === undefined ? {} : { fixable: rule.fixable }),
          },
        })),
      };
      return `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":${JSON.stringify({ driver })},"columnKind":"utf16CodeUnits","results":[`;
    },
    reply(entry) {
      const { findings } = entry.result;
      if (entry.result.unchecked !== undefined) partlyChecked++;
      if (findings.length === 0) return '';
      // Inline replies are printed in the log: personal data found in them is masked.
      const printed = printableReply(entry);
      const location = artifactLocation(entry, printed);
      const spans = locateRanges(entry, [
        ...findings.map((f) => f.range),
        ...findings.map((f) => f.fix?.range ?? f.range),
      ]);
      let text = '';
      findings.forEach((finding, i) => {
        const span = spans[i];
        if (!span) return;
        if (written >= maxResults) {
          omitted++;
          return;
        }
        written++;
        text += `${first ? '\n' : ',\n'}${JSON.stringify(result(entry, finding, span, location, printed, spans[findings.length + i]))}`;
        first = false;
      });
      return text;
    },
    end(summary?: LintSummary) {
      const artifacts =
        inlineArtifacts.length === 0
          ? ''
          : `,"artifacts":${JSON.stringify(inlineArtifacts.map((text) => ({ contents: { text }, mimeType: 'text/plain' })))}`;
      const truncated = omitted === 0 ? undefined : { limit: maxResults, written, omitted };
      const notifications = [
        ...(truncated === undefined
          ? []
          : [
              {
                level: 'warning',
                descriptor: { id: 'results-truncated' },
                message: {
                  text: `${omitted} more result(s) not written: this log holds the first ${maxResults}, the most GitHub code scanning accepts in one run. Split the input or lint with --format json for every finding.`,
                },
              },
            ]),
        ...(partlyChecked === 0
          ? []
          : [
              {
                level: 'note',
                descriptor: { id: 'replies-checked-in-part' },
                message: { text: partlyCheckedText(partlyChecked) },
              },
            ]),
      ];
      const notice =
        notifications.length === 0
          ? ''
          : `,"invocations":${JSON.stringify([{ executionSuccessful: true, toolExecutionNotifications: notifications }])}`;
      const runProperties = {
        ...(options.summary === true && summary ? { summary } : {}),
        ...(truncated === undefined ? {} : { truncated }),
      };
      const properties =
        Object.keys(runProperties).length === 0 ? '' : `,"properties":${JSON.stringify(runProperties)}`;
      return `${first ? '' : '\n'}]${artifacts}${notice}${properties}}]}\n`;
    },
  };
}

/** `sarif` over an array of results. Pure. */
export function sarif(results: readonly LintedReply[], options: SarifOptions = {}): string {
  const formatter = createSarifFormatter(options);
  return formatter.begin() + results.map((r) => formatter.reply(r)).join('') + formatter.end();
}
