import type { Range } from '../analysis/types.js';
import { qaCueData } from '../generated/qa-cues.js';
import { RULE_ROLES } from '../lint/data-schema.js';
import { builtInLists, builtInReader, builtInSources } from '../lint/built-in-data.js';
import { PhraseSet, type EntrySource } from '../lint/phrase-set.js';
import { insideQuote, insideSingleQuotes } from '../lint/clause.js';
import { skeletonLength, skeletonToOriginal } from '../lint/skeleton.js';
import { normalize } from '../normalize/index.js';
import { LINT_CUES, type QaCue } from './cue-schema.js';

/** A cue found in a turn: which, and where in the turn as written. */
export interface CueHit {
  cue: QaCue;
  range: Range;
  text: string;
}

/**
 * The phrases the checks look for in a turn: the lint rules' own greeting, apology and
 * further-help phrases (rules/lint/), less the matches the QA definitions exclude, plus the
 * QA-only cues of rules/qa/cues.json (satisfaction asks, after-sales resolutions, closing words),
 * compiled into one automaton and scanned once per turn. Words inside quotation marks are not read.
 */
export class CueReader {
  private readonly set: PhraseSet;
  private readonly lintCue = new Map<string, QaCue>();
  private readonly excluded = new Map<QaCue, ReadonlySet<string>>();

  constructor() {
    const sources: EntrySource[] = [];
    for (const [cue, { rule, role }] of Object.entries(LINT_CUES) as Array<
      [keyof typeof LINT_CUES, (typeof LINT_CUES)[keyof typeof LINT_CUES]]
    >) {
      this.lintCue.set(`${rule}\u0000${role}`, cue);
      this.excluded.set(cue, new Set(qaCueData().exclude[cue].map(fold)));
      for (const source of builtInSources(new Set([rule])))
        if ((source.entry.role ?? defaultRole(rule)) === role) sources.push({ ...source, role });
    }
    qaCueData().phrases.forEach((entry, index) =>
      sources.push({
        ruleId: 'qa',
        role: entry.role,
        file: 'rules/qa/cues.json',
        path: `phrases[${index}]`,
        entry,
      }),
    );
    this.set = PhraseSet.compile(sources, builtInLists(), builtInReader()).set;
  }

  /** Every cue in `text`, by position (an agent turn). */
  read(text: string): CueHit[] {
    return this.scan(text, false).hits;
  }

  /**
   * A customer turn's cues, and whether it is a closing: no question mark, and every character the
   * matcher reads (punctuation, particles and spaces are not read) lies inside a closing word
   * (好的谢谢, nope). One scan gives both.
   */
  readCustomerTurn(text: string): { hits: CueHit[]; closing: boolean } {
    return this.scan(text, true);
  }

  private scan(text: string, withClosing: boolean): { hits: CueHit[]; closing: boolean } {
    const skeleton = this.set.reader.readAside(text);
    const length = skeletonLength(skeleton);
    // A question is never a closing, whatever words it is made of.
    const covered = withClosing && length > 0 && !/[?？]/.test(text) ? new Uint8Array(length) : null;
    const hits: CueHit[] = [];
    for (const match of this.set.match(skeleton)) {
      const { ruleId, role } = match.entry;
      if (covered !== null && ruleId === 'qa' && role === 'closing') covered.fill(1, match.start, match.end);
      const cue = ruleId === 'qa' ? (role as QaCue) : this.lintCue.get(`${ruleId}\u0000${role}`);
      if (cue === undefined) continue;
      const range = skeletonToOriginal(skeleton, match.start, match.end);
      const written = text.slice(range[0], range[1]);
      if (this.excluded.get(cue)?.has(fold(written))) continue;
      // Words quoted (截图里的"非常抱歉", your message said "sorry…") are someone else's, not the agent's act.
      if (insideQuote(text, range[0]) || insideSingleQuotes(text, range[0], range[1])) continue;
      hits.push({ cue, range, text: written });
    }
    return {
      hits: hits.sort((a, b) => a.range[0] - b.range[0]),
      closing: covered !== null && covered.every((c) => c === 1),
    };
  }
}

/** An entry without a role has its rule's first role (RULE_ROLES). */
function defaultRole(rule: string): string {
  return RULE_ROLES[rule as keyof typeof RULE_ROLES][0];
}

/** Folded and without spaces or punctuation, to compare a match with an exclusion. */
function fold(text: string): string {
  return normalize(text).text.replace(/[\s\p{P}]/gu, '');
}
