// handlebars' runtime only: the built-in templates are precompiled, and a pack's sources are
// compiled by `templateCompiler` (./compiler.ts), which callers import when they have packs.
import Handlebars from 'handlebars/dist/cjs/handlebars.runtime.js';
import type { Channel, TemplateLocale } from './definition.js';
import { honorific } from './honorific.js';
import { DEFAULT_TIME_ZONE, formatAmount, formatDate, formatList } from './locale-format.js';
import { mask } from './mask.js';

/** What every render passes to the helpers as `@data`: `{{@locale}}`, `{{@channel}}` in templates. */
export interface RenderData {
  locale: TemplateLocale;
  channel: Channel | null;
  timeZone: string;
}

interface HelperOptions {
  data?: Partial<RenderData>;
  hash?: Record<string, unknown>;
}

function localeOf(options: HelperOptions | undefined): TemplateLocale {
  return options?.data?.locale ?? 'zh-Hans';
}

/** Our helpers. Templates may also use the block helpers `if`, `unless`, `each` and `with`. */
export const TEMPLATE_HELPERS = {
  /** `{{honorific customer}}` → 王女士 / Ms Chen / 亲 / customer. */
  honorific(customer: unknown, options: HelperOptions) {
    const c = customer !== null && typeof customer === 'object' ? (customer as Record<string, unknown>) : {};
    return honorific(c.name, c.gender, localeOf(options));
  },
  /** `{{mask customer.phone}}` → 138****5678. */
  mask(value: unknown) {
    return mask(value);
  },
  /** `{{date order.promisedShipAt}}` → 5月20日 / May 20; `year=true` adds the year. */
  date(value: unknown, options: HelperOptions) {
    return formatDate(value, localeOf(options), {
      timeZone: options?.data?.timeZone ?? DEFAULT_TIME_ZONE,
      time: false,
      year: options?.hash?.year === true,
    });
  },
  /** `{{datetime followUp.dueAt}}` → 5月20日 18:00 / May 20, 18:00. */
  datetime(value: unknown, options: HelperOptions) {
    return formatDate(value, localeOf(options), {
      timeZone: options?.data?.timeZone ?? DEFAULT_TIME_ZONE,
      time: true,
      year: options?.hash?.year === true,
    });
  },
  /** `{{amount refund.amount}}` → 25.50元 / ¥25.50; `{{amount x "USD"}}` for another currency. */
  amount(value: unknown, ...rest: unknown[]) {
    // handlebars passes its options object last: (value, options) or (value, currency, options).
    const options = rest[rest.length - 1] as HelperOptions;
    const currency = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : 'CNY';
    return formatAmount(value, localeOf(options), currency);
  },
  /** `{{list agreement.points}}` → one numbered line per item. */
  list(items: unknown, options: HelperOptions) {
    return formatList(items, localeOf(options));
  },
} as const;

export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;
export const KNOWN_HELPERS: ReadonlySet<string> = new Set([...Object.keys(TEMPLATE_HELPERS), ...BLOCK_HELPERS]);

/**
 * How every template is compiled, at build time (precompiled built-ins) and at load (packs):
 * plain text (`noEscape`: chat is not HTML), a missing variable is an error (`strict`), and only
 * our helpers exist (`knownHelpersOnly`), which also makes helper calls direct.
 */
export const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpers: Object.fromEntries([...KNOWN_HELPERS].map((name) => [name, true])),
  knownHelpersOnly: true,
} as const;

/** What rendering needs of a handlebars environment (the runtime's part: no compiler). */
export type TemplateEnvironment = Pick<
  ReturnType<typeof Handlebars.create>,
  'template' | 'helpers' | 'registerHelper' | 'unregisterHelper'
>;

/**
 * Our helpers on `env`, and only them: fewer registered helpers = less work per render
 * (handlebars wraps each one on every call).
 */
export function registerTemplateHelpers<Env extends TemplateEnvironment>(env: Env): Env {
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) env.registerHelper(name, helper);
  return env;
}

/** An isolated handlebars runtime with our helpers; the global Handlebars is never touched. */
export function createTemplateEnvironment(): TemplateEnvironment {
  return registerTemplateHelpers(Handlebars.create());
}

let shared: TemplateEnvironment | undefined;

/** The environment every catalogue uses: helpers are the same for all, so one is enough. */
export function sharedTemplateEnvironment(): TemplateEnvironment {
  shared ??= createTemplateEnvironment();
  return shared;
}

