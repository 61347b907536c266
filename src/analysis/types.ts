import type { LanguageResult } from '../language/index.js';

/** What `analyze()` tells about one customer message. Later stages add fields. */
export interface Analysis {
  /** The message as given. */
  text: string;
  /** The folded text matching runs on (see `normalize`). */
  normalized: string;
  language: LanguageResult;
}
