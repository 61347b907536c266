/**
 * Whether a dispatch cue found by the phrase automaton (发出, 寄了, 出貨, shipped, on its way…) is a
 * claim that THIS order's parcel has shipped, read from the clause around it in the skeleton:
 *
 * - a completed aspect or a past time (已/已经/早就/昨天… before it, 了/的 after it; has, was,
 *   been, got, a bare past tense), or a state that is itself the claim (在路上, in transit);
 * - and none of: negation (还没, not yet), a plan or a modal (会, 明天, 内, will, should, to be),
 *   a question (吗, 是否, 发了没, a clause ending in ?, has it…), a condition or time clause
 *   (如果, …后, once, when, if), a relative or attributive use that describes a class of orders
 *   (已发货的订单, orders that have shipped, shipped orders), the customer as the subject (您寄出后),
 *   or something that is not the parcel (链接发给您了, the refund was sent).
 *
 * The grammar is a small set of function words per language, not sentences: the phrase data
 * holds the dispatch predicates, this file how they combine. It runs only on the few cues found,
 * and only when the facts make a claim wrong.
 */
import { clauseEnd, clauseStart, gapAfterHas, isQuestionMark } from '../clause.js';
import { ruleWords } from '../built-in-data.js';
import { wordEndingAt, wordStartingAt, wordTable, type WordTable } from '../word-table.js';
import type { PhraseMatch } from '../phrase-set.js';
import { Break, isWordCode, type Skeleton } from '../skeleton.js';

/** What a dispatch cue is, from its entry id in rules/lint/shipping-wording.*.json. */
export const enum CueKind {
  /** A dispatch verb: needs a completed aspect or a past time (发出, shipped). */
  Verb = 0,
  /** A state that is the claim by itself (在路上, on its way). */
  State = 1,
  /** A state that needs a form of "be" (it is with the courier, it's in the post). */
  StateWithBe = 2,
}

export function cueKind(entryId: string): CueKind {
  if (entryId.startsWith('claim.state-be')) return CueKind.StateWithBe;
  if (entryId.startsWith('claim.state')) return CueKind.State;
  return CueKind.Verb;
}

/** A claim's span in the skeleton: the cue with the aspect adverbs and beneficiary just before it. */
export interface ClaimSpan {
  readonly start: number;
  readonly end: number;
  /** The span starts with a completed adverb (已, 早就 / has, was): a fix only adds the subject. */
  readonly marked: boolean;
  /**
   * A fix may rewrite the span: en, nothing like an object pronoun follows (a fix appends); zh,
   * the span starts the predicate (no 已经 or 昨天 further left that a prefix would strand).
   */
  readonly fixable: boolean;
}

const enum Mark {
  /** 已, 已经, 早就: completed, and part of the claim's span when next to the verb. */
  DoneAdverb,
  /** 昨天, 之前, 前天: a past time. */
  Past,
  Negation,
  /** 会, 将, 明天, 尽快, 内, 等: a plan, a modal or a future time. */
  Future,
  /** 正在, 在: in progress (blocks a verb, not a state). */
  Progressive,
  /** 是否, 有没有, 什么时候: the clause asks. */
  Question,
  /** 如果, 一旦, 只要: the clause is a condition. */
  Condition,
  /** 给您, 帮您: the beneficiary, part of the span. */
  Beneficiary,
  /** 你 right before the verb: the customer does it (您寄出后…). */
  You,
  /** 链接, 优惠券, 退款: the thing sent is not the parcel. */
  NotParcel,
  /** Words that contain a marker but are none (不好意思, 会员, 所以, 目前). */
  Neutral,
}

/**
 * The Chinese grammar words (rules/lint/words.json, `shipping-wording.zh`), in skeleton form:
 * simplified, 您 → 你, particles (呢 啊 吧 哦 呀 啦 嘛 …) and punctuation gone. Built on the first
 * Chinese cue read; the rows' order is the tables' (a word in two rows takes the later mark).
 */
interface ChineseWords {
  readonly left: WordTable<Mark>;
  readonly right: WordTable<Mark>;
  readonly carriers: WordTable<Mark>;
}

let chineseWords: ChineseWords | undefined;

function chinese(): ChineseWords {
  if (chineseWords === undefined) {
    const { left, right, notParcel, carriers } = ruleWords()['shipping-wording'].zh;
    chineseWords = {
      left: wordTable<Mark>([
        [Mark.DoneAdverb, left.doneAdverb],
        [Mark.Past, left.past],
        [Mark.Negation, left.negation],
        [Mark.Future, left.future],
        [Mark.Progressive, left.progressive],
        [Mark.Question, left.question],
        [Mark.Condition, left.condition],
        [Mark.Beneficiary, left.beneficiary],
        [Mark.You, left.you],
        [Mark.NotParcel, notParcel],
        [Mark.Neutral, left.neutral],
      ]),
      right: wordTable<Mark>([
        [Mark.DoneAdverb, right.doneAdverb],
        [Mark.Question, right.question],
        [Mark.Condition, right.condition],
        [Mark.Beneficiary, right.beneficiary],
        [Mark.NotParcel, notParcel],
        [Mark.Neutral, right.neutral],
      ]),
      carriers: wordTable<Mark>([[Mark.Neutral, carriers]]),
    };
  }
  return chineseWords;
}

/** Before 之前 / 以前, a date or hour makes a deadline: 3月5日之前, 周五以前, 下午5点之前. */
const DEADLINE_BEFORE = /[0-9日号月底末点时一二三四五六]/u;

/** Characters looked at on each side of a cue, inside its clause. */
const LEFT_WINDOW = 16;
const RIGHT_WINDOW = 10;
/** Characters of the original read between two skeleton characters (punctuation, particles). */
/** How far a clause's closing question mark is looked for. */
const QUESTION_WINDOW = 40;
/** English clauses, in skeleton characters (spaces removed): about a dozen words back, eight on. */
const EN_LEFT_WINDOW = 80;
const EN_RIGHT_WINDOW = 48;

function carrierAt(text: string, start: number, to: number): number {
  return wordStartingAt(text, start, to, chinese().carriers)?.[1] ?? 0;
}

/** The clause ending at `end` is the last of its sentence and the sentence ends with a question mark. */
function endsWithQuestionMark(skeleton: Skeleton, end: number): boolean {
  if (end < skeleton.text.length && skeleton.breaks[end] !== Break.Sentence) return false;
  return gapAfterHas(skeleton, end, isQuestionMark);
}

/** 啦 (a particle the skeleton drops) right after the cue: 发货啦 is 发货了. */
function particleLaAfter(skeleton: Skeleton, end: number): boolean {
  return end > 0 && gapAfterHas(skeleton, end, (code) => code === 0x5566);
}

/** A Chinese dispatch cue `[start, end)`: the claim's span, or undefined when it claims nothing. */
export function chineseClaim(skeleton: Skeleton, start: number, end: number, kind: CueKind): ClaimSpan | undefined {
  const { text } = skeleton;
  const from = clauseStart(skeleton, start, LEFT_WINDOW);
  const to = clauseEnd(skeleton, end, RIGHT_WINDOW);

  // Left of the cue, nearest first: the aspect that governs it, and what the whole clause does.
  // A cue may hold its own adverb (宝贝已发，请查收).
  const own = wordStartingAt(text, start, end, chinese().left)?.[0] === Mark.DoneAdverb;
  let nearest: Mark | undefined = own ? Mark.DoneAdverb : undefined;
  let spanStart = start;
  let marked = own;
  let adjacent = true;
  let separated = false;
  for (let p = start; p > from; ) {
    const found = wordEndingAt(text, p, from, chinese().left);
    if (found === undefined) {
      p--;
      adjacent = false;
      separated = true;
      continue;
    }
    const [mark, length] = found;
    p -= length;
    switch (mark) {
      case Mark.DoneAdverb:
        nearest ??= mark;
        if (adjacent) {
          spanStart = p;
          marked = true;
        }
        break;
      case Mark.Beneficiary:
        if (adjacent && nearest === undefined) spanStart = p;
        else adjacent = false;
        break;
      case Mark.Past:
        // 之前 / 以前 after a date is a deadline (5号之前发出), not the past (之前已经发了).
        nearest ??=
          text.charAt(p + 1) === '前' && text.charAt(p) !== '天' && DEADLINE_BEFORE.test(text.charAt(p - 1))
            ? Mark.Future
            : mark;
        adjacent = false;
        break;
      case Mark.Negation:
      case Mark.Future:
        nearest ??= mark;
        adjacent = false;
        break;
      case Mark.Progressive:
        if (kind === CueKind.Verb) nearest ??= mark;
        adjacent = false;
        break;
      case Mark.Question:
      case Mark.Condition:
      case Mark.NotParcel:
        return undefined;
      case Mark.You:
        // 您寄出后 / 您已经寄出: the customer is the subject when only adverbs stand between.
        if (!separated) return undefined;
        adjacent = false;
        break;
      case Mark.Neutral:
        adjacent = false;
        separated = true;
        break;
    }
  }
  if (nearest === Mark.Negation || nearest === Mark.Future || nearest === Mark.Progressive) return undefined;

  // Right of the cue: complements, the aspect, and what would make it a question, a time clause,
  // a relative clause or a noun.
  let done = chinese().right.marks.get(text.charAt(end - 1)) === Mark.DoneAdverb || particleLaAfter(skeleton, end);
  // 是昨天寄的: 的 ends the clause (or names the carrier); 寄的东西 describes a thing. 是…的 marks
  // focus, not aspect: the past time (昨天, 刚刚) makes the claim, 是随商品一起寄的 is a policy.
  if (text.charCodeAt(end - 1) === 0x7684 /* 的 */) {
    if (end < to && carrierAt(text, end, to) === 0 && wordStartingAt(text, end, to, chinese().right)?.[0] !== Mark.DoneAdverb)
      return undefined;
  }
  let direct = true;
  for (let q = end; q < to; ) {
    const carrier = carrierAt(text, q, to);
    if (carrier > 0) {
      q += carrier;
      continue;
    }
    if (text.charCodeAt(q) === 0x7684 /* 的 */) {
      if (text.startsWith('的话', q)) return undefined;
      if (!direct) {
        q++;
        continue;
      }
      const next = q + 1;
      if (
        next >= to ||
        carrierAt(text, next, to) > 0 ||
        wordStartingAt(text, next, to, chinese().right)?.[0] === Mark.DoneAdverb
      ) {
        q = next;
        continue;
      }
      return undefined; // 已发货的订单: a class of orders, not this one.
    }
    const found = wordStartingAt(text, q, to, chinese().right);
    if (found === undefined) {
      q++;
      direct = false;
      continue;
    }
    const [mark, length] = found;
    switch (mark) {
      case Mark.DoneAdverb: {
        // 发货了就不能改了, 发了才能查到: 了 + 就/才 is a condition (once it has shipped…).
        const after = text.charCodeAt(q + length);
        if (direct && (after === 0x5c31 /* 就 */ || after === 0x624d) /* 才 */) return undefined;
        done = true;
        break;
      }
      case Mark.Question:
        // 发了吗 anywhere in the clause; 发了没, 发货否 right after the verb (发出了不用担心 is no question).
        if (direct || length === 1 && (text.charCodeAt(q) === 0x5417 /* 吗 */ || text.charCodeAt(q) === 0x4e48))
          return undefined;
        break;
      case Mark.NotParcel:
        // 发了链接, 发给您一个链接: the object, a few characters on (not 已发货，请查收短信).
        if (q - end <= 4) return undefined;
        break;
      case Mark.Condition:
        if (direct) return undefined;
        break;
      case Mark.Neutral:
        if (direct) return undefined;
        break;
      default:
        break;
    }
    q += length;
  }
  const clauseTo = clauseEnd(skeleton, end, QUESTION_WINDOW);
  if (endsWithQuestionMark(skeleton, clauseTo)) return undefined;

  const completed = nearest === Mark.DoneAdverb || nearest === Mark.Past || done;
  if (kind === CueKind.Verb && !completed) return undefined;
  return { start: spanStart, end, marked, fixable: marked || nearest === undefined };
}

// English: the skeleton keeps words (lower case, apostrophes dropped) with word breaks between them.

const enum En {
  Perfect,
  PastAux,
  Be,
  Modal,
  Negation,
  Adverb,
}

/** The English grammar words (rules/lint/words.json, `shipping-wording.en`): lower-cased words. */
interface EnglishWords {
  readonly chain: ReadonlyMap<string, En>;
  readonly condition: ReadonlySet<string>;
  readonly relative: ReadonlySet<string>;
  readonly questionStart: ReadonlySet<string>;
  readonly determiner: ReadonlySet<string>;
  readonly generic: ReadonlySet<string>;
  readonly genericKeep: ReadonlySet<string>;
  readonly policyNext: ReadonlySet<string>;
  readonly notParcel: ReadonlySet<string>;
  readonly objectStop: ReadonlySet<string>;
  readonly objectNext: ReadonlySet<string>;
}

let englishWords: EnglishWords | undefined;

function english(): EnglishWords {
  if (englishWords === undefined) {
    const words = ruleWords()['shipping-wording'].en;
    const chain = new Map<string, En>();
    for (const [mark, list] of [
      [En.Perfect, words.chain.perfect],
      [En.PastAux, words.chain.pastAux],
      [En.Be, words.chain.be],
      [En.Modal, words.chain.modal],
      [En.Negation, words.chain.negation],
      [En.Adverb, words.chain.adverb],
    ] as const)
      for (const word of list) chain.set(word, mark);
    englishWords = {
      chain,
      condition: new Set(words.condition),
      relative: new Set(words.relative),
      questionStart: new Set(words.questionStart),
      determiner: new Set(words.determiner),
      generic: new Set(words.generic),
      genericKeep: new Set(words.genericKeep),
      policyNext: new Set(words.policyNext),
      notParcel: new Set(words.notParcel),
      objectStop: new Set(words.objectStop),
      objectNext: new Set(words.objectNext),
    };
  }
  return englishWords;
}

/** Verbs that also send messages: what they send is checked. */
const EN_MESSAGE_VERB = /^(sent|posted|mailed|went|gone)/;

interface Word {
  start: number;
  end: number;
  /** Lower case, with its apostrophe when the reply has one (it's, we'll, hasn't). */
  text: string;
}

function wordAt(skeleton: Skeleton, start: number, end: number): Word {
  let text = skeleton.text.slice(start, end);
  const original = skeleton.original.slice(skeleton.starts[start]!, skeleton.ends[end - 1]!);
  if (original.includes("'") || original.includes('’'))
    text = original.normalize('NFKC').toLowerCase().replaceAll('’', "'");
  return { start, end, text };
}

/** The words of `[from, to)` of the skeleton, split at word breaks. */
function wordsIn(skeleton: Skeleton, from: number, to: number): Word[] {
  const words: Word[] = [];
  let start = from;
  for (let i = from + 1; i <= to; i++)
    if (i === to || skeleton.breaks[i]! >= Break.Word) {
      if (i > start) words.push(wordAt(skeleton, start, i));
      start = i;
    }
  return words;
}

/** What a contraction adds: it's → Be (or has), we've → Perfect, we'll → Modal, hasn't → Negation. */
function contraction(word: string): En | undefined {
  if (word.endsWith("n't")) return En.Negation;
  if (word.endsWith("'ll") || word.endsWith("'d")) return En.Modal;
  if (word.endsWith("'ve")) return En.Perfect;
  if (word.endsWith("'s") || word.endsWith("'re") || word.endsWith("'m")) return word === "let's" ? En.Modal : En.Be;
  return undefined;
}

/** An English dispatch cue `[start, end)`: the claim's span, or undefined when it claims nothing. */
export function englishClaim(skeleton: Skeleton, start: number, end: number, kind: CueKind): ClaimSpan | undefined {
  const from = clauseStart(skeleton, start, EN_LEFT_WINDOW);
  const to = clauseEnd(skeleton, end, EN_RIGHT_WINDOW);
  if (endsWithQuestionMark(skeleton, to)) return undefined;
  const left = wordsIn(skeleton, from, start);
  const right = wordsIn(skeleton, end, to);
  const cue = skeleton.text.slice(start, end);
  // A cue with a gap (the courier … collected it) may hold a modal or a negation itself.
  for (const word of wordsIn(skeleton, start, end)) {
    const mark = english().chain.get(word.text) ?? contraction(word.text);
    if (mark === En.Negation || (mark === En.Modal && word.text !== 'to')) return undefined;
  }

  // The auxiliary chain right before the cue: has already been, will be, is now, hasn't.
  const marks: En[] = [];
  let spanStart = start;
  let i = left.length - 1;
  let subject: Word | undefined;
  for (; i >= 0; i--) {
    const word = left[i]!;
    const chain = english().chain.get(word.text);
    if (chain !== undefined) {
      if (chain !== En.Adverb) marks.push(chain);
      spanStart = word.start;
      continue;
    }
    // it's, we've, they'll, hasn't: an auxiliary inside the word (and, but for n't, the subject).
    const inside = contraction(word.text);
    if (inside !== undefined) {
      marks.push(inside);
      subject = word;
    }
    break;
  }
  const before = subject === undefined ? left[i] : subject;
  if (marks.includes(En.Negation) || marks.includes(En.Modal)) return undefined;
  if (before !== undefined && subject === undefined && english().relative.has(before.text)) return undefined;
  for (const word of left) if (english().condition.has(word.text)) return undefined;
  // Has your order shipped / Is it on its way: an auxiliary first, then the subject.
  const first = left[0];
  if (first !== undefined && first.start < spanStart && first !== subject && english().questionStart.has(first.text))
    return undefined;
  for (let k = Math.max(0, i - 3); k <= i; k++) if (left[k] && english().notParcel.has(left[k]!.text)) return undefined;
  const next = right[0]?.text;
  if (next === 'yet') return undefined;
  if (EN_MESSAGE_VERB.test(cue))
    for (const word of right) {
      if (english().objectStop.has(word.text)) break;
      if (english().notParcel.has(word.text)) return undefined;
    }

  const hasBe = marks.includes(En.Be);
  const past = marks.includes(En.Perfect) || marks.includes(En.PastAux);
  if (kind === CueKind.StateWithBe && !hasBe && !past) return undefined;
  if (kind === CueKind.Verb) {
    if (!past) {
      // A present passive or a bare participle: a policy (is shipped within 24 hours), a noun
      // phrase (shipped orders), the customer (you posted it) or a bare past tense (it shipped).
      if (next !== undefined && (english().policyNext.has(next) || english().generic.has(next))) return undefined;
      if (!hasBe) {
        if (before !== undefined && subject === undefined && english().determiner.has(before.text)) return undefined;
        if (before !== undefined && subject === undefined && english().generic.has(before.text)) {
          const determiner = left[i - 1]?.text;
          if (determiner === undefined || !english().genericKeep.has(determiner)) return undefined;
        }
      }
    }
  }
  return {
    start: spanStart,
    end,
    marked: past,
    fixable: next === undefined || !english().objectNext.has(next),
  };
}

/**
 * Of overlapping cues (发出去 and 发出; 已 经 发 and 发出 in letter-spaced text) the one reaching
 * furthest is read: the structure check finds the adverbs before it itself.
 */
export function readableCues(sorted: readonly PhraseMatch[]): PhraseMatch[] {
  const chosen: PhraseMatch[] = [];
  for (const cue of sorted) {
    const last = chosen[chosen.length - 1];
    if (last !== undefined && cue.start < last.end) {
      if (cue.end > last.end) chosen[chosen.length - 1] = cue;
      continue;
    }
    chosen.push(cue);
  }
  return chosen;
}

/**
 * The same claim is in each locale's data (已发货 / 已發貨 fold to one skeleton); keep, per span, the
 * entry of the reply's locale so the fix is written in the reply's script.
 */
export function preferLocale(claims: readonly PhraseMatch[], locale: string): PhraseMatch[] {
  const bySpan = new Map<string, PhraseMatch>();
  for (const claim of claims) {
    const key = `${claim.start}:${claim.end}`;
    const current = bySpan.get(key);
    if (current === undefined || (claim.entry.locale === locale && current.entry.locale !== locale))
      bySpan.set(key, claim);
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The shipping claims a reply makes: of its claim cues (phrase matches of role `claim`), the
 * readable ones whose clause makes them a claim, each with its span. One reading for the rules
 * that judge claims (shipping-wording against the facts, unverified-shipping-claim without them).
 */
export function readClaims(
  skeleton: Skeleton,
  cues: readonly PhraseMatch[],
  locale: string,
): Array<{ cue: PhraseMatch; claim: ClaimSpan }> {
  const claims: Array<{ cue: PhraseMatch; claim: ClaimSpan }> = [];
  for (const cue of readableCues(preferLocale(cues, locale))) {
    const kind = cueKind(cue.entry.id);
    const claim = isWordCode(skeleton.text.charCodeAt(cue.start))
      ? englishClaim(skeleton, cue.start, cue.end, kind)
      : chineseClaim(skeleton, cue.start, cue.end, kind);
    if (claim !== undefined) claims.push({ cue, claim });
  }
  return claims;
}
