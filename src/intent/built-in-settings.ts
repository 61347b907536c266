/**
 * The settings of the built-in classifier that do not belong to a model: how much a fired pattern
 * group weighs against the model (fitted with the naive Bayes counts at build time), and the English
 * stop words of the feature extractor. A module of their own, so that a classifier running the
 * linear model never decodes the naive Bayes counts (about 80 KB) just to read them.
 */
export interface BuiltInIntentSettings {
  patternScale: number;
  stopWords: string[];
}
