import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/index.js';
import { thrown } from '../helpers/thrown.js';

describe('createAssistant', () => {
  it('analyze returns the text, its folded form and its language', () => {
    const analysis = createAssistant().analyze('亲，請問什麼時候發貨？？');
    expect(analysis.text).toBe('亲，請問什麼時候發貨？？');
    expect(analysis.normalized).toBe('亲,请问什么时候发货?');
    expect(analysis.language.locale).toBe('zh-Hant');
  });

  it('accepts the conversation context from the start', () => {
    const assistant = createAssistant();
    const analysis = assistant.analyze('好的', {
      previousAgentMessage: '亲，是要改成这个地址吗？',
      history: [
        { role: 'customer', text: '地址填错了' },
        { role: 'agent', text: '亲，是要改成这个地址吗？' },
      ],
    });
    expect(analysis.text).toBe('好的');
  });

  it.each([
    [undefined, 'INVALID_INPUT'],
    [42, 'INVALID_INPUT'],
    [null, 'INVALID_INPUT'],
    [{ text: 'hi' }, 'INVALID_INPUT'],
  ])('analyze(%j) throws HuashuError %s', (input, code) => {
    const error = thrown(() => createAssistant().analyze(input as unknown as string));
    expect(error.code).toBe(code);
    expect(error.message).toContain('analyze(text)');
  });

  it('rejects a malformed context with every problem listed', () => {
    const error = thrown(() =>
      createAssistant().analyze('hi', { history: [{ role: 'robot', text: 1 }] } as unknown as Parameters<
        ReturnType<typeof createAssistant>['analyze']
      >[1]),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['history[0].role', 'history[0].text']),
    );
  });

  it('rejects unknown options with INVALID_OPTIONS naming the key', () => {
    const error = thrown(() => createAssistant({ nonsense: true } as never));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain('nonsense');
  });

  it('rejects a bad option value with a message saying what to fix', () => {
    const error = thrown(() => createAssistant({ defaultLocale: 'fr' } as never));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues[0]?.path).toBe('defaultLocale');
  });
});
