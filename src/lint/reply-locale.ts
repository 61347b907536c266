import { detectLanguage, type SupportedLocale } from '../language/index.js';

const SUPPORTED: ReadonlySet<string> = new Set(['zh-Hans', 'zh-Hant', 'en']);
const HAN = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]/;

/** The reply's locale when the caller did not say: detected, else guessed from its script. */
export function replyLocale(reply: string): SupportedLocale {
  const detected = detectLanguage(reply).locale;
  if (SUPPORTED.has(detected)) return detected as SupportedLocale;
  if (HAN.test(reply)) return 'zh-Hans';
  return LATIN.test(reply) ? 'en' : 'zh-Hans';
}
