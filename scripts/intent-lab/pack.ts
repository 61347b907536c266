/**
 * From trained float weights to the shipped form: each feature's weights are centred on their
 * median over intents (a softmax ignores a per-feature constant), deviations below `threshold`
 * are pruned, the rest are quantised to int8 with one scale.
 */
import type { LinearFeatureSpec } from '../../src/intent/linear-features.js';
import type { LinearModelParts } from '../../src/intent/linear-model.js';
import type { LinearWeights } from './trainers.js';

export interface PackOptions {
  /** Deviations from the feature's median smaller than this are dropped. */
  threshold: number;
  /** Quantisation range: the largest |weight| kept is this quantile of the kept weights (1 = max). */
  clipQuantile: number;
}

export function packModel(
  model: LinearWeights,
  vocabulary: ReadonlyMap<number, number>,
  intents: readonly string[],
  spec: LinearFeatureSpec,
  options: PackOptions,
  extra: { temperature: number; spellingWords: readonly string[]; stopWords: readonly string[] },
): LinearModelParts {
  const C = model.classes;
  const row = new Float64Array(C);
  const sorted = new Float64Array(C);
  const byKey = [...vocabulary.entries()].sort((a, b) => a[0] - b[0]);
  const kept: Array<{ key: number; classes: number[]; values: number[] }> = [];
  const magnitudes: number[] = [];
  for (const [key, f] of byKey) {
    for (let c = 0; c < C; c++) row[c] = model.weights[f * C + c] ?? 0;
    sorted.set(row);
    sorted.sort();
    const median =
      C % 2 === 1 ? (sorted[(C - 1) / 2] ?? 0) : ((sorted[C / 2 - 1] ?? 0) + (sorted[C / 2] ?? 0)) / 2;
    const classes: number[] = [];
    const values: number[] = [];
    for (let c = 0; c < C; c++) {
      const d = (row[c] ?? 0) - median;
      if (Math.abs(d) < options.threshold || d === 0) continue;
      classes.push(c);
      values.push(d);
      magnitudes.push(Math.abs(d));
    }
    if (classes.length > 0) kept.push({ key, classes, values });
  }
  magnitudes.sort((a, b) => a - b);
  const top =
    magnitudes.length === 0
      ? 1
      : (magnitudes[
          Math.min(magnitudes.length - 1, Math.floor(options.clipQuantile * (magnitudes.length - 1)))
        ] ?? 1);
  const scale = top / 127 || 1;
  const keys: number[] = [];
  const offsets: number[] = [0];
  const classes: number[] = [];
  const weights: number[] = [];
  for (const feature of kept) {
    let n = 0;
    feature.values.forEach((v, k) => {
      const q = Math.max(-127, Math.min(127, Math.round(v / scale)));
      if (q === 0) return;
      classes.push(feature.classes[k] ?? 0);
      weights.push(q);
      n++;
    });
    if (n === 0) continue;
    keys.push(feature.key);
    offsets.push(classes.length);
  }
  return {
    intents,
    spec,
    sqrtNorm: model.sqrtNorm,
    temperature: extra.temperature,
    scale,
    bias: Float64Array.from(model.bias),
    keys: Uint32Array.from(keys),
    offsets: Uint32Array.from(offsets),
    classes: Uint8Array.from(classes),
    weights: Int8Array.from(weights),
    spellingWords: [...extra.spellingWords],
    stopWords: [...extra.stopWords],
  };
}
