export { createAssistant } from './create.js';
export type { Assistant } from './create.js';
export type { AsyncOptions, RecommendInput, ReplyOptions } from './inputs.js';
export type { FullReply } from './reply.js';
export type { AnalysisFacts } from './view.js';
