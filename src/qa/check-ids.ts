/** The checks of a conversation, in report order (issue 13; test/qa/conversations/README.md defines each). */
export const CHECK_IDS = [
  'greeting',
  'first-response',
  'response-time',
  'unanswered',
  'apology-on-complaint',
  'further-help',
  'satisfaction',
  'forbidden-language',
  'shipping-wording',
  'overpromise',
  'pii',
  'off-platform',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
