/** `huashu/text`: normalisation (folding with a map back to the original) and language detection. */
// The public toOriginalRange checks its arguments; the internal one (hot path) trusts its callers.
export { normalize, checkedToOriginalRange as toOriginalRange } from '../normalize/index.js';
export { detectLanguage } from '../language/index.js';
export type { NormalizedText } from '../normalize/index.js';
export type { LanguageResult, Locale, Script, SupportedLocale } from '../language/index.js';
