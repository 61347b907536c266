/**
 * Style operators: turn one expanded skeleton into a message that looks typed into a shop chat.
 * Each operator fires with the probability its locale's style.json gives (see the grammar README):
 * card, greet, detail, urge, politeTail, openingPrev (structure); colloquial, typo, particle
 * (wording); punctuation, repeat, emoji, lowercase (surface).
 */
import type { ParsedIntent, ParsedSkeleton, ParsedStyle } from './grammar.js';
import type { Random } from './random.js';
import type { Bindings, Expander, TemplateNode } from './template.js';

export interface Composed {
  text: string;
  prev: string | null;
}

/** Placeholders the platforms write ([订单x], [ORDERID_1234], {{Order Number}}) are never edited. */
const PLACEHOLDER = /(\[[^\]\s]{1,24}\]|\{\{[^}]{1,40}\}\})/u;
const LATIN_WORD = /^[A-Za-z' ]+$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Applies `edit` to the parts of `text` outside placeholders. */
export function outsidePlaceholders(text: string, edit: (part: string) => string): string {
  return text
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');
}

/** A matcher for a substitution source: whole words for Latin text, plain substring otherwise. */
function sourcePattern(from: string): RegExp {
  const body = escapeRegExp(from);
  return LATIN_WORD.test(from)
    ? new RegExp(`(?<![A-Za-z'])${body}(?![A-Za-z'])`, 'gi')
    : new RegExp(body, 'g');
}

const patternCache = new Map<string, RegExp>();
function patternOf(from: string): RegExp {
  let re = patternCache.get(from);
  if (!re) {
    re = sourcePattern(from);
    patternCache.set(from, re);
  }
  re.lastIndex = 0;
  return re;
}

function countMatches(text: string, from: string): number {
  let n = 0;
  outsidePlaceholders(text, (part) => {
    n += part.match(patternOf(from))?.length ?? 0;
    return part;
  });
  return n;
}

/** Replaces the `nth` occurrence (outside placeholders) of `from` with `to`. */
function replaceNth(text: string, from: string, to: string, nth: number): string {
  let seen = 0;
  return outsidePlaceholders(text, (part) =>
    part.replace(patternOf(from), (match) => (seen++ === nth ? to : match)),
  );
}

/** One random substitution of a random occurrence of one applicable pair; null when none applies. */
export function substituteOnce(
  text: string,
  pairs: ReadonlyArray<readonly [string, readonly string[]]>,
  random: Random,
): string | null {
  const applicable = pairs.filter(([from]) => countMatches(text, from) > 0);
  if (applicable.length === 0) return null;
  const [from, targets] = random.pick(applicable);
  const n = countMatches(text, from);
  return replaceNth(text, from, random.pick(targets), random.int(0, n - 1));
}

const ENDS_WITHOUT_PARTICLE =
  /(?:[啦呢啊呀哈嘛哦吧喔呐哇捏嘞咯呗么吗嗎ㄇ耶欸齁唷㗎喇餒吼]|\]|\p{Extended_Pictographic}|\s)$/u;
const TRAILING_MARKS = /[？?！!。.~～…]+$/u;
const DROPPED_INSIDE = /[，,、；;。！!？?]+/gu;

/** Removes sentence punctuation; a mark inside the text becomes a space, marks at the end go. */
export function dropPunctuation(text: string): string {
  return outsidePlaceholders(text, (part) =>
    part
      .replace(/\.+(?=\s|$)/g, ' ')
      .replace(DROPPED_INSIDE, ' ')
      .replace(/[～~]+(?=\s|$)/g, ' '),
  );
}

export function halfWidth(text: string): string {
  return text.replace(/，/g, ',').replace(/？/g, '?').replace(/！/g, '!').replace(/：/g, ':');
}

function lowercase(text: string): string {
  return outsidePlaceholders(text, (part) => part.toLowerCase());
}

export function tidy(text: string): string {
  return text.replace(/[ \t\u3000]+/g, ' ').trim();
}

export class Styler {
  constructor(
    private readonly style: ParsedStyle,
    private readonly expander: Expander,
    private readonly random: Random,
  ) {}

  private expandOne(list: readonly TemplateNode[][], bindings: Bindings): string {
    return tidy(this.expander.expand(this.random.pick(list), bindings));
  }

  private addParticle(line: string, tone: string): string {
    const particle = this.expandOne(this.style.particles[tone] ?? [], new Map());
    const marks = TRAILING_MARKS.exec(line);
    const body = marks ? line.slice(0, marks.index) : line;
    // No second particle ("谢谢啦啦"), none after an emoji or a placeholder.
    if (body === '' || ENDS_WITHOUT_PARTICLE.test(body)) return line;
    // Latin words need a space between them ("help pls"); Chinese particles attach ("发货呢").
    const gap = /[A-Za-z0-9]$/.test(body) && /^[A-Za-z0-9]/.test(particle) ? ' ' : '';
    return body + gap + particle + (marks ? marks[0] : '');
  }

  compose(intent: ParsedIntent, skeleton: ParsedSkeleton): Composed {
    const { random, style } = this;
    const s = style.raw;
    const bindings: Bindings = new Map();
    const main = this.expandOne(skeleton.variants, bindings);
    let prev = skeleton.prev ? this.expandOne(skeleton.prev, bindings) : null;
    if (skeleton.ops === 'none') return { text: main, prev };

    const tone = intent.tone;
    let user = random.chance(s.particle.p) ? this.addParticle(main, tone) : main;
    let card: string | null = null;
    let greeting: string | null = null;
    if (skeleton.ops === 'all') {
      const lines = [user];
      if (intent.details.length > 0 && random.chance(s.detail.p)) {
        const detail = this.expandOne(intent.details, bindings);
        if (random.chance(0.4)) lines.unshift(detail);
        else lines.push(detail);
      }
      if (intent.urges.length > 0 && random.chance(s.urge.p))
        lines.push(this.expandOne(intent.urges, bindings));
      if (!s.politeTail.skip.includes(intent.intent) && random.chance(s.politeTail.p))
        lines.push(this.expandOne(style.politeTail, bindings));
      user = lines.map((line) => line).reduce((a, b) => a + this.joiner() + b);
      for (const kind of intent.cards) {
        const cfg = kind === 'order' ? s.cards.order : s.cards.product;
        if (random.chance(cfg.p)) {
          // A pasted product card shows the item the message is about; when the message names
          // no item, only a card without one (a bare link) fits.
          const cards =
            kind === 'order'
              ? style.orderCards
              : bindings.has('item')
                ? style.productCards
                : style.productCardsWithoutItem;
          card = this.expandOne(cards, bindings);
          break;
        }
      }
      if (!s.greet.skip.includes(intent.intent) && random.chance(s.greet.p))
        greeting = this.expandOne(style.greet, new Map());
      if (prev === null && random.chance(s.openingPrev.p))
        prev = this.expandOne(style.openingPrev, new Map());
    }

    if (random.chance(s.colloquial.p)) {
      for (const pair of s.colloquial.pairs)
        if (random.chance(s.colloquial.each)) user = substituteOnce(user, [pair], random) ?? user;
    }
    if (random.chance(s.typo.p)) {
      const budget = random.int(1, s.typo.max);
      for (let k = 0; k < budget; k++) user = substituteOnce(user, s.typo.pairs, random) ?? user;
    }

    const parts: string[] = [];
    if (greeting !== null && card !== null && random.chance(0.5)) parts.push(greeting, card);
    else {
      if (card !== null) parts.push(card);
      if (greeting !== null) parts.push(greeting);
    }
    parts.push(user);
    let text = parts.reduce((a, b) => a + this.joiner() + b);

    if (random.chance(s.punctuation.dropAll)) text = dropPunctuation(text);
    else if (random.chance(s.punctuation.halfWidth)) text = halfWidth(text);
    if (random.chance(s.repeat.p)) text = tidy(text) + this.expandOne(style.repeat[tone] ?? [], new Map());
    if (random.chance(s.emoji.p))
      text =
        tidy(text) + (random.chance(0.5) ? ' ' : '') + this.expandOne(style.emoji[tone] ?? [], new Map());
    if (random.chance(s.lowercase)) text = lowercase(text);
    return { text: tidy(text), prev };
  }

  private joiner(): string {
    return this.random.weighted(this.style.raw.joiners);
  }
}
