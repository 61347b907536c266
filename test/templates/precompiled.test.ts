import { describe, expect, it } from 'vitest';
import { trimPrecompiled } from '../../scripts/data/templates.js';
import { builtInTemplateDefinitions, builtInTemplateSpecs } from '../../src/generated/templates.js';
import type { TemplateLocale } from '../../src/templates/definition.js';
import { COMPILE_OPTIONS } from '../../src/templates/environment.js';
import { createCompilingEnvironment } from '../../src/templates/compiler.js';
import { exampleVariables } from '../../src/templates/variables.js';

type Render = (vars: unknown) => string;
const env = createCompilingEnvironment();

/** What a render gives: the text, or the error's message (a missing variable names its place). */
function outcome(render: Render, vars: unknown): string {
  try {
    return `ok: ${render(vars)}`;
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** Every value of `vars` but one, for each top-level key: each render then misses one variable. */
function withoutEach(vars: Record<string, unknown>): Array<Record<string, unknown>> {
  return Object.keys(vars).map((key) => Object.fromEntries(Object.entries(vars).filter(([k]) => k !== key)));
}

describe('built-in templates: the trimmed precompiled specs', () => {
  const definitions = builtInTemplateDefinitions();
  const specs = builtInTemplateSpecs();

  it('hold nothing the trim removes', () => {
    const text = Object.values(specs)
      .flatMap((byLocale) => Object.values(byLocale))
      .map((spec) => Object.values(spec).map(String).join('\n'))
      .join('\n');
    expect(text).toContain('container.lookupProperty');
    expect(text).not.toContain('Object.prototype.hasOwnProperty.call(parent, propertyName)');
  });

  it('render as the sources compiled at run time do, with examples and with each variable missing', () => {
    let renders = 0;
    for (const definition of definitions)
      for (const [locale, source] of Object.entries(definition.sources)) {
        const precompiled = env.template(specs[definition.id]![locale] as never) as Render;
        const compiled = env.compile(source, COMPILE_OPTIONS) as Render;
        const examples = exampleVariables(definition.variables, locale as TemplateLocale);
        for (const vars of [examples, {}, ...withoutEach(examples)]) {
          expect(outcome(precompiled, vars), `${definition.id} ${locale}`).toBe(outcome(compiled, vars));
          renders++;
        }
      }
    expect(renders).toBeGreaterThan(3 * definitions.length);
  });

  it('the trim removes the helper positions and the lookup fallback only', () => {
    const source = '{{#if customer.name}}{{honorific customer}}{{else}}亲{{/if}}, {{agent.name}}';
    const full = env.precompile(source, COMPILE_OPTIONS) as string;
    const trimmed = trimPrecompiled(full);
    expect(full).toContain('"loc":{"start"');
    expect(trimmed).not.toContain('"loc":');
    expect(trimmed).not.toContain('hasOwnProperty');
    // The missing variable's position stays: it is in the error message.
    expect(trimmed).toMatch(/container\.strict\(.*"name", \{"start":\{"line":1,"column":\d+\}/);
    const load = (spec: string) => env.template(new Function(`return ${spec}`)() as never) as Render;
    for (const vars of [{ customer: { name: '王芳', gender: 'female' }, agent: { name: '小美' } }, {}])
      expect(outcome(load(trimmed), vars)).toBe(outcome(load(full), vars));
  });
});
