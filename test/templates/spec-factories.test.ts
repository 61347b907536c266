import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCode, shareShapes, shareSpecShapes } from '../../scripts/data/templates.js';
import { HuashuError } from '../../src/errors.js';
import { builtInTemplateDefinitions, builtInTemplateSpecs } from '../../src/generated/templates.js';
import type { TemplateDefinition, TemplateLocale, VariableType } from '../../src/templates/definition.js';
import { COMPILE_OPTIONS } from '../../src/templates/environment.js';
import { createCompilingEnvironment, templateCompiler } from '../../src/templates/compiler.js';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { exampleVariables } from '../../src/templates/variables.js';
import { CHANNELS } from '../../src/vocabulary.js';

/**
 * The built-in specs are written with shared factories (scripts/data/templates.ts): each must
 * render exactly as its source compiled by handlebars at run time, text and errors alike.
 */

type Render = (context: unknown, options?: { data?: unknown }) => string;
type Vars = Record<string, unknown>;

const env = createCompilingEnvironment();
const definitions = builtInTemplateDefinitions();
const specs = builtInTemplateSpecs();

/** One built-in template in one locale: the shipped spec linked, and the source compiled now. */
interface Case {
  definition: TemplateDefinition;
  locale: TemplateLocale;
  shipped: Render;
  compiled: Render;
}

const cases: Case[] = definitions.flatMap((definition) =>
  Object.entries(definition.sources).map(([locale, source]) => ({
    definition,
    locale: locale as TemplateLocale,
    shipped: env.template(specs[definition.id]![locale] as never) as Render,
    compiled: env.compile(source, COMPILE_OPTIONS) as Render,
  })),
);

/**
 * The text, or the error's kind and message, and for a strict-mode error the place in the
 * source it names (the start is in the message, the end only in these fields).
 */
function outcome(render: () => string): string {
  try {
    return `ok: ${render()}`;
  } catch (error) {
    if (error instanceof HuashuError) return `${error.code}: ${error.message}`;
    if (!(error instanceof Error)) return `thrown: ${String(error)}`;
    const { lineNumber, column, endLineNumber, endColumn } = error as Error & Partial<Record<string, number>>;
    return `${error.constructor.name}: ${error.message} @${lineNumber}:${column}-${endLineNumber}:${endColumn}`;
  }
}

/** `vars` with the dotted `path` set to `value`, or left out when `value` is `undefined`. */
function withPath(vars: Vars, path: string, value: unknown): Vars {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Vars = { ...vars };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  copy[head] = withPath(inner !== null && typeof inner === 'object' ? (inner as Vars) : {}, rest.join('.'), value);
  return copy;
}

/** Fixed inputs for every template: its examples, then each variable left out or null in turn. */
function fixedInputs(definition: TemplateDefinition, locale: TemplateLocale): Vars[] {
  const examples = exampleVariables(definition.variables, locale) as Vars;
  const paths = Object.keys(definition.variables);
  const requiredOnly = paths
    .filter((path) => definition.variables[path]!.optional === true)
    .reduce((vars, path) => withPath(vars, path, undefined), examples);
  return [
    examples,
    requiredOnly,
    {},
    ...paths.map((path) => withPath(examples, path, undefined)),
    ...paths.map((path) => withPath(examples, path, null)),
    ...Object.keys(examples).map((key) => withPath(examples, key, undefined)),
  ];
}

const textArbitrary = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', '王芳', '{{x}}'));
const dateArbitrary = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .chain((date) => fc.constantFrom(date.toISOString(), date.toISOString().slice(0, 10), date.getTime()));

/** A value of the variable's type, as a caller may pass it. */
const valueOf: Record<VariableType, fc.Arbitrary<unknown>> = {
  text: textArbitrary,
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  amount: fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.double({ min: -1e6, max: 1e9, noNaN: true })),
  date: dateArbitrary,
  phone: fc.stringMatching(/^\+?\d[\d -]{0,14}$/),
  gender: fc.constantFrom('female', 'male', 'unknown'),
  list: fc.array(textArbitrary, { minLength: 1, maxLength: 4 }),
  boolean: fc.boolean(),
};
/** Anything a careless caller may pass instead. */
const wrongValue = fc.oneof(
  fc.constantFrom(null, 0, -1, '', true, false, [], {}, ['a'], { name: 'x' }),
  fc.string(),
  fc.double(),
);

/** The examples with each variable kept, left out, given another value of its type or a wrong one. */
function variedInputs(definition: TemplateDefinition, locale: TemplateLocale): fc.Arbitrary<Vars> {
  const examples = exampleVariables(definition.variables, locale) as Vars;
  const changes = Object.entries(definition.variables).map(([path, declaration]) =>
    fc.oneof(
      { arbitrary: fc.constant({ path, keep: true as const }), weight: 2 },
      { arbitrary: fc.constant({ path, value: undefined }), weight: 1 },
      { arbitrary: valueOf[declaration.type].map((value) => ({ path, value })), weight: 3 },
      { arbitrary: wrongValue.map((value) => ({ path, value })), weight: 1 },
    ),
  );
  return fc
    .tuple(...changes)
    .map((chosen) => chosen.reduce((vars, change) => ('keep' in change ? vars : withPath(vars, change.path, change.value)), examples));
}

const timeZone = fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC', 'Pacific/Kiritimati');
const renderData = fc.record({ channel: fc.constantFrom(null, ...CHANNELS), timeZone });

describe('built-in specs written with shared factories', () => {
  it('are all there: one spec per built-in template and locale', () => {
    expect(cases.length).toBe(Object.values(specs).reduce((n, byLocale) => n + Object.keys(byLocale).length, 0));
    expect(cases.length).toBeGreaterThan(200);
  });

  it('share no function: handlebars writes to each spec’s functions when it links them', () => {
    const functions = Object.values(specs).flatMap((byLocale) =>
      Object.values(byLocale).flatMap((spec) => Object.values(spec).filter((value) => typeof value === 'function')),
    );
    expect(functions.length).toBeGreaterThan(cases.length);
    expect(new Set(functions).size).toBe(functions.length);
  });

  it('render as each source compiled now, with its examples and with each variable left out or null', () => {
    const failing = new Set<Case>();
    for (const c of cases)
      for (const vars of fixedInputs(c.definition, c.locale)) {
        const options = { data: { locale: c.locale, channel: c.definition.channels[0], timeZone: 'Asia/Shanghai' } };
        const expected = outcome(() => c.compiled(vars, options));
        expect(outcome(() => c.shipped(vars, options)), `${c.definition.id} ${c.locale} ${JSON.stringify(vars)}`).toBe(
          expected,
        );
        if (!expected.startsWith('ok: ')) failing.add(c);
      }
    // Every template that reads a variable in strict mode failed for some input (the strict-mode
    // error, naming its place, or a read inside a missing object), so errors were compared too.
    const strict = cases.filter((c) =>
      Object.values(specs[c.definition.id]![c.locale]!).some((value) => String(value).includes('container.strict')),
    );
    expect(strict.length).toBeGreaterThan(40);
    for (const c of strict) expect(failing.has(c), `${c.definition.id} ${c.locale}`).toBe(true);
  });

  it('render as each source compiled now, for varied variables, channels and time zones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases).chain((c) => fc.tuple(fc.constant(c), variedInputs(c.definition, c.locale), renderData)),
        ([{ definition, locale, shipped, compiled }, vars, data]) => {
          const options = { data: { locale, ...data } };
          expect(outcome(() => shipped(vars, options)), `${definition.id} ${locale}`).toBe(outcome(() => compiled(vars, options)));
        },
      ),
      { numRuns: 4000 },
    );
  });

  describe('through the catalogue: built-ins against the same definitions given as packs (compiled at load)', () => {
    const builtIn = createTemplateCatalogue();
    const fromSources = createTemplateCatalogue(
      definitions.map((definition) => structuredClone(definition)),
      { templateCompiler },
    );

    it('give the same examples', () => {
      for (const { definition, locale } of cases)
        expect(builtIn.example(definition.id, locale), `${definition.id} ${locale}`).toBe(
          fromSources.example(definition.id, locale),
        );
    });

    it('render the same text or throw the same error, for fixed and varied variables', () => {
      for (const { definition, locale } of cases)
        for (const vars of fixedInputs(definition, locale))
          expect(outcome(() => builtIn.render(definition.id, vars, { locale }))).toBe(
            outcome(() => fromSources.render(definition.id, vars, { locale })),
          );
      fc.assert(
        fc.property(
          fc.constantFrom(...cases).chain((c) =>
            fc.tuple(
              fc.constant(c),
              variedInputs(c.definition, c.locale),
              fc.record({ channel: fc.constantFrom(null, ...c.definition.channels), timeZone }),
            ),
          ),
          ([{ definition, locale }, vars, { channel, timeZone: zone }]) => {
            const options = { locale, timeZone: zone, ...(channel === null ? {} : { channel }) };
            expect(outcome(() => builtIn.render(definition.id, vars, options)), `${definition.id} ${locale}`).toBe(
              outcome(() => fromSources.render(definition.id, vars, options)),
            );
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});

describe('finding shapes (scripts/data/templates.ts)', () => {
  /** The value of the expressions `shared` stands for, with its factories in scope. */
  const evaluate = (factories: readonly string[], codes: readonly string[]): unknown[] =>
    new Function(`${factories.join('\n')}\nreturn [${codes.join(',\n')}];`)() as unknown[];

  it('takes as data only the string and number literals that are values, never keys, names or directives', () => {
    const parsed = parseCode('{"key": function(a) { "use strict"; return a.b + "text" + f(2, "x")[0] + a["y"]; }, "n": 1}');
    expect(parsed.literals.map((literal) => literal.text)).toEqual(['"text"', '2', '"x"', '0', '"y"', '1']);
    expect(parsed.functions.map((f) => f.text)).toEqual([
      'function(a) { "use strict"; return a.b + "text" + f(2, "x")[0] + a["y"]; }',
    ]);
    expect(parsed.identifiers).toEqual(new Set(['a', 'b', 'f']));
  });

  it('shares a factory only between code that differs in its value literals alone', () => {
    const shared = shareShapes(
      ['f(a, "one", 1, "h", "h")', 'f(a, "two", 1, "i", "i")', 'f(b, "three", 1, "j", "j")', 'f(a, "four", 1, "k", "l")'],
      'S',
    );
    // The third names b: another shape. The fourth is of the first two's shape, but its last two
    // literals differ where theirs are the same, so the two get a parameter each.
    expect(shared.factories).toEqual(['const S0 = (p0, p1, p2) => (f(a, p0, 1, p1, p2));']);
    expect(shared.codes).toEqual(['S0("one", "h", "h")', 'S0("two", "i", "i")', 'f(b, "three", 1, "j", "j")', 'S0("four", "k", "l")']);
  });

  it('merges literals that differ the same way in every member into one parameter', () => {
    const shared = shareShapes(['g("a", "a", 1)', 'g("b", "b", 2)'], 'S');
    expect(shared.factories).toEqual(['const S0 = (p0, p1) => (g(p0, p0, p1));']);
    expect(shared.codes).toEqual(['S0("a", 1)', 'S0("b", 2)']);
  });

  it('refuses a factory name or parameter the code already uses', () => {
    expect(() => shareShapes(['p0("a")', 'p0("b")'], 'S')).toThrow(/the name p0/);
    expect(() => shareShapes(['S0("a")', 'S0("b")'], 'S')).toThrow(/the name S0/);
    expect(() => shareSpecShapes(['{"main": function() { return T; }}'])).toThrow(/the name T/);
  });

  it('gives back values equal to the code it was given (random specs of a small grammar)', () => {
    const literal = fc.oneof(
      fc.string().map((s) => JSON.stringify(s)),
      fc.constantFrom('"a"', '"b"', '0', '1', '2.5'),
    );
    const term = fc.oneof(literal, fc.constantFrom('x', 'x.length', 'String(x)'));
    const body = fc.array(term, { minLength: 1, maxLength: 3 }).map((terms) => terms.join(' + '));
    const spec = fc
      .array(fc.tuple(fc.constantFrom('"0"', '"1"', '"main"'), body), { minLength: 1, maxLength: 3 })
      .map((programs) => {
        const unique = [...new Map(programs).entries()];
        return `{${unique.map(([key, returned]) => `${key}: function(x) { return ${returned}; }`).join(', ')}, "compiler": [8, ">= 4.3.0"]}`;
      });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 8 }), fc.string(), (codes, input) => {
        const shared = shareSpecShapes(codes);
        const results = (values: unknown[]) =>
          values.map((value) =>
            Object.entries(value as Record<string, unknown>).map(([key, v]) => [
              key,
              typeof v === 'function' ? (v as (x: string) => unknown)(input) : v,
            ]),
          );
        expect(results(evaluate(shared.factories, shared.specs))).toEqual(results(evaluate([], codes)));
      }),
      { numRuns: 500 },
    );
  });
});
