export { assessRisk, assessRiskUnchecked } from './assess.js';
export type { RiskInput } from './assess.js';
