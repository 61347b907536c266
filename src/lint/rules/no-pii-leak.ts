import { toOriginalRange } from '../../normalize/index.js';
import { ruleDocsUrl } from '../docs.js';
import { findPii, maskPii, phoneDigits, type PiiHit } from '../pii.js';
import type { PhraseMatch } from '../phrase-set.js';
import { defineRule, MAX_FINDINGS_PER_RULE } from '../rule.js';
import type { Skeleton } from '../skeleton.js';

/** How far before a number or address (folded characters) a cue word counts: 您的手机号是 138…. */
const CUE_DISTANCE = 12;

/**
 * A customer's full phone number, ID-card number, e-mail or street address in a reply. ID numbers,
 * the customer's own phone (`facts.customer.phone`) and data introduced as the customer's (您的手机,
 * 收货地址) are errors; a number introduced as the shop's or the courier's (客服热线, 配送员) or as
 * an order/tracking number is not reported; any other full datum is a warning, since its owner is
 * unknown. The fix masks it (138****5678).
 */
export const noPiiLeak = defineRule({
  meta: {
    id: 'no-pii-leak',
    category: 'privacy',
    docs: {
      description: "No customer's full phone number, ID number, e-mail or street address in a reply (masked forms pass)",
      url: ruleDocsUrl('no-pii-leak'),
    },
    fixable: true,
    defaultSeverity: 'error',
    messages: {
      'mobile': {
        'zh-Hans': '回复中出现了完整的手机号“{{text}}”：请隐去中间几位（{{masked}}）。',
        'zh-Hant': '回覆中出現了完整的手機號“{{text}}”：請隱去中間幾位（{{masked}}）。',
        en: 'A full mobile number in the reply: “{{text}}”. Mask it ({{masked}}).',
      },
      'landline': {
        'zh-Hans': '回复中出现了完整的电话号码“{{text}}”：请隐去中间几位（{{masked}}）。',
        'zh-Hant': '回覆中出現了完整的電話號碼“{{text}}”：請隱去中間幾位（{{masked}}）。',
        en: 'A full phone number in the reply: “{{text}}”. Mask it ({{masked}}).',
      },
      'id-card': {
        'zh-Hans': '回复中出现了完整的身份证号“{{text}}”：请隐去（{{masked}}）。',
        'zh-Hant': '回覆中出現了完整的身份證號“{{text}}”：請隱去（{{masked}}）。',
        en: 'A full ID-card number in the reply: “{{text}}”. Mask it ({{masked}}).',
      },
      'email': {
        'zh-Hans': '回复中出现了完整的电子邮箱“{{text}}”：请隐去（{{masked}}）。',
        'zh-Hant': '回覆中出現了完整的電子郵箱“{{text}}”：請隱去（{{masked}}）。',
        en: 'A full e-mail address in the reply: “{{text}}”. Mask it ({{masked}}).',
      },
      'address': {
        'zh-Hans': '回复中出现了详细地址“{{text}}”：请隐去门牌号（{{masked}}）。',
        'zh-Hant': '回覆中出現了詳細地址“{{text}}”：請隱去門牌號（{{masked}}）。',
        en: 'A street address in the reply: “{{text}}”. Mask the numbers ({{masked}}).',
      },
    },
  },
  create(context) {
    return {
      'reply:exit'() {
        const { skeleton } = context.reply;
        const normalized = skeleton.normalized;
        const hits = findPii(normalized.text);
        if (hits.length === 0) return;
        const owner = cueEnds(skeleton, context.matches('owner'));
        const service = cueEnds(skeleton, context.matches('service'));
        const reference = cueEnds(skeleton, context.matches('reference'));
        const customerPhone = context.facts?.customer?.phone;
        const customerDigits = customerPhone === undefined ? '' : phoneDigits(customerPhone);
        let reported = 0;
        for (const hit of hits) {
          // The linter keeps MAX_FINDINGS_PER_RULE findings per rule: masking the rest costs for nothing.
          if (reported >= MAX_FINDINGS_PER_RULE) break;
          const phone = hit.kind === 'mobile' || hit.kind === 'landline';
          const isCustomers = phone && customerDigits.length >= 7 && phoneDigits(hit.value) === customerDigits;
          let severity: 'error' | 'warn';
          if (hit.kind === 'id-card' || isCustomers || cueBefore(owner, hit)) severity = 'error';
          else if (cueBefore(service, hit) || (phone && cueBefore(reference, hit))) continue;
          else severity = 'warn';
          const range = toOriginalRange(normalized, hit.start, hit.end);
          const text = context.reply.text.slice(range[0], range[1]);
          const masked = maskPii(hit.kind, text);
          reported++;
          context.report({
            messageId: hit.kind,
            data: { kind: hit.kind, text, masked },
            range,
            severity,
            expected: masked,
            fix: { range, text: masked },
          });
        }
      },
    };
  },
});

/** The folded-text offsets where each cue ends, ascending. */
function cueEnds(skeleton: Skeleton, matches: readonly PhraseMatch[]): Int32Array {
  return Int32Array.from(matches, (m) => (skeleton.toNormalized[m.end - 1] ?? 0) + 1).sort();
}

/** A cue ends at most CUE_DISTANCE before the hit: a binary search (hits × cues would be quadratic). */
function cueBefore(ends: Int32Array, hit: PiiHit): boolean {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= hit.start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && hit.start - ends[lo - 1]! <= CUE_DISTANCE;
}
