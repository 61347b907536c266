import { invalidArgument } from '../arguments.js';
import type { TurnToAppend } from './types.js';

/** Longest conversation or customer id a store accepts. */
export const MAX_ID_LENGTH = 256;

export function checkId(value: unknown, call: string, path: string): string {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_ID_LENGTH) return value;
  throw invalidArgument(
    'INVALID_INPUT',
    call,
    path,
    `a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    value,
  );
}

export function checkLimit(value: unknown, call: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw invalidArgument('INVALID_INPUT', call, 'limit', 'a whole number ≥ 0', value);
}

export function checkTime(value: unknown, call: string, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalidArgument('INVALID_INPUT', call, path, 'epoch milliseconds (a finite number)', value);
}

export function checkTurn(value: unknown, call: string): TurnToAppend {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidArgument(
      'INVALID_INPUT',
      call,
      'turn',
      'a turn { role, text, at, topic?, customerId? }',
      value,
    );
  const turn = value as Record<string, unknown>;
  if (turn.role !== 'customer' && turn.role !== 'agent')
    throw invalidArgument('INVALID_INPUT', call, 'turn.role', '"customer" or "agent"', turn.role);
  if (typeof turn.text !== 'string')
    throw invalidArgument('INVALID_INPUT', call, 'turn.text', 'the turn text as a string', turn.text);
  const at = checkTime(turn.at, call, 'turn.at');
  const out: TurnToAppend = { role: turn.role, text: turn.text, at };
  if (turn.topic !== undefined) out.topic = checkId(turn.topic, call, 'turn.topic');
  if (turn.customerId !== undefined) out.customerId = checkId(turn.customerId, call, 'turn.customerId');
  return out;
}
