import { toOriginalRange } from '../../normalize/index.js';
import { builtInStructure, builtInTone, categoryInfo } from '../built-in-data.js';
import { FORBIDDEN_CATEGORIES, type ForbiddenCategory } from '../data-schema.js';
import { ruleDocsUrl } from '../docs.js';
import { defineBuiltInRule, MAX_FINDINGS_PER_RULE } from '../rule.js';
import { excused, forEachStructureHit, isCancelled, StructureReading, type StructureHit } from '../structure.js';
import { readTone } from '../tone.js';

const FORBIDDEN: ReadonlySet<string> = new Set(FORBIDDEN_CATEGORIES);

/**
 * 服务忌语: scolding, rhetorical questions at the customer, interrogation, discrimination, pushing
 * responsibility away, impatience, flat refusal, condescension, "not my business". Each finding
 * names its category and suggests a whole approved sentence (contract: category → template).
 */
export const noForbiddenPhrase = defineBuiltInRule({
  meta: {
    id: 'no-forbidden-phrase',
    category: 'wording',
    docs: {
      description: 'Forbidden service language (服务忌语): scolding, rhetorical questions, deflection, flat refusals…',
      url: ruleDocsUrl('no-forbidden-phrase'),
    },
    hasSuggestions: true,
    defaultSeverity: 'error',
    // `tone: false` turns the learned tone score off (a shop that wants named shapes only).
    defaultOptions: { tone: true },
    messages: {
      scolding: {
        'zh-Hans': '服务忌语（喝斥）：“{{text}}”。请心平气和地请客户再说一遍。',
        'zh-Hant': '服務忌語（喝斥）：“{{text}}”。請心平氣和地請客戶再說一遍。',
        en: 'Forbidden language (scolding): “{{text}}”. Calmly ask the customer to say it again.',
      },
      rhetorical: {
        'zh-Hans': '服务忌语（反问）：“{{text}}”。请直接、耐心地再解释一遍。',
        'zh-Hant': '服務忌語（反問）：“{{text}}”。請直接、耐心地再解釋一遍。',
        en: 'Forbidden language (rhetorical question at the customer): “{{text}}”. Explain again, plainly and patiently.',
      },
      interrogation: {
        'zh-Hans': '服务忌语（质问）：“{{text}}”。请改为询问客户哪里还不清楚。',
        'zh-Hant': '服務忌語（質問）：“{{text}}”。請改為詢問客戶哪裡還不清楚。',
        en: 'Forbidden language (interrogating the customer): “{{text}}”. Ask what is still unclear instead.',
      },
      discrimination: {
        'zh-Hans': '服务忌语（歧视）：“{{text}}”。请尊重每一位客户，耐心解释。',
        'zh-Hant': '服務忌語（歧視）：“{{text}}”。請尊重每一位客戶，耐心解釋。',
        en: 'Forbidden language (discrimination): “{{text}}”. Treat every customer with respect and explain patiently.',
      },
      deflection: {
        'zh-Hans': '服务忌语（推卸责任）：“{{text}}”。首问负责：请由您跟进处理，不要把客户推走。',
        'zh-Hant': '服務忌語（推卸責任）：“{{text}}”。首問負責：請由您跟進處理，不要把客戶推走。',
        en: 'Forbidden language (pushing responsibility away): “{{text}}”. Take ownership and follow it up yourself.',
      },
      impatience: {
        'zh-Hans': '服务忌语（不耐烦）：“{{text}}”。请礼貌地请客户稍等，并说明原因。',
        'zh-Hant': '服務忌語（不耐煩）：“{{text}}”。請禮貌地請客戶稍等，並說明原因。',
        en: 'Forbidden language (impatience): “{{text}}”. Politely ask the customer to wait and say why.',
      },
      flat_refusal: {
        'zh-Hans': '服务忌语（生硬拒绝）：“{{text}}”。请说明原因，并告诉客户您能做什么。',
        'zh-Hant': '服務忌語（生硬拒絕）：“{{text}}”。請說明原因，並告訴客戶您能做什麼。',
        en: 'Forbidden language (flat refusal): “{{text}}”. Give the reason and say what you can do.',
      },
      condescension: {
        'zh-Hans': '服务忌语（居高临下）：“{{text}}”。请耐心解释，确认客户已经明白。',
        'zh-Hant': '服務忌語（居高臨下）：“{{text}}”。請耐心解釋，確認客戶已經明白。',
        en: 'Forbidden language (condescension): “{{text}}”. Explain patiently and check the customer understood.',
      },
      not_my_business: {
        'zh-Hans': '服务忌语（事不关己）：“{{text}}”。请让客户感到您愿意帮忙。',
        'zh-Hant': '服務忌語（事不關己）：“{{text}}”。請讓客戶感到您願意幫忙。',
        en: 'Forbidden language (“not my business”): “{{text}}”. Show the customer you want to help.',
      },
      tone: {
        'zh-Hans': '语气可能让客户不舒服：“{{text}}”。请换成耐心、礼貌的说法：先致歉或说明原因，再说您能做什么。',
        'zh-Hant': '語氣可能讓客戶不舒服：“{{text}}”。請換成耐心、禮貌的說法：先致歉或說明原因，再說您能做什麼。',
        en: 'This may sound rude to the customer: “{{text}}”. Say it patiently and politely: apologise or give the reason, then say what you can do.',
      },
      custom: {
        'zh-Hans': '店铺禁用语：“{{text}}”{{note}}',
        'zh-Hant': '店鋪禁用語：“{{text}}”{{note}}',
        en: 'Wording the shop does not use: “{{text}}”{{note}}',
      },
    },
  },
  create(context) {
    /**
     * This reply's phrase findings (skeleton span, category): a detector does not report the same
     * words again, nor the same category again in the same sentence.
     */
    let phraseSpans: Array<[number, number, string]> = [];
    /** This reply's sentences as the detectors read them: built once, shared by every finding. */
    let reading: StructureReading | undefined;
    const readingOf = (): StructureReading => (reading ??= new StructureReading(context.reply.skeleton));
    /** Findings reported on this reply: past MAX_FINDINGS_PER_RULE the runner drops them, so the rule stops looking. */
    let reported = 0;
    const report = (category: string, id: string, start: number, end: number, entry?: { expected?: string; note?: string }): void => {
      const range = context.reply.range(start, end);
      const text = context.reply.text.slice(range[0], range[1]);
      const data: Record<string, string> = { category, phrase: id, text };
      let suggestion: string | undefined;
      if (FORBIDDEN.has(category)) {
        const template = categoryInfo(category as ForbiddenCategory).template;
        data.template = template;
        suggestion = context.suggestion(template);
      } else {
        data.note = entry?.note === undefined ? '' : ` — ${entry.note}`;
      }
      reported++;
      context.report({
        messageId: category,
        data,
        range,
        ...(entry?.expected === undefined ? {} : { expected: entry.expected }),
        ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
      });
    };
    /** A detector's hit: reported unless a phrase finding already covers it; false once the rule has reported all it may. */
    const onStructureHit = (hit: StructureHit): boolean => {
      const category = hit.detector.category;
      const covered = phraseSpans.some(
        ([start, end, own]) =>
          (start < hit.end && hit.start < end) ||
          (own === category && readingOf().sameSentence(Math.min(start, hit.start), Math.max(end, hit.end))),
      );
      if (!covered && !isCancelled(builtInStructure(), context.reply.skeleton, hit.start, category))
        report(category, hit.detector.id, hit.start, hit.end);
      return reported < MAX_FINDINGS_PER_RULE;
    };
    return {
      reply() {
        phraseSpans = [];
        reading = undefined;
        reported = 0;
      },
      phrase(match) {
        if (reported >= MAX_FINDINGS_PER_RULE) return;
        const { entry } = match;
        const category = entry.category ?? 'custom';
        // A shop's own phrases (category custom) are reported as the shop wrote them.
        if (FORBIDDEN.has(category)) {
          if (isCancelled(builtInStructure(), context.reply.skeleton, match.start, category)) return;
          if (excused(builtInStructure(), readingOf(), match.start, category)) return;
        }
        phraseSpans.push([match.start, match.end, category]);
        report(category, entry.id, match.start, match.end, entry);
      },
      'reply:exit'() {
        // The structure of each sentence (rules/lint/structure.json): new wordings of the same ideas.
        if (reported >= MAX_FINDINGS_PER_RULE) return;
        forEachStructureHit(builtInStructure(), context.reply.skeleton, readingOf, onStructureHit);
        // Where the lists and the detectors found nothing: how the reply sounds, as a warning
        // (a learned score is less sure than a named shape), pointing at its rudest sentence.
        const tone = reported > 0 || context.options.tone === false ? null : builtInTone();
        const { skeleton } = context.reply;
        if (tone === null) return;
        const length = skeleton.foldedLength;
        if (length === 0) return;
        const sound = readTone(tone.model, skeleton.foldedCodes, length);
        if (!sound.rude || sound.end <= sound.start) return;
        const { normalized } = skeleton;
        if (tone.politeFrame.test(normalized.text.slice(sound.start, sound.end))) return;
        const range = toOriginalRange(normalized, sound.start, sound.end);
        context.report({
          messageId: 'tone',
          severity: 'warn',
          data: { category: 'tone', text: context.reply.text.slice(range[0], range[1]).trim() },
          range,
        });
      },
    };
  },
});
