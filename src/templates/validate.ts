import * as z from 'zod/mini';
import type { HuashuIssue } from '../errors.js';
import { safeParse } from '../errors.js';
import { MAX_TEMPLATES_PER_PACK } from '../limits.js';
import { hasOwn, ownValue } from '../util/own.js';
import {
  TEMPLATE_LOCALES,
  templateDefinitionSchema,
  variablePathProblem,
  type TemplateDefinition,
  type TemplateLocale,
} from './definition.js';
import type { PackCompiler } from './compiler-option.js';
import { COMPILE_OPTIONS, sharedTemplateEnvironment } from './environment.js';
import { unguardedOptionalReads } from './optional-guards.js';
import { checkWhenFacts, compileWhen } from './when.js';
import type { CompiledCondition } from '../conditions/types.js';
import { analyzeSource } from './source-analysis.js';
import { exampleValue, exampleVariables, variablesSchema, variableValueSchema } from './variables.js';

/** One template to validate, with where it came from so every problem can name its file. */
export interface TemplateInput {
  value: unknown;
  /** The metadata file and each locale's source file, for packs read from disk. */
  files?: { metadata?: string; sources?: Partial<Record<TemplateLocale, string>> };
  /** JSON path of the definition in an in-memory pack, e.g. `templates[2]`. */
  prefix?: string;
}

export type CompiledTemplateFn = (context: unknown, options?: { data?: unknown }) => string;

export interface ValidTemplate {
  definition: TemplateDefinition;
  /** Compiled once here, so a pack is never compiled twice. */
  compiled: Partial<Record<TemplateLocale, CompiledTemplateFn>>;
  /** The `when` condition compiled, when the template has one. */
  when?: CompiledCondition;
}

export interface ValidationOptions {
  /** Built-in templates must exist in every locale; packs may cover some. */
  requireAllLocales: boolean;
  /** Compile the sources (and render each with its example variables). Default true. */
  compile?: boolean;
  /** Parses and compiles the sources (`templateCompiler` from ./compiler.ts). */
  compiler: PackCompiler;
}

/** The required variable declarations: what a render without any optional fact gets. */
function requiredOnly(variables: TemplateDefinition['variables']): TemplateDefinition['variables'] {
  return Object.fromEntries(Object.entries(variables).filter(([, declaration]) => declaration.optional !== true));
}

/** `variables["order.id"].type`: dotted keys are quoted so the path stays unambiguous. */
export function jsonPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(String(key))) out += out === '' ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** `a.b.c` → `a`, `a.b`, `a.b.c`. Variable paths have at most MAX_VARIABLE_PATH_SEGMENTS parts. */
function prefixesOf(path: string): string[] {
  const out: string[] = [];
  let at = path.indexOf('.');
  while (at !== -1) {
    out.push(path.slice(0, at));
    at = path.indexOf('.', at + 1);
  }
  out.push(path);
  return out;
}

/** zod reports a bad record key as "Invalid key in record": say what is wrong with the key. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.issues.length > 0) {
    return issue.issues.map((inner) => inner.message).join('; ');
  }
  return issue.message;
}

/**
 * Validate template definitions: the schema, the locales, each source (syntax, helpers, declared
 * variables), the examples against their types, the `when` facts and paths, and — when compiling —
 * that every locale renders with its example variables. Returns every problem, never throws.
 */
export function validateTemplates(
  inputs: readonly TemplateInput[],
  options: ValidationOptions,
): { templates: ValidTemplate[]; issues: HuashuIssue[] } {
  const issues: HuashuIssue[] = [];
  const templates: ValidTemplate[] = [];
  const compile = options.compile ?? true;
  if (inputs.length > MAX_TEMPLATES_PER_PACK) {
    issues.push({
      path: '',
      message: `${inputs.length} templates in one pack; the limit is ${MAX_TEMPLATES_PER_PACK} (MAX_TEMPLATES_PER_PACK): split the pack or drop unused templates`,
    });
    return { templates, issues };
  }

  for (const input of inputs) {
    const prefix = input.prefix ?? '';
    const metadataFile = input.files?.metadata;
    const sourceFile = (locale: TemplateLocale) => input.files?.sources?.[locale];
    const problem = (path: readonly PropertyKey[], message: string, file = metadataFile) => {
      const issue: HuashuIssue = { path: jsonPath(path, prefix), message };
      issues.push(file === undefined ? issue : { file, ...issue });
    };
    const sourceProblem = (locale: TemplateLocale, message: string) => {
      const file = sourceFile(locale);
      // A source read from its own file needs no JSON path; in memory it is `sources.<locale>`.
      if (file !== undefined) issues.push({ file, path: '', message });
      else problem(['sources', locale], message);
    };

    // zod drops a "__proto__" key from a record without a word: say it is no variable name.
    const variables = ownValue(input.value, 'variables');
    if (variables !== null && typeof variables === 'object' && hasOwn(variables, '__proto__')) {
      problem(['variables', '__proto__'], variablePathProblem('__proto__')!);
      continue;
    }
    const parsed = safeParse(templateDefinitionSchema, input.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [head, locale] = issue.path;
        const message = issueMessage(issue);
        if (head === 'sources' && typeof locale === 'string' && sourceFile(locale as TemplateLocale)) {
          sourceProblem(locale as TemplateLocale, message);
        } else {
          problem(issue.path, message);
        }
      }
      continue;
    }
    const definition = parsed.data;
    const before = issues.length;
    const locales = TEMPLATE_LOCALES.filter((locale) => definition.sources[locale] !== undefined);
    if (options.requireAllLocales) {
      for (const locale of TEMPLATE_LOCALES) {
        if (definition.sources[locale] === undefined) problem(['sources', locale], `missing the ${locale} version`);
      }
    }

    // Variables: no path may be both a value and an object; examples must fit their type.
    const declared = Object.keys(definition.variables);
    const declaredSet = new Set(declared);
    // Every declared path and each of its parents (`order`, `order.id`): what a reference may name.
    const declaredPrefixes = new Set(declared.flatMap(prefixesOf));
    for (const path of declared) {
      const parent = prefixesOf(path).find((other) => other !== path && declaredSet.has(other));
      if (parent !== undefined) {
        problem(['variables', path], `"${parent}" is declared as a value, so "${path}" cannot be under it`);
      }
      const declaration = definition.variables[path]!;
      const valueSchema = variableValueSchema(declaration.type);
      for (const locale of locales) {
        const value = exampleValue(declaration, locale);
        if (value === undefined) {
          problem(['variables', path, 'example'], `no example for ${locale}`);
          continue;
        }
        const result = safeParse(valueSchema, value);
        if (!result.success) {
          problem(
            ['variables', path, 'example'],
            `the ${locale} example does not fit type "${declaration.type}": ${result.error.issues[0]?.message ?? ''}`,
          );
        }
      }
    }

    // Sources: syntax, helpers, and every variable they read must be declared.
    const programs: Partial<Record<TemplateLocale, hbs.AST.Program>> = {};
    const optional = new Set(declared.filter((path) => definition.variables[path]!.optional === true));
    for (const locale of locales) {
      const analysis = analyzeSource(definition.sources[locale]!, options.compiler, `template "${definition.id}" (${locale})`);
      if (analysis.program) programs[locale] = analysis.program;
      for (const message of analysis.problems) sourceProblem(locale, message);
      for (const reference of analysis.references) {
        const fits = declaredPrefixes.has(reference);
        if (!fits) {
          sourceProblem(
            locale,
            `uses "${reference}", which is not declared in "variables" (declared: ${declared.join(', ') || 'none'})`,
          );
        }
      }
      // A source that did not parse (or was over a limit) has no known references to check.
      if (analysis.program === undefined) continue;
      for (const message of unguardedOptionalReads(analysis.program, optional)) {
        sourceProblem(locale, `template "${definition.id}" (${locale}): ${message}`);
      }
      for (const path of declared) {
        const used = prefixesOf(path).some((prefix) => analysis.references.has(prefix));
        if (!used) sourceProblem(locale, `never uses the declared variable "${path}"`);
      }
    }

    if (definition.when) for (const issue of checkWhenFacts(definition.when)) problem(['when', ...issue.path], issue.message);
    if (issues.length > before) continue;

    const compiled: Partial<Record<TemplateLocale, CompiledTemplateFn>> = {};
    if (compile) {
      const env = sharedTemplateEnvironment();
      const schema = variablesSchema(definition.variables);
      for (const locale of locales) {
        const data = { data: { locale, channel: definition.channels[0] ?? null, timeZone: 'Asia/Shanghai' } };
        // With its examples, and with only its required examples: a bot often has none of the
        // optional facts, and the template must still say something then.
        const trials = [
          { vars: definition.variables, what: 'with its example variables' },
          { vars: requiredOnly(definition.variables), what: 'without its optional variables' },
        ];
        let fn: CompiledTemplateFn | undefined;
        for (const { vars, what } of trials) {
          try {
            fn ??= env.template(
              options.compiler.compile(programs[locale] ?? options.compiler.parse(definition.sources[locale]!), COMPILE_OPTIONS) as never,
            ) as CompiledTemplateFn;
            // safeParse above has run, so zod's messages are English here too.
            if (fn(z.parse(schema, exampleVariables(vars, locale)), data).trim() === '') {
              sourceProblem(locale, `renders as empty text ${what}`);
            }
          } catch (error) {
            sourceProblem(locale, `does not render ${what}: ${error instanceof Error ? error.message : String(error)}`);
            break;
          }
        }
        if (fn !== undefined) compiled[locale] = fn;
      }
      if (issues.length > before) continue;
    }
    templates.push(definition.when === undefined ? { definition, compiled } : { definition, compiled, when: compileWhen(definition.when) });
  }
  return { templates, issues };
}
