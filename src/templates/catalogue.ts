import * as z from 'zod/mini';
import { describeIssues, HuashuError, parseOrThrow, type HuashuIssue, safeParse } from '../errors.js';
import { factsSchema } from '../facts.js';
import type { TemplateId } from '../ids.js';
import { MAX_TEMPLATE_ID_LENGTH, TIME_ZONE_CACHE_SIZE } from '../limits.js';
import { LruCache } from '../util/lru.js';
import { builtinTemplates } from './builtin.js';
import {
  channelSchema,
  stageSchema,
  templateLocaleSchema,
  type TemplateDefinitionInput,
  type TemplateLocale,
} from './definition.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './locale-format.js';
import { analysisInputSchema, LOCALE_FALLBACK, selectTemplates, supportedLocale } from './select.js';
import type { TemplateCatalogue, TemplateEntry } from './types.js';
import { invalidTemplates } from './invalid.js';
import { type PackCompiler, TEMPLATE_COMPILER_NEEDED, templateCompilerSchema } from './compiler-option.js';
import type { ValidTemplate } from './validate.js';
import { sharedTemplateEnvironment } from './environment.js';
import { sharedTemplateRunner } from './runtime.js';
import { compileVariables, declaredUnder, exampleVariables, getPath, variablesSchema } from './variables.js';
import { isSupportedLocale, LOCALES } from '../vocabulary.js';

// Zones seen valid, so render() skips Intl's check: bounded, as Intl accepts every spelling
// of a zone ("asia/shanghai", "ASIA/Shanghai", …), so callers can make up endless keys.
const validTimeZones = new LruCache<string, true>(TIME_ZONE_CACHE_SIZE);
validTimeZones.set(DEFAULT_TIME_ZONE, true);
const timeZoneSchema = z.string().check(
  z.refine((zone) => {
    if (validTimeZones.has(zone)) return true;
    if (zone.length > 64 || !isValidTimeZone(zone)) return false;
    validTimeZones.set(zone, true);
    return true;
  }, 'expected an IANA time zone such as "Asia/Shanghai"'),
);

export const renderOptionsSchema = z.strictObject({
  locale: z.optional(templateLocaleSchema),
  channel: z.optional(channelSchema),
  timeZone: z.optional(timeZoneSchema),
});
const filterSchema = z.strictObject({
  intent: z.optional(z.string()),
  stage: z.optional(stageSchema),
  locale: z.optional(templateLocaleSchema),
  channel: z.optional(channelSchema),
});
const selectOptionsSchema = z.strictObject({
  stage: z.optional(stageSchema),
  channel: z.optional(channelSchema),
  limit: z.optional(z.number().check(z.int(), z.gte(1))),
});
const idSchema = z.string({ error: 'expected a template id such as "shipping/not-shipped"' });

/**
 * The id, or a HuashuError when it is not a string or longer than any template id can be: an
 * over-long id is refused in constant time, before any lookup or "did you mean" distance.
 */
function checkedId(id: unknown, what: string): string {
  if (typeof id !== 'string') return parseOrThrow(idSchema, id, 'INVALID_INPUT', what);
  if (id.length <= MAX_TEMPLATE_ID_LENGTH) return id;
  const message = `a template id is at most ${MAX_TEMPLATE_ID_LENGTH} characters (MAX_TEMPLATE_ID_LENGTH), this one has ${id.length}: pass an id such as "shipping/not-shipped"`;
  throw new HuashuError('INVALID_INPUT', `Invalid ${what}:\n  ${message}`, { issues: [{ path: '', message }] });
}
const varsSchema = z.record(z.string(), z.unknown(), { error: 'expected the variables as an object' });
const packsSchema = z.array(z.unknown(), { error: 'expected an array of template definitions' });

const CHANNEL_SET = new Set<unknown>(channelSchema.options);
const NO_OPTIONS: z.output<typeof renderOptionsSchema> = {};

/**
 * The render options when they are plainly valid, checked without zod's per-call cost (render
 * is the hot path); anything else goes to `renderOptionsSchema`, which says what is wrong.
 */
function checkedRenderOptions(options: unknown): z.output<typeof renderOptionsSchema> | undefined {
  if (options === undefined) return NO_OPTIONS;
  if (options === null || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype) {
    return undefined;
  }
  for (const key in options) if (key !== 'locale' && key !== 'channel' && key !== 'timeZone') return undefined;
  const { locale, channel, timeZone } = options as Record<string, unknown>;
  if (locale !== undefined && !isSupportedLocale(locale)) return undefined;
  if (channel !== undefined && !CHANNEL_SET.has(channel)) return undefined;
  if (timeZone !== undefined && !validTimeZones.has(timeZone as string)) return undefined;
  return options as z.output<typeof renderOptionsSchema>;
}

export const catalogueOptionsSchema = z.strictObject({
  /** The locale `render()` and `get()` use when none is given. Default zh-Hans. */
  defaultLocale: z.optional(templateLocaleSchema),
  /** IANA time zone for date-times when a render gives none. Default Asia/Shanghai. */
  timeZone: z.optional(timeZoneSchema),
  /** Compiles the packs' sources: `templateCompiler` from huashu/templates; needed with packs. */
  templateCompiler: z.optional(templateCompilerSchema),
});
export type CatalogueOptions = z.input<typeof catalogueOptionsSchema>;

interface LoadedTemplate extends ValidTemplate {
  /** The exact problems, when `prepare` rejects the variables (built on first use). */
  schema: () => z.ZodMiniType;
  /** The render context from the caller's variables, or undefined when they do not fit. */
  prepare: (vars: Record<string, unknown>) => Record<string, unknown> | undefined;
  entries: Partial<Record<TemplateLocale, TemplateEntry>>;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** What each catalogue keeps per caller input, for the tests that check it stays bounded. */
const cacheSizes = new WeakMap<TemplateCatalogue, () => { loaded: number; examples: number }>();

/** Sizes of a catalogue's caches: loaded templates and rendered examples (internal, for tests). */
export function catalogueCacheSizes(catalogue: TemplateCatalogue): { loaded: number; examples: number } {
  return cacheSizes.get(catalogue)?.() ?? { loaded: 0, examples: 0 };
}

/** How many time zones are remembered as valid (internal, for tests). */
export function timeZoneCacheSize(): number {
  return validTimeZones.size;
}

/** Entries, examples and the variable check of a template: built on first use, once per template. */
const loadedTemplates = new WeakMap<ValidTemplate, LoadedTemplate>();

function load(template: ValidTemplate): LoadedTemplate {
  let loaded = loadedTemplates.get(template);
  if (loaded !== undefined) return loaded;
  const { definition } = template;
  const entries: Partial<Record<TemplateLocale, TemplateEntry>> = {};
  for (const locale of Object.keys(template.compiled) as TemplateLocale[]) {
    entries[locale] = deepFreeze({
      id: definition.id as TemplateId,
      locale,
      stage: definition.stage,
      intents: definition.intents,
      channels: definition.channels,
      description: definition.description,
      variables: definition.variables,
      example: exampleVariables(definition.variables, locale),
      ...(definition.when === undefined ? {} : { when: definition.when }),
      source: definition.sources[locale]!,
    });
  }
  loaded = {
    ...template,
    schema: lazy(() => variablesSchema(definition.variables)),
    prepare: compileVariables(definition.variables),
    entries,
  };
  loadedTemplates.set(template, loaded);
  return loaded;
}

/** The built-in template the fast render path is checked against (it uses helpers and lists). */
const PROBE_ID = 'confirm/compensation-in-writing';

function probeOf(template: LoadedTemplate | undefined) {
  const entry = template?.entries['zh-Hans'];
  const fn = template?.compiled['zh-Hans'];
  const context = entry && template.prepare(entry.example as Record<string, unknown>);
  return fn && context ? { fn, context } : undefined;
}

/**
 * The reply-template catalogue: the built-in templates plus `packs`, which add templates or
 * replace built-ins with the same id (a later pack entry replaces an earlier one). Packs are
 * validated and compiled here, once, by `options.templateCompiler` (from huashu/templates; packs
 * without it: `INVALID_OPTIONS`); an invalid pack throws `INVALID_TEMPLATES` listing every problem.
 */
export function createTemplateCatalogue(
  packs: readonly TemplateDefinitionInput[] = [],
  options: CatalogueOptions = {},
): TemplateCatalogue {
  const packList = parseOrThrow(packsSchema, packs, 'INVALID_TEMPLATES', 'template packs');
  const settings = parseOrThrow(catalogueOptionsSchema, options, 'INVALID_OPTIONS', 'template catalogue options');
  const defaultLocale: TemplateLocale = settings.defaultLocale ?? 'zh-Hans';
  const defaultTimeZone = settings.timeZone ?? DEFAULT_TIME_ZONE;

  const byId = new Map<string, ValidTemplate>();
  for (const template of builtinTemplates()) byId.set(template.definition.id, template);
  if (packList.length > 0) {
    // The schema checked it is one (isTemplateCompiler): its workings are typed here.
    const compiler = settings.templateCompiler as PackCompiler | undefined;
    if (compiler === undefined) {
      const issues = [{ path: 'templateCompiler', message: TEMPLATE_COMPILER_NEEDED }];
      throw new HuashuError('INVALID_OPTIONS', `Invalid template catalogue options:\n  ${describeIssues(issues)}`, { issues });
    }
    const { templates, issues } = compiler.validate(
      packList.map((value, i) => ({ value, prefix: `templates[${i}]` })),
      { requireAllLocales: false },
    );
    if (issues.length > 0) throw invalidTemplates(issues);
    for (const template of templates) byId.set(template.definition.id, template);
  }

  const ids = [...byId.keys()].sort();
  const ready = new Map<string, LoadedTemplate>();
  const loaded = (id: string): LoadedTemplate | undefined => {
    let template = ready.get(id);
    if (template === undefined) {
      const valid = byId.get(id);
      if (valid === undefined) return undefined;
      template = load(valid);
      ready.set(id, template);
    }
    return template;
  };
  let everything: LoadedTemplate[] | undefined;
  const all = () => (everything ??= ids.map((id) => loaded(id)!));
  const run = sharedTemplateRunner(sharedTemplateEnvironment(), probeOf(loaded(PROBE_ID)));

  function unknownTemplate(id: string): HuashuError {
    // ids are at most MAX_TEMPLATE_ID_LENGTH long here; a candidate whose length differs by more
    // than the hint's reach cannot be near, so it is not measured.
    const reach = Math.max(3, id.length / 3);
    let nearest: { candidate: string; distance: number } | undefined;
    for (const candidate of ids) {
      if (Math.abs(candidate.length - id.length) > reach) continue;
      const distance = editDistance(id, candidate);
      if (nearest === undefined || distance < nearest.distance) nearest = { candidate, distance };
    }
    const hint =
      nearest !== undefined && nearest.distance <= reach
        ? ` Did you mean "${nearest.candidate}"?`
        : ' List them with templates.list().';
    return new HuashuError('UNKNOWN_TEMPLATE', `Unknown template "${id}".${hint}`, {
      issues: [{ path: 'id', message: `unknown template "${id}"` }],
    });
  }

  function variableError(template: LoadedTemplate, locale: TemplateLocale, vars: unknown, error: z.core.$ZodError) {
    const { id, variables } = template.definition;
    const missing: HuashuIssue[] = [];
    const invalid: HuashuIssue[] = [];
    for (const issue of error.issues) {
      const path = issue.path.map(String).join('.');
      if (getPath(vars, issue.path) === undefined) {
        for (const variable of declaredUnder(variables, path)) {
          const declaration = variables[variable]!;
          missing.push({
            path: variable,
            message: `template "${id}" (${locale}) needs "${variable}" (${declaration.type}, e.g. ${JSON.stringify(exampleVariablesValue(template, locale, variable))})`,
          });
        }
      } else {
        invalid.push({ path, message: issue.message });
      }
    }
    if (missing.length > 0) {
      const names = [...new Set(missing.map((m) => m.path))];
      return new HuashuError(
        'MISSING_VARIABLE',
        `Template "${id}" (${locale}) is missing variable${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}:\n  ${describeIssues(missing)}`,
        { issues: missing },
      );
    }
    return new HuashuError(
      'INVALID_INPUT',
      `Invalid variables for template "${id}" (${locale}):\n  ${describeIssues(invalid)}`,
      { issues: invalid },
    );
  }

  function exampleVariablesValue(template: LoadedTemplate, locale: TemplateLocale, path: string): unknown {
    return getPath(template.entries[locale]?.example, path.split('.'));
  }

  function render(id: string, vars: Record<string, unknown> = {}, renderOptions?: unknown): string {
    checkedId(id, 'render(id)');
    const opts =
      checkedRenderOptions(renderOptions) ??
      parseOrThrow(renderOptionsSchema, renderOptions, 'INVALID_INPUT', 'render(id, vars, options)');
    const template = loaded(id);
    if (template === undefined) throw unknownTemplate(id);
    const locale = opts.locale ?? defaultLocale;
    const fn = template.compiled[locale];
    if (fn === undefined) {
      throw new HuashuError(
        'UNKNOWN_TEMPLATE',
        `Template "${id}" has no ${locale} version (it has ${Object.keys(template.compiled).join(', ')}).`,
        { issues: [{ path: 'locale', message: `no ${locale} version of "${id}"` }] },
      );
    }
    const channel = opts.channel ?? null;
    if (channel !== null && !template.definition.channels.includes(channel)) {
      throw new HuashuError(
        'INVALID_INPUT',
        `Template "${id}" is for ${template.definition.channels.join(', ')}, not ${channel}.`,
        { issues: [{ path: 'channel', message: `"${id}" is not written for ${channel}` }] },
      );
    }
    if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) {
      parseOrThrow(varsSchema, vars, 'INVALID_INPUT', `render("${id}", vars)`);
    }
    let context = template.prepare(vars);
    if (context === undefined) {
      const parsed = safeParse(template.schema(), vars);
      if (!parsed.success) throw variableError(template, locale, vars, parsed.error);
      context = parsed.data as Record<string, unknown>;
    }
    try {
      return run(fn, context, { locale, channel, timeZone: opts.timeZone ?? defaultTimeZone });
    } catch (error) {
      throw new HuashuError(
        'TEMPLATE_ERROR',
        `Template "${id}" (${locale}) failed to render: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  // Only known templates are cached, under the locale actually used: at most one entry per
  // template and locale, whatever ids and locales callers pass.
  const examples = new Map<string, string>();
  /** A template rendered with its own example values; undefined for an unknown id. */
  function example(id: string, locale: TemplateLocale = defaultLocale): string | undefined {
    checkedId(id, 'example(id)');
    if (!isSupportedLocale(locale)) parseOrThrow(templateLocaleSchema, locale, 'INVALID_INPUT', 'example(id, locale)');
    const template = loaded(id);
    if (template === undefined) return undefined;
    const chosen = locale;
    const available = LOCALE_FALLBACK[chosen].find((l) => template.entries[l] !== undefined);
    if (available === undefined) return undefined;
    const key = `${id}\u0000${available}`;
    let text = examples.get(key);
    if (text === undefined) {
      text = render(id, template.entries[available]!.example as Record<string, unknown>, { locale: available });
      examples.set(key, text);
    }
    return text;
  }

  function get(id: string, locale: TemplateLocale = defaultLocale): TemplateEntry | undefined {
    checkedId(id, 'get(id)');
    parseOrThrow(templateLocaleSchema, locale, 'INVALID_INPUT', 'get(id, locale)');
    return loaded(id)?.entries[locale];
  }

  function list(filter: unknown = {}): TemplateEntry[] {
    const f = parseOrThrow(filterSchema, filter, 'INVALID_INPUT', 'templates.list(filter)');
    const out: TemplateEntry[] = [];
    for (const template of all()) {
      const { definition } = template;
      if (f.intent !== undefined && !definition.intents.includes(f.intent)) continue;
      if (f.stage !== undefined && definition.stage !== f.stage) continue;
      if (f.channel !== undefined && !definition.channels.includes(f.channel)) continue;
      for (const locale of LOCALES) {
        const entry = template.entries[locale];
        if (entry !== undefined && (f.locale === undefined || f.locale === locale)) out.push(entry);
      }
    }
    return out;
  }

  function select(analysis: unknown, facts: unknown = {}, selectOptions: unknown = {}) {
    const a = parseOrThrow(analysisInputSchema, analysis, 'INVALID_INPUT', 'templates.select(analysis)');
    const f = parseOrThrow(factsSchema, facts, 'INVALID_INPUT', 'templates.select(analysis, facts)');
    const o = parseOrThrow(selectOptionsSchema, selectOptions, 'INVALID_INPUT', 'templates.select(…, options)');
    return selectTemplates(all(), {
      analysis: a,
      facts: f,
      locale: supportedLocale(a.language?.locale) ?? defaultLocale,
      channel: o.channel ?? f.channel,
      stage: o.stage,
      limit: o.limit,
      entry: (template, locale) => (template as LoadedTemplate).entries[locale]!,
    });
  }

  const catalogue: TemplateCatalogue = { list, select, render, example, get };
  cacheSizes.set(catalogue, () => ({ loaded: ready.size, examples: examples.size }));
  return catalogue;
}
