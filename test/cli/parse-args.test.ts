import { parseArgs, type ParseArgsConfig } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { MAX_SHORT_OPTION_GROUP, parseCommandArgs } from '../../src/cli/parse-args.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { lintIo } from './lint-helpers.js';

const options = {
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'output-file': { type: 'string', short: 'o' },
} satisfies ParseArgsConfig['options'];

function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    return {
      error: error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'),
    };
  }
}

describe('parseCommandArgs', () => {
  it.each([
    ['a text', ['我的订单'], { ok: true }],
    ['a short option with its value glued', ['-ofile.json', '好'], { ok: true }],
    ['a value that looks like an option (parseArgs calls it ambiguous)', ['-o', '-x'], { ok: false }],
    ['a long option whose value starts with "-"', ['--format=-x'], { ok: true }],
    ['a group of known booleans', ['-qq'], { ok: true }],
    ['a text after --', ['--', '-[订单'.repeat(1_000)], { ok: true }],
    // A positional ending in an option letter is no option: the -- after it still ends options
    // (found by the property below, seed 1541109252).
    ['" o" then -- then a text starting with "-"', [' o', '--', '-  '], { ok: true }],
    // parseArgs reads the "-" of "-q-" as "--" (found by 100,000 runs of the property below).
    ['a group with "-" in it ends the options', ['-q-', '-  '], { ok: true }],
    ['…but not inside a value', ['-qo-', '-  '], { ok: false }],
    ['an unknown short option', ['-x'], { ok: false }],
    ['a text starting with "-"', ['-[订单'.repeat(42_267)], { ok: false }],
    ['a group longer than any command needs', [`-${'q'.repeat(MAX_SHORT_OPTION_GROUP + 1)}`], { ok: false }],
  ])('%s', (_name, args, expected) => {
    const result = outcome(() => parseCommandArgs({ args, options, allowPositionals: true }));
    expect('ok' in (result as object)).toBe(expected.ok);
  });

  it('refuses a 126,000-character short-option group without expanding it (parseArgs overflows the stack)', () => {
    const args = ['-' + '[订单'.repeat(42_267)];
    expect(() => parseArgs({ args, options, allowPositionals: true })).toThrow(RangeError);
    expect(() => parseCommandArgs({ args, options, allowPositionals: true })).toThrow(
      /Unknown option '-\['.*put it after "--"/,
    );
  });

  it('agrees with parseArgs on every short argument list: same values, or an error from both', () => {
    const token = fc.oneof(
      fc.constantFrom(
        '-',
        '--',
        '-o',
        '-q',
        '-qq',
        '-qo',
        '-oq',
        '--format',
        '--format=',
        '--quiet',
        '-x',
        '--x',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ maxLength: 6 }).map((s) => `-${s}`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (args) => {
        const config = { args, options, allowPositionals: true };
        const ours = outcome(() => parseCommandArgs(config));
        const node = outcome(() => parseArgs(config));
        expect(ours).toEqual(node);
      }),
      { numRuns: 2_000 },
    );
  });

  it('huashu analyze on a 126,000-character argument starting with "-" is a usage error, not a crash', async () => {
    const io = lintIo();
    const code = await execute(['analyze', '-' + '[订单'.repeat(42_267), '--format', 'json'], io.io);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(/^huashu analyze: Unknown option '-\['/);
  });
});
