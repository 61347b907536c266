import { summarizeResult, type ResultSummary } from '../../qa/aggregator.js';
import type { Qa } from '../../qa/create.js';
import type { QaConversation } from '../../qa/conversation.js';
import type { ConversationResult } from '../../qa/result.js';

/** A batch of whole conversations to check, and what to send back. */
export interface CheckTask {
  conversations: QaConversation[];
  /** `json`: each result as its JSON line (cheap to send between threads); `objects`: the results. */
  keep: 'json' | 'objects';
}

/** A checked batch: the aggregates' summaries, and the results as JSON lines or as objects. */
export interface CheckedBatch {
  summaries: ResultSummary[];
  /**
   * With `keep: 'json'`: one JSON line per conversation, `\n`-terminated, joined; as UTF-8 bytes
   * when it comes from a worker thread (see worker.ts).
   */
  json?: string | Uint8Array;
  results?: ConversationResult[];
}

/** Check a batch of conversations with `qa`: the same code in the main thread and in a worker. */
export function checkBatch(qa: Qa, task: CheckTask): CheckedBatch {
  const summaries: ResultSummary[] = [];
  if (task.keep === 'objects') {
    const results = task.conversations.map((conversation) => qa.check(conversation));
    for (const result of results) summaries.push(summarizeResult(result));
    return { summaries, results };
  }
  // Joined once, not concatenated line by line: a flat string is encoded for output at several
  // times the speed of a long chain of concatenations (which must be flattened first).
  const lines: string[] = [];
  for (const conversation of task.conversations) {
    const result = qa.check(conversation);
    summaries.push(summarizeResult(result));
    lines.push(JSON.stringify(result));
  }
  lines.push('');
  return { summaries, json: lines.join('\n') };
}
