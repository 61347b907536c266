import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packCompiler } from '../../src/templates/compiler.js';
import { templateNesting } from '../../src/templates/nesting.js';

/** The deepest nesting of blocks and sub-expressions in handlebars' own syntax tree. */
function astDepth(source: string): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[packCompiler.parse(source), 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const type = (node as { type?: string }).type;
    const next = type === 'BlockStatement' || type === 'SubExpression' ? depth + 1 : depth;
    deepest = Math.max(deepest, next);
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') stack.push([child, next]);
  }
  return deepest;
}

describe('templateNesting', () => {
  it.each<[string, number]>([
    ['plain text', 0],
    ['{{a}} {{b.c}}', 0],
    ['{{#if a}}x{{/if}}{{#if b}}y{{/if}}', 1],
    ['{{#if a}}{{#each b}}{{this}}{{/each}}{{/if}}', 2],
    ['{{#if a}}x{{else if b}}y{{else if c}}z{{else}}w{{/if}}', 3],
    ['{{~#if a~}}x{{~else if b~}}y{{~/if~}}', 2],
    ['{{^a}}x{{/a}}', 1],
    ['{{#a}}x{{^}}y{{/a}}', 1],
    ['{{mask (mask (mask a))}}', 2],
    ['{{#if (mask a)}}x{{/if}}', 2],
    ['{{mask "(((("}}', 0],
    ["{{mask '(((('}}", 0],
    ['{{!-- {{#if a}}{{#if b}} --}}', 0],
    ['{{! (((( }}', 0],
  ])('%s → %i', (source, depth) => {
    expect(templateNesting(source).depth).toBe(depth);
    // The scan never counts less than handlebars' tree has.
    expect(templateNesting(source).depth).toBeGreaterThanOrEqual(astDepth(source));
  });

  it('reports the line of the deepest point', () => {
    expect(templateNesting('a\nb\n{{#if a}}\n{{#if b}}x{{/if}}{{/if}}')).toEqual({ depth: 2, line: 4 });
  });

  it('stops early past the limit: 100,000 nested blocks in one pass', () => {
    const source = `${'{{#if a}}'.repeat(100_000)}x${'{{/if}}'.repeat(100_000)}`;
    expect(templateNesting(source, 16)).toEqual({ depth: 17, line: 1 });
  });

  it('property: never below the depth of the syntax tree handlebars builds', () => {
    const piece = fc.constantFrom('{{#if a}}', '{{/if}}', '{{else if b}}', '{{else}}', '{{^b}}', '{{/b}}', '{{mask (mask a)}}', '{{a}}', 'x', '{{!-- c --}}', '(', ')', '"', '\\\\{{#if a}}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const source = pieces.join('');
        let depth: number;
        try {
          depth = astDepth(source);
        } catch {
          return; // not a template handlebars accepts: nothing to compare
        }
        expect(templateNesting(source).depth).toBeGreaterThanOrEqual(depth);
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});
