/**
 * Structural detectors of forbidden service language (rules/lint/structure.json): instead of one
 * phrase per wording, each detector reads the shape of a sentence — who it is aimed at (你 vs
 * 我/我们), whether it is a question, what it blames or despises — so new wordings of the same idea
 * are caught (你到底有没有看详情页, 当初下单时怎么不说, "did you not see the size chart?"), while
 * the reply around it can clear it: an owner (我帮您联系快递) clears "go and ask the courier", a
 * reason or an alternative clears a refusal, a respectful frame (适合老人家) clears a group word.
 *
 * A detector's patterns run on one sentence of the reply's skeleton (folded, particles and 您 → 你
 * gone), its clauses joined by `,` and its Latin words by one space, so `[^,]{0,6}` is a gap inside
 * a clause. Sentences are read by language: Chinese detectors where the sentence has Han
 * characters, English ones where it has Latin letters.
 */
import type { StructureDetector } from './data-schema.js';
import { clauseBreak, clauseStart, gapAfterHas, insideQuote, isQuestionMark } from './clause.js';
import { firstEndingAfter } from '../util/first-ending-after.js';
import { Break, skeletonLength, skeletonUnits, type Skeleton } from './skeleton.js';
import { isAsciiLetterCode, isHanCode } from '../text/char-class.js';

/**
 * What ships of a detector: its examples (checked at build time) and description are left out.
 * `keys[i]` are pattern i's key sets: every match of the pattern holds a key (one or two skeleton
 * characters) of each set, derived at build time from the literals the pattern requires. A pattern
 * runs only on a reply that holds a key of each of its sets.
 */
export type ShippedDetector = Omit<StructureDetector, 'examples' | 'counterExamples' | 'description'> & {
  readonly keys: ReadonlyArray<ReadonlyArray<readonly string[]>>;
};

export interface ShippedStructure {
  readonly classes: Readonly<Record<string, readonly string[]>>;
  readonly detectors: readonly ShippedDetector[];
  readonly cancelledBy: { readonly any: readonly string[]; readonly blame: readonly string[] };
}

export interface CompiledDetector {
  readonly id: string;
  readonly category: StructureDetector['category'];
  readonly language: 'zh' | 'en';
  readonly patterns: readonly RegExp[];
  readonly mood?: StructureDetector['mood'];
  readonly unlessBefore?: RegExp;
  readonly unlessSentence?: RegExp;
  readonly unlessReply?: RegExp;
  readonly unlessNear?: RegExp;
}

export interface CompiledStructure {
  readonly zh: readonly CompiledDetector[];
  readonly en: readonly CompiledDetector[];
  /**
   * Every key (one or two skeleton characters) has an index. `singleKey[code]` is the index of
   * the one-character key `code` (-1: none). Two-character keys sit in an open-addressing table
   * by `pairHash`: `pairCodes[slot]` holds first << 16 | second (0: empty), `pairIndex[slot]` the
   * key's index. A reply is read with a table lookup or two per character, marking the keys it holds.
   */
  readonly singleKey: Int32Array;
  readonly pairCodes: Int32Array;
  readonly pairIndex: Int32Array;
  /** Per key, the patterns (ids) whose first, rarest key set holds it. */
  readonly firstOf: ReadonlyArray<readonly number[]>;
  /** Every pattern of every detector, by id; `confirm`: the keys of its second set (empty: none). */
  readonly patterns: ReadonlyArray<{
    readonly detector: CompiledDetector;
    readonly index: number;
    readonly confirm: Int32Array;
  }>;
  /** Per key, whether the reply being read holds it (scratch, cleared after each read). */
  readonly keySeen: Uint8Array;
  /** Per pattern, whether it was already weighed for the reply being read (scratch, cleared). */
  readonly patternSeen: Uint8Array;
  readonly cancelledBy: ShippedStructure['cancelledBy'];
}

/** A detector's finding: `[start, end)` are skeleton offsets. */
export interface StructureHit {
  readonly detector: CompiledDetector;
  readonly start: number;
  readonly end: number;
}

/** How much of the sentence before a match `unlessBefore` reads. */
const BEFORE_WINDOW = 16;
/** Sentences longer than this are read in windows of this size (bounded work per match try). */
const MAX_SENTENCE = 400;

const CLASS_REF = /\{([a-z]{2}\.[a-zA-Z]+|end)\}/g;

/**
 * `{zh.you}` → `(?:你们|你自己|你)`, longest first; `{end}`: the end of a clause (a `,`, the
 * sentence's closing `?` or `!`, or its end, maybe after a Cantonese final particle). Throws on
 * an unknown class.
 */
export function expandClasses(source: string, classes: ShippedStructure['classes']): string {
  return source.replace(CLASS_REF, (_whole, name: string) => {
    // A Cantonese final particle (㗎, 喎, 囉) may stand before it: the skeleton keeps them.
    if (name === 'end') return '(?=[㗎架喎啰咯]?(?:[,?!]|$))';
    const words = classes[name];
    if (words === undefined) throw new Error(`unknown class {${name}}`);
    return `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
  });
}

/** Compile the detectors; throws with the detector id on a pattern that is not a valid regex. */
export function compileStructure(structure: ShippedStructure): CompiledStructure {
  const zh: CompiledDetector[] = [];
  const en: CompiledDetector[] = [];
  for (const detector of structure.detectors) {
    const compile = (source: string): RegExp => {
      try {
        return new RegExp(expandClasses(source, structure.classes));
      } catch (error) {
        throw new Error(`${detector.id}: ${(error as Error).message}`, { cause: error });
      }
    };
    const compiled: CompiledDetector = {
      id: detector.id,
      category: detector.category,
      language: detector.language,
      patterns: detector.patterns.map(compile),
      ...(detector.mood === undefined ? {} : { mood: detector.mood }),
      ...(detector.unlessBefore === undefined ? {} : { unlessBefore: compile(detector.unlessBefore) }),
      ...(detector.unlessSentence === undefined ? {} : { unlessSentence: compile(detector.unlessSentence) }),
      ...(detector.unlessReply === undefined ? {} : { unlessReply: compile(detector.unlessReply) }),
      ...(detector.unlessNear === undefined ? {} : { unlessNear: compile(detector.unlessNear) }),
    };
    (detector.language === 'zh' ? zh : en).push(compiled);
  }
  const singleKey = new Int32Array(0x10000).fill(-1);
  const pairCodes = new Int32Array(PAIR_SLOTS);
  const pairIndex = new Int32Array(PAIR_SLOTS);
  const firstOf: number[][] = [];
  const indexOf = (key: string): number => {
    const first = key.charCodeAt(0);
    if (key.length === 1) {
      if (singleKey[first]! < 0) singleKey[first] = firstOf.push([]) - 1;
      return singleKey[first]!;
    }
    const second = key.charCodeAt(1);
    const code = (first << 16) | second;
    let slot = pairHash(first, second);
    while (pairCodes[slot] !== 0 && pairCodes[slot] !== code) slot = (slot + 1) & (PAIR_SLOTS - 1);
    if (pairCodes[slot] === 0) {
      pairCodes[slot] = code;
      pairIndex[slot] = firstOf.push([]) - 1;
    }
    return pairIndex[slot]!;
  };
  const patterns: Array<{ detector: CompiledDetector; index: number; confirm: Int32Array }> = [];
  const byId = new Map([...zh, ...en].map((d) => [d.id, d]));
  for (const detector of structure.detectors) {
    const compiled = byId.get(detector.id)!;
    detector.keys.forEach((sets, index) => {
      const id = patterns.length;
      for (const key of sets[0] ?? []) firstOf[indexOf(key)]!.push(id);
      patterns.push({ detector: compiled, index, confirm: Int32Array.from(sets[1] ?? [], indexOf) });
    });
  }
  return {
    zh,
    en,
    singleKey,
    pairCodes,
    pairIndex,
    firstOf,
    patterns,
    keySeen: new Uint8Array(firstOf.length),
    patternSeen: new Uint8Array(patterns.length),
    cancelledBy: structure.cancelledBy,
  };
}

/**
 * One reply's sentences as the detectors read them, built once per reply and handed to every
 * finding: a finding reads its own sentence and the next (bounded), and what the whole reply says
 * (`unlessReply`) is tested once per detector. Without it each finding re-read the whole reply, so
 * a reply repeating a flagged phrase thousands of times took quadratic time (found by the fuzzer:
 * 96,000 characters of 你自己去查。 took 6 s).
 */
export class StructureReading {
  private sentenceList: Sentence[] | undefined;
  private wholeView: string | undefined;
  private clearedByReplyOf: Map<CompiledDetector, boolean> | undefined;
  /** Per skeleton offset, how many sentence breaks stand at or before it. */
  private breaksUpTo: Int32Array | undefined;

  constructor(readonly skeleton: Skeleton) {}

  get sentences(): readonly Sentence[] {
    return (this.sentenceList ??= sentencesOf(this.skeleton));
  }

  /** The index of the sentence holding skeleton offset `at`, -1 past the last. */
  sentenceAt(at: number): number {
    const index = firstEndingAfter(this.sentences, at);
    return index < this.sentences.length ? index : -1;
  }

  /** No sentence break inside skeleton `[from, to)` (a real break, not a reading window's end). */
  sameSentence(from: number, to: number): boolean {
    if (to - from < 2) return true;
    if (this.breaksUpTo === undefined) {
      const { breaks } = this.skeleton;
      const counts = new Int32Array(skeletonLength(this.skeleton));
      let seen = 0;
      for (let i = 0; i < counts.length; i++) counts[i] = breaks[i] === Break.Sentence ? ++seen : seen;
      this.breaksUpTo = counts;
    }
    return this.breaksUpTo[to - 1] === this.breaksUpTo[from];
  }

  /** Whether the whole reply clears `detector` (its `unlessReply`), read once per reply. */
  clearedByReply(detector: CompiledDetector): boolean {
    if (detector.unlessReply === undefined) return false;
    const known = (this.clearedByReplyOf ??= new Map());
    let cleared = known.get(detector);
    if (cleared === undefined) {
      cleared = detector.unlessReply.test((this.wholeView ??= replyView(this.sentences)));
      known.set(detector, cleared);
    }
    return cleared;
  }
}

/**
 * A finding of the phrase data at skeleton offset `at` is excused the way the detectors of its
 * category are: a flat refusal by a reason, an apology or an alternative in its sentence or the
 * next (`unlessNear`: 换不了的话…, 抱歉，不能退。可以帮您换货), a deflection by an owner anywhere in
 * the reply (`unlessReply`: 不是我处理的，但我核对后帮您继续办).
 */
export function excused(
  compiled: CompiledStructure,
  reading: StructureReading,
  at: number,
  category: string,
): boolean {
  if (category !== 'flat_refusal' && category !== 'deflection') return false;
  const index = reading.sentenceAt(at);
  if (index < 0) return false;
  const sentences = reading.sentences;
  const sentence = sentences[index]!;
  const near = category === 'flat_refusal' ? nearView(sentences, index) : undefined;
  const excuses = (detectors: readonly CompiledDetector[]): boolean =>
    detectors.some((d) => {
      if (d.category !== category) return false;
      return near === undefined ? reading.clearedByReply(d) : d.unlessNear?.test(near) === true;
    });
  return (sentence.han && excuses(compiled.zh)) || (sentence.latin && excuses(compiled.en));
}

/** Categories a denial cancels (不是您的错): they put the blame or the contempt on someone. */
const BLAME_CATEGORIES: ReadonlySet<string> = new Set(['deflection', 'discrimination', 'condescension']);
/** How far before a finding (skeleton characters, same clause) a cancelling word is looked for. */
const CANCEL_WINDOW = 8;
/** Characters (a pronoun: 你, 你们) that may stand between a cancelling word and the finding. */
const CANCEL_GAP = 2;

/**
 * A finding at skeleton `[start, …)` of `category` is cancelled by a word right before it or
 * overlapping its start (不用您自己找, 不是您的错), or it sits inside a quotation of the customer.
 */
export function isCancelled(
  compiled: CompiledStructure,
  skeleton: Skeleton,
  start: number,
  category: string,
): boolean {
  if (insideQuote(skeleton.original, skeleton.starts[start]!)) return true;
  const from = clauseStart(skeleton, start, CANCEL_WINDOW);
  const window = skeleton.text.slice(from, Math.min(skeleton.text.length, start + 3));
  const at = start - from;
  const cancels = (word: string): boolean => {
    // It starts before the finding and reaches it, or a pronoun away: 不用|你自己找, 不用你|自己去找,
    // 不|是你的错 — not 不是我办的 itself.
    const index = at === 0 ? -1 : window.lastIndexOf(word, at - 1);
    return index >= 0 && index + word.length >= at - CANCEL_GAP;
  };
  return (
    compiled.cancelledBy.any.some(cancels) ||
    (BLAME_CATEGORIES.has(category) && compiled.cancelledBy.blame.some(cancels))
  );
}

interface Sentence {
  /**
   * The sentence's clauses joined by `,`, Latin words by a space, then `?` when it is a question
   * (? ？, a final 吗 么 咩, or the retort particle 嘛 dropped at its end) or `!` when it exclaims.
   */
  readonly view: string;
  /** Pairs (view index of a separator, the skeleton offset it stands before). */
  readonly separators: readonly number[];
  /** Skeleton offset of the sentence's first character. */
  readonly start: number;
  /** Skeleton offset just past the sentence's last character. */
  readonly end: number;
  readonly han: boolean;
  readonly latin: boolean;
  readonly question: boolean;
  readonly exclaim: boolean;
}

const QUESTION_ENDINGS = new Set(['吗', '么', '咩']);
/**
 * A particle the skeleton drops that ends a retort (不是说过了嘛). Not 呢: agents end plain
 * statements with it (是不支持的呢, 还没有到站点的呢).
 */
const isRetortParticle = (code: number): boolean => code === 0x561b; // 嘛
const isExclamation = (code: number): boolean => code === 0x21 || code === 0xff01;

/** The reply's sentences, each at most MAX_SENTENCE characters of skeleton. */
function sentencesOf(skeleton: Skeleton): Sentence[] {
  const { text, breaks } = skeleton;
  const sentences: Sentence[] = [];
  let from = 0;
  while (from < text.length) {
    let to = from + 1;
    while (to < text.length && to - from < MAX_SENTENCE && breaks[to] !== Break.Sentence) to++;
    // The view is the skeleton's runs between separators, sliced, not built character by character.
    let view = '';
    let runStart = from;
    const map: number[] = [];
    for (let i = from + 1; i < to; i++) {
      const brk = breaks[i]!;
      if (brk === Break.None) continue;
      const separator = brk === Break.Word ? ' ' : brk >= Break.Clause && clauseBreak(skeleton, i) ? ',' : '';
      if (separator === '') continue;
      view += text.slice(runStart, i) + separator;
      map.push(view.length - 1, i);
      runStart = i;
    }
    view += text.slice(runStart, to);
    let han = false;
    let latin = false;
    for (let i = from; i < to && !(han && latin); i++) {
      const code = text.charCodeAt(i);
      if (isHanCode(code)) han = true;
      else if (isAsciiLetterCode(code)) latin = true;
    }
    const last = text[to - 1]!;
    const question =
      QUESTION_ENDINGS.has(last) ||
      gapAfterHas(skeleton, to, isQuestionMark) ||
      gapAfterHas(skeleton, to, isRetortParticle);
    const exclaim = !question && gapAfterHas(skeleton, to, isExclamation);
    if (question || exclaim) view += question ? '?' : '!';
    sentences.push({ view, separators: map, start: from, end: to, han, latin, question, exclaim });
    from = to;
  }
  return sentences;
}

/**
 * The skeleton offset of `view[index]`, a character of the view that is not a separator: the
 * sentence's start plus its position less the separators before it.
 */
function skeletonOffset(sentence: Sentence, index: number): number {
  let added = 0;
  for (let k = 0; k < sentence.separators.length; k += 2) {
    if (sentence.separators[k]! >= index) break;
    added++;
  }
  return sentence.start + index - added;
}

/** What `unlessNear` reads: the sentence at `index` and the next one, joined by `.`. */
function nearView(sentences: readonly Sentence[], index: number): string {
  const next = sentences[index + 1];
  return next === undefined ? sentences[index]!.view : `${sentences[index]!.view}.${next.view}`;
}

/** What `unlessReply` reads: every sentence of the reply, joined by `.`. */
function replyView(sentences: readonly Sentence[]): string {
  return sentences.map((s) => s.view).join('.');
}

function moodFits(detector: CompiledDetector, sentence: Sentence): boolean {
  if (detector.mood === undefined) return true;
  if (detector.mood === 'question') return sentence.question;
  return sentence.question || sentence.exclaim;
}

/** Every detector's first finding per sentence, in reading order. */
export function detectStructure(compiled: CompiledStructure, skeleton: Skeleton): StructureHit[] {
  const hits: StructureHit[] = [];
  forEachStructureHit(
    compiled,
    skeleton,
    () => new StructureReading(skeleton),
    (hit) => {
      hits.push(hit);
      return true;
    },
  );
  return hits;
}

/**
 * `detectStructure`, one hit at a time: `onHit` returns false to stop, so a caller that has
 * reported all it may (MAX_FINDINGS_PER_RULE) does not read the rest of a long reply. `readingOf`
 * gives the reply's sentences (the one the rule's other findings use); it is called only when a
 * pattern may match. No allocation for a reply that holds no key.
 */
export function forEachStructureHit(
  compiled: CompiledStructure,
  skeleton: Skeleton,
  readingOf: () => StructureReading,
  onHit: (hit: StructureHit) => boolean,
): void {
  if (skeletonLength(skeleton) === 0) return;
  const candidates = candidatesOf(compiled, skeleton);
  if (candidates.size === 0) return;
  const reading = readingOf();
  const sentences = reading.sentences;
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]!;
    const groups: Array<readonly CompiledDetector[]> = [];
    if (sentence.han) groups.push(compiled.zh);
    if (sentence.latin) groups.push(compiled.en);
    for (const detectors of groups)
      for (const detector of detectors) {
        const patterns = candidates.get(detector);
        if (patterns === undefined || !moodFits(detector, sentence)) continue;
        const match = firstMatch(detector, patterns, sentence.view);
        if (match === undefined) continue;
        if (detector.unlessSentence?.test(sentence.view)) continue;
        if (detector.unlessNear?.test(nearView(sentences, index))) continue;
        if (reading.clearedByReply(detector)) continue;
        const [start, end] = match;
        const hit = {
          detector,
          start: skeletonOffset(sentence, start),
          end: skeletonOffset(sentence, end - 1) + 1,
        };
        if (!onHit(hit)) return;
      }
  }
}

/** Slots of the two-character key table (a power of two, far more than the keys: short probes). */
const PAIR_SLOTS = 0x10000;
const pairHash = (first: number, second: number): number =>
  (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_SLOTS - 1);

/**
 * The patterns that may match the skeleton, by detector: those holding a key of their first set
 * and, if they have one, of their second. Most replies hold no key and cost a table lookup or
 * two per character; a key seen again costs nothing more.
 */
export function candidatesOf(
  compiled: CompiledStructure,
  skeleton: Skeleton,
): Map<CompiledDetector, number[]> {
  // The code units, without making the skeleton's string (most replies never need it).
  const units = skeletonUnits(skeleton);
  const length = skeletonLength(skeleton);
  const text = units === undefined ? skeleton.text : undefined;
  const { singleKey, pairCodes, pairIndex, keySeen } = compiled;
  let held: number[] | undefined;
  let key: number;
  let previous = -1;
  for (let i = 0; i < length; i++) {
    const code = units === undefined ? text!.charCodeAt(i) : units[i]!;
    if ((key = singleKey[code]!) >= 0 && keySeen[key] === 0) {
      keySeen[key] = 1;
      (held ??= []).push(key);
    }
    if (previous >= 0) {
      // The pair's slot: most pairs find an empty one at once.
      const pair = (previous << 16) | code;
      let slot = pairHash(previous, code);
      let stored: number;
      while ((stored = pairCodes[slot]!) !== 0) {
        if (stored === pair) {
          key = pairIndex[slot]!;
          if (keySeen[key] === 0) {
            keySeen[key] = 1;
            (held ??= []).push(key);
          }
          break;
        }
        slot = (slot + 1) & (PAIR_SLOTS - 1);
      }
    }
    previous = code;
  }
  if (held === undefined) return NOTHING;
  const { firstOf, patterns, patternSeen } = compiled;
  let runnable: Map<CompiledDetector, number[]> | undefined;
  const weighed: number[] = [];
  for (const heldKey of held)
    for (const id of firstOf[heldKey]!) {
      if (patternSeen[id] === 1) continue;
      patternSeen[id] = 1;
      weighed.push(id);
      const { detector, index, confirm } = patterns[id]!;
      let confirmed = confirm.length === 0;
      for (let k = 0; !confirmed && k < confirm.length; k++) confirmed = keySeen[confirm[k]!] === 1;
      if (!confirmed) continue;
      const list = (runnable ??= new Map()).get(detector);
      if (list === undefined) runnable.set(detector, [index]);
      else list.push(index);
    }
  for (const heldKey of held) keySeen[heldKey] = 0;
  for (const id of weighed) patternSeen[id] = 0;
  if (runnable === undefined) return NOTHING;
  for (const list of runnable.values()) if (list.length > 1) list.sort((a, b) => a - b);
  return runnable;
}

/** No pattern to run (shared, never changed). */
const NOTHING: Map<CompiledDetector, number[]> = new Map();

/** What the view adds between and after the skeleton's characters. */
const SEPARATORS = new Set([',', ' ', '?', '!']);

/** The first match of any of the detector's patterns that `unlessBefore` does not clear. */
function firstMatch(
  detector: CompiledDetector,
  patterns: readonly number[],
  view: string,
): [number, number] | undefined {
  for (const index of patterns) {
    const pattern = detector.patterns[index]!;
    const match = pattern.exec(view);
    if (match === null || match[0].length === 0) continue;
    const start = match.index;
    if (detector.unlessBefore?.test(view.slice(Math.max(0, start - BEFORE_WINDOW), start))) continue;
    // A match that starts or ends on a separator is trimmed to the characters it covers.
    let from = start;
    let to = start + match[0].length;
    while (from < to && SEPARATORS.has(view[from]!)) from++;
    while (to > from && SEPARATORS.has(view[to - 1]!)) to--;
    if (from < to) return [from, to];
  }
  return undefined;
}
