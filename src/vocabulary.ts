/**
 * The closed lists and shared thresholds of huashu, each declared once: the locales it writes, the
 * channels and conversation roles it knows, the stages of a reply, the risk levels, and the
 * confidence from which a secondary intent counts as a second request. Every schema, type and
 * table elsewhere derives from these.
 */

/** The locales huashu writes replies, messages and suggestions in. */
export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type SupportedLocale = (typeof LOCALES)[number];

const LOCALE_SET: ReadonlySet<unknown> = new Set(LOCALES);
export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return LOCALE_SET.has(value);
}

/** Where to look when a text has no version in a locale: the other Chinese first, English last. */
export const LOCALE_FALLBACK: Readonly<Record<SupportedLocale, readonly SupportedLocale[]>> = {
  'zh-Hans': ['zh-Hans', 'zh-Hant', 'en'],
  'zh-Hant': ['zh-Hant', 'zh-Hans', 'en'],
  en: ['en', 'zh-Hans', 'zh-Hant'],
};

/** Where the conversation happens. */
export const CHANNELS = ['chat', 'phone', 'email', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who wrote a turn of a conversation. */
export const ROLES = ['customer', 'agent', 'system'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Where a reply part sits, in the order parts are joined into one reply: greet, apologise,
 * reassure, ask what is missing, answer, confirm, close, follow up.
 */
export const STAGES = [
  'opening',
  'apology',
  'reassure',
  'clarify',
  'answer',
  'confirm',
  'closing',
  'follow_up',
] as const;
export type Stage = (typeof STAGES)[number];

/** How risky a conversation is (see risk/assess.ts). */
export const RISKS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISKS)[number];

/**
 * A secondary intent from this confidence up is a second request of the message: templates are
 * chosen for it and next-action rules see it in `intents`.
 */
export const SECONDARY_INTENT_MIN_CONFIDENCE = 0.35;
