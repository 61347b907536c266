import type { Range } from '../../analysis/types.js';
import { toOriginalRange } from '../../normalize/index.js';
import { ruleDocsUrl } from '../docs.js';
import {
  hasSpokenDigits,
  mayNeedMasking,
  unreadDataStart,
  maskPii,
  maskUnsearched,
  phoneDigits,
  searchPii,
  type PiiHit,
  type PiiKind,
} from '../pii.js';
import type { PhraseMatch } from '../phrase-set.js';
import { builtInRulePhrases } from '../phrase-sources.js';
import { defineBuiltInRule, MAX_FINDINGS_PER_RULE, type RuleContext } from '../rule.js';
import { foldedHasDigitOrAt, type Skeleton } from '../skeleton.js';
import type { Severity } from '../types.js';

/** How far before a number or address (folded characters) a cue word counts: 您的手机号是 138…. */
const CUE_DISTANCE = 12;
/**
 * An address's shop cue may stand further before it: the divisions and a label come between
 * (请寄回本店售后仓：浙江省嘉兴市南湖区亚太路…, our returns center, Returns Dept., 4800 Commerce Pkwy).
 */
const ADDRESS_CUE_DISTANCE = 32;

/**
 * A reply with more data than this of one kind is searched this far only: the rest of it is
 * masked wholesale (every digit, every e-mail name), so a pasted megabyte of phone numbers costs
 * a bounded time and still leaves nothing behind.
 */
export const MAX_PII_SEARCHED = 2_000;

/**
 * The owner and introducer cues (NEAR_ROLES in the rule's data), compiled once and matched only in
 * a reply that can hold a datum: they are common words (您的, 号码) most replies have.
 */
function datumCues(skeleton: Skeleton): Record<'owner' | 'card' | 'service' | 'reference', PhraseMatch[]> {
  const cues = { owner: [] as PhraseMatch[], card: [] as PhraseMatch[], service: [] as PhraseMatch[], reference: [] as PhraseMatch[] };
  for (const match of builtInRulePhrases('no-pii-leak', true).match(skeleton)) {
    const role = match.entry.role as keyof typeof cues;
    cues[role]?.push(match);
  }
  return cues;
}

/**
 * A customer's full phone number, ID-card or bank-card number, e-mail or street address in a reply.
 * Errors: ID-card numbers, addresses, card numbers introduced as such (卡号, 银行卡), the customer's
 * own phone (`facts.customer.phone`) and data introduced as the customer's (您的手机, 收货地址). Not
 * reported: data introduced as the shop's or the courier's (客服热线, 配送员, 退货地址) and phone
 * numbers introduced as an order/tracking number. Any other full phone number or e-mail is a
 * warning, since its owner is unknown.
 *
 * Findings never repeat the datum: `message`, `actual`, `data` and the fix carry only its masked
 * form (138****5678), and the finding is marked `redacted` so outputs that print the reply mask its
 * range too. The fix replaces the datum with the masked form.
 */
export const noPiiLeak = defineBuiltInRule({
  meta: {
    id: 'no-pii-leak',
    category: 'privacy',
    docs: {
      description:
        "No customer's full phone number, ID or bank-card number, e-mail or street address in a reply (masked forms pass)",
      url: ruleDocsUrl('no-pii-leak'),
    },
    fixable: true,
    defaultSeverity: 'error',
    messages: {
      'mobile': {
        'zh-Hans': '回复中出现了完整的手机号：请隐去中间几位，写作 {{masked}}。',
        'zh-Hant': '回覆中出現了完整的手機號：請隱去中間幾位，寫作 {{masked}}。',
        en: 'A full mobile number in the reply: mask it as {{masked}}.',
      },
      'landline': {
        'zh-Hans': '回复中出现了完整的电话号码：请隐去中间几位，写作 {{masked}}。',
        'zh-Hant': '回覆中出現了完整的電話號碼：請隱去中間幾位，寫作 {{masked}}。',
        en: 'A full phone number in the reply: mask it as {{masked}}.',
      },
      'phone': {
        'zh-Hans': '回复中出现了完整的电话号码：请隐去中间几位，写作 {{masked}}。',
        'zh-Hant': '回覆中出現了完整的電話號碼：請隱去中間幾位，寫作 {{masked}}。',
        en: 'A full phone number in the reply: mask it as {{masked}}.',
      },
      'id-card': {
        'zh-Hans': '回复中出现了完整的身份证号：请隐去，写作 {{masked}}。',
        'zh-Hant': '回覆中出現了完整的身份證號：請隱去，寫作 {{masked}}。',
        en: 'A full ID-card number in the reply: mask it as {{masked}}.',
      },
      'bank-card': {
        'zh-Hans': '回复中出现了完整的银行卡号：请隐去，写作 {{masked}}。',
        'zh-Hant': '回覆中出現了完整的銀行卡號：請隱去，寫作 {{masked}}。',
        en: 'A full card number in the reply: mask it as {{masked}}.',
      },
      'email': {
        'zh-Hans': '回复中出现了完整的电子邮箱：请隐去，写作 {{masked}}。',
        'zh-Hant': '回覆中出現了完整的電子郵箱：請隱去，寫作 {{masked}}。',
        en: 'A full e-mail address in the reply: mask it as {{masked}}.',
      },
      'address': {
        'zh-Hans': '回复中出现了详细地址：请隐去门牌号，写作 {{masked}}。',
        'zh-Hant': '回覆中出現了詳細地址：請隱去門牌號，寫作 {{masked}}。',
        en: 'A street address in the reply: mask the numbers, as {{masked}}.',
      },
      'more': {
        'zh-Hans': '回复中还有 {{count}} 处个人信息：请全部隐去。',
        'zh-Hant': '回覆中還有 {{count}} 處個人資料：請全部隱去。',
        en: '{{count}} more pieces of personal data in the reply: mask them all.',
      },
      // Only data-like characters past MAX_LINTED_CHARS, which no rule read.
      'unread': {
        'zh-Hans': '回复过长，第 {{from}} 字之后未检查：其中的数字和邮箱名请全部隐去。',
        'zh-Hant': '回覆過長，第 {{from}} 字之後未檢查：其中的數字和郵箱名請全部隱去。',
        en: 'The reply is too long to check past character {{from}}: mask every number and e-mail name after it.',
      },
    },
  },
  create(context) {
    return {
      'reply:exit'() {
        const { skeleton } = context.reply;
        // findPii finds nothing in folded text without a digit or an @ (or the words of an e-mail
        // address spelt out, a phrase cue): most replies stop here, their folded text never decoded.
        const spelled = context.matches('spelled-email').length > 0;
        // Past MAX_LINTED_CHARS no rule reads the reply: what could be data there is masked wholesale.
        const { text: reply, whole } = context.reply;
        // The masking starts before the boundary on a datum the boundary cuts (`zhang.san|@qq.com`);
        // a regex test first: most unread parts (text, spaces) hold nothing to mask.
        const cutFrom = whole.length > reply.length ? unreadDataStart(whole, reply.length) : whole.length;
        const unreadFrom = mayNeedMasking(whole.slice(cutFrom)) ? cutFrom : whole.length;
        const unreadMayHoldData = unreadFrom < whole.length;
        if (!spelled && !foldedHasDigitOrAt(skeleton) && !unreadMayHoldData && !hasSpokenDigits(context.reply.text))
          return;
        const normalized = skeleton.normalized;
        const cues = datumCues(skeleton);
        const owner = cueEnds(skeleton, cues.owner);
        const card = cueEnds(skeleton, cues.card);
        const customerPhone = context.facts?.customer?.phone;
        const customerDigits = customerPhone === undefined ? '' : phoneDigits(customerPhone);
        const { hits, through } = searchPii(
          normalized.text,
          {
            local: owner.length > 0 || customerDigits.length === 8,
            cards: owner.length > 0 || card.length > 0,
            regionalIds: owner.length > 0,
            spelled,
          },
          MAX_PII_SEARCHED,
        );
        const unsearched = through < normalized.text.length;
        if (hits.length === 0 && !unsearched && !unreadMayHoldData) return;
        const service = cueEnds(skeleton, cues.service);
        const reference = cueEnds(skeleton, cues.reference);
        // The first MAX_FINDINGS_PER_RULE leaks are kept as they are; past that, the last kept one
        // and every further one become one finding, built as they come (a megabyte of data keeps
        // no object per datum).
        const leaks: Leak[] = [];
        let rest: TheRest | undefined;
        for (const hit of hits) {
          const phone = hit.kind === 'mobile' || hit.kind === 'landline' || hit.kind === 'phone';
          const isCustomers = phone && customerDigits.length >= 7 && phoneDigits(hit.value) === customerDigits;
          const owned = isCustomers || cueBefore(owner, hit);
          if (hit.needs === 'owner' && !owned) continue;
          if (hit.needs === 'card' && !owned && !cueBefore(card, hit)) continue;
          let severity: Severity;
          if (owned || hit.kind === 'id-card' || hit.kind === 'bank-card') severity = 'error';
          else if (
            cueBefore(service, hit, hit.kind === 'address' ? ADDRESS_CUE_DISTANCE : CUE_DISTANCE) ||
            (phone && cueBefore(reference, hit))
          )
            continue;
          else severity = hit.kind === 'address' ? 'error' : 'warn';
          const range = toOriginalRange(normalized, hit.start, hit.end);
          const masked = maskPii(hit.kind, reply.slice(range[0], range[1]));
          if (rest !== undefined) rest.add(range, masked, severity);
          else if (leaks.length < MAX_FINDINGS_PER_RULE) leaks.push({ kind: hit.kind, range, masked, severity });
          else (rest = TheRest.from(whole, leaks.pop()!)).add(range, masked, severity);
        }
        if (unsearched) {
          const from = normalized.starts[through] ?? reply.length;
          (rest ??= new TheRest(whole, from)).addUnsearched(from);
        } else if (unreadMayHoldData) {
          // Never over a datum already reported (its own finding masks it); what is left may then
          // hold nothing to mask (and a lone @ masks nothing either).
          const from = Math.max(unreadFrom, rest?.end ?? leaks.at(-1)?.range[1] ?? 0);
          const text = whole.slice(from);
          const masked = maskUnsearched(text);
          if (masked !== text) (rest ??= new TheRest(whole, from)).addUnsearched(from, masked, reply.length);
        }
        for (const { kind, range, masked, severity } of leaks)
          context.report({
            messageId: kind,
            data: { kind, masked },
            range,
            masked,
            severity,
            expected: masked,
            fix: { range, text: masked, safe: true },
          });
        if (rest !== undefined) rest.report(context);
      },
    };
  },
});

interface Leak {
  kind: PiiKind;
  range: Range;
  masked: string;
  severity: Severity;
}

/**
 * Past the linter's cap, the remaining data are one finding from the first to the last, so every
 * datum is still masked (in the fix and wherever the reply is printed); between them the text stays.
 * Past MAX_PII_SEARCHED, the unsearched rest of the reply joins it masked wholesale.
 */
class TheRest {
  /** Where the text this finding covers ends so far. */
  end: number;
  private readonly parts: string[] = [];
  private count = 0;
  private error = false;
  private unsearched = false;
  /** Where the unsearched part begins (0-based), when there is one. */
  private unsearchedFrom = 0;

  constructor(
    private readonly reply: string,
    private readonly start: number,
  ) {
    this.end = start;
  }

  static from(reply: string, first: Leak): TheRest {
    const rest = new TheRest(reply, first.range[0]);
    rest.add(first.range, first.masked, first.severity);
    return rest;
  }

  add(range: Range, masked: string, severity: Severity): void {
    this.parts.push(this.reply.slice(this.end, range[0]), masked);
    this.end = range[1];
    this.count++;
    if (severity === 'error') this.error = true;
  }

  /**
   * The reply from `from` on, unsearched: masked wholesale (`masked`, when known), and counted as
   * "+"; `unreadFrom`, where the message says the unread part begins, when masking starts earlier.
   */
  addUnsearched(from: number, masked = maskUnsearched(this.reply.slice(from)), unreadFrom = from): void {
    this.parts.push(this.reply.slice(this.end, from), masked);
    this.end = this.reply.length;
    this.unsearched = true;
    this.unsearchedFrom = unreadFrom;
    this.error = true;
  }

  report(context: RuleContext): void {
    const range: Range = [this.start, this.end];
    const masked = this.parts.join('');
    // No datum found, only an unread part that may hold some: say that, not "0+ more".
    const unreadOnly = this.count === 0 && this.unsearched;
    context.report({
      messageId: unreadOnly ? 'unread' : 'more',
      data: unreadOnly
        ? { kind: 'more', from: this.unsearchedFrom.toLocaleString('en') }
        : { kind: 'more', count: `${this.count}${this.unsearched ? '+' : ''}` },
      range,
      masked,
      severity: this.error ? 'error' : 'warn',
      fix: { range, text: masked, safe: true },
    });
  }
}

/** The folded-text offsets where each cue ends, in ascending order. */
function cueEnds(skeleton: Skeleton, matches: readonly PhraseMatch[]): Int32Array {
  const ends = Int32Array.from(matches, (m) => (skeleton.toNormalized[m.end - 1] ?? 0) + 1);
  return ends.sort();
}

/** Whether a cue ends at most `distance` characters before the datum (binary search: linear overall). */
function cueBefore(ends: Int32Array, hit: PiiHit, distance = CUE_DISTANCE): boolean {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ends[mid]! <= hit.start) low = mid + 1;
    else high = mid;
  }
  // ends[low - 1] is the last cue ending at or before the datum.
  return low > 0 && hit.start - ends[low - 1]! <= distance;
}
