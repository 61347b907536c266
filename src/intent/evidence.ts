import type { Evidence } from '../analysis/types.js';
import { toOriginalRange, type NormalizedText } from '../normalize/index.js';
import type { FeatureBuffer } from './features.js';
import type { ModelScores } from './model-scores.js';
import type { NaiveBayes } from './naive-bayes.js';
import type { PatternMatcher } from './patterns.js';
import { round } from './score-math.js';

/** Log-odds a user example adds when the whole message equals it. */
export const EXAMPLE_MATCH_WEIGHT = 8;
/** Model evidence: n-grams listed per candidate, and the least contribution worth showing. */
const MODEL_EVIDENCE = 3;
const MODEL_EVIDENCE_MIN = 0.5;

/**
 * Step 6 of classifying a message: the evidence of one candidate intent, read from the last
 * classified message — a user example it equals, the pattern groups that fired for it (with their
 * ranges), the context's vote, and the model's strongest n-grams (built-in model and naive Bayes)
 * or the model's name. The top n-grams are kept in small typed arrays (no sort, no objects).
 */
export class EvidenceWriter {
  private readonly starts = new Int32Array(MODEL_EVIDENCE);
  private readonly ends = new Int32Array(MODEL_EVIDENCE);
  private readonly weights = new Float64Array(MODEL_EVIDENCE);

  constructor(
    private readonly patterns: PatternMatcher,
    private readonly modelScores: ModelScores,
    /** The classifier's intent of each pattern group. */
    private readonly groupIntent: Int32Array,
    /** The model's index of each of the classifier's intents (-1: the model lacks it). */
    private readonly intentToModel: Int32Array,
    private readonly patternScale: number,
  ) {}

  /**
   * `grams`: whether to list the model's n-grams (for the first candidates; the others say only
   * that the model weighed them, which keeps a message's cost bounded).
   */
  evidenceFor(
    intent: number,
    normalized: NormalizedText,
    features: FeatureBuffer,
    /** Why the context voted for this intent ('' when it did not), and by how much. */
    contextNote: string,
    contextWeight: number,
    example: boolean,
    grams: boolean,
  ): Evidence[] {
    const { patterns, modelScores } = this;
    const evidence: Evidence[] = [];
    if (example)
      evidence.push({
        source: 'example',
        detail: 'the message equals a user example',
        weight: EXAMPLE_MATCH_WEIGHT,
      });
    for (let k = 0; k < patterns.firedCount; k++) {
      const g = patterns.fired[k] ?? 0;
      if (this.groupIntent[g] !== intent) continue;
      const group = patterns.groups[g];
      if (!group) continue;
      evidence.push({
        source: 'pattern',
        detail: group.id,
        range: toOriginalRange(normalized, patterns.hitStarts[g] ?? 0, patterns.hitEnds[g] ?? 0),
        weight: round(this.patternScale * group.weight * (patterns.hitFactors[g] ?? 0)),
      });
    }
    if (contextNote !== '') evidence.push({ source: 'context', detail: contextNote, weight: contextWeight });
    const source = modelScores.source;
    if (source.kind === 'built-in') {
      const m = this.intentToModel[intent] ?? -1;
      // Only when the model read this message (data alone is left to the context).
      const spans =
        modelScores.used && grams && m >= 0
          ? source.model.explain(m, MODEL_EVIDENCE, MODEL_EVIDENCE_MIN)
          : [];
      for (const span of spans)
        evidence.push({
          source: 'model',
          detail: normalized.text.slice(span.start, span.end),
          range: toOriginalRange(normalized, span.start, span.end),
          weight: round(span.weight),
        });
      if (spans.length === 0 && evidence.length === 0)
        evidence.push({ source: 'model', detail: `model:${source.model.name}` });
      return evidence;
    }
    if (source.kind === 'external') {
      evidence.push({ source: 'model', detail: `model:${source.model.name}` });
      return evidence;
    }
    if (!modelScores.used) return evidence;
    if (!grams) {
      if (evidence.length === 0) evidence.push({ source: 'model', detail: 'naive Bayes' });
      return evidence;
    }
    const c = this.intentToModel[intent] ?? -1;
    if (c < 0) return evidence;
    const shown = this.topGrams(source.model, c, features);
    for (let j = 0; j < shown; j++) {
      const start = this.starts[j] ?? 0;
      const end = this.ends[j] ?? 0;
      evidence.push({
        source: 'model',
        detail: normalized.text.slice(start, end),
        range: toOriginalRange(normalized, start, end),
        weight: round(this.weights[j] ?? 0),
      });
    }
    return evidence;
  }

  /**
   * The top MODEL_EVIDENCE features of the message by their contribution to model intent `c`, into
   * starts / ends / weights, best first; returns how many.
   */
  private topGrams(model: NaiveBayes, c: number, features: FeatureBuffer): number {
    const { starts, ends, weights } = this;
    const featureIndex = this.modelScores.featureIndex;
    let shown = 0;
    for (let k = 0; k < features.count; k++) {
      const f = featureIndex[k] ?? -1;
      if (f < 0) continue;
      const start = features.starts[k] ?? 0;
      const end = features.ends[k] ?? 0;
      if (end <= start) continue; // message-level tokens point at no text
      const weight = model.contribution(f, c);
      if (weight < MODEL_EVIDENCE_MIN) continue;
      // A character also stands for its run-start / run-end bigrams (same range): keep the best one.
      let same = -1;
      for (let j = 0; j < shown; j++) if (starts[j] === start && ends[j] === end) same = j;
      if (same >= 0) {
        if ((weights[same] ?? 0) >= weight) continue;
        for (let j = same; j + 1 < shown; j++) {
          starts[j] = starts[j + 1] ?? 0;
          ends[j] = ends[j + 1] ?? 0;
          weights[j] = weights[j + 1] ?? 0;
        }
        shown--;
      }
      if (shown === MODEL_EVIDENCE && weight <= (weights[shown - 1] ?? 0)) continue;
      let at = shown < MODEL_EVIDENCE ? shown++ : shown - 1;
      while (at > 0 && (weights[at - 1] ?? 0) < weight) {
        starts[at] = starts[at - 1] ?? 0;
        ends[at] = ends[at - 1] ?? 0;
        weights[at] = weights[at - 1] ?? 0;
        at--;
      }
      starts[at] = start;
      ends[at] = end;
      weights[at] = weight;
    }
    return shown;
  }
}
