import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { printable } from '../../src/lint/formatters/text.js';
import { lintIo, tempDir } from './lint-helpers.js';

/** Characters a terminal or a CI log would act on: C0 but tab and line feed, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- the characters under test
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('printable: the one sanitizer of what the CLI writes for people', () => {
  it.each([
    ['\u001b[2J', '\ufffd[2J'],
    ['\u001b]0;pwned\u0007', '\ufffd]0;pwned\ufffd'],
    ['a\u009b31mb', 'a\ufffd31mb'],
    ['abc\u202edcba', 'abc\ufffddcba'],
    ['\u2066x\u2069', '\ufffdx\ufffd'],
    ['over\rwrite', 'over\ufffdwrite'],
    ['back\bspace\u007f', 'back\ufffdspace\ufffd'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['亲，已发货 😀 עברית', '亲，已发货 😀 עברית'],
  ])('%j → %j', (input, output) => {
    expect(printable(input)).toBe(output);
  });

  it('property: nothing unsafe is left, and every other character is kept in place', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const out = printable(text);
        expect(out).not.toMatch(UNSAFE);
        expect(out.length).toBe(text.length);
        for (let i = 0; i < text.length; i++)
          if (out[i] !== text[i]) expect([out[i], UNSAFE.test(text[i] ?? '')]).toEqual(['\ufffd', true]);
      }),
    );
  });
});

describe('huashu lint: escape sequences from an export never reach the terminal or the CI log', () => {
  const evil = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';
  const tmp = tempDir({
    'export.jsonl': [
      JSON.stringify({ id: `a${evil}`, agent: `小王${evil}`, reply: `有问题可以加我微信${evil}` }),
      `{"reply": ${evil}}`,
      JSON.stringify({ reply: 5, agent: evil }),
    ].join('\n'),
  });
  tmp.write(`name${evil}.txt`, '有问题可以加我微信\n');
  afterAll(() => tmp.cleanup());

  it.each(['stylish', 'github', 'summary'])('--format %s: stdout and stderr are clean', async (format) => {
    const out = lintIo({ cwd: tmp.dir });
    const code = await execute(
      ['lint', 'export.jsonl', `name${evil}.txt`, '--format', format, '--summary', '--no-config'],
      out.io,
    );
    expect(code).toBe(2); // two malformed lines
    expect(out.stdout).not.toMatch(UNSAFE);
    expect(out.stderr).not.toMatch(UNSAFE);
    expect(out.stderr).toContain('export.jsonl:2: skipped: invalid JSON');
    if (format === 'github') expect(out.stdout).toMatch(/^::error file=name\ufffd/m);
    if (format === 'stylish') expect(out.stdout).toContain('小王\ufffd]0;pwned\ufffd');
  });

  it('error messages are clean too (a file name from the command line)', async () => {
    const out = lintIo({ cwd: tmp.dir });
    expect(await execute(['lint', `missing${evil}.jsonl`], out.io)).toBe(2);
    expect(out.stderr).toContain('cannot read missing\ufffd]0;pwned');
    expect(out.stderr).not.toMatch(UNSAFE);
    const unknown = lintIo({ cwd: tmp.dir });
    expect(await execute([`lint${evil}`], unknown.io)).toBe(2);
    expect(unknown.stderr).not.toMatch(UNSAFE);
  });
});

describe('pretty views show input text inert too', () => {
  it.each([[['analyze', '-', '--format', 'pretty']], [['reply', '-', '--format', 'pretty', '--no-config']]])(
    '%j',
    async (argv) => {
      const out = lintIo({ stdin: '什么时候发货\u001b]0;pwned\u0007\u001b[2J\u202e\n' });
      expect(await execute(argv, out.io)).toBe(0);
      expect(out.stdout).toContain('什么时候发货\ufffd]0;pwned');
      expect(out.stdout).not.toMatch(UNSAFE);
    },
  );
});
