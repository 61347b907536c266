import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import type { Facts } from '../../src/facts.js';
import { compileCondition } from '../../src/conditions/compile.js';
import type { ConditionNode as Condition } from '../../src/conditions/types.js';

const assistant = createAssistant();

/** Facts under which a template's `when` holds (the linter's shipping rule reads the same facts). */
function factsSatisfying(condition: Condition | undefined, facts: Record<string, Record<string, unknown> | unknown> = {}) {
  if (condition === undefined) return facts;
  if ('all' in condition) condition.all.forEach((c) => factsSatisfying(c, facts));
  else if ('any' in condition) factsSatisfying(condition.any[0], facts);
  else if (!('not' in condition) && condition.fact !== 'analysis') {
    const value =
      condition.operator === 'equal' ? condition.value : condition.operator === 'notEqual' ? !condition.value : undefined;
    if (condition.path === undefined) facts[condition.fact] = value;
    else {
      const key = condition.path.slice(2);
      facts[condition.fact] = { ...(facts[condition.fact] as Record<string, unknown>), [key]: value };
    }
  }
  return facts;
}

const entries = assistant.templates.list();

describe('every rendered template passes assistant.lint() with no finding', () => {
  it.each(entries.map((e) => [e.id, e.locale, e] as const))('%s (%s)', (id, locale, entry) => {
    const facts = factsSatisfying(entry.when) as Facts;
    // Conditions on the facts must hold (those on the analysis, e.g. anger, do not concern the linter).
    const onFacts = entry.when !== undefined && !JSON.stringify(entry.when).includes('"analysis"');
    if (onFacts) expect(compileCondition(entry.when!)(facts)).toBe(true);
    const withExample = assistant.render(id, entry.example as Record<string, unknown>, { locale });
    expect(assistant.lint(withExample, { locale, facts }).findings).toEqual([]);
    if (entry.variables['customer.name']?.optional) {
      const anonymous = assistant.render(id, { ...entry.example, customer: {} } as Record<string, unknown>, { locale });
      expect(assistant.lint(anonymous, { locale, facts }).findings).toEqual([]);
    }
  });

  it('the check is not vacuous: the carrier wording is flagged when the facts show no pickup scan', () => {
    const text = assistant.render('shipping/carrier-shipped', { order: { carrier: 'SF', trackingNumber: 'SF1' } });
    const findings = assistant.lint(text, { locale: 'zh-Hans', facts: { order: { shipped: true, carrierScan: false } } }).findings;
    expect(findings.length).toBeGreaterThan(0);
  });
});
