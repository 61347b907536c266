export { checkedToOriginalRange, isNormalizedText, normalize, toOriginalRange } from './normalize.js';
export type { NormalizedText } from './normalize.js';
