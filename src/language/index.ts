export { detectLanguage, tellsChineseScript } from './detect.js';
export type { LanguageResult, Locale, Script, SupportedLocale } from './detect.js';
