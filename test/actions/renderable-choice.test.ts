import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';

// A template that cannot render (a required fact is missing) is not chosen while one that can
// exists: the customer gets an answer, never a blank part with `missing`.
const assistant = createAssistant();
const scanned = { shipped: true, carrierScan: true };

describe('template choice prefers what can render', () => {
  it.each([
    ['zh-Hans', '我的包裹到哪了'],
    ['zh-Hant', '我的包裹到哪了？查一下物流'],
    ['en', 'where is my parcel?'],
  ])('%s: scanned parcel without carrier or number → an answer that renders', (_, text) => {
    const result = assistant.reply(text, { facts: { order: scanned } });
    const answer = result.replies.find((r) => r.stage === 'answer');
    expect(answer?.text).toBeTruthy();
    expect(answer?.missing).toBeUndefined();
    expect(answer?.templateId).not.toBe('shipping/carrier-shipped');
    expect(result.text).not.toBe('');
  });

  it.each([
    ['zh-Hans', '我的包裹到哪了', 'SF1234567890'],
    ['en', 'where is my parcel?', 'SF1234567890'],
  ])('%s: with the carrier and the number, the carrier-shipped wording is chosen', (_, text, number) => {
    const result = assistant.reply(text, {
      facts: { order: { ...scanned, carrier: 'SF Express', trackingNumber: number } },
    });
    const answer = result.replies.find((r) => r.stage === 'answer');
    expect(answer?.templateId).toBe('shipping/carrier-shipped');
    expect(answer?.text).toContain(number);
  });
});
