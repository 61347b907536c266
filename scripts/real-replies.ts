/**
 * The real agent replies of `../shared/eval/zh-jddc-agent-replies.jsonl`, for the scripts that
 * measure the linter on them (false alarms, claims with facts). Read only, never copied into the
 * project. Exits with code 2 and says so when the evaluation data is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR } from './corpus/leakage.js';

export const REAL_REPLIES_FILE = join(EVAL_DIR, 'zh-jddc-agent-replies.jsonl');

export interface RealReply {
  /** `<conversation>-t<turn>`: the reply two turn numbers earlier came before the customer message. */
  id: string;
  reply: string;
  customer_message: string;
}

/** Every row of the file; `script` names the caller in the message when the file is missing. */
export function readRealReplies(script: string, file = REAL_REPLIES_FILE): RealReply[] {
  if (!existsSync(file)) {
    console.error(`${script}: no evaluation data at ${file}`);
    process.exit(2);
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RealReply);
}
