import type { SupportedLocale } from '../language/index.js';
import { conditionSize } from '../conditions/size.js';
import type { Almanac as FactValues, CompiledCondition } from '../conditions/types.js';
import { compileWhen } from '../templates/when.js';
import type { TemplateCatalogue, TemplateEntry } from '../templates/types.js';
import { LOCALE_FALLBACK } from '../vocabulary.js';

/** What the reply step needs of the template catalogue, indexed once for the hot path. */
export interface ReplyTemplates {
  has(id: string): boolean;
  /** The template's stage (its place in the reply), or undefined for an unknown id. */
  stageOf(id: string): string | undefined;
  /** Whether the template is written for this channel. */
  fits(id: string, channel: string): boolean;
  /**
   * The best template of a stage for the message: one listing the primary intent whose `when`
   * holds, the most specific `when` first (as the catalogue's select() ranks), then by id. Given
   * the reply's locale and variables, a template that can render (no required variable missing)
   * comes before one that cannot, so a shop's complete template wins over a built-in that lacks
   * facts; `renderableOnly` returns only one that can render.
   */
  pick(
    stage: string,
    intent: string,
    channel: string,
    almanac: FactValues,
    render?: { locale: SupportedLocale; vars: Readonly<Record<string, unknown>>; renderableOnly?: boolean },
  ): string | undefined;
  /** The locale the template is rendered in: the customer's, else the nearest it has. */
  localeFor(id: string, locale: SupportedLocale): SupportedLocale | undefined;
  /** Required variables the values do not give. */
  missing(id: string, locale: SupportedLocale, vars: Readonly<Record<string, unknown>>): string[];
  render(id: string, vars: Record<string, unknown>, locale: SupportedLocale, channel: string): string;
}

interface IndexedTemplate {
  id: string;
  stage: string;
  intents: readonly string[];
  channels: ReadonlySet<string>;
  locales: Set<SupportedLocale>;
  required: Map<SupportedLocale, string[][]>;
  /** The template's `when`, compiled as the catalogue's select() has it. */
  when: CompiledCondition | undefined;
  specificity: number;
}

function readPath(value: unknown, steps: readonly string[]): unknown {
  let current = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** Index a template catalogue (built-ins + packs) for the reply step. */
export function indexReplyTemplates(catalogue: Pick<TemplateCatalogue, 'list' | 'render'>): ReplyTemplates {
  const byId = new Map<string, IndexedTemplate>();
  for (const entry of catalogue.list() as TemplateEntry[]) {
    let template = byId.get(entry.id);
    if (!template) {
      const when = entry.when;
      template = {
        id: entry.id,
        stage: entry.stage,
        intents: entry.intents,
        channels: new Set(entry.channels),
        locales: new Set(),
        required: new Map(),
        when: when === undefined ? undefined : compileWhen(when),
        specificity: when === undefined ? 0 : conditionSize(when),
      };
      byId.set(entry.id, template);
    }
    template.locales.add(entry.locale);
    template.required.set(
      entry.locale,
      Object.entries(entry.variables)
        .filter(([, declaration]) => declaration.optional !== true)
        .map(([path]) => path.split('.')),
    );
  }
  const byStageAndIntent = new Map<string, IndexedTemplate[]>();
  for (const template of byId.values())
    for (const intent of template.intents) {
      const key = `${template.stage}\u0000${intent}`;
      const list = byStageAndIntent.get(key) ?? [];
      list.push(template);
      byStageAndIntent.set(key, list);
    }
  for (const list of byStageAndIntent.values())
    list.sort((a, b) => b.specificity - a.specificity || a.id.localeCompare(b.id));

  /** The locale a template is rendered in: the customer's, else the nearest it has. */
  const localeOf = (template: IndexedTemplate, locale: SupportedLocale) =>
    LOCALE_FALLBACK[locale].find((l) => template.locales.has(l));
  /** Required variables of the template in that locale the values do not give. */
  const missingOf = (
    template: IndexedTemplate | undefined,
    locale: SupportedLocale,
    vars: Readonly<Record<string, unknown>>,
  ): string[] => {
    const out: string[] = [];
    for (const steps of template?.required.get(locale) ?? [])
      if (readPath(vars, steps) === undefined) out.push(steps.join('.'));
    return out;
  };

  return {
    has: (id) => byId.has(id),
    stageOf: (id) => byId.get(id)?.stage,
    fits: (id, channel) => byId.get(id)?.channels.has(channel) ?? false,
    pick(stage, intent, channel, almanac, render) {
      const candidates = byStageAndIntent.get(`${stage}\u0000${intent}`);
      if (!candidates) return undefined;
      let first: string | undefined;
      for (const template of candidates) {
        if (!template.channels.has(channel)) continue;
        if (template.when && !template.when(almanac)) continue;
        if (render === undefined) return template.id;
        const locale = localeOf(template, render.locale);
        if (locale !== undefined && missingOf(template, locale, render.vars).length === 0) return template.id;
        first ??= template.id;
      }
      return render?.renderableOnly === true ? undefined : first;
    },
    localeFor(id, locale) {
      const template = byId.get(id);
      return template && localeOf(template, locale);
    },
    missing: (id, locale, vars) => missingOf(byId.get(id), locale, vars),
    render: (id, vars, locale, channel) =>
      catalogue.render(id, vars, { locale, channel: channel as 'chat' | 'phone' | 'email' | 'social' }),
  };
}
