import { normalize } from '../normalize/index.js';
import { extractFeatures, FeatureBuffer } from './features.js';
import type { PatternMatcher } from './patterns.js';

/**
 * The feature keys of a training text, extracted exactly as at run time (folded, with the pattern
 * file's `mask` applied), so the build step, user examples and adapters see what `classify` sees.
 */
export function documentKeys(text: string, matcher: PatternMatcher, buffer = new FeatureBuffer()): Uint32Array {
  const folded = normalize(text).text;
  matcher.match(folded);
  extractFeatures(folded, matcher.masked ? matcher.mask : null, buffer);
  return buffer.keys.slice(0, buffer.count);
}
