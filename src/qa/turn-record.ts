import { z } from 'zod';
import { HuashuError, issuesFromZod, type HuashuIssue } from '../errors.js';
import { factsSchema, type Facts } from '../facts.js';
import { KNOWN_ROLE_VALUES, mapRole, type QaRole } from './roles.js';
import { readTime, type TurnTime } from './time.js';

/** Ids and names may be numbers in exports; both become strings. */
const idSchema = z.union([z.string(), z.number()]).transform(String);

/**
 * One line of a turn-per-line export. Other fields are ignored: exports carry many (shop, channel…).
 * `null` counts as absent for the optional fields.
 */
export const turnRecordSchema = z.object({
  conversationId: idSchema.refine((id) => id.trim() !== '', 'conversationId must not be empty'),
  role: z.string().refine((role) => mapRole(role) !== undefined, {
    message: `role must be one of ${KNOWN_ROLE_VALUES.join(', ')} (compared after trimming and lower-casing)`,
  }),
  text: z.string(),
  time: z.union([z.string(), z.number()]).nullish(),
  agent: idSchema.nullish(),
  facts: factsSchema.nullish(),
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
 */
export function readTurnRecord(value: unknown, utcOffsetMinutes: number, where: string): ReadTurn {
  const parsed = turnRecordSchema.safeParse(value);
  const issues: HuashuIssue[] = parsed.success ? [] : issuesFromZod(parsed.error, where);
  let time: TurnTime | undefined;
  if (parsed.success && parsed.data.time != null && parsed.data.time !== '') {
    time = readTime(parsed.data.time, utcOffsetMinutes);
    if (time === undefined)
      issues.push({
        path: `${where}.time`,
        message:
          'unreadable time: write ISO 8601 (2024-05-20T14:03:22+08:00), 2024-05-20 14:03:22, 2024/05/20 14:03:22 or epoch milliseconds',
      });
  }
  if (!parsed.success || issues.length > 0)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid turn record ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  const data = parsed.data;
  return {
    conversationId: data.conversationId,
    role: mapRole(data.role)!,
    text: data.text,
    time,
    agent: data.agent ?? undefined,
    facts: data.facts ?? undefined,
  };
}
