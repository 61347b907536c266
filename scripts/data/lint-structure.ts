import type { HuashuIssue } from '../../src/errors.js';
import type { StructureFile } from '../../src/lint/data-schema.js';
import type { SkeletonReader } from '../../src/lint/skeleton.js';
import {
  compileStructure,
  detectStructure,
  type CompiledStructure,
  type ShippedStructure,
} from '../../src/lint/structure.js';

import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';
import { expandClasses } from '../../src/lint/structure.js';

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
export function patternAnchors(source: string): string[] | undefined {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source);
  return union(pattern.alternatives.map(alternativeAnchors));
}

function union(sets: Array<string[] | undefined>): string[] | undefined {
  if (sets.some((set) => set === undefined)) return undefined;
  return [...new Set(sets.flat() as string[])];
}

/**
 * Characters so common in replies that an anchor made only of them finds almost every reply: a
 * set of them costs more than one of rarer words.
 */
const COMMON = new Set([...'你我不是的了这要想别没有在么什一个们就都也还会能说看好吗那人给发到时前次']);

/** The expected cost of a set: lower finds fewer replies (longer, rarer literals, fewer of them). */
function cost(set: readonly string[]): number {
  let total = 0;
  for (const literal of set) {
    const base = literal.length >= 3 ? 1 : literal.length === 2 ? 5 : 30;
    total += [...literal].every((c) => COMMON.has(c)) ? base * 20 : base;
  }
  return total;
}

/** Most strings a run of literal elements may stand for before it is cut. */
const MAX_RUN_STRINGS = 256;

function alternativeAnchors(alternative: Alternative): string[] | undefined {
  let best: string[] | undefined;
  const consider = (set: string[] | undefined): void => {
    if (set === undefined) return;
    const cleaned = [...new Set(set.map((s) => s.replace(VIEW_ONLY, '')))];
    if (cleaned.some((s) => s === '')) return;
    if (best === undefined || cost(cleaned) < cost(best)) best = cleaned;
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
  return best;
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
      return union(element.alternatives.map(alternativeAnchors));
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
): { issues: HuashuIssue[]; shipped: ShippedStructure } {
  const issues: HuashuIssue[] = [];
  const shipped: ShippedStructure = {
    classes: file.classes,
    cancelledBy: file.cancelledBy,
    detectors: file.detectors.map(({ examples: _e, counterExamples: _c, ...detector }, index) => {
      const anchors = new Set<string>();
      detector.patterns.forEach((pattern, i) => {
        let found: string[] | undefined;
        try {
          found = patternAnchors(expandClasses(pattern, file.classes));
        } catch {
          return; // compileStructure reports the pattern
        }
        if (found === undefined)
          issues.push({
            file: fileName,
            path: `detectors[${index}].patterns[${i}]`,
            message:
              'every match must hold a literal (a word, a small class or a group of them) to find it by',
          });
        else for (const anchor of found) anchors.add(anchor);
      });
      return { ...detector, anchors: [...anchors].sort() };
    }),
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
