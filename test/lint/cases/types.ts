/**
 * The shape of a lint rule's RuleTester table (eslint's): `valid` replies get no finding from the
 * rule, `invalid` replies get exactly the listed findings, and `output` is the reply with every fix
 * applied. Plain data (and the context a case gives), no test framework: test/lint/rules/rule-tester.ts runs the tables and
 * scripts/docs/ shows them on each rule's page as correct and incorrect examples.
 */
import type { Facts } from '../../../src/facts.js';
import type { SupportedLocale } from '../../../src/language/index.js';
import type { ConversationTurn, LintContext, Severity } from '../../../src/lint/types.js';

export interface ValidCase {
  text: string;
  facts?: Facts;
  conversation?: ConversationTurn[];
  locale?: SupportedLocale;
  /** Shown in the test name; defaults to the text. */
  name?: string;
}

export interface ExpectedFinding {
  messageId: string;
  severity?: Severity;
  /** The reported text as written in the reply (for a redacted finding: its masked form). */
  actual?: string;
  /** The reply's text in the finding's range. */
  text?: string;
  /** Entries the finding's data must have. */
  data?: Record<string, string>;
  /** Text the message must contain (it is in the reply's locale unless the case sets one). */
  message?: string;
  /** The text of the first suggestion (the resolver returns `<template>@<locale>`). */
  suggestion?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The reply with every fix applied; required when a finding has a fix, else it must have none. */
  output?: string;
}

export interface RuleCases {
  valid: Array<ValidCase | string>;
  invalid: InvalidCase[];
}

/** The lint context a case gives: its facts, conversation and locale, where it has them. */
export function contextOf(test: ValidCase): LintContext {
  const context: LintContext = {};
  if (test.facts !== undefined) context.facts = test.facts;
  if (test.conversation !== undefined) context.conversation = test.conversation;
  if (test.locale !== undefined) context.locale = test.locale;
  return context;
}
