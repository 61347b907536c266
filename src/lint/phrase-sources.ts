import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue, safeParse } from '../errors.js';
import { builtInLists, builtInReader, builtInSources } from './built-in-data.js';
import { compileAndCheck, type CheckedSource } from './check-entries.js';
import { phrasePackSchema, type PhrasePack } from './data-schema.js';
import { ALLOW_RULE, PhraseSet, type EntrySource } from './phrase-set.js';

/** The compiled built-in phrases per set of enabled rules: most linters share the default one. */
const builtInCache = new Map<string, PhraseSet>();

/**
 * The phrases a linter matches: the built-in data of the enabled rules, the packs' entries for
 * enabled rules, and the allow-list, compiled into one automaton. Without packs or an allow-list
 * the set is shared by every linter with the same rules. Throws `INVALID_RULES` (a pack fails its
 * schema or its examples) or `INVALID_OPTIONS` (an allowed phrase is only noise), listing every problem.
 */
export function phraseSetFor(
  enabled: ReadonlySet<string>,
  packs: readonly PhrasePack[],
  allow: readonly string[],
): PhraseSet {
  const packSources = packEntrySources(packs, enabled);
  const allowSources = allowEntrySources(allow);
  if (packSources.length > 0 || allowSources.length > 0)
    return compile([...builtInSources(enabled), ...packSources, ...allowSources]);
  const key = [...enabled].sort().join(',');
  let cached = builtInCache.get(key);
  if (cached === undefined) {
    cached = compile(builtInSources(enabled));
    builtInCache.set(key, cached);
  }
  return cached;
}

const nearSetCache = new Map<string, PhraseSet>();

/**
 * One rule's built-in phrases as a set of its own, compiled on first use and shared: with `near`,
 * its on-demand cue roles (`NEAR_ROLES`), which a rule matches itself around its own matches;
 * without, the roles the linter's automaton holds (the linter's cached set for that rule alone),
 * for a rule that reads another rule's phrases.
 */
export function builtInRulePhrases(ruleId: string, near: boolean): PhraseSet {
  if (!near) return phraseSetFor(new Set([ruleId]), [], []);
  let set = nearSetCache.get(ruleId);
  if (set === undefined) {
    set = compile(builtInSources(new Set([ruleId]), true));
    nearSetCache.set(ruleId, set);
  }
  return set;
}

function compile(sources: EntrySource[]): PhraseSet {
  const { set, issues } = PhraseSet.compile(sources, builtInLists(), builtInReader());
  // Built-in data was checked by the build; a problem here is a pack or allow-list one.
  if (issues.length > 0)
    throw new HuashuError('INVALID_RULES', `Invalid lint phrases:\n  ${describeIssues(issues)}`, { issues });
  return set;
}

/** Validate the packs and run their examples; throws `INVALID_RULES` listing every problem. */
function packEntrySources(packs: readonly PhrasePack[], enabled: ReadonlySet<string>): EntrySource[] {
  const issues: HuashuIssue[] = [];
  const sources: CheckedSource[] = [];
  packs.forEach((raw, p) => {
    const result = safeParse(phrasePackSchema, raw);
    if (!result.success) {
      issues.push(...issuesFromZod(result.error, `packs[${p}]`));
      return;
    }
    const pack = result.data;
    const ruleId = pack.rule ?? 'no-forbidden-phrase';
    pack.phrases.forEach((entry, index) =>
      sources.push({ ruleId, file: pack.name, path: `packs[${p}].phrases[${index}]`, entry }),
    );
  });
  if (issues.length === 0) issues.push(...compileAndCheck(sources, builtInLists(), builtInReader()).issues);
  if (issues.length > 0)
    throw new HuashuError('INVALID_RULES', `Invalid phrase packs:\n  ${describeIssues(issues)}`, { issues });
  return sources.filter((source) => enabled.has(source.ruleId));
}

/** The allow-list as pseudo-entries whose matches shield findings; throws `INVALID_OPTIONS`. */
function allowEntrySources(allow: readonly string[]): EntrySource[] {
  const sources = allow.map((phrase, index): EntrySource => {
    // Allowed phrases are literal: the pattern syntax characters are punctuation to them.
    const literal = phrase.replace(/[()|…]/g, ' ');
    return {
      ruleId: ALLOW_RULE,
      role: 'allow',
      file: 'allow',
      path: `allow[${index}]`,
      entry: { patterns: [literal] },
    };
  });
  const { issues: compileIssues } = PhraseSet.compile(sources, new Map(), builtInReader());
  const issues: HuashuIssue[] = compileIssues.map((issue) => ({
    path: issue.path,
    message: 'an allowed phrase must contain more than spaces, punctuation and particles',
  }));
  if (issues.length > 0)
    throw new HuashuError('INVALID_OPTIONS', `Invalid createLinter(options):\n  ${describeIssues(issues)}`, {
      issues,
    });
  return sources;
}
