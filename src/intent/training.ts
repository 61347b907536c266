import { normalize } from '../normalize/index.js';
import { extractFeatures, FeatureBuffer } from './features.js';
import type { PatternMatcher } from './patterns.js';

/** A text's features as `classify` sees them, copied out of the shared buffer. */
export interface DocumentFeatures {
  keys: Uint32Array;
  weights: Float32Array;
  segments: Uint8Array;
  segmentCount: number;
}

/**
 * The features of a training text, extracted exactly as at run time (folded, with the pattern
 * file's `mask` applied), so the build step, user examples and adapters see what `classify` sees.
 */
export function documentFeatures(
  text: string,
  matcher: PatternMatcher,
  stopWords: ReadonlySet<number> | null,
  buffer = new FeatureBuffer(),
): DocumentFeatures {
  const folded = normalize(text).text;
  matcher.match(folded);
  extractFeatures(folded, matcher.masked ? matcher.mask : null, buffer, stopWords);
  return {
    keys: buffer.keys.slice(0, buffer.count),
    weights: buffer.weights.slice(0, buffer.count),
    segments: buffer.segments.slice(0, buffer.count),
    segmentCount: buffer.segmentCount,
  };
}

/** Load `features` back into `buffer`, for scoring without re-extracting. */
export function loadFeatures(features: DocumentFeatures, buffer: FeatureBuffer): void {
  buffer.count = 0;
  for (let i = 0; i < features.keys.length; i++)
    buffer.push(features.keys[i] ?? 0, 0, 0, features.segments[i] ?? 0, features.weights[i] ?? 1);
  buffer.segmentCount = features.segmentCount;
}
