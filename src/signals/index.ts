export { extractSignals } from './extract.js';
export { SIGNAL_IDS } from './rules-schema.js';
