/**
 * Build step for signals and entities: validates rules/signals/*.json and rules/entities/*.json,
 * folds every phrase with `normalize` (so traditional, full-width and upper-case variants of a
 * phrase are one keyword) and writes one phrase lexicon for the single Aho-Corasick pass that
 * both extractors share, plus the carrier and currency formats.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import type { SignalId } from '../../src/analysis/types.js';
import {
  carriersFileSchema,
  colorsFileSchema,
  currenciesFileSchema,
  datesFileSchema,
  entityCuesFileSchema,
  sizesFileSchema,
} from '../../src/entities/rules-schema.js';
import { describeIssues, HuashuError, issuesFromZod, safeParse, type HuashuIssue } from '../../src/errors.js';
import type { EntityData, LexiconPayload, PhraseLexicon } from '../../src/signals/lexicon-types.js';
import { planSafeRegexes } from '../../src/text/safe-regex.js';
import {
  emphasisFileSchema,
  negationFileSchema,
  SIGNAL_IDS,
  signalRuleFileSchema,
  topicsFileSchema,
} from '../../src/signals/rules-schema.js';
import { jsonModule, type DataGenerator } from './types.js';

export interface RuleFile {
  /** Path relative to the repository root, e.g. `rules/signals/abuse.json`. */
  file: string;
  json: unknown;
}

/** Files under rules/signals/ that are not one signal's phrases. */
const SIGNAL_SUPPORT_FILES = new Set([
  'signals/negation.json',
  'signals/topics.json',
  'signals/emphasis.json',
]);

export interface CompiledPhraseRules {
  lexicon: PhraseLexicon;
  entityData: EntityData;
}

/** The phrase and, for English contractions, its curly-apostrophe twin (won't / won’t). */
function spellings(folded: string): string[] {
  return folded.includes("'") ? [folded, folded.replaceAll("'", '\u2019')] : [folded];
}

/** Folds a phrase like the messages it will be matched against (`normalize(phrase).text`). */
export type Fold = (phrase: string) => string;

class LexiconBuilder {
  private readonly entries = new Map<string, LexiconPayload[]>();

  constructor(private readonly fold: Fold) {}

  add(phrase: string, payload: LexiconPayload): void {
    for (const keyword of spellings(this.fold(phrase))) {
      const list = this.entries.get(keyword) ?? [];
      const key = JSON.stringify(payload);
      if (!list.some((p) => JSON.stringify(p) === key)) list.push(payload);
      this.entries.set(keyword, list);
    }
  }

  build(zhFillers: string, enFillers: string[], shoutWords: string[]): PhraseLexicon {
    const keywords = [...this.entries.keys()].sort();
    // Payloads repeat across keywords (every anger phrase of a group shares one), so intern them.
    const payloads: LexiconPayload[] = [];
    const index = new Map<string, number>();
    const keywordPayloads = keywords.map((keyword) =>
      (this.entries.get(keyword) ?? []).map((payload) => {
        const key = JSON.stringify(payload);
        let id = index.get(key);
        if (id === undefined) {
          id = payloads.push(payload) - 1;
          index.set(key, id);
        }
        return id;
      }),
    );
    return { keywords, payloads, keywordPayloads, zhFillers, enFillers, shoutWords };
  }
}

/**
 * Validate and compile the rule files. Lists every problem (file, JSON path, message) in one
 * HuashuError `INVALID_RULES` rather than stopping at the first.
 */
export function compilePhraseRules(files: readonly RuleFile[], fold: Fold): CompiledPhraseRules {
  const issues: HuashuIssue[] = [];
  const byName = new Map(files.map((f) => [f.file.replace(/^.*?rules\//, ''), f]));

  function parse<T extends z.core.$ZodType>(schema: T, name: string): z.output<T> | undefined {
    const entry = byName.get(name);
    if (entry === undefined) {
      issues.push({ file: `rules/${name}`, path: '', message: 'the file is missing' });
      return undefined;
    }
    const result = safeParse(schema, entry.json);
    if (result.success) return result.data;
    issues.push(...issuesFromZod(result.error, '', entry.file));
    return undefined;
  }

  /** Report phrases that fold to the same keyword twice in one list family (a copy-paste slip). */
  function checkDuplicates(file: string, lists: Array<{ path: string; phrases: readonly string[] }>): void {
    const seen = new Map<string, string>();
    for (const { path, phrases } of lists) {
      phrases.forEach((phrase, index) => {
        const folded = fold(phrase);
        const here = `${path}[${index}]`;
        if (folded === '') {
          issues.push({ file, path: here, message: `"${phrase}" is empty once normalised` });
          return;
        }
        const first = seen.get(folded);
        if (first !== undefined) issues.push({ file, path: here, message: `"${phrase}" repeats ${first}` });
        else seen.set(folded, here);
      });
    }
  }

  const builder = new LexiconBuilder(fold);

  // Signals: one file per signal id.
  const seenSignals = new Set<SignalId>();
  for (const [name, entry] of byName) {
    if (!name.startsWith('signals/') || SIGNAL_SUPPORT_FILES.has(name)) continue;
    const rules = parse(signalRuleFileSchema, name);
    if (rules === undefined) continue;
    if (name !== `signals/${rules.signal}.json`) {
      issues.push({
        file: entry.file,
        path: 'signal',
        message: `"${rules.signal}" must live in rules/signals/${rules.signal}.json`,
      });
      continue;
    }
    seenSignals.add(rules.signal);
    checkDuplicates(
      entry.file,
      rules.groups.map((g, i) => ({ path: `groups[${i}].phrases`, phrases: g.phrases })),
    );
    for (const [cue, phrases] of Object.entries(rules.cues ?? {})) {
      checkDuplicates(entry.file, [{ path: `cues.${cue}`, phrases }]);
      for (const phrase of phrases) builder.add(phrase, { kind: 'signal-cue', signal: rules.signal, cue });
    }
    for (const group of rules.groups) {
      for (const phrase of group.phrases) {
        const payload: LexiconPayload = {
          kind: 'signal',
          signal: rules.signal,
          weight: group.weight,
          negatable: group.negatable ?? rules.negatable,
        };
        if (group.requires !== undefined) payload.requires = group.requires;
        builder.add(phrase, payload);
      }
    }
  }
  for (const id of SIGNAL_IDS) {
    if (!seenSignals.has(id) && !issues.some((i) => i.file?.endsWith(`signals/${id}.json`))) {
      issues.push({ file: `rules/signals/${id}.json`, path: '', message: 'the file is missing' });
    }
  }

  const negation = parse(negationFileSchema, 'signals/negation.json');
  if (negation) {
    for (const phrase of [...negation.zh.negators, ...negation.en.negators])
      builder.add(phrase, { kind: 'negation' });
  }
  const emphasis = parse(emphasisFileSchema, 'signals/emphasis.json');
  const topics = parse(topicsFileSchema, 'signals/topics.json');
  if (topics) {
    for (const [topic, phrases] of Object.entries(topics.topics)) {
      for (const phrase of phrases) builder.add(phrase, { kind: 'topic', topic });
    }
  }

  // Entities.
  const cues = parse(entityCuesFileSchema, 'entities/cues.json');
  if (cues) {
    for (const entity of ['order_id', 'tracking_number', 'phone'] as const) {
      checkDuplicates('rules/entities/cues.json', [{ path: entity, phrases: cues[entity] }]);
      for (const phrase of cues[entity]) builder.add(phrase, { kind: 'entity-cue', entity });
    }
  }
  const carriers = parse(carriersFileSchema, 'entities/carriers.json');
  if (carriers) {
    for (const carrier of carriers.carriers) {
      for (const phrase of carrier.names) builder.add(phrase, { kind: 'carrier', code: carrier.code });
    }
  }
  const currencies = parse(currenciesFileSchema, 'entities/currencies.json');
  const colors = parse(colorsFileSchema, 'entities/colors.json');
  if (colors) {
    checkDuplicates(
      'rules/entities/colors.json',
      colors.colors.map((c, i) => ({ path: `colors[${i}].phrases`, phrases: c.phrases })),
    );
    for (const color of colors.colors) {
      for (const phrase of color.phrases)
        builder.add(phrase, { kind: 'entity', entity: 'color', value: color.value });
    }
  }
  const sizes = parse(sizesFileSchema, 'entities/sizes.json');
  if (sizes) {
    for (const size of sizes.sizes) {
      for (const phrase of size.phrases)
        builder.add(phrase, { kind: 'entity', entity: 'size', value: size.value });
    }
  }
  const dates = parse(datesFileSchema, 'entities/dates.json');
  if (dates) {
    for (const day of dates.days) {
      for (const phrase of day.phrases)
        builder.add(phrase, { kind: 'entity', entity: 'date', value: day.value });
    }
    for (const part of dates.dayParts) {
      for (const phrase of part.phrases)
        builder.add(phrase, { kind: 'entity', entity: 'time', value: part.value });
    }
  }

  if (issues.length > 0) {
    throw new HuashuError('INVALID_RULES', `Invalid signal or entity rules:\n  ${describeIssues(issues)}`, {
      issues,
    });
  }
  const lexicon = builder.build(
    [...new Set(negation?.zh.fillers ?? [])].join(''),
    [...new Set(negation?.en.fillers ?? [])],
    [...new Set(emphasis?.shoutWords ?? [])],
  );
  // Combinations (深 + 蓝色, 下 + 周 + 一) are matched in code from these lists, not enumerated as
  // phrases: enumerating them tripled the automaton, whose construction time grows with it.
  const entityData: EntityData = {
    colorModifiers: Object.entries(colors?.modifiers ?? {})
      .map(([modifier, meaning]): [string, string] => [fold(modifier), meaning])
      .sort((a, b) => b[0].length - a[0].length),
    weekdays: {
      heads: (dates?.weekdayHeads ?? []).map(fold),
      days: (dates?.weekdays ?? []).map((w) => ({ day: w.day, zh: w.zh.map(fold), en: w.en.map(fold) })),
      prefixes: (dates?.weekPrefixes ?? []).map((p) => ({
        offset: p.offset,
        zh: p.zh.map(fold),
        en: p.en.map(fold),
      })),
    },
    carriers: (carriers?.carriers ?? []).map((c) => ({
      code: c.code,
      name: c.name,
      prefixed: c.prefixed,
      // Checked here (the schema refused any pattern that breaks the rule); compiled on first use.
      plans: planSafeRegexes(c.prefixed),
    })),
    currencies: (currencies?.currencies ?? []).map((c) => ({
      code: c.code,
      prefixes: c.prefixes.map(fold),
      suffixes: c.suffixes.map(fold),
    })),
  };
  return { lexicon, entityData };
}

function readRuleFiles(root: string, folder: string): RuleFile[] {
  const dir = join(root, 'rules', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = `rules/${folder}/${name}`;
      const text = readFileSync(join(dir, name), 'utf8');
      try {
        return { file, json: JSON.parse(text) as unknown };
      } catch (error) {
        throw new HuashuError('INVALID_RULES', `${file}: not valid JSON: ${(error as Error).message}`, {
          issues: [{ file, path: '', message: (error as Error).message }],
        });
      }
    });
}

export const signalsGenerator: DataGenerator = {
  name: 'signals',
  // The phrase automaton of signals and entities is built over the lexicon's keyword list as is.
  async automata() {
    const { phraseLexicon } = await import('../../src/generated/phrase-lexicon.js');
    return [phraseLexicon().keywords];
  },
  async generate(root) {
    // Imported lazily: normalize needs src/generated/hanzi.ts, which an earlier generator writes.
    const { normalize } = await import('../../src/normalize/index.js');
    const files = [...readRuleFiles(root, 'signals'), ...readRuleFiles(root, 'entities')];
    const { lexicon, entityData } = compilePhraseRules(files, (phrase) => normalize(phrase).text);
    return [
      {
        name: 'phrase-lexicon.ts',
        content: jsonModule(
          'phraseLexicon',
          '../signals/lexicon-types.js',
          'PhraseLexicon',
          lexicon,
          'Every signal and entity phrase (folded) and what it means',
        ),
      },
      {
        name: 'entity-data.ts',
        content: jsonModule(
          'entityData',
          '../signals/lexicon-types.js',
          'EntityData',
          entityData,
          'The entity tables (currencies, weekdays, carriers, colour modifiers)',
        ),
      },
    ];
  },
};
