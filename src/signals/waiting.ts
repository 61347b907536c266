import { toOriginalRange, type NormalizedText } from '../normalize/index.js';
import type { Contribution } from './contribution.js';

// How long the customer has waited, with a number the phrase list cannot enumerate:
// 这都四天了, 已经[数字x]天了, 等了3天, it's been 5 days, waiting for two weeks.
const ZH_WAITED =
  /(?:都|已经|下了|买了|等了|过了)(?:\d{1,3}|[一二两三四五六七八九十几好]{1,3}|\[数字x\])(?:多)?(?:天|周|个星期|个礼拜|个月)(?:了)?/g;
const EN_WAITED =
  /\b(?:it's been|it has been|been waiting(?: for)?|waited(?: for)?|waiting for)(?: over| more than| almost)? (?:\d{1,3}|two|three|four|five|six|seven|ten|several|many) (?:days|weeks|months)\b/g;

/** A stated wait (已经5天了, it's been two weeks): the customer is pressing, so urgency. */
export function waitingContributions(normalized: NormalizedText, out: Contribution[]): void {
  const text = normalized.text;
  const patterns: RegExp[] = [];
  if (/[天周期拜月]/.test(text)) patterns.push(ZH_WAITED);
  if (text.includes('days') || text.includes('weeks') || text.includes('months')) patterns.push(EN_WAITED);
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      // 下了3天 without 了 is a plan (下了单3天后), so the Chinese form needs a verb of waiting or 了.
      if (pattern === ZH_WAITED && !m[0].endsWith('了') && !m[0].startsWith('等了')) continue;
      out.push({
        signal: 'emotion.urgency',
        weight: 0.5,
        range: toOriginalRange(normalized, m.index, m.index + m[0].length),
      });
    }
  }
}
