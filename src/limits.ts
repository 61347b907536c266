/**
 * Every size limit huashu enforces on packs and per-call input, in one place. Each is checked
 * before any recursive or super-linear work (zod, handlebars' parser, edit distances), and a value
 * over a limit is a `HuashuError` whose message names the limit. They are set far above real use
 * (the built-in data uses a fraction of each), so a legitimate pack never meets them.
 */

/** Nesting of `all` / `any` / `not` in a template `when` or a next-action rule's `conditions`. */
export const MAX_CONDITION_DEPTH = 32;

/** Condition nodes (all / any / not and leaves) in one template `when` or one rule's `conditions`. */
export const MAX_CONDITION_NODES = 1_000;

/** Nesting of objects and lists inside one condition's `value` or `params`. */
export const MAX_CONDITION_VALUE_DEPTH = 8;

/** Characters in one condition `path` (JSONPath such as `$.order.shipped`). */
export const MAX_FACT_PATH_LENGTH = 256;

/** Characters in one template source (one locale). The longest built-in has a few hundred. */
export const MAX_TEMPLATE_SOURCE_LENGTH = 10_000;

/** Nesting of blocks (`{{#if}}`, `{{#each}}`, chained `{{else if}}`) and sub-expressions in a template. */
export const MAX_TEMPLATE_NESTING = 16;

/** Template definitions in one pack (createTemplateCatalogue, loadTemplatePack, a config's templates). */
export const MAX_TEMPLATES_PER_PACK = 5_000;

/** Characters in a template id given to render(), get() or example(). */
export const MAX_TEMPLATE_ID_LENGTH = 128;

/** Segments in a template variable path such as `order.trackingNumber` (2). */
export const MAX_VARIABLE_PATH_SEGMENTS = 8;

/**
 * Characters in one phrase literal: a lint pattern, an allowed phrase, an intent phrase, keyword,
 * exact or negative literal. Phrases are compiled into one automaton with their variants; the
 * longest built-in has a few dozen.
 */
export const MAX_PHRASE_LENGTH = 200;

/** Characters in one user regex (an intent pattern group's `regex`), checked before it is compiled. */
export const MAX_REGEX_LENGTH = 1_000;

/**
 * Characters of a reply lint() reads: a longer reply is linted on its first MAX_LINTED_CHARS
 * characters and its result says which part was not checked (`unchecked`). A chat reply has a few
 * hundred; the bound keeps a megabyte pasted into a draft within the per-call time budget.
 */
export const MAX_LINTED_CHARS = 100_000;

/** Time zones remembered as valid between render() calls (least recently used dropped first). */
export const TIME_ZONE_CACHE_SIZE = 64;

/** Date formatters, number formatters and parsed condition paths each kept in memory, per process. */
export const FORMAT_CACHE_SIZE = 256;

/** The limits above as one object, for reports and the README (`huashu`'s `LIMITS` export). */
export const LIMITS = Object.freeze({
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_NODES,
  MAX_CONDITION_VALUE_DEPTH,
  MAX_FACT_PATH_LENGTH,
  MAX_TEMPLATE_SOURCE_LENGTH,
  MAX_TEMPLATE_NESTING,
  MAX_TEMPLATES_PER_PACK,
  MAX_TEMPLATE_ID_LENGTH,
  MAX_VARIABLE_PATH_SEGMENTS,
  MAX_PHRASE_LENGTH,
  MAX_REGEX_LENGTH,
  MAX_LINTED_CHARS,
  TIME_ZONE_CACHE_SIZE,
  FORMAT_CACHE_SIZE,
});
