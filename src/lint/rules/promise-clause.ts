/**
 * Whether a certainty marker found by the phrase automaton (保证, 一定, 肯定, 百分百, guarantee,
 * definitely, I promise, for sure…) promises an OUTCOME the agent cannot control, read from the
 * clause around it:
 *
 * - its scope (the rest of its clause, or the next clause when the marker stands alone: 我保证，…)
 *   reaches an outcome predicate — arrival (到, 送达, 收到, arrive, be there, be delivered), a result
 *   (没问题, 能用, 不会坏, 能退, 退款成功, work, be approved), a limit (不会超过, won't be late), or a
 *   dispatch with a date (保证今天发货) — before any action of the agent's own (帮您, 跟进, 处理,
 *   尽快, 尽力, look into, follow up, do our best, keep you posted) and before any hedge (预计, 应该,
 *   should, expected);
 * - and it is not negated (不能保证, 不一定, can't guarantee, not 100% sure), not a question (…吗？,
 *   will it definitely…?), not advice (一定要记得签收), not inside a quotation (您说的“保证明天到”),
 *   and not a noun of the product (a two-year guarantee; 保证金 and 100%纯棉 are excluded by the data).
 *
 * With `deliveryUncertain` an arrival predicate is read alone too: a firm statement of a delivery
 * date (明天就能到, it will arrive tomorrow) — a time, no hedge, no negation, no question, no
 * condition, not past — is a promise. The grammar is a small set of function words per language:
 * the phrase data holds the markers and arrival cues, this file how they combine. It runs only on
 * the cues found: a reply without one costs nothing here.
 */
import { clauseBreak, clauseEnd, clauseStart, gapAfterHas, insideQuote, isQuestionMark } from '../clause.js';
import { ruleWords } from '../built-in-data.js';
import { wordStartingAt, wordTable, type WordTable } from '../word-table.js';
import { Break, type Skeleton } from '../skeleton.js';

/** A promise's span in the skeleton: from the marker to the end of the outcome it reaches. */
export interface PromiseSpan {
  readonly start: number;
  readonly end: number;
}

const enum Word {
  Outcome,
  /** An outcome only after a time word (保证今天发货); the agent's own action otherwise (一定给您发货). */
  Dispatch,
  Effort,
  Hedge,
  /** Consumed without a decision: 到底, 到时候, 一定的. */
  Neutral,
  Time,
}

/**
 * The Chinese grammar words (rules/lint/words.json, `no-overpromise.zh`), in skeleton form:
 * simplified, 您 → 你, particles and punctuation gone. Built on the first Chinese marker read.
 */
interface ChineseWords {
  readonly table: WordTable<Word>;
  readonly negation: readonly string[];
  readonly negationNeutral: readonly string[];
  readonly question: readonly string[];
  readonly request: readonly string[];
  readonly requestNeutral: readonly string[];
  readonly pastBefore: readonly string[];
  readonly conditionBefore: readonly string[];
  readonly resultOpening: readonly string[];
  readonly notResult: readonly string[];
  readonly resultComplement: readonly string[];
  readonly resultAdverb: readonly string[];
  readonly thirdParty: readonly string[];
}

let chineseWords: ChineseWords | undefined;

function zh(): ChineseWords {
  if (chineseWords === undefined) {
    const words = ruleWords()['no-overpromise'].zh;
    chineseWords = {
      ...words,
      table: wordTable<Word>([
        [Word.Outcome, words.outcome],
        [Word.Dispatch, words.dispatch],
        [Word.Effort, words.effort],
        [Word.Hedge, words.hedge],
        [Word.Neutral, words.neutral],
        [Word.Time, words.time],
      ]),
    };
  }
  return chineseWords;
}

const LEFT_WINDOW = 8;
const RIGHT_WINDOW = 16;

function sentenceEnd(skeleton: Skeleton, at: number, window: number): number {
  const limit = Math.min(skeleton.text.length, at + window);
  let i = at;
  while (i < limit && skeleton.breaks[i] !== Break.Sentence) i++;
  return i;
}

/** How a scope was read when no outcome word decided it. */
const enum Scope {
  /** The agent's own action, a hedge, or a dispatch with no time: not a promise. */
  Blocked = -1,
  /** No listed word: its shape decides (openOutcome). */
  Undecided = -2,
  /** No listed word, but a time was said before the marker or opens the scope: a dated result (明天上门). */
  UndecidedAfterTime = -3,
}

/**
 * The first outcome in `[from, to)` before any action or hedge: its end (≥ 0), or how the scope
 * stays undecided. A time makes it a dated result when it was said before the marker or opens the
 * scope (保证明天上门), not one further on (一定周期内: "a certain period").
 */
function outcomeEnd(text: string, from: number, to: number, sawTime: boolean): number {
  const { table } = zh();
  let time = sawTime;
  let dated = sawTime;
  for (let i = from; i < to; ) {
    const hit = wordStartingAt(text, i, to, table);
    if (hit === undefined) {
      i++;
      continue;
    }
    const [word, length] = hit;
    switch (word) {
      case Word.Outcome:
        return i + length;
      case Word.Dispatch:
        if (time) return i + length;
        return Scope.Blocked;
      case Word.Effort:
      case Word.Hedge:
        return Scope.Blocked;
      case Word.Time:
        time = true;
        if (i === from) dated = true;
        break;
      case Word.Neutral:
        break;
    }
    i += length;
  }
  return dated ? Scope.UndecidedAfterTime : Scope.Undecided;
}

/** Characters that say nothing after a result opening (肯定会的, 一定能了). */
const EMPTY_REST = /^[的了]*$/;

/**
 * A scope no listed word decided, read by its shape: it promises a result when it opens with a
 * result form (会配合, 能止住, 不缩水, 没有副作用), maybe after an adverb (一点都不缩水, 永远不会坏),
 * holds a result complement (赶得上) or follows a
 * time (明天一定上门); not when it opens as a fact, a judgement or a refusal (是正品, 很着急,
 * 不行) or says nothing after its opening (肯定会的). Returns the promise's end, or undefined.
 */
function openOutcome(text: string, from: number, to: number, afterTime: boolean): number | undefined {
  const { resultOpening, notResult, resultComplement, resultAdverb } = zh();
  let scope = text.slice(from, to);
  if (EMPTY_REST.test(scope) || notResult.some((w) => scope.startsWith(w))) return undefined;
  if (afterTime || resultComplement.some((w) => scope.includes(w))) return to;
  // 一点都不缩水, 永远不会坏: an adverb before the result opening.
  let adverb = 0;
  for (const w of resultAdverb) if (w.length > adverb && scope.startsWith(w)) adverb = w.length;
  scope = scope.slice(adverb);
  if (adverb > 0 && notResult.some((w) => scope.startsWith(w))) return undefined;
  let opening = 0;
  for (const w of resultOpening) if (w.length > opening && scope.startsWith(w)) opening = w.length;
  return opening > 0 && !EMPTY_REST.test(scope.slice(opening)) ? to : undefined;
}

/** The scope's promise end: a listed outcome, else its shape. */
function promiseEnd(text: string, from: number, to: number, sawTime: boolean): number | undefined {
  const end = outcomeEnd(text, from, to, sawTime);
  if (end >= 0) return end;
  if (end === Scope.Blocked) return undefined;
  return openOutcome(text, from, to, end === Scope.UndecidedAfterTime);
}

function negatedBefore(text: string, from: number, at: number): boolean {
  const left = text.slice(from, at);
  const { negation, negationNeutral } = zh();
  let cleaned = left;
  for (const n of negationNeutral) cleaned = cleaned.replaceAll(n, '');
  return negation.some((n) => cleaned.includes(n));
}

const REQUEST_WINDOW = 16;

function requestBefore(text: string, from: number, at: number): boolean {
  const { request, requestNeutral } = zh();
  let left = text.slice(from, at);
  for (const n of requestNeutral) left = left.replaceAll(n, '');
  return request.some((r) => left.includes(r));
}

/** Opens a question of its own (请问还有什么可以帮你的吗): a question after it is not about the promise. */
const NEW_QUESTION = '请问';

function questionAfter(skeleton: Skeleton, at: number): boolean {
  const end = sentenceEnd(skeleton, at, 40);
  const opened = skeleton.text.indexOf(NEW_QUESTION, at);
  if (opened >= 0 && opened < end) return false;
  const rest = skeleton.text.slice(at, end);
  if (zh().question.some((q) => rest.includes(q))) return true;
  return gapAfterHas(skeleton, end, isQuestionMark);
}

/**
 * A duration opening the scope, maybe after a verb of use (保证三天见效, 包你一个月瘦十斤, 保证用一年都不发黄):
 * like a date, it makes the scope a dated result.
 */
const DURATION_OPENING =
  /^(?:用|穿|戴|吃|喝|坚持|连用|连续)?(?:[0-9]+|[一二两三四五六七八九十百几半]+)个?(?:天|周|星期|礼拜|月|年|小时|分钟|次)/;

/** Whether the clause before a marker ends with someone else than the shop (海关一定, 快递员这次一定). */
function thirdPartyBefore(text: string, from: number, at: number): boolean {
  const left = text.slice(from, at).replace(/(?:这次|也|都|会|肯定|就)+$/, '');
  return zh().thirdParty.some((w) => left.endsWith(w));
}

/** A Chinese certainty marker `[start, end)`: the promise's span, or undefined when it promises no outcome. */
export function chinesePromise(skeleton: Skeleton, start: number, end: number): PromiseSpan | undefined {
  const text = skeleton.text;
  const left = clauseStart(skeleton, start, LEFT_WINDOW);
  if (negatedBefore(text, left, start)) return undefined;
  if (questionAfter(skeleton, end)) return undefined;
  if (insideQuote(skeleton.original, skeleton.starts[start]!)) return undefined;
  if (requestBefore(text, clauseStart(skeleton, start, REQUEST_WINDOW), start)) return undefined;
  // A time already said in the clause (明天一定发货): a dispatch after the marker is a date promise.
  const { table } = zh();
  let sawTime = false;
  for (let i = left; i < start; i++) {
    const hit = wordStartingAt(text, i, start, table);
    if (hit?.[0] === Word.Time) sawTime = true;
  }
  // A duration opening the scope, or a third party's action: dated like a time before the marker.
  if (DURATION_OPENING.test(text.slice(end, end + 8)) || thirdPartyBefore(text, left, start)) sawTime = true;
  let to = clauseEnd(skeleton, end, RIGHT_WINDOW);
  if (to === end && to < text.length && skeleton.breaks[to] !== Break.Sentence) {
    // 我保证，明天一定到: the marker stands alone, its scope is the next clause.
    to = clauseEnd(skeleton, end + 1, RIGHT_WINDOW);
    const outcome = promiseEnd(text, end, to, sawTime);
    return outcome === undefined ? undefined : { start, end: outcome };
  }
  const outcome = promiseEnd(text, end, to, sawTime);
  return outcome === undefined ? undefined : { start, end: outcome };
}

/** A complete promise phrase (打包票, 万无一失): reported unless negated, asked or quoted. */
export function chineseFixedPromise(skeleton: Skeleton, start: number, end: number): PromiseSpan | undefined {
  const left = clauseStart(skeleton, start, LEFT_WINDOW);
  if (negatedBefore(skeleton.text, left, start)) return undefined;
  if (questionAfter(skeleton, end)) return undefined;
  if (insideQuote(skeleton.original, skeleton.starts[start]!)) return undefined;
  return { start, end };
}

/**
 * An arrival predicate `[start, end)` read under uncertain delivery: a firm statement of a
 * delivery time (明天就能到, 周五前会送达) is a promise; hedged, negated, asked, conditional or past
 * ones (预计明天到, 不一定能到, 明天能到吗, 收到后, 已经到了) are not.
 */
export function chineseFirmArrival(skeleton: Skeleton, start: number, end: number): PromiseSpan | undefined {
  const text = skeleton.text;
  const next = end < text.length && !clauseBreak(skeleton, end) ? text.charAt(end) : '';
  // 收到后, 到过, 到时候, 到底, 到付: not a future arrival (到了 after a future time is: 明天就到了).
  if ('后过时底付'.includes(next) && next !== '') return undefined;
  // A final 到 ends its word (到了, 送到你手上): 到账, 到站, 送到海关 are other words, and 到 before a
  // number or a bracket is "to" (3点到5点, 邮寄到【地址】).
  if (text.charAt(end - 1) === '到') {
    if (next !== '' && !'了的你手家'.includes(next)) return undefined;
    if (RANGE_AFTER.test(skeleton.original.slice(skeleton.ends[end - 1]!, skeleton.ends[end - 1]! + 2)))
      return undefined;
  }
  // Hedges, negation, a past or a condition anywhere before it in the sentence (预计 5 号送达).
  const left = sentenceStart(skeleton, start, FIRM_WINDOW);
  const before = text.slice(left, start);
  if (negatedBefore(text, left, start)) return undefined;
  const { pastBefore, conditionBefore, question, table } = zh();
  if (pastBefore.some((w) => before.includes(w))) return undefined;
  if (conditionBefore.some((w) => before.includes(w))) return undefined;
  if (question.some((q) => before.includes(q)) || questionAfter(skeleton, end)) return undefined;
  if (insideQuote(skeleton.original, skeleton.starts[start]!)) return undefined;
  // A time in the arrival's own clause (明天就能到), not one that belongs to an action (明天帮你催).
  // An effort earlier in the clause governs the arrival too: 会尽力在双十一前送到 is an effort.
  let time = -1;
  for (let i = clauseStart(skeleton, start, LEFT_WINDOW + 6); i < start; ) {
    const hit = wordStartingAt(text, i, start, table);
    if (hit === undefined) {
      i++;
      continue;
    }
    if (hit[0] === Word.Effort && time < 0) return undefined;
    if (hit[0] === Word.Hedge || hit[0] === Word.Effort) time = -1;
    else if (hit[0] === Word.Time && time < 0 && timeWord(skeleton, i, hit[1])) time = i;
    i += hit[1];
  }
  if (time < 0) return undefined;
  for (let i = left; i < start; ) {
    const hit = wordStartingAt(text, i, start, table);
    if (hit === undefined) {
      i++;
      continue;
    }
    if (hit[0] === Word.Hedge) return undefined;
    i += hit[1];
  }
  return { start: time, end };
}

/** After a 到: a number or an opening bracket makes it "to" (a range, a destination). */
const RANGE_AFTER = /^[\s]?[0-9０-９一二三四五六七八九十两几[【（(“「]/u;

/** 号 is a date only after a number (5号, 五号, [数字]号), not in 单号 or 账号. */
function timeWord(skeleton: Skeleton, i: number, length: number): boolean {
  if (length !== 1 || skeleton.text.charAt(i) !== '号') return true;
  const before = skeleton.original.charAt(skeleton.starts[i]! - 1);
  return /[0-9０-９一二三四五六七八九十\]】]/u.test(before);
}

/** How far back a firm arrival's sentence is read. */
const FIRM_WINDOW = 20;

function sentenceStart(skeleton: Skeleton, at: number, window: number): number {
  const limit = Math.max(0, at - window);
  let i = at;
  while (i > limit && skeleton.breaks[i] !== Break.Sentence) i--;
  return i;
}

// ——— English: read on the original sentence, lower-cased ———

const EN_OUTCOME =
  /\b(?:arriv(?:e|es|ing)|be there|get there|be (?:delivered|shipped|sent|dispatched|approved|processed|refunded|resolved|fixed|replaced|credited|back)|delivered|deliver(?:y|ies|ed)?|reach(?:es)? (?:you|your|before|by|in time|on time)|get (?:to you|it|them|your)|have (?:it|them|your)|receive|be (?:at|in|with|on) (?:your|you)|in your (?:account|hands)|on time|at the latest|land(?:s)?|turn up|show up|make it|go through|be (?:here|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|be late|late|delay(?:ed)?|(?:next|same)-day|work(?:s)? with your|work(?:s)?(?! on| with)|fit(?:s)?|be fine|break|last|ship(?:s|ped)?|go wrong|be a problem|be any (?:problem|issue)s?|love it|be happy|be satisfied|take (?:more|longer) than|(?:100% |totally |completely |perfectly )?(?:safe (?:for|to (?:use|eat|take|wear|drink))|compatible)|clear(?:s)? (?:up|your|it|them|the)|cure(?:s|d)?|heal(?:s|ed)?|whiter|lose weight|fall asleep)\b/g;
const EN_EFFORT =
  /\b(?:look(?:ing)? into|follow(?:ing)? up|do (?:our|my|everything|all|what)|doing (?:our|my|everything)|keep (?:you|an eye)|check|get back|chase|escalate|push|contact|reach out|call|email|update|help|handle|try|investigate|sort|ask|find out|monitor|prioriti[sz]e|pass|raise|work on|make (?:sure|every)|be in touch|let you know|take care|send you|process (?:your|it|the)|stay on|look after|fight)\b/g;
const EN_HEDGE =
  /\b(?:should|may|might|could|expected|expect|likely|probably|hopefully|hope|usually|normally|typically|estimated|aim|around|about|approximately|unless|if)\b/g;
const EN_NEG_LEFT =
  /(?:\bnot|\bnever|\bno|n't|\bcannot|\bunable to|\bimpossible to|\bhard to|\bnobody|\bno one)(?:\s+[\w'%]+){0,3}\s*$/;
/** A guarantee that is a product's (a two-year guarantee, our price-match guarantee). */
const EN_NOUN_LEFT =
  /\b(?:a|an|the|our|your|this|its|year|years|month|months|day|match|satisfaction|money-back|back|quality|lifetime|written|service|price)\s*$/;
const EN_ARRIVAL_MODAL = /\b(?:will|'ll|is going to|are going to|shall|gonna)\s+(?:\w+\s+){0,2}$/;
const EN_TIME =
  /\b(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|by the|this week|next week|within|on the \d|by \d|end of|in \d+ (?:days?|hours?)|\d+(?:st|nd|rd|th))\b/;
const EN_CONDITION = /\b(?:if|once|when|after|as soon as|until|unless)\b/;
/**
 * A result form no outcome word names: a future predicate ("will fix", "won't have any more
 * problems", "will be waived", "is going up"), or "to" / "not to" after a marker ("guaranteed to
 * clear it", "guaranteed not to itch").
 */
const EN_RESULT_FORM =
  /\b(?:will|'ll|won't|wont|shall|gonna)\s+(?:\w+\s+)?[a-z]\w*|\b(?:is|are) going (?:to|up|down)\b|^\s*(?:not )?to\s+\w+/;
/** A time opening the marker's scope: the promise is of that time ("guaranteed by Friday"). */
const EN_TIME_FIRST =
  /^\s*(?:by |before |on )?(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this week|next week|the weekend|end of)\b/;
/**
 * What may stand between a clause break and a trailing marker for the marker to read the clause
 * before it: nothing, or a subject and modal ("…, I'm 100% sure", "…, we can guarantee that").
 */
const EN_MARKER_FILLER = /^\s*(?:(?:i|we|i'm|we're|i am|we are|i can|we can|and|that's|that is)\s+)*$/;
/** The words right before a marker are a modal: the marker stands inside the predicate ("will 100% fix"). */
const EN_MODAL_BEFORE = /\b(?:will|'ll|won't|wont|shall|gonna)\s*$/;

function firstIndex(re: RegExp, s: string): number {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m === null ? -1 : m.index;
}

function lastMatchEnd(re: RegExp, s: string): number {
  return lastMatch(re, s)[1];
}

/** The last match of `re` in `s`: [start, end], or [-1, -1]. */
function lastMatch(re: RegExp, s: string): [number, number] {
  re.lastIndex = 0;
  let found: [number, number] = [-1, -1];
  for (let m = re.exec(s); m !== null; m = re.exec(s)) found = [m.index, m.index + m[0].length];
  return found;
}

/** The original sentence around `[from, to)`: its bounds. */
function sentenceAround(original: string, from: number, to: number): [number, number] {
  let s = from;
  const sLimit = Math.max(0, from - 200);
  while (s > sLimit && !/[.!?;\n。！？]/.test(original.charAt(s - 1))) s--;
  let e = to;
  const eLimit = Math.min(original.length, to + 200);
  while (e < eLimit && !/[!?;\n。！？]/.test(original.charAt(e)) && !/^\.(?:\s|$)/.test(original.slice(e, e + 2))) e++;
  return [s, e];
}

/** The clause break (comma, but, and then…) positions: scope stops there. */
const EN_CLAUSE = /[,:—–(]|\bbut\b|\bso\b|\bthough\b|\balthough\b/g;

/**
 * An English certainty marker at ORIGINAL offsets `[from, to)`: the promise's original span, or
 * undefined. Reads the sentence lower-cased: negation just before, a question mark at the end, a
 * quotation, a product guarantee; then the marker's scope to the right (the next clause when it
 * stands alone: "Definitely, it'll…"), else to the left ("…by Friday for sure", "is guaranteed").
 */
export function englishPromise(original: string, from: number, to: number): PromiseSpan | undefined {
  const [s, e] = sentenceAround(original, from, to);
  const sentence = original.slice(s, e).toLowerCase().replaceAll('’', "'");
  const m0 = from - s;
  const m1 = to - s;
  const marker = sentence.slice(m0, m1);
  const tail = original.slice(e, Math.min(original.length, e + 3));
  if (tail.includes('?') || /\?\s*$/.test(sentence)) return undefined;
  if (insideQuote(original, from)) return undefined;
  const before = sentence.slice(0, m0);
  if (EN_NEG_LEFT.test(before)) return undefined;
  if (/^guarantee/.test(marker) && EN_NOUN_LEFT.test(before) && !/^\s*(?:to|that|it|you|delivery|arrival)\b/.test(sentence.slice(m1)))
    return undefined;
  // "no way to …" is a negation, not a marker.
  if (marker.startsWith('no way') && /^\s+to\b/.test(sentence.slice(m1))) return undefined;
  // Right scope: to the next clause break; then the next clause when only filler stood before it
  // ("Definitely, it'll arrive…", "I guarantee it, …").
  EN_CLAUSE.lastIndex = m1;
  const brk = EN_CLAUSE.exec(sentence);
  const ownEnd = brk === null ? sentence.length : brk.index;
  const scopes: Array<[number, number]> = [[m1, ownEnd]];
  const own = sentence.slice(m1, ownEnd);
  if (brk !== null && /^[\s\w']{0,12}$/.test(own) && !/\w{4,}/.test(own)) {
    const nextFrom = brk.index + brk[0].length;
    EN_CLAUSE.lastIndex = nextFrom;
    const next = EN_CLAUSE.exec(sentence);
    scopes.push([nextFrom, next === null ? sentence.length : next.index]);
  }
  for (const [rightFrom, rightTo] of scopes) {
    const right = sentence.slice(rightFrom, rightTo);
    const o = firstIndex(EN_OUTCOME, right);
    const ef = firstIndex(EN_EFFORT, right);
    const h = firstIndex(EN_HEDGE, right);
    if (o >= 0 && (ef < 0 || o < ef) && (h < 0 || o < h)) {
      EN_OUTCOME.lastIndex = 0;
      const m = EN_OUTCOME.exec(right)!;
      return { start: from, end: s + rightFrom + m.index + m[0].length };
    }
    if (ef >= 0 || h >= 0 || o >= 0) return undefined;
    // No listed word: a future predicate around the marker is a promised result, and so is a time
    // right after it ("Guaranteed by Friday!", "definitely tomorrow"), as 保证明天 is.
    if (
      /\w/.test(right) &&
      (EN_MODAL_BEFORE.test(before) || EN_RESULT_FORM.test(right) || EN_TIME_FIRST.test(right))
    )
      return { start: from, end: s + rightTo - (right.length - right.trimEnd().length) };
  }
  // Left scope: "you will get it by Friday for sure", "delivery by Friday is guaranteed".
  // Clause breaks before the marker; when nothing stands between the last one and the marker
  // ("…by Friday, guaranteed"), the marker reads the clause before it.
  const breaks: Array<[number, number]> = [];
  for (EN_CLAUSE.lastIndex = 0; ; ) {
    const b = EN_CLAUSE.exec(sentence);
    if (b === null || b.index >= m0) break;
    breaks.push([b.index, b.index + b[0].length]);
  }
  let leftFrom = breaks.length === 0 ? 0 : breaks[breaks.length - 1]![1];
  let leftTo = m0;
  if (breaks.length > 0 && EN_MARKER_FILLER.test(sentence.slice(leftFrom, m0))) {
    leftTo = breaks[breaks.length - 1]![0];
    leftFrom = breaks.length > 1 ? breaks[breaks.length - 2]![1] : 0;
  }
  const left = sentence.slice(leftFrom, leftTo);
  let [loStart, lo] = lastMatch(EN_OUTCOME, left);
  if (lo < 0) {
    // "This cream will clear your acne, guaranteed": a future predicate before it.
    const form = EN_RESULT_FORM.exec(left);
    if (form === null || firstIndex(EN_EFFORT, left) >= 0) return undefined;
    [loStart, lo] = [form.index, form.index + form[0].length];
  }
  // A negation inside the predicate is its result ("the colour will never fade, guaranteed"); one
  // before it takes the promise back ("not sure it will arrive…").
  if (lastMatchEnd(EN_EFFORT, left) > lo || firstIndex(EN_HEDGE, left) >= 0 || EN_NEG_LEFT.test(left.slice(0, loStart)))
    return undefined;
  if (EN_CONDITION.test(left)) return undefined;
  return { start: s + leftFrom + loStart, end: to };
}

/**
 * An English arrival predicate at ORIGINAL offsets `[from, to)`, under uncertain delivery: a
 * firm "it will arrive tomorrow" is a promise; should / expected / may, a negation, a question,
 * a condition (if, once, when) or no time at all is not.
 */
export function englishFirmArrival(original: string, from: number, to: number): PromiseSpan | undefined {
  const [s, e] = sentenceAround(original, from, to);
  const sentence = original.slice(s, e).toLowerCase().replaceAll('’', "'");
  const m0 = from - s;
  if (original.slice(e, e + 2).includes('?')) return undefined;
  if (insideQuote(original, from)) return undefined;
  const before = sentence.slice(0, m0);
  if (!EN_ARRIVAL_MODAL.test(before) && !/^arrives\b/.test(sentence.slice(m0))) return undefined;
  if (firstIndex(EN_HEDGE, sentence) >= 0) return undefined;
  if (EN_CONDITION.test(before)) return undefined;
  if (/(?:\bnot|n't|\bnever|\bcannot|\bunable|\bimpossible|\bno)\b/.test(before)) return undefined;
  if (!EN_TIME.test(sentence.slice(m0))) return undefined;
  return { start: from, end: to };
}

/** A complete English promise phrase (without fail, nothing can go wrong): unless negated, asked or quoted. */
export function englishFixedPromise(original: string, from: number, to: number): PromiseSpan | undefined {
  const [s, e] = sentenceAround(original, from, to);
  const sentence = original.slice(s, e).toLowerCase().replaceAll('’', "'");
  if (original.slice(e, e + 2).includes('?')) return undefined;
  if (insideQuote(original, from)) return undefined;
  if (EN_NEG_LEFT.test(sentence.slice(0, from - s))) return undefined;
  return { start: from, end: to };
}

