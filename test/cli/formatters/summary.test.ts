import { describe, expect, it } from 'vitest';
import {
  createSummaryCollector,
  formatSummary,
  MAX_AGENTS,
  OTHER_AGENTS,
  percent,
} from '../../../src/cli/formatters/summary.js';
import { displayWidth } from '../../../src/cli/formatters/text.js';
import { finding, result } from './fixtures.js';

// Its fix (仓库 before the claim) is not marked safe: not counted as fixable.
const ship = (reply: string) => finding(reply, '已发货', { fix: { range: [0, 0], text: '仓库' } });
const promise = (reply: string) =>
  finding(reply, '保证', { ruleId: 'no-overpromise', severity: 'warn', messageId: 'absolute' });
const rude = (reply: string, category: string) =>
  finding(reply, '不知道', { ruleId: 'no-forbidden-phrase', messageId: 'forbidden', data: { category } });

function collect() {
  const collector = createSummaryCollector();
  const a = '已发货，保证明天到';
  const b = '不知道';
  collector.add({ agent: '小王', result: result([ship(a), promise(a)]) });
  collector.add({ agent: '小王', result: result([]) });
  collector.add({ agent: '小李', result: result([rude(b, 'flat_refusal')]) });
  collector.add({
    agent: '小李',
    result: result([
      rude(b, 'flat_refusal'),
      { ...rude(b, 'flat_refusal'), fix: { range: [0, 3], text: '我查一下', safe: true } },
    ]),
  });
  collector.add({ agent: 'Ann', result: result([promise('保证')]) });
  collector.add({ result: result([]) });
  return collector.summary();
}

describe('summary collector', () => {
  it('counts replies, replies with errors / warnings, findings and fixable findings', () => {
    const s = collect();
    expect(s).toMatchObject({
      replies: 6,
      repliesWithErrors: 3,
      repliesWithWarnings: 2,
      repliesWithFindings: 4,
      errors: 4,
      warnings: 2,
      fixable: 1,
    });
  });

  it('per rule: replies (once per reply), errors and warnings, most replies first', () => {
    expect(collect().rules).toEqual([
      { ruleId: 'no-forbidden-phrase', replies: 2, errors: 3, warnings: 0 },
      { ruleId: 'no-overpromise', replies: 2, errors: 0, warnings: 2 },
      { ruleId: 'shipping-wording', replies: 1, errors: 1, warnings: 0 },
    ]);
  });

  it('per agent: most replies with errors first, with the rule each breaks most', () => {
    expect(collect().agents).toEqual([
      {
        agent: '小李',
        replies: 2,
        repliesWithErrors: 2,
        repliesWithWarnings: 0,
        errors: 3,
        warnings: 0,
        topRule: 'no-forbidden-phrase',
      },
      {
        agent: '小王',
        replies: 2,
        repliesWithErrors: 1,
        repliesWithWarnings: 1,
        errors: 1,
        warnings: 1,
        topRule: 'no-overpromise',
      },
      {
        agent: 'Ann',
        replies: 1,
        repliesWithErrors: 0,
        repliesWithWarnings: 1,
        errors: 0,
        warnings: 1,
        topRule: 'no-overpromise',
      },
      {
        agent: '(no agent)',
        replies: 1,
        repliesWithErrors: 0,
        repliesWithWarnings: 0,
        errors: 0,
        warnings: 0,
      },
    ]);
  });

  it('forbidden-language categories are counted from finding.data.category', () => {
    expect(collect().categories).toEqual([{ category: 'flat_refusal', findings: 3 }]);
  });

  it('no agents section when no reply names an agent', () => {
    const collector = createSummaryCollector();
    collector.add({ result: result([ship('已发货')]) });
    expect(collector.summary().agents).toEqual([]);
    expect(formatSummary(collector.summary())).not.toContain('Agent');
  });

  it('an empty run has zero everywhere', () => {
    expect(createSummaryCollector().summary()).toEqual({
      replies: 0,
      repliesWithErrors: 0,
      repliesWithWarnings: 0,
      repliesWithFindings: 0,
      errors: 0,
      warnings: 0,
      fixable: 0,
      rules: [],
      categories: [],
      agents: [],
      skipped: 0,
    });
  });

  it('skipped lines are counted and shown apart from the figures', () => {
    const collector = createSummaryCollector();
    collector.add({ result: result([]) });
    collector.skip();
    collector.skip();
    expect(collector.summary()).toMatchObject({ replies: 1, skipped: 2 });
    expect(formatSummary(collector.summary())).toMatch(
      /Lines skipped \(malformed\)\s+2\s+not in these figures/,
    );
    expect(formatSummary(createSummaryCollector().summary())).not.toContain('skipped');
  });

  it(`bounded: past ${MAX_AGENTS} agents, the others are counted together`, () => {
    const collector = createSummaryCollector();
    for (let i = 0; i < MAX_AGENTS + 5; i++) collector.add({ agent: `a${i}`, result: result([]) });
    collector.add({ agent: 'a0', result: result([]) });
    const agents = collector.summary().agents;
    expect(agents).toHaveLength(MAX_AGENTS + 1);
    expect(agents.find((a) => a.agent === OTHER_AGENTS)?.replies).toBe(5);
    expect(agents.find((a) => a.agent === 'a0')?.replies).toBe(2);
  });
});

describe('percent', () => {
  it.each([
    [0, 0, '0%'],
    [0, 5, '0%'],
    [1, 3, '33.3%'],
    [1, 200, '0.50%'],
    [3, 6, '50.0%'],
    [6, 6, '100.0%'],
  ])('%i of %i is %s', (count, total, out) => {
    expect(percent(count, total)).toBe(out);
  });
});

describe('formatSummary', () => {
  const text = formatSummary(collect());
  const lines = text.split('\n');

  it('states the overview figures with rates', () => {
    expect(text).toMatch(/Replies checked\s+6/);
    expect(text).toMatch(/Replies with errors\s+3\s+50\.0%/);
    expect(text).toMatch(/Replies with warnings\s+2\s+33\.3%/);
    expect(text).toMatch(/Findings\s+6\s+4 errors, 2 warnings, 1 fixable/);
  });

  it('lists rules with replies, rate, errors and warnings', () => {
    expect(lines.find((l) => l.includes('no-forbidden-phrase') && !l.includes('Agent'))).toMatch(
      /no-forbidden-phrase\s+2\s+33\.3%\s+3\s+0$/,
    );
  });

  it('lists agents, worst first, CJK names aligned by display width', () => {
    const agentLines = lines.filter((l) => /^ {2}(小李|小王|Ann|\(no agent\))/.test(l));
    expect(agentLines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['小李', '小王', 'Ann', '(no']);
    expect(agentLines[0]).toMatch(/小李\s+2\s+2\s+100\.0%\s+0\s+0%\s+no-forbidden-phrase/);
    // The Replies column ends at the same terminal column whatever the name's script.
    const repliesEnd = (l: string) => displayWidth(/^\s*(?:\(no agent\)|\S+)\s+\d+/.exec(l)?.[0] ?? '');
    expect(new Set(agentLines.map(repliesEnd)).size).toBe(1);
  });

  it('shows the top agents only, saying how many more there are', () => {
    const short = formatSummary(collect(), { topAgents: 2 });
    expect(short).toContain('Agents (2 of 4');
    expect(short).toContain('… 2 more agents');
    expect(short).not.toMatch(/^ {2}Ann/m);
  });

  it('agent names and categories are made safe for a terminal', () => {
    const collector = createSummaryCollector();
    collector.add({ agent: 'evil\u001b[2J', result: result([rude('不知道', 'x\u0007')]) });
    expect([...formatSummary(collector.summary())].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
  });

  it('colour only when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(formatSummary(collect(), { color: true })).toContain('\u001b[1m');
  });
});
