import { ruleDocsUrl } from '../docs.js';
import { builtInRulePhrases } from '../phrase-sources.js';
import { defineBuiltInRule, MAX_FINDINGS_PER_RULE } from '../rule.js';
import { readClaims } from './shipping-claim.js';

/**
 * The other half of shipping-wording: a reply that says the parcel has shipped when the lint
 * context has no `facts.order.shipped`, so nothing could check the claim. Off by default (an
 * export without order facts would otherwise warn on every shipping answer); a QA lead turns it on
 * to list the claims to check against the order system. The claims are read as shipping-wording
 * reads them: questions, plans, negations and conditions are not claims.
 */
export const unverifiedShippingClaim = defineBuiltInRule({
  meta: {
    id: 'unverified-shipping-claim',
    category: 'facts',
    docs: {
      description: 'A "has shipped" claim in a reply linted without order facts, so nothing checked it (off by default)',
      url: ruleDocsUrl('unverified-shipping-claim'),
    },
    defaultSeverity: 'warn',
    offByDefault: true,
    messages: {
      unverified: {
        'zh-Hans': '“{{text}}”说订单已经发出，但没有订单信息可以核对：请先查看物流状态，快递未揽收时说“仓库已发货”。',
        'zh-Hant': '“{{text}}”說訂單已經發出，但沒有訂單資料可以核對：請先查看物流狀態，快遞未攬收時說“倉庫已發貨”。',
        en: '“{{text}}” says the order has shipped, but no order facts were given to check it: look at the tracking first, and say the warehouse has dispatched it until the carrier scans it.',
      },
    },
  },
  create(context) {
    return {
      'reply:exit'() {
        if (context.facts?.order?.shipped !== undefined) return;
        const { reply } = context;
        // shipping-wording's phrases (its claims and warehouse words), compiled once on first use:
        // the rule is off by default, so a linter without it pays nothing.
        const cues = builtInRulePhrases('shipping-wording', false)
          .match(reply.skeleton)
          .filter((match) => match.entry.role === 'claim');
        if (cues.length === 0) return;
        let reported = 0;
        for (const { claim } of readClaims(reply.skeleton, cues, context.locale)) {
          if (++reported > MAX_FINDINGS_PER_RULE) return;
          const range = reply.range(claim.start, claim.end);
          context.report({
            messageId: 'unverified',
            data: { text: reply.text.slice(range[0], range[1]) },
            range,
          });
        }
      },
    };
  },
});
