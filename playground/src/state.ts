/**
 * The page's state in the URL fragment: `#text=…&prev=…&draft=…&facts=…&locale=…`, each value
 * URL-encoded, so a link reproduces a case. Unknown keys are ignored; a missing key is empty.
 */
export const LOCALE_CHOICES = ['auto', 'zh-Hans', 'zh-Hant', 'en'] as const;
export type LocaleChoice = (typeof LOCALE_CHOICES)[number];

export interface PlaygroundState {
  /** The customer's message. */
  text: string;
  /** The agent's previous turn. */
  prev: string;
  /** The agent's draft reply, linted. */
  draft: string;
  /** The order facts, as JSON text (kept as typed, even while invalid). */
  facts: string;
  /** The replies' locale; `auto` is the customer's own. */
  locale: LocaleChoice;
}

export const EMPTY_STATE: PlaygroundState = { text: '', prev: '', draft: '', facts: '', locale: 'auto' };

const KEYS = ['text', 'prev', 'draft', 'facts', 'locale'] as const;

const isLocaleChoice = (value: string): value is LocaleChoice =>
  (LOCALE_CHOICES as readonly string[]).includes(value);

/** Reads a fragment (with or without its `#`); `+` and `%20` both read as a space. */
export function readFragment(fragment: string): PlaygroundState {
  const params = new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  const locale = params.get('locale') ?? 'auto';
  return {
    text: params.get('text') ?? '',
    prev: params.get('prev') ?? '',
    draft: params.get('draft') ?? '',
    facts: params.get('facts') ?? '',
    locale: isLocaleChoice(locale) ? locale : 'auto',
  };
}

/** Writes the fragment (starting with `#`); empty values and the `auto` locale are left out. */
export function writeFragment(state: PlaygroundState): string {
  const parts: string[] = [];
  for (const key of KEYS) {
    const value = state[key];
    if (value === '' || (key === 'locale' && value === 'auto')) continue;
    parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}
