import { LOCALES, type SupportedLocale } from '../vocabulary.js';
import type { ComplaintTrigger } from './complaint.js';
import { quote } from './view.js';

/**
 * What the checks say about a conversation, in each locale: a check names its message and the
 * values in it, and the evidence's `message` is written in the QA's locale (`createQa({ locale })`),
 * so a team lead reads the whole report in one language. Lint-based evidence carries the
 * finding's own message (and `ruleId`) instead. The ids stay inside huashu: adding them to every
 * piece of evidence made `huashu qa --format json` 37 % larger.
 */
export const EVIDENCE_MESSAGE_IDS = [
  'agent-silent',
  'greets',
  'no-greeting',
  'no-customer-turn',
  'untimed',
  'first-turn-unanswered',
  'first-response',
  'answered-after',
  'none-answered',
  'longest-wait',
  'all-answered',
  'closed-after-offer',
  'closing-without-offer',
  'no-reply-after-turn',
  'apologises',
  'no-reply-to-complaint',
  'no-apology',
  'no-complaint',
  'offers-help',
  'nothing-else',
  'no-later-turn',
  'no-further-help',
  'no-resolution',
  'asks-satisfaction',
  'no-satisfaction-ask',
  'no-order-facts',
  'no-finding',
] as const;
export type EvidenceMessageId = (typeof EVIDENCE_MESSAGE_IDS)[number];

/** The values a message shows (only those it uses are set). */
export interface EvidenceData {
  /** Seconds waited. */
  seconds?: number;
  /** The threshold in seconds. */
  limit?: number;
  /** The words of the turn the message quotes. */
  text?: string;
  /** A turn's number as people count it (1 = the first turn). */
  turn?: number;
  /** What made a customer turn a complaint. */
  trigger?: ComplaintTrigger;
  /** A lint rule. */
  ruleId?: string;
  /** How many agent turns were linted. */
  count?: number;
}

type Write = (data: EvidenceData) => string;

const seconds = (value: number | undefined, unit: string): string =>
  `${value === undefined ? '?' : Number.isInteger(value) ? value : value.toFixed(1)}${unit}`;

/** The trigger as one phrase: the signal or intent id (ids are the same in every locale) and its score. */
function triggerText(trigger: ComplaintTrigger | undefined, locale: SupportedLocale): string {
  if (trigger === undefined) return '?';
  const zh = locale !== 'en';
  if (trigger.kind === 'intent')
    return zh
      ? `${locale === 'zh-Hans' ? '意图' : '意圖'} ${trigger.id}（${trigger.confidence.toFixed(2)}）`
      : `intent ${trigger.id} (${trigger.confidence.toFixed(2)})`;
  const said = trigger.text === undefined ? '' : zh ? `：“${trigger.text}”` : `: “${trigger.text}”`;
  return zh
    ? `${trigger.id}（${trigger.score.toFixed(2)}）${said}`
    : `${trigger.id} (${trigger.score.toFixed(2)})${said}`;
}

/** The quoted words of the turn (empty when none were given). */
const wordsOf = (d: EvidenceData) => d.text ?? '';

const MESSAGES: Record<EvidenceMessageId, Record<SupportedLocale, Write>> = {
  'agent-silent': {
    en: () => 'the agent never speaks',
    'zh-Hans': () => '客服没有发言',
    'zh-Hant': () => '客服沒有發言',
  },
  greets: {
    en: (d) => `greets: ${quote(wordsOf(d))}`,
    'zh-Hans': (d) => `有问候：${quote(wordsOf(d))}`,
    'zh-Hant': (d) => `有問候：${quote(wordsOf(d))}`,
  },
  'no-greeting': {
    en: () => 'the first agent turn does not greet',
    'zh-Hans': () => '客服的第一句没有问候',
    'zh-Hant': () => '客服的第一句沒有問候',
  },
  'no-customer-turn': {
    en: () => 'no customer turn',
    'zh-Hans': () => '顾客没有发言',
    'zh-Hant': () => '顧客沒有發言',
  },
  untimed: {
    en: () => 'the turns have no times',
    'zh-Hans': () => '消息没有时间',
    'zh-Hant': () => '訊息沒有時間',
  },
  'first-turn-unanswered': {
    en: () => 'no agent turn follows the first customer turn',
    'zh-Hans': () => '顾客的第一条消息之后客服没有回复',
    'zh-Hant': () => '顧客的第一則訊息之後客服沒有回覆',
  },
  'first-response': {
    en: (d) => `first response after ${seconds(d.seconds, ' s')} (limit ${d.limit} s)`,
    'zh-Hans': (d) => `首次响应用时 ${seconds(d.seconds, ' 秒')}（上限 ${d.limit} 秒）`,
    'zh-Hant': (d) => `首次回應用時 ${seconds(d.seconds, ' 秒')}（上限 ${d.limit} 秒）`,
  },
  'answered-after': {
    en: (d) => `answered after ${seconds(d.seconds, ' s')} (limit ${d.limit} s)`,
    'zh-Hans': (d) => `回复用时 ${seconds(d.seconds, ' 秒')}（上限 ${d.limit} 秒）`,
    'zh-Hant': (d) => `回覆用時 ${seconds(d.seconds, ' 秒')}（上限 ${d.limit} 秒）`,
  },
  'none-answered': {
    en: () => 'no customer turn is answered',
    'zh-Hans': () => '顾客的消息都没有得到回复',
    'zh-Hant': () => '顧客的訊息都沒有得到回覆',
  },
  'longest-wait': {
    en: (d) => `longest wait ${seconds(d.seconds, ' s')} (limit ${d.limit} s)`,
    'zh-Hans': (d) => `最长等待 ${seconds(d.seconds, ' 秒')}（上限 ${d.limit} 秒）`,
    'zh-Hant': (d) => `最長等待 ${seconds(d.seconds, ' 秒')}（上限 ${d.limit} 秒）`,
  },
  'all-answered': {
    en: () => 'every customer turn has an agent turn after it',
    'zh-Hans': () => '顾客的每条消息之后都有客服回复',
    'zh-Hant': () => '顧客的每則訊息之後都有客服回覆',
  },
  'closed-after-offer': {
    en: () => 'the customer closed after an offer of further help',
    'zh-Hans': () => '客服问过是否还需要帮助，顾客随后结束了对话',
    'zh-Hant': () => '客服問過是否還需要幫助，顧客隨後結束了對話',
  },
  'closing-without-offer': {
    en: () => 'a closing after a last agent turn without an offer of further help',
    'zh-Hans': () => '顾客结束对话前，客服的最后一句没有问是否还需要帮助',
    'zh-Hant': () => '顧客結束對話前，客服的最後一句沒有問是否還需要幫助',
  },
  'no-reply-after-turn': {
    en: () => 'no agent reply after this customer turn',
    'zh-Hans': () => '这条顾客消息之后客服没有回复',
    'zh-Hant': () => '這則顧客訊息之後客服沒有回覆',
  },
  apologises: {
    en: (d) => `apologises (“${wordsOf(d)}”) for the complaint in turn ${d.turn}`,
    'zh-Hans': (d) => `为第 ${d.turn} 轮的投诉致歉（“${wordsOf(d)}”）`,
    'zh-Hant': (d) => `為第 ${d.turn} 輪的投訴致歉（“${wordsOf(d)}”）`,
  },
  'no-reply-to-complaint': {
    en: (d) => `no agent reply to a complaint (${triggerText(d.trigger, 'en')})`,
    'zh-Hans': (d) => `顾客投诉后客服没有回复（${triggerText(d.trigger, 'zh-Hans')}）`,
    'zh-Hant': (d) => `顧客投訴後客服沒有回覆（${triggerText(d.trigger, 'zh-Hant')}）`,
  },
  'no-apology': {
    en: (d) => `no apology for a complaint (${triggerText(d.trigger, 'en')})`,
    'zh-Hans': (d) => `顾客投诉后客服没有致歉（${triggerText(d.trigger, 'zh-Hans')}）`,
    'zh-Hant': (d) => `顧客投訴後客服沒有致歉（${triggerText(d.trigger, 'zh-Hant')}）`,
  },
  'no-complaint': {
    en: () => 'no complaint, insult or strong anger',
    'zh-Hans': () => '没有投诉、辱骂或强烈的不满',
    'zh-Hant': () => '沒有投訴、辱罵或強烈的不滿',
  },
  'offers-help': {
    en: (d) => `offers more help: “${wordsOf(d)}”`,
    'zh-Hans': (d) => `问了是否还需要帮助：“${wordsOf(d)}”`,
    'zh-Hant': (d) => `問了是否還需要幫助：“${wordsOf(d)}”`,
  },
  'nothing-else': {
    en: (d) => `the customer says there is nothing else: “${wordsOf(d)}”`,
    'zh-Hans': (d) => `顾客表示没有其他问题了：“${wordsOf(d)}”`,
    'zh-Hant': (d) => `顧客表示沒有其他問題了：“${wordsOf(d)}”`,
  },
  'no-later-turn': {
    en: () => 'the customer wrote nothing after the first agent reply',
    'zh-Hans': () => '客服第一次回复后顾客没有再发言',
    'zh-Hant': () => '客服第一次回覆後顧客沒有再發言',
  },
  'no-further-help': {
    en: () => 'no offer of further help after the last request',
    'zh-Hans': () => '顾客最后一个问题之后，客服没有问是否还需要帮助',
    'zh-Hant': () => '顧客最後一個問題之後，客服沒有問是否還需要幫助',
  },
  'no-resolution': {
    en: () => 'no after-sales resolution',
    'zh-Hans': () => '没有售后处理结果',
    'zh-Hant': () => '沒有售後處理結果',
  },
  'asks-satisfaction': {
    en: (d) => `asks for satisfaction: “${wordsOf(d)}”`,
    'zh-Hans': (d) => `邀请了评价：“${wordsOf(d)}”`,
    'zh-Hant': (d) => `邀請了評價：“${wordsOf(d)}”`,
  },
  'no-satisfaction-ask': {
    en: (d) => `no satisfaction or rating ask after the resolution ${quote(wordsOf(d))}`,
    'zh-Hans': (d) => `售后处理结果 ${quote(wordsOf(d))} 之后没有邀请评价或询问满意度`,
    'zh-Hant': (d) => `售後處理結果 ${quote(wordsOf(d))} 之後沒有邀請評價或詢問滿意度`,
  },
  'no-order-facts': {
    en: () => 'no order facts (facts.order.shipped)',
    'zh-Hans': () => '没有订单信息（facts.order.shipped）',
    'zh-Hant': () => '沒有訂單資訊（facts.order.shipped）',
  },
  'no-finding': {
    en: (d) => `no ${d.ruleId} finding in ${d.count} agent turn${d.count === 1 ? '' : 's'}`,
    'zh-Hans': (d) => `客服的 ${d.count} 条消息中没有 ${d.ruleId} 问题`,
    'zh-Hant': (d) => `客服的 ${d.count} 則訊息中沒有 ${d.ruleId} 問題`,
  },
};

/**
 * Per locale, each message as a string when it shows no value (a writer that takes no argument:
 * written once here, not per piece of evidence — a million-turn run writes millions), else its writer.
 */
const BY_LOCALE = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    new Map(
      EVIDENCE_MESSAGE_IDS.map((id) => {
        const write = MESSAGES[id][locale];
        return [id, write.length === 0 ? write({}) : write] as const;
      }),
    ),
  ]),
) as Record<SupportedLocale, Map<EvidenceMessageId, string | Write>>;

/** The message `id` with `data`, written in `locale`. */
export function evidenceMessage(id: EvidenceMessageId, data: EvidenceData, locale: SupportedLocale): string {
  const message = BY_LOCALE[locale].get(id)!;
  return typeof message === 'string' ? message : message(data);
}
