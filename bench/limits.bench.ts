import { createAssistant } from '../src/assistant/index.js';
import { isHuashuError } from '../src/errors.js';
import { catalogueCacheSizes } from '../src/templates/catalogue.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../src/templates/index.js';
import { fmt, timePerItem, type Row, type Suite } from './harness.js';
import { templateCompiler } from '../src/templates/compiler.js';

/** What a call ends in: its HuashuError code, or "ok". Anything else is a bug and is thrown. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (isHuashuError(error)) return error.code;
    throw error;
  }
}

function measure(name: string, fn: () => unknown, inner = 1): Row {
  const started = performance.now();
  const result = outcome(fn);
  const firstMs = performance.now() - started;
  const timing = timePerItem([0], () => outcome(fn), { rounds: 9, inner });
  return { case: name, result, 'first call ms': fmt(firstMs), 'median ms': fmt(timing.medianUs / 1000, 3) };
}

const definition = (
  extra: Partial<TemplateDefinitionInput> & { when?: unknown },
): TemplateDefinitionInput[] => [
  {
    id: 'bench/hostile',
    stage: 'answer',
    intents: [],
    channels: ['chat'],
    description: 'hostile',
    variables: { a: { type: 'boolean', example: true } },
    sources: { 'zh-Hans': '{{#if a}}x{{/if}}' },
    ...extra,
  } as TemplateDefinitionInput,
];

function notChain(depth: number): unknown {
  let node: unknown = { fact: 'channel', operator: 'equal', value: 'chat' };
  for (let i = 0; i < depth; i++) node = { not: node };
  return node;
}

/**
 * Hostile packs and ids (issue 9): each must be refused with a HuashuError in milliseconds, by a
 * limit checked before any recursive or super-linear work. Before: 10,000 nested {{#if}} took
 * minutes and a 1 MB unknown id seconds.
 */
export const limitsSuite: Suite = {
  name: 'limits',
  run() {
    const catalogue = createTemplateCatalogue();
    const megabyteId = 'x'.repeat(1 << 20);
    const cyclic: Record<string, unknown> = {};
    cyclic.not = cyclic;
    // Built once, outside the timed calls.
    const deep = notChain(100_000);
    const deepSource = `${'{{#if a}}'.repeat(10_000)}x${'{{/if}}'.repeat(10_000)}`;
    const nestedSource = `{{a}}${'{{#a}}'.repeat(500)}x${'{{/a}}'.repeat(500)}`;
    const rows: Row[] = [
      measure('render(1 MB unknown id)', () => catalogue.render(megabyteId), 20),
      measure('get(1 MB unknown id)', () => catalogue.get(megabyteId), 20),
      measure('example(1 MB unknown id)', () => catalogue.example(megabyteId), 20),
      measure('render(128-char unknown id)', () => catalogue.render(`x/${'y'.repeat(126)}`), 20),
      measure('pack: 10,000 nested {{#if}} (160 KB)', () =>
        createTemplateCatalogue(definition({ sources: { 'zh-Hans': deepSource } }), { templateCompiler }),
      ),
      measure('pack: 500 nested blocks (9 KB)', () =>
        createTemplateCatalogue(definition({ sources: { 'zh-Hans': nestedSource } }), { templateCompiler }),
      ),
      measure('pack: `when` 100,000 levels deep', () =>
        createTemplateCatalogue(definition({ when: deep }), { templateCompiler }),
      ),
      measure('pack: cyclic `when`', () =>
        createTemplateCatalogue(definition({ when: { all: [cyclic] } }), { templateCompiler }),
      ),
      measure('rules: conditions 100,000 levels deep', () =>
        createAssistant({
          actions: {
            rules: [
              {
                name: 'r',
                conditions: deep,
                event: { type: 'action', params: { actions: ['case.record'] } },
              },
            ],
          },
        }),
      ),
    ];
    const before = catalogueCacheSizes(catalogue).examples;
    for (let i = 0; i < 200_000; i++) catalogue.example(`unknown/id-${i}`);
    rows.push({
      case: 'example() × 200,000 distinct unknown ids',
      result: `cached examples ${before} → ${catalogueCacheSizes(catalogue).examples}`,
      'first call ms': '',
      'median ms': '',
    });
    return rows;
  },
};
