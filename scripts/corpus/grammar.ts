/**
 * Loads and validates the corpus grammar of one locale: slots, style and one file per intent.
 * Every problem (schema, template syntax, unknown slot, missing record field, duplicate skeleton
 * id) is collected with its file and path and thrown as one HuashuError INVALID_RULES.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as z from 'zod/mini';
import { describeIssues, HuashuError, issuesFromZod, safeParse, type HuashuIssue } from '../../src/errors.js';
import {
  configSchema,
  exclusionsSchema,
  intentGrammarSchema,
  slotsSchema,
  styleSchema,
  vocabularySchema,
  type CorpusConfig,
  type IntentGrammarFile,
  type Locale,
  type StyleFile,
} from './schema.js';
import {
  parseTemplate,
  slotReferences,
  TemplateSyntaxError,
  type SlotTable,
  type TemplateNode,
} from './template.js';

export const GRAMMAR_DIR = join('rules', 'intents', 'grammar');
export const OUTPUT_DIR = join('rules', 'intents', 'generated');

export interface ParsedSkeleton {
  /** `<locale>/<intent>/<id>` */
  id: string;
  variants: TemplateNode[][];
  prev: TemplateNode[][] | null;
  weight: number;
  ops: 'all' | 'surface' | 'none';
}

export interface ParsedIntent {
  intent: IntentGrammarFile['intent'];
  tone: IntentGrammarFile['tone'];
  cards: IntentGrammarFile['cards'];
  details: TemplateNode[][];
  urges: TemplateNode[][];
  skeletons: ParsedSkeleton[];
}

/** The style file with its template lists parsed. */
export interface ParsedStyle {
  raw: StyleFile;
  greet: TemplateNode[][];
  orderCards: TemplateNode[][];
  productCards: TemplateNode[][];
  /** Product cards that name no {item…}: used when the message is not about a bound item. */
  productCardsWithoutItem: TemplateNode[][];
  politeTail: TemplateNode[][];
  particles: Record<string, TemplateNode[][]>;
  emoji: Record<string, TemplateNode[][]>;
  repeat: Record<string, TemplateNode[][]>;
  openingPrev: TemplateNode[][];
}

export interface LocaleGrammar {
  locale: Locale;
  slots: SlotTable;
  style: ParsedStyle;
  intents: ParsedIntent[];
}

export interface Grammar {
  config: CorpusConfig;
  locales: Record<Locale, LocaleGrammar>;
  /** zh-Hant substitutions applied after OpenCC. */
  hantVocabulary: { p: number; pairs: Array<[string, string[]]> };
  /** sha256 of generated texts to drop. */
  exclusions: Set<string>;
}

class IssueCollector {
  readonly issues: HuashuIssue[] = [];
  constructor(private readonly root: string) {}

  file(path: string): string {
    return relative(this.root, path);
  }

  add(file: string, path: string, message: string): void {
    this.issues.push({ file: this.file(file), path, message });
  }

  json(path: string): unknown {
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      this.add(path, '', `cannot read JSON: ${(error as Error).message}`);
      return undefined;
    }
  }

  parse<T extends z.core.$ZodType>(schema: T, path: string): z.output<T> | undefined {
    const value = this.json(path);
    if (value === undefined) return undefined;
    const result = safeParse(schema, value);
    if (result.success) return result.data;
    this.issues.push(...issuesFromZod(result.error, '', this.file(path)));
    return undefined;
  }

  template(source: string, file: string, path: string): TemplateNode[] {
    try {
      return parseTemplate(source);
    } catch (error) {
      if (error instanceof TemplateSyntaxError) {
        this.add(file, path, error.message);
        return [];
      }
      throw error;
    }
  }

  templates(sources: readonly string[], file: string, path: string): TemplateNode[][] {
    return sources.map((s, i) => this.template(s, file, `${path}[${i}]`));
  }
}

function checkReferences(
  nodes: readonly TemplateNode[],
  slots: SlotTable,
  issues: IssueCollector,
  file: string,
  path: string,
): void {
  for (const ref of slotReferences(nodes)) {
    if (ref.field === null) {
      if (!slots.lists.has(ref.name))
        issues.add(
          file,
          path,
          `unknown slot {${ref.name}}${slots.records.has(ref.name) ? ' (a record: name a field)' : ''}`,
        );
    } else {
      const records = slots.records.get(ref.name);
      if (!records) issues.add(file, path, `unknown record slot {${ref.name}.${ref.field}}`);
      else if (records.some((r) => !r.has(ref.field as string)))
        issues.add(file, path, `not every {${ref.name}} record has the field "${ref.field}"`);
    }
  }
}

function loadLocale(root: string, locale: Locale, issues: IssueCollector): LocaleGrammar | undefined {
  const dir = join(root, GRAMMAR_DIR, locale);
  const slotsPath = join(dir, 'slots.json');
  const stylePath = join(dir, 'style.json');
  const slotsFile = issues.parse(slotsSchema, slotsPath);
  const styleFile = issues.parse(styleSchema, stylePath);
  if (!slotsFile || !styleFile) return undefined;
  for (const [file, value] of [
    [slotsPath, slotsFile.locale],
    [stylePath, styleFile.locale],
  ] as const)
    if (value !== locale) issues.add(file, 'locale', `must be "${locale}" (the folder it is in)`);

  const lists = new Map<string, TemplateNode[][]>();
  for (const [name, values] of Object.entries(slotsFile.lists))
    lists.set(name, issues.templates(values, slotsPath, `lists.${name}`));
  const records = new Map<string, Array<Map<string, TemplateNode[][]>>>();
  for (const [name, entries] of Object.entries(slotsFile.records)) {
    if (lists.has(name))
      issues.add(slotsPath, `records.${name}`, `"${name}" is both a list and a record slot`);
    records.set(
      name,
      entries.map((record, i) => {
        const fields = new Map<string, TemplateNode[][]>();
        for (const [field, values] of Object.entries(record))
          fields.set(field, issues.templates(values, slotsPath, `records.${name}[${i}].${field}`));
        return fields;
      }),
    );
  }
  const slots: SlotTable = { lists, records };
  for (const [name, values] of lists)
    values.forEach((nodes, i) => checkReferences(nodes, slots, issues, slotsPath, `lists.${name}[${i}]`));
  for (const [name, entries] of records)
    entries.forEach((record, i) => {
      for (const [field, values] of record)
        values.forEach((nodes, j) =>
          checkReferences(nodes, slots, issues, slotsPath, `records.${name}[${i}].${field}[${j}]`),
        );
    });

  const styleTemplates = (sources: readonly string[], path: string): TemplateNode[][] => {
    const parsed = issues.templates(sources, stylePath, path);
    parsed.forEach((nodes, i) => checkReferences(nodes, slots, issues, stylePath, `${path}[${i}]`));
    return parsed;
  };
  const toneTemplates = (
    tones: StyleFile['particle']['tones'],
    path: string,
  ): Record<string, TemplateNode[][]> =>
    Object.fromEntries(
      Object.entries(tones).map(([tone, list]) => [tone, styleTemplates(list, `${path}.${tone}`)]),
    );
  const style: ParsedStyle = {
    raw: styleFile,
    greet: styleTemplates(styleFile.greet.phrases, 'greet.phrases'),
    orderCards: styleTemplates(styleFile.cards.order.templates, 'cards.order.templates'),
    productCards: styleTemplates(styleFile.cards.product.templates, 'cards.product.templates'),
    productCardsWithoutItem: [],
    politeTail: styleTemplates(styleFile.politeTail.phrases, 'politeTail.phrases'),
    particles: toneTemplates(styleFile.particle.tones, 'particle.tones'),
    emoji: toneTemplates(styleFile.emoji.tones, 'emoji.tones'),
    repeat: toneTemplates(styleFile.repeat.marks, 'repeat.marks'),
    openingPrev: styleTemplates(styleFile.openingPrev.prev, 'openingPrev.prev'),
  };
  style.productCardsWithoutItem = style.productCards.filter((nodes) =>
    slotReferences(nodes).every((ref) => ref.name !== 'item'),
  );
  if (style.productCardsWithoutItem.length === 0)
    issues.add(
      stylePath,
      'cards.product.templates',
      'needs at least one card that names no {item…} (e.g. a link)',
    );

  const intentsDir = join(dir, 'intents');
  const intents: ParsedIntent[] = [];
  const seenIntents = new Set<string>();
  const files = existsSync(intentsDir)
    ? readdirSync(intentsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  for (const name of files) {
    const path = join(intentsDir, name);
    const file = issues.parse(intentGrammarSchema, path);
    if (!file) continue;
    if (name !== `${file.intent}.json`) issues.add(path, 'intent', `file must be named ${file.intent}.json`);
    if (seenIntents.has(file.intent)) issues.add(path, 'intent', `a second file for ${file.intent}`);
    seenIntents.add(file.intent);
    const parsedTemplates = (sources: readonly string[], at: string): TemplateNode[][] => {
      const parsed = issues.templates(sources, path, at);
      parsed.forEach((nodes, i) => checkReferences(nodes, slots, issues, path, `${at}[${i}]`));
      return parsed;
    };
    const ids = new Set<string>();
    const skeletons = file.skeletons.map((s, i): ParsedSkeleton => {
      if (ids.has(s.id)) issues.add(path, `skeletons[${i}].id`, `duplicate skeleton id "${s.id}"`);
      ids.add(s.id);
      return {
        id: `${locale}/${file.intent}/${s.id}`,
        variants: parsedTemplates(s.t, `skeletons[${i}].t`),
        prev: s.prev ? parsedTemplates(s.prev, `skeletons[${i}].prev`) : null,
        weight: s.w ?? 1,
        ops: s.ops ?? (s.prev ? 'surface' : 'all'),
      };
    });
    intents.push({
      intent: file.intent,
      tone: file.tone,
      cards: file.cards,
      details: parsedTemplates(file.details, 'details'),
      urges: parsedTemplates(file.urges, 'urges'),
      skeletons,
    });
  }
  return { locale, slots, style, intents };
}

/** Loads the whole grammar under `<root>/rules/intents/grammar/`; throws INVALID_RULES listing every problem. */
export function loadGrammar(root: string): Grammar {
  const issues = new IssueCollector(root);
  const base = join(root, GRAMMAR_DIR);
  const config = issues.parse(configSchema, join(base, 'config.json'));
  const vocabulary = issues.parse(vocabularySchema, join(base, 'zh-Hant', 'vocabulary.json'));
  const exclusionsPath = join(base, 'exclusions.json');
  const exclusions = existsSync(exclusionsPath)
    ? issues.parse(exclusionsSchema, exclusionsPath)
    : { sha256: [] };
  const hans = loadLocale(root, 'zh-Hans', issues);
  const hant = loadLocale(root, 'zh-Hant', issues);
  const en = loadLocale(root, 'en', issues);
  if (issues.issues.length > 0 || !config || !vocabulary || !exclusions || !hans || !hant || !en)
    throw new HuashuError('INVALID_RULES', `Invalid corpus grammar:\n  ${describeIssues(issues.issues)}`, {
      issues: issues.issues,
    });
  return {
    config,
    locales: { 'zh-Hans': hans, 'zh-Hant': hant, en },
    hantVocabulary: vocabulary,
    exclusions: new Set(exclusions.sha256),
  };
}
