import * as z from 'zod/mini';
import { HuashuError, issuesFromZod, type HuashuIssue, safeParse } from '../errors.js';
import { factsSchema, type Facts } from '../facts.js';
import { KNOWN_ROLE_VALUES, mapRole, type QaRole } from './roles.js';
import { readTime, type TurnTime } from './time.js';

/** Ids and names may be numbers in exports; both become strings. */
const idSchema = z.pipe(z.union([z.string(), z.number()]), z.transform(String));

/**
 * One line of a turn-per-line export. Other fields are ignored: exports carry many (shop, channel…).
 * `null` counts as absent for the optional fields.
 */
export const turnRecordSchema = z.object({
  conversationId: idSchema.check(z.refine((id) => id.trim() !== '', 'conversationId must not be empty')),
  role: z.string().check(
    z.refine((role) => mapRole(role) !== undefined, {
      message: `role must be one of ${KNOWN_ROLE_VALUES.join(', ')} (compared after trimming and lower-casing)`,
    }),
  ),
  text: z.string(),
  time: z.nullish(z.union([z.string(), z.number()])),
  agent: z.nullish(idSchema),
  facts: z.nullish(factsSchema),
});
export type TurnRecord = z.input<typeof turnRecordSchema>;

/** A record read: its role mapped, its time parsed. */
export interface ReadTurn {
  conversationId: string;
  role: QaRole;
  text: string;
  /** Undefined when the record has no time. */
  time: TurnTime | undefined;
  agent: string | undefined;
  facts: Facts | undefined;
}

/**
 * Validate one record and read it; throws `HuashuError` `INVALID_INPUT` naming every problem
 * (`path` prefixed with `where`, e.g. `records[3]`).
 *
 * `turnRecordSchema` is the schema of record; running zod on each of a million records was a
 * tenth of `huashu qa`'s time, so the usual record (strings and finite numbers where the schema
 * takes them, a known role, no facts) is checked by hand, and every other record (facts, a wrong
 * type, an empty id, an unknown role) goes through zod, which then decides and words the
 * problems. The hand check accepts only what zod accepts, and reads it as zod does
 * (test/qa/turn-record.test.ts compares both on generated records).
 */
export function readTurnRecord(value: unknown, utcOffsetMinutes: number, where: string): ReadTurn {
  const usual = readUsualRecord(value);
  return usual === undefined
    ? readTurnRecordWithZod(value, utcOffsetMinutes, where)
    : withTime(usual, utcOffsetMinutes, where, []);
}

/** The fields as `turnRecordSchema` outputs them, before the time is read. */
interface ParsedRecord {
  conversationId: string;
  role: string;
  text: string;
  time?: string | number | null | undefined;
  agent?: string | null | undefined;
  facts?: Facts | null | undefined;
}

/** A string, or a finite number (z.number() refuses NaN and ±Infinity). */
const isStringOrNumber = (v: unknown): v is string | number =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/**
 * The record as `turnRecordSchema` would output it when it is a usual one that the schema
 * accepts; undefined for anything else (zod then decides). Facts go to zod: they are rare (one
 * record per conversation at most) and their schema is the large part.
 */
function readUsualRecord(value: unknown): ParsedRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const { conversationId, role, text, time, agent, facts } = record;
  if (!isStringOrNumber(conversationId)) return undefined;
  const id = String(conversationId);
  if (id.trim() === '') return undefined;
  if (typeof role !== 'string' || mapRole(role) === undefined) return undefined;
  if (typeof text !== 'string') return undefined;
  if (time != null && !isStringOrNumber(time)) return undefined;
  if (agent != null && !isStringOrNumber(agent)) return undefined;
  if (facts != null) return undefined;
  return {
    conversationId: id,
    role,
    text,
    time,
    agent: agent == null ? agent : String(agent),
    facts,
  };
}

/** `readTurnRecord` through zod alone: the reference the hand check is tested against. */
export function readTurnRecordWithZod(value: unknown, utcOffsetMinutes: number, where: string): ReadTurn {
  const parsed = safeParse(turnRecordSchema, value);
  const issues: HuashuIssue[] = parsed.success ? [] : issuesFromZod(parsed.error, where);
  if (!parsed.success)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid turn record ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  return withTime(parsed.data, utcOffsetMinutes, where, issues);
}

/** The record read: its time parsed (a problem when unreadable), its role mapped. */
function withTime(
  data: ParsedRecord,
  utcOffsetMinutes: number,
  where: string,
  issues: HuashuIssue[],
): ReadTurn {
  let time: TurnTime | undefined;
  if (data.time != null && data.time !== '') {
    time = readTime(data.time, utcOffsetMinutes);
    if (time === undefined)
      issues.push({
        path: `${where}.time`,
        message:
          'unreadable time: write ISO 8601 (2024-05-20T14:03:22+08:00), 2024-05-20 14:03:22, 2024/05/20 14:03:22 or epoch milliseconds',
      });
  }
  if (issues.length > 0)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid turn record ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  return {
    conversationId: data.conversationId,
    role: mapRole(data.role)!,
    text: data.text,
    time,
    agent: data.agent ?? undefined,
    facts: data.facts ?? undefined,
  };
}
