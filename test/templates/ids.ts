import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
/** The template ids the cross-area contract fixes (lint suggestions and next-action rules use them). */
export const SITUATION_TEMPLATE_IDS = [
  'opening/chat',
  'opening/hotline',
  'presales/welcome',
  'presales/promotion',
  'presales/introduce-item',
  'presales/confirm-order',
  'presales/favourite-shop',
  'situation/please-wait',
  'situation/sorry-for-waiting',
  'situation/anxious-customer',
  'situation/out-of-scope',
  'situation/criticism',
  'situation/praise',
  'situation/suggestion',
  'situation/dissatisfied-not-pursuing',
  'situation/pursuing-quick',
  'situation/pursuing-slow',
  'situation/cannot-answer-now',
  'situation/did-not-catch',
  'situation/unsure',
  'situation/check-understanding',
  'situation/take-ownership',
  'situation/anything-else',
  'closing/goodbye',
  'closing/reply-thanks',
  'follow-up/report-answer',
  'follow-up/satisfaction',
  'shipping/warehouse-dispatched',
  'shipping/carrier-shipped',
  'shipping/not-shipped',
  'shipping/leave-room',
  'confirm/compensation-in-writing',
] as const;

/** The intent ids of domain.md §2 (one list, the classifier's). */
export const INTENT_IDS = BUILT_IN_INTENT_IDS;

/** The lint categories' suggestion templates (contract: lint category → template). */
export const LINT_SUGGESTION_TEMPLATE_IDS = [
  'situation/did-not-catch',
  'situation/check-understanding',
  'situation/take-ownership',
  'situation/please-wait',
  'situation/cannot-answer-now',
] as const;

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
