import { francAll } from 'franc';
import { expectString } from '../arguments.js';
import { latinLexicon } from '../generated/latin-lexicon.js';
import { placeholderAt } from '../text/placeholder.js';
import { FRANC_TO_BCP47 } from './franc-languages.js';
import { SCRIPT_CLASS_COUNT, ScriptClass, scriptClassTable } from './script-table.js';
import type { SupportedLocale } from '../vocabulary.js';

/** The locales huashu has phrasing for. Other languages come back as their BCP-47 tag. */
export type { SupportedLocale };
export type Locale = SupportedLocale | 'und' | (string & {});

/** ISO 15924 code of the dominant script; `Zyyy` when the text has no letters at all. */
export type Script =
  'Hani' | 'Jpan' | 'Kore' | 'Latn' | 'Cyrl' | 'Arab' | 'Thai' | 'Deva' | 'Grek' | 'Hebr' | 'Zyyy';

export interface LanguageResult {
  locale: Locale;
  script: Script;
  /** 0..1: how sure the detector is. Short and ambiguous text gets less. */
  confidence: number;
}

const FRANC_ONLY = Object.keys(FRANC_TO_BCP47);

let lexiconByWord: ReadonlyMap<string, string[]> | undefined;

/** Word → the languages whose shop-chat lexicon has it, built on first use (not at import). */
function lexicon(): ReadonlyMap<string, string[]> {
  if (lexiconByWord !== undefined) return lexiconByWord;
  const byWord = new Map<string, string[]>();
  for (const [locale, words] of Object.entries(latinLexicon())) {
    for (const word of words) {
      const locales = byWord.get(word);
      if (locales) locales.push(locale);
      else byWord.set(word, [locale]);
    }
  }
  return (lexiconByWord = byWord);
}

const counts = new Int32Array(SCRIPT_CLASS_COUNT);
/**
 * Only the first this many UTF-16 units are read (as analyze() reads the first 32,768 folded
 * characters for intent, signals and entities): the language of a pasted megabyte is the language
 * of its beginning, found in bounded time.
 */
export const MAX_DETECTED_CHARS = 32_768;
const WORD = /[\p{L}'’]+/gu;

/** Printable ASCII without the space: the characters links, paths and addresses are written in. */
function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const DRIVE = /(?:^|[^A-Za-z])([A-Za-z]:\\)/;
const WWW = /www\./i;
const EMAIL_DOMAIN = /^[\w-]+(?:\.[\w-]+)+/;

/**
 * Where machine-written text starts in the printable-ASCII run `run`, or -1: a link (scheme:// or
 * www.), a file path (file:///…, C:\…, /var/mobile/…, ~/…) or an e-mail address. The run ends the
 * token. Each test is one scan of the run (indexOf, or an anchored or single-pass expression).
 */
function machineStart(run: string): number {
  const scheme = run.indexOf('://');
  if (scheme > 0) {
    let start = scheme;
    while (start > 0 && SCHEME_CHAR.test(run[start - 1]!)) start--;
    return start;
  }
  const www = run.search(WWW);
  if (www >= 0) return www;
  const drive = DRIVE.exec(run);
  if (drive !== null) return drive.index + drive[0].length - drive[1]!.length;
  if ((run.startsWith('/') || run.startsWith('~/')) && run.indexOf('/', run.indexOf('/') + 2) > 0) return 0;
  const at = run.indexOf('@');
  if (at >= 0 && EMAIL_DOMAIN.test(run.slice(at + 1))) return 0;
  return -1;
}

/**
 * `text` with machine-written text blanked (same length), or `text` when it has none: links, paths,
 * e-mail addresses and an export's masks say nothing of the writer's language
 * ("C:\Users\me\invoice.pdf 打不开" is Chinese; a pasted app path is no language). Linear in the
 * text: each run of printable ASCII is read once.
 */
function withoutMachineTokens(text: string): string {
  // Most messages have none of the characters such text needs: no scan then.
  if (
    !text.includes('/') &&
    !text.includes('\\') &&
    !text.includes('@') &&
    !text.includes('[') &&
    !WWW.test(text)
  )
    return text;
  let blanked: string[] | undefined;
  let last = 0;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    // An export's mask ([订单x], [数字x]) is the platform's word, not the customer's.
    const mask = code === 0x5b ? placeholderAt(text, i) : -1;
    if (mask > 0) {
      (blanked ??= []).push(text.slice(last, i), ' '.repeat(mask - i));
      last = i = mask;
      continue;
    }
    if (!isVisibleAscii(code)) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isVisibleAscii(text.charCodeAt(end))) end++;
    const start = machineStart(text.slice(i, end));
    if (start >= 0) {
      (blanked ??= []).push(text.slice(last, i + start), ' '.repeat(end - i - start));
      last = end;
    }
    i = end;
  }
  if (blanked === undefined) return text;
  blanked.push(text.slice(last));
  return blanked.join('');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The language of a customer message. The script is decided first (Han, kana, hangul, Latin…);
 * simplified and traditional Chinese are told apart by characters only one of them uses; Latin
 * text goes through a shop-chat lexicon, then franc. Never throws on a string; `INVALID_INPUT`
 * (`HuashuError`) when `input` is not one.
 */
export function detectLanguage(input: string): LanguageResult {
  const whole =
    typeof input === 'string'
      ? input
      : expectString(input, 'detectLanguage(text)', 'text', 'the message text as a string');
  const text = withoutMachineTokens(
    whole.length > MAX_DETECTED_CHARS ? whole.slice(0, MAX_DETECTED_CHARS) : whole,
  );
  counts.fill(0);
  const length = text.length;
  for (let i = 0; i < length; i++) counts[scriptClassTable[text.charCodeAt(i)] ?? 0]!++;

  const hanTrad = counts[ScriptClass.HanTraditional]!;
  const hanSimp = counts[ScriptClass.HanSimplified]!;
  const han = counts[ScriptClass.Han]! + hanTrad + hanSimp;
  const kana = counts[ScriptClass.Kana]!;
  const hangul = counts[ScriptClass.Hangul]!;
  const latin = counts[ScriptClass.Latin]!;

  // A Han character carries about as much as a Latin word: weigh letters against characters so
  // "这个iphone能用吗" is Chinese and "I want to return 退货" is English.
  const cjkWeight = (han + kana + hangul) * 4;
  if (kana > 0 && kana * 4 >= han)
    return { locale: 'ja', script: 'Jpan', confidence: round(Math.min(0.99, 0.7 + kana / 20)) };
  if (hangul > 0 && hangul >= han)
    return { locale: 'ko', script: 'Kore', confidence: round(Math.min(0.99, 0.7 + hangul / 20)) };
  if (han > 0 && cjkWeight >= latin) return chinese(han, hanTrad, hanSimp);
  if (latin > 0) return latinLanguage(text, latin);
  return otherScript();
}

/**
 * Whether `text` has a character only simplified or only traditional Chinese writes (这/這, 么/麼):
 * without one (好的, 了解, 等太久了) the text reads the same in both, and its script is the
 * conversation's, not the `zh-Hans` that `detectLanguage` falls back to.
 */
export function tellsChineseScript(input: string): boolean {
  // An export's masks ([订单x]) are written in the export's script, not the customer's.
  const text = withoutMachineTokens(
    input.length > MAX_DETECTED_CHARS ? input.slice(0, MAX_DETECTED_CHARS) : input,
  );
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const kind = scriptClassTable[text.charCodeAt(i)];
    if (kind === ScriptClass.HanTraditional || kind === ScriptClass.HanSimplified) return true;
  }
  return false;
}

function chinese(han: number, trad: number, simp: number): LanguageResult {
  const distinctive = trad + simp;
  if (distinctive === 0) {
    // Reads the same in both scripts: simplified is far more common in shop chat.
    return { locale: 'zh-Hans', script: 'Hani', confidence: round(Math.min(0.75, 0.5 + han / 40)) };
  }
  const locale = trad > simp ? 'zh-Hant' : 'zh-Hans';
  const share = Math.max(trad, simp) / distinctive;
  const evidence = Math.min(1, distinctive / 3);
  return { locale, script: 'Hani', confidence: round(Math.min(0.99, 0.55 + 0.44 * share * evidence)) };
}

/**
 * A capitalised word inside a sentence ("from David Miller", "my Nike shoes") is a name: it says
 * nothing about the language, so it neither votes nor counts as a word.
 */
function isName(text: string, match: RegExpExecArray): boolean {
  const word = match[0];
  const first = word.charCodeAt(0);
  if (first < 0x41 || first > 0x5a || word.length < 2 || word === word.toUpperCase()) return false;
  for (let i = match.index - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09) continue;
    // After a sentence end, or at the start, a capital starts the sentence.
    return !(code === 0x2e || code === 0x21 || code === 0x3f || code === 0x0a);
  }
  return false;
}

function latinLanguage(text: string, letters: number): LanguageResult {
  const votes = new Map<string, number>();
  const byWord = lexicon();
  let words = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    if (isName(text, match)) continue;
    words++;
    const locales = byWord.get(match[0].toLowerCase().replace('’', "'"));
    if (!locales) continue;
    for (const locale of locales) votes.set(locale, (votes.get(locale) ?? 0) + 1 / locales.length);
  }
  let best = '';
  let bestVotes = 0;
  let secondVotes = 0;
  for (const [locale, count] of votes) {
    if (count > bestVotes) {
      secondVotes = bestVotes;
      bestVotes = count;
      best = locale;
    } else if (count > secondVotes) secondVotes = count;
  }
  // English is the language of shop chat in Latin script: it stays English on any lexicon evidence
  // that no other language matches, instead of a guess from a few letters' trigrams.
  const englishOnly = best === 'en' && secondVotes === 0;
  if (best && bestVotes > secondVotes && (bestVotes >= words / 2 || englishOnly)) {
    const share = bestVotes / Math.max(1, words);
    return {
      locale: best,
      script: 'Latn',
      confidence: round(Math.min(0.97, 0.6 + 0.3 * share + 0.02 * words)),
    };
  }
  const ranked = francAll(text, { minLength: 1, only: FRANC_ONLY });
  const [top, second] = ranked;
  if (!top || top[0] === 'und') return { locale: 'und', script: 'Latn', confidence: 0.2 };
  // franc's scores are relative (top = 1): the gap to the runner-up and the length set our confidence.
  const gap = 1 - (second?.[1] ?? 0);
  const lengthFactor = Math.min(1, letters / 40);
  const locale = FRANC_TO_BCP47[top[0]] ?? top[0];
  return { locale, script: 'Latn', confidence: round(Math.min(0.9, 0.3 + 0.4 * lengthFactor + 0.3 * gap)) };
}

function otherScript(): LanguageResult {
  const byScript: Array<[ScriptClass, Script, string]> = [
    [ScriptClass.Cyrillic, 'Cyrl', 'ru'],
    [ScriptClass.Arabic, 'Arab', 'ar'],
    [ScriptClass.Thai, 'Thai', 'th'],
    [ScriptClass.Devanagari, 'Deva', 'hi'],
    [ScriptClass.Greek, 'Grek', 'el'],
    [ScriptClass.Hebrew, 'Hebr', 'he'],
  ];
  let best: [ScriptClass, Script, string] | undefined;
  for (const entry of byScript)
    if (counts[entry[0]]! > 0 && (!best || counts[entry[0]]! > counts[best[0]]!)) best = entry;
  if (!best) return { locale: 'und', script: 'Zyyy', confidence: 0 };
  // Script alone does not fix the language (Cyrillic is also Ukrainian, Arabic also Persian…).
  return { locale: best[2], script: best[1], confidence: 0.6 };
}
