import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';
import type { HuashuIssue } from '../../src/errors.js';
import type { StructureFile } from '../../src/lint/data-schema.js';
import type { SkeletonReader } from '../../src/lint/skeleton.js';
import {
  compileStructure,
  detectStructure,
  expandClasses,
  type CompiledStructure,
  type ShippedStructure,
} from '../../src/lint/structure.js';

const HAN_RUN = /[\u3400-\u9fff]+/g;
/** What the sentence view adds to the skeleton: an anchor is matched on the skeleton without them. */
const VIEW_ONLY = /[, ?!]/g;
const MAX_CLASS_ANCHORS = 40;

/**
 * Literal strings one of which every match of the pattern contains (in skeleton form), so the
 * detector runs only on replies whose skeleton holds one: the best mandatory element of each
 * alternative (a literal run, a small character class, a group whose every branch has anchors).
 * Undefined when some match needs no literal.
 */
export function patternAnchors(source: string): string[][] | undefined {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source);
  if (pattern.alternatives.length === 1) return alternativeAnchors(pattern.alternatives[0]!);
  const sets = union(pattern.alternatives.map((a) => alternativeAnchors(a)?.[0]));
  return sets === undefined ? undefined : [sets];
}

function union(sets: Array<string[] | undefined>): string[] | undefined {
  if (sets.some((set) => set === undefined)) return undefined;
  return [...new Set(sets.flat() as string[])];
}

/**
 * How often a literal occurs in ordinary chat (the intent corpus's customer and agent turns, in
 * skeleton form): one character's count, or for a longer literal the count of its rarest pair of
 * adjacent characters. Anchors and keys are chosen to be rare, so most replies run no detector.
 */
export type Frequency = (literal: string) => number;

export function chatFrequency(texts: readonly string[], reader: SkeletonReader): Frequency {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const skeleton = reader.readAside(text).text;
    for (let i = 0; i < skeleton.length; i++) {
      counts.set(skeleton[i]!, (counts.get(skeleton[i]!) ?? 0) + 1);
      if (i + 1 < skeleton.length) {
        const pair = skeleton.slice(i, i + 2);
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
  }
  return (literal) => {
    if (literal.length === 1) return counts.get(literal) ?? 0;
    let least = Infinity;
    for (let i = 0; i + 2 <= literal.length; i++)
      least = Math.min(least, counts.get(literal.slice(i, i + 2)) ?? 0);
    return least;
  };
}

/** Set by checkStructure from the corpus before any anchor is chosen (one build, one corpus). */
let frequency: Frequency = () => 0;

/** The expected cost of an anchor set: how many places in ordinary chat it would find. */
function cost(set: readonly string[]): number {
  let total = 0;
  for (const literal of set) total += frequency(literal) + 1;
  return total;
}

/**
 * The key an anchor is found by at run time: its rarest pair of adjacent characters (or the
 * anchor itself when it is one character). The run-time scan looks at every pair of the reply
 * the same way, so only the pair's own rarity counts (the first character's breaks ties).
 */
function keyOf(anchor: string): string {
  if (anchor.length <= 2) return anchor;
  const score = (pair: string): number => frequency(pair) + frequency(pair[0]!) / 1e6;
  let best = anchor.slice(0, 2);
  for (let i = 1; i + 2 <= anchor.length; i++) {
    const pair = anchor.slice(i, i + 2);
    if (score(pair) < score(best)) best = pair;
  }
  return best;
}

/** Most strings a run of literal elements may stand for before it is cut. */
const MAX_RUN_STRINGS = 96;
/** At most this many anchors per pattern are shipped (see `consider`). */
const MAX_ANCHORS_PER_SET = 80;

/**
 * The best two anchor sets of an alternative, from different elements: every match holds one
 * literal of each (你…到底 needs a 你 and a 到底), so a reply must hold both for the pattern to run.
 */
function alternativeAnchors(alternative: Alternative): string[][] | undefined {
  const found: string[][] = [];
  const consider = (set: string[] | undefined): void => {
    if (set === undefined) return;
    let cleaned = [...new Set(set.map((s) => s.replace(VIEW_ONLY, '')))];
    if (cleaned.some((s) => s === '')) return;
    // A long list (a cross product) is cut to shared prefixes, each still held by every match:
    // fewer keywords in the shipped automaton, at the price of a few more replies read.
    // Each step drops the last or the first character of the longest strings, whichever leaves
    // the rarer set.
    while (cleaned.length > MAX_ANCHORS_PER_SET) {
      const longest = Math.max(...cleaned.map((s) => s.length));
      if (longest <= 1) break;
      const cut = (end: boolean): string[] => [
        ...new Set(cleaned.map((s) => (s.length < longest ? s : end ? s.slice(0, -1) : s.slice(1)))),
      ];
      const [prefixes, suffixes] = [cut(true), cut(false)];
      cleaned = cost(prefixes) <= cost(suffixes) ? prefixes : suffixes;
    }
    found.push(cleaned);
  };
  // A run of exact elements (a character, a small class, a group of literal branches) stands for
  // the cross product of their strings: 你(听|看)(好|清楚) → 你听好, 你看好, 你听清楚, 你看清楚.
  let run: string[] | undefined;
  for (const element of alternative.elements) {
    // Assertions (^ $ \b, look-arounds) match no character: they neither add to a run nor cut it.
    if (element.type === 'Assertion') continue;
    const strings = exactStrings(element);
    if (strings !== undefined) {
      const next = run === undefined ? strings : run.flatMap((a) => strings.map((b) => a + b));
      if (next.length <= MAX_RUN_STRINGS) {
        run = next;
        continue;
      }
      consider(run);
      run = strings;
      continue;
    }
    consider(run);
    run = undefined;
    consider(elementAnchors(element));
  }
  consider(run);
  if (found.length === 0) return undefined;
  return found.sort((a, b) => cost(a) - cost(b)).slice(0, 2);
}

/** The strings an element matches exactly, when it is made of literals only. */
function exactStrings(element: Element): string[] | undefined {
  switch (element.type) {
    case 'Character':
      return [String.fromCodePoint(element.value)];
    case 'CharacterClass':
      return elementAnchors(element);
    case 'Quantifier': {
      // x? stands for x or nothing: 你(自己)?没 → 你没, 你自己没.
      if (element.min !== 0 || element.max !== 1) return undefined;
      const own = exactStrings(element.element);
      return own === undefined ? undefined : ['', ...own];
    }
    case 'Group':
    case 'CapturingGroup': {
      const all: string[] = [];
      for (const branch of element.alternatives) {
        let strings: string[] = [''];
        for (const part of branch.elements) {
          if (part.type === 'Assertion') continue;
          const own = exactStrings(part);
          if (own === undefined) return undefined;
          strings = strings.flatMap((a) => own.map((b) => a + b));
          if (strings.length > MAX_RUN_STRINGS) return undefined;
        }
        all.push(...strings);
      }
      return all.length <= MAX_RUN_STRINGS ? all : undefined;
    }
    default:
      return undefined;
  }
}

function elementAnchors(element: Element): string[] | undefined {
  switch (element.type) {
    case 'Character':
      return [String.fromCodePoint(element.value)];
    case 'CharacterClass': {
      if (element.negate || element.elements.length > MAX_CLASS_ANCHORS) return undefined;
      const chars: string[] = [];
      for (const member of element.elements) {
        if (member.type !== 'Character') return undefined;
        chars.push(String.fromCodePoint(member.value));
      }
      return chars;
    }
    case 'Group':
    case 'CapturingGroup':
      return union(element.alternatives.map((a) => alternativeAnchors(a)?.[0]));
    case 'Quantifier':
      return element.min >= 1 ? elementAnchors(element.element) : undefined;
    default:
      return undefined;
  }
}

/**
 * rules/lint/structure.json, checked: every pattern compiles, every Chinese word is written as the
 * skeleton reads it (simplified, 您 → 你, no sentence particles: a word written otherwise never
 * matches), and every detector finds each of its examples and none of its counter-examples.
 * Returns the problems and the detectors without their examples.
 */
export function checkStructure(
  file: StructureFile,
  reader: SkeletonReader,
  fileName: string,
  chatTexts: readonly string[],
): { issues: HuashuIssue[]; shipped: ShippedStructure } {
  frequency = chatFrequency(chatTexts, reader);
  const issues: HuashuIssue[] = [];
  const shipped: ShippedStructure = {
    classes: file.classes,
    cancelledBy: file.cancelledBy,
    detectors: file.detectors.map(
      ({ examples: _e, counterExamples: _c, description: _d, ...detector }, index) => {
        const keys: string[][][] = [];
        detector.patterns.forEach((pattern, i) => {
          let found: string[][] | undefined;
          try {
            found = patternAnchors(expandClasses(pattern, file.classes));
          } catch {
            keys.push([]);
            return; // compileStructure reports the pattern
          }
          if (found === undefined)
            issues.push({
              file: fileName,
              path: `detectors[${index}].patterns[${i}]`,
              message:
                'every match must hold a literal (a word, a small class or a group of them) to find it by',
            });
          keys.push((found ?? []).map((set) => [...new Set(set.map(keyOf))].sort()));
        });
        return { ...detector, keys };
      },
    ),
  };
  const unfolded = (text: string, path: string): void => {
    for (const [run] of text.matchAll(HAN_RUN)) {
      const skeleton = reader.readAside(run).text;
      if (skeleton !== run)
        issues.push({
          file: fileName,
          path,
          message: `write "${run}" as the skeleton reads it: "${skeleton}"`,
        });
    }
  };
  for (const [kind, words] of Object.entries(file.cancelledBy))
    words.forEach((word, i) => unfolded(word, `cancelledBy.${kind}[${i}]`));
  for (const [name, words] of Object.entries(file.classes))
    words.forEach((word, i) => unfolded(word, `classes.${name}[${i}]`));
  let compiled: CompiledStructure;
  try {
    compiled = compileStructure(shipped);
  } catch (error) {
    issues.push({ file: fileName, path: 'detectors', message: (error as Error).message });
    return { issues, shipped };
  }
  file.detectors.forEach((detector, index) => {
    const at = `detectors[${index}]`;
    detector.patterns.forEach((pattern, i) => unfolded(pattern, `${at}.patterns[${i}]`));
    const finds = (text: string): boolean =>
      detectStructure(compiled, reader.readAside(text)).some((hit) => hit.detector.id === detector.id);
    detector.examples.forEach((example, i) => {
      if (!finds(example))
        issues.push({
          file: fileName,
          path: `${at}.examples[${i}]`,
          message: `${detector.id} does not flag "${example}"`,
        });
    });
    detector.counterExamples.forEach((example, i) => {
      if (finds(example))
        issues.push({
          file: fileName,
          path: `${at}.counterExamples[${i}]`,
          message: `${detector.id} flags "${example}", which it must not`,
        });
    });
  });
  return { issues, shipped };
}
