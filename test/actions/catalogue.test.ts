import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../src/actions/catalogue.js';
import { actionCatalogue } from '../../src/generated/actions-catalogue.js';
import { builtInActionRules } from '../../src/generated/actions-rules.js';

// The ids issue 6 fixes: chat tools switch on them.
const ISSUE_IDS = [
  'order.flag_note',
  'order.notify_packer',
  'customer.confirm_details',
  'customer.call',
  'customer.confirm_in_writing',
  'customer.request_evidence',
  'customer.request_return',
  'customer.proactive_notice',
  'customer.callback',
  'customer.satisfaction_survey',
  'case.record',
  'case.own',
  'sla.reply_within',
  'escalate.supervisor',
  'escalate.experienced_agent',
  'soothe.first',
  'check.sku_binding',
  'check.batch_defect',
  'check.price_history',
  'refund.price_difference',
  'offer.compensation',
  'reship',
  'logistics.investigate',
  'redirect.out_of_scope',
];

describe('action catalogue', () => {
  const catalogue = indexCatalogue(actionCatalogue(), []);

  it('has exactly the issue’s action ids', () => {
    expect([...catalogue.actions.keys()].sort()).toEqual([...ISSUE_IDS].sort());
  });

  it('describes every action in zh-Hans, zh-Hant and en', () => {
    for (const action of catalogue.actions.values()) {
      expect(action.description['zh-Hans']).toMatch(/[\u4e00-\u9fff]/);
      expect(action.description['zh-Hant']).toMatch(/[\u4e00-\u9fff]/);
      expect(action.description.en).toMatch(/^[A-Z][\x20-\x7e]+$/);
      expect(action.description['zh-Hant']).not.toBe(action.description['zh-Hans']);
    }
  });

  it('sla.reply_within takes a required number of hours', () => {
    expect(catalogue.actions.get('sla.reply_within')?.params.hours).toMatchObject({
      type: 'number',
      required: true,
    });
  });

  it('conflicts are symmetric and name known actions', () => {
    const issues: unknown[] = [];
    const index = indexCatalogue(actionCatalogue(), issues as never[]);
    expect(issues).toEqual([]);
    for (const [id, others] of index.conflicts)
      for (const other of others) expect(index.conflicts.get(other)?.has(id)).toBe(true);
    expect(index.conflicts.get('soothe.first')?.has('customer.satisfaction_survey')).toBe(true);
  });

  it('reports unknown and self conflicts and duplicate ids', () => {
    const issues: Array<{ path: string; message: string }> = [];
    const description = { 'zh-Hans': 'a', 'zh-Hant': 'a', en: 'a' };
    indexCatalogue(
      {
        actions: [
          { id: 'a.b', description, params: {}, conflictsWith: ['a.c', 'a.b'] },
          { id: 'a.b', description, params: {}, conflictsWith: [] },
        ],
      },
      issues as never[],
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['actions[1].id', 'duplicate action id "a.b"'],
      ['actions[0].conflictsWith[0]', 'unknown action "a.c"'],
      ['actions[0].conflictsWith[1]', 'an action cannot conflict with itself'],
    ]);
  });

  it('every action is recommended by some built-in rule', () => {
    const used = new Set<string>();
    for (const rule of builtInActionRules())
      if (rule.event.type === 'action')
        for (const ref of rule.event.params.actions) used.add(typeof ref === 'string' ? ref : ref.id);
    expect([...used].sort()).toEqual([...ISSUE_IDS].sort());
  });
});
