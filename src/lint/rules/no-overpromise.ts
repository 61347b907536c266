import { ruleDocsUrl } from '../docs.js';
import type { PhraseMatch, PhraseSet } from '../phrase-set.js';
import { builtInRulePhrases } from '../phrase-sources.js';
import { defineBuiltInRule } from '../rule.js';
import { Break, type Skeleton } from '../skeleton.js';
import {
  chineseFirmArrival,
  chineseFixedPromise,
  chinesePromise,
  englishFirmArrival,
  englishFixedPromise,
  englishPromise,
} from './promise-clause.js';

/** The arrival cues (NEAR_ROLES), compiled once and matched only when delivery is uncertain. */
function arrivalCues(): PhraseSet {
  return builtInRulePhrases('no-overpromise', true);
}

/** Whether a cue is read as English: Latin, unless it is a digit run (100%) next to Chinese text. */
function isEnglishCue(skeleton: Skeleton, start: number, end: number): boolean {
  const text = skeleton.text;
  const first = text.charCodeAt(start);
  const latinLetter = (first >= 0x61 && first <= 0x7a) || (first >= 0xc0 && first < 0x2e80);
  if (latinLetter) return true;
  if (first >= 0x2e80) return false;
  const near = [text.charCodeAt(end), text.charCodeAt(start - 1)];
  return !near.some((c) => c >= 0x2e80);
}

/**
 * Leave room (留有余地): promises of an outcome the agent cannot control — a delivery date, a
 * result, a refund (保证明天到, 一定能退, 绝对不会超过三天, I promise it will arrive by Friday). The
 * data holds certainty markers (role `marker`), complete promise phrases (role `promise`) and
 * arrival cues (role `arrival`, on demand); src/lint/rules/promise-clause.ts reads the clause around
 * a marker: its scope must reach an outcome before any action of the agent's own (一定帮您跟进,
 * I promise to look into it) or hedge, and it must not be negated, asked, advice or quoted.
 * An error when `facts.order.deliveryUncertain` (disruption, remote area, peak season) — then a
 * firm delivery statement without a marker (明天就能到, it will arrive tomorrow) is one too — a
 * warning otherwise.
 */
export const noOverpromise = defineBuiltInRule({
  meta: {
    id: 'no-overpromise',
    category: 'facts',
    docs: {
      description: 'No absolute promise of a date or outcome (保证, 一定…到, 百分之百); an error when delivery is uncertain',
      url: ruleDocsUrl('no-overpromise'),
    },
    hasSuggestions: true,
    defaultSeverity: 'error',
    messages: {
      uncertain: {
        'zh-Hans': '配送时间不确定，不能承诺“{{text}}”：请说明目前已知的情况，并承诺有变化时主动通知。',
        'zh-Hant': '配送時間不確定，不能承諾“{{text}}”：請說明目前已知的情況，並承諾有變化時主動通知。',
        en: 'Delivery is uncertain: do not promise “{{text}}”. Say what is known and that you will keep the customer posted.',
      },
      absolute: {
        'zh-Hans': '绝对化的承诺：“{{text}}”。请给自己留有余地，说明这是预计而不是保证。',
        'zh-Hant': '絕對化的承諾：“{{text}}”。請給自己留有餘地，說明這是預計而不是保證。',
        en: 'Absolute promise: “{{text}}”. Leave room: say what is expected, not guaranteed.',
      },
    },
  },
  create(context) {
    return {
      'reply:exit'() {
        const uncertain = context.facts?.order?.deliveryUncertain === true;
        const cues = context.matches();
        if (cues.length === 0 && !uncertain) return;
        const skeleton = context.reply.skeleton;
        const all: PhraseMatch[] = [...cues];
        if (uncertain) all.push(...arrivalCues().match(skeleton));
        if (all.length === 0) return;
        // Markers and complete phrases first, then the arrival cues: one finding per sentence, and a
        // marker's finding (from the marker to the outcome) says more than the bare arrival.
        all.sort(
          (a, b) =>
            Number(a.entry.role === 'arrival') - Number(b.entry.role === 'arrival') ||
            a.start - b.start ||
            b.end - a.end,
        );
        const sentenceOf = sentenceIndex(skeleton);
        const reported = new Set<number>();
        for (const cue of all) {
          const sentence = sentenceOf(cue.start);
          if (reported.has(sentence)) continue;
          const role = cue.entry.role;
          if (role === 'arrival' && !uncertain) continue;
          let range: [number, number] | undefined;
          if (isEnglishCue(skeleton, cue.start, cue.end)) {
            const [from, to] = context.reply.range(cue.start, cue.end);
            const read =
              role === 'marker' ? englishPromise : role === 'arrival' ? englishFirmArrival : englishFixedPromise;
            const span = read(skeleton.original, from, to);
            if (span !== undefined) range = [span.start, span.end];
          } else {
            const read =
              role === 'marker' ? chinesePromise : role === 'arrival' ? chineseFirmArrival : chineseFixedPromise;
            const span = read(skeleton, cue.start, cue.end);
            if (span !== undefined) range = context.reply.range(span.start, span.end);
          }
          if (range === undefined) continue;
          reported.add(sentence);
          const text = context.reply.text.slice(range[0], range[1]);
          if (uncertain) {
            const suggestion = context.suggestion('shipping/leave-room');
            context.report({
              messageId: 'uncertain',
              data: { text, phrase: cue.entry.id, template: 'shipping/leave-room' },
              range,
              ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
            });
          } else {
            context.report({ messageId: 'absolute', data: { text, phrase: cue.entry.id }, range, severity: 'warn' });
          }
        }
      },
    };
  },
});

/** The sentence number of a skeleton position (binary search over the sentence starts, found once). */
function sentenceIndex(skeleton: Skeleton): (at: number) => number {
  const starts: number[] = [0];
  const { breaks } = skeleton;
  for (let i = 1; i < skeleton.text.length; i++) if (breaks[i] === Break.Sentence) starts.push(i);
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}
