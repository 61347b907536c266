import type { TopLevelCondition as TopCondition } from '../conditions/types.js';
import type { Channel, Stage, TemplateLocale, VariableDeclaration } from './definition.js';

/** One template in one locale, as `list()` and `get()` return it. */
export interface TemplateEntry {
  id: string;
  locale: TemplateLocale;
  stage: Stage;
  intents: readonly string[];
  channels: readonly Channel[];
  description: string;
  /** Declared variables: path → type, description, optional, example. */
  variables: Readonly<Record<string, VariableDeclaration>>;
  /** A complete set of example variables for this locale, ready for `render()`. */
  example: Readonly<Record<string, unknown>>;
  when?: TopCondition;
  /** The handlebars source. */
  source: string;
}

/** A template that fits a message, as `select()` returns it, best first. */
export interface TemplateMatch extends TemplateEntry {
  /** Higher is better: intent match, plus specificity of a matched `when`. */
  score: number;
  /** Why it was chosen, e.g. `intent order.ship_time`, `when order.shipped, order.carrierScan`. */
  reasons: string[];
  /** Required variables the facts do not give: the caller supplies them to `render()`. */
  missing: string[];
  /** True when the message's locale has no version of this template and `locale` is a fallback. */
  fallback: boolean;
}

export interface TemplateFilter {
  intent?: string;
  stage?: Stage;
  locale?: TemplateLocale;
  channel?: Channel;
}

export interface RenderOptions {
  /** Default: the catalogue's default locale (zh-Hans unless set). */
  locale?: TemplateLocale;
  /** Where the reply goes; the template must list it. Templates read it as `{{@channel}}`. */
  channel?: Channel;
  /** IANA time zone for date-times (not for bare dates). Default Asia/Shanghai. */
  timeZone?: string;
}

export interface SelectOptions {
  /** Only templates of this stage. */
  stage?: Stage;
  /** Only templates for this channel (default: `facts.channel`, when given). */
  channel?: Channel;
  /** At most this many matches. */
  limit?: number;
}

export interface TemplateCatalogue {
  /** One entry per template and locale, filtered. */
  list(filter?: TemplateFilter): TemplateEntry[];
  /** Templates that fit a message's analysis and the facts, best first. */
  select(analysis: AnalysisLike, facts?: unknown, options?: SelectOptions): TemplateMatch[];
  /** The reply text. Throws `UNKNOWN_TEMPLATE`, `MISSING_VARIABLE` or `INVALID_INPUT`. */
  render(id: string, vars?: Record<string, unknown>, options?: RenderOptions): string;
  /** The template rendered with its own example variables (falls back to another locale); undefined for an unknown id. */
  example(id: string, locale?: TemplateLocale): string | undefined;
  /** One template in one locale (default locale when omitted), or undefined. */
  get(id: string, locale?: TemplateLocale): TemplateEntry | undefined;
}

/** What `select()` reads of an analysis: `assistant.analyze()` output fits. */
export interface AnalysisLike {
  intent: { id: string; confidence?: number };
  intents?: ReadonlyArray<{ id: string; confidence: number }>;
  language?: { locale: string };
  signals?: ReadonlyArray<{ id: string }>;
  entities?: ReadonlyArray<{ type: string }>;
  risk?: string;
}
