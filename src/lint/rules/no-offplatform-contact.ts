import type { Range } from '../../analysis/types.js';
import type { RuleWords } from '../data-schema.js';
import { ruleWords } from '../built-in-data.js';
import { ruleDocsUrl } from '../docs.js';
import type { PhraseMatch, PhraseSet } from '../phrase-set.js';
import { builtInRulePhrases } from '../phrase-sources.js';
import { defineBuiltInRule, MAX_FINDINGS_PER_RULE } from '../rule.js';
import { mayHoldEmail, startsWithEmail, startsWithSpokenNumber } from '../pii.js';
import { Break, isWordCode, type Skeleton } from '../skeleton.js';
import { isDigitCode } from '../../text/char-class.js';

function alternatives(words: readonly string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
}

/** What may stand after a channel name before an account (rules/lint/words.json), compiled once. */
interface AccountReader {
  /** A label, link or separator, then an account id or a phone-like number. */
  readonly id: RegExp;
  /** The label, link or separator alone (possibly empty), before an e-mail address. */
  readonly lead: RegExp;
}

/**
 * After a channel name: a label, link or separator (rules/lint/words.json), then an account id —
 * `QQ: 12345678`, `vx号 abc_123`, `微信是abc123`, `WhatsApp is +4479…` — or an e-mail address
 * (`邮箱是 li.kefu@163.com`, found as no-pii-leak finds it). A bare name and a number (line 12345)
 * is not enough.
 */
function accountAfterChannel(words: RuleWords['no-offplatform-contact']): AccountReader {
  const labels = alternatives(words.accountLabels);
  const links = alternatives(words.accountLinks);
  const separators = alternatives(words.accountSeparators);
  const prefix = `(?:(?:${labels}) ?(?:${links}|${separators})?|${links}|${separators})`;
  // After a label or separator: an @handle, or an id with a digit or an underscore in it (a plain
  // word is not an id: pay at checkout); or a phone-like run of digits, with or without one.
  const id = '(?:@[a-z0-9_.-]{3,}|(?=[a-z0-9_-]*[0-9_])[a-z0-9][a-z0-9_-]{4,})';
  return {
    id: new RegExp(`^ ?(?:${prefix} ?${id}|${prefix}? ?\\+?[0-9][0-9 -]{5,}[0-9])`),
    lead: new RegExp(`^ ?(?:${prefix})? ?`),
  };
}

/** The rule's on-demand cues (NEAR_ROLES in its data), compiled once: they are not in the linter's automaton. */
function nearCues(): PhraseSet {
  return builtInRulePhrases('no-offplatform-contact', true);
}

/** The roles whose match may be reported; the others are frames and scopes read around them. */
const REPORTED = new Set(['contact', 'channel', 'payment', 'phone', 'handle']);

/** A frame binds a channel when the text between costs at most this: a Latin letter 1, anything else 2.5. */
const FRAME_BUDGET = 20;
/**
 * A cheap look before a phone word for a possible owner (我的, 本人, 私人, 个人, my, personal,
 * private), so the cues are matched only then; the owner itself is read from the cues.
 */
const OWNER_HINT = /我|人|my|personal|private/;

/** The agent's own (我的, my) stands right before the channel: at most this many skeleton characters between. */
const OWNER_GAP = 2;
/** How far (skeleton characters) a negation or warning is looked for; its scope is checked inside. */
const NEGATION_REACH = 40;
/** How far (skeleton characters, same sentence) an off-the-checkout marker binds a channel. */
const OFF_REACH = 40;
const WARNING_REACH = 80;

/** A reply's matches by role, sorted by start (the runner sorts them before the listeners run). */
interface ReplyCues {
  skeleton: Skeleton;
  invite: PhraseMatch[];
  pay: PhraseMatch[];
  /** Off the checkout (私下, 不用拍, skip the checkout): binds anywhere in its sentence. */
  off: PhraseMatch[];
  self: PhraseMatch[];
  personal: PhraseMatch[];
  other: PhraseMatch[];
  negation: PhraseMatch[];
  warning: PhraseMatch[];
  /** Spans already reported in this reply (skeleton offsets), so one invitation is one finding. */
  reported: Array<[number, number]>;
  /** Reportable matches inside a longer one (v in vx, 手机 in 手机号): the longer one is judged. */
  inner: Set<PhraseMatch>;
}

/**
 * Steering the customer off the platform — to WeChat, QQ, LINE, WhatsApp, or a private payment —
 * which the platforms forbid. Decided by structure, not by sentence lists:
 *
 * - a channel (a small lexicon of names and obfuscations: 微信, vx, 卫星, 扣扣, 賴, WhatsApp…) or a
 *   payment channel (支付宝, 转账, 匯款, Venmo, PayPal F&F…),
 * - inside an invitation frame in the same clause: a directive or offer aimed at the customer
 *   (加…, …联系我, …私訊我, add / message / DM … on), money aimed at the agent or off the checkout
 *   (…转我, 私下, 不用拍, pay me, skip the checkout), the agent's own account (我的…, my …), the
 *   channel as a verb (V我, WhatsApp me) or an account id after it (QQ: 12345678),
 * - and outside a warning or refusal: a negation (不会, 请勿, never, don't) before it in its clause,
 *   or a warning word (谨防, 冒充, 诈骗, beware, scam, not us) anywhere in its sentence.
 *
 * A complete invitation in the data (私下转账, 不走平台, add me on) is reported outside a warning.
 * The matching is the linter's one automaton pass; the structure is read only around a channel.
 */
export const noOffplatformContact = defineBuiltInRule({
  meta: {
    id: 'no-offplatform-contact',
    category: 'platform',
    docs: {
      description: 'No steering the customer off the platform (加微信, VX, QQ号, WhatsApp, 私下转账)',
      url: ruleDocsUrl('no-offplatform-contact'),
    },
    defaultSeverity: 'error',
    messages: {
      offPlatform: {
        'zh-Hans': '引导客户到平台之外联系或交易（“{{text}}”）违反平台规则：请在平台内沟通和付款。',
        'zh-Hant': '引導客戶到平臺之外聯繫或交易（“{{text}}”）違反平臺規則：請在平臺內溝通和付款。',
        en: 'Steering the customer off the platform (“{{text}}”) breaks the platform rules: keep the conversation and payment on the platform.',
      },
    },
  },
  create(context) {
    const words = ruleWords()['no-offplatform-contact'];
    const account = accountAfterChannel(words);
    const ownerPronouns = words.ownerPronouns ?? [];
    const objectPronouns = words.objectPronouns ?? [];
    const near = nearCues();
    let cues: ReplyCues | undefined;

    /**
     * The reply's cues, matched and sorted into roles once per reply, on its first reportable
     * match: the frames, scopes and owners are matched only in replies that name a channel.
     */
    const cuesFor = (skeleton: Skeleton): ReplyCues => {
      if (cues?.skeleton === skeleton) return cues;
      const next: ReplyCues = {
        skeleton,
        invite: [],
        pay: [],
        off: [],
        self: [],
        personal: [],
        other: [],
        negation: [],
        warning: [],
        reported: [],
        inner: new Set(),
      };
      // Packs may add cue entries: those come with the linter's matches.
      // By start, the longer first, a complete invitation before a channel of the same span.
      const matches = [...near.match(skeleton), ...context.matches()].sort(
        (a, b) =>
          a.start - b.start ||
          b.end - a.end ||
          Number(b.entry.role === 'contact') - Number(a.entry.role === 'contact'),
      );
      let outer: PhraseMatch | undefined;
      for (const m of matches) {
        const role = m.entry.role;
        if (REPORTED.has(role)) {
          if (outer !== undefined && m.end <= outer.end) next.inner.add(m);
          else outer = m;
        }
        if (role === 'invite') next.invite.push(m);
        else if (role === 'pay') next.pay.push(m);
        else if (role === 'off') next.off.push(m);
        else if (role === 'self') next.self.push(m);
        else if (role === 'personal') next.personal.push(m);
        else if (role === 'other') next.other.push(m);
        else if (role === 'negation') next.negation.push(m);
        else if (role === 'warning') next.warning.push(m);
      }
      return (cues = next);
    };

    return {
      phrase(match) {
        const role = match.entry.role;
        if (!REPORTED.has(role)) return;
        const { reply } = context;
        const skeleton = reply.skeleton;
        // Phone words are common (您的手机, 客服电话): judge one only when an owner may stand before it.
        if (role === 'phone' && !OWNER_HINT.test(skeleton.text.slice(Math.max(0, match.start - 10), match.start)))
          return;
        const c = cuesFor(skeleton);
        if (c.reported.length >= MAX_FINDINGS_PER_RULE || c.inner.has(match)) return;
        const span =
          role === 'contact'
            ? ([match.start, match.end] as [number, number])
            : invitation(
                c,
                match,
                role === 'payment' ? 'payment' : role === 'phone' ? 'phone' : 'contact',
                account,
                ownerPronouns,
                objectPronouns,
              );
        if (span === undefined) return;
        if (warned(c, match.start, match.end) || negated(c, Math.min(span[0], match.start))) return;
        for (const [a, b] of c.reported) if (span[0] < b && a < span[1]) return;
        c.reported.push(span);
        const range: Range = reply.range(span[0], span[1]);
        context.report({
          messageId: 'offPlatform',
          data: { text: reply.text.slice(range[0], range[1]), phrase: match.entry.id },
          range,
        });
      },
    };
  },
});

/** What a reported match names: a contact channel, a way to pay, or a phone number. */
type ChannelKind = 'contact' | 'payment' | 'phone';

/**
 * The span of the invitation around a channel (skeleton offsets), or undefined when no invitation
 * frame holds it. Contact channels take every frame; payment channels only money aimed at the agent
 * or off the checkout, an account id and the verb use in Latin script (用支付宝付款 is checkout
 * talk); a phone number only when the agent gives their own (我的手机号是…, my number is…).
 */
function invitation(
  c: ReplyCues,
  channel: PhraseMatch,
  kind: ChannelKind,
  account: AccountReader,
  ownerPronouns: readonly string[],
  objectPronouns: readonly string[],
): [number, number] | undefined {
  const s = c.skeleton;
  const { start, end } = channel;
  const ownedBy = (list: readonly PhraseMatch[]) => {
    for (const o of around(list, start, end, OWNER_GAP))
      if (o.end <= start && start - o.end <= OWNER_GAP && sameClause(s, o.end, start, true)) return o;
    return undefined;
  };
  // Someone else's channel (您的QQ邮箱, 陌生人的微信) is an invitation only when a frame before asks
  // for it (加您微信): an id after it or the channel as a verb does not apply.
  const ownedByOther = ownedBy(c.other) !== undefined;
  const personal = ownedBy(c.personal);
  if (kind === 'phone') {
    const owner = personal ?? ownedBy(c.self) ?? ownerPronounBefore(s, start, ownerPronouns);
    if (owner === undefined || ownedByOther) return undefined;
    if (accountAfter(s, end, account) || frame(s, [c.invite], start, end, false) !== undefined)
      return [owner.start, end];
    return undefined;
  }
  const frames = kind === 'payment' ? [c.pay] : [c.invite, c.pay];
  const framed = frame(s, frames, start, end, ownedByOther);
  if (framed !== undefined) return framed;
  // 不用拍了，支付宝转我就行 / pay me via Venmo, no need to check out: off the checkout, same sentence.
  for (const o of around(c.off, start, end, OFF_REACH)) {
    const [from, to] = o.end <= start ? [o.end, start] : o.start >= end ? [end, o.start] : [start, start];
    if (to - from <= OFF_REACH && noSentenceBreak(s, from, to)) return [Math.min(o.start, start), Math.max(o.end, end)];
  }
  if (ownedByOther) return undefined;
  // 私人微信, my personal WhatsApp: a personal account is off the platform by itself.
  if (personal !== undefined) return [personal.start, end];
  // V我, WhatsApp me, Venmo me: the channel used as a verb aimed at the agent (a payment channel
  // only in Latin script: 支付宝我这边查不到 is a topic, not a verb).
  const text = s.text;
  if ((s.breaks[end] ?? Break.Sentence) < Break.Clause)
    for (const pronoun of objectPronouns)
      if (
        (kind === 'contact' || isWordCode(pronoun.charCodeAt(0))) &&
        text.startsWith(pronoun, end) &&
        isObject(s, end + pronoun.length, pronoun)
      )
        return [start, end + pronoun.length];
  if (accountAfter(s, end, account)) return [start, end];
  return undefined;
}

/**
 * The frame of `lists` that binds the channel in its clause, as the span frame + channel: the
 * nearest one before it (加我微信聊 → 加我微信: the directive precedes its object), else the nearest
 * one after or over it, the longer on a tie (IG私訊我).
 */
function frame(
  s: Skeleton,
  lists: ReadonlyArray<readonly PhraseMatch[]>,
  start: number,
  end: number,
  beforeOnly: boolean,
): [number, number] | undefined {
  let before: PhraseMatch | undefined;
  let beforeCost = Infinity;
  let after: PhraseMatch | undefined;
  let afterCost = Infinity;
  for (const list of lists)
    for (const f of around(list, start, end, FRAME_BUDGET)) {
      if (f.end <= start) {
        const cost = frameCost(s, f.end, start);
        if (cost <= FRAME_BUDGET && cost < beforeCost) [before, beforeCost] = [f, cost];
      } else if (!beforeOnly && (f.start < start || f.end > end)) {
        // A frame inside the channel's own name (chat in we chat) is not a frame.
        const cost = f.start >= end ? frameCost(s, end, f.start) : 0;
        if (
          cost <= FRAME_BUDGET &&
          (cost < afterCost || (cost === afterCost && f.end - f.start > after!.end - after!.start))
        )
          [after, afterCost] = [f, cost];
      }
    }
  const f = before ?? after;
  return f === undefined ? undefined : [Math.min(f.start, start), Math.max(f.end, end)];
}

/**
 * An account id, a phone-like number (in digits or read out in Chinese numerals) or an e-mail
 * address right after the channel (in the folded reply).
 */
function accountAfter(s: Skeleton, end: number, account: AccountReader): boolean {
  const after = (s.toNormalized[end - 1] ?? 0) + 1;
  const tail = s.normalized.text.slice(after, after + 96);
  // Digits written onto a Latin name (wx12345, WX20241207001) may be an id or an order number: it
  // takes an invitation frame (加我wx12345), not the digits alone.
  if (isWordCode(s.text.charCodeAt(end - 1)) && isDigitCode(tail.charCodeAt(0))) return false;
  if (account.id.test(tail)) return true;
  const id = tail.slice(account.lead.exec(tail)![0].length);
  // A number read out in Chinese numerals is an id as its digits are (QQ：七六五四三二一).
  if (startsWithSpokenNumber(id)) return true;
  return mayHoldEmail(tail) && startsWithEmail(id);
}

/** 我 right before the channel (我微信, 我手机), same clause, as a span. */
function ownerPronounBefore(
  s: Skeleton,
  start: number,
  pronouns: readonly string[],
): { start: number } | undefined {
  if ((s.breaks[start] ?? Break.Sentence) >= Break.Clause) return undefined;
  for (const pronoun of pronouns)
    if (s.text.endsWith(pronoun, start) && !isWordCode(s.text.charCodeAt(start - pronoun.length - 1)))
      return { start: start - pronoun.length };
  return undefined;
}

/** `我` after a channel is its object (V我) unless it begins 我们 (微信我们不支持); `me` must end a word. */
function isObject(s: Skeleton, at: number, pronoun: string): boolean {
  const next = s.text.charCodeAt(at);
  if (!isWordCode(pronoun.charCodeAt(0))) return s.text[at] !== '们';
  return Number.isNaN(next) || !isWordCode(next) || (s.breaks[at] ?? Break.Sentence) >= Break.Word;
}

/** The matches of a sorted list that start within `reach` characters of `[start, end)`. */
function around(list: readonly PhraseMatch[], start: number, end: number, reach: number): PhraseMatch[] {
  if (list.length === 0) return [];
  const from = start - reach - 16;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: PhraseMatch[] = [];
  for (let i = lo; i < list.length && list[i]!.start <= end + reach; i++) out.push(list[i]!);
  return out;
}

/**
 * What the text between a frame and its channel costs: a Latin letter 1, any other character 2.5
 * (English spells a frame in more letters than Chinese); Infinity across a clause or sentence break.
 * A break made only of spaces or symbols (加我 V X, 加个🛰) is not a clause break here: obfuscation
 * puts them inside the frame.
 */
function frameCost(s: Skeleton, from: number, to: number): number {
  if (!sameClause(s, from, to, true)) return Infinity;
  let cost = 0;
  for (let i = from; i < to; i++) cost += isWordCode(s.text.charCodeAt(i)) ? 1 : 2.5;
  return cost;
}

const PUNCTUATION = /\p{P}/u;
const PLUS_ONLY = /^\s*[+＋]\s*$/u;

/**
 * No sentence break in `[from, to]` (the breaks before those characters), and no clause break —
 * with `soft`, a clause break counts only when the reply has punctuation there (not spaces alone).
 */
function sameClause(s: Skeleton, from: number, to: number, soft: boolean): boolean {
  const { breaks } = s;
  for (let i = Math.max(from, 1); i <= to; i++) {
    const b = breaks[i] ?? Break.Sentence;
    if (b === Break.Sentence) return false;
    if (b !== Break.Clause) continue;
    const gap = s.original.slice(s.ends[i - 1] ?? 0, s.starts[i] ?? s.original.length);
    // A plus sign is "add" (不需要+V), part of the clause, not a separator.
    if (PLUS_ONLY.test(gap)) continue;
    if (!soft) return false;
    if (PUNCTUATION.test(gap)) return false;
  }
  return true;
}

/** A negation before `at` in its clause (本店不会让您加QQ, we'll never ask you to…). */
function negated(c: ReplyCues, at: number): boolean {
  for (const n of around(c.negation, at, at, NEGATION_REACH))
    if (n.end <= at && at - n.end <= NEGATION_REACH && sameClause(c.skeleton, n.end, at, false)) return true;
  return false;
}

/** A warning word anywhere in the sentence (谨防…, 要求加微信的都是骗子, beware of scammers on…). */
function warned(c: ReplyCues, start: number, end: number): boolean {
  for (const w of around(c.warning, start, end, WARNING_REACH)) {
    const [from, to] = w.end <= start ? [w.end, start] : w.start >= end ? [end, w.start] : [start, start];
    if (to - from <= WARNING_REACH && noSentenceBreak(c.skeleton, from, to)) return true;
  }
  return false;
}

function noSentenceBreak(s: Skeleton, from: number, to: number): boolean {
  for (let i = Math.max(from, 1); i <= to; i++) if (s.breaks[i] === Break.Sentence) return false;
  return true;
}
