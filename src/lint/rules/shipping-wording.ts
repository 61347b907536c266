import { ruleDocsUrl } from '../docs.js';
import type { PhraseMatch } from '../phrase-set.js';
import { defineBuiltInRule } from '../rule.js';
import { Break } from '../skeleton.js';
import { readClaims, type ClaimSpan } from './shipping-claim.js';

/** A span of the reply's skeleton. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** How far (skeleton characters, same sentence) a warehouse subject may stand from the claim. */
const SUBJECT_BEFORE = 8;
const SUBJECT_AFTER = 12;

/**
 * The platforms' shipping-wording rule: when the order shows shipped but the carrier has not
 * scanned the parcel in (揽收), a reply may not say 已发货 — only the warehouse may be the subject
 * (仓库已发货). When the order has not shipped at all, no shipping claim is true.
 * Without `facts.order.shipped` the rule cannot know, and reports nothing.
 */
export const shippingWording = defineBuiltInRule({
  meta: {
    id: 'shipping-wording',
    category: 'facts',
    docs: {
      description: 'No "has shipped" claim before the carrier scan (say 仓库已发货), none at all before shipping',
      url: ruleDocsUrl('shipping-wording'),
    },
    fixable: true,
    hasSuggestions: true,
    defaultSeverity: 'error',
    requiresFacts: ['order.shipped'],
    messages: {
      noCarrierScan: {
        'zh-Hans': '快递还没有揽收，不能说“{{text}}”：请以仓库为主语，说“仓库已发货”。',
        'zh-Hant': '快遞還沒有攬收，不能說“{{text}}”：請以倉庫為主語，說“倉庫已發貨”。',
        en: 'The carrier has not scanned the parcel in yet: do not say “{{text}}”; say the warehouse has dispatched it.',
      },
      notShipped: {
        'zh-Hans': '订单还没有发货，“{{text}}”与事实不符：请告知预计发货时间。',
        'zh-Hant': '訂單還沒有發貨，“{{text}}”與事實不符：請告知預計發貨時間。',
        en: 'The order has not shipped: “{{text}}” is not true. Give the expected dispatch time instead.',
      },
    },
  },
  create(context) {
    let cues: PhraseMatch[] = [];
    return {
      reply() {
        cues = [];
      },
      phrase(match) {
        if (match.entry.role === 'claim') cues.push(match);
      },
      'reply:exit'() {
        const order = context.facts?.order;
        if (order?.shipped === undefined || cues.length === 0) return;
        if (order.shipped && order.carrierScan) return;
        const skeleton = context.reply.skeleton;
        const hasSubject = subjectFinder(skeleton.breaks, context.matches('warehouse'));
        for (const { cue, claim } of readClaims(skeleton, cues, context.locale)) {
          const range = context.reply.range(claim.start, claim.end);
          const text = context.reply.text.slice(range[0], range[1]);
          if (!order.shipped) {
            const suggestion = context.suggestion('shipping/not-shipped');
            context.report({
              messageId: 'notShipped',
              data: { text, template: 'shipping/not-shipped' },
              range,
              ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
            });
            continue;
          }
          if (hasSubject(claim)) continue;
          const fixText = fixFor(cue, claim, text);
          const suggestion = context.suggestion('shipping/warehouse-dispatched');
          context.report({
            messageId: 'noCarrierScan',
            data: { text, template: 'shipping/warehouse-dispatched' },
            range,
            ...(fixText === undefined ? {} : { expected: fixText, fix: { range, text: fixText } }),
            ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
          });
        }
      },
    };
  },
});

/**
 * The entry's fix with the warehouse as the subject: 仓库 + 已经发出; 仓库已 + 给您发货 when the
 * claim has no completed adverb of its own (a typo of 已 — 以, 己, 巳 — is corrected);
 * `$& from our warehouse` where nothing follows that the phrase would split (an object pronoun).
 */
function fixFor(cue: PhraseMatch, claim: ClaimSpan, text: string): string | undefined {
  const fix = cue.entry.fix;
  if (fix === undefined || !claim.fixable) return undefined;
  if (cue.entry.locale === 'en') return fix.replaceAll('$&', text);
  const predicate = claim.marked ? text.replace(/^[以己巳]/u, '已') : `已${text}`;
  return fix.replaceAll('$&', predicate);
}

/** A warehouse word right before the claim (仓库已发货) or shortly after (shipped from our warehouse). */
function subjectOf(breaks: Uint8Array, warehouse: PhraseMatch, claim: Span): boolean {
  let from: number;
  let to: number;
  if (warehouse.end <= claim.start) {
    if (claim.start - warehouse.end > SUBJECT_BEFORE) return false;
    [from, to] = [warehouse.end, claim.start];
  } else if (warehouse.start >= claim.end) {
    if (warehouse.start - claim.end > SUBJECT_AFTER) return false;
    [from, to] = [claim.end, warehouse.start];
  } else return true;
  for (let i = from; i <= to; i++) if (breaks[i] === Break.Sentence) return false;
  return true;
}

/**
 * Whether a warehouse word is the subject of a claim: only the warehouse words starting near the
 * claim are looked at (found by binary search), so a long reply costs O(claims · log warehouses).
 */
function subjectFinder(breaks: Uint8Array, matches: readonly PhraseMatch[]): (claim: Span) => boolean {
  const warehouses = [...matches].sort((a, b) => a.start - b.start);
  let longest = 0;
  for (const w of warehouses) longest = Math.max(longest, w.end - w.start);
  return (claim) => {
    // A warehouse before the claim ends at most SUBJECT_BEFORE before it, so starts at most that
    // plus its length earlier; one after it starts at most SUBJECT_AFTER after the claim's end.
    const from = claim.start - SUBJECT_BEFORE - longest;
    let lo = 0;
    let hi = warehouses.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (warehouses[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < warehouses.length && warehouses[i]!.start <= claim.end + SUBJECT_AFTER; i++)
      if (subjectOf(breaks, warehouses[i]!, claim)) return true;
    return false;
  };
}
