import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { factsSchema } from '../src/facts.js';
import type { HuashuError } from '../src/index.js';
import {
  createAssistant,
  type Analysis,
  type Facts,
  type Finding,
  type HuashuErrorCode,
  type LintResult,
} from '../src/index.js';

// Checked by `npm run typecheck` (tsc over test/): the public types infer what users rely on.
describe('public types', () => {
  it('analyze() returns an Analysis with typed intent, signals and entities', () => {
    const analysis = createAssistant().analyze('你好');
    expectTypeOf(analysis).toEqualTypeOf<Analysis>();
    expectTypeOf(analysis.intent.id).toEqualTypeOf<string>();
    expectTypeOf(analysis.risk).toEqualTypeOf<'low' | 'medium' | 'high'>();
    expectTypeOf<Analysis['entities'][number]['range']>().toEqualTypeOf<[start: number, end: number]>();
  });

  it('lint() returns findings with ranges and severities', () => {
    const result = createAssistant().lint('亲，已发货');
    expectTypeOf(result).toEqualTypeOf<LintResult>();
    expectTypeOf<Finding['severity']>().toEqualTypeOf<'error' | 'warn'>();
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
