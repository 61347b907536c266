import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { factsSchema } from '../src/facts.js';
import type { BuiltInIntentId } from '../src/generated/ids.js';
import type { INTENT_IDS } from '../src/entry/intent.js';
import type {
  ActionId,
  HuashuError,
  IntentId,
  LintRuleId,
  Recommendation,
  Signal,
  SignalId,
  TemplateEntry,
  TemplateId,
} from '../src/index.js';
import {
  createAssistant,
  type Analysis,
  type Facts,
  type Finding,
  type HuashuErrorCode,
  type LintResult,
} from '../src/index.js';
import './types/custom-ids.js';

// Checked by `npm run typecheck` (tsc over test/): the public types infer what users rely on.
describe('public types', () => {
  it('analyze() returns an Analysis with typed intent, signals and entities', () => {
    const analysis = createAssistant().analyze('你好');
    expectTypeOf(analysis).toEqualTypeOf<Analysis>();
    expectTypeOf(analysis.intent.id).toEqualTypeOf<IntentId>();
    expectTypeOf<Analysis['intents'][number]['id']>().toEqualTypeOf<IntentId>();
    expectTypeOf<Analysis['signals'][number]['id']>().toEqualTypeOf<SignalId>();
    expectTypeOf(analysis.risk).toEqualTypeOf<'low' | 'medium' | 'high'>();
    expectTypeOf<Analysis['entities'][number]['range']>().toEqualTypeOf<[start: number, end: number]>();
  });

  it('lint() returns findings with ranges, severities and rule ids', () => {
    const result = createAssistant().lint('亲，已发货');
    expectTypeOf(result).toEqualTypeOf<LintResult>();
    expectTypeOf<Finding['severity']>().toEqualTypeOf<'error' | 'warn'>();
    expectTypeOf<Finding['ruleId']>().toEqualTypeOf<LintRuleId>();
  });

  it('the facts schema infers the Facts type', () => {
    expectTypeOf<z.infer<typeof factsSchema>>().toEqualTypeOf<Facts>();
    expectTypeOf<NonNullable<Facts['order']>['carrierScan']>().toEqualTypeOf<boolean | undefined>();
  });

  it('errors carry a code from a closed union', () => {
    expectTypeOf<HuashuError['code']>().toEqualTypeOf<HuashuErrorCode>();
    expectTypeOf<'INVALID_INPUT'>().toExtend<HuashuErrorCode>();
  });
});

describe('ids are closed sets generated from the data, open to declared additions', () => {
  it('the generated intent ids are the documented list (rules/intents = src/intent/ids.ts)', () => {
    expectTypeOf<BuiltInIntentId>().toEqualTypeOf<(typeof INTENT_IDS)[number]>();
  });

  it('built-in ids type-check, typos do not', () => {
    expectTypeOf<'order.ship_time'>().toExtend<IntentId>();
    expectTypeOf<'order.shiptime'>().not.toExtend<IntentId>();
    expectTypeOf<'order.flag_note'>().toExtend<ActionId>();
    expectTypeOf<'order.flag'>().not.toExtend<ActionId>();
    expectTypeOf<'shipping/carrier-shipped'>().toExtend<TemplateId>();
    expectTypeOf<'shipping/shipped'>().not.toExtend<TemplateId>();
    expectTypeOf<'no-pii-leak'>().toExtend<LintRuleId>();
    expectTypeOf<'emotion.anger'>().toExtend<SignalId>();
    expectTypeOf<'emotion.joy'>().not.toExtend<SignalId>();
  });

  it('ids declared in the Custom* interfaces (test/types/custom-ids.ts) join the unions', () => {
    expectTypeOf<'shop/gift-wrap'>().toExtend<TemplateId>();
    expectTypeOf<'r'>().toExtend<LintRuleId>();
    expectTypeOf<'shop/not-declared'>().not.toExtend<TemplateId>();
  });

  it('the public types report ids with these unions', () => {
    expectTypeOf<Signal['id']>().toEqualTypeOf<SignalId>();
    expectTypeOf<Recommendation['actions'][number]['id']>().toEqualTypeOf<ActionId>();
    expectTypeOf<Recommendation['suppressed'][number]['by']['id']>().toEqualTypeOf<ActionId>();
    expectTypeOf<Recommendation['replies'][number]['templateId']>().toEqualTypeOf<TemplateId>();
    expectTypeOf<TemplateEntry['id']>().toEqualTypeOf<TemplateId>();
  });
});
