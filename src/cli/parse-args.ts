import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

/** Longest run of short options in one argument (`-abc`); no command has more than a few. */
export const MAX_SHORT_OPTION_GROUP = 16;

/**
 * node's parseArgs with strict options, after a linear check of short-option groups: parseArgs
 * expands an argument such as `-[订单…` into one token per character before it rejects the
 * first, which on a 100,000-character argument overflows the stack or takes seconds. A group
 * whose first letter is not one of the command's short options is refused here with the message
 * parseArgs would give; a longer group than any command needs is refused as such.
 */
export function parseCommandArgs<T extends ParseArgsConfig & { args: string[] }>(config: T) {
  const options = config.options ?? {};
  const shorts = new Map<string, 'string' | 'boolean'>();
  for (const option of Object.values(options))
    if (option.short !== undefined) shorts.set(option.short, option.type);
  const takesValue = (arg: string) =>
    arg.startsWith('--')
      ? !arg.includes('=') && Object.hasOwn(options, arg.slice(2)) && options[arg.slice(2)]?.type === 'string'
      : arg.length === 2 && arg[0] === '-' && shorts.get(arg[1] ?? '') === 'string';
  for (let i = 0; i < config.args.length; i++) {
    const arg = config.args[i] ?? '';
    if (arg === '--') break;
    // The value of `--previous -x` or `-o -x` is not an option (parseArgs judges it).
    if (takesValue(arg)) {
      i++;
      continue;
    }
    if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') continue;
    const first = String.fromCodePoint(arg.codePointAt(1) ?? 0);
    const type = shorts.get(first);
    // `-ofile`: the rest is the option's value, not a group.
    if (type === 'string') continue;
    if (type === undefined)
      throw new UsageError(
        `Unknown option '-${first}'. To pass a text that starts with "-", put it after "--", as in: -- "-${first}…"`,
      );
    if (arg.length > MAX_SHORT_OPTION_GROUP + 1)
      throw new UsageError(
        `'${arg.slice(0, 12)}…' is a group of ${arg.length - 1} short options; at most ${MAX_SHORT_OPTION_GROUP}`,
      );
    // parseArgs reads a group one letter at a time: a `-` in it (`-q-`) is `--`, the end of the
    // options; a string option's letter takes the rest of the group as its value.
    if (groupEndsOptions(arg, shorts)) break;
  }
  return parseArgs(config);
}

/** Whether parseArgs reads a `-` in the short-option group `arg` (as `--`) before any value. */
function groupEndsOptions(arg: string, shorts: ReadonlyMap<string, 'string' | 'boolean'>): boolean {
  for (const letter of arg.slice(1)) {
    if (letter === '-') return true;
    if (shorts.get(letter) === 'string') return false;
  }
  return false;
}
