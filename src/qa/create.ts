import { HuashuError, parseOrThrow, type HuashuIssue } from '../errors.js';
import { createLinter } from '../lint/linter.js';
import type { Facts } from '../facts.js';
import type { Finding } from '../lint/types.js';
import { CHECK_IDS, type CheckId } from './check-ids.js';
import { checkApologyOnComplaint } from './checks/apology-on-complaint.js';
import { checkFirstResponse, firstResponseSeconds } from './checks/first-response.js';
import { checkFurtherHelp } from './checks/further-help.js';
import { checkGreeting } from './checks/greeting.js';
import { checkLintRule, LINT_CHECK_RULES, type LintCheckId } from './checks/lint-checks.js';
import { checkResponseTime, maxResponseSeconds } from './checks/response-time.js';
import { checkSatisfaction } from './checks/satisfaction.js';
import { checkUnanswered, trailing } from './checks/unanswered.js';
import { isClosingCustomerTurn } from './closing.js';
import { createComplaintReader, type CustomerTurnReading } from './complaint.js';
import { ConversationGrouper, type QaConversation } from './conversation.js';
import { CueReader } from './cues.js';
import { qaOptionsSchema, type QaOptions } from './options.js';
import type { CheckOutcome, ConversationResult } from './result.js';
import { DEFAULT_SCORECARD, parseScorecard, scoreResults, type Scorecard } from './scorecard.js';
import { parseUtcOffset } from './time.js';
import { TextMemo } from '../util/text-memo.js';
import { readTurnRecord } from './turn-record.js';
import { makeView, type ConversationView, type TurnNotes } from './view.js';

export interface Qa {
  readonly scorecard: Scorecard;
  /** Validate turn records and group them into ordered conversations; throws `INVALID_INPUT` listing every bad record. */
  group(records: readonly unknown[]): QaConversation[];
  /** Every check of one conversation, scored. */
  check(conversation: QaConversation): ConversationResult;
  /** `group` then `check` each conversation. */
  run(records: readonly unknown[]): ConversationResult[];
  /** A streaming grouper for records read one by one (the CLI); `add` throws `INVALID_INPUT` for a bad record. */
  grouper(): {
    add(record: unknown, where?: string): void;
    conversations(): QaConversation[];
    /** The conversations one by one, each released from the grouper as it is taken. */
    drain(): Iterable<QaConversation>;
  };
}

const CHECKS: Record<CheckId, (view: ConversationView) => CheckOutcome> = {
  greeting: checkGreeting,
  'first-response': checkFirstResponse,
  'response-time': checkResponseTime,
  unanswered: checkUnanswered,
  'apology-on-complaint': checkApologyOnComplaint,
  'further-help': checkFurtherHelp,
  satisfaction: checkSatisfaction,
  ...(Object.fromEntries(
    (Object.keys(LINT_CHECK_RULES) as LintCheckId[]).map((id) => [
      id,
      (view: ConversationView) => checkLintRule(view, id),
    ]),
  ) as Record<LintCheckId, (view: ConversationView) => CheckOutcome>),
};

/** Lint rules the conversation checks read themselves (greeting, apology, further help): off in the QA linter. */
const CONVERSATION_RULES_OFF = {
  'greet-first': 'off',
  'apologize-on-complaint': 'off',
  'offer-further-help': 'off',
} as const;

/**
 * How many turn readings (the complaint trigger of a customer turn, `lint()` of an agent turn with its
 * conversation's facts, the cues of either) a checker remembers, least recently used first out:
 * enough for the canned replies and acknowledgements of a busy shop, a few MB. Half for customer
 * turns, half for agent turns without facts, a quarter more for agent turns with facts.
 */
export const DEFAULT_MEMO_ENTRIES = 8192;

/** How a checker runs, not what it finds: no effect on any result. */
export interface QaTuning {
  /** Turn readings remembered (see DEFAULT_MEMO_ENTRIES); 0: read every turn afresh. */
  memoEntries?: number;
}

/**
 * Conversation QA: groups turn records into conversations and scores each with the checks of
 * issue 13 under a scorecard. Customer turns are read as the assistant's `analyze()` reads them (complaint,
 * abuse, threats, anger), agent turns with the linter's rules; greeting, apology and further-help
 * cues come from the lint phrase data. Throws `HuashuError` `INVALID_OPTIONS` for bad options or
 * a bad scorecard.
 */
export function createQa(options: QaOptions = {}): Qa {
  return createTunedQa(options);
}

/** `createQa` with its tuning (the CLI's `HUASHU_QA_MEMO`); the same results whatever the tuning. */
export function createTunedQa(options: QaOptions = {}, tuning: QaTuning = {}): Qa {
  const parsed = parseOrThrow(qaOptionsSchema, options, 'INVALID_OPTIONS', 'createQa(options)');
  const scorecard = parsed.scorecard === undefined ? DEFAULT_SCORECARD : parseScorecard(parsed.scorecard);
  const utcOffsetMinutes = parseUtcOffset(parsed.utcOffset ?? '+00:00')!;
  const angerThreshold = parsed.angerThreshold ?? 0.5;
  const locale = parsed.locale;
  const thresholds = {
    firstResponseSeconds: scorecard.checks['first-response']?.maxSeconds ?? 30,
    responseSeconds: scorecard.checks['response-time']?.maxSeconds ?? 60,
  };
  // Built on the first check: a process that only groups (the main thread of `huashu qa
  // --workers N`) never pays their start-up time and memory.
  let readCustomerTurn: ((text: string) => CustomerTurnReading) | undefined;
  let linter: ReturnType<typeof createLinter> | undefined;
  const cues = new CueReader();

  function grouper() {
    const inner = new ConversationGrouper();
    let count = 0;
    return {
      add(record: unknown, where = `records[${count}]`) {
        count += 1;
        inner.add(readTurnRecord(record, utcOffsetMinutes, where));
      },
      conversations: () => inner.conversations(),
      drain: () => inner.drain(),
    };
  }

  function group(records: readonly unknown[]): QaConversation[] {
    if (!Array.isArray(records))
      throw new HuashuError('INVALID_INPUT', 'Invalid qa.group(records): expected an array of turn records', {
        issues: [{ path: 'records', message: 'expected an array of turn records' }],
      });
    const g = grouper();
    const issues: HuashuIssue[] = [];
    records.forEach((record, i) => {
      try {
        g.add(record, `records[${i}]`);
      } catch (error) {
        if (!(error instanceof HuashuError)) throw error;
        issues.push(...error.issues);
      }
    });
    if (issues.length > 0)
      throw new HuashuError(
        'INVALID_INPUT',
        `Invalid qa.group(records):\n  ${issues
          .slice(0, 20)
          .map((i) => `${i.path}: ${i.message}`)
          .join('\n  ')}`,
        { issues },
      );
    return g.conversations();
  }

  // Every turn reading is a function of the text (and, for agent turns, of the conversation's
  // facts), so a remembered one is the same as a fresh one. Shared between conversations: the
  // checks never change a note, they copy what they need into their evidence.
  // Keyed by the text itself where it can be: a string from JSON.parse hashes once, a key built
  // by concatenation would be flattened and hashed again on every lookup.
  const entries = tuning.memoEntries ?? DEFAULT_MEMO_ENTRIES;
  const memo = {
    customer: new TextMemo<TurnNotes>(Math.ceil(entries / 2)),
    agent: new TextMemo<TurnNotes>(Math.ceil(entries / 2)),
    agentWithFacts: new TextMemo<TurnNotes>(Math.ceil(entries / 4)),
  };

  function customerNotes(text: string): TurnNotes {
    const reading =
      text.trim() === '' ? undefined : (readCustomerTurn ??= createComplaintReader(angerThreshold))(text);
    const found = cues.readCustomerTurn(text);
    return {
      cues: found.hits,
      closing: isClosingCustomerTurn(text, found, reading),
      complaint: reading?.complaint,
      findings: [],
    };
  }

  function agentNotes(text: string, facts: Facts | undefined): TurnNotes {
    const found = cues.read(text);
    const findings: Finding[] = (linter ??= createLinter({
      rules: CONVERSATION_RULES_OFF,
      ...(locale === undefined ? {} : { messageLocale: locale }),
    })).lint(text, facts === undefined ? {} : { facts }).findings;
    return { cues: found, closing: false, complaint: undefined, findings };
  }

  function notesOf(conversation: QaConversation): TurnNotes[] {
    const facts = conversation.facts;
    // Facts come from JSON, so their JSON names them; it has no raw NUL, so the key splits one way.
    const factsKey = facts === undefined ? undefined : `${JSON.stringify(facts)}\u0000`;
    return conversation.turns.map((turn) =>
      turn.role === 'customer'
        ? memo.customer.get(turn.text, () => customerNotes(turn.text))
        : factsKey === undefined
          ? memo.agent.get(turn.text, () => agentNotes(turn.text, undefined))
          : memo.agentWithFacts.get(factsKey + turn.text, () => agentNotes(turn.text, facts)),
    );
  }

  function check(conversation: QaConversation): ConversationResult {
    const view = makeView(conversation, notesOf(conversation), thresholds, locale);
    const outcomes = CHECK_IDS.map((id) => ({ id, ...CHECKS[id](view) }));
    const { score, fatal, points } = scoreResults(scorecard, outcomes);
    const agents: string[] = [];
    for (const turn of conversation.turns)
      if (turn.role === 'agent' && turn.agent !== undefined && !agents.includes(turn.agent))
        agents.push(turn.agent);
    const rest = trailing(view);
    const customerTurns = view.turns.filter((t) => t.role === 'customer').length;
    return {
      conversationId: conversation.id,
      agents,
      score,
      fatal,
      checks: outcomes.map(({ id, result, evidence }) => ({
        id,
        result,
        points: points.get(id) ?? 0,
        evidence,
      })),
      metrics: {
        firstResponseSeconds: firstResponseSeconds(view),
        maxResponseSeconds: maxResponseSeconds(view),
        unansweredCustomerTurns: rest.exempt ? 0 : rest.turns.length,
        customerTurns,
        agentTurns: view.turns.length - customerTurns,
      },
      day: conversation.timed ? conversation.turns[0]!.time!.day : null,
    };
  }

  return {
    scorecard,
    group,
    check,
    run: (records) => group(records).map(check),
    grouper,
  };
}
